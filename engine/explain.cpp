#include "engine/explain.hpp"

#include <algorithm>
#include <cmath>

#include "engine/explain_parts.hpp"

namespace ntm::engine {

namespace {

class Explainer {
public:
    Explainer(const Program& p, const Dataset& d, const Evaluation& ev, ExplainDetail detail)
        : p_(p), d_(d), ev_(ev), detail_(detail) {}

    EntityExplanation entity(std::uint32_t r) {
        const EntityResult& er = ev_.entities[r];
        const Record& rec = d_.records[er.record];
        const Entity& e = d_.entities[rec.entity];
        entity_ = rec.entity;
        result_ = r;
        trace_ = trace(p_, d_, ev_, r);
        EntityExplanation x;
        x.code = e.code;
        x.name = e.name;
        x.type = e.type;
        x.parent_code = e.parent_code;
        x.kind = e.kind;
        x.map = e.map;
        x.merged_from = e.merged_from;
        x.year = ev_.year;
        x.region = er.region;
        x.origin = rec.origin;
        x.criteria_met = er.criteria_met;
        x.criteria_unknown = er.criteria_unknown;
        x.criteria_total = er.criteria_total;
        x.level_uncertain = er.level_max > er.level;
        x.judged = er.judged;
        for (std::uint32_t c = 0; c < p_.categories.size(); ++c) {
            if (p_.categories[c].kind == e.kind && used_in_year(c, er)) x.categories.push_back(category(c, er, rec));
        }
        if (!er.judged) return x;
        // The next level is the first above the one reached that exists this year (kiểu mẫu
        // does not from 2026: hiện đại comes next).
        std::uint32_t next = kNone;
        for (std::uint32_t l = 0; l < er.level_count && next == kNone; ++l) {
            const LevelResult& lr = ev_.levels[er.first_level + l];
            if (p_.levels[lr.level].ordinal > er.level && lr.status != Status::not_applicable) next = l;
        }
        for (std::uint32_t l = 0; l < er.level_count; ++l) {
            const LevelResult& lr = ev_.levels[er.first_level + l];
            const LevelDef& def = p_.levels[lr.level];
            // Shown only: the criteria of the first level, and the next level whole (its
            // blockers are read from it).
            const Parts parts = detail_ != ExplainDetail::shown || l == next ? Parts::all
                                : l == 0                                     ? Parts::criteria
                                                                             : Parts::none;
            x.levels.push_back(level(lr, rec, parts));
            x.levels.back().region_overridden = lr.set != kNone && lr.region != er.region;
            if (def.ordinal == er.level) {
                x.level_name = def.name;
                if (words()) x.level_title = def.title;
            }
            if (l == next) {
                x.next_level_name = def.name;
                if (words()) x.next_level_title = def.title;
                if (words()) x.blockers = detail::blockers(x.levels.back());
            }
        }
        for (const LevelExplanation& l : x.levels) x.unconfirmed = x.unconfirmed || !l.unconfirmed.empty();
        x.estimated = estimated(er, rec);
        if (er.lost_level != kNone) {
            if (words()) x.lost_level_title = p_.levels[er.lost_level].title;
            x.lost_year = er.lost_year;
        }
        x.revocations = explain_revocations(p_, ev_, r, trace_);
        if (!words()) return x;  // a listing names neither its classes nor the member in charge
        for (std::uint32_t c = 0; c < p_.classes.size(); ++c) {
            if (ev_.classes[er.first_class + c] == Status::met) x.classes.push_back(p_.classes[c].title);
        }
        for (const LocalityRule& rule : p_.localities) {
            if (!rule.valid_in(year_in_charge())) continue;
            if (std::find(rule.codes.begin(), rule.codes.end(), e.code) != rule.codes.end()) {
                x.member = p_.bodies[rule.member].title;
                break;
            }
        }
        return x;
    }

private:
    const Program& p_;
    const Dataset& d_;
    const Evaluation& ev_;
    const ExplainDetail detail_;
    // Titles, texts of conditions, readings and blockers: what people read (not in a listing).
    bool words() const { return detail_ != ExplainDetail::listing; }

    std::uint32_t entity_ = kNone;  // the entity explained (index in Dataset::entities)
    std::uint32_t result_ = kNone;  // its result (index in Evaluation::entities)
    Trace trace_;                   // its indicator and criterion results

