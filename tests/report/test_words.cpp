// The words layer: the phrases report/words.hpp builds from an explanation's data, in
// Vietnamese (exactly as `ntm explain` and the reports print them) and in English, where the
// requirement is built from the comparator and the numbers.
#include <catch2/catch.hpp>
#include <string>

#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "report/words.hpp"
#include "tests/support/engine_world.hpp"

using namespace ntm;
using namespace ntm::report;
using engine_test::good;
using engine_test::World;

namespace {

// An indicator judged against a threshold, as explain() gives it.
IndicatorExplanation judged(dsl::Cmp cmp, double value, double low, double high, std::string_view symbol,
                            Status status, double gap = kUnknown) {
    IndicatorExplanation i;
    i.code = "2.2";
    i.title = "Tỷ lệ đường thôn cứng hóa";
    i.status = status;
    i.unit_symbol = symbol;
    i.value = value;
    i.has_requirement = true;
    i.cmp = cmp;
    i.low = low;
    i.high = high;
    i.gap = gap;
    i.region = Region::DHNTB;
    i.year = 2024;
    return i;
}

IndicatorExplanation yes_no(dsl::Cmp cmp, double value, Status status) {
    IndicatorExplanation i = judged(cmp, value, kUnknown, kUnknown, "đạt/không đạt", status);
    i.boolean = true;
    return i;
}

}  // namespace

TEST_CASE("words: numbers the Vietnamese and the English way") {
    CHECK(num(Lang::vi, 38.5) == "38,5");
    CHECK(num(Lang::vi, 1250) == "1.250");
    CHECK(num(Lang::vi, 100) == "100");
    CHECK(num(Lang::vi, -2.25) == "-2,25");
    CHECK(num(Lang::vi, 1234567.891) == "1.234.567,89");
    CHECK(num(Lang::vi, kUnknown) == "—");
    CHECK(num(Lang::en, 38.5) == "38.5");
    CHECK(num(Lang::en, 1250) == "1,250");
    CHECK(num(Lang::en, -2.25) == "-2.25");
    CHECK(with_unit(Lang::vi, 85, "%") == "85 %");
    CHECK(with_unit(Lang::vi, 38.5, "triệu đồng/người/năm") == "38,5 triệu đồng/người/năm");
    CHECK(with_unit(Lang::vi, 3, "") == "3");
    CHECK(percent(Lang::vi, 2, 3) == "66,7 %");
    CHECK(percent(Lang::en, 2, 3) == "66.7 %");
    CHECK(percent(Lang::vi, 1, 0) == "–");
}

TEST_CASE("words: statuses, marks and regions") {
    CHECK(status_text(Lang::vi, Status::met) == "đạt");
    CHECK(status_text(Lang::vi, Status::not_met) == "chưa đạt");
    CHECK(status_text(Lang::vi, Status::unknown) == "thiếu dữ liệu");
    CHECK(status_text(Lang::vi, Status::not_applicable) == "không áp dụng");
    CHECK(status_text(Lang::en, Status::not_met) == "not met");
    CHECK(std::string(status_mark(Status::met)) == "✓");
    CHECK(std::string(status_mark(Status::not_met)) == "✗");
    CHECK(std::string(status_mark(Status::unknown)) == "?");
    CHECK(std::string(status_mark(Status::not_applicable)) == "–");
    CHECK(region_title(Region::DHNTB) == "Duyên hải Nam Trung Bộ");
    CHECK(region_title(Region::TDMNPB) == "Trung du và miền núi phía Bắc");
    CHECK(upper_first("mã cấp trên") == "Mã cấp trên");
    CHECK(upper_first("đạt") == "Đạt");
    CHECK(lower_first("Phường") == "phường");
    CHECK(lower_first("Đặc khu") == "đặc khu");  // a first letter outside ASCII
}

