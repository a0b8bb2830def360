// Internal to the checker: the state shared by its passes, and the passes themselves.
//
// checker.cpp runs the passes in order; each pass reads what the earlier ones put into
// `Context::out` and adds its own tables and diagnostics.  Nothing here is public API.
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/checker.hpp"

namespace ntm::dsl::check_detail {

struct Context {
    const Module& module;
    const SourceManager& sources;
    Diagnostics& diags;
    const CheckOptions& options;
    Checked& out;
};

// ---------------------------------------------------------------------------------------------
// Passes, in the order checker.cpp runs them.

void declare_names(Context& cx);          // check_names.cpp: symbol tables, duplicates
void check_data(Context& cx);             // check_data.cpp: field units, derived values
void check_combine(Context& cx);          // check_combine.cpp: how inputs combine in a merger
void flatten_sets(Context& cx);           // check_sets.cpp: extends, override, remove
void check_set_expressions(Context& cx);  // check_set_exprs.cpp: value, applies, regions
void check_thresholds(Context& cx);       // check_thresholds.cpp: shape of thresholds
void check_requirements(Context& cx);     // check_requirements.cpp: types, contradictions
void check_levels(Context& cx);           // check_levels.cpp: order, meets, gates, reach
void check_classes(Context& cx);          // check_levels.cpp
void check_categories(Context& cx);       // check_categories.cpp: members and conditions
void check_revocations(Context& cx);      // check_revocations.cpp: level, set, branches
void check_assignments(Context& cx);      // check_assign.cpp
void check_scale(Context& cx);            // check_scale.cpp: percentages written as fractions
void check_overrides(Context& cx);        // check_overrides.cpp: provincial sets looser, flipped
void check_coverage(Context& cx);         // check_coverage.cpp: criteria no body is in charge of
void check_targets(Context& cx);          // check_assign.cpp

// ---------------------------------------------------------------------------------------------
// Expressions (check_types.cpp).

// Where an expression is evaluated: whose data its names read, and which sets `met(C)` and
// `value(C)` look in.
struct Scope {
    std::optional<EntityKind> kind;
    std::vector<std::size_t> sets;
    std::vector<Name>* derived_uses = nullptr;  // collects the derived values read, where
    // What may be read besides the entity's data: `unmet_share` and `unmet()` in a revocation
    // branch; the entity's own `revoked` in a class (decided after revocation) or of the
    // entities below in an aggregate (judged before it).
    bool revocation = false;
    bool own_revoked = false;
    bool child = false;  // the operand of an aggregate, over the entities below
};

// Types `e` and its subexpressions, records them in cx.out.exprs and reports problems.
Type type_expr(Context& cx, const Expr& e, const Scope& scope);
// Types `e` and reports E0203 unless it is yes/no; `what` names the place ("gate 'x'").
void expect_condition(Context& cx, const Expr& e, const Scope& scope, const Message& what);
// The sets of kind `k`, for names in expressions that are not tied to one set.
std::vector<std::size_t> sets_of_kind(const Context& cx, std::optional<EntityKind> k);

// The expression typer (check_types.cpp for names and operators, check_calls.cpp for calls).
class Typer {
  public:
    explicit Typer(Context& cx) : cx_(cx) {}
    Type type(const Expr& e, const Scope& sc);

  private:
    Type record(const Expr& e, ExprInfo info);
    Type name(const Expr& e, const Scope& sc);
    Type level_name(const Expr& e, std::size_t level, const Scope& sc);
    Type unary(const Expr& e, const Scope& sc);
    Type binary(const Expr& e, const Scope& sc);
    Type arithmetic(const Expr& e, const Type& l, const Type& r);
    void comparison(const Expr& e, const Type& l, const Type& r);
    void check_literal(const Expr& literal, const std::string& unit);
    void unknown_in_scope(const Expr& e, const Scope& sc);
    void outside_revocation(const Expr& e);  // E1005
    void revoked_here(const Expr& e, const Scope& sc);  // E1006 where `revoked` cannot be read
    void same_kind(const Expr& e, const char* what, std::optional<EntityKind> k, const Scope& sc);
    void arith_operand(const Expr& op, const Expr& operand, const Type& got);
    void logic_operand(const Expr& op, const Expr& operand, const Type& got);
    static bool is(const Type& t, ValueType v);

    // Calls (check_calls.cpp).
    Type call(const Expr& e, const Scope& sc);
    bool arity(const Expr& e, std::size_t min, std::size_t max);
    void argument(const Expr& call, std::size_t i, const Message& message);
    Type ratio(const Expr& e, const Scope& sc);
    Type code_ref(const Expr& e, const Scope& sc, ExprInfo& info);
    Type threshold(const Expr& e, ExprInfo& info);
    Type aggregate(const Expr& e, const Scope& sc);
    std::optional<Scope> child_scope(const Expr& kind_arg, const Scope& sc);
    void conditions(const Expr& e, const Scope& sc, std::size_t first);
    Type unmet(const Expr& e, const Scope& sc, ExprInfo& info);
    Type recognised(const Expr& e, const Scope& sc, ExprInfo& info);

