// The overview's phrases of words.hpp: levels named for the unit, the sets that judged, work
// list headings, the comparison with the previous year and the targets of later years.
#include <fmt/format.h>

#include "report/words.hpp"

namespace ntm::report {

namespace {

// "thị xã, thành phố thuộc cấp tỉnh" names "thành phố": a whole item of its list.
bool names_type(std::string_view subject, std::string_view type) {
    for (std::size_t at = subject.find(type); at != std::string_view::npos; at = subject.find(type, at + 1)) {
        const bool starts = at == 0 || subject.substr(0, at).ends_with(", ");
        const std::string_view after = subject.substr(at + type.size());
        const bool ends = after.empty() || after.starts_with(",") || after.starts_with(" ");
        if (starts && ends) return true;
    }
    return false;
}

}  // namespace

std::string level_title_for(const std::string& title, const std::string& type) {
    if (type.empty() || title.find("; ") == std::string::npos) return title;
    const std::string want = lower_first(type);
    std::string_view rest = title;
    while (!rest.empty()) {
        const std::size_t end = std::min(rest.find("; "), rest.size());
        const std::string part = lower_first(std::string(rest.substr(0, end)));
        rest.remove_prefix(std::min(end + 2, rest.size()));
        std::size_t verb = std::string::npos;
        for (const char* v : {" đạt ", " hoàn thành "}) verb = std::min(verb, part.find(v));
        if (verb == std::string::npos) continue;
        const std::string_view subject = std::string_view(part).substr(0, verb);
        if (subject == want) return upper_first(part);
        if (names_type(subject, want)) return upper_first(part.substr(verb + 1));
    }
    return title;
}

std::string judging_sets_text(Lang lang, const std::vector<std::pair<std::string, std::size_t>>& sets) {
    if (sets.size() == 1) return sets.front().first;
    std::vector<std::string> parts;
    for (const auto& [title, n] : sets) {
        parts.push_back(fmt::format("{} ({} {})", title, n, words(lang).kind_names[kind_index(EntityKind::xa)]));
    }
    return fmt::format("{}", fmt::join(parts, "; "));
}

std::string set_share_text(Lang lang, const KindOverview& k) {
    return fmt::format(fmt::runtime(lang == Lang::en ? "Meeting the criterion of the set: {}/{} {} ({})"
                                                     : "Đạt tiêu chí của bộ tiêu chí: {}/{} {} ({})"),
                       k.criteria_met, k.judged_by_set, words(lang).kind_names[kind_index(k.kind)],
                       percent(lang, k.criteria_met, k.judged_by_set));
}

std::string work_heading(Lang lang, const WorkList& list) {
    const Words& w = words(lang);
    return fmt::format(fmt::runtime(lang == Lang::en ? "{} — communes: {}; indicators: {}" : "{}: {} xã ({} chỉ tiêu)"),
                       list.body.empty() ? w.unassigned : list.body, list.communes, list.items.size());
}

std::string trend_heading(Lang lang, int year) {
    return fmt::format(fmt::runtime(lang == Lang::en ? "Compared with {}" : "So với năm {}"), year);
}

std::string trend_summary(Lang lang, const Trend& t) {
    if (lang == Lang::en) {
        return fmt::format("{} communes judged in both years: {} reached a higher level, {} fell to a lower one; "
                           "criteria met went up in {}, down in {}",
                           t.compared, t.recognised.size(), t.lost.size(), t.criteria_up.size(), t.criteria_down.size());
    }
    return fmt::format("{} xã được đánh giá cả hai năm: {} xã đạt mức cao hơn, {} xã xuống mức thấp hơn; "
                       "{} xã tăng số tiêu chí đạt, {} xã giảm",
                       t.compared, t.recognised.size(), t.lost.size(), t.criteria_up.size(), t.criteria_down.size());
}

std::string trend_list_title(Lang lang, int which, std::size_t n) {
    static constexpr const char* kVi[] = {"Đạt mức cao hơn năm trước", "Xuống mức thấp hơn năm trước",
                                          "Tăng số tiêu chí đạt", "Giảm số tiêu chí đạt"};
    static constexpr const char* kEn[] = {"At a higher level than last year", "At a lower level than last year",
                                          "More criteria met", "Fewer criteria met"};
    return fmt::format("{}: {}", (lang == Lang::en ? kEn : kVi)[which], n);
}

std::string trend_criteria(const TrendChange& c) {
    const int by = c.met_after - c.met_before;
    return fmt::format("{}/{} → {}/{} ({}{})", c.met_before, c.total_before, c.met_after, c.total_after,
                       by > 0 ? "+" : "", by);
}

const char* upcoming_heading(Lang lang) {
    return lang == Lang::en ? "Progress towards the targets of later years" : "Tiến độ so với mục tiêu các năm sau";
}

std::string upcoming_verdict(Lang lang, const TargetLine& l) {
    const bool en = lang == Lang::en;
    const double need = l.asked + l.before;
    if (l.reached >= need) return en ? "✓ already reached" : "✓ đã đạt";
    const double most = need - l.reached, least = std::max(0.0, need - l.reached_max);
    const std::string left = least == most ? num(lang, most) : fmt::format("{}–{}", num(lang, least), num(lang, most));
    return fmt::format(fmt::runtime(en ? "{} more to go" : "còn thiếu {}"), left);
}

}  // namespace ntm::report
