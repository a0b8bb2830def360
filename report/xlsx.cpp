// Workbooks out with libxlsxwriter: see xlsx.hpp.  The data-entry template is xlsx_template.cpp.
#include "report/xlsx.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <utility>

#include "report/xlsx_book.hpp"
#include "text/files.hpp"
#include "text/utf8.hpp"

namespace ntm::report {

using book::cut;

double widest_line(std::string_view text) {
    double widest = 0;
    for (std::size_t begin = 0; begin <= text.size();) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        widest = std::max(widest, static_cast<double>(ntm::text::display_width(text.substr(begin, end - begin))));
        begin = end + 1;
    }
    return widest;
}

namespace {

constexpr lxw_color_t kBadFill = 0xFFC7CE;
constexpr lxw_color_t kBadText = 0x9C0006;
constexpr lxw_color_t kHeaderFill = 0xDDEBF7;

// Excel's rules for sheet names: 1–31 letters, none of []:*?/\, not starting or ending with
// an apostrophe, unique in any letter case.
std::vector<std::string> sheet_names(const std::vector<Sheet>& sheets) {
    std::vector<std::string> names;
    std::vector<std::string> folded;
    const auto fold = [](const std::string& s) {
        std::string f = s;
        std::transform(f.begin(), f.end(), f.begin(), [](char c) {
            return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        });
        return f;
    };
    for (const Sheet& s : sheets) {
        std::string base;
        for (const char c : s.name) base += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '-';
        while (!base.empty() && base.front() == '\'') base.erase(0, 1);
        while (!base.empty() && base.back() == '\'') base.pop_back();
        if (base.empty()) base = fmt::format("Sheet{}", names.size() + 1);
        std::string name = cut(base, 31);
        for (int n = 2; std::find(folded.begin(), folded.end(), fold(name)) != folded.end(); ++n) {
            const std::string suffix = fmt::format(" ({})", n);
            name = cut(base, 31 - suffix.size()) + suffix;
        }
        folded.push_back(fold(name));
        names.push_back(std::move(name));
    }
    return names;
}

// A number cell as Excel may show it at most, for its column's width; nothing for an empty one.
std::string shown_number(const XlsxCell& c) {
    return c.kind == XlsxCell::Kind::number ? fmt::format("{:.15g}", c.number) : std::string();
}

// libxlsxwriter's reason as messages write it: lowercase, no final period.
text::Message reason(lxw_error e) { return text::reason_text(lxw_strerror(e)); }

}  // namespace

namespace book {

std::string cut(std::string_view text, std::size_t letters) {
    std::size_t i = 0;
    for (std::size_t n = 0; i < text.size() && n < letters; ++n) {
        ++i;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    }
    return std::string(text.substr(0, i));
}

std::string shown(std::string_view text) { return ntm::text::printable(text, std::string::npos); }

Book::Book(const std::string& path) : path_(path), temporary_(text::temporary_path(path)) {
    // Checked here: libxlsxwriter finds out only when closing, and prints to stderr.
    const std::filesystem::path dir = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!dir.empty() && !std::filesystem::is_directory(dir, ec))
        throw text::FileError{path, text::say("xlsx.no_dir", dir.string())};
    book_ = workbook_new(temporary_.c_str());
    if (book_ == nullptr) throw text::FileError{path, text::say("xlsx.cannot_create")};
    lxw_doc_properties properties{};
    properties.created = kCreated;
    if (const lxw_error e = workbook_set_properties(book_, &properties); e != LXW_NO_ERROR) {
        workbook_close(book_);
        text::discard_file(temporary_);
        throw text::FileError{path, text::say("xlsx.cannot_date", reason(e))};
    }
}

Book::~Book() {
    if (book_ != nullptr) {
        workbook_close(book_);
        text::discard_file(temporary_);
    }
}

lxw_worksheet* Book::add(const std::string& name) {
    lxw_worksheet* ws = workbook_add_worksheet(book_, name.c_str());
    if (ws == nullptr) throw text::FileError{path_, text::say("xlsx.cannot_add_sheet", name)};
    return ws;
}

