// A PDF printed by Chromium, made deterministic.  Chromium writes the moment of printing as the
// document's /CreationDate and /ModDate; every other byte of its output depends only on the page
// and on the browser's version (checked: two prints of one page differ in these dates only).
#pragma once

#include <cstddef>
#include <string>

#include "report/frame.hpp"

namespace ntm::report {

// Rewrites in place each date value "D:YYYYMMDDHHmmSS" of /CreationDate and /ModDate to `date` at
// 00:00:00, and a time zone written "+HH'mm'" to "+07'00'" (Việt Nam): same lengths, so that the
// cross-reference offsets stay right.  Returns how many values were rewritten.
std::size_t stamp_pdf_dates(std::string& pdf, const FrameDate& date);

}  // namespace ntm::report
