// One entity per run of a test, judged by the engine; the expectations read its results.
#include "ruletest/run.hpp"

#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "report/text.hpp"

namespace ntm::ruletest {

namespace {

using engine::Entity;
using engine::EntityResult;
using engine::Evaluation;
using engine::LevelResult;

constexpr const char* kTypes[] = {"Thôn", "Xã", "Huyện", "Tỉnh"};

// The dataset of one run: the entity tested ("KT"), under the locality the test names.
engine::Dataset dataset(const Program& p, const ResolvedTest& t, const TestRun& run) {
    engine::Dataset d;
    const engine::AdminMap map = run.year > engine::kTwoTierSince ? engine::AdminMap::two_tier : engine::AdminMap::three_tier;
    if (!t.locality.empty()) {
        Entity a;
        a.code = t.locality;
        a.name = t.locality;
        a.kind = t.locality_kind;
        a.type = kTypes[engine::kind_index(a.kind)];
        a.map = map;
        a.region = run.region;
        d.entities.push_back(std::move(a));
    }
    Entity e;
    e.code = "KT";
    e.name = "kiểm tra";
    e.kind = t.kind;
    e.type = kTypes[engine::kind_index(t.kind)];
    e.map = map;
    e.region = run.region;
    e.recognised = t.recognised;
    e.parent_code = t.locality;
    e.parent = t.locality.empty() ? kNone : 0;
    d.entities.push_back(std::move(e));
    engine::Record rec;
    rec.entity = static_cast<std::uint32_t>(d.entities.size() - 1);
    rec.year = run.year;
    d.records.push_back(rec);
    d.values.assign(p.schema.slots(t.kind), engine::kUnknown);
    for (const ResolvedGiven& g : t.given) d.values[g.slot] = g.value;
    d.read = 1;
    return d;
}

const LevelResult* level_result(const Evaluation& ev, const EntityResult& er, std::uint32_t level) {
    for (std::uint32_t l = 0; l < er.level_count; ++l) {
        if (ev.levels[er.first_level + l].level == level) return &ev.levels[er.first_level + l];
    }
    return nullptr;
}

Verdict verdict(Status s) {
    switch (s) {
        case Status::met: return Verdict::revoke;
        case Status::unknown: return Verdict::may_revoke;
        case Status::not_met: return Verdict::keep;
        case Status::not_applicable: break;
    }
    return Verdict::not_applicable;
}

// What the results say about `x`; whether it holds.
bool check(const Program& p, const Evaluation& ev, const EntityResult& er, engine::EntityKind kind, const ResolvedExpect& x,
           Finding& f) {
    f.expect = &x;
    switch (x.kind) {
        case ExpectKind::indicator:
        case ExpectKind::criterion:
        case ExpectKind::threshold: {
            const LevelResult* lr = level_result(ev, er, x.level);
            f.set = lr == nullptr ? kNone : lr->set;
            f.found = false;
            if (f.set == kNone) return false;
            const engine::SetDef& sd = p.sets[f.set];
            const bool criterion = x.kind == ExpectKind::criterion;
            const std::uint32_t first = criterion ? sd.first_criterion : sd.first_indicator;
            const std::uint32_t count = criterion ? sd.criterion_count : sd.indicator_count;
            for (std::uint32_t i = 0; i < count; ++i) {
                const std::string& code = criterion ? p.criteria[first + i].code : p.indicators[first + i].code;
                if (code != x.code) continue;
                f.found = true;
                f.item = first + i;
                if (criterion) {
                    f.status = ev.criteria[lr->first_criterion + i].status;
                    return f.status == x.status;
                }
                const engine::IndicatorResult& ir = ev.indicators[lr->first_indicator + i];
                f.status = ir.status;
                f.number = ir.low;
                f.value = ir.value;
                f.requirement = ir.requirement;
                if (x.kind == ExpectKind::indicator) return f.status == x.status;
                return engine::known(ir.low) && engine::approx_equal(ir.low, x.number);
            }
            return false;
        }
        case ExpectKind::criteria_met:
            f.number = er.criteria_met;
            return f.number == x.number;
        case ExpectKind::level:
            f.level = er.level < 0 ? kNone : p.level_order[engine::kind_index(kind)][static_cast<std::size_t>(er.level)];
            return f.level == x.level;
        case ExpectKind::level_status: {
            const LevelResult* lr = level_result(ev, er, x.level);
            f.status = lr == nullptr ? Status::not_applicable : lr->status;
            return f.status == x.status;
        }
        case ExpectKind::gate: {
            const LevelResult* lr = level_result(ev, er, x.level);
            f.status = lr == nullptr ? Status::not_applicable : ev.gates[lr->first_gate + x.gate];
            return f.status == x.status;
        }
        case ExpectKind::revocation: {
            const engine::RevocationResult& rr = ev.revocations[er.first_revocation + x.revocation];
            f.verdict = verdict(rr.status);
            f.branch = rr.branch;
            return f.verdict == x.verdict && (x.branch == kNone || f.branch == x.branch);
        }
        case ExpectKind::category:
            f.member = ev.categories[er.first_category + x.category];
            return f.member == x.member;
    }
    return false;
}

}  // namespace

TestOutcome Runner::run(const ResolvedTest& test) {
    TestOutcome out;
    out.test = &test;
    for (std::size_t r = 0; r < test.runs.size(); ++r) run_once(test, r, out);
    return out;
}

void Runner::run_once(const ResolvedTest& test, std::size_t r, TestOutcome& out) {
    const TestRun& run = test.runs[r];
    engine::Dataset data = dataset(p_, test, run);
    gen::EdgeRequest req;
    req.record = 0;
    req.edge = test.edge;
    req.pass_up_to = test.pass_up_to;
    req.given.assign(p_.schema.slots(test.kind), 0);
    for (const ResolvedGiven& g : test.given) req.given[g.slot] = 1;
    req.categories = run.categories;
    const std::uint32_t unplaced = edge_.fill(data, {req}).front();
    if (unplaced != kNone) {
        FailedRun failed;
        failed.run = r;
        failed.unplaced = unplaced;
        out.failed.push_back(std::move(failed));
        return;
    }
    const Evaluation ev = engine::evaluate(p_, data, {run.year, 1, kNone});
    if (coverage_ != nullptr) coverage_->observe(ev, 0);
    FailedRun failed;
    failed.run = r;
    for (const ResolvedExpect& x : test.expectations) {
        Finding f;
        if (!check(p_, ev, ev.entities[0], test.kind, x, f)) failed.findings.push_back(f);
    }
    if (failed.findings.empty()) return;
    failed.explanation = report::render_explanation_text(engine::explain(p_, data, ev, 0), data);
    out.failed.push_back(std::move(failed));
}

}  // namespace ntm::ruletest
