#include "report/doc.hpp"

#include <cmath>
#include <fmt/format.h>
#include <string_view>
#include <unordered_set>

#include "report/words.hpp"

namespace ntm::report {

namespace {

DocCell cell(std::string text) { return {std::move(text), {}, false}; }
DocCell count(std::size_t n) { return {std::to_string(n), {}, true}; }
DocCell link(std::string text, std::string anchor) { return {std::move(text), "#" + anchor, false}; }

// The views of the report in reading order: the Section bit, the heading's words, its anchor.
struct View {
    Section bit;
    const char* Words::*heading;
    const char* anchor;
};
constexpr View kViews[] = {{kOverview, &Words::overview, "tong-quan"},
                           {kCriteria, &Words::criteria_view, "tieu-chi"},
                           {kWork, &Words::work_view, "viec-cua-so"},
                           {kCommunes, &Words::commune_view, "phieu-xa"},
                           {kProblems, &Words::problem_view, "loi-du-lieu"}};

class Builder {
public:
    Builder(const Report& r, Lang lang, bool compact, const BlockSink& sink)
        : r_(r), lang_(lang), w_(words(lang)), compact_(compact), sink_(sink) {
        // Names link to a sheet only when the sheets are laid out.
        if ((r.sections & kCommunes) != 0) {
            anchors_.reserve(r.communes.size());
            for (const CommuneSheet& s : r.communes) anchors_.insert(s.unit.code);
        }
    }

    std::string title() const {
        const Overview& o = r_.overview;
        return o.scope.name.empty() ? fmt::format("{} — {} {}", w_.title, w_.year, o.year)
                                    : fmt::format("{} — {}, {} {}", w_.title, o.scope.name, w_.year_word, o.year);
    }

    // The title and the level-2 headings: one per view laid out.
    Doc outline() const {
        Doc doc;
        doc.title = title();
        for (const View& v : kViews) {
            if ((r_.sections & v.bit) != 0) doc.blocks.push_back(DocBlock::make_heading(2, w_.*v.heading, v.anchor));
        }
        return doc;
    }

    void build() {
        const Overview& o = r_.overview;
        heading(1, title());
        std::vector<std::string> about;
        if (!o.scope.name.empty()) about.push_back(fmt::format("{}: {} ({})", w_.scope, o.scope.name, o.scope.code));
        about.push_back(fmt::format("{}: {}", w_.rules, fmt::join(r_.rule_files, ", ")));
        about.push_back(fmt::format("{}: {} — {}", w_.data, r_.data_file,
                                    fmt::format(fmt::runtime(w_.records), r_.read, r_.accepted, r_.rejected)));
        if (const std::string sets = judged_by(); !sets.empty()) about.push_back(fmt::format("{}: {}", w_.standard_set, sets));
        for (std::size_t m = 0; m < r_.on_map.size(); ++m) {
            if (r_.on_map[m] == 0) continue;
            // One map: its title; both: the title and the count of units on each.
            const bool both = r_.on_map[0] > 0 && r_.on_map[1] > 0;
            about.push_back(both ? fmt::format("{}: {} — {}", w_.map, w_.map_titles[m], r_.on_map[m])
                                 : fmt::format("{}: {}", w_.map, w_.map_titles[m]));
        }
        bullets(std::move(about));
        for (const View& v : kViews) {
            if ((r_.sections & v.bit) == 0) continue;
            heading(2, w_.*v.heading, v.anchor);
            view(v.bit);
        }
    }

private:
    // The blocks of one view, after its heading.  (A switch rather than a table of member
    // function pointers: GCC's bounds sanitizer misreads an index into such a table.)
    void view(Section bit) {
        switch (bit) {
            case kOverview: overview(); return;
            case kCriteria: criteria(); return;
            case kWork: work(); return;
            case kCommunes: communes(); return;
            case kProblems: problems(); return;
        }
    }

    const Report& r_;
    Lang lang_;
    const Words& w_;
    bool compact_;
    std::unordered_set<std::string_view> anchors_;  // codes of the communes that have a sheet
    const BlockSink& sink_;

