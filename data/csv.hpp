// Internal to data/: CSV as Excel writes it, the one reader of every CSV file data/ reads —
// data files (csv.cpp, load_csv) and the official units list (units.cpp).
//
// The rules, in one place:
//   - The separator is ',', ';' (Excel in locales whose decimal separator is a comma, as in
//     Vietnam) or a tab: the most frequent of the three on the header line (the first line),
//     counted outside quotes, so that a quoted header cell may hold the others and may run over
//     a line break.  Ties go to ',', then ';'; ',' when the line has none.
//   - A cell is quoted when its first character is '"' (a blank before the quote makes it a
//     plain cell holding the quote).  A quoted cell runs to its closing quote and may hold the
//     separator and line breaks; "" stands for ".  Text between the closing quote and the next
//     separator is kept (`"a"b` is `ab`), as Excel reads it.
//   - A row ends at LF, CRLF or CR alone, as Excel reads them: Excel for Mac's "CSV
//     (Macintosh)" ends its lines with CR, and a stray CR in a file of LF lines ends a row rather
//     than joining two rows (and losing one).  Inside a quoted cell each of them is one line
//     break of the file.
//   - Cells are trimmed of blanks (space, tab, CR, LF; text::trim) at both ends, after the
//     quotes are taken off: `" a "` is `a`.
//   - A row's line is the line it starts on; a quoted cell's line breaks count, so the rows
//     after it keep their true line numbers.
//   - A quoted cell not closed before the end of the text stops the reading: error() names the
//     line the quote opened on and quotes the start of the text after the quote.  Callers report it their way (load_csv: a text::FileError; the
//     units list: a text::Problem).
//   - The text is UTF-8 as text::read_text_file gives it, without a BOM.
//   - A row has as many cells as the header: a cell's column is known only by the separators
//     before it, so one separator too many (a decimal comma left unquoted, `55,2`) would move
//     every later cell under another header.  load_csv rejects a row with more cells (D0112),
//     and one with fewer unless the missing cells are the last ones, after its code, year and
//     type or kind: Excel leaves out the separators of empty cells at the end of rows.  See
//     data/table.hpp and docs/data-format.md.
//   - load_csv checks the limits of LoadOptions::limits: a line longer than `line_bytes` (D0902,
//     before reading: a line, not a row), more rows than `rows` (D0903, as they are read).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/message.hpp"

namespace ntm::data {

// Why the reading stopped early, and where.
struct CsvError {
    std::uint32_t line = 0;
    text::Message message;  // "quoted cell not closed before the end of the file"
    text::Message detail;  // what more a data file's message says: "the '"' before 'Tam An,…' …"
};

// Splits the text into rows of cells, one row per next().  A cell is a view into the text, or
// into a per-row buffer when it had to be rewritten (doubled quotes, text after the closing
// quote): nothing is allocated per cell, and a cell lives until the next call to next().
//
// The text is given whole, or a piece at a time by `more` (each call the next piece, valid until
// the next call; empty at the end): then the reader holds only what it has not read yet, and a
// row that runs over two pieces (a quoted cell holding line breaks, say) is read again whole
// once the next piece is in.  Either way the rows, cells, lines and errors are the same.
class CsvReader {
public:
    explicit CsvReader(std::string_view text);
    explicit CsvReader(std::function<std::string_view()> more);

    char separator() const { return sep_; }

    // Reads the next row; false at the end of the text or on an error (see error()).
    bool next();
    const std::optional<CsvError>& error() const { return error_; }

    std::size_t size() const { return count_; }
    std::string_view cell(std::size_t i) const {  // trimmed
        const Span* s = find_span(cells_.data(), cells_.size(), i);
        if (s == nullptr) return {};
        return s->own ? std::string_view(own_).substr(s->begin, s->size) : text_.substr(row_start_ + s->begin, s->size);
    }
    bool blank_row() const { return cells_.empty(); }  // every cell empty (or none)
    // The cells that are not empty, in order: filled(k) is the k-th one's index.
    std::size_t filled_count() const { return cells_.size(); }
    std::size_t filled(std::size_t k) const { return cells_[k].index; }
    std::uint32_t line() const { return row_line_; }

    // The row as it was read, for a copy of it: its bytes in the text (from its first, line
    // break included), the cells rewritten (own_text), and the place of each cell that is not
    // empty in one or the other.  Most cells of a table holding several kinds of units are empty:
    // they are only counted.
    struct Span {
        std::size_t begin = 0, size = 0;  // in the row's bytes, or in own_text() when `own`
        std::uint32_t index = 0;          // the cell's, in the row
        bool own = false;
    };
    std::string_view row_text() const { return text_.substr(row_start_, pos_ - row_start_); }
    std::string_view own_text() const { return own_; }
    const std::vector<Span>& spans() const { return cells_; }
    // The span of cell `i` among `n` in the order of their cells, or null (an empty cell): the
    // cells before it are most often all there (a row's code, name, type and year come first).
    static const Span* find_span(const Span* spans, std::size_t n, std::size_t i) {
        if (i < n && spans[i].index == i) return spans + i;
        std::size_t lo = 0, hi = std::min(n, i + 1);
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (spans[mid].index < i) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < n && spans[lo].index == i ? spans + lo : nullptr;
    }

private:
    // Whether a cell ends at `p`: the separator, a line end, or the end of the text.  The end of
    // what is read so far, when more is to come, sets short_: the row is read again.
    bool at_end_of_cell(std::size_t p) {
        if (p < text_.size()) return ends_cell_[static_cast<unsigned char>(text_[p])];
        short_ = short_ || !eof_;
        return true;
    }
    text::Message unclosed_detail(std::size_t quote) const;
    bool row();
    // Drops what is read, adds the next pieces until at least `least` bytes are held; false when
    // there was none to add (the end of the text).
    bool refill(std::size_t least);
    // Adds the cell at [begin, begin + size) of the text or own_, trimmed once here rather than
    // at each cell().
    void push_cell(std::size_t begin, std::size_t size, bool own);
    bool quoted();

    std::string_view text_;  // the whole text, or buf_
    std::function<std::string_view()> more_;
    std::string buf_;  // read a piece at a time: from the row being read on
    bool eof_ = true;    // nothing more to read than text_
    bool short_ = false;  // the row runs past text_: to read again with the next piece
    char sep_ = ',';
    std::array<bool, 256> ends_cell_{};  // by byte: the separator, LF and CR
    std::size_t pos_ = 0;
    std::size_t row_start_ = 0;  // where the row being read starts in text_
    std::uint32_t line_ = 1, row_line_ = 1;
    std::vector<Span> cells_;  // the row's cells that are not empty, in order
    std::size_t count_ = 0;    // the row's cells
    std::string own_;
    std::optional<CsvError> error_;
};

}  // namespace ntm::data
