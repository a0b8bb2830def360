// The words of data files — reserved fields, types of units, kinds and regions as people write
// them (with "did you mean" among them), numbers and years.  The readers use all of it; the
// data-entry template (report/xlsx_template.cpp) writes its headers and lists from it, so that
// what the template offers is what the readers accept.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dsl/checker.hpp"
#include "engine/dataset.hpp"
#include "text/message.hpp"

namespace ntm::data {

using dsl::EntityKind;
using dsl::kKindCount;
using dsl::kRegionCount;

// ---------------------------------------------------------------------------------------------
// Reserved fields: everything of a row that is not a value.

// `level` and `level_year`: one recognition in two cells, the level in words ("Đạt chuẩn") and
// its year, as the data-entry template asks for it (beside or instead of `recognised`).
enum class Field : std::uint8_t {
    code, name, type, kind, parent, region, year, recognised, map, merged_from, estimated, level,
    level_year
};
inline constexpr std::size_t kFieldCount = 13;
inline constexpr std::array<std::string_view, kFieldCount> kFieldKeys = {
    "code", "name", "type", "kind", "parent", "region", "year", "recognised", "map", "merged_from",
    "estimated", "recognised_level", "recognised_year"};
// The Vietnamese header of each field, as documented.
inline constexpr std::array<std::string_view, kFieldCount> kFieldHeaders = {
    "mã", "tên", "loại", "cấp", "mã cấp trên", "vùng", "năm", "công nhận", "bản đồ",
    "sáp nhập từ", "ước tính", "mức công nhận", "năm công nhận"};

// The reserved field a CSV header names (English key or Vietnamese header, any case), if any.
std::optional<Field> reserved_field(std::string_view header);

// ---------------------------------------------------------------------------------------------
// The administrative map of a row (docs/data-format.md, "Two maps")

using engine::AdminMap;

// Without a `map` field, a record of a year from this one on is on the two-tier map, an earlier
// one on the three-tier map (2025 was judged on the three-tier map until 30/6).
inline constexpr int kFirstTwoTierYear = 2026;
inline AdminMap default_map(int year) {
    return year >= kFirstTwoTierYear ? AdminMap::two_tier : AdminMap::three_tier;
}
// "3 cấp", "ba cấp", "cũ" → three tiers; "2 cấp", "hai cấp", "mới" → two (any case, with or
// without diacritics); otherwise nothing.
std::optional<AdminMap> parse_map(std::string_view text);
// As the data files write it: "3 cấp", "2 cấp".
std::string_view map_word(AdminMap map);
// The kind of the parent of an entity of `kind` on `map` (kind itself for a province).
EntityKind parent_kind(EntityKind kind, AdminMap map);

// ---------------------------------------------------------------------------------------------
// Numbers and years

struct ParsedNumber {
    enum class Form : std::uint8_t { ok, not_number, ambiguous } form = Form::not_number;
    double value = 0;
    bool percent = false;  // written with a trailing '%'
};

// "98.5", "-3", "1e3", "98.5%"; with a decimal comma "98,5" (see docs/data-format.md): when
// `comma_decimal` (a ';'-separated file) a single comma is always decimal; otherwise a comma
// between one to three digits (not starting with 0) and exactly three ("1,234") is ambiguous.
ParsedNumber parse_number(std::string_view text, bool comma_decimal);

inline constexpr int kYearMin = 1900;
inline constexpr int kYearMax = 2100;
// Four digits within kYearMin..kYearMax.
std::optional<int> parse_year(std::string_view text);

// ---------------------------------------------------------------------------------------------
// Types, kinds, regions

// The type written for an entity given only by its kind.
inline constexpr std::array<std::string_view, dsl::kKindCount> kDefaultType = {"Thôn", "Xã", "Huyện", "Tỉnh"};

// A type word ("Xã", "thị trấn") or a kind name ("xa") → kind index, or -1.
int resolve_type(std::string_view text);
// The type as the decisions write it ("Thị xã" for "thị xã", "THỊ XÃ"), and whether units of
// that type are judged; a kind name written as a type is judged and kept as written.
std::pair<std::string, bool> canonical_type(std::string text);
// A region code or title, with or without "vùng" → region index, or -1.
int resolve_region(std::string_view text);

// "; it holds a no-break space (U+00A0)": what the first character of `text` that shows as
// nothing or as a plain space is (text::invisible), for a message saying `text` was not
// understood; empty when there is none.
text::Message invisible_note(std::string_view text);

// "; did you mean 'X'?" for the closest candidate, or empty.
text::Message did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
std::vector<std::string> type_candidates();
// The types of units of `kind` as the decisions write them ("Xã", "Phường", "Thị trấn").
std::vector<std::string> unit_types(EntityKind kind);
std::vector<std::string> kind_candidates();
// Codes only: titles differ by a word ("Bắc Trung Bộ", "Nam Trung Bộ"), so a title one edit
// away may well be another region.
std::vector<std::string> region_candidates();
// "unknown region 'X' (TDMNPB, DBSH, …); did you mean 'Y'?": for data files and units lists.
// `max_letters`: where text::printable cuts the region as written.
text::Message unknown_region(std::string_view text, std::size_t max_letters = 200);
// A kind as messages name it: "xa" in English, "xã" in Vietnamese.
text::Message kind_name(EntityKind k);

}  // namespace ntm::data
