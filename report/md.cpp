#include <fmt/format.h>

#include "report/doc.hpp"
#include "report/frame.hpp"
#include "text/utf8.hpp"

namespace ntm::report {

namespace {

// Text as the document shows it: control and invisible characters (line breaks included)
// written by their code point (text::printable), nothing cut.
std::string shown(const std::string& text) { return ntm::text::printable(text, std::string::npos); }

// Table cells: shown, and '|' escaped so it does not end the cell.
std::string md_cell(const std::string& text) {
    std::string out;
    for (const char c : shown(text)) {
        if (c == '|') {
            out += "\\|";
        } else {
            out += c;
        }
    }
    return out;
}

std::string md_table(const DocBlock& b) {
    const auto row = [](const std::vector<DocCell>& cells) {
        std::string line = "|";
        for (const DocCell& c : cells) {
            const std::string text = md_cell(c.text);
            line.append(" ").append(c.link.empty() || text.empty() ? text : fmt::format("[{}]({})", text, shown(c.link))).append(" |");
        }
        return line + "\n";
    };
    std::string out = row(b.header) + "|";
    for (std::size_t c = 0; c < b.header.size(); ++c) {
        bool right = false;
        for (const auto& r : b.rows) right = right || (c < r.size() && r[c].number);
        out += right ? "---:|" : "---|";
    }
    out += "\n";
    for (const auto& r : b.rows) out += row(r);
    return out;
}

}  // namespace

std::string render_doc_md(const Doc& doc) {
    std::string out;
    for (const DocBlock& b : doc.blocks) {
        switch (b.kind) {
            case DocBlock::heading:
                out += std::string(static_cast<std::size_t>(b.level), '#') + " ";
                if (!b.anchor.empty()) out += fmt::format("<a id=\"{}\"></a>", shown(b.anchor));
                out += shown(b.text) + "\n\n";
                break;
            case DocBlock::paragraph: out += shown(b.text) + "\n\n"; break;
            case DocBlock::bullets:
                for (const std::string& item : b.items) out.append("- ").append(shown(item)).append("\n");
                out += "\n";
                break;
            case DocBlock::table: out += md_table(b) + "\n"; break;
            case DocBlock::section_open:
            case DocBlock::section_close:
            case DocBlock::chart_levels:
            case DocBlock::chart_criteria: break;
        }
    }
    while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
}

// One Markdown document for pasting into documents.  Commune sheets are sections whose
// headings carry an HTML anchor (`<a id="xa-20365"></a>`), so the overview's links reach them.
std::string render_report_md(const Report& report, Lang lang, const RenderOptions& options) {
    Doc doc = report_document(report, lang, options.compact);
    if (options.frame == nullptr) return render_doc_md(doc);
    const std::string head = frame_head_md(*options.frame, doc.title);
    // The frame writes the title: the level-1 heading is left out.
    std::erase_if(doc.blocks, [](const DocBlock& b) { return b.kind == DocBlock::heading && b.level == 1; });
    return head + render_doc_md(doc) + frame_foot_md(*options.frame);
}

}  // namespace ntm::report
