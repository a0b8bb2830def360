// The report as a document: headings, paragraphs, lists and tables, in reading order, in the
// language asked for.  The Markdown and HTML renderers both write this one document, so the
// two always say the same thing; HTML adds its charts where the document places them.
#pragma once

#include <string>
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
        section_open,   // anchor, css: a commune sheet starts (HTML: its own page in print)
        section_close,
        chart_levels,   // HTML only: commune levels by district
        chart_criteria  // HTML only: pass rate per criterion
    };
    Kind kind = paragraph;
    int level = 2;
    std::string text, anchor;
    std::vector<std::string> items;
    std::vector<DocCell> header;
    std::vector<std::vector<DocCell>> rows;
};

struct Doc {
    std::string title;
    std::vector<DocBlock> blocks;
};

Doc report_document(const Report& report, Lang lang);

}  // namespace ntm::report
