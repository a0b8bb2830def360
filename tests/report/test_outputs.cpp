// What every output of report/ owes its reader: control characters from the data shown, not
// sent raw to a terminal or a page; workbooks that are the same bytes for the same inputs; and
// a workbook that cannot be written leaves the old file as it was and no temporary behind.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "data/load.hpp"
#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "report/report.hpp"
#include "report/text.hpp"
#include "report/xlsx.hpp"
#include "tests/support/support.hpp"
#include "tests/support/zip.hpp"
#include "text/problem.hpp"

using namespace ntm;
using namespace ntm::engine;
using namespace ntm::report;
namespace fs = std::filesystem;

namespace {

const std::string kGolden = std::string(NTM_SOURCE_DIR) + "/tests/golden/eval/";

// The rules of Phú Ninh and data whose names hold control characters: an escape sequence that
// would turn a terminal red, a bell, a vertical tab and a DEL.
struct Hostile : support::CompiledRules {
    Dataset data;
    Evaluation evaluation;
    Report report;

    Hostile() : CompiledRules(support::compile_rules(kGolden + "phu_ninh")) {
        data = ntm::data::load_data(kGolden + "ky_tu_dieu_khien/du-lieu.csv", program.schema);
        evaluation = evaluate(program, data, {2024, 1, kNone});
        ReportOptions options;
        options.data_file = "du-lieu.csv";
        report = build_report(program, data, evaluation, options);
    }
};

// The C0 controls (but the line break), DEL and the C1 controls that `text` holds.
std::string raw_controls(const std::string& text) {
    std::string found;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool c1 = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(text[i + 1]) < 0xA0;
        if ((c < 0x20 && c != '\n' && c != '\r') || c == 0x7F || c1) {
            found += fmt::format("0x{:02X} at {}; ", c, i);
        }
    }
    return found;
}

std::vector<std::string> files_in(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("outputs: control characters from the data are shown, never sent raw", "[outputs]") {
    const Hostile h;
    REQUIRE(h.data.entities.size() == 11);

    const std::string eval = render_eval_text(h.program, h.data, h.evaluation);
    CHECK(raw_controls(eval).empty());
    CHECK(eval.find("Xã Tam <U+001B>[31mĐại<U+001B>[0m") != std::string::npos);
    CHECK(eval.find("Phú<U+0007>Ninh") != std::string::npos);
    CHECK(eval.find("Tam<U+000B>Lộc<U+007F>") != std::string::npos);

    for (std::uint32_t r = 0; r < h.evaluation.entities.size(); ++r) {
        const EntityExplanation x = explain(h.program, h.data, h.evaluation, r);
        const std::string text = render_explanation_text(x, h.data);
        INFO(x.code);
        CHECK(raw_controls(text).empty());
    }

    for (const Lang lang : {Lang::vi, Lang::en}) {
        const std::string html = render_report_html(h.report, lang);
        CHECK(raw_controls(html).empty());
        CHECK(html.find("Tam &lt;U+001B&gt;[31mĐại&lt;U+001B&gt;[0m") != std::string::npos);
        const std::string md = render_report_md(h.report, lang);
        CHECK(raw_controls(md).empty());
        CHECK(md.find("Tam <U+001B>[31mĐại<U+001B>[0m") != std::string::npos);
        for (const auto& [name, text] : render_report_csv(h.report, lang)) {
            INFO(name);
            CHECK(raw_controls(text).empty());
        }
    }

    const std::string path = support::temp_path("dieu-khien.xlsx");
    write_report_xlsx(h.report, Lang::vi, path);
    const std::string strings = unzip(path, "xl/sharedStrings.xml");
    CHECK(raw_controls(strings).empty());
    CHECK(strings.find("_x001B_") == std::string::npos);  // Excel's escape, which Excel shows raw
    CHECK(strings.find("Tam &lt;U+001B&gt;[31mĐại&lt;U+001B&gt;[0m") != std::string::npos);
    fs::remove(path);
}

TEST_CASE("outputs: the same report and template are the same workbook, byte for byte", "[outputs][xlsx]") {
    const Hostile h;
    const std::string dir = support::temp_dir("same-bytes");
    write_report_xlsx(h.report, Lang::vi, dir + "/a.xlsx");
    write_template(dir + "/a-mau.xlsx", plan_template(h.program, {2024, {}, {}, {}}));
    // The creation time has seconds: a second later, a clock-stamped file would differ.
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    write_report_xlsx(h.report, Lang::vi, dir + "/b.xlsx");
    write_template(dir + "/b-mau.xlsx", plan_template(h.program, {2024, {}, {}, {}}));
    const bool same_report = support::read_file(dir + "/a.xlsx") == support::read_file(dir + "/b.xlsx");
    const bool same_template = support::read_file(dir + "/a-mau.xlsx") == support::read_file(dir + "/b-mau.xlsx");
    CHECK(same_report);
    CHECK(same_template);
    // Dated 1 January 2000, 00:00 UTC, whenever written.
    for (const char* name : {"/a.xlsx", "/a-mau.xlsx"}) {
        const std::string core = unzip(dir + name, "docProps/core.xml");
        CHECK(core.find(">2000-01-01T00:00:00Z</dcterms:created>") != std::string::npos);
        CHECK(core.find(">2000-01-01T00:00:00Z</dcterms:modified>") != std::string::npos);
    }
}

TEST_CASE("outputs: a workbook that cannot be written leaves the old file and no temporary", "[outputs][xlsx]") {
    const std::string dir = support::temp_dir("xlsx-failure");
    const std::string path = dir + "/bao-cao.xlsx";
    support::write_temp("xlsx-failure/bao-cao.xlsx", "the report of last year");

    // Excel holds at most 32 767 letters in a cell: writing more fails half-way through.
    Sheet sheet{"x", {"a"}, {{XlsxCell::of(std::string(40000, 'a'))}}, true, 0};
    try {
        write_workbook(path, {sheet});
        FAIL("no error");
    } catch (const text::FileError& e) {
        CHECK(text::render(e.problem, ntm::text::Lang::en) == path + ": error: cannot write row 2 of sheet 'x': string exceeds Excel's "
                                                "limit of 32,767 characters\n");
    }
    CHECK(support::read_file(path) == "the report of last year");
    CHECK(files_in(dir) == std::vector<std::string>{"bao-cao.xlsx"});

    // And once written, the workbook is all there is.
    sheet.rows = {{XlsxCell::of("a")}};
    write_workbook(path, {sheet});
    const Hostile h;
    write_template(dir + "/mau.xlsx", plan_template(h.program, {2024, {}, {}, {}}));
    CHECK(files_in(dir) == std::vector<std::string>{"bao-cao.xlsx", "mau.xlsx"});
    CHECK(unzip(path, "xl/sharedStrings.xml").find("<t>a</t>") != std::string::npos);
}
