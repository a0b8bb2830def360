// Internal to data/ (csv_load.cpp, csv_ahead.cpp): the check of a CSV file before its rows are
// read — each line's length (D0902, a line too long stops the reading) and a word typed in a
// legacy encoding (D0006, a warning) — done a piece at a time, each piece ending where a line
// ends.  The count of LFs it keeps sizes the Builder.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "data/builder.hpp"
#include "text/encoding.hpp"

namespace ntm::data {

// What the check found so far.
struct CsvScan {
    std::size_t lfs = 0;  // LFs in the text (each ends a line), to size the Builder
    std::optional<text::Problem> too_long;  // D0902
    std::uint32_t mojibake_line = 0;       // D0006, 0: none
    std::string mojibake;                  // the word
    text::LegacyEncoding encoding = text::LegacyEncoding::none;
};

// The check of one piece, the next of the text: its lines' lengths (until one is too long), then
// a word in a legacy encoding (until one is found).  `line` is the number of the piece's first
// line, and becomes the next piece's; `first`: the text's first piece.
void scan_piece(const std::string& path, std::string_view piece, bool first, std::uint64_t line_limit,
                std::uint32_t& line, CsvScan& scan);

// The check of a text held whole; throws FileError (D0902) on a line too long.
CsvScan scan_csv(const std::string& path, std::string_view text, std::uint64_t line_limit);

// D0006, when the check found it, placed among the problems in the order of their lines.
Dataset with_mojibake(Dataset ds, const std::string& path, const CsvScan& scan);

}  // namespace ntm::data
