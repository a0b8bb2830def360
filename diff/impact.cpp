// The verdicts of two sides compared entity by entity (diff.hpp): which entities moved, which
// way, and the indicator and gate verdicts that changed with them.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "diff/diff.hpp"
#include "diff/words.hpp"
#include "engine/explain.hpp"
#include "report/text.hpp"

namespace ntm::diff {

namespace {

using engine::AdminMap;
using engine::EntityResult;
using engine::EntityExplanation;
using engine::LevelExplanation;
using engine::Program;

const engine::LevelDef* level_at(const Program& p, engine::EntityKind kind, int ordinal) {
    const auto& order = p.level_order[engine::kind_index(kind)];
    if (ordinal < 0 || static_cast<std::size_t>(ordinal) >= order.size()) return nullptr;
    return &p.levels[order[static_cast<std::size_t>(ordinal)]];
}

LevelSide side_of(const DataSide& s, const EntityResult& r, engine::EntityKind kind) {
    LevelSide out;
    out.ordinal = r.level;
    if (const engine::LevelDef* l = level_at(*s.program, kind, r.level)) {
        out.name = l->name;
        out.title = l->title;
    }
    out.uncertain = r.level_max > r.level;
    if (const engine::LevelDef* m = out.uncertain ? level_at(*s.program, kind, r.level_max) : nullptr) out.max_title = m->title;
    out.criteria_met = r.criteria_met;
    out.criteria_unknown = r.criteria_unknown;
    out.criteria_total = r.criteria_total;
    out.revoked = r.revoked;
    if (r.lost_level != kNone) out.lost_title = s.program->levels[r.lost_level].title;
    return out;
}

// A revocation verdict that matters: to be revoked, may be; "not revoked" and "no rule applies"
// are one for the comparison.
Status revoking(Status s) { return s == Status::met || s == Status::unknown ? s : Status::not_met; }

// Which way an entity moved, by its level range on each side (level .. level_max), then its
// criteria, revocation and maintenance; false when nothing changed.
bool direction_of(const EntityResult& o, const EntityResult& n, const LevelSide& os, const LevelSide& ns, Direction& d) {
    if (n.level_max < o.level) {
        d = Direction::lost;
    } else if (n.level > o.level_max) {
        d = Direction::gained;
    } else if (n.level != o.level || n.level_max != o.level_max) {
        d = Direction::uncertain;
    } else if (n.criteria_met > o.criteria_met && o.criteria_total > 0 && n.criteria_total > 0) {
        d = Direction::closer;
    } else if (n.criteria_met < o.criteria_met && o.criteria_total > 0 && n.criteria_total > 0) {
        d = Direction::further;
    } else if (revoking(n.revoked) != revoking(o.revoked)) {
        d = Direction::revocation;
    } else if (os.lost_title != ns.lost_title) {
        d = Direction::maintenance;
    } else {
        return false;
    }
    return true;
}

const LevelExplanation* find_level(const EntityExplanation& x, const std::string& name) {
    for (const LevelExplanation& l : x.levels) {
        if (l.name == name) return &l;
    }
    return nullptr;
}

bool passing(Status s) { return s == Status::met || s == Status::not_applicable; }

// How far a verdict is from passing: |gap / threshold| for a number not met; a whole step (1)
// for a yes/no not met or a value lacking; 0 for one that passes.
double closeness_of(const engine::IndicatorExplanation& i) {
    if (passing(i.status)) return 0;
    if (i.status != Status::not_met || !engine::known(i.gap)) return 1;
    if (!engine::known(i.low) || i.low == 0) return std::min(1.0, std::abs(i.gap));
    return std::abs(i.gap / i.low);
}

void add_indicator_causes(const LevelExplanation* o, const LevelExplanation* n, std::vector<Cause>& out) {
    std::map<std::string_view, const engine::IndicatorExplanation*> old_by_code;
    std::map<std::string_view, const engine::CriterionExplanation*> old_criterion;
    if (o != nullptr) {
        for (const auto& c : o->criteria) {
            for (const auto& i : c.indicators) {
                old_by_code[i.code] = &i;
                old_criterion[i.code] = &c;
            }
        }
    }
    auto cause = [&](const engine::CriterionExplanation& c, const engine::IndicatorExplanation* oi,
                     const engine::IndicatorExplanation* ni) {
        Cause x;
        const engine::IndicatorExplanation& any = ni != nullptr ? *ni : *oi;
        x.criterion_code = c.code;
        x.criterion_title = c.title;
        x.code = any.code;
        x.title = any.title;
        x.unit_symbol = any.unit_symbol;
        x.boolean = any.boolean;
        x.cmp = any.cmp;
        x.only_old = ni == nullptr;
        x.only_new = oi == nullptr;
        if (oi != nullptr) {
            x.old_status = oi->status;
            x.old_value = oi->value;
            x.old_low = oi->low;
        }
        if (ni != nullptr) {
            x.new_status = ni->status;
            x.new_value = ni->value;
            x.new_low = ni->low;
            if (ni->status == Status::not_met) x.new_gap = ni->gap;
        }
        // Closeness on the side that does not pass: how far the entity is from the other verdict.
        const engine::IndicatorExplanation* failing = ni != nullptr && !passing(ni->status) ? ni : oi;
        x.closeness = failing != nullptr ? closeness_of(*failing) : 0;
        x.responsible = !any.responsible.empty() ? any.responsible : c.responsible;
        if (x.responsible.empty() && oi != nullptr) x.responsible = oi->responsible;
        x.rule = any.rule;
        out.push_back(std::move(x));
    };
    std::map<std::string_view, bool> seen;
    if (n != nullptr) {
        for (const auto& c : n->criteria) {
            for (const auto& i : c.indicators) {
                seen[i.code] = true;
                const auto it = old_by_code.find(i.code);
                const engine::IndicatorExplanation* oi = it == old_by_code.end() ? nullptr : it->second;
                const Status os = oi != nullptr ? oi->status : Status::not_applicable;
                if (os == i.status || (passing(os) && passing(i.status))) continue;
                cause(c, oi, &i);
            }
        }
    }
    for (const auto& [code, oi] : old_by_code) {
        if (seen.count(code) || passing(oi->status)) continue;
        cause(*old_criterion[code], oi, nullptr);  // a failing indicator the new side no longer has
    }
}

void add_gate_causes(const LevelExplanation* o, const LevelExplanation* n, std::vector<Cause>& out) {
    if (n == nullptr) return;
    for (const auto& g : n->gates) {
        Status os = Status::not_applicable;
        bool found = false;
        if (o != nullptr) {
            for (const auto& og : o->gates) {
                if (og.name == g.name) {
                    os = og.status;
                    found = true;
                }
            }
        }
        if (os == g.status || (passing(os) && passing(g.status))) continue;
        Cause x;
        x.gate = true;
        x.only_new = !found;
        x.closeness = 1;
        x.code = g.name;
        x.title = g.title;
        x.old_status = os;
        x.new_status = g.status;
        x.rule = g.rule;
        out.push_back(std::move(x));
    }
}

std::string parent_name(const engine::Dataset& data, const engine::Entity& e) {
    if (e.parent == kNone) return {};
    const engine::Entity& p = data.entities[e.parent];
    return report::display_name(p);
}

}  // namespace

ImpactDiff compare_results(const DataSide& old_side, const DataSide& new_side, std::size_t only) {
    ImpactDiff d;
    d.old_year = old_side.evaluation->year;
    d.new_year = new_side.evaluation->year;
    const engine::Dataset& od = *old_side.data;
    const engine::Dataset& nd = *new_side.data;
    std::map<std::pair<std::string, AdminMap>, std::uint32_t> new_index;
    for (std::uint32_t j = 0; j < new_side.evaluation->entities.size(); ++j) {
        const engine::Entity& e = nd.entities[nd.records[new_side.evaluation->entities[j].record].entity];
        new_index.emplace(std::make_pair(e.code, e.map), j);
    }
    std::vector<bool> matched(new_side.evaluation->entities.size(), false);
    std::map<std::string, std::size_t> parent_at;
    for (std::uint32_t i = 0; i < old_side.evaluation->entities.size(); ++i) {
        const EntityResult& ro = old_side.evaluation->entities[i];
        const engine::Entity& e = od.entities[od.records[ro.record].entity];
        if (only != engine::kKindCount && engine::kind_index(e.kind) != only) continue;
        const auto it = new_index.find({e.code, e.map});
        if (it == new_index.end()) {
            ++d.only_old;
            continue;
        }
        matched[it->second] = true;
        ++d.compared;
        const EntityResult& rn = new_side.evaluation->entities[it->second];
        if (!ro.judged && !rn.judged) continue;
        EntityChange c;
        c.old_side = side_of(old_side, ro, e.kind);
        c.new_side = side_of(new_side, rn, e.kind);
        if (!direction_of(ro, rn, c.old_side, c.new_side, c.direction)) continue;
        c.code = e.code;
        c.name = e.name;
        c.type = e.type;
        c.kind = e.kind;
        c.parent = parent_name(od, e);
        // The verdicts compared are those of the lowest level judged differently on the two
        // sides (the standard level when only the criteria count moved).
        const EntityExplanation xo = engine::explain(*old_side.program, od, *old_side.evaluation, i);
        const EntityExplanation xn = engine::explain(*new_side.program, nd, *new_side.evaluation, it->second);
        const LevelExplanation* llo = nullptr;
        const LevelExplanation* lln = nullptr;
        for (const LevelExplanation& l : xn.levels) {
            const LevelExplanation* other = find_level(xo, l.name);
            if (other != nullptr && other->status != l.status) {
                llo = other;
                lln = &l;
                break;
            }
        }
        if (lln == nullptr && !xn.levels.empty()) {
            lln = &xn.levels.front();
            llo = find_level(xo, lln->name);
        }
        if (lln != nullptr) {
            c.level_compared = lln->title;
            add_indicator_causes(llo, lln, c.causes);
            add_gate_causes(llo, lln, c.causes);
        }
        std::stable_sort(c.causes.begin(), c.causes.end(),
                         [](const Cause& x, const Cause& y) { return x.closeness < y.closeness; });
        c.distance = 0;
        for (const Cause& x : c.causes) c.distance += x.closeness;
        d.entities.push_back(std::move(c));
    }
    for (std::uint32_t j = 0; j < matched.size(); ++j) {
        const engine::Entity& e = nd.entities[nd.records[new_side.evaluation->entities[j].record].entity];
        if (!matched[j] && (only == engine::kKindCount || engine::kind_index(e.kind) == only)) ++d.only_new;
    }
    std::stable_sort(d.entities.begin(), d.entities.end(), [](const EntityChange& x, const EntityChange& y) {
        if (x.direction != y.direction) return static_cast<int>(x.direction) < static_cast<int>(y.direction);
        if (x.distance != y.distance) return x.distance < y.distance;
        return x.code < y.code;
    });
    // Tallies.
    for (const EntityChange& c : d.entities) {
        if (c.direction == Direction::gained || c.direction == Direction::lost || c.direction == Direction::uncertain) {
            const Transition key{c.old_side.title, c.new_side.title, c.old_side.max_title, c.new_side.max_title, 0};
            auto t = std::find_if(d.transitions.begin(), d.transitions.end(), [&](const Transition& x) {
                return x.old_level == key.old_level && x.new_level == key.new_level && x.old_max == key.old_max &&
                       x.new_max == key.new_max;
            });
            if (t == d.transitions.end()) {
                d.transitions.push_back(key);
                t = d.transitions.end() - 1;
            }
            ++t->count;
        }
        auto [p, fresh] = parent_at.emplace(c.parent, d.by_parent.size());
        if (fresh) d.by_parent.push_back({c.parent});
        ParentTally& pt = d.by_parent[p->second];
        switch (c.direction) {
            case Direction::gained: ++pt.gained; break;
            case Direction::lost: ++pt.lost; break;
            case Direction::uncertain: ++pt.uncertain; break;
            case Direction::closer: ++pt.closer; break;
            case Direction::further: ++pt.further; break;
            default: break;
        }
        if (c.direction != Direction::lost) continue;
        std::vector<std::string> counted;  // an entity counts once per criterion
        for (const Cause& x : c.causes) {
            if (passing(x.new_status)) continue;
            const std::string key = x.gate ? fmt::format("gate:{}", x.code) : x.criterion_code;
            if (std::find(counted.begin(), counted.end(), key) != counted.end()) continue;
            counted.push_back(key);
            auto t = std::find_if(d.by_criterion.begin(), d.by_criterion.end(), [&](const CriterionTally& y) {
                return y.gate == x.gate && y.code == (x.gate ? x.code : x.criterion_code) && y.responsible == x.responsible;
            });
            if (t == d.by_criterion.end()) {
                d.by_criterion.push_back({x.gate ? x.code : x.criterion_code, x.gate ? x.title : x.criterion_title, x.gate,
                                          x.responsible, 0});
                t = d.by_criterion.end() - 1;
            }
            ++t->count;
        }
    }
    std::stable_sort(d.transitions.begin(), d.transitions.end(),
                     [](const Transition& x, const Transition& y) { return x.count > y.count; });
    std::stable_sort(d.by_criterion.begin(), d.by_criterion.end(),
                     [](const CriterionTally& x, const CriterionTally& y) { return x.count > y.count; });
    return d;
}

}  // namespace ntm::diff
