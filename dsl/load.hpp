// Reading rule files from disk: paths may be files or directories (searched recursively for
// *.ntm, in sorted order so that every run sees the same order).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/diagnostics.hpp"
#include "dsl/parser.hpp"
#include "dsl/source.hpp"
#include "text/problem.hpp"

namespace ntm::dsl {

// Expands PATHs into the list of rule files, sorted; reports missing paths.
std::vector<std::string> find_rule_files(const std::vector<std::string>& paths,
                                         std::vector<text::Problem>& io_errors);

// Reads and parses the files.  A file that cannot be read or is not valid UTF-8 is an
// input/output problem (exit code 2, not 1); text that is not
// in NFC is a diagnostic (E0003) pointing at the first place that is not.
Module load_rules(const std::vector<std::string>& files, SourceManager& sources, Diagnostics& diags,
                  NodeIds& ids, std::vector<text::Problem>& io_errors);

}  // namespace ntm::dsl
