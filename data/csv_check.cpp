// The check of a CSV file, a piece at a time (data/csv_check.hpp).
#include "data/csv_check.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace ntm::data {

namespace {

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

}  // namespace

void scan_piece(const std::string& path, std::string_view piece, bool first, std::uint64_t line_limit,
                std::uint32_t& line, CsvScan& scan) {
    const std::size_t lfs_before = scan.lfs;
    if (!scan.too_long) check_line_lengths(path, piece, line_limit, line, scan);
    if (scan.mojibake_line == 0 && !scan.too_long) find_mojibake(piece, first, lfs_before, scan);
}

CsvScan scan_csv(const std::string& path, std::string_view text, std::uint64_t line_limit) {
    CsvScan scan;
    std::uint32_t line = 1;
    if (!text.empty()) scan_piece(path, text, true, line_limit, line, scan);
    if (scan.too_long) throw FileError{std::move(*scan.too_long)};
    return scan;
}

Dataset with_mojibake(Dataset ds, const std::string& path, const CsvScan& scan) {
    if (scan.mojibake_line == 0) return ds;
    text::Problem p;
    p.code = "D0006";
    p.kind = ProblemKind::warning;
    p.where.file = path;
    p.where.line = scan.mojibake_line;
    p.message = text::say("D0006", text::printable(scan.mojibake), std::string(text::legacy_name(scan.encoding)));
    const auto after = std::find_if(ds.problems.begin(), ds.problems.end(),
                                    [&](const text::Problem& q) { return q.where.line > p.where.line; });
    ds.problems.insert(after, std::move(p));
    return ds;
}

}  // namespace ntm::data
