// Coverage: a cell, an indicator, a level's requirement or a revocation branch counts only when
// tests saw it on both sides of its boundary; what was seen on one side is listed apart.
#include <catch2/catch.hpp>

#include "tests/support/ruletest_world.hpp"

using namespace ruletest_test;

namespace {

const SetCoverage& of(const World& w, const std::string& set) {
    for (const SetCoverage& s : w.suite.coverage) {
        if (w.program.sets[s.set].name == set) return s;
    }
    FAIL("no coverage of " << set);
    return w.suite.coverage.front();
}

// The sides seen of the cell of indicator `code` of set `set` whose path ends in a region
// (or kNone for a cell without one) and, if asked, a `when` case by its index.
Sides cell(const World& w, const std::string& set, const std::string& code, int region,
           int when_case = -1) {
    for (const CellItem& c : of(w, set).cells) {
        if (w.program.indicators[c.indicator].code != code) continue;
        const auto* r = c.cell.choice(ntm::engine::ThresholdKind::by_region);
        const auto* k = c.cell.choice(ntm::engine::ThresholdKind::cases);
        if ((region < 0 ? r == nullptr : r != nullptr && static_cast<int>(r->index) == region) &&
            (when_case < 0 || (k != nullptr && static_cast<int>(k->index) == when_case)))
            return c.sides;
    }
    FAIL("no cell of " << code);
    return {};
}

constexpr int kDBSH = 1;

}  // namespace

TEST_CASE("a cell judged on one side is half covered; on both, covered", "[ruletest][coverage]") {
    World w;
    w.load("test \"Đạt\" {\n  year 2024\n  region DBSH\n}\n");
    w.run(true, {"s"});
    INFO(w.errors());
    Sides s = cell(w, "s", "2.1", kDBSH);
    CHECK(s.met);
    CHECK_FALSE(s.not_met);
    CHECK_FALSE(cell(w, "s", "2.1", 0).any());  // TDMNPB: not judged
    const Counts half = count(of(w, "s").cells);
    CHECK(half.both == 0);
    CHECK(half.one > 0);

    World both;
    both.load("test \"Đạt\" {\n  year 2024\n  region DBSH\n}\ntest \"Không đạt\" {\n  year 2024\n  region DBSH\n  others fail\n}\n");
    both.run(true, {"s"});
    CHECK(cell(both, "s", "2.1", kDBSH).both());
    CHECK(cell(both, "s", "1.1", -1).both());  // yes/no: one cell
    CHECK(cell(both, "s", "11", -1, 1).both());  // `else`: so_truong is 0
    CHECK_FALSE(cell(both, "s", "11", -1, 0).any());
    const std::string text = render_coverage(both.program, both.suite.coverage, Format::text);
    CHECK_THAT(text, Catch::Contains("ô ngưỡng của chỉ tiêu 2.1, vùng TDMNPB: ≥ 50 %"));
    CHECK_THAT(text, Catch::Contains("ô ngưỡng của chỉ tiêu 11, khi so_truong > 3: ≤ 5 %"));
    CHECK_THAT(text, Catch::Contains("    - ô ngưỡng của chỉ tiêu 10, năm 2023: ≥ 40 triệu đồng/người/năm\n"));
}

TEST_CASE("cells are counted per region, year and case; unknown verdicts count for nothing", "[ruletest][coverage]") {
    World w;
    w.load(R"(test "Đạt, mọi vùng, mọi năm" {
  year 2023..2024
  region all
}
test "Không đạt, mọi vùng, mọi năm" {
  year 2023..2024
  region all
  others fail
}
test "Nhiều trường" {
  year 2024
  region DBSH
  given so_truong = 4, 11 = 5
}
test "Nhiều trường, không đạt" {
  year 2024
  region DBSH
  given so_truong = 4, 11 = 5.1
}
test "Có làng nghề" {
  year 2024
  region DBSH
  given co_lang_nghe = yes, 13.4 = yes
}
test "Có làng nghề, không đạt" {
  year 2024
  region DBSH
  given co_lang_nghe = yes, 13.4 = no
}
)");
    w.run(true, {"s"});
    INFO(w.errors());
    const SetCoverage& s = of(w, "s");
    const Counts cells = count(s.cells);
    INFO(render_coverage(w.program, w.suite.coverage, Format::text));
    CHECK(cells.total == 1 + 7 + 1 + 1 + 2 + 2 + 1);  // 1.1, 2.1 by region, 2.2, 9.1, 10 by year, 11 by case, 13.4
    CHECK(cells.both == cells.total);
    CHECK(share_text(cells) == "100 %");
    CHECK(count(s.indicators).both == 7);
    CHECK(below_minimum(w.program, w.suite.coverage, 100).empty());

    World missing;
    missing.load("test \"Thiếu\" {\n  year 2024\n  region DBSH\n  others missing\n}\n");
    missing.run(true, {"s"});
    CHECK(count(of(missing, "s").cells).one == 0);
    CHECK(count(of(missing, "s").cells).both == 0);
}

