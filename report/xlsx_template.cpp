// The data-entry template of a rule set: see xlsx.hpp.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "data/vocabulary.hpp"
#include "report/words.hpp"
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

// The columns every data file has: code, name, type, parent, region, year, recognition.
std::vector<TemplateColumn> reserved_columns(EntityKind kind) {
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
    parent.title = "Mã của đơn vị cấp trên (huyện của xã, tỉnh của huyện)";
    parent.allowed = "mã của một đơn vị trong tệp";
    parent.text = true;
    cols.push_back(std::move(parent));
    cols.push_back(list_column(header(data::Field::region), "Vùng kinh tế - xã hội; bỏ trống nếu lấy theo tỉnh",
                               {dsl::kRegionNames.begin(), dsl::kRegionNames.end()}, false));
    cols.push_back(number_column(header(data::Field::year), "Năm của số liệu (bắt buộc)", true, data::kYearMin,
                                 data::kYearMax, fmt::format("năm từ {} đến {}", data::kYearMin, data::kYearMax)));
    TemplateColumn recognised;
    recognised.header = header(data::Field::recognised);
    recognised.title = "Các mức đã được công nhận và năm công nhận";
    recognised.allowed = "MỨC:NĂM, cách nhau bởi dấu ;  ví dụ dat_chuan:2019; nang_cao:2023";
    cols.push_back(std::move(recognised));
    return cols;
}

// The reserved columns, then one per input of `kind` that a file may give.
std::vector<TemplateColumn> template_columns(const Schema& schema, EntityKind kind) {
    std::vector<TemplateColumn> cols = reserved_columns(kind);
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
        // From the rule text: shown as the cells of every workbook are.
        c.header = shown(c.header);
        c.title = shown(c.title);
        c.unit = shown(in.unit_symbol.empty() ? in.unit : in.unit_symbol);
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

    const double width = std::clamp(std::max(widest_line(c.header) + 4, 12.0), kMinWidth, kMaxWidth);
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

// The guide: every column in words, on a second sheet the reader does not read.
Sheet guide(const std::vector<TemplateColumn>& cols) {
    Sheet out;
    out.name = "Hướng dẫn";
    out.header = {"Cột", "Nội dung", "Đơn vị", "Giá trị hợp lệ"};
    for (const TemplateColumn& c : cols) {
        out.rows.push_back({XlsxCell::of(c.header), XlsxCell::of(c.title), XlsxCell::of(c.unit), XlsxCell::of(c.allowed)});
    }
    return out;
}

}  // namespace

void write_template(const std::string& path, const Schema& schema, EntityKind kind) {
    std::vector<TemplateColumn> cols = template_columns(schema, kind);
    Book book(path);
    lxw_worksheet* ws = book.add(std::string(dsl::kKindNames[kind_index(kind)]));
    lxw_format* text_format = workbook_add_format(book.get());
    format_set_num_format(text_format, "@");
    for (std::size_t i = 0; i < cols.size(); ++i) {
        write_template_column(book, ws, static_cast<lxw_col_t>(i), cols[i], text_format);
    }
    worksheet_freeze_panes(ws, 1, 2);
    const Sheet sheet = guide(cols);
    book::write_sheet(book, book.add(sheet.name), sheet);
    book.close();
}

}  // namespace ntm::report
