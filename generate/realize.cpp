// The values of one entity-year: plan, columns against thresholds, searches, finish.
#include "generate/realize.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ntm::gen {

namespace {

constexpr double kStageStep = 3.2;  // how much harder each level above đạt chuẩn is
constexpr double kGateEase = 1.0;   // gates (satisfaction, no debt) are met more easily

bool same_code(const Program& p, ExprRef a, ExprRef b) {
    if (a.valid() != b.valid()) return false;
    if (!a.valid()) return true;
    if (a.end - a.begin != b.end - b.begin) return false;
    for (std::uint32_t i = 0; i < a.end - a.begin; ++i) {
        const Instr& x = p.code[a.begin + i];
        const Instr& y = p.code[b.begin + i];
        if (x.op != y.op || x.a != y.a || x.b != y.b || !(x.k == y.k || (std::isnan(x.k) && std::isnan(y.k)))) return false;
    }
    return true;
}

template <class T>
void shuffle(std::vector<T>& v, Rng& rng) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng.below(static_cast<std::uint32_t>(i))]);
}

// Which way the value of `ind` must move to pass its first requirement (0: it has none).
int first_direction(const Program& p, const IndicatorDef& ind) {
    return ind.requirement_count == 0 ? 0 : engine::direction(p.requirements[ind.first_requirement].cmp);
}

}  // namespace

double stage_offset(int ordinal) {
    return ordinal <= 0 ? 0.0 : kStageStep * ordinal + 0.4 * ordinal * (ordinal - 1);
}

double difficulty(std::string_view code) {
    return 1.6 * (static_cast<double>(mix(hash_text(code)) >> 11) * 0x1.0p-53 - 0.5);
}

double Realizer::stable_u(std::string_view purpose, std::string_view name) const {
    const std::string key = std::string(purpose) + std::string(name);
    const double a = stream(job_->seed, job_->entity->code, key).uniform();
    const double b = stream(job_->seed, job_->entity->code, key, job_->year).uniform();
    return 0.75 * a + 0.25 * b;
}

void Realizer::run(const Job& job) {
    job_ = &job;
    const std::size_t k = kind_index(job.entity->kind);
    km_ = &m_.kinds[k];
    shape_ = &shapes_[k];
    if (job.edge != Edge::none) {
        // At the edge, a threshold written with two decimals (56,65) is the value itself, not
        // rounded to the tenth people usually write.
        edge_shapes_ = shapes_[k];
        for (Shape& s : edge_shapes_) {
            if (!s.yesno && !s.count && s.step < 1) s.step = 0.01;
        }
        shape_ = &edge_shapes_;
    }
    const auto& cols = p_.schema.columns[k];
    const std::size_t n = cols.size();
    assigned_.assign(n, false);
    plan_range_.assign(n, Range{});
    for (std::size_t s = 0; s < n; ++s) {
        const Role r = km_->role[s];
        if (!cols[s].derived && r != Role::attribute && r != Role::presence && !job.kept(s)) job.slots[s] = kUnknown;
        assigned_[s] = job.kept(s);
    }
    probe_.start(*job.entity, job.year, job.slots, stages());
    probe_.derive();
    plan();
    std::vector<std::uint32_t> deferred;
    columns(false, deferred);
    probe_.derive();
    for (std::size_t s = 0; s < stages().size(); ++s) probe_.stage(s);
    search_indicators();
    columns(true, deferred);
    probe_.derive();
    for (std::size_t s = 0; s < stages().size(); ++s) probe_.stage(s);
    search_gates();
    finish();
}

// ---------------------------------------------------------------------------------------------
// The plan