TEST_CASE("words: the requirement, from the comparator and the numbers, in both languages") {
    const IndicatorExplanation ge = judged(dsl::Cmp::ge, 75, 80, kUnknown, "%", Status::not_met, 5);
    CHECK(requirement_text(Lang::vi, ge) == "≥ 80 %");
    CHECK(requirement_text(Lang::en, ge) == "≥ 80 %");
    const IndicatorExplanation le = judged(dsl::Cmp::le, 2.1, 2, kUnknown, "%", Status::not_met, 0.1);
    CHECK(requirement_text(Lang::vi, le) == "≤ 2 %");
    CHECK(requirement_text(Lang::en, le) == "≤ 2 %");
    const IndicatorExplanation big = judged(dsl::Cmp::gt, 1200.5, 1250.25, kUnknown, "", Status::not_met, 49.75);
    CHECK(requirement_text(Lang::vi, big) == "> 1.250,25");
    CHECK(requirement_text(Lang::en, big) == "> 1,250.25");
    const IndicatorExplanation range = judged(dsl::Cmp::in_range, 250, 14, 200, "m²/người", Status::not_met, 50);
    CHECK(requirement_text(Lang::vi, range) == "trong khoảng 14 – 200 m²/người");
    CHECK(requirement_text(Lang::en, range) == "between 14 and 200 m²/người");
    CHECK(requirement_text(Lang::vi, yes_no(dsl::Cmp::yes, 0, Status::not_met)) == "đạt");
    CHECK(requirement_text(Lang::en, yes_no(dsl::Cmp::yes, 0, Status::not_met)) == "yes");
    CHECK(requirement_text(Lang::vi, yes_no(dsl::Cmp::no, 1, Status::not_met)) == "không");
    CHECK(requirement_text(Lang::en, yes_no(dsl::Cmp::no, 1, Status::not_met)) == "no");
    IndicatorExplanation none = ge;
    none.has_requirement = false;
    CHECK(requirement_text(Lang::vi, none).empty());
    CHECK(requirement_text(Lang::en, none).empty());
}

TEST_CASE("words: values and gaps") {
    CHECK(value_text(Lang::vi, judged(dsl::Cmp::ge, 69.5, 70, kUnknown, "%", Status::not_met, 0.5)) == "69,5 %");
    CHECK(value_text(Lang::vi, judged(dsl::Cmp::ge, kUnknown, 70, kUnknown, "%", Status::unknown)) == "—");
    CHECK(value_text(Lang::vi, yes_no(dsl::Cmp::yes, 0, Status::not_met)) == "không đạt");
    CHECK(value_text(Lang::vi, yes_no(dsl::Cmp::no, 1, Status::not_met)) == "có");
    CHECK(value_text(Lang::en, yes_no(dsl::Cmp::yes, 1, Status::met)) == "yes");

    // Rates differ by percentage points; a rate above its ceiling says so.
    CHECK(gap_text(Lang::vi, judged(dsl::Cmp::ge, 77.5, 80, kUnknown, "%", Status::not_met, 2.5)) ==
          "còn thiếu 2,5 điểm %");
    CHECK(gap_text(Lang::en, judged(dsl::Cmp::ge, 77.5, 80, kUnknown, "%", Status::not_met, 2.5)) ==
          "short by 2.5 percentage points");
    CHECK(gap_text(Lang::vi, judged(dsl::Cmp::le, 5, 2, kUnknown, "%", Status::not_met, 3)) ==
          "vượt ngưỡng tối đa 3 điểm %");
    CHECK(gap_text(Lang::en, judged(dsl::Cmp::le, 5, 2, kUnknown, "%", Status::not_met, 3)) ==
          "above the ceiling by 3 percentage points");
    CHECK(gap_text(Lang::vi, judged(dsl::Cmp::ge, 48.7, 50, kUnknown, "triệu đồng/người/năm", Status::not_met, 1.3)) ==
          "còn thiếu 1,3 triệu đồng/người/năm");
    CHECK(gap_text(Lang::vi, judged(dsl::Cmp::in_range, 250, 14, 200, "m²/người", Status::not_met, 50)) ==
          "lệch khỏi khoảng 50 m²/người");
    CHECK(gap_text(Lang::vi, judged(dsl::Cmp::eq, 2, 1, kUnknown, "", Status::not_met, 1)) == "chênh lệch 1");
    CHECK(gap_text(Lang::vi, judged(dsl::Cmp::ge, 85, 80, kUnknown, "%", Status::met)).empty());
    CHECK(gap_text(Lang::vi, yes_no(dsl::Cmp::yes, 0, Status::not_met)).empty());
}

