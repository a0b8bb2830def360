// A report's sections (Report::sections) and its parts per body in charge and per commune
// (report/split.hpp), on a hand-built report.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "report/split.hpp"

using namespace ntm::report;

namespace {

Report sample() {
    Report r;
    r.overview.year = 2024;
    for (const char* body : {"Sở Xây dựng", "Sở Y tế", "", "Sở Y  tế!"}) {
        WorkList list;
        list.body = body;
        WorkItem item;
        item.commune = {"20365", "Xã Tam Đàn"};
        item.criterion_code = std::string(1, '2');  // not = "2": a false -Wrestrict of GCC 12 at -O3
        item.criterion_title = "Giao thông";
        list.items.push_back(item);
        list.communes = 1;
        r.work.push_back(list);
    }
    for (const char* code : {"20365", "20368"}) {
        CommuneSheet s;
        s.unit = {code, std::string(code) == "20365" ? "Xã Tam Đàn" : "Xã Đại Lộc"};
        s.anchor = fmt::format("xa-{}", code);
        r.communes.push_back(s);
    }
    return r;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("slug: ASCII, lower case, without diacritics, one dash between words", "[report]") {
    CHECK(slug("Sở Xây dựng") == "so-xay-dung");
    CHECK(slug("Đại Lộc") == "dai-loc");
    CHECK(slug("  Sở Nông nghiệp và Môi trường (NN&MT) ") == "so-nong-nghiep-va-moi-truong-nn-mt");
    CHECK(slug("—") == "");
}

TEST_CASE("split by body: one part per work list, only that list", "[report]") {
    const std::vector<ReportPart> parts = split_by_body(sample());
    REQUIRE(parts.size() == 4);
    CHECK(parts[0].name == "so-xay-dung");
    CHECK(parts[1].name == "so-y-te");
    CHECK(parts[2].name == "chua-giao");
    CHECK(parts[3].name == "so-y-te-2");  // same slug as another body: numbered
    for (const ReportPart& p : parts) {
        CHECK(p.report.work.size() == 1);
        CHECK(p.report.sections == kWork);
    }
    CHECK(parts[1].report.work[0].body == "Sở Y tế");
    const std::string md = render_report_md(parts[0].report, Lang::vi);
    CHECK(has(md, "Sở Xây dựng"));
    CHECK_FALSE(has(md, "Sở Y tế"));
    CHECK(has(md, "id=\"viec-cua-so\""));
    CHECK_FALSE(has(md, "id=\"tong-quan\""));
    CHECK_FALSE(has(md, "id=\"phieu-xa\""));
    CHECK_FALSE(has(md, "#xa-20365"));  // no sheet in the part: the name is not a link
}

TEST_CASE("split by commune: one part per sheet, named by code and name", "[report]") {
    const std::vector<ReportPart> parts = split_by_commune(sample());
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].name == "20365-xa-tam-dan");
    CHECK(parts[1].name == "20368-xa-dai-loc");
    REQUIRE(parts[1].report.communes.size() == 1);
    CHECK(parts[1].report.communes[0].unit.code == "20368");
    CHECK(parts[1].report.sections == kCommunes);
    const std::string md = render_report_md(parts[1].report, Lang::vi);
    CHECK(has(md, "Xã Đại Lộc (20368)"));
    CHECK_FALSE(has(md, "20365"));
    CHECK_FALSE(has(md, "id=\"viec-cua-so\""));
}

TEST_CASE("split: each part handed on in turn, the same as collected, until one is refused", "[report]") {
    const Report whole = sample();
    const std::vector<ReportPart> collected = split_by_commune(whole);
    std::vector<std::string> names, rendered;
    CHECK(each_part_by_commune(whole, [&](const std::string& name, const Report& part) {
        names.push_back(name);
        rendered.push_back(render_report_md(part, Lang::vi));
        return true;
    }));
    REQUIRE(names.size() == collected.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
        CHECK(names[i] == collected[i].name);
        CHECK(rendered[i] == render_report_md(collected[i].report, Lang::vi));
    }
    // The whole report is left as it was: every sheet, every view.
    CHECK(whole.communes.size() == 2);
    CHECK(whole.sections == sample().sections);
    std::size_t taken = 0;
    CHECK_FALSE(each_part_by_body(whole, [&](const std::string&, const Report&) { return ++taken > 1; }));
    CHECK(taken == 1);  // stopped at the first part refused
}

TEST_CASE("sections: only the views asked for, in Markdown and CSV", "[report]") {
    Report r = sample();
    r.sections = kCriteria | kProblems;
    const std::string md = render_report_md(r, Lang::vi);
    CHECK(has(md, "id=\"tieu-chi\""));
    CHECK(has(md, "id=\"loi-du-lieu\""));
    CHECK_FALSE(has(md, "id=\"tong-quan\""));
    CHECK_FALSE(has(md, "id=\"viec-cua-so\""));
    CHECK_FALSE(has(md, "id=\"phieu-xa\""));
    std::vector<std::string> names;
    for (const auto& [name, table] : render_report_csv(r, Lang::vi)) names.push_back(name);
    CHECK(names == std::vector<std::string>{"tieu-chi.csv", "loi-du-lieu.csv"});
    r.sections = kOverview | kCommunes;
    names.clear();
    for (const auto& [name, table] : render_report_csv(r, Lang::vi)) names.push_back(name);
    CHECK(names == std::vector<std::string>{"tong-quan.csv", "tien-do-huyen.csv", "phan-loai.csv", "muc-tieu.csv",
                                            "phieu-xa.csv", "phieu-xa-chi-tieu.csv"});
}
