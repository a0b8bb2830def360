// The set that judges each level of a record: a set for a locality (`locality "49"`) the
// entity lies in replaces the set in force in the year (docs/architecture.md, "Which set").
#include <algorithm>

#include "engine/evaluator.hpp"

namespace ntm::engine::detail {

// The entity and its ancestors, nearest first, at most kLocalitySteps + 1 of them: where a set
// for a locality is looked for.
void Evaluator::chain_of(std::uint32_t entity, std::vector<std::uint32_t>& chain) const {
    chain.clear();
    for (std::uint32_t a = entity; a != kNone && chain.size() <= kLocalitySteps; a = up_[a]) chain.push_back(a);
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
    // The entities each of these sets' localities names (a code on each map names two).
    locality_entities_.assign(p_.sets.size(), {});
    for (const auto& sets : scoped_) {
        for (std::uint32_t s : sets) {
            auto& named = locality_entities_[s];
            if (!named.empty()) continue;
            for (const AdminMap map : {AdminMap::three_tier, AdminMap::two_tier}) {
                const std::uint32_t e = d_.find(p_.sets[s].locality, map);
                if (e != kNone) named.push_back(e);
            }
            std::sort(named.begin(), named.end());
        }
    }
}

// A set for a locality the entity lies in replaces the set in force (`base`): the nearest
// locality wins, then the set furthest down the `extends` chain.
std::uint32_t Evaluator::set_for_locality(std::uint32_t level, std::uint32_t base,
                                         const std::vector<std::uint32_t>& chain) const {
    std::uint32_t best = base;
    int best_distance = -1;
    for (std::uint32_t s : scoped_[level]) {
        int d = -1;  // steps up the chain to the set's locality
        for (std::size_t i = 0; i < chain.size() && d < 0; ++i) {
            const auto& named = locality_entities_[s];
            if (std::find(named.begin(), named.end(), chain[i]) != named.end()) d = static_cast<int>(i);
        }
        if (d < 0) continue;
        if (best_distance < 0 || d < best_distance || (d == best_distance && p_.extends(s, best))) {
            best = s;
            best_distance = d;
        }
    }
    return best;
}

}  // namespace ntm::engine::detail
