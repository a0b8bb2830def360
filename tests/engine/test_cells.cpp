// The cells of a threshold: every value its tree can give, and the one a judgement reached.
#include <catch2/catch.hpp>

#include "engine/cells.hpp"
#include "tests/support/engine_world.hpp"

using namespace engine_test;

namespace {

const IndicatorDef& indicator(const Program& p, const std::string& set, const std::string& code) {
    const std::uint32_t s = p.set_index(set);
    REQUIRE(s != kNone);
    const SetDef& def = p.sets[s];
    for (std::uint32_t i = def.first_indicator; i < def.first_indicator + def.indicator_count; ++i) {
        if (p.indicators[i].code == code) return p.indicators[i];
    }
    FAIL("no indicator " << code);
    return p.indicators.front();
}

std::uint32_t low_of(const Program& p, const IndicatorDef& d) { return p.requirements[d.first_requirement].low; }

}  // namespace

TEST_CASE("a region table has one cell per region, in official order", "[cells]") {
    World w;
    const std::uint32_t root = low_of(w.program, indicator(w.program, "s", "2.2"));
    const auto cells = threshold_cells(w.program, root);
    REQUIRE(cells.size() == 7);
    CHECK(cells[0].value == 70);
    CHECK(cells[1].value == 100);
    REQUIRE(cells[1].choice(ThresholdKind::by_region) != nullptr);
    CHECK(cells[1].choice(ThresholdKind::by_region)->index == region_index(Region::DBSH));
    CHECK(cells[1].choice(ThresholdKind::by_year) == nullptr);
    CellQuery q;
    q.region = Region::DNB;
    q.year = 2024;
    CHECK(cell_reached(w.program, root, cells, q) == 5);
}

TEST_CASE("a table by region and year has a cell per region and year", "[cells]") {
    World w;
    const std::uint32_t root = low_of(w.program, indicator(w.program, "s", "10"));
    const auto cells = threshold_cells(w.program, root);
    REQUIRE(cells.size() == 14);
    CHECK(cells[6].value == 44);  // DHNTB 2023
    CHECK(cells[7].value == 48);  // DHNTB 2024
    REQUIRE(cells[7].choice(ThresholdKind::by_year) != nullptr);
    CHECK(cells[7].choice(ThresholdKind::by_year)->from == 2024);
    CellQuery q;
    q.region = Region::DHNTB;
    q.year = 2023;
    CHECK(cell_reached(w.program, root, cells, q) == 6);
    q.year = 2030;  // no entry for the year
    CHECK(cell_reached(w.program, root, cells, q) == kNone);
}

TEST_CASE("a threshold by case has a cell per case, reached by the case taken", "[cells]") {
    World w;
    const std::uint32_t root = low_of(w.program, indicator(w.program, "s", "17.1"));
    const auto cells = threshold_cells(w.program, root);
    REQUIRE(cells.size() == 2);
    CHECK(cells[0].value == 40);
    CHECK(cells[1].value == 50);
    const CellChoice* c = cells[1].choice(ThresholdKind::cases);
    REQUIRE(c != nullptr);
    CellQuery q;
    q.taken_case = c->entry;
    CHECK(cell_reached(w.program, root, cells, q) == 1);
    q.taken_case = kNone;
    CHECK(cell_reached(w.program, root, cells, q) == kNone);
}

TEST_CASE("a constant has one cell with no choice", "[cells]") {
    World w;
    const std::uint32_t root = low_of(w.program, indicator(w.program, "qn", "2.2"));
    const auto cells = threshold_cells(w.program, root);
    REQUIRE(cells.size() == 1);
    CHECK(cells[0].path.empty());
    CHECK(cells[0].value == 95);
    CHECK(cell_reached(w.program, root, cells, CellQuery{}) == 0);
    CHECK(threshold_cells(w.program, kNone).empty());
}

TEST_CASE("a case within a case is reached through the outer case taken", "[cells]") {
    const support::CompiledRules r = support::compile_rules_text(R"(data xa {
  field so_truong "Số trường": count
  field ty_le "Tỷ lệ trường": percent
}
set s "Bộ thử" {
  for xa
  valid 2024..2024
  criterion 5 "Trường học" {
    indicator 5 "Tỷ lệ trường đạt chuẩn" {
      unit percent
      value ty_le
      require >= when so_truong = 0: 100
                 else by region {
                   TDMNPB: when so_truong > 3: 70
                           else 50
                   DBSH: 100
                   BTB: 80
                   DHNTB: 80
                   TN: 70
                   DNB: 100
                   DBSCL: 70
                 }
    }
  }
}
)");
    const Program& p = r.program;
    const std::uint32_t root = low_of(p, indicator(p, "s", "5"));
    const auto cells = threshold_cells(p, root);
    REQUIRE(cells.size() == 9);  // the first case, TDMNPB's two cases, six regions
    CHECK(cells[1].value == 70);
    CHECK(cells[2].value == 50);
    const CellChoice* inner = cells[2].choice(ThresholdKind::cases);
    REQUIRE(inner != nullptr);
    CHECK(inner->index == 1);  // the outer `else`, first on the path
    CellQuery q;
    q.region = Region::TDMNPB;
    q.year = 2024;
    q.taken_case = cells[2].path.back().entry;  // the inner `else`: what the judge records
    CHECK(cell_reached(p, root, cells, q) == 2);
    q.taken_case = cells[0].path.back().entry;  // the outer first case
    CHECK(cell_reached(p, root, cells, q) == 0);
    q.region = Region::BTB;  // the outer `else`, and no inner case
    q.taken_case = cells[4].path.front().entry;
    CHECK(cell_reached(p, root, cells, q) == 4);
}
