// Searches: the inputs of computed indicators and of gates are drawn, then the result is
// checked with the probe, a bounded number of times; then what no search touched.
#include <fmt/format.h>

#include <algorithm>

#include "generate/realize.hpp"

namespace ntm::gen {

namespace {

constexpr int kTries = 24;  // draws per search before keeping the last one

Range leaf_range(const Leaf& l) {
    switch (l.op) {
        case dsl::Op::lt: return {-kInf, l.k, false, true};
        case dsl::Op::le: return {-kInf, l.k, false, false};
        case dsl::Op::gt: return {l.k, kInf, true, false};
        case dsl::Op::ge: return {l.k, kInf, false, false};
        case dsl::Op::eq: return {l.k, l.k, false, false};
        default: return {};
    }
}

}  // namespace

double Realizer::sample(std::uint32_t slot, bool good, int sign, double ext, Rng& rng, const std::vector<Leaf>& leaves) {
    const Shape& shape = (*shape_)[slot];
    const std::uint32_t den = km_->denominator[slot];
    if (den != kNone && known(job_->slots[den])) {
        const bool high = (sign >= 0) == good;
        const double f = high ? (rng.chance(0.35 + 0.6 * ext) ? 1.0 : rng.uniform(0.6 + 0.35 * ext, 1.0))
                              : rng.uniform(0.0, 0.8 - 0.3 * ext);
        return round_into(f * job_->slots[den], Range{0, job_->slots[den]}, shape);
    }
    if (km_->is_denominator[slot]) {
        if (shape.count) return 1 + rng.below(static_cast<std::uint32_t>(std::max(3.0, shape.scale)));
        return round_into(rng.uniform(0.2, 1.0) * 2 * shape.scale, shape.domain, shape);
    }
    std::vector<Leaf> mine;
    for (const Leaf& l : leaves) {
        if (l.slot == slot) mine.push_back(l);
    }
    if (!mine.empty()) {
        double v = kUnknown;
        if (good) {
            Range r = shape.domain;
            int dir = 0;
            for (const Leaf& l : mine) {
                r = intersect(r, leaf_range(l));
                if (l.op == dsl::Op::ge || l.op == dsl::Op::gt) dir = 1;
                if (l.op == dsl::Op::le || l.op == dsl::Op::lt) dir = -1;
            }
            v = pick_pass(r, dir, shape, job_->edge != Edge::none ? ext : std::max(ext, rng.uniform()));
        } else {
            const Range req = leaf_range(mine[rng.below(static_cast<std::uint32_t>(mine.size()))]);
            v = pick_fail(shape.domain, req, req.lo > -kInf, shape, job_->edge != Edge::none ? 0.0 : rng.uniform());
            if (!known(v)) v = pick_fail(shape.domain, req, !(req.lo > -kInf), shape, rng.uniform());
        }
        if (known(v)) return v;
    }
    if (sign != 0) {
        const double q = good ? rng.uniform(0.6 + 0.4 * ext, 1.0) : rng.uniform(0.0, 0.5);
        return by_quality(shape, q, sign);
    }
    return by_quality(shape, rng.uniform(), 0);
}

void Realizer::search_indicators() {
    const Job& job = *job_;
    for (std::size_t s = 0; s < stages().size(); ++s) {
        if (stages()[s].set == kNone) continue;
        const SetDef& set = p_.sets[stages()[s].set];
        for (std::uint32_t i = 0; i < set.indicator_count; ++i) {
            const std::uint32_t gi = set.first_indicator + i;
            const Target& t = m_.indicator_targets[gi];
            if (m_.column[gi] != kNone || !t.valid) continue;
            std::vector<std::uint32_t> free;
            std::vector<int> sign;
            for (int pass = 0; pass < 2; ++pass) {  // denominators first: numerators follow them
                for (std::size_t f = 0; f < t.free.size(); ++f) {
                    if (assigned_[t.free[f]] || km_->is_denominator[t.free[f]] != (pass == 0)) continue;
                    free.push_back(t.free[f]);
                    sign.push_back(t.sign[f]);
                }
            }
            if (free.empty()) continue;
            const bool wanted = want_[s][i] != 0;
            std::vector<std::size_t> blame;  // inputs that can make it fail
            for (std::size_t f = 0; f < free.size(); ++f) {
                if (!km_->is_denominator[free[f]] && sign[f] != 0) blame.push_back(f);
            }
            if (blame.empty())
                for (std::size_t f = 0; f < free.size(); ++f) blame.push_back(f);
            for (int k = 0; k < kTries; ++k) {
                Rng rng = stream(job.seed, job.entity->code, fmt::format("search {} {}", p_.indicators[gi].code, s),
                                 job.year, job.attempt * kTries + k);
                const double ext = static_cast<double>(k) / kTries;
                const std::size_t culprit = wanted ? kNone : blame[rng.below(static_cast<std::uint32_t>(blame.size()))];
                for (std::size_t f = 0; f < free.size(); ++f)
                    job.slots[free[f]] = sample(free[f], f != culprit, sign[f], ext, rng, t.leaves);
                probe_.derive();
                const Status st = probe_.indicator(s, i).status;
                if (wanted ? st == Status::met || st == Status::not_applicable : st == Status::not_met) break;
            }
            for (const std::uint32_t f : free) assigned_[f] = true;
        }
    }
}

void Realizer::search_gates() {
    const Job& job = *job_;
    for (std::size_t s = 0; s < stages().size(); ++s) {
        const std::uint32_t li = stages()[s].level;
        const LevelDef& lv = p_.levels[li];
        for (std::size_t g = 0; g < lv.gates.size(); ++g) {
            const int w = gate_want_[s][g];
            if (w < 0) continue;
            std::size_t scope = 0;
            if (probe_.gate(s, g, &scope) == w) continue;
            if (scope >= m_.gate_targets[li][g].size()) continue;
            const Target& t = m_.gate_targets[li][g][scope];
            std::vector<std::uint32_t> free;
            std::vector<int> sign;
            for (std::size_t f = 0; f < t.free.size(); ++f) {
                if (assigned_[t.free[f]]) continue;
                free.push_back(t.free[f]);
                sign.push_back(t.sign[f]);
            }
            if (free.empty() && t.planned.empty()) continue;
            const std::size_t movable = free.size() + t.planned.size();
            for (int k = 0; k < kTries; ++k) {
                Rng rng = stream(job.seed, job.entity->code, fmt::format("gate {} {}", lv.gates[g].name, s), job.year,
                                 job.attempt * kTries + k);
                const double ext = static_cast<double>(k) / kTries;
                const std::size_t culprit = w == 1 ? kNone : rng.below(static_cast<std::uint32_t>(movable));
                for (std::size_t f = 0; f < free.size(); ++f)
                    job.slots[free[f]] = sample(free[f], f != culprit, sign[f], ext, rng, t.leaves);
                for (std::size_t c = 0; c < t.planned.size(); ++c) {
                    const std::uint32_t slot = t.planned[c];
                    const int dir = t.planned_sign[c] != 0 ? t.planned_sign[c] : 1;
                    const bool good = free.size() + c != culprit;
                    const double v = pick_pass(plan_range_[slot], good ? dir : -dir, (*shape_)[slot],
                                               good ? std::max(ext, rng.uniform()) : rng.uniform());
                    if (known(v) && !job.kept(slot)) job.slots[slot] = v;
                }
                probe_.derive();
                if (!t.planned.empty()) {
                    for (std::size_t x = 0; x < stages().size(); ++x) probe_.stage(x);
                }
                if (probe_.gate(s, g) == w) break;
            }
            for (const std::uint32_t f : free) assigned_[f] = true;
        }
    }
}

// Inputs no search touched get plausible values; then missing values and set directives.
void Realizer::finish() {
    const Job& job = *job_;
    const auto& cols = p_.schema.columns[kind_index(job.entity->kind)];
    Rng rng = stream(job.seed, job.entity->code, "rest", job.year, job.attempt);
    std::vector<std::uint32_t> measured;
    for (std::uint32_t s = 0; s < cols.size(); ++s) {
        const Role r = km_->role[s];
        if (cols[s].derived || r == Role::attribute || r == Role::presence) continue;
        measured.push_back(s);
        if (!known(job.slots[s]) && !job.kept(s)) job.slots[s] = sample(s, true, 1, 0, rng, {});
    }
    if (job.directive == nullptr && job.missing > 0 && !measured.empty()) {
        Rng miss = stream(job.seed, job.entity->code, "missing", job.year);
        if (miss.chance(job.missing)) {
            const std::uint32_t count = 1 + miss.below(3);
            for (std::uint32_t k = 0; k < count; ++k)
                job.slots[measured[miss.below(static_cast<std::uint32_t>(measured.size()))]] = kUnknown;
        }
    }
    for (const Directive* d : job.sets) {
        if (const Column* c = p_.schema.find(job.entity->kind, d->column)) job.slots[c->slot] = d->value;
    }
}

}  // namespace ntm::gen
