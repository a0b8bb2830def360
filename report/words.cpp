// The phrases of words.hpp, built from data; the label tables are in words_tables.cpp.
#include "report/words.hpp"

#include <cmath>
#include <fmt/format.h>
#include <utf8proc.h>

namespace ntm::report {

// ---------------------------------------------------------------------------------------------
// Numbers, statuses, places

std::string num(Lang lang, double v) {
    if (!known(v)) return "—";
    const char thousands = lang == Lang::vi ? '.' : ',';
    const char decimal = lang == Lang::vi ? ',' : '.';
    std::string s = fmt::format("{:.2f}", std::fabs(v));
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    const std::size_t dot = s.find('.');
    const std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot + 1);
    std::string out;
    if (v < 0 && (whole != "0" || !frac.empty())) out += '-';
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) out += thousands;
        out += whole[i];
    }
    if (!frac.empty()) out.append(1, decimal).append(frac);
    return out;
}

std::string with_unit(Lang lang, double v, std::string_view symbol) {
    std::string out = num(lang, v);
    if (!symbol.empty()) out.append(" ").append(symbol);
    return out;
}

std::string percent(Lang lang, std::size_t part, std::size_t whole) {
    if (whole == 0) return "–";
    return num(lang, std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10.0) + " %";
}

std::string status_text(Lang lang, Status s) {
    const bool en = lang == Lang::en;
    switch (s) {
        case Status::met: return en ? "met" : "đạt";
        case Status::not_met: return en ? "not met" : "chưa đạt";
        case Status::unknown: return en ? "missing data" : "thiếu dữ liệu";
        case Status::not_applicable: return en ? "not applicable" : "không áp dụng";
    }
    return {};
}

const char* status_mark(Status s) {
    switch (s) {
        case Status::met: return "✓";
        case Status::not_met: return "✗";
        case Status::unknown: return "?";
        case Status::not_applicable: return "–";
    }
    return " ";
}

std::string_view region_title(Region r) { return dsl::kRegionTitles[region_index(r)]; }

const char* cmp_sign(dsl::Cmp c) {
    switch (c) {
        case dsl::Cmp::ge: return "≥";
        case dsl::Cmp::gt: return ">";
        case dsl::Cmp::le: return "≤";
        case dsl::Cmp::lt: return "<";
        case dsl::Cmp::eq: return "=";
        case dsl::Cmp::ne: return "≠";
        case dsl::Cmp::in_range:
        case dsl::Cmp::yes:
        case dsl::Cmp::no: break;
    }
    return "";
}

namespace {

// `text` with its first letter mapped by `map` (utf8proc_toupper or utf8proc_tolower).
std::string map_first(std::string_view text, utf8proc_int32_t (*map)(utf8proc_int32_t)) {
    utf8proc_int32_t first = 0;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    const utf8proc_ssize_t n = utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size()), &first);
    if (n <= 0) return std::string(text);
    utf8proc_uint8_t mapped[4];
    const utf8proc_ssize_t m = utf8proc_encode_char(map(first), mapped);
    std::string out(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(m));
    out.append(text.substr(static_cast<std::size_t>(n)));
    return out;
}

}  // namespace

std::string lower_first(std::string_view text) { return map_first(text, utf8proc_tolower); }

std::string upper_first(std::string_view text) { return map_first(text, utf8proc_toupper); }

// ---------------------------------------------------------------------------------------------
// Phrases built from an explanation

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

std::string requirement_text(Lang lang, const IndicatorExplanation& i) {
    if (!i.has_requirement) return {};
    const bool en = lang == Lang::en;
    switch (i.cmp) {
        case dsl::Cmp::yes: return en ? "yes" : "đạt";
        case dsl::Cmp::no: return en ? "no" : "không";
        case dsl::Cmp::in_range:
            return fmt::format(fmt::runtime(en ? "between {} and {}" : "trong khoảng {} – {}"), num(lang, i.low),
                               with_unit(lang, i.high, i.unit_symbol));
        default: break;
    }
    if (!known(i.low) && known(i.low_min) && known(i.low_max)) {  // by a category not decided
        return fmt::format("{} {} – {}", cmp_sign(i.cmp), num(lang, i.low_min),
                           with_unit(lang, i.low_max, i.unit_symbol));
    }
    return fmt::format("{} {}", cmp_sign(i.cmp), with_unit(lang, i.low, i.unit_symbol));
}

