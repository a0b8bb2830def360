// CSV as Excel writes it: RFC 4180 quoting (a quoted cell may hold the separator, doubled
// quotes and line breaks), CRLF or LF, ',' between cells, or ';' (Excel in locales whose
// decimal separator is a comma, as in Vietnam) or a tab, detected from the header line.
#include <fmt/format.h>

#include <algorithm>

#include "text/files.hpp"
#include "text/suggest.hpp"
#include "data/builder.hpp"
#include "data/table.hpp"

namespace ntm::data {

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
    // What load_table (load_rows.hpp) asks of a reader besides the cells.
    Cell value(std::size_t i) const { return Cell{Cell::Kind::text, cell(i), 0}; }
    static std::string place(std::uint32_t line) { return fmt::format("line {}", line); }
    static std::string column_name(std::size_t i) { return std::to_string(i + 1); }
    static std::string empty_message() { return "empty file: no header line"; }

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
                throw FileError{
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

}  // namespace

Dataset load_csv(const std::string& path, std::string_view text, const Schema& schema,
                 const LoadOptions& options) {
    CsvReader in(path, text);
    Builder b(path, schema, options, Granularity::per_record);
    b.expect(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
    b.set_comma_decimal(in.detect_separator() == ';');
    return load_table(in, b, path);
}

}  // namespace ntm::data
