// The new communes of one year: parts found in the old data, recognition carried, values
// combined input by input (merge.hpp).
#include "merge/merge.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "data/load.hpp"
#include "data/vocabulary.hpp"

namespace ntm::merge {

using engine::AdminMap;
using engine::Column;
using engine::Combine;
using engine::Entity;
using engine::EntityKind;
using engine::kind_index;
using engine::known;
using engine::kUnknown;
using engine::Record;

namespace {

// The ordinal of level `name` among the levels of xã (lowest first), or kNone.
std::uint32_t level_ordinal(const Program& program, std::string_view name) {
    const auto& order = program.level_order[kind_index(EntityKind::xa)];
    for (std::uint32_t i = 0; i < order.size(); ++i) {
        if (program.levels[order[i]].name == name) return i;
    }
    return kNone;
}

// The highest level `e` had been recognised at by `year`, and the year it was.
void recognition_by(const Program& program, const Entity& e, int year, Part& part) {
    for (const engine::Recognition& r : e.recognised) {
        if (r.year > year) continue;
        const std::uint32_t o = level_ordinal(program, r.level);
        if (o == kNone) continue;
        if (part.level == kNone || o > part.level || (o == part.level && r.year < part.level_year)) {
            part.level = o;
            part.level_name = r.level;
            part.level_year = r.year;
        }
    }
}

// The old commune of a part: its code on the three-tier map.
std::uint32_t find_old(const Dataset& old, const data::MergePart& row) {
    const std::uint32_t e = old.find(row.old_code, AdminMap::three_tier);
    return e != kNone && old.entities[e].kind == EntityKind::xa ? e : kNone;
}

struct Combined {
    double value = kUnknown;
    Derivation how = Derivation::exact;
};

// One input over the parts with values (`records`), as its column declares.
Combined combine(const Column& c, const Dataset& old, const std::vector<const Record*>& records, bool partial,
                 bool some_missing, bool urban_left_out) {
    if (c.derived) return {kUnknown, Derivation::derived};
    if (c.combine == Combine::undeclared || c.combine == Combine::resurvey) return {kUnknown, Derivation::resurvey};
    std::vector<double> v;
    for (const Record* r : records) v.push_back(old.values[r->offset + c.slot]);
    const auto unknown_count = static_cast<std::size_t>(std::count_if(v.begin(), v.end(), [](double x) { return !known(x); }));
    bool estimate = partial || urban_left_out;
    for (const Record* r : records) estimate = estimate || old.is_estimate(*r, c.slot);
    const auto done = [&](double value) {
        if (!known(value)) return Combined{kUnknown, Derivation::missing};
        return Combined{value, estimate ? Derivation::estimated : Derivation::exact};
    };
    switch (c.combine) {
        case Combine::all: {  // three-valued: one "no" decides, whatever is missing
            if (std::any_of(v.begin(), v.end(), [](double x) { return known(x) && x == 0; })) return done(0);
            return done(unknown_count > 0 || some_missing || v.empty() ? kUnknown : 1);
        }
        case Combine::any: {
            if (std::any_of(v.begin(), v.end(), [](double x) { return known(x) && x != 0; })) return done(1);
            return done(unknown_count > 0 || some_missing || v.empty() ? kUnknown : 0);
        }
        default: break;
    }
    if (unknown_count > 0 || some_missing || v.empty()) return {kUnknown, Derivation::missing};
    switch (c.combine) {
        case Combine::sum: {
            double s = 0;
            for (const double x : v) s += x;
            return done(s);
        }
        case Combine::min: return done(*std::min_element(v.begin(), v.end()));
        case Combine::max: return done(*std::max_element(v.begin(), v.end()));
        case Combine::weighted: {
            double num = 0, den = 0;
            bool weights = c.weight != kNone;
            for (std::size_t i = 0; i < records.size() && weights; ++i) {
                const double w = old.values[records[i]->offset + c.weight];
                if (!known(w) || w < 0) {
                    weights = false;
                    break;
                }
                num += v[i] * w;
                den += w;
            }
            if (weights && den > 0) return done(num / den);
            // Without every weight, the plain mean: an estimate.
            double s = 0;
            for (const double x : v) s += x;
            estimate = true;
            return done(s / static_cast<double>(v.size()));
        }
        default: return {kUnknown, Derivation::resurvey};
    }
}

}  // namespace

Carried carry(const Program& program, const Dataset& old, const data::MergeTable& table, const data::AdminUnits& units,
              const CarryOptions& options) {
    Carried out;
    Dataset& d = out.data;
    const auto& columns = program.schema.columns[kind_index(EntityKind::xa)];
    const std::uint32_t slots = program.schema.slots(EntityKind::xa);

    // The record of each old commune in the year.
    std::vector<std::uint32_t> record_of(old.entities.size(), kNone);
    for (std::uint32_t r = 0; r < old.records.size(); ++r) {
        if (old.records[r].year == options.year) record_of[old.records[r].entity] = r;
    }

    // The new communes, grouped by code in table order, of the provinces asked (or of those
    // with a part in the data).
    std::map<std::string, std::size_t> at;  // new code → index in `groups`
    std::vector<std::vector<std::uint32_t>> groups;
    for (std::uint32_t i = 0; i < table.parts.size(); ++i) {
        const data::MergePart& row = table.parts[i];
        const auto [it, added] = at.emplace(row.code, groups.size());
        if (added) groups.emplace_back();
        groups[it->second].push_back(i);
    }
    std::vector<std::string> provinces = options.provinces;
    if (provinces.empty()) {
        for (const auto& rows : groups) {
            for (const std::uint32_t i : rows) {
                const std::uint32_t e = find_old(old, table.parts[i]);
                if (e != kNone && record_of[e] != kNone) provinces.push_back(table.parts[i].province_code);
            }
        }
    }
    std::sort(provinces.begin(), provinces.end());
    provinces.erase(std::unique(provinces.begin(), provinces.end()), provinces.end());
    out.provinces = provinces;
    const auto wanted = [&](const std::string& code) {
        return std::binary_search(provinces.begin(), provinces.end(), code);
    };

    // The provinces first, then their communes (parents before children, as files have them).
    std::map<std::string, std::uint32_t> province_entity;
    for (const std::string& code : provinces) {
        const std::uint32_t u = units.find(EntityKind::tinh, code);
        Entity p;
        p.code = code;
        p.kind = EntityKind::tinh;
        p.map = AdminMap::two_tier;
        if (u != kNone) {
            p.name = units.units[u].name;
            p.type = units.units[u].type;
            p.region = units.units[u].region;  // the region most of its communes came from
        } else {
            p.name = code;
            p.type = "Tỉnh";
        }
        province_entity[code] = static_cast<std::uint32_t>(d.entities.size());
        d.entities.push_back(std::move(p));
        d.records.push_back({province_entity[code], options.year, {}, d.values.size()});
        d.values.insert(d.values.end(), program.schema.slots(EntityKind::tinh), kUnknown);
    }

    for (const auto& rows : groups) {
        const data::MergePart& first = table.parts[rows.front()];
        if (!wanted(first.province_code)) continue;
        NewCommune nc;
        nc.table_row = rows.front();
        bool any_in_data = false, some_missing = false, urban_left_out = false;
        std::vector<const Record*> records;
        for (const std::uint32_t i : rows) {
            const data::MergePart& row = table.parts[i];
            Part part;
            part.row = i;
            part.entity = find_old(old, row);
            if (part.entity != kNone) {
                const Entity& e = old.entities[part.entity];
                part.judged = e.judged;
                part.record = record_of[part.entity];
                recognition_by(program, e, options.year, part);
            } else {
                part.judged = data::judged_type(row.old_type);
            }
            nc.partial = nc.partial || data::partial(row.kind);
            if (part.record != kNone) {
                any_in_data = true;
                if (part.judged) {
                    records.push_back(&old.records[part.record]);
                } else {
                    urban_left_out = true;  // an urban part: not judged, no values of a xã
                }
            } else if (part.judged) {
                some_missing = true;
            }
            nc.parts.push_back(std::move(part));
        }
        if (!any_in_data) {
            ++out.without_data;
            continue;
        }

        // Recognition: every judged part recognised → the lowest level common to all.
        const bool judged = data::judged_type(first.type);
        std::uint32_t lowest = kNone;
        bool all = true, unknown = false, any_judged = false;
        for (const Part& p : nc.parts) {
            if (!p.judged) continue;
            any_judged = true;
            if (p.entity == kNone || p.record == kNone) {
                unknown = true;
            } else if (p.level == kNone) {
                all = false;
            } else {
                lowest = lowest == kNone ? p.level : std::min(lowest, p.level);
            }
        }
        if (!judged) {
            nc.rule = CarryRule::not_judged;
        } else if (any_judged && !all) {
            nc.rule = CarryRule::not_all_recognised;  // one part not recognised decides
        } else if (unknown || !any_judged) {
            nc.rule = CarryRule::unknown;
        } else {
            nc.rule = CarryRule::all_recognised;
            nc.level = lowest;
        }

        Entity e;
        e.code = first.code;
        e.name = first.name;
        std::tie(e.type, e.judged) = data::canonical_type(first.type);
        e.kind = EntityKind::xa;
        e.map = AdminMap::two_tier;
        e.parent_code = first.province_code;
        e.parent = province_entity[first.province_code];
        // The region of the parts (one old province, or several of one region); else the list's.
        for (const Record* r : records) {
            const auto& region = old.entities[r->entity].region;
            if (!e.region) e.region = region;
            else if (region && *region != *e.region) e.region.reset();
        }
        if (!e.region) {
            const std::uint32_t u = units.find(EntityKind::xa, first.code);
            if (u != kNone) e.region = units.units[u].region;
        }
        if (nc.level != kNone) {
            const auto& order = program.level_order[kind_index(EntityKind::xa)];
            int year = 0;  // the year the last part reached the level carried
            for (const Part& p : nc.parts) {
                if (!p.judged || p.entity == kNone) continue;
                int reached = 0;  // the first year this part was recognised at the level or above
                for (const engine::Recognition& r : old.entities[p.entity].recognised) {
                    const std::uint32_t o = level_ordinal(program, r.level);
                    if (r.year <= options.year && o != kNone && o >= nc.level) {
                        reached = reached == 0 ? r.year : std::min(reached, r.year);
                    }
                }
                year = std::max(year, reached);
            }
            e.recognised.push_back({program.levels[order[nc.level]].name, year});
        }
        e.merged_from = merged_from_text(program, table, nc);
        nc.entity = static_cast<std::uint32_t>(d.entities.size());
        const std::size_t offset = d.values.size();
        d.entities.push_back(std::move(e));
        d.records.push_back({nc.entity, options.year, {}, offset});
        d.values.resize(offset + slots, kUnknown);
        d.estimated.resize(d.values.size(), 0);
        nc.how.assign(slots, Derivation::exact);
        if (d.entities.back().judged) {
            for (const Column& c : columns) {
                const Combined v = combine(c, old, records, nc.partial, some_missing, urban_left_out);
                d.values[offset + c.slot] = v.value;
                d.estimated[offset + c.slot] = v.how == Derivation::estimated ? 1 : 0;
                nc.how[c.slot] = v.how;
            }
        }
        out.communes.push_back(std::move(nc));
    }
    d.estimated.resize(d.values.size(), 0);
    if (std::none_of(d.estimated.begin(), d.estimated.end(), [](std::uint8_t x) { return x != 0; })) d.estimated.clear();

    // The code index of Dataset::find.
    std::size_t size = 16;
    while (size < 2 * d.entities.size()) size *= 2;
    d.by_code.assign(size, kNone);
    for (std::uint32_t i = 0; i < d.entities.size(); ++i) {
        std::size_t h = std::hash<std::string_view>{}(d.entities[i].code) & (size - 1);
        while (d.by_code[h] != kNone) h = (h + 1) & (size - 1);
        d.by_code[h] = i;
    }
    d.read = d.records.size();
    return out;
}

std::string merged_from_text(const Program& program, const data::MergeTable& table,
                             const NewCommune& commune) {
    std::string out;
    for (const Part& p : commune.parts) {
        const data::MergePart& row = table.parts[p.row];
        if (!out.empty()) out += "; ";
        out += fmt::format("{} {} {} ({}; ", row.old_code, row.old_type, row.old_name, data::merge_kind_words(row.kind));
        if (!p.judged) {
            out += "không thuộc diện xét";
        } else if (p.entity == kNone || p.record == kNone) {
            out += "không có trong dữ liệu";
        } else if (p.level == kNone) {
            out += "chưa được công nhận";
        } else {
            out += fmt::format("{} năm {}", program.levels[program.level_order[kind_index(EntityKind::xa)][p.level]].title,
                               p.level_year);
        }
        out += ")";
    }
    switch (commune.rule) {
        case CarryRule::all_recognised:
            out += fmt::format(" — công nhận: mọi phần đều đã được công nhận, mang sang mức thấp nhất chung: {}",
                               program.levels[program.level_order[kind_index(EntityKind::xa)][commune.level]].title);
            break;
        case CarryRule::not_all_recognised:
            out += " — công nhận: có phần chưa được công nhận, không mang sang (thẩm định lại theo QĐ 18/2022/QĐ-TTg)";
            break;
        case CarryRule::unknown: out += " — công nhận: có phần không có trong dữ liệu, chưa xác định"; break;
        case CarryRule::not_judged: break;
    }
    return out;
}

}  // namespace ntm::merge