    // The level a level built on `after` requires in the year explained: `after`, or below it
    // the first that exists that year when `after` has no set in force (kiểu mẫu in 2026).
    std::uint32_t required_below(std::uint32_t after) const {
        const EntityResult& er = ev_.entities[result_];
        for (std::uint32_t a = after; a != kNone; a = p_.levels[a].after) {
            bool absent = false;
            for (std::uint32_t l = 0; l < er.level_count; ++l) {
                const LevelResult& lr = ev_.levels[er.first_level + l];
                if (lr.level == a) absent = !p_.levels[a].meets.empty() && lr.set == kNone;
            }
            if (!absent) return a;
        }
        return after;
    }

    // The year whose bodies and members are in charge of the entity explained: the year judged;
    // for a unit of the map of two tiers, at least the year that map began (data of an earlier
    // year carried into it are followed up by today's bodies, the only ones it has known).
    int year_in_charge() const {
        const bool two_tier = entity_ != kNone && d_.entities[entity_].map == AdminMap::two_tier;
        return two_tier ? std::max(ev_.year, kTwoTierSince) : ev_.year;
    }

    std::string_view responsible(std::uint32_t body) const {
        return body == kNone ? std::string_view() : std::string_view(p_.bodies[body].title);
    }

    // The body in charge in the year explained, for the entity explained: among the
    // assignments valid that year, that of the nearest locality the entity lies in, else the
    // first one without a locality.
    std::uint32_t body_in_force(const std::vector<BodyInCharge>& bodies) const {
        std::size_t steps = 0;
        for (std::uint32_t a = entity_; a != kNone && steps <= d_.entities.size(); a = d_.entities[a].parent, ++steps) {
            for (const BodyInCharge& b : bodies) {
                if (!b.locality.empty() && b.valid_in(year_in_charge()) && d_.entities[a].code == b.locality) return b.body;
            }
        }
        for (const BodyInCharge& b : bodies) {
            if (b.locality.empty() && b.valid_in(year_in_charge())) return b.body;
        }
        return kNone;
    }

    // Whether the expression reads a value that is an estimate, directly or through a derived
    // value.
    bool reads_estimate(ExprRef e, const Record& rec, int depth) const {
        if (d_.estimated.empty() || !e.valid() || depth > 8) return false;
        const EntityKind kind = d_.entities[rec.entity].kind;
        for (std::uint32_t i = e.begin; i < e.end; ++i) {
            const Instr& in = p_.code[i];
            if (in.op != OpCode::push_slot) continue;
            if (d_.is_estimate(rec, in.a)) return true;
            for (const auto& [slot, expr] : p_.derived[kind_index(kind)]) {
                if (slot == in.a && reads_estimate(expr, rec, depth + 1)) return true;
            }
        }
        return false;
    }

    // The input data a gate's condition reads, each column once.
    std::vector<GateReading> gate_reads(const GateDef& gate, const Record& rec) const {
        if (gate.condition.empty()) return {};
        return reads_of(gate.condition[0], rec);
    }

    // The input data an expression reads, each column once.
    std::vector<GateReading> reads_of(ExprRef e, const Record& rec) const {
        if (!e.valid()) return {};
        const auto& columns = p_.schema.columns[kind_index(d_.entities[rec.entity].kind)];
        std::vector<std::uint32_t> seen;
        std::vector<GateReading> out;
        for (std::uint32_t i = e.begin; i < e.end; ++i) {
            const Instr& in = p_.code[i];
            if (in.op != OpCode::push_slot || in.a >= columns.size()) continue;
            if (std::find(seen.begin(), seen.end(), in.a) != seen.end()) continue;
            seen.push_back(in.a);
            const Column& c = columns[in.a];
            if (c.derived) continue;
            out.push_back({c.name, c.title, d_.values[rec.offset + in.a], c.type == ValueType::boolean, c.unit_symbol,
                           d_.is_estimate(rec, in.a)});
        }
        return out;
    }

