// Parsing test files: the tree of a well-formed file, and every mistake at its exact place.
#include <catch2/catch.hpp>

#include "tests/support/ruletest_world.hpp"

using namespace ruletest_test;

TEST_CASE("a test file parses into its tests, lines and expectations", "[ruletest][parse]") {
    World w;
    w.load(R"(# Kiểm tra thử
test "Đường thôn đúng ngưỡng" {
  for xa
  year 2023..2024
  region TDMNPB, DBSH   # hai vùng
  locality "49"
  category nhom nhom_1, nhom_3
  given 2.1 = 50, hai_long = 90%, no_dong = no
  given km = missing, 11 = -0
  others pass dat_chuan
  recognised dat_chuan 2020
  expect indicator 2.1 met
  expect criterion 10 in nang_cao not_met
  expect threshold 10 45
  expect criteria_met 6
  expect level none
  expect level nang_cao unknown
  expect gate dat_chuan hai_long met
  expect revocation thu_hoi revoke branch b
  expect category nhom nhom_2
}
test "Thứ hai" { year 2023 others fail }
)");
    INFO(w.errors());
    REQUIRE(w.suite.diags.items().empty());
    REQUIRE(w.suite.files.size() == 1);
    const auto& tests = w.suite.files[0].tests;
    REQUIRE(tests.size() == 2);
    const TestCase& t = tests[0];
    CHECK(t.name == "Đường thôn đúng ngưỡng");
    CHECK(t.kind.text == "xa");
    CHECK(t.year_from == 2023);
    CHECK(t.year_to == 2024);
    REQUIRE(t.regions.size() == 2);
    CHECK(t.regions[1].text == "DBSH");
    CHECK(t.locality == "49");
    REQUIRE(t.categories.size() == 1);
    CHECK(t.categories[0].members.size() == 2);
    REQUIRE(t.given.size() == 5);
    CHECK(t.given[0].column.text == "2.1");
    CHECK(t.given[0].number == 50);
    CHECK(t.given[1].percent_sign);
    CHECK(t.given[2].kind == Given::Kind::no);
    CHECK(t.given[3].kind == Given::Kind::missing);
    CHECK(t.others == Others::pass);
    CHECK(t.others_level.text == "dat_chuan");
    REQUIRE(t.recognised.size() == 1);
    CHECK(t.recognised[0].year == 2020);
    REQUIRE(t.expectations.size() == 9);
    CHECK(t.expectations[1].kind == ExpectKind::criterion);
    CHECK(t.expectations[1].in_level.text == "nang_cao");
    CHECK(t.expectations[1].verdict.text == "not_met");
    CHECK(t.expectations[2].kind == ExpectKind::threshold);
    CHECK(t.expectations[2].number == 45);
    CHECK(t.expectations[4].kind == ExpectKind::level);
    CHECK(t.expectations[4].subject.text == "none");
    CHECK(t.expectations[5].kind == ExpectKind::level_status);
    CHECK(t.expectations[7].second.text == "b");
    CHECK(tests[1].others == Others::fail);
}

TEST_CASE("syntax errors name their line and column, counted in letters after Vietnamese text", "[ruletest][parse]") {
    World w;
    w.load("test \"Đường thôn\" {\n"
           "  year 2024\n"
           "  given thu_nhập = 57,4\n"          // a decimal comma
           "  expect indicator 2.2 đạt\n"       // not a status
           "  expect level\n"                   // the level is missing
           "}\n");
    INFO(w.errors());
    CHECK(w.codes() == std::vector<std::string>{"T0001 3:22", "T0001 4:24", "T0001 6:1"});
    CHECK_THAT(w.errors(), Catch::Contains("t.ntmtest:3:22: lỗi[T0001]: số thập phân viết bằng dấu chấm (57.4), không phải dấu phẩy"));
    CHECK_THAT(w.errors(), Catch::Contains("cần met, not_met, unknown hoặc not_applicable, gặp 'đạt'"));
    CHECK_THAT(w.errors(), Catch::Contains("cần tên mức công nhận hoặc none, gặp '}'"));
}

