// Excel workbooks (.xlsx): one worksheet read as a table, the same as a CSV file.
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
    std::uint32_t line() const { return row_ == nullptr ? 0 : row_->number; }
    text::Message place(std::uint32_t row) const {
        return text::say("place.sheet_row", sheet_, row);
    }
    static std::string column_name(std::size_t i) {
        return column_letters(static_cast<std::uint32_t>(i + 1));
    }
    text::Message empty_message() const {
        return text::say("xlsx.sheet_empty", sheet_);
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
    std::size_t next_ = 0;
    const XRow* row_ = nullptr;
};

}  // namespace

Dataset load_xlsx(const std::string& path, const Schema& schema, const LoadOptions& options) {
    const Archive zip(path, options.limits.string_bytes);
    const Workbook wb = open_workbook(zip, options.sheet);
    SheetHandler sh(path, wb, options.limits);
    parse_part(zip, wb.part, text::say("xlsx.part.sheet", wb.sheet), sh);
    sh.finish();

    SheetRows in(std::move(sh.rows), wb.strings, wb.sheet);

    Builder b(path, schema, options, Granularity::per_record);
    b.set_line_word(text::say("word.row"));
    Dataset ds = load_table(in, b, path);

    for (text::Problem& p : ds.problems) p.where.sheet = wb.sheet;
    for (Entity& e : ds.entities) e.origin.sheet = wb.sheet;
    for (Record& r : ds.records) r.origin.sheet = wb.sheet;
    return ds;
}

}  // namespace ntm::data