    void emit(DocBlock&& b) const { sink_(std::move(b)); }
    void heading(int level, std::string text, std::string anchor = {}) {
        emit(DocBlock::make_heading(level, std::move(text), std::move(anchor)));
    }
    void paragraph(std::string text) {
        DocBlock b;
        b.text = std::move(text);
        emit(std::move(b));
    }
    void bullets(std::vector<std::string> items) {
        if (items.empty()) return;
        DocBlock b;
        b.kind = DocBlock::bullets;
        b.items = std::move(items);
        emit(std::move(b));
    }
    // `columns`: DocBlock::columns.
    void table(std::vector<DocCell> header, std::vector<std::vector<DocCell>> rows, std::vector<std::string> columns = {}) {
        DocBlock b;
        b.kind = DocBlock::table;
        b.header = std::move(header);
        b.rows = std::move(rows);
        b.columns = std::move(columns);
        emit(std::move(b));
    }
    void marker(DocBlock::Kind kind, std::string anchor = {}) {
        DocBlock b;
        b.kind = kind;
        b.anchor = std::move(anchor);
        emit(std::move(b));
    }
    // A commune's name, linked to its sheet when it has one.
    DocCell unit(const UnitRef& u) const {
        if (anchors_.count(u.code) != 0) return link(u.name, "xa-" + u.code);
        return cell(u.name);
    }
    std::string level_or_none(const std::string& title) const { return title.empty() ? w_.none_level : title; }
    // The sets that judged the communes in scope, else the standard set of the year.
    std::string judged_by() const {
        return r_.judging_sets.empty() ? r_.standard_set : judging_sets_text(lang_, r_.judging_sets);
    }
    void append(std::vector<DocBlock> blocks) {
        for (DocBlock& b : blocks) emit(std::move(b));
    }

    void overview() {
        for (const KindOverview& k : r_.overview.kinds) kind_levels(k);
        std::size_t unconfirmed = 0;  // communes whose level verdicts rest on an unconfirmed figure
        for (const CommuneSheet& s : r_.communes) unconfirmed += s.x.unconfirmed ? 1 : 0;
        if (unconfirmed > 0) paragraph(fmt::format(fmt::runtime(w_.unconfirmed_note), unconfirmed));
        urban_units();
        append(trend_blocks(r_, lang_));
        district_progress();
        own_levels();
        for (const ClassGroup& g : r_.overview.classes) class_group(g);
        lost_levels();
        revocations();
        targets();
        append(upcoming_blocks(r_, lang_));
        commune_list();
    }

    // The highest level reached by the entities of one kind.
    void kind_levels(const KindOverview& k) {
        heading(3, fmt::format("{} {}", w_.levels_of, w_.kind_names[kind_index(k.kind)]));
        std::vector<std::vector<DocCell>> rows;
        for (const LevelCount& l : k.levels) {
            if (!l.in_force && l.count == 0) continue;  // a level that does not exist this year
            rows.push_back({cell(level_or_none(l.title)), count(l.count), {percent(lang_, l.count, k.total), {}, true},
                            l.uncertain == 0 ? cell("–") : count(l.uncertain)});
        }
        rows.push_back({cell(w_.total), count(k.total), {percent(lang_, k.total, k.total), {}, true}, cell("")});
        table({cell(w_.highest_level), cell(w_.count), cell(w_.share), cell(w_.uncertain)}, std::move(rows));
        std::vector<std::string> notes;
        if (known(k.criteria_mean) && k.criteria_total == 1) {
            notes.push_back(set_share_text(lang_, k));  // a mean of one criterion says nothing
        } else if (known(k.criteria_mean)) {
            notes.push_back(fmt::format("{}: {}/{}", w_.criteria_mean, num(lang_, k.criteria_mean), k.criteria_total));
        }
        if (k.not_judged > 0) notes.push_back(fmt::format("{}: {}", w_.not_judged, k.not_judged));
        bullets(std::move(notes));
    }

    // "Không thuộc diện đánh giá: 1 phường, 1 thị trấn".
    void urban_units() {
        if (r_.overview.urban.empty()) return;
        std::vector<std::string> parts;
        for (const UrbanCount& u : r_.overview.urban) {
            parts.push_back(fmt::format("{} {}", u.count, lang_ == Lang::vi ? lower_first(u.type) : u.type));
        }
        paragraph(fmt::format("{}: {}", w_.not_judged, fmt::join(parts, ", ")));
    }

