// The official conversion table of commune-level units (vn-commune-merge-2025.csv): each commune
// of the map since 01/7/2025 ← each commune of the old map, or part of one, it was made from.
// Columns, in any order: province_code, commune_code, commune (the new commune, its type in
// front: "Xã Tam An"), old_commune_code, old_commune, old_district_code, old_district,
// old_province_code, old_province, kind, note.  CSV as Excel writes it (data/csv.hpp).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/problem.hpp"

namespace ntm::data {

// How an old commune went into a new one, as the table writes it.
enum class MergeKind : std::uint8_t {
    whole,                       // nhập toàn bộ
    part,                        // nhập một phần: the old commune was split between new ones
    part_area,                   // nhập một phần diện tích
    part_population,             // nhập một phần dân số
    part_area_whole_population,  // nhập một phần diện tích, toàn bộ dân số
    unchanged,                   // giữ nguyên
    renamed,                     // đổi tên
    retyped,                     // đổi loại hình
};

// Only part of the old commune went in: what it brings is an estimate.
bool partial(MergeKind kind);
// As in the table: "whole", "part", ...
std::string_view merge_kind_key(MergeKind kind);
// In Vietnamese: "nhập toàn bộ", "nhập một phần", "nhập một phần diện tích", ...
std::string_view merge_kind_words(MergeKind kind);

struct MergePart {
    std::uint32_t line = 0;  // line of the table
    std::string province_code, code, name, type;  // the new commune (name without type)
    // The old commune (name without type; the type is the one it starts with, written as the
    // official list writes it, or empty when the table gives none).  An old commune coded
    // "00000" with no name stands for a whole district (an island district became a đặc khu).
    std::string old_code, old_name, old_type;
    std::string old_district_code, old_district, old_province_code, old_province;  // as written
    MergeKind kind = MergeKind::whole;
    std::string note;  // the table's own words
};

struct MergeTable {
    std::string path;
    std::vector<MergePart> parts;  // file order: the parts of one new commune are consecutive
    // Per new commune code: the first of its parts and how many there are.
    std::map<std::string, std::pair<std::uint32_t, std::uint32_t>, std::less<>> by_code;

    // Indices into `parts` of the parts of the new commune `code`, or empty.
    std::vector<std::uint32_t> parts_of(std::string_view code) const;
};

// Reads a conversion table.  Every problem is reported, with its line and column (problems
// non-empty: the result is unusable).
MergeTable read_merge_table(const std::string& path, std::vector<text::Problem>& problems);
MergeTable parse_merge_table(const std::string& path, std::string_view text, std::vector<text::Problem>& problems);

// The bundled table (units/vn-commune-merge-2025.csv), parsed once (thread-safe).
const MergeTable& official_merge_table();

}  // namespace ntm::data
