// read_source (data/source.hpp): a workbook's sheets through the worksheet reader the data reader
// uses (xlsx_sheet.hpp), a CSV file through its one reader (csv.hpp).
#include "data/source.hpp"

#include <charconv>
#include <filesystem>
#include <utility>

#include "data/csv.hpp"
#include "data/xlsx_sheet.hpp"
#include "text/files.hpp"

namespace ntm::data {

namespace {

// The header (the first row holding text) and the column under the code field.
void find_header(SourceSheet& sheet) {
    for (const SourceRow& row : sheet.rows) {
        bool text = false;
        for (const SourceCell& c : row.cells) {
            if (trim(c.text).empty()) continue;
            text = true;
            if (c.kind == SourceCell::Kind::text && reserved_field(trim(c.text)) == Field::code) {
                sheet.code_column = c.column;
                break;
            }
        }
        if (text) {
            sheet.header = row.number;
            return;
        }
    }
}

SourceCell source_cell(const XCell& c, const Workbook& wb) {
    SourceCell out;
    out.column = c.column;
    out.style = c.style;
    switch (c.stored) {
        case XCell::Stored::text:
            out.text = c.shared == XCell::kOwnText ? c.text : wb.strings[c.shared];
            break;
        case XCell::Stored::number:
            out.kind = SourceCell::Kind::number;
            out.number = c.raw;
            break;
        case XCell::Stored::boolean:
            out.kind = SourceCell::Kind::boolean;
            out.number = c.number;
            break;
        case XCell::Stored::error:
            out.kind = SourceCell::Kind::error;
            out.text = c.text;
            break;
    }
    return out;
}

Source read_workbook(const std::string& path, const LoadOptions& options) {
    Source out;
    out.path = path;
    const Archive zip(path, options.limits.string_bytes);
    Workbook wb = open_workbook(zip, options.sheet);
    for (const NumberFormat& f : wb.formats) out.formats.push_back({f.id, f.code});
    const std::vector<SheetPart> parts = wb.sheets;
    std::uint64_t cells = 0;  // the limit of cells is the workbook's, whatever its sheets
    for (const SheetPart& part : parts) {
        if (part.part.empty() || !zip.has(part.part)) continue;  // a chart sheet: no cells
        wb.sheet = part.name;
        wb.part = part.part;
        SheetHandler sh(path, wb, part.name, options.limits, cells);
        parse_part(zip, wb.part, text::say("xlsx.part.sheet", wb.sheet), sh);
        sh.finish();
        SourceSheet& sheet = out.sheets.emplace_back();
        sheet.name = part.name;
        for (const XRow& r : sh.rows) {
            SourceRow& row = sheet.rows.emplace_back();
            row.number = row.line = r.number;
            for (const XCell& c : r.cells) row.cells.push_back(source_cell(c, wb));
        }
        find_header(sheet);
    }
    return out;
}

// A CSV cell as Excel reads it: in the rows after the header (whose cells stay text, "2.1"
// included), a plain decimal number (no leading zero, no thousands separator,
// at most 15 digits) is a number; anything else — a code such as 01234, "48,1" — stays text.
SourceCell csv_cell(std::uint32_t column, std::string_view text, bool header) {
    SourceCell out;
    out.column = column;
    out.text = std::string(text);
    if (header) return out;
    std::string_view digits = text;
    if (!digits.empty() && digits.front() == '-') digits.remove_prefix(1);
    const std::size_t point = digits.find('.');
    const std::string_view whole = digits.substr(0, point);
    const std::string_view fraction = point == std::string_view::npos ? std::string_view() : digits.substr(point + 1);
    const auto all_digits = [](std::string_view s) {
        return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
    };
    const bool number = all_digits(whole) && (whole.size() == 1 || whole.front() != '0') &&
                        (point == std::string_view::npos || all_digits(fraction)) &&
                        whole.size() + fraction.size() <= 15;
    if (number) {
        double v = 0;
        const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
        if (r.ec == std::errc() && r.ptr == text.data() + text.size()) {
            out.kind = SourceCell::Kind::number;
            out.number = v;
            out.text.clear();
        }
    }
    return out;
}

// A file's name as a sheet's: without the extension, at most 31 letters, none of []:*?/\.
std::string sheet_name(const std::string& path) {
    std::string base = std::filesystem::path(path).stem().string();
    for (char& c : base) {
        if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '-';
    }
    while (!base.empty() && base.front() == '\'') base.erase(0, 1);
    while (!base.empty() && base.back() == '\'') base.pop_back();
    std::size_t i = 0;
    for (std::size_t n = 0; i < base.size() && n < 31; ++n) {
        ++i;
        while (i < base.size() && (static_cast<unsigned char>(base[i]) & 0xC0) == 0x80) ++i;
    }
    base.resize(i);
    return base.empty() ? "Sheet1" : to_nfc(base);
}

Source read_csv(const std::string& path, const LoadOptions& options) {
    std::vector<text::Problem> errors;
    const auto content =
        text::read_text_file(path, errors, {options.limits.data_file_bytes, "D0901", "data-file-size"});
    if (!content) {
        throw FileError{errors.empty() ? text::file_problem(path, text::say("load.cannot_read")) : errors.front()};
    }
    Source out;
    out.path = path;
    out.csv = true;
    SourceSheet& sheet = out.sheets.emplace_back();
    sheet.name = sheet_name(path);
    CsvReader in(*content);
    for (std::uint32_t number = 1; in.next(); ++number) {
        if (in.blank_row()) continue;
        SourceRow& row = sheet.rows.emplace_back();
        row.number = number;
        row.line = in.line();
        for (std::size_t i = 0; i < in.size(); ++i) {
            if (!in.cell(i).empty())
                row.cells.push_back(csv_cell(static_cast<std::uint32_t>(i + 1), in.cell(i), sheet.rows.size() == 1));
        }
    }
    if (const auto& e = in.error()) {
        throw FileError{path, text::say("csv.error", e->line, e->message, e->detail)};
    }
    find_header(sheet);
    return out;
}

}  // namespace

bool source_readable(const std::string& path) {
    const DataFormat format = data_format(path);
    return format == DataFormat::workbook || format == DataFormat::csv;
}

Source read_source(const std::string& path, const LoadOptions& options) {
    return data_format(path) == DataFormat::workbook ? read_workbook(path, options) : read_csv(path, options);
}

}  // namespace ntm::data
