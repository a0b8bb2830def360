#include "engine/evaluate.hpp"

#include <algorithm>
#include <optional>
#include <thread>

#include "engine/judge.hpp"
#include "engine/revoke.hpp"
#include "engine/vm.hpp"

namespace ntm::engine {

namespace {

class Evaluator {
public:
    Evaluator(const Program& p, const Dataset& d, const EvaluateOptions& o) : p_(p), d_(d), opt_(o) {}

    Evaluation evaluate_all() {
        ev_.year = opt_.year;
        layout();
        for (std::size_t k = 0; k < kKindCount; ++k) parallel(by_kind_[k]);  // children first
        ev_.targets = compare_targets(p_, d_, ev_);
        return std::move(ev_);
    }

private:
    const Program& p_;
    const Dataset& d_;
    const EvaluateOptions& opt_;
    Evaluation ev_;
    std::vector<std::uint32_t> result_of_entity_;         // entity → result, or kNone
    std::vector<std::vector<std::uint32_t>> children_;    // result → child results
    std::array<std::vector<std::uint32_t>, kKindCount> by_kind_;
    std::vector<double> values_;                           // per result: its slots (derived filled)
    std::vector<std::size_t> value_offset_;
    std::vector<std::vector<std::uint32_t>> scoped_;       // level → sets for a locality

    const Entity& entity(std::uint32_t r) const { return d_.entities[d_.records[ev_.entities[r].record].entity]; }

    // Sizes every result's slices before evaluating, so that threads write disjoint places.
    void layout() {
        scoped_sets();
        result_of_entity_.assign(d_.entities.size(), kNone);
        for (std::uint32_t i = 0; i < d_.records.size(); ++i) {
            const Record& rec = d_.records[i];
            if (rec.year != opt_.year) continue;
            const auto r = static_cast<std::uint32_t>(ev_.entities.size());
            result_of_entity_[rec.entity] = r;
            EntityResult er;
            er.record = i;
            er.judged = d_.entities[rec.entity].judged;
            ev_.entities.push_back(er);
        }
        children_.assign(ev_.entities.size(), {});
        for (std::uint32_t r = 0; r < ev_.entities.size(); ++r) {
            EntityResult& er = ev_.entities[r];
            const Entity& e = entity(r);
            by_kind_[kind_index(e.kind)].push_back(r);
            // Nearest ancestor evaluated this year.
            for (std::uint32_t a = e.parent; a != kNone; a = d_.entities[a].parent) {
                if (result_of_entity_[a] != kNone) {
                    children_[result_of_entity_[a]].push_back(r);
                    break;
                }
            }
            const auto& order = p_.level_order[kind_index(e.kind)];
            er.first_level = static_cast<std::uint32_t>(ev_.levels.size());
            er.level_count = static_cast<std::uint32_t>(order.size());
            for (std::uint32_t li : order) {
                LevelResult lr;
                lr.level = li;
                lr.set = p_.set_for(p_.levels[li], opt_.year, opt_.set);
                lr.set = er.judged ? set_for_locality(li, lr.set, d_.records[er.record].entity) : kNone;
                lr.first_gate = static_cast<std::uint32_t>(ev_.gates.size());
                ev_.gates.resize(ev_.gates.size() + p_.levels[li].gates.size(), Status::unknown);
                if (lr.set != kNone) {
                    const SetDef& s = p_.sets[lr.set];
                    lr.first_criterion = static_cast<std::uint32_t>(ev_.criteria.size());
                    lr.first_indicator = static_cast<std::uint32_t>(ev_.indicators.size());
                    ev_.criteria.resize(ev_.criteria.size() + s.criterion_count);
                    ev_.indicators.resize(ev_.indicators.size() + s.indicator_count);
                }
                ev_.levels.push_back(lr);
            }
            er.first_class = static_cast<std::uint32_t>(ev_.classes.size());
            ev_.classes.resize(ev_.classes.size() + p_.classes.size(), Status::not_applicable);
            er.first_revocation = static_cast<std::uint32_t>(ev_.revocations.size());
            ev_.revocations.resize(ev_.revocations.size() + p_.revocations.size());
            er.first_category = static_cast<std::uint32_t>(ev_.categories.size());
            ev_.categories.resize(ev_.categories.size() + p_.categories.size(), kNone);
            ev_.category_doubts.resize(ev_.categories.size(), kNone);
            value_offset_.push_back(values_.size());
            const std::uint32_t n = p_.schema.slots(e.kind);
            const Record& rec = d_.records[er.record];
            values_.insert(values_.end(), d_.values.begin() + static_cast<std::ptrdiff_t>(rec.offset),
                           d_.values.begin() + static_cast<std::ptrdiff_t>(rec.offset + n));
        }
    }

