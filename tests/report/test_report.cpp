// Reports: the model on the golden rules and data of Phú Ninh (tests/golden/eval/), and the
// structure of the HTML page (well-formed nesting, no external resource, an anchor and a link
// per commune, charts, print CSS).  Markdown and CSV are pinned by tests/golden/report/.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <regex>

#include "data/load.hpp"
#include "engine/evaluate.hpp"
#include "report/report.hpp"
#include "text/utf8.hpp"
#include "tests/support/phu_ninh_report.hpp"
#include "tests/support/support.hpp"
#include "tests/support/zip.hpp"

using namespace ntm;
using namespace ntm::engine;
using namespace ntm::report;

namespace {

// The report of the Phú Ninh golden case.
using Fixture = support::PhuNinhReport;

}  // namespace

TEST_CASE("report: the model reads the evaluation", "[report]") {
    const Fixture f;
    const Report& r = f.report;
    REQUIRE(r.communes.size() == 9);
    CHECK(r.communes.front().unit.code == "20365");  // by code
    CHECK(r.overview.scope.code == "49");
    REQUIRE(r.overview.kinds.size() == 2);
    CHECK(r.overview.kinds[0].total == 9);
    CHECK(r.overview.kinds[0].levels[0].count == 6);
    REQUIRE(r.overview.districts.size() == 1);
    CHECK(r.overview.districts[0].at_least == std::vector<std::size_t>{3, 1});
    // Criteria: weakest first.
    REQUIRE(r.criteria.size() == 3);
    for (std::size_t i = 1; i < r.criteria.size(); ++i) CHECK(r.criteria[i - 1].pass_rate <= r.criteria[i].pass_rate);
    // Work lists: every item of a body is closest to passing first.
    for (const WorkList& list : r.work) {
        for (std::size_t i = 1; i < list.items.size(); ++i) CHECK(list.items[i - 1].closeness <= list.items[i].closeness);
    }
    CHECK(r.problems.size() == f.data.problems.size() + f.evaluation.problems.size());
    // The maintenance warning of Tam Lộc.
    bool lost = false;
    for (const CommuneSheet& s : r.communes) lost |= s.unit.code == "20377" && !s.x.lost_level_title.empty();
    CHECK(lost);
}

