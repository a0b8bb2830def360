// The catalogue's data part (text/message.hpp): problems about data files, units lists,
// scenarios and merges, each code of docs/data-format.md in order, with its variants.
#include "text/catalog.hpp"

namespace ntm::text {

namespace {

constexpr CatalogEntry entries[] = {
    {"problem.field", "trường '{}': ", "field '{}': "},
    {"D0303", "đơn vị cấp trên của '{}' không có trong tệp: lấy {} theo danh mục {}",
     "the parents of '{}' are not in the file: {} taken from {}"},
    {"D0303.none", "'{}' không ghi đơn vị cấp trên: lấy {} theo danh mục {}",
     "'{}' gives no parent: {} taken from {}"},
};

}  // namespace

std::span<const CatalogEntry> catalog_data() { return entries; }

}  // namespace ntm::text