    // How many steps up from `entity` the entity coded `code` is (0: itself), or -1.
    int distance_to(std::uint32_t entity, const std::string& code) const {
        int steps = 0;
        for (std::uint32_t a = entity; a != kNone && steps <= 8; a = d_.entities[a].parent, ++steps) {
            if (d_.entities[a].code == code) return steps;
        }
        return -1;
    }

    // The sets for a locality that may replace the set in force of each level this year: valid
    // in the year, and extending that set or one the level names.
    void scoped_sets() {
        scoped_.assign(p_.levels.size(), {});
        if (opt_.set != kNone) return;  // a set named on the command line applies everywhere
        for (std::uint32_t li = 0; li < p_.levels.size(); ++li) {
            const LevelDef& level = p_.levels[li];
            const std::uint32_t base = p_.set_for(level, opt_.year);
            for (std::uint32_t s = 0; s < p_.sets.size(); ++s) {
                const SetDef& set = p_.sets[s];
                if (set.locality.empty() || set.valid_from > opt_.year || opt_.year > set.valid_to) continue;
                bool related = base != kNone && p_.extends(s, base);
                for (std::uint32_t m : level.meets) related = related || p_.extends(s, m);
                if (related) scoped_[li].push_back(s);
            }
        }
    }

    // A set for a locality the entity lies in replaces the set in force (`base`): the nearest
    // locality wins, then the set furthest down the `extends` chain.
    std::uint32_t set_for_locality(std::uint32_t level, std::uint32_t base, std::uint32_t entity) const {
        std::uint32_t best = base;
        int best_distance = -1;
        for (std::uint32_t s : scoped_[level]) {
            const int d = distance_to(entity, p_.sets[s].locality);
            if (d < 0) continue;
            if (best_distance < 0 || d < best_distance || (d == best_distance && p_.extends(s, best))) {
                best = s;
                best_distance = d;
            }
        }
        return best;
    }

    // Evaluates `results` across threads; each writes only its own slices.
    void parallel(const std::vector<std::uint32_t>& results) {
        unsigned threads = opt_.threads != 0 ? opt_.threads : std::max(1u, std::thread::hardware_concurrency());
        threads = static_cast<unsigned>(std::min<std::size_t>(threads, (results.size() + 255) / 256));
        if (threads <= 1) {
            for (std::uint32_t r : results) evaluate(r);
            return;
        }
        std::vector<std::thread> pool;
        const std::size_t chunk = (results.size() + threads - 1) / threads;
        for (unsigned t = 0; t < threads; ++t) {
            pool.emplace_back([&, t] {
                const std::size_t end = std::min(results.size(), (t + 1) * chunk);
                for (std::size_t i = t * chunk; i < end; ++i) evaluate(results[i]);
            });
        }
        for (auto& th : pool) th.join();
    }

    ExprContext context(std::uint32_t r) const {
        const EntityResult& er = ev_.entities[r];
        const Entity& e = entity(r);
        ExprContext ctx;
        ctx.slots = values_.data() + value_offset_[r];
        ctx.year = opt_.year;
        ctx.region = er.region;
        ctx.level = er.level;
        ctx.level_max = er.level_max;
        ctx.criteria_met = er.criteria_met;
        ctx.criteria_unknown = er.criteria_unknown;
        ctx.classes = ev_.classes.data() + er.first_class;
        ctx.categories = ev_.categories.data() + er.first_category;
        ctx.revoked = er.revoked == Status::met ? 1.0 : er.revoked == Status::unknown ? kUnknown : 0.0;
        ctx.recognitions = &e.recognised;
        ctx.code = &e.code;
        ctx.parent = &e.parent_code;
        ctx.type = &e.type;
        ctx.evaluator = this;
        ctx.entity = r;
        ctx.aggregate = &Evaluator::aggregate_of;
        ctx.threshold = &Evaluator::threshold_of;
        ctx.revoked_at = &Evaluator::revoked_at;
        return ctx;
    }

