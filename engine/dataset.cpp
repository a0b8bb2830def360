#include "engine/dataset.hpp"

#include <algorithm>
#include <functional>

#include "text/utf8.hpp"

namespace ntm::engine {

std::uint32_t Dataset::find(std::string_view code) const { return find_in(code, std::nullopt); }

std::uint32_t Dataset::find(std::string_view code, AdminMap map) const { return find_in(code, map); }

std::uint32_t Dataset::find_in(std::string_view code, std::optional<AdminMap> map) const {
    std::string normal;
    if (!text::plainly_nfc(code)) {
        normal = text::to_nfc(code);
        code = normal;
    }
    if (by_code.empty()) {  // built by hand, not loaded
        for (std::uint32_t i = 0; i < entities.size(); ++i) {
            if (entities[i].code == code && (!map || entities[i].map == *map)) return i;
        }
        return kNone;
    }
    const std::size_t mask = by_code.size() - 1;
    for (std::size_t i = std::hash<std::string_view>{}(code)&mask; by_code[i] != kNone;
         i = (i + 1) & mask) {
        const Entity& e = entities[by_code[i]];
        if (e.code == code && (!map || e.map == *map)) return by_code[i];
    }
    return kNone;
}

std::vector<int> Dataset::years() const {
    std::vector<int> ys;
    for (const Record& r : records) {
        if (std::find(ys.begin(), ys.end(), r.year) == ys.end()) ys.push_back(r.year);
    }
    std::sort(ys.begin(), ys.end());
    return ys;
}

}  // namespace ntm::engine
