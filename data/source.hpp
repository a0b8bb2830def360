// The cells of a data file as they were written, for giving it back annotated (`ntm validate
// --annotate`, report/annotate.hpp): every sheet of a workbook, each cell with what it stores
// (text stays text, a number stays the number with its number format), or a CSV file as one
// sheet.
//
// The file is read again, under the same limits as load_data(); a file load_data() read is read
// here too (the other sheets of a workbook are bounded by the same limits).  Throws
// text::FileError as load_data() does.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/load.hpp"

namespace ntm::data {

struct SourceCell {
    enum class Kind : std::uint8_t { text, number, boolean, error };
    std::uint32_t column = 0;  // 1-based: 4 is column D
    Kind kind = Kind::text;
    std::string text;          // text, or an error value ("#DIV/0!")
    double number = 0;         // number; boolean (1 or 0)
    std::uint32_t style = 0;   // the workbook's style (Source::formats); 0 in a CSV file
};

// A row holding at least one cell.  `line` is the line of the problems about it: the row
// number in a worksheet, the line it starts on in a CSV file (a quoted cell may hold line
// breaks, so the rows of a CSV file are numbered apart from its lines).
struct SourceRow {
    std::uint32_t number = 0;
    std::uint32_t line = 0;
    std::vector<SourceCell> cells;  // in column order
};

struct SourceSheet {
    std::string name;              // a CSV file: its name without the extension, as Excel allows
    std::vector<SourceRow> rows;   // in order
    std::uint32_t header = 0;      // the header's row number (the first row holding text); 0: none
    std::uint32_t code_column = 0;  // the column headed by the code (Mã); 0: none
};

// A cell style's number format: a built-in one by its id (9 is "0%"), or a custom one by code.
struct SourceFormat {
    unsigned id = 0;
    std::string code;
};

struct Source {
    std::string path;
    bool csv = false;
    std::vector<SourceSheet> sheets;     // in the workbook's order (chart sheets left out)
    std::vector<SourceFormat> formats;  // by style index
};

// Reads `path` (.xlsx, .xlsm or .csv, .tsv, .txt) as it was written.
Source read_source(const std::string& path, const LoadOptions& options);

// Whether read_source() reads files of this name: a workbook or a CSV file, not JSON.
bool source_readable(const std::string& path);

}  // namespace ntm::data
