// The parts of the message catalogue (text/message.hpp), one per family of codes.  Each part
// is a plain table: key, Vietnamese, English.
#pragma once

#include <span>

#include "text/message.hpp"

namespace ntm::text {

std::span<const CatalogEntry> catalog_rules();        // rule text (dsl/): drawing, shared notes, E00xx
std::span<const CatalogEntry> catalog_rules_expr();   // rule text: E01xx–E03xx, names, types, thresholds
std::span<const CatalogEntry> catalog_rules_decls();  // rule text: E04xx–E10xx, declarations
std::span<const CatalogEntry> catalog_rules_recovery();  // rule text: recovery inside a block
std::span<const CatalogEntry> catalog_rules_sanity();  // rule text: scale, looser sets, coverage, localities
std::span<const CatalogEntry> catalog_data();   // D…: data files, units lists, merge
std::span<const CatalogEntry> catalog_data_read();
std::span<const CatalogEntry> catalog_data_hints();  // D0211, D0212: data well formed but likely mistaken  // CSV, JSON and workbook syntax: files not read
std::span<const CatalogEntry> catalog_cli();      // the ntm command: help texts
std::span<const CatalogEntry> catalog_cli_run();  // usage errors, files, reasons, what a run says
std::span<const CatalogEntry> catalog_tests();  // T…: rule tests (ntm test)
std::span<const CatalogEntry> catalog_reasons();  // why libzip or expat could not read a workbook
std::span<const CatalogEntry> catalog_frame();  // the frame file of a report, printing to PDF
std::span<const CatalogEntry> catalog_annotate();  // the annotated workbook (ntm validate --annotate)
std::span<const CatalogEntry> catalog_template();  // the data-entry template, and reading it back
std::span<const CatalogEntry> catalog_serve();  // ntm serve: the API's errors, the server's lines
std::span<const CatalogEntry> catalog_report_split();  // a report's sections, one file per unit (--by)

}  // namespace ntm::text
