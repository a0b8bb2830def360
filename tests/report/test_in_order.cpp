// Pieces made on several threads and handed on in order: every piece once, in order, with a few
// held at once, each written over the last one its text held; a `take` that says stop, and a
// `make` or `take` that throws, end the run cleanly.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "report/in_order.hpp"

using ntm::report::make_in_order;

namespace {

// Some pieces take longer than others, so that they are made out of order.
void busy(std::size_t i) {
    if (i % 7 == 3) std::this_thread::sleep_for(std::chrono::microseconds(200));
    if (i % 11 == 5) std::this_thread::yield();
}

}  // namespace

TEST_CASE("in order: every piece once, in order, a few held at once") {
    for (const unsigned threads : {0u, 1u, 2u, 3u, 8u}) {
        for (const std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{5}, std::size_t{300}}) {
            INFO("threads " << threads << ", pieces " << count);
            std::atomic<int> held{0};
            std::atomic<int> most{0};
            std::atomic<int> grown{0};  // texts that had to grow for their piece
            std::vector<std::string> taken;
            const bool ok = make_in_order(
                count, threads,
                [&](std::size_t i, std::string& text) {
                    busy(i);
                    // Over what an earlier piece left: the text grown only for a longer piece,
                    // and what lies past the piece's length is not handed on.
                    const std::string piece = "piece " + std::to_string(i);
                    if (text.size() < piece.size()) {
                        text.resize(piece.size() + 3, '~');
                        ++grown;
                    }
                    std::memcpy(text.data(), piece.data(), piece.size());
                    const int now = ++held;
                    int seen = most.load();
                    while (now > seen && !most.compare_exchange_weak(seen, now)) {
                    }
                    return piece.size();
                },
                [&](std::size_t i, std::string_view text) {
                    CHECK(text == "piece " + std::to_string(i));
                    taken.emplace_back(text);
                    --held;
                    return true;
                });
            CHECK(ok);
            REQUIRE(taken.size() == count);
            for (std::size_t i = 0; i < count; ++i) CHECK(taken[i] == "piece " + std::to_string(i));
            const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
            const int slots = static_cast<int>(2 * (threads == 0 ? cores : threads));
            CHECK(most.load() <= slots);
            // Each text is used again: grown for its first piece and when the numbers get a digit.
            CHECK(grown.load() <= 3 * slots);
        }
    }
}

TEST_CASE("in order: a take that says stop ends the run") {
    for (const unsigned threads : {1u, 2u, 4u}) {
        INFO("threads " << threads);
        std::atomic<std::size_t> made{0};
        std::vector<std::size_t> taken;
        const bool ok = make_in_order(
            1000, threads,
            [&](std::size_t i, std::string& text) {
                busy(i);
                text = std::to_string(i);
                ++made;
                return text.size();
            },
            [&](std::size_t i, std::string_view) {
                taken.push_back(i);
                return i != 10;
            });
        CHECK_FALSE(ok);
        CHECK(taken.size() == 11);  // nothing after the piece that failed
        // Only the pieces held at once can be made past it.
        CHECK(made.load() <= 11 + 2 * threads);
    }
}

TEST_CASE("in order: an exception from make or take reaches the caller") {
    for (const unsigned threads : {1u, 2u, 4u}) {
        INFO("threads " << threads);
        std::vector<std::size_t> taken;
        CHECK_THROWS_WITH(make_in_order(
                              500, threads,
                              [&](std::size_t i, std::string& text) {
                                  busy(i);
                                  if (i == 40) throw std::runtime_error("piece 40");
                                  text = std::to_string(i);
                                  return text.size();
                              },
                              [&](std::size_t i, std::string_view) {
                                  taken.push_back(i);
                                  return true;
                              }),
                          "piece 40");
        CHECK(taken.size() <= 40);  // never a piece after the one that failed
        for (std::size_t i = 0; i < taken.size(); ++i) CHECK(taken[i] == i);

        CHECK_THROWS_WITH(make_in_order(
                              500, threads,
                              [&](std::size_t i, std::string& text) {
                                  text = std::to_string(i);
                                  return text.size();
                              },
                              [&](std::size_t i, std::string_view) {
                                  if (i == 7) throw std::runtime_error("take 7");
                                  return true;
                              }),
                          "take 7");
    }
}
