// load_csv: a CSV file's rows through the table pipeline (data/table.hpp) into a Dataset, the
// file read twice a piece at a time (text/pieces.hpp) and never held whole: first to check it
// (UTF-8, the length of every line, the lines to expect, text in a legacy encoding), then to
// read its rows.  The problems and their order are those of the file read whole.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <memory>

#include "data/builder.hpp"
#include "data/csv.hpp"
#include "data/table.hpp"
#include "text/encoding.hpp"
#include "text/pieces.hpp"
#include "text/utf8.hpp"

namespace ntm::data {

namespace {

// Gives the text a piece at a time, each ending where a line ends (or at the end of the text);
// empty at the end.  Throws FileError when the file cannot be read on.
using Pieces = std::function<std::string_view()>;

// What the first reading found.
struct CsvScan {
    std::size_t lfs = 0;  // LFs in the text (each ends a line), to size the Builder
    std::optional<text::Problem> too_long;  // D0902
    std::uint32_t mojibake_line = 0;       // D0006, 0: none
    std::string mojibake;                  // the word
    text::LegacyEncoding encoding = text::LegacyEncoding::none;
};

// D0902: the first line longer than the limit, checked before reading so that no row of it is
// built.  A line, not a row: a quoted cell may run over several short lines.  `line` is the
// number of the piece's first line, and becomes the next piece's.  The next LF and the next CR
// are each found with memchr (string_view::find) and kept until passed: linear whatever the line
// ends.
void check_line_lengths(const std::string& path, std::string_view text, std::uint64_t limit,
                        std::uint32_t& line, CsvScan& scan) {
    std::size_t lf = text.find('\n'), cr = text.find('\r');  // npos when none is left
    for (std::size_t begin = 0; begin < text.size();) {
        if (lf < begin) lf = text.find('\n', begin);
        if (cr < begin) cr = text.find('\r', begin);
        std::size_t end = std::min({lf, cr, text.size()});
        if (end - begin > limit && !scan.too_long) {
            scan.too_long = text::file_problem(path, text::say("D0902", line, end - begin, limit));
            scan.too_long->code = "D0902";
        }
        if (end + 1 < text.size() && text[end] == '\r' && text[end + 1] == '\n') ++end;
        scan.lfs += end < text.size() && text[end] == '\n';
        begin = end + 1;
        ++line;
    }
}

// D0006 in a piece: a word of text typed in VNI or TCVN3 and saved as UTF-8 from how it looked
// ("Vieät Nam").  A piece after the first follows an LF, which the search sees before it as it
// would in the whole text.
void find_mojibake(std::string_view piece, bool first, std::size_t lfs_before, CsvScan& scan) {
    std::optional<text::Mojibake> m;
    std::size_t shift = 0;  // where the piece starts in what was searched
    if (!first && !piece.empty() && (static_cast<unsigned char>(piece.front()) & 0xFE) == 0xC2) {
        std::string line = "\n";
        const std::size_t lf = piece.find('\n');
        line.append(lf == std::string_view::npos ? piece : piece.substr(0, lf + 1));
        m = text::find_mojibake(line);
        shift = 1;
    }
    if (!m) {
        m = text::find_mojibake(piece);
        shift = 0;
    }
    if (!m) return;
    const std::string_view in_piece = piece.substr(m->offset - shift, m->size);
    scan.mojibake_line = 1 + static_cast<std::uint32_t>(lfs_before + static_cast<std::size_t>(std::count(
                                                              piece.begin(), piece.begin() + static_cast<std::ptrdiff_t>(m->offset - shift), '\n')));
    scan.mojibake = std::string(in_piece);
    scan.encoding = m->encoding;
}

// The first reading: every piece, to its end even after a line too long (a byte that is not
// UTF-8, further on, is said first, as when the file is read whole).
CsvScan scan_csv(const std::string& path, const Pieces& pieces, std::uint64_t line_limit) {
    CsvScan scan;
    std::uint32_t line = 1;
    bool first = true;
    for (std::string_view piece = pieces(); !piece.empty(); piece = pieces()) {
        const std::size_t lfs_before = scan.lfs;
        if (!scan.too_long) check_line_lengths(path, piece, line_limit, line, scan);
        if (scan.mojibake_line == 0 && !scan.too_long) find_mojibake(piece, first, lfs_before, scan);
        first = false;
    }
    if (scan.too_long) throw FileError{std::move(*scan.too_long)};
    return scan;
}

// The reader as load_table (data/table.hpp) reads a table: an unclosed quote is a FileError.
class CsvTable {
public:
    CsvTable(const std::string& path, Pieces pieces) : path_(path), in_(std::move(pieces)) {}

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

// Both readings, each from a fresh `open()`.
Dataset load_csv_pieces(const std::string& path, const std::function<Pieces()>& open,
                        const Schema& schema, const LoadOptions& options) {
    const CsvScan scan = scan_csv(path, open(), options.limits.line_bytes);
    CsvTable in(path, open());
    Builder b(path, schema, options, Granularity::per_record);
    b.expect(scan.lfs);
    b.set_comma_decimal(in.separator() == ';');
    Dataset ds = load_table(in, b, path, in.separator());
    if (scan.mojibake_line != 0) {
        text::Problem p;
        p.code = "D0006";
        p.kind = ProblemKind::warning;
        p.where.file = path;
        p.where.line = scan.mojibake_line;
        p.message = text::say("D0006", text::printable(scan.mojibake), std::string(text::legacy_name(scan.encoding)));
        const auto after = std::find_if(ds.problems.begin(), ds.problems.end(),
                                        [&](const text::Problem& q) { return q.where.line > p.where.line; });
        ds.problems.insert(after, std::move(p));
    }
    return ds;
}

}  // namespace

Dataset load_csv(const std::string& path, std::string_view text, const Schema& schema,
                 const LoadOptions& options) {
    return load_csv_pieces(
        path,
        [&] {
            return Pieces([text, given = false]() mutable {
                if (given) return std::string_view();
                given = true;
                return text;
            });
        },
        schema, options);
}

PieceSource piece_source(const std::string& path, const text::SizeLimit& limit, text::TextPieces::Cut first,
                         text::TextPieces::Cut then, std::size_t piece_bytes) {
    auto checked = std::make_shared<std::optional<text::TextPieces::Version>>();
    return [=] {
        auto file = std::make_shared<text::TextPieces>(path, limit, *checked ? then : first, piece_bytes);
        auto problems = std::make_shared<std::vector<text::Problem>>();
        const auto fail = [path, problems] {
            throw FileError{problems->empty() ? text::file_problem(path, text::say("load.cannot_read"))
                                              : problems->front()};
        };
        if (*checked) file->read_again(**checked);
        if (!file->open(*problems)) fail();
        if (!*checked) *checked = file->version();
        return std::function<std::string_view()>([file, problems, fail] {
            const auto piece = file->next(*problems);
            if (!piece) fail();
            return *piece;
        });
    };
}

Dataset load_csv_file(const std::string& path, const Schema& schema, const LoadOptions& options,
                      std::size_t piece_bytes) {
    const text::SizeLimit limit{options.limits.data_file_bytes, "D0901", "data-file-size"};
    // Checked in whole lines (a line's length, a word in a legacy encoding), then read in pieces
    // cut anywhere between letters: a file whose lines end with CR alone is not held whole then.
    return load_csv_pieces(path,
                           piece_source(path, limit, text::TextPieces::Cut::line, text::TextPieces::Cut::ascii, piece_bytes),
                           schema, options);
}

}  // namespace ntm::data
