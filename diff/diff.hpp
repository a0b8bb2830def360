// `ntm diff`: what changes between two versions of the rules — or two years of data under the
// same rules — in the rules' structure and, over a dataset, for each entity.
//
// Structure: sets, criteria and indicators matched by their official codes (and, when a code
// is gone, by their names), thresholds compared cell by cell (region or commune group, years),
// levels and their gates, revocation rules, categories, assignments and targets by name.
// Impact: every entity whose level, criteria count, revocation or maintenance changes, the
// direction, and the indicator (or gate) verdicts that changed with it, with the body in charge.
//
// The model holds data, not sentences; diff/words.cpp and the renderers put it into words.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/dataset.hpp"
#include "engine/evaluate.hpp"
#include "engine/program.hpp"

namespace ntm::diff {

using engine::kNone;
using engine::kUnknown;
using engine::Status;

// ---------------------------------------------------------------------------------------------
// Structure

// One threshold cell that differs: where ("Đông Nam Bộ", "Nhóm 1", "2023-2025", "khi …"; empty
// for a threshold without dimensions) and the value on each side (unknown: no cell there).
struct CellChange {
    std::string where;
    double old_value = kUnknown, new_value = kUnknown;
};

struct ThresholdDiff {
    std::uint32_t requirement = 0;  // its position among the indicator's requirements
    dsl::Cmp old_cmp = dsl::Cmp::ge, new_cmp = dsl::Cmp::ge;
    bool reshaped = false;          // tabled by other dimensions (regions → commune groups)
    std::vector<CellChange> cells;  // not reshaped: the cells that differ
    std::string old_text, new_text; // reshaped, or a requirement only one side has: as printed
};

enum class What : std::uint8_t {
    set, criterion, indicator, level, gate, revocation, branch, category, member, assignment, target
};
enum class How : std::uint8_t { added, removed, renamed, recoded, moved, changed };

struct Change {
    What what = What::indicator;
    How how = How::changed;
    std::string scope;  // the set, level, revocation or category it belongs to (its title)
    std::string code;   // criterion or indicator code, or the name of the item
    std::string old_title, new_title;
    std::string old_code;             // recoded: the code on the old side
    std::string old_owner, new_owner; // moved: the criterion (code) on each side
    std::string unit;                 // indicator: the unit as users read it
    // Other properties that differ, each "field: old → new" as data: a stable key ("source"),
    // its name for readers ("căn cứ"), the values.
    struct Field {
        std::string key, name, old_value, new_value;
    };
    std::vector<Field> fields;
    std::vector<ThresholdDiff> thresholds;
    std::string old_rule, new_rule;  // file:line on each side (empty where absent)
};

struct StructureDiff {
    std::string old_label, new_label;  // what was compared: paths, or set names
    std::vector<Change> changes;       // sets in the new side's order, then levels, …
};

// A side of a comparison: compiled rules, and the set compared when one is chosen (kNone:
// every set of the tree, matched by name).
struct RulesSide {
    const engine::Program* program = nullptr;
    std::uint32_t set = kNone;
    std::string label;
};

StructureDiff compare_rules(const RulesSide& old_side, const RulesSide& new_side);

// ---------------------------------------------------------------------------------------------
// Impact

// One indicator (or gate) verdict that changed for an entity between the two sides.
struct Cause {
    bool gate = false;
    std::string criterion_code, criterion_title;  // indicator
    std::string code, title, unit_symbol;         // indicator code / gate name
    bool boolean = false;
    dsl::Cmp cmp = dsl::Cmp::ge;
    Status old_status = Status::not_applicable, new_status = Status::not_applicable;
    bool only_old = false, only_new = false;  // an indicator (gate) one side's rules do not have
    double old_value = kUnknown, new_value = kUnknown;
    double old_low = kUnknown, new_low = kUnknown;  // thresholds in force
    double new_gap = kUnknown;                      // new side, not met: how far from passing
    // How far from the other verdict: |gap / threshold| on the side that does not pass; 1 for a
    // yes/no, a gate or a value lacking there.
    double closeness = 0;
    std::string responsible;  // body in charge (new side, else old)
    std::string rule;         // file:line of the side that decided
};

// In the order the output lists them: losses first.
enum class Direction : std::uint8_t {
    lost,        // reaches a lower level
    gained,      // reaches a higher level
    uncertain,   // one side's level is not decided (thiếu dữ liệu) and the two may differ
    further,     // same level, fewer criteria met
    closer,      // same level, more criteria met
    revocation,  // the revocation verdict changed
    maintenance  // recognised and no longer reached (duy trì chuẩn) on one side only
};

struct LevelSide {
    std::string name, title;  // empty: none reached
    int ordinal = -1;
    bool uncertain = false;   // a higher level may be reached: data missing
    std::string max_title;    // uncertain: the highest level that may be reached
    int criteria_met = 0, criteria_unknown = 0, criteria_total = 0;
    Status revoked = Status::not_applicable;
    std::string lost_title;   // duy trì chuẩn: the level recognised, no longer reached
};

struct EntityChange {
    std::string code, name, type;
    std::string parent;  // the name of its parent (district, or province on the map of two tiers)
    engine::EntityKind kind = engine::EntityKind::xa;
    Direction direction = Direction::closer;
    LevelSide old_side, new_side;
    std::string level_compared;  // the level whose verdicts the causes compare (title)
    std::vector<Cause> causes;   // closest to passing first
    double distance = 0;         // the sum of the causes' closeness: the smallest moves come first
};

// How many entities went from one level to another (titles; empty: none reached).
struct Transition {
    std::string old_level, new_level;
    std::string old_max, new_max;  // the highest level that may be reached (data missing); empty: decided
    std::size_t count = 0;
};

// Per parent (district, or province on the map of two tiers): how many of its entities moved.
struct ParentTally {
    std::string parent;
    std::size_t gained = 0, lost = 0, uncertain = 0, closer = 0, further = 0;
};

// Entities that lost a level because a criterion (or a recognition condition) now fails, with
// the body in charge of it.
struct CriterionTally {
    std::string code, title;  // criterion; for a gate: its name and title
    bool gate = false;
    std::string responsible;
    std::size_t count = 0;
};

struct ImpactDiff {
    int old_year = 0, new_year = 0;
    std::size_t compared = 0;      // entities judged on both sides
    std::size_t only_old = 0, only_new = 0;  // entities on one side only (rejected on the other)
    std::vector<EntityChange> entities;
    std::vector<Transition> transitions;    // most frequent first
    std::vector<ParentTally> by_parent;     // in the order parents first appear
    std::vector<CriterionTally> by_criterion;  // most frequent first
};

// One side of an impact comparison: the rules, the dataset read against them, its evaluation.
struct DataSide {
    const engine::Program* program = nullptr;
    const engine::Dataset* data = nullptr;
    const engine::Evaluation* evaluation = nullptr;
};

// `only`: compare the entities of that kind alone (kKindCount: every kind).
ImpactDiff compare_results(const DataSide& old_side, const DataSide& new_side,
                           std::size_t only = engine::kKindCount);

}  // namespace ntm::diff
