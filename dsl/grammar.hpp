// The grammar of the rule language, one named rule per concept (EBNF in docs/language.md).
//
// Padding convention: every rule that reads a token is followed by `ws` at the place where
// it is used; a rule itself never consumes trailing white space, so that the parse-tree node
// of a token spans exactly the token.  `ws` covers blanks, line breaks and `#` comments.
//
// Keywords: `kw<...>` matches a word only when no letter, digit or '_' follows, with
// Vietnamese letters counted as letters (PEGTL's own `keyword` is ASCII-only and would match
// the start of `setđ`).  Reserved words, which can never be names: and or not yes no where
// when else.
//
// Commit points: once a declaration or property keyword has been read, what follows is
// required (`must<>`); each such rule has its message in parse_errors.hpp, and a rule under
// `must<>` with no message fails to compile.
//
// Recovery: the items of every block are read by `block_items<Item, End>`, which parses each
// item under `recover<>` (grammar_recover.hpp): a broken item is reported and skipped, and the
// block goes on with the next one.
//
// The tokens (letters, keywords, names, numbers, years, strings, `unconfirmed` marks) and the
// nesting guard are in grammar_lexical.hpp; this header holds the syntax built on them.
#pragma once

#include <tao/pegtl.hpp>

#include "dsl/grammar_lexical.hpp"
#include "dsl/grammar_recover.hpp"

