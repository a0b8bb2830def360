// A diff as a workbook: the changes to the rules, the entities that moved with their causes
// (one row per cause, so that a department can filter its own), and the totals.
#include "diff/render.hpp"
#include "diff/words.hpp"
#include "report/text.hpp"
#include "report/xlsx.hpp"

namespace ntm::diff {

namespace {

using report::Sheet;
using report::XlsxCell;

XlsxCell num(double v) { return engine::known(v) ? XlsxCell::of(v, "0.##") : XlsxCell{}; }

Sheet changes_sheet(const StructureDiff& s) {
    Sheet sheet{"Thay đổi luật", {"Phạm vi", "Thay đổi", "Loại", "Mã", "Tên cũ", "Tên mới", "Chi tiết", "Luật cũ", "Luật mới"}, {}};
    for (const Change& c : s.changes) {
        std::string details;
        for (const std::string& d : change_details(c)) {
            if (d.rfind("luật:", 0) == 0) continue;
            details += details.empty() ? d : "\n" + d;
        }
        sheet.rows.push_back({XlsxCell::of(c.scope), XlsxCell::of(how_text(c.how)), XlsxCell::of(what_text(c.what)),
                              XlsxCell::of(c.code), XlsxCell::of(c.old_title), XlsxCell::of(c.new_title),
                              XlsxCell::of(details), XlsxCell::of(c.old_rule), XlsxCell::of(c.new_rule)});
    }
    sheet.freeze_columns = 1;
    return sheet;
}

Sheet entities_sheet(const ImpactDiff& d) {
    Sheet sheet{"Đơn vị thay đổi",
                {"Mã", "Tên", "Cấp trên", "Hướng", "Mức cũ", "Mức mới", "Tiêu chí đạt (cũ)", "Tiêu chí đạt (mới)",
                 "Tổng tiêu chí", "Chỉ tiêu / điều kiện", "Tiêu chí", "Đánh giá cũ", "Đánh giá mới", "Giá trị",
                 "Ngưỡng cũ", "Ngưỡng mới", "Còn thiếu", "Đơn vị đo", "Cơ quan phụ trách"},
                {}};
    for (const EntityChange& e : d.entities) {
        std::vector<XlsxCell> head{XlsxCell::of(e.code),
                                   XlsxCell::of(report::display_name(e.type, e.name)),
                                   XlsxCell::of(e.parent),
                                   XlsxCell::of(direction_text(e.direction), e.direction == Direction::lost),
                                   XlsxCell::of(level_text(e.old_side)),
                                   XlsxCell::of(level_text(e.new_side)),
                                   XlsxCell::of(double(e.old_side.criteria_met)),
                                   XlsxCell::of(double(e.new_side.criteria_met)),
                                   XlsxCell::of(double(e.new_side.criteria_total))};
        if (e.causes.empty()) {
            sheet.rows.push_back(head);
            continue;
        }
        for (const Cause& c : e.causes) {
            std::vector<XlsxCell> row = head;
            row.push_back(XlsxCell::of(c.gate ? (c.title.empty() ? c.code : c.title) : c.code + " " + c.title));
            row.push_back(XlsxCell::of(c.gate ? std::string("điều kiện công nhận") : c.criterion_code));
            row.push_back(XlsxCell::of(status_word(c.old_status)));
            row.push_back(XlsxCell::of(status_word(c.new_status), c.new_status == Status::not_met));
            row.push_back(num(engine::known(c.new_value) ? c.new_value : c.old_value));
            row.push_back(num(c.old_low));
            row.push_back(num(c.new_low));
            row.push_back(num(c.new_gap));
            row.push_back(XlsxCell::of(c.unit_symbol));
            row.push_back(XlsxCell::of(c.responsible));
            sheet.rows.push_back(std::move(row));
        }
    }
    sheet.freeze_columns = 2;
    return sheet;
}

Sheet totals_sheet(const ImpactDiff& d) {
    Sheet sheet{"Tổng hợp", {"Nhóm", "Nội dung", "Số đơn vị"}, {}};
    for (const Transition& t : d.transitions) {
        sheet.rows.push_back({XlsxCell::of("Chuyển mức"), XlsxCell::of(transition_text(t)), XlsxCell::of(double(t.count))});
    }
    for (const CriterionTally& t : d.by_criterion) {
        sheet.rows.push_back({XlsxCell::of("Xuống mức, theo tiêu chí"), XlsxCell::of(criterion_tally_text(t)),
                              XlsxCell::of(double(t.count))});
    }
    for (const ParentTally& t : d.by_parent) {
        sheet.rows.push_back({XlsxCell::of("Theo địa bàn"),
                              XlsxCell::of((t.parent.empty() ? std::string("(không có cấp trên)") : t.parent) + ": " +
                                           parent_tally_text(t)),
                              XlsxCell::of(double(t.gained + t.lost + t.uncertain + t.closer + t.further))});
    }
    return sheet;
}

}  // namespace

void write_diff_xlsx(const DiffRun& run, const std::string& path) {
    std::vector<Sheet> sheets;
    if (run.impact) {
        sheets.push_back(totals_sheet(*run.impact));
        sheets.push_back(entities_sheet(*run.impact));
    }
    if (run.rules_compared) sheets.push_back(changes_sheet(run.structure));
    report::write_workbook(path, sheets);
}

}  // namespace ntm::diff
