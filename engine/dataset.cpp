#include "engine/dataset.hpp"

#include <algorithm>
#include <functional>
#include <mutex>
#include <unordered_set>

#include "text/utf8.hpp"

namespace ntm::engine {

namespace {

// The one copy of each name of a file or sheet an Origin points to: never freed (a process
// reads a handful of files), and a set's elements stay where they are as it grows.
const std::string* kept_name(std::string_view name) {
    if (name.empty()) return nullptr;
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    static std::mutex mutex;
    static std::unordered_set<std::string, Hash, std::equal_to<>> names;
    const std::lock_guard<std::mutex> lock(mutex);
    auto it = names.find(name);
    if (it == names.end()) it = names.emplace(name).first;
    return &*it;
}

}  // namespace

Origin::Origin(std::string_view file, std::uint32_t at) : line(at), file_(kept_name(file)) {}

void Origin::set_sheet(std::string_view sheet) { sheet_ = kept_name(sheet); }

const std::string& Origin::empty() {
    static const std::string none;
    return none;
}

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
