// "Did you mean …?": the closest of a list of known words to one that names nothing.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ntm::text {

// Edit distance over code points, where a swap of two neighbouring letters counts as one edit
// (optimal string alignment): "ratoi" is one edit from "ratio".
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate by edit distance, if close enough to suggest: at most a third of the
// word's letters, and never more than 3 edits.  Ties go to the candidate first in byte order.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace ntm::text
