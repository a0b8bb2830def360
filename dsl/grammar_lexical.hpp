// The tokens of the rule language: letters, keywords, names, numbers, years, strings and marks.
//
// Part of the grammar: the padding, keyword and commit-point conventions are stated at the top
// of grammar.hpp, which includes this header; include grammar.hpp, not this one.
#pragma once

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>
#include <utf8proc.h>

#include "dsl/parser.hpp"

namespace ntm::dsl::grammar {

using namespace tao::pegtl;  // NOLINT: the grammar is written in PEGTL's vocabulary

// ---------------------------------------------------------------------------------------------
// Lexical rules

// A letter (Continue = false) or a letter, digit, '_' or combining mark (Continue = true).
// Non-ASCII code points are classified by utf8proc; ill-formed UTF-8 never matches.
template <bool Continue>
struct ident_char {
    using rule_t = ident_char;
    using subs_t = type_list<>;

    template <typename ParseInput>
    static bool match(ParseInput& in) {
        if (in.empty()) return false;
        const unsigned char c = in.peek_uint8();
        if (c < 0x80) {
            const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
                            (Continue && c >= '0' && c <= '9');
            if (ok) in.bump(1);
            return ok;
        }
        utf8proc_int32_t cp = 0;
        const auto avail = static_cast<utf8proc_ssize_t>(in.size(4));
        const utf8proc_ssize_t n = utf8proc_iterate(
            reinterpret_cast<const utf8proc_uint8_t*>(in.current()), avail < 4 ? avail : 4, &cp);
        if (n <= 0) return false;
        switch (utf8proc_category(cp)) {
            case UTF8PROC_CATEGORY_LU:
            case UTF8PROC_CATEGORY_LL:
            case UTF8PROC_CATEGORY_LT:
            case UTF8PROC_CATEGORY_LM:
            case UTF8PROC_CATEGORY_LO: break;
            case UTF8PROC_CATEGORY_MN:
            case UTF8PROC_CATEGORY_MC:
                if (!Continue) return false;
                break;
            default: return false;
        }
        in.bump(static_cast<std::size_t>(n));
        return true;
    }
};

// Limits nesting of expressions and thresholds: hostile input gets an error, not a crash.
inline constexpr const char* kTooDeep = "nesting too deep";

template <typename Rule>
struct nested {
    using rule_t = nested;
    using subs_t = type_list<Rule>;

