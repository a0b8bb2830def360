// The CSV reader (data/csv.hpp); load_csv is csv_load.cpp's.
#include "data/csv.hpp"

#include <utility>

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

// The most frequent separator on the header line, outside quotes; `whole` tells whether the
// line ended within `text`.
char detect_separator(std::string_view text, bool* whole = nullptr) {
    std::size_t comma = 0, semicolon = 0, tab = 0;
    bool quoted = false, ended = false;
    for (const char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' || c == '\r') {
            ended = true;
            break;
        }
        comma += c == ',';
        semicolon += c == ';';
        tab += c == '\t';
    }
    if (whole != nullptr) *whole = ended;
    return tab > comma && tab > semicolon ? '\t' : semicolon > comma ? ';' : ',';
}

}  // namespace

CsvReader::CsvReader(std::string_view text) : text_(text), sep_(detect_separator(text)) {
    for (const char c : {sep_, '\n', '\r'}) ends_cell_[static_cast<unsigned char>(c)] = true;
}

CsvReader::CsvReader(std::function<std::string_view()> more) : more_(std::move(more)), eof_(false) {
    // The header line whole (a quoted header cell may run over a line break), or the text.
    for (bool whole = false; sep_ = detect_separator(text_, &whole), !whole && refill(2 * text_.size());) {}
    for (const char c : {sep_, '\n', '\r'}) ends_cell_[static_cast<unsigned char>(c)] = true;
}

bool CsvReader::refill(std::size_t least) {
    if (eof_) return false;
    buf_.erase(0, pos_);
    pos_ = 0;
    bool more = false;
    do {
        const std::string_view piece = more_();
        if (piece.empty()) {
            eof_ = true;
            break;
        }
        buf_.append(piece);
        more = true;
    } while (buf_.size() < least);
    text_ = buf_;
    return more;
}

bool CsvReader::next() {
    for (;;) {
        cells_.clear();
        count_ = 0;
        own_.clear();
        if (error_) return false;
        if (pos_ >= text_.size() && !refill(1)) return false;
        const std::size_t start = pos_;
        const std::uint32_t start_line = line_;
        short_ = false;
        const bool read = row();
        if (!short_) return read;
        // The row runs past what is read: again, with twice as much of it (or as the end of the
        // text), so that a row of many pieces (a quote never closed) is not read once per piece.
        pos_ = start;
        line_ = start_line;
        refill(2 * (text_.size() - start));
    }
}

inline void CsvReader::push_cell(std::size_t begin, std::size_t size, bool own) {
    const std::string_view text = own ? std::string_view(own_) : text_;
    if (size != 0 && (text::is_blank(text[begin]) || text::is_blank(text[begin + size - 1]))) {
        const std::string_view whole = text.substr(begin, size);
        const std::string_view trimmed = text::trim(whole);
        begin += static_cast<std::size_t>(trimmed.data() - whole.data());
        size = trimmed.size();
    }
    if (size != 0) cells_.push_back({own ? begin : begin - row_start_, size, static_cast<std::uint32_t>(count_), own});
    ++count_;
}

bool CsvReader::row() {
    row_line_ = line_;
    row_start_ = pos_;
    // The text and the place in it as locals: the compiler keeps them in registers only so,
    // the stores of the cells (and the bytes read as char) otherwise reloading them each byte.
    const char* const text = text_.data();
    const std::size_t size = text_.size();
    const char sep = sep_;
    std::size_t pos = pos_;
    for (;;) {
        // Empty cells, most of a file that holds several kinds of units in one table: each a
        // separator right where a cell starts.  Counted, not kept.
        if (pos < size && text[pos] == sep) {
            std::size_t run = pos + 1;
            while (run < size && text[run] == sep) ++run;
            count_ += run - pos;
            pos = run;
        }
        if (pos < size && text[pos] == '"') {
            pos_ = pos;
            if (!quoted()) return false;
            pos = pos_;
        } else {  // a plain cell: up to the separator or the line's end
            const std::size_t begin = pos;
            while (pos < size && !ends_cell_[static_cast<unsigned char>(text[pos])]) ++pos;
            push_cell(begin, pos - begin, false);
        }
        if (pos >= size) {
            pos_ = pos;
            short_ = short_ || !eof_;
            return true;
        }
        if (text[pos] == sep) {
            ++pos;
            continue;
        }
        if (text[pos] == '\r') ++pos;
        if (pos < size && text[pos] == '\n') {
            ++pos;
        } else if (pos >= size) {
            short_ = short_ || !eof_;  // a CR last: an LF may follow
        }
        pos_ = pos;
        ++line_;
        return true;
    }
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
        if (q == std::string_view::npos || (q + 1 == text_.size() && !eof_)) {
            if (!eof_) {  // the closing quote, or the one that doubles it, may be in the next piece
                short_ = true;
                return false;
            }
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

}  // namespace ntm::data