    // Per district, how many of its communes reached each level: a chart, a table and a line each.
    void district_progress() {
        const Overview& o = r_.overview;
        if (o.districts.empty()) return;
        heading(3, w_.progress, "tien-do");
        marker(DocBlock::chart_levels);
        std::vector<DocCell> header{cell(w_.code), cell(w_.district), cell(w_.communes)};
        for (const std::string& l : o.commune_levels) header.push_back(cell(l));
        header.push_back(cell(w_.uncertain));
        std::vector<std::vector<DocCell>> rows;
        std::vector<std::string> lines;
        for (const DistrictProgress& d : o.districts) {
            std::vector<DocCell> row{cell(d.unit.code), cell(d.unit.name), count(d.communes)};
            for (std::size_t n : d.at_least) row.push_back({fmt::format("{}/{}", n, d.communes), {}, true});
            row.push_back(d.uncertain == 0 ? cell("–") : count(d.uncertain));
            rows.push_back(std::move(row));
            std::vector<std::string> parts;
            for (std::size_t l = 0; l < d.at_least.size(); ++l) {
                parts.push_back(fmt::format("{}/{} {}", d.at_least[l], d.communes, level_phrase(lang_, o.commune_levels[l])));
            }
            std::string line = fmt::format("{} ({}): {}", d.unit.name, d.unit.code, fmt::join(parts, "; "));
            if (d.uncertain > 0) line += fmt::format(fmt::runtime(w_.communes_lacking), d.uncertain);
            lines.push_back(std::move(line));
        }
        // Print: the district's code and name in set widths, the level columns share the rest.
        table(std::move(header), std::move(rows), {"pcode", "pname"});
        bullets(std::move(lines));
    }

    // Districts' and provinces' own levels.
    void own_levels() {
        if (r_.overview.own_levels.empty()) return;
        heading(3, w_.own_levels);
        std::vector<std::vector<DocCell>> rows;
        for (const OwnLevel& l : r_.overview.own_levels) {
            std::string level = !l.judged ? std::string(w_.not_judged) : level_or_none(level_title_for(l.level_title, l.type));
            if (!l.may_title.empty()) level += fmt::format(fmt::runtime(w_.may_reach), level_title_for(l.may_title, l.type));
            rows.push_back({cell(l.unit.code), cell(l.unit.name), cell(level)});
        }
        table({cell(w_.code), cell(w_.name), cell(w_.level)}, std::move(rows));
    }

    void class_group(const ClassGroup& g) {
        heading(3, fmt::format("{}: {}", g.title, g.members.size()));
        std::vector<std::vector<DocCell>> rows;
        for (const ClassMember& m : g.members) {
            rows.push_back({cell(m.unit.code), unit(m.unit),
                            cell(m.criteria_total > 0 ? fmt::format("{}/{}", m.criteria_met, m.criteria_total) : "")});
        }
        if (rows.empty()) {
            paragraph(w_.nothing);
        } else {
            table({cell(w_.code), cell(w_.name), cell(w_.criteria_met)}, std::move(rows));
        }
        if (!g.unsure.empty()) {
            std::vector<std::string> parts;
            for (const UnitRef& u : g.unsure) parts.push_back(fmt::format("{} {}", u.code, u.name));
            paragraph(fmt::format("{}: {}", w_.undecided, fmt::join(parts, "; ")));
        }
    }

    void lost_levels() {
        if (r_.overview.lost.empty()) return;
        heading(3, w_.lost);
        std::vector<std::vector<DocCell>> rows;
        for (const LostLevel& l : r_.overview.lost) {
            rows.push_back({cell(l.unit.code), unit(l.unit), cell(l.level_title), count(static_cast<std::size_t>(l.recognised))});
        }
        table({cell(w_.code), cell(w_.name), cell(w_.level), cell(w_.recognised)}, std::move(rows));
    }

    // Recognitions to be revoked, then those that may be: the counts, the case, the rule.
    void revocations() {
        const Overview& o = r_.overview;
        if (!o.revocation_applied) return;
        paragraph(fmt::format(fmt::runtime(w_.revoke_overview), o.revoked.size(), o.may_revoke.size()));
        revocation_table(w_.revoke_head, o.revoked);
        revocation_table(w_.revoke_maybe_head, o.may_revoke);
    }

