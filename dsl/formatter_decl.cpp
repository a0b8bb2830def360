// Declarations in the canonical layout: data, sets with their criteria and indicators,
// levels, classes, categories, revocations, assignments, targets (see formatter.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <limits>

#include "dsl/formatter.hpp"
#include "dsl/formatter_printer.hpp"
#include "text/utf8.hpp"

namespace ntm::dsl::detail {

using text::display_width;

namespace {

std::string title_suffix(const std::optional<Text>& title) {
    return title ? fmt::format(" {}", quote(title->value)) : "";
}

template <typename T, typename F>
std::string join(const std::vector<T>& items, F text) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ", ";
        out += text(items[i]);
    }
    return out;
}

// A code is written bare (2.1, as in `indicator 2.1`); other text as it was written.
std::string input_name(const InputName& n) {
    const bool code = !n.text.empty() && std::isdigit(static_cast<unsigned char>(n.text.front())) &&
                      std::isdigit(static_cast<unsigned char>(n.text.back())) &&
                      n.text.find("..") == std::string::npos &&
                      std::all_of(n.text.begin(), n.text.end(), [](char ch) {
                          return ch == '.' || std::isdigit(static_cast<unsigned char>(ch));
                      });
    return n.quoted && !code ? quote(n.text) : n.text;
}

std::string assignment(const Assignment& x) {
    std::string text;
    auto code = [](const Code& c) { return c.text; };
    switch (x.target) {
        case AssignTarget::criterion:
            text = fmt::format("criterion {}", join(x.codes, code));
            break;
        case AssignTarget::indicator:
            text = fmt::format("indicator {}", join(x.codes, code));
            break;
        case AssignTarget::locality:
            text = x.where ? fmt::format("locality where {}", format_expr(*x.where))
                           : fmt::format("locality {}", join(x.localities, [](const Text& t) { return quote(t.value); }));
            break;
    }
    text += " -> " + x.to.text;
    if (x.due)
        text += fmt::format(" due {:04}-{:02}-{:02}", x.due->year, x.due->month, x.due->day);
    return text;
}

}  // namespace

void Printer::declaration(const Decl& d) {
    std::visit([this](const auto& decl) { print(decl); }, d);
}

void Printer::print(const UnitDecl& u) {
    prop(0, u.span.begin, fmt::format("unit {} {}", u.name.text, quote(u.symbol.value)));
    one_liner();
}

void Printer::print(const ResponsibleDecl& r) {
    const char* word = r.kind == ResponsibleKind::body ? "body " : "member ";
    prop(0, r.span.begin, fmt::format("{}{} {}", word, r.name.text, quote(r.title.value)));
    one_liner();
}

void Printer::print(const DataDecl& d) {
    decl_open(d.span, "data " + d.kind.text);
    for (const Field& f : d.fields) {
        std::string text = (f.derive ? "derive " : "field ") + f.name.text +
                           title_suffix(f.title) + ": " + f.unit.text;
        if (f.derive) text.append(" = ").append(format_expr(*f.derive));
        prop(kIndent, f.span.begin, text);
    }
    for (const InputCombine& c : d.combines) input_combine(c);
    close(0, d.span);
}

// `combine WAY: a, b, …` on one line; a list that would pass kWidth columns goes on after
// a comma on lines indented one level deeper, each line anchored at its first input so
// that comments stay beside the inputs they were written next to.
void Printer::input_combine(const InputCombine& c) {
    static constexpr int kWidth = 100;
    std::string head = fmt::format("combine {}", spelling(c.way));
    if (c.weight) head.append(" by ").append(c.weight->text);
    prop(kIndent, c.span.begin, head + ":");
    for (std::size_t i = 0; i < c.inputs.size(); ++i) {
        const std::string item = input_name(c.inputs[i]) + (i + 1 < c.inputs.size() ? "," : "");
        const bool fits = out_.column() + 1 + static_cast<int>(display_width(item)) <= kWidth;
        if (i > 0 && !fits) {
            out_.line(2 * kIndent, c.inputs[i].span.begin);
            out_.put(item);
        } else {
            out_.put(" ");
            out_.put(item);
        }
    }
}

