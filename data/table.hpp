// Internal to data/, for the table readers (csv.cpp, xlsx.cpp): the row pipeline they share.
//
// A CSV file and a worksheet are both a table whose first non-empty row is the header; once a
// reader has split its format into rows of cells, the rest — which header is which field, the
// warnings about columns and extra cells, and handing each row to the Builder — is the same,
// so every problem code applies to both unchanged.
//
// `Rows` is the reader, with:
//   bool next()                      the next row; false at the end
//   std::size_t size() const         cells in the row (a missing cell is an empty one)
//   std::size_t next_cell(i) const   the first cell at or after i that the row holds, size() if
//                                    none: a worksheet row is sparse, one value in XFD is one cell
//   std::string_view cell(i) const   cell i as text, trimmed
//   Cell value(i) const              cell i as a value (a typed number or yes/no, or text)
//   std::size_t held() const         the cells that may hold a value, in order: CSV's cells
//   std::size_t held_cell(k) const   that are not empty, a worksheet row's cells; the k-th's
//   Cell held_value(k) const         index, and its value(); a row's values are read by them
//   bool blank_row() const           every cell empty
//   std::uint32_t line() const       the row's line (CSV) or row number (worksheet)
//   text::Message place(line) const  "line 4", "sheet 'Sheet1', row 4": for FileError messages
//   std::string column_name(i) const "5" (CSV), "E" (worksheet): for messages
//   text::Message empty_message() const when there is no header at all
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "data/builder.hpp"

