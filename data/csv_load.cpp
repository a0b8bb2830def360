// load_csv: a CSV file's rows through the table pipeline (data/table.hpp) into a Dataset.  A
// file is read once, a piece at a time (text/pieces.hpp), never held whole: each piece checked
// (UTF-8, the length of every line, text in a legacy encoding; data/csv_check.hpp), then split
// into rows, on a thread of its own, while the caller's thread reads the rows' values
// (data/csv_ahead.hpp).  A text held whole is checked, then read.  Either way the problems and
// their order are those of the file checked whole before it is read.
#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

#include "data/builder.hpp"
#include "data/csv.hpp"
#include "data/csv_ahead.hpp"
#include "data/csv_check.hpp"
#include "data/table.hpp"
#include "text/encoding.hpp"
#include "text/pieces.hpp"
#include "text/utf8.hpp"

namespace ntm::data {

namespace {

// A text held whole, as load_table (data/table.hpp) reads a table: an unclosed quote is a
// FileError.
class CsvTable {
public:
    CsvTable(const std::string& path, std::string_view text) : path_(path), in_(text) {}

    char separator() const { return in_.separator(); }
    bool next() {
        if (in_.next()) return true;
        if (in_.error()) throw csv_error(path_, *in_.error());
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
};

}  // namespace

Dataset load_csv(const std::string& path, std::string_view text, const Schema& schema,
                 const LoadOptions& options) {
    const CsvScan scan = scan_csv(path, text, options.limits.line_bytes);
    Builder b(path, schema, options, Granularity::per_record);
    b.expect(scan.lfs);
    CsvTable in(path, text);
    b.set_comma_decimal(in.separator() == ';');
    return with_mojibake(load_table(in, b, path, in.separator()), path, scan);
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
    // Checked in whole lines (a line's length, a word in a legacy encoding) on a thread of its
    // own, which splits each piece into rows once it is checked (data/csv_ahead.hpp).
    SplitAhead work;
    work.path = path;
    work.checked = piece_source(path, limit, text::TextPieces::Cut::line, text::TextPieces::Cut::ascii, piece_bytes)();
    work.line_limit = options.limits.line_bytes;
    std::error_code failed;  // for a guess only
    const std::uintmax_t size = std::filesystem::file_size(path, failed);
    work.file_bytes = failed ? 0 : size;
    work.most_lines = options.limits.rows + 1;
    RowRuns runs;
    std::exception_ptr check_error;
    std::thread check([&] { check_error = split_ahead(work, runs); });

    std::optional<Dataset> ds;
    std::exception_ptr read_error;
    try {
        Builder b(path, schema, options, Granularity::per_record);
        AheadTable in(path, runs, b);
        b.set_comma_decimal(in.separator() == ';');
        ds = load_table(in, b, path, in.separator());
    } catch (...) {
        read_error = std::current_exception();
    }
    runs.leave();
    check.join();
    if (check_error) std::rethrow_exception(check_error);
    if (work.scan.too_long) throw FileError{std::move(*work.scan.too_long)};
    if (read_error) std::rethrow_exception(read_error);
    return with_mojibake(std::move(*ds), path, work.scan);
}

}  // namespace ntm::data
