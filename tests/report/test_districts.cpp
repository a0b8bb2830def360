// The districts' progress (report_districts): one row per district, in code order, whatever the
// order of the records in the file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "data/load.hpp"
#include "engine/evaluate.hpp"
#include "report/report.hpp"
#include "report/text.hpp"
#include "tests/support/support.hpp"

using namespace ntm;

namespace {

// The data rows of a CSV file in the reverse order, under its header.
std::string reversed_rows(const std::string& csv) {
    std::vector<std::string> lines;
    for (std::size_t begin = 0; begin < csv.size();) {
        const std::size_t end = std::min(csv.find('\n', begin), csv.size());
        lines.push_back(csv.substr(begin, end - begin));
        begin = end + 1;
    }
    std::reverse(lines.begin() + 1, lines.end());
    std::string out;
    for (const std::string& line : lines) out.append(line).append("\n");
    return out;
}

std::vector<report::DistrictProgress> districts_of(const support::CompiledRules& rules, const std::string& path) {
    // As `ntm eval` reads it: against the official lists.
    const engine::Dataset data = data::load_data(path, rules.program.schema, support::official_lists());
    const engine::Evaluation ev = engine::evaluate(rules.program, data, {2024, 1, engine::kNone});
    return report::report_districts(rules.program, data, ev, engine::kNone);
}

}  // namespace

TEST_CASE("report: the districts' progress is in code order, whatever the file's order", "[report]") {
    const support::CompiledRules rules = support::compile_rules(std::string(NTM_SOURCE_DIR) + "/rules");
    const std::string path = std::string(NTM_SOURCE_DIR) + "/fixtures/quang-nam/quang-nam.csv";
    const std::vector<report::DistrictProgress> in_order = districts_of(rules, path);
    const std::vector<report::DistrictProgress> reversed =
        districts_of(rules, support::write_temp("quang-nam-reversed.csv", reversed_rows(support::read_file(path))));

    REQUIRE(in_order.size() == 17);  // Quảng Nam's districts, towns and cities with communes (502 to 518)
    for (std::size_t i = 1; i < in_order.size(); ++i) {
        CHECK(report::code_order(in_order[i - 1].unit.code, in_order[i].unit.code));
    }
    REQUIRE(reversed.size() == in_order.size());
    for (std::size_t i = 0; i < in_order.size(); ++i) {
        INFO(in_order[i].unit.code);
        CHECK(reversed[i].unit.code == in_order[i].unit.code);
        CHECK(reversed[i].unit.name == in_order[i].unit.name);
        CHECK(reversed[i].communes == in_order[i].communes);
        CHECK(reversed[i].uncertain == in_order[i].uncertain);
        CHECK(reversed[i].at_least == in_order[i].at_least);
    }
    // Phú Ninh (518) in 2024: 9 communes; 5 đạt chuẩn or higher, 2 nâng cao or higher, 1 kiểu mẫu.
    const auto phu_ninh = std::find_if(in_order.begin(), in_order.end(),
                                       [](const report::DistrictProgress& d) { return d.unit.code == "518"; });
    REQUIRE(phu_ninh != in_order.end());
    CHECK(phu_ninh->unit.name == "Huyện Phú Ninh");
    CHECK(phu_ninh->communes == 9);
    CHECK(phu_ninh->at_least == std::vector<std::size_t>{5, 2, 1, 0});
}
