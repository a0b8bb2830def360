// Excel workbooks out (libxlsxwriter): report tables, and the data-entry template of a rule set.
//
// write_workbook() writes tables as they are, one sheet each: a bold header row that stays in
// view when scrolling (frozen, with the columns naming a row), filter buttons on it when asked
// (Sheet::autofilter), columns wide enough for their longest text (counted in letters,
// not bytes, so Vietnamese text fits), numbers with their number format, and the cells marked
// `highlight` (a criterion not met, a value below its threshold) filled in light red with dark
// red text, as Excel's "Bad" style.
//
// write_template() writes the workbook district staff fill in: the reserved columns (Mã, Tên,
// Loại, Mã cấp trên, Vùng, Năm, Công nhận) and one column per input of a kind, each header
// with a comment giving its Vietnamese title, unit and allowed values, and data validation
// (đạt/không đạt lists for yes/no, 0–100 for percentages, whole numbers for counts).  A filled
// template is read back by load_data() as it is.
//
// Both throw text::FileError (naming the file) when the file cannot be written.
#pragma once

#include <string>
#include <vector>

#include "report/names.hpp"
#include "text/problem.hpp"

namespace ntm::report {

struct XlsxCell {
    enum class Kind : std::uint8_t { empty, text, number } kind = Kind::empty;
    std::string text;           // Kind::text
    double number = 0;          // Kind::number
    std::string number_format;  // Kind::number: an Excel format ("0.0", "0%", "#,##0"); empty: General
    bool highlight = false;     // a failing cell: light red fill, dark red text

    static XlsxCell of(std::string text, bool highlight = false) {
        return {Kind::text, std::move(text), 0, {}, highlight};
    }
    static XlsxCell of(double number, std::string number_format = {}, bool highlight = false) {
        return {Kind::number, {}, number, std::move(number_format), highlight};
    }
};

struct Sheet {
    // At most 31 letters, without []:*?/\ (Excel's rules): other letters are replaced by '-',
    // a longer name is cut, and a name used twice gets " (2)", " (3)"...
    std::string name;
    std::vector<std::string> header;             // row 1, bold, frozen
    std::vector<std::vector<XlsxCell>> rows;      // rows 2...; rows may be shorter than the header
    bool freeze_header = true;                    // keep row 1 in view
    std::uint32_t freeze_columns = 0;             // and this many columns on the left (names)
    bool autofilter = false;                      // filter buttons on the header row
};

// Writes `sheets` (at least one) to `path`, replacing the file.
void write_workbook(const std::string& path, const std::vector<Sheet>& sheets);

// The width, in characters, Excel needs to show `text`: its widest line, letters counted once,
// combining accents not at all, CJK and emoji twice.
double widest_line(std::string_view text);

// Writes the data-entry template for entities of `kind`: the reserved columns, then one column
// per input of `schema` for that kind that a file may give (not `derive`d ones), and a second
// sheet "Hướng dẫn" that lists every column with its title, unit and allowed values.
void write_template(const std::string& path, const Schema& schema, EntityKind kind);

}  // namespace ntm::report
