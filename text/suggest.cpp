#include "text/suggest.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace ntm::text {

namespace {

std::size_t distance(const std::vector<char32_t>& a, const std::vector<char32_t>& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) { return distance(code_points(a), code_points(b)); }

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    const auto w = code_points(word);
    std::optional<std::string> best;
    std::size_t best_d = 0;
    for (const auto& c : candidates) {
        if (c == word) continue;
        const std::size_t d = distance(w, code_points(c));
        if (!best || d < best_d || (d == best_d && c < *best)) {
            best = c;
            best_d = d;
        }
    }
    if (best && best_d <= std::min<std::size_t>(3, std::max<std::size_t>(1, w.size() / 3))) return best;
    return std::nullopt;
}

}  // namespace ntm::text
