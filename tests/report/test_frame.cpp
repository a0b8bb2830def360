// The official frame of a report (report/frame.hpp): the frame file read forgivingly, every
// mistake named by line and key; the date as Nghị định 30 writes it; the frame in the HTML page
// (well formed, printed on A4 with page numbers); compact sheets; the PDF's dates made fixed.
// The page as a whole is pinned by tests/golden/report/ (html_khung, md_khung, loi_khung…).
#include <catch2/catch.hpp>

#include "data/load.hpp"
#include "engine/evaluate.hpp"
#include "report/doc.hpp"
#include "report/frame.hpp"
#include "report/pdf.hpp"
#include "report/report.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::report;

namespace {

constexpr const char* kFrame =
    "# khung\n"
    "  Cơ quan chủ quản = ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM\n"
    "co quan ban hanh: VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI\n"
    "số = 12/BC-VPĐP\n"
    "địa danh = Tam Kỳ\n"
    "ngày = 5/2/2026\n"
    "\n"
    "nơi nhận = UBND tỉnh;\n"
    "nơi nhận = - Lưu: VT.\n"
    "quyền hạn = KT. CHÁNH VĂN PHÒNG\n"
    "chức vụ = PHÓ CHÁNH VĂN PHÒNG\n"
    "họ tên = Trần Thị Bình\n";

Frame parsed(const std::string& text, std::vector<text::Problem>& problems, FrameDate date = {}) {
    return parse_frame(text, "khung.txt", date, problems);
}

}  // namespace

TEST_CASE("frame: dates as people write them, and only real ones", "[report][frame]") {
    CHECK(parse_frame_date("05/12/2026").day == 5);
    CHECK(parse_frame_date("5-12-2026").month == 12);
    CHECK(parse_frame_date("2026-12-05").year == 2026);
    CHECK(parse_frame_date("29/02/2028").day == 29);  // a leap year
    CHECK(parse_frame_date("29/02/2026").empty());
    CHECK(parse_frame_date("31/04/2026").empty());
    CHECK(parse_frame_date("5/13/2026").empty());
    CHECK(parse_frame_date("hôm nay").empty());
    CHECK(parse_frame_date("05/12/26").empty());
    CHECK(parse_frame_date("1/1/1/2026").empty());
}

TEST_CASE("frame: a file read forgivingly: case, blanks, diacritics, ':' for '='", "[report][frame]") {
    std::vector<text::Problem> problems;
    const Frame f = parsed(kFrame, problems);
    INFO(text::render(problems, text::Lang::vi));
    REQUIRE(problems.empty());
    CHECK(f.authority == "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM");
    CHECK(f.issuer == "VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI");
    CHECK(f.recipients == std::vector<std::string>{"UBND tỉnh;", "- Lưu: VT."});
    CHECK(f.signer == "Trần Thị Bình");
    // Nghị định 30: day below 10 and months 1, 2 with a leading zero.
    CHECK(frame_date_line(f) == "Tam Kỳ, ngày 05 tháng 02 năm 2026");
    // --date stands for the file's date.
    const Frame g = parsed(kFrame, problems, parse_frame_date("15/11/2026"));
    CHECK(frame_date_line(g) == "Tam Kỳ, ngày 15 tháng 11 năm 2026");
}

TEST_CASE("frame: every mistake, by line and key", "[report][frame]") {
    std::vector<text::Problem> problems;
    parsed("cơ quan ban hành = A\ncơ quan ban hanh = B\nchuc vuu = C\nngày = 30/02/2026\nhọ tên =\nkhông có dấu bằng\n",
           problems);
    const std::string out = text::render(problems, text::Lang::vi);
    INFO(out);
    CHECK(out.find("khung.txt:2: lỗi: khoá 'cơ quan ban hành' đã ghi ở dòng 1") != std::string::npos);
    CHECK(out.find("khung.txt:3: lỗi: không có khoá 'chuc vuu' trong tệp khung; có phải là 'chức vụ'?") != std::string::npos);
    CHECK(out.find("khung.txt:4: lỗi: khoá 'ngày': '30/02/2026' không phải là một ngày") != std::string::npos);
    CHECK(out.find("khung.txt:5: lỗi: khoá 'họ tên' chưa có giá trị") != std::string::npos);
    CHECK(out.find("khung.txt:6: lỗi: dòng này không có dạng 'khoá = giá trị'") != std::string::npos);
    CHECK(out.find("khung.txt: lỗi: thiếu khoá 'địa danh'") != std::string::npos);
    CHECK(out.find("khung.txt: lỗi: thiếu khoá 'chức vụ'") != std::string::npos);
    CHECK(problems.size() == 8);  // and 'họ tên' missing
}

TEST_CASE("frame: the HTML page carries the frame, well formed, printed as Nghị định 30 sets it", "[report][frame]") {
    std::vector<text::Problem> problems;
    const Frame frame = parsed(kFrame, problems);
    auto rules = support::compile_rules(std::string(NTM_SOURCE_DIR) + "/tests/golden/eval/phu_ninh");
    const engine::Dataset data =
        ntm::data::load_data(std::string(NTM_SOURCE_DIR) + "/tests/golden/eval/phu_ninh_csv/phu-ninh-2024.csv", rules.program.schema);
    const engine::Evaluation evaluation = engine::evaluate(rules.program, data, {2024, 1, engine::kNone});
    const Report report = build_report(rules.program, data, evaluation, {});
    RenderOptions options;
    options.frame = &frame;
    options.compact = true;
    const std::string html = render_report_html(report, text::Lang::vi, options);
    CHECK(support::html_nesting_problem(html).empty());
    CHECK(html.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") < html.find("Độc lập - Tự do - Hạnh phúc"));
    CHECK(html.find("Tam Kỳ, ngày 05 tháng 02 năm 2026") != std::string::npos);
    CHECK(html.find("<h1>") == std::string::npos);  // the frame writes the title
    CHECK(html.find("Nơi nhận:") < html.find("Trần Thị Bình"));
    CHECK(html.find("@top-center{content:counter(page)") != std::string::npos);
    CHECK(html.find("margin:20mm 15mm 20mm 30mm") != std::string::npos);
    // Compact sheets: kept whole, never the rule-line column.
    CHECK(html.find("<section class=\"sheet compact\"") != std::string::npos);
    CHECK(html.find("class=\"rule\"") == std::string::npos);
    // Full sheets keep the rule line, hidden in print.
    const std::string full = render_report_html(report, text::Lang::vi);
    CHECK(full.find("<td class=\"rule\">") != std::string::npos);
    CHECK(full.find("th.rule,td.rule{display:none}") != std::string::npos);
    CHECK(full.find("CỘNG HÒA") == std::string::npos);
}

TEST_CASE("pdf: the printing dates are made the document's, bytes and offsets kept", "[report][pdf]") {
    std::string pdf = "%PDF-1.4\n1 0 obj\n<</Creator (x)\n/CreationDate (D:20261206075354+00'00')\n"
                      "/ModDate (D:20261206075354-05'30')>>\nendobj\n/CreationDate (not a date)\n";
    const std::size_t size = pdf.size();
    CHECK(stamp_pdf_dates(pdf, parse_frame_date("05/12/2026")) == 2);
    CHECK(pdf.size() == size);
    CHECK(pdf.find("/CreationDate (D:20261205000000+07'00')") != std::string::npos);
    CHECK(pdf.find("/ModDate (D:20261205000000+07'00')") != std::string::npos);
    CHECK(pdf.find("(not a date)") != std::string::npos);
}
