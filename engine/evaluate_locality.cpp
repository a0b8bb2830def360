// The set that judges each level of a record: a set for a locality (`locality "49"`) the
// entity lies in replaces the set in force in the year (docs/architecture.md, "Which set").
#include "engine/evaluator.hpp"

namespace ntm::engine::detail {

// How many steps up from `entity` the entity coded `code` is (0: itself), or -1.
int Evaluator::distance_to(std::uint32_t entity, const std::string& code) const {
    int steps = 0;
    for (std::uint32_t a = entity; a != kNone && steps <= 8; a = d_.entities[a].parent, ++steps) {
        if (d_.entities[a].code == code) return steps;
    }
    return -1;
}

// The sets for a locality that may replace the set in force of each level this year: valid
// in the year, and extending that set or one the level names.
void Evaluator::scoped_sets() {
    scoped_.assign(p_.levels.size(), {});
    if (opt_.set != kNone) return;  // a set named on the command line applies everywhere
    for (std::uint32_t li = 0; li < p_.levels.size(); ++li) {
        const LevelDef& level = p_.levels[li];
        const std::uint32_t base = p_.set_for(level, opt_.year);
        for (std::uint32_t s = 0; s < p_.sets.size(); ++s) {
            const SetDef& set = p_.sets[s];
            if (set.locality.empty() || set.valid_from > opt_.year || opt_.year > set.valid_to) continue;
            bool related = base != kNone && p_.extends(s, base);
            for (std::uint32_t m : level.meets) related = related || p_.extends(s, m);
            if (related) scoped_[li].push_back(s);
        }
    }
}

// A set for a locality the entity lies in replaces the set in force (`base`): the nearest
// locality wins, then the set furthest down the `extends` chain.
std::uint32_t Evaluator::set_for_locality(std::uint32_t level, std::uint32_t base, std::uint32_t entity) const {
    std::uint32_t best = base;
    int best_distance = -1;
    for (std::uint32_t s : scoped_[level]) {
        const int d = distance_to(entity, p_.sets[s].locality);
        if (d < 0) continue;
        if (best_distance < 0 || d < best_distance || (d == best_distance && p_.extends(s, best))) {
            best = s;
            best_distance = d;
        }
    }
    return best;
}

}  // namespace ntm::engine::detail
