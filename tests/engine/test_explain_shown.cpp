// ExplainDetail::shown, what a report builds of each commune: the same explanation as a full one
// in everything a report reads — levels, the criteria of the first level, the next level and its
// blockers, the counts of estimates and unconfirmed figures — with the rest left out.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "data/load.hpp"
#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::engine;

namespace {

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

// Compares every commune of `data_path`, judged by rules/, both ways; returns how many
// explanations had blockers.
std::size_t compare(const std::string& data_path, int year, int* estimated_total) {
    const std::string root = NTM_SOURCE_DIR;
    const support::CompiledRules rules = support::compile_rules(root + "/rules");
    const Program& p = rules.program;
    const Dataset data = data::load_data(root + "/" + data_path, p.schema);
    const Evaluation ev = evaluate(p, data, {year, 1, kNone, false});
    std::size_t with_blockers = 0;
    for (std::uint32_t r = 0; r < ev.entities.size(); ++r) {
        const EntityExplanation full = explain(p, data, ev, r);
        const EntityExplanation shown = explain(p, data, ev, r, ExplainDetail::shown);
        INFO(data_path << ": " << full.code);
        CHECK(shown.estimated == full.estimated);
        CHECK(shown.unconfirmed == full.unconfirmed);
        CHECK(shown.level_name == full.level_name);
        CHECK(shown.next_level_name == full.next_level_name);
        *estimated_total += full.estimated;
        // Counted apart from the parts: the indicators and gate readings of every level.
        int parts = 0;
        for (const LevelExplanation& l : full.levels) {
            for (const CriterionExplanation& c : l.criteria) {
                for (const IndicatorExplanation& i : c.indicators) parts += i.estimated;
            }
            for (const GateExplanation& g : l.gates) {
                for (const GateReading& gr : g.reads) parts += gr.estimated;
            }
        }
        CHECK(full.estimated == parts);
        REQUIRE(shown.levels.size() == full.levels.size());
        for (std::size_t l = 0; l < full.levels.size(); ++l) {
            const LevelExplanation& a = full.levels[l];
            const LevelExplanation& b = shown.levels[l];
            CHECK(a.status == b.status);
            CHECK(a.unconfirmed == b.unconfirmed);
            CHECK(a.criteria_met == b.criteria_met);
            const bool next = !full.next_level_name.empty() && a.name == full.next_level_name;
            if (l == 0 || next) {
                REQUIRE(a.criteria.size() == b.criteria.size());
                for (std::size_t c = 0; c < a.criteria.size(); ++c) {
                    CHECK(a.criteria[c].status == b.criteria[c].status);
                    CHECK(b.criteria[c].indicators.size() == (next ? a.criteria[c].indicators.size() : 0));
                }
            } else {
                CHECK(b.criteria.empty());
                CHECK(b.gates.empty());
            }
        }
        REQUIRE(shown.blockers.size() == full.blockers.size());
        for (std::size_t k = 0; k < full.blockers.size(); ++k) {
            const Blocker& a = full.blockers[k];
            const Blocker& b = shown.blockers[k];
            CHECK(a.kind == b.kind);
            CHECK(same(a.closeness, b.closeness));
            CHECK(a.indicator.code == b.indicator.code);
            CHECK(a.indicator.rule == b.indicator.rule);
            CHECK(a.indicator.estimated == b.indicator.estimated);
            CHECK(a.gate.name == b.gate.name);
            CHECK(a.responsible == b.responsible);
        }
        with_blockers += !full.blockers.empty();
    }
    return with_blockers;
}

}  // namespace

TEST_CASE("engine: an explanation of what a report shows agrees with the full one") {
    int estimated = 0;
    CHECK(compare("fixtures/quang-nam/quang-nam.csv", 2024, &estimated) > 0);
    CHECK(compare("tests/golden/report/md_sap_nhap/du-lieu.csv", 2024, &estimated) > 0);
    CHECK(estimated > 0);  // the merged commune's estimates are counted in both
}
