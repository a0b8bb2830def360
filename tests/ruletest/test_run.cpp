// Running tests: every kind of expectation holding, and failing with what the results say.
#include <catch2/catch.hpp>

#include "tests/support/ruletest_world.hpp"

using namespace ruletest_test;
using ntm::engine::Status;

TEST_CASE("every kind of expectation holds on results that agree", "[ruletest][run]") {
    World w;
    w.load(R"(test "Mọi chỉ tiêu đúng ngưỡng" {
  year 2024
  region DBSH
  expect indicator 2.1 met
  expect threshold 2.1 100
  expect threshold 10 45
  expect threshold 10 in nang_cao 50
  expect criterion 1 in nang_cao met
  expect criterion 13 not_applicable
  expect criteria_met 6
  expect level nang_cao
  expect level dat_chuan met
  expect gate dat_chuan hai_long met
  expect revocation thu_hoi not_applicable
  expect category nhom nhom_2
}
test "Xã đặc biệt khó khăn theo mức của vùng TDMNPB" {
  year 2023..2024
  region DBSH
  given xa_dbkk = yes, 2.1 = 50
  expect indicator 2.1 met
  expect threshold 2.1 50
}
test "Thiếu số liệu" {
  year 2024
  region DBSH
  others missing
  given 2.1 = 100
  expect indicator 2.1 met
  expect indicator 1.1 unknown
  expect level dat_chuan unknown
  expect level none
}
)");
    w.run();
    INFO(w.errors());
    REQUIRE_FALSE(w.suite.diags.has_errors());
    INFO(render_results(w.program, w.suite.sources, w.suite.outcomes, Format::text));
    CHECK(w.outcome("Mọi chỉ tiêu đúng ngưỡng").passed());
    CHECK(w.outcome("Xã đặc biệt khó khăn theo mức của vùng TDMNPB").passed());
    CHECK(w.outcome("Thiếu số liệu").passed());
}

TEST_CASE("expectations that do not hold say what the results are", "[ruletest][run]") {
    World w;
    w.load(R"(test "Sai hết" {
  year 2024
  region DBSH
  given 2.1 = 99
  expect indicator 2.1 met
  expect threshold 2.1 70
  expect criteria_met 6
  expect level nang_cao
  expect gate dat_chuan hai_long not_met
  expect category nhom nhom_1
  expect revocation thu_hoi revoke
  expect level dat_chuan met
}
)");
    w.run();
    INFO(w.errors());
    const TestOutcome& t = w.outcome("Sai hết");
    REQUIRE(t.failed.size() == 1);
    const std::vector<Finding>& f = t.failed[0].findings;
    REQUIRE(f.size() == 8);
    CHECK(f[0].status == Status::not_met);
    CHECK(f[0].value == 99);
    CHECK(f[1].number == 100);
    CHECK(f[2].number == 5);
    CHECK(f[3].level == kNone);
    CHECK(f[4].status == Status::met);
    CHECK(f[5].member == 2);
    CHECK(f[6].verdict == Verdict::not_applicable);
    CHECK(f[7].status == Status::not_met);
    CHECK_THAT(t.failed[0].explanation, Catch::Contains("2.1 Tỷ lệ đường xã được cứng hóa: 99 % — yêu cầu ≥ 100 %"));
    const std::string out = render_results(w.program, w.suite.sources, w.suite.outcomes, Format::text);
    CHECK_THAT(out, Catch::Contains("t.ntmtest:5:3: chỉ tiêu 2.1: mong đợi đạt — thực tế chưa đạt (giá trị 99 %, ngưỡng ≥ 100 %)"));
    CHECK_THAT(out, Catch::Contains("t.ntmtest:6:3: ngưỡng của chỉ tiêu 2.1: mong đợi 70 — thực tế 100 %"));
    CHECK_THAT(out, Catch::Contains("t.ntmtest:7:3: số tiêu chí đạt: mong đợi 6 — thực tế 5"));
    CHECK_THAT(out, Catch::Contains("t.ntmtest:8:3: mức đạt cao nhất: mong đợi “Xã nông thôn mới nâng cao” — thực tế chưa đạt mức nào"));
    CHECK_THAT(out, Catch::Contains("t.ntmtest:9:3: điều kiện hai_long của mức dat_chuan: mong đợi chưa đạt — thực tế đạt"));
    CHECK_THAT(out, Catch::Contains("t.ntmtest:10:3: nhóm theo nhom: mong đợi nhom_1 — thực tế nhom_2"));
    CHECK_THAT(out, Catch::Contains("t.ntmtest:11:3: thu hồi theo thu_hoi: mong đợi đề nghị thu hồi — thực tế không áp dụng"));
    CHECK_THAT(out, Catch::Contains("t.ntmtest:12:3: mức “Xã đạt chuẩn nông thôn mới”: mong đợi đạt — thực tế chưa đạt"));
    CHECK_THAT(out, Catch::Contains("t.ntmtest: 1 bài kiểm tra — 0 đạt, 1 không đạt"));
    CHECK_THAT(out, Catch::Contains("  ✗ Sai hết\n    t.ntmtest:1:1: năm 2024, vùng DBSH\n"));
    CHECK_THAT(out, Catch::Contains("Kết quả thực tế:\n        Xã kiểm tra (mã KT)"));
}

