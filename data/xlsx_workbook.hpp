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
};

// Cells: Excel's last column (XFD) and row.
inline constexpr std::uint32_t kMaxColumn = 16384;
inline constexpr std::uint32_t kMaxRow = 1048576;
// "D14" → column 4, row 14; false if it is no cell reference.
bool parse_ref(std::string_view ref, std::uint32_t& column, std::uint32_t& row);
// A number as Excel shows it in a cell of General format: 15 significant digits.
std::string show_number(double v);
// A date serial number as "2024-03-15" (1900 or 1904 date system); outside Excel's dates, the
// number.
std::string show_date(double serial, bool date1904);

// The workbook's sheet `wanted` (exactly, else in any letter case; the first sheet when empty,
// with the other worksheets in `others`),
// with the shared strings and styles.  Throws FileError when there is no such sheet (naming the
// sheets there are) or the workbook is damaged.
Workbook open_workbook(const Archive& zip, const std::string& wanted);

}  // namespace ntm::data
