// One requirement of an indicator as the decisions print it: a line where its threshold is one
// number, else a table by region (or by a category's members) and by year, built from the
// cells of its threshold tree (engine/cells.hpp), and `when` cases in words with their
// conditions as written.
#include <algorithm>
#include <fmt/format.h>
#include <limits>
#include <tuple>

#include "engine/cells.hpp"
#include "report/handbook_parts.hpp"

namespace ntm::report::handbook {

using engine::CellChoice;
using engine::ThresholdCell;
using engine::ThresholdKind;

namespace {

using Cells = std::vector<const ThresholdCell*>;

// The cells of one threshold tree, and how they show.
class Viewer {
public:
    Viewer(const Program& p, std::uint32_t root, const Marks& marks, Lang lang, const std::string& unit)
        : p_(p), root_(root), marks_(marks), lang_(lang), w_(handbook_words(lang)), unit_(unit),
          cells_(engine::threshold_cells(p, root)) {}

    bool constant() const { return cells_.size() == 1 && cells_[0].path.empty(); }

    // "≥ 70 %", with the cell's mark: a constant threshold, or one case of it.
    std::string full(const ThresholdCell& c, dsl::Cmp cmp) const {
        return fmt::format("{} {}{}", cmp_sign(cmp), with_unit(lang_, c.value, unit_), marks_.label(c.unconfirmed));
    }
    std::string full(dsl::Cmp cmp) const { return full(cells_.front(), cmp); }
    // "14", "200 m²/người", with its mark: a bound of a range.
    std::string bound(bool unit) const {
        const ThresholdCell& c = cells_.front();
        return (unit ? with_unit(lang_, c.value, unit_) : num(lang_, c.value)) + marks_.label(c.unconfirmed);
    }

    // What the threshold varies by: "vùng và năm", "nhóm xã", "trường hợp và vùng".
    std::string dimensions() const {
        std::vector<std::string> dims;
        const auto add = [&](std::string d) {
            if (std::find(dims.begin(), dims.end(), d) == dims.end()) dims.push_back(std::move(d));
        };
        for (const ThresholdCell& c : cells_) {
            for (std::size_t i = 0; i < c.path.size(); ++i) {
                switch (c.path[i].kind) {
                    case ThresholdKind::by_region: add(w_.dim_region); break;
                    case ThresholdKind::by_year: add(w_.dim_year); break;
                    case ThresholdKind::cases: add(w_.dim_case); break;
                    case ThresholdKind::by_category: {
                        const std::string& t = p_.categories[category_at(c, i)].title;
                        add(lang_ == Lang::vi ? lower_first(t) : t);
                        break;
                    }
                    case ThresholdKind::constant: break;
                }
            }
        }
        if (dims.size() < 2) return dims.empty() ? std::string() : dims.front();
        const std::string last = dims.back();
        dims.pop_back();
        return fmt::format("{}{}{}", fmt::join(dims, ", "), w_.and_word, last);
    }

    // The tables and cases that show a threshold which varies.
    std::vector<DocBlock> blocks(dsl::Cmp cmp) const {
        Cells all;
        for (const ThresholdCell& c : cells_) all.push_back(&c);
        return show(all, 0, cmp);
    }

private:
    const Program& p_;
    std::uint32_t root_;
    const Marks& marks_;
    Lang lang_;
    const HandbookWords& w_;
    const std::string& unit_;
    std::vector<ThresholdCell> cells_;

    // The category (Program::categories) of the node a cell's path reaches after `depth` steps.
    std::uint32_t category_at(const ThresholdCell& c, std::size_t depth) const {
        std::uint32_t node = root_;
        for (std::size_t i = 0; i < depth && node != kNone; ++i) {
            const engine::ThresholdNode& n = p_.threshold_nodes[node];
            const CellChoice& step = c.path[i];
            switch (step.kind) {
                case ThresholdKind::by_region: node = p_.region_children[n.first + step.index]; break;
                case ThresholdKind::by_category: node = p_.category_children[n.first + step.index]; break;
                case ThresholdKind::by_year: node = p_.year_entries[step.entry].node; break;
                case ThresholdKind::cases: node = p_.case_entries[step.entry].node; break;
                case ThresholdKind::constant: node = kNone; break;
            }
        }
        return node == kNone ? kNone : p_.threshold_nodes[node].category;
    }

