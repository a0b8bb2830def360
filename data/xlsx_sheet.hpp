// Internal to data/: the cells of one worksheet part as they are stored, for the data reader
// (xlsx.cpp, one sheet as a table) and for the cells of a workbook returned annotated
// (source.cpp, every sheet).
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "data/builder.hpp"
#include "data/xlsx_workbook.hpp"
#include "text/utf8.hpp"

namespace ntm::data {

inline constexpr std::uint32_t kMaxColumn = 16384;  // XFD, Excel's last column
inline constexpr std::uint32_t kMaxRow = 1048576;   // Excel's last row

// One cell as read: its column, its text (what a CSV cell would hold) and, for numbers and
// booleans, the typed value handed to the Builder.  A shared string is kept as its index, not
// copied: a sheet may refer to one long string a million times.
// `stored`, `raw` and `style` keep the cell as the sheet stores it (a percentage is the number
// 0.91 in a style showing "0%"), for a workbook written back as it was.
struct XCell {
    static constexpr std::uint32_t kOwnText = static_cast<std::uint32_t>(-1);
    enum class Stored : std::uint8_t { text, number, boolean, error };
    std::uint32_t column = 0;
    std::uint32_t shared = kOwnText;
    std::string text;
    Cell::Kind kind = Cell::Kind::text;
    Stored stored = Stored::text;
    std::uint32_t style = 0;
    double number = 0;
    double raw = 0;  // Stored::number: the number stored
};

// A row holds only the cells present in the sheet, in column order: a value in column XFD is
// one cell, not sixteen thousand.
struct XRow {
    std::uint32_t number = 0;
    std::vector<XCell> cells;
};

// "D14" → column 4, row 14; false if it is no cell reference.
inline bool parse_ref(std::string_view ref, std::uint32_t& column, std::uint32_t& row) {
    std::size_t i = 0;
    column = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && column <= kMaxColumn) {
        column = column * 26 + static_cast<std::uint32_t>(ref[i] - 'A' + 1);
        ++i;
    }
    if (i == 0 || column > kMaxColumn) return false;
    row = 0;
    const auto r = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
    return r.ec == std::errc() && r.ptr == ref.data() + ref.size() && row >= 1 && row <= kMaxRow;
}

// A number as Excel shows it in a cell of General format: 15 significant digits (a formula's
// 89.99999999999999 shows, and counts, as 90).
inline std::string show_number(double v) {
    std::string s = fmt::format("{:.15g}", v);
    if (s == "-0") s = "0";
    return s;
}

