// The official list of administrative units (vn-admin-units.csv layout: province_code, province,
// region, district_code, district, district_type, commune_code, commune, commune_type), as the
// GSO publishes it.  CSV as Excel writes it (data/csv.hpp).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/program.hpp"
#include "text/problem.hpp"

namespace ntm::data {

using engine::EntityKind;
using engine::kNone;
using engine::Region;

struct Unit {
    std::string code;
    std::string name;  // without the type in front: "Tam Thành", "Phú Ninh", "Quảng Nam"
    std::string type;  // "Xã", "Phường", "Thị trấn", "Huyện", "Thị xã", "Tỉnh", ...
    std::uint32_t parent = kNone;  // index into AdminUnits::units
    Region region = Region::TDMNPB;
    EntityKind kind = EntityKind::xa;
    std::uint32_t line = 0;  // first line of the units file that names it
};

struct AdminUnits {
    std::string path;
    std::vector<Unit> units;  // provinces, districts and communes, in file order (parents first)
    std::map<std::string, std::uint32_t> by_code;  // per kind prefix: "tinh:49", "huyen:518", "xa:20365"

    std::uint32_t find(EntityKind kind, const std::string& code) const;
};

// Reads a units file.  Every problem is reported (problems non-empty: the result is unusable).
AdminUnits read_units(const std::string& path, std::vector<text::Problem>& problems);

}  // namespace ntm::data
