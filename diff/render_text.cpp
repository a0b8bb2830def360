// A diff as text for a terminal.
#include <fmt/format.h>

#include "diff/render.hpp"
#include "diff/words.hpp"

namespace ntm::diff {

namespace {

void structure_text(const DiffRun& run, std::string& out) {
    const StructureDiff& s = run.structure;
    if (!run.rules_compared) return;
    out += fmt::format("So sánh luật: {} → {}\n", s.old_label, s.new_label);
    if (s.changes.empty()) {
        out += "Cấu trúc: không có thay đổi.\n";
        return;
    }
    out += fmt::format("Cấu trúc: {} thay đổi\n", s.changes.size());
    std::string scope = "\x01";
    for (const Change& c : s.changes) {
        if (c.scope != scope) {
            scope = c.scope;
            if (!scope.empty()) out += fmt::format("  {}\n", scope);
        }
        const std::string indent(c.scope.empty() ? 2 : 4, ' ');
        out += fmt::format("{}{}\n", indent, change_headline(c));
        for (const std::string& d : change_details(c)) out += fmt::format("{}  {}\n", indent, d);
    }
}

void impact_text(const DiffRun& run, std::string& out) {
    if (!run.impact) return;
    const ImpactDiff& d = *run.impact;
    out += '\n';
    if (run.rules_compared) {
        out += fmt::format("Tác động trên dữ liệu {}, năm {}: ", run.data_file, d.new_year);
    } else {
        out += fmt::format("Thay đổi từ năm {} đến năm {} ({}): ", d.old_year, d.new_year, run.data_file);
    }
    out += fmt::format("{} đơn vị so sánh, {} thay đổi", d.compared, d.entities.size());
    if (d.only_old > 0 || d.only_new > 0) {
        out += fmt::format(" ({} đơn vị chỉ có ở bên cũ, {} chỉ có ở bên mới)", d.only_old, d.only_new);
    }
    out += ".\n";
    for (const std::string& note : run.notes) out += fmt::format("  {}\n", note);
    if (!d.transitions.empty()) {
        out += "  Chuyển mức:\n";
        for (const Transition& t : d.transitions) out += fmt::format("    {}: {}\n", transition_text(t), t.count);
    }
    if (!d.by_criterion.empty()) {
        out += "  Đơn vị xuống mức, theo tiêu chí không còn đạt và cơ quan phụ trách:\n";
        for (const CriterionTally& t : d.by_criterion) out += fmt::format("    {}: {}\n", criterion_tally_text(t), t.count);
    }
    if (!d.by_parent.empty()) {
        out += "  Theo địa bàn:\n";
        for (const ParentTally& t : d.by_parent) {
            out += fmt::format("    {}: {}\n", t.parent.empty() ? "(không có cấp trên)" : t.parent, parent_tally_text(t));
        }
    }
    if (d.entities.empty()) return;
    out += "  Từng đơn vị (theo hướng thay đổi, gần ngưỡng nhất trước):\n";
    std::size_t shown = 0;
    Direction current = Direction::maintenance;
    bool first = true;
    for (const EntityChange& e : d.entities) {
        if (run.limit > 0 && shown == run.limit) {
            out += fmt::format("    … và {} đơn vị nữa (--list để xem thêm)\n", d.entities.size() - shown);
            break;
        }
        if (first || e.direction != current) {
            current = e.direction;
            first = false;
            out += fmt::format("    [{}]\n", direction_text(current));
        }
        out += fmt::format("    {}: {}\n", entity_text(e), move_text(e));
        for (const Cause& c : e.causes) out += fmt::format("      {}\n", cause_text(c));
        ++shown;
    }
}

}  // namespace

std::string render_diff_text(const DiffRun& run) {
    std::string out;
    structure_text(run, out);
    impact_text(run, out);
    return out;
}

}  // namespace ntm::diff
