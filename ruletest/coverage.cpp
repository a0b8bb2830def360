// What tests exercised, and what each set offers to exercise.
#include "ruletest/coverage.hpp"

#include <algorithm>

#include "engine/judge.hpp"

namespace ntm::ruletest {

using engine::kNone;
using engine::Status;

namespace {

void see(Sides& s, Status st) {
    if (st == Status::met) s.met = true;
    if (st == Status::not_met) s.not_met = true;
}

// Whether the sets judging a level include `set`: a set it meets, or a set for a locality that
// extends one.
bool judges(const engine::Program& p, const engine::LevelDef& level, std::uint32_t set) {
    for (const std::uint32_t m : level.meets) {
        if (m == set || (!p.sets[set].locality.empty() && p.extends(set, m))) return true;
    }
    return false;
}

bool has_cases(const engine::Program& p, std::uint32_t node) {
    if (node == kNone) return false;
    const engine::ThresholdNode& n = p.threshold_nodes[node];
    switch (n.kind) {
        case engine::ThresholdKind::constant: return false;
        case engine::ThresholdKind::cases: return true;
        case engine::ThresholdKind::by_region:
            for (std::uint32_t i = 0; i < n.count; ++i) {
                if (has_cases(p, p.region_children[n.first + i])) return true;
            }
            return false;
        case engine::ThresholdKind::by_category:
            for (std::uint32_t i = 0; i < n.count; ++i) {
                if (has_cases(p, p.category_children[n.first + i])) return true;
            }
            return false;
        case engine::ThresholdKind::by_year:
            for (std::uint32_t i = 0; i < n.count; ++i) {
                if (has_cases(p, p.year_entries[n.first + i].node)) return true;
            }
            return false;
    }
    return false;
}

}  // namespace

Counts count(const std::vector<std::pair<std::uint32_t, Sides>>& items) {
    Counts c;
    for (const auto& [index, sides] : items) {
        c.total += 1;
        c.both += sides.both();
        c.one += sides.any() && !sides.both();
    }
    return c;
}

const std::vector<engine::ThresholdCell>& Coverage::cells(std::uint32_t root) const {
    auto it = cells_.find(root);
    if (it == cells_.end()) it = cells_.emplace(root, engine::threshold_cells(p_, root)).first;
    return it->second;
}

void Coverage::observe(const engine::Evaluation& ev, std::uint32_t result) {
    const engine::EntityResult& er = ev.entities[result];
    engine::CellQuery q;
    q.year = ev.year;
    q.categories = p_.categories.empty() ? nullptr : ev.categories.data() + er.first_category;
    for (std::uint32_t l = 0; l < er.level_count; ++l) {
        const engine::LevelResult& lr = ev.levels[er.first_level + l];
        if (lr.set == kNone) continue;
        const engine::SetDef& sd = p_.sets[lr.set];
        const engine::LevelDef& ld = p_.levels[lr.level];
        q.region = lr.region;
        for (std::uint32_t i = 0; i < sd.indicator_count; ++i) {
            observe_indicator(sd.first_indicator + i, ev.indicators[lr.first_indicator + i], q);
            judged_[lr.set] += 1;
        }
        see(level_sides_[{lr.level, lr.set, -2}], lr.criteria);
        if (ld.after != kNone) see(level_sides_[{lr.level, lr.set, -1}], lr.prerequisite);
        for (std::uint32_t g = 0; g < ld.gates.size(); ++g) {
            see(level_sides_[{lr.level, lr.set, static_cast<int>(g)}], ev.gates[lr.first_gate + g]);
        }
    }
    for (std::uint32_t v = 0; v < p_.revocations.size(); ++v) {
        const engine::RevocationResult& rr = ev.revocations[er.first_revocation + v];
        if (rr.level_result == kNone || rr.status == Status::not_applicable) continue;
        const std::uint32_t set = ev.levels[rr.level_result].set;
        if (rr.status == Status::met && rr.branch != kNone) branch_sides_[{v, set, rr.branch}].met = true;
        if (rr.status == Status::not_met) kept_[{v, set}] = true;
    }
}

void Coverage::observe_indicator(std::uint32_t gi, const engine::IndicatorResult& r, const engine::CellQuery& base) {
    if ((r.status != Status::met && r.status != Status::not_met) || r.region_unknown || r.category_unknown ||
        !engine::known(r.value))
        return;
    see(indicators_[gi], r.status);
    const engine::IndicatorDef& def = p_.indicators[gi];
    for (std::uint32_t k = 0; k < def.requirement_count; ++k) {
        const std::uint32_t ri = def.first_requirement + k;
        if (r.status == Status::not_met && ri > r.requirement) break;  // not judged: an earlier one failed
        const engine::Requirement& req = p_.requirements[ri];
        if (req.cmp == dsl::Cmp::yes || req.cmp == dsl::Cmp::no) {
            see(cell_sides_[{gi, ri, false, 0}], engine::passes(req.cmp, r.value, 0, 0) ? Status::met : Status::not_met);
            continue;
        }
        for (const bool high : {false, true}) {
            const std::uint32_t root = high ? req.high : req.low;
            if (root == kNone) continue;
            // The judge records the `when` case of the requirement that decided only.
            if (ri != r.requirement && has_cases(p_, root)) continue;
            engine::CellQuery q = base;
            q.taken_case = ri == r.requirement ? r.threshold_case : kNone;
            const auto& all = cells(root);
            const std::uint32_t c = engine::cell_reached(p_, root, all, q);
            if (c == kNone) continue;
            const dsl::Cmp cmp = req.cmp == dsl::Cmp::in_range ? (high ? dsl::Cmp::le : dsl::Cmp::ge) : req.cmp;
            const bool pass = engine::passes(cmp, r.value, all[c].value, engine::kUnknown);
            see(cell_sides_[{gi, ri, high, c}], pass ? Status::met : Status::not_met);
        }
    }
}

SetCoverage Coverage::of_set(std::uint32_t set) const {
    SetCoverage out;
    out.set = set;
    const engine::SetDef& sd = p_.sets[set];
    if (const auto j = judged_.find(set); j != judged_.end()) out.judgements = j->second;
    auto sides = [](const auto& map, const auto& key) {
        const auto it = map.find(key);
        return it == map.end() ? Sides{} : it->second;
    };
    for (std::uint32_t gi = sd.first_indicator; gi < sd.first_indicator + sd.indicator_count; ++gi) {
        out.indicators.emplace_back(gi, sides(indicators_, gi));
        const engine::IndicatorDef& def = p_.indicators[gi];
        for (std::uint32_t ri = def.first_requirement; ri < def.first_requirement + def.requirement_count; ++ri) {
            const engine::Requirement& req = p_.requirements[ri];
            if (req.cmp == dsl::Cmp::yes || req.cmp == dsl::Cmp::no) {
                CellItem item{gi, ri, false, true, {}, sides(cell_sides_, std::tuple{gi, ri, false, 0u})};
                out.cells.push_back(std::move(item));
                continue;
            }
            for (const bool high : {false, true}) {
                const std::uint32_t root = high ? req.high : req.low;
                const auto& all = cells(root);
                for (std::uint32_t c = 0; c < all.size(); ++c) {
                    // A column of years the set is never in force in cannot be reached.
                    const engine::CellChoice* y = all[c].choice(engine::ThresholdKind::by_year);
                    if (y != nullptr && (y->to < sd.valid_from || y->from > sd.valid_to)) continue;
                    out.cells.push_back({gi, ri, high, false, all[c], sides(cell_sides_, std::tuple{gi, ri, high, c})});
                }
            }
        }
    }
    for (const std::uint32_t l : p_.level_order[engine::kind_index(sd.kind)]) {
        const engine::LevelDef& ld = p_.levels[l];
        if (!judges(p_, ld, set)) continue;
        out.levels.push_back({LevelItem::What::criteria, l, 0, sides(level_sides_, std::tuple{l, set, -2})});
        if (ld.after != kNone)
            out.levels.push_back({LevelItem::What::prerequisite, l, 0, sides(level_sides_, std::tuple{l, set, -1})});
        for (std::uint32_t g = 0; g < ld.gates.size(); ++g) {
            if (ld.gates[g].valid_to < sd.valid_from || ld.gates[g].valid_from > sd.valid_to) continue;
            out.levels.push_back({LevelItem::What::gate, l, g, sides(level_sides_, std::tuple{l, set, static_cast<int>(g)})});
        }
    }
    for (std::uint32_t v = 0; v < p_.revocations.size(); ++v) {
        const engine::RevocationDef& rd = p_.revocations[v];
        if (rd.set != set && (sd.locality.empty() || !p_.extends(set, rd.set))) continue;
        const bool kept = kept_.count({v, set}) != 0;
        for (std::uint32_t b = 0; b < rd.branches.size(); ++b) {
            Sides s = sides(branch_sides_, std::tuple{v, set, b});
            s.not_met = kept;
            out.branches.push_back({v, b, s});
        }
    }
    return out;
}

std::vector<SetCoverage> Coverage::report(const std::vector<std::uint32_t>& sets) const {
    std::vector<SetCoverage> out;
    if (!sets.empty()) {
        for (const std::uint32_t s : sets) out.push_back(of_set(s));
        return out;
    }
    for (std::uint32_t s = 0; s < p_.sets.size(); ++s) {
        if (judged_.count(s) != 0) out.push_back(of_set(s));
    }
    return out;
}

}  // namespace ntm::ruletest