void Printer::print(const CriteriaSet& s) {
    decl_open(s.span, "set " + s.name.text + title_suffix(s.title));
    mark_line(kIndent, s.unconfirmed);
    source(kIndent, s.source);
    kind(kIndent, s.kind);
    if (s.valid) prop(kIndent, s.valid->span.begin, fmt::format("valid {}", years_text(*s.valid)));
    if (s.extends) prop(kIndent, s.extends->span.begin, "extends " + s.extends->text);
    if (s.locality) prop(kIndent, s.locality->span.begin, fmt::format("locality {}", quote(s.locality->value)));
    for (const RegionOverride& r : s.region_overrides) {
        prop(kIndent, r.span.begin, fmt::format("region {} when {}", r.region.text, expr_text(r.when)));
    }
    criteria(s);
    overrides(s);
    for (const Removal& r : s.removals) {
        const char* what =
            r.target == OverrideTarget::criterion ? "remove criterion " : "remove indicator ";
        prop(kIndent, r.span.begin, what + r.code.text);
    }
    close(0, s.span);
}

void Printer::print(const LevelDecl& l) {
    decl_open(l.span, "level " + l.name.text + title_suffix(l.title));
    kind(kIndent, l.kind);
    source(kIndent, l.source);
    if (l.after) prop(kIndent, l.after->span.begin, "after " + l.after->text);
    if (!l.meets.empty()) {
        prop(kIndent, l.meets.front().span.begin,
             fmt::format("meets {}", join(l.meets, [](const Name& n) { return n.text; })));
    }
    for (const Gate& g : l.gates) {
        const std::string valid = g.valid ? fmt::format(" valid {}", years_text(*g.valid)) : std::string();
        prop(kIndent, g.span.begin,
             fmt::format("gate {}{}{}: {}", g.name.text, title_suffix(g.title), valid, expr_text(g.condition)));
        mark_after(g.unconfirmed);
    }
    close(0, l.span);
}

void Printer::print(const ClassDecl& c) {
    decl_open(c.span, "class " + c.name.text + title_suffix(c.title));
    kind(kIndent, c.kind);
    source(kIndent, c.source);
    if (c.when) prop(kIndent, c.when->span.begin, fmt::format("when {}", format_expr(*c.when)));
    close(0, c.span);
}

// One member a line, in the order they are tried (the order decides: never sorted).
void Printer::print(const CategoryDecl& c) {
    decl_open(c.span, fmt::format("category {}{}", c.name.text, title_suffix(c.title)));
    kind(kIndent, c.kind);
    source(kIndent, c.source);
    for (const CategoryMember& m : c.members) {
        prop(kIndent, m.span.begin,
             fmt::format("{} {} {}", m.name.text, quote(m.title.value),
                         m.when ? fmt::format("when {}", format_expr(*m.when)) : std::string("otherwise")));
    }
    close(0, c.span);
}

void Printer::print(const RevocationDecl& r) {
    decl_open(r.span, "revocation " + r.name.text + title_suffix(r.title));
    mark_line(kIndent, r.unconfirmed);
    kind(kIndent, r.kind);
    source(kIndent, r.source);
    if (r.level) prop(kIndent, r.level->span.begin, "level " + r.level->text);
    if (r.set) prop(kIndent, r.set->span.begin, "set " + r.set->text);
    if (r.valid) prop(kIndent, r.valid->span.begin, fmt::format("valid {}", years_text(*r.valid)));
    for (const RevocationBranch& b : r.branches) {
        prop(kIndent, b.span.begin,
             fmt::format("branch {}{}: {}", b.name.text, title_suffix(b.title), expr_text(b.condition)));
        mark_after(b.unconfirmed);
    }
    close(0, r.span);
}

void Printer::print(const AssignmentsDecl& a) {
    decl_open(a.span, "assignments " + a.name.text + title_suffix(a.title));
    source(kIndent, a.source);
    if (!a.sets.empty()) {
        prop(kIndent, a.sets.front().span.begin,
             fmt::format("sets {}", join(a.sets, [](const Name& n) { return n.text; })));
    }
    if (a.valid) prop(kIndent, a.valid->span.begin, fmt::format("valid {}", years_text(*a.valid)));
    if (a.locality) prop(kIndent, a.locality->span.begin, fmt::format("locality {}", quote(a.locality->value)));
    for (const Assignment& x : a.assignments) prop(kIndent, x.span.begin, assignment(x));
    close(0, a.span);
}

void Printer::print(const TargetDecl& t) {
    decl_open(t.span, "target " + t.name.text + title_suffix(t.title));
    source(kIndent, t.source);
    if (t.locality)
        prop(kIndent, t.locality->span.begin, fmt::format("locality {}", quote(t.locality->value)));
    if (t.year) prop(kIndent, t.year->span.begin, fmt::format("year {}", years_text(*t.year)));
    for (const TargetLine& l : t.lines) {
        prop(kIndent, l.span.begin,
             l.level.text + (l.increment ? " +" : " ") + number_text(l.count));
    }
    close(0, t.span);
}

