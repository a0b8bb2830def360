// The explanation of one entity as terminal text: see text.hpp.  Layout only (indentation,
// marks, line breaks); every phrase is from words.hpp.
#include <fmt/format.h>

#include "report/text.hpp"
#include "report/words.hpp"
#include "text/utf8.hpp"

namespace ntm::report {

namespace {

constexpr Lang kLang = Lang::vi;  // the terminal text is Vietnamese

// "Xã Tam Đàn (mã 20374), thuộc Huyện Phú Ninh (mã 518)"
std::string heading(const EntityExplanation& x, const Dataset& data) {
    const TextWords& t = text_words();
    std::string out = fmt::format(fmt::runtime(t.code_of), display_name(x.type, x.name), x.code);
    if (!x.parent_code.empty()) {
        const std::uint32_t p = data.find(x.parent_code, x.map);
        out += p != kNone ? fmt::format(fmt::runtime(t.within), display_name(data.entities[p]), x.parent_code)
                          : fmt::format(fmt::runtime(t.within_code), x.parent_code);
    }
    return out + "\n";
}

// The level reached, the criteria met, classes, the member in charge and maintenance.
std::string standing(const EntityExplanation& x) {
    const Words& w = words(kLang);
    const TextWords& t = text_words();
    std::string out = fmt::format("{}: ", t.level_reached);
    if (!x.judged) {
        out += fmt::format(fmt::runtime(t.not_judged_because), lower_first(x.type));
    } else if (x.levels.empty()) {
        out += t.no_levels;
    } else {
        out += x.level_name.empty() ? std::string(t.no_level) : x.level_title;
        if (x.level_uncertain) out += w.level_may_be_higher;
    }
    out += "\n";
    if (x.criteria_total > 0) {
        out += fmt::format("{}: {}/{}", t.criteria_met, x.criteria_met, x.criteria_total);
        if (x.criteria_unknown > 0) out += fmt::format(fmt::runtime(w.criteria_lacking), x.criteria_unknown);
        out += "\n";
    }
    if (!x.classes.empty()) out += fmt::format("{}: {}\n", w.classes, fmt::join(x.classes, "; "));
    if (!x.member.empty()) out += fmt::format("{}: {}\n", w.member, x.member);
    if (!x.lost_level_title.empty()) {
        out += fmt::format(fmt::runtime(w.lost_warning), x.lost_level_title, x.lost_year, x.year) + "\n";
    }
    return out;
}

// "        căn cứ: … — quy định: …": the notes under an indicator or a gate.
std::string note(const char* label, std::string_view text) { return fmt::format("{}: {}", label, text); }

// " (ngưỡng chưa xác nhận: REASON)" after a verdict resting on an unconfirmed figure.
std::string unconfirmed_text(std::string_view reason) {
    return reason.empty() ? std::string() : fmt::format(fmt::runtime(words(kLang).unconfirmed_mark), reason);
}

// Each revocation rule that applies: to be revoked or may be, with the case, the rule and the
// criteria counted; not to be revoked only when some criterion is not met or lacks data.
std::string revocations(const EntityExplanation& x) {
    const TextWords& t = text_words();
    std::string out;
    for (const RevocationExplanation& r : x.revocations) {
        if (r.status == Status::not_met && r.unmet == 0 && r.unknown == 0) continue;
        out += fmt::format("{}{}\n", r.status == Status::not_met ? "" : "⚠ ", revocation_line(kLang, r));
        const std::string at = r.branch_rule.empty() ? r.rule : r.branch_rule;
        std::string basis = fmt::format("{} — {}", note(t.rule, at), note(t.basis, r.source));
        const std::string which = revocation_case(kLang, r);
        out += fmt::format("    {}{}{}\n", which.empty() ? "" : which + " — ", basis, unconfirmed_text(r.unconfirmed));
        for (const std::string& line : revocation_criteria(kLang, r)) out += fmt::format("    {}\n", line);
    }
    return out;
}

// The next level and what blocks it, or that the entity is at the top.
std::string next_level(const EntityExplanation& x) {
    const TextWords& t = text_words();
    if (x.next_level_name.empty()) {
        if (x.levels.empty() || x.level_name.empty()) return {};
        return fmt::format("\n{}\n", fmt::format(fmt::runtime(t.top_level), x.year));
    }
    std::string out = fmt::format("\n{}: {}", words(kLang).next_level, x.next_level_title);
    if (x.blockers.empty()) return out + "\n";
    out.append(t.blocked_by).append("\n");
    for (const Blocker& b : x.blockers) {
        const std::string_view mark = b.kind == Blocker::Kind::gate ? std::string_view(b.gate.unconfirmed) : b.indicator.unconfirmed;
        out += fmt::format("  {} {}{}\n", status_mark(b.status), blocker_line(kLang, b), unconfirmed_text(mark));
    }
    return out;
}


// One indicator: status, value, requirement and gap; then why that threshold, the rule,
// the citation, and the body in charge when it is not the criterion's.
std::string indicator_text(const IndicatorExplanation& i, std::string_view criterion_body) {
    const TextWords& t = text_words();
    const bool applies = i.status != Status::not_applicable;
    std::string out = fmt::format("      {} {} {}: ", status_mark(i.status), i.code, i.title);
    if (!applies) {
        out += status_text(kLang, i.status);
    } else {
        out += known(i.value) ? value_text(kLang, i) : std::string(t.no_valid_value);
        if (i.estimated && known(i.value)) out += t.estimate_mark;
        if (const std::string req = requirement_text(kLang, i); !req.empty()) out += fmt::format(fmt::runtime(t.required), req);
        if (const std::string gap = gap_text(kLang, i); !gap.empty()) out.append(", ").append(gap);
    }
    out += unconfirmed_text(i.unconfirmed) + "\n";
    std::vector<std::string> basis;
    if (const std::string why = why_text(i); applies && !why.empty()) basis.push_back(note(t.basis, why));
    if (!i.rule.empty()) basis.push_back(note(t.rule, i.rule));
    if (!basis.empty()) out += fmt::format("        {}\n", fmt::join(basis, " — "));
    if (!i.source.empty()) out += fmt::format("        {}\n", note(t.source, i.source));
    if (!i.responsible.empty() && i.responsible != criterion_body && applies) {
        out += fmt::format("        {}\n", note(t.responsible, i.responsible));
    }
    return out;
}

std::string criterion_text(const CriterionExplanation& c) {
    const TextWords& t = text_words();
    std::string out = fmt::format("    {} ", status_mark(c.status)) +
                      fmt::format(fmt::runtime(t.criterion_line), c.code, c.title, status_text(kLang, c.status));
    if (c.combine != dsl::CombineKind::all) out += fmt::format(fmt::runtime(t.needs), combine_text(c));
    if (!c.responsible.empty()) out += fmt::format(" — {}", c.responsible);
    out += unconfirmed_text(c.unconfirmed) + "\n";
    for (const IndicatorExplanation& i : c.indicators) out += indicator_text(i, c.responsible);
    return out;
}

// The set a level is judged by, its region and its criteria.
std::string set_text(const LevelExplanation& l) {
    const Words& w = words(kLang);
    const TextWords& t = text_words();
    std::string out = fmt::format("  {}: {}", w.standard_set, l.set_title.empty() ? l.set_name : l.set_title);
    if (!l.set_source.empty()) out.append(" — ").append(l.set_source);
    out += "\n";
    if (l.regional) {
        out += fmt::format("  {}: {}{}\n", t.thresholds_of, region_title(l.region), l.region_overridden ? t.own_region_rule : "");
    }
    out += fmt::format("  {}: {}/{}\n", w.criteria_met, l.criteria_met, l.criteria_total);
    for (const CriterionExplanation& c : l.criteria) out += criterion_text(c);
    return out;
}

std::string gates_text(const LevelExplanation& l) {
    const TextWords& t = text_words();
    std::string out = fmt::format("  {}:\n", words(kLang).gate);
    for (const GateExplanation& g : l.gates) {
        out += fmt::format("    {} {}: {}{}\n", status_mark(g.status), g.title.empty() ? g.name : g.title,
                           status_text(kLang, g.status), unconfirmed_text(g.unconfirmed));
        if (!g.condition.empty()) out += fmt::format("        {}\n", note(t.condition, g.condition));
        if (const std::string readings = readings_text(g); !readings.empty()) {
            out += fmt::format("        {}\n", note(t.readings, readings));
        }
        if (!g.rule.empty()) out += fmt::format("        {}\n", note(t.rule, g.rule));
    }
    return out;
}

std::string level_text(const LevelExplanation& l) {
    const TextWords& t = text_words();
    std::string out = fmt::format("\n{} {}: {}{}", status_mark(l.status), l.title, status_text(kLang, l.status),
                                  unconfirmed_text(l.unconfirmed));
    if (!l.rule.empty()) out += fmt::format("  [{}]", l.rule);
    out += "\n";
    if (!l.after.empty()) {
        out += fmt::format("  {} ", status_mark(l.prerequisite)) +
               fmt::format(fmt::runtime(t.prerequisite), l.after, status_text(kLang, l.prerequisite)) + "\n";
    }
    if (!l.set_name.empty()) out += set_text(l);
    if (!l.gates.empty()) out += gates_text(l);
    return out;
}

}  // namespace

std::string render_explanation_text(const EntityExplanation& x, const Dataset& data) {
    std::string out = heading(x, data);
    out += fmt::format(fmt::runtime(text_words().region_year), region_title(x.region), x.year,
                       words(kLang).map_titles[static_cast<std::size_t>(x.map)]) + "\n";
    for (const CategoryExplanation& c : x.categories) {
        out += fmt::format("{}: {}\n", fmt::format(fmt::runtime(text_words().thresholds_by), lower_first(c.title)),
                           category_text(c));
    }
    if (!x.merged_from.empty()) out += fmt::format(fmt::runtime(text_words().merged_from), x.merged_from) + "\n";
    if (x.estimated > 0) out += fmt::format(fmt::runtime(text_words().estimates_note), x.estimated) + "\n";
    out += standing(x);
    out += revocations(x);
    out += next_level(x);
    for (const LevelExplanation& l : x.levels) out += level_text(l);
    return text::printable_lines(out);  // a control character in a name never reaches the terminal
}

}  // namespace ntm::report
