// The criteria handbook (`ntm doc`): the document built from the rules of
// tests/golden/doc/md_features.ntm (every kind of threshold, marks, bodies in charge, a set for a
// locality, levels, a revocation rule and a category) and from small rule texts; the HTML page.
// The whole output is pinned by tests/golden/doc/.
#include <catch2/catch.hpp>
#include <regex>
#include <string_view>

#include "report/doc.hpp"
#include "report/handbook.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::report;

namespace {

const std::string kFeatures = std::string(NTM_SOURCE_DIR) + "/tests/golden/doc/md_features.ntm";

const support::CompiledRules& features() {
    static const support::CompiledRules rules = support::compile_rules(kFeatures);
    return rules;
}

Doc handbook(const std::string& set = {}, Lang lang = Lang::vi) {
    const engine::Program& p = features().program;
    HandbookOptions options;
    if (!set.empty()) {
        options.set = p.set_index(set);
        REQUIRE(options.set != kNone);
    }
    return handbook_document(p, lang, options);
}

// The index of the first heading whose text starts with `start` (none fails the test).
std::size_t heading_at(const Doc& doc, std::string_view start) {
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        if (doc.blocks[i].kind == DocBlock::heading && doc.blocks[i].text.starts_with(start)) return i;
    }
    FAIL("no heading starting with " << start);
    return 0;
}

// The blocks of kind `kind` between that heading and the next one.
std::vector<DocBlock> under(const Doc& doc, std::string_view start, DocBlock::Kind kind) {
    std::vector<DocBlock> out;
    for (std::size_t i = heading_at(doc, start) + 1; i < doc.blocks.size() && doc.blocks[i].kind != DocBlock::heading; ++i) {
        if (doc.blocks[i].kind == kind) out.push_back(doc.blocks[i]);
    }
    return out;
}

std::vector<std::string> texts(const std::vector<DocCell>& cells) {
    std::vector<std::string> out;
    for (const DocCell& c : cells) out.push_back(c.text);
    return out;
}

std::vector<std::string> column(const DocBlock& table, std::size_t c) {
    std::vector<std::string> out;
    for (const auto& row : table.rows) out.push_back(row.at(c).text);
    return out;
}

std::vector<std::string> headings(const Doc& doc, int level) {
    std::vector<std::string> out;
    for (const DocBlock& b : doc.blocks) {
        if (b.kind == DocBlock::heading && b.level == level) out.push_back(b.text);
    }
    return out;
}

std::vector<std::string> all_items(const std::vector<DocBlock>& blocks) {
    std::vector<std::string> out;
    for (const DocBlock& b : blocks) out.insert(out.end(), b.items.begin(), b.items.end());
    return out;
}

std::vector<std::string> paragraphs(const std::vector<DocBlock>& blocks) {
    std::vector<std::string> out;
    for (const DocBlock& b : blocks) out.push_back(b.text);
    return out;
}

}  // namespace

TEST_CASE("handbook: a threshold by region is a table of the seven regions in their official order", "[handbook]") {
    const Doc doc = handbook();
    const std::vector<DocBlock> tables = under(doc, "Chỉ tiêu 2.2.", DocBlock::table);
    REQUIRE(tables.size() == 1);
    CHECK(texts(tables[0].header) == std::vector<std::string>{"Vùng", "Mức yêu cầu"});
    REQUIRE(tables[0].rows.size() == 7);
    for (std::size_t r = 0; r < 7; ++r) CHECK(tables[0].rows[r][0].text == dsl::kRegionTitles[r]);
    CHECK(column(tables[0], 1) == std::vector<std::string>{"50", "100 ⚠1", "70", "70", "70", "100 ⚠2", "50"});
    CHECK(tables[0].rows[0][1].number);
    CHECK(paragraphs(under(doc, "Chỉ tiêu 2.2.", DocBlock::paragraph)).front() == "Yêu cầu: ≥ mức theo vùng (%):");
}