    // One step of a cell's path in words: a region, a member, "năm 2022", "khi `so_truong > 3`".
    std::string step_words(const ThresholdCell& c, std::size_t i) const {
        const CellChoice& step = c.path[i];
        switch (step.kind) {
            case ThresholdKind::by_region: return std::string(region_title(static_cast<Region>(step.index)));
            case ThresholdKind::by_category: return p_.categories[category_at(c, i)].members[step.index].title;
            case ThresholdKind::by_year: return fmt::format("{} {}", w_.dim_year, year_range(step.from, step.to));
            case ThresholdKind::cases: {
                const engine::CaseEntry& e = p_.case_entries[step.entry];
                return e.when.valid() ? fmt::format(fmt::runtime(w_.when), rule_code(p_, e.span)) : w_.otherwise;
            }
            case ThresholdKind::constant: break;
        }
        return {};
    }

    // Cases as a list ("Khi `…`: ≥ 100 %"), a case whose threshold varies as its own table;
    // a region, category or year node as a table.
    std::vector<DocBlock> show(const Cells& cells, std::size_t depth, dsl::Cmp cmp) const {
        if (cells.front()->path.size() == depth) {
            DocBlock line;
            line.text = full(*cells.front(), cmp);
            return {line};
        }
        if (cells.front()->path[depth].kind != ThresholdKind::cases) return {table(cells, depth)};
        std::vector<DocBlock> out;
        DocBlock items;
        items.kind = DocBlock::bullets;
        items.code_spans = true;
        const auto flush = [&] {
            if (!items.items.empty()) out.push_back(items);
            items.items.clear();
        };
        for (std::size_t i = 0; i < cells.size();) {
            std::size_t end = i;
            while (end < cells.size() && cells[end]->path[depth].index == cells[i]->path[depth].index) ++end;
            const std::string label = upper_first(step_words(*cells[i], depth));
            if (end == i + 1 && cells[i]->path.size() == depth + 1) {
                items.items.push_back(fmt::format("{}: {}", label, full(*cells[i], cmp)));
            } else {
                flush();
                DocBlock lead;
                lead.text = label + ":";
                lead.code_spans = true;
                out.push_back(lead);
                const std::vector<DocBlock> sub = show(Cells(cells.begin() + static_cast<std::ptrdiff_t>(i),
                                                             cells.begin() + static_cast<std::ptrdiff_t>(end)),
                                                       depth + 1, cmp);
                out.insert(out.end(), sub.begin(), sub.end());
            }
            i = end;
        }
        flush();
        return out;
    }

