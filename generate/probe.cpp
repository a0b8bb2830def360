// The probe: engine/evaluate.cpp for one entity-year, without aggregates and classes, so that
// the generator can check candidate values quickly (the generated data are judged by the
// engine itself afterwards).  Verdicts and thresholds are the judge's (engine/judge.hpp), the
// same functions the evaluator calls.
#include <algorithm>

#include "generate/model.hpp"

namespace ntm::gen {

void Probe::start(const Entity& entity, int year, double* slots, const std::vector<Stage>& stages) {
    entity_ = &entity;
    year_ = year;
    slots_ = slots;
    stages_ = &stages;
    results_.resize(stages.size());
    criteria_.resize(stages.size());
    for (std::size_t s = 0; s < stages.size(); ++s) {
        const std::uint32_t set = stages[s].set;
        results_[s].assign(set == kNone ? 0 : p_.sets[set].indicator_count, IndicatorResult{});
        criteria_[s].assign(set == kNone ? 0 : p_.sets[set].criterion_count, CriterionResult{});
    }
}

ExprContext Probe::context(std::size_t s) {
    ExprContext ctx;
    ctx.slots = slots_;
    ctx.year = year_;
    ctx.region = entity_->region.value_or(Region::TDMNPB);
    ctx.code = &entity_->code;
    ctx.parent = &entity_->parent_code;
    ctx.type = &entity_->type;
    ctx.evaluator = this;
    ctx.entity = static_cast<std::uint32_t>(s);
    ctx.threshold = &Probe::threshold_callback;
    ctx.categories = categories_.empty() ? nullptr : categories_.data();
    if (s < stages_->size()) {
        const Stage& st = (*stages_)[s];
        ctx.year = st.year;
        ctx.region = st.region;
        if (st.set != kNone) {
            ctx.indicators = results_[s].data();
            ctx.criteria = criteria_[s].data();
        }
    }
    return ctx;
}

void Probe::derive() {
    const ExprContext ctx = context(kNone);
    for (const auto& [slot, expr] : p_.derived[kind_index(entity_->kind)]) slots_[slot] = run(p_, expr, ctx);
    categories_.assign(p_.categories.size(), kNone);
    const ExprContext derived = context(kNone);
    for (std::uint32_t c = 0; c < p_.categories.size(); ++c) {
        if (p_.categories[c].kind == entity_->kind) categories_[c] = engine::category_candidates(p_, c, derived);
    }
}

Region Probe::region_for(std::uint32_t set, Region own) {
    ExprContext ctx = context(kNone);
    ctx.region = own;
    return engine::region_for(p_, set, ctx);
}

double Probe::threshold(std::size_t s, std::uint32_t requirement, bool high) {
    return engine::requirement_threshold(p_, requirement, context(s), high);
}

double Probe::threshold_at(const Stage& stage, std::uint32_t requirement, bool high) {
    ExprContext ctx = context(kNone);
    ctx.year = stage.year;
    ctx.region = stage.region;
    return engine::requirement_threshold(p_, requirement, ctx, high);
}

double Probe::applies(std::size_t s, std::uint32_t i) {
    const IndicatorDef& def = p_.indicators[p_.sets[(*stages_)[s].set].first_indicator + i];
    return def.applies.valid() ? run(p_, def.applies, context(s)) : 1.0;
}

double Probe::threshold_callback(const void* self, std::uint32_t entity, std::uint32_t indicator) {
    auto* probe = const_cast<Probe*>(static_cast<const Probe*>(self));
    ExprContext ctx = probe->context(entity);
    const std::uint32_t set = probe->p_.indicators[indicator].set;
    ctx.region = probe->region_for(set, probe->entity_->region.value_or(Region::TDMNPB));
    return engine::indicator_threshold(probe->p_, indicator, ctx);
}

const IndicatorResult& Probe::indicator(std::size_t s, std::uint32_t i) {
    const IndicatorDef& def = p_.indicators[p_.sets[(*stages_)[s].set].first_indicator + i];
    const ExprContext ctx = context(s);
    engine::judge_indicator(p_, def, ctx, results_[s][i]);
    engine::category_doubt(p_, p_.sets[(*stages_)[s].set].first_indicator + i, ctx, results_[s][i]);
    return results_[s][i];
}

void Probe::stage(std::size_t s) {
    const std::uint32_t set = (*stages_)[s].set;
    if (set == kNone) return;
    const SetDef& sd = p_.sets[set];
    for (std::uint32_t i = 0; i < sd.indicator_count; ++i) indicator(s, i);
    for (std::uint32_t c = 0; c < sd.criterion_count; ++c) {
        const CriterionDef& cd = p_.criteria[sd.first_criterion + c];
        criteria_[s][c] = engine::judge_criterion(cd, results_[s].data() + (cd.first_indicator - sd.first_indicator));
    }
}

double Probe::gate(std::size_t s, std::size_t g, std::size_t* scope) {
    const LevelDef& def = p_.levels[(*stages_)[s].level];
    std::size_t from = s;
    while (from != kNone && (*stages_)[from].set == kNone) from = from == 0 ? kNone : from - 1;
    const std::uint32_t scope_set = from == kNone ? kNone : (*stages_)[from].set;
    const auto found = std::find(def.scope_sets.begin(), def.scope_sets.end(), scope_set);
    const auto which = static_cast<std::size_t>(found - def.scope_sets.begin());
    if (scope != nullptr) *scope = which;
    const GateDef& gd = def.gates[g];
    const ExprRef cond = which < gd.condition.size() ? gd.condition[which]
                         : gd.condition.size() == 1 && def.scope_sets.empty() ? gd.condition[0]
                                                                              : ExprRef{};
    ExprContext ctx = context(from == kNone ? s : from);
    ctx.level = ctx.level_max = def.ordinal - 1;
    if (!stages_->empty() && (*stages_)[0].set != kNone) {
        int met = 0, unknown = 0;
        for (const CriterionResult& c : criteria_[0]) {
            met += c.status == Status::met || c.status == Status::not_applicable;
            unknown += c.status == Status::unknown;
        }
        ctx.criteria_met = met;
        ctx.criteria_unknown = unknown;
    }
    return run(p_, cond, ctx);
}

namespace {

// The stage of a level whose set the program chooses by the year alone (kNone: none in force,
// or the unit is not judged): then the set of the nearest year, read for that year.
Stage plain_stage(const Program& p, Probe& probe, const Entity& en, std::uint32_t level, std::uint32_t set,
                  int year) {
    Stage st{level, set, en.region.value_or(Region::TDMNPB), year};
    for (int dist = 0; dist <= 100 && st.set == kNone; ++dist) {
        for (const int y : {year - dist, year + dist}) {
            if (st.set != kNone) break;
            st.set = p.set_for(p.levels[level], y);
            st.year = y;
        }
    }
    if (st.set == kNone) st.year = year;
    if (st.set != kNone) st.region = probe.region_for(st.set, en.region.value_or(Region::TDMNPB));
    return st;
}

// The entities that lie in a locality some set is for (`locality "49"`), with their ancestors.
std::vector<bool> in_localities(const Program& p, const Dataset& d) {
    std::vector<bool> out(d.entities.size(), false);
    for (std::uint32_t e = 0; e < d.entities.size(); ++e) {
        for (std::uint32_t a = e; a != kNone && !out[e]; a = d.entities[a].parent) {
            out[e] = std::any_of(p.sets.begin(), p.sets.end(), [&](const SetDef& s) { return s.locality == d.entities[a].code; });
        }
    }
    for (std::uint32_t e = static_cast<std::uint32_t>(d.entities.size()); e-- > 0;) {
        if (!out[e]) continue;
        for (std::uint32_t a = d.entities[e].parent; a != kNone; a = d.entities[a].parent) out[a] = true;
    }
    return out;
}

}  // namespace

// The set, region and threshold year of each level for each record.  Where a set for a
// locality may apply, the engine says which set applies to whom (on a dataset of those
// entities, with their attributes); elsewhere the set in force is the program's choice for
// the year and the region follows the set's region rules.
std::vector<std::vector<Stage>> stages_of(const Program& p, const Dataset& d, const std::vector<int>& years,
                                          unsigned threads) {
    std::vector<std::vector<Stage>> out(d.records.size());
    Probe probe(p);
    const std::vector<Stage> none;
    std::vector<double> slots;  // the probe's copy of a record's values
    auto start = [&](const Record& rec) -> const Entity& {
        const Entity& en = d.entities[rec.entity];
        const auto begin = d.values.begin() + static_cast<std::ptrdiff_t>(rec.offset);
        slots.assign(begin, begin + p.schema.slots(en.kind));
        probe.start(en, rec.year, slots.data(), none);
        return en;
    };
    // The engine, on the entities of localities.
    const std::vector<bool> local = in_localities(p, d);
    Dataset sub;
    std::vector<std::uint32_t> index(d.entities.size(), kNone), record_of;  // sub → d
    for (std::uint32_t e = 0; e < d.entities.size(); ++e) {
        if (!local[e]) continue;
        index[e] = static_cast<std::uint32_t>(sub.entities.size());
        sub.entities.push_back(d.entities[e]);
        sub.entities.back().parent = d.entities[e].parent == kNone ? kNone : index[d.entities[e].parent];
    }
    for (std::uint32_t r = 0; r < d.records.size(); ++r) {
        const Record& rec = d.records[r];
        if (!local[rec.entity]) continue;
        Record copy = rec;
        copy.entity = index[rec.entity];
        copy.offset = sub.values.size();
        const auto begin = d.values.begin() + static_cast<std::ptrdiff_t>(rec.offset);
        sub.values.insert(sub.values.end(), begin, begin + p.schema.slots(d.entities[rec.entity].kind));
        sub.records.push_back(copy);
        record_of.push_back(r);
    }
    for (const int year : years) {
        if (sub.records.empty()) break;
        const Evaluation ev = evaluate(p, sub, {year, threads, kNone});
        for (const EntityResult& er : ev.entities) {
            const std::uint32_t r = record_of[er.record];
            const Entity& en = start(d.records[r]);
            for (std::uint32_t l = 0; l < er.level_count; ++l) {
                const LevelResult& lr = ev.levels[er.first_level + l];
                out[r].push_back(lr.set != kNone ? Stage{lr.level, lr.set, lr.region, year}
                                                 : plain_stage(p, probe, en, lr.level, kNone, year));
            }
        }
    }
    // Elsewhere, the program's choice.
    for (std::uint32_t r = 0; r < d.records.size(); ++r) {
        if (local[d.records[r].entity]) continue;
        const Entity& en = start(d.records[r]);
        const int year = d.records[r].year;
        if (std::find(years.begin(), years.end(), year) == years.end()) continue;
        for (const std::uint32_t li : p.level_order[kind_index(en.kind)])
            out[r].push_back(plain_stage(p, probe, en, li, en.judged ? p.set_for(p.levels[li], year) : kNone, year));
    }
    return out;
}

}  // namespace ntm::gen
