// The report's HTML page (render_report_html): the document of doc.cpp written by html.cpp's
// HtmlWriter, with the report's two inline SVG bar charts and its print style (A4, the frame).
#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "report/doc.hpp"
#include "report/frame.hpp"
#include "report/words.hpp"
#include "text/utf8.hpp"

namespace ntm::report {

namespace {

std::string esc(const std::string& raw) { return html_escape(raw); }

constexpr const char* kPalette[] = {"#c9ced6", "#7fb77e", "#2f8f5b", "#1d5e8c", "#6a3d9a", "#b15928"};

std::string color(std::size_t i) { return kPalette[std::min<std::size_t>(i, std::size(kPalette) - 1)]; }

// Each level's fill tells it apart in black-and-white print too: its colour under white
// hatching of its own (none for "not reached", then diagonal, horizontal, crossed, vertical,
// dotted), defined once per chart.
constexpr const char* kHatch[] = {
    "",
    R"(<path d="M0 6L6 0" stroke="#fff" stroke-width="1.6"/>)",
    R"(<path d="M0 3H6" stroke="#fff" stroke-width="1.6"/>)",
    R"(<path d="M0 3H6M3 0V6" stroke="#fff" stroke-width="1.2"/>)",
    R"(<path d="M3 0V6" stroke="#fff" stroke-width="1.6"/>)",
    R"(<circle cx="3" cy="3" r="1.3" fill="#fff"/>)",
};

std::string level_patterns(std::size_t n) {
    std::string out = "<defs>\n";
    for (std::size_t l = 1; l < n; ++l) {
        const std::size_t i = std::min<std::size_t>(l, std::size(kHatch) - 1);
        out += fmt::format("<pattern id=\"muc-{}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
                           "<rect width=\"6\" height=\"6\" fill=\"{}\"/>{}</pattern>\n",
                           l, color(l), kHatch[i]);
    }
    return out + "</defs>\n";
}

std::string level_fill(std::size_t l) { return l == 0 ? color(0) : fmt::format("url(#muc-{})", l); }

// A figure with its caption, and an SVG 760 wide that names it for screen readers; the caller
// closes both.
std::string figure_open(const std::string& caption, int height) {
    return fmt::format("<figure>\n<figcaption>{}</figcaption>\n<svg width=\"760\" height=\"{}\" viewBox=\"0 0 760 {}\" "
                       "role=\"img\" aria-label=\"{}\">\n",
                       esc(caption), height, height, esc(caption));
}

// Stacked bars, one per district: its communes by highest level reached (100 % wide).
std::string chart_levels(const Report& r, Lang lang) {
    const Overview& o = r.overview;
    const Words& w = words(lang);
    const int label_w = 220, bar_w = 460, row_h = 24;
    std::vector<std::string> legend{w.none_level};
    legend.insert(legend.end(), o.commune_levels.begin(), o.commune_levels.end());
    // The legend's items in rows as wide as the figure (760): a long level name goes to the next.
    std::vector<std::pair<int, int>> place;  // x, row
    int x = 0, rows = 0;
    for (const std::string& name : legend) {
        const int item = 28 + static_cast<int>(text::display_width(name)) * 7;
        if (x > 0 && x + item - 12 > 760) {
            x = 0;
            ++rows;
        }
        place.emplace_back(x, rows);
        x += item;
    }
    const int top = 34 + rows * 18;
    const int height = top + static_cast<int>(o.districts.size()) * row_h + 8;
    std::string out = figure_open(w.chart_levels, height);
    out += level_patterns(legend.size());
    for (std::size_t l = 0; l < legend.size(); ++l) {
        const auto [lx, row] = place[l];
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\" stroke=\"#555\" "
                           "stroke-width=\"0.5\"/><text x=\"{}\" y=\"{}\" font-size=\"11\">{}</text>\n",
                           lx, 6 + row * 18, level_fill(l), lx + 16, 16 + row * 18, esc(legend[l]));
    }
    for (std::size_t d = 0; d < o.districts.size(); ++d) {
        const DistrictProgress& p = o.districts[d];
        const int y = top + static_cast<int>(d) * row_h;
        out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text>\n", label_w - 6,
                           y + 15, esc(p.unit.name));
        if (p.communes == 0) continue;
        // Communes whose highest level is exactly each level: none, then each level.
        std::vector<std::size_t> exact(p.at_least.size() + 1, 0);
        for (std::size_t l = 0; l <= p.at_least.size(); ++l) {
            const std::size_t here = l == 0 ? p.communes : p.at_least[l - 1];
            const std::size_t above = l < p.at_least.size() ? p.at_least[l] : 0;
            exact[l] = here - above;
        }
        double start = 0;
        for (std::size_t l = 0; l < exact.size(); ++l) {
            if (exact[l] == 0) continue;
            const double width = bar_w * static_cast<double>(exact[l]) / static_cast<double>(p.communes);
            out += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"18\" fill=\"{}\"><title>{}: {}</title></rect>\n",
                               label_w + start, y + 2, width, level_fill(l), esc(legend[l]), exact[l]);
            if (width >= 14) {  // the count on the bar, legible over any fill (a white halo)
                out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" stroke=\"#fff\" "
                                   "stroke-width=\"3\" paint-order=\"stroke\">{}</text>\n",
                                   label_w + start + width / 2, y + 15, exact[l]);
            }
            start += width;
        }
        const std::size_t standard = p.at_least.empty() ? 0 : p.at_least.front();
        out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\">{}/{}</text>\n", label_w + bar_w + 8, y + 15,
                           standard, p.communes);
    }
    return out + "</svg>\n</figure>\n";
}