// Criteria in AST order; a run of criteria with the same group index goes in one
// `group "…" { }` block.  Groups with no criteria are printed where they stood.
void Printer::criteria(const CriteriaSet& s) {
    const int group_count = static_cast<int>(s.groups.size());
    std::vector<bool> used(s.groups.size(), false);
    for (const Criterion& c : s.criteria) {
        if (c.group >= 0 && c.group < group_count)
            used[static_cast<std::size_t>(c.group)] = true;
    }
    // Group indices follow source order, so one cursor walks the groups once.
    std::size_t cursor = 0;
    auto empty_groups_before = [&](std::uint32_t offset) {
        for (; cursor < s.groups.size() && s.groups[cursor].span.begin < offset; ++cursor) {
            if (used[cursor]) continue;
            open(kIndent, s.groups[cursor].span.begin,
                 fmt::format("group {}", quote(s.groups[cursor].title.value)));
            close(kIndent, s.groups[cursor].span);
        }
    };

    int current = -1;
    for (const Criterion& c : s.criteria) {
        const int g = c.group >= 0 && c.group < group_count ? c.group : -1;
        if (g != current) {
            if (current >= 0) close(kIndent, s.groups[static_cast<std::size_t>(current)].span);
            const Group* group = g >= 0 ? &s.groups[static_cast<std::size_t>(g)] : nullptr;
            empty_groups_before(group ? group->span.begin : c.span.begin);
            if (group) {
                open(kIndent, group->span.begin, fmt::format("group {}", quote(group->title.value)));
            }
            current = g;
        }
        criterion(c, current >= 0 ? 2 * kIndent : kIndent, false);
    }
    if (current >= 0) close(kIndent, s.groups[static_cast<std::size_t>(current)].span);
    empty_groups_before(std::numeric_limits<std::uint32_t>::max());
}

// `override criterion` and `override indicator` blocks, in source order.
void Printer::overrides(const CriteriaSet& s) {
    struct Item {
        std::uint32_t offset;
        const Criterion* criterion;
        const Indicator* indicator;
    };
    std::vector<Item> items;
    for (const Criterion& c : s.criterion_overrides)
        items.push_back({c.span.begin, &c, nullptr});
    for (const Indicator& i : s.indicator_overrides)
        items.push_back({i.span.begin, nullptr, &i});
    std::stable_sort(items.begin(), items.end(),
                     [](const Item& a, const Item& b) { return a.offset < b.offset; });
    for (const Item& item : items) {
        if (item.criterion != nullptr) {
            criterion(*item.criterion, kIndent, true);
        } else {
            indicator(*item.indicator, kIndent, true);
        }
    }
}

void Printer::criterion(const Criterion& c, int indent, bool is_override) {
    open(indent, c.span.begin,
         (is_override ? "override criterion " : "criterion ") + c.code.text +
             title_suffix(c.title));
    const int inner = indent + kIndent;
    mark_line(inner, c.unconfirmed);
    source(inner, c.source);
    if (c.combine) {
        std::string how = c.combine->kind == CombineKind::all ? "all"
                          : c.combine->kind == CombineKind::any
                              ? "any"
                              : fmt::format("at_least {}", c.combine->count);
        prop(inner, c.combine->span.begin, "combine " + how);
    }
    for (const Indicator& i : c.indicators) indicator(i, inner, false);
    close(indent, c.span);
}

void Printer::indicator(const Indicator& i, int indent, bool is_override) {
    open(indent, i.span.begin,
         (is_override ? "override indicator " : "indicator ") + i.code.text +
             title_suffix(i.title));
    const int inner = indent + kIndent;
    mark_line(inner, i.unconfirmed);
    source(inner, i.source);
    if (i.unit) prop(inner, i.unit->span.begin, "unit " + i.unit->text);
    if (i.value) prop(inner, i.value->span.begin, fmt::format("value {}", format_expr(*i.value)));
    if (i.applies)
        prop(inner, i.applies->span.begin, fmt::format("applies when {}", format_expr(*i.applies)));
    for (const Requirement& r : i.requirements) requirement(r, inner);
    close(indent, i.span);
}

}  // namespace ntm::dsl::detail
