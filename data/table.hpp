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
//   std::string_view cell(i) const   cell i as text, trimmed
//   Cell value(i) const              cell i as a value (a typed number or yes/no, or text)
//   bool blank_row() const           every cell empty
//   std::uint32_t line() const       the row's line (CSV) or row number (worksheet)
//   std::string place(line) const    "line 4", "sheet 'Sheet1', row 4": for FileError messages
//   std::string column_name(i) const "5" (CSV), "E" (worksheet): for messages
//   std::string empty_message() const when there is no header at all
#pragma once

#include <fmt/format.h>

#include <array>
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
    std::vector<std::size_t> unnamed;                           // cells under an empty header
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
    const std::uint32_t line = h.line = in.line();
    std::vector<std::size_t> first_cell;  // by column: the cell that heads it
    for (std::size_t i = 0; i < in.size(); ++i) {
        const std::string_view text = in.cell(i);
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
                if (!b.column_info(column).known()) b.unknown_column(column, line);
                continue;
            }
            first = first_cell[column];
        }
        b.problem(
            "D0003", ProblemKind::warning, line, text,
            fmt::format("column '{}' is given twice (columns {} and {}); the later is ignored",
                        text, in.column_name(first), in.column_name(i)));
    }
    const auto has = [&](Field f) { return h.field[static_cast<std::size_t>(f)] != kNoCell; };
    const auto missing = [&](std::string_view what) {
        return FileError{path,
                         fmt::format("{}: the header has no {} column", in.place(line), what)};
    };
    if (!has(Field::code)) throw missing("'code' (mã)");
    if (!has(Field::type) && !has(Field::kind)) throw missing("'type' (loại) or 'kind' (cấp)");
    if (!has(Field::year)) throw missing("'year' (năm)");
    return h;
}

// The cells of a row that no header names: past the header's last cell (D0004, per row), or
// under an empty header (D0001, once per column).
template <class Rows>
void warn_ignored_cells(const Rows& in, Builder& b, const TableHeader& h, std::uint32_t line,
                        std::vector<bool>& unnamed_warned) {
    for (std::size_t i = h.width; i < in.size(); ++i) {
        if (in.cell(i).empty()) continue;
        b.problem("D0004", ProblemKind::warning, line, {},
                  fmt::format("row has {} cells but the header has {}; the cells after "
                              "column {} are ignored",
                              in.size(), h.width, in.column_name(h.width - 1)));
        break;
    }
    for (std::size_t u = 0; u < h.unnamed.size(); ++u) {
        if (!unnamed_warned[u] && h.unnamed[u] < in.size() && !in.cell(h.unnamed[u]).empty()) {
            unnamed_warned[u] = true;
            b.problem("D0001", ProblemKind::warning, line, {},
                      fmt::format("column {} has no header; its values are ignored",
                                  in.column_name(h.unnamed[u])));
        }
    }
}

// Reads the header and every row after it into `b`, and returns the validated data.
template <class Rows>
Dataset load_table(Rows& in, Builder& b, const std::string& path) {
    const TableHeader h = read_table_header(in, b, path);
    std::vector<bool> unnamed_warned(h.unnamed.size(), false);

    while (in.next()) {
        if (in.blank_row()) continue;
        const std::uint32_t line = in.line();
        Head head;
        head.line = line;
        for (std::size_t f = 0; f < kFieldCount; ++f) {
            if (h.field[f] < in.size()) head.fields[f] = {in.cell(h.field[f]), line};
        }
        const auto year = parse_year(head[Field::year].text);
        if (year && !b.wanted(*year)) continue;

        warn_ignored_cells(in, b, h, line, unnamed_warned);

        const std::uint32_t e = b.entity(head, 1);
        if (e == kNone) continue;
        if (!year) {
            const std::string_view y = head[Field::year].text;
            b.reject_record("D0102", line, b.field_name(Field::year),
                            y.empty() ? fmt::format("empty year of '{}'", head[Field::code].text)
                                      : fmt::format("year '{}' of '{}' is not a year from {} to {}",
                                                    y, head[Field::code].text, kYearMin, kYearMax));
            continue;
        }
        const std::uint32_t r = b.record(e, *year, line);
        if (r == kNone) continue;
        if (head[Field::recognised].given()) b.recognised(e, head[Field::recognised].text, line);
        for (const auto& [cell, column] : h.values) {
            if (cell < in.size()) b.value(r, column, in.value(cell), line);
        }
    }
    return b.finish();
}

}  // namespace ntm::data
