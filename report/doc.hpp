// A document: headings, paragraphs, lists and tables, in reading order, in the language asked
// for — the report (report_document) and the criteria handbook (handbook.hpp).  The Markdown and
// HTML renderers both write one document, so the two always say the same thing; HTML adds the
// report's charts where the document places them.
#pragma once

#include <functional>
#include <string>
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
// The commune sheets for print: one block per commune, kept on one page where it fits (section
// css "compact"), with its level and only the indicators of the next level not met or lacking
// data, in fewer columns (no rule line).
std::vector<DocBlock> compact_sheets(const Report& report, Lang lang);
// Parts of the overview (doc_overview.cpp): the comparison with the previous year, and the
// progress towards the targets of later years; nothing when there is none.
std::vector<DocBlock> trend_blocks(const Report& report, Lang lang);
std::vector<DocBlock> upcoming_blocks(const Report& report, Lang lang);

// One Markdown document.  Headings with an anchor carry it as `<a id="…"></a>`, which Markdown
// viewers and pandoc keep, so that links to it work.
std::string render_doc_md(const Doc& doc);

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

}  // namespace ntm::report
