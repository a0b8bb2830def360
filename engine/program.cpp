#include "engine/program.hpp"

#include <algorithm>
#include <charconv>

namespace ntm::engine {

const Column* Schema::find(EntityKind kind, std::string_view name) const {
    for (const Column& c : columns[kind_index(kind)]) {
        if (c.name == name) return &c;
    }
    return nullptr;
}

bool Program::level_in_force(const LevelDef& level, int year) const {
    if (!level.meets.empty()) return set_for(level, year) != kNone;
    return level.gates.empty() ||
           std::any_of(level.gates.begin(), level.gates.end(), [&](const GateDef& g) { return g.valid_in(year); });
}

std::uint32_t Program::set_for(const LevelDef& level, int year, std::uint32_t chosen) const {
    if (chosen != kNone && sets[chosen].kind == level.kind) {
        auto root = [&](std::uint32_t s) {
            while (sets[s].base != kNone) s = sets[s].base;
            return s;
        };
        for (std::uint32_t s : level.meets) {
            if (root(s) == root(chosen)) return chosen;
        }
    }
    for (std::uint32_t s : level.meets) {
        if (sets[s].locality.empty() && sets[s].valid_from <= year && year <= sets[s].valid_to) return s;
    }
    return kNone;
}

bool Program::extends(std::uint32_t s, std::uint32_t base) const {
    for (std::size_t steps = 0; s != kNone && steps <= sets.size(); s = sets[s].base, ++steps) {
        if (s == base) return true;
    }
    return false;
}

std::uint32_t Program::set_index(std::string_view name) const {
    for (std::uint32_t i = 0; i < sets.size(); ++i) {
        if (sets[i].name == name) return i;
    }
    return kNone;
}

std::uint32_t Program::level_index(std::string_view name) const {
    for (std::uint32_t i = 0; i < levels.size(); ++i) {
        if (levels[i].name == name) return i;
    }
    return kNone;
}

std::string Program::where(dsl::Span span) const {
    if (sources == nullptr || span.file >= sources->size()) return {};
    // Built by hand: an explanation asks for one per indicator.
    const std::string& path = sources->file(span.file).path;
    char digits[12];
    const auto end = std::to_chars(digits, digits + sizeof digits, sources->line_of(span.file, span.begin)).ptr;
    std::string out;
    out.reserve(path.size() + 1 + static_cast<std::size_t>(end - digits));
    out.append(path).append(1, ':').append(digits, end);
    return out;
}

}  // namespace ntm::engine