    void revocation_table(const char* title, const std::vector<RevocationRow>& list) {
        if (list.empty()) return;
        heading(3, title);
        std::vector<std::vector<DocCell>> rows;
        for (const RevocationRow& row : list) {
            const RevocationExplanation& x = row.x;
            std::string which = revocation_case(lang_, x);
            if (!x.unconfirmed.empty()) which += fmt::format(fmt::runtime(w_.unconfirmed_mark), x.unconfirmed);
            std::string counts = fmt::format(fmt::runtime(w_.revoke_counts), x.unmet, x.total,
                                             percent(lang_, static_cast<std::size_t>(x.unmet), static_cast<std::size_t>(x.total)));
            if (x.unknown > 0) counts += fmt::format(fmt::runtime(w_.revoke_lacking), x.unknown);
            rows.push_back({cell(row.unit.code), unit(row.unit), cell(x.level_title),
                            count(static_cast<std::size_t>(x.recognised_year)), cell(counts), cell(which),
                            cell(fmt::format("{}", fmt::join(revocation_criteria(lang_, x), ". "))),
                            cell(x.branch_rule.empty() ? x.rule : x.branch_rule)});
        }
        table({cell(w_.code), cell(w_.name), cell(w_.level), cell(w_.recognised), cell(w_.criteria_count), cell(w_.branch),
               cell(w_.criterion), cell(w_.rule)},
              std::move(rows));
    }

    void targets() {
        const Overview& o = r_.overview;
        if (o.targets.empty()) return;
        heading(3, w_.targets);
        for (const TargetRow& t : o.targets) {
            std::string head = fmt::format("{} — {} ({})", t.title, t.locality.name, t.locality.code);
            if (!t.source.empty()) head += fmt::format(". {}: {}", w_.source, t.source);
            paragraph(head);
            std::vector<std::vector<DocCell>> rows;
            for (const TargetLine& l : t.lines) {
                rows.push_back({cell(l.level_title), cell(target_asked(lang_, l)), cell(target_result(lang_, l, o.year)),
                                cell(target_verdict(lang_, l))});
            }
            table({cell(w_.level), cell(w_.asked), cell(w_.result), cell(w_.verdict)}, std::move(rows));
        }
    }

    // Every commune with a sheet, linked to it.
    void commune_list() {
        if (r_.communes.empty()) return;
        heading(3, w_.commune_list, "danh-sach-xa");
        std::vector<std::vector<DocCell>> rows;
        for (const CommuneSheet& s : r_.communes) {
            std::string level = level_or_none(s.x.level_title);
            if (s.x.level_uncertain) level += w_.may_be_higher;
            rows.push_back({cell(s.unit.code), link(s.unit.name, s.anchor), cell(s.district.name), cell(level),
                            {fmt::format("{}/{}", s.x.criteria_met, s.x.criteria_total), {}, true}});
        }
        table({cell(w_.code), cell(w_.name), cell(w_.district), cell(w_.level), cell(w_.criteria_met)}, std::move(rows));
    }

    void criteria() {
        if (const std::string sets = judged_by(); !sets.empty()) paragraph(fmt::format("{}: {}", w_.standard_set, sets));
        if (r_.criteria.empty()) {
            paragraph(w_.nothing);
            return;
        }
        marker(DocBlock::chart_criteria);
        std::vector<std::vector<DocCell>> rows;
        for (const CriterionRow& c : r_.criteria) {
            rows.push_back({cell(c.code), cell(c.title), count(c.met), count(c.not_met), count(c.unknown),
                            count(c.not_applicable),
                            known(c.pass_rate) ? DocCell{with_unit(lang_, std::round(c.pass_rate * 10) / 10, "%"), {}, true}
                                               : cell("–"),
                            cell(c.responsible)});
        }
        table({cell(w_.criterion), cell(w_.name), cell(w_.met), cell(w_.not_met), cell(w_.unknown),
               cell(w_.not_applicable), cell(w_.pass_rate), cell(w_.responsible)},
              std::move(rows));
    }

    std::vector<DocCell> indicator_cells(const IndicatorExplanation& i) const {
        std::string value = value_text(lang_, i);
        if (i.estimated && known(i.value)) value += w_.estimate_mark;
        std::string status = status_text(lang_, i.status);
        if (!i.unconfirmed.empty()) status += fmt::format(fmt::runtime(w_.unconfirmed_mark), i.unconfirmed);
        return {cell(std::move(status)), cell(std::move(value)), cell(requirement_text(lang_, i)),
                cell(i.boolean ? missing_text(lang_, i) : gap_text(lang_, i))};
    }

