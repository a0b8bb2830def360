// Stage 2: syntax tree → checked model.
//
// `check` resolves every name of a Module, gives every expression a type and a unit, flattens
// each criteria set (after `extends`, `override` and `remove`) and reports every problem it
// finds as a Diagnostic (codes E01xx–E07xx, W01xx–W07xx; see docs/diagnostics.md).
//
// The result is a set of side tables over the syntax tree, in the manner of a checked AST: the
// tree itself is not changed.  Pointers in Checked point into the Module, which must outlive
// it; references between entries of Checked are indices, so a Checked may be moved or copied.
// When `diags` holds errors after `check`, the model is incomplete (unknown names stay
// unresolved) and must not be compiled.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/diagnostics.hpp"
#include "dsl/source.hpp"

namespace ntm::dsl {

struct CheckOptions {
    // Years outside this range are reported (E0114): a typo such as 2205 for 2025.
    int year_min = 1900;
    int year_max = 2100;
};

// ---------------------------------------------------------------------------------------------
// Entity kinds and regions: closed vocabularies of the language.

enum class EntityKind { thon, xa, huyen, tinh };  // ordered from the smallest
inline constexpr std::size_t kKindCount = 4;
inline constexpr std::array<std::string_view, kKindCount> kKindNames = {"thon", "xa", "huyen",
                                                                        "tinh"};

enum class Region { TDMNPB, DBSH, BTB, DHNTB, TN, DNB, DBSCL };
inline constexpr std::size_t kRegionCount = 7;
inline constexpr std::array<std::string_view, kRegionCount> kRegionNames = {
    "TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"};
// The regions' official names (QĐ 318/QĐ-TTg uses the seven socio-economic regions).
inline constexpr std::array<std::string_view, kRegionCount> kRegionTitles = {
    "Trung du và miền núi phía Bắc", "Đồng bằng sông Hồng", "Bắc Trung Bộ", "Duyên hải Nam Trung Bộ",
    "Tây Nguyên",                    "Đông Nam Bộ",         "Đồng bằng sông Cửu Long"};

std::optional<EntityKind> entity_kind(std::string_view name);
std::optional<Region> region(std::string_view name);
inline std::string_view name_of(EntityKind k) {
    return kKindNames[static_cast<std::size_t>(k)];
}
inline std::string_view name_of(Region r) {
    return kRegionNames[static_cast<std::size_t>(r)];
}

// ---------------------------------------------------------------------------------------------
// Types of expressions.

enum class ValueType {
    unknown,  // not determined (an error was reported, or a name could not be resolved)
    boolean,  // yes/no
    number,   // with a unit
    text,     // "397", code, parent
    level,    // the builtin `level`, or a level name
    region,   // the builtin `region`, or a region name
    kind,     // an entity kind name: only the first argument of an aggregate
};

struct Type {
    ValueType value = ValueType::unknown;
    // For numbers: the unit's name ("percent", "count", "number", "km", ...).  Empty for a
    // number whose unit is open: a bare literal (it takes the unit of the other side) or a
    // product/quotient of two quantities (units are not multiplied out).
    std::string unit;

    static Type boolean() { return {ValueType::boolean, {}}; }
    static Type number(std::string u) { return {ValueType::number, std::move(u)}; }
    friend bool operator==(const Type&, const Type&) = default;
};

// What a name or a call in an expression refers to.
enum class RefKind {
    none,      // literals and operators
    field,     // an input field or derived value: ExprInfo::field, ExprInfo::kind
    level,     // a level name: ExprInfo::index into Checked::levels
    klass,     // a class name (the entity is in the class): ExprInfo::index into Checked::classes
    region,    // a region name: ExprInfo::region
    kind,      // an entity kind name: ExprInfo::kind
    builtin,   // criteria_met, level, code, parent, type, year, region, unmet_share, revoked:
               // ExprInfo::builtin
    function,  // a call: ExprInfo::function
    filter,    // `K where C`: ExprInfo::kind
};

enum class Builtin { criteria_met, level, code, parent, type, year, region, unmet_share, revoked };
enum class Function {
    ratio,
    met,
    value,
    threshold,
    count,
    share,
    sum,
    min,
    max,
    mean,
    any,
    all,
    at_least,
    unmet,            // unmet(C, …): one of the named criteria is not met (revocation branches)
    recognised,       // recognised(L): recognised at level L (or above) in an earlier year
    recognised_year,  // recognised_year(L): the year of that recognition
    revoked,          // revoked(L): the recognition at level L is to be revoked this year
};

struct ExprInfo {
    Type type;
    RefKind ref = RefKind::none;
    const Field* field = nullptr;  // field: its declaration
    EntityKind kind = EntityKind::xa;
    Region region = Region::TDMNPB;
    Builtin builtin = Builtin::criteria_met;
    Function function = Function::ratio;
    std::size_t index = 0;  // level, klass; recognised(L): the level
    // met / value / threshold: the code named, and for threshold the set (index into sets).
    std::string code;
    std::optional<std::size_t> set;
    std::vector<std::string> codes;  // unmet(C, …): the criteria named
};

// ---------------------------------------------------------------------------------------------
// Symbol tables.

struct UnitInfo {
    std::string name;
    std::string symbol;              // as shown to users
    const UnitDecl* decl = nullptr;  // null for the built-in units
    bool boolean = false;            // yesno
};

struct FieldInfo {
    const Field* decl = nullptr;
    EntityKind kind = EntityKind::xa;
    bool derived = false;
    bool boolean = false;           // unit yesno
    std::vector<std::string> uses;  // derived: the derived values of this kind it reads
};

// How one input combines when units merge, from a `combine` line of its kind's data.
struct CombineInfo {
    const InputCombine* line = nullptr;
    const InputName* input = nullptr;  // where the input is named
    MergeWay way = MergeWay::sum;
    std::string weight;  // MergeWay::weighted: the input that weights the mean
};

struct DataInfo {
    std::map<std::string, FieldInfo> fields;  // input fields and derived values
    std::vector<std::string> derive_order;    // derived values, each after those it reads
    // By input name (a field, or an indicator code naming the column it reads).  Only inputs
    // whose `combine` line passed the checks are here.
    std::map<std::string, CombineInfo> combine;
};

// A piece of a flattened set, with the set that gave it (index into Checked::sets).
template <class T>
struct From {
    const T* node = nullptr;
    std::size_t set = 0;
    explicit operator bool() const { return node != nullptr; }
};

// An indicator of a flattened set: each property comes from the innermost set that gave it.
struct EffectiveIndicator {
    std::string code;
    From<Indicator> declared;                // where the indicator was introduced
    std::vector<From<Indicator>> overrides;  // `override indicator` layers, base first
    From<Text> title;
    From<Text> source;
    From<Name> unit;
    From<Expr> value;    // null: the input column named by the code
    From<Expr> applies;  // null: always applies
    From<std::vector<Requirement>> requirements;
    From<Unconfirmed> unconfirmed;  // the indicator's own mark, innermost layer that gives one
    std::string unit_name;    // resolved unit ("percent", "yesno", ...), empty if unknown
    bool satisfiable = true;  // false: its requirements can never all hold (E0306/E0307)
};

struct EffectiveCriterion {
    std::string code;
    From<Criterion> declared;
    std::vector<From<Criterion>> overrides;  // `override criterion` layers, base first
    From<Text> title;
    From<Text> source;
    From<Combine> combine;  // null: all
    From<Unconfirmed> unconfirmed;  // the criterion's own mark, innermost layer that gives one
    std::vector<EffectiveIndicator> indicators;
};

struct SetInfo {
    const CriteriaSet* decl = nullptr;
    std::optional<std::size_t> base;                     // `extends`
    std::optional<EntityKind> kind;                      // own or inherited
    std::optional<YearRange> valid;                      // own or inherited
    const Text* locality = nullptr;                      // own or inherited; null: everywhere
    std::vector<From<RegionOverride>> region_overrides;  // own if any, else inherited
    std::vector<EffectiveCriterion> criteria;            // base order, then new ones