TEST_CASE("handbook: a region by year table has a column per year or range of years, as written", "[handbook]") {
    const Doc doc = handbook();
    const std::vector<DocBlock> tables = under(doc, "Chỉ tiêu 10.", DocBlock::table);
    REQUIRE(tables.size() == 1);
    CHECK(texts(tables[0].header) == std::vector<std::string>{"Vùng", "2021-2022", "2023", "2024", "2025"});
    CHECK(texts(tables[0].rows.at(1)) == std::vector<std::string>{"Đồng bằng sông Hồng", "50", "58", "62,5", "66"});
    CHECK(paragraphs(under(doc, "Chỉ tiêu 10.", DocBlock::paragraph)).front() ==
          "Yêu cầu: ≥ mức theo vùng và năm (triệu đồng/người/năm):");
}

TEST_CASE("handbook: when cases in words with their conditions, the else case as its own table", "[handbook]") {
    const Doc doc = handbook();
    const std::vector<std::string> items = all_items(under(doc, "Chỉ tiêu 5.", DocBlock::bullets));
    CHECK(items.front() == "Khi `so_truong > 3`: ≥ 70 %");
    CHECK(std::find(items.begin(), items.end(), "Trong đó: `so_truong`: Số trường trên địa bàn xã") != items.end());
    const std::vector<std::string> lines = paragraphs(under(doc, "Chỉ tiêu 5.", DocBlock::paragraph));
    CHECK(lines.at(0) == "Yêu cầu: ≥ mức theo trường hợp và năm (%):");
    CHECK(lines.at(1) == "Các trường hợp khác:");
    const std::vector<DocBlock> tables = under(doc, "Chỉ tiêu 5.", DocBlock::table);
    REQUIRE(tables.size() == 1);
    CHECK(texts(tables[0].header) == std::vector<std::string>{"Năm", "Mức yêu cầu"});
    CHECK(column(tables[0], 0) == std::vector<std::string>{"2021-2022", "2023-2025"});
    CHECK(column(tables[0], 1) == std::vector<std::string>{"50", "55 ⚠"});
}

TEST_CASE("handbook: a table by category lists its members as the threshold writes them", "[handbook]") {
    const Doc doc = handbook();
    const std::vector<DocBlock> tables = under(doc, "Chỉ tiêu 3.1.", DocBlock::table);
    REQUIRE(tables.size() == 1);
    CHECK(texts(tables[0].header) == std::vector<std::string>{"Nhóm xã", "Mức yêu cầu"});
    CHECK(column(tables[0], 0) == std::vector<std::string>{"Nhóm 2: các xã còn lại", "Nhóm 1: xã giáp ranh đô thị"});
    CHECK(column(tables[0], 1) == std::vector<std::string>{"57,4", "70"});
}

TEST_CASE("handbook: constants, ranges and yes/no requirements are one line", "[handbook]") {
    const Doc doc = handbook();
    CHECK(all_items(under(doc, "Chỉ tiêu 2.3.", DocBlock::bullets)).front() == "Yêu cầu: trong khoảng 14 – 200 m²/người");
    CHECK(all_items(under(doc, "Chỉ tiêu 13.4.", DocBlock::bullets)) ==
          std::vector<std::string>{"Yêu cầu: đạt", "Chỉ áp dụng khi: `co_lang_nghe`", "Trong đó: `co_lang_nghe`: Xã có làng nghề"});
    CHECK(all_items(under(doc, "Tiêu chí 13.", DocBlock::bullets)) == std::vector<std::string>{"Đạt khi: đạt ít nhất 1 chỉ tiêu"});
    const std::vector<DocBlock> tables = under(doc, "Chỉ tiêu 13.1.", DocBlock::table);
    CHECK(tables.empty());
}

