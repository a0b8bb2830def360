// What the parser says at each commit point of the grammar.
//
// Every rule used under `must<>` has its message here; `error_control::raise` refuses to
// compile for a rule without one.  A message is the key of its words in the catalogue
// ("E0001.colon": "expected ':'"); the parser appends what it found instead ("found '}'").
#pragma once

#include "dsl/grammar.hpp"

namespace ntm::dsl::grammar {

template <typename Rule>
inline constexpr const char* error_message = nullptr;

// The message is the key of its words in the catalogue (text/catalog_rules.cpp): "E0001.rule".
#define NTM_ERR(rule)   \
    template <>         \
    inline constexpr const char* error_message<rule> = "E0001." #rule

NTM_ERR(declaration);
NTM_ERR(decl_name);
NTM_ERR(name);
NTM_ERR(kind_name);
NTM_ERR(field_unit);
NTM_ERR(responsible);
NTM_ERR(title);
NTM_ERR(string_lit);
NTM_ERR(string_end);
NTM_ERR(open_brace);
NTM_ERR(colon);
NTM_ERR(code);
NTM_ERR(code_list);
NTM_ERR(years);
NTM_ERR(year_to);
NTM_ERR(date);
NTM_ERR(day);
NTM_ERR(operand);
NTM_ERR(unary);
NTM_ERR(unary_operand);
NTM_ERR(not_operand);
NTM_ERR(not_expr);
NTM_ERR(and_expr);
NTM_ERR(product);
NTM_ERR(sum);
NTM_ERR(close_paren);
NTM_ERR(threshold_value);
NTM_ERR(by_what);
NTM_ERR(by_category_end);
NTM_ERR(by_region_end);
NTM_ERR(by_year_end);
NTM_ERR(table_header);
NTM_ERR(table_end);
NTM_ERR(case_else);
NTM_ERR(range_dots);
NTM_ERR(range_high);
NTM_ERR(requirement);
NTM_ERR(applies_when);
NTM_ERR(region_when);
NTM_ERR(indicator_end);
NTM_ERR(criterion_end);
NTM_ERR(combine_how);
NTM_ERR(combine_count);
NTM_ERR(group_end);
NTM_ERR(override_what);
NTM_ERR(remove_what);
NTM_ERR(set_end);
NTM_ERR(derive_eq);
NTM_ERR(data_end);
NTM_ERR(combine_way);
NTM_ERR(combine_by);
NTM_ERR(combine_weight);
NTM_ERR(combine_inputs);
NTM_ERR(combine_input);
NTM_ERR(level_end);
NTM_ERR(class_end);
NTM_ERR(category_rule);
NTM_ERR(category_end);
NTM_ERR(revocation_end);
NTM_ERR(arrow);
NTM_ERR(locality_which);
NTM_ERR(assignments_end);
NTM_ERR(target_count);
NTM_ERR(unconfirmed_reason);
NTM_ERR(target_end);

#undef NTM_ERR

template <typename Rule>
struct error_control : tao::pegtl::normal<Rule> {
    template <typename ParseInput, typename... States>
    [[noreturn]] static void raise(const ParseInput& in, States&&... /*unused*/) {
        static_assert(error_message<Rule> != nullptr, "a rule under must<> needs a message");
        throw tao::pegtl::parse_error(error_message<Rule>, in);
    }
};

}  // namespace ntm::dsl::grammar