namespace ntm::data {

// Where each header leads: a reserved field, a value column, or nowhere.
struct TableHeader {
    static constexpr std::size_t kNoCell = static_cast<std::size_t>(-1);
    std::array<std::size_t, kFieldCount> field;
    std::vector<std::pair<std::size_t, std::uint32_t>> values;  // cell → column
    std::vector<std::uint32_t> column_of;  // by cell: the column of `values` it leads to, or kNone
    std::vector<std::size_t> unnamed;                           // cells under an empty header
    std::vector<std::string> names;                             // each cell's text, NFC
    std::size_t width = 0;
    std::uint32_t line = 0;
};

template <class Rows>
TableHeader read_table_header(Rows& in, Builder& b, const std::string& path) {
    constexpr std::size_t kNoCell = TableHeader::kNoCell;
    while (in.next()) {
        if (!in.blank_row()) break;
    }
    if (in.size() == 0 || in.blank_row()) throw FileError{path, in.empty_message()};
    TableHeader h;
    h.field.fill(kNoCell);
    h.width = in.size();
    h.column_of.assign(h.width, kNone);
    const std::uint32_t line = h.line = in.line();
    std::vector<std::size_t> first_cell;  // by column: the cell that heads it
    for (std::size_t i = 0; i < in.size(); ++i) {
        const std::string_view text = in.cell(i);
        h.names.push_back(to_nfc(text));
        if (text.empty()) {
            h.unnamed.push_back(i);
            continue;
        }
        std::size_t first = kNoCell;
        std::uint32_t column = kNone;
        if (const auto f = reserved_field(text)) {
            auto& slot = h.field[static_cast<std::size_t>(*f)];
            if (slot == kNoCell) {
                slot = i;
                b.set_field_name(*f, to_nfc(text));
                continue;
            }
            first = slot;
        } else {
            column = b.column(text);
            if (first_cell.size() <= column) first_cell.resize(column + 1, kNoCell);
            if (first_cell[column] == kNoCell) {
                first_cell[column] = i;
                h.values.emplace_back(i, column);
                h.column_of[i] = column;
                if (!b.column_info(column).known()) b.unknown_column(column, line);
                continue;
            }
            first = first_cell[column];
        }
        b.problem(
            "D0003", ProblemKind::warning, line, text,
            text::say("D0003", b.shown(text), in.column_name(first), in.column_name(i)));
    }
    const auto has = [&](Field f) { return h.field[static_cast<std::size_t>(f)] != kNoCell; };
    if (!has(Field::code)) throw FileError{path, text::say("header.no_code", in.place(line))};
    if (!has(Field::type) && !has(Field::kind)) throw FileError{path, text::say("header.no_type", in.place(line))};
    if (!has(Field::year)) throw FileError{path, text::say("header.no_year", in.place(line))};
    return h;
}

// The cells of a row that no header names: past the header's last cell (D0004, per row), or
// under an empty header (D0001, once per column).  Only the cells the row holds are visited, so
// a worksheet row with one value in column XFD costs one cell, not sixteen thousand.
template <class Rows>
void warn_ignored_cells(const Rows& in, Builder& b, const TableHeader& h, std::uint32_t line,
                        std::vector<bool>& unnamed_warned) {
    for (std::size_t i = in.next_cell(h.width); i < in.size(); i = in.next_cell(i + 1)) {
        if (in.cell(i).empty()) continue;
        b.problem("D0004", ProblemKind::warning, line, {},
                  text::say("D0004", in.size(), h.width, in.column_name(h.width - 1)));
        break;
    }
    if (h.unnamed.empty()) return;
    const std::size_t end = std::min(in.size(), h.width);
    for (std::size_t i = in.next_cell(0); i < end; i = in.next_cell(i + 1)) {
        const auto it = std::lower_bound(h.unnamed.begin(), h.unnamed.end(), i);  // in order
        if (it == h.unnamed.end() || *it != i) continue;
        const auto u = static_cast<std::size_t>(it - h.unnamed.begin());
        if (unnamed_warned[u] || in.cell(i).empty()) continue;
        unnamed_warned[u] = true;
        b.problem("D0001", ProblemKind::warning, line, {},
                  text::say("D0001.unnamed", in.column_name(i)));
    }
}

// Whether cells `i` and `i + 1` of a row look like the two halves of a number split at a
// decimal comma: digits (maybe signed), then digits.
template <class Rows>
bool split_number_at(const Rows& in, std::size_t i) {
    const auto digits = [](std::string_view s) {
        return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
    };
    std::string_view first = in.cell(i);
    if (!first.empty() && first.front() == '-') first.remove_prefix(1);
    return digits(first) && digits(in.cell(i + 1));
}

// Why a CSV row's cell count differs from the header's, if it must be rejected (D0112); empty
// when the row can be read.  A row with fewer cells is read when it reaches its code, year and
// type or kind: Excel leaves out the empty cells at the end of rows.
template <class Rows>
text::Message cell_count_problem(const Rows& in, const Builder& b, const TableHeader& h,
                               char separator) {
    constexpr std::size_t kNoCell = TableHeader::kNoCell;
    const auto cell_of = [&](Field f) { return h.field[static_cast<std::size_t>(f)]; };
    text::Message message = text::say("D0112", in.size(), h.width);
    if (in.size() > h.width) {
        if (separator != ',') return message;
        // With the year in its place, two neighbouring value cells that are digits are most
        // likely a number whose decimal comma split it; else a comma inside a text cell.
        const std::size_t year = cell_of(Field::year);
        bool number = false;
        if (parse_year(in.cell(year))) {
            for (std::size_t i = 0; i + 1 < in.size() && !number; ++i) {
                bool reserved = false;
                for (const std::size_t f : h.field) reserved = reserved || f == i || f == i + 1;
                number = !reserved && split_number_at(in, i);
            }
        }
        message += number ? text::say("D0112.decimal_comma") : text::say("D0112.comma_in_cell");
        return message;
    }
    // The first column the row needs and ends before.
    std::size_t missing = kNoCell;
    Field field = Field::code;
    const auto need = [&](Field f) {
        if (cell_of(f) != kNoCell && cell_of(f) >= in.size() && cell_of(f) < missing) {
            missing = cell_of(f);
            field = f;
        }
    };
    need(Field::code);
    need(Field::year);
    const std::size_t type = cell_of(Field::type), kind = cell_of(Field::kind);
    const bool typed = (type != kNoCell && type < in.size()) || (kind != kNoCell && kind < in.size());
    if (!typed) {
        need(Field::type);
        need(Field::kind);
    }
    if (missing == kNoCell) return {};
    return message + text::say("D0112.ends_before", text::printable(b.field_name(field)));
}

// The column (1-based) of the header cell of `field`, a problem's text::Place::field; 0 when no
// header names it.  A field is named as its header is written, or as the rules name the column a
// header leads to; the first header of that name, or the last for D0003 (the repeated header is
// the one reported).
inline std::uint32_t header_column(const TableHeader& h, const Builder& b, std::string_view field,
                                   bool last) {
    const std::string name = to_nfc(field);
    std::size_t found = TableHeader::kNoCell;
    for (std::size_t i = 0; i < h.names.size(); ++i) {
        if (h.names[i] != name) continue;
        found = i;
        if (!last) break;
    }
    for (std::size_t v = 0; v < h.values.size() && found == TableHeader::kNoCell; ++v) {
        if (b.column_info(h.values[v].second).name == name) found = h.values[v].first;
    }
    return found == TableHeader::kNoCell ? 0 : static_cast<std::uint32_t>(found + 1);
}

// Reads the header and every row after it into `b` (a workbook's sheets one after the other,
// into one Builder), and returns the header read; load_table returns the validated data.  Every
// non-blank row counts towards the limit of rows (D0903), whatever its year.
//
// `by_position` is set for CSV, to its separator: a CSV cell finds its column only by the
// separators before it, so a row with another cell count than the header may have its cells
// under the wrong headers, and is rejected (D0112; docs/data-format.md, "Each row has the
// header's cells").  In a worksheet each cell carries its column: nothing can move, and a cell
// right of the header's last is only ignored (D0004).
template <class Rows>
TableHeader read_table(Rows& in, Builder& b, const std::string& path,
                       std::optional<char> by_position = std::nullopt) {
    const TableHeader h = read_table_header(in, b, path);
    std::vector<bool> unnamed_warned(h.unnamed.size(), false);

    while (in.next()) {
        if (in.blank_row()) continue;
        const std::uint32_t line = in.line();
        b.count_row([&] { return in.place(line); });
        Head head;
        head.line = line;
        for (std::size_t f = 0; f < kFieldCount; ++f) {
            if (h.field[f] < in.size()) head.fields[f] = {in.cell(h.field[f]), line};
        }
        const auto year = parse_year(head[Field::year].text);
        if (year && !b.wanted(*year)) continue;

        if (by_position && in.size() != h.width) {
            text::Message problem = cell_count_problem(in, b, h, *by_position);
            if (!problem.empty()) {
                b.reject_row(head[Field::code].text, line, std::move(problem));
                continue;
            }
        }
        warn_ignored_cells(in, b, h, line, unnamed_warned);

        const std::uint32_t e = b.entity(head, 1, year.value_or(0), year.value_or(0));
        if (e == kNone) continue;
        if (!year) {
            const std::string_view y = head[Field::year].text;
            b.reject_record("D0102", line, b.field_name(Field::year),
                            y.empty() ? text::say("D0102.empty", b.shown(head[Field::code].text))
                                      : text::say("D0102", b.shown(y), b.shown(head[Field::code].text),
                                                  kYearMin, kYearMax));
            continue;
        }
        const std::uint32_t r = b.record(e, *year, line);
        if (r == kNone) continue;
        if (head[Field::recognised].given()) b.recognised(e, head[Field::recognised].text, line);
        if (head[Field::level].given() || head[Field::level_year].given()) {
            b.recognised(e, head[Field::level], head[Field::level_year]);
        }
        // Only the cells held are visited: most cells of a table holding several kinds of units
        // are empty, and an empty cell is no value (Builder::value would say so too).
        for (std::size_t k = 0; k < in.held(); ++k) {
            const std::size_t cell = in.held_cell(k);
            if (cell >= h.width) break;
            const std::uint32_t column = h.column_of[cell];
            if (column == kNone) continue;
            const Cell v = in.held_value(k);
            if (v.kind != Cell::Kind::text || !v.text.empty()) b.value(r, column, v, line);
        }
        if (head[Field::estimated].given()) b.estimated(r, head[Field::estimated].text, line);
    }
    return h;
}

// Every problem about a field placed on its cell: the field's column, in its row.
inline void place_columns(std::vector<text::Problem>& problems, const TableHeader& h, const Builder& b) {
    for (text::Problem& p : problems) {
        if (!p.where.field.empty() && p.where.column == 0)
            p.where.column = header_column(h, b, p.where.field, p.code == "D0003");
    }
}

// read_table, then the data validated: one table is the whole file.
template <class Rows>
Dataset load_table(Rows& in, Builder& b, const std::string& path,
                   std::optional<char> by_position = std::nullopt) {
    const TableHeader h = read_table(in, b, path, by_position);
    Dataset ds = b.finish();
    place_columns(ds.problems, h, b);
    return ds;
}

}  // namespace ntm::data
