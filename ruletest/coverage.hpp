// Coverage of the rules by tests (`ntm test --coverage`, docs/rule-tests.md, "Coverage"):
// what of each criteria set the tests' judgements exercised, on both sides of the boundary.
//
// - An indicator is covered when tests judged it met and not met.
// - A threshold cell (engine/cells.hpp: one value of a threshold tree, chosen by region,
//   category member, years and `when` case) is covered when tests judged a known value against
//   it that passed and one that did not; a yes/no requirement is one cell.  The cell a judgement
//   used is the one cell_reached() finds from the level's region, the year, the entity's
//   categories and the `when` case the indicator recorded.
// - A level's requirements with the set: all its criteria (met / not met), the level before it
//   (reached / not), and each gate in force (holds / not).
// - A revocation branch is covered when a test's recognition was revoked by it and a test's
//   recognition under the same rule was kept.
// Only verdicts that are known count: an unknown value, region or category exercises nothing.
#pragma once

#include <cstdint>
#include <map>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "engine/cells.hpp"
#include "engine/evaluate.hpp"
#include "engine/program.hpp"

namespace ntm::ruletest {

// The sides of a boundary a thing was seen on.
struct Sides {
    bool met = false, not_met = false;
    bool both() const { return met && not_met; }
    bool any() const { return met || not_met; }
};

struct CellItem {
    std::uint32_t indicator = 0;    // Program::indicators
    std::uint32_t requirement = 0;  // Program::requirements
    bool high = false;              // the upper bound of `in`
    bool yes_no = false;            // a yes/no requirement: one cell, no threshold
    engine::ThresholdCell cell;
    Sides sides;
};

struct LevelItem {
    enum class What : std::uint8_t { criteria, prerequisite, gate } what = What::criteria;
    std::uint32_t level = 0;  // Program::levels
    std::uint32_t gate = 0;   // in the level's gates
    Sides sides;              // met: holds (all criteria met, the level before reached, the gate holds)
};

struct BranchItem {
    std::uint32_t revocation = 0, branch = 0;  // Program::revocations, its branches
    Sides sides;  // met: revoked by this branch; not_met: the rule kept the recognition
};

struct SetCoverage {
    std::uint32_t set = 0;
    std::size_t judgements = 0;  // indicator verdicts of tests under this set
    std::vector<std::pair<std::uint32_t, Sides>> indicators;
    std::vector<CellItem> cells;
    std::vector<LevelItem> levels;
    std::vector<BranchItem> branches;
};

// Of a list of items: covered on both sides, on one side only, in all.
struct Counts {
    std::size_t both = 0, one = 0, total = 0;
    double percent() const { return total == 0 ? 100.0 : 100.0 * static_cast<double>(both) / static_cast<double>(total); }
};
Counts count(const std::vector<std::pair<std::uint32_t, Sides>>& items);
template <class Item>
Counts count(const std::vector<Item>& items) {
    Counts c;
    for (const Item& i : items) {
        c.total += 1;
        c.both += i.sides.both();
        c.one += i.sides.any() && !i.sides.both();
    }
    return c;
}

class Coverage {
public:
    explicit Coverage(const engine::Program& program) : p_(program) {}

    // Records what judging result `result` of `evaluation` exercised.
    void observe(const engine::Evaluation& evaluation, std::uint32_t result);

    // Per set: `sets` (Program::sets indices), or when empty every set some test judged, in
    // program order.
    std::vector<SetCoverage> report(const std::vector<std::uint32_t>& sets) const;

private:
    const engine::Program& p_;
    mutable std::unordered_map<std::uint32_t, std::vector<engine::ThresholdCell>> cells_;  // by root
    std::map<std::uint32_t, std::size_t> judged_;  // per set: indicator verdicts seen
    std::map<std::uint32_t, Sides> indicators_;
    std::map<std::tuple<std::uint32_t, std::uint32_t, bool, std::uint32_t>, Sides> cell_sides_;  // indicator, requirement, high, cell
    std::map<std::tuple<std::uint32_t, std::uint32_t, int>, Sides> level_sides_;  // level, set, -2 criteria / -1 prerequisite / gate
    std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>, Sides> branch_sides_;  // revocation, set, branch
    std::map<std::pair<std::uint32_t, std::uint32_t>, bool> kept_;  // revocation, set

    const std::vector<engine::ThresholdCell>& cells(std::uint32_t root) const;
    void observe_indicator(std::uint32_t gi, const engine::IndicatorResult& r, const engine::CellQuery& q);
    SetCoverage of_set(std::uint32_t set) const;
};

}  // namespace ntm::ruletest
