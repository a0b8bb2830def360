// The facts heading a full commune sheet, and compact commune sheets (doc.hpp), for print: a province's sheets on a few pages a head of
// department reads, not one page per commune.  What a sheet says is what the full sheet says —
// the level, the criteria met, the warnings, what blocks the next level — in fewer words: no
// list of blockers repeating the table, no rule line, an unconfirmed figure marked without its
// reason (the full sheets keep both).
#include <fmt/format.h>

#include "report/doc.hpp"
#include "report/words.hpp"

namespace ntm::report {

namespace {

DocBlock block(DocBlock::Kind kind, std::string text = {}, std::string anchor = {}) {
    DocBlock b;
    b.kind = kind;
    b.text = std::move(text);
    b.anchor = std::move(anchor);
    return b;
}

DocCell cell(std::string text) { return {std::move(text), {}, false}; }

// "Mức: Xã đạt chuẩn nông thôn mới; Tiêu chí đạt: 20/20; Mức tiếp theo: Xã nông thôn mới nâng cao"
std::string facts(const CommuneSheet& s, const Words& w) {
    const EntityExplanation& x = s.x;
    std::string level = x.level_title.empty() ? std::string(w.none_level) : x.level_title;
    if (x.level_uncertain) level += w.level_may_be_higher;
    for (const LevelExplanation& l : x.levels) {
        if (l.name == x.level_name && !l.unconfirmed.empty()) level += w.unconfirmed_short;
    }
    std::vector<std::string> parts{fmt::format("{}: {}", w.level, level)};
    if (x.criteria_total > 0) {
        std::string met = fmt::format("{}: {}/{}", w.criteria_met, x.criteria_met, x.criteria_total);
        if (x.criteria_unknown > 0) met += fmt::format(fmt::runtime(w.criteria_lacking), x.criteria_unknown);
        parts.push_back(std::move(met));
    }
    if (!x.next_level_name.empty()) {
        parts.push_back(fmt::format("{}: {}", w.next_level, x.next_level_title));
    } else if (!x.level_name.empty()) {
        parts.push_back(w.top_level);
    }
    return fmt::format("{}", fmt::join(parts, "; "));
}

// The open indicators: indicator, verdict, value, requirement, gap, legal source, body in charge.
DocBlock open_table(const CommuneSheet& s, Lang lang, const Words& w) {
    DocBlock b = block(DocBlock::table);
    b.header = {cell(w.indicator), cell(w.status), cell(w.value), cell(w.threshold), cell(w.gap), cell(w.source),
                cell(w.responsible)};
    b.columns = {"ind", "st", "val", "req", "gap", "cite", "body"};
    for (const OpenIndicator& oi : s.open) {
        const IndicatorExplanation& i = oi.indicator;
        std::string value = value_text(lang, i);
        if (i.estimated && known(i.value)) value += w.estimate_mark;
        std::string status = status_text(lang, i.status);
        if (!i.unconfirmed.empty()) status += w.unconfirmed_short;
        // A yes/no indicator's gap is what it lacks ("chưa có …"), as in the work lists.
        b.rows.push_back({cell(fmt::format("{} {}", i.code, i.title)), cell(std::move(status)), cell(std::move(value)),
                          cell(requirement_text(lang, i)), cell(i.boolean ? missing_text(lang, i) : gap_text(lang, i)),
                          cell(std::string(i.source)), cell(std::string(i.responsible))});
    }
    return b;
}

}  // namespace

// A commune's district, level, criteria met, classes, categories, member in charge,
// maintenance and next level.
std::vector<std::string> sheet_facts(const CommuneSheet& s, Lang lang) {
    const Words& w = words(lang);
    const auto level_or_none = [&](const std::string& title) { return title.empty() ? std::string(w.none_level) : title; };
    const EntityExplanation& x = s.x;
    std::vector<std::string> facts;
    if (!s.district.name.empty()) facts.push_back(fmt::format("{}: {} ({})", w.district, s.district.name, s.district.code));
    if (!x.merged_from.empty()) facts.push_back(fmt::format("{}: {}", w.merged_from, x.merged_from));
    if (x.estimated > 0) facts.push_back(fmt::format(fmt::runtime(w.estimates_note), x.estimated));
    std::string level = level_or_none(x.level_title);
    if (x.level_uncertain) level += w.level_may_be_higher;
    for (const LevelExplanation& l : x.levels) {
        if (l.name == x.level_name && !l.unconfirmed.empty()) {
            level += fmt::format(fmt::runtime(w.unconfirmed_mark), l.unconfirmed);
        }
    }
    facts.push_back(fmt::format("{}: {}", w.level, level));
    if (x.criteria_total > 0) {
        std::string met = fmt::format("{}: {}/{}", w.criteria_met, x.criteria_met, x.criteria_total);
        if (x.criteria_unknown > 0) met += fmt::format(fmt::runtime(w.criteria_lacking), x.criteria_unknown);
        facts.push_back(met);
    }
    if (!x.classes.empty()) facts.push_back(fmt::format("{}: {}", w.classes, fmt::join(x.classes, "; ")));
    for (const CategoryExplanation& c : x.categories) {  // whose thresholds apply: "Nhóm xã: Nhóm 1: …"
        const std::string which = c.decided ? c.member_title : std::string(w.category_undecided);
        facts.push_back(fmt::format("{}: {}", c.title, which));
    }
    if (!x.member.empty()) facts.push_back(fmt::format("{}: {}", w.member, x.member));
    if (!x.lost_level_title.empty()) {
        facts.push_back(fmt::format(fmt::runtime(w.lost_warning), x.lost_level_title, x.lost_year, x.year));
    }
    for (const RevocationExplanation& r : x.revocations) {
        if (r.status == Status::not_met) continue;
        std::string fact = fmt::format("⚠ {} — {}", revocation_line(lang, r), revocation_case(lang, r));
        if (!r.unconfirmed.empty()) fact += fmt::format(fmt::runtime(w.unconfirmed_mark), r.unconfirmed);
        facts.push_back(std::move(fact));
    }
    if (!x.next_level_name.empty()) {
        facts.push_back(fmt::format("{}: {}", w.next_level, x.next_level_title));
    } else if (!x.level_name.empty()) {
        facts.push_back(w.top_level);
    }
    return facts;
}

std::vector<DocBlock> compact_sheets(const Report& report, Lang lang) {
    std::vector<DocBlock> out;
    for (const CommuneSheet& s : report.communes) compact_sheet(s, lang, out);
    return out;
}

void compact_sheet(const CommuneSheet& s, Lang lang, std::vector<DocBlock>& out) {
    const Words& w = words(lang);
    out.push_back(block(DocBlock::section_open, "compact", s.anchor));
    std::string head = fmt::format("{} ({})", s.unit.name, s.unit.code);
    if (!s.district.name.empty()) head += fmt::format(" — {}", s.district.name);
    DocBlock h = block(DocBlock::heading, std::move(head), s.anchor);
    h.level = 3;
    out.push_back(std::move(h));
    out.push_back(block(DocBlock::paragraph, facts(s, w)));
    const EntityExplanation& x = s.x;
    if (!x.lost_level_title.empty()) {
        out.push_back(block(DocBlock::paragraph, fmt::format(fmt::runtime(w.lost_warning), x.lost_level_title, x.lost_year, x.year)));
    }
    for (const RevocationExplanation& r : x.revocations) {
        if (r.status == Status::not_met) continue;
        std::string line = fmt::format("⚠ {} — {}", revocation_line(lang, r), revocation_case(lang, r));
        if (!r.unconfirmed.empty()) line += w.unconfirmed_short;
        out.push_back(block(DocBlock::paragraph, std::move(line)));
    }
    // What blocks the next level besides indicators (a level required first, a gate): the
    // table below does not show these.
    DocBlock other = block(DocBlock::bullets);
    for (const Blocker& b : x.blockers) {
        if (b.kind != Blocker::Kind::indicator) other.items.push_back(blocker_line(lang, b));
    }
    if (!other.items.empty()) out.push_back(std::move(other));
    if (!s.open.empty()) out.push_back(open_table(s, lang, w));
    out.push_back(block(DocBlock::section_close, {}, "danh-sach-xa"));
}

}  // namespace ntm::report