lxw_format* Book::header() {
    if (header_ == nullptr) {
        header_ = workbook_add_format(book_);
        format_set_bold(header_);
        format_set_bg_color(header_, kHeaderFill);
        format_set_bottom(header_, LXW_BORDER_THIN);
        format_set_text_wrap(header_);
        format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    }
    return header_;
}

lxw_format* Book::cell(const std::string& number_format, bool highlight) {
    if (number_format.empty() && !highlight) return nullptr;
    lxw_format*& f = formats_[{number_format, highlight}];
    if (f == nullptr) {
        f = workbook_add_format(book_);
        if (!number_format.empty()) format_set_num_format(f, number_format.c_str());
        if (highlight) {
            format_set_bg_color(f, kBadFill);
            format_set_font_color(f, kBadText);
        }
    }
    return f;
}

void Book::check(lxw_error e, const text::Message& what) const {
    if (e != LXW_NO_ERROR) throw text::FileError{path_, text::say("xlsx.cannot_write", what, reason(e))};
}

void Book::close() {
    const lxw_error e = workbook_close(book_);
    book_ = nullptr;
    if (e != LXW_NO_ERROR) {
        text::discard_file(temporary_);
        throw text::FileError{path_, reason(e)};
    }
    if (const auto why = text::commit_file(temporary_, path_)) throw text::FileError{path_, *why};
}

void write_sheet(Book& book, lxw_worksheet* ws, const Sheet& sheet) {
    std::vector<double> widths(sheet.header.size(), kMinWidth);
    const auto widen = [&](std::size_t c, double w) {
        if (widths.size() <= c) widths.resize(c + 1, kMinWidth);
        widths[c] = std::clamp(w + 2, widths[c], kMaxWidth);
    };
    for (std::size_t c = 0; c < sheet.header.size(); ++c) {
        const std::string header = shown(sheet.header[c]);
        book.check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header.c_str(), book.header()), text::say("xlsx.a_header"));
        widen(c, widest_line(header));
    }
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
            const XlsxCell& cell = sheet.rows[r][c];
            const auto col = static_cast<lxw_col_t>(c);
            lxw_format* f = book.cell(cell.kind == XlsxCell::Kind::number ? cell.number_format : "",
                                      cell.highlight);
            lxw_error e = LXW_NO_ERROR;
            const std::string cell_text = cell.kind == XlsxCell::Kind::text ? shown(cell.text) : shown_number(cell);
            switch (cell.kind) {
                case XlsxCell::Kind::text:
                    e = worksheet_write_string(ws, row, col, cell_text.c_str(), f);
                    break;
                case XlsxCell::Kind::number:
                    e = worksheet_write_number(ws, row, col, cell.number, f);
                    break;
                case XlsxCell::Kind::empty:
                    if (f != nullptr) e = worksheet_write_blank(ws, row, col, f);
                    break;
            }
            book.check(e, text::say("xlsx.a_row", r + 2, sheet.name));
            widen(c, widest_line(cell_text));
        }
    }
    for (std::size_t c = 0; c < widths.size(); ++c) {
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                             nullptr);
    }
    if (sheet.autofilter && !widths.empty()) {
        book.check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                                        static_cast<lxw_col_t>(widths.size() - 1)),
                   text::say("xlsx.a_header"));
    }
    if (sheet.freeze_header || sheet.freeze_columns > 0) {
        worksheet_freeze_panes(ws, sheet.freeze_header ? 1 : 0,
                               static_cast<lxw_col_t>(sheet.freeze_columns));
    }
}

}  // namespace book

void write_workbook(const std::string& path, const std::vector<Sheet>& sheets) {
    if (sheets.empty()) throw text::FileError{path, text::say("xlsx.nothing_to_write")};
    book::Book book(path);
    const std::vector<std::string> names = sheet_names(sheets);
    for (std::size_t s = 0; s < sheets.size(); ++s) {
        book::write_sheet(book, book.add(names[s]), sheets[s]);
    }
    book.close();
}

}  // namespace ntm::report
