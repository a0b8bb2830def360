// Declarations, properties and thresholds in the canonical layout (see formatter.hpp).
#include "dsl/formatter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <limits>

#include "dsl/ast_dump.hpp"
#include "dsl/formatter_layout.hpp"
#include "dsl/parser.hpp"
#include "text/utf8.hpp"

namespace ntm::dsl {

using text::display_width;
using text::to_nfc;

namespace {

constexpr int kIndent = 2;

std::string title_suffix(const std::optional<Text>& title) {
    return title ? fmt::format(" {}", quote(title->value)) : "";
}

std::string number_text(const Number& n) {
    return (n.text.empty() ? fmt::format("{}", n.value) : n.text) + (n.percent ? "%" : "");
}

// A year is four digits in the grammar, so `0999` is printed as written (not as `999`, which
// does not parse), the same way a date's year is.
std::string years_text(const YearRange& y) {
    return y.from == y.to ? fmt::format("{:04}", y.from) : fmt::format("{:04}..{:04}", y.from, y.to);
}

std::string expr_text(const ExprPtr& e) {
    return e ? format_expr(*e) : std::string();
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

class Printer {
  public:
    explicit Printer(layout::Layout& out) : out_(out) {}

    void declaration(const Decl& d) {
        std::visit([this](const auto& decl) { print(decl); }, d);
    }

  private:
    // One whole line.
    void prop(int indent, std::uint32_t anchor, std::string_view text) {
        out_.line(indent, anchor);
        out_.put(text);
    }
    // A line ending with `{`.
    void open(int indent, std::uint32_t anchor, std::string_view header) {
        prop(indent, anchor, header);
        out_.put(" {");
        out_.current().opens = true;
    }
    void close(int indent, const Span& block) {
        prop(indent, out_.close_anchor(block), "}");
        out_.current().closes = true;
    }
    void decl_open(const Span& span, std::string_view header) {
        open(0, span.begin, header);
        out_.current().decl_start = true;
    }
    void source(int indent, const std::optional<Text>& s) {
        if (s) prop(indent, s->span.begin, fmt::format("source {}", quote(s->value)));
    }
    // `unconfirmed "…"` on a line of its own: the first item of a set, criterion or indicator.
    void mark_line(int indent, const std::optional<Unconfirmed>& u) {
        if (u) prop(indent, u->span.begin, fmt::format("unconfirmed {}", quote(u->reason.value)));
    }
    // ` unconfirmed "…"` after a figure or a gate's condition, on the same line.
    void mark_after(const std::optional<Unconfirmed>& u) {
        if (u) out_.put(fmt::format(" unconfirmed {}", quote(u->reason.value)));
    }
    void kind(int indent, const std::optional<Name>& k) {
        if (k) prop(indent, k->span.begin, "for " + k->text);
    }

    // ---- declarations

    void print(const UnitDecl& u) {
        prop(0, u.span.begin, fmt::format("unit {} {}", u.name.text, quote(u.symbol.value)));
        one_liner();
    }
    void print(const ResponsibleDecl& r) {
        const char* word = r.kind == ResponsibleKind::body ? "body " : "member ";
        prop(0, r.span.begin, fmt::format("{}{} {}", word, r.name.text, quote(r.title.value)));
        one_liner();
    }
    void one_liner() {
        out_.current().decl_start = true;
        out_.current().one_liner = true;
    }

    void print(const DataDecl& d) {
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
    void input_combine(const InputCombine& c) {
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

    // A code is written bare (2.1, as in `indicator 2.1`); other text as it was written.
    static std::string input_name(const InputName& n) {
        const bool code = !n.text.empty() && std::isdigit(static_cast<unsigned char>(n.text.front())) &&
                          std::isdigit(static_cast<unsigned char>(n.text.back())) &&
                          n.text.find("..") == std::string::npos &&
                          std::all_of(n.text.begin(), n.text.end(), [](char ch) {
                              return ch == '.' || std::isdigit(static_cast<unsigned char>(ch));
                          });
        return n.quoted && !code ? quote(n.text) : n.text;
    }

    void print(const CriteriaSet& s) {
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

    void print(const LevelDecl& l) {
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

    void print(const ClassDecl& c) {
        decl_open(c.span, "class " + c.name.text + title_suffix(c.title));
        kind(kIndent, c.kind);
        source(kIndent, c.source);
        if (c.when) prop(kIndent, c.when->span.begin, fmt::format("when {}", format_expr(*c.when)));
        close(0, c.span);
    }

    // One member a line, in the order they are tried (the order decides: never sorted).
    void print(const CategoryDecl& c) {
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

    void print(const RevocationDecl& r) {
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

    void print(const AssignmentsDecl& a) {
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

    static std::string assignment(const Assignment& x) {
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

    void print(const TargetDecl& t) {
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

    // ---- criteria sets

    // Criteria in AST order; a run of criteria with the same group index goes in one
    // `group "…" { }` block.  Groups with no criteria are printed where they stood.
    void criteria(const CriteriaSet& s) {
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
    void overrides(const CriteriaSet& s) {
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

    void criterion(const Criterion& c, int indent, bool is_override) {
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

    void indicator(const Indicator& i, int indent, bool is_override) {
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

    // ---- requirements and thresholds

    void requirement(const Requirement& r, int indent) {
        prop(indent, r.span.begin, "require ");
        out_.put(spelling(r.cmp));
        if (r.cmp != Cmp::yes && r.cmp != Cmp::no) {
            out_.put(" ");
            threshold(r.low.get(), indent);
            if (r.cmp == Cmp::in_range) {
                out_.put(" .. ");
                threshold(r.high.get(), indent);
            }
        }
        mark_after(r.unconfirmed);
    }

    // Appends `t` to the current line.  Lines inside its blocks are indented from `base`, the
    // column where the line that opens them starts.
    void threshold(const Threshold* t, int base) {
        if (t == nullptr) return;  // error recovery only
        switch (t->kind) {
            case ThresholdKind::constant:
                out_.put(number_text(t->constant));
                return;
            case ThresholdKind::by_region:
                block_open("by region");
                for (const RegionEntry& e : t->regions) {
                    prop(base + kIndent, e.region.span.begin, e.region.text + ": ");
                    threshold(e.value.get(), base + kIndent);
                    mark_after(e.unconfirmed);
                }
                close(base, t->span);
                return;
            case ThresholdKind::by_category:
                block_open(fmt::format("by {}", t->dimension.text));
                for (const RegionEntry& e : t->regions) {
                    prop(base + kIndent, e.region.span.begin, e.region.text + ": ");
                    threshold(e.value.get(), base + kIndent);
                }
                close(base, t->span);
                return;
            case ThresholdKind::by_year:
                block_open("by year");
                for (const YearEntry& e : t->years) {
                    prop(base + kIndent, e.years.span.begin, years_text(e.years) + ": ");
                    threshold(e.value.get(), base + kIndent);
                    mark_after(e.unconfirmed);
                }
                close(base, t->span);
                return;
            case ThresholdKind::table:
                block_open("table");
                table(*t, base + kIndent);
                close(base, t->span);
                return;
            case ThresholdKind::cases:
                cases(*t);
                return;
        }
    }

    void block_open(std::string_view word) {
        out_.put(word);
        out_.put(" {");
        out_.current().opens = true;
    }

    // `when C: T` cases, each on its own line, aligned under the first `when`.
    void cases(const Threshold& t) {
        const int column = out_.column();
        for (std::size_t i = 0; i < t.cases.size(); ++i) {
            const Case& c = t.cases[i];
            if (i > 0) out_.line(column, c.when ? c.when->span.begin : t.span.begin);
            out_.put(fmt::format("when {}: ", expr_text(c.when)));
            threshold(c.value.get(), column);
        }
        out_.line(column, t.otherwise ? t.otherwise->span.begin : t.span.end);
        out_.put("else ");
        threshold(t.otherwise.get(), column);
    }

    // Region × year table: numbers right-aligned in columns as wide as their widest cell,
    // the region column left-aligned, two spaces between columns.
    void table(const Threshold& t, int indent) {
        std::vector<std::vector<std::string>> cells;  // [0]: header; then one per row
        std::vector<std::string> regions{""};
        cells.emplace_back();
        for (const YearRange& y : t.table_years) cells.back().push_back(years_text(y));
        for (const TableRow& row : t.table_rows) {
            regions.push_back(to_nfc(row.region.text));
            cells.emplace_back();
            for (const Number& n : row.values) cells.back().push_back(number_text(n));
        }
        std::size_t region_width = 0;
        for (const std::string& r : regions)
            region_width = std::max<std::size_t>(region_width, display_width(r));
        std::vector<std::size_t> widths;
        for (const auto& line : cells) {
            if (widths.size() < line.size()) widths.resize(line.size(), 0);
            for (std::size_t j = 0; j < line.size(); ++j) {
                widths[j] = std::max<std::size_t>(widths[j], display_width(line[j]));
            }
        }
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i == 0 && cells[0].empty()) continue;
            const std::uint32_t anchor =
                i == 0 ? t.table_years.front().span.begin : t.table_rows[i - 1].span.begin;
            std::string text = regions[i];
            text.append(region_width - display_width(regions[i]), ' ');
            for (std::size_t j = 0; j < cells[i].size(); ++j) {
                text.append(2 + widths[j] - display_width(cells[i][j]), ' ');
                text += cells[i][j];
            }
            prop(indent, anchor, text);
        }
    }

    layout::Layout& out_;
};

}  // namespace

std::string format(const RuleFile& file, const SourceManager& sources) {
    const std::string_view text = file.file < sources.size()
                                      ? std::string_view(sources.file(file.file).text)
                                      : std::string_view();
    layout::Layout out(text);
    Printer printer(out);
    for (const Decl& d : file.decls) printer.declaration(d);
    return out.render(file.comments);
}

}  // namespace ntm::dsl

namespace ntm::dsl {

std::optional<std::string> round_trip_problem(const RuleFile& file, const SourceManager& sources,
                                              const std::string& formatted) {
    SourceManager again_sources;
    Diagnostics diags;
    NodeIds ids;
    const FileId id = again_sources.add(sources.file(file.file).path, formatted);
    const RuleFile again = parse_file(id, again_sources, diags, ids);
    diags.sort();
    for (const Diagnostic& d : diags.items()) {
        if (d.severity != Severity::error) continue;
        const LineCol at = again_sources.locate(d.span.file, d.span.begin);
        return fmt::format("the formatted text does not parse ({} at line {}, column {}: {})", d.code, at.line,
                           at.column, d.message);
    }
    if (dump(again) != dump(file)) return std::string("the formatted text has other rules than the file");
    const auto texts = [](const RuleFile& f) {
        std::vector<std::string> out;
        for (const Comment& c : f.comments) out.push_back(text::to_nfc(text::trim(c.text)));
        std::sort(out.begin(), out.end());  // comments may change places, never words
        return out;
    };
    if (texts(again) != texts(file)) return std::string("the formatted text has other comments than the file");
    return std::nullopt;
}

}  // namespace ntm::dsl
