// The handbook's levels (what each requires: the level before it, its sets, its gates), its
// revocation rules (their cases) and its categories (their members and conditions).
#include <algorithm>
#include <fmt/format.h>
#include <limits>

#include "report/handbook_parts.hpp"

namespace ntm::report::handbook {

namespace {

// The level before `l`, and in the years it does not exist, the one passed over to: a level that
// does not exist in a year is skipped (kiểu mẫu ends with 2025; hiện đại of 2026-2030, placed
// after it, builds on nâng cao).
std::string prerequisite(const Writer& out, const LevelDef& l) {
    const Program& p = out.p;
    int first = std::numeric_limits<int>::max(), last = std::numeric_limits<int>::min();
    for (const SetDef& s : p.sets) {
        if (s.valid_from > s.valid_to) continue;
        first = std::min(first, s.valid_from);
        last = std::max(last, s.valid_to);
    }
    std::string text = p.levels[l.after].title;
    std::uint32_t shown = l.after;
    int from = 0;
    for (int year = first; year <= last + 1; ++year) {
        std::uint32_t before = kNone;
        if (year <= last && p.level_in_force(l, year)) {
            before = l.after;
            while (before != kNone && !p.level_in_force(p.levels[before], year)) before = p.levels[before].after;
        }
        if (before == shown) continue;
        if (shown != l.after && shown != kNone) {
            text += fmt::format(fmt::runtime(out.w.after_passed), out.years(from, year - 1), p.levels[shown].title);
        }
        shown = before;
        from = year;
    }
    return text;
}

void level(Writer& out, const LevelDef& l) {
    const Program& p = out.p;
    const HandbookWords& w = out.w;
    Marks marks;
    for (const engine::GateDef& g : l.gates) marks.add(g.unconfirmed);
    out.heading(3, l.title, "muc-" + l.name);
    std::vector<std::string> items{out.label(w.name, fmt::format("`{}`", l.name)), out.label(w.judges, out.kind(l.kind))};
    if (!l.source.empty()) items.push_back(out.label(w.source, l.source));
    if (l.after != kNone) items.push_back(out.label(w.after, prerequisite(out, l)));
    out.bullets(std::move(items));
    if (!l.meets.empty()) {
        out.paragraph(w.meets);
        std::vector<std::string> sets;
        for (const std::uint32_t s : l.meets) sets.push_back(fmt::format("{} ({})", p.sets[s].title, out.period(p.sets[s])));
        // The sets for a locality that apply in place of those.
        for (std::uint32_t s = 0; s < p.sets.size(); ++s) {
            const SetDef& d = p.sets[s];
            if (d.locality.empty() || std::find(l.meets.begin(), l.meets.end(), s) != l.meets.end() || !out.uses(l, s)) {
                continue;
            }
            sets.push_back(fmt::format("{} ({}): {}", d.title, out.period(d), out.locality(d)));
        }
        out.bullets(std::move(sets));
    } else if (!l.gates.empty()) {
        out.paragraph(w.gates_only);
    }
    if (!l.gates.empty()) {
        out.paragraph(w.gates);
        std::vector<std::string> gates;
        for (const engine::GateDef& g : l.gates) {
            std::string line = fmt::format("{}: {}", g.title, rule_code(p, g.span));
            if (const std::string years = out.years(g.valid_from, g.valid_to); !years.empty()) {
                line += fmt::format(" ({})", fmt::format(fmt::runtime(w.in_years), years));
            }
            gates.push_back(line + marks.label(g.unconfirmed));
        }
        out.bullets(std::move(gates));
    }
    out.notes(marks);
}

void revocation(Writer& out, const RevocationDef& r) {
    const Program& p = out.p;
    const HandbookWords& w = out.w;
    Marks marks;
    marks.add(r.unconfirmed);
    for (const engine::RevocationBranchDef& b : r.branches) marks.add(b.unconfirmed);
    out.heading(3, r.title + marks.label(r.unconfirmed), "thu-hoi-" + r.name);
    std::vector<std::string> items{out.label(w.name, fmt::format("`{}`", r.name)), out.label(w.judges, out.kind(r.kind))};
    if (!r.source.empty()) items.push_back(out.label(w.source, r.source));
    items.push_back(out.label(w.revoked_level, p.levels[r.level].title));
    items.push_back(out.label(w.counted_set, fmt::format("{} (`{}`)", p.sets[r.set].title, p.sets[r.set].name)));
    items.push_back(out.label(w.valid, out.years(r.valid_from, r.valid_to)));
    out.bullets(std::move(items));
    out.paragraph(w.branches);
    std::vector<std::string> branches;
    for (const engine::RevocationBranchDef& b : r.branches) {
        branches.push_back(fmt::format(fmt::runtime(w.branch), b.name, b.title, rule_code(p, b.span)) +
                           marks.label(b.unconfirmed));
    }
    out.bullets(std::move(branches));
    out.notes(marks);
}

void category(Writer& out, const engine::CategoryDef& c) {
    const HandbookWords& w = out.w;
    out.heading(3, c.title, "nhom-" + c.name);
    std::vector<std::string> items{out.label(w.name, fmt::format("`{}`", c.name)), out.label(w.judges, out.kind(c.kind))};
    if (!c.source.empty()) items.push_back(out.label(w.source, c.source));
    out.bullets(std::move(items));
    out.paragraph(fmt::format(fmt::runtime(w.category_order), out.kind(c.kind)));
    DocBlock b;
    b.kind = DocBlock::table;
    b.code_spans = true;
    b.header = {{w.member_column, {}, false}, {w.condition_column, {}, false}};
    std::vector<dsl::Span> conditions;
    for (const engine::CategoryMemberDef& m : c.members) {
        const std::string when =
            m.when.valid() ? rule_code(out.p, m.span) : fmt::format(fmt::runtime(w.the_rest), out.kind(c.kind));
        b.rows.push_back({{m.title, {}, false}, {when, {}, false}});
        if (m.when.valid()) conditions.push_back(m.span);
    }
    out.doc.blocks.push_back(std::move(b));
    if (const std::string read = fields_read(out.p, c.kind, conditions); !read.empty()) {
        out.bullets({out.label(w.where, read)});
    }
}

}  // namespace

void levels(Writer& out, std::uint32_t set) {
    std::vector<const LevelDef*> list;
    for (const EntityKind k : kKindOrder) {
        for (const std::uint32_t l : out.p.level_order[kind_index(k)]) {
            if (set == kNone || out.uses(out.p.levels[l], set)) list.push_back(&out.p.levels[l]);
        }
    }
    if (list.empty()) return;
    out.heading(2, out.w.levels, "cac-muc");
    for (const LevelDef* l : list) level(out, *l);
}

void revocations(Writer& out, std::uint32_t set) {
    std::vector<const RevocationDef*> list;
    for (const RevocationDef& r : out.p.revocations) {
        if (set == kNone || out.uses(r, set)) list.push_back(&r);
    }
    if (list.empty()) return;
    out.heading(2, out.w.revocations, "thu-hoi");
    for (const RevocationDef* r : list) revocation(out, *r);
}

void categories(Writer& out, std::uint32_t set) {
    const Program& p = out.p;
    std::vector<std::uint32_t> list;
    for (std::uint32_t c = 0; c < p.categories.size(); ++c) {
        bool used = set == kNone;
        for (std::uint32_t i = 0; !used && i < p.indicators.size(); ++i) {
            const engine::IndicatorDef& d = p.indicators[i];
            used = d.set == set && std::find(d.categories.begin(), d.categories.end(), c) != d.categories.end();
        }
        if (used) list.push_back(c);
    }
    if (list.empty()) return;
    out.heading(2, out.w.categories, "phan-nhom");
    for (const std::uint32_t c : list) category(out, p.categories[c]);
}

}  // namespace ntm::report::handbook