    // Rows by the first region or category the cells are chosen by, columns by year (the year
    // ranges of the cells, split where they differ); what else chose a cell ("khi …") in words
    // in the cell.  A cell not chosen by the rows' (or the columns') dimension fills every row
    // (every column).
    DocBlock table(const Cells& cells, std::size_t depth) const {
        ThresholdKind row_kind = ThresholdKind::constant;
        std::uint32_t row_category = kNone;
        for (const ThresholdCell* c : cells) {
            for (std::size_t i = depth; i < c->path.size() && row_kind == ThresholdKind::constant; ++i) {
                if (c->path[i].kind == ThresholdKind::by_region || c->path[i].kind == ThresholdKind::by_category) {
                    row_kind = c->path[i].kind;
                    row_category = row_kind == ThresholdKind::by_category ? category_at(*c, i) : kNone;
                }
            }
        }
        const auto row_step = [&](const ThresholdCell& c) {
            for (std::size_t i = depth; i < c.path.size(); ++i) {
                if (c.path[i].kind == row_kind &&
                    (row_kind != ThresholdKind::by_category || category_at(c, i) == row_category))
                    return i;
            }
            return std::string::npos;
        };
        const auto year_step = [&](const ThresholdCell& c) {
            for (std::size_t i = depth; i < c.path.size(); ++i) {
                if (c.path[i].kind == ThresholdKind::by_year) return i;
            }
            return std::string::npos;
        };
        std::vector<int> bounds;
        std::vector<std::uint32_t> rows;
        for (const ThresholdCell* c : cells) {
            if (const std::size_t y = year_step(*c); y != std::string::npos) {
                bounds.push_back(c->path[y].from);
                bounds.push_back(c->path[y].to + 1);
            }
            if (const std::size_t r = row_step(*c); r != std::string::npos) rows.push_back(c->path[r].index);
        }
        std::sort(bounds.begin(), bounds.end());
        bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
        // Rows in the order the rules write them (the commune groups 1, 2, 3 of a table, whatever
        // the order the category tries them in).
        const auto written = [&](std::uint32_t row) {
            std::pair<dsl::FileId, std::uint32_t> first{std::numeric_limits<dsl::FileId>::max(), 0};
            for (const ThresholdCell* c : cells) {
                const std::size_t r = row_step(*c);
                if (r == std::string::npos || c->path[r].index != row) continue;
                const dsl::Span& at = p_.threshold_nodes[c->leaf].span;
                first = std::min(first, std::make_pair(at.file, at.begin));
            }
            return std::make_tuple(first.first, first.second, row);
        };
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        std::sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) { return written(a) < written(b); });
        const auto covers = [&](const ThresholdCell& c, int from, int to) {
            const std::size_t y = year_step(c);
            return y == std::string::npos || (c.path[y].from <= from && to <= c.path[y].to);
        };
        std::vector<std::pair<int, int>> years;  // the columns
        for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
            const int from = bounds[k], to = bounds[k + 1] - 1;
            if (std::any_of(cells.begin(), cells.end(), [&](const ThresholdCell* c) {
                    return year_step(*c) != std::string::npos && covers(*c, from, to);
                }))
                years.emplace_back(from, to);
        }
        // The cell of the table for the cells that `keep` selects.
        const auto cell = [&](auto keep) {
            std::vector<std::string> parts;
            bool plain = true;
            for (const ThresholdCell* c : cells) {
                if (!keep(*c)) continue;
                std::vector<std::string> words;
                for (std::size_t i = depth; i < c->path.size(); ++i) {
                    if (i != row_step(*c) && i != year_step(*c)) words.push_back(step_words(*c, i));
                }
                const std::string v = num(lang_, c->value) + marks_.label(c->unconfirmed);
                parts.push_back(words.empty() ? v : fmt::format("{}: {}", fmt::join(words, ", "), v));
                plain = plain && words.empty();
            }
            if (parts.empty()) return DocCell{"–", {}, false};
            return DocCell{fmt::format("{}", fmt::join(parts, "; ")), {}, plain && parts.size() == 1};
        };
        const auto in_row = [&](const ThresholdCell& c, std::uint32_t row) {
            const std::size_t r = row_step(c);
            return r == std::string::npos || c.path[r].index == row;
        };
        DocBlock b;
        b.kind = DocBlock::table;
        b.code_spans = true;
        if (row_kind == ThresholdKind::constant) {  // by year only
            b.header = {{w_.year_column, {}, false}, {w_.threshold_column, {}, false}};
            for (const auto& y : years) {  // (a lambda may not capture a structured binding in clang 14)
                const int from = y.first, to = y.second;
                b.rows.push_back({{year_range(from, to), {}, false},
                                  cell([&](const ThresholdCell& c) { return covers(c, from, to); })});
            }
            return b;
        }
        const bool by_region = row_kind == ThresholdKind::by_region;
        b.header.push_back({by_region ? std::string(w_.region_column) : p_.categories[row_category].title, {}, false});
        if (years.empty()) b.header.push_back({w_.threshold_column, {}, false});
        for (const auto& [from, to] : years) b.header.push_back({year_range(from, to), {}, false});
        for (const std::uint32_t row : rows) {
            std::vector<DocCell> line{{by_region ? std::string(region_title(static_cast<Region>(row)))
                                                 : p_.categories[row_category].members[row].title,
                                       {}, false}};
            if (years.empty()) line.push_back(cell([&](const ThresholdCell& c) { return in_row(c, row); }));
            for (const auto& y : years) {
                const int from = y.first, to = y.second;
                line.push_back(cell([&](const ThresholdCell& c) { return in_row(c, row) && covers(c, from, to); }));
            }
            b.rows.push_back(std::move(line));
        }
        return b;
    }
};

