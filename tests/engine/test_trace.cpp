// An evaluation without its trace (EvaluateOptions::trace false) and engine::trace(): every
// entity judged again gives exactly the indicator and criterion results the full evaluation
// kept, and the verdicts kept are the same — on the bundled rules and fixtures and on the rule
// sets of the golden cases (revocations, categories, unconfirmed figures, merged communes).
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <string>

#include "data/load.hpp"
#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::engine;

namespace {

// Equal, or both unknown.
bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

std::string differs(const IndicatorResult& a, const IndicatorResult& b) {
    if (a.status != b.status) return "status";
    if (a.applies_unknown != b.applies_unknown || a.region_unknown != b.region_unknown ||
        a.category_unknown != b.category_unknown)
        return "doubt flags";
    if (!same(a.low_min, b.low_min) || !same(a.low_max, b.low_max)) return "low_min/low_max";
    if (!same(a.value, b.value) || !same(a.low, b.low) || !same(a.high, b.high) || !same(a.gap, b.gap))
        return "value/threshold/gap";
    if (a.requirement != b.requirement || a.threshold_case != b.threshold_case || a.unconfirmed != b.unconfirmed)
        return "requirement/case/mark";
    return {};
}

bool same_criteria(const CriterionResult& a, const CriterionResult& b) {
    return a.status == b.status && a.unconfirmed == b.unconfirmed && a.met == b.met && a.not_met == b.not_met &&
           a.unknown == b.unknown && a.not_applicable == b.not_applicable;
}

bool same_levels(const LevelResult& a, const LevelResult& b) {
    return a.level == b.level && a.set == b.set && a.region == b.region && a.status == b.status &&
           a.prerequisite == b.prerequisite && a.criteria == b.criteria && a.criteria_met == b.criteria_met &&
           a.unconfirmed == b.unconfirmed && a.first_gate == b.first_gate;
}

bool same_entities(const EntityResult& a, const EntityResult& b) {
    return a.record == b.record && a.judged == b.judged && a.region == b.region && a.level == b.level &&
           a.level_max == b.level_max && a.criteria_met == b.criteria_met && a.criteria_unknown == b.criteria_unknown &&
           a.criteria_total == b.criteria_total && a.revoked == b.revoked && a.lost_level == b.lost_level &&
           a.lost_year == b.lost_year;
}

// Every year of `data_path` judged by the rules at `rules_path` both ways; returns the number of
// indicator results compared.
std::size_t compare(const std::string& rules_path, const std::string& data_path) {
    const std::string root = NTM_SOURCE_DIR;
    const support::CompiledRules rules = support::compile_rules(root + "/" + rules_path);
    const Program& p = rules.program;
    const Dataset data = data::load_data(root + "/" + data_path, p.schema);
    std::size_t compared = 0;
    for (const int year : data.years()) {
        INFO(rules_path << " × " << data_path << ", " << year);
        const Evaluation full = evaluate(p, data, {year, 2, kNone, true});
        const Evaluation compact = evaluate(p, data, {year, 2, kNone, false});
        REQUIRE(full.traced);
        REQUIRE_FALSE(compact.traced);
        CHECK(compact.indicators.empty());
        CHECK(compact.criteria.empty());
        REQUIRE(full.entities.size() == compact.entities.size());
        REQUIRE(full.levels.size() == compact.levels.size());
        for (std::size_t l = 0; l < full.levels.size(); ++l) REQUIRE(same_levels(full.levels[l], compact.levels[l]));
        REQUIRE(full.gates == compact.gates);
        REQUIRE(full.classes == compact.classes);
        REQUIRE(full.categories == compact.categories);
        REQUIRE(full.category_doubts == compact.category_doubts);
        REQUIRE(full.revocations.size() == compact.revocations.size());
        for (std::size_t q = 0; q < full.revocations.size(); ++q) {
            const RevocationResult& a = full.revocations[q];
            const RevocationResult& b = compact.revocations[q];
            REQUIRE((a.status == b.status && a.branch == b.branch && a.level_result == b.level_result &&
                     a.unconfirmed == b.unconfirmed && a.recognised_year == b.recognised_year && a.unmet == b.unmet &&
                     a.unknown == b.unknown && a.total == b.total));
        }
        for (std::uint32_t r = 0; r < full.entities.size(); ++r) {
            const EntityResult& er = full.entities[r];
            INFO("entity " << data.entities[data.records[er.record].entity].code);
            REQUIRE(same_entities(er, compact.entities[r]));
            const Trace kept = trace(p, data, full, r);
            const Trace again = trace(p, data, compact, r);
            for (std::uint32_t l = 0; l < er.level_count; ++l) {
                const LevelResult& lr = full.levels[er.first_level + l];
                if (lr.set == kNone) continue;
                const SetDef& s = p.sets[lr.set];
                for (std::uint32_t i = 0; i < s.indicator_count; ++i) {
                    INFO("indicator " << p.indicators[s.first_indicator + i].code);
                    REQUIRE(differs(kept.indicators(lr)[i], again.indicators(lr)[i]).empty());
                    REQUIRE(differs(full.indicators[lr.first_indicator + i], again.indicators(lr)[i]).empty());
                    ++compared;
                }
                for (std::uint32_t c = 0; c < s.criterion_count; ++c) REQUIRE(same_criteria(kept.criteria(lr)[c], again.criteria(lr)[c]));
            }
        }
    }
    return compared;
}

}  // namespace

