// ntm diff: the structure of two versions of the rules compared, and the entities that move.
#include <catch2/catch.hpp>

#include <algorithm>

#include "diff/diff.hpp"
#include "diff/match.hpp"
#include "diff/render.hpp"
#include "diff/words.hpp"
#include "tests/support/support.hpp"
#include "tests/support/zip.hpp"

using namespace ntm;
using namespace ntm::diff;

namespace {

const char* const kOld = R"(unit trieu_dong "triệu đồng/người/năm"
body so_gtvt "Sở Giao thông vận tải"
body so_xd "Sở Xây dựng"
member pbt "Phó Bí thư Thường trực Huyện ủy"
data xa {
  field hai_long "Tỷ lệ hài lòng": percent
}
set s "Bộ tiêu chí thử" {
  for xa
  valid 2023..2025
  criterion 2 "Giao thông" {
    indicator 2.1 "Tỷ lệ đường xã được cứng hóa" { unit percent require >= 100 }
    indicator 2.2 "Tỷ lệ đường thôn được cứng hóa" {
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
  criterion 10 "Thu nhập" {
    indicator 10 "Thu nhập bình quân đầu người" {
      unit trieu_dong
      require >= table {
                2023  2024  2025
        TDMNPB    40    45    50
        DBSH      50    55    60
        BTB       40    45    50
        DHNTB     44    48    52
        TN        44    48    52
        DNB       60    65    70
        DBSCL     50    55    60
      }
    }
  }
  criterion 17 "Môi trường" {
    indicator 17.4 "Mai táng phù hợp với quy định và theo quy hoạch" { unit yesno require yes }
    indicator 17.5 "Chất thải rắn được thu gom, xử lý theo quy định" { unit yesno require yes }
  }
}
assignments giao {
  sets s
  criterion 2 -> so_gtvt
  locality "X1" -> pbt
}
level dat_chuan "Xã đạt chuẩn" { for xa meets s gate hai_long "Hài lòng": hai_long >= 90% }
)";

// The same rules, with: the DHNTB income raised in 2024-2025, road 2.1 lowered to 90, a new
// indicator 17.4 pushing the old 17.4 and 17.5 to 17.5 and 17.6, criterion 2 handed to so_xd,
// the member in charge given a second locality, and the satisfaction gate raised to 95 %.
std::string new_rules() {
    std::string t = kOld;
    auto swap = [&](const std::string& from, const std::string& to) {
        const auto at = t.find(from);
        REQUIRE(at != std::string::npos);
        t.replace(at, from.size(), to);
    };
    swap("DHNTB     44    48    52", "DHNTB     44    50    55");
    swap("{ unit percent require >= 100 }", "{ unit percent require >= 90 }");
    swap(R"(indicator 17.4 "Mai táng phù hợp với quy định và theo quy hoạch" { unit yesno require yes }
    indicator 17.5 "Chất thải rắn)",
         R"(indicator 17.4 "Đất cây xanh sử dụng công cộng" { unit yesno require yes }
    indicator 17.5 "Mai táng, hỏa táng phù hợp với quy định và theo quy hoạch" { unit yesno require yes }
    indicator 17.6 "Chất thải rắn)");
    swap("criterion 2 -> so_gtvt", "criterion 2 -> so_xd");
    swap(R"(locality "X1" -> pbt)", R"(locality "X1", "X2" -> pbt)");
    swap("hai_long >= 90%", "hai_long >= 95%");
    return t;
}

const Change* find(const StructureDiff& d, What what, const std::string& code) {
    const auto it = std::find_if(d.changes.begin(), d.changes.end(),
                                 [&](const Change& c) { return c.what == what && c.code == code; });
    return it == d.changes.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("diff: titles alike are found whatever the case and punctuation", "[diff]") {
    CHECK(likeness("Thủy lợi", "Thủy lợi và phòng, chống thiên tai", true) == 1.0);
    CHECK(likeness("Mai táng phù hợp", "Đất cây xanh") == 0.0);
    CHECK(likeness("Giao thông", "giao  thông.") == 1.0);
}

TEST_CASE("diff: the same rules have no change", "[diff]") {
    const auto a = support::compile_rules_text(kOld);
    const auto b = support::compile_rules_text(kOld);
    const StructureDiff d = compare_rules({&a.program, engine::kNone, "a"}, {&b.program, engine::kNone, "b"});
    CHECK(d.changes.empty());
}

TEST_CASE("diff: thresholds compared cell by cell, with the direction", "[diff]") {
    const auto a = support::compile_rules_text(kOld);
    const auto b = support::compile_rules_text(new_rules());
    const StructureDiff d = compare_rules({&a.program, engine::kNone, "a"}, {&b.program, engine::kNone, "b"});

    const Change* income = find(d, What::indicator, "10");
    REQUIRE(income != nullptr);
    REQUIRE(income->thresholds.size() == 1);
    const ThresholdDiff& t = income->thresholds[0];
    CHECK_FALSE(t.reshaped);
    REQUIRE(t.cells.size() == 2);  // DHNTB 2024 and 2025; the other 19 cells are as they were
    CHECK(t.cells[0].where == "Duyên hải Nam Trung Bộ, 2024");
    CHECK(t.cells[0].old_value == 48);
    CHECK(t.cells[0].new_value == 50);
    CHECK(cell_text(t.cells[0], t.old_cmp, t.new_cmp, "") == "Duyên hải Nam Trung Bộ, 2024: ≥ 48 → ≥ 50 (nâng ngưỡng, chặt hơn)");

    const Change* road = find(d, What::indicator, "2.1");
    REQUIRE(road != nullptr);
    REQUIRE(road->thresholds.size() == 1);
    REQUIRE(road->thresholds[0].cells.size() == 1);
    CHECK(cell_text(road->thresholds[0].cells[0], dsl::Cmp::ge, dsl::Cmp::ge, "%") == "≥ 100 → ≥ 90 % (hạ ngưỡng, nới hơn)");
    CHECK(find(d, What::indicator, "2.2") == nullptr);  // unchanged
}

TEST_CASE("diff: a renumbered indicator is found as such, a new one as added", "[diff]") {
    const auto a = support::compile_rules_text(kOld);
    const auto b = support::compile_rules_text(new_rules());
    const StructureDiff d = compare_rules({&a.program, engine::kNone, "a"}, {&b.program, engine::kNone, "b"});

    const Change* burial = find(d, What::indicator, "17.5");
    REQUIRE(burial != nullptr);
    CHECK(burial->how == How::recoded);
    CHECK(burial->old_code == "17.4");
    const Change* waste = find(d, What::indicator, "17.6");
    REQUIRE(waste != nullptr);
    CHECK(waste->how == How::recoded);
    CHECK(waste->old_code == "17.5");
    const Change* green = find(d, What::indicator, "17.4");
    REQUIRE(green != nullptr);
    CHECK(green->how == How::added);
    CHECK(std::none_of(d.changes.begin(), d.changes.end(), [](const Change& c) { return c.how == How::removed; }));
}

TEST_CASE("diff: the body in charge and a gate's condition that changed", "[diff]") {
    const auto a = support::compile_rules_text(kOld);
    const auto b = support::compile_rules_text(new_rules());
    const StructureDiff d = compare_rules({&a.program, engine::kNone, "a"}, {&b.program, engine::kNone, "b"});

    const Change* roads = find(d, What::criterion, "2");
    REQUIRE(roads != nullptr);
    REQUIRE(roads->fields.size() == 1);
    CHECK(roads->fields[0].key == "responsible");
    CHECK(roads->fields[0].old_value == "Sở Giao thông vận tải");
    CHECK(roads->fields[0].new_value == "Sở Xây dựng");

    const Change* member = find(d, What::assignment, "Phó Bí thư Thường trực Huyện ủy");
    REQUIRE(member != nullptr);
    REQUIRE(member->fields.size() == 1);
    CHECK(member->fields[0].old_value == "X1");
    CHECK(member->fields[0].new_value == "X1, X2");

    const Change* gate = find(d, What::gate, "hai_long");
    REQUIRE(gate != nullptr);
    REQUIRE_FALSE(gate->fields.empty());
    CHECK(gate->fields[0].new_value.find("95%") != std::string::npos);
}

TEST_CASE("diff: entities that move, the causes and the body in charge", "[diff]") {
    support::CommuneWorld before(kOld, 2024), after(new_rules(), 2024);
    // A: income 49 in DHNTB 2024 (≥ 48 before, ≥ 50 after): loses đạt chuẩn, by criterion 10.
    // B: road 2.1 at 95 % (≥ 100 before, ≥ 90 after): reaches đạt chuẩn.
    // C: nothing moves.  D: income missing, everything else met: unknown on both sides.
    const std::map<std::string, double> good{{"2.1", 100}, {"2.2", 80}, {"10", 60}, {"17.4", 1}, {"17.5", 1},
                                             {"17.6", 1}, {"hai_long", 96}};
    auto with = [&](std::map<std::string, double> v, const std::string& k, double x) {
        v[k] = x;
        return v;
    };
    for (support::CommuneWorld* w : {&before, &after}) {
        auto only = [&](std::map<std::string, double> v) {
            std::map<std::string, double> out;
            for (const auto& [k, x] : v) {
                if (w->program.schema.find(engine::EntityKind::xa, k) != nullptr) out[k] = x;
            }
            return out;
        };
        w->add("A", only(with(good, "10", 49)));
        w->add("B", only(with(good, "2.1", 95)));
        w->add("C", only(good));
        std::map<std::string, double> no_income = only(good);
        no_income.erase("10");
        w->add("D", no_income);
    }
    const engine::Evaluation eb = before.run(), ea = after.run();
    const ImpactDiff d = compare_results({&before.program, &before.data, &eb}, {&after.program, &after.data, &ea});
    CHECK(d.compared == 4);
    REQUIRE(d.entities.size() == 2);
    const EntityChange& lost = d.entities[0];  // lost comes before gained
    CHECK(lost.direction == Direction::lost);
    CHECK(lost.code == "A");
    CHECK(lost.old_side.name == "dat_chuan");
    CHECK(lost.new_side.name.empty());
    REQUIRE_FALSE(lost.causes.empty());
    CHECK(lost.causes[0].code == "10");
    CHECK(lost.causes[0].old_status == engine::Status::met);
    CHECK(lost.causes[0].new_status == engine::Status::not_met);
    CHECK(lost.causes[0].old_low == 48);
    CHECK(lost.causes[0].new_low == 50);
    CHECK(lost.causes[0].new_gap == Approx(1));
    const EntityChange& gained = d.entities[1];
    CHECK(gained.direction == Direction::gained);
    CHECK(gained.code == "B");
    REQUIRE(gained.causes.size() == 1);
    CHECK(gained.causes[0].code == "2.1");
    CHECK(gained.causes[0].responsible == "Sở Xây dựng");  // the new side's body
    REQUIRE(d.by_criterion.size() == 1);
    CHECK(d.by_criterion[0].code == "10");
    CHECK(d.by_criterion[0].count == 1);
    REQUIRE(d.transitions.size() == 2);
}

TEST_CASE("diff: a verdict that becomes unknown stays a third value", "[diff]") {
    support::CommuneWorld before(kOld, 2024), after(kOld, 2024);
    const std::map<std::string, double> good{{"2.1", 100}, {"2.2", 80}, {"10", 60}, {"17.4", 1}, {"17.5", 1}, {"hai_long", 96}};
    before.add("E", good);
    std::map<std::string, double> partial = good;
    partial.erase("10");
    after.add("E", partial);
    const engine::Evaluation eb = before.run(), ea = after.run();
    const ImpactDiff d = compare_results({&before.program, &before.data, &eb}, {&after.program, &after.data, &ea});
    REQUIRE(d.entities.size() == 1);
    CHECK(d.entities[0].direction == Direction::uncertain);
    CHECK(d.entities[0].new_side.uncertain);
    CHECK(move_text(d.entities[0]).find("thiếu dữ liệu") != std::string::npos);
}

TEST_CASE("diff: the workbook holds the totals, one row per cause, and the changes", "[diff]") {
    support::CommuneWorld before(kOld, 2024), after(new_rules(), 2024);
    const std::map<std::string, double> values{{"2.1", 100}, {"2.2", 80}, {"10", 49}, {"17.4", 1}, {"17.5", 1}, {"hai_long", 96}};
    before.add("A", values);
    std::map<std::string, double> v2 = values;
    v2["17.6"] = 1;
    after.add("A", v2);
    const engine::Evaluation eb = before.run(), ea = after.run();
    DiffRun run;
    run.structure = compare_rules({&before.program, engine::kNone, "a"}, {&after.program, engine::kNone, "b"});
    run.impact = compare_results({&before.program, &before.data, &eb}, {&after.program, &after.data, &ea});
    run.data_file = "du-lieu.csv";
    const std::string path = support::temp_dir() + "/diff.xlsx";
    write_diff_xlsx(run, path);
    const std::string workbook = unzip(path, "xl/workbook.xml");
    CHECK(workbook.find("Tổng hợp") != std::string::npos);
    CHECK(workbook.find("Đơn vị thay đổi") != std::string::npos);
    CHECK(workbook.find("Thay đổi luật") != std::string::npos);
    const std::string strings = unzip(path, "xl/sharedStrings.xml");
    CHECK(strings.find("Thu nhập bình quân đầu người") != std::string::npos);  // the cause of A's loss
    CHECK(strings.find("xuống mức") != std::string::npos);
    // The text and JSON say the same.
    CHECK(render_diff_text(run).find("Xã A (A): Xã đạt chuẩn → chưa đạt mức nào") != std::string::npos);
    CHECK(render_diff_json(run).find("\"direction\": \"lost\"") != std::string::npos);
    const std::string md = render_diff_md(run);
    CHECK(md.find("| Xã A (A) | xuống mức |") != std::string::npos);
    const std::string html = render_diff_html(run);
    CHECK(support::html_nesting_problem(html).empty());
    CHECK(html.find("Xã A (A)") != std::string::npos);
    CHECK(html.find("http") == std::string::npos);  // self-contained: nothing fetched
}
