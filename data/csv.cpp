// The CSV reader (data/csv.hpp), and load_csv: its rows through the table pipeline
// (data/table.hpp) into a Dataset.
#include "data/csv.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "data/builder.hpp"
#include "data/table.hpp"
#include "text/encoding.hpp"
#include "text/utf8.hpp"

namespace ntm::data {

namespace {

// The line breaks in `text`: LF, CRLF and CR alone each count one.
std::uint32_t line_breaks(std::string_view text) {
    std::uint32_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        n += text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
    }
    return n;
}

// The most frequent separator on the header line, outside quotes.
char detect_separator(std::string_view text) {
    std::size_t comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (const char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' || c == '\r') break;
        comma += c == ',';
        semicolon += c == ';';
        tab += c == '\t';
    }
    return tab > comma && tab > semicolon ? '\t' : semicolon > comma ? ';' : ',';
}

}  // namespace

CsvReader::CsvReader(std::string_view text) : text_(text), sep_(detect_separator(text)) {
    for (const char c : {sep_, '\n', '\r'}) ends_cell_[static_cast<unsigned char>(c)] = true;
}

bool CsvReader::next() {
    cells_.clear();
    own_.clear();
    if (pos_ >= text_.size() || error_) return false;
    row_line_ = line_;
    for (;;) {
        // Empty cells, most of a file that holds several kinds of units in one table: each a
        // separator right where a cell starts.
        while (pos_ < text_.size() && text_[pos_] == sep_) cells_.push_back({pos_++, 0, false});
        if (pos_ < text_.size() && text_[pos_] == '"') {
            if (!quoted()) return false;
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

inline void CsvReader::push_cell(std::size_t begin, std::size_t size, bool own) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    const std::string_view text = own ? std::string_view(own_) : text_;
    if (size == 0 || (!blank(text[begin]) && !blank(text[begin + size - 1]))) {  // nothing to trim
        cells_.push_back({begin, size, own});
        return;
    }
    const std::string_view whole = text.substr(begin, size);
    const std::string_view trimmed = text::trim(whole);
    cells_.push_back({begin + static_cast<std::size_t>(trimmed.data() - whole.data()), trimmed.size(), own});
}

bool CsvReader::blank_row() const {
    for (std::size_t i = 0; i < size(); ++i) {
        if (!cell(i).empty()) return false;
    }
    return true;
}

bool CsvReader::at_end_of_cell(std::size_t p) const {
    return p >= text_.size() || ends_cell_[static_cast<unsigned char>(text_[p])];
}

void CsvReader::plain() {
    const std::size_t begin = pos_;
    while (!at_end_of_cell(pos_)) ++pos_;
    push_cell(begin, pos_ - begin, false);
}

// After the opening quote: up to the closing one, "" standing for ", then whatever precedes
// the next separator.  False, with error_ set, when the quote is not closed.
bool CsvReader::quoted() {
    const std::uint32_t open_line = line_;
    const std::size_t open_at = pos_;
    ++pos_;
    std::size_t begin = pos_;
    bool own = false;
    const std::size_t own_begin = own_.size();
    for (;;) {
        const std::size_t q = text_.find('"', pos_);
        if (q == std::string_view::npos) {
            error_ = CsvError{open_line, text::say("csv.unclosed_quote"), unclosed_detail(open_at)};
            return false;
        }
        line_ += line_breaks(text_.substr(pos_, q - pos_));
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
            push_cell(own_begin, own_.size() - own_begin, true);
        } else {
            push_cell(begin, q - begin, false);
        }
        return true;
    }
}

// Where a quote never closed opened: the rest of the line it opened on.
text::Message CsvReader::unclosed_detail(std::size_t quote) const {
    std::string_view rest = text_.substr(quote + 1);
    rest = rest.substr(0, rest.find_first_of("\r\n"));
    return text::say("csv.unclosed_quote.detail", text::printable(rest, 40));
}

// ---------------------------------------------------------------------------------------------
// load_csv

namespace {

// D0902: the first line longer than the limit, checked before reading so that no row of it is
// built.  A line, not a row: a quoted cell may run over several short lines.  Returns how many
// LFs the text holds (every LF ends a line), to size the Builder.
std::size_t check_line_lengths(const std::string& path, std::string_view text, std::uint64_t limit) {
    // The next LF and the next CR, each found with memchr (string_view::find) and kept until
    // passed: linear whatever the line ends.
    std::size_t lf = text.find('\n'), cr = text.find('\r');  // npos when none is left
    std::size_t lfs = 0;
    std::uint32_t line = 1;
    for (std::size_t begin = 0; begin < text.size();) {
        if (lf < begin) lf = text.find('\n', begin);
        if (cr < begin) cr = text.find('\r', begin);
        std::size_t end = std::min({lf, cr, text.size()});
        if (end - begin > limit) {
            text::Problem p = text::file_problem(
                path, text::say("D0902", line, end - begin, limit));
            p.code = "D0902";
            throw FileError{std::move(p)};
        }
        if (end + 1 < text.size() && text[end] == '\r' && text[end + 1] == '\n') ++end;
        lfs += end < text.size() && text[end] == '\n';
        begin = end + 1;
        ++line;
    }
    return lfs;
}

// The reader as load_table (data/table.hpp) reads a table: an unclosed quote is a FileError.
class CsvTable {
public:
    CsvTable(const std::string& path, std::string_view text) : path_(path), in_(text) {}

    char separator() const { return in_.separator(); }
    bool next() {
        if (in_.next()) return true;
        if (const auto& e = in_.error()) {
            throw FileError{path_, text::say("csv.error", e->line, e->message, e->detail)};
        }
        return false;
    }
    std::size_t size() const { return in_.size(); }
    static std::size_t next_cell(std::size_t i) { return i; }  // a CSV row holds every cell
    std::string_view cell(std::size_t i) const { return in_.cell(i); }
    Cell value(std::size_t i) const { return Cell{Cell::Kind::text, in_.cell(i), 0}; }
    bool blank_row() const { return in_.blank_row(); }
    std::uint32_t line() const { return in_.line(); }
    static text::Message place(std::uint32_t line) { return text::say("place.line", line); }
    static std::string column_name(std::size_t i) { return std::to_string(i + 1); }
    static text::Message empty_message() { return text::say("csv.empty"); }

private:
    const std::string& path_;
    CsvReader in_;
};

}  // namespace

Dataset load_csv(const std::string& path, std::string_view text, const Schema& schema,
                 const LoadOptions& options) {
    const std::size_t lines = check_line_lengths(path, text, options.limits.line_bytes);
    CsvTable in(path, text);
    Builder b(path, schema, options, Granularity::per_record);
    b.expect(lines);
    b.set_comma_decimal(in.separator() == ';');
    Dataset ds = load_table(in, b, path, in.separator());
    // D0006: text typed in VNI or TCVN3 and saved as UTF-8 from how it looked ("Vieät Nam").
    if (const auto m = text::find_mojibake(text)) {
        text::Problem p;
        p.code = "D0006";
        p.kind = ProblemKind::warning;
        p.where.file = path;
        p.where.line = 1 + static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(m->offset), '\n'));
        p.message = text::say("D0006", text::printable(text.substr(m->offset, m->size)),
                              std::string(text::legacy_name(m->encoding)));
        const auto after = std::find_if(ds.problems.begin(), ds.problems.end(),
                                        [&](const text::Problem& q) { return q.where.line > p.where.line; });
        ds.problems.insert(after, std::move(p));
    }
    return ds;
}

}  // namespace ntm::data