TEST_CASE("engine: an entity judged again gives the results the full evaluation kept") {
    std::size_t compared = 0;
    compared += compare("rules", "fixtures/quang-nam/quang-nam.csv");
    compared += compare("rules", "fixtures/quang-nam/quang-nam.json");
    compared += compare("rules", "fixtures/da-nang/da-nang-2024-sap-nhap.csv");
    compared += compare("rules", "fixtures/da-nang/da-nang-2026.csv");
    compared += compare("rules", "fixtures/thanh-hoa/thanh-hoa-2026.csv");
    compared += compare("rules", "tests/golden/eval/sap_nhap/du-lieu.csv");
    compared += compare("tests/golden/eval/phu_ninh", "tests/golden/eval/phu_ninh_csv/phu-ninh-2024.csv");
    compared += compare("tests/golden/eval/thu_hoi", "tests/golden/eval/thu_hoi/du-lieu.csv");
    compared += compare("tests/golden/eval/nhom_xa", "tests/golden/eval/nhom_xa/du-lieu.csv");
    compared += compare("tests/golden/eval/chua_xac_nhan", "tests/golden/eval/chua_xac_nhan/du-lieu.csv");
    CHECK(compared > 10000);
}

TEST_CASE("engine: an explanation reads the same from an evaluation without its trace") {
    const std::string root = NTM_SOURCE_DIR;
    const support::CompiledRules rules = support::compile_rules(root + "/tests/golden/eval/thu_hoi");
    const Program& p = rules.program;
    const Dataset data = data::load_data(root + "/tests/golden/eval/thu_hoi/du-lieu.csv", p.schema);
    const Evaluation full = evaluate(p, data, {2024, 1, kNone, true});
    const Evaluation compact = evaluate(p, data, {2024, 1, kNone, false});
    std::size_t revocations = 0;
    for (std::uint32_t r = 0; r < full.entities.size(); ++r) {
        const EntityExplanation a = explain(p, data, full, r);
        const EntityExplanation b = explain(p, data, compact, r);
        REQUIRE(a.levels.size() == b.levels.size());
        for (std::size_t l = 0; l < a.levels.size(); ++l) {
            REQUIRE(a.levels[l].criteria.size() == b.levels[l].criteria.size());
            for (std::size_t c = 0; c < a.levels[l].criteria.size(); ++c) {
                const CriterionExplanation& ca = a.levels[l].criteria[c];
                const CriterionExplanation& cb = b.levels[l].criteria[c];
                REQUIRE(ca.status == cb.status);
                REQUIRE(ca.indicators.size() == cb.indicators.size());
                for (std::size_t i = 0; i < ca.indicators.size(); ++i) {
                    REQUIRE(ca.indicators[i].status == cb.indicators[i].status);
                    REQUIRE(same(ca.indicators[i].value, cb.indicators[i].value));
                    REQUIRE(same(ca.indicators[i].gap, cb.indicators[i].gap));
                }
            }
        }
        REQUIRE(a.revocations.size() == b.revocations.size());
        for (std::size_t q = 0; q < a.revocations.size(); ++q) {
            REQUIRE(a.revocations[q].unmet_criteria.size() == b.revocations[q].unmet_criteria.size());
            REQUIRE(a.revocations[q].unknown_criteria.size() == b.revocations[q].unknown_criteria.size());
        }
        revocations += a.revocations.size();
    }
    CHECK(revocations > 0);
}

TEST_CASE("engine: an aggregate reads the derived values of the records below") {
    // The evaluation copies no record's values: a derived one (ty_le) is laid over the Dataset's
    // where an aggregate of the district reads it, and the Dataset's are read as they are.
    support::CompiledRules r = support::compile_rules_text(R"(data xa {
  field km "Đường thôn": count
  field km_cung "Đường thôn cứng hóa": count
  derive ty_le "Tỷ lệ cứng hóa": percent = ratio(km_cung, km)
}
level huyen_thu "Huyện thử" {
  for huyen
  gate cung "Nửa số xã cứng hóa từ 80%": share(xa where ty_le >= 80) >= 50
  gate dai "Mọi xã có từ 10 km đường": share(xa where km >= 10) >= 100
}
)");
    Dataset data;
    const auto add = [&](const std::string& code, EntityKind kind, const std::string& parent,
                         const std::map<std::string, double>& values) {
        support::add_entity(data, r.program.schema, support::unit(code, kind, parent), 2024, values);
    };
    add("H", EntityKind::huyen, "", {});
    add("A", EntityKind::xa, "H", {{"km", 10}, {"km_cung", 9}});  // 90 %
    add("B", EntityKind::xa, "H", {{"km", 10}, {"km_cung", 5}});  // 50 %
    for (const bool kept : {true, false}) {
        INFO("trace kept: " << kept);
        const Evaluation ev = evaluate(r.program, data, {2024, 1, kNone, kept});
        const EntityResult& h = ev.entities[support::result_of(data, ev, "H")];
        REQUIRE(h.level_count == 1);
        const LevelResult& lr = ev.levels[h.first_level];
        CHECK(ev.gates[lr.first_gate] == Status::met);      // 1 of 2 communes from 80 %
        CHECK(ev.gates[lr.first_gate + 1] == Status::met);  // both have 10 km
        CHECK(lr.status == Status::met);
    }
}
