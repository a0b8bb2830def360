#include "text/limits.hpp"

#include <fmt/format.h>

#include <charconv>
#include <iterator>

namespace ntm::text {

namespace {

std::uint64_t* field(Limits& l, std::string_view name, bool& size) {
    size = true;
    if (name == "rule-file-size") return &l.rule_file_bytes;
    if (name == "data-file-size") return &l.data_file_bytes;
    if (name == "line-length") return &l.line_bytes;
    if (name == "string-size") return &l.string_bytes;
    size = false;
    if (name == "rows") return &l.rows;
    if (name == "cells") return &l.cells;
    if (name == "name-length") return &l.name_letters;
    return nullptr;
}

}  // namespace

std::optional<Message> set_limit(Limits& limits, std::string_view assignment) {
    const std::size_t eq = assignment.find('=');
    const std::string_view name = assignment.substr(0, eq);
    bool size = false;
    std::uint64_t* target = eq == std::string_view::npos ? nullptr : field(limits, name, size);
    if (target == nullptr) {
        std::string names;
        for (const std::string_view n : kLimitNames) names += fmt::format("{}{}", names.empty() ? "" : ", ", n);
        return say("limit.not_assignment", assignment, names);
    }
    std::string_view number = assignment.substr(eq + 1);
    std::uint64_t unit = 1;
    if (!number.empty()) {
        const char last = number.back();
        const std::uint64_t step = size ? 1024 : 1000;
        if (last == 'K' || last == 'k') unit = step;
        if (last == 'M' || last == 'm') unit = step * step;
        if (last == 'G' || last == 'g') unit = step * step * step;
        if (unit != 1) number.remove_suffix(1);
    }
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (number.empty() || ec != std::errc() || end != number.data() + number.size() || value == 0 ||
        value > UINT64_MAX / unit) {
        return say("limit.not_number", assignment);
    }
    *target = value * unit;
    return std::nullopt;
}

}  // namespace ntm::text
