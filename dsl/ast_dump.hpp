// A deterministic text dump of a syntax tree, for comparing trees in tests.
//
// The dump has one node per line, indented by depth, and leaves out what does not belong
// to the meaning of the rules: spans, node ids and comments.  Numbers show their spelling,
// '%' and value; expressions are fully parenthesised prefix forms, so that two trees dump
// equal exactly when they have the same shape and contents:
//
//   set xa_ntm_2021 "Bộ tiêu chí ..."
//     for xa
//     valid 2021..2025
//     criterion 10 "Thu nhập" group=-1
//       indicator 10 "Thu nhập bình quân ..."
//         unit trieu_dong
//         require >=
//           table 2021 2022
//             TDMNPB 36 39
#pragma once

#include <string>

#include "dsl/ast.hpp"

namespace ntm::dsl {

std::string dump(const RuleFile& file);
std::string dump(const Expr& e);

}  // namespace ntm::dsl
