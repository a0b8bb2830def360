// The official lists built into the library (units/: the administrative units before and after
// 01/7/2025 and the conversion table between them), as the text of their files.  The files are
// embedded when the library is built, so that `ntm` finds them from any directory; readers
// parse them as they parse a user's file (data::official_units, data::official_merge_table).
#pragma once

#include <string_view>

namespace ntm::data {

enum class OfficialFile { units_three_tier, units_two_tier, merge_2025 };

// The file's text, exactly as in units/.
std::string_view official_text(OfficialFile file);
// The name messages give it: "units/vn-admin-units.csv".
std::string_view official_path(OfficialFile file);

}  // namespace ntm::data