    Context& cx_;
    bool expect_level_ = false;  // typing the operand beside `level` in a comparison
};

// The value of a number literal, or of `-` before one.
std::optional<double> constant_of(const Expr& e);
const char* op_text(Op op);

// ---------------------------------------------------------------------------------------------
// Reasoning about values (check_intervals.cpp).

// A set of numbers: an interval, less some excluded points (from `!=`).
struct Interval {
    double lo = -std::numeric_limits<double>::infinity();
    double hi = std::numeric_limits<double>::infinity();
    bool lo_open = false;
    bool hi_open = false;
    std::vector<double> excluded;

    static Interval point(double v) { return {v, v, false, false, {}}; }
    static Interval of_unit(std::string_view unit);  // percent: 0..100, count: >= 0
    bool empty() const;
    Interval meet(const Interval& o) const;
};

// The values x with `x CMP v`.
Interval compare_interval(Cmp cmp, double v);
Interval compare_interval(Op op, double v, bool flipped);

// What a condition can evaluate to, judged from literals, units and known facts only.
struct Truth {
    bool can_true = true;
    bool can_false = true;
};
Truth possible(const Context& cx, const Expr& e);

// ---------------------------------------------------------------------------------------------
// Requirements (check_requirements.cpp; check_contradictions.cpp).

// One cell of the thresholds of an indicator's requirements: requirements are compared cell
// by cell, each category × each region × each year of the set's validity.
struct ThresholdCell {
    std::optional<Region> region;
    std::optional<int> year;
    // A threshold by category: the cell of one category of the first dimension the
    // requirements are tabled by (others count as alternatives, as `when` cases).
    std::string dimension, member;
    std::size_t member_index = 0;
};

// One interval a requirement allows in a cell.
struct Allowed {
    Interval allowed;
    std::string text;
    std::string label;
    bool numbers_in_domain = true;
    Span at;  // the number that gives it (for `in`, the lower bound); empty for yes/no
};

// The intervals requirement `r` allows in `cell`: one for each value its thresholds take there
// (`when` cases, and categories of other dimensions, are alternatives).  `domain` is the
// indicator unit's, to tell whether the numbers lie in it.
std::vector<Allowed> alternatives(const Context& cx, const Requirement& r,
                                  const ThresholdCell& cell, const Interval& domain);

// Reports requirements of indicator `ind` of set `set` that can never all hold; run by
// check_requirements once every requirement fits the indicator's unit.
void check_contradictions(Context& cx, std::size_t set, EffectiveIndicator& ind);

// ---------------------------------------------------------------------------------------------
// Shared helpers (check_common.cpp).

Span join(Span a, Span b);
std::string quoted_list(const std::vector<std::string>& names);  // 'a', 'b'
std::string plain_list(const std::vector<std::string>& names);   // a, b
std::string years_text(std::vector<int> years);                  // 2021, 2023..2025
std::string range_text(const YearRange& y);                      // 2021..2025 or 2021
std::string number_text(const Number& n);                        // 90 or 90%
// The first threshold by category in `t` (itself, or under its regions, years, cases, else), or null.
const Threshold* first_dimension(const Threshold* t);
Message unit_phrase(std::string_view unit);                      // "có/không" / "yes/no", "percent"
Message type_phrase(const Type& t);                              // "có/không" / "yes/no", "km", "text"

// Names given once within a block (gates of a level, branches of a revocation, members of a
// category): where each was first given.
using NamesInBlock = std::map<std::string, Span, std::less<>>;
// Records `name` in `seen`; given a second time, reports `code` with `message` at it and a note
// `note` at the first.  Returns whether it was the first time.
bool first_in_block(Context& cx, NamesInBlock& seen, const Name& name, const char* code, const Message& message,
                    const Message& note = say("note.first_defined"));

// Reports an unknown name (the message of `code`: "unknown set '{}'") with a "did you mean" help
// when a candidate is close.
Diagnostic& unknown_name(Context& cx, std::string code, const Name& name,
                         const std::vector<std::string>& candidates);
template <class Map>
std::vector<std::string> keys_of(const Map& m) {
    std::vector<std::string> out;
    for (const auto& [k, v] : m) out.push_back(k);
    return out;
}
// Reports a year (range) outside CheckOptions (E0114); the parser rejects backward ranges.
void check_year_range(Context& cx, const YearRange& y);
// Resolves an entity kind name, reporting E0102 if it is not one.
std::optional<EntityKind> resolve_kind(Context& cx, const Name& name);

// The name of set i.
inline const std::string& set_name(const Context& cx, std::size_t i) {
    return cx.out.sets[i].decl->name.text;
}

}  // namespace ntm::dsl::check_detail
