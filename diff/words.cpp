#include "diff/words.hpp"

#include <fmt/format.h>

#include "report/text.hpp"
#include "report/words.hpp"

namespace ntm::diff {

namespace {

using report::Lang;

std::string n(double v) { return report::num(Lang::vi, v); }

std::string quoted(const std::string& t) { return t.empty() ? std::string() : fmt::format(" «{}»", t); }

// Which way a threshold moved, and whether that asks more of the entity.
std::string threshold_move(double o, double nv, dsl::Cmp cmp) {
    if (!engine::known(o) || !engine::known(nv) || o == nv) return {};
    const bool up = nv > o;
    const bool floor = cmp == dsl::Cmp::ge || cmp == dsl::Cmp::gt;
    const bool ceiling = cmp == dsl::Cmp::le || cmp == dsl::Cmp::lt;
    const char* way = up ? "nâng ngưỡng" : "hạ ngưỡng";
    if (floor) return fmt::format("{}, {}", way, up ? "chặt hơn" : "nới hơn");
    if (ceiling) return fmt::format("{}, {}", way, up ? "nới hơn" : "chặt hơn");
    return way;
}

std::string side_value(double v, dsl::Cmp cmp) {
    return engine::known(v) ? fmt::format("{} {}", report::cmp_sign(cmp), n(v)) : std::string("không có");
}

}  // namespace

const char* what_text(What w) {
    switch (w) {
        case What::set: return "bộ tiêu chí";
        case What::criterion: return "tiêu chí";
        case What::indicator: return "chỉ tiêu";
        case What::level: return "mức công nhận";
        case What::gate: return "điều kiện công nhận";
        case What::revocation: return "quy định thu hồi";
        case What::branch: return "trường hợp thu hồi";
        case What::category: return "cách phân nhóm";
        case What::member: return "nhóm";
        case What::assignment: return "phân công";
        case What::target: return "mục tiêu";
    }
    return "";
}

const char* how_text(How h) {
    switch (h) {
        case How::added: return "thêm";
        case How::removed: return "bỏ";
        case How::renamed: return "đổi tên";
        case How::recoded: return "đổi mã";
        case How::moved: return "chuyển";
        case How::changed: return "sửa";
    }
    return "";
}

const char* direction_text(Direction d) {
    switch (d) {
        case Direction::gained: return "lên mức";
        case Direction::lost: return "xuống mức";
        case Direction::uncertain: return "chưa xác định (thiếu dữ liệu)";
        case Direction::closer: return "đạt thêm tiêu chí";
        case Direction::further: return "đạt ít tiêu chí hơn";
        case Direction::revocation: return "đổi kết luận thu hồi";
        case Direction::maintenance: return "đổi kết luận duy trì chuẩn";
    }
    return "";
}

std::string status_word(Status s) { return report::status_text(Lang::vi, s); }

std::string change_headline(const Change& c) {
    std::string out = fmt::format("{} {} {}", how_text(c.how), what_text(c.what), c.code);
    switch (c.how) {
        case How::added: out += quoted(c.new_title); break;
        case How::removed: out += quoted(c.old_title); break;
        case How::renamed: out += fmt::format(": «{}» → «{}»", c.old_title, c.new_title); break;
        case How::recoded:
            out = fmt::format("đổi mã {} {} → {}{}", what_text(c.what), c.old_code, c.code, quoted(c.new_title));
            if (c.old_title != c.new_title) out += fmt::format(" (tên cũ{})", quoted(c.old_title));
            if (c.old_owner != c.new_owner) out += fmt::format("; chuyển từ tiêu chí {} sang tiêu chí {}", c.old_owner, c.new_owner);
            break;
        case How::moved:
            out = fmt::format("chuyển {} {}{} từ tiêu chí {} sang tiêu chí {}", what_text(c.what), c.code,
                              quoted(c.new_title), c.old_owner, c.new_owner);
            break;
        case How::changed: out += quoted(c.new_title); break;
    }
    if (c.what == What::indicator && c.how == How::added && !c.new_owner.empty()) out += fmt::format(", thuộc tiêu chí {}", c.new_owner);
    if (c.what == What::indicator && c.how == How::removed && !c.old_owner.empty()) out += fmt::format(", thuộc tiêu chí {}", c.old_owner);
    if (c.what == What::indicator && c.how == How::renamed && c.old_owner != c.new_owner) {
        out += fmt::format("; chuyển từ tiêu chí {} sang tiêu chí {}", c.old_owner, c.new_owner);
    }
    if (!c.unit.empty() && c.what == What::indicator) out += fmt::format(" ({})", c.unit);
    return out;
}

std::string cell_text(const CellChange& cell, dsl::Cmp old_cmp, dsl::Cmp new_cmp, const std::string& unit) {
    std::string out = fmt::format("{} → {}", side_value(cell.old_value, old_cmp), side_value(cell.new_value, new_cmp));
    if (!unit.empty() && (engine::known(cell.old_value) || engine::known(cell.new_value))) out += " " + unit;
    const std::string move = old_cmp == new_cmp ? threshold_move(cell.old_value, cell.new_value, new_cmp) : std::string();
    if (!move.empty()) out += fmt::format(" ({})", move);
    return cell.where.empty() ? out : fmt::format("{}: {}", cell.where, out);
}

std::vector<std::string> change_details(const Change& c) {
    std::vector<std::string> out;
    for (const ThresholdDiff& t : c.thresholds) {
        const std::string label = c.thresholds.size() > 1 || t.requirement > 0
                                      ? fmt::format("yêu cầu {}", t.requirement + 1) : std::string("ngưỡng");
        if (!t.old_text.empty() || !t.new_text.empty()) {
            if (c.how == How::added) {
                out.push_back(fmt::format("{}: {}", label, t.new_text));
            } else if (c.how == How::removed) {
                out.push_back(fmt::format("{}: {}", label, t.old_text));
            } else {
                out.push_back(fmt::format("{}: {} → {}", label, t.old_text.empty() ? "không có" : t.old_text,
                                          t.new_text.empty() ? "không có" : t.new_text));
            }
            continue;
        }
        for (const CellChange& cell : t.cells) {
            out.push_back(fmt::format("{}: {}", label, cell_text(cell, t.old_cmp, t.new_cmp, c.unit)));
        }
    }
    for (const Change::Field& f : c.fields) {
        out.push_back(fmt::format("{}: {} → {}", f.name, f.old_value.empty() ? "không có" : f.old_value,
                                  f.new_value.empty() ? "không có" : f.new_value));
    }
    if (!c.old_rule.empty() && !c.new_rule.empty()) {
        out.push_back(fmt::format("luật: {} → {}", c.old_rule, c.new_rule));
    } else if (!c.old_rule.empty() || !c.new_rule.empty()) {
        out.push_back(fmt::format("luật: {}", c.old_rule.empty() ? c.new_rule : c.old_rule));
    }
    return out;
}

std::string level_text(const LevelSide& s) {
    std::string out = s.title.empty() ? std::string("chưa đạt mức nào") : s.title;
    if (s.uncertain) {
        out += s.max_title.empty() ? std::string(" (có thể cao hơn: thiếu dữ liệu)")
                                   : fmt::format(" (có thể đến {}: thiếu dữ liệu)", report::lower_first(s.max_title));
    }
    return out;
}

std::string entity_text(const EntityChange& e) {
    const std::string name = report::display_name(e.type, e.name);
    return e.parent.empty() ? fmt::format("{} ({})", name, e.code) : fmt::format("{} ({}, {})", name, e.code, e.parent);
}

std::string move_text(const EntityChange& e) {
    std::string out;
    if (e.old_side.title != e.new_side.title || e.old_side.max_title != e.new_side.max_title) {
        out = fmt::format("{} → {}", level_text(e.old_side), level_text(e.new_side));
    } else {
        out = level_text(e.new_side);
    }
    if (e.old_side.criteria_total > 0 || e.new_side.criteria_total > 0) {
        out += fmt::format("; {}/{} → {}/{} tiêu chí", e.old_side.criteria_met, e.old_side.criteria_total,
                           e.new_side.criteria_met, e.new_side.criteria_total);
        if (e.new_side.criteria_unknown > 0) out += fmt::format(" ({} thiếu dữ liệu)", e.new_side.criteria_unknown);
    }
    const auto revoking = [](Status s) { return s == Status::met || s == Status::unknown; };
    if (revoking(e.old_side.revoked) != revoking(e.new_side.revoked) ||
        (revoking(e.old_side.revoked) && e.old_side.revoked != e.new_side.revoked)) {
        auto rv = [](Status s) {
            switch (s) {
                case Status::met: return "đề nghị thu hồi";
                case Status::unknown: return "có thể bị thu hồi (thiếu dữ liệu)";
                case Status::not_met: return "không thu hồi";
                default: return "không xét thu hồi";
            }
        };
        out += fmt::format("; {} → {}", rv(e.old_side.revoked), rv(e.new_side.revoked));
    }
    if (e.old_side.lost_title != e.new_side.lost_title) {
        out += fmt::format("; duy trì chuẩn: {} → {}",
                           e.old_side.lost_title.empty() ? "duy trì" : "không duy trì " + report::lower_first(e.old_side.lost_title),
                           e.new_side.lost_title.empty() ? "duy trì" : "không duy trì " + report::lower_first(e.new_side.lost_title));
    }
    return out;
}

std::string cause_text(const Cause& c) {
    std::string out;
    if (c.gate) {
        out = c.only_new ? fmt::format("điều kiện mới {}: {}", c.title.empty() ? c.code : c.title, status_word(c.new_status))
                         : fmt::format("điều kiện {}: {} → {}", c.title.empty() ? c.code : c.title,
                                       status_word(c.old_status), status_word(c.new_status));
    } else {
        out = fmt::format("chỉ tiêu {} {}: ", c.code, c.title);
        if (c.only_new) {
            out += fmt::format("chỉ tiêu mới, {}", status_word(c.new_status));
        } else if (c.only_old) {
            out += fmt::format("{} → không còn trong bộ tiêu chí", status_word(c.old_status));
        } else {
            out += fmt::format("{} → {}", status_word(c.old_status), status_word(c.new_status));
        }
        if (!c.boolean) {
            if (engine::known(c.old_value) && engine::known(c.new_value) && c.old_value != c.new_value) {
                out += fmt::format("; giá trị {} → {}", n(c.old_value), report::with_unit(Lang::vi, c.new_value, c.unit_symbol));
            } else if (engine::known(c.new_value) || engine::known(c.old_value)) {
                out += fmt::format("; giá trị {}", report::with_unit(Lang::vi, engine::known(c.new_value) ? c.new_value : c.old_value,
                                                                      c.unit_symbol));
            }
            if (engine::known(c.old_low) && engine::known(c.new_low) && c.old_low != c.new_low) {
                out += fmt::format("; ngưỡng {} {} → {} {}", report::cmp_sign(c.cmp), n(c.old_low), report::cmp_sign(c.cmp), n(c.new_low));
            } else if (engine::known(c.new_low)) {
                out += fmt::format("; ngưỡng {} {}", report::cmp_sign(c.cmp), n(c.new_low));
            }
            if (engine::known(c.new_gap)) out += fmt::format("; còn thiếu {}", report::with_unit(Lang::vi, c.new_gap, c.unit_symbol));
        } else if (engine::known(c.new_value) || engine::known(c.old_value)) {
            const double v = engine::known(c.new_value) ? c.new_value : c.old_value;
            out += v != 0 ? "; giá trị: có" : "; giá trị: không";
        }
    }
    if (!c.responsible.empty()) out += fmt::format(" — {}", c.responsible);
    return out;
}

std::string transition_text(const Transition& t) {
    LevelSide o, n;
    o.title = t.old_level;
    o.max_title = t.old_max;
    o.uncertain = !t.old_max.empty();
    n.title = t.new_level;
    n.max_title = t.new_max;
    n.uncertain = !t.new_max.empty();
    return fmt::format("{} → {}", level_text(o), level_text(n));
}

std::string criterion_tally_text(const CriterionTally& t) {
    std::string out = t.gate ? fmt::format("điều kiện công nhận «{}»", t.title.empty() ? t.code : t.title)
                             : fmt::format("tiêu chí {} {}", t.code, t.title);
    out += fmt::format(" — {}", t.responsible.empty() ? "chưa phân công" : t.responsible);
    return out;
}

std::string parent_tally_text(const ParentTally& t) {
    std::vector<std::string> parts;
    if (t.gained > 0) parts.push_back(fmt::format("{} lên mức", t.gained));
    if (t.lost > 0) parts.push_back(fmt::format("{} xuống mức", t.lost));
    if (t.uncertain > 0) parts.push_back(fmt::format("{} chưa xác định", t.uncertain));
    if (t.closer > 0) parts.push_back(fmt::format("{} đạt thêm tiêu chí", t.closer));
    if (t.further > 0) parts.push_back(fmt::format("{} đạt ít tiêu chí hơn", t.further));
    std::string out;
    for (const std::string& p : parts) out += out.empty() ? p : ", " + p;
    return out.empty() ? std::string("không đổi mức") : out;
}

}  // namespace ntm::diff