TEST_CASE("words: what a yes/no indicator not met lacks, from its title") {
    const auto missing = [](Lang lang, const char* title, dsl::Cmp cmp = dsl::Cmp::yes) {
        IndicatorExplanation i = yes_no(cmp, cmp == dsl::Cmp::yes ? 0 : 1, Status::not_met);
        i.title = title;
        return missing_text(lang, i);
    };
    CHECK(missing(Lang::vi, "Có quy hoạch chung xây dựng xã") == "chưa có quy hoạch chung xây dựng xã");
    CHECK(missing(Lang::vi, "Xã có hợp tác xã hoạt động hiệu quả") == "xã chưa có hợp tác xã hoạt động hiệu quả");
    CHECK(missing(Lang::vi, "Xã đạt chuẩn an toàn về an ninh") == "xã chưa đạt chuẩn an toàn về an ninh");
    CHECK(missing(Lang::vi, "Đạt các chỉ tiêu của tiêu chí Quốc phòng") == "chưa đạt các chỉ tiêu của tiêu chí Quốc phòng");
    CHECK(missing(Lang::vi, "Đạt") == "chưa đạt");
    CHECK(missing(Lang::vi, "Hệ thống thủy lợi nội đồng") == "chưa đạt: hệ thống thủy lợi nội đồng");
    CHECK(missing(Lang::vi, "Nợ đọng xây dựng cơ bản", dsl::Cmp::no) == "vẫn còn: nợ đọng xây dựng cơ bản");
    CHECK(missing(Lang::en, "Có quy hoạch") == "not in place: Có quy hoạch");
    IndicatorExplanation met = yes_no(dsl::Cmp::yes, 1, Status::met);
    met.title = "Có quy hoạch";
    CHECK(missing_text(Lang::vi, met).empty());
}

TEST_CASE("words: a level named for the unit it is about") {
    const std::string title = "Huyện đạt chuẩn nông thôn mới; thị xã, thành phố thuộc cấp tỉnh hoàn thành nhiệm vụ "
                              "xây dựng nông thôn mới";
    CHECK(level_title_for(title, "Huyện") == "Huyện đạt chuẩn nông thôn mới");
    CHECK(level_title_for(title, "Thành phố") == "Hoàn thành nhiệm vụ xây dựng nông thôn mới");
    CHECK(level_title_for(title, "Thị xã") == "Hoàn thành nhiệm vụ xây dựng nông thôn mới");
    CHECK(level_title_for(title, "Quận") == title);
    CHECK(level_title_for("Huyện nông thôn mới nâng cao", "Thành phố") == "Huyện nông thôn mới nâng cao");
}

TEST_CASE("words: why a threshold applies") {
    IndicatorExplanation i = judged(dsl::Cmp::ge, 75, 80, kUnknown, "%", Status::not_met, 5);
    CHECK(why_text(i) == "vùng Duyên hải Nam Trung Bộ, năm 2024");
    i.case_condition = "so_truong > 3";
    CHECK(why_text(i) == "vùng Duyên hải Nam Trung Bộ, năm 2024, khi so_truong > 3");
    i.region_unknown = true;
    CHECK(why_text(i) ==
          "chưa xác định được vùng (thiếu dữ liệu của quy định về vùng); theo vùng Duyên hải Nam Trung Bộ, năm 2024");
    IndicatorExplanation applies = yes_no(dsl::Cmp::yes, 1, Status::met);
    applies.applies_unknown = true;
    CHECK(why_text(applies) ==
          "chưa rõ chỉ tiêu có áp dụng không (thiếu dữ liệu của điều kiện áp dụng); đạt trong cả hai trường hợp");
    applies.status = Status::unknown;
    CHECK(why_text(applies) == "chưa rõ chỉ tiêu có áp dụng không (thiếu dữ liệu của điều kiện áp dụng)");
    CHECK(why_text(yes_no(dsl::Cmp::yes, 1, Status::met)).empty());
    i = judged(dsl::Cmp::ge, 75, 80, kUnknown, "%", Status::not_met, 5);
    i.has_requirement = false;
    CHECK(why_text(i).empty());
}

