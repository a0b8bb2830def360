// A document: headings, paragraphs, lists and tables, in reading order, in the language asked
// for — the report (report_document) and the criteria handbook (handbook.hpp).  The Markdown and
// HTML renderers both write one document, so the two always say the same thing; HTML adds the
// report's charts where the document places them.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/report.hpp"

namespace ntm::report {

struct DocCell {
    std::string text;
    std::string link;     // "#xa-20365", or empty
    bool number = false;  // right-aligned; sorts as a number in HTML
};

struct DocBlock {
    enum Kind {
        heading,        // level, text, anchor
        paragraph,      // text
        bullets,        // items
        table,          // header, rows
        section_open,   // anchor, text (a CSS class or empty): a commune sheet starts (HTML: its own
                        // page in print; "compact": on the same page, kept whole where it fits)
        section_close,  // anchor: where its "back" link leads
        chart_levels,   // HTML only: commune levels by district
        chart_criteria  // HTML only: pass rate per criterion
    };
    Kind kind = paragraph;
    int level = 2;
    std::string text, anchor;
    std::vector<std::string> items;
    std::vector<DocCell> header;
    std::vector<std::vector<DocCell>> rows;
    // HTML only: a CSS class per column ("rule", "cite"…), so that print can size the columns
    // and leave some out (the rule-file paths).  Empty: none.
    std::vector<std::string> columns;
    // The text, items and cells hold rule text between backticks (`hai_long >= 90%`): Markdown
    // keeps the backticks (code), HTML writes it as <code>.  Otherwise a backtick is a letter.
    bool code_spans = false;

    // A heading of `level` (1: the title), with an anchor to link to, or none.
    static DocBlock make_heading(int level, std::string text, std::string anchor = {}) {
        DocBlock b;
        b.kind = heading;
        b.level = level;
        b.text = std::move(text);
        b.anchor = std::move(anchor);
        return b;
    }
};

struct Doc {
    std::string title;
    std::vector<DocBlock> blocks;
};

// `compact`: commune sheets as compact_sheets() lays them out, for print.
Doc report_document(const Report& report, Lang lang, bool compact = false);
// The same document handed to `sink` one block at a time, in reading order, each block as soon
// as it is laid out (and dropped after): a national report never holds its whole document.
using BlockSink = std::function<void(DocBlock&&)>;
void report_document(const Report& report, Lang lang, bool compact, const BlockSink& sink);
// What must be known before the first block is written: the document's title and its level-2
// headings (the page's navigation), as report_document() lays them out; no other block.
Doc report_outline(const Report& report, Lang lang);
// The commune sheets for print: one block per commune, kept on one page where it fits (section
// css "compact"), with its level and only the indicators of the next level not met or lacking
// data, in fewer columns (no rule line).
std::vector<DocBlock> compact_sheets(const Report& report, Lang lang);
// One commune's compact sheet, appended to `out`.
void compact_sheet(const CommuneSheet& sheet, Lang lang, std::vector<DocBlock>& out);
// The facts a full commune sheet opens with: district, level, criteria met, classes, categories,
// member in charge, maintenance, revocations and next level (doc_compact.cpp).
std::vector<std::string> sheet_facts(const CommuneSheet& sheet, Lang lang);
// Parts of the overview (doc_overview.cpp): the comparison with the previous year, and the
// progress towards the targets of later years; nothing when there is none.
std::vector<DocBlock> trend_blocks(const Report& report, Lang lang);
std::vector<DocBlock> upcoming_blocks(const Report& report, Lang lang);

// Where a renderer writes its bytes, a piece at a time, in order.
using ByteSink = std::function<void(std::string_view)>;

// One Markdown document.  Headings with an anchor carry it as `<a id="…"></a>`, which Markdown
// viewers and pandoc keep, so that links to it work.
std::string render_doc_md(const Doc& doc);

// render_doc_md() a block at a time: the same bytes, handed to `out` in pieces of some 64 KiB.
// The blank lines after the last block are held back until end() (the document ends with one
// line break): what follows the document (a frame's foot) is written after end().
class MdWriter {
public:
    explicit MdWriter(ByteSink out) : out_(std::move(out)) {}
    void block(const DocBlock& b);
    void end();

private:
    ByteSink out_;
    std::string buffer_;
    void flush(bool last);
};

// How a page differs from the report's: CSS added after the shared style (screen and A4
// print), whether tables sort when a heading is clicked, and what draws the chart blocks
// (none: they are left out).
struct HtmlPage {
    std::string style;
    bool sortable = true;
    std::function<std::string(DocBlock::Kind)> chart;
    std::string head, foot;  // HTML written first and last in <main>: the official frame
};

// Text escaped for HTML: control and invisible characters by code point, then & < > " '.
std::string html_escape(const std::string& raw);

// One self-contained HTML page: inline CSS (and script), no external resource; a navigation
// bar of the level-2 headings, hidden in print.
std::string render_doc_html(const Doc& doc, Lang lang, const HtmlPage& page = {});

// render_doc_html() a block at a time: begin() with the document's title and its level-2
// headings (an outline: the other blocks are not read), then each block, then end(); the same
// bytes, handed to `out` in pieces of some 64 KiB.
class HtmlWriter {
public:
    HtmlWriter(Lang lang, const HtmlPage& page, ByteSink out) : lang_(lang), page_(page), out_(std::move(out)) {}
    void begin(const Doc& outline);
    void block(const DocBlock& b);
    void end();

private:
    Lang lang_;
    const HtmlPage& page_;
    ByteSink out_;
    std::string buffer_;
    std::string section_;  // the anchor of the open commune sheet
    void flush(bool last = false);
};

// The page of the report (report.hpp, render_report_html): its charts, print style and frame;
// `title` is the document's (the frame writes it).  Holds a reference to `report`.
HtmlPage report_page(const Report& report, Lang lang, const RenderOptions& options, const std::string& title);

}  // namespace ntm::report
