// What the data-entry template holds: see template_plan.hpp.
#include "report/template_plan.hpp"

#include <algorithm>
#include <array>

#include "data/headers.hpp"
#include "data/units.hpp"
#include "data/vocabulary.hpp"

namespace ntm::report {

using engine::AdminMap;
using engine::EntityKind;
using engine::ExprRef;
using engine::kind_index;
using engine::kKindCount;
using engine::kNone;
using engine::OpCode;
using engine::Program;
using engine::ThresholdKind;

namespace {

// The sets in force in the year for the place: those for everywhere, and those of the province
// or district in place of the set they extend.
std::vector<std::uint32_t> sets_in_force(const Program& p, const TemplateOptions& o) {
    std::vector<std::uint32_t> local, everywhere;
    for (std::uint32_t s = 0; s < p.sets.size(); ++s) {
        const engine::SetDef& def = p.sets[s];
        if (o.year < def.valid_from || o.year > def.valid_to) continue;
        if (def.locality.empty()) {
            everywhere.push_back(s);
        } else if (def.locality == o.province || (!o.district.empty() && def.locality == o.district)) {
            local.push_back(s);
        }
    }
    std::vector<std::uint32_t> out = local;
    for (const std::uint32_t s : everywhere) {
        const bool replaced = std::any_of(local.begin(), local.end(), [&](std::uint32_t l) { return p.extends(l, s); });
        if (!replaced) out.push_back(s);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// The inputs the rules in force read, walking their compiled code: indicators, thresholds,
// region rules, gates, revocations, and what derived values and aggregates read in turn.
class InputWalk {
public:
    InputWalk(const Program& p, int year) : p_(p), year_(year) {
        for (std::size_t k = 0; k < kKindCount; ++k) used_[k].assign(p.schema.columns[k].size(), false);
    }

    std::array<std::vector<bool>, kKindCount> used_;
    std::array<bool, kKindCount> kinds_{};

    void expr(ExprRef r, EntityKind k) {
        if (!r.valid()) return;
        for (std::uint32_t i = r.begin; i < r.end; ++i) {
            const engine::Instr& in = p_.code[i];
            switch (in.op) {
                case OpCode::push_slot: slot(k, in.a); break;
                case OpCode::aggregate:
                case OpCode::aggregate_cmp: {
                    const engine::Aggregate& a = p_.aggregates[in.a];
                    kinds_[kind_index(a.kind)] = true;
                    expr(a.operand, a.kind);
                    break;
                }
                case OpCode::push_class: expr(p_.classes[in.a].when, p_.classes[in.a].kind); break;
                default: break;
            }
        }
    }

    void slot(EntityKind k, std::uint32_t s) {
        auto& used = used_[kind_index(k)];
        if (s >= used.size() || used[s]) return;
        used[s] = true;
        if (!p_.schema.columns[kind_index(k)][s].derived) return;
        for (const auto& [derived, code] : p_.derived[kind_index(k)]) {
            if (derived == s) expr(code, k);
        }
    }

    void node(std::uint32_t n, EntityKind k) {
        if (n == kNone) return;
        const engine::ThresholdNode& t = p_.threshold_nodes[n];
        switch (t.kind) {
            case ThresholdKind::constant: return;
            case ThresholdKind::by_region:
                for (std::uint32_t i = 0; i < engine::kRegionCount; ++i) node(p_.region_children[t.first + i], k);
                return;
            case ThresholdKind::by_category: {
                const engine::CategoryDef& c = p_.categories[t.category];
                for (const engine::CategoryMemberDef& m : c.members) expr(m.when, c.kind);
                for (std::uint32_t i = 0; i < t.count; ++i) node(p_.category_children[t.first + i], k);
                return;
            }
            case ThresholdKind::by_year:
                for (std::uint32_t i = 0; i < t.count; ++i) {
                    const engine::YearEntry& y = p_.year_entries[t.first + i];
                    if (y.from <= year_ && year_ <= y.to) node(y.node, k);
                }
                return;
            case ThresholdKind::cases:
                for (std::uint32_t i = 0; i < t.count; ++i) {
                    expr(p_.case_entries[t.first + i].when, k);
                    node(p_.case_entries[t.first + i].node, k);
                }
                return;
        }
    }

    void set(std::uint32_t s) {
        const engine::SetDef& def = p_.sets[s];
        kinds_[kind_index(def.kind)] = true;
        for (const engine::RegionRule& r : def.region_rules) expr(r.when, def.kind);
        for (std::uint32_t i = def.first_indicator; i < def.first_indicator + def.indicator_count; ++i) {
            const engine::IndicatorDef& ind = p_.indicators[i];
            if (ind.slot != kNone) slot(def.kind, ind.slot);
            expr(ind.value, def.kind);
            expr(ind.applies, def.kind);
            for (std::uint32_t q = ind.first_requirement; q < ind.first_requirement + ind.requirement_count; ++q) {
                node(p_.requirements[q].low, def.kind);
                node(p_.requirements[q].high, def.kind);
            }
        }
    }

    // Conditions compiled once per set of `scope` (or once, with no scope): those of the sets
    // in force.
    void scoped(const std::vector<ExprRef>& conditions, const std::vector<std::uint32_t>& scope,
                const std::vector<std::uint32_t>& in_force, EntityKind k) {
        for (std::size_t i = 0; i < conditions.size(); ++i) {
            const bool applies = scope.empty() || (i < scope.size() && std::find(in_force.begin(), in_force.end(),
                                                                                 scope[i]) != in_force.end());
            if (applies) expr(conditions[i], k);
        }
    }

private:
    const Program& p_;
    int year_;
};

// The title the template shows for an input: the indicator's in the first set in force that
// reads it, or the schema's.
std::string title_of(const Program& p, const std::vector<std::uint32_t>& sets, EntityKind k,
                     const engine::Column& c) {
    for (const std::uint32_t s : sets) {
        const engine::SetDef& def = p.sets[s];
        if (def.kind != k) continue;
        for (std::uint32_t i = def.first_indicator; i < def.first_indicator + def.indicator_count; ++i) {
            if (p.indicators[i].slot == c.slot && !p.indicators[i].value.valid()) return p.indicators[i].title;
        }
    }
    return c.title;
}

// The inputs of a kind in the order a clerk reads them: the indicators' own columns of the sets
// in force by code (criterion 1, 2, …), then the fields as the rules declare them.
std::vector<std::uint32_t> input_order(const Program& p, const std::vector<std::uint32_t>& sets, EntityKind k) {
    const auto& columns = p.schema.columns[kind_index(k)];
    std::vector<bool> placed(columns.size(), false);
    std::vector<std::uint32_t> out;
    for (const std::uint32_t s : sets) {
        const engine::SetDef& def = p.sets[s];
        if (def.kind != k) continue;
        for (std::uint32_t i = def.first_indicator; i < def.first_indicator + def.indicator_count; ++i) {
            const std::uint32_t slot = p.indicators[i].slot;
            if (slot == kNone || slot >= columns.size() || placed[slot]) continue;
            placed[slot] = true;
            out.push_back(slot);
        }
    }
    // By code, number by number: 1.1, 1.2, 2.1, …, 10, 19.2 (a provincial set lists first the
    // indicators it overrides).
    const auto numbers = [&](std::uint32_t slot) {
        std::vector<int> n;
        const std::string& code = columns[slot].name;
        for (std::size_t i = 0; i < code.size();) {
            int v = 0;
            while (i < code.size() && code[i] >= '0' && code[i] <= '9') v = v * 10 + (code[i++] - '0');
            n.push_back(v);
            ++i;  // the dot, or anything else, between numbers
        }
        return n;
    };
    std::stable_sort(out.begin(), out.end(), [&](std::uint32_t a, std::uint32_t b) { return numbers(a) < numbers(b); });
    for (std::uint32_t slot = 0; slot < columns.size(); ++slot) {
        if (!placed[slot]) out.push_back(slot);
    }
    return out;
}

const std::array<EntityKind, kKindCount> kSheetOrder = {EntityKind::xa, EntityKind::thon, EntityKind::huyen,
                                                        EntityKind::tinh};

// The official units of the place, by kind.
void prefill(TemplatePlan& plan, const TemplateOptions& o) {
    const AdminMap map = data::default_map(o.year);
    const data::AdminUnits& units = data::official_units(map);
    const std::uint32_t province = units.find(EntityKind::tinh, o.province);
    if (province == kNone) {
        plan.error = text::say("template.no_province", o.province, data::map_word(map), o.year);
        return;
    }
    std::uint32_t district = kNone;
    if (!o.district.empty()) {
        district = map == AdminMap::two_tier ? kNone : units.find(EntityKind::huyen, o.district);
        if (district == kNone || units.units[district].parent != province) {
            plan.error = map == AdminMap::two_tier ? text::say("template.district_new_map", o.district, o.year)
                                                  : text::say("template.no_district", o.district, o.province);
            return;
        }
    }
    const auto within = [&](std::uint32_t u) {
        for (std::uint32_t a = u; a != kNone; a = units.units[a].parent) {
            if (a == (district != kNone ? district : province)) return true;
            if (units.units[a].parent == a) break;
        }
        return false;
    };
    for (TemplateSheet& sheet : plan.sheets) {
        for (std::uint32_t u = 0; u < units.units.size(); ++u) {
            const data::Unit& unit = units.units[u];
            if (unit.kind != sheet.kind) continue;
            // The district's own province is its parent, and on the province's sheet.
            if (!within(u) && !(u == province && sheet.kind == EntityKind::tinh)) continue;
            const std::string parent = unit.parent == kNone || unit.parent == u ? std::string() : units.units[unit.parent].code;
            TemplateUnit row{unit.code, unit.name, unit.type, parent, {}};
            if (unit.kind == EntityKind::tinh) row.region = std::string(dsl::kRegionNames[engine::region_index(unit.region)]);
            sheet.units.push_back(std::move(row));
        }
    }
}

}  // namespace

TemplatePlan plan_template(const Program& p, const TemplateOptions& o) {
    TemplatePlan plan;
    plan.year = o.year;
    const std::vector<std::uint32_t> sets = sets_in_force(p, o);
    for (const std::uint32_t s : sets) plan.sets.push_back(p.sets[s].name);

    InputWalk walk(p, o.year);
    for (const std::uint32_t s : sets) walk.set(s);
    for (const engine::LevelDef& level : p.levels) {
        if (!p.level_in_force(level, o.year)) continue;
        const bool judged = level.scope_sets.empty() ||
                            std::any_of(level.scope_sets.begin(), level.scope_sets.end(), [&](std::uint32_t s) {
                                return std::find(sets.begin(), sets.end(), s) != sets.end();
                            });
        if (!judged) continue;
        walk.kinds_[kind_index(level.kind)] = true;
        for (const engine::GateDef& g : level.gates) {
            if (g.valid_in(o.year)) walk.scoped(g.condition, level.scope_sets, sets, level.kind);
        }
    }
    for (const engine::RevocationDef& r : p.revocations) {
        if (!r.valid_in(o.year)) continue;
        for (const engine::RevocationBranchDef& b : r.branches) walk.scoped(b.condition, r.scope_sets, sets, r.kind);
    }

    for (const EntityKind k : kSheetOrder) {
        if (!walk.kinds_[kind_index(k)] || (o.kind && *o.kind != k)) continue;
        // No district on the map of two tiers.
        if (k == EntityKind::huyen && data::default_map(o.year) == AdminMap::two_tier) continue;
        TemplateSheet sheet;
        sheet.kind = k;
        sheet.name = std::string(data::kDefaultType[kind_index(k)]);
        for (const std::string& level : p.schema.levels[kind_index(k)]) sheet.levels.push_back(data::level_word(level));
        for (const std::uint32_t slot : input_order(p, sets, k)) {
            const engine::Column& c = p.schema.columns[kind_index(k)][slot];
            if (c.derived || !walk.used_[kind_index(k)][c.slot]) continue;
            TemplateInput in;
            in.column = &c;
            in.title = title_of(p, sets, k, c);
            in.header = data::input_header(c, in.title);
            sheet.inputs.push_back(std::move(in));
        }
        plan.sheets.push_back(std::move(sheet));
    }
    if (!o.province.empty()) prefill(plan, o);
    return plan;
}

}  // namespace ntm::report