    // The region a set's rules would give if the first rule whose condition is unknown held
    // (`region TDMNPB when xa_dbkk` with xa_dbkk missing), when that differs from region_for.
    std::optional<Region> other_region(std::uint32_t set, const ExprContext& base, Region chosen) const {
        for (const RegionRule& rule : p_.sets[set].region_rules) {
            const double when = run(p_, rule.when, base);
            if (when == 1) return std::nullopt;
            if (!known(when)) return rule.region != chosen ? std::optional<Region>(rule.region) : std::nullopt;
        }
        return std::nullopt;
    }

    // revoked(L): the Kleene `or` of the entity's rules revoking level L; no when none applies.
    static double revoked_at(const void* self, std::uint32_t r, std::uint32_t level) {
        const auto* ev = static_cast<const Evaluator*>(self);
        const EntityResult& er = ev->ev_.entities[r];
        double out = 0;
        for (std::uint32_t q = 0; q < ev->p_.revocations.size(); ++q) {
            if (ev->p_.revocations[q].level != level) continue;
            const Status s = ev->ev_.revocations[er.first_revocation + q].status;
            if (s == Status::met) return 1;
            if (s == Status::unknown) out = kUnknown;
        }
        return out;
    }

    static double threshold_of(const void* self, std::uint32_t r, std::uint32_t indicator) {
        const auto* ev = static_cast<const Evaluator*>(self);
        ExprContext ctx = ev->context(r);
        ctx.region = region_for(ev->p_, ev->p_.indicators[indicator].set, ctx);
        return indicator_threshold(ev->p_, indicator, ctx);
    }

    static void aggregate_of(const void* self, std::uint32_t r, const Aggregate& agg, double& lo_out, double& hi_out) {
        const auto* ev = static_cast<const Evaluator*>(self);
        double count = 0, yes = 0, maybe = 0, sum = 0, lo = kUnknown, hi = kUnknown;
        bool unknown = false;
        std::vector<std::uint32_t> stack(ev->children_[r].rbegin(), ev->children_[r].rend());
        while (!stack.empty()) {
            const std::uint32_t c = stack.back();
            stack.pop_back();
            const Entity& e = ev->entity(c);
            if (e.kind != agg.kind) {
                stack.insert(stack.end(), ev->children_[c].rbegin(), ev->children_[c].rend());
                continue;
            }
            if (!e.judged) continue;  // a phường among the communes: not counted
            ++count;
            const double v = agg.operand.valid() ? run(ev->p_, agg.operand, ev->context(c)) : 1.0;
            if (!known(v)) {
                unknown = true;
                ++maybe;
                continue;
            }
            yes += v != 0;
            sum += v;
            lo = known(lo) ? std::min(lo, v) : v;
            hi = known(hi) ? std::max(hi, v) : v;
        }
        lo_out = hi_out = kUnknown;
        switch (agg.fn) {
            case AggregateFn::count:
                lo_out = yes;
                hi_out = yes + maybe;
                return;
            case AggregateFn::share:
                if (count == 0) return;
                lo_out = 100.0 * yes / count;
                hi_out = 100.0 * (yes + maybe) / count;
                return;
            case AggregateFn::sum: lo_out = hi_out = unknown ? kUnknown : sum; return;
            case AggregateFn::min: lo_out = hi_out = unknown ? kUnknown : lo; return;
            case AggregateFn::max: lo_out = hi_out = unknown ? kUnknown : hi; return;
            case AggregateFn::mean: lo_out = hi_out = unknown || count == 0 ? kUnknown : sum / count; return;
        }
    }

    // One record: its derived values, each level in order, its standing under the standard
    // set, its classes and whether it lost a level it was recognised at.
    void evaluate(std::uint32_t r) {
        EntityResult& er = ev_.entities[r];
        er.region = entity(r).region.value_or(Region::TDMNPB);
        derive(r);
        categories(r);
        if (!er.judged) {
            not_judged(er);
            return;
        }
        levels(r);
        standard_counts(er);
        revocations(r);
        classes(r);
        maintenance(r);
    }

