// The catalogue's part for hints about data that is well formed but likely mistaken
// (text/message.hpp): a percentage typed as a fraction, a yes/no column holding numbers.
#include "text/catalog.hpp"

namespace ntm::text {

namespace {

constexpr CatalogEntry entries[] = {
    {"D0211", "giá trị {} có lẽ là tỷ lệ viết dạng thập phân: hãy ghi {} (%); quy định so với mức {}%",
     "value {} is likely a rate written as a fraction: write {} (%); the rules compare it with {}%"},
    {"D0212",
     "cột này có {} trên {} ô là số, không phải giá trị có/không: có lẽ cột ghi giá trị của "
     "trường khác (các cột bị lệch hoặc đổi chỗ cho nhau)",
     "the column holds numbers in {} of its {} cells, not yes/no values: it may hold another "
     "field's values (columns shifted or swapped)"},
};

}  // namespace

std::span<const CatalogEntry> catalog_data_hints() { return entries; }

}  // namespace ntm::text
