// The data-entry template of the bundled rules, written, filled in and read back: for Quảng Nam
// (province 49) in 2024 on the map of three tiers and for Đà Nẵng (48) in 2026 on the map of
// two.  What the template offers is what the readers accept, every sheet of it; and a mistake in
// it comes back from validate --annotate as a note on its cell.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <algorithm>
#include <string>
#include <vector>

#include "data/headers.hpp"
#include "data/load.hpp"
#include "engine/evaluate.hpp"
#include "report/annotate.hpp"
#include "report/template_plan.hpp"
#include "report/xlsx.hpp"
#include "tests/support/support.hpp"
#include "tests/support/zip.hpp"
#include "text/problem.hpp"

using namespace ntm::engine;
using namespace ntm::report;
using ntm::dsl::EntityKind;

namespace {

const support::CompiledRules& bundled() {
    static const support::CompiledRules rules = support::compile_rules(std::string(NTM_SOURCE_DIR) + "/rules");
    return rules;
}

const std::vector<std::string> kReserved = {"Mã", "Tên", "Loại", "Mã cấp trên", "Vùng", "Năm", "Mức công nhận",
                                            "Năm công nhận"};

// A value for every input, as a clerk picks it: the yes word of a list, 100 %, whole numbers.
XlsxCell answer(const Column& c) {
    if (c.type == ValueType::boolean) return XlsxCell::of(std::string(ntm::data::yes_no_words(c).first));
    if (c.percent) return XlsxCell::of(100.0);
    return XlsxCell::of(c.count ? 10.0 : 1.0);
}

// The first rural commune (type Xã: a ward is not judged) of the first sheet.
std::size_t first_commune(const TemplatePlan& plan) {
    const auto& units = plan.sheets.front().units;
    std::size_t r = 0;
    while (r < units.size() && units[r].type != "Xã") ++r;
    REQUIRE(r + 1 < units.size());
    return r;
}

// The template's sheets as a clerk fills them: every pre-filled row kept; the first commune of
// the first sheet answered in full and recognised "Đạt chuẩn" in 2019; `wrong` written in the
// first yes/no cell of the row after it.
std::vector<Sheet> filled(const TemplatePlan& plan, const std::string& wrong) {
    const std::size_t answered = first_commune(plan);
    std::vector<Sheet> out;
    for (const TemplateSheet& ts : plan.sheets) {
        Sheet s{ts.name, kReserved, {}, true, 2};
        for (const TemplateInput& in : ts.inputs) s.header.push_back(in.header);
        for (std::size_t r = 0; r < ts.units.size(); ++r) {
            const TemplateUnit& u = ts.units[r];
            std::vector<XlsxCell> row = {XlsxCell::of(u.code), XlsxCell::of(u.name), XlsxCell::of(u.type),
                                         XlsxCell::of(u.parent), XlsxCell::of(u.region),
                                         XlsxCell::of(static_cast<double>(plan.year))};
            if (&ts == &plan.sheets.front() && r == answered) {
                row.push_back(XlsxCell::of("Đạt chuẩn"));
                row.push_back(XlsxCell::of(2019.0));
                for (const TemplateInput& in : ts.inputs) row.push_back(answer(*in.column));
            } else if (&ts == &plan.sheets.front() && r == answered + 1) {
                row.resize(kReserved.size());
                for (const TemplateInput& in : ts.inputs) {
                    const bool yes_no = in.column->type == ValueType::boolean;
                    row.push_back(yes_no ? XlsxCell::of(wrong) : XlsxCell{});
                    if (yes_no) break;
                }
            }
            s.rows.push_back(std::move(row));
        }
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<std::string> sheet_names(const TemplatePlan& plan) {
    std::vector<std::string> names;
    for (const TemplateSheet& s : plan.sheets) names.push_back(s.name);
    return names;
}

// Writes the template of `options`, reads it back untouched (no problem, every unit), then
// filled in: one problem, the wrong yes/no cell, and the answered commune judged.
void round_trip(const TemplateOptions& options, const std::string& name) {
    const Program& program = bundled().program;
    const TemplatePlan plan = plan_template(program, options);
    REQUIRE(plan.error.empty());
    REQUIRE(!plan.sheets.empty());
    REQUIRE(plan.sheets.front().kind == EntityKind::xa);
    // Each header leads to one input: none is written twice on a sheet.
    for (const TemplateSheet& s : plan.sheets) {
        std::vector<std::string> headers;
        for (const TemplateInput& in : s.inputs) headers.push_back(in.header);
        std::sort(headers.begin(), headers.end());
        CHECK(std::adjacent_find(headers.begin(), headers.end()) == headers.end());
    }
    std::size_t units = 0;
    for (const TemplateSheet& s : plan.sheets) units += s.units.size();

    // Untouched: the pre-filled units, on every sheet, without a problem.
    const std::string path = support::temp_path(name + ".xlsx");
    write_template(path, plan);
    ntm::data::LoadOptions load = support::official_lists();
    const Dataset empty = ntm::data::load_data(path, program.schema, load);
    INFO(support::problem_lines(empty).size());
    CHECK(support::problem_lines(empty).empty());
    CHECK(empty.records.size() == units);

    // Filled in.
    const std::string back = support::temp_path(name + "-da-dien.xlsx");
    write_workbook(back, filled(plan, "có lẽ"));
    const Dataset ds = ntm::data::load_data(back, program.schema, load);
    REQUIRE(ds.problems.size() == 1);
    const ntm::text::Problem& p = ds.problems.front();
    const TemplateSheet& xa = plan.sheets.front();
    std::size_t yes_no = 0;
    while (xa.inputs[yes_no].column->type != ValueType::boolean) ++yes_no;
    CHECK(p.code == "D0202");
    CHECK(p.where.sheet == "Xã");
    CHECK(p.where.line == first_commune(plan) + 3);
    CHECK(p.where.column == kReserved.size() + yes_no + 1);
    CHECK(p.where.field == xa.inputs[yes_no].header);
    CHECK(ntm::text::render(p, ntm::text::Lang::vi).find("'có lẽ'") != std::string::npos);
    CHECK(ds.records.size() == units);

    // Given back annotated (validate --annotate): the one note is on that cell of the Xã sheet.
    const std::string annotated = support::temp_path(name + "-ghi-chu.xlsx");
    const ntm::data::Source source = ntm::data::read_source(back, load);
    CHECK(write_annotated(annotated, source, ds, ntm::text::Lang::vi) == 1);
    const auto cell = place_problem(p, source);
    REQUIRE(cell.has_value());
    CHECK(source.sheets[cell->sheet].name == "Xã");
    CHECK(cell->row == p.where.line);
    CHECK(cell->column == p.where.column);
    const std::string ref = ntm::text::column_letters(p.where.column) + std::to_string(p.where.line);
    const std::string comments = unzip(annotated, "xl/comments1.xml");
    CHECK(comments.find("ref=\"" + ref + "\"") != std::string::npos);
    CHECK(comments.find("D0202") != std::string::npos);

    // The answered commune: its values, its recognition, and judged on them.
    const std::string& code = xa.units[first_commune(plan)].code;
    const std::uint32_t e = ds.find(code);
    REQUIRE(e != kNone);
    REQUIRE(ds.entities[e].recognised.size() == 1);
    CHECK(ds.entities[e].recognised.front().level == "dat_chuan");
    CHECK(ds.entities[e].recognised.front().year == 2019);
    const Record* record = nullptr;
    for (const Record& r : ds.records) {
        if (r.entity == e) record = &r;
    }
    REQUIRE(record != nullptr);
    for (const TemplateInput& in : xa.inputs) {
        INFO(in.header);
        const double want = in.column->type == ValueType::boolean ? 1 : in.column->percent ? 100 : in.column->count ? 10 : 1;
        CHECK(ds.values[record->offset + in.column->slot] == want);
    }
    const Evaluation ev = evaluate(program, ds, {options.year, 1, kNone});
    std::uint16_t answered = 0, other = 0;
    for (const EntityResult& r : ev.entities) {
        if (ds.records[r.record].entity == e) answered = r.criteria_met;
        if (ds.entities[ds.records[r.record].entity].code == xa.units.back().code) other = r.criteria_met;
    }
    CHECK(answered > 0);
    CHECK(other == 0);
}

}  // namespace

TEST_CASE("template: Quảng Nam 2024, map of three tiers", "[template][xlsx]") {
    const TemplatePlan plan = plan_template(bundled().program, {2024, "49", {}, {}});
    CHECK(sheet_names(plan) == std::vector<std::string>{"Xã", "Thôn", "Huyện", "Tỉnh"});
    CHECK(plan.sheets.front().units.size() == 234);
    // The inputs of the sets of 2021-2025 only: no field of the 2016-2020 set (QĐ 1980).
    bool road = false;
    for (const TemplateInput& in : plan.sheets.front().inputs) {
        INFO(in.header);
        CHECK(in.header.find("QĐ 1980") == std::string::npos);
        road = road || (in.header.starts_with("2.1 ") && in.header.ends_with(" (%)"));
    }
    CHECK(road);
    round_trip({2024, "49", {}, {}}, "quang-nam-2024");
}

TEST_CASE("template: Đà Nẵng 2026, map of two tiers", "[template][xlsx]") {
    const TemplatePlan plan = plan_template(bundled().program, {2026, "48", {}, {}});
    CHECK(sheet_names(plan) == std::vector<std::string>{"Xã", "Tỉnh"});
    CHECK(plan.sheets.back().units.size() == 1);
    round_trip({2026, "48", {}, {}}, "da-nang-2026");
}

TEST_CASE("template: headers and words read back", "[template]") {
    const Schema& schema = bundled().program.schema;
    const Column* road = schema.find(EntityKind::xa, "2.1");
    REQUIRE(road != nullptr);
    // The header written, the code alone with another title, the title without code or unit.
    CHECK(ntm::data::input_named_by(schema, ntm::data::input_header(*road, road->title)) == "2.1");
    CHECK(ntm::data::input_named_by(schema, "2.1 Tỷ lệ đường xã được cứng hóa (%)") == "2.1");
    CHECK(ntm::data::input_named_by(schema, "tỷ lệ người dân HÀI LÒNG với kết quả xây dựng nông thôn mới") == "hai_long");
    CHECK(ntm::data::input_named_by(schema, "Không phải cột nào").empty());
    CHECK(ntm::data::level_named_by(schema, EntityKind::xa, "Nâng cao") == "nang_cao");
    CHECK(ntm::data::level_named_by(schema, EntityKind::xa, "kieu mau") == "kieu_mau");
    CHECK(ntm::data::level_named_by(schema, EntityKind::huyen, "Đạt chuẩn") == "huyen_dat_chuan");
    CHECK(ntm::data::level_named_by(schema, EntityKind::xa, "Hoàn thành").empty());
}

TEST_CASE("template: an unknown province or a district on the new map", "[template]") {
    CHECK(!plan_template(bundled().program, {2024, "99", {}, {}}).error.empty());
    CHECK(!plan_template(bundled().program, {2026, "48", "490", {}}).error.empty());
    const TemplatePlan district = plan_template(bundled().program, {2024, "49", "518", {}});
    REQUIRE(district.error.empty());
    CHECK(district.sheets.front().units.size() == 10);  // the communes of Phú Ninh
}

TEST_CASE("template: the recognition cells, wrong", "[template][xlsx]") {
    const Program& program = bundled().program;
    const TemplatePlan plan = plan_template(program, {2026, "48", {}, EntityKind::xa});
    REQUIRE(plan.sheets.size() == 1);
    const TemplateSheet& xa = plan.sheets.front();
    Sheet s{xa.name, kReserved, {}, true, 2};
    const auto row = [&](std::size_t i, XlsxCell level, XlsxCell year) {
        const TemplateUnit& u = xa.units[i];
        return std::vector<XlsxCell>{XlsxCell::of(u.code), XlsxCell::of(u.name), XlsxCell::of(u.type),
                                     XlsxCell::of(u.parent), {}, XlsxCell::of(2026.0), std::move(level),
                                     std::move(year)};
    };
    s.rows.push_back(row(0, XlsxCell::of("Nâng cau"), XlsxCell::of(2024.0)));
    s.rows.push_back(row(1, XlsxCell::of("Nâng cao"), {}));
    s.rows.push_back(row(2, {}, XlsxCell::of(2023.0)));
    s.rows.push_back(row(3, XlsxCell::of("nang cao"), XlsxCell::of(2025.0)));
    const std::string path = support::temp_path("cong-nhan.xlsx");
    write_workbook(path, {s});
    const Dataset ds = ntm::data::load_data(path, program.schema, support::official_lists());
    std::vector<std::string> got;
    for (const ntm::text::Problem& p : ds.problems) {
        if (p.code == "D0303") continue;  // the province, taken from the official list
        got.push_back(fmt::format("{}{} {}: {}", ntm::text::column_letters(p.where.column), p.where.line, p.code,
                                  ntm::text::render(p, ntm::text::Lang::en)));
    }
    INFO(fmt::format("{}", fmt::join(got, "\n")));
    REQUIRE(got.size() == 3);
    CHECK(got[0].starts_with("G2 D0208: "));
    CHECK(got[0].find("no level of recognition 'Nâng cau' for a xa: write one of Đạt chuẩn, Nâng cao, "
                      "Kiểu mẫu, Hiện đại; did you mean 'Nâng cao'?") != std::string::npos);
    CHECK(got[1].starts_with("H3 D0208: "));
    CHECK(got[1].find("recognition level 'Nâng cao' has no year: write it in column 'Năm công nhận'") != std::string::npos);
    CHECK(got[2].starts_with("H4 D0208: "));
    CHECK(got[2].find("recognition year '2023' without a level: write the level in column 'Mức công nhận'") !=
          std::string::npos);
    const std::uint32_t e = ds.find(xa.units[3].code);
    REQUIRE(e != kNone);
    REQUIRE(ds.entities[e].recognised.size() == 1);
    CHECK(ds.entities[e].recognised.front().level == "nang_cao");
}
