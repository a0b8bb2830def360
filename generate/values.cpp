// Drawing values against thresholds.
#include "generate/values.hpp"

#include <algorithm>

namespace ntm::gen {

Range intersect(const Range& a, const Range& b) {
    Range r;
    if (a.lo > b.lo || (a.lo == b.lo && a.lo_open)) {
        r.lo = a.lo;
        r.lo_open = a.lo_open;
    } else {
        r.lo = b.lo;
        r.lo_open = b.lo_open;
    }
    if (a.hi < b.hi || (a.hi == b.hi && a.hi_open)) {
        r.hi = a.hi;
        r.hi_open = a.hi_open;
    } else {
        r.hi = b.hi;
        r.hi_open = b.hi_open;
    }
    return r;
}

Range accepted(dsl::Cmp cmp, double lo, double hi) {
    Range r;
    switch (cmp) {
        case dsl::Cmp::ge: r.lo = lo; break;
        case dsl::Cmp::gt:
            r.lo = lo;
            r.lo_open = true;
            break;
        case dsl::Cmp::le: r.hi = lo; break;
        case dsl::Cmp::lt:
            r.hi = lo;
            r.hi_open = true;
            break;
        case dsl::Cmp::eq: r.lo = r.hi = lo; break;
        case dsl::Cmp::in_range:
            r.lo = lo;
            r.hi = hi;
            break;
        case dsl::Cmp::yes: r.lo = r.hi = 1; break;
        case dsl::Cmp::no: r.lo = r.hi = 0; break;
        case dsl::Cmp::ne: break;
    }
    return r;
}

Shape shape_of(const Column& column, const std::vector<double>& points) {
    Shape s;
    s.domain.lo = 0;
    const double top = points.empty() ? 0 : *std::max_element(points.begin(), points.end());
    if (column.type == ValueType::boolean) {
        s.yesno = true;
        s.domain.hi = 1;
        s.step = 1;
        s.scale = 1;
    } else if (column.percent) {
        s.percent = true;
        s.domain.hi = 100;
        s.scale = 50;
    } else if (column.count) {
        s.count = true;
        s.step = 1;
        s.scale = top > 0 ? 2 * top : 5;
    } else {
        const bool whole = !points.empty() && std::all_of(points.begin(), points.end(), [](double p) { return p == std::floor(p); });
        if (column.unit == "number" && whole) s.step = 1;
        s.scale = top > 0 ? 1.5 * top : column.unit == "number" ? 10 : 50;
    }
    return s;
}

double round_into(double v, const Range& r, const Shape& s) {
    if (!std::isfinite(v)) return v;
    const double inv = 1.0 / s.step;
    const double q = std::round(v * inv) / inv;
    if (r.contains(q)) return q;
    for (int k = 1; k <= 3; ++k) {
        const double up = std::round((q + k * s.step) * inv) / inv;
        const double down = std::round((q - k * s.step) * inv) / inv;
        if (r.contains(up) && s.domain.contains(up)) return up;
        if (r.contains(down) && s.domain.contains(down)) return down;
    }
    if (r.contains(v)) return v;  // narrower than a step: keep the exact value
    return q;
}

double pick_pass(const Range& given, int dir, const Shape& s, double u) {
    const Range r = intersect(given, s.domain);
    if (r.empty()) return kUnknown;
    if (r.lo == r.hi) return r.lo;
    const double w = 0.5 * u + 0.5 * (1.0 - (1.0 - u) * (1.0 - u));  // leans towards 1
    const bool bounded = r.hi < kInf;
    double v;
    if (dir > 0 && !bounded && s.count) {
        v = r.lo + w * std::max(2.0, 0.3 * r.lo);  // "at least 1": 1 to 3
    } else if (dir > 0) {
        v = bounded ? r.lo + (r.hi - r.lo) * w : r.lo > 0 ? r.lo * (1.0 + 0.3 * w) : r.lo + s.scale * (0.2 + 0.8 * w);
    } else if (dir < 0) {
        v = bounded ? r.hi - (r.hi - r.lo) * w : r.lo + s.scale * (1.0 - w);
    } else {
        v = bounded ? r.lo + (r.hi - r.lo) * u : r.lo + s.scale * u;
    }
    return round_into(v, r, s);
}

double pick_fail(const Range& allowed_in, const Range& req, bool below, const Shape& s, double u) {
    const Range allowed = intersect(allowed_in, s.domain);
    Range side = allowed;
    if (below) {
        if (req.lo == -kInf) return kUnknown;
        side = intersect(allowed, Range{-kInf, req.lo, false, !req.lo_open});
    } else {
        if (req.hi == kInf) return kUnknown;
        side = intersect(allowed, Range{req.hi, kInf, !req.hi_open, false});
    }
    if (side.empty()) return kUnknown;
    const double edge = below ? side.hi : side.lo;
    double gap;
    if (s.yesno || s.count) {
        gap = 1.0 + std::floor(3.0 * u * u);
    } else if (s.percent) {
        gap = 1.0 + 14.0 * u * u;
    } else {
        gap = std::max(s.step, (std::fabs(edge) > 0 ? std::fabs(edge) : s.scale) * (0.03 + 0.22 * u * u));
    }
    double v = below ? edge - gap : edge + gap;
    if (below && v < side.lo) v = side.lo + (edge - side.lo) * (0.2 + 0.6 * u);
    if (!below && v > side.hi) v = side.hi - (side.hi - edge) * (0.2 + 0.6 * u);
    return round_into(v, side, s);
}

double by_quality(const Shape& s, double q, int dir) {
    const double x = dir < 0 ? 1.0 - q : q;
    double v;
    if (s.yesno) {
        v = x >= 0.5 ? 1 : 0;
    } else if (s.percent) {
        v = 100.0 * x;
    } else {
        v = 2.0 * s.scale * x;
    }
    return round_into(v, s.domain, s);
}

}  // namespace ntm::gen
