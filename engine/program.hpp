// Stage 3: checked rules → an immutable, compiled program.
//
// Names are resolved to slots and indices once; thresholds become dense region × year tables;
// expressions become a flat stack code (see vm.hpp).  Nothing in the program changes during
// evaluation: one Program serves every entity, year and thread.  Strings (titles, citations)
// are kept for explanations only and are never touched in the evaluation loop.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/checker.hpp"
#include "dsl/pipeline.hpp"

namespace ntm::engine {

using dsl::EntityKind;
using dsl::kKindCount;
using dsl::kRegionCount;
using dsl::Region;

inline constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();
inline bool known(double v) { return !std::isnan(v); }
inline constexpr std::uint32_t kNone = 0xFFFFFFFFu;

inline std::size_t kind_index(EntityKind k) { return static_cast<std::size_t>(k); }
inline std::size_t region_index(Region r) { return static_cast<std::size_t>(r); }

// ---------------------------------------------------------------------------------------------
// Inputs: the columns a dataset may hold, per entity kind.

enum class ValueType : std::uint8_t { number, boolean };

// How an input combines when several old units merge into one (`combine` in `data KIND`):
// the new unit's value is the sum of the parts, their mean weighted by another column of the
// same kind, yes only if every part is yes (all) or if any part is (any), the smallest or
// largest part, or no value at all: it must be surveyed again (resurvey).  `undeclared`: the
// rules say nothing, which the checker warns about and merging treats as `resurvey`.
enum class Combine : std::uint8_t { undeclared, sum, weighted, all, any, min, max, resurvey };

// The keyword of `c` as written in rules: "sum", "weighted", …, "undeclared".
constexpr std::string_view combine_name(Combine c) {
    switch (c) {
        case Combine::sum: return "sum";
        case Combine::weighted: return "weighted";
        case Combine::all: return "all";
        case Combine::any: return "any";
        case Combine::min: return "min";
        case Combine::max: return "max";
        case Combine::resurvey: return "resurvey";
        case Combine::undeclared: break;
    }
    return "undeclared";
}

struct Column {
    std::string name;         // field name or indicator code: "hai_long", "2.1"
    std::string title;        // Vietnamese title, for templates and reports
    std::string unit;         // unit name: "percent", "yesno", "count", "trieu_dong"
    std::string unit_symbol;  // as users read it: "%", "đạt/không đạt", "triệu đồng/người/năm"
    ValueType type = ValueType::number;
    bool percent = false;  // must lie in 0–100
    bool count = false;    // must not be negative
    bool derived = false;  // computed by the rules (`derive`): a file's values are ignored
    std::uint32_t slot = 0;
    Combine combine = Combine::undeclared;
    std::uint32_t weight = kNone;  // Combine::weighted: the slot of the weighting column (same kind)
};

struct Schema {
    std::array<std::vector<Column>, kKindCount> columns;  // per kind, index = slot
    // The names of the levels of each kind, lowest first ("dat_chuan", "nang_cao", …): what a
    // recognition in a data file may name (data/vocabulary.hpp reads them in words too).
    std::array<std::vector<std::string>, kKindCount> levels;