TEST_CASE("words: how a criterion combines, and what a gate reads") {
    CriterionExplanation c;
    CHECK(combine_text(c) == "tất cả chỉ tiêu");
    c.combine = dsl::CombineKind::any;
    CHECK(combine_text(c) == "một trong các chỉ tiêu");
    c.combine = dsl::CombineKind::at_least;
    c.at_least = 2;
    CHECK(combine_text(c) == "ít nhất 2 chỉ tiêu");

    GateExplanation g;
    CHECK(readings_text(g).empty());
    g.reads.push_back({"hai_long", "Tỷ lệ hài lòng", 85, false, "%"});
    g.reads.push_back({"no_dong_xdcb", "", 0, true, "đạt/không đạt"});
    g.reads.push_back({"thu_nhap", "Thu nhập", kUnknown, false, "triệu đồng/người/năm"});
    CHECK(readings_text(g) == "Tỷ lệ hài lòng: 85 %; no_dong_xdcb: không; Thu nhập: thiếu dữ liệu");
}

TEST_CASE("words: blockers, from an evaluation") {
    World w;
    auto v = good();
    v["km_cung"] = 7.5;
    w.add("a", EntityKind::xa, "", Region::DHNTB, v);
    v = good();
    v["hai_long"] = 85;
    w.add("b", EntityKind::xa, "", Region::DHNTB, v);
    const Evaluation ev = w.run();

    const EntityExplanation a = explain(w.program, w.data, ev, 0);
    const IndicatorExplanation& i = a.levels.at(0).criteria.at(0).indicators.at(0);
    CHECK(requirement_text(Lang::vi, i) == "≥ 80 %");
    CHECK(why_text(i) == "vùng Duyên hải Nam Trung Bộ, năm 2024");
    REQUIRE(!a.blockers.empty());
    CHECK(blocker_text(Lang::vi, a.blockers[0]) == "tiêu chí 2 Giao thông — chỉ tiêu 2.2: 75 % (yêu cầu ≥ 80 %)");
    CHECK(blocker_line(Lang::vi, a.blockers[0]) ==
          "tiêu chí 2 Giao thông — chỉ tiêu 2.2: 75 % (yêu cầu ≥ 80 %) — phụ trách: Sở Giao thông vận tải");
    CHECK(blocker_line(Lang::en, a.blockers[0]) ==
          "criterion 2 Giao thông — indicator 2.2: 75 % (required ≥ 80 %) — responsible: Sở Giao thông vận tải");

    const EntityExplanation b = explain(w.program, w.data, ev, 1);
    REQUIRE(b.blockers.size() == 1);
    CHECK(blocker_text(Lang::vi, b.blockers[0]) == "điều kiện: Hài lòng từ 90% trở lên (Tỷ lệ hài lòng: 85 %)");
    CHECK(blocker_text(Lang::en, b.blockers[0]) == "condition: Hài lòng từ 90% trở lên (not met)");
    CHECK(blocker_lines(Lang::vi, b.blockers) ==
          std::vector<std::string>{"điều kiện: Hài lòng từ 90% trở lên (Tỷ lệ hài lòng: 85 %)"});
}

