// Requirements and thresholds in the canonical layout: `by region`, `by year`, by a category,
// region × year tables and `when` cases (see formatter.hpp).
#include <fmt/format.h>

#include <algorithm>

#include "dsl/formatter.hpp"
#include "dsl/formatter_printer.hpp"
#include "text/utf8.hpp"

namespace ntm::dsl::detail {

using text::display_width;
using text::to_nfc;

void Printer::requirement(const Requirement& r, int indent) {
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
void Printer::threshold(const Threshold* t, int base) {
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

// `when C: T` cases, each on its own line, aligned under the first `when`.
void Printer::cases(const Threshold& t) {
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
void Printer::table(const Threshold& t, int indent) {
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

}  // namespace ntm::dsl::detail
