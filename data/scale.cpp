// Values read at the wrong scale, a mistake people really make when they fill in a sheet: an
// income in đồng where the rules ask for triệu đồng.  It is no error of form, so it is caught
// by what it does to the figure, and said with the suspected fix at its cell; the value is
// ignored, so that no verdict rests on it.  (A percentage typed as a fraction, 0,955 for
// 95,5 %, cannot be told from a true small rate by the data alone: a poverty rate of 0,6 % is
// common.)
#include <fmt/format.h>

#include <string>

#include "data/builder.hpp"

namespace ntm::data {

namespace {

// An income per person and year above this many triệu đồng (10 tỷ) is no income a commune
// reports: it is written in đồng.
constexpr double kMostTrieuDong = 10000;

bool in_trieu_dong(const Column& c) { return c.unit_symbol.starts_with("triệu đồng"); }

std::string with_comma(double v) {
    std::string s = fmt::format("{:.6g}", v);
    for (char& ch : s) {
        if (ch == '.') ch = ',';
    }
    return s;
}

}  // namespace

bool Builder::scale_ok(const Column& c, double v, const std::string& written, std::uint32_t line) {
    if (!in_trieu_dong(c) || v < kMostTrieuDong) return true;
    problem("D0210", ProblemKind::value, line, field_of(c),
            text::say("D0210", written, c.unit_symbol, with_comma(v / 1e6)));
    return false;
}

}  // namespace ntm::data
