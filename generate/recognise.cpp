// Recognitions that follow from the generated results.
#include <algorithm>

#include "generate/realize.hpp"

namespace ntm::gen {

void recognise(const Program& p, const Scenario& scenario, std::uint64_t seed, const std::vector<int>& years,
               const Results& results, Dataset& data) {
    const int first = years.front();
    const std::size_t entities = data.entities.size();
    for (std::uint32_t e = 0; e < entities; ++e) {
        Entity& en = data.entities[e];
        const auto given = scenario.recognised.find(en.code);
        if (given != scenario.recognised.end()) en.recognised = given->second;
        const auto& order = p.level_order[kind_index(en.kind)];
        if (!en.judged || order.empty()) continue;
        auto has = [&](const std::string& level) {
            return std::any_of(en.recognised.begin(), en.recognised.end(), [&](const Recognition& r) { return r.level == level; });
        };
        int previous = 0;  // a level is recognised no earlier than the one below it
        for (std::size_t yi = 0; yi < years.size(); ++yi) {
            const std::size_t r = yi * entities + e;
            const int y = years[yi];
            for (int o = 0; o <= results.level[r] && static_cast<std::size_t>(o) < order.size(); ++o) {
                const std::string& name = p.levels[order[o]].name;
                if (has(name)) {
                    for (const Recognition& rec : en.recognised)
                        if (rec.level == name) previous = std::max(previous, rec.year);
                    continue;
                }
                int year = y;
                Rng rng = stream(seed, en.code, "recognised " + name);
                if (y == first && rng.chance(o == 0 ? 0.9 : 0.5)) {
                    const int span = o == 0 ? 8 : 3;
                    year = std::max(2011, first - 1 - static_cast<int>(rng.below(static_cast<std::uint32_t>(span))));
                }
                year = std::max(year, previous);
                en.recognised.push_back({name, year});
                previous = year;
            }
            if (y == first && results.level[r] < 0 && results.pinned[r] == nullptr && given == scenario.recognised.end() &&
                results.criteria_met[r] >= 16) {
                Rng rng = stream(seed, en.code, "lost");
                if (rng.chance(0.1 * logistic(2.0 * (results.geo[e] - 4.0))))
                    en.recognised.push_back({p.levels[order[0]].name, std::max(2011, first - 2 - static_cast<int>(rng.below(5)))});
            }
        }
        std::stable_sort(en.recognised.begin(), en.recognised.end(),
                         [](const Recognition& a, const Recognition& b) { return a.year < b.year; });
    }
}

}  // namespace ntm::gen