TEST_CASE("handbook: unconfirmed marks are flagged where they stand and explained after", "[handbook]") {
    const Doc doc = handbook();
    // Two cells of one table: numbered.
    CHECK(paragraphs(under(doc, "Chỉ tiêu 2.2.", DocBlock::paragraph)) ==
          std::vector<std::string>{"Yêu cầu: ≥ mức theo vùng (%):",
                                   "⚠1 Chưa xác nhận với văn bản gốc: ô Đồng bằng sông Hồng chưa đối chiếu",
                                   "⚠2 Chưa xác nhận với văn bản gốc: ô Đông Nam Bộ chưa đối chiếu"});
    // The indicator itself: on its heading.
    heading_at(doc, "Chỉ tiêu 10. Thu nhập bình quân đầu người ⚠");
    CHECK(paragraphs(under(doc, "Chỉ tiêu 10.", DocBlock::paragraph)).back() ==
          "⚠ Chưa xác nhận với văn bản gốc: tên chỉ tiêu chưa đối chiếu");
    // A gate.
    CHECK(all_items(under(doc, "Xã đạt chuẩn nông thôn mới", DocBlock::bullets)).back() ==
          "Tỷ lệ người dân hài lòng từ 90% trở lên: `hai_long >= 90%` ⚠");
    // The set counts its indicators with a mark: 2.2, 10 and 5.
    const std::vector<std::string> about = all_items(under(doc, "Bộ tiêu chí A giai đoạn", DocBlock::bullets));
    CHECK(std::find(about.begin(), about.end(), "4 tiêu chí, 6 chỉ tiêu; 3 chỉ tiêu có nội dung chưa xác nhận (⚠)") != about.end());
}

TEST_CASE("handbook: the bodies in charge, with the locality and years of their assignment", "[handbook]") {
    const Doc doc = handbook();
    CHECK(all_items(under(doc, "Tiêu chí 2.", DocBlock::bullets)) ==
          std::vector<std::string>{"Phụ trách: Sở Giao thông vận tải — Tỉnh Quảng Nam (mã 49), 2021-2024",
                                   "Phụ trách: Sở Xây dựng"});
    // An indicator's own assignment.
    CHECK(all_items(under(doc, "Chỉ tiêu 2.3.", DocBlock::bullets)).back() == "Phụ trách: Sở Giao thông vận tải");
    CHECK(locality_title("49", Lang::vi) == "Tỉnh Quảng Nam (mã 49)");
    CHECK(locality_title("99999", Lang::vi) == "địa bàn mã 99999");
}

TEST_CASE("handbook: sets by kind and period, national sets before those of a locality", "[handbook]") {
    const Doc doc = handbook();
    CHECK(headings(doc, 2) == std::vector<std::string>{"Các bộ tiêu chí", "Bộ tiêu chí xã, giai đoạn 2021-2025",
                                                       "Bộ tiêu chí xã, giai đoạn 2026-2030", "Các mức công nhận",
                                                       "Thu hồi quyết định công nhận", "Phân nhóm đơn vị"});
    const std::vector<std::string> sets{"Bộ tiêu chí A giai đoạn 2021-2025", "Bộ tiêu chí kiểu mẫu giai đoạn 2021-2025",
                                        "Bộ tiêu chí A của tỉnh Quảng Nam", "Bộ tiêu chí B giai đoạn 2026-2030",
                                        "Bộ tiêu chí hiện đại giai đoạn 2026-2030"};
    const std::vector<DocBlock> summary = under(doc, "Các bộ tiêu chí", DocBlock::table);
    REQUIRE(summary.size() == 1);
    CHECK(column(summary[0], 0) == sets);
    CHECK(summary[0].rows[2][0].link == "#bo-bo_a_tinh");
    CHECK(summary[0].rows[2][3].text == "Tỉnh Quảng Nam (mã 49)");
    // Kinds: communes, districts, villages, whatever the order written.
    const auto rules = support::compile_rules_text(R"(
set thon_a "Bộ thôn" {
  for thon
  valid 2021..2025
  criterion 1 "T" {
    indicator 1 "T" {
      unit yesno
      require yes
    }
  }
}
set huyen_a "Bộ huyện" {
  for huyen
  valid 2021..2025
  criterion 1 "H" {
    indicator 1 "H" {
      unit yesno
      require yes
    }
  }
}
set xa_a "Bộ xã" {
  for xa
  valid 2021..2025
  criterion 1 "X" {
    indicator 1 "X" {
      unit yesno
      require yes
    }
  }
}
)");
    CHECK(headings(handbook_document(rules.program, Lang::vi), 2) ==
          std::vector<std::string>{"Các bộ tiêu chí", "Bộ tiêu chí xã, giai đoạn 2021-2025",
                                   "Bộ tiêu chí huyện, giai đoạn 2021-2025", "Bộ tiêu chí thôn, giai đoạn 2021-2025"});
}