    // Whether a set that applies to the entity's levels this year tables a threshold by category
    // `c` (groups mean nothing in a year judged by regions).
    bool used_in_year(std::uint32_t c, const EntityResult& er) const {
        for (std::uint32_t l = 0; l < er.level_count; ++l) {
            const LevelResult& lr = ev_.levels[er.first_level + l];
            if (lr.set == kNone) continue;
            const SetDef& s = p_.sets[lr.set];
            for (std::uint32_t i = 0; i < s.indicator_count; ++i) {
                const auto& used = p_.indicators[s.first_indicator + i].categories;
                if (std::find(used.begin(), used.end(), c) != used.end()) return true;
            }
        }
        return false;
    }

    // Why the entity is in its category: the condition that holds; or, not decided, the first
    // condition whose data are missing.
    CategoryExplanation category(std::uint32_t c, const EntityResult& er, const Record& rec) const {
        const CategoryDef& def = p_.categories[c];
        CategoryExplanation x;
        x.name = def.name;
        if (words()) x.title = def.title;
        const std::uint32_t m = ev_.categories[er.first_category + c];
        x.decided = m != kNone;
        const CategoryMemberDef* why = nullptr;
        if (x.decided) {
            why = &def.members[m];
            x.member = why->name;
            if (words()) x.member_title = why->title;
        } else if (const std::uint32_t d = ev_.category_doubts[er.first_category + c]; d != kNone) {
            why = &def.members[d];
        }
        if (why != nullptr && why->when.valid() && words()) {
            x.condition = rule_text(why->span);
            x.reads = reads_of(why->when, rec);
        }
        return x;
    }

    // Which parts of a level an explanation builds.
    enum class Parts { all, criteria, none };

    // The indicators and gate readings of every level that rest on an estimate, whether the
    // explanation shows them or not.
    int estimated(const EntityResult& er, const Record& rec) const {
        if (d_.estimated.empty()) return 0;
        int n = 0;
        for (std::uint32_t l = 0; l < er.level_count; ++l) {
            const LevelResult& lr = ev_.levels[er.first_level + l];
            if (lr.set != kNone) {
                const SetDef& s = p_.sets[lr.set];
                for (std::uint32_t i = s.first_indicator; i < s.first_indicator + s.indicator_count; ++i) {
                    n += indicator_estimated(p_.indicators[i], rec);
                }
            }
            for (const GateDef& gd : p_.levels[lr.level].gates) {
                if (!gd.valid_in(ev_.year)) continue;
                for (const GateReading& gr : gate_reads(gd, rec)) n += gr.estimated;
            }
        }
        return n;
    }

    bool indicator_estimated(const IndicatorDef& def, const Record& rec) const {
        return def.slot != kNone ? d_.is_estimate(rec, def.slot) : reads_estimate(def.value, rec, 0);
    }

    LevelExplanation level(const LevelResult& lr, const Record& rec, Parts parts) const {
        const LevelDef& def = p_.levels[lr.level];
        LevelExplanation x;
        x.name = def.name;
        x.status = lr.status;
        x.unconfirmed = reason(lr.unconfirmed);
        x.prerequisite = lr.prerequisite;
        if (words()) {
            x.title = def.title;
            if (def.after != kNone) x.after = p_.levels[required_below(def.after)].title;
            x.rule = p_.where(def.span);
        }
        x.region = lr.region;
        x.criteria_met = lr.criteria_met;
        if (lr.set != kNone) {
            const SetDef& s = p_.sets[lr.set];
            x.set_name = s.name;
            if (words()) {
                x.set_title = s.title;
                x.set_source = s.source;
            }
            x.criteria_total = static_cast<int>(s.criterion_count);
            x.regional = detail::regional(p_, s);
            for (std::uint32_t c = 0; c < s.criterion_count && parts != Parts::none; ++c) {
                x.criteria.push_back(criterion(s.first_criterion + c, trace_.criteria(lr)[c], trace_.indicators(lr), s,
                                               lr.region, parts == Parts::all));
            }
        }
        for (std::size_t g = 0; g < def.gates.size() && parts == Parts::all; ++g) {
            const GateDef& gd = def.gates[g];
            if (!gd.valid_in(ev_.year)) continue;  // not in force this year: not part of the level
            const Status gs = ev_.gates[lr.first_gate + g];
            if (!words()) {
                x.gates.push_back({gd.name, {}, gs, {}, p_.where(gd.span), {}, {}});
                continue;
            }
            x.gates.push_back({gd.name, gd.title, gs, std::string(rule_text(gd.span)), p_.where(gd.span),
                               gate_reads(gd, rec),
                               std::string(gs == Status::met || gs == Status::not_met ? reason(gd.unconfirmed)
                                                                                      : std::string_view())});
        }
        return x;
    }

