// The frame (frame.hpp) drawn: a two-column header and foot in HTML, as Nghị định 30/2020/NĐ-CP
// places them, and the same lines as plain text for Markdown.  The national name and motto are
// fixed by law and written in Vietnamese whatever the language of the report.
#include <fmt/format.h>

#include "report/doc.hpp"
#include "report/frame.hpp"
#include "text/utf8.hpp"

namespace ntm::report {

namespace {

constexpr const char* kNation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
constexpr const char* kMotto = "Độc lập - Tự do - Hạnh phúc";
constexpr const char* kTo = "Nơi nhận:";

std::string number_line(const Frame& f) { return f.number.empty() ? std::string() : "Số: " + f.number; }

// A recipient as the list writes it: after a dash.
std::string recipient(const std::string& r) { return r.rfind('-', 0) == 0 ? r : "- " + r; }

std::string shown(const std::string& text) { return ntm::text::printable(text, std::string::npos); }

}  // namespace

const char* const kFrameStyle = R"(
.frame,.frame-foot{font-family:"Times New Roman","Liberation Serif","DejaVu Serif",serif;color:#000;font-size:13pt}
table.frame-table{width:100%;border:none;margin:0;table-layout:fixed;font-size:13pt}
table.frame-table td{border:none;padding:0;text-align:center;vertical-align:top;background:none}
table.frame-table tr{background:none !important}
td.frame-left{width:40%}
td.frame-right{width:60%}
.frame-authority{font-size:12pt}
.frame-issuer,.frame-nation{font-size:12pt;font-weight:700}
.frame-nation{white-space:nowrap}
.frame-motto,.frame-kind,.frame-subject,.frame-power,.frame-position,.frame-signer{font-weight:700}
.frame-motto span{display:inline-block;border-bottom:1px solid #000;padding-bottom:1px}
.frame-rule{width:32%;margin:3px auto 0;border-top:1px solid #000}
.frame-number{margin-top:8px}
.frame-date{font-style:italic;margin-top:10px}
.frame-title{text-align:center;margin:22px 0 16px}
.frame-kind{font-size:14pt}
.frame-foot{margin-top:28px;break-inside:avoid;page-break-inside:avoid}
table.frame-table td.frame-recipients{text-align:left;font-size:11pt}
.frame-to{font-weight:700;font-style:italic;font-size:12pt}
.frame-space{height:26mm}
)";

std::string frame_head_html(const Frame& f, const std::string& title) {
    std::string left;
    if (!f.authority.empty()) left += fmt::format("<div class=\"frame-authority\">{}</div>", html_escape(f.authority));
    left += fmt::format("<div class=\"frame-issuer\">{}</div><div class=\"frame-rule\"></div>", html_escape(f.issuer));
    if (!f.number.empty()) left += fmt::format("<div class=\"frame-number\">{}</div>", html_escape(number_line(f)));
    std::string out = "<header class=\"frame\">\n<table class=\"frame-table\"><tr>\n";
    out += fmt::format("<td class=\"frame-left\">{}</td>\n", left);
    out += fmt::format("<td class=\"frame-right\"><div class=\"frame-nation\">{}</div><div class=\"frame-motto\"><span>{}</span>"
                       "</div><div class=\"frame-date\">{}</div></td>\n",
                       kNation, kMotto, html_escape(frame_date_line(f)));
    out += "</tr></table>\n";
    out += fmt::format("<div class=\"frame-title\"><div class=\"frame-kind\">{}</div><div class=\"frame-subject\">{}</div>"
                       "<div class=\"frame-rule\"></div></div>\n</header>\n",
                       html_escape(f.kind), html_escape(f.subject.empty() ? title : f.subject));
    return out;
}

std::string frame_foot_html(const Frame& f) {
    std::string left;
    if (!f.recipients.empty()) {
        left = fmt::format("<div class=\"frame-to\">{}</div>", kTo);
        for (const std::string& r : f.recipients) left += fmt::format("<div>{}</div>", html_escape(recipient(r)));
    }
    std::string right;
    if (!f.power.empty()) right += fmt::format("<div class=\"frame-power\">{}</div>", html_escape(f.power));
    right += fmt::format("<div class=\"frame-position\">{}</div><div class=\"frame-space\"></div><div class=\"frame-signer\">{}</div>",
                         html_escape(f.position), html_escape(f.signer));
    return fmt::format("<footer class=\"frame-foot\">\n<table class=\"frame-table\"><tr>\n<td class=\"frame-left "
                       "frame-recipients\">{}</td>\n<td class=\"frame-right\">{}</td>\n</tr></table>\n</footer>\n",
                       left, right);
}

// Markdown: each part a paragraph, its lines joined by hard breaks (a backslash at the end).
std::string frame_head_md(const Frame& f, const std::string& title) {
    std::vector<std::string> left;
    if (!f.authority.empty()) left.push_back(shown(f.authority));
    left.push_back(fmt::format("**{}**", shown(f.issuer)));
    if (!f.number.empty()) left.push_back(shown(number_line(f)));
    return fmt::format("{}\n\n**{}** \\\n**{}**\n\n*{}*\n\n**{}** \\\n**{}**\n\n", fmt::join(left, " \\\n"), kNation, kMotto,
                       shown(frame_date_line(f)), shown(f.kind), shown(f.subject.empty() ? title : f.subject));
}

std::string frame_foot_md(const Frame& f) {
    std::vector<std::string> sign;
    if (!f.power.empty()) sign.push_back(fmt::format("**{}**", shown(f.power)));
    sign.push_back(fmt::format("**{}**", shown(f.position)));
    sign.push_back(fmt::format("**{}**", shown(f.signer)));
    std::string out = fmt::format("\n\n---\n\n{}\n", fmt::join(sign, " \\\n"));
    if (!f.recipients.empty()) {
        out += fmt::format("\n***{}***\n\n", kTo);
        for (const std::string& r : f.recipients) out += shown(recipient(r)) + "\n";
    }
    return out;
}

}  // namespace ntm::report