void Realizer::plan() {
    if (job_->edge != Edge::none) {
        plan_edge();
        return;
    }
    const Job& job = *job_;
    const auto& st = stages();
    want_.assign(st.size(), {});
    gate_want_.assign(st.size(), {});
    int forced = -2;  // a level directive: the ordinal to reach exactly (-1: none)
    const bool fail = job.directive != nullptr && job.directive->kind == Directive::Kind::fail;
    if (job.directive != nullptr && job.directive->kind == Directive::Kind::level)
        forced = job.directive->level == kNone ? -1 : p_.levels[job.directive->level].ordinal;
    for (std::size_t s = 0; s < st.size(); ++s) {
        const LevelDef& lv = p_.levels[st[s].level];
        const int o = lv.ordinal;
        const bool pinned = (fail && o == 0) || forced >= o;  // met, whatever the draws
        gate_want_[s].assign(lv.gates.size(), 1);
        for (std::size_t g = 0; g < lv.gates.size() && !pinned; ++g) {
            const double u = stream(job.seed, job.entity->code, "gate " + lv.gates[g].name).uniform();
            gate_want_[s][g] = u < logistic(job.score + kGateEase - difficulty(lv.gates[g].name)) ? 1 : 0;
        }
        if (st[s].set == kNone) continue;
        const SetDef& set = p_.sets[st[s].set];
        want_[s].assign(set.indicator_count, 1);
        for (std::uint32_t c = 0; c < set.criterion_count; ++c) {
            const std::string& code = p_.criteria[set.first_criterion + c].code;
            bool pass;
            if (fail && o == 0) {
                pass = std::find(job.directive->criteria.begin(), job.directive->criteria.end(), code) ==
                       job.directive->criteria.end();
            } else if (forced >= o) {
                pass = true;
            } else {
                const double u = stream(job.seed, job.entity->code, "criterion " + code).uniform();
                pass = u < logistic(job.score - difficulty(code) - stage_offset(o));
            }
            if (!pass) {
                Rng rng = stream(job.seed, job.entity->code, fmt::format("culprit {} {}", code, o), 0, job.attempt);
                culprits(s, c, rng);
            }
        }
    }
    if (forced < -1) return;
    // The level above the one asked for must not be reached: something of it fails.
    for (std::size_t s = 0; s < st.size(); ++s) {
        if (p_.levels[st[s].level].ordinal != forced + 1) continue;
        if (std::find(want_[s].begin(), want_[s].end(), 0) != want_[s].end()) return;
        Rng rng = stream(job.seed, job.entity->code, "block", job.year, job.attempt);
        if (st[s].set != kNone) {
            std::vector<std::uint32_t> order(p_.sets[st[s].set].criterion_count);
            for (std::uint32_t c = 0; c < order.size(); ++c) order[c] = c;
            shuffle(order, rng);
            for (const std::uint32_t c : order) {
                if (culprits(s, c, rng)) return;
            }
        }
        if (!gate_want_[s].empty()) gate_want_[s][rng.below(static_cast<std::uint32_t>(gate_want_[s].size()))] = 0;
        return;
    }
}

// A rule test's plan: every indicator and gate of every stage passes (Edge::pass; of the stages
// up to Job::pass_up_to), or each fails where it can (Edge::fail, and the stages above), so that
// every input sits at the edge of what the rules ask.
void Realizer::plan_edge() {
    const auto& st = stages();
    want_.assign(st.size(), {});
    gate_want_.assign(st.size(), {});
    for (std::size_t s = 0; s < st.size(); ++s) {
        const int ordinal = p_.levels[st[s].level].ordinal;
        const std::int8_t want = job_->edge == Edge::pass && (job_->pass_up_to < 0 || ordinal <= job_->pass_up_to) ? 1 : 0;
        gate_want_[s].assign(p_.levels[st[s].level].gates.size(), want);
        if (st[s].set == kNone) continue;
        want_[s].assign(p_.sets[st[s].set].indicator_count, 1);
        if (want == 1) continue;
        for (std::uint32_t i = 0; i < want_[s].size(); ++i) {
            if (probe_.applies(s, i) != 0 && can_fail(s, i)) want_[s][i] = 0;
        }
    }
}

// Marks the indicators of a failing criterion that fail; false when none can.
bool Realizer::culprits(std::size_t s, std::uint32_t criterion, Rng& rng) {
    const SetDef& set = p_.sets[stages()[s].set];
    const CriterionDef& cd = p_.criteria[set.first_criterion + criterion];
    const std::uint32_t first = cd.first_indicator - set.first_indicator;
    std::vector<std::uint32_t> own, shared;
    int applicable = 0;
    for (std::uint32_t i = first; i < first + cd.indicator_count; ++i) {
        if (probe_.applies(s, i) == 0) continue;
        ++applicable;
        if (!can_fail(s, i)) continue;
        // A column another criterion also reads would make that one fail too.
        const std::uint32_t col = m_.column[set.first_indicator + i];
        bool elsewhere = false;
        for (std::uint32_t j = 0; j < set.indicator_count && col != kNone; ++j) {
            if (m_.column[set.first_indicator + j] == col && (j < first || j >= first + cd.indicator_count))
                elsewhere = true;
        }
        (elsewhere ? shared : own).push_back(i);
    }
    shuffle(own, rng);
    shuffle(shared, rng);
    own.insert(own.end(), shared.begin(), shared.end());
    if (own.empty()) return false;
    std::size_t need = rng.chance(0.2) ? 2 : 1;
    if (cd.combine == dsl::CombineKind::any) need = static_cast<std::size_t>(applicable);
    if (cd.combine == dsl::CombineKind::at_least) need = static_cast<std::size_t>(std::max(1, applicable - cd.at_least + 1));
    for (std::size_t k = 0; k < std::min(need, own.size()); ++k) want_[s][own[k]] = 0;
    return true;
}

