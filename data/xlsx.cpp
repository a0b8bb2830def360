// Excel workbooks (.xlsx): worksheets read as tables, the same as a CSV file — the sheet asked
// for, or every sheet with a data header (the template's sheets, one per kind), or the first.
//
// The workbook's other parts (data/xlsx_workbook.hpp) give the sheet's part, the shared strings
// its cells refer to and the styles that show a number as a percentage or a date.  The sheet's
// cells become rows of texts and typed values and go through the same row pipeline as CSV
// (data/table.hpp), so every problem code applies unchanged; problems then get the sheet and the
// cell (text::Place::sheet; the column from data/table.hpp), with the row number as the line.  A cell reference that
// is no cell ends in a FileError naming the file and the sheet.
#include <algorithm>
#include <string>
#include <vector>

#include "data/builder.hpp"
#include "data/table.hpp"
#include "data/xlsx_sheet.hpp"

namespace ntm::data {

namespace {

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
    std::size_t held() const { return row_ == nullptr ? 0 : row_->cells.size(); }
    std::size_t held_cell(std::size_t k) const { return row_->cells[k].column - 1; }
    Cell held_value(std::size_t k) const {
        const XCell& c = row_->cells[k];
        return Cell{c.kind, trim(text(c)), c.number};
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

// The cells of the worksheet at `part`, as rows.
SheetRows read_sheet(const Archive& zip, const Workbook& wb, const std::string& name, const std::string& part,
                     const std::string& path, const text::Limits& limits, std::uint64_t& cells) {
    SheetHandler sh(path, wb, name, limits, cells);
    parse_part(zip, part, text::say("xlsx.part.sheet", name), sh);
    sh.finish();
    return SheetRows(std::move(sh.rows), wb.strings, name);
}

// Whether a sheet's header is a data header: it names the code, the year and the type or kind.
bool data_header(const SheetRows& in) {
    bool code = false, year = false, type = false;
    if (const XRow* h = in.header()) {
        for (const XCell& c : h->cells) {
            const auto f = reserved_field(to_nfc(trim(in.text(c))));
            code = code || f == Field::code;
            year = year || f == Field::year;
            type = type || f == Field::type || f == Field::kind;
        }
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
    std::uint64_t cells = 0;  // the limit of cells is the workbook's, whatever its sheets
    const auto add = [&](const std::string& name, const std::string& part, bool only_data) {
        SheetRows rows = read_sheet(zip, wb, name, part, path, options.limits, cells);
        if (only_data && !data_header(rows)) return;
        if (sheets.size() == kMaxSheets) throw FileError{path, text::say("xlsx.too_many_sheets", kMaxSheets)};
        sheets.push_back(std::move(rows));
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
    std::vector<TableHeader> headers;
    for (std::uint32_t i = 0; i < sheets.size(); ++i) {
        sheets[i].set_index(i);
        headers.push_back(read_table(sheets[i], b, path));
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
        if (!p.where.field.empty() && p.where.column == 0)
            p.where.column = header_column(headers[s], b, p.where.field, p.code == "D0003");
    }
    for (Entity& e : ds.entities) e.origin.set_sheet(names[sheet_of_line(e.origin.line)]);
    for (Record& r : ds.records) r.origin.set_sheet(names[sheet_of_line(r.origin.line)]);
    return ds;
}

}  // namespace ntm::data
