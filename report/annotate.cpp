// The annotated workbook of `ntm validate --annotate`: see annotate.hpp.
#include "report/annotate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>
#include <vector>

#include "report/xlsx_book.hpp"
#include "text/utf8.hpp"

namespace ntm::report {

using book::Book;
using book::cut;
using book::kMaxWidth;
using book::kMinWidth;
using data::Source;
using data::SourceCell;
using data::SourceSheet;
using text::Lang;
using text::ProblemKind;

std::optional<CellPlace> place_problem(const text::Problem& problem, const Source& source) {
    const text::Place& at = problem.where;
    if (at.line == 0 || source.sheets.empty()) return std::nullopt;
    std::size_t s = 0;
    if (!source.csv) {
        while (s < source.sheets.size() && source.sheets[s].name != at.sheet) ++s;
        if (s == source.sheets.size()) return std::nullopt;
    }
    const SourceSheet& sheet = source.sheets[s];
    const auto row = std::lower_bound(sheet.rows.begin(), sheet.rows.end(), at.line,
                                      [](const data::SourceRow& r, std::uint32_t line) { return r.line < line; });
    if (row == sheet.rows.end() || row->line != at.line) return std::nullopt;
    std::uint32_t column = at.column;
    if (column == 0) column = sheet.code_column;
    if (column == 0) column = row->cells.empty() ? 1 : row->cells.front().column;
    return CellPlace{s, row->number, column};
}

namespace {

constexpr lxw_color_t kErrorFill = 0xFFC7CE;  // Excel's "Bad"
constexpr lxw_color_t kErrorText = 0x9C0006;
constexpr lxw_color_t kWarningFill = 0xFFEB9C;  // Excel's "Neutral"
constexpr lxw_color_t kWarningText = 0x9C5700;
constexpr std::size_t kMaxText = 32767;  // letters in a cell or a note, Excel's limit

enum class Mark : std::uint8_t { none, warning, error };

// The problems on one cell.
struct Note {
    std::string text;
    Mark mark = Mark::none;
    bool written = false;  // the cell was written with the data
};

// The formats of the data sheets: a source style's number format, bold for the header, the mark.
class Formats {
public:
    Formats(lxw_workbook* book, const Source& source) : book_(book), source_(source) {}

