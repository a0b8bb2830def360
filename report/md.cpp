#include <algorithm>
#include <fmt/format.h>

#include "report/doc.hpp"
#include "report/frame.hpp"
#include "text/utf8.hpp"

namespace ntm::report {

namespace {

// Text as the document shows it: control and invisible characters (line breaks included)
// written by their code point (text::printable), nothing cut.
// Printable ASCII is shown as it is: only other text goes through printable().
std::string shown(const std::string& text) {
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
    return plain ? text : ntm::text::printable(text, std::string::npos);
}

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

void md_row(const std::vector<DocCell>& cells, std::string& out) {
    out += '|';
    for (const DocCell& c : cells) {
        const std::string text = md_cell(c.text);
        out += ' ';
        if (c.link.empty() || text.empty()) {
            out += text;
        } else {
            out.append("[").append(text).append("](").append(shown(c.link)).append(")");
        }
        out += " |";
    }
    out += '\n';
}

void md_table(const DocBlock& b, std::string& out) {
    md_row(b.header, out);
    out += '|';
    for (std::size_t c = 0; c < b.header.size(); ++c) {
        bool right = false;
        for (const auto& r : b.rows) right = right || (c < r.size() && r[c].number);
        out += right ? "---:|" : "---|";
    }
    out += '\n';
    for (const auto& r : b.rows) md_row(r, out);
}

void md_block(const DocBlock& b, std::string& out) {
    switch (b.kind) {
        case DocBlock::heading:
            out.append(static_cast<std::size_t>(b.level), '#').append(" ");
            if (!b.anchor.empty()) out.append("<a id=\"").append(shown(b.anchor)).append("\"></a>");
            out.append(shown(b.text)).append("\n\n");
            break;
        case DocBlock::paragraph: out.append(shown(b.text)).append("\n\n"); break;
        case DocBlock::bullets:
            for (const std::string& item : b.items) out.append("- ").append(shown(item)).append("\n");
            out += '\n';
            break;
        case DocBlock::table:
            md_table(b, out);
            out += '\n';
            break;
        case DocBlock::section_open:
        case DocBlock::section_close:
        case DocBlock::chart_levels:
        case DocBlock::chart_criteria: break;
    }
}

constexpr std::size_t kPiece = std::size_t{1} << 16;  // bytes handed on at a time

}  // namespace

void MdWriter::block(const DocBlock& b) {
    md_block(b, buffer_);
    if (buffer_.size() >= kPiece) flush(false);
}

// Hands on what is buffered but the line breaks at its end: the document's last ones are cut
// to one by end().
void MdWriter::flush(bool last) {
    if (last) {
        while (buffer_.size() >= 2 && buffer_[buffer_.size() - 1] == '\n' && buffer_[buffer_.size() - 2] == '\n') {
            buffer_.pop_back();
        }
        if (!buffer_.empty()) out_(buffer_);
        buffer_.clear();
        return;
    }
    const std::size_t keep = buffer_.find_last_not_of('\n');
    if (keep == std::string::npos) return;
    out_(std::string_view(buffer_).substr(0, keep + 1));
    buffer_.erase(0, keep + 1);
}

void MdWriter::end() { flush(true); }

std::string render_doc_md(const Doc& doc) {
    std::string out;
    MdWriter writer([&out](std::string_view piece) { out.append(piece); });
    for (const DocBlock& b : doc.blocks) writer.block(b);
    writer.end();
    return out;
}

void write_report_md(const Report& report, Lang lang, const RenderOptions& options,
                     const std::function<void(std::string_view)>& out) {
    MdWriter writer(out);
    if (options.frame != nullptr) out(frame_head_md(*options.frame, report_outline(report, lang).title));
    // With a frame, the frame writes the title: the level-1 heading is left out.
    const bool framed = options.frame != nullptr;
    report_document(report, lang, options.compact, [&](DocBlock&& b) {
        if (!(framed && b.kind == DocBlock::heading && b.level == 1)) writer.block(b);
    });
    writer.end();
    if (framed) out(frame_foot_md(*options.frame));
}

// One Markdown document for pasting into documents.  Commune sheets are sections whose
// headings carry an HTML anchor (`<a id="xa-20365"></a>`), so the overview's links reach them.
std::string render_report_md(const Report& report, Lang lang, const RenderOptions& options) {
    std::string out;
    write_report_md(report, lang, options, [&out](std::string_view piece) { out.append(piece); });
    return out;
}

}  // namespace ntm::report