// A requirement against threshold `root` with comparator `cmp`: one line, or a lead and blocks.
void add_view(RequirementView& out, const Viewer& v, dsl::Cmp cmp, const std::string& unit, const std::string& mark,
              const HandbookWords& w) {
    if (v.constant()) {
        DocBlock line;
        line.text = fmt::format("{}: {}{}", w.required, v.full(cmp), mark);
        out.blocks.push_back(line);
        return;
    }
    DocBlock lead;
    const std::string by = fmt::format(fmt::runtime(w.by), v.dimensions());
    lead.text = unit.empty() ? fmt::format("{}: {} {}{}:", w.required, cmp_sign(cmp), by, mark)
                             : fmt::format("{}: {} {} ({}){}:", w.required, cmp_sign(cmp), by, unit, mark);
    out.blocks.push_back(lead);
    const std::vector<DocBlock> shown = v.blocks(cmp);
    out.blocks.insert(out.blocks.end(), shown.begin(), shown.end());
}

}  // namespace

void requirement_marks(const Program& program, const engine::Requirement& r, Marks& marks) {
    marks.add(r.unconfirmed);
    for (const std::uint32_t root : {r.low, r.high}) {
        for (const ThresholdCell& c : engine::threshold_cells(program, root)) marks.add(c.unconfirmed);
    }
}

std::vector<dsl::Span> case_spans(const Program& program, const engine::Requirement& r) {
    std::vector<dsl::Span> out;
    for (const std::uint32_t root : {r.low, r.high}) {
        for (const ThresholdCell& c : engine::threshold_cells(program, root)) {
            for (const CellChoice& step : c.path) {
                if (step.kind != ThresholdKind::cases || !program.case_entries[step.entry].when.valid()) continue;
                const dsl::Span span = program.case_entries[step.entry].span;
                if (std::find(out.begin(), out.end(), span) == out.end()) out.push_back(span);
            }
        }
    }
    return out;
}

RequirementView requirement_view(const Program& program, const engine::IndicatorDef& indicator,
                                 const engine::Requirement& r, const Marks& marks, Lang lang) {
    const HandbookWords& w = handbook_words(lang);
    const std::string mark = marks.label(r.unconfirmed);
    const std::string& unit = indicator.unit_symbol;
    if (r.cmp == dsl::Cmp::yes || r.cmp == dsl::Cmp::no) {
        return {fmt::format("{}: {}{}", w.required, r.cmp == dsl::Cmp::yes ? w.yes : w.no, mark), {}};
    }
    RequirementView out;
    const Viewer low(program, r.low, marks, lang, unit);
    if (r.cmp != dsl::Cmp::in_range) {
        if (low.constant()) return {fmt::format("{}: {}{}", w.required, low.full(r.cmp), mark), {}};
        add_view(out, low, r.cmp, unit, mark, w);
        return out;
    }
    const Viewer high(program, r.high, marks, lang, unit);
    if (low.constant() && high.constant()) {
        const std::string range = fmt::format(fmt::runtime(w.range), low.bound(false), high.bound(true));
        return {fmt::format("{}: {}{}", w.required, range, mark), {}};
    }
    // A range whose bounds vary: the lower bound (≥), then the upper (≤).
    add_view(out, low, dsl::Cmp::ge, unit, mark, w);
    add_view(out, high, dsl::Cmp::le, unit, mark, w);
    return out;
}

}  // namespace ntm::report::handbook