// Whether indicator `i` of stage `s` can fail while what the stages below need still holds.
bool Realizer::can_fail(std::size_t s, std::uint32_t i) {
    const std::uint32_t gi = p_.sets[stages()[s].set].first_indicator + i;
    const IndicatorDef& def = p_.indicators[gi];
    const std::uint32_t col = m_.column[gi];
    if (col == kNone) {
        const Target& t = m_.indicator_targets[gi];
        if (!t.valid || t.free.empty()) return false;
        for (std::size_t b = 0; b < s; ++b) {
            if (stages()[b].set == kNone) continue;
            const SetDef& below = p_.sets[stages()[b].set];
            for (std::uint32_t j = 0; j < below.indicator_count; ++j) {
                const IndicatorDef& other = p_.indicators[below.first_indicator + j];
                if (other.code != def.code || !same_code(p_, other.value, def.value) ||
                    other.requirement_count != def.requirement_count)
                    continue;
                bool same = true;
                for (std::uint32_t r = 0; r < def.requirement_count; ++r) {
                    const double a = probe_.threshold(s, def.first_requirement + r);
                    const double c = probe_.threshold(b, other.first_requirement + r);
                    same = same && (a == c || (std::isnan(a) && std::isnan(c)));
                }
                if (same) return false;
            }
        }
        return true;
    }
    bool known_thresholds = true;
    Range below = (*shape_)[col].domain;
    for (std::size_t b = 0; b < s; ++b) {
        if (stages()[b].set == kNone) continue;
        const SetDef& set = p_.sets[stages()[b].set];
        for (std::uint32_t j = 0; j < set.indicator_count; ++j) {
            if (m_.column[set.first_indicator + j] == col) below = intersect(below, accepted_at(b, j, known_thresholds));
        }
    }
    const Range req = accepted_at(s, i, known_thresholds);
    const Shape& shape = (*shape_)[col];
    return known(pick_fail(below, req, true, shape, 0.5)) || known(pick_fail(below, req, false, shape, 0.5));
}

Range Realizer::accepted_at(std::size_t s, std::uint32_t i, bool& known_threshold) {
    const IndicatorDef& def = indicator(s, i);
    Range r;
    for (std::uint32_t k = 0; k < def.requirement_count; ++k) {
        const std::uint32_t ri = def.first_requirement + k;
        const Requirement& req = p_.requirements[ri];
        const bool needs = req.cmp != dsl::Cmp::yes && req.cmp != dsl::Cmp::no;
        const double lo = needs ? probe_.threshold(s, ri) : kUnknown;
        const double hi = req.cmp == dsl::Cmp::in_range ? probe_.threshold(s, ri, true) : kUnknown;
        if ((needs && !known(lo)) || (req.cmp == dsl::Cmp::in_range && !known(hi))) {
            known_threshold = false;
            continue;
        }
        r = intersect(r, accepted(req.cmp, lo, hi));
    }
    return r;
}

// ---------------------------------------------------------------------------------------------
// Input columns

void Realizer::columns(bool deferred_only, std::vector<std::uint32_t>& deferred) {
    if (deferred_only) {
        for (const std::uint32_t slot : deferred) {
            if (!column(slot)) fallback_column(slot);
        }
        return;
    }
    for (std::uint32_t slot = 0; slot < km_->role.size(); ++slot) {
        if (km_->role[slot] == Role::direct && !job_->kept(slot) && !column(slot)) deferred.push_back(slot);
    }
}