TEST_CASE("report: HTML is one well-formed page with no external resource", "[report]") {
    const Fixture f;
    for (const Lang lang : {Lang::vi, Lang::en}) {
        const std::string html = render_report_html(f.report, lang);
        INFO(support::html_nesting_problem(html));
        CHECK(support::html_nesting_problem(html).empty());
        CHECK(html.find("http") == std::string::npos);  // no URL at all: nothing to fetch
        const std::regex attr(R"re((src|href)\s*=\s*"([^"]*)")re");
        for (auto it = std::sregex_iterator(html.begin(), html.end(), attr); it != std::sregex_iterator(); ++it) {
            INFO((*it)[0].str());
            CHECK((*it)[2].str().rfind('#', 0) == 0);  // in-page anchors only
        }
        CHECK(html.find("<link") == std::string::npos);
        CHECK(html.find("@import") == std::string::npos);
        CHECK(html.find("<svg") != std::string::npos);
        // Levels tell apart in black-and-white print: hatched fills, counts on the bars.
        CHECK(html.find(R"(<pattern id="muc-1")") != std::string::npos);
        CHECK(html.find(R"x(fill="url(#muc-1)")x") != std::string::npos);
        CHECK(std::regex_search(html, std::regex(R"(paint-order="stroke">[0-9]+</text>)")));
        CHECK(html.find("@media print") != std::string::npos);
        CHECK(html.find("break-before:page") != std::string::npos);
        CHECK(html.find("break-inside:avoid") != std::string::npos);
        for (const CommuneSheet& s : f.report.communes) {
            INFO(s.anchor);
            CHECK(html.find("id=\"" + s.anchor + "\"") != std::string::npos);
            // Linked from the overview, which comes before the first sheet.
            const std::size_t link = html.find("href=\"#" + s.anchor + "\"");
            CHECK(link != std::string::npos);
            CHECK(link < html.find("<section class=\"sheet\""));
        }
    }
}

TEST_CASE("report: HTML escapes text from the data and the rules", "[report]") {
    Fixture f;
    f.report.communes.front().unit.name = "Xã <b>\"A&B\"</b>";
    const std::string html = render_report_html(f.report, Lang::vi);
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("Xã &lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;") != std::string::npos);
    CHECK(support::html_nesting_problem(html).empty());
}

TEST_CASE("report: the same inputs give the same bytes", "[report]") {
    const Fixture a, b;
    CHECK(render_report_html(a.report, Lang::vi) == render_report_html(b.report, Lang::vi));
    CHECK(render_report_md(a.report, Lang::en) == render_report_md(b.report, Lang::en));
    CHECK(render_report_csv(a.report, Lang::vi) == render_report_csv(b.report, Lang::vi));
}

TEST_CASE("report: CSV tables are UTF-8 with BOM, CRLF, quoted", "[report]") {
    const Fixture f;
    for (const auto& [name, text] : render_report_csv(f.report, Lang::vi)) {
        INFO(name);
        CHECK(text.rfind("\xEF\xBB\xBF", 0) == 0);
        CHECK(text.size() >= 2);
        CHECK(text.substr(text.size() - 2) == "\r\n");
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n') CHECK((i > 0 && text[i - 1] == '\r'));
        }
    }
}

TEST_CASE("report: the Excel workbook has the CSV tables as sheets, numbers as numbers", "[report]") {
    const Fixture f;
    const std::string path = support::temp_path("report.xlsx");
    write_report_xlsx(f.report, Lang::vi, path);
    const std::string workbook = unzip(path, "xl/workbook.xml");
    for (const auto& [name, text] : render_report_csv(f.report, Lang::vi)) {
        INFO(name);
        CHECK(workbook.find("<sheet name=\"" + name.substr(0, name.size() - 4) + "\"") != std::string::npos);
    }
    const std::string overview = unzip(path, "xl/worksheets/sheet1.xml");
    CHECK(overview.find(R"(state="frozen")") != std::string::npos);
    // Every table sheet can be filtered by its headers and keeps the columns naming a row in
    // view: the work lists their body, code and name (three columns).
    for (int n = 1; n <= 9; ++n) {
        INFO("sheet " << n);
        CHECK(unzip(path, "xl/worksheets/sheet" + std::to_string(n) + ".xml").find("<autoFilter ref=\"A1:") !=
              std::string::npos);
    }
    CHECK(unzip(path, "xl/worksheets/sheet6.xml").find(R"(<pane xSplit="3" ySplit="1")") != std::string::npos);
    CHECK(overview.find(R"(t="n")") == std::string::npos);  // numbers are written as plain <v>
    CHECK(std::regex_search(overview, std::regex(R"(<c r="B2"[^>]*><v>[0-9])")));
    // A verdict "chưa đạt" is highlighted: every cell holding it has a style (the fill).
    const std::string strings = unzip(path, "xl/sharedStrings.xml");
    std::size_t index = 0, found = std::string::npos;
    for (std::size_t at = strings.find("<si>"); at != std::string::npos; at = strings.find("<si>", at + 1), ++index) {
        if (strings.substr(at, strings.find("</si>", at) - at).find(">chưa đạt<") != std::string::npos) found = index;
    }
    REQUIRE(found != std::string::npos);
    const std::string work = unzip(path, "xl/worksheets/sheet6.xml");
    const std::regex plain("<c r=\"[A-Z]+[0-9]+\" t=\"s\"><v>" + std::to_string(found) + "</v>");
    const std::regex styled("<c r=\"[A-Z]+[0-9]+\" s=\"[0-9]+\" t=\"s\"><v>" + std::to_string(found) + "</v>");
    CHECK(std::regex_search(work, styled));
    CHECK_FALSE(std::regex_search(work, plain));
    std::filesystem::remove(path);
}

TEST_CASE("report: the legend of the level chart wraps within the figure", "[report]") {
    Fixture f;
    // Level names as long as the decisions' (five of them did not fit on one line of 760).
    f.report.overview.commune_levels = {"Xã đạt chuẩn nông thôn mới", "Xã nông thôn mới nâng cao",
                                        "Xã nông thôn mới kiểu mẫu", "Xã nông thôn mới hiện đại"};
    const std::string html = render_report_html(f.report, Lang::vi);
    const std::regex item(R"re(<rect x="([0-9]+)" y="([0-9]+)" width="12" height="12"[^>]*/><text x="[0-9]+" y="[0-9]+" font-size="11">([^<]*)</text>)re");
    int rows = 0;
    std::size_t items = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), item); it != std::sregex_iterator(); ++it) {
        const int x = std::stoi((*it)[1].str());
        const int y = std::stoi((*it)[2].str());
        const std::string name = (*it)[3].str();
        INFO(name << " at " << x << "," << y);
        CHECK(x + 16 + static_cast<int>(text::display_width(name)) * 7 <= 760);
        rows = std::max(rows, (y - 6) / 18 + 1);
        ++items;
    }
    CHECK(items == 5);
    CHECK(rows == 2);
}
