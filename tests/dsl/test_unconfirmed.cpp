// `unconfirmed "reason"`: where the grammar takes a mark, what the tree keeps, the checks on
// it (E0801, E0802), the canonical layout `ntm fmt` gives it and the list of check --unconfirmed.
#include <catch2/catch.hpp>
#include <string>

#include "dsl/ast_dump.hpp"
#include "dsl/formatter.hpp"
#include "dsl/parser.hpp"
#include "dsl/unconfirmed.hpp"
#include "report/unconfirmed_list.hpp"
#include "tests/support/support.hpp"

using namespace ntm::dsl;

namespace {

std::unique_ptr<support::ParsedText> parse(const std::string& text) { return support::parse_text(text); }

std::string codes(const support::ParsedText& p) {
    std::string out;
    for (const Diagnostic& d : p.diags.items()) out += d.code + " ";
    return out;
}

const char* kMarked = R"(set s "S" {
  unconfirmed "cả bộ"
  for xa
  valid 2021..2025
  criterion 2 "Giao thông" {
    unconfirmed "tiêu chí"
    indicator 2.1 "Đường xã" {
      unconfirmed "chỉ tiêu"
      unit percent
      require >= 100 unconfirmed "mức"
    }
    indicator 2.2 "Đường thôn" {
      unit percent
      require >= by year {
        2021..2023: 50 unconfirmed "ô năm"
        2024..2025: by region {
          TDMNPB: 50
          DBSH: 100 unconfirmed "ô vùng"
          BTB: 70
          DHNTB: 70
          TN: 70
          DNB: 100
          DBSCL: 50
        }
      }
    }
  }
}

level l "L" {
  for xa
  meets s
  gate g "G": hai_long >= 90% unconfirmed "điều kiện"
}
)";

}  // namespace

TEST_CASE("unconfirmed: every place a mark stands is kept in the tree") {
    auto p = parse(kMarked);
    REQUIRE(codes(*p).empty());
    const auto& set = std::get<CriteriaSet>(p->file.decls[0]);
    REQUIRE(set.unconfirmed);
    CHECK(set.unconfirmed->reason.value == "cả bộ");
    const Criterion& c = set.criteria[0];
    CHECK(c.unconfirmed->reason.value == "tiêu chí");
    CHECK(c.indicators[0].unconfirmed->reason.value == "chỉ tiêu");
    CHECK(c.indicators[0].requirements[0].unconfirmed->reason.value == "mức");
    const Threshold& by_year = *c.indicators[1].requirements[0].low;
    CHECK_FALSE(c.indicators[1].requirements[0].unconfirmed);
    CHECK(by_year.years[0].unconfirmed->reason.value == "ô năm");
    CHECK_FALSE(by_year.years[1].unconfirmed);
    CHECK(by_year.years[1].value->regions[1].unconfirmed->reason.value == "ô vùng");
    const auto& level = std::get<LevelDecl>(p->file.decls[1]);
    CHECK(level.gates[0].unconfirmed->reason.value == "điều kiện");
    // The gate's condition ends before its mark.
    CHECK(p->sources.text(level.gates[0].condition->span) == "hai_long >= 90%");
}

TEST_CASE("unconfirmed: ntm fmt writes an item's mark first in its block and a figure's on its line") {
    const std::string messy = R"(set s "S" {
  for xa
  valid 2021..2025
  criterion 2 "Giao thông" {
    indicator 2.1 "Đường xã" {
      unit percent
      unconfirmed "chỉ tiêu"
      require >= 100
        unconfirmed   "mức"
    }
    unconfirmed "tiêu chí"
  }
  unconfirmed "cả bộ"
}
)";
    auto p = parse(messy);
    REQUIRE(codes(*p).empty());
    const std::string out = format(p->file, p->sources);
    CHECK(out == R"(set s "S" {
  unconfirmed "cả bộ"
  for xa
  valid 2021..2025
  criterion 2 "Giao thông" {
    unconfirmed "tiêu chí"
    indicator 2.1 "Đường xã" {
      unconfirmed "chỉ tiêu"
      unit percent
      require >= 100 unconfirmed "mức"
    }
  }
}
)");
    // And the canonical text of every place comes back as the same tree.
    auto again = parse(kMarked);
    const std::string canonical = format(again->file, again->sources);
    CHECK(canonical == kMarked);
    auto third = parse(canonical);
    CHECK(dump(third->file) == dump(again->file));
}

TEST_CASE("unconfirmed: a blank reason and a thing marked twice are errors") {
    CHECK(codes(*parse("set s { criterion 1 { unconfirmed \"\" } }")) == "E0801 ");
    CHECK(codes(*parse("set s { criterion 1 { unconfirmed \" \t\" } }")) == "E0801 ");
    CHECK(codes(*parse("set s { unconfirmed \"a\" unconfirmed \"b\" }")) == "E0802 ");
    CHECK(codes(*parse("set s { criterion 1 { indicator 1 { unit percent require >= 1 unconfirmed \"a\" "
                       "unconfirmed \"b\" } } }")) == "E0802 ");
    CHECK(codes(*parse("set s { criterion 1 { indicator 1 { unit percent require >= by year { 2021: 1 "
                       "unconfirmed \"a\" } unconfirmed \"b\" } } }")) == "E0802 ");
    CHECK(codes(*parse("level l { gate g: yes unconfirmed \"a\" unconfirmed \"b\" }")) == "E0802 ");
    // A mark needs its reason in quotes.
    CHECK(codes(*parse("set s { criterion 1 { indicator 1 { unit percent require >= 1 unconfirmed } } }")) == "E0001 ");
    // A mark on the indicator and one on its requirement are two things.
    CHECK(codes(*parse("set s { criterion 1 { indicator 1 { unconfirmed \"a\" unit percent require >= 1 "
                       "unconfirmed \"b\" } } }")).empty());
}

TEST_CASE("unconfirmed: the list names the set, the item, the figure and the reason, with counts") {
    auto p = parse(kMarked);
    Module module;
    module.files.push_back(std::move(p->file));
    const std::vector<MarkInfo> marks = unconfirmed_marks(module);
    REQUIRE(marks.size() == 7);
    CHECK(marks[0].on == MarkOn::set);
    CHECK(marks[3].figure == ">= 100");
    CHECK(marks[4].figure == ">= 2021..2023: 50");
    CHECK(marks[5].figure == ">= DBSH: 100");
    CHECK(marks[6].on == MarkOn::gate);
    CHECK(marks[6].owner == "l");
    const std::string text = ntm::report::render_unconfirmed(marks, p->sources, ntm::report::Lang::vi, false);
    CHECK(text.find("bộ tiêu chí s (S): 6 mức chưa xác nhận") != std::string::npos);
    CHECK(text.find("  t.ntm:10: 2.1 Đường xã: >= 100 — mức\n") != std::string::npos);
    CHECK(text.find("mức công nhận l (L): 1 mức chưa xác nhận") != std::string::npos);
    CHECK(text.find("Tổng số: 7 mức chưa xác nhận") != std::string::npos);
    const std::string md = ntm::report::render_unconfirmed(marks, p->sources, ntm::report::Lang::vi, true);
    CHECK(md.find("| `t.ntm:18` | 2.2 Đường thôn | `>= DBSH: 100` | ô vùng |") != std::string::npos);
}
