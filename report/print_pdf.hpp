// A page printed to PDF by headless Chromium (`ntm report --format pdf`, the server's report in
// PDF).  report/pdf.hpp makes the bytes it gives deterministic.
#pragma once

#include <string>
#include <variant>

#include "text/message.hpp"

namespace ntm::report {

// The Chromium to print with: $NTM_CHROMIUM when set, else the first of chromium,
// chromium-browser, google-chrome on the PATH; empty when there is none.
std::string find_chromium();

// Why a page was not printed: the message, and the file or program it is about (empty: none).
struct PdfError {
    enum class Kind { no_browser, timeout, failed };
    Kind kind = Kind::failed;
    std::string where;
    text::Message message;
};

// `html` printed to PDF: written to a file in a new folder under `temp_parent`, printed by
// Chromium (headless, a profile of its own in that folder, no network: every host name resolves
// to nothing), the folder removed.  The PDF's bytes; an error when Chromium is missing, fails,
// writes no PDF or takes more than `timeout_seconds`.
std::variant<std::string, PdfError> print_pdf(const std::string& html, const std::string& temp_parent,
                                              int timeout_seconds = 300);

}  // namespace ntm::report
