// Workbooks out with libxlsxwriter: see xlsx.hpp.
#include "report/xlsx.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <utility>

#include "text/files.hpp"
#include "text/utf8.hpp"

namespace ntm::report {

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

constexpr double kMinWidth = 6;
constexpr double kMaxWidth = 60;  // longer texts are cut off on screen, not widened further
constexpr lxw_color_t kBadFill = 0xFFC7CE;
constexpr lxw_color_t kBadText = 0x9C0006;
constexpr lxw_color_t kHeaderFill = 0xDDEBF7;

// `text` cut to at most `letters` code points (libxlsxwriter checks lengths in letters).
std::string cut(std::string_view text, std::size_t letters) {
    std::size_t i = 0;
    for (std::size_t n = 0; i < text.size() && n < letters; ++n) {
        ++i;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    }
    return std::string(text.substr(0, i));
}

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

std::string shown(const XlsxCell& c) {
    switch (c.kind) {
        case XlsxCell::Kind::text: return c.text;
        case XlsxCell::Kind::number: return fmt::format("{:.15g}", c.number);
        case XlsxCell::Kind::empty: break;
    }
    return {};
}

// An open workbook, written to a temporary file beside `path`: close() renames it into place;
// otherwise it is discarded and whatever was at `path` stays as it was.
class Book {
public:
    explicit Book(const std::string& path) : path_(path), temporary_(text::temporary_path(path)) {
        // Checked here: libxlsxwriter finds out only when closing, and prints to stderr.
        const std::filesystem::path dir = std::filesystem::path(path).parent_path();
        std::error_code ec;
        if (!dir.empty() && !std::filesystem::is_directory(dir, ec))
            throw text::FileError{path, fmt::format("no such directory: {}", dir.string())};
        book_ = workbook_new(temporary_.c_str());
        if (book_ == nullptr) throw text::FileError{path, "cannot create the workbook"};
    }
    ~Book() {
        if (book_ != nullptr) {
            workbook_close(book_);
            text::discard_file(temporary_);
        }
    }
    Book(const Book&) = delete;
    Book& operator=(const Book&) = delete;

    lxw_worksheet* add(const std::string& name) {
        lxw_worksheet* ws = workbook_add_worksheet(book_, name.c_str());
        if (ws == nullptr) throw text::FileError{path_, fmt::format("cannot add sheet '{}'", name)};
        return ws;
    }

    lxw_format* header() {
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

    // The format of a cell: its number format, and the highlight; null for plain cells.
    lxw_format* cell(const std::string& number_format, bool highlight) {
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

    lxw_workbook* get() { return book_; }

    void check(lxw_error e, std::string_view what) const {
        if (e != LXW_NO_ERROR)
            throw text::FileError{path_, fmt::format("cannot write {}: {}", what, lxw_strerror(e))};
    }

    void close() {
        const lxw_error e = workbook_close(book_);
        book_ = nullptr;
        if (e != LXW_NO_ERROR) {
            text::discard_file(temporary_);
            throw text::FileError{path_, lxw_strerror(e)};
        }
        if (const auto why = text::commit_file(temporary_, path_)) throw text::FileError{path_, *why};
    }

private:
    std::string path_;
    std::string temporary_;
    lxw_workbook* book_ = nullptr;
    lxw_format* header_ = nullptr;
    std::map<std::pair<std::string, bool>, lxw_format*> formats_;
};

void write_sheet(Book& book, lxw_worksheet* ws, const Sheet& sheet) {
    std::vector<double> widths(sheet.header.size(), kMinWidth);
    const auto widen = [&](std::size_t c, double w) {
        if (widths.size() <= c) widths.resize(c + 1, kMinWidth);
        widths[c] = std::clamp(w + 2, widths[c], kMaxWidth);
    };
    for (std::size_t c = 0; c < sheet.header.size(); ++c) {
        book.check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), sheet.header[c].c_str(),
                                          book.header()),
                   "a header");
        widen(c, widest_line(sheet.header[c]));
    }
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
            const XlsxCell& cell = sheet.rows[r][c];
            const auto col = static_cast<lxw_col_t>(c);
            lxw_format* f = book.cell(cell.kind == XlsxCell::Kind::number ? cell.number_format : "",
                                      cell.highlight);
            lxw_error e = LXW_NO_ERROR;
            switch (cell.kind) {
                case XlsxCell::Kind::text:
                    e = worksheet_write_string(ws, row, col, cell.text.c_str(), f);
                    break;
                case XlsxCell::Kind::number:
                    e = worksheet_write_number(ws, row, col, cell.number, f);
                    break;
                case XlsxCell::Kind::empty:
                    if (f != nullptr) e = worksheet_write_blank(ws, row, col, f);
                    break;
            }
            book.check(e, fmt::format("row {} of sheet '{}'", r + 2, sheet.name));
            widen(c, widest_line(shown(cell)));
        }
    }
    for (std::size_t c = 0; c < widths.size(); ++c) {
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                             nullptr);
    }
    if (sheet.freeze_header || sheet.freeze_columns > 0) {
        worksheet_freeze_panes(ws, sheet.freeze_header ? 1 : 0,
                               static_cast<lxw_col_t>(sheet.freeze_columns));
    }
}

}  // namespace

