// The Builder's last step, once every row is read: parents and regions resolved, rejected
// entities and their records dropped, the code index built.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <new>
#include <stdexcept>

#include "data/builder.hpp"
#include "data/vocabulary.hpp"

namespace ntm::data {

void Builder::reject_entity(std::uint32_t e, const char* code, std::uint32_t line,
                            std::string_view field, const text::Message& message) {
    Building& b = building_[e];
    b.rejected = true;
    std::size_t count = 0;
    for (std::uint32_t r = b.first; r != kNone; r = pending_[r].next) {
        ++count;
        if (granularity_ == Granularity::per_record) {
            problem(code, ProblemKind::record, pending_[r].line, field, message);
        }
    }
    if (count == 0) ++ds_.read;  // a JSON entity without values: one record, rejected
    ds_.rejected += std::max<std::size_t>(count, 1);
    if (granularity_ == Granularity::per_entity || count == 0) {
        problem(code, ProblemKind::record, line, field, message);
    }
}

void Builder::resolve_hierarchy() {
    add_official_ancestors();
    // Parents before children: kinds only grow up the hierarchy, so by kind, largest first, in
    // file order within a kind (counted into place: a comparison sort reads each entity, a
    // large struct, some twenty times at a million).
    std::array<std::size_t, kKindCount + 1> start{};
    for (const Entity& en : ds_.entities) ++start[kKindCount - kind_index(en.kind)];
    for (std::size_t k = 1; k <= kKindCount; ++k) start[k] += start[k - 1];
    std::vector<std::uint32_t> order(ds_.entities.size());
    for (std::uint32_t e = 0; e < ds_.entities.size(); ++e) {
        order[start[kKindCount - 1 - kind_index(ds_.entities[e].kind)]++] = e;
    }
    for (const std::uint32_t e : order) {
        Entity& en = ds_.entities[e];
        if (!official(e)) continue;
        if (!en.parent_code.empty()) {
            resolve_parent(e);
            if (en.parent != kNone) official_parent(e);
        } else if (!en.region) {
            reject_entity(
                e, "D0109", en.origin.line, field_name(Field::region),
                text::say("D0109", shown(en.code)));
        }
    }
}

// The official list of the map of entity `e`, or null when it is not checked against one.
const AdminUnits* Builder::official_list(std::uint32_t e) const {
    const Entity& en = ds_.entities[e];
    if (en.kind == EntityKind::thon) return nullptr;
    return options_.units[static_cast<std::size_t>(en.map)];
}

namespace {

// "'20794' Xã Bình Dương, Huyện Thăng Bình": unit `u` of `list` as a did-you-mean names it.
std::string described(const AdminUnits& list, std::uint32_t u) {
    const Unit& unit = list.units[u];
    std::string out = fmt::format("'{}' {}", unit.code, list.full_name(u));
    if (unit.parent != kNone) out += fmt::format(", {}", list.full_name(unit.parent));
    return out;
}

}  // namespace

// Whether entity `e` is a unit the official list of its map holds under its code, with the same
// name.  If not, rejects it (D0115 unknown code, D0116 another name), with the unit meant when
// the list can tell.  Its parent is checked once linked (official_parent).
bool Builder::official(std::uint32_t e) {
    Entity& en = ds_.entities[e];
    const AdminUnits* list = official_list(e);
    if (list == nullptr || building_[e].rejected) return !building_[e].rejected;
    const std::uint32_t u = list->find(en.kind, en.code);
    const auto where = [&] { return text::say("official.where", list->path, map_word(en.map)); };
    if (u == kNone) {
        const std::vector<std::uint32_t> same_name = list->named(en.kind, en.name);
        text::Message hint;
        for (const std::uint32_t c : same_name) {
            const Unit& cand = list->units[c];
            if (cand.parent != kNone && list->units[cand.parent].code == en.parent_code) {
                hint = text::say("D0115.did_you_mean", described(*list, c));
                break;
            }
        }
        if (hint.empty() && same_name.size() == 1) {
            hint = text::say("D0115.did_you_mean", described(*list, same_name[0]));
        }
        reject_entity(e, "D0115", en.origin.line, field_name(Field::code),
                      text::say("D0115", shown(en.code), kind_name(en.kind), where(), hint));
        return false;
    }
    // The same bytes fold alike: fold() (utf8proc) only for a name written otherwise.
    bool same_name = en.name.empty() || en.name == list->units[u].name;
    if (!same_name) {
        const std::string full = list->full_name(u);
        const std::string name = fold(en.name);
        same_name = en.name == full || name == fold(list->units[u].name) || name == fold(full);
    }
    if (!same_name) {
        text::Message hint;
        for (const std::uint32_t c : list->named(en.kind, en.name)) {
            hint = text::say("D0116.name_of", shown(en.name), described(*list, c));
            break;
        }
        reject_entity(e, "D0116", en.origin.line, field_name(Field::name),
                      text::say("D0116", shown(en.code), list->full_name(u), where(), shown(en.name), hint));
        return false;
    }
    return true;
}

// The parent the official list gives entity `e`: "'513' Huyện Thăng Bình", or empty when there
// is no list, no such unit or no parent in it.
std::string Builder::official_parent_of(std::uint32_t e) const {
    const Entity& en = ds_.entities[e];
    const AdminUnits* list = official_list(e);
    if (list == nullptr) return {};
    const std::uint32_t u = list->find(en.kind, en.code);
    if (u == kNone || list->units[u].parent == kNone) return {};
    const std::uint32_t p = list->units[u].parent;
    return fmt::format("'{}' {}", list->units[p].code, list->full_name(p));
}

// Rejects entity `e`, linked to a parent of the right kind, when the official list of its map
// puts it under another one (D0117).
void Builder::official_parent(std::uint32_t e) {
    const Entity& en = ds_.entities[e];
    const AdminUnits* list = official_list(e);
    if (list == nullptr) return;
    const std::uint32_t u = list->find(en.kind, en.code);
    if (u == kNone || list->units[u].parent == kNone) return;
    if (list->units[list->units[u].parent].code == en.parent_code) return;
    const std::uint32_t line = parent_line(e);
    reject_entity(e, "D0117", line, field_name(Field::parent),
                  text::say("D0117", shown(en.code), list->full_name(u), official_parent_of(e), list->path,
                            map_word(en.map), shown(en.parent_code)));
}

// Links entity `e` to its parent, whose own parent is resolved already, and inherits its region;
// or rejects `e`.
void Builder::resolve_parent(std::uint32_t e) {
    Entity& en = ds_.entities[e];
    const std::string& parent_field = field_name(Field::parent);
    const std::uint32_t at = parent_line(e);
    const auto reject = [&](const char* code, const text::Message& message) {
        reject_entity(e, code, at, parent_field, message);
    };
    const std::size_t m = static_cast<std::size_t>(en.map);
    const std::uint32_t found = codes_[m].find(en.parent_code, ds_.entities);
    if (found == kNone) {
        if (const auto r = rejected_codes_[m].find(en.parent_code); r != rejected_codes_[m].end()) {
            reject("D0108", text::say("D0108", shown(en.parent_code), shown(en.code), at_word(r->second), at_row(r->second)));
        } else if (const std::uint32_t other = codes_[1 - m].find(en.parent_code, ds_.entities); other != kNone) {
            const Entity& o = ds_.entities[other];
            reject("D0106", text::say("D0106.other_map", shown(en.parent_code), shown(en.code), map_word(en.map),
                                        shown(o.code), at_word(o.origin.line), at_row(o.origin.line), map_word(o.map),
                                        field_name(Field::map), kFirstTwoTierYear - 1,
                                        kFirstTwoTierYear));
        } else {
            const std::string meant = official_parent_of(e);
            reject("D0106", text::say("D0106", shown(en.parent_code), shown(en.code), invisible_note(en.parent_code),
                                      meant.empty() ? text::Message() : text::say("note.official_parent", meant)));
        }
        return;
    }
    const Entity& parent = ds_.entities[found];
    if (en.kind == EntityKind::tinh) {
        reject("D0107", text::say("D0107.tinh", shown(en.code), shown(en.parent_code)));
        return;
    }
    const EntityKind wanted_kind = parent_kind(en.kind, en.map);
    if (parent.kind != wanted_kind) {
        text::Message hint;
        if (const std::string meant = official_parent_of(e); !meant.empty()) {
            hint = text::say("note.official_parent", meant);
        }
        if (en.kind == EntityKind::xa && parent.kind == EntityKind::tinh) {
            hint += text::say("D0107.two_tier", field_name(Field::map));
        }
        reject("D0107",
               text::say("D0107", shown(en.parent_code), shown(en.code), kind_name(parent.kind),
                         kind_name(en.kind), kind_name(wanted_kind),
                         en.kind == EntityKind::xa ? text::say("D0107.map", map_word(en.map)) : text::Message(),
                         hint));
    } else if (building_[found].rejected) {
        reject("D0108", text::say("D0108", shown(en.parent_code), shown(en.code), at_word(parent.origin.line), at_row(parent.origin.line)));
    } else {
        en.parent = found;
        inherit_region(e);
    }
}

// The parent's region, unless `e` gives its own (D0302 where they differ).
void Builder::inherit_region(std::uint32_t e) {
    Entity& en = ds_.entities[e];
    const Entity& parent = ds_.entities[en.parent];
    if (!en.region) {
        en.region = parent.region;
    } else if (*en.region != *parent.region) {
        const std::uint32_t line = building_[e].region_line;
        problem("D0302", ProblemKind::warning, line != 0 ? line : en.origin.line,
                field_name(Field::region),
                text::say("D0302", dsl::name_of(*en.region), shown(en.code), dsl::name_of(*parent.region),
                          shown(parent.code), dsl::name_of(*en.region)));
    }
}

void Builder::expect(std::size_t records) {
    // Reserving more than is used costs address space only (untouched pages are never mapped);
    // entities are fewer than records when there are several years, so their share is capped.
    // The count is a guess (from a file's first piece): room that cannot be had — a process
    // under a cap on its address space — is made as the dataset fills instead.
    try {
        const std::size_t entities = std::min<std::size_t>(records, 1u << 21);
        pending_.reserve(records);
        building_.reserve(entities);
        ds_.entities.reserve(entities);
        codes_[0].reserve(entities);
        std::uint32_t widest = 0;
        for (std::size_t k = 0; k < kKindCount; ++k) {
            widest = std::max(widest, schema_.slots(static_cast<EntityKind>(k)));
        }
        if (records <= ds_.values.max_size() / std::max<std::uint32_t>(widest, 1)) {
            ds_.values.reserve(records * widest);
            values_ahead_room_ = ds_.values.capacity();  // asked for ahead once record() has filled some
        }
    } catch (const std::bad_alloc&) {
    } catch (const std::length_error&) {
    }
}

Dataset Builder::finish() {
    values_ahead_.stop();
    values_ahead_room_ = 0;
    hint_yes_no_columns();
    resolve_hierarchy();

    std::vector<std::uint32_t> remap(ds_.entities.size(), kNone);
    std::uint32_t kept = 0;
    for (std::uint32_t e = 0; e < ds_.entities.size(); ++e) {
        if (!building_[e].rejected) remap[e] = kept++;
    }

    // Records of rejected entities leave a gap in `values`: close it, in place.
    std::size_t cursor = 0;
    const bool estimates = !ds_.estimated.empty();
    if (estimates) ds_.estimated.resize(ds_.values.size(), 0);
    ds_.records.reserve(pending_.size());
    for (const Pending& p : pending_) {
        if (building_[p.entity].rejected) continue;
        const std::size_t n = schema_.slots(ds_.entities[p.entity].kind);
        if (cursor != p.offset) {
            std::copy(ds_.values.begin() + static_cast<std::ptrdiff_t>(p.offset),
                      ds_.values.begin() + static_cast<std::ptrdiff_t>(p.offset + n),
                      ds_.values.begin() + static_cast<std::ptrdiff_t>(cursor));
            if (estimates) {
                std::copy(ds_.estimated.begin() + static_cast<std::ptrdiff_t>(p.offset),
                          ds_.estimated.begin() + static_cast<std::ptrdiff_t>(p.offset + n),
                          ds_.estimated.begin() + static_cast<std::ptrdiff_t>(cursor));
            }
        }
        ds_.records.push_back({remap[p.entity], p.year, origin_.at(p.line), cursor});
        cursor += n;
    }
    ds_.values.resize(cursor);
    if (estimates) ds_.estimated.resize(cursor);

    for (std::uint32_t e = 0; e < ds_.entities.size(); ++e) {  // in place, as the values
        if (remap[e] == kNone) continue;
        Entity& en = ds_.entities[remap[e]];
        if (remap[e] != e) en = std::move(ds_.entities[e]);
        if (en.parent != kNone) en.parent = remap[en.parent];
    }
    ds_.entities.resize(kept);

    std::size_t size = 16;
    while (size < 2 * static_cast<std::size_t>(kept)) size *= 2;
    ds_.by_code.assign(size, kNone);
    for (std::uint32_t e = 0; e < kept; ++e) {
        std::size_t i = std::hash<std::string_view>{}(ds_.entities[e].code) & (size - 1);
        while (ds_.by_code[i] != kNone) i = (i + 1) & (size - 1);
        ds_.by_code[i] = e;
    }
    std::stable_sort(
        ds_.problems.begin(), ds_.problems.end(),
        [](const text::Problem& a, const text::Problem& b) { return a.where.line < b.where.line; });
    return std::move(ds_);
}

}  // namespace ntm::data