TEST_CASE("years and numbers are checked as they are read", "[ruletest][parse]") {
    World w;
    w.load("test \"A\" {\n  year 0202\n  given 2.1 = 1.2.3\n  expect threshold 10 45%\n}\n");
    CHECK(w.codes() == std::vector<std::string>{"T0001 2:8", "T0001 3:15"});  // `45%`: a threshold may be written so
    CHECK_THAT(w.errors(), Catch::Contains("năm 0202 nằm ngoài khoảng 1900–2100"));
    CHECK_THAT(w.errors(), Catch::Contains("cần một số, gặp '1.2.3'"));
}

TEST_CASE("a line given twice, a test without a year and a name used twice are errors", "[ruletest][parse]") {
    World w;
    w.load(R"(test "A" {
  year 2024
  year 2023
}
test "B" {
  region DBSH
}
test "A" { year 2024 }
)");
    CHECK(w.codes() == std::vector<std::string>{"T0003 3:3", "T0004 5:6", "T0005 8:6"});
    CHECK_THAT(w.errors(), Catch::Contains("ghi chú: bài kiểm tra cùng tên ở đây"));
}

TEST_CASE("characters and strings that do not belong are reported and skipped", "[ruletest][parse]") {
    World w;
    w.load("test \"Mở chuỗi {\n  year 2024\n}\ntest \"B\" {\n  year 2024 @\n}\nxyz\ntest \"C\" { year 2024 } 12ab\n");
    INFO(w.errors());
    CHECK(w.codes() == std::vector<std::string>{"T0002 1:6", "T0001 2:3", "T0002 5:13", "T0001 7:1", "T0002 8:24"});
    CHECK_THAT(w.errors(), Catch::Contains("chuỗi chưa có dấu nháy đóng '\"' trước khi hết dòng"));
    CHECK_THAT(w.errors(), Catch::Contains("ký tự '@' không dùng được ở đây"));
    CHECK_THAT(w.errors(), Catch::Contains("cần 'test' để bắt đầu một bài kiểm tra, gặp 'xyz'"));
    CHECK_THAT(w.errors(), Catch::Contains("'12ab' không phải là số hay tên"));
    REQUIRE(w.suite.files[0].tests.size() == 2);
    CHECK(w.suite.files[0].tests[0].name == "B");
    CHECK(w.suite.files[0].tests[1].name == "C");
}

TEST_CASE("control characters are errors, in strings and comments too", "[ruletest][parse]") {
    World w;
    w.load("# chú thích \x1b[31m\ntest \"Tên \x07\" {\n  year 2024 \x01\n}\n");
    CHECK(w.codes() == std::vector<std::string>{"T0002 1:13", "T0002 2:11", "T0002 3:13"});
    CHECK_THAT(w.errors(), Catch::Contains("ký tự điều khiển U+001B không dùng được trong tệp kiểm tra"));
    CHECK_THAT(w.errors(), Catch::Contains("ký tự 'U+0001' không dùng được ở đây"));
}

TEST_CASE("any text parses without a crash", "[ruletest][parse]") {
    // Every prefix of a file with every kind of line, and bytes that are no test at all.
    const std::string full = R"(test "Đủ" { for xa year 2023..2024 region all locality "49" category nhom all
  given 2.1 = 50%, hai_long = -3, km = missing others pass dat_chuan recognised dat_chuan 2020
  expect indicator 2.1 in nang_cao met expect threshold 10 -1 expect revocation thu_hoi keep branch a
  expect category nhom nhom_1 expect gate dat_chuan hai_long unknown expect level dat_chuan })";
    for (std::size_t n = 0; n <= full.size(); ++n) {
        World w;
        w.load(full.substr(0, n));
        CHECK(w.suite.files.size() == 1);
    }
    World w;
    w.load(std::string("\x01\x7f{}}{==,,..--\"\"\"", 16) + "test test test { { } } expect expect");
    CHECK(w.suite.diags.has_errors());
}
