// The catalogue's part for the ntm command (text/message.hpp): help texts, usage errors,
// errors about files, and the lines each command prints about its run.
#include "text/catalog.hpp"

namespace ntm::text {

namespace {

constexpr CatalogEntry entries[] = {
    {"cli.lang", "Ngôn ngữ của thông báo và nhãn: vi hoặc en (mặc định: vi)",
     "Language of messages and labels: vi or en (default: vi)"},
};

}  // namespace

std::span<const CatalogEntry> catalog_cli() { return entries; }

}  // namespace ntm::text
