// A diff as a document (report/doc.hpp), written as Markdown or HTML: the totals first, then the
// entities that moved with their causes, then the changes to the rules — an office reads who is
// affected before how the text changed.
#include <fmt/format.h>

#include "diff/render.hpp"
#include "diff/words.hpp"
#include "report/doc.hpp"

namespace ntm::diff {

namespace {

using report::Doc;
using report::DocBlock;
using report::DocCell;

DocBlock heading(int level, std::string text) {
    DocBlock b;
    b.kind = DocBlock::heading;
    b.level = level;
    b.text = std::move(text);
    return b;
}

DocBlock paragraph(std::string text) {
    DocBlock b;
    b.kind = DocBlock::paragraph;
    b.text = std::move(text);
    return b;
}

DocBlock table(std::vector<std::string> header) {
    DocBlock b;
    b.kind = DocBlock::table;
    for (std::string& h : header) b.header.push_back({std::move(h), {}, false});
    return b;
}

DocCell cell(std::string text) { return {std::move(text), {}, false}; }
DocCell count(std::size_t n) { return {fmt::format("{}", n), {}, true}; }

void impact_blocks(const DiffRun& run, Doc& doc) {
    const ImpactDiff& d = *run.impact;
    doc.blocks.push_back(heading(2, run.rules_compared ? fmt::format("Tác động trên dữ liệu năm {}", d.new_year)
                                                       : fmt::format("Thay đổi từ năm {} đến năm {}", d.old_year, d.new_year)));
    std::string summary = fmt::format("Dữ liệu {}: {} đơn vị so sánh, {} thay đổi.", run.data_file, d.compared, d.entities.size());
    if (d.only_old > 0 || d.only_new > 0) {
        summary += fmt::format(" {} đơn vị chỉ có ở bên cũ, {} chỉ có ở bên mới.", d.only_old, d.only_new);
    }
    doc.blocks.push_back(paragraph(summary));
    for (const std::string& note : run.notes) doc.blocks.push_back(paragraph(note));
    if (!d.transitions.empty()) {
        doc.blocks.push_back(heading(3, "Chuyển mức"));
        DocBlock t = table({"Mức cũ → mức mới", "Số đơn vị"});
        for (const Transition& x : d.transitions) t.rows.push_back({cell(transition_text(x)), count(x.count)});
        doc.blocks.push_back(std::move(t));
    }
    if (!d.by_criterion.empty()) {
        doc.blocks.push_back(heading(3, "Đơn vị xuống mức, theo tiêu chí không còn đạt"));
        DocBlock t = table({"Tiêu chí hoặc điều kiện", "Cơ quan phụ trách", "Số đơn vị"});
        for (const CriterionTally& x : d.by_criterion) {
            t.rows.push_back({cell(x.gate ? fmt::format("điều kiện công nhận «{}»", x.title.empty() ? x.code : x.title)
                                          : fmt::format("{} {}", x.code, x.title)),
                              cell(x.responsible.empty() ? "chưa phân công" : x.responsible), count(x.count)});
        }
        doc.blocks.push_back(std::move(t));
    }
    if (!d.by_parent.empty()) {
        doc.blocks.push_back(heading(3, "Theo địa bàn"));
        DocBlock t = table({"Địa bàn", "Lên mức", "Xuống mức", "Chưa xác định", "Đạt thêm tiêu chí", "Đạt ít tiêu chí hơn"});
        for (const ParentTally& x : d.by_parent) {
            t.rows.push_back({cell(x.parent.empty() ? "(không có cấp trên)" : x.parent), count(x.gained), count(x.lost),
                              count(x.uncertain), count(x.closer), count(x.further)});
        }
        doc.blocks.push_back(std::move(t));
    }
    if (d.entities.empty()) return;
    doc.blocks.push_back(heading(3, "Từng đơn vị (gần ngưỡng nhất trước)"));
    DocBlock t = table({"Đơn vị", "Hướng", "Thay đổi", "Nguyên nhân"});
    for (const EntityChange& e : d.entities) {
        std::string causes;
        for (const Cause& c : e.causes) causes += causes.empty() ? cause_text(c) : fmt::format("; {}", cause_text(c));
        t.rows.push_back({cell(entity_text(e)), cell(direction_text(e.direction)), cell(move_text(e)), cell(causes)});
    }
    doc.blocks.push_back(std::move(t));
}

void structure_blocks(const DiffRun& run, Doc& doc) {
    const StructureDiff& s = run.structure;
    doc.blocks.push_back(heading(2, "Thay đổi của luật"));
    if (s.changes.empty()) {
        doc.blocks.push_back(paragraph("Không có thay đổi."));
        return;
    }
    doc.blocks.push_back(paragraph(fmt::format("{} thay đổi.", s.changes.size())));
    DocBlock t = table({"Phạm vi", "Thay đổi", "Chi tiết"});
    for (const Change& c : s.changes) {
        std::string details;
        for (const std::string& line : change_details(c)) details += details.empty() ? line : fmt::format("; {}", line);
        t.rows.push_back({cell(c.scope), cell(change_headline(c)), cell(details)});
    }
    doc.blocks.push_back(std::move(t));
}

Doc diff_document(const DiffRun& run) {
    Doc doc;
    doc.title = run.rules_compared ? fmt::format("So sánh luật: {} → {}", run.structure.old_label, run.structure.new_label)
                                   : fmt::format("Thay đổi giữa hai năm: {}", run.data_file);
    doc.blocks.push_back(heading(1, doc.title));
    if (run.impact) impact_blocks(run, doc);
    if (run.rules_compared) structure_blocks(run, doc);
    return doc;
}

}  // namespace

std::string render_diff_md(const DiffRun& run) { return report::render_doc_md(diff_document(run)); }

std::string render_diff_html(const DiffRun& run) {
    report::HtmlPage page;
    return report::render_doc_html(diff_document(run), report::Lang::vi, page);
}

}  // namespace ntm::diff
