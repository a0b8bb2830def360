#include "text/problem.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "text/utf8.hpp"

namespace ntm::text {

Problem file_problem(std::string file, Message message) {
    return {{}, ProblemKind::error, {std::move(file)}, std::move(message)};
}

std::string column_letters(std::uint32_t column) {
    std::string out;
    for (; column > 0; column = (column - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (column - 1) % 26));
    return out;
}

namespace {

// A sheet name as Excel quotes it in formulas: 'Dữ liệu 2024' when it is not one word.
std::string sheet_reference(const std::string& sheet) {
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    const bool word = !digit(sheet.front()) && std::all_of(sheet.begin(), sheet.end(), [&](char c) {
        return static_cast<unsigned char>(c) >= 0x80 || digit(c) || c == '_' || (c >= 'A' && c <= 'Z') ||
               (c >= 'a' && c <= 'z');
    });
    if (word) return sheet;
    std::string quoted = "'";
    for (const char c : sheet) {
        if (c == '\'') quoted += '\'';  // a quote inside is doubled
        quoted += c;
    }
    quoted += '\'';
    return quoted;
}

}  // namespace

std::string cell_reference(const Place& at) {
    if (at.sheet.empty()) return {};
    std::string out = sheet_reference(printable(at.sheet));
    out += '!';
    if (at.column != 0) {
        out += fmt::format("{}{}", column_letters(at.column), at.line);
    } else {
        out += fmt::format("{}:{}", at.line, at.line);  // the whole row, as Excel names it
    }
    return out;
}

// CSV and JSON: `file:line`.  A workbook: `file:Sheet!D14` (the cell), or `file:Sheet!14:14` (as
// Excel names a row) when the problem is about the whole row.  Whatever the input held, the line holds no control
// character: the file, sheet and field names and the message are shown through printable()
// (a field name cut as every quoted name is), so a message cannot recolour a terminal.
std::string render(const Problem& problem, Lang lang) {
    const Place& at = problem.where;
    std::string out = printable(at.file, std::string::npos);
    if (!at.sheet.empty()) {
        out += ':';
        out += cell_reference(at);
    } else if (at.line != 0) {
        out += fmt::format(":{}", at.line);
    }
    out += ": ";
    out += describe(problem, lang);
    out += '\n';
    return out;
}

std::string describe(const Problem& problem, Lang lang) {
    std::string out = say(problem.kind == ProblemKind::warning ? "diag.warning" : "diag.error").in(lang);
    if (!problem.code.empty()) out += fmt::format("[{}]", problem.code);
    out += ": ";
    if (!problem.where.field.empty()) out += say("problem.field", printable(problem.where.field)).in(lang);
    out += printable(problem.message.in(lang), std::string::npos);
    return out;
}

std::string render(const std::vector<Problem>& problems, Lang lang) {
    std::string out;
    for (const Problem& p : problems) out += render(p, lang);
    return out;
}

}  // namespace ntm::text
