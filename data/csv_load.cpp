// load_csv: a CSV file's rows through the table pipeline (data/table.hpp) into a Dataset, the
// file read twice a piece at a time (text/pieces.hpp) and never held whole: once to check it
// (UTF-8, the length of every line, the lines to expect, text in a legacy encoding), once to
// read its rows.  A file on disk is checked on a thread of its own, ahead of the reading of its
// rows, which never reads a byte before the check has passed it; a text held whole is checked
// first.  The problems and their order are those of the file read whole.
#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

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

// The check of one piece: its lines' lengths, then a word in a legacy encoding.  `line` is the
// number of the piece's first line, and becomes the next piece's.
void scan_piece(const std::string& path, std::string_view piece, bool first, std::uint64_t line_limit,
                std::uint32_t& line, CsvScan& scan) {
    const std::size_t lfs_before = scan.lfs;
    if (!scan.too_long) check_line_lengths(path, piece, line_limit, line, scan);
    if (scan.mojibake_line == 0 && !scan.too_long) find_mojibake(piece, first, lfs_before, scan);
}

// The check of a text held whole, before its rows are read.
CsvScan scan_csv(const std::string& path, std::string_view text, std::uint64_t line_limit) {
    CsvScan scan;
    std::uint32_t line = 1;
    if (!text.empty()) scan_piece(path, text, true, line_limit, line, scan);
    if (scan.too_long) throw FileError{std::move(*scan.too_long)};
    return scan;
}

// A file's check on its own thread, ahead of the reading of its rows: what it has passed so far,
// and whether it stopped on a problem.  The check never waits for the reading.
class CheckAhead {
public:
    // `file_bytes`: the file's size, 0 when unknown; `most_lines`: no guess above it.
    CheckAhead(std::uint64_t file_bytes, std::uint64_t most_lines) : file_bytes_(file_bytes), most_lines_(most_lines) {}

    // The check: `bytes` more passed, `lfs` LFs so far.
    void passed(std::uint64_t bytes, std::size_t lfs) {
        const std::lock_guard lock(m_);
        if (checked_ == 0 && bytes != 0) {
            // The file's lines guessed from its first piece's, a quarter more so that the
            // Builder's room (only address space until it is used) is seldom made again.
            const double guess = static_cast<double>(lfs) * static_cast<double>(file_bytes_) / static_cast<double>(bytes);
            guess_ = static_cast<std::size_t>(std::min(1.25 * guess, static_cast<double>(most_lines_))) + 1;
        }
        checked_ += bytes;
        cv_.notify_all();
    }
    // The check: a problem (a line too long, a file that cannot be read on): the reading stops.
    void stop() {
        const std::lock_guard lock(m_);
        stopped_ = true;
        cv_.notify_all();
    }
    // The check: every byte passed; the file's LFs.
    void done(std::size_t lfs) {
        const std::lock_guard lock(m_);
        done_ = true;
        lfs_ = lfs;
        cv_.notify_all();
    }
    // The reading: waits until its first `bytes` are checked; false when the check stopped on a
    // problem first.  A file that changed in between (more bytes than were checked) is read on:
    // its reading fails at its end (TextPieces::read_again).
    bool wait(std::uint64_t bytes) {
        std::unique_lock lock(m_);
        cv_.wait(lock, [&] { return checked_ >= bytes || stopped_ || done_; });
        return !stopped_;
    }
    // The file's LFs, once every byte is checked, or until then a guess from the first piece's
    // (the file's size from the first piece's lines); each given once.
    std::optional<std::size_t> lines() {
        const std::lock_guard lock(m_);
        if (stopped_ || lfs_given_) return std::nullopt;
        if (done_) {
            lfs_given_ = true;
            return lfs_;
        }
        if (guess_ == 0 || guess_given_) return std::nullopt;
        guess_given_ = true;
        return guess_;
    }

private:
    std::mutex m_;
    std::condition_variable cv_;
    const std::uint64_t file_bytes_, most_lines_;
    std::uint64_t checked_ = 0;
    std::size_t lfs_ = 0, guess_ = 0;
    bool stopped_ = false, done_ = false, lfs_given_ = false, guess_given_ = false;
};

// Thrown to the reading of rows when the check stopped on a problem, which is said instead.
struct CheckStopped {};

