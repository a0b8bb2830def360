// Entities named on the command line (`explain ENTITY`, `report --locality`): by code, or by
// name as people type it — whatever the case, with or without diacritics.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/dataset.hpp"

namespace ntm::cli {

// The entities whose code, name or full name ("Xã Tam An") is `wanted` (NFC), by code: as
// written; else whatever the case ("tam an"); else whatever the case and the diacritics ("tam
// phuoc" finds Tam Phước), the first of these that finds any.  `accept` keeps only some kinds.
std::vector<std::uint32_t> find_entities(const engine::Dataset& data, const std::string& wanted,
                                         bool (*accept)(engine::EntityKind) = nullptr);

// "20365 Xã Tam Thành (Huyện Phú Ninh)", as a message quotes it.
std::string describe(const engine::Dataset& data, const engine::Entity& e);

// The one entity `wanted` names, or nothing with the error printed: none (with the closest code
// or name as "did you mean"), or several (each listed, to choose by code).  `what` names what
// was asked for in the error ("--locality"), `data_path` the file searched.
std::optional<std::uint32_t> pick_entity(const engine::Dataset& data, const std::string& data_path,
                                         const std::string& wanted, bool (*accept)(engine::EntityKind) = nullptr);

}  // namespace ntm::cli
