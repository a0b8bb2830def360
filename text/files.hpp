// Files in and out.  Reading checks UTF-8; writing never leaves a half-written file behind:
// the bytes go to a temporary file beside the target, are flushed, and the temporary is
// renamed over the target, so a reader sees the old file or the new one, never a mix.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/problem.hpp"

namespace ntm::text {

// Reads a file as UTF-8 text (a leading BOM is dropped).  A file that cannot be opened or is
// not UTF-8 is a problem (naming the line and the first bad byte), and nullopt.
std::optional<std::string> read_text_file(const std::string& path, std::vector<Problem>& problems);

// Writes `bytes` to `path` atomically.  Returns the reason when it cannot ("permission
// denied"), having left `path` as it was.
std::optional<std::string> write_file(const std::string& path, std::string_view bytes);

// For writers that open the file themselves (a workbook library): a temporary path beside
// `path` to write to, then commit_file() to rename it into place (or discard_file() to give
// up).  commit_file() returns the reason when it cannot, and removes the temporary.
std::string temporary_path(const std::string& path);
std::optional<std::string> commit_file(const std::string& temporary, const std::string& path);
void discard_file(const std::string& temporary);

}  // namespace ntm::text
