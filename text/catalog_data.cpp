// The catalogue's data part (text/message.hpp): problems about data files, units lists,
// scenarios and merges, each code of docs/data-format.md in order, with its variants.
#include "text/catalog.hpp"

namespace ntm::text {

namespace {

constexpr CatalogEntry entries[] = {
    {"problem.field", "trường '{}': ", "field '{}': "},
};

}  // namespace

std::span<const CatalogEntry> catalog_data() { return entries; }

}  // namespace ntm::text
