// text/prefault.hpp: a block's pages are asked for ahead of its writer, never further ahead than
// told, and its content is left as it was. Which pages the system holds is read with mincore.
#include <catch2/catch.hpp>
#include <sys/mman.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <thread>
#include <vector>

#include "text/prefault.hpp"

using namespace ntm;

namespace {

const auto kPage = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));

// Fresh anonymous memory, none of it given yet; unmapped at the end.
class Block {
public:
    explicit Block(std::size_t bytes) : bytes_(bytes) {
        void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        REQUIRE(p != MAP_FAILED);
        base_ = static_cast<char*>(p);
#ifdef MADV_NOHUGEPAGE
        madvise(base_, bytes_, MADV_NOHUGEPAGE);  // pages of the base size: counted one by one
#endif
    }
    Block(const Block&) = delete;
    Block& operator=(const Block&) = delete;
    ~Block() { munmap(base_, bytes_); }
    char* base() const { return base_; }

    // How many of the block's pages the system holds.
    std::size_t resident() const {
        std::vector<unsigned char> in((bytes_ + kPage - 1) / kPage);
        REQUIRE(mincore(base_, bytes_, in.data()) == 0);
        std::size_t n = 0;
        for (const unsigned char c : in) n += c & 1u;
        return n;
    }
    // Waits (at most 20 s: the sanitizers are slow) until at least `pages` are held.
    std::size_t resident_at_least(std::size_t pages) const {
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        std::size_t n = resident();
        while (n < pages && std::chrono::steady_clock::now() < until) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            n = resident();
        }
        return n;
    }

private:
    std::size_t bytes_;
    char* base_ = nullptr;
};

// Whether this system can be asked for pages ahead at all (Linux 5.14 or later).
bool can_prefault() {
#ifdef MADV_POPULATE_WRITE
    const Block probe(kPage);
    return madvise(probe.base(), kPage, MADV_POPULATE_WRITE) == 0;
#else
    return false;
#endif
}

}  // namespace

TEST_CASE("a Prefault gets a block's pages before its writer, content unchanged", "[text][prefault]") {
    if (!can_prefault()) {
        WARN("this system cannot be asked for pages ahead: nothing to check");
        return;
    }
    const std::size_t bytes = std::size_t{48} << 20;
    const Block block(bytes + kPage);
    // A block that starts inside a page (as a vector's may), with a byte already written.
    char* base = block.base() + 100;
    base[(std::size_t{40} << 20) + 3] = 'x';
    const std::size_t before = block.resident();
    CHECK(before <= 2);

    text::Prefault ahead;
    ahead.start(base, bytes, bytes);  // allowed the whole block ahead
    CHECK(ahead.running());
    // Every whole page is asked for, past the first chunk and up to the last whole page: the
    // pages of the base's first and last part are the writer's.
    const std::size_t whole = (bytes - (kPage - 100)) / kPage;
    CHECK(block.resident_at_least(whole + before - 1) >= whole);
    ahead.stop();
    CHECK_FALSE(ahead.running());

    CHECK(base[(std::size_t{40} << 20) + 3] == 'x');
    std::size_t nonzero = 0;
    for (std::size_t i = 0; i < bytes; ++i) nonzero += base[i] != 0;
    CHECK(nonzero == 1);
}

TEST_CASE("a Prefault goes no further ahead of its writer than told", "[text][prefault]") {
    if (!can_prefault()) {
        WARN("this system cannot be asked for pages ahead: nothing to check");
        return;
    }
    const std::size_t mib = std::size_t{1} << 20;
    const Block block(256 * mib);
    text::Prefault ahead;
    ahead.start(block.base(), 256 * mib, 16 * mib);
    // 16 MiB ahead of nothing written: up to 16 MiB, and no further however long it is left.
    CHECK(block.resident_at_least(8 * mib / kPage) >= 8 * mib / kPage);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(block.resident() <= 16 * mib / kPage);

    // The writer reaches 100 MiB: the pages up to 116 MiB follow, and none past them.
    ahead.reached(100 * mib);
    CHECK(block.resident_at_least(108 * mib / kPage) >= 108 * mib / kPage);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(block.resident() <= 116 * mib / kPage);

    // Stopped, it asks for nothing more.
    ahead.stop();
    const std::size_t held = block.resident();
    ahead.reached(256 * mib);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(block.resident() == held);
}

TEST_CASE("a Prefault leaves a small block to its writer", "[text][prefault]") {
    const Block block(std::size_t{4} << 20);
    text::Prefault ahead;
    ahead.start(block.base(), std::size_t{4} << 20);
    CHECK_FALSE(ahead.running());
    CHECK(block.resident() == 0);
}
