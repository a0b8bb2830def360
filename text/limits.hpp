// Explicit limits on what an input may hold, so that hostile or broken input gets a clear
// error instead of exhausting memory or time.  Each limit has a name (raised on the command
// line with `--limit NAME=N`), a default, and the code of the error it gives; docs/reliability.md
// lists them.  A limit is checked before the work it bounds (a file's size before reading it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "text/message.hpp"

namespace ntm::text {

struct Limits {
    std::uint64_t rule_file_bytes = 8u << 20;         // a rule file (E0004)
    std::uint64_t data_file_bytes = 1ull << 30;       // a CSV or JSON file, an .xlsx archive (D0901)
    std::uint64_t line_bytes = 1u << 20;              // one line of a rule or CSV file (E0010, D0902)
    std::uint64_t rows = 5'000'000;                   // records of one data file (D0903)
    std::uint64_t cells = 200'000'000;                // cells of one worksheet (D0904)
    std::uint64_t string_bytes = 256u << 20;          // one part of a workbook unpacked, or its
                                                      // shared strings (D0905)
    std::uint64_t name_letters = 200;                 // a name or value quoted in a message is
                                                      // cut after this many letters (no error)
};

// The limits' names, for `--limit NAME=N` and docs/reliability.md, in the order above.
inline constexpr std::string_view kLimitNames[] = {"rule-file-size", "data-file-size", "line-length", "rows",
                                                   "cells",          "string-size",    "name-length"};

// Applies "NAME=N" to `limits`: N is a whole number, optionally with K, M or G (×1024 for
// sizes, ×1000 for counts).  Returns the reason when the text is not one of the names above
// with a number.
std::optional<Message> set_limit(Limits& limits, std::string_view assignment);

}  // namespace ntm::text
