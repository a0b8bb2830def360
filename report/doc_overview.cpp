// Two parts of the report's overview, as document blocks: the comparison with the previous year
// of the data (Overview::trend) and the progress towards the targets of later years
// (Overview::upcoming).
#include <fmt/format.h>
#include <string_view>
#include <unordered_map>

#include "report/doc.hpp"
#include "report/words.hpp"

namespace ntm::report {

namespace {

DocBlock paragraph(std::string text) {
    DocBlock b;
    b.text = std::move(text);
    return b;
}

DocBlock table(std::vector<DocCell> header, std::vector<std::vector<DocCell>> rows) {
    DocBlock b;
    b.kind = DocBlock::table;
    b.header = std::move(header);
    b.rows = std::move(rows);
    return b;
}

DocCell cell(std::string text) { return {std::move(text), {}, false}; }

// The anchor of each commune's sheet, by code (the first sheet of a code).
using Anchors = std::unordered_map<std::string_view, const std::string*>;

Anchors sheet_anchors(const Report& r) {
    Anchors out;
    out.reserve(r.communes.size());
    for (const CommuneSheet& s : r.communes) out.emplace(s.unit.code, &s.anchor);
    return out;
}

// A commune's name, linked to its sheet when it has one.
DocCell unit(const Anchors& anchors, const UnitRef& u) {
    if (const auto a = anchors.find(u.code); a != anchors.end()) return {u.name, "#" + *a->second, false};
    return cell(u.name);
}

}  // namespace

std::vector<DocBlock> trend_blocks(const Report& r, Lang lang) {
    const Trend& t = r.overview.trend;
    std::vector<DocBlock> out;
    if (t.year == 0) return out;
    const Words& w = words(lang);
    const Anchors anchors = sheet_anchors(r);
    out.push_back(DocBlock::make_heading(3, trend_heading(lang, t.year), "so-voi-nam-truoc"));
    out.push_back(paragraph(trend_summary(lang, t)));
    const std::vector<TrendChange>* lists[] = {&t.recognised, &t.lost, &t.criteria_up, &t.criteria_down};
    for (int which = 0; which < 4; ++which) {
        if (lists[which]->empty()) continue;
        out.push_back(DocBlock::make_heading(4, trend_list_title(lang, which, lists[which]->size())));
        std::vector<std::vector<DocCell>> rows;
        for (const TrendChange& c : *lists[which]) {
            rows.push_back({cell(c.unit.code), unit(anchors, c.unit), cell(c.before.empty() ? w.none_level : c.before),
                            cell(c.after.empty() ? w.none_level : c.after), {trend_criteria(c), {}, true}});
        }
        out.push_back(table({cell(w.code), cell(w.name), cell(fmt::format("{} {}", w.level, t.year)),
                             cell(fmt::format("{} {}", w.level, r.overview.year)), cell(w.criteria_met)},
                            std::move(rows)));
    }
    return out;
}

std::vector<DocBlock> upcoming_blocks(const Report& r, Lang lang) {
    const Overview& o = r.overview;
    std::vector<DocBlock> out;
    if (o.upcoming.empty()) return out;
    const Words& w = words(lang);
    out.push_back(DocBlock::make_heading(3, upcoming_heading(lang), "muc-tieu-cac-nam-sau"));
    for (const TargetRow& t : o.upcoming) {
        std::string head = fmt::format("{} — {} ({}), {} {}", t.title, t.locality.name, t.locality.code, w.year_word, t.year);
        if (!t.source.empty()) head += fmt::format(". {}: {}", w.source, t.source);
        out.push_back(paragraph(std::move(head)));
        std::vector<std::vector<DocCell>> rows;
        for (const TargetLine& l : t.lines) {
            rows.push_back({cell(l.level_title), cell(target_asked(lang, l)), cell(target_result(lang, l, t.year)),
                            cell(upcoming_verdict(lang, l))});
        }
        out.push_back(table({cell(w.level), cell(w.asked), cell(fmt::format("{} {}", w.result, o.year)), cell(w.verdict)},
                            std::move(rows)));
    }
    return out;
}

}  // namespace ntm::report
