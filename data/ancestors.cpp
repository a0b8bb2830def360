// Parents a data file leaves out, taken from the official list.  A district's own workbook
// lists its communes with the district's code as their parent, but neither the district nor its
// province; a list of communes may give no parent at all.  The parents come from the official
// list of the records' map, so that the communes find their region and their province — and are
// judged by the province's own sets, not by the national ones alone.  Each is a warning (D0303).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string>
#include <vector>

#include "data/builder.hpp"
#include "data/vocabulary.hpp"

namespace ntm::data {

void Builder::add_official_ancestors() {
    const auto given = static_cast<std::uint32_t>(ds_.entities.size());
    for (std::uint32_t e = 0; e < given; ++e) {
        const AdminUnits* list = official_list(e);
        if (building_[e].rejected || list == nullptr) continue;
        const std::uint32_t u = list->find(ds_.entities[e].kind, ds_.entities[e].code);
        if (u == kNone || list->units[u].parent == kNone) continue;
        std::uint32_t p = list->units[u].parent;
        const std::size_t m = static_cast<std::size_t>(ds_.entities[e].map);
        const std::uint32_t line = parent_line(e);
        const bool none_given = ds_.entities[e].parent_code.empty();
        if (none_given) ds_.entities[e].parent_code = list->units[p].code;  // the list's
        const std::string parent_code = ds_.entities[e].parent_code;
        // Only the parent the list itself gives the entity: any other stays an error (D0106).
        const bool missing = !codes_[m].contains(parent_code, ds_.entities) && !rejected_codes_[m].contains(parent_code) &&
                             list->units[p].code == parent_code;
        std::vector<std::string> taken;  // "'513' Huyện Thăng Bình", up the chain
        for (; missing && p != kNone && !codes_[m].contains(list->units[p].code, ds_.entities); p = list->units[p].parent) {
            const Unit& unit = list->units[p];
            const auto added = static_cast<std::uint32_t>(ds_.entities.size());
            Entity& en = ds_.entities.emplace_back();
            en.code = unit.code;
            en.name = unit.name;
            std::tie(en.type, en.judged) = canonical_type(unit.type);
            en.kind = unit.kind;
            en.map = static_cast<AdminMap>(m);
            if (unit.parent != kNone) {
                en.parent_code = list->units[unit.parent].code;
            } else {
                en.region = unit.region;  // the province: its children inherit it
            }
            en.origin = origin_.at(0);
            building_.push_back({kNone, kNone, 0, 0, true, false});
            codes_[m].add(added, ds_.entities);
            taken.push_back(fmt::format("'{}' {}", unit.code, list->full_name(p)));
        }
        if (!none_given && taken.empty()) continue;
        const std::string chain = taken.empty() ? fmt::format("'{}'", parent_code) : fmt::format("{}", fmt::join(taken, ", "));
        problem("D0303", ProblemKind::warning, line, field_name(Field::parent),
                text::say(none_given ? "D0303.none" : "D0303", shown(ds_.entities[e].code), chain, list->path));
    }
}

}  // namespace ntm::data
