// Items of two versions of the rules paired: criteria and indicators matched by their official
// code and their name, so that a renumbered indicator is found as such, not as one removed and
// another added (diff/structure.cpp).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/program.hpp"

namespace ntm::diff {

using engine::kNone;

// The distinct words of a title, sorted, case-folded (text::fold): punctuation and spaces are
// between words.
std::vector<std::string> words_of(const std::string& title);

// How alike two titles are: the share of their distinct words they have in common (0 to 1);
// with `within`, the share of the shorter title's words the other has ("Thủy lợi" is within
// "Thủy lợi và phòng, chống thiên tai").
double likeness(const std::string& a, const std::string& b, bool within = false);

struct Pairing {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // (old, new), in the new list's order
    std::vector<std::uint32_t> added, removed;
};

inline constexpr double kSameCodeLikeness = 0.4;  // a code kept, the title reworded (words within)
inline constexpr double kMovedLikeness = 0.6;     // a title kept (or nearly), the code changed

// Items old[old_first ..+ old_count) and new[new_first ..+ new_count) paired: the same code and
// title; then the same title; then titles alike whatever the code (the most alike first); then
// the same code with a title reworded.  The rest are added or removed.
template <class Def>
Pairing pair_items(const std::vector<Def>& olds, std::uint32_t old_first, std::uint32_t old_count,
                   const std::vector<Def>& news, std::uint32_t new_first, std::uint32_t new_count) {
    std::vector<std::uint32_t> match(new_count, kNone);
    std::vector<bool> used(old_count, false);
    auto pass = [&](auto&& fits) {
        for (std::uint32_t j = 0; j < new_count; ++j) {
            if (match[j] != kNone) continue;
            double best = -1;
            std::uint32_t at = kNone;
            for (std::uint32_t i = 0; i < old_count; ++i) {
                if (used[i]) continue;
                const double score = fits(olds[old_first + i], news[new_first + j]);
                if (score > best) {
                    best = score;
                    at = i;
                }
            }
            if (at != kNone && best >= 0) {
                match[j] = at;
                used[at] = true;
            }
        }
    };
    pass([](const Def& o, const Def& n) { return o.title == n.title && o.code == n.code ? 1.0 : -1.0; });
    pass([](const Def& o, const Def& n) { return o.title == n.title ? 1.0 : -1.0; });
    // Titles alike, whatever the code: the most alike pairs first, the same code first on a tie.
    struct Candidate {
        double score;
        std::uint32_t i, j;
    };
    std::vector<Candidate> alike;
    for (std::uint32_t j = 0; j < new_count; ++j) {
        if (match[j] != kNone) continue;
        for (std::uint32_t i = 0; i < old_count; ++i) {
            if (used[i]) continue;
            const Def& o = olds[old_first + i];
            const Def& n = news[new_first + j];
            const double l = likeness(o.title, n.title);
            if (l >= kMovedLikeness) alike.push_back({l + (o.code == n.code ? 0.01 : 0.0), i, j});
        }
    }
    std::stable_sort(alike.begin(), alike.end(), [](const Candidate& x, const Candidate& y) { return x.score > y.score; });
    for (const Candidate& c : alike) {
        if (used[c.i] || match[c.j] != kNone) continue;
        match[c.j] = c.i;
        used[c.i] = true;
    }
    pass([](const Def& o, const Def& n) {
        return o.code == n.code && likeness(o.title, n.title, true) >= kSameCodeLikeness ? 1.0 : -1.0;
    });
    Pairing out;
    for (std::uint32_t j = 0; j < new_count; ++j) {
        if (match[j] == kNone) {
            out.added.push_back(new_first + j);
        } else {
            out.pairs.emplace_back(old_first + match[j], new_first + j);
        }
    }
    for (std::uint32_t i = 0; i < old_count; ++i) {
        if (!used[i]) out.removed.push_back(old_first + i);
    }
    return out;
}

}  // namespace ntm::diff