TEST_CASE("handbook: one set, with the levels, revocation rules and categories that use it", "[handbook]") {
    const Doc b = handbook("bo_b");
    CHECK(b.title == "Bộ tiêu chí B giai đoạn 2026-2030");
    CHECK(headings(b, 3) == std::vector<std::string>{"Bộ tiêu chí B giai đoạn 2026-2030", "Xã đạt chuẩn nông thôn mới", "Nhóm xã"});
    CHECK(headings(b, 2) ==
          std::vector<std::string>{"Bộ tiêu chí xã, giai đoạn 2026-2030", "Các mức công nhận", "Phân nhóm đơn vị"});
    const Doc a = handbook("bo_a");
    CHECK(headings(a, 3) == std::vector<std::string>{"Bộ tiêu chí A giai đoạn 2021-2025", "Xã đạt chuẩn nông thôn mới",
                                                     "Thu hồi quyết định công nhận xã đạt chuẩn nông thôn mới"});
    // A set for a locality is used where the set it extends is.
    const Doc tinh = handbook("bo_a_tinh");
    CHECK(headings(tinh, 3) == std::vector<std::string>{"Bộ tiêu chí A của tỉnh Quảng Nam", "Xã đạt chuẩn nông thôn mới",
                                                        "Thu hồi quyết định công nhận xã đạt chuẩn nông thôn mới"});
    const Doc km = handbook("bo_km");
    CHECK(headings(km, 3) == std::vector<std::string>{"Bộ tiêu chí kiểu mẫu giai đoạn 2021-2025", "Xã nông thôn mới kiểu mẫu"});
}

TEST_CASE("handbook: a level after one that has ended says which level it requires in those years", "[handbook]") {
    const Doc doc = handbook();
    CHECK(under(doc, "Xã nông thôn mới hiện đại", DocBlock::bullets).front().items.back() ==
          "Đòi hỏi đạt trước mức: Xã nông thôn mới kiểu mẫu — năm 2026-2030 mức này không áp dụng, nên đòi hỏi mức "
          "Xã đạt chuẩn nông thôn mới");
    CHECK(under(doc, "Xã nông thôn mới kiểu mẫu", DocBlock::bullets).front().items.back() ==
          "Đòi hỏi đạt trước mức: Xã đạt chuẩn nông thôn mới");
}

TEST_CASE("handbook: a condition is shown whole, on one line, with the parentheses it closes", "[handbook]") {
    const auto rules = support::compile_rules_text(R"(
data xa {
  field a "Điều kiện a": yesno
  field b "Điều kiện b": yesno
  field c "Điều kiện c": yesno
}
set s "Bộ thử" {
  for xa
  valid 2021..2025
  region TDMNPB when a or (b and c)
  criterion 1 "T" {
    indicator 1 "T" {
      unit yesno
      applies when (a or b) # một chú thích
                   and c
      require yes
    }
  }
}
)");
    const Doc doc = handbook_document(rules.program, Lang::vi);
    const std::vector<std::string> about = all_items(under(doc, "Bộ thử", DocBlock::bullets));
    CHECK(std::find(about.begin(), about.end(),
                    "Đánh giá theo mức của vùng Trung du và miền núi phía Bắc khi `a or (b and c)`") != about.end());
    CHECK(about.back() == "Trong đó: `a`: Điều kiện a; `b`: Điều kiện b; `c`: Điều kiện c");
    const std::vector<std::string> items = all_items(under(doc, "Chỉ tiêu 1.", DocBlock::bullets));
    CHECK(items.at(1) == "Chỉ áp dụng khi: `(a or b) and c`");
}

