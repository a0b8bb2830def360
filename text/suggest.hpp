// "Did you mean …?": the closest of a list of known words to one that names nothing.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ntm::text {

// Edit distance over code points, where a swap of two neighbouring letters counts as one edit
// (optimal string alignment): "ratoi" is one edit from "ratio".  Only distances up to `at_most`
// are computed (in time proportional to the length times `at_most`); a greater one is returned
// as at_most + 1.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t at_most = std::string_view::npos);

// The closest candidate by edit distance, if close enough to suggest: at most a third of the
// word's letters, and never more than 3 edits.  Ties go to the candidate first in byte order.
// A word of more than 200 letters gets no suggestion (no name is that long).
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace ntm::text
