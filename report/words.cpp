#include "report/words.hpp"

#include <cmath>
#include <fmt/format.h>

namespace ntm::report {

namespace {

constexpr Words kVi = {
    "Báo cáo kết quả xây dựng nông thôn mới", "Năm", "Quy định", "Dữ liệu", "đọc {} bản ghi, nhận {}, loại {}",
    "Địa bàn", "1. Tổng quan", "2. Kết quả theo tiêu chí", "3. Việc của các sở, ngành", "4. Phiếu từng xã",
    "5. Lỗi dữ liệu", "Mức đạt của", "Mức cao nhất đạt được", "Số đơn vị", "Tỷ lệ", "Thiếu dữ liệu", "Chưa đạt",
    "Số tiêu chí đạt bình quân", "Không thuộc diện đánh giá", "Chưa xác định được (thiếu dữ liệu)",
    "Mức của từng huyện, tỉnh", "Tiến độ theo huyện", "Huyện", "Số xã",
    "Duy trì chuẩn — không còn đạt mức đã được công nhận", "Năm công nhận", "Mục tiêu và kết quả", "Mục tiêu",
    "Chỉ tiêu giao", "Kết quả", "Đánh giá", "Mã", "Tên", "Mức", "Tiêu chí", "Chỉ tiêu", "Đạt", "Chưa đạt",
    "Thiếu dữ liệu", "Không áp dụng", "Tỷ lệ đạt", "Bộ tiêu chí", "Phụ trách", "Chưa phân công", "Giá trị",
    "Yêu cầu", "Chênh lệch", "Mức hướng tới", "Quy định", "Căn cứ", "Tiêu chí đạt", "Phân loại", "Mức tiếp theo",
    "Còn vướng", "Đã đạt mức cao nhất", "Chỉ tiêu chưa đạt hoặc thiếu dữ liệu",
    "⚠ Duy trì chuẩn: đã được công nhận “{}” năm {}, năm {} không còn đạt mức này.", "Chưa đạt mức trước",
    "Điều kiện công nhận", "Không có lỗi dữ liệu.", "Tệp", "Dòng", "Trường", "Mức độ", "Nội dung", "lỗi",
    "cảnh báo", "Không có.", "Phụ trách địa bàn", "về tổng quan", "Mức đạt của các xã theo huyện",
    "Tỷ lệ xã đạt từng tiêu chí", {"thôn", "xã", "huyện", "tỉnh"}};

constexpr Words kEn = {
    "New Rural Development report", "Year", "Rules", "Data", "read {} records, accepted {}, rejected {}", "Area",
    "1. Overview", "2. Results by criterion", "3. Work lists of the departments", "4. Commune sheets",
    "5. Data problems", "Levels of", "Highest level reached", "Units", "Share", "Missing data", "None",
    "Mean criteria met", "Not judged", "Undecided (missing data)", "Levels of districts and province",
    "Progress by district", "District", "Communes", "Maintenance — no longer at a level once recognised",
    "Recognised", "Targets and results", "Target", "Asked", "Result", "Verdict", "Code", "Name", "Level",
    "Criterion", "Indicator", "Met", "Not met", "Missing data", "Not applicable", "Pass rate", "Criteria set",
    "Responsible", "Not assigned", "Value", "Requirement", "Gap", "Working towards", "Rule", "Source",
    "Criteria met", "Classes", "Next level", "Blocked by", "At the highest level",
    "Indicators not met or lacking data",
    "⚠ Maintenance: recognised as “{}” in {}, no longer at this level in {}.", "Required level not reached",
    "Recognition condition", "No data problems.", "File", "Line", "Field", "Severity", "Message", "error",
    "warning", "None.", "Locality in charge", "back to overview", "Levels of communes by district",
    "Share of communes meeting each criterion", {"villages", "communes", "districts", "provinces"}};

}  // namespace

const Words& words(Lang lang) { return lang == Lang::en ? kEn : kVi; }

std::string num(Lang lang, double v) {
    const std::string vi = number_vi(v);
    if (lang == Lang::vi) return vi;
    std::string en = vi;
    for (char& c : en) c = c == '.' ? ',' : c == ',' ? '.' : c;
    return en;
}

std::string percent(Lang lang, std::size_t part, std::size_t whole) {
    if (whole == 0) return "–";
    return num(lang, std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10.0) + " %";
}

std::string status_text(Lang lang, Status s) {
    if (lang == Lang::vi) return status_vi(s);
    switch (s) {
        case Status::met: return "met";
        case Status::not_met: return "not met";
        case Status::unknown: return "missing data";
        case Status::not_applicable: return "not applicable";
    }
    return {};
}

namespace {

std::string with_unit(Lang lang, double v, const std::string& symbol) {
    return symbol.empty() ? num(lang, v) : num(lang, v) + " " + symbol;
}

}  // namespace

std::string value_text(Lang lang, const IndicatorExplanation& i) {
    if (!known(i.value)) return "—";
    if (i.boolean) {
        const bool yes = i.value != 0;
        if (lang == Lang::en) return yes ? "yes" : "no";
        if (i.cmp == dsl::Cmp::no) return yes ? "có" : "không";
        return yes ? "đạt" : "không đạt";
    }
    return with_unit(lang, i.value, i.unit_symbol);
}

std::string threshold_text(Lang lang, const IndicatorExplanation& i) {
    if (lang == Lang::vi || i.requirement.empty()) return i.requirement;
    switch (i.cmp) {
        case dsl::Cmp::yes: return "yes";
        case dsl::Cmp::no: return "no";
        case dsl::Cmp::in_range:
            return fmt::format("between {} and {}", num(lang, i.low), with_unit(lang, i.high, i.unit_symbol));
        default: break;
    }
    // The comparison sign is the requirement's first word ("≥ 70 %").
    return i.requirement.substr(0, i.requirement.find(' ')) + " " + with_unit(lang, i.low, i.unit_symbol);
}

std::string gap_text(Lang lang, const IndicatorExplanation& i) {
    if (i.status != Status::not_met || !known(i.gap) || i.boolean) return {};
    const std::string amount = with_unit(lang, i.gap, i.unit_symbol);
    const bool en = lang == Lang::en;
    switch (i.cmp) {
        case dsl::Cmp::ge:
        case dsl::Cmp::gt: return (en ? "short by " : "còn thiếu ") + amount;
        case dsl::Cmp::le:
        case dsl::Cmp::lt: return (en ? "over by " : "vượt ") + amount;
        case dsl::Cmp::in_range: return (en ? "outside the range by " : "lệch khỏi khoảng ") + amount;
        default: return (en ? "differs by " : "chênh lệch ") + amount;
    }
}

std::string level_phrase(Lang lang, const std::string& title) {
    if (lang == Lang::en) return "communes: " + title;
    const std::string head = "Xã ";
    if (title.rfind(head, 0) == 0) return "xã " + title.substr(head.size());
    return fmt::format("xã đạt mức “{}”", title);
}

std::string target_asked(Lang lang, const TargetLine& l) {
    if (!l.increment) return num(lang, l.asked);
    return (lang == Lang::en ? "+" : "thêm ") + num(lang, l.asked);
}

std::string target_result(Lang lang, const TargetLine& l, int year) {
    const auto range = [&](double lo, double hi) {
        return lo == hi ? num(lang, lo) : fmt::format("{}–{}", num(lang, lo), num(lang, hi));
    };
    std::string got = range(l.reached, l.reached_max);
    if (l.increment) {
        got = lang == Lang::en ? fmt::format("+{} ({} against {} before {})", range(l.reached - l.before, l.reached_max - l.before),
                                             got, num(lang, l.before), year)
                               : fmt::format("thêm {} ({} so với {} trước năm {})",
                                             range(l.reached - l.before, l.reached_max - l.before), got,
                                             num(lang, l.before), year);
    }
    if (l.reached_max > l.reached) {
        got += fmt::format(fmt::runtime(lang == Lang::en ? ", {} {} lacking data" : ", {} {} thiếu dữ liệu"),
                           num(lang, l.reached_max - l.reached), words(lang).kind_names[kind_index(l.kind)]);
    }
    return got;
}

std::string target_verdict(Lang lang, const TargetLine& l) {
    const bool en = lang == Lang::en;
    if (l.status == Status::met) return en ? "✓ met" : "✓ đạt mục tiêu";
    if (l.status == Status::unknown) return en ? "? undecided (missing data)" : "? chưa xác định được (thiếu dữ liệu)";
    const std::string short_by = num(lang, l.asked + l.before - l.reached_max);
    return en ? "✗ short by " + short_by : "✗ còn thiếu " + short_by;
}

const char* severity_text(Lang lang, const text::Problem& p) {
    return p.kind == text::ProblemKind::warning ? words(lang).warning : words(lang).error;
}

std::vector<std::string> blocker_lines(Lang lang, const CommuneSheet& sheet) {
    std::vector<std::string> out;
    if (lang == Lang::vi) {
        // The explanation's own wording, as `ntm explain` prints it.
        for (const Blocker& b : sheet.x.blockers) {
            out.push_back(b.responsible.empty() ? b.what : b.what + " — phụ trách: " + b.responsible);
        }
        return out;
    }
    if (!sheet.next_prerequisite.empty()) out.push_back("required level not reached: " + sheet.next_prerequisite);
    for (const OpenIndicator& oi : sheet.open) {
        const IndicatorExplanation& i = oi.indicator;
        std::string line = fmt::format("criterion {} {} — indicator {}: ", oi.criterion_code, oi.criterion_title, i.code);
        line += i.status == Status::unknown ? std::string("missing data")
                                            : fmt::format("{} (required {})", value_text(lang, i), threshold_text(lang, i));
        if (!i.responsible.empty()) line += " — responsible: " + i.responsible;
        out.push_back(line);
    }
    for (const GateExplanation& g : sheet.open_gates) {
        out.push_back(fmt::format("condition: {} ({})", g.title.empty() ? g.name : g.title, status_text(lang, g.status)));
    }
    return out;
}

}  // namespace ntm::report
