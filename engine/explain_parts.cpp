// The parts of an explanation that read the program or the explanation built so far: whether
// a set's thresholds are by region, and the blockers of a level.
#include <algorithm>
#include <cmath>

#include "engine/explain_parts.hpp"

namespace ntm::engine::detail {

namespace {

constexpr double kFar = 1e9;  // the closeness of what has no relative gap: sorted last

// Whether a threshold of node `node` or below it is by region.
bool by_region(const Program& program, std::uint32_t node) {
    if (node == kNone) return false;
    const ThresholdNode& n = program.threshold_nodes[node];
    switch (n.kind) {
        case ThresholdKind::constant: return false;
        case ThresholdKind::by_region: return true;
        case ThresholdKind::by_category:
            for (std::uint32_t i = 0; i < n.count; ++i) {
                if (by_region(program, program.category_children[n.first + i])) return true;
            }
            return false;
        case ThresholdKind::by_year:
            for (std::uint32_t i = 0; i < n.count; ++i) {
                if (by_region(program, program.year_entries[n.first + i].node)) return true;
            }
            return false;
        case ThresholdKind::cases:
            for (std::uint32_t i = 0; i < n.count; ++i) {
                if (by_region(program, program.case_entries[n.first + i].node)) return true;
            }
            return false;
    }
    return false;
}

}  // namespace

bool regional(const Program& program, const SetDef& s) {
    for (std::uint32_t i = s.first_indicator; i < s.first_indicator + s.indicator_count; ++i) {
        const IndicatorDef& def = program.indicators[i];
        for (std::uint32_t r = def.first_requirement; r < def.first_requirement + def.requirement_count; ++r) {
            if (by_region(program, program.requirements[r].low) || by_region(program, program.requirements[r].high)) return true;
        }
    }
    return false;
}

std::vector<Blocker> blockers(const LevelExplanation& level) {
    std::vector<Blocker> found;
    if (level.prerequisite != Status::met && !level.after.empty()) {
        Blocker b;
        b.kind = Blocker::Kind::prerequisite;
        b.status = level.prerequisite;
        b.closeness = -1;
        b.level_title = level.after;
        found.push_back(std::move(b));
    }
    for (const CriterionExplanation& c : level.criteria) {
        if (c.status == Status::met || c.status == Status::not_applicable) continue;
        for (const IndicatorExplanation& i : c.indicators) {
            if (i.status != Status::not_met && i.status != Status::unknown) continue;
            Blocker b;
            b.kind = Blocker::Kind::indicator;
            b.status = i.status;
            b.closeness = known(i.gap) && known(i.low) && i.low != 0 ? std::fabs(i.gap / i.low) : kFar;
            b.responsible = i.responsible.empty() ? c.responsible : i.responsible;
            b.criterion_code = c.code;
            b.criterion_title = c.title;
            b.indicator = i;
            found.push_back(std::move(b));
        }
    }
    for (const GateExplanation& g : level.gates) {
        if (g.status == Status::met || g.status == Status::not_applicable) continue;
        Blocker b;
        b.kind = Blocker::Kind::gate;
        b.status = g.status;
        b.closeness = kFar;
        b.gate = g;
        found.push_back(std::move(b));
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const Blocker& a, const Blocker& b) { return a.closeness < b.closeness; });
    return found;
}

}  // namespace ntm::engine::detail