    template <apply_mode A, rewind_mode M, template <typename...> class Action,
              template <typename...> class Control, typename ParseInput, typename... States>
    static bool match(ParseInput& in, States&&... st) {
        struct guard {
            std::size_t& depth;
            explicit guard(std::size_t& d) : depth(++d) {}
            ~guard() { --depth; }
            guard(const guard&) = delete;
            guard& operator=(const guard&) = delete;
        } g(in.private_depth);
        if (in.private_depth > kMaxNesting) throw parse_error(kTooDeep, in);
        return Control<Rule>::template match<A, M, Action, Control>(in, st...);
    }
};

struct comment : seq<one<'#'>, until<eolf>> {};
struct ws : star<sor<space, comment>> {};

struct ident_first : ident_char<false> {};
struct ident_other : ident_char<true> {};

template <typename Str>
struct kw : seq<Str, not_at<ident_other>> {};

#define NTM_KW(name, text) \
    struct kw_##name : kw<TAO_PEGTL_STRING(text)> {}

NTM_KW(and, "and");
NTM_KW(or, "or");
NTM_KW(not, "not");
NTM_KW(yes, "yes");
NTM_KW(no, "no");
NTM_KW(where, "where");
NTM_KW(when, "when");
NTM_KW(else, "else");
NTM_KW(unit, "unit");
NTM_KW(body, "body");
NTM_KW(member, "member");
NTM_KW(data, "data");
NTM_KW(field, "field");
NTM_KW(derive, "derive");
NTM_KW(set, "set");
NTM_KW(source, "source");
NTM_KW(for, "for");
NTM_KW(valid, "valid");
NTM_KW(extends, "extends");
NTM_KW(region, "region");
NTM_KW(group, "group");
NTM_KW(criterion, "criterion");
NTM_KW(indicator, "indicator");
NTM_KW(combine, "combine");
NTM_KW(all, "all");
NTM_KW(any, "any");
NTM_KW(at_least, "at_least");
NTM_KW(value, "value");
NTM_KW(applies, "applies");
NTM_KW(require, "require");
NTM_KW(in, "in");
NTM_KW(by, "by");
NTM_KW(year, "year");
NTM_KW(table, "table");
NTM_KW(override, "override");
NTM_KW(remove, "remove");
NTM_KW(level, "level");
NTM_KW(after, "after");
NTM_KW(meets, "meets");
NTM_KW(gate, "gate");
NTM_KW(class, "class");
NTM_KW(assignments, "assignments");
NTM_KW(sets, "sets");
NTM_KW(locality, "locality");
NTM_KW(due, "due");
NTM_KW(target, "target");
NTM_KW(sum, "sum");
NTM_KW(weighted, "weighted");
NTM_KW(min, "min");
NTM_KW(max, "max");
NTM_KW(resurvey, "resurvey");
NTM_KW(unconfirmed, "unconfirmed");
NTM_KW(category, "category");
NTM_KW(otherwise, "otherwise");
NTM_KW(revocation, "revocation");
NTM_KW(branch, "branch");
#undef NTM_KW

struct reserved : sor<kw_and, kw_or, kw_not, kw_yes, kw_no, kw_where, kw_when, kw_else> {};

// name = letter { letter | digit | "_" } ;   (not a reserved word)
struct name : seq<not_at<reserved>, ident_first, star<ident_other>> {};

struct digits : plus<digit> {};
// number = digits [ "." digits ] [ "%" ] ;
struct number : seq<digits, opt<one<'.'>, digits>, not_at<ident_other>, opt<one<'%'>>> {};
// code = digits { "." digits } ;   e.g. 10, 17.10 — the spelling is kept
struct code : seq<digits, star<one<'.'>, digits>, not_at<ident_other>> {};
struct year : seq<rep<4, digit>, not_at<digit>> {};
// years = year [ ".." year ] ;
struct year_to : seq<year> {};
struct years : seq<year, opt<ws, two<'.'>, ws, must<year_to>>> {};
// date = year "-" month "-" day ;
struct day : rep<2, digit> {};
struct date : seq<rep<4, digit>, one<'-'>, rep<2, digit>, one<'-'>, must<day>> {};

struct escape : seq<one<'\\'>, one<'"', '\\', 'n'>> {};
struct string_char : sor<escape, not_one<'"', '\\', '\n', '\r'>> {};
struct string_end : one<'"'> {};
// A string ends on its line: a missing quote is reported there, not at the end of the file.
struct string_lit : seq<one<'"'>, star<string_char>, must<string_end>> {};

struct open_brace : one<'{'> {};
struct comma : one<','> {};
struct colon : one<':'> {};

// A figure, item or set not confirmed against the official text: `unconfirmed "reason"`.
// It stands as an item of a set, criterion or indicator, after a `require` line's threshold,
// after a cell of `by region` / `by year`, and after a gate's condition.
struct unconfirmed_reason : seq<string_lit> {};
struct unconfirmed : seq<kw_unconfirmed, ws, must<unconfirmed_reason>> {};
// Marks after a figure: on the same thing twice is an error the builder reports (E0802).
struct unconfirmed_marks : plus<ws, unconfirmed> {};

}  // namespace ntm::dsl::grammar

namespace tao::pegtl {
template <typename Name, bool C>
struct analyze_traits<Name, ntm::dsl::grammar::ident_char<C>> : analyze_any_traits<> {};
template <typename Name, typename Rule>
struct analyze_traits<Name, ntm::dsl::grammar::nested<Rule>> : analyze_seq_traits<Rule> {};
}  // namespace tao::pegtl
