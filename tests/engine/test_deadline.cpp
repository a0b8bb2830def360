// EvaluateOptions::deadline: an evaluation past it stops and throws TimeUp, on one thread or
// several; one with time to spare gives exactly what an evaluation without a deadline gives.
#include <catch2/catch.hpp>

#include <chrono>

#include "data/load.hpp"
#include "engine/evaluate.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::engine;

TEST_CASE("an evaluation past its deadline stops with TimeUp; with time to spare it is unchanged", "[engine]") {
    const std::string root = NTM_SOURCE_DIR;
    const support::CompiledRules rules = support::compile_rules(root + "/rules");
    const Dataset data = data::load_data(root + "/fixtures/quang-nam/phu-ninh.csv", rules.program.schema);
    const int year = data.years().back();
    const auto now = std::chrono::steady_clock::now();
    for (const unsigned threads : {1u, 2u}) {
        INFO(threads << " thread(s)");
        CHECK_THROWS_AS(evaluate(rules.program, data, {year, threads, kNone, false, now}), TimeUp);
        const Evaluation plain = evaluate(rules.program, data, {year, threads, kNone, false});
        const Evaluation timed = evaluate(rules.program, data, {year, threads, kNone, false, now + std::chrono::hours(1)});
        REQUIRE(plain.entities.size() == timed.entities.size());
        REQUIRE_FALSE(plain.entities.empty());
        for (std::size_t e = 0; e < plain.entities.size(); ++e) {
            CHECK(plain.entities[e].level == timed.entities[e].level);
            CHECK(plain.entities[e].criteria_met == timed.entities[e].criteria_met);
        }
        REQUIRE(plain.levels.size() == timed.levels.size());
        for (std::size_t l = 0; l < plain.levels.size(); ++l) CHECK(plain.levels[l].status == timed.levels[l].status);
    }
}
