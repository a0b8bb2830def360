// What the parser says at each commit point of the grammar.
//
// Every rule used under `must<>` has its message here; `error_control::raise` refuses to
// compile for a rule without one.  The parser appends what it found instead ("found '}'").
#pragma once

#include "dsl/grammar.hpp"

namespace ntm::dsl::grammar {

template <typename Rule>
inline constexpr const char* error_message = nullptr;

#define NTM_ERR(rule, text) \
    template <>             \
    inline constexpr const char* error_message<rule> = text

NTM_ERR(declaration,
        "expected a declaration: 'set', 'level', 'class', 'category', 'revocation', 'data', "
        "'unit', 'body', 'member', 'assignments' or 'target'");
NTM_ERR(decl_name, "expected a name for the declaration");
NTM_ERR(name, "expected a name");
NTM_ERR(kind_name, "expected an entity kind (thon, xa, huyen or tinh)");
NTM_ERR(field_unit, "expected a unit (percent, yesno, count, number or a declared unit)");
NTM_ERR(responsible, "expected the name of a body or member after '->'");
NTM_ERR(title, "expected a title in double quotes");
NTM_ERR(string_lit, "expected text in double quotes");
NTM_ERR(string_end, "unterminated string: expected '\"' before the end of the line");
NTM_ERR(open_brace, "expected '{'");
NTM_ERR(colon, "expected ':'");
NTM_ERR(code, "expected an official code such as 10 or 17.10");
NTM_ERR(code_list, "expected one or more official codes such as 2, 17.10");
NTM_ERR(years, "expected a year such as 2025 or a range such as 2021..2025");
NTM_ERR(year_to, "expected the last year of the range");
NTM_ERR(date, "expected a date such as 2025-12-31");
NTM_ERR(day, "expected a two-digit day, as in 2025-12-31");
NTM_ERR(operand, "expected an expression");
NTM_ERR(unary, "expected a value after the operator");
NTM_ERR(unary_operand, "expected a value after '-'");
NTM_ERR(not_operand, "expected a condition after 'not'");
NTM_ERR(not_expr, "expected a condition after 'and'");
NTM_ERR(and_expr, "expected a condition after 'or'");
NTM_ERR(product, "expected a value after the operator");
NTM_ERR(sum, "expected a value to compare with");
NTM_ERR(close_paren, "expected ')'");
NTM_ERR(threshold_value,
        "expected a threshold: a number, 'by region { … }', 'by year { … }', 'table { … }' or "
        "'when … else …'");
NTM_ERR(by_what, "expected 'region', 'year' or a category name and '{' after 'by'");
NTM_ERR(by_category_end, "expected a category entry 'NAME: value' or '}' to close the table by category");
NTM_ERR(by_region_end, "expected a region entry 'REGION: value' or '}' to close 'by region'");
NTM_ERR(by_year_end, "expected a year entry 'YEAR: value' or '}' to close 'by year'");
NTM_ERR(table_header, "expected the header row of years of the table");
NTM_ERR(table_end, "expected a table row 'REGION value …' or '}' to close the table");
NTM_ERR(case_else, "expected another 'when' case or 'else' with the remaining threshold");
NTM_ERR(range_dots, "expected '..' between the bounds of the range");
NTM_ERR(range_high, "expected the upper bound of the range");
NTM_ERR(requirement,
        "expected a requirement: 'yes', 'no', a comparator (>=, >, <=, <, =, !=) with a "
        "threshold, or 'in LOW .. HIGH'");
NTM_ERR(applies_when, "expected 'when' after 'applies'");
NTM_ERR(region_when, "expected 'when' and a condition after the region");
NTM_ERR(indicator_end,
        "expected an indicator property ('source', 'unit', 'value', 'applies', 'require', "
        "'unconfirmed') or '}'");
NTM_ERR(criterion_end, "expected 'source', 'combine', 'indicator', 'unconfirmed' or '}' in the criterion");
NTM_ERR(combine_how, "expected 'all', 'any' or 'at_least K' after 'combine'");
NTM_ERR(combine_count, "expected a whole number after 'at_least'");
NTM_ERR(group_end, "expected 'criterion' or '}' to close the group");
NTM_ERR(override_what, "expected 'criterion N { … }' or 'indicator C { … }' after 'override'");
NTM_ERR(remove_what, "expected 'criterion N' or 'indicator C' after 'remove'");
NTM_ERR(set_end,
        "expected a set item ('source', 'for', 'valid', 'extends', 'locality', 'region', "
        "'group', 'criterion', 'override', 'remove', 'unconfirmed') or '}'");
NTM_ERR(derive_eq, "expected '=' and the expression that computes the derived value");
NTM_ERR(data_end, "expected 'field', 'derive', 'combine' or '}' in the data block");
NTM_ERR(combine_way,
        "expected how the input combines when units merge: 'sum', 'weighted by NAME', 'all', "
        "'any', 'min', 'max' or 'resurvey'");
NTM_ERR(combine_by, "expected 'by' and the input that weights the mean after 'weighted'");
NTM_ERR(combine_weight, "expected the name of the input that weights the mean");
NTM_ERR(combine_inputs, "expected one or more inputs: field names or indicator codes such as 2.1");
NTM_ERR(combine_input, "expected a field name or an indicator code after ','");
NTM_ERR(level_end, "expected 'for', 'source', 'after', 'meets', 'gate' or '}' in the level");
NTM_ERR(class_end, "expected 'for', 'source', 'when' or '}' in the class");
NTM_ERR(category_rule, "expected 'when' and a condition, or 'otherwise', after the category's title");
NTM_ERR(category_end,
        "expected 'for', 'source', a category 'NAME \"title\" when …' or '}' in the category");
NTM_ERR(revocation_end,
        "expected 'for', 'source', 'level', 'set', 'valid', 'unconfirmed', 'branch' or '}' in the "
        "revocation");
NTM_ERR(arrow, "expected '->' and the body or member in charge");
NTM_ERR(locality_which, "expected locality codes in quotes or 'where' and a condition");
NTM_ERR(assignments_end,
        "expected 'source', 'sets', 'valid', 'criterion', 'indicator', 'locality' or '}' in "
        "the assignments");
NTM_ERR(target_count, "expected a number (or '+' and a number) after the level name");
NTM_ERR(unconfirmed_reason, "expected the reason in double quotes after 'unconfirmed'");
NTM_ERR(target_end, "expected 'source', 'locality', 'year', a target line or '}' in the target");

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