    static std::string_view rule_line(const std::vector<std::string>& lines, std::uint32_t i) {
        return i < lines.size() ? std::string_view(lines[i]) : std::string_view();
    }

    std::string_view reason(std::uint32_t mark) const {
        return mark == kNone ? std::string_view() : std::string_view(p_.reasons[mark]);
    }

    std::string_view rule_text(dsl::Span span) const {
        return p_.sources != nullptr ? p_.sources->text(span) : std::string_view();
    }

    CriterionExplanation criterion(std::uint32_t ci, const CriterionResult& cr, const IndicatorResult* set_results,
                                   const SetDef& s, Region region, bool indicators) const {
        const CriterionDef& def = p_.criteria[ci];
        CriterionExplanation x;
        x.code = def.code;
        x.status = cr.status;
        x.combine = def.combine;
        x.at_least = def.at_least;
        if (words()) {
            x.title = def.title;
            x.unconfirmed = reason(cr.unconfirmed);
            x.rule = p_.where(def.span);
            x.source = def.source;
        }
        x.responsible = responsible(body_in_force(def.bodies));
        if (indicators) x.indicators.reserve(def.indicator_count);
        for (std::uint32_t i = 0; i < def.indicator_count && indicators; ++i) {
            const std::uint32_t ii = def.first_indicator + i;
            x.indicators.push_back(indicator(ii, set_results[ii - s.first_indicator], region));
        }
        return x;
    }

    IndicatorExplanation indicator(std::uint32_t ii, const IndicatorResult& r, Region region) const {
        const IndicatorDef& def = p_.indicators[ii];
        IndicatorExplanation x;
        x.code = def.code;
        x.status = r.status;
        x.unconfirmed = reason(r.unconfirmed);
        x.unit = def.unit;
        if (words()) {
            x.title = def.title;
            x.unit_symbol = def.unit_symbol;
        }
        x.boolean = def.boolean;
        x.value = r.value;
        x.low = r.low;
        x.high = r.high;
        x.gap = r.gap;
        x.region = region;
        x.year = ev_.year;
        x.region_unknown = r.region_unknown;
        x.applies_unknown = r.applies_unknown;
        x.category_unknown = r.category_unknown;
        x.low_min = r.low_min;
        x.low_max = r.low_max;
        const EntityResult& er = ev_.entities[result_];
        for (std::uint32_t c : def.categories) {
            if (!words()) break;
            const std::uint32_t m = ev_.categories[er.first_category + c];
            const CategoryDef& cd = p_.categories[c];
            x.categories.emplace_back(cd.title, m == kNone ? std::string_view() : std::string_view(cd.members[m].title));
        }
        // The rule line: the requirement that decided, else the indicator's.
        x.rule = r.requirement != kNone ? rule_line(p_.requirement_where, r.requirement)
                                        : rule_line(p_.indicator_where, ii);
        x.source = def.source;
        std::uint32_t body = body_in_force(def.bodies);
        if (body == kNone) body = body_in_force(p_.criteria[def.criterion].bodies);
        x.responsible = responsible(body);
        if (words() && def.slot != kNone) x.input = def.code;
        const Record& rec = d_.records[ev_.entities[result_].record];
        x.estimated = indicator_estimated(def, rec);
        if (r.requirement != kNone) {
            const Requirement& req = p_.requirements[r.requirement];
            x.has_requirement = true;
            x.cmp = req.cmp;
        }
        x.threshold_case = r.threshold_case;
        if (r.threshold_case != kNone) {
            const CaseEntry& c = p_.case_entries[r.threshold_case];
            if (c.when.valid() && words()) x.case_condition = rule_text(c.span);
        }
        return x;
    }

};

}  // namespace

EntityExplanation explain(const Program& program, const Dataset& data, const Evaluation& evaluation,
                          std::uint32_t result, ExplainDetail detail) {
    return Explainer(program, data, evaluation, detail).entity(result);
}

}  // namespace ntm::engine
