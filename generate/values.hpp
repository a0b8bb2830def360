// Internal to the generator: drawing one value of an input column, relative to the thresholds
// it must pass or fail, within the range its unit allows, rounded as people write it.
#pragma once

#include <limits>
#include <vector>

#include "generate/model.hpp"
#include "generate/random.hpp"

namespace ntm::gen {

inline constexpr double kInf = std::numeric_limits<double>::infinity();

// The values of an interval, each end open or closed.
struct Range {
    double lo = -kInf, hi = kInf;
    bool lo_open = false, hi_open = false;

    bool empty() const { return lo > hi || (lo == hi && (lo_open || hi_open)); }
    bool contains(double v) const {
        return (lo_open ? v > lo : v >= lo) && (hi_open ? v < hi : v <= hi);
    }
};

Range intersect(const Range& a, const Range& b);

// The values a requirement accepts (`>= 70` → [70, ∞)); `!=` accepts everything here (the one
// value it refuses is avoided when drawing).  Thresholds as walked for the entity.
Range accepted(dsl::Cmp cmp, double lo, double hi);

// What the unit of a column allows and how it is written.
struct Shape {
    Range domain;        // percent 0–100, yes/no 0–1, counts and the rest ≥ 0
    double step = 0.1;   // rounding: 1 for counts, yes/no and whole-number levels
    double scale = 50;   // a typical size, for values with no threshold to lean on
    bool yesno = false;
    bool count = false;
    bool percent = false;
};

Shape shape_of(const Column& column, const std::vector<double>& points);

// A value inside `r` that passes comfortably: towards the good end when `dir` is +1 (higher is
// better) or -1, anywhere for 0.  `u` in [0, 1) picks where.  kUnknown if `r` is empty.
double pick_pass(const Range& r, int dir, const Shape& s, double u);

// A value inside `allowed` but below (`below`) or above the requirement range `req`: a
// realistic gap away from its edge.  kUnknown when that side is empty.
double pick_fail(const Range& allowed, const Range& req, bool below, const Shape& s, double u);

// Rounds to the column's step, staying inside `r` when the rounded value would leave it.
double round_into(double v, const Range& r, const Shape& s);

// A value by quality: q = 0 worst, 1 best, for a column where higher is better (dir +1), lower
// (-1) or unknown (0: q is just a position in the usual range).
double by_quality(const Shape& s, double q, int dir);

}  // namespace ntm::gen
