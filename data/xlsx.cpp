// Excel workbooks (.xlsx): worksheets read as tables, the same as a CSV file — the sheet asked
// for, or every sheet with a data header (the template's sheets, one per kind), or the first.
//
// The workbook's other parts (data/xlsx_workbook.hpp) give the sheet's part, the shared strings
// its cells refer to and the styles that show a number as a percentage or a date.  The sheet's
// cells become rows of texts and typed values and go through the same row pipeline as CSV
// (data/table.hpp), so every problem code applies unchanged; problems then get the sheet and the
// cell (text::Place::sheet, ::column), with the row number as the line.  A cell reference that
// is no cell ends in a FileError naming the file and the sheet.
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
#include "data/table.hpp"
#include "data/xlsx_workbook.hpp"
#include "text/utf8.hpp"

namespace ntm::data {

namespace {

// One cell as read: its column, its text (what a CSV cell would hold) and, for numbers and
// booleans, the typed value handed to the Builder.  A shared string is kept as its index, not
// copied: a sheet may refer to one long string a million times.
struct XCell {
    static constexpr std::uint32_t kOwnText = static_cast<std::uint32_t>(-1);
    std::uint32_t column = 0;
    std::uint32_t shared = kOwnText;
    std::string text;
    Cell::Kind kind = Cell::Kind::text;
    double number = 0;
};

// A row holds only the cells present in the sheet, in column order: a value in column XFD is
// one cell, not sixteen thousand.
struct XRow {
    std::uint32_t number = 0;
    std::vector<XCell> cells;
};

// The cells of one worksheet part, as rows of XCells.  Only rows and cells holding a value are
// kept, and they are counted against the limits as they are read (D0903, D0904).
class SheetHandler : public XmlHandler {
public:
    // `cells`: the cells kept so far in the workbook, its sheets read one after the other.
    SheetHandler(const std::string& path, const Workbook& workbook, std::string sheet, const text::Limits& limits,
                 std::uint64_t& cells)
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
        } else if (type_ == "b") {
            const bool yes = value_ == "1" || value_ == "true";
            c.text = yes ? "TRUE" : "FALSE";
            c.kind = Cell::Kind::boolean;
            c.number = yes ? 1.0 : 0.0;
        } else {  // "n" or none: a number
            c = number_cell();
        }
        c.column = column_;
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

// The rows of a sheet, as load_table (data/table.hpp) reads a table.  A cell not present is an
// empty one.
class SheetRows {
public:
    SheetRows(std::vector<XRow> rows, const std::vector<std::string>& strings, std::string sheet)
        : rows_(std::move(rows)), strings_(strings), sheet_(std::move(sheet)) {}

    // Read as sheet `index` of several: lines are data::sheet_line(index, row).
    void set_index(std::uint32_t index) { index_ = index; }
    const std::string& sheet() const { return sheet_; }

    bool next() {
        if (next_ >= rows_.size()) return false;
        row_ = &rows_[next_++];
        return true;
    }
    std::size_t size() const {
        return row_ == nullptr || row_->cells.empty() ? 0 : row_->cells.back().column;
    }
    std::size_t next_cell(std::size_t i) const {
        if (row_ == nullptr) return 0;
        const auto it = std::lower_bound(
            row_->cells.begin(), row_->cells.end(), static_cast<std::uint64_t>(i) + 1,
            [](const XCell& c, std::uint64_t col) { return c.column < col; });
        return it == row_->cells.end() ? size() : it->column - 1;
    }
    std::string_view cell(std::size_t i) const {
        const XCell* c = find(i);
        return c == nullptr ? std::string_view() : trim(text(*c));
    }
    Cell value(std::size_t i) const {
        const XCell* c = find(i);
        if (c == nullptr) return Cell{};
        return Cell{c->kind, trim(text(*c)), c->number};
    }
    bool blank_row() const {
        if (row_ == nullptr) return true;
        for (const XCell& c : row_->cells) {
            if (!trim(text(c)).empty()) return false;
        }
        return true;
    }
    std::uint32_t line() const { return row_ == nullptr ? 0 : sheet_line(index_, row_->number); }
    text::Message place(std::uint32_t line) const {
        return text::say("place.sheet_row", sheet_, row_of(line));
    }
    static std::string column_name(std::size_t i) {
        return column_letters(static_cast<std::uint32_t>(i + 1));
    }
    text::Message empty_message() const {
        return text::say("xlsx.sheet_empty", sheet_);
    }

    // The header row: its first non-blank row.
    const XRow* header() const {
        for (const XRow& r : rows_) {
            for (const XCell& c : r.cells) {
                if (!trim(text(c)).empty()) return &r;
            }
        }
        return nullptr;
    }
    std::string_view text(const XCell& c) const {
        return c.shared == XCell::kOwnText ? std::string_view(c.text) : strings_[c.shared];
    }

private:
    // Cell i (column i + 1) of the current row, or null.
    const XCell* find(std::size_t i) const {
        if (row_ == nullptr || i >= kMaxColumn) return nullptr;
        const auto column = static_cast<std::uint32_t>(i + 1);
        const auto it = std::lower_bound(
            row_->cells.begin(), row_->cells.end(), column,
            [](const XCell& c, std::uint32_t col) { return c.column < col; });
        return it == row_->cells.end() || it->column != column ? nullptr : &*it;
    }

