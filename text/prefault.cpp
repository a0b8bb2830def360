#include "text/prefault.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <system_error>

namespace ntm::text {

namespace {

// Pages are asked for this many bytes at a time (a huge page's multiple), and the thread rests
// this long when it is as far ahead as it may go.
constexpr std::size_t kChunk = std::size_t{4} << 20;
constexpr auto kRest = std::chrono::milliseconds(2);
// Below this a block is filled before the thread would have started.
constexpr std::size_t kLeast = std::size_t{32} << 20;

}  // namespace

void Prefault::start(void* base, std::size_t bytes, std::size_t ahead) {
    stop();
#ifdef MADV_POPULATE_WRITE
    if (base == nullptr || bytes < kLeast) return;
    // madvise wants whole pages: a first and a last page in part are left to the writer (the
    // block is larger than a page: kLeast).
    const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    const auto address = reinterpret_cast<std::uintptr_t>(base);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast): an address, for madvise
    const std::size_t skipped = (page - address % page) % page;
    char* const from = static_cast<char*>(base) + skipped;
    const std::size_t whole = (bytes - skipped) / page * page;
    reached_.store(0, std::memory_order_relaxed);
    stopping_.store(false, std::memory_order_relaxed);
    try {
        thread_ = std::thread([this, from, whole, ahead, skipped, page] {
            run(from, whole, ahead - std::min(ahead, skipped), page);
        });
    } catch (const std::system_error&) {  // no thread to be had: the writer faults its pages
    }
#else
    (void)base;
    (void)bytes;
    (void)ahead;
#endif
}

void Prefault::stop() {
    if (!thread_.joinable()) return;
    stopping_.store(true, std::memory_order_relaxed);
    thread_.join();
}

void Prefault::run(char* base, std::size_t bytes, std::size_t ahead, std::size_t page) {
#ifdef MADV_POPULATE_WRITE
    std::size_t done = 0;  // whole pages, as is `bytes`
    while (done < bytes && !stopping_.load(std::memory_order_relaxed)) {
        const std::size_t limit = std::min(bytes, (reached_.load(std::memory_order_relaxed) + ahead) / page * page);
        // A chunk at a time, or what is left at the block's end: a call per page would cost
        // more than it saves.
        if (done >= limit || (limit - done < kChunk && limit < bytes)) {
            std::this_thread::sleep_for(kRest);
            continue;
        }
        const std::size_t n = std::min(kChunk, limit - done);
        // Fails on a kernel without it (EINVAL) or without the memory (ENOMEM): the writer then
        // gets its pages itself, as it would have.
        if (madvise(base + done, n, MADV_POPULATE_WRITE) != 0) return;
        done += n;
    }
#else
    (void)base;
    (void)bytes;
    (void)ahead;
    (void)page;
#endif
}

}  // namespace ntm::text