// The reader as load_table (data/table.hpp) reads a table: an unclosed quote is a FileError.
// Checked ahead, it sizes the Builder for the file's lines as soon as the check has counted them.
class CsvTable {
public:
    CsvTable(const std::string& path, Pieces pieces, Builder& b, CheckAhead* check)
        : path_(path), in_(std::move(pieces)), b_(b), check_(check) {}

    char separator() const { return in_.separator(); }
    bool next() {
        if (check_ != nullptr) {
            if (const auto lfs = check_->lines()) b_.expect(*lfs);
        }
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
    std::size_t held() const { return in_.filled_count(); }
    std::size_t held_cell(std::size_t k) const { return in_.filled(k); }
    Cell held_value(std::size_t k) const { return value(in_.filled(k)); }
    bool blank_row() const { return in_.blank_row(); }
    std::uint32_t line() const { return in_.line(); }
    static text::Message place(std::uint32_t line) { return text::say("place.line", line); }
    static std::string column_name(std::size_t i) { return std::to_string(i + 1); }
    static text::Message empty_message() { return text::say("csv.empty"); }

private:
    const std::string& path_;
    CsvReader in_;
    Builder& b_;
    CheckAhead* check_;
};

// The rows read into a Dataset; `lfs`, when known, sizes the Builder first.
Dataset read_csv(const std::string& path, Pieces pieces, std::optional<std::size_t> lfs, CheckAhead* check,
                 const Schema& schema, const LoadOptions& options) {
    Builder b(path, schema, options, Granularity::per_record);
    if (lfs) b.expect(*lfs);
    CsvTable in(path, std::move(pieces), b, check);
    b.set_comma_decimal(in.separator() == ';');
    return load_table(in, b, path, in.separator());
}

// D0006, a warning, among the problems in the order of their lines.
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

}  // namespace

Dataset load_csv(const std::string& path, std::string_view text, const Schema& schema,
                 const LoadOptions& options) {
    const CsvScan scan = scan_csv(path, text, options.limits.line_bytes);
    Pieces whole = [text, given = false]() mutable {
        if (given) return std::string_view();
        given = true;
        return text;
    };
    return with_mojibake(read_csv(path, std::move(whole), scan.lfs, nullptr, schema, options), path, scan);
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
    const PieceSource source =
        piece_source(path, limit, text::TextPieces::Cut::line, text::TextPieces::Cut::ascii, piece_bytes);
    const Pieces checked = source();  // opened here: the reading below must find this version

    // The check, to the end of the file even after a line too long: a byte that is not UTF-8,
    // further on, is said first, as when the file is read whole.
    std::error_code failed;  // a guess only: the check reads the file's size itself
    const std::uintmax_t size = std::filesystem::file_size(path, failed);
    CheckAhead ahead(failed ? 0 : size, std::min<std::uint64_t>(options.limits.rows, std::uint64_t{1} << 32));
    CsvScan scan;
    std::exception_ptr check_error;
    std::thread check([&] {
        try {
            std::uint32_t line = 1;
            bool first = true;
            for (std::string_view piece = checked(); !piece.empty(); piece = checked()) {
                scan_piece(path, piece, first, options.limits.line_bytes, line, scan);
                first = false;
                if (scan.too_long) {
                    ahead.stop();
                } else {
                    ahead.passed(piece.size(), scan.lfs);
                }
            }
            ahead.done(scan.lfs);
        } catch (...) {
            check_error = std::current_exception();
            ahead.stop();
        }
    });

    std::optional<Dataset> ds;
    std::exception_ptr read_error;
    try {
        Pieces rows = [more = source(), &ahead, read = std::uint64_t{0}]() mutable {
            const std::string_view piece = more();
            read += piece.size();
            if (!ahead.wait(read)) throw CheckStopped{};
            return piece;
        };
        ds = read_csv(path, std::move(rows), std::nullopt, &ahead, schema, options);
    } catch (...) {
        read_error = std::current_exception();
    }
    check.join();
    if (check_error) std::rethrow_exception(check_error);
    if (scan.too_long) throw FileError{std::move(*scan.too_long)};
    if (read_error) std::rethrow_exception(read_error);
    return with_mojibake(std::move(*ds), path, scan);
}

}  // namespace ntm::data
