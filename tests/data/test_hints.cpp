// Data well formed but likely mistaken, said with the suspected fix: a percentage typed as a
// fraction where the rules ask for at least 10 % (D0211, the value kept), and a yes/no column
// holding numbers, likely another field's values (D0212, once per column).
#include <catch2/catch.hpp>

#include <cmath>

#include "data/load.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using support::load;
using support::problem_lines;
using support::write_temp;

namespace {

const char* kRules = R"(data xa {
  field hai_long "Tỷ lệ hài lòng": percent
  field ty_le_nha "Tỷ lệ nhà tạm": percent
}

set s "Bộ tiêu chí thử" {
  source "QĐ thử"
  for xa
  valid 2024..2024
  criterion 2 "Giao thông" {
    indicator 2.1 "Đường xã" {
      unit percent
      require >= by region {
        TDMNPB: 50
        DBSH: 100
        BTB: 70
        DHNTB: 70
        TN: 70
        DNB: 100
        DBSCL: 50
      }
    }
  }
  criterion 11 "Nghèo" {
    indicator 11 "Tỷ lệ hộ nghèo" {
      unit percent
      require <= 13
    }
  }
}

level dat_chuan "Xã đạt chuẩn" {
  for xa
  meets s
  gate hai_long "Hài lòng": hai_long >= 90%
}
)";

double value_of(const engine::Program& p, const engine::Dataset& ds, std::size_t record, const char* column) {
    const engine::Column* c = p.schema.find(engine::EntityKind::xa, column);
    REQUIRE(c != nullptr);
    return ds.values[ds.records[record].offset + c->slot];
}

}  // namespace

TEST_CASE("a percentage typed as a fraction where the rules ask for 10 % or more", "[data][hints]") {
    const support::CompiledRules rules = support::compile_rules_text(kRules);
    const std::string path = write_temp("fraction.csv",
                                        "code,name,type,parent,region,year,hai_long,2.1,11,ty_le_nha\n"
                                        "20365,Tam Thành,Xã,,DHNTB,2024,\"0,955\",\"0,7\",\"0,6\",\"0,5\"\n"
                                        "20368,Tam An,Xã,,DHNTB,2024,\"95,5\",1,0,0\n");
    data::LoadOptions options;
    options.program = &rules.program;
    const engine::Dataset ds = data::load_data(path, rules.program.schema, options);
    const auto lines = problem_lines(ds);
    INFO(Catch::Detail::stringify(lines));
    // The gate's 90 % and the highest of 2.1's thresholds by region; not the poverty rate (an
    // upper bound, which a true 0,6 % meets), nor an input no threshold reads.
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "2 D0211 warning hai_long: value 0,955 is likely a rate written as a fraction: write 95,5 (%); "
                      "the rules compare it with 90%");
    CHECK(lines[1] == "2 D0211 warning 2.1: value 0,7 is likely a rate written as a fraction: write 70 (%); "
                      "the rules compare it with 100%");
    CHECK(lines[2] == "3 D0211 warning 2.1: value 1 is likely a rate written as a fraction: write 100 (%); "
                      "the rules compare it with 100%");
    CHECK(ds.problems[0].message.vi() ==
          "giá trị 0,955 có lẽ là tỷ lệ viết dạng thập phân: hãy ghi 95,5 (%); quy định so với mức 90%");
    // The value is kept as written.
    CHECK(value_of(rules.program, ds, 0, "hai_long") == 0.955);
    CHECK(value_of(rules.program, ds, 0, "2.1") == 0.7);

    // Without the rules nothing tells a fraction from a small rate.
    CHECK(data::load_data(path, rules.program.schema).problems.empty());
}

TEST_CASE("a yes/no column most of whose cells are numbers may hold another field's values", "[data][hints]") {
    const std::string head = "code,name,type,parent,region,year,1.1,2.1\n";
    SECTION("three numbers of four cells: one hint for the column, beside its first number") {
        const engine::Dataset ds = load(write_temp("shifted.csv", head +
                                                                      "20365,Tam Thành,Xã,,DHNTB,2024,85,\n"
                                                                      "20368,Tam An,Xã,,DHNTB,2024,đạt,\n"
                                                                      "20371,Tam Phú,Xã,,DHNTB,2024,\"92,5\",\n"
                                                                      "20374,Tam Đàn,Xã,,DHNTB,2024,70,\n"));
        const auto lines = problem_lines(ds);
        INFO(Catch::Detail::stringify(lines));
        REQUIRE(lines.size() == 4);
        CHECK(lines[0].starts_with("2 D0202 value 1.1: '85' is not yes/no"));
        CHECK(lines[1] == "2 D0212 warning 1.1: the column holds numbers in 3 of its 4 cells, not yes/no values: "
                          "it may hold another field's values (columns shifted or swapped)");
        CHECK(ds.problems[1].message.vi() ==
              "cột này có 3 trên 4 ô là số, không phải giá trị có/không: có lẽ cột ghi giá trị của trường "
              "khác (các cột bị lệch hoặc đổi chỗ cho nhau)");
    }
    SECTION("a few stray numbers are only the values they are") {
        const engine::Dataset ds = load(write_temp("stray.csv", head +
                                                                    "20365,Tam Thành,Xã,,DHNTB,2024,85,\n"
                                                                    "20368,Tam An,Xã,,DHNTB,2024,2,\n"
                                                                    "20371,Tam Phú,Xã,,DHNTB,2024,đạt,\n"));
        CHECK(problem_lines(ds).size() == 2);  // two D0202, no hint: fewer than three numbers
        const engine::Dataset half = load(write_temp("half.csv", head +
                                                                     "20365,Tam Thành,Xã,,DHNTB,2024,85,\n"
                                                                     "20368,Tam An,Xã,,DHNTB,2024,2,\n"
                                                                     "20371,Tam Phú,Xã,,DHNTB,2024,3,\n"
                                                                     "20374,Tam Đàn,Xã,,DHNTB,2024,có,\n"
                                                                     "20377,Tam Thái,Xã,,DHNTB,2024,không,\n"
                                                                     "20380,Tam Lãnh,Xã,,DHNTB,2024,1,\n"));
        CHECK(problem_lines(half).size() == 3);  // three numbers of six cells: not more than half
    }
}
