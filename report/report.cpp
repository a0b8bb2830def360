#include "report/report.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

#include "engine/within.hpp"
#include "report/text.hpp"

namespace ntm::report {

namespace {

// "2" < "10" < "10.1" < "17.10": criterion and indicator numbers compared part by part.
bool number_order(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const std::size_t ei = std::min(a.find('.', i), a.size()), ej = std::min(b.find('.', j), b.size());
        const std::string_view pa = a.substr(i, ei - i), pb = b.substr(j, ej - j);
        if (pa.size() != pb.size()) return pa.size() < pb.size();
        if (pa != pb) return pa < pb;
        i = ei + 1;
        j = ej + 1;
    }
    return a.size() - std::min(i, a.size()) < b.size() - std::min(j, b.size());
}

// The results of the year in scope, by code: sorted when first asked for (the districts'
// progress reads them in any order).
class Scope {
public:
    Scope(const Program& p, const Dataset& d, const Evaluation& ev, std::uint32_t locality)
        : p_(p), d_(d), ev_(ev), locality_(locality), within_(engine::entities_within(d, locality)) {}
    const std::vector<std::uint32_t>& results() const {
        if (!sorted_) {
            const std::vector<std::uint32_t> in = unsorted();
            const auto order = sorted_by_code(static_cast<std::uint32_t>(in.size()),
                                              [&](std::uint32_t i) { return std::string_view(entity(in[i]).code); });
            results_.reserve(order.size());
            for (const std::uint32_t i : order) results_.push_back(in[i]);
            sorted_ = true;
        }
        return results_;
    }
    // The results within the locality, in result order.
    std::vector<std::uint32_t> unsorted() const {
        std::vector<std::uint32_t> in;
        in.reserve(ev_.entities.size());
        for (std::uint32_t r = 0; r < ev_.entities.size(); ++r) {
            if (within(entity_index(r))) in.push_back(r);
        }
        return in;
    }
    const Entity& entity(std::uint32_t r) const { return d_.entities[d_.records[ev_.entities[r].record].entity]; }
    std::uint32_t entity_index(std::uint32_t r) const { return d_.records[ev_.entities[r].record].entity; }
    // Whether an entity is the locality or lies within it.
    bool within(std::uint32_t e) const {
        return locality_ == kNone || (e < within_.size() && within_[e] != 0);
    }
    std::uint32_t ancestor(std::uint32_t e, EntityKind kind) const {
        for (std::uint32_t a = d_.entities[e].parent; a != kNone; a = d_.entities[a].parent) {
            if (d_.entities[a].kind == kind) return a;
        }
        return kNone;
    }
    UnitRef unit(std::uint32_t e) const { return {d_.entities[e].code, display_name(d_.entities[e])}; }
    const LevelDef* level(EntityKind kind, int ordinal) const {
        const auto& order = p_.level_order[kind_index(kind)];
        if (ordinal < 0 || static_cast<std::size_t>(ordinal) >= order.size()) return nullptr;
        return &p_.levels[order[static_cast<std::size_t>(ordinal)]];
    }

private:
    const Program& p_;
    const Dataset& d_;
    const Evaluation& ev_;
    std::uint32_t locality_;
    std::vector<std::uint8_t> within_;  // per entity (engine::entities_within)
    mutable std::vector<std::uint32_t> results_;
    mutable bool sorted_ = false;
};

KindOverview kind_overview(const Program& p, const Scope& s, const Evaluation& ev, EntityKind kind) {
    KindOverview k;
    k.kind = kind;
    const auto& order = p.level_order[kind_index(kind)];
    k.levels.resize(order.size() + 1);
    for (std::size_t o = 0; o < order.size(); ++o) {
        const LevelDef& def = p.levels[order[o]];
        k.levels[o + 1].title = def.title;
        k.levels[o + 1].in_force = p.level_in_force(def, ev.year);
    }
    std::size_t met_sum = 0;
    for (std::uint32_t r : s.results()) {
        if (s.entity(r).kind != kind) continue;
        const EntityResult& er = ev.entities[r];
        if (!er.judged) {
            ++k.not_judged;
            continue;
        }
        ++k.total;
        LevelCount& row = k.levels[static_cast<std::size_t>(er.level + 1)];
        ++row.count;
        if (er.level_max > er.level) ++row.uncertain;
        if (er.criteria_total > 0) {
            ++k.judged_by_set;
            met_sum += er.criteria_met;
            k.criteria_total = std::max<std::size_t>(k.criteria_total, er.criteria_total);
        }
    }
    k.criteria_met = met_sum;
    if (k.judged_by_set > 0) {
        k.criteria_mean = std::round(10.0 * static_cast<double>(met_sum) / static_cast<double>(k.judged_by_set)) / 10.0;
    }
    return k;
}

// The locality reported on: the one chosen, else the province.
UnitRef scope_unit(const Scope& s, const Dataset& d, std::uint32_t locality) {
    if (locality != kNone) return s.unit(locality);
    for (const Entity& e : d.entities) {
        if (e.kind == EntityKind::tinh) return {e.code, display_name(e)};
    }
    return {};
}

// Each class of the rules whose kind is in scope, with its members and those undecided.
std::vector<ClassGroup> class_groups(const Program& p, const Scope& s, const Evaluation& ev) {
    std::vector<ClassGroup> out;
    for (std::uint32_t c = 0; c < p.classes.size(); ++c) {
        ClassGroup g;
        g.title = p.classes[c].title;
        g.kind = p.classes[c].kind;
        bool present = false;
        for (std::uint32_t r : s.results()) {
            if (s.entity(r).kind != g.kind) continue;
            present = true;
            const EntityResult& er = ev.entities[r];
            const Status st = ev.classes[er.first_class + c];
            if (st == Status::met) {
                g.members.push_back({s.unit(s.entity_index(r)), er.criteria_met, er.criteria_total});
            } else if (st == Status::unknown) {
                g.unsure.push_back(s.unit(s.entity_index(r)));
            }
        }
        if (present) out.push_back(std::move(g));
    }
    return out;
}

// Units not judged by type, levels no longer reached, recognitions to be revoked, and districts'
// and provinces' own levels.
void unit_facts(const Program& p, const Dataset& d, const Scope& s, const Evaluation& ev, Overview& o) {
    std::map<std::string, std::size_t> urban;
    for (std::uint32_t r : s.results()) {
        const EntityResult& er = ev.entities[r];
        const Entity& e = s.entity(r);
        if (!er.judged) ++urban[e.type];
        if (er.lost_level != kNone) {
            o.lost.push_back({s.unit(s.entity_index(r)), p.levels[er.lost_level].title, er.lost_year});
        }
        o.revocation_applied = o.revocation_applied || er.revoked != Status::not_applicable;
        if (er.revoked == Status::met || er.revoked == Status::unknown) {
            for (RevocationExplanation& x : engine::explain_revocations(p, d, ev, r)) {
                if (x.status == Status::not_met) continue;
                auto& list = x.status == Status::met ? o.revoked : o.may_revoke;
                list.push_back({s.unit(s.entity_index(r)), std::move(x)});
            }
        }
        if ((e.kind == EntityKind::huyen || e.kind == EntityKind::tinh) && !p.level_order[kind_index(e.kind)].empty()) {
            OwnLevel own{s.unit(s.entity_index(r)), e.kind, e.type, er.judged, {}, {}};
            if (const LevelDef* l = s.level(e.kind, er.level); l != nullptr) own.level_title = l->title;
            if (const LevelDef* l = s.level(e.kind, er.level_max); l != nullptr && er.level_max > er.level) {
                own.may_title = l->title;
            }
            o.own_levels.push_back(std::move(own));
        }
    }
    // Districts first, then provinces; each by code (the results are already by code).
    std::stable_sort(o.own_levels.begin(), o.own_levels.end(),
                     [](const OwnLevel& a, const OwnLevel& b) { return a.kind < b.kind; });
    for (const auto& [type, n] : urban) o.urban.push_back({type, n});
}

std::vector<DistrictProgress> district_progress(const Program& p, const Dataset& d, const Scope& s,
                                                const Evaluation& ev) {
    const std::size_t commune_levels = p.level_order[kind_index(EntityKind::xa)].size();
    if (commune_levels == 0) return {};
    // A district's row, by its entity: a district has one entity, its code unique on the map of
    // three tiers, the only one with districts.
    std::vector<std::uint32_t> row_of(d.entities.size(), kNone);
    std::vector<DistrictProgress> rows;
    for (const std::uint32_t r : s.unsorted()) {
        if (s.entity(r).kind != EntityKind::xa) continue;
        const std::uint32_t h = s.ancestor(s.entity_index(r), EntityKind::huyen);
        if (h == kNone) continue;
        if (row_of[h] == kNone) {  // the district's first commune
            row_of[h] = static_cast<std::uint32_t>(rows.size());
            rows.push_back({s.unit(h), 0, 0, std::vector<std::size_t>(commune_levels, 0)});
        }
        DistrictProgress& dp = rows[row_of[h]];
        const EntityResult& er = ev.entities[r];
        if (!er.judged) continue;
        ++dp.communes;
        if (er.level_max > er.level) ++dp.uncertain;
        for (int l = 0; l <= er.level && static_cast<std::size_t>(l) < commune_levels; ++l) {
            ++dp.at_least[static_cast<std::size_t>(l)];
        }
    }
    const auto order = sorted_by_code(static_cast<std::uint32_t>(rows.size()),
                                      [&](std::uint32_t i) { return std::string_view(rows[i].unit.code); });
    std::vector<DistrictProgress> out;
    out.reserve(rows.size());
    for (const std::uint32_t i : order) out.push_back(std::move(rows[i]));
    return out;
}

std::vector<TargetRow> target_rows(const Program& p, const Scope& s, const std::vector<TargetResult>& targets) {
    std::vector<TargetRow> out;
    for (const TargetResult& t : targets) {
        if (!s.within(t.locality)) continue;
        const TargetDef& def = p.targets[t.target];
        TargetRow row{def.title, def.source, def.year, s.unit(t.locality), {}};
        for (const TargetLineResult& l : t.lines) {
            row.lines.push_back({p.levels[l.level].title, p.levels[l.level].kind, l.increment, l.asked, l.reached,
                                 l.reached_max, l.before, l.status});
        }
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace

Overview report_overview(const Program& p, const Dataset& d, const Evaluation& ev, std::uint32_t locality,
                         const std::vector<engine::TargetResult>* upcoming) {
    const Scope s(p, d, ev, locality);
    Overview o;
    o.year = ev.year;
    o.scope = scope_unit(s, d, locality);
    for (std::uint32_t li : p.level_order[kind_index(EntityKind::xa)]) o.commune_levels.push_back(p.levels[li].title);
    for (std::size_t k = 0; k < kKindCount; ++k) {
        if (p.level_order[k].empty()) continue;
        KindOverview ko = kind_overview(p, s, ev, static_cast<EntityKind>(k));
        if (ko.total + ko.not_judged > 0) o.kinds.push_back(std::move(ko));
    }
    o.classes = class_groups(p, s, ev);
    unit_facts(p, d, s, ev, o);
    o.districts = district_progress(p, d, s, ev);
    o.targets = target_rows(p, s, ev.targets);
    o.upcoming = target_rows(p, s, upcoming != nullptr ? *upcoming : engine::compare_upcoming_targets(p, d, ev));
    return o;
}

std::vector<DistrictProgress> report_districts(const Program& p, const Dataset& d, const Evaluation& ev,
                                               std::uint32_t locality) {
    return district_progress(p, d, Scope(p, d, ev, locality), ev);
}

namespace {

// What a sheet keeps of the explanation: all but the verdicts under the criteria.  Every view
// reads the commune's level, blockers, warnings and the verdict of each criterion of its first
// level; none reads the indicators under a criterion, the gates, or the criteria of the higher
// levels (their blockers say what is open).  Dropped as soon as explain() returns, these would be
// most of a national report's memory; explain() builds little more (ExplainDetail::shown).
void keep_shown(EntityExplanation& x) {
    for (std::size_t l = 0; l < x.levels.size(); ++l) {
        LevelExplanation& level = x.levels[l];
        std::vector<engine::GateExplanation>().swap(level.gates);
        if (l > 0) {
            std::vector<CriterionExplanation>().swap(level.criteria);
            continue;
        }
        for (CriterionExplanation& c : level.criteria) std::vector<IndicatorExplanation>().swap(c.indicators);
    }
}

}  // namespace

std::vector<CommuneSheet> report_communes(const Program& p, const Dataset& d, const Evaluation& ev,
                                          std::uint32_t locality) {
    const Scope s(p, d, ev, locality);
    std::vector<CommuneSheet> out;
    for (std::uint32_t r : s.results()) {
        const Entity& e = s.entity(r);
        if (e.kind != EntityKind::xa || !ev.entities[r].judged) continue;
        CommuneSheet sheet;
        sheet.x = explain(p, d, ev, r, engine::ExplainDetail::shown);
        keep_shown(sheet.x);
        sheet.anchor = "xa-" + e.code;
        sheet.unit = s.unit(s.entity_index(r));
        if (const std::uint32_t h = s.ancestor(s.entity_index(r), EntityKind::huyen); h != kNone) {
            sheet.district = s.unit(h);
        }
        // The indicators among the blockers of the next level, closest to passing first.
        for (const Blocker& b : sheet.x.blockers) {
            if (b.kind != Blocker::Kind::indicator) continue;
            OpenIndicator oi{b.criterion_code, b.criterion_title, b.indicator, b.closeness};
            oi.indicator.responsible = b.responsible;
            sheet.open.push_back(std::move(oi));
        }
        out.push_back(std::move(sheet));
    }
    return out;
}

std::vector<CriterionRow> report_criteria(const std::vector<CommuneSheet>& communes) {
    std::map<std::string_view, CriterionRow, bool (*)(std::string_view, std::string_view)> rows(number_order);
    for (const CommuneSheet& sheet : communes) {
        if (sheet.x.levels.empty()) continue;
        for (const CriterionExplanation& c : sheet.x.levels.front().criteria) {
            CriterionRow& row = rows[c.code];
            if (row.code.empty()) row = {std::string(c.code), std::string(c.title), std::string(c.responsible), 0, 0, 0, 0, kUnknown};
            switch (c.status) {
                case Status::met: ++row.met; break;
                case Status::not_met: ++row.not_met; break;
                case Status::unknown: ++row.unknown; break;
                case Status::not_applicable: ++row.not_applicable; break;
            }
        }
    }
    std::vector<CriterionRow> out;
    for (auto& [code, row] : rows) {
        const std::size_t judged = row.met + row.not_met + row.unknown;
        if (judged > 0) row.pass_rate = 100.0 * static_cast<double>(row.met) / static_cast<double>(judged);
        out.push_back(std::move(row));
    }
    // Weakest first; criteria that never apply last; ties keep the criterion number order.
    std::stable_sort(out.begin(), out.end(), [](const CriterionRow& a, const CriterionRow& b) {
        const double ra = known(a.pass_rate) ? a.pass_rate : 1e9, rb = known(b.pass_rate) ? b.pass_rate : 1e9;
        return ra < rb;
    });
    return out;
}

std::vector<WorkList> report_work_lists(const std::vector<CommuneSheet>& communes) {
    std::map<std::string_view, WorkList> lists;  // by body title; "" (not assigned) sorts first, moved last
    for (const CommuneSheet& sheet : communes) {
        for (const OpenIndicator& oi : sheet.open) {
            const IndicatorExplanation& i = oi.indicator;
            WorkList& list = lists[i.responsible];
            list.body = i.responsible;
            list.items.push_back({sheet.unit, sheet.district.name, sheet.x.next_level_title, oi.criterion_code,
                                  oi.criterion_title, i, oi.closeness});
        }
    }
    std::vector<WorkList> out;
    for (auto& [body, list] : lists) {
        std::vector<std::string> codes;
        for (const WorkItem& item : list.items) codes.push_back(item.commune.code);
        std::sort(codes.begin(), codes.end());
        list.communes = static_cast<std::size_t>(std::unique(codes.begin(), codes.end()) - codes.begin());
        std::stable_sort(list.items.begin(), list.items.end(), [](const WorkItem& a, const WorkItem& b) {
            if (a.closeness != b.closeness) return a.closeness < b.closeness;
            if (a.commune.code != b.commune.code) return code_order(a.commune.code, b.commune.code);
            return number_order(a.indicator.code, b.indicator.code);
        });
        out.push_back(std::move(list));
    }
    if (!out.empty() && out.front().body.empty()) std::rotate(out.begin(), out.begin() + 1, out.end());
    return out;
}

Report build_report(const Program& p, const Dataset& d, const Evaluation& ev, const ReportOptions& options) {
    Report r;
    r.rule_files = options.rule_files;
    r.data_file = options.data_file;
    r.read = d.read;
    r.accepted = d.records.size();
    r.rejected = d.rejected;
    for (const engine::EntityResult& er : ev.entities) {
        ++r.on_map[static_cast<std::size_t>(d.entities[d.records[er.record].entity].map)];
    }
    if (const auto& order = p.level_order[kind_index(EntityKind::xa)]; !order.empty()) {
        if (const std::uint32_t set = p.set_for(p.levels[order.front()], ev.year); set != kNone) {
            r.standard_set = p.sets[set].title.empty() ? p.sets[set].name : p.sets[set].title;
        }
    }
    r.overview = report_overview(p, d, ev, options.locality, options.upcoming);
    r.overview.trend = report_trend(p, d, ev, options.locality, options.threads, options.history, options.previous);
    r.communes = report_communes(p, d, ev, options.locality);
    std::map<std::string, std::size_t> sets;
    for (const CommuneSheet& sheet : r.communes) {
        if (!sheet.x.levels.empty() && !sheet.x.levels.front().set_name.empty()) {
            const LevelExplanation& l = sheet.x.levels.front();
            ++sets[l.set_title.empty() ? l.set_name : l.set_title];
        }
    }
    r.judging_sets.assign(sets.begin(), sets.end());
    std::stable_sort(r.judging_sets.begin(), r.judging_sets.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    r.criteria = report_criteria(r.communes);
    r.work = report_work_lists(r.communes);
    r.problems = d.problems;
    r.problems.insert(r.problems.end(), ev.problems.begin(), ev.problems.end());
    return r;
}

}  // namespace ntm::report
