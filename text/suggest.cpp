#include "text/suggest.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace ntm::text {

namespace {

std::size_t gap(std::size_t a, std::size_t b) { return a > b ? a - b : b - a; }

// Optimal string alignment distance, computed only within `bound` of the diagonal (a distance
// above `bound` needs a path that leaves it); returns bound + 1 for any distance above `bound`.
// Three rows of the table are kept, so a long word costs time in proportion to its length
// times the bound, and no memory beyond that.
std::size_t distance(const std::vector<char32_t>& a, const std::vector<char32_t>& b, std::size_t bound) {
    const std::size_t over = bound + 1;
    if (gap(a.size(), b.size()) > bound) return over;
    const std::size_t m = b.size();
    std::vector<std::size_t> before(m + 1, over), previous(m + 1, over), current(m + 1, over);
    for (std::size_t j = 0; j <= std::min(m, bound); ++j) previous[j] = j;
    std::size_t previous_best = 0;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::fill(current.begin(), current.end(), over);
        if (i <= bound) current[0] = i;
        const std::size_t from = i > bound ? i - bound : 1;
        const std::size_t to = std::min(m, i + bound);
        std::size_t row_best = current[0];
        for (std::size_t j = from; j <= to; ++j) {
            std::size_t d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1])});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = std::min(d, before[j - 2] + 1);
            current[j] = std::min(d, over);
            row_best = std::min(row_best, current[j]);
        }
        // Every path is too long once two rows are (a swap reaches back only two rows).
        if (row_best >= over && previous_best >= over) return over;
        previous_best = row_best;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], over);
}

// Words longer than this are never suggested for, nor suggested: no name is that long, and
// one pasted by mistake must not cost time.
constexpr std::size_t kLongestWord = 200;

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t at_most) {
    const auto x = code_points(a);
    const auto y = code_points(b);
    return distance(x, y, std::min(at_most, std::max(x.size(), y.size())));
}

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    if (word.size() > 4 * kLongestWord) return std::nullopt;  // more than kLongestWord letters
    const auto w = code_points(word);
    if (w.size() > kLongestWord) return std::nullopt;
    const std::size_t allowed = std::min<std::size_t>(3, std::max<std::size_t>(1, w.size() / 3));
    std::optional<std::string> best;
    std::size_t best_d = allowed + 1;
    for (const auto& c : candidates) {
        if (c == word || c.size() > 4 * (w.size() + allowed)) continue;
        const auto cp = code_points(c);
        const std::size_t d = distance(w, cp, allowed);
        if (d > allowed) continue;
        if (!best || d < best_d || (d == best_d && c < *best)) {
            best = c;
            best_d = d;
        }
    }
    return best;
}

}  // namespace ntm::text