    // The categories of its kind the entity is in (read by thresholds `by NAME`).
    void categories(std::uint32_t r) {
        const ExprContext ctx = context(r);
        std::uint32_t* out = ev_.categories.data() + ev_.entities[r].first_category;
        for (std::uint32_t c = 0; c < p_.categories.size(); ++c) {
            if (p_.categories[c].kind != entity(r).kind) continue;
            std::vector<std::uint32_t> candidates;
            out[c] = category_candidates(p_, c, ctx, &candidates);
            if (out[c] == kNone && !candidates.empty())
                ev_.category_doubts[ev_.entities[r].first_category + c] = candidates.front();
        }
    }

    void derive(std::uint32_t r) {
        double* slots = values_.data() + value_offset_[r];
        const ExprContext ctx = context(r);
        for (const auto& [slot, expr] : p_.derived[kind_index(entity(r).kind)]) slots[slot] = run(p_, expr, ctx);
    }

    // An urban unit: every level, and its gates, not applicable.
    void not_judged(const EntityResult& er) {
        for (std::uint32_t l = 0; l < er.level_count; ++l) {
            LevelResult& lr = ev_.levels[er.first_level + l];
            lr.status = lr.prerequisite = lr.criteria = Status::not_applicable;
            std::fill_n(ev_.gates.begin() + lr.first_gate, p_.levels[lr.level].gates.size(), Status::not_applicable);
        }
    }

    // The levels of the record in order, each building on the one before.
    void levels(std::uint32_t r) {
        EntityResult& er = ev_.entities[r];
        Status previous = Status::met;
        std::uint32_t previous_mark = kNone;  // the unconfirmed figure the level below rests on
        const LevelResult* last_with_set = nullptr;  // whose results gates of later levels read
        for (std::uint32_t l = 0; l < er.level_count; ++l) {
            LevelResult& lr = ev_.levels[er.first_level + l];
            const LevelDef& def = p_.levels[lr.level];
            // A level whose sets are none of them valid in the year does not exist that year.
            // Above a level that exists, it is passed over: the next level builds on the last
            // one that exists (kiểu mẫu ends with 2025, and from 2026 the pilot hiện đại builds
            // on nâng cao).  Below every level that exists, nothing above exists either (nâng
            // cao judged in 2015, before any set of đạt chuẩn).
            const bool absent = (!def.meets.empty() && lr.set == kNone) || !p_.level_in_force(def, opt_.year);
            if (absent || previous == Status::not_applicable) {
                lr.prerequisite = previous;
                lr.status = lr.criteria = Status::not_applicable;
                std::fill_n(ev_.gates.begin() + lr.first_gate, def.gates.size(), Status::not_applicable);
                if (last_with_set == nullptr) previous = Status::not_applicable;
                continue;
            }
            ExprContext ctx = context(r);
            lr.prerequisite = previous;
            lr.criteria = def.meets.empty() ? Status::met : Status::unknown;
            if (lr.set == kNone && last_with_set != nullptr) {
                ctx.region = last_with_set->region;
                ctx.indicators = ev_.indicators.data() + last_with_set->first_indicator;
                ctx.criteria = ev_.criteria.data() + last_with_set->first_criterion;
            }
            const std::uint32_t scope_set = lr.set != kNone ? lr.set : last_with_set != nullptr ? last_with_set->set : kNone;
            UnconfirmedAnd marks;
            marks.add(previous, previous_mark);
            if (lr.set != kNone) {
                last_with_set = &lr;
                judge_set(lr, ctx);
                const CriterionResult* crit = ev_.criteria.data() + lr.first_criterion;
                for (std::uint32_t c = 0; c < p_.sets[lr.set].criterion_count; ++c) marks.add(crit[c].status, crit[c].unconfirmed);
            }
            lr.status = gates(lr, scope_set, ctx, status_and(previous, lr.criteria), marks);
            lr.unconfirmed = marks.result(lr.status);
            previous_mark = lr.unconfirmed;
            if (lr.status == Status::met) er.level = def.ordinal;
            if (lr.status != Status::not_met) er.level_max = def.ordinal;
            previous = lr.status;
        }
    }