void write_workbook(const std::string& path, const std::vector<Sheet>& sheets) {
    if (sheets.empty()) throw text::FileError{path, "no sheet to write"};
    Book book(path);
    const std::vector<std::string> names = sheet_names(sheets);
    for (std::size_t s = 0; s < sheets.size(); ++s) {
        write_sheet(book, book.add(names[s]), sheets[s]);
    }
    book.close();
}

// ---------------------------------------------------------------------------------------------
// The data-entry template

namespace {

constexpr lxw_row_t kLastRow = LXW_ROW_MAX - 1;

struct TemplateColumn {
    std::string header;
    std::string title;    // Vietnamese, for the comment and the guide
    std::string unit;     // as users read it
    std::string allowed;  // what may be written, in words
    bool text = false;    // formatted as text (codes keep their leading zeros)
    lxw_data_validation validation{};
    std::vector<std::string> list;  // validation list, if any
};

std::vector<std::string> types_of(EntityKind kind) {
    switch (kind) {
        case EntityKind::thon:
            return {"Thôn", "Bản", "Ấp", "Khu dân cư", "Tổ dân phố", "Xóm", "Làng", "Buôn",
                    "Khóm", "Khu phố"};
        case EntityKind::xa: return {"Xã", "Phường", "Thị trấn"};
        case EntityKind::huyen: return {"Huyện", "Quận", "Thị xã", "Thành phố"};
        case EntityKind::tinh: return {"Tỉnh", "Thành phố trực thuộc trung ương"};
    }
    return {};
}

TemplateColumn list_column(std::string header, std::string title, std::vector<std::string> list,
                           bool strict) {
    TemplateColumn c;
    c.header = std::move(header);
    c.title = std::move(title);
    c.list = std::move(list);
    c.validation.validate = LXW_VALIDATION_TYPE_LIST;
    c.validation.error_type =
        strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_WARNING;
    std::string words;
    for (const std::string& w : c.list) words += (words.empty() ? "" : ", ") + w;
    c.allowed = words;
    return c;
}

TemplateColumn number_column(std::string header, std::string title, bool whole, double low,
                             double high, std::string allowed) {
    TemplateColumn c;
    c.header = std::move(header);
    c.title = std::move(title);
    c.allowed = std::move(allowed);
    c.validation.validate = whole ? LXW_VALIDATION_TYPE_INTEGER : LXW_VALIDATION_TYPE_DECIMAL;
    c.validation.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    c.validation.minimum_number = low;
    c.validation.maximum_number = high;
    return c;
}

std::vector<TemplateColumn> template_columns(const Schema& schema, EntityKind kind) {
    std::vector<TemplateColumn> cols;
    TemplateColumn code;
    code.header = "Mã";
    code.title = "Mã đơn vị hành chính (bắt buộc), ví dụ 20794";
    code.allowed = "mã số, giữ số 0 ở đầu";
    code.text = true;
    cols.push_back(std::move(code));
    TemplateColumn name;
    name.header = "Tên";
    name.title = "Tên đơn vị, ví dụ Bình Dương";
    cols.push_back(std::move(name));
    cols.push_back(list_column("Loại", "Loại đơn vị hành chính (bắt buộc)", types_of(kind), false));
    TemplateColumn parent;
    parent.header = "Mã cấp trên";
    parent.title = "Mã của đơn vị cấp trên (huyện của xã, tỉnh của huyện)";
    parent.allowed = "mã của một đơn vị trong tệp";
    parent.text = true;
    cols.push_back(std::move(parent));
    cols.push_back(list_column("Vùng", "Vùng kinh tế - xã hội; bỏ trống nếu lấy theo tỉnh",
                               {"TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"}, false));
    cols.push_back(number_column("Năm", "Năm của số liệu (bắt buộc)", true, 1900, 2100,
                                 "năm từ 1900 đến 2100"));
    TemplateColumn recognised;
    recognised.header = "Công nhận";
    recognised.title = "Các mức đã được công nhận và năm công nhận";
    recognised.allowed = "MỨC:NĂM, cách nhau bởi dấu ;  ví dụ dat_chuan:2019; nang_cao:2023";
    cols.push_back(std::move(recognised));

    for (const Column& in : schema.columns[kind_index(kind)]) {
        if (in.derived) continue;
        TemplateColumn c;
        if (in.type == ValueType::boolean) {
            c = list_column(in.name, in.title, {"đạt", "không đạt"}, true);
            c.allowed = "đạt hoặc không đạt (cũng nhận có/không)";
        } else if (in.percent) {
            c = number_column(in.name, in.title, false, 0, 100, "số từ 0 đến 100 (phần trăm)");
        } else if (in.count) {
            c = number_column(in.name, in.title, true, 0, 1e9, "số nguyên, không âm");
        } else {
            c.header = in.name;
            c.title = in.title;
            c.allowed = "số";
        }
        c.unit = in.unit_symbol.empty() ? in.unit : in.unit_symbol;
        cols.push_back(std::move(c));
    }
    return cols;
}

}  // namespace

