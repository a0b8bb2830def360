// The official lists of administrative units, as the GSO publishes them; CSV as Excel writes it
// (data/csv.hpp).  Two layouts, told apart by the header:
//   - before 01/7/2025 (vn-admin-units.csv): province_code, province, region, district_code,
//     district, district_type, commune_code, commune, commune_type — three tiers;
//   - from 01/7/2025 (vn-admin-units-2025.csv): province_code, province, commune_code, commune,
//     commune_type (Xã, Phường, Đặc khu), old_regions — two tiers, communes under the province.
// Both lists are also built into the library (units/, official_units).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/dataset.hpp"
#include "engine/program.hpp"
#include "text/problem.hpp"

namespace ntm::data {

using engine::EntityKind;
using engine::kNone;
using engine::Region;

struct Unit {
    std::string code;
    std::string name;  // without the type in front: "Tam Thành", "Phú Ninh", "Quảng Nam"
    std::string type;  // "Xã", "Phường", "Thị trấn", "Đặc khu", "Huyện", "Thị xã", "Tỉnh", ...
    std::uint32_t parent = kNone;  // index into AdminUnits::units
    // The old list: the province's region.  The 2025 list: a commune's `old_regions` (the first
    // when it names several), a province's the most frequent of its communes'.
    Region region = Region::TDMNPB;
    EntityKind kind = EntityKind::xa;
    std::uint32_t line = 0;  // first line of the units file that names it
};

struct AdminUnits {
    std::string path;  // for messages: the file, or "units/vn-admin-units.csv" for the bundled ones
    engine::AdminMap map = engine::AdminMap::three_tier;
    std::vector<Unit> units;  // provinces, districts and communes, in file order (parents first)
    std::unordered_map<std::string, std::uint32_t> by_code;  // per kind prefix: "tinh:49", "huyen:518", "xa:20365"

    std::uint32_t find(EntityKind kind, const std::string& code) const;
    // Units of `kind` whose name without its type equals `name` folded (text::fold), in file
    // order.  `name` may also start with the unit's type: "Xã Tam An" finds Tam An.
    std::vector<std::uint32_t> named(EntityKind kind, std::string_view name) const;
    // The full name as people write it: "Xã Tam An", "Thành phố Đà Nẵng", "Tỉnh Quảng Nam".
    std::string full_name(std::uint32_t unit) const;

private:
    // The units by name, per kind prefix, folded ("xa:tam an"), in file order: made by the first
    // named() (from any thread), since only a hint for a code or name a list lacks asks —
    // folding every name of the lists at each run was a tenth of a national run.
    struct NameIndex {
        std::once_flag made;
        std::multimap<std::string, std::uint32_t> units;
    };
    std::shared_ptr<NameIndex> by_name_ = std::make_shared<NameIndex>();
    const std::multimap<std::string, std::uint32_t>& by_name() const;
};

// Reads a units file of either layout.  Every problem is reported (problems non-empty: the
// result is unusable).
AdminUnits read_units(const std::string& path, std::vector<text::Problem>& problems);
// The same, from text already read; `path` names it in messages.
AdminUnits parse_units(const std::string& path, std::string_view text, std::vector<text::Problem>& problems);

// The bundled list of `map`, parsed once (thread-safe).
const AdminUnits& official_units(engine::AdminMap map);
// Both bundled lists, by map (three tiers, then two): what data is checked against
// (LoadOptions::units) and the localities of rules (check_localities).
std::array<const AdminUnits*, 2> official_lists();

// For the readers of official lists: the rows of a CSV text that are not blank, each with its
// cells (NFC) and the line it starts on; nullopt, with the problem reported, on a quote never
// closed (the rest of the file is then one cell, and nothing in it can be trusted).
struct ListRow {
    std::uint32_t line = 0;
    std::vector<std::string> cells;
};
std::optional<std::vector<ListRow>> read_list_rows(const std::string& path, std::string_view text,
                                                   std::vector<text::Problem>& problems);
// Fills `index` with the cell of `header` holding each of `names` (compared folded; the first
// cell of a name wins), engine::kNone where none does.
void find_list_columns(const ListRow& header, std::span<const std::string_view> names, std::span<std::size_t> index);
// A problem of the list at `path`, located at `line` and `field`.
text::Problem list_problem(const std::string& path, std::uint32_t line, std::string_view field, text::Message message);

}  // namespace ntm::data