TEST_CASE("handbook: English labels, titles as the rules write them", "[handbook]") {
    const Doc doc = handbook({}, Lang::en);
    CHECK(doc.title == "Handbook of the new rural development criteria");
    CHECK(paragraphs(under(doc, "Indicator 2.2.", DocBlock::paragraph)).front() == "Required: ≥ the threshold by region (%):");
    CHECK(texts(under(doc, "Indicator 10.", DocBlock::table).at(0).header).front() == "Region");
    CHECK(all_items(under(doc, "Indicator 5.", DocBlock::bullets)).front() == "When `so_truong > 3`: ≥ 70 %");
    heading_at(doc, "Criterion 2. Giao thông");
}

TEST_CASE("handbook: one printable HTML page, nothing fetched, no rule file named", "[handbook]") {
    const engine::Program& p = features().program;
    const std::string html = render_handbook_html(p, Lang::vi);
    INFO(support::html_nesting_problem(html));
    CHECK(support::html_nesting_problem(html).empty());
    CHECK(html.find("@page{size:A4") != std::string::npos);
    CHECK(html.find("thead{display:table-header-group}") != std::string::npos);
    CHECK(html.find("<code>so_truong &gt; 3</code>") != std::string::npos);
    CHECK(html.find("http") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("md_features") == std::string::npos);
    CHECK(render_handbook_md(p, Lang::vi).find("md_features") == std::string::npos);
    // Every link is to an anchor of the page.
    const std::regex href(R"re(href="([^"]*)")re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator(); ++it) {
        const std::string target = (*it)[1];
        REQUIRE(target.starts_with("#"));
        CHECK(html.find("id=\"" + target.substr(1) + "\"") != std::string::npos);
    }
}

TEST_CASE("handbook: same rules, same bytes", "[handbook]") {
    const auto again = support::compile_rules(kFeatures);
    CHECK(render_handbook_md(features().program, Lang::vi) == render_handbook_md(again.program, Lang::vi));
    CHECK(render_handbook_html(features().program, Lang::en) == render_handbook_html(again.program, Lang::en));
}

TEST_CASE("doc renderers: rule text between backticks is code in HTML only in blocks that hold it", "[handbook]") {
    Doc doc;
    DocBlock code;
    code.text = "khi `x < 1` hoặc `y`; dấu ` lẻ";
    code.code_spans = true;
    DocBlock plain;
    plain.text = "tên có dấu `x`";
    doc.blocks = {code, plain};
    const std::string html = render_doc_html(doc, Lang::vi, {});
    CHECK(html.find("<p>khi <code>x &lt; 1</code> hoặc <code>y</code>; dấu ` lẻ</p>") != std::string::npos);
    CHECK(html.find("<p>tên có dấu `x`</p>") != std::string::npos);
    CHECK(render_doc_md(doc) == "khi `x < 1` hoặc `y`; dấu ` lẻ\n\ntên có dấu `x`\n");
}

TEST_CASE("handbook: the examples of docs/handbook.md are what ntm doc prints", "[handbook]") {
    const auto rules = support::compile_rules(std::string(NTM_SOURCE_DIR) + "/rules");
    HandbookOptions options;
    options.set = rules.program.set_index("xa_ntm_2021");
    REQUIRE(options.set != kNone);
    const std::string md = render_handbook_md(rules.program, Lang::vi, options);
    const auto blocks = support::code_blocks(std::string(NTM_SOURCE_DIR) + "/docs/handbook.md", {"markdown"});
    REQUIRE(blocks.size() == 2);
    for (const support::CodeBlock& b : blocks) {
        INFO(b.text);
        CHECK(md.find(b.text) != std::string::npos);
    }
}