bool Realizer::column(std::uint32_t slot) {
    const auto& st = stages();
    std::vector<std::pair<std::size_t, std::uint32_t>> readers;
    for (std::size_t s = 0; s < st.size(); ++s) {
        if (st[s].set == kNone) continue;
        const SetDef& set = p_.sets[st[s].set];
        for (std::uint32_t i = 0; i < set.indicator_count; ++i) {
            if (m_.column[set.first_indicator + i] == slot) readers.emplace_back(s, i);
        }
    }
    if (readers.empty()) {
        fallback_column(slot);
        return true;
    }
    std::size_t t = kNone;
    std::uint32_t culprit = kNone;
    for (const auto& [s, i] : readers) {
        if (want_[s][i] == 0) {
            t = s;
            culprit = i;
            break;
        }
    }
    const Shape& shape = (*shape_)[slot];
    bool known_thresholds = true;
    Range r = shape.domain;
    for (const auto& [s, i] : readers) {
        if (t == kNone || s < t) r = intersect(r, accepted_at(s, i, known_thresholds));
    }
    const int dir = first_direction(p_, indicator(readers.front().first, readers.front().second));
    // At the edge (rule tests): the threshold itself, or the smallest realistic step past it.
    const double u = job_->edge != Edge::none ? 0.0 : stable_u("value ", p_.schema.columns[kind_index(job_->entity->kind)][slot].name);
    double v = kUnknown;
    Range plan = r;
    if (t != kNone) {
        const Range req = accepted_at(t, culprit, known_thresholds);
        if (!known_thresholds) return false;
        for (const bool below : {req.lo > -kInf, !(req.lo > -kInf)}) {
            if (known(v)) break;
            v = pick_fail(r, req, below, shape, u);
            plan = below ? intersect(r, Range{-kInf, req.lo, false, !req.lo_open})
                         : intersect(r, Range{req.hi, kInf, !req.hi_open, false});
        }
        if (!known(v)) {  // it cannot fail there after all: pass everything
            for (const auto& [s, i] : readers) {
                if (s >= t) r = intersect(r, accepted_at(s, i, known_thresholds));
            }
            plan = r;
        }
    }
    if (!known_thresholds) return false;
    if (!known(v)) v = pick_pass(r, dir, shape, u);
    if (!known(v)) {  // thresholds that contradict each other: satisfy the first level's
        bool ignored = true;
        plan = intersect(shape.domain, accepted_at(readers.front().first, readers.front().second, ignored));
        v = pick_pass(plan, dir, shape, u);
        if (!known(v)) v = by_quality(shape, u, dir);
    }
    job_->slots[slot] = v;
    plan_range_[slot] = plan;
    assigned_[slot] = true;
    return true;
}

// A column no set of this year reads (a set of another period): drawn against the threshold
// of a set that does, in the nearest year it covers.
void Realizer::fallback_column(std::uint32_t slot) {
    const Shape& shape = (*shape_)[slot];
    const std::string& name = p_.schema.columns[kind_index(job_->entity->kind)][slot].name;
    const double u = job_->edge != Edge::none ? 0.0 : stable_u("value ", name);
    const std::uint32_t gi = km_->reader[slot];
    double v = kUnknown;
    if (gi != kNone) {
        const IndicatorDef& ind = p_.indicators[gi];
        const SetDef& set = p_.sets[ind.set];
        Stage st;
        st.set = ind.set;
        st.region = probe_.region_for(ind.set, job_->entity->region.value_or(Region::TDMNPB));
        st.year = std::clamp(job_->year, set.valid_from, std::max(set.valid_from, set.valid_to));
        Range r;
        bool known_thresholds = true;
        for (std::uint32_t k = 0; k < ind.requirement_count; ++k) {
            const std::uint32_t ri = ind.first_requirement + k;
            const Requirement& req = p_.requirements[ri];
            const double lo = req.cmp == dsl::Cmp::yes || req.cmp == dsl::Cmp::no ? 0 : probe_.threshold_at(st, ri);
            const double hi = req.cmp == dsl::Cmp::in_range ? probe_.threshold_at(st, ri, true) : 0;
            known_thresholds = known_thresholds && known(lo) && known(hi);
            r = intersect(r, accepted(req.cmp, lo, hi));
        }
        const std::string& crit = p_.criteria[ind.criterion].code;
        const bool pass = job_->edge != Edge::none ? job_->edge == Edge::pass
                          : stream(job_->seed, job_->entity->code, "criterion " + crit).uniform() <
                                logistic(job_->score - difficulty(crit));
        if (known_thresholds) {
            v = pass ? pick_pass(r, first_direction(p_, ind), shape, u) : pick_fail(shape.domain, r, r.lo > -kInf, shape, u);
            if (!known(v)) v = pick_pass(r, first_direction(p_, ind), shape, u);
        }
    }
    if (!known(v)) v = by_quality(shape, 0.4 + 0.6 * u, 1);
    job_->slots[slot] = v;
    plan_range_[slot] = Range{v, v};
    assigned_[slot] = true;
}

}  // namespace ntm::gen