TEST_CASE("words: blockers of every kind") {
    Blocker prerequisite;
    prerequisite.kind = Blocker::Kind::prerequisite;
    prerequisite.level_title = "Xã đạt chuẩn nông thôn mới";
    CHECK(blocker_text(Lang::vi, prerequisite) == "chưa Xã đạt chuẩn nông thôn mới");
    CHECK(blocker_text(Lang::en, prerequisite) == "required level not reached: Xã đạt chuẩn nông thôn mới");

    Blocker b;
    b.kind = Blocker::Kind::indicator;
    b.criterion_code = "10";
    b.criterion_title = "Thu nhập";
    b.indicator = judged(dsl::Cmp::ge, 38.5, 41, kUnknown, "triệu đồng/người/năm", Status::not_met, 2.5);
    b.indicator.code = "10";
    CHECK(blocker_text(Lang::vi, b) == "tiêu chí 10 Thu nhập — chỉ tiêu 10: 38,5 triệu đồng/người/năm (yêu cầu ≥ 41 "
                                       "triệu đồng/người/năm)");
    CHECK(blocker_text(Lang::en, b) == "criterion 10 Thu nhập — indicator 10: 38.5 triệu đồng/người/năm (required ≥ 41 "
                                       "triệu đồng/người/năm)");
    b.indicator.status = Status::unknown;  // a value, but the threshold cannot be told
    CHECK(blocker_text(Lang::vi, b) == "tiêu chí 10 Thu nhập — chỉ tiêu 10: 38,5 triệu đồng/người/năm (yêu cầu ≥ 41 "
                                       "triệu đồng/người/năm) — thiếu dữ liệu để xét");
    CHECK(blocker_text(Lang::en, b) == "criterion 10 Thu nhập — indicator 10: missing data");
    b.indicator.value = kUnknown;
    CHECK(blocker_text(Lang::vi, b) == "tiêu chí 10 Thu nhập — chỉ tiêu 10: thiếu dữ liệu");
    b.indicator = yes_no(dsl::Cmp::yes, 0, Status::not_met);
    b.indicator.code = "13.1";
    CHECK(blocker_text(Lang::vi, b) == "tiêu chí 10 Thu nhập — chỉ tiêu 13.1: chưa đạt");
    CHECK(blocker_text(Lang::en, b) == "criterion 10 Thu nhập — indicator 13.1: no (required yes)");

    Blocker gate;
    gate.kind = Blocker::Kind::gate;
    gate.status = Status::unknown;
    gate.gate.name = "no_dong";
    CHECK(blocker_text(Lang::en, gate) == "condition: no_dong (missing data)");
}

TEST_CASE("words: thresholds by category — the category, why, and a range when it is not decided") {
    IndicatorExplanation i = judged(dsl::Cmp::ge, 95, 100, kUnknown, "%", Status::not_met, 5);
    i.categories = {{"Nhóm xã", "Nhóm 1: xã có xu hướng đô thị hóa"}};
    CHECK(why_text(i) == "vùng Duyên hải Nam Trung Bộ, năm 2024, nhóm xã Nhóm 1: xã có xu hướng đô thị hóa");
    CHECK(requirement_text(Lang::vi, i) == "≥ 100 %");

    IndicatorExplanation u = judged(dsl::Cmp::ge, 95, kUnknown, kUnknown, "%", Status::unknown);
    u.categories = {{"Nhóm xã", ""}};
    u.category_unknown = true;
    u.low_min = 90;
    u.low_max = 100;
    CHECK(requirement_text(Lang::vi, u) == "≥ 90 – 100 %");
    CHECK(requirement_text(Lang::en, u) == "≥ 90 – 100 %");
    CHECK(why_text(u) == "chưa xác định được nhóm xã (thiếu dữ liệu của điều kiện phân loại)");
    u.status = Status::met;
    CHECK(why_text(u) == "chưa xác định được nhóm xã (thiếu dữ liệu của điều kiện phân loại); đạt theo mọi trường hợp");
    u.status = Status::not_met;
    CHECK(why_text(u) ==
          "chưa xác định được nhóm xã (thiếu dữ liệu của điều kiện phân loại); chưa đạt theo mọi trường hợp");

    CategoryExplanation c;
    c.title = "Nhóm xã";
    c.decided = true;
    c.member_title = "Nhóm 1: xã có xu hướng đô thị hóa";
    c.condition = "ty_trong < 10% or giap_do_thi";
    c.reads = {{"ty_trong", "Tỷ trọng nông nghiệp", 8, false, "%", false},
               {"giap_do_thi", "Giáp đô thị", 0, true, "đạt/không đạt", false}};
    CHECK(category_text(c) == "Nhóm 1: xã có xu hướng đô thị hóa — điều kiện: ty_trong < 10% or giap_do_thi — "
                              "số liệu: Tỷ trọng nông nghiệp: 8 %; Giáp đô thị: không");
    c.decided = false;
    c.reads[0].value = kUnknown;
    CHECK(category_text(c) == "chưa xác định được (thiếu dữ liệu) — điều kiện: ty_trong < 10% or giap_do_thi — "
                              "số liệu: Tỷ trọng nông nghiệp: thiếu dữ liệu; Giáp đô thị: không");
    c.condition.clear();  // otherwise: nothing read
    c.reads.clear();
    c.decided = true;
    c.member_title = "Nhóm 2: các xã còn lại";
    CHECK(category_text(c) == "Nhóm 2: các xã còn lại");
}
