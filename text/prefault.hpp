// A large block's memory made ready ahead of the code that fills it, on a thread of its own.
//
// Memory the system has not yet given (room reserved in a vector, never touched) is given a
// page at a time as it is first written, and the system clears each page before it does: at a
// million communes the values alone are 2.1 GB, cleared in the middle of the reading, on its
// thread. A Prefault asks for the pages a little ahead of the writer (Linux's
// MADV_POPULATE_WRITE), so that the clearing happens on another core while the writer goes on.
// The block's content is not changed: the pages are given as a write would get them, nothing is
// written. Where the system cannot (an older kernel, another one), nothing is done and the
// writer faults its pages as before.
#pragma once

#include <atomic>
#include <cstddef>
#include <thread>

namespace ntm::text {

class Prefault {
public:
    Prefault() = default;
    Prefault(const Prefault&) = delete;
    Prefault& operator=(const Prefault&) = delete;
    ~Prefault() { stop(); }

    // Starts asking for the pages of [base, base + bytes), never more than `ahead` bytes past
    // what the writer has said it reached (0 at first). A block too small to gain is left alone.
    void start(void* base, std::size_t bytes, std::size_t ahead = std::size_t{16} << 20);
    // The writer has filled the block's first `bytes`. Cheap: one store; called often.
    void reached(std::size_t bytes) noexcept { reached_.store(bytes, std::memory_order_relaxed); }
    // Stops, waiting for the thread: before the block is freed or moved, and when filled.
    void stop();
    bool running() const { return thread_.joinable(); }

private:
    void run(char* base, std::size_t bytes, std::size_t ahead, std::size_t page);

    std::atomic<std::size_t> reached_{0};
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace ntm::text
