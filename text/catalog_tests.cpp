// The catalogue's part for rule tests (text/message.hpp): each T code of docs/diagnostics.md,
// and the words of `ntm test`'s output.
#include "text/catalog.hpp"

namespace ntm::text {

namespace {

constexpr CatalogEntry entries[] = {
    {"test.passed", "đạt", "passed"},
};

}  // namespace

std::span<const CatalogEntry> catalog_tests() { return entries; }

}  // namespace ntm::text