TEST_CASE("levels: all criteria, the level before, each gate; revocation: each branch", "[ruletest][coverage]") {
    World w;
    w.load(R"(test "Đạt" {
  year 2024
  region DBSH
  recognised dat_chuan 2020
}
test "Không đạt" {
  year 2024
  region DBSH
  recognised dat_chuan 2020
  others fail
}
)");
    w.run(true, {"s", "s_nc"});
    INFO(render_coverage(w.program, w.suite.coverage, Format::text));
    const SetCoverage& s = of(w, "s");
    REQUIRE(s.levels.size() == 3);  // criteria, hai_long, no_dong
    CHECK(count(s.levels).both == 3);
    const SetCoverage& nc = of(w, "s_nc");
    REQUIRE(nc.levels.size() == 2);  // criteria, the level before
    CHECK(nc.levels[1].what == LevelItem::What::prerequisite);
    CHECK(nc.levels[1].sides.both());
    REQUIRE(s.branches.size() == 2);
    CHECK_FALSE(s.branches[0].sides.met);  // a: nothing was revoked by it
    CHECK(s.branches[0].sides.not_met);    // kept
    CHECK(s.branches[1].sides.both());     // b: revoked, and kept
    const std::string text = render_coverage(w.program, w.suite.coverage, Format::text);
    CHECK_THAT(text, Catch::Contains("thu hồi theo thu_hoi, trường hợp a — chưa có kết quả thu hồi theo trường hợp này"));
    CHECK_THAT(text, Catch::Contains("Trường hợp thu hồi đã có kết quả thu hồi và không thu hồi: 1/2 (50 %); 1 mới xét một phía"));
}

TEST_CASE("thresholds by category are cells per member", "[ruletest][coverage]") {
    World w;
    w.load(R"(test "Đạt" {
  year 2026
  category nhom all
}
test "Không đạt" {
  year 2026
  category nhom nhom_1, nhom_2
  others fail
}
)");
    w.run(true);
    INFO(w.errors());
    REQUIRE(w.suite.coverage.size() == 1);  // only s2026 was judged
    const SetCoverage& s = of(w, "s2026");
    REQUIRE(s.cells.size() == 3);  // in the order the category lists its members: 1, 3, 2
    CHECK(s.cells[0].sides.both());
    CHECK(s.cells[1].sides.met);
    CHECK_FALSE(s.cells[1].sides.not_met);
    CHECK(s.cells[2].sides.both());
    CHECK_THAT(render_coverage(w.program, w.suite.coverage, Format::text),
               Catch::Contains("ô ngưỡng của chỉ tiêu 3.1, nhom nhom_3: ≥ 50 triệu đồng/người/năm — chưa có kết quả không đạt"));
}

TEST_CASE("the minimum coverage: a set below it, and shares never rounded up to 100 %", "[ruletest][coverage]") {
    World w;
    w.load("test \"Đạt\" {\n  year 2024\n  region DBSH\n}\n");
    w.run(true, {"s"});
    const std::vector<ntm::text::Message> below = below_minimum(w.program, w.suite.coverage, 50);
    REQUIRE(below.size() == 1);
    CHECK(below[0].vi() == "độ phủ ô ngưỡng của bộ tiêu chí s là 0 %, thấp hơn mức yêu cầu 50 %");
    CHECK(below_minimum(w.program, w.suite.coverage, 0).empty());
    Counts c;
    c.total = 2000;
    c.both = 1999;
    CHECK(share_text(c) == "99,9 %");
    c.both = 2000;
    CHECK(share_text(c) == "100 %");
    c = Counts{};
    CHECK(share_text(c) == "100 %");  // nothing to cover
}
