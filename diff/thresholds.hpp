// Thresholds compared cell by cell (diff/structure.cpp), and written as the decision prints them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "diff/diff.hpp"

namespace ntm::diff {

// The years a threshold is read in: its set's validity.
struct YearSpan {
    int from = 0, to = 0;
};

// Threshold tree `a_root` of `a` (its set valid in `a_valid`) against `b_root` of `b`: the cells
// whose values differ, in the years both sides share — or, when the two have no year in common,
// the value of each place when each side has one.  `reshaped` when the two are tabled by other
// dimensions (regions against commune groups) or cannot be compared cell by cell.  A threshold
// without dimensions is compared with every cell of a tabled one.  Sets only the cells.
ThresholdDiff compare_threshold(const engine::Program& a, std::uint32_t a_root, const YearSpan& a_valid,
                                const engine::Program& b, std::uint32_t b_root, const YearSpan& b_valid);

// One cell of a threshold as the decision tables it: its place ("Đông Nam Bộ, 2023-2025"; empty
// for a value that holds everywhere, every year of `valid`) and its value.
struct PlacedValue {
    std::string where;
    double value = 0;
};
std::vector<PlacedValue> threshold_places(const engine::Program& p, std::uint32_t root, const YearSpan& valid);

// "≥ 70 %", or every cell: "Trung du và miền núi phía Bắc: ≥ 50; …; Đông Nam Bộ: ≥ 100 (%)".
std::string threshold_text(const engine::Program& p, std::uint32_t root, dsl::Cmp cmp, const std::string& unit,
                           const YearSpan& valid);

}  // namespace ntm::diff
