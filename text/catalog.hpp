// The parts of the message catalogue (text/message.hpp), one per family of codes.  Each part
// is a plain table: key, Vietnamese, English.
#pragma once

#include <span>

#include "text/message.hpp"

namespace ntm::text {

std::span<const CatalogEntry> catalog_rules();  // E…, W… and their notes: rule text (dsl/)
std::span<const CatalogEntry> catalog_data();   // D…: data files, units lists, merge
std::span<const CatalogEntry> catalog_data_read();  // CSV, JSON and workbook syntax: files not read
std::span<const CatalogEntry> catalog_cli();    // the ntm command: help, usage, file errors
std::span<const CatalogEntry> catalog_tests();  // T…: rule tests (ntm test)

}  // namespace ntm::text
