// Which entities of a dataset lie within a locality: what a report of a province or district,
// and a target of one, count.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/dataset.hpp"

namespace ntm::engine {

// Per entity of `data`, 1 when it is `locality` or lies within it (`locality` among the entities
// up its parent chain), else 0; every entity when `locality` is kNone.  One pass, each chain
// walked once: asking entity by entity walked every chain again for each report of a district.
// A chain that loops is cut after as many steps as there are entities.
std::vector<std::uint8_t> entities_within(const Dataset& data, std::uint32_t locality);

}  // namespace ntm::engine
