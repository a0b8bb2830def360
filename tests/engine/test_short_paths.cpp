// The evaluator's short ways to a result give what the long ways give: an expression of one
// instruction read without the VM's loop (engine::run against engine::run_code), and a
// criterion's counts kept in one register (judge_criterion).
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "engine/judge.hpp"
#include "engine/vm.hpp"

using namespace ntm;
using namespace ntm::engine;

namespace {

bool same(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

}  // namespace

TEST_CASE("vm: an expression of one slot or one constant reads as the VM reads it") {
    Program p;
    p.code.push_back({OpCode::push_slot, 0, 0, 0});        // the first slot
    p.code.push_back({OpCode::push_slot, 1, 0, 0});        // the second
    p.code.push_back({OpCode::push_slot, kNone, 0, 0});    // a column the data lack
    p.code.push_back({OpCode::push_const, 0, 0, 2.5});     // a constant
    p.code.push_back({OpCode::push_year, 0, 0, 0});        // not short: through the VM
    p.code.push_back({OpCode::push_slot, 0, 0, 0});        // two instructions: slot >= constant
    p.code.push_back({OpCode::push_const, 0, 0, 1.0});
    p.code.push_back({OpCode::ge, 0, 0, 0});
    const std::vector<double> slots = {1.5, kUnknown};
    ExprContext ctx;
    ctx.slots = slots.data();
    ctx.year = 2024;
    const std::vector<ExprRef> exprs = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 8}, {}};
    const std::vector<double> expected = {1.5, kUnknown, kUnknown, 2.5, 2024, 1, kUnknown};
    for (std::size_t i = 0; i < exprs.size(); ++i) {
        INFO("expression " << i);
        CHECK(same(run(p, exprs[i], ctx), expected[i]));
        CHECK(same(run(p, exprs[i], ctx), run_code(p, exprs[i], ctx)));
    }
}

TEST_CASE("judge: a criterion counts its indicators by status, whatever their number") {
    const std::vector<Status> order = {Status::met,     Status::not_met, Status::unknown, Status::not_applicable,
                                       Status::met,     Status::met,     Status::not_met};
    std::vector<IndicatorResult> results;
    for (int round = 0; round < 300; ++round) {  // 2 100 indicators: counts past 255 in each place
        for (Status s : order) results.emplace_back().status = s;
    }
    CriterionDef def;
    def.indicator_count = static_cast<std::uint32_t>(results.size());
    def.combine = dsl::CombineKind::at_least;
    def.at_least = 900;
    const CriterionResult c = judge_criterion(def, results.data());
    CHECK(c.met == 900);
    CHECK(c.not_met == 600);
    CHECK(c.unknown == 300);
    CHECK(c.not_applicable == 300);
    CHECK(c.status == Status::met);
    def.at_least = 1000;  // 900 met and 300 unknown: the unknown could make up the difference
    CHECK(judge_criterion(def, results.data()).status == Status::unknown);
    def.at_least = 1300;
    CHECK(judge_criterion(def, results.data()).status == Status::not_met);
}
