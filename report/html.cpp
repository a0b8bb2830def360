// A document (doc.hpp) as one self-contained HTML page, with inline CSS (screen and A4 print)
// and a small inline script that sorts a table when its heading is clicked, written a block at
// a time (HtmlWriter); the report's page, with its charts, is html_report.cpp.  Nothing is
// fetched: no URL but in-page anchors.
#include <algorithm>
#include <array>
#include <fmt/format.h>

#include "text/utf8.hpp"
#include "report/doc.hpp"
#include "report/words.hpp"

namespace ntm::report {

namespace {

// Text as the page shows it: control and invisible characters written by their code point
// (text::printable, nothing cut), then the characters HTML reserves escaped.  Every text that
// reaches the page passes here: names from the data, titles from the rules, our own words.
void reserved_to(char c, std::string& out) {
    switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
    }
}

// The bytes of a Vietnamese letter at `i`, or 0: U+00C0–U+023F (two bytes, C3–C8 then one
// continuation) and U+1E80–U+1EFF (E1 BA/BB then one), all letters or signs, none of which
// printable() writes by its code point.
std::size_t letter_at(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const auto cont = [&](std::size_t k) { return k < s.size() && (byte(k) & 0xC0) == 0x80; };
    if (byte(i) >= 0xC3 && byte(i) <= 0xC8 && cont(i + 1)) return 2;
    if (byte(i) == 0xE1 && i + 1 < s.size() && (byte(i + 1) == 0xBA || byte(i + 1) == 0xBB) && cont(i + 2)) return 3;
    return 0;
}

// The bytes copied as they are: printable ASCII that HTML does not reserve.
constexpr std::array<bool, 256> kAsIs = [] {
    std::array<bool, 256> t{};
    for (int c = 0x20; c < 0x7F; ++c) t[static_cast<std::size_t>(c)] = true;
    for (const char c : {'&', '<', '>', '"', '\''}) t[static_cast<unsigned char>(c)] = false;
    return t;
}();

// Printable ASCII and Vietnamese letters are their own printable() form; only the other runs of
// bytes (other characters, control characters, bad bytes) go through it.  A run ends where a
// character starts, so the pieces give what printable() gives the whole text.
void esc_to(std::string_view raw, std::string& out) {
    const auto plain = [](char c) { return c >= 0x20 && c < 0x7F; };
    const std::size_t size = raw.size();
    std::size_t i = 0;
    while (i < size) {
        // A run written as it is, in one append: the ASCII kAsIs keeps and Vietnamese letters.
        std::size_t end = i;
        while (end < size) {
            const auto c = static_cast<unsigned char>(raw[end]);
            if (kAsIs[c]) {
                ++end;
            } else if (const std::size_t n = c >= 0x80 ? letter_at(raw, end) : 0; n > 0) {
                end += n;
            } else {
                break;
            }
        }
        out.append(raw.data() + i, end - i);
        i = end;
        if (i == size) break;
        if (plain(raw[i])) {  // a character HTML reserves
            reserved_to(raw[i++], out);
            continue;
        }
        end = i + 1;
        while (end < size && !plain(raw[end]) && letter_at(raw, end) == 0) ++end;
        for (const char c : ntm::text::printable(raw.substr(i, end - i), std::string::npos)) reserved_to(c, out);
        i = end;
    }
}

std::string esc(const std::string& raw) {
    std::string out;
    out.reserve(raw.size());
    esc_to(raw, out);
    return out;
}

// The text of a block: escaped and, when it holds code spans, each `…` written as <code>.
void inline_html(const std::string& text, bool code_spans, std::string& out) {
    if (!code_spans) return esc_to(text, out);
    const std::string_view all(text);
    std::size_t from = 0;
    while (from < text.size()) {
        const std::size_t open = text.find('`', from);
        const std::size_t close = open == std::string::npos ? open : text.find('`', open + 1);
        if (close == std::string::npos) break;
        esc_to(all.substr(from, open - from), out);
        out += "<code>";
        esc_to(all.substr(open + 1, close - open - 1), out);
        out += "</code>";
        from = close + 1;
    }
    esc_to(all.substr(std::min(from, text.size())), out);
}

constexpr const char* kStyle = R"(
:root{--ink:#1f2933;--line:#d5dbe3;--head:#eef2f6;--accent:#1d6f42}
*{box-sizing:border-box}
body{font-family:"Noto Sans","DejaVu Sans","Segoe UI",Arial,sans-serif;color:var(--ink);margin:0 auto;max-width:1180px;padding:24px;line-height:1.45;font-size:14px}
h1{font-size:24px;color:var(--accent);border-bottom:3px solid var(--accent);padding-bottom:6px}
h2{font-size:20px;margin-top:36px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:16px;margin-top:24px}
h4{font-size:14px;margin:14px 0 6px}
nav ul{display:flex;flex-wrap:wrap;gap:6px 18px;list-style:none;padding:0}
a{color:#0b5cad}
table{border-collapse:collapse;margin:8px 0 16px;width:100%}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--head);cursor:pointer;user-select:none}
td.n,th.n{text-align:right;white-space:nowrap}
tbody tr:nth-child(even){background:#f8fafc}
figure{margin:12px 0 20px}
figcaption{font-weight:600;margin-bottom:4px}
svg{max-width:100%;height:auto}
.warn{color:#a4161a;font-weight:600}
.back{font-size:12px}
@page{size:A4;margin:14mm 12mm}
@media print{
body{max-width:none;padding:0;font-size:10.5pt}
nav,.back{display:none}
a{color:inherit;text-decoration:none}
section.sheet{break-before:page;page-break-before:always}
h2,h3,h4{break-after:avoid;page-break-after:avoid}
tr,figure,li{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
th{background:#eee !important;-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)";

// Sorts a table by the clicked column: numbers (data-v) numerically, text by Vietnamese order.
constexpr const char* kScript = R"(
document.querySelectorAll("table").forEach(function(t){
  t.querySelectorAll("th").forEach(function(th,i){
    th.addEventListener("click",function(){
      var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows),up=th.dataset.dir!=="up";
      t.querySelectorAll("th").forEach(function(h){delete h.dataset.dir;});
      th.dataset.dir=up?"up":"down";
      rows.sort(function(x,y){
        var a=x.cells[i],c=y.cells[i];if(!a||!c)return 0;
        var va=a.dataset.v,vc=c.dataset.v,r;
        if(va!==undefined&&vc!==undefined)r=parseFloat(va)-parseFloat(vc);
        else r=a.textContent.localeCompare(c.textContent,"vi");
        return up?r:-r;});
      rows.forEach(function(r){b.appendChild(r);});
    });
  });
});
)";

// The value a number cell sorts by: its leading number ("27/32" sorts by 27, "66,7 %" by 66.7).
std::string sort_value(const std::string& text, Lang lang) {
    std::string v;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            v += c;
        } else if ((lang == Lang::vi && c == ',') || (lang == Lang::en && c == '.')) {
            v += '.';
        } else if ((lang == Lang::vi && c == '.') || (lang == Lang::en && c == ',')) {
            continue;  // thousands separator
        } else if (c == '-' && v.empty()) {
            v += c;
        } else {
            break;
        }
    }
    return v;
}

void table(const DocBlock& b, Lang lang, std::string& out) {
    // The class of column c: its own (b.columns), and "n" for numbers.
    const auto classes = [&](std::size_t c, bool n) {
        std::string own = c < b.columns.size() ? b.columns[c] : std::string();
        if (n) own += own.empty() ? "n" : " n";
        return own.empty() ? own : fmt::format(" class=\"{}\"", own);
    };
    out += b.columns.empty() ? "<table>\n<thead><tr>" : "<table class=\"cols\">\n<thead><tr>";
    for (std::size_t c = 0; c < b.header.size(); ++c) {
        bool n = false;
        for (const auto& r : b.rows) n = n || (c < r.size() && r[c].number);
        out.append("<th").append(classes(c, n)).append(">");
        inline_html(b.header[c].text, b.code_spans, out);
        out += "</th>";
    }
    out += "</tr></thead>\n<tbody>\n";
    // The classes of each column, with and without "n": the same for every row.
    std::vector<std::string> plain, number;
    for (const auto& row : b.rows) {
        while (plain.size() < row.size()) {
            plain.push_back(classes(plain.size(), false));
            number.push_back(classes(number.size(), true));
        }
        out += "<tr>";
        for (std::size_t col = 0; col < row.size(); ++col) {
            const DocCell& c = row[col];
            out.append("<td").append(c.number || c.text == "–" ? number[col] : plain[col]);
            if (c.number) {
                const std::string v = sort_value(c.text, lang);
                if (!v.empty()) out.append(" data-v=\"").append(v).append("\"");
            }
            out += '>';
            if (c.link.empty()) {
                inline_html(c.text, b.code_spans, out);
            } else {
                out += "<a href=\"";
                esc_to(c.link, out);
                out += "\">";
                inline_html(c.text, b.code_spans, out);
                out += "</a>";
            }
            out += "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
}

constexpr std::size_t kPiece = std::size_t{1} << 16;  // bytes handed on at a time

}  // namespace

void HtmlWriter::begin(const Doc& outline) {
    buffer_ += fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
                           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                           "<title>{}</title>\n<style>{}{}</style>\n</head>\n<body>\n",
                           lang_ == Lang::en ? "en" : "vi", esc(outline.title), kStyle, page_.style);
    buffer_ += "<nav><ul>";
    for (const DocBlock& b : outline.blocks) {
        if (b.kind == DocBlock::heading && b.level == 2) {
            buffer_.append("<li><a href=\"#").append(esc(b.anchor)).append("\">");
            inline_html(b.text, b.code_spans, buffer_);
            buffer_ += "</a></li>";
        }
    }
    buffer_.append("</ul></nav>\n<main>\n").append(page_.head);
}

void HtmlWriter::block(const DocBlock& b) {
    std::string& out = buffer_;
    switch (b.kind) {
        case DocBlock::heading: {
            const bool own = !b.anchor.empty() && b.anchor != section_;
            out += fmt::format("<h{}", b.level);
            if (own) out.append(" id=\"").append(esc(b.anchor)).append("\"");
            out += '>';
            inline_html(b.text, b.code_spans, out);
            out += fmt::format("</h{}>\n", b.level);
            break;
        }
        case DocBlock::paragraph:
            out += b.text.rfind("⚠", 0) == 0 ? "<p class=\"warn\">" : "<p>";
            inline_html(b.text, b.code_spans, out);
            out += "</p>\n";
            break;
        case DocBlock::bullets:
            out += "<ul>\n";
            for (const std::string& item : b.items) {
                out += item.rfind("⚠", 0) == 0 ? "<li class=\"warn\">" : "<li>";
                inline_html(item, b.code_spans, out);
                out += "</li>\n";
            }
            out += "</ul>\n";
            break;
        case DocBlock::table: table(b, lang_, out); break;
        case DocBlock::section_open:
            section_ = b.anchor;
            out += fmt::format("<section class=\"sheet{}{}\" id=\"{}\">\n", b.text.empty() ? "" : " ", esc(b.text),
                               esc(b.anchor));
            break;
        case DocBlock::section_close:
            out += fmt::format("<p class=\"back\"><a href=\"#{}\">↑ {}</a></p>\n</section>\n", esc(b.anchor),
                               esc(words(lang_).back));
            section_.clear();
            break;
        case DocBlock::chart_levels:
        case DocBlock::chart_criteria:
            if (page_.chart) out += page_.chart(b.kind);
            break;
    }
    if (buffer_.size() >= kPiece) flush();
}

void HtmlWriter::end() {
    buffer_ += page_.foot;
    buffer_ += page_.sortable ? fmt::format("</main>\n<script>{}</script>\n</body>\n</html>\n", kScript)
                              : std::string("</main>\n</body>\n</html>\n");
    flush(true);
}

void HtmlWriter::flush(bool last) {
    if (buffer_.empty() && !last) return;
    if (!buffer_.empty()) out_(buffer_);
    buffer_.clear();
}

std::string render_doc_html(const Doc& doc, Lang lang, const HtmlPage& page) {
    std::string out;
    HtmlWriter writer(lang, page, [&out](std::string_view piece) { out.append(piece); });
    writer.begin(doc);
    for (const DocBlock& b : doc.blocks) writer.block(b);
    writer.end();
    return out;
}

std::string html_escape(const std::string& raw) { return esc(raw); }

}  // namespace ntm::report