    // The column of `kind` named `name` (NFC), or null.
    const Column* find(EntityKind kind, std::string_view name) const;
    std::uint32_t slots(EntityKind kind) const {
        return static_cast<std::uint32_t>(columns[kind_index(kind)].size());
    }
};

// ---------------------------------------------------------------------------------------------
// Expressions: ranges of stack code in Program::code (evaluated by vm.hpp).

struct ExprRef {
    std::uint32_t begin = kNone;
    std::uint32_t end = kNone;
    bool valid() const { return begin != kNone; }
};

enum class OpCode : std::uint8_t {
    push_const,   // k
    push_slot,    // a: slot of the current entity
    push_year,    // the evaluation year
    push_region,  // the entity's region index (for the set in force)
    push_level,   // the entity's level ordinal among its kind's levels (-1 none), if exact
    push_criteria_met,  // criteria met of the standard set, if exact
    range_cmp,    // a: 0 level / 1 criteria_met / 2 unmet_share, b: Op of the comparison, k: the constant;
                  // compares the known range of the value (e.g. 14–16 criteria when data
                  // is missing) so that the answer is unknown only when the range straddles k
    push_class,      // a: class index → 1/0/unknown
    push_met,        // a: indicator (if b == 0) or criterion (b == 1) index of the current set
    push_value,      // a: indicator index of the current set
    push_threshold,  // a: indicator index in Program::indicators (any set)
    text_eq,         // a: 0 code / 1 parent / 2 type, b: string index → 1/0
    neg, not_, add, sub, mul, div, lt, le, gt, ge, eq, ne, and_, or_,
    ratio,              // 100 × a / b
    any, all, at_least, // a: number of operands on the stack (at_least: first is k)
    aggregate,          // a: Aggregate index in Program::aggregates
    aggregate_cmp,      // a: Aggregate index, b: Op, k: constant — compares the aggregate's
                        // range, as range_cmp does (a district with 5 communes failing is not
                        // "100 %" even if a sixth lacks data)
    push_unmet_share,   // the percentage of the current set's criteria not met, if exact
    push_revoked,       // b = 0: the entity's recognition is to be revoked this year (any rule);
                        // b = 1: its recognition at level a → 1/0/unknown
    push_recognised,    // a: level index; b: 0 recognised at it (or above) before the year
                        // → 1/0, 1 the year of that recognition (unknown when none)
};

struct Instr {
    OpCode op = OpCode::push_const;
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    double k = 0;
};

enum class AggregateFn : std::uint8_t { count, share, sum, min, max, mean };

// `count(xa where C)` and friends: over the descendants of kind `kind` of the entity.
struct Aggregate {
    AggregateFn fn = AggregateFn::count;
    EntityKind kind = EntityKind::xa;
    ExprRef operand;  // count/share: the condition (may be empty: every child); others: the value
};

// ---------------------------------------------------------------------------------------------
// Thresholds: a small tree per rule threshold, as written (`by region`, `by year`, `table`,
// `when … else`), in flat arrays.  Choosing the value for an entity is a walk of a few steps:
// an array index by region, a scan of a few year ranges, the `when` conditions in order.
// A `table` compiles to `by region` of `by year`.

enum class ThresholdKind : std::uint8_t { constant, by_region, by_category, by_year, cases };

struct ThresholdNode {
    ThresholdKind kind = ThresholdKind::constant;
    double value = kUnknown;  // constant
    // by_region: region_children[first .. first + 7) (kNone where a region has no entry);
    // by_year: year_entries[first .. first + count); cases: case_entries[first .. + count).
    // by_category: category_children[first .. first + count), one per member of `category`.
    std::uint32_t first = 0, count = 0;
    dsl::Span span;
    std::uint32_t unconfirmed = kNone;  // the cell leading here is marked: Program::reasons index
    std::uint32_t category = kNone;  // by_category: index in Program::categories
};

struct YearEntry {
    int from = 0, to = 0;
    std::uint32_t node = kNone;
};

struct CaseEntry {
    ExprRef when;  // empty: `else`
    std::uint32_t node = kNone;
    dsl::Span span;  // the condition (or the `else` value)
};

struct Requirement {
    dsl::Cmp cmp = dsl::Cmp::ge;
    std::uint32_t low = kNone;   // root ThresholdNode (none for yes/no)
    std::uint32_t high = kNone;  // in_range only
    dsl::Span span;              // the `require` line
    std::uint32_t unconfirmed = kNone;  // `require … unconfirmed "…"`: Program::reasons index
};

// ---------------------------------------------------------------------------------------------
// Criteria sets, levels, classes, assignments, targets.

// One assignment of a body to a criterion or indicator: where (a locality's code, or
// everywhere) and in which years (the assignments block's `valid`, or every year).
struct BodyInCharge {
    std::uint32_t body = kNone;  // index in Program::bodies
    std::string locality;        // empty: everywhere
    int valid_from = std::numeric_limits<int>::min();
    int valid_to = std::numeric_limits<int>::max();
    bool valid_in(int year) const { return valid_from <= year && year <= valid_to; }
};

struct IndicatorDef {
    std::string code;
    std::string title;
    std::string source;       // citation of the item (or of its criterion / set)
    std::string unit;         // unit name
    std::string unit_symbol;  // as users read it
    bool boolean = false;
    bool percent = false;        // in percent: 0 and 100 are the ends of its scale
    std::uint32_t slot = kNone;  // reads this input slot, or
    ExprRef value;               // computes this expression
    dsl::Span value_span;        // the `value` expression, as written
    ExprRef applies;             // empty: always applies
    dsl::Span applies_span;      // the `applies when` condition, as written
    std::uint32_t first_requirement = 0, requirement_count = 0;
    std::uint32_t criterion = 0;  // index in Program::criteria
    std::uint32_t set = 0;        // index in Program::sets
    dsl::Span span;               // where the indicator is written (the innermost override)
    // The indicator, its criterion or its set is marked `unconfirmed`: Program::reasons index.
    std::uint32_t unconfirmed = kNone;
    // Who is responsible: every assignment naming the indicator, in order of precedence (the
    // indicator's set, then the sets it extends; blocks in rule order).  For an entity and a
    // year, the first valid that year for the nearest locality the entity lies in wins, then
    // the first valid that year without a locality.
    std::vector<BodyInCharge> bodies;
    // The categories its thresholds are tabled by (Program::categories), each once.
    std::vector<std::uint32_t> categories;
};

struct CriterionDef {
    std::string code;
    std::string title;
    std::string source;
    std::string group;  // the title of its `group` ("I. QUY HOẠCH"), or empty
    dsl::CombineKind combine = dsl::CombineKind::all;
    int at_least = 0;
    std::uint32_t first_indicator = 0, indicator_count = 0;  // in Program::indicators
    std::uint32_t set = 0;
    dsl::Span span;
    std::vector<BodyInCharge> bodies;  // as IndicatorDef
};

struct RegionRule {
    Region region = Region::TDMNPB;
    ExprRef when;
    dsl::Span span;  // the condition, as written
};

struct SetDef {
    std::string name;
    std::string title;
    std::string source;
    EntityKind kind = EntityKind::xa;
    int valid_from = 0, valid_to = 0;
    std::uint32_t base = kNone;  // the set it extends
    // A set for one locality (`locality "49"`, own or inherited): it applies, in its years, to
    // the entities of that locality in place of the set it extends.  Empty: everywhere.
    std::string locality;
    std::vector<RegionRule> region_rules;
    std::uint32_t first_criterion = 0, criterion_count = 0;
    std::uint32_t first_indicator = 0, indicator_count = 0;
    bool tabled_by_category = false;  // an indicator's threshold is tabled by category (IndicatorDef::categories)
    dsl::Span span;
};

struct GateDef {
    std::string name;
    std::string title;
    std::vector<ExprRef> condition;  // one per set of LevelDef::scope_sets (or one, if none)
    dsl::Span span;
    std::uint32_t unconfirmed = kNone;  // `gate g: C unconfirmed "…"`: Program::reasons index
    // `valid`: the years it is in force (not applicable in the others); every year when absent.
    int valid_from = std::numeric_limits<int>::min();
    int valid_to = std::numeric_limits<int>::max();
    bool valid_in(int year) const { return valid_from <= year && year <= valid_to; }
};

struct LevelDef {
    std::string name;
    std::string title;
    std::string source;
    EntityKind kind = EntityKind::xa;
    int ordinal = 0;                 // position among the levels of its kind, from 0
    std::uint32_t after = kNone;     // index in Program::levels
    std::vector<std::uint32_t> meets;  // set indices; the one valid in the year applies
    // The sets whose results met() and value() read in gates: `meets`, or for a level with no
    // `meets` those of the nearest level before it that has some (kiểu mẫu reads the income
    // of the set nâng cao met), then every set extending one of those (a set for a locality
    // applies in place of its base).  GateDef::condition has one entry per set here.
    std::vector<std::uint32_t> scope_sets;
    std::vector<GateDef> gates;
    dsl::Span span;
};

struct ClassDef {
    std::string name;
    std::string title;
    EntityKind kind = EntityKind::xa;
    ExprRef when;
};

// One case of a revocation rule (`branch a "title": C`).
struct RevocationBranchDef {
    std::string name;
    std::string title;
    std::vector<ExprRef> condition;  // one per set of RevocationDef::scope_sets
    // Per set of scope_sets: the criteria (indices within the set) the condition names.
    std::vector<std::vector<std::uint32_t>> criteria;
    dsl::Span span;
    std::uint32_t unconfirmed = kNone;  // Program::reasons index
};

// `revocation NAME`: when a recognition at `level` is revoked, judged on the criteria of `set`
// (or a set extending it) as that set judged the level in the year.
struct RevocationDef {
    std::string name;
    std::string title;
    std::string source;
    EntityKind kind = EntityKind::xa;
    std::uint32_t level = 0;  // index in Program::levels
    std::uint32_t set = 0;    // index in Program::sets
    std::vector<std::uint32_t> scope_sets;  // `set`, then every set extending it
    int valid_from = 0, valid_to = 0;       // `valid`, or the years of `set`
    std::vector<RevocationBranchDef> branches;
    std::uint32_t unconfirmed = kNone;  // the whole rule: Program::reasons index
    dsl::Span span;
    bool valid_in(int year) const { return valid_from <= year && year <= valid_to; }
};

// A threshold dimension (`category NAME`): an entity is in the first member whose condition
// holds; `otherwise` (an empty condition, last) takes the rest.
struct CategoryMemberDef {
    std::string name;
    std::string title;
    ExprRef when;  // empty: `otherwise`
    dsl::Span span;  // the condition (or the word `otherwise`)
};

struct CategoryDef {
    std::string name;
    std::string title;
    std::string source;
    EntityKind kind = EntityKind::xa;
    std::vector<CategoryMemberDef> members;
};

struct Responsible {
    std::string name;
    std::string title;
    bool member = false;
};

struct LocalityRule {
    std::vector<std::string> codes;  // by code, or
    ExprRef where;                   // by condition
    std::uint32_t member = 0;        // index in Program::bodies
    std::string due;                 // "2020-11-30" or empty
    int valid_from = std::numeric_limits<int>::min();  // the assignments block's `valid`
    int valid_to = std::numeric_limits<int>::max();
    bool valid_in(int year) const { return valid_from <= year && year <= valid_to; }
};

struct TargetDef {
    std::string name;
    std::string title;
    std::string source;
    std::string locality;
    int year = 0, year_to = 0;  // the years it is set for (usually one)
    struct Line {
        std::uint32_t level = 0;
        bool increment = false;
        double count = 0;
    };
    std::vector<Line> lines;
};

struct Program {
    Schema schema;
    std::vector<Instr> code;
    std::vector<Aggregate> aggregates;
    std::vector<std::string> strings;  // text constants of text_eq
    std::vector<ThresholdNode> threshold_nodes;
    std::vector<std::uint32_t> region_children;
    std::vector<std::uint32_t> category_children;
    std::vector<YearEntry> year_entries;
    std::vector<CaseEntry> case_entries;
    std::vector<Requirement> requirements;
    std::vector<IndicatorDef> indicators;
    std::vector<CriterionDef> criteria;
    std::vector<SetDef> sets;
    std::vector<LevelDef> levels;
    std::array<std::vector<std::uint32_t>, kKindCount> level_order;  // per kind, lowest first
    std::vector<ClassDef> classes;
    std::vector<CategoryDef> categories;  // in the order of dsl::Checked::categories
    std::vector<RevocationDef> revocations;
    std::vector<Responsible> bodies;
    std::vector<LocalityRule> localities;
    std::vector<TargetDef> targets;
    std::vector<std::string> reasons;  // of `unconfirmed` marks, indexed from the defs above
    // Derived values per kind, in an order where each comes after those it reads.
    std::array<std::vector<std::pair<std::uint32_t, ExprRef>>, kKindCount> derived;

