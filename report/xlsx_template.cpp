// The data-entry template of a rule set: see xlsx.hpp.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "data/vocabulary.hpp"
#include "report/words.hpp"
#include "data/headers.hpp"
#include "report/xlsx_book.hpp"

namespace ntm::report {

using book::Book;
using book::cut;
using book::kMaxWidth;
using book::kMinWidth;
using book::shown;

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

// The header of a reserved field as the data reader knows it (data/vocabulary.hpp, read in any
// letter case), capitalised for display: "Mã cấp trên".
std::string header(data::Field f) { return upper_first(data::kFieldHeaders[static_cast<std::size_t>(f)]); }

// The first year of the programme (QĐ 800/QĐ-TTg, 2010): recognitions are from the next on.
constexpr int kFirstRecognitionYear = 2011;

// The columns every sheet has: code, name, type, parent, region, year, and one recognition as a
// level in words and its year.
std::vector<TemplateColumn> reserved_columns(const TemplateSheet& sheet, int year) {
    const EntityKind kind = sheet.kind;
    std::vector<TemplateColumn> cols;
    TemplateColumn code;
    code.header = header(data::Field::code);
    code.title = "Mã đơn vị hành chính (bắt buộc), ví dụ 20794";
    code.allowed = "mã số, giữ số 0 ở đầu";
    code.text = true;
    cols.push_back(std::move(code));
    TemplateColumn name;
    name.header = header(data::Field::name);
    name.title = "Tên đơn vị, ví dụ Bình Dương";
    cols.push_back(std::move(name));
    cols.push_back(list_column(header(data::Field::type), "Loại đơn vị hành chính (bắt buộc)", data::unit_types(kind), false));
    TemplateColumn parent;
    parent.header = header(data::Field::parent);
    parent.title = kind == EntityKind::tinh ? "Bỏ trống: tỉnh không có đơn vị cấp trên"
                                            : "Mã của đơn vị cấp trên (tỉnh hoặc huyện của xã, xã của thôn)";
    parent.allowed = "mã của một đơn vị trong tệp hoặc trong danh mục chính thức";
    parent.text = true;
    cols.push_back(std::move(parent));
    cols.push_back(list_column(header(data::Field::region), "Vùng kinh tế - xã hội; bỏ trống nếu lấy theo tỉnh",
                               {dsl::kRegionNames.begin(), dsl::kRegionNames.end()}, false));
    cols.push_back(number_column(header(data::Field::year), "Năm của số liệu (bắt buộc)", true, data::kYearMin,
                                 data::kYearMax, fmt::format("năm từ {} đến {}", data::kYearMin, data::kYearMax)));
    TemplateColumn level = list_column(header(data::Field::level), "Mức cao nhất đơn vị đã được công nhận; bỏ trống nếu chưa được công nhận",
                                       sheet.levels, true);
    cols.push_back(std::move(level));
    std::vector<std::string> years;
    for (int y = std::min(kFirstRecognitionYear, year); y <= year; ++y) years.push_back(std::to_string(y));
    cols.push_back(list_column(header(data::Field::level_year), "Năm được công nhận ở mức đó", std::move(years), true));
    cols.back().allowed = fmt::format("năm từ {} đến {}", std::min(kFirstRecognitionYear, year), year);
    return cols;
}

// The reserved columns, then one per input the sets in force read.
std::vector<TemplateColumn> template_columns(const TemplateSheet& sheet, int year) {
    std::vector<TemplateColumn> cols = reserved_columns(sheet, year);
    for (const TemplateInput& in : sheet.inputs) {
        const Column& col = *in.column;
        TemplateColumn c;
        if (col.type == ValueType::boolean) {
            const auto [yes, no] = data::yes_no_words(col);
            c = list_column(in.header, in.title, {std::string(yes), std::string(no)}, true);
        } else if (col.percent) {
            c = number_column(in.header, in.title, false, 0, 100, "số từ 0 đến 100 (phần trăm)");
        } else if (col.count) {
            c = number_column(in.header, in.title, true, 0, 1e9, "số nguyên, không âm");
        } else {
            c.header = in.header;
            c.title = in.title;
            c.allowed = "số";
        }
        // From the rule text: shown as the cells of every workbook are.
        c.header = shown(c.header);
        c.title = shown(c.title);
        c.unit = shown(data::header_unit(col));
        cols.push_back(std::move(c));
    }
    return cols;
}

// One column of the template: its header with a comment, its width and format, its validation.
void write_template_column(Book& book, lxw_worksheet* ws, lxw_col_t col, TemplateColumn& c, lxw_format* text_format) {
    book.check(worksheet_write_string(ws, 0, col, c.header.c_str(), book.header()), text::say("xlsx.a_header"));

    std::string note = c.title;
    if (!c.unit.empty()) note.append("\nĐơn vị: ").append(c.unit);
    if (!c.allowed.empty()) note.append("\nGiá trị: ").append(c.allowed);
    std::string author = "ntm";
    lxw_comment_options opt{};
    opt.author = author.data();
    opt.width = 300;
    opt.height = 110;
    book.check(worksheet_write_comment_opt(ws, 0, col, note.c_str(), &opt), text::say("xlsx.a_comment"));

    // Long headers wrap in a tall header row: a column is as wide as a short title needs.
    const double width = std::clamp(std::min(widest_line(c.header) + 2, 28.0), std::max(kMinWidth, 10.0), kMaxWidth);
    worksheet_set_column(ws, col, col, width, c.text ? text_format : nullptr);

    if (c.validation.validate == LXW_VALIDATION_TYPE_NONE) return;
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
               text::say("xlsx.a_validation", c.header));
}