    // The indicators and criteria of the level's set, and whether they are all met; `ctx`
    // then reads the set's results, with the region its rules give.
    void judge_set(LevelResult& lr, ExprContext& ctx) {
        const SetDef& s = p_.sets[lr.set];
        lr.region = region_for(p_, lr.set, ctx);
        ctx.region = lr.region;
        IndicatorResult* ind = ev_.indicators.data() + lr.first_indicator;
        CriterionResult* crit = ev_.criteria.data() + lr.first_criterion;
        ctx.indicators = ind;
        ctx.criteria = crit;
        for (std::uint32_t i = 0; i < s.indicator_count; ++i) judge_indicator(p_, p_.indicators[s.first_indicator + i], ctx, ind[i]);
        if (const auto other = other_region(lr.set, ctx, lr.region)) region_doubt(s, ctx, *other, ind);
        for (std::uint32_t i = 0; i < s.indicator_count; ++i) category_doubt(p_, s.first_indicator + i, ctx, ind[i]);
        lr.criteria = Status::met;
        for (std::uint32_t c = 0; c < s.criterion_count; ++c) {
            const CriterionDef& cd = p_.criteria[s.first_criterion + c];
            crit[c] = judge_criterion(cd, ind + (cd.first_indicator - s.first_indicator));
            if (crit[c].status == Status::met || crit[c].status == Status::not_applicable) ++lr.criteria_met;
            lr.criteria = status_and(lr.criteria, crit[c].status);
        }
    }

    // The region is not known for sure (its rule's condition lacks data): an indicator whose
    // status differs in region `other` is unknown.
    void region_doubt(const SetDef& s, const ExprContext& ctx, Region other, IndicatorResult* ind) const {
        std::vector<IndicatorResult> alt(s.indicator_count);
        ExprContext actx = ctx;
        actx.region = other;
        actx.indicators = alt.data();
        for (std::uint32_t i = 0; i < s.indicator_count; ++i) judge_indicator(p_, p_.indicators[s.first_indicator + i], actx, alt[i]);
        for (std::uint32_t i = 0; i < s.indicator_count; ++i) {
            if (alt[i].status == ind[i].status) continue;
            ind[i].status = Status::unknown;
            ind[i].gap = kUnknown;
            ind[i].region_unknown = true;
        }
    }

    // Whether the expression aggregates over districts.
    bool counts_districts(ExprRef e) const {
        if (!e.valid()) return false;
        for (std::uint32_t i = e.begin; i < e.end; ++i) {
            const Instr& in = p_.code[i];
            if ((in.op == OpCode::aggregate || in.op == OpCode::aggregate_cmp) &&
                p_.aggregates[in.a].kind == EntityKind::huyen)
                return true;
        }
        return false;
    }

    // The level's gates, each compiled for the set `scope_set` whose results it reads, combined
    // with `status` (the level below and the criteria).
    Status gates(const LevelResult& lr, std::uint32_t scope_set, const ExprContext& ctx, Status status,
                 UnconfirmedAnd& marks) {
        const LevelDef& def = p_.levels[lr.level];
        const auto found = std::find(def.scope_sets.begin(), def.scope_sets.end(), scope_set);
        const std::size_t which = static_cast<std::size_t>(found - def.scope_sets.begin());
        for (std::size_t g = 0; g < def.gates.size(); ++g) {
            const GateDef& gd = def.gates[g];
            const ExprRef cond = which < gd.condition.size() ? gd.condition[which]
                                 : gd.condition.size() == 1 && def.scope_sets.empty() ? gd.condition[0]
                                                                                      : ExprRef{};
            if (!gd.valid_in(opt_.year)) {  // not in force this year
                ev_.gates[lr.first_gate + g] = Status::not_applicable;
                continue;
            }
            if (entity(ctx.entity).map == AdminMap::two_tier && counts_districts(cond)) {
                // There are no districts on the two-tier map: a condition on them does not apply.
                ev_.gates[lr.first_gate + g] = Status::not_applicable;
                continue;
            }
            const Status gs = truth(run(p_, cond, ctx));
            ev_.gates[lr.first_gate + g] = gs;
            if (gs != Status::unknown) marks.add(gs, gd.unconfirmed);
            status = status_and(status, gs);
        }
        return status;
    }

