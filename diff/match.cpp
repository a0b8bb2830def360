#include "diff/match.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "text/utf8.hpp"

namespace ntm::diff {

std::vector<std::string> words_of(const std::string& title) {
    std::vector<std::string> out;
    std::string w;
    for (const char ch : text::fold(title)) {
        const auto u = static_cast<unsigned char>(ch);
        if (u >= 0x80 || std::isalnum(u) != 0) {
            w += static_cast<char>(std::tolower(u));
        } else if (!w.empty()) {
            out.push_back(std::move(w));
            w.clear();
        }
    }
    if (!w.empty()) out.push_back(std::move(w));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

double likeness(const std::string& a, const std::string& b, bool within) {
    const std::vector<std::string> wa = words_of(a), wb = words_of(b);
    if (wa.empty() || wb.empty()) return wa.empty() && wb.empty() ? 1 : 0;
    std::vector<std::string> common;
    std::set_intersection(wa.begin(), wa.end(), wb.begin(), wb.end(), std::back_inserter(common));
    const std::size_t whole = within ? std::min(wa.size(), wb.size()) : wa.size() + wb.size() - common.size();
    return static_cast<double>(common.size()) / static_cast<double>(whole);
}

}  // namespace ntm::diff
