// A requirement's thresholds resolved once per region and year (engine::resolve_requirement) must
// be exactly what finding them for each entity gives, and an indicator judged with them exactly
// as judged without: over every requirement and indicator of the bundled rules, every region and
// the years they span.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <iterator>
#include <cstring>
#include <string>
#include <vector>

#include "engine/judge.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::engine;

namespace {

bool same(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b)); }

bool same(const IndicatorResult& a, const IndicatorResult& b) {
    return a.status == b.status && a.applies_unknown == b.applies_unknown && a.region_unknown == b.region_unknown &&
           a.category_unknown == b.category_unknown && same(a.low_min, b.low_min) && same(a.low_max, b.low_max) &&
           same(a.value, b.value) && same(a.low, b.low) && same(a.high, b.high) && same(a.gap, b.gap) &&
           a.requirement == b.requirement && a.threshold_case == b.threshold_case && a.unconfirmed == b.unconfirmed;
}

}  // namespace

TEST_CASE("engine: a threshold resolved for a region and year is the one found for each entity") {
    const support::CompiledRules rules = support::compile_rules(std::string(NTM_SOURCE_DIR) + "/rules");
    const Program& p = rules.program;
    int resolved = 0, per_entity = 0;
    for (std::uint32_t ri = 0; ri < p.requirements.size(); ++ri) {
        const Requirement& req = p.requirements[ri];
        for (std::size_t g = 0; g < kRegionCount; ++g) {
            for (int year = 2015; year <= 2031; ++year) {
                const ResolvedRequirement r = resolve_requirement(p, ri, static_cast<Region>(g), year);
                if (!r.resolved) {
                    ++per_entity;
                    continue;
                }
                ++resolved;
                ExprContext ctx;
                ctx.region = static_cast<Region>(g);
                ctx.year = year;
                std::uint32_t taken = kNone, mark = kNone;
                const double low = threshold_value(p, req.low, ctx, &taken, &mark);
                const double high = threshold_value(p, req.high, ctx, &taken, &mark);
                INFO("requirement " << ri << " region " << g << " year " << year);
                CHECK(r.year == year);
                CHECK(same(r.low, low));
                CHECK(same(r.high, high));
                CHECK(r.mark == mark);
                CHECK(taken == kNone);  // no `when` case chose it
            }
        }
    }
    // The bundled rules have both kinds: thresholds by region and year, and by `when` case or
    // by category (the commune groups of QĐ 51/2025).
    CHECK(resolved > 1000);
    CHECK(per_entity > 0);
}

TEST_CASE("engine: an indicator judged with resolved thresholds is judged as without them") {
    const support::CompiledRules rules = support::compile_rules(std::string(NTM_SOURCE_DIR) + "/rules");
    const Program& p = rules.program;
    std::uint32_t slots = 0;
    for (const Instr& in : p.code) {
        if (in.op == OpCode::push_slot && in.a != kNone) slots = std::max(slots, in.a + 1);
    }
    for (const IndicatorDef& def : p.indicators) {
        if (def.slot != kNone) slots = std::max(slots, def.slot + 1);
    }
    // Values around the thresholds, yes and no, and missing ones, varied by slot and by round.
    const double kValues[] = {0, 1, 35, 49.999999999, 50, 70, 80.5, 90, 100, 101, 1e6, kUnknown};
    std::vector<double> values(slots);
    std::vector<ResolvedRequirement> table(p.requirements.size());
    std::vector<ResolvedRequirement> other_year(p.requirements.size());
    int judged = 0, differ_by_status = 0;
    for (int round = 0; round < 6; ++round) {
        for (std::uint32_t s = 0; s < slots; ++s) values[s] = kValues[(s * 7 + round * 5) % std::size(kValues)];
        for (std::size_t g = 0; g < kRegionCount; ++g) {
            for (int year : {2018, 2022, 2025, 2026, 2028}) {
                const auto region = static_cast<Region>(g);
                for (std::uint32_t ri = 0; ri < p.requirements.size(); ++ri) {
                    table[ri] = resolve_requirement(p, ri, region, year);
                    other_year[ri] = resolve_requirement(p, ri, region, year + 1);
                }
                ExprContext ctx;
                ctx.slots = values.data();
                ctx.region = region;
                ctx.year = year;
                for (const IndicatorDef& def : p.indicators) {
                    IndicatorResult found, read, stale;
                    judge_indicator(p, def, ctx, found);
                    judge_indicator(p, def, ctx, read, table.data());
                    // Resolved for another year: not read, found again.
                    judge_indicator(p, def, ctx, stale, other_year.data());
                    INFO("indicator " << def.code << " of set " << p.sets[def.set].name << ", region " << g
                                      << ", year " << year << ", round " << round);
                    CHECK(same(found, read));
                    CHECK(same(found, stale));
                    ++judged;
                    differ_by_status += found.status != Status::met;
                }
            }
        }
    }
    CHECK(judged > 10000);
    CHECK(differ_by_status > 0);  // the values chosen fail some requirements, not only pass them
}