    // The record's standing under the set of its first level, the standard set: what
    // `criteria_met` reads.
    void standard_counts(EntityResult& er) const {
        if (er.level_count == 0) return;
        const LevelResult& first = ev_.levels[er.first_level];
        if (first.set == kNone) return;
        const SetDef& s = p_.sets[first.set];
        er.criteria_total = static_cast<std::uint16_t>(s.criterion_count);
        er.criteria_met = first.criteria_met;
        for (std::uint32_t c = 0; c < s.criterion_count; ++c) {
            er.criteria_unknown += ev_.criteria[first.first_criterion + c].status == Status::unknown;
        }
    }

    // Whether the expression reads the criteria met of the standard set.
    bool reads_criteria_met(ExprRef e) const {
        if (!e.valid()) return false;
        for (std::uint32_t i = e.begin; i < e.end; ++i) {
            const Instr& in = p_.code[i];
            if (in.op == OpCode::push_criteria_met || (in.op == OpCode::range_cmp && in.a == 1)) return true;
        }
        return false;
    }

    void classes(std::uint32_t r) {
        const EntityResult& er = ev_.entities[r];
        const EntityKind kind = entity(r).kind;
        for (std::uint32_t c = 0; c < p_.classes.size(); ++c) {
            if (p_.classes[c].kind != kind) continue;
            if (er.criteria_total == 0 && reads_criteria_met(p_.classes[c].when)) {
                // No standard set in force: a class by criteria met does not apply.
                ev_.classes[er.first_class + c] = Status::not_applicable;
                continue;
            }
            ev_.classes[er.first_class + c] = truth(run(p_, p_.classes[c].when, context(r)));
        }
    }

    // The revocation rules of the entity's kind in force this year, each for the level it
    // revokes as the year's set judged it; `revoked` is their Kleene `or`.
    void revocations(std::uint32_t r) {
        EntityResult& er = ev_.entities[r];
        const Entity& e = entity(r);
        for (std::uint32_t q = 0; q < p_.revocations.size(); ++q) {
            const RevocationDef& def = p_.revocations[q];
            RevocationResult& out = ev_.revocations[er.first_revocation + q];
            if (def.kind != e.kind || !def.valid_in(opt_.year)) continue;
            std::uint32_t at = kNone;
            for (std::uint32_t l = 0; l < er.level_count; ++l) {
                if (ev_.levels[er.first_level + l].level == def.level) at = er.first_level + l;
            }
            if (at == kNone || ev_.levels[at].set == kNone) continue;
            const LevelResult& lr = ev_.levels[at];
            const auto found = std::find(def.scope_sets.begin(), def.scope_sets.end(), lr.set);
            if (found == def.scope_sets.end()) continue;
            const int year = recognised_before(p_, e.recognised, def.level, opt_.year);
            if (year == 0) continue;
            ExprContext ctx = context(r);
            ctx.region = lr.region;
            ctx.indicators = ev_.indicators.data() + lr.first_indicator;
            judge_revocation(p_, def, static_cast<std::uint32_t>(found - def.scope_sets.begin()),
                             ev_.criteria.data() + lr.first_criterion, ctx, out);
            out.level_result = at;
            out.recognised_year = year;
            if (er.revoked == Status::not_applicable || out.status == Status::met ||
                (out.status == Status::unknown && er.revoked == Status::not_met))
                er.revoked = out.status;
        }
    }

    // Duy trì chuẩn: recognised at a level in an earlier year, and no longer reaching it.
    void maintenance(std::uint32_t r) {
        EntityResult& er = ev_.entities[r];
        const Entity& e = entity(r);
        for (const Recognition& rec : e.recognised) {
            if (rec.year >= opt_.year) continue;
            const std::uint32_t li = p_.level_index(rec.level);
            if (li == kNone || p_.levels[li].kind != e.kind) continue;
            const LevelResult* lr = nullptr;
            for (std::uint32_t l = 0; l < er.level_count; ++l) {
                if (ev_.levels[er.first_level + l].level == li) lr = &ev_.levels[er.first_level + l];
            }
            if (lr != nullptr && lr->status == Status::not_met &&
                (er.lost_level == kNone || p_.levels[li].ordinal > p_.levels[er.lost_level].ordinal)) {
                er.lost_level = li;
                er.lost_year = rec.year;
            }
        }
    }
};

}  // namespace

Evaluation evaluate(const Program& program, const Dataset& data, const EvaluateOptions& options) {
    return Evaluator(program, data, options).evaluate_all();
}

}  // namespace ntm::engine