// A date serial number → "2024-03-15" (1900 date system: serial 1 is 1900-01-01, and Excel
// counts a 29 February 1900 that never was; 1904 system: serial 0 is 1904-01-01).  A serial
// outside the dates Excel shows (up to 9999-12-31) is shown as the number, as Excel shows it
// (with #### when the column is narrow).
inline std::string show_date(double serial, bool date1904) {
    const double first = date1904 ? 0 : 1;
    const double after_last = date1904 ? 2957004 : 2958466;  // 10000-01-01
    if (!(serial >= first && serial < after_last)) return show_number(serial);
    long days = static_cast<long>(std::floor(serial));  // → days since 1970-01-01
    if (date1904) {
        days -= 24107;
    } else {
        if (days < 60) ++days;
        days -= 25569;
    }
    // Howard Hinnant's civil_from_days.
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const long doe = days - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

// The cells of one worksheet part, as rows of XCells.  Only rows and cells holding a value are
// kept, and they are counted against the limits as they are read (D0903, D0904).
class SheetHandler : public XmlHandler {
public:
    // `sheet`: the sheet's name; `cells`: the cells kept so far in the workbook, its sheets read
    // one after the other (the limit of cells is the workbook's).
    SheetHandler(const std::string& path, const Workbook& workbook, std::string sheet,
                 const text::Limits& limits, std::uint64_t& cells)
        : path_(path), wb_(workbook), sheet_(std::move(sheet)), limits_(limits), cells_(cells) {}

    std::vector<XRow> rows;

    void start(std::string_view el, const XML_Char** a) override {
        if (el == "row") {
            start_row(attribute(a, "r"));
        } else if (el == "c") {
            start_cell(attribute(a, "r"), attribute(a, "t"), attribute(a, "s"));
        } else if (in_cell_ && el == "v") {
            collect_ = true;
        } else if (in_cell_ && el == "rPh") {
            ++phonetic_;
        } else if (in_cell_ && el == "t") {
            collect_ = phonetic_ == 0;
        }
    }

    void end(std::string_view el) override {
        if (el == "v" || el == "t") collect_ = false;
        if (el == "rPh") --phonetic_;
        if (el == "c" && in_cell_) {
            in_cell_ = false;
            finish_cell();
        }
    }

    void text(std::string_view t) override {
        if (collect_) value_ += t;
    }

    // Rows in order, a row given twice made one, cells in column order; a cell given twice is
    // an error.
    void finish() {
        std::stable_sort(rows.begin(), rows.end(),
                         [](const XRow& a, const XRow& b) { return a.number < b.number; });
        std::vector<XRow> merged;
        for (XRow& r : rows) {
            if (!merged.empty() && merged.back().number == r.number) {
                auto& cells = merged.back().cells;
                cells.insert(cells.end(), std::make_move_iterator(r.cells.begin()),
                             std::make_move_iterator(r.cells.end()));
            } else {
                merged.push_back(std::move(r));
            }
        }
        rows = std::move(merged);
        for (XRow& r : rows) {
            std::stable_sort(r.cells.begin(), r.cells.end(),
                             [](const XCell& a, const XCell& b) { return a.column < b.column; });
            for (std::size_t i = 1; i < r.cells.size(); ++i) {
                if (r.cells[i].column == r.cells[i - 1].column)
                    corrupt(text::say("xlsx.cell_twice", column_letters(r.cells[i].column), r.number));
            }
        }
    }

private:
    [[noreturn]] void corrupt(const text::Message& why) const {
        throw FileError{path_, text::say("xlsx.damaged_sheet", sheet_, why, resave_help())};
    }

    // An error at the current cell with a code of its own: a limit reached.
    [[noreturn]] void over_limit(const char* code, text::Message message) const {
        text::Problem p = text::file_problem(path_, std::move(message));
        p.code = code;
        p.where.sheet = sheet_;
        p.where.line = row_;
        p.where.column = column_;
        throw FileError{std::move(p)};
    }

    std::string cell_name() const { return fmt::format("{}{}", column_letters(column_), row_); }

    // <row r="14">: the number given, or the one after the row before.
    void start_row(std::string_view r) {
        std::uint32_t n = row_ + 1;
        if (!r.empty()) {
            const auto res = std::from_chars(r.data(), r.data() + r.size(), n);
            if (res.ec != std::errc() || res.ptr != r.data() + r.size() || n < 1 || n > kMaxRow)
                corrupt(text::say("xlsx.bad_row", text::printable(r)));
        }
        if (n > kMaxRow) corrupt(text::say("xlsx.row_after_last"));
        row_ = n;
        in_row_ = true;
        row_kept_ = false;
        column_ = 0;
    }

    // <c r="D14" t="s" s="3">: the cell's place, type and style.
    void start_cell(std::string_view r, std::string_view type, std::string_view style) {
        if (!in_row_) corrupt(text::say("xlsx.cell_outside_row"));
        std::uint32_t row = row_;
        if (r.empty()) {
            ++column_;
        } else if (!parse_ref(r, column_, row) || row != row_) {
            corrupt(text::say("xlsx.bad_cell", text::printable(r),
                                row_));
        }
        if (column_ > kMaxColumn) corrupt(text::say("xlsx.cell_after_last"));
        type_ = type;
        style_ = 0;
        std::from_chars(style.data(), style.data() + style.size(), style_);
        value_.clear();
        in_cell_ = true;
    }

    void finish_cell() {
        if (value_.empty()) return;  // an empty cell, or one with only a style
        XCell c;
        if (type_ == "s") {
            std::size_t i = 0;
            const auto r = std::from_chars(value_.data(), value_.data() + value_.size(), i);
            if (r.ec != std::errc() || r.ptr != value_.data() + value_.size() ||
                i >= wb_.strings.size())
                corrupt(text::say("xlsx.bad_shared_string", cell_name(),
                                    text::printable(value_), wb_.strings.size()));
            c.shared = static_cast<std::uint32_t>(i);
        } else if (type_ == "inlineStr" || type_ == "str" || type_ == "e" || type_ == "d") {
            c.text = type_ == "e" ? value_ : unescape(value_);
            if (type_ == "e") c.stored = XCell::Stored::error;
        } else if (type_ == "b") {
            const bool yes = value_ == "1" || value_ == "true";
            c.text = yes ? "TRUE" : "FALSE";
            c.kind = Cell::Kind::boolean;
            c.stored = XCell::Stored::boolean;
            c.number = yes ? 1.0 : 0.0;
        } else {  // "n" or none: a number
            c = number_cell();
        }
        c.column = column_;
        c.style = static_cast<std::uint32_t>(std::min<std::size_t>(style_, 0xFFFFFFFFu));
        keep(std::move(c));
    }

    // Counts the cell, and its row when it is the row's first, against the limits.  The first
    // row holding a value is the header: the limit of rows counts the records after it.
    void keep(XCell c) {
        if (++cells_ > limits_.cells) {
            over_limit("D0904", text::say("D0904", limits_.cells));
        }
        if (!row_kept_) {
            if (++rows_kept_ > limits_.rows + 1) {
                over_limit("D0903", text::say("D0903.sheet", limits_.rows));
            }
            rows.push_back({row_, {}});
            row_kept_ = true;
        }
        rows.back().cells.push_back(std::move(c));
    }

    // A number, as its style shows it: a percentage as typed ("91%", stored as 0.91), a date,
    // or a number as Excel shows it.
    XCell number_cell() const {
        double v = 0;
        const std::string_view t = trim(value_);
        const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
        if (r.ec != std::errc() || r.ptr != t.data() + t.size() || !std::isfinite(v))
            corrupt(text::say("xlsx.bad_number", cell_name(),
                                text::printable(value_)));
        XCell c;
        c.stored = XCell::Stored::number;
        c.raw = v;
        const Shown shown = style_ < wb_.styles.size() ? wb_.styles[style_] : Shown::number;
        if (shown == Shown::percent) {
            c.text = show_number(v * 100);
            c.text += '%';
        } else if (shown == Shown::date) {
            c.text = show_date(v, wb_.date1904);
        } else {
            c.text = show_number(v);
            c.kind = Cell::Kind::number;
            std::from_chars(c.text.data(), c.text.data() + c.text.size(), c.number);
        }
        return c;
    }

    const std::string& path_;
    const Workbook& wb_;
    std::string sheet_;
    const text::Limits& limits_;
    std::uint32_t row_ = 0, column_ = 0;
    bool in_row_ = false, row_kept_ = false;
    std::uint64_t rows_kept_ = 0;
    std::uint64_t& cells_;
    std::string type_;
    std::size_t style_ = 0;
    std::string value_;
    bool in_cell_ = false, collect_ = false;
    int phonetic_ = 0;
};


}  // namespace ntm::data