    void work() {
        if (r_.work.empty()) paragraph(w_.nothing);
        for (const WorkList& list : r_.work) {
            heading(3, work_heading(lang_, list));
            std::vector<std::vector<DocCell>> rows;
            for (const WorkItem& item : list.items) {
                std::vector<DocCell> row{cell(item.commune.code), unit(item.commune), cell(item.district),
                                         cell(item.level_title),
                                         cell(fmt::format("{} {}", item.indicator.code, item.indicator.title))};
                for (DocCell& c : indicator_cells(item.indicator)) row.push_back(std::move(c));
                rows.push_back(std::move(row));
            }
            table({cell(w_.code), cell(w_.name), cell(w_.district), cell(w_.towards), cell(w_.indicator),
                   cell(w_.status), cell(w_.value), cell(w_.threshold), cell(w_.gap)},
                  std::move(rows), {"wcode", "wname", "wdist", "wlevel", "ind", "st", "val", "req", "gap"});
        }
    }

    void communes() {
        if (r_.communes.empty()) paragraph(w_.nothing);
        if (compact_ && !r_.communes.empty()) {
            paragraph(w_.compact_note);
            std::vector<DocBlock> sheet;
            for (const CommuneSheet& s : r_.communes) {
                compact_sheet(s, lang_, sheet);
                append(std::move(sheet));
                sheet.clear();
            }
            return;
        }
        for (const CommuneSheet& s : r_.communes) {
            marker(DocBlock::section_open, s.anchor);
            heading(3, fmt::format("{} ({})", s.unit.name, s.unit.code), s.anchor);
            bullets(sheet_facts(s, lang_));
            if (std::vector<std::string> lines = blocker_lines(lang_, s.x.blockers); !lines.empty()) {
                paragraph(fmt::format("{}:", w_.blocked_by));
                bullets(std::move(lines));
            }
            open_indicators(s);
            marker(DocBlock::section_close, "danh-sach-xa");
        }
    }

    void open_indicators(const CommuneSheet& s) {
        if (s.open.empty()) return;
        heading(4, w_.open_indicators);
        std::vector<std::vector<DocCell>> rows;
        for (const OpenIndicator& oi : s.open) {
            const IndicatorExplanation& i = oi.indicator;
            std::vector<DocCell> row{cell(fmt::format("{} {}", oi.criterion_code, oi.criterion_title)),
                                     cell(fmt::format("{} {}", i.code, i.title))};
            for (DocCell& c : indicator_cells(i)) row.push_back(std::move(c));
            row.push_back(cell(std::string(i.source)));
            row.push_back(cell(std::string(i.rule)));
            row.push_back(cell(std::string(i.responsible)));
            rows.push_back(std::move(row));
        }
        table({cell(w_.criterion), cell(w_.indicator), cell(w_.status), cell(w_.value), cell(w_.threshold), cell(w_.gap),
               cell(w_.source), cell(w_.rule), cell(w_.responsible)},
              std::move(rows), {"crit", "ind", "st", "val", "req", "gap", "cite", "rule", "body"});
    }

    void problems() {
        if (r_.problems.empty()) {
            paragraph(w_.no_problems);
            return;
        }
        std::vector<std::vector<DocCell>> rows;
        for (const text::Problem& p : r_.problems) {
            rows.push_back({cell(p.where.file), p.where.line == 0 ? cell("") : count(p.where.line), cell(p.where.field),
                            cell(p.code), cell(severity_text(lang_, p)), cell(p.message.in(lang_))});
        }
        table({cell(w_.file), cell(w_.line), cell(w_.field), cell(w_.code), cell(w_.severity), cell(w_.message)},
              std::move(rows));
    }
};

}  // namespace

Doc report_document(const Report& report, Lang lang, bool compact) {
    Doc doc;
    const BlockSink keep = [&doc](DocBlock&& b) { doc.blocks.push_back(std::move(b)); };
    Builder builder(report, lang, compact, keep);
    doc.title = builder.title();
    builder.build();
    return doc;
}

void report_document(const Report& report, Lang lang, bool compact, const BlockSink& sink) {
    Builder(report, lang, compact, sink).build();
}

Doc report_outline(const Report& report, Lang lang) { return Builder(report, lang, false, {}).outline(); }

}  // namespace ntm::report
