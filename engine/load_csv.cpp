// CSV as Excel writes it: RFC 4180 quoting (a quoted cell may hold the separator, doubled
// quotes and line breaks), CRLF or LF, ',' between cells, or ';' (Excel in locales whose
// decimal separator is a comma, as in Vietnam) or a tab, detected from the header line.
#include <fmt/format.h>

#include <algorithm>

#include "dsl/load.hpp"
#include "engine/load_common.hpp"

namespace ntm::engine::data {

namespace {

// Splits the text into rows of cells.  A cell is a view into the text, or into a per-row
// buffer when it had to be rewritten (doubled quotes); nothing is allocated per cell.
class CsvReader {
public:
    CsvReader(const std::string& path, std::string_view text) : path_(path), text_(text) {}

    // The separator used by the header line: the most frequent of ',', ';' and tab, outside
    // quotes; ',' when there is none.
    char detect_separator() {
        std::size_t comma = 0, semicolon = 0, tab = 0;
        bool quoted = false;
        for (const char c : text_) {
            if (c == '"') quoted = !quoted;
            if (quoted) continue;
            if (c == '\n') break;
            comma += c == ',';
            semicolon += c == ';';
            tab += c == '\t';
        }
        sep_ = tab > comma && tab > semicolon ? '\t' : semicolon > comma ? ';' : ',';
        return sep_;
    }

    // Reads the next row; false at the end of the text.
    bool next() {
        cells_.clear();
        own_.clear();
        if (pos_ >= text_.size()) return false;
        row_line_ = line_;
        for (;;) {
            if (pos_ < text_.size() && text_[pos_] == '"') {
                quoted();
            } else {
                plain();
            }
            if (pos_ >= text_.size()) return true;
            if (text_[pos_] == sep_) {
                ++pos_;
                continue;
            }
            if (text_[pos_] == '\r') ++pos_;
            if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
            ++line_;
            return true;
        }
    }

    std::size_t size() const { return cells_.size(); }
    std::string_view cell(std::size_t i) const {
        const Span& s = cells_[i];
        return trim((s.own ? std::string_view(own_) : text_).substr(s.begin, s.size));
    }
    bool blank_row() const {
        for (std::size_t i = 0; i < size(); ++i) {
            if (!cell(i).empty()) return false;
        }
        return true;
    }
    std::uint32_t line() const { return row_line_; }

private:
    struct Span {
        std::size_t begin = 0, size = 0;
        bool own = false;
    };

    bool at_end_of_cell(std::size_t p) const {
        if (p >= text_.size()) return true;
        const char c = text_[p];
        return c == sep_ || c == '\n' ||
               (c == '\r' && (p + 1 == text_.size() || text_[p + 1] == '\n'));
    }

    void plain() {
        const std::size_t begin = pos_;
        while (!at_end_of_cell(pos_)) ++pos_;
        cells_.push_back({begin, pos_ - begin, false});
    }

    // After the opening quote: up to the closing one, "" standing for ".  Text between the
    // closing quote and the separator (`"a"b`) is kept, as Excel reads it.
    void quoted() {
        const std::uint32_t open_line = line_;
        ++pos_;
        std::size_t begin = pos_;
        bool own = false;
        const std::size_t own_begin = own_.size();
        for (;;) {
            const std::size_t q = text_.find('"', pos_);
            if (q == std::string_view::npos) {
                throw DataError{
                    path_, fmt::format("line {}: quoted cell not closed before the end of the file",
                                       open_line)};
            }
            line_ += static_cast<std::uint32_t>(
                std::count(text_.begin() + static_cast<std::ptrdiff_t>(pos_),
                           text_.begin() + static_cast<std::ptrdiff_t>(q), '\n'));
            if (q + 1 < text_.size() && text_[q + 1] == '"') {
                own = true;
                own_.append(text_.substr(begin, q + 1 - begin));
                pos_ = begin = q + 2;
                continue;
            }
            pos_ = q + 1;
            if (!at_end_of_cell(pos_)) {
                own = true;
                own_.append(text_.substr(begin, q - begin));
                begin = pos_;
                while (!at_end_of_cell(pos_)) ++pos_;
                own_.append(text_.substr(begin, pos_ - begin));
            } else if (own) {
                own_.append(text_.substr(begin, q - begin));
            }
            if (own) {
                cells_.push_back({own_begin, own_.size() - own_begin, true});
            } else {
                cells_.push_back({begin, q - begin, false});
            }
            return;
        }
    }

    const std::string& path_;
    std::string_view text_;
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1, row_line_ = 1;
    char sep_ = ',';
    std::vector<Span> cells_;
    std::string own_;
};

// Where each header leads: a reserved field, a value column, or nowhere.
struct Header {
    std::array<std::size_t, kFieldCount> field;
    std::vector<std::pair<std::size_t, std::uint32_t>> values;  // cell → column
    std::vector<std::size_t> unnamed;                           // cells under an empty header
    std::size_t width = 0;
};

constexpr std::size_t kNoCell = static_cast<std::size_t>(-1);

Header read_header(CsvReader& in, Builder& b, const std::string& path) {
    while (in.next()) {
        if (!in.blank_row()) break;
    }
    if (in.size() == 0 || in.blank_row()) throw DataError{path, "empty file: no header line"};
    Header h;
    h.field.fill(kNoCell);
    h.width = in.size();
    const std::uint32_t line = in.line();
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
                b.set_field_name(*f, dsl::to_nfc(text));
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
                        text, first + 1, i + 1));
    }
    const auto has = [&](Field f) { return h.field[static_cast<std::size_t>(f)] != kNoCell; };
    const auto missing = [&](std::string_view what) {
        return DataError{path, fmt::format("line {}: the header has no {} column", line, what)};
    };
    if (!has(Field::code)) throw missing("'code' (mã)");
    if (!has(Field::type) && !has(Field::kind)) throw missing("'type' (loại) or 'kind' (cấp)");
    if (!has(Field::year)) throw missing("'year' (năm)");
    return h;
}

}  // namespace

Dataset load_csv(const std::string& path, std::string_view text, const Schema& schema,
                 const LoadOptions& options) {
    CsvReader in(path, text);
    Builder b(path, schema, options, Granularity::per_record);
    b.expect(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
    b.set_comma_decimal(in.detect_separator() == ';');
    const Header h = read_header(in, b, path);
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

        for (std::size_t i = h.width; i < in.size(); ++i) {
            if (in.cell(i).empty()) continue;
            b.problem(
                "D0004", ProblemKind::warning, line, {},
                fmt::format(
                    "row has {} cells but the header has {}; the cells after column {} are ignored",
                    in.size(), h.width, h.width));
            break;
        }
        for (std::size_t u = 0; u < h.unnamed.size(); ++u) {
            if (!unnamed_warned[u] && h.unnamed[u] < in.size() && !in.cell(h.unnamed[u]).empty()) {
                unnamed_warned[u] = true;
                b.problem("D0001", ProblemKind::warning, line, {},
                          fmt::format("column {} has no header; its values are ignored",
                                      h.unnamed[u] + 1));
            }
        }

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
            if (cell < in.size())
                b.value(r, column, Cell{Cell::Kind::text, in.cell(cell), 0}, line);
        }
    }
    return b.finish();
}

}  // namespace ntm::engine::data
