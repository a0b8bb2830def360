// The catalogue's rule-text part (text/message.hpp): the words of every diagnostic, then each
// code of docs/diagnostics.md in order, with its variants ("E0802.whole") and notes.
#include "text/catalog.hpp"

namespace ntm::text {

namespace {

constexpr CatalogEntry entries[] = {
    // How a diagnostic is drawn.
    {"diag.error", "lỗi", "error"},
    {"diag.warning", "cảnh báo", "warning"},
    {"diag.note", "ghi chú", "note"},
    {"diag.help", "gợi ý", "help"},
    {"diag.summary.errors", "{} lỗi", "{} errors"},
    {"diag.summary.errors.1", "{} lỗi", "{} error"},
    {"diag.summary.warnings", "{} cảnh báo", "{} warnings"},
    {"diag.summary.warnings.1", "{} cảnh báo", "{} warning"},
    {"help.did_you_mean", "có phải là '{}'?", "did you mean '{}'?"},
    {"help.criterion_has", "tiêu chí {} có {}", "criterion {} has {}"},
};

}  // namespace

std::span<const CatalogEntry> catalog_rules() { return entries; }

}  // namespace ntm::text
