// A page printed to PDF by headless Chromium (`ntm report --format pdf`).
#pragma once

#include <optional>
#include <string>

namespace ntm::cli {

// The Chromium to print with: $NTM_CHROMIUM when set, else the first of chromium,
// chromium-browser, google-chrome on the PATH; empty when there is none.
std::string find_chromium();

// `html` printed to PDF: written to a file in a new temporary folder, printed by Chromium
// (headless, a profile of its own in that folder, no network: every host name resolves to
// nothing), the folder removed.  The PDF's bytes; nullopt with the error printed when Chromium is
// missing, fails, writes no PDF or takes more than `timeout_seconds`.
std::optional<std::string> print_pdf(const std::string& html, int timeout_seconds = 300);

}  // namespace ntm::cli