// One bar per criterion: the share of communes meeting it, weakest first.
std::string chart_criteria(const Report& r, Lang lang) {
    const Words& w = words(lang);
    const int label_w = 300, bar_w = 380, row_h = 22, top = 6;
    const int height = top + static_cast<int>(r.criteria.size()) * row_h + 8;
    std::string out = figure_open(w.chart_criteria, height);
    for (std::size_t i = 0; i < r.criteria.size(); ++i) {
        const CriterionRow& c = r.criteria[i];
        const int y = top + static_cast<int>(i) * row_h;
        std::string label = c.code + " " + c.title;
        if (label.size() > 60) {  // cut at a letter boundary, not inside a UTF-8 sequence
            std::size_t cut = 57;
            while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
            label = label.substr(0, cut) + "…";
        }
        out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\"><title>{} {}</title>{}</text>\n",
                           label_w - 6, y + 14, esc(c.code), esc(c.title), esc(label));
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"#eef2f6\"/>\n", label_w, y + 2, bar_w);
        if (!known(c.pass_rate)) continue;
        const double width = bar_w * c.pass_rate / 100.0;
        const char* fill = c.pass_rate >= 80 ? "#2f8f5b" : c.pass_rate >= 50 ? "#e0a526" : "#c0392b";
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"16\" fill=\"{}\"/>\n", label_w, y + 2, width, fill);
        out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\">{} %</text>\n", label_w + bar_w + 8, y + 14,
                           esc(num(lang, std::round(c.pass_rate * 10) / 10)));
    }
    return out + "</svg>\n</figure>\n";
}

// The report in print: the page of Nghị định 30/2020/NĐ-CP (A4; margins 20 mm top and bottom,
// 30 mm left, 15 mm right; the page number centred in the top margin, from page 2 on), and
// commune sheets in columns that read: fixed widths, long words broken, the rule-file paths left
// out (the legal citation stays).
constexpr const char* kReportPrint = R"(
@page{size:A4;margin:20mm 15mm 20mm 30mm;@top-center{content:counter(page);font-family:"Times New Roman","Liberation Serif","DejaVu Serif",serif;font-size:12pt}}
@page:first{@top-center{content:none}}
@media print{
body{font-size:10pt}
table{font-size:8pt}
th,td{padding:2px 4px}
td,th{overflow-wrap:break-word}
table.cols{table-layout:fixed}
table.cols td,table.cols th{overflow-wrap:anywhere}
table.cols th{white-space:normal}
th.pcode{width:7%}th.pname{width:18%}
th.wcode{width:6%}th.wname{width:10%}th.wdist{width:9%}th.wlevel{width:10%}
table.cols th.wcode~th.ind{width:21%}table.cols th.wcode~th.st{width:8%}table.cols th.wcode~th.val,table.cols th.wcode~th.req{width:8%}table.cols th.wcode~th.gap{width:20%}
th.rule,td.rule{display:none}
th.crit{width:11%}th.ind{width:19%}th.st{width:10%}th.val{width:11%}th.req{width:11%}th.gap{width:10%}th.cite{width:15%}th.body{width:13%}
section.compact th.ind{width:22%}section.compact th.val,section.compact th.req{width:11%}section.compact th.gap{width:17%}
section.compact th.cite{width:15%}section.compact th.body{width:13%}
section.sheet.compact{break-before:auto;page-break-before:auto;break-inside:avoid;page-break-inside:avoid;border-top:1px solid #999;margin-top:8px}
section.compact h3{margin:6px 0 2px;font-size:11pt}
section.compact p{margin:2px 0;font-size:9pt}
section.compact table{margin:4px 0 6px}
}
)";

}  // namespace

HtmlPage report_page(const Report& report, Lang lang, const RenderOptions& options, const std::string& title) {
    HtmlPage page;
    page.chart = [&report, lang](DocBlock::Kind kind) {
        return kind == DocBlock::chart_levels ? chart_levels(report, lang) : chart_criteria(report, lang);
    };
    page.style = kReportPrint;
    if (options.frame == nullptr) return page;
    page.style += kFrameStyle;
    page.head = frame_head_html(*options.frame, title);
    page.foot = frame_foot_html(*options.frame);
    return page;
}

void write_report_html(const Report& report, Lang lang, const RenderOptions& options,
                       const std::function<void(std::string_view)>& out) {
    const Doc outline = report_outline(report, lang);
    const HtmlPage page = report_page(report, lang, options, outline.title);
    HtmlWriter writer(lang, page, out);
    writer.begin(outline);
    // With a frame, the frame writes the title: the level-1 heading is left out.
    const bool framed = options.frame != nullptr;
    report_document(report, lang, options.compact, [&](DocBlock&& b) {
        if (!(framed && b.kind == DocBlock::heading && b.level == 1)) writer.block(b);
    });
    writer.end();
}

std::string render_report_html(const Report& report, Lang lang, const RenderOptions& options) {
    std::string out;
    write_report_html(report, lang, options, [&out](std::string_view piece) { out.append(piece); });
    return out;
}

}  // namespace ntm::report
