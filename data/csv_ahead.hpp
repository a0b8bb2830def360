// Internal to data/ (csv_load.cpp): a CSV file's rows split on the thread that checks the file
// (data/csv_check.hpp), each piece as soon as it is checked, and handed to the reading of their
// values (the Builder, on the caller's thread) a run of rows at a time.  The reading never sees
// a byte the check has not passed, and the file is read once.
//
// The check goes on to the end of the file whatever happens to the rows — a line too long stops
// them, a reading that failed leaves — so that what it finds further on (a byte that is not UTF-8)
// is said first, as when the file is checked before it is read.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "data/builder.hpp"
#include "data/csv.hpp"
#include "data/csv_check.hpp"

namespace ntm::data {

// A run of rows split ahead: each row's bytes as read and the cells it rewrote, copied one after
// the other, with its cells' places (CsvReader::spans) and the cells that are not empty.
struct RowRun {
    struct Row {
        std::uint32_t line = 0;
        std::size_t bytes = 0, own = 0;            // where its bytes and its rewritten cells start in `text`
        std::size_t cells = 0;
        std::size_t first = 0, filled = 0;  // its cells that are not empty, in `spans`
    };
    std::string text;
    std::vector<CsvReader::Span> spans;
    std::vector<Row> rows;
    char separator = ',';         // the file's, in the first run
    std::size_t lines_guess = 0;  // the first run's: the file's lines guessed from its first piece
    std::optional<CsvError> error;  // after the rows: the splitting stopped there
    bool stopped = false;           // after the rows: the check stopped on a problem, said instead
    bool last = false;

    // Emptied, its room kept for the next run.
    void clear() {
        text.clear();
        spans.clear();
        rows.clear();
        error.reset();
        stopped = last = false;
    }
};

// A quote not closed (CsvReader::error) as a data file's reading says it, whole or ahead.
inline FileError csv_error(const std::string& path, const CsvError& e) {
    return FileError{path, text::say("csv.error", e.line, e.message, e.detail)};
}

// Thrown to the reading when a run says the check stopped: the caller says the check's problem.
struct CheckStopped {};

// Runs from the check to the reading, at most a few waiting at a time.
class RowRuns {
public:
    // The check: hands a run on, waiting while the reading is behind; false once it has left.
    bool put(RowRun run);
    // The reading: the next run, waiting for it.
    RowRun take();
    // The reading stops early (a problem of its own): the check goes on alone.
    void leave();
    // The check stops on a problem without a run to say so (it could not make one): the
    // reading's next take() gives a run marked stopped.
    void halt();
    // The reading gives back a run it has read, whose room the check uses again (fresh()).
    void recycle(RowRun run);
    RowRun fresh();

private:
    static constexpr std::size_t kAhead = 4;
    std::mutex m_;
    std::condition_variable cv_;
    std::deque<RowRun> runs_;
    std::vector<RowRun> spare_;
    bool left_ = false, halted_ = false;
};

// What the checking thread is given and gives back.
struct SplitAhead {
    std::string path;
    std::function<std::string_view()> checked;  // the file in pieces cut after LFs, checked as UTF-8
    std::uint64_t line_limit = 0;
    std::uint64_t file_bytes = 0;  // for the guess of its lines; 0 when unknown
    std::uint64_t most_lines = 0;  // no guess above it
    CsvScan scan;                  // what the check found
};

// The checking thread's work: each piece checked (scan_piece), then — until a line is too long —
// split into rows handed to `runs`, the last run marked; then the rest of the file checked.  The
// problem that stopped the pieces (a file that cannot be read on, not UTF-8) is returned, and
// `runs` halted if the last run was not handed on.  Never throws.
std::exception_ptr split_ahead(SplitAhead& work, RowRuns& runs) noexcept;

// The runs as load_table (data/table.hpp) reads a table: a quote not closed is a FileError, a run
// marked stopped throws CheckStopped.  The first run sizes the Builder with its guess.
class AheadTable {
public:
    AheadTable(const std::string& path, RowRuns& runs, Builder& b);

    char separator() const { return separator_; }
    bool next();
    std::size_t size() const { return row_->cells; }
    static std::size_t next_cell(std::size_t i) { return i; }  // a CSV row holds every cell
    std::string_view cell(std::size_t i) const {
        const CsvReader::Span* s = CsvReader::find_span(run_.spans.data() + row_->first, row_->filled, i);
        return s == nullptr ? std::string_view() : text_of(*s);
    }
    Cell value(std::size_t i) const { return Cell{Cell::Kind::text, cell(i), 0}; }
    std::size_t held() const { return row_->filled; }
    std::size_t held_cell(std::size_t k) const { return run_.spans[row_->first + k].index; }
    Cell held_value(std::size_t k) const { return Cell{Cell::Kind::text, text_of(run_.spans[row_->first + k]), 0}; }
    bool blank_row() const { return row_->filled == 0; }
    std::uint32_t line() const { return row_->line; }
    static text::Message place(std::uint32_t line) { return text::say("place.line", line); }
    static std::string column_name(std::size_t i) { return std::to_string(i + 1); }
    static text::Message empty_message() { return text::say("csv.empty"); }

private:
    std::string_view text_of(const CsvReader::Span& s) const {
        return {run_.text.data() + (s.own ? row_->own : row_->bytes) + s.begin, s.size};
    }

    const std::string& path_;
    RowRuns& runs_;
    RowRun run_;
    std::size_t next_ = 0;  // the next row of run_
    static constexpr RowRun::Row kNoRow{};  // before the first row and after the last: no cells
    const RowRun::Row* row_ = &kNoRow;
    char separator_ = ',';
};

}  // namespace ntm::data
