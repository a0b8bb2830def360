// The report written while it is laid out (write_report_html, write_report_md): the same bytes
// as the whole document rendered at once, in every language, layout and frame; the outline
// (title and navigation, written first) the document's own; pieces of bounded size.
#include <catch2/catch.hpp>
#include <algorithm>

#include "data/load.hpp"
#include "engine/evaluate.hpp"
#include "report/doc.hpp"
#include "report/frame.hpp"
#include "report/report.hpp"
#include "tests/support/phu_ninh_report.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::engine;
using namespace ntm::report;

namespace {

// The report of the Phú Ninh golden case.
using Fixture = support::PhuNinhReport;

// The pieces a writer hands on, kept apart.
struct Pieces {
    std::vector<std::string> list;
    std::function<void(std::string_view)> sink() {
        return [this](std::string_view p) { list.emplace_back(p); };
    }
    std::string joined() const {
        std::string out;
        for (const std::string& p : list) out += p;
        return out;
    }
};

// The whole document, laid out first and rendered at once (the frame writes the title).
Doc whole_document(const Report& r, Lang lang, const RenderOptions& options) {
    Doc doc = report_document(r, lang, options.compact);
    if (options.frame != nullptr) {
        std::erase_if(doc.blocks, [](const DocBlock& b) { return b.kind == DocBlock::heading && b.level == 1; });
    }
    return doc;
}

}  // namespace

TEST_CASE("stream: the report written block by block is the whole document's bytes", "[report][stream]") {
    Fixture f;
    std::vector<text::Problem> problems;
    const Frame frame = read_frame(std::string(NTM_SOURCE_DIR) + "/docs/examples/khung-bao-cao.txt", {}, problems);
    REQUIRE(problems.empty());
    for (const Lang lang : {Lang::vi, Lang::en}) {
        for (const unsigned sections : {kAllSections, unsigned{kCriteria | kCommunes}, unsigned{kProblems}}) {
            for (const bool compact : {false, true}) {
                for (const bool framed : {false, true}) {
                    f.report.sections = sections;
                    RenderOptions options;
                    options.compact = compact;
                    options.frame = framed ? &frame : nullptr;
                    const Doc doc = whole_document(f.report, lang, options);
                    const std::string title = report_document(f.report, lang, compact).title;
                    INFO("lang " << static_cast<int>(lang) << ", sections " << sections << ", compact " << compact
                                 << ", frame " << framed);

                    Pieces html;
                    write_report_html(f.report, lang, options, html.sink());
                    const HtmlPage page = report_page(f.report, lang, options, title);
                    CHECK(html.joined() == render_doc_html(doc, lang, page));
                    CHECK(render_report_html(f.report, lang, options) == html.joined());

                    Pieces md;
                    write_report_md(f.report, lang, options, md.sink());
                    std::string expected_md = render_doc_md(doc);
                    if (framed) expected_md = frame_head_md(frame, title) + expected_md + frame_foot_md(frame);
                    CHECK(md.joined() == expected_md);
                }
            }
        }
    }
}

TEST_CASE("stream: the outline is the document's title and level-2 headings", "[report][stream]") {
    Fixture f;
    for (const unsigned sections : {kAllSections, unsigned{kWork | kProblems}, unsigned{kOverview}}) {
        f.report.sections = sections;
        const Doc doc = report_document(f.report, Lang::vi);
        const Doc outline = report_outline(f.report, Lang::vi);
        CHECK(outline.title == doc.title);
        std::vector<std::pair<std::string, std::string>> want, got;
        for (const DocBlock& b : doc.blocks) {
            if (b.kind == DocBlock::heading && b.level == 2) want.emplace_back(b.text, b.anchor);
        }
        for (const DocBlock& b : outline.blocks) got.emplace_back(b.text, b.anchor);
        CHECK(got == want);
    }
}

TEST_CASE("stream: a long document goes out in bounded pieces, its end trimmed as a whole", "[report][stream]") {
    // 3000 paragraphs of some 100 bytes: well over the 64 KiB a piece holds.
    Doc doc;
    std::string expected;
    for (int i = 0; i < 3000; ++i) {
        DocBlock b;
        b.text = std::string(95, static_cast<char>('a' + i % 26)) + std::to_string(i);
        expected += b.text + "\n\n";
        doc.blocks.push_back(std::move(b));
    }
    DocBlock list;
    list.kind = DocBlock::bullets;
    list.items = {"một", "hai"};
    doc.blocks.push_back(list);
    expected += "- một\n- hai\n";  // the blank line after the last block is cut

    Pieces md;
    MdWriter writer(md.sink());
    for (const DocBlock& b : doc.blocks) writer.block(b);
    writer.end();
    CHECK(md.list.size() > 2);
    for (const std::string& p : md.list) CHECK(p.size() < (std::size_t{1} << 17));
    CHECK(md.joined() == expected);
    CHECK(render_doc_md(doc) == expected);

    // A last block that fills a piece by itself: its blank line is still cut at the end.
    Doc big;
    DocBlock last;
    last.text = std::string(70000, 'z');
    big.blocks.push_back(last);
    CHECK(render_doc_md(big) == last.text + "\n");

    Pieces html;
    HtmlPage page;
    HtmlWriter out(Lang::vi, page, html.sink());
    out.begin(doc);
    for (const DocBlock& b : doc.blocks) out.block(b);
    out.end();
    CHECK(html.list.size() > 2);
    CHECK(html.joined() == render_doc_html(doc, Lang::vi, page));
    CHECK(html.joined().find("<p>" + doc.blocks[2999].text + "</p>\n<ul>\n<li>một</li>") != std::string::npos);
}

TEST_CASE("stream: text escaped piece by piece as printable() and HTML write it whole", "[report][stream]") {
    // ASCII runs, Vietnamese letters, an invisible space, a control character and a bad byte.
    const std::string raw = "Xã <Tam> \"An\" & 'Bình'\xC2\xA0" "2\x01x\xFFy";
    CHECK(html_escape(raw) == "Xã &lt;Tam&gt; &quot;An&quot; &amp; &#39;Bình&#39;&lt;U+00A0&gt;2&lt;U+0001&gt;x&lt;0xFF&gt;y");
    // Vietnamese letters beside other characters and cut sequences.
    CHECK(html_escape("Nguyễn – ⚠ Đà\u200B") == "Nguyễn – ⚠ Đà&lt;U+200B&gt;");
    CHECK(html_escape("a\xE1\xBB") == "a&lt;0xE1&gt;&lt;0xBB&gt;");
    CHECK(html_escape("\xC3\xC3\xA0\xE2\xC3\xA0") == "&lt;0xC3&gt;à&lt;0xE2&gt;à");
}