std::string gap_text(Lang lang, const IndicatorExplanation& i) {
    if (i.status != Status::not_met || !known(i.gap) || i.boolean) return {};
    const bool en = lang == Lang::en;
    std::string out;
    switch (i.cmp) {
        case dsl::Cmp::ge:
        case dsl::Cmp::gt: out = en ? "short by " : "còn thiếu "; break;
        case dsl::Cmp::le:
        case dsl::Cmp::lt: out = en ? "above the ceiling by " : "vượt ngưỡng tối đa "; break;
        case dsl::Cmp::in_range: out = en ? "outside the range by " : "lệch khỏi khoảng "; break;
        default: out = en ? "differs by " : "chênh lệch ";
    }
    // The difference of two rates is in percentage points, not a percentage of the threshold:
    // 75 % against ≥ 80 % is 5 points short, not 5 % short.
    if (i.unit_symbol == "%") return out.append(num(lang, i.gap)).append(en ? " percentage points" : " điểm %");
    return out.append(with_unit(lang, i.gap, i.unit_symbol));
}

std::string missing_text(Lang lang, const IndicatorExplanation& i) {
    if (i.status != Status::not_met || !i.boolean) return {};
    if (i.cmp == dsl::Cmp::no) {
        return fmt::format(fmt::runtime(lang == Lang::en ? "still present: {}" : "vẫn còn: {}"),
                           lang == Lang::en ? i.title : lower_first(i.title));
    }
    if (lang == Lang::en) return fmt::format("not in place: {}", i.title);
    // "Có quy hoạch …" → "chưa có quy hoạch …"; "Xã có …" → "xã chưa có …"; "Đạt …" → "chưa đạt …".
    // A title that does not start with a verb the phrase can negate: "chưa đạt: " and the title.
    static constexpr std::string_view kSubjects[] = {"Xã ", "Thôn ", "Huyện "};
    static constexpr std::string_view kVerbs[] = {"có ",       "đạt ",      "bảo đảm ",   "xây dựng ", "ban hành ",
                                                  "thực hiện ", "tổ chức ",  "phổ cập ",   "hoàn thành ", "duy trì "};
    std::string_view rest = i.title;
    std::string subject;
    for (const std::string_view s : kSubjects) {
        if (rest.substr(0, s.size()) == s) {
            subject = lower_first(std::string(s));
            rest.remove_prefix(s.size());
            break;
        }
    }
    const std::string lowered = lower_first(std::string(rest));
    for (const std::string_view v : kVerbs) {
        if ((lowered + ' ').starts_with(v)) return fmt::format("{}chưa {}", subject, lowered);  // "Đạt" alone too
    }
    return fmt::format("chưa đạt: {}", lower_first(i.title));
}

std::string why_text(const IndicatorExplanation& i) {
    if (!i.has_requirement) return {};
    if (i.region_unknown) {
        return fmt::format("chưa xác định được vùng (thiếu dữ liệu của quy định về vùng); theo vùng {}, năm {}",
                           region_title(i.region), i.year);
    }
    if (i.applies_unknown) {
        std::string out = "chưa rõ chỉ tiêu có áp dụng không (thiếu dữ liệu của điều kiện áp dụng)";
        if (i.status == Status::met) out += "; đạt trong cả hai trường hợp";
        return out;
    }
    if (i.category_unknown) {
        std::vector<std::string> undecided;
        for (const auto& [dimension, member] : i.categories) {
            if (member.empty()) undecided.push_back(lower_first(dimension));
        }
        std::string out = fmt::format("chưa xác định được {} (thiếu dữ liệu của điều kiện phân loại)",
                                      fmt::join(undecided, ", "));
        if (i.status == Status::met) out += "; đạt theo mọi trường hợp";
        if (i.status == Status::not_met) out += "; chưa đạt theo mọi trường hợp";
        return out;
    }
    if (i.cmp == dsl::Cmp::yes || i.cmp == dsl::Cmp::no) return {};
    std::string out = fmt::format("vùng {}, năm {}", region_title(i.region), i.year);
    for (const auto& [dimension, member] : i.categories) out += fmt::format(", {} {}", lower_first(dimension), member);
    if (!i.case_condition.empty()) out += fmt::format(", khi {}", i.case_condition);
    return out;
}

std::string combine_text(const CriterionExplanation& c) {
    switch (c.combine) {
        case dsl::CombineKind::any: return "một trong các chỉ tiêu";
        case dsl::CombineKind::at_least: return fmt::format("ít nhất {} chỉ tiêu", c.at_least);
        case dsl::CombineKind::all: break;
    }
    return "tất cả chỉ tiêu";
}

std::string readings_text(const GateExplanation& g) { return readings_text(g.reads); }

std::string category_text(const CategoryExplanation& c) {
    const TextWords& t = text_words();
    std::string out = c.decided ? c.member_title : std::string(t.category_undecided);
    if (!c.condition.empty()) out += fmt::format(" — {}: {}", t.condition, c.condition);
    if (const std::string r = readings_text(c.reads); !r.empty()) out += fmt::format(" — {}: {}", t.readings, r);
    return out;
}

