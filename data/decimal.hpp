// Internal to data/ (parse_number, the JSON lexer): a short decimal's value without from_chars.
#pragma once

#include <cstddef>
#include <cstdint>

namespace ntm::data {

// Most numbers in data files are a few digits and decimals, "99,5", "0.125": read as one integer
// of at most kShortDigits digits, `frac_digits` of them after the point, the integer and the
// power of ten it is divided by are both exact doubles, so one division rounds as from_chars
// does (correctly), and much faster.
inline constexpr std::size_t kShortDigits = 15;
inline double short_decimal(std::uint64_t digits, std::size_t frac_digits, bool negative) {
    static constexpr double kPowers[kShortDigits + 1] = {1,   10,   100,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                         1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const double v = static_cast<double>(digits) / kPowers[frac_digits];
    return negative ? -v : v;
}

}  // namespace ntm::data
