// Excel workbooks out (libxlsxwriter): report tables, and the data-entry template of a rule set.
//
// write_workbook() writes tables as they are, one sheet each: a bold header row that stays in
// view when scrolling (frozen, with the columns naming a row), filter buttons on it when asked
// (Sheet::autofilter), columns wide enough for their longest text (counted in letters,
// not bytes, so Vietnamese text fits), numbers with their number format, and the cells marked
// `highlight` (a criterion not met, a value below its threshold) filled in light red with dark
// red text, as Excel's "Bad" style.
//
// write_template() writes the workbook a commune or district clerk fills in (template_plan.hpp
// says what it holds): one sheet per kind of entity the sets in force judge ("Xã", "Thôn",
// "Huyện", "Tỉnh"), each with the reserved columns (Mã, Tên, Loại, Mã cấp trên, Vùng, Năm,
// Mức công nhận, Năm công nhận) and one column per input those sets read, headed "2.1 Tỷ lệ …
// (%)" (data/headers.hpp), with a comment giving its title, unit and allowed values, and data
// validation (lists: có/không or đạt/chưa đạt, types, regions, levels in words, years; 0–100
// for percentages, whole numbers for counts); the official units of a province pre-filled; and
// a guide sheet.  A filled template is read back by load_data() as it is, every sheet of it.
//
// Both throw text::FileError (naming the file) when the file cannot be written.
#pragma once

#include <string>
#include <vector>

#include "report/names.hpp"
#include "report/template_plan.hpp"
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

// Writes the data-entry template of `plan` (report::plan_template).
void write_template(const std::string& path, const TemplatePlan& plan);

}  // namespace ntm::report
