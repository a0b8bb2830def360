// Internal to data/ (xlsx.cpp): the parts of an Excel workbook around its worksheets.
//
// The workbook lists its sheets by name, its relationships say which part holds each sheet, the
// shared strings hold the texts cells refer to by index, the styles say which cells show a
// number as a percentage or a date.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "data/xlsx_archive.hpp"

namespace ntm::data {

// How a cell's style shows a number.
enum class Shown : std::uint8_t { number, percent, date };

// A sheet of the workbook and the part that holds it (empty for a sheet that is no worksheet:
// a chart sheet).
struct SheetPart {
    std::string name;
    std::string part;
};

// The number format of a cell style: a built-in one by its id, or a custom one by its code.
struct NumberFormat {
    unsigned id = 0;
    std::string code;  // empty for a built-in format
};

// Everything a worksheet's cells refer to, and which part holds the sheet.
struct Workbook {
    std::string sheet;                 // the sheet to read: its name
    std::string part;                  // and its part ("xl/worksheets/sheet1.xml")
    // When no sheet is asked for, the other worksheets, in order: name and part.  The reader
    // reads those whose header is a data header, as the template's sheets are (xlsx.cpp).
    std::vector<std::pair<std::string, std::string>> others;
    std::vector<std::string> strings;  // the shared strings, by index
    std::vector<Shown> styles;         // by style index
    bool date1904 = false;             // dates count from 1904 (old Mac workbooks)
    std::vector<SheetPart> sheets;     // every sheet, in the workbook's order
    std::vector<NumberFormat> formats;  // by style index
};

// The workbook's sheet `wanted` (exactly, else in any letter case; the first sheet when empty,
// with the other worksheets in `others`),
// with the shared strings and styles.  Throws FileError when there is no such sheet (naming the
// sheets there are) or the workbook is damaged.
Workbook open_workbook(const Archive& zip, const std::string& wanted);

}  // namespace ntm::data
