// Stage 4, the driver: the layout of the results, the threads, and each record's levels with
// their gates.  Where a record's results go and judging one again (engine::trace) are in
// evaluate_trace.cpp, its contexts and aggregates in evaluate_context.cpp, the set of each level
// for a locality in evaluate_locality.cpp, what follows the levels in evaluate_standing.cpp.
#include "engine/evaluate.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

#include "engine/evaluator.hpp"
#include "engine/judge.hpp"
#include "engine/vm.hpp"

namespace ntm::engine {

namespace detail {

Evaluation Evaluator::evaluate_all() {
    ev_.year = opt_.year;
    ev_.traced = opt_.trace;
    state_->options = opt_;
    layout();
    for (std::size_t k = 0; k < kKindCount; ++k) parallel(by_kind_[k]);  // children first
    ev_.targets = compare_targets(p_, d_, ev_);
    if (!opt_.trace) ev_.state = std::move(state_);  // engine::trace() reads it
    return std::move(ev_);
}

// Sizes every result's slices before evaluating, so that threads write disjoint places.  Each
// array is sized once, at its final size: growing them as results are laid out (by doubling,
// with a copy each time) was most of an evaluation's time.
void Evaluator::layout() {
    scoped_sets();
    resolve_thresholds();
    result_of_entity_.assign(d_.entities.size(), kNone);
    std::size_t count = 0;
    for (const Record& rec : d_.records) count += rec.year == opt_.year;
    ev_.entities.reserve(count);
    state_->rows.reserve(count);
    for (std::uint32_t i = 0; i < d_.records.size(); ++i) {
        const Record& rec = d_.records[i];
        if (rec.year != opt_.year) continue;
        const Entity& e = d_.entities[rec.entity];
        result_of_entity_[rec.entity] = static_cast<std::uint32_t>(ev_.entities.size());
        EntityResult& er = ev_.entities.emplace_back();
        er.record = i;
        er.judged = e.judged;
        state_->rows.push_back({rec.offset, rec.entity, e.kind, e.map, e.region.value_or(Region::TDMNPB)});
    }
    // Each result's children (its nearest ancestor evaluated this year), in result order.
    std::vector<std::uint32_t> parent(ev_.entities.size(), kNone);
    std::vector<std::uint32_t>& child_begin = state_->child_begin;
    child_begin.assign(ev_.entities.size() + 1, 0);
    // Each entity's parent, side by side: the walks up below read them scattered, and an Entity
    // is large.
    up_.resize(d_.entities.size());
    for (std::uint32_t e = 0; e < d_.entities.size(); ++e) up_[e] = d_.entities[e].parent;
    std::size_t levels = 0;
    for (std::uint32_t r = 0; r < ev_.entities.size(); ++r) {
        by_kind_[kind_index(kind(r))].push_back(r);
        for (std::uint32_t a = up_[row(r).entity]; a != kNone; a = up_[a]) {
            if (result_of_entity_[a] != kNone) {
                parent[r] = result_of_entity_[a];
                ++child_begin[parent[r] + 1];
                break;
            }
        }
        levels += p_.level_order[kind_index(kind(r))].size();
    }
    for (std::size_t r = 0; r < ev_.entities.size(); ++r) child_begin[r + 1] += child_begin[r];
    state_->children.resize(child_begin.back());
    std::vector<std::uint32_t> filled(child_begin.begin(), child_begin.end() - 1);
    for (std::uint32_t r = 0; r < ev_.entities.size(); ++r) {
        if (parent[r] != kNone) state_->children[filled[parent[r]]++] = r;
    }
    // The slices: offsets counted here, each array sized once after.
    ev_.levels.reserve(levels);
    state_->derived_offset.resize(ev_.entities.size());
    std::size_t gates = 0, criteria = 0, indicators = 0, derived = 0;
    bool scoped = false;
    for (const auto& sets : scoped_) scoped = scoped || !sets.empty();
    std::vector<std::uint32_t> chain;
    for (std::uint32_t r = 0; r < ev_.entities.size(); ++r) {
        EntityResult& er = ev_.entities[r];
        if (scoped && er.judged) chain_of(row(r).entity, chain);
        const auto& order = p_.level_order[kind_index(kind(r))];
        er.first_level = static_cast<std::uint32_t>(ev_.levels.size());
        er.level_count = static_cast<std::uint32_t>(order.size());
        for (std::uint32_t li : order) {
            LevelResult& lr = ev_.levels.emplace_back();
            lr.level = li;
            lr.set = p_.set_for(p_.levels[li], opt_.year, opt_.set);
            lr.set = er.judged ? set_for_locality(li, lr.set, chain) : kNone;
            lr.first_gate = static_cast<std::uint32_t>(gates);
            gates += p_.levels[li].gates.size();
            lr.first_criterion = static_cast<std::uint32_t>(criteria);
            lr.first_indicator = static_cast<std::uint32_t>(indicators);
            if (lr.set != kNone) {
                criteria += p_.sets[lr.set].criterion_count;
                indicators += p_.sets[lr.set].indicator_count;
            }
        }
        er.first_class = static_cast<std::uint32_t>(r * p_.classes.size());
        er.first_revocation = static_cast<std::uint32_t>(r * p_.revocations.size());
        er.first_category = static_cast<std::uint32_t>(r * p_.categories.size());
        state_->derived_offset[r] = derived;
        derived += p_.derived[kind_index(kind(r))].size();
    }
    const std::size_t n = ev_.entities.size();
    ev_.gates.assign(gates, Status::unknown);
    if (opt_.trace) {
        ev_.criteria.resize(criteria);
        ev_.indicators.resize(indicators);
    }
    ev_.classes.assign(n * p_.classes.size(), Status::not_applicable);
    ev_.revocations.resize(n * p_.revocations.size());
    ev_.categories.assign(n * p_.categories.size(), kNone);
    ev_.category_doubts.assign(n * p_.categories.size(), kNone);
    // Until a record's derived values are computed, the Dataset's stand in their slots.
    state_->derived.resize(derived);
    for (std::uint32_t r = 0; r < n; ++r) {
        const double* raw = d_.values.data() + row(r).offset;
        double* own = state_->derived.data() + state_->derived_offset[r];
        for (const auto& [slot, expr] : p_.derived[kind_index(kind(r))]) *own++ = raw[slot];
    }
    reads_derived_.assign(p_.aggregates.size(), false);
    for (std::size_t a = 0; a < p_.aggregates.size(); ++a) {
        const Aggregate& agg = p_.aggregates[a];
        const auto& columns = p_.schema.columns[kind_index(agg.kind)];
        for (std::uint32_t i = agg.operand.begin; agg.operand.valid() && i < agg.operand.end; ++i) {
            const Instr& in = p_.code[i];
            if (in.op == OpCode::push_slot && in.a < columns.size() && columns[in.a].derived) reads_derived_[a] = true;
        }
    }
}

// A set named in the options, judged outside its years, reads its thresholds (and `year`) as of
// its nearest year: its tables by year have no value in the others.
int Evaluator::judged_year(const SetDef& set, int year) const {
    return opt_.set != kNone ? std::clamp(year, set.valid_from, set.valid_to) : year;
}

// The thresholds of every requirement that its region and year decide, for each region, as of
// the year its set is judged in (judge_set).
void Evaluator::resolve_thresholds() {
    const std::size_t n = p_.requirements.size();
    state_->resolved.resize(n * kRegionCount);
    for (const IndicatorDef& def : p_.indicators) {
        const SetDef& set = p_.sets[def.set];
        const int year = judged_year(set, opt_.year);
        for (std::uint32_t ri = def.first_requirement; ri < def.first_requirement + def.requirement_count; ++ri) {
            for (std::size_t g = 0; g < kRegionCount; ++g) {
                state_->resolved[g * n + ri] = resolve_requirement(p_, ri, static_cast<Region>(g), year);
            }
        }
    }
}

// Evaluates `results` across threads; each writes only its own slices.  The threads take the
// records a block at a time as they finish the one before, the caller's thread among them:
// records differ in cost (a ward is not judged, a commune is judged at every level), and
// halves fixed in advance left one thread waiting for the other.  Which thread judges a record
// changes nothing in its results, nor how many threads there are.  Past the options' deadline
// each thread stops before its next block, and TimeUp is thrown once all have stopped.
void Evaluator::parallel(const std::vector<std::uint32_t>& results) {
    unsigned threads = opt_.threads != 0 ? opt_.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, (results.size() + 255) / 256));
    constexpr std::size_t kBlock = 64;
    std::atomic<std::size_t> next{0};
    std::mutex failed;
    std::exception_ptr error;  // the first thread's that threw (out of memory, TimeUp): thrown once all have stopped
    const bool timed = opt_.deadline != std::chrono::steady_clock::time_point::max();
    const auto work = [&] {
        try {
            Scratch scratch;
            for (std::size_t begin = next.fetch_add(kBlock); begin < results.size(); begin = next.fetch_add(kBlock)) {
                if (timed && std::chrono::steady_clock::now() >= opt_.deadline) throw TimeUp();
                const std::size_t end = std::min(results.size(), begin + kBlock);
                for (std::size_t i = begin; i < end; ++i) judge(slice_of(results[i], scratch));
            }
        } catch (...) {
            const std::lock_guard lock(failed);
            if (!error) error = std::current_exception();
            next = results.size();  // the others stop at their next block
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) {
        try {
            pool.emplace_back(work);
        } catch (const std::system_error&) {
            break;  // no more threads to be had: those there are do the work
        }
    }
    work();
    for (auto& th : pool) th.join();
    if (error) std::rethrow_exception(error);
}

// One record: its derived values, each level in order, its standing under the standard
// set, its classes and whether it lost a level it was recognised at.
void Evaluator::judge(const Slice& s) {
    EntityResult& er = *s.er;
    er.region = row(s.r).region;
    derive(s);
    categories(s);
    if (!er.judged) {
        not_judged(s);
        return;
    }
    levels(s);
    standard_counts(s);
    revocations(s);
    classes(s);
    maintenance(s);
}

// The categories of its kind the entity is in (read by thresholds `by NAME`).
void Evaluator::categories(const Slice& s) {
    const ExprContext ctx = context(s);
    std::vector<std::uint32_t> candidates;
    for (std::uint32_t c = 0; c < p_.categories.size(); ++c) {
        if (p_.categories[c].kind != kind(s.r)) continue;
        candidates.clear();
        s.categories[c] = category_candidates(p_, c, ctx, &candidates);
        if (s.categories[c] == kNone && !candidates.empty()) s.category_doubts[c] = candidates.front();
    }
}

// Its derived values, in order (each may read those before it), into its values and, in an
// evaluation, where other records read them as they are computed.
void Evaluator::derive(const Slice& s) {
    const ExprContext ctx = context(s);
    double* kept = state_ != nullptr ? state_->derived.data() + state_->derived_offset[s.r] : nullptr;
    for (const auto& [slot, expr] : p_.derived[kind_index(kind(s.r))]) {
        s.own[slot] = run(p_, expr, ctx);
        if (kept != nullptr) *kept++ = s.own[slot];
    }
}

// An urban unit: every level, and its gates, not applicable.
void Evaluator::not_judged(const Slice& s) {
    for (std::uint32_t l = 0; l < s.er->level_count; ++l) {
        LevelResult& lr = s.levels[l];
        lr.status = lr.prerequisite = lr.criteria = Status::not_applicable;
        std::fill_n(s.gates_of(lr), p_.levels[lr.level].gates.size(), Status::not_applicable);
    }
}

// The levels of the record in order, each building on the one before.
void Evaluator::levels(const Slice& s) {
    EntityResult& er = *s.er;
    Status previous = Status::met;
    std::uint32_t previous_mark = kNone;  // the unconfirmed figure the level below rests on
    const LevelResult* last_with_set = nullptr;  // whose results gates of later levels read
    for (std::uint32_t l = 0; l < er.level_count; ++l) {
        LevelResult& lr = s.levels[l];
        const LevelDef& def = p_.levels[lr.level];
        // A level whose sets are none of them valid in the year does not exist that year.
        // Above a level that exists, it is passed over: the next level builds on the last
        // one that exists (kiểu mẫu ends with 2025, and from 2026 the pilot hiện đại builds
        // on nâng cao).  Below every level that exists, nothing above exists either (nâng
        // cao judged in 2015, before any set of đạt chuẩn).
        // (A set chosen in the options makes its levels exist in any year.)
        const bool absent = def.meets.empty() ? !p_.level_in_force(def, opt_.year) : lr.set == kNone;
        if (absent || previous == Status::not_applicable) {
            lr.prerequisite = previous;
            lr.status = lr.criteria = Status::not_applicable;
            std::fill_n(s.gates_of(lr), def.gates.size(), Status::not_applicable);
            if (lr.set != kNone) {  // its results as a fresh trace has them (a thread's scratch is reused)
                std::fill_n(s.indicators_of(lr), p_.sets[lr.set].indicator_count, IndicatorResult{});
                std::fill_n(s.criteria_of(lr), p_.sets[lr.set].criterion_count, CriterionResult{});
            }
            if (last_with_set == nullptr) previous = Status::not_applicable;
            continue;
        }
        ExprContext ctx = context(s);
        lr.prerequisite = previous;
        lr.criteria = def.meets.empty() ? Status::met : Status::unknown;
        if (lr.set == kNone && last_with_set != nullptr) {
            ctx.region = last_with_set->region;
            ctx.indicators = s.indicators_of(*last_with_set);
            ctx.criteria = s.criteria_of(*last_with_set);
        }
        const std::uint32_t scope_set = lr.set != kNone ? lr.set : last_with_set != nullptr ? last_with_set->set : kNone;
        UnconfirmedAnd marks;
        marks.add(previous, previous_mark);
        if (lr.set != kNone) {
            last_with_set = &lr;
            judge_set(s, lr, ctx);
            const CriterionResult* crit = s.criteria_of(lr);
            for (std::uint32_t c = 0; c < p_.sets[lr.set].criterion_count; ++c) marks.add(crit[c].status, crit[c].unconfirmed);
        }
        lr.status = gates(s, lr, scope_set, ctx, status_and(previous, lr.criteria), marks);
        lr.unconfirmed = marks.result(lr.status);
        previous_mark = lr.unconfirmed;
        if (lr.status == Status::met) er.level = def.ordinal;
        if (lr.status != Status::not_met) er.level_max = def.ordinal;
        previous = lr.status;
    }
}

// The indicators and criteria of the level's set, and whether they are all met; `ctx`
// then reads the set's results, with the region its rules give.
void Evaluator::judge_set(const Slice& sl, LevelResult& lr, ExprContext& ctx) {
    const SetDef& s = p_.sets[lr.set];
    lr.region = region_for(p_, lr.set, ctx);
    ctx.region = lr.region;
    IndicatorResult* ind = sl.indicators_of(lr);
    CriterionResult* crit = sl.criteria_of(lr);
    ctx.indicators = ind;
    ctx.criteria = crit;
    const int year = ctx.year;
    ctx.year = judged_year(s, year);
    const ResolvedRequirement* resolved = st_->resolved_for(ctx.region);
    for (std::uint32_t i = 0; i < s.indicator_count; ++i) {
        judge_indicator(p_, p_.indicators[s.first_indicator + i], ctx, ind[i], resolved);
    }
    if (const auto other = other_region(lr.set, ctx, lr.region)) region_doubt(s, ctx, *other, ind);
    if (s.tabled_by_category) {
        for (std::uint32_t i = 0; i < s.indicator_count; ++i) category_doubt(p_, s.first_indicator + i, ctx, ind[i]);
    }
    ctx.year = year;
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
void Evaluator::region_doubt(const SetDef& s, const ExprContext& ctx, Region other, IndicatorResult* ind) const {
    std::vector<IndicatorResult> alt(s.indicator_count);
    ExprContext actx = ctx;
    actx.region = other;
    actx.indicators = alt.data();
    const ResolvedRequirement* resolved = st_->resolved_for(other);
    for (std::uint32_t i = 0; i < s.indicator_count; ++i) {
        judge_indicator(p_, p_.indicators[s.first_indicator + i], actx, alt[i], resolved);
    }
    for (std::uint32_t i = 0; i < s.indicator_count; ++i) {
        if (alt[i].status == ind[i].status) continue;
        ind[i].status = Status::unknown;
        ind[i].gap = kUnknown;
        ind[i].region_unknown = true;
    }
}

// Whether the expression aggregates over districts.
bool Evaluator::counts_districts(ExprRef e) const {
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
Status Evaluator::gates(const Slice& s, const LevelResult& lr, std::uint32_t scope_set, const ExprContext& ctx,
                        Status status, UnconfirmedAnd& marks) {
    const LevelDef& def = p_.levels[lr.level];
    const auto found = std::find(def.scope_sets.begin(), def.scope_sets.end(), scope_set);
    const std::size_t which = static_cast<std::size_t>(found - def.scope_sets.begin());
    for (std::size_t g = 0; g < def.gates.size(); ++g) {
        const GateDef& gd = def.gates[g];
        const ExprRef cond = which < gd.condition.size() ? gd.condition[which]
                             : gd.condition.size() == 1 && def.scope_sets.empty() ? gd.condition[0]
                                                                                  : ExprRef{};
        if (!gd.valid_in(opt_.year)) {  // not in force this year
            s.gates_of(lr)[g] = Status::not_applicable;
            continue;
        }
        if (row(ctx.entity).map == AdminMap::two_tier && counts_districts(cond)) {
            // There are no districts on the two-tier map: a condition on them does not apply.
            s.gates_of(lr)[g] = Status::not_applicable;
            continue;
        }
        const Status gs = truth(run(p_, cond, ctx));
        s.gates_of(lr)[g] = gs;
        if (gs != Status::unknown) marks.add(gs, gd.unconfirmed);
        status = status_and(status, gs);
    }
    return status;
}

}  // namespace detail

Evaluation evaluate(const Program& program, const Dataset& data, const EvaluateOptions& options) {
    return detail::Evaluator(program, data, options).evaluate_all();
}

}  // namespace ntm::engine
