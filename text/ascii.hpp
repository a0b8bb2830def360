// The scans a whole input file goes through (UTF-8 validity, the mojibake hint) skip its ASCII,
// most of a data file, many bytes at a time, and look closely only at the rest.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace ntm::text {

// The offset of the first byte at or after `from` that is not ASCII (its high bit set), or
// text.size() when there is none.  Inline: the scans call it after each letter that is not.
inline std::size_t ascii_run_end(std::string_view text, std::size_t from) {
    // Thirty-two, then eight bytes at a time: none has its high bit set.
    constexpr std::uint64_t kHigh = 0x8080808080808080ull;
    const auto word = [&](std::size_t at) {
        std::uint64_t w = 0;
        std::memcpy(&w, text.data() + at, sizeof w);
        return w;
    };
    std::size_t i = from;
    for (; i + 32 <= text.size(); i += 32) {
        if (((word(i) | word(i + 8) | word(i + 16) | word(i + 24)) & kHigh) != 0) break;
    }
    for (; i + 8 <= text.size(); i += 8) {
        if ((word(i) & kHigh) != 0) break;
    }
    while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
    return i;
}

}  // namespace ntm::text