std::string readings_text(const std::vector<GateReading>& reads) {
    std::vector<std::string> parts;
    for (const GateReading& r : reads) {
        const std::string shown = !known(r.value) ? std::string("thiếu dữ liệu")
                                  : r.boolean     ? std::string(r.value != 0 ? "có" : "không")
                                                  : with_unit(Lang::vi, r.value, r.unit_symbol);
        parts.push_back(fmt::format("{}: {}{}", r.title.empty() ? r.column : r.title, shown,
                                    r.estimated && known(r.value) ? text_words().estimate_mark : ""));
    }
    return fmt::format("{}", fmt::join(parts, "; "));
}

namespace {

// "tiêu chí 2 Giao thông — chỉ tiêu 2.2: 75 % (yêu cầu ≥ 80 %)"
std::string indicator_blocker_vi(const Blocker& b) {
    const IndicatorExplanation& i = b.indicator;
    std::string out = fmt::format("tiêu chí {} {} — chỉ tiêu {}", b.criterion_code, b.criterion_title, i.code);
    const std::string value = with_unit(Lang::vi, i.value, i.unit_symbol);
    if (i.status == Status::unknown && known(i.value) && !i.boolean) {
        out += fmt::format(": {} (yêu cầu {}) — thiếu dữ liệu để xét", value, requirement_text(Lang::vi, i));
    } else if (i.status == Status::unknown) {
        out += ": thiếu dữ liệu";
    } else if (i.boolean) {
        out += ": chưa đạt";
    } else {
        out += fmt::format(": {} (yêu cầu {})", value, requirement_text(Lang::vi, i));
    }
    return out;
}

std::string indicator_blocker_en(const Blocker& b) {
    const IndicatorExplanation& i = b.indicator;
    std::string out = fmt::format("criterion {} {} — indicator {}: ", b.criterion_code, b.criterion_title, i.code);
    if (i.status == Status::unknown) return out.append("missing data");
    return out.append(fmt::format("{} (required {})", value_text(Lang::en, i), requirement_text(Lang::en, i)));
}

}  // namespace

std::string blocker_text(Lang lang, const Blocker& b) {
    const bool en = lang == Lang::en;
    switch (b.kind) {
        case Blocker::Kind::prerequisite:
            return fmt::format(fmt::runtime(en ? "required level not reached: {}" : "chưa {}"), b.level_title);
        case Blocker::Kind::indicator: return en ? indicator_blocker_en(b) : indicator_blocker_vi(b);
        case Blocker::Kind::gate: break;
    }
    const GateExplanation& g = b.gate;
    if (en) return fmt::format("condition: {} ({})", g.title.empty() ? g.name : g.title, status_text(lang, g.status));
    std::string out = fmt::format("điều kiện: {}", g.title);
    if (const std::string readings = readings_text(g); !readings.empty()) out += fmt::format(" ({})", readings);
    return out;
}

std::string blocker_line(Lang lang, const Blocker& b) {
    std::string out = blocker_text(lang, b);
    if (!b.responsible.empty()) out.append(lang == Lang::en ? " — responsible: " : " — phụ trách: ").append(b.responsible);
    return out;
}

std::vector<std::string> blocker_lines(Lang lang, const std::vector<Blocker>& blockers) {
    std::vector<std::string> out;
    for (const Blocker& b : blockers) out.push_back(blocker_line(lang, b));
    return out;
}

// ---------------------------------------------------------------------------------------------
// Phrases of the report

std::string level_phrase(Lang lang, const std::string& title) {
    if (lang == Lang::en) return fmt::format("communes: {}", title);
    const std::string head = "Xã ";
    if (title.rfind(head, 0) == 0) return fmt::format("xã {}", title.substr(head.size()));
    return fmt::format("xã đạt mức “{}”", title);
}

std::string target_asked(Lang lang, const TargetLine& l) {
    if (!l.increment) return num(lang, l.asked);
    return std::string(lang == Lang::en ? "+" : "thêm ").append(num(lang, l.asked));
}

std::string target_result(Lang lang, const TargetLine& l, int year) {
    const auto range = [&](double lo, double hi) {
        return lo == hi ? num(lang, lo) : fmt::format("{}–{}", num(lang, lo), num(lang, hi));
    };
    std::string got = range(l.reached, l.reached_max);
    if (l.increment) {
        got = fmt::format(fmt::runtime(lang == Lang::en ? "+{} ({} against {} before {})" : "thêm {} ({} so với {} trước năm {})"),
                          range(l.reached - l.before, l.reached_max - l.before), got, num(lang, l.before), year);
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
    return std::string(en ? "✗ short by " : "✗ còn thiếu ").append(num(lang, l.asked + l.before - l.reached_max));
}

const char* severity_text(Lang lang, const text::Problem& p) {
    return p.kind == text::ProblemKind::warning ? words(lang).warning : words(lang).error;
}

}  // namespace ntm::report
