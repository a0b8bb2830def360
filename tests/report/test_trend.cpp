// The comparison with the previous year (report/trend.cpp) when the previous year's evaluation is
// made once and shared (`ntm report --by huyen`): the same comparison as when each report makes
// its own, and never one of another year.
#include <catch2/catch.hpp>

#include "data/load.hpp"
#include "engine/evaluate.hpp"
#include "report/report.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::engine;
using namespace ntm::report;

namespace {

// Rules and data of two years (2023, 2024) of the golden case md_xu_huong.
const std::string kCase = std::string(NTM_SOURCE_DIR) + "/tests/golden/report/md_xu_huong/";

bool same(const std::vector<TrendChange>& a, const std::vector<TrendChange>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].unit.code != b[i].unit.code || a[i].before != b[i].before || a[i].after != b[i].after ||
            a[i].met_before != b[i].met_before || a[i].met_after != b[i].met_after) {
            return false;
        }
    }
    return true;
}

}  // namespace

TEST_CASE("trend: the previous year's evaluation made once gives each report the same comparison", "[report][trend]") {
    const support::CompiledRules rules = support::compile_rules(kCase + "quy-dinh.ntm");
    const Program& program = rules.program;
    const Dataset data = ntm::data::load_data(kCase + "du-lieu.csv", program.schema);
    const Evaluation ev = evaluate(program, data, {2024, 1, kNone});

    const std::optional<Evaluation> previous = previous_evaluation(program, data, ev, 1);
    REQUIRE(previous);
    CHECK(previous->year == 2023);

    ReportOptions own, shared;
    shared.previous = &*previous;
    const Report a = build_report(program, data, ev, own);
    const Report b = build_report(program, data, ev, shared);
    REQUIRE(a.overview.trend.year == 2023);
    CHECK(a.overview.trend.compared > 0);
    CHECK(b.overview.trend.year == a.overview.trend.year);
    CHECK(b.overview.trend.compared == a.overview.trend.compared);
    CHECK(same(a.overview.trend.recognised, b.overview.trend.recognised));
    CHECK(same(a.overview.trend.lost, b.overview.trend.lost));
    CHECK(same(a.overview.trend.criteria_up, b.overview.trend.criteria_up));
    CHECK(same(a.overview.trend.criteria_down, b.overview.trend.criteria_down));
    CHECK(a.overview.trend.criteria_up.size() + a.overview.trend.criteria_down.size() > 0);

    // An evaluation of another year is not taken for the previous one.
    ReportOptions wrong;
    wrong.previous = &ev;
    const Report c = build_report(program, data, ev, wrong);
    CHECK(c.overview.trend.compared == a.overview.trend.compared);
    CHECK(same(c.overview.trend.criteria_up, a.overview.trend.criteria_up));
    CHECK(same(c.overview.trend.criteria_down, a.overview.trend.criteria_down));

    // No earlier year: nothing to evaluate.
    const Evaluation first = evaluate(program, data, {2023, 1, kNone});
    CHECK_FALSE(previous_evaluation(program, data, first, 1));
}
