#include "engine/within.hpp"

namespace ntm::engine {

std::vector<std::uint8_t> entities_within(const Dataset& data, std::uint32_t locality) {
    const std::size_t n = data.entities.size();
    if (locality == kNone) return std::vector<std::uint8_t>(n, 1);
    constexpr std::uint8_t kOpen = 2;  // not known yet
    std::vector<std::uint8_t> in(n, kOpen);
    std::vector<std::uint32_t> path;  // walked from the entity, not known yet
    for (std::uint32_t e = 0; e < n; ++e) {
        path.clear();
        std::uint8_t verdict = 0;
        std::uint32_t a = e;
        for (std::size_t steps = 0; steps <= n; ++steps) {
            if (a == kNone) break;
            if (a == locality) {
                verdict = 1;
                path.push_back(a);
                break;
            }
            if (in[a] != kOpen) {
                verdict = in[a];
                break;
            }
            path.push_back(a);
            a = data.entities[a].parent;
        }
        for (const std::uint32_t p : path) in[p] = verdict;
    }
    return in;
}

}  // namespace ntm::engine