    const dsl::SourceManager* sources = nullptr;  // for file:line of rules in explanations
    // where() of each requirement's span and of each indicator's, made once by compile(): an
    // explanation gives one for every indicator it shows.  Empty in a Program not compiled.
    std::vector<std::string> requirement_where, indicator_where;

    // The set of `level` that applies in `year` everywhere (sets for a locality aside), or
    // kNone.  With `chosen` (a set named on the command line), that set applies instead to
    // each level that meets it, a set it extends, or a set extending the same base (a
    // provincial set judged in place of the national one).
    std::uint32_t set_for(const LevelDef& level, int year, std::uint32_t chosen = kNone) const;
    // Whether `level` exists in `year`: one of its sets is valid then, or — for a level judged
    // by gates only — one of its gates is in force (province completion has none before 2021).
    bool level_in_force(const LevelDef& level, int year) const;
    // Whether set `s` is `base` or extends it, directly or not.
    bool extends(std::uint32_t s, std::uint32_t base) const;
    // Index of the set named `name`, or kNone.
    std::uint32_t set_index(std::string_view name) const;
    // Index of the level named `name`, or kNone.
    std::uint32_t level_index(std::string_view name) const;
    // "rules/x.ntm:12" for a span of rule text.
    std::string where(dsl::Span span) const;
};

// Compiles checked rules (rules.ok() must hold).  The Program points into `rules`, which must
// outlive it.
Program compile(const dsl::Rules& rules);

}  // namespace ntm::engine
