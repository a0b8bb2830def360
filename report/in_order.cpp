#include "report/in_order.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace ntm::report {

namespace {

// The pieces between the threads that make them and the caller's, which takes them in order.
// Piece i is made in slot i % slots.size(), once piece i − slots.size() has been taken from it.
class Pieces {
public:
    Pieces(std::size_t count, unsigned threads, const std::function<std::size_t(std::size_t, std::string&)>& make)
        : count_(count), slots_(2 * std::size_t{threads}), make_(make) {}

    // On each making thread: claims the next piece, waits for its slot, makes it; until none is
    // left or the run stops.
    void make_all() {
        std::unique_lock lock(m_);
        while (!stop_ && next_ < count_) {
            const std::size_t i = next_++;
            Slot& slot = slots_[i % slots_.size()];
            freed_.wait(lock, [&] { return stop_ || taken_ + slots_.size() > i; });
            if (stop_) return;
            lock.unlock();
            std::exception_ptr error;
            try {
                slot.length = make_(i, slot.text);
            } catch (...) {
                error = std::current_exception();
            }
            lock.lock();
            if (error) {
                if (!error_) error_ = error;
                stop_ = true;
                freed_.notify_all();
            } else {
                slot.ready = true;
            }
            made_.notify_one();  // only the caller's thread waits for a piece
        }
    }

    // On the caller's thread: each piece in order, then frees its slot.
    bool take_all(const std::function<bool(std::size_t, std::string_view)>& take) {
        for (std::size_t i = 0; i < count_; ++i) {
            Slot& slot = slots_[i % slots_.size()];
            std::unique_lock lock(m_);
            made_.wait(lock, [&] { return stop_ || slot.ready; });
            if (error_) return true;  // rethrown once the threads have stopped
            lock.unlock();
            const bool ok = take(i, std::string_view(slot.text).substr(0, slot.length));
            lock.lock();
            slot.ready = false;
            taken_ = i + 1;
            if (!ok) stop_ = true;
            freed_.notify_all();
            if (!ok) return false;
        }
        return true;
    }

    // Ends the run: no piece is claimed after, and the threads waiting return.
    void stop() {
        const std::lock_guard lock(m_);
        stop_ = true;
        freed_.notify_all();
    }

    void rethrow() const {
        if (error_) std::rethrow_exception(error_);
    }

private:
    struct Slot {
        std::string text;         // piece i at its start, of `length` bytes
        std::size_t length = 0;
        bool ready = false;
    };

    std::size_t count_;
    std::vector<Slot> slots_;
    const std::function<std::size_t(std::size_t, std::string&)>& make_;
    std::mutex m_;
    std::condition_variable made_;  // a piece is ready, or the run stopped
    std::condition_variable freed_;  // a slot is free, or the run stopped
    std::size_t next_ = 0;  // the next piece to claim
    std::size_t taken_ = 0;  // the pieces taken
    bool stop_ = false;
    std::exception_ptr error_;
};

}  // namespace

bool make_in_order(std::size_t count, unsigned threads, const std::function<std::size_t(std::size_t, std::string&)>& make,
                   const std::function<bool(std::size_t, std::string_view)>& take) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, count));
    if (threads <= 1) {
        std::string text;
        for (std::size_t i = 0; i < count; ++i) {
            const std::size_t length = make(i, text);
            if (!take(i, std::string_view(text).substr(0, length))) return false;
        }
        return true;
    }
    Pieces pieces(count, threads, make);
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back([&] { pieces.make_all(); });
    bool ok = true;
    try {
        ok = pieces.take_all(take);
    } catch (...) {
        // `take` threw: stop the makers before the exception leaves with what they write into.
        pieces.stop();
        for (std::thread& t : pool) t.join();
        throw;
    }
    for (std::thread& t : pool) t.join();
    pieces.rethrow();
    return ok;
}

}  // namespace ntm::report