    lxw_format* get(std::uint32_t style, bool bold, Mark mark) {
        const data::SourceFormat* number = style < source_.formats.size() ? &source_.formats[style] : nullptr;
        if (number != nullptr && number->id == 0 && number->code.empty()) number = nullptr;
        if (number == nullptr && !bold && mark == Mark::none) return nullptr;
        lxw_format*& f = formats_[{number == nullptr ? 0 : style, bold, mark}];
        if (f == nullptr) {
            f = workbook_add_format(book_);
            if (number != nullptr && !number->code.empty()) {
                format_set_num_format(f, number->code.c_str());
            } else if (number != nullptr && number->id <= 0xFF) {
                format_set_num_format_index(f, static_cast<std::uint8_t>(number->id));
            }
            if (bold) format_set_bold(f);
            if (mark != Mark::none) {
                format_set_bg_color(f, mark == Mark::error ? kErrorFill : kWarningFill);
                format_set_font_color(f, mark == Mark::error ? kErrorText : kWarningText);
            }
        }
        return f;
    }

private:
    lxw_workbook* book_;
    const Source& source_;
    std::map<std::tuple<std::uint32_t, bool, Mark>, lxw_format*> formats_;
};

// A cell's name, "D14", and a link to it: internal:'Xã 2024'!D14.
std::string cell_name(const CellPlace& at) { return fmt::format("{}{}", text::column_letters(at.column), at.row); }
std::string cell_link(const std::string& sheet, const CellPlace& at) {
    std::string quoted;
    for (const char c : sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    return fmt::format("internal:'{}'!{}", quoted, cell_name(at));
}

// The summary's name, unlike every data sheet's in any letter case.
std::string summary_name(const Source& source, Lang lang) {
    const std::string base = text::say("annotate.summary").in(lang);
    std::string name = base;
    const auto taken = [&](const std::string& n) {
        return std::any_of(source.sheets.begin(), source.sheets.end(),
                           [&](const SourceSheet& s) { return text::fold(s.name) == text::fold(n); });
    };
    for (int n = 2; taken(name); ++n) name = fmt::format("{} ({})", base, n);
    return name;
}

const char* kind_key(ProblemKind kind) {
    switch (kind) {
        case ProblemKind::warning: return "annotate.kind.warning";
        case ProblemKind::value: return "annotate.kind.value";
        case ProblemKind::record: return "annotate.kind.record";
        case ProblemKind::error: break;
    }
    return "annotate.kind.error";
}

// The summary sheet: the file, the counts, then one row per problem.
void write_summary(Book& book, lxw_worksheet* ws, const Source& source, const engine::Dataset& data,
                   const std::vector<std::optional<CellPlace>>& places, std::size_t noted, Lang lang) {
    const auto say = [&](const char* key) { return text::say(key).in(lang); };
    const auto string = [&](lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* f = nullptr) {
        const std::string shown = cut(book::shown(s), kMaxText);
        book.check(worksheet_write_string(ws, r, c, shown.c_str(), f), text::say("xlsx.a_row", r + 1, say("annotate.summary")));
    };
    string(0, 0, say("annotate.file"), book.header());
    string(0, 1, source.path);
    const std::size_t errors = static_cast<std::size_t>(std::count_if(
        data.problems.begin(), data.problems.end(), [](const text::Problem& p) { return p.kind != ProblemKind::warning; }));
    const std::pair<const char*, std::size_t> counts[] = {
        {"annotate.read", data.read}, {"annotate.accepted", data.records.size()}, {"annotate.rejected", data.rejected},
        {"annotate.errors", errors},  {"annotate.warnings", data.problems.size() - errors}, {"annotate.noted", noted}};
    for (std::size_t i = 0; i < std::size(counts); ++i) {
        const auto c = static_cast<lxw_col_t>(i);
        string(1, c, say(counts[i].first), book.header());
        book.check(worksheet_write_number(ws, 2, c, static_cast<double>(counts[i].second), nullptr),
                   text::say("xlsx.a_row", 3, say("annotate.summary")));
    }
    constexpr lxw_row_t kHead = 4;
    const char* columns[] = {"annotate.col.sheet", "annotate.col.cell",    "annotate.col.field",
                             "annotate.col.code",  "annotate.col.kind",    "annotate.col.message"};
    const double widths[] = {18, 8, 18, 9, 16, 90};
    for (std::size_t i = 0; i < std::size(columns); ++i) {
        const auto c = static_cast<lxw_col_t>(i);
        string(kHead, c, say(columns[i]), book.header());
        worksheet_set_column(ws, c, c, widths[i], nullptr);
    }
    lxw_row_t r = kHead + 1;
    std::size_t links = 0;
    for (std::size_t i = 0; i < data.problems.size(); ++i, ++r) {
        if (r == LXW_ROW_MAX - 1) {  // the sheet's last row says how many did not fit
            string(r, 5, text::say("annotate.more", data.problems.size() - i).in(lang));
            ++r;
            break;
        }
        const text::Problem& p = data.problems[i];
        if (const auto& at = places[i]) {
            const std::string& sheet = source.sheets[at->sheet].name;
            string(r, 0, sheet);
            const std::string name = cell_name(*at);
            if (++links <= LXW_MAX_NUMBER_URLS) {
                book.check(worksheet_write_url_opt(ws, r, 1, cell_link(sheet, *at).c_str(), nullptr, name.c_str(), nullptr),
                           text::say("xlsx.a_row", r + 1, say("annotate.summary")));
            } else {
                string(r, 1, name);
            }
        }
        if (!p.where.field.empty()) string(r, 2, p.where.field);
        if (!p.code.empty()) string(r, 3, p.code);
        string(r, 4, say(kind_key(p.kind)));
        string(r, 5, text::printable(p.message.in(lang), std::string::npos));
    }
    worksheet_autofilter(ws, kHead, 0, r - 1, 5);
    worksheet_freeze_panes(ws, kHead + 1, 0);
}

// A note as wide as its longest line allows, and as high as its lines need.
void write_note(Book& book, lxw_worksheet* ws, const SourceSheet& sheet, const CellPlace& at, const Note& note) {
    std::size_t lines = 0;
    for (std::size_t begin = 0; begin <= note.text.size();) {
        std::size_t end = note.text.find('\n', begin);
        if (end == std::string::npos) end = note.text.size();
        lines += 1 + text::display_width(std::string_view(note.text).substr(begin, end - begin)) / 50;
        begin = end + 1;
    }
    lxw_comment_options options{};
    options.width = 360;
    options.height = static_cast<std::uint16_t>(std::min<std::size_t>(24 + 16 * lines, 600));
    const std::string shown = cut(note.text, kMaxText);
    book.check(worksheet_write_comment_opt(ws, at.row - 1, static_cast<lxw_col_t>(at.column - 1), shown.c_str(), &options),
               text::say("xlsx.a_row", at.row, sheet.name));
}

// One sheet of the input: its cells as they were, the marks, the notes, the header frozen.
void write_data_sheet(Book& book, Formats& formats, lxw_worksheet* ws, std::size_t s, const SourceSheet& sheet,
                      std::map<CellPlace, Note>& notes) {
    worksheet_set_comments_author(ws, "ntm");
    std::vector<double> widths;
    const auto widen = [&](std::uint32_t column, double w) {
        if (widths.size() < column) widths.resize(column, kMinWidth);
        widths[column - 1] = std::clamp(w + 2, widths[column - 1], kMaxWidth);
    };
    for (const data::SourceRow& row : sheet.rows) {
        const auto r = static_cast<lxw_row_t>(row.number - 1);
        const bool bold = row.number == sheet.header;
        for (const SourceCell& cell : row.cells) {
            const auto c = static_cast<lxw_col_t>(cell.column - 1);
            Mark mark = Mark::none;
            if (auto it = notes.find({s, row.number, cell.column}); it != notes.end()) {
                mark = it->second.mark;
                it->second.written = true;
            }
            lxw_format* f = formats.get(cell.style, bold, mark);
            lxw_error e = LXW_NO_ERROR;
            std::string shown;
            switch (cell.kind) {
                case SourceCell::Kind::text:
                case SourceCell::Kind::error:
                    shown = cut(cell.text, kMaxText);
                    e = worksheet_write_string(ws, r, c, shown.c_str(), f);
                    break;
                case SourceCell::Kind::number:
                    shown = fmt::format("{:.15g}", cell.number);
                    e = worksheet_write_number(ws, r, c, cell.number, f);
                    break;
                case SourceCell::Kind::boolean:
                    shown = "FALSE";
                    e = worksheet_write_boolean(ws, r, c, cell.number != 0 ? 1 : 0, f);
                    break;
            }
            book.check(e, text::say("xlsx.a_row", row.number, sheet.name));
            widen(cell.column, widest_line(shown));
        }
    }
    for (auto it = notes.lower_bound({s, 0, 0}); it != notes.end() && it->first.sheet == s; ++it) {
        const CellPlace& at = it->first;
        if (!it->second.written) {  // an empty cell: a value left out, a column missing
            book.check(worksheet_write_blank(ws, at.row - 1, static_cast<lxw_col_t>(at.column - 1),
                                             formats.get(0, at.row == sheet.header, it->second.mark)),
                       text::say("xlsx.a_row", at.row, sheet.name));
        }
        write_note(book, ws, sheet, at, it->second);
    }
    for (std::size_t c = 0; c < widths.size(); ++c) {
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
    }
    if (sheet.header != 0) worksheet_freeze_panes(ws, static_cast<lxw_row_t>(sheet.header), 0);
}

}  // namespace

std::size_t write_annotated(const std::string& path, const Source& source, const engine::Dataset& data, Lang lang) {
    std::vector<std::optional<CellPlace>> places;
    std::map<CellPlace, Note> notes;
    for (const text::Problem& p : data.problems) {
        places.push_back(place_problem(p, source));
        if (!places.back()) continue;
        Note& note = notes[*places.back()];
        if (!note.text.empty()) note.text += '\n';
        note.text += text::describe(p, lang);
        note.mark = std::max(note.mark, p.kind == ProblemKind::warning ? Mark::warning : Mark::error);
    }
    Book book(path);
    write_summary(book, book.add(summary_name(source, lang)), source, data, places, notes.size(), lang);
    Formats formats(book.get(), source);
    for (std::size_t s = 0; s < source.sheets.size(); ++s) {
        write_data_sheet(book, formats, book.add(source.sheets[s].name), s, source.sheets[s], notes);
    }
    book.close();
    return notes.size();
}

}  // namespace ntm::report
