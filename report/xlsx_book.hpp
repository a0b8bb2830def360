// Internal to report/: the workbook being written, shared by the report workbooks (xlsx.cpp)
// and the data-entry template (xlsx_template.cpp).
#pragma once

#include <xlsxwriter.h>

#include <ctime>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "report/xlsx.hpp"

namespace ntm::report::book {

inline constexpr double kMinWidth = 6;
inline constexpr double kMaxWidth = 60;  // longer texts are cut off on screen, not widened further

// Every workbook is dated 1 January 2000, 00:00 UTC (its creation and modification time in
// docProps/core.xml), whenever it is written: the same inputs give the same bytes.
inline constexpr std::time_t kCreated = 946684800;

// `text` cut to at most `letters` code points (libxlsxwriter checks lengths in letters).
std::string cut(std::string_view text, std::size_t letters);

// `text` as a cell shows it: control and invisible characters written by their code point
// (text::printable), nothing cut.  libxlsxwriter would write a control character as Excel's
// _x001B_, which Excel shows raw.
std::string shown(std::string_view text);

// An open workbook, written to a temporary file beside `path`: close() commits it
// (text::commit_file flushes it to the disk and renames it into place); otherwise it is
// discarded and whatever was at `path` stays as it was.  Every method throws text::FileError,
// naming the file.
class Book {
public:
    explicit Book(const std::string& path);
    ~Book();
    Book(const Book&) = delete;
    Book& operator=(const Book&) = delete;

    lxw_worksheet* add(const std::string& name);
    // The bold, filled format of header cells.
    lxw_format* header();
    // The format of a cell: its number format, and the highlight; null for plain cells.
    lxw_format* cell(const std::string& number_format, bool highlight);
    lxw_workbook* get() { return book_; }
    // Throws unless `e` is LXW_NO_ERROR: "cannot write {what}: …".
    void check(lxw_error e, const text::Message& what) const;
    void close();

private:
    std::string path_;
    std::string temporary_;
    lxw_workbook* book_ = nullptr;
    lxw_format* header_ = nullptr;
    std::map<std::pair<std::string, bool>, lxw_format*> formats_;
};

// Writes `sheet` into `ws`: header, rows, column widths, frozen panes.
void write_sheet(Book& book, lxw_worksheet* ws, const Sheet& sheet);

}  // namespace ntm::report::book