TEST_CASE("revocation: the verdict and the case that decides it", "[ruletest][run]") {
    World w;
    w.load(R"(test "Mọi tiêu chí không đạt: thu hồi theo trường hợp b" {
  year 2024
  region DBSH
  recognised dat_chuan 2020
  others fail
  expect revocation thu_hoi revoke branch b
}
test "Hai tiêu chí không đạt, có thu nhập: thu hồi theo trường hợp a" {
  year 2024
  region DBSH
  recognised dat_chuan 2020
  others pass dat_chuan
  given 10 = 44.9, 1.1 = no
  expect revocation thu_hoi revoke branch a
  expect criteria_met 4
}
test "Đạt chuẩn: giữ công nhận" {
  year 2024
  region DBSH
  recognised dat_chuan 2020
  expect revocation thu_hoi keep
}
test "Trường hợp sai" {
  year 2024
  region DBSH
  recognised dat_chuan 2020
  others fail
  expect revocation thu_hoi revoke branch a
}
)");
    w.run();
    INFO(w.errors());
    CHECK(w.outcome("Mọi tiêu chí không đạt: thu hồi theo trường hợp b").passed());
    CHECK(w.outcome("Hai tiêu chí không đạt, có thu nhập: thu hồi theo trường hợp a").passed());
    CHECK(w.outcome("Đạt chuẩn: giữ công nhận").passed());
    const TestOutcome& wrong = w.outcome("Trường hợp sai");
    REQUIRE(wrong.failed.size() == 1);
    REQUIRE(wrong.failed[0].findings.size() == 1);
    CHECK(wrong.failed[0].findings[0].verdict == Verdict::revoke);
    CHECK(wrong.failed[0].findings[0].branch == 1);
    const std::string out = render_results(w.program, w.suite.sources, w.suite.outcomes, Format::text);
    CHECK_THAT(out, Catch::Contains("thu hồi theo thu_hoi: mong đợi đề nghị thu hồi, trường hợp a — thực tế đề nghị thu hồi, trường hợp b"));
}

TEST_CASE("a test of several runs fails in the runs where an expectation does not hold", "[ruletest][run]") {
    World w;
    w.load(R"(test "70 % là đạt ở mọi vùng" {
  year 2024
  region all
  given 2.1 = 70
  expect indicator 2.1 met
}
test "Nhóm 3 khi đã giáp đô thị" {
  year 2026
  category nhom nhom_2, nhom_3
  given giap_do_thi = yes
  expect level dat_chuan
}
)");
    w.run();
    INFO(w.errors());
    const TestOutcome& t = w.outcome("70 % là đạt ở mọi vùng");
    REQUIRE(t.failed.size() == 2);  // DBSH and DNB ask 100 %
    CHECK(t.test->runs[t.failed[0].run].region == ntm::engine::Region::DBSH);
    CHECK(t.test->runs[t.failed[1].run].region == ntm::engine::Region::DNB);
    const TestOutcome& u = w.outcome("Nhóm 3 khi đã giáp đô thị");
    REQUIRE(u.failed.size() == 2);
    CHECK(u.failed[0].unplaced == 0);
    CHECK(u.failed[0].findings.empty());
    const std::string out = render_results(w.program, w.suite.sources, w.suite.outcomes, Format::text);
    CHECK_THAT(out, Catch::Contains("t.ntmtest:1:1: năm 2024, vùng DNB"));
    CHECK_THAT(out, Catch::Contains("năm 2026, nhom nhom_3\n      không đặt được đơn vị vào nhóm nhom_3 của nhom với các số liệu đã cho"));
    CHECK_THAT(out, Catch::Contains("Tổng cộng: 1 tệp, 2 bài kiểm tra, 9 lần chạy — 0 đạt, 2 không đạt"));
}

TEST_CASE("the output is the same every run", "[ruletest][run]") {
    auto once = [] {
        World w;
        w.load("test \"A\" {\n  year 2023..2024\n  region all\n  others fail\n  expect level dat_chuan\n}\n");
        w.run(true);
        return render_results(w.program, w.suite.sources, w.suite.outcomes, Format::text) +
               render_coverage(w.program, w.suite.coverage, Format::markdown);
    };
    CHECK(once() == once());
}
