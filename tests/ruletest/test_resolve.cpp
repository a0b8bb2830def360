// Resolving tests against the rules: every name the rules lack, every value of the wrong kind
// and every year no set covers is an error at its place, and nothing is run.
#include <catch2/catch.hpp>

#include "tests/support/ruletest_world.hpp"

using namespace ruletest_test;

namespace {

// Runs one test whose lines are `body` (after `test "T" {`), and gives the diagnostics' codes.
std::vector<std::string> codes_of(World& w, const std::string& body) {
    w.load("test \"T\" {\n" + body + "}\n");
    w.run();
    return w.codes();
}

}  // namespace

TEST_CASE("unknown names are errors with a suggestion", "[ruletest][resolve]") {
    World w;
    CHECK(codes_of(w, "  for xá\n  year 2024\n") == std::vector<std::string>{"T0101 2:7"});
    World w2;
    CHECK(codes_of(w2, "  year 2024\n  region DBHS\n  given hai_lon = 95, 2.9 = 1\n  expect indicator 2.7 met\n"
                       "  expect level dat_chuann\n  expect gate dat_chuan hai_lng met\n  expect revocation thu_ho keep\n"
                       "  expect category nhom nhom_4\n") ==
          std::vector<std::string>{"T0102 3:10", "T0103 4:9", "T0103 4:23", "T0105 5:20", "T0104 6:16", "T0107 7:25",
                                   "T0108 8:21", "T0109 9:24"});
    INFO(w2.errors());
    CHECK_THAT(w2.errors(), Catch::Contains("lỗi[T0102]: không có vùng 'DBHS'"));
    CHECK_THAT(w2.errors(), Catch::Contains("gợi ý: có phải là 'DBSH'?"));
    CHECK_THAT(w2.errors(), Catch::Contains("gợi ý: có phải là 'hai_long'?"));
    CHECK_THAT(w2.errors(), Catch::Contains("không có chỉ tiêu '2.7' trong bộ tiêu chí s"));
    CHECK_THAT(w2.errors(), Catch::Contains("gợi ý: có phải là 'dat_chuan'?"));
    CHECK(w2.suite.outcomes.empty());  // nothing is run
}

TEST_CASE("values must suit their column", "[ruletest][resolve]") {
    World w;
    CHECK(codes_of(w, "  year 2024\n  region DBSH\n  given hai_long = yes, no_dong = 1, 2.1 = 120, 9.1 = 1.5, km = 3%\n"
                      "  given ty_le = 50, 2.2 = 80, hai_long = 95\n") ==
          std::vector<std::string>{"T0201 4:20", "T0201 4:35", "T0202 4:44", "T0202 4:55", "T0201 4:65", "T0203 5:9",
                                   "T0204 5:21"});
    INFO(w.errors());
    CHECK_THAT(w.errors(), Catch::Contains("cột 'hai_long' (%) nhận một số, không nhận yes hay no"));
    CHECK_THAT(w.errors(), Catch::Contains("tỷ lệ phần trăm phải từ 0 đến 100, gặp 120"));
    CHECK_THAT(w.errors(), Catch::Contains("chỉ tiêu 2.2 của bộ tiêu chí s được tính từ các số liệu khác (") && Catch::Contains("rules.ntm:49): hãy cho các số liệu đó"));
}

TEST_CASE("an indicator's code names the column the standard set reads in the test's years", "[ruletest][resolve]") {
    World w;
    w.load(R"(test "3.1 là thu nhập" {
  year 2026
  category nhom nhom_3
  given 3.1 = 49
  expect indicator 3.1 not_met
}
test "1 là kết quả nâng cao" {
  year 2024
  region DBSH
  given 1 = no
  expect criterion 1 in nang_cao not_met
  expect criterion 1 met
}
)");
    w.run();
    INFO(w.errors());
    REQUIRE_FALSE(w.suite.diags.has_errors());
    REQUIRE(w.suite.resolved[0].size() == 2);
    CHECK(w.program.schema.columns[1][w.suite.resolved[0][0].given[0].slot].name == "thu_nhap");
    CHECK(w.program.schema.columns[1][w.suite.resolved[0][1].given[0].slot].name == "nc");
    CHECK(w.suite.failed() == 0);
}

TEST_CASE("a given column named twice, a threshold of a yes/no indicator, a bad criteria count", "[ruletest][resolve]") {
    World w;
    CHECK(codes_of(w, "  year 2024\n  region DBSH\n  given 2.1 = 50\n  given 2.1 = 60\n  expect threshold 1.1 1\n"
                      "  expect criteria_met 2.5\n") ==
          std::vector<std::string>{"T0110 5:9", "T0205 6:20", "T0206 7:23"});
}

TEST_CASE("a year no set covers, and a region the thresholds need, are errors", "[ruletest][resolve]") {
    World w;
    CHECK(codes_of(w, "  year 2025\n") == std::vector<std::string>{"T0301 2:8"});
    INFO(w.errors());
    CHECK_THAT(w.errors(), Catch::Contains("không có bộ tiêu chí hay mức công nhận nào cho xa có hiệu lực năm 2025"));
    World w2;
    CHECK(codes_of(w2, "  year 2024\n") == std::vector<std::string>{"T0302 1:6"});
    CHECK_THAT(w2.errors(), Catch::Contains("bài kiểm tra cần dòng 'region': bộ tiêu chí s có ngưỡng theo vùng"));
    World w3;  // 2026: thresholds by commune group, no region needed
    CHECK(codes_of(w3, "  year 2026\n").empty());
}

TEST_CASE("a test runs once per year, region and category member", "[ruletest][resolve]") {
    World w;
    w.load(R"(test "Nhiều lần" {
  year 2023..2024
  region all
  category nhom nhom_1, nhom_2
}
test "Quá nhiều" {
  year 2023..2024
  region all
  category nhom all
  expect level none
}
)");
    w.run();
    INFO(w.errors());
    REQUIRE(w.suite.resolved.size() == 1);
    REQUIRE(w.suite.resolved[0].size() == 2);
    const ResolvedTest& t = w.suite.resolved[0][0];
    REQUIRE(t.runs.size() == 2 * 7 * 2);
    CHECK(t.runs[0].year == 2023);
    CHECK(t.runs[0].region == ntm::engine::Region::TDMNPB);
    CHECK(t.runs[0].categories[0] == 0);
    CHECK(t.runs[1].categories[0] == 2);  // nhom_2 is the third member as written
    CHECK(t.runs[2].region == ntm::engine::Region::DBSH);
    CHECK(t.runs.back().year == 2024);
    CHECK(w.suite.resolved[0][1].runs.size() == 2 * 7 * 3);
}

TEST_CASE("a test of more runs than the limit is an error", "[ruletest][resolve]") {
    World w;
    std::string regions;
    for (int i = 0; i < 200; ++i) regions += i == 0 ? "DBSH" : ", DBSH";
    CHECK(codes_of(w, "  year 2023..2024\n  region " + regions + "\n  category nhom all\n") ==
          std::vector<std::string>{"T0304 1:6"});
}
