// engine::entities_within: which entities a report or a target of a locality counts, the same
// as walking each entity's parent chain, loops in the chain included.
#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

#include "engine/within.hpp"

using namespace ntm::engine;

namespace {

// The walk entities_within stands for, entity by entity.
bool walk(const Dataset& d, std::uint32_t e, std::uint32_t locality) {
    for (std::size_t steps = 0; e != kNone && steps <= d.entities.size(); e = d.entities[e].parent, ++steps) {
        if (e == locality) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("engine: the entities within a locality, each chain walked once") {
    Dataset d;
    // 0 province; 1, 2 districts of it; 3..8 communes (two listed before their district); 9 a
    // commune with no parent; 10 ↔ 11 a loop; 12 below the loop.
    const std::vector<std::uint32_t> parents = {kNone, 0, 0, 1, 1, 2, 2, 13, 13, kNone, 11, 10, 10, 0};
    for (const std::uint32_t p : parents) {
        Entity e;
        e.parent = p;
        d.entities.push_back(e);
    }
    for (std::uint32_t locality = 0; locality < d.entities.size(); ++locality) {
        const std::vector<std::uint8_t> in = entities_within(d, locality);
        REQUIRE(in.size() == d.entities.size());
        for (std::uint32_t e = 0; e < d.entities.size(); ++e) {
            INFO("locality " << locality << ", entity " << e);
            CHECK((in[e] != 0) == walk(d, e, locality));
        }
    }
    CHECK(entities_within(d, 1) == std::vector<std::uint8_t>{0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    CHECK(entities_within(d, 10) == std::vector<std::uint8_t>{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0});
    CHECK(entities_within(d, kNone) == std::vector<std::uint8_t>(d.entities.size(), 1));
}
