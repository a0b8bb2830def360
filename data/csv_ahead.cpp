// A CSV file's rows split on its checking thread (data/csv_ahead.hpp).
#include "data/csv_ahead.hpp"

#include <algorithm>

namespace ntm::data {

bool RowRuns::put(RowRun run) {
    std::unique_lock lock(m_);
    cv_.wait(lock, [&] { return runs_.size() < kAhead || left_; });
    if (left_) return false;
    runs_.push_back(std::move(run));
    cv_.notify_all();
    return true;
}

RowRun RowRuns::take() {
    std::unique_lock lock(m_);
    cv_.wait(lock, [&] { return !runs_.empty() || halted_; });
    if (runs_.empty()) {
        RowRun stop;
        stop.stopped = stop.last = true;
        return stop;
    }
    RowRun run = std::move(runs_.front());
    runs_.pop_front();
    cv_.notify_all();
    return run;
}

void RowRuns::recycle(RowRun run) {
    const std::lock_guard lock(m_);
    if (spare_.size() >= kAhead) return;
    run.clear();
    spare_.push_back(std::move(run));
}

RowRun RowRuns::fresh() {
    const std::lock_guard lock(m_);
    if (spare_.empty()) return {};
    RowRun run = std::move(spare_.back());
    spare_.pop_back();
    return run;
}

void RowRuns::halt() {
    const std::lock_guard lock(m_);
    halted_ = true;
    cv_.notify_all();
}

void RowRuns::leave() {
    const std::lock_guard lock(m_);
    left_ = true;
    runs_.clear();
    cv_.notify_all();
}

namespace {

// A run is handed on once it holds this many cells (not empty) or bytes of text.
constexpr std::size_t kRunCells = std::size_t{1} << 16;
constexpr std::size_t kRunBytes = std::size_t{1} << 20;

// The row `in` holds, added to `run`: copied in a few pieces, not a cell at a time.
void add_row(const CsvReader& in, RowRun& run) {
    RowRun::Row row;
    row.line = in.line();
    row.bytes = run.text.size();
    run.text.append(in.row_text());
    row.own = run.text.size();
    run.text.append(in.own_text());
    row.cells = in.size();
    row.first = run.spans.size();
    row.filled = in.spans().size();
    run.spans.insert(run.spans.end(), in.spans().begin(), in.spans().end());
    run.rows.push_back(row);
}

}  // namespace

std::exception_ptr split_ahead(SplitAhead& work, RowRuns& runs) noexcept {
    CsvScan& scan = work.scan;
    std::uint32_t line = 1;
    bool first = true;
    std::size_t guess = 0;
    const auto check = [&](std::string_view piece) {
        scan_piece(work.path, piece, first, work.line_limit, line, scan);
        if (first && !scan.too_long) {
            // The file's lines from its first piece's, a quarter more so that the Builder's room
            // (address space only, until it is used) is seldom made again.
            const double lines = static_cast<double>(scan.lfs) * static_cast<double>(work.file_bytes) /
                                 static_cast<double>(piece.size());
            guess = static_cast<std::size_t>(std::min(1.25 * lines, static_cast<double>(work.most_lines))) + 1;
        }
        first = false;
    };
    bool handing = true;  // the last run not handed on yet, and the reading still there
    try {
        CsvReader in([&]() -> std::string_view {
            if (scan.too_long) return {};
            const std::string_view piece = work.checked();
            if (piece.empty()) return piece;
            check(piece);
            return scan.too_long ? std::string_view() : piece;  // no row reads a line too long
        });
        RowRun run;
        run.separator = in.separator();
        run.lines_guess = guess;
        while (handing && in.next()) {
            add_row(in, run);
            if (run.spans.size() >= kRunCells || run.text.size() >= kRunBytes) {
                handing = runs.put(std::move(run));
                run = runs.fresh();
            }
        }
        if (handing) {
            run.error = in.error();
            run.stopped = scan.too_long.has_value();
            run.last = true;
            runs.put(std::move(run));
            handing = false;
        }
        // The rest of the file, checked to its end.
        for (std::string_view piece = work.checked(); !piece.empty(); piece = work.checked()) check(piece);
        return nullptr;
    } catch (...) {
        if (handing) runs.halt();
        return std::current_exception();
    }
}

AheadTable::AheadTable(const std::string& path, RowRuns& runs, Builder& b)
    : path_(path), runs_(runs), run_(runs.take()), separator_(run_.separator) {
    if (run_.lines_guess != 0) b.expect(run_.lines_guess);
}

bool AheadTable::next() {
    for (;;) {
        if (next_ < run_.rows.size()) {
            row_ = &run_.rows[next_++];
            return true;
        }
        if (run_.error) throw csv_error(path_, *run_.error);
        if (run_.stopped) throw CheckStopped{};
        row_ = &kNoRow;
        if (run_.last) return false;
        runs_.recycle(std::move(run_));
        run_ = runs_.take();
        next_ = 0;
    }
}

}  // namespace ntm::data