    const EffectiveCriterion* criterion(std::string_view code) const;
    const EffectiveIndicator* indicator(std::string_view code) const;
};

struct LevelInfo {
    const LevelDecl* decl = nullptr;
    std::optional<EntityKind> kind;
    std::optional<std::size_t> after;  // index into Checked::levels
    std::vector<std::size_t> meets;    // indices into Checked::sets
    bool reachable = true;             // false: E0508 was reported
};

struct ClassInfo {
    const ClassDecl* decl = nullptr;
    std::optional<EntityKind> kind;
};

// A revocation rule (`revocation NAME { level L  set S  branch … }`).
struct RevocationInfo {
    const RevocationDecl* decl = nullptr;
    std::optional<EntityKind> kind;   // of the level (and `for`, when given)
    std::optional<std::size_t> level;  // index into Checked::levels
    std::optional<std::size_t> set;    // index into Checked::sets
};

// A threshold dimension (`category NAME { for KIND … }`).
struct CategoryInfo {
    const CategoryDecl* decl = nullptr;
    std::optional<EntityKind> kind;
    // The index in `decl->members` of the category a member name names, or null.
    std::optional<std::size_t> member(std::string_view name) const;
};

struct AssignmentsInfo {
    const AssignmentsDecl* decl = nullptr;
    std::vector<std::size_t> sets;   // indices into Checked::sets
    std::optional<EntityKind> kind;  // of the localities: the kind of the sets
    // One per Assignment: the body or member named (null if unknown).
    std::vector<const ResponsibleDecl*> to;
};

struct TargetInfo {
    const TargetDecl* decl = nullptr;
    std::vector<std::optional<std::size_t>> levels;  // per line: index into Checked::levels
};

// The checked model.
struct Checked {
    std::map<std::string, UnitInfo> units;                       // built-in and declared
    std::map<std::string, const ResponsibleDecl*> responsibles;  // bodies and members
    std::array<DataInfo, kKindCount> data;

    std::vector<SetInfo> sets;  // in declaration order
    std::map<std::string, std::size_t> set_index;

    std::vector<LevelInfo> levels;
    std::map<std::string, std::size_t> level_index;
    std::array<std::vector<std::size_t>, kKindCount> level_order;  // per kind, lowest first

    std::vector<ClassInfo> classes;
    std::map<std::string, std::size_t> class_index;

    std::vector<RevocationInfo> revocations;  // in declaration order
    std::map<std::string, std::size_t, std::less<>> revocation_index;

    std::vector<CategoryInfo> categories;  // threshold dimensions, in declaration order
    std::map<std::string, std::size_t, std::less<>> category_index;

    std::vector<AssignmentsInfo> assignments;
    std::vector<TargetInfo> targets;

    // Every expression node checked, by Expr::id.
    std::unordered_map<NodeId, ExprInfo> exprs;

    const DataInfo& data_of(EntityKind k) const { return data[static_cast<std::size_t>(k)]; }
    const SetInfo* set(std::string_view name) const;
    const LevelInfo* level(std::string_view name) const;
    const ExprInfo* expr(const Expr& e) const;
};

Checked check(const Module& module, const SourceManager& sources, Diagnostics& diags,
              const CheckOptions& options = {});

}  // namespace ntm::dsl
