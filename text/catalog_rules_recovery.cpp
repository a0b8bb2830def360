// The catalogue's rule-text part (text/message.hpp), continued: what the parser says when it
// recovers inside a block (dsl/parse_recover.hpp) rather than at the next declaration.
#include "text/catalog.hpp"

namespace ntm::text {

namespace {

constexpr CatalogEntry entries[] = {
    {"E0001.missing_brace.item", "thiếu '}}' trước mục tiếp theo", "missing '}}' before the next item"},
    {"E0001.note.unclosed_item", "khối chưa được đóng bắt đầu ở đây", "the block that is not closed starts here"},
};

}  // namespace

std::span<const CatalogEntry> catalog_rules_recovery() { return entries; }

}  // namespace ntm::text