// The guide: every column of every sheet in words, on a sheet the reader does not read (its
// header is no data header).
Sheet guide(const std::vector<std::pair<std::string, std::vector<TemplateColumn>>>& sheets) {
    Sheet out;
    out.name = "Hướng dẫn";
    out.header = {"Trang tính", "Cột", "Nội dung", "Đơn vị", "Giá trị hợp lệ"};
    for (const auto& [name, cols] : sheets) {
        for (const TemplateColumn& c : cols) {
            out.rows.push_back({XlsxCell::of(name), XlsxCell::of(c.header), XlsxCell::of(c.title),
                                XlsxCell::of(c.unit), XlsxCell::of(c.allowed)});
        }
    }
    return out;
}

// The pre-filled rows of a sheet: each unit's code, name, type, parent and the year.
void write_units(Book& book, lxw_worksheet* ws, const TemplateSheet& sheet, int year) {
    lxw_row_t row = 1;
    for (const TemplateUnit& u : sheet.units) {
        const auto text = [&](lxw_col_t col, const std::string& value) {
            if (value.empty()) return;
            book.check(worksheet_write_string(ws, row, col, value.c_str(), nullptr),
                       text::say("xlsx.a_row", row + 1, sheet.name));
        };
        text(0, u.code);
        text(1, u.name);
        text(2, u.type);
        text(3, u.parent);
        text(4, u.region);
        book.check(worksheet_write_number(ws, row, 5, year, nullptr), text::say("xlsx.a_row", row + 1, sheet.name));
        ++row;
    }
}

}  // namespace

void write_template(const std::string& path, const TemplatePlan& plan) {
    Book book(path);
    lxw_format* text_format = workbook_add_format(book.get());
    format_set_num_format(text_format, "@");
    std::vector<std::pair<std::string, std::vector<TemplateColumn>>> written;
    for (const TemplateSheet& sheet : plan.sheets) {
        std::vector<TemplateColumn> cols = template_columns(sheet, plan.year);
        lxw_worksheet* ws = book.add(sheet.name);
        worksheet_set_row(ws, 0, 75, nullptr);
        for (std::size_t i = 0; i < cols.size(); ++i) {
            write_template_column(book, ws, static_cast<lxw_col_t>(i), cols[i], text_format);
        }
        write_units(book, ws, sheet, plan.year);
        worksheet_freeze_panes(ws, 1, 2);
        written.emplace_back(sheet.name, std::move(cols));
    }
    const Sheet sheet = guide(written);
    book::write_sheet(book, book.add(sheet.name), sheet);
    book.close();
}

}  // namespace ntm::report
