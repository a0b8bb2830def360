// What people are told about an input that is not rule text: a data file, a units list, a
// scenario, a file that cannot be read or written.
//
// Rule text has its own type, dsl::Diagnostic: it points into sources held in memory and is
// drawn with the source line and a caret.  Every other input is located by file, line (or
// row), field and, in a workbook, sheet and cell — one type and one rendering for all:
//
//   fixtures/xa.csv:14: error[D0201]: field 'hai_long': value 140 is not a percentage
//   du-lieu.xlsx:'Dữ liệu 2024'!D14: warning[D0005]: field '2.1': ...
//   du-lieu.xlsx:'Dữ liệu 2024'!15:15: warning[D0004]: ...      (a whole row)
//   rules/: error: no such file or directory
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "text/message.hpp"

namespace ntm::text {

// A place in an input file.  `line` is 1-based (0: the file as a whole); in a workbook it is
// the row, `sheet` names the sheet and `column` (1-based, 0: the whole row) the cell's column:
// sheet `Sheet1`, line 14, column 4 is cell D14.
struct Place {
    std::string file;
    std::uint32_t line = 0;
    std::string field{};  // column name or JSON key, where one is concerned
    std::string sheet{};
    std::uint32_t column = 0;
};

enum class ProblemKind : std::uint8_t {
    warning,  // nothing lost: an unknown column, a BOM, a value written oddly
    value,    // a value is ignored (becomes unknown): out of range, wrong type
    record,   // a whole record is rejected: duplicate code, unknown parent, no region, ...
    error,    // the input cannot be used: missing, unreadable, not UTF-8, malformed
};

struct Problem {
    std::string code;  // "D0101" (docs/data-format.md); empty for input/output errors
    ProblemKind kind = ProblemKind::error;
    Place where;
    Message message;  // lowercase, names the values involved; both languages (text/message.hpp)
};

// A problem with a file as a whole: "rules/: error: no such file or directory".
Problem file_problem(std::string file, Message message);

// Thrown where a file cannot be read or written at all (missing, not UTF-8, a damaged workbook,
// a directory that does not exist): the one problem to report.
struct FileError {
    Problem problem;
    FileError(std::string file, Message message) : problem(file_problem(std::move(file), std::move(message))) {}
    explicit FileError(Problem p) : problem(std::move(p)) {}
};

// A column's letters as Excel shows them: 1 → "A", 26 → "Z", 27 → "AA".
std::string column_letters(std::uint32_t column);

// A workbook's cell as Excel names it: Sheet!D14, 'Dữ liệu 2024'!D14, or Sheet!14:14 for the
// whole row; empty for a place that is not in a workbook (no sheet) or is the whole file.
std::string cell_reference(const Place& at);

// One problem, one line (with its newline).  A `warning` is a warning, every other kind an
// error; the line, the field and the code are left out when there are none.
std::string render(const Problem& problem, Lang lang);
std::string render(const std::vector<Problem>& problems, Lang lang);

// A problem without its place and newline, as a note on its cell says it:
// "lỗi[D0203]: trường '2.1': tỷ lệ phần trăm 140 nằm ngoài khoảng 0–100".
std::string describe(const Problem& problem, Lang lang);

}  // namespace ntm::text