namespace ntm::dsl::grammar {

using namespace tao::pegtl;  // NOLINT: the grammar is written in PEGTL's vocabulary

// ---------------------------------------------------------------------------------------------
// Expressions (precedence from loose to tight: or, and, not, comparison, + -, * /, unary -)

struct expr;

struct cmp_op : sor<string<'>', '='>, string<'<', '='>, string<'!', '='>, TAO_PEGTL_STRING("≥"),
                    TAO_PEGTL_STRING("≤"), TAO_PEGTL_STRING("≠"), one<'>'>, one<'<'>, one<'='>> {};
struct add_op : sor<one<'+'>, seq<one<'-'>, not_at<one<'>'>>>> {};
struct mul_op : one<'*', '/'> {};
struct neg_op : one<'-'> {};
struct not_op : kw_not {};

struct bool_yes : kw_yes {};
struct bool_no : kw_no {};
struct close_paren : one<')'> {};
struct operand : seq<expr> {};  // an expression required after a keyword
struct where_clause : seq<kw_where, ws, must<operand>> {};
struct arg : seq<expr, ws, opt<where_clause, ws>> {};
struct call : seq<name, ws, one<'('>, ws, opt<list<arg, seq<comma, ws>>>, must<close_paren>> {};
struct name_ref : seq<name> {};
struct paren : seq<one<'('>, ws, must<operand>, ws, must<close_paren>> {};
struct primary : sor<number, bool_yes, bool_no, string_lit, call, name_ref, paren> {};
struct unary;
struct unary_operand : nested<unary> {};
struct unary : sor<seq<neg_op, ws, must<unary_operand>>, primary> {};
struct product : seq<unary, star<ws, mul_op, ws, must<unary>>> {};
struct sum : seq<product, star<ws, add_op, ws, must<product>>> {};
struct comparison : seq<sum, opt<ws, cmp_op, ws, must<sum>>> {};
struct not_expr;
struct not_operand : nested<not_expr> {};
struct not_expr : sor<seq<not_op, ws, must<not_operand>>, comparison> {};
struct and_expr : seq<not_expr, star<ws, kw_and, ws, must<not_expr>>> {};
struct or_expr : seq<and_expr, star<ws, kw_or, ws, must<and_expr>>> {};
struct expr : nested<or_expr> {};

// ---------------------------------------------------------------------------------------------
// Thresholds and requirements

struct threshold;
struct threshold_value : nested<threshold> {};  // a threshold required here

struct region_entry : seq<name, ws, must<colon>, ws, must<threshold_value>, opt<unconfirmed_marks>> {};
struct by_region_end : one<'}'> {};
struct by_region : seq<kw_region, ws, must<open_brace>, ws, star<region_entry, ws>, must<by_region_end>> {};
struct year_entry : seq<years, ws, must<colon>, ws, must<threshold_value>, opt<unconfirmed_marks>> {};
struct by_year_end : one<'}'> {};
struct by_year : seq<kw_year, ws, must<open_brace>, ws, star<year_entry, ws>, must<by_year_end>> {};
// by_category = name "{" { name ":" threshold } "}" ;   (a dimension declared by `category`)
struct by_category_end : one<'}'> {};
struct by_category : seq<name, ws, must<open_brace>, ws, star<region_entry, ws>, must<by_category_end>> {};
struct by_what : sor<by_region, by_year, by_category> {};
struct by_threshold : seq<kw_by, ws, must<by_what>> {};

struct table_header : plus<years, ws> {};
struct table_row : seq<name, ws, plus<number, ws>> {};
struct table_end : one<'}'> {};
struct table : seq<kw_table, ws, must<open_brace>, ws, must<table_header>, star<table_row>, must<table_end>> {};

struct case_when : seq<kw_when, ws, must<operand>, ws, must<colon>, ws, must<threshold_value>> {};
struct case_else : seq<kw_else, ws, opt<colon, ws>, must<threshold_value>> {};
struct cases : seq<plus<case_when, ws>, must<case_else>> {};

struct threshold : sor<number, by_threshold, table, cases> {};

struct range_high : seq<threshold> {};
struct range_dots : two<'.'> {};
struct in_range : seq<kw_in, ws, must<threshold_value>, ws, must<range_dots>, ws, must<range_high>> {};
struct req_yes : kw_yes {};
struct req_no : kw_no {};
struct compare : seq<cmp_op, ws, must<threshold_value>> {};
struct requirement : sor<req_yes, req_no, in_range, compare> {};

// ---------------------------------------------------------------------------------------------
// Properties shared by several blocks

// Words that start a property or item: a name at the end of a statement is never one of
// them, so that `field a: ` followed by a line `field b: km` reports the missing unit on the
// first line instead of reading `field` as the unit.
struct item_keyword : sor<kw_unconfirmed,
                          kw_field, kw_derive, kw_source, kw_unit, kw_value, kw_applies, kw_require,
                          kw_indicator, kw_criterion, kw_combine, kw_group, kw_gate, kw_for, kw_after,
                          kw_meets, kw_valid, kw_extends, kw_region, kw_override, kw_remove,
                          kw_locality, kw_sets, kw_year, kw_branch> {};

struct decl_keyword : sor<kw_set, kw_level, kw_class, kw_category, kw_revocation, kw_data, kw_unit, kw_body,
                          kw_member, kw_assignments, kw_target> {};
struct block_keyword : sor<item_keyword, decl_keyword> {};

// block_items = { item } "}" ;
// A word that starts no item is an error of its own item (`stray`), so that the block goes on
// after it; a keyword ends the block (its '}' is missing, or the keyword is misplaced).
template <typename Item, typename End>
struct block_items : seq<star<recover<sor<Item, stray<End, block_keyword>>>, ws>, must<End>> {};

struct source_prop : seq<kw_source, ws, must<string_lit>> {};
struct kind_name : seq<not_at<item_keyword>, name> {};
struct for_prop : seq<kw_for, ws, must<kind_name>> {};
struct title : seq<string_lit> {};
struct decl_name : seq<name> {};

// ---------------------------------------------------------------------------------------------
// Criteria sets

struct field_unit : seq<not_at<item_keyword>, name> {};
struct unit_prop : seq<kw_unit, ws, must<field_unit>> {};
struct value_prop : seq<kw_value, ws, must<operand>> {};
struct applies_when : seq<kw_when> {};
struct applies_prop : seq<kw_applies, ws, must<applies_when>, ws, must<operand>> {};
struct require_prop : seq<kw_require, ws, must<requirement>, opt<unconfirmed_marks>> {};
struct indicator_item : sor<source_prop, unit_prop, value_prop, applies_prop, require_prop, unconfirmed> {};
struct indicator_end : one<'}'> {};
struct indicator_body : seq<must<open_brace>, ws, block_items<indicator_item, indicator_end>> {};
struct indicator : seq<kw_indicator, ws, must<code>, ws, opt<title, ws>, indicator_body> {};

struct combine_count : seq<digits> {};
struct combine_all : kw_all {};
struct combine_any : kw_any {};
struct combine_at_least : seq<kw_at_least, ws, must<combine_count>> {};
struct combine_how : sor<combine_all, combine_any, combine_at_least> {};
struct combine_prop : seq<kw_combine, ws, must<combine_how>> {};
struct criterion_item : sor<source_prop, combine_prop, indicator, unconfirmed> {};
struct criterion_end : one<'}'> {};
struct criterion_body : seq<must<open_brace>, ws, block_items<criterion_item, criterion_end>> {};
struct criterion : seq<kw_criterion, ws, must<code>, ws, opt<title, ws>, criterion_body> {};

struct group_end : one<'}'> {};
struct group : seq<kw_group, ws, must<title>, ws, must<open_brace>, ws, block_items<criterion, group_end>> {};

struct valid_prop : seq<kw_valid, ws, must<years>> {};
struct extends_prop : seq<kw_extends, ws, must<decl_name>> {};
struct region_when : seq<kw_when> {};
struct region_prop : seq<kw_region, ws, must<name>, ws, must<region_when>, ws, must<operand>> {};
struct override_criterion : seq<kw_criterion, ws, must<code>, ws, criterion_body> {};
struct override_indicator : seq<kw_indicator, ws, must<code>, ws, indicator_body> {};
struct override_what : sor<override_criterion, override_indicator> {};
struct override_prop : seq<kw_override, ws, must<override_what>> {};
struct remove_criterion : seq<kw_criterion, ws, must<code>> {};
struct remove_indicator : seq<kw_indicator, ws, must<code>> {};
struct remove_what : sor<remove_criterion, remove_indicator> {};
struct remove_prop : seq<kw_remove, ws, must<remove_what>> {};
// `locality "49"`: the set applies only to entities of that locality (a provincial set).
struct locality_prop : seq<kw_locality, ws, must<string_lit>> {};
struct set_item : sor<source_prop, for_prop, valid_prop, extends_prop, locality_prop, region_prop, group,
                      criterion, override_prop, remove_prop, unconfirmed> {};
struct set_end : one<'}'> {};
struct set_decl : seq<kw_set, ws, must<decl_name>, ws, opt<title, ws>, must<open_brace>, ws,
                      block_items<set_item, set_end>> {};

// ---------------------------------------------------------------------------------------------
// Other declarations

struct unit_decl : seq<kw_unit, ws, must<decl_name>, ws, must<title>> {};
struct body_decl : seq<kw_body, ws, must<decl_name>, ws, must<title>> {};
struct member_decl : seq<kw_member, ws, must<decl_name>, ws, must<title>> {};

struct derive_eq : one<'='> {};
struct field : seq<kw_field, ws, must<name>, ws, opt<title, ws>, must<colon>, ws, must<field_unit>> {};
struct derive : seq<kw_derive, ws, must<name>, ws, opt<title, ws>, must<colon>, ws, must<field_unit>, ws,
                    must<derive_eq>, ws, must<operand>> {};
// How an input combines when units merge:
// input_combine = "combine" way ":" input { "," input } ;
// way   = "sum" | "weighted" "by" name | "all" | "any" | "min" | "max" | "resurvey" ;
// input = name | code | string ;   (a field, or the column an indicator reads: 2.1 or "2.1")
// `combine` inside `data` is told apart from a criterion's `combine all` by its block; `all`
// and `any` mean "every part" and "some part" in both.
struct combine_sum : kw_sum {};
struct combine_weight : seq<name> {};
struct combine_by : seq<kw_by> {};
struct combine_weighted : seq<kw_weighted, ws, must<combine_by>, ws, must<combine_weight>> {};
struct combine_every : kw_all {};
struct combine_some : kw_any {};
struct combine_min : kw_min {};
struct combine_max : kw_max {};
struct combine_resurvey : kw_resurvey {};
struct combine_way : sor<combine_sum, combine_weighted, combine_every, combine_some, combine_min,
                         combine_max, combine_resurvey> {};
struct combine_input : sor<string_lit, code, name> {};
struct combine_inputs : seq<combine_input, star<ws, comma, ws, must<combine_input>>> {};
struct input_combine : seq<kw_combine, ws, must<combine_way>, ws, must<colon>, ws, must<combine_inputs>> {};
struct data_end : one<'}'> {};
struct data_decl : seq<kw_data, ws, must<kind_name>, ws, must<open_brace>, ws,
                       block_items<sor<field, derive, input_combine>, data_end>> {};

struct after_prop : seq<kw_after, ws, must<decl_name>> {};
struct meets_prop : seq<kw_meets, ws, must<decl_name>, star<ws, comma, ws, must<decl_name>>> {};
// gate = "gate" name [ title ] [ "valid" years ] ":" expr { mark } ;
struct gate : seq<kw_gate, ws, must<name>, ws, opt<title, ws>, opt<valid_prop, ws>, must<colon>, ws, must<operand>,
                 opt<unconfirmed_marks>> {};
struct level_end : one<'}'> {};
struct level_decl : seq<kw_level, ws, must<decl_name>, ws, opt<title, ws>, must<open_brace>, ws,
                        block_items<sor<for_prop, source_prop, after_prop, meets_prop, gate>, level_end>> {};

struct when_prop : seq<kw_when, ws, must<operand>> {};
struct class_end : one<'}'> {};
struct class_decl : seq<kw_class, ws, must<decl_name>, ws, opt<title, ws>, must<open_brace>, ws,
                        block_items<sor<for_prop, source_prop, when_prop>, class_end>> {};

// category = "category" name [ title ] "{" { for | source | member } "}" ;
// member   = name title ( "when" expr | "otherwise" ) ;
// The members are tried in order; `otherwise` (last, once: the checker says so) takes the rest.
struct category_when : seq<kw_when, ws, must<operand>> {};
struct category_otherwise : kw_otherwise {};
struct category_rule : sor<category_when, category_otherwise> {};
struct category_member : seq<name, ws, must<title>, ws, must<category_rule>> {};
struct category_end : one<'}'> {};
struct category_decl : seq<kw_category, ws, must<decl_name>, ws, opt<title, ws>, must<open_brace>, ws,
                           block_items<sor<for_prop, source_prop, category_member>, category_end>> {};

// revocation = "revocation" name [ title ] "{" { for | source | level | set | valid
//              | unconfirmed | branch } "}" ;
// level  = "level" name ;   (the recognition it revokes)
// set    = "set" name ;     (whose criteria it counts, or a set extending it)
// branch = "branch" name [ title ] ":" expr { "unconfirmed" string } ;
struct revocation_level : seq<kw_level, ws, must<decl_name>> {};
struct revocation_set : seq<kw_set, ws, must<decl_name>> {};
struct branch : seq<kw_branch, ws, must<name>, ws, opt<title, ws>, must<colon>, ws, must<operand>,
                    opt<unconfirmed_marks>> {};
struct revocation_end : one<'}'> {};
struct revocation_decl
    : seq<kw_revocation, ws, must<decl_name>, ws, opt<title, ws>, must<open_brace>, ws,
          block_items<sor<for_prop, source_prop, revocation_level, revocation_set, valid_prop, unconfirmed, branch>,
                      revocation_end>> {};

struct arrow : string<'-', '>'> {};
struct responsible : seq<not_at<item_keyword>, name> {};
struct due : seq<kw_due, ws, must<date>> {};
struct assign_tail : seq<must<arrow>, ws, must<responsible>, opt<ws, due>> {};
struct code_list : seq<code, star<ws, comma, ws, must<code>>> {};
struct assign_criterion : seq<kw_criterion, ws, must<code_list>, ws, assign_tail> {};
struct assign_indicator : seq<kw_indicator, ws, must<code_list>, ws, assign_tail> {};
struct locality_list : seq<string_lit, star<ws, comma, ws, must<string_lit>>> {};
struct locality_which : sor<locality_list, where_clause> {};
struct assign_locality : seq<kw_locality, ws, must<locality_which>, ws, assign_tail> {};
// `locality "49"` with no `->` after it: the assignments hold only within that locality.
struct locality_scope : seq<kw_locality, ws, string_lit, not_at<ws, sor<comma, arrow>>> {};
struct sets_prop : seq<kw_sets, ws, must<decl_name>, star<ws, comma, ws, must<decl_name>>> {};
struct assignments_end : one<'}'> {};
struct assignments_decl
    : seq<kw_assignments, ws, must<decl_name>, ws, opt<title, ws>, must<open_brace>, ws,
          block_items<sor<source_prop, sets_prop, valid_prop, locality_scope, assign_criterion, assign_indicator,
                          assign_locality>,
                      assignments_end>> {};

struct year_prop : seq<kw_year, ws, must<years>> {};
struct plus_sign : one<'+'> {};
struct target_count : seq<number> {};
struct target_line : seq<name, ws, opt<plus_sign, ws>, must<target_count>> {};
struct target_end : one<'}'> {};
struct target_decl : seq<kw_target, ws, must<decl_name>, ws, opt<title, ws>, must<open_brace>, ws,
                         block_items<sor<source_prop, locality_prop, year_prop, target_line>, target_end>> {};

struct declaration : sor<unit_decl, body_decl, member_decl, data_decl, set_decl, level_decl, class_decl,
                         category_decl, revocation_decl, assignments_decl, target_decl> {};
struct any_declaration : must<declaration> {};

// file = { declaration } ;   (the parser drives this one declaration at a time, to recover)
struct file : seq<ws, star<declaration, ws>, eof> {};

}  // namespace ntm::dsl::grammar