    std::vector<XRow> rows_;
    const std::vector<std::string>& strings_;
    std::string sheet_;
    std::uint32_t index_ = 0;
    std::size_t next_ = 0;
    const XRow* row_ = nullptr;
};

// The column of each header text (NFC), for placing problems in a cell: the first column with
// that header, or the last for D0003 (the repeated header is the one reported).
struct HeaderColumns {
    std::vector<std::pair<std::string, std::uint32_t>> columns;  // in column order
    std::uint32_t find(std::string_view field, bool last) const {
        std::uint32_t found = 0;
        for (const auto& [name, column] : columns) {
            if (name != field) continue;
            found = column;
            if (!last) break;
        }
        return found;
    }
};

// The cells of the worksheet at `part`, as rows.
SheetRows read_sheet(const Archive& zip, const Workbook& wb, const std::string& name, const std::string& part,
                     const std::string& path, const text::Limits& limits, std::uint64_t& cells) {
    SheetHandler sh(path, wb, name, limits, cells);
    parse_part(zip, part, text::say("xlsx.part.sheet", name), sh);
    sh.finish();
    return SheetRows(std::move(sh.rows), wb.strings, name);
}

// The header texts of a sheet (NFC), with their columns.
HeaderColumns header_columns(const SheetRows& in) {
    HeaderColumns header;
    if (const XRow* h = in.header()) {
        for (const XCell& c : h->cells) {
            const std::string_view t = trim(in.text(c));
            if (!t.empty()) header.columns.emplace_back(to_nfc(t), c.column);
        }
    }
    return header;
}

// Whether a sheet's header is a data header: it names the code, the year and the type or kind.
bool data_header(const HeaderColumns& header) {
    bool code = false, year = false, type = false;
    for (const auto& [text, column] : header.columns) {
        const auto f = reserved_field(text);
        code = code || f == Field::code;
        year = year || f == Field::year;
        type = type || f == Field::type || f == Field::kind;
    }
    return code && year && type;
}

}  // namespace

// The sheet asked for, or the first; without --sheet, every sheet whose header is a data header
// (the sheets of the data-entry template, one per kind, and not its guide), in order, into one
// dataset.  When the first sheet has no data header and no other has one either, the first is
// read, and says what its header lacks.
Dataset load_xlsx(const std::string& path, const Schema& schema, const LoadOptions& options) {
    const Archive zip(path, options.limits.string_bytes);
    const Workbook wb = open_workbook(zip, options.sheet);
    std::vector<SheetRows> sheets;
    std::vector<HeaderColumns> headers;
    std::uint64_t cells = 0;  // the limit of cells is the workbook's, whatever its sheets
    const auto add = [&](const std::string& name, const std::string& part, bool only_data) {
        SheetRows rows = read_sheet(zip, wb, name, part, path, options.limits, cells);
        HeaderColumns header = header_columns(rows);
        if (only_data && !data_header(header)) return;
        if (sheets.size() == kMaxSheets) throw FileError{path, text::say("xlsx.too_many_sheets", kMaxSheets)};
        sheets.push_back(std::move(rows));
        headers.push_back(std::move(header));
    };
    const bool several = !wb.others.empty();
    add(wb.sheet, wb.part, several);
    for (const auto& [name, part] : wb.others) add(name, part, true);
    if (sheets.empty()) {
        cells = 0;  // read again, to be read as the one table
        add(wb.sheet, wb.part, false);
    }

    Builder b(path, schema, options, Granularity::per_record);
    b.set_line_word(text::say("word.row"));
    std::vector<std::string> names;
    for (const SheetRows& in : sheets) names.push_back(in.sheet());
    if (sheets.size() > 1) b.set_sheets(names);
    for (std::uint32_t i = 0; i < sheets.size(); ++i) {
        sheets[i].set_index(i);
        read_table(sheets[i], b, path);
    }
    Dataset ds = b.finish();

    const auto sheet_of_line = [&](std::uint32_t& line) -> std::size_t {
        const std::uint32_t s = sheet_of(line);
        line = row_of(line);
        return s < names.size() ? s : 0;
    };
    for (text::Problem& p : ds.problems) {
        const std::size_t s = sheet_of_line(p.where.line);
        p.where.sheet = names[s];
        if (!p.where.field.empty()) p.where.column = headers[s].find(p.where.field, p.code == "D0003");
    }
    for (Entity& e : ds.entities) e.origin.sheet = names[sheet_of_line(e.origin.line)];
    for (Record& r : ds.records) r.origin.sheet = names[sheet_of_line(r.origin.line)];
    return ds;
}

}  // namespace ntm::data