void write_template(const std::string& path, const Schema& schema, EntityKind kind) {
    std::vector<TemplateColumn> cols = template_columns(schema, kind);
    Book book(path);
    lxw_worksheet* ws = book.add(std::string(dsl::kKindNames[kind_index(kind)]));
    lxw_format* text_format = workbook_add_format(book.get());
    format_set_num_format(text_format, "@");

    std::string author = "ntm";
    for (std::size_t i = 0; i < cols.size(); ++i) {
        TemplateColumn& c = cols[i];
        const auto col = static_cast<lxw_col_t>(i);
        book.check(worksheet_write_string(ws, 0, col, c.header.c_str(), book.header()), "a header");

        std::string note = c.title;
        if (!c.unit.empty()) note += "\nĐơn vị: " + c.unit;
        if (!c.allowed.empty()) note += "\nGiá trị: " + c.allowed;
        lxw_comment_options opt{};
        opt.author = author.data();
        opt.width = 300;
        opt.height = 110;
        book.check(worksheet_write_comment_opt(ws, 0, col, note.c_str(), &opt), "a comment");

        const double width =
            std::clamp(std::max(widest_line(c.header) + 4, 12.0), kMinWidth, kMaxWidth);
        worksheet_set_column(ws, col, col, width, c.text ? text_format : nullptr);

        if (c.validation.validate == LXW_VALIDATION_TYPE_NONE) continue;
        std::vector<char*> list;
        for (std::string& w : c.list) list.push_back(w.data());
        list.push_back(nullptr);
        if (!c.list.empty()) c.validation.value_list = list.data();
        std::string input_title = cut(c.header, 32);
        std::string input_message = cut(c.allowed, 255);
        c.validation.input_title = input_title.data();
        c.validation.input_message = input_message.data();
        std::string error_title = "Giá trị không hợp lệ";
        std::string error_message = cut(c.header + ": " + c.allowed, 255);
        c.validation.error_title = error_title.data();
        c.validation.error_message = error_message.data();
        book.check(worksheet_data_validation_range(ws, 1, col, kLastRow, col, &c.validation),
                   fmt::format("the validation of column '{}'", c.header));
    }
    worksheet_freeze_panes(ws, 1, 2);

    // The guide: every column in words, on a second sheet the reader does not read.
    Sheet guide;
    guide.name = "Hướng dẫn";
    guide.header = {"Cột", "Nội dung", "Đơn vị", "Giá trị hợp lệ"};
    for (const TemplateColumn& c : cols) {
        guide.rows.push_back({XlsxCell::of(c.header), XlsxCell::of(c.title), XlsxCell::of(c.unit),
                              XlsxCell::of(c.allowed)});
    }
    write_sheet(book, book.add(guide.name), guide);
    book.close();
}

}  // namespace ntm::report
