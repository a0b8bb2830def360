// Excel workbooks (.xlsx): one worksheet read as a table, the same as a CSV file.
//
// A workbook is a zip archive (libzip) of XML parts (expat): the workbook lists its sheets by
// name, its relationships say which part holds each sheet, the shared strings hold the texts
// cells refer to by index, the styles say which cells show a number as a percentage or a
// date.  The sheet's cells become rows of texts and typed values and go through the same row
// pipeline as CSV (load_rows.hpp), so every problem code applies unchanged; problems then get
// the sheet and the cell (text::Place::sheet, ::column), with the row number as the line.
//
// Parts are streamed from the archive into the XML parser; a damaged archive, a missing part,
// XML that is not well-formed, or a cell reference that is no cell all end in a FileError
// naming the file and the sheet.
#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/diagnostics.hpp"
#include "text/files.hpp"
#include "text/suggest.hpp"
#include "data/builder.hpp"
#include "data/table.hpp"

namespace ntm::data {

namespace {

constexpr std::uint32_t kMaxColumn = 16384;   // XFD, Excel's last column
constexpr std::uint32_t kMaxRow = 1048576;    // Excel's last row
constexpr zip_uint64_t kMaxPart = 1ull << 31;  // uncompressed bytes of one part

const std::string kHelp = "; open it in Excel and save it again as Excel Workbook (.xlsx)";

// ---------------------------------------------------------------------------------------------
// The archive

class Archive {
public:
    explicit Archive(const std::string& path) : path_(path) {
        int err = 0;
        zip_ = zip_open(path.c_str(), ZIP_RDONLY, &err);
        if (zip_ != nullptr) return;
        switch (err) {
            case ZIP_ER_NOENT: throw FileError{path, "cannot open file"};
            case ZIP_ER_OPEN:
            case ZIP_ER_READ: throw FileError{path, "cannot open file"};
            case ZIP_ER_NOZIP:
                throw FileError{path, "not an Excel workbook: the file is not a zip archive, as "
                                      "every .xlsx file is" +
                                          kHelp};
            default: {
                zip_error_t e;
                zip_error_init_with_code(&e, err);
                const std::string why = zip_error_strerror(&e);
                zip_error_fini(&e);
                throw FileError{path, fmt::format("damaged Excel workbook ({}){}",
                                                  lowercase_first(why), kHelp)};
            }
        }
    }
    ~Archive() {
        if (zip_ != nullptr) zip_discard(zip_);
    }
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;

    bool has(const std::string& name) const {
        return zip_name_locate(zip_, name.c_str(), 0) >= 0;
    }

    // Streams the part `name` to `sink(data, size)`; `what` names it in errors ("sheet 'X'").
    template <class Sink>
    void read(const std::string& name, const std::string& what, Sink&& sink) const {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat(zip_, name.c_str(), 0, &st) != 0) {
            throw FileError{path_, fmt::format("damaged Excel workbook: {} ({}) is missing{}",
                                               what, name, kHelp)};
        }
        if ((st.valid & ZIP_STAT_SIZE) != 0 && st.size > kMaxPart) {
            throw FileError{path_, fmt::format("{} ({}) is too large: {} bytes, at most {}", what,
                                               name, st.size, kMaxPart)};
        }
        std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen(zip_, name.c_str(), 0),
                                                             zip_fclose);
        if (!f) throw damaged(what, name, zip_strerror(zip_));
        char buf[1 << 16];
        zip_uint64_t total = 0;
        for (;;) {
            const zip_int64_t n = zip_fread(f.get(), buf, sizeof buf);
            if (n < 0) throw damaged(what, name, zip_file_strerror(f.get()));
            total += static_cast<zip_uint64_t>(n);
            if (total > kMaxPart) {
                throw FileError{path_,
                                fmt::format("{} ({}) is too large: more than {} bytes", what, name,
                                            kMaxPart)};
            }
            sink(buf, static_cast<std::size_t>(n));
            if (n == 0) return;
        }
    }

    FileError damaged(const std::string& what, const std::string& name,
                      const std::string& why) const {
        return FileError{path_, fmt::format("damaged Excel workbook: {} ({}) cannot be read ({}){}",
                                            what, name, lowercase_first(why), kHelp)};
    }

    static std::string lowercase_first(std::string s) {
        if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
        return s;
    }

private:
    std::string path_;
    zip_t* zip_ = nullptr;
};

// ---------------------------------------------------------------------------------------------
// XML

// The local name of an expat name "namespace|local" (or "local").
std::string_view local(const XML_Char* name) {
    const std::string_view n(name);
    const std::size_t bar = n.rfind('|');
    return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

// The attribute whose local name is `name`, or empty.
std::string_view attribute(const XML_Char** attrs, std::string_view name) {
    for (; attrs[0] != nullptr; attrs += 2) {
        if (local(attrs[0]) == name) return attrs[1];
    }
    return {};
}

// Expat calls C callbacks: an exception must not cross them, so it is kept and rethrown.
template <class Handler>
struct ParseState {
    Handler* handler;
    std::exception_ptr error;
    XML_Parser parser;
    template <class F>
    void guard(F&& f) {
        if (error) return;
        try {
            f();
        } catch (...) {
            error = std::current_exception();
            XML_StopParser(parser, XML_FALSE);
        }
    }
};

// Parses the part `name` with `handler`, which has start(local, attrs), end(local) and
// text(chars).  A handler may throw FileError; it is passed through.
template <class Handler>
void parse_part(const Archive& zip, const std::string& path, const std::string& name,
                const std::string& what, Handler& handler) {
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser(
        XML_ParserCreateNS(nullptr, '|'), XML_ParserFree);
    if (!parser) throw FileError{path, "out of memory"};
    ParseState<Handler> state{&handler, nullptr, parser.get()};
    XML_SetUserData(parser.get(), &state);
    XML_SetElementHandler(
        parser.get(),
        [](void* data, const XML_Char* el, const XML_Char** attrs) {
            auto* s = static_cast<ParseState<Handler>*>(data);
            s->guard([&] { s->handler->start(local(el), attrs); });
        },
        [](void* data, const XML_Char* el) {
            auto* s = static_cast<ParseState<Handler>*>(data);
            s->guard([&] { s->handler->end(local(el)); });
        });
    XML_SetCharacterDataHandler(parser.get(), [](void* data, const XML_Char* text, int len) {
        auto* s = static_cast<ParseState<Handler>*>(data);
        s->guard([&] { s->handler->text(std::string_view(text, static_cast<std::size_t>(len))); });
    });
    zip.read(name, what, [&](const char* data, std::size_t size) {
        if (state.error) return;
        if (XML_Parse(parser.get(), data, static_cast<int>(size), size == 0) == XML_STATUS_ERROR) {
            if (state.error) std::rethrow_exception(state.error);
            throw FileError{
                path, fmt::format("damaged Excel workbook: {} is not valid XML ({} line {}: {}){}",
                                  what, name, XML_GetCurrentLineNumber(parser.get()),
                                  XML_ErrorString(XML_GetErrorCode(parser.get())), kHelp)};
        }
    });
    if (state.error) std::rethrow_exception(state.error);
}

// Text as OOXML stores it: a control character is written _xHHHH_ (_x000D_ for a carriage
// return), and _x005F_ escapes an underscore.
std::string unescape(std::string s) {
    if (s.find("_x") == std::string::npos) return s;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned v = 0;
        if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_' &&
            std::from_chars(s.data() + i + 2, s.data() + i + 6, v, 16).ptr == s.data() + i + 6 &&
            v < 0x80) {
            out += static_cast<char>(v);
            i += 6;
        } else {
            out += s[i];
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Relationships, workbook, shared strings, styles

struct Relationship {
    std::string id, type, target;
};

struct RelsHandler {
    std::vector<Relationship> rels;
    void start(std::string_view el, const XML_Char** a) {
        if (el == "Relationship") {
            rels.push_back({std::string(attribute(a, "Id")), std::string(attribute(a, "Type")),
                            std::string(attribute(a, "Target"))});
        }
    }
    void end(std::string_view) {}
    void text(std::string_view) {}
};

// A relationship's target as a part name: relative to the folder of `base`, or absolute.
std::string resolve_target(std::string_view base, std::string_view target) {
    std::string out;
    if (!target.empty() && target.front() == '/') {
        target.remove_prefix(1);
    } else {
        const std::size_t slash = base.rfind('/');
        if (slash != std::string_view::npos) out = std::string(base.substr(0, slash + 1));
    }
    out += target;
    // "xl/worksheets/../sharedStrings.xml" → "xl/sharedStrings.xml"
    for (std::size_t p; (p = out.find("/../")) != std::string::npos;) {
        const std::size_t before = p == 0 ? std::string::npos : out.rfind('/', p - 1);
        out.erase(before == std::string::npos ? 0 : before + 1,
                  p + 4 - (before == std::string::npos ? 0 : before + 1));
    }
    return out;
}

// The relationships of part `name` (from its _rels/NAME.rels), empty if it has none.
std::vector<Relationship> relationships(const Archive& zip, const std::string& path,
                                        const std::string& name) {
    const std::size_t slash = name.rfind('/');
    const std::string rels =
        slash == std::string::npos
            ? "_rels/" + name + ".rels"
            : name.substr(0, slash + 1) + "_rels/" + name.substr(slash + 1) + ".rels";
    RelsHandler h;
    if (zip.has(rels)) parse_part(zip, path, rels, "the relationships of " + name, h);
    return std::move(h.rels);
}

bool type_is(const Relationship& r, std::string_view kind) {
    return r.type.ends_with("/" + std::string(kind));
}

struct SheetEntry {
    std::string name;
    std::string rel;  // r:id
};

struct WorkbookHandler {
    std::vector<SheetEntry> sheets;
    bool date1904 = false;
    void start(std::string_view el, const XML_Char** a) {
        if (el == "sheet") {
            sheets.push_back({std::string(attribute(a, "name")), std::string(attribute(a, "id"))});
        } else if (el == "workbookPr") {
            const std::string_view d = attribute(a, "date1904");
            date1904 = d == "1" || d == "true";
        }
    }
    void end(std::string_view) {}
    void text(std::string_view) {}
};

// <si> holds <t> or runs <r><t>…</t></r>; <rPh> holds phonetic hints, not the text.
struct SharedStringsHandler {
    std::vector<std::string> strings;
    std::string current;
    bool in_t = false;
    int phonetic = 0;
    void start(std::string_view el, const XML_Char**) {
        if (el == "si") current.clear();
        if (el == "rPh") ++phonetic;
        if (el == "t") in_t = phonetic == 0;
    }
    void end(std::string_view el) {
        if (el == "t") in_t = false;
        if (el == "rPh") --phonetic;
        if (el == "si") strings.push_back(unescape(std::move(current)));
    }
    void text(std::string_view t) {
        if (in_t) current += t;
    }
};

enum class Shown : std::uint8_t { number, percent, date };

// What a number format shows: a '%' outside quotes makes a percentage; d, m, y (or h, s)
// outside quotes and brackets a date.
Shown classify_format(std::string_view code) {
    bool percent = false, date = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') {
            const std::size_t q = code.find('"', i + 1);
            if (q == std::string_view::npos) break;
            i = q;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
        } else if (c == '[') {
            const std::size_t q = code.find(']', i + 1);
            if (q == std::string_view::npos) break;
            i = q;
        } else if (c == ';') {
            break;  // the format of positive numbers decides
        } else if (c == '%') {
            percent = true;
        } else if (std::string_view("dDmMyYhHsS").find(c) != std::string_view::npos) {
            date = true;
        }
    }
    return percent ? Shown::percent : date ? Shown::date : Shown::number;
}

Shown builtin_format(unsigned id) {
    if (id == 9 || id == 10) return Shown::percent;
    if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
        (id >= 50 && id <= 58))
        return Shown::date;
    return Shown::number;
}

struct StylesHandler {
    std::vector<std::pair<unsigned, std::string>> formats;  // custom: id → code
    std::vector<unsigned> xf_formats;                       // cellXfs, by style index
    bool in_cell_xfs = false;
    void start(std::string_view el, const XML_Char** a) {
        if (el == "numFmt") {
            unsigned id = 0;
            const std::string_view v = attribute(a, "numFmtId");
            std::from_chars(v.data(), v.data() + v.size(), id);
            formats.emplace_back(id, std::string(attribute(a, "formatCode")));
        } else if (el == "cellXfs") {
            in_cell_xfs = true;
        } else if (el == "xf" && in_cell_xfs) {
            unsigned id = 0;
            const std::string_view v = attribute(a, "numFmtId");
            std::from_chars(v.data(), v.data() + v.size(), id);
            xf_formats.push_back(id);
        }
    }
    void end(std::string_view el) {
        if (el == "cellXfs") in_cell_xfs = false;
    }
    void text(std::string_view) {}

    std::vector<Shown> shown() const {
        std::vector<Shown> out;
        out.reserve(xf_formats.size());
        for (const unsigned id : xf_formats) {
            Shown s = builtin_format(id);
            for (const auto& [fid, code] : formats) {
                if (fid == id) s = classify_format(code);
            }
            out.push_back(s);
        }
        return out;
    }
};

// ---------------------------------------------------------------------------------------------
// The sheet

// One cell as read: its text (what a CSV cell would hold) and, for numbers and booleans, the
// typed value handed to the Builder.
struct XCell {
    std::string text;
    Cell::Kind kind = Cell::Kind::text;
    double number = 0;
};

struct XRow {
    std::uint32_t number = 0;
    std::vector<XCell> cells;  // index = column - 1
};

// "D14" → column 4, row 14; false if it is no cell reference.
bool parse_ref(std::string_view ref, std::uint32_t& column, std::uint32_t& row) {
    std::size_t i = 0;
    column = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && column <= kMaxColumn) {
        column = column * 26 + static_cast<std::uint32_t>(ref[i] - 'A' + 1);
        ++i;
    }
    if (i == 0 || column > kMaxColumn) return false;
    row = 0;
    const auto r = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
    return r.ec == std::errc() && r.ptr == ref.data() + ref.size() && row >= 1 && row <= kMaxRow;
}

// A number as Excel shows it in a cell of General format: 15 significant digits (a formula's
// 89.99999999999999 shows, and counts, as 90).
std::string show_number(double v) {
    std::string s = fmt::format("{:.15g}", v);
    if (s == "-0") s = "0";
    return s;
}

// A date serial number → "2024-03-15" (1900 date system: serial 1 is 1900-01-01, and Excel
// counts a 29 February 1900 that never was; 1904 system: serial 0 is 1904-01-01).
std::string show_date(double serial, bool date1904) {
    long days = static_cast<long>(std::floor(serial));  // → days since 1970-01-01
    if (date1904) {
        days -= 24107;
    } else {
        if (days < 60) ++days;
        days -= 25569;
    }
    // Howard Hinnant's civil_from_days.
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const long doe = days - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

class SheetHandler {
public:
    SheetHandler(const std::string& path, const std::string& sheet,
                 const std::vector<std::string>& strings, const std::vector<Shown>& styles,
                 bool date1904)
        : path_(path), sheet_(sheet), strings_(strings), styles_(styles), date1904_(date1904) {}

    std::vector<XRow> rows;

    void start(std::string_view el, const XML_Char** a) {
        if (el == "row") {
            std::uint32_t n = rows.empty() ? 1 : rows.back().number + 1;
            const std::string_view r = attribute(a, "r");
            if (!r.empty()) {
                const auto res = std::from_chars(r.data(), r.data() + r.size(), n);
                if (res.ec != std::errc() || res.ptr != r.data() + r.size() || n < 1 ||
                    n > kMaxRow)
                    corrupt(fmt::format("row number '{}' is no row", r));
            }
            rows.push_back({n, {}});
            column_ = 0;
        } else if (el == "c") {
            if (rows.empty()) corrupt("a cell outside any row");
            const std::string_view r = attribute(a, "r");
            std::uint32_t row = rows.back().number;
            if (r.empty()) {
                ++column_;
            } else if (!parse_ref(r, column_, row) || row != rows.back().number) {
                corrupt(fmt::format("cell reference '{}' is no cell of row {}", r,
                                    rows.back().number));
            }
            if (column_ > kMaxColumn) corrupt("a cell after the last column");
            type_ = attribute(a, "t");
            const std::string_view s = attribute(a, "s");
            style_ = 0;
            std::from_chars(s.data(), s.data() + s.size(), style_);
            value_.clear();
            in_cell_ = true;
        } else if (in_cell_ && el == "v") {
            collect_ = true;
        } else if (in_cell_ && el == "rPh") {
            ++phonetic_;
        } else if (in_cell_ && el == "t") {
            collect_ = phonetic_ == 0;
        }
    }

    void end(std::string_view el) {
        if (el == "v" || el == "t") collect_ = false;
        if (el == "rPh") --phonetic_;
        if (el == "c" && in_cell_) {
            in_cell_ = false;
            finish_cell();
        }
    }

    void text(std::string_view t) {
        if (collect_) value_ += t;
    }

private:
    [[noreturn]] void corrupt(const std::string& why) const {
        throw FileError{path_, fmt::format("damaged Excel workbook: sheet '{}': {}{}", sheet_, why,
                                           kHelp)};
    }

    std::string cell_name() const {
        return fmt::format("{}{}", column_letters(column_), rows.back().number);
    }

    void finish_cell() {
        if (value_.empty()) return;  // an empty cell, or one with only a style
        XCell c;
        if (type_ == "s") {
            std::size_t i = 0;
            const auto r = std::from_chars(value_.data(), value_.data() + value_.size(), i);
            if (r.ec != std::errc() || i >= strings_.size())
                corrupt(fmt::format("cell {} refers to shared string '{}' of {}", cell_name(),
                                    value_, strings_.size()));
            c.text = strings_[i];
        } else if (type_ == "inlineStr" || type_ == "str" || type_ == "e" || type_ == "d") {
            c.text = type_ == "e" ? value_ : unescape(value_);
        } else if (type_ == "b") {
            const bool yes = value_ == "1" || value_ == "true";
            c = {yes ? "TRUE" : "FALSE", Cell::Kind::boolean, yes ? 1.0 : 0.0};
        } else {  // "n" or none: a number
            double v = 0;
            const std::string_view t = trim(value_);
            const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
            if (r.ec != std::errc() || r.ptr != t.data() + t.size() || !std::isfinite(v))
                corrupt(fmt::format("cell {} holds '{}', which is no number", cell_name(), value_));
            const Shown shown = style_ < styles_.size() ? styles_[style_] : Shown::number;
            if (shown == Shown::percent) {
                // Typed "91%" in Excel, stored as 0.91: read as written.
                c.text = show_number(v * 100) + "%";
            } else if (shown == Shown::date) {
                c.text = show_date(v, date1904_);
            } else {
                c.text = show_number(v);
                c.kind = Cell::Kind::number;
                std::from_chars(c.text.data(), c.text.data() + c.text.size(), c.number);
            }
        }
        auto& cells = rows.back().cells;
        if (cells.size() < column_) cells.resize(column_);
        cells[column_ - 1] = std::move(c);
    }

    const std::string& path_;
    const std::string& sheet_;
    const std::vector<std::string>& strings_;
    const std::vector<Shown>& styles_;
    bool date1904_;
    std::uint32_t column_ = 0;
    std::string type_;
    std::size_t style_ = 0;
    std::string value_;
    bool in_cell_ = false, collect_ = false;
    int phonetic_ = 0;
};

// The rows of a sheet, as load_table (load_rows.hpp) reads a table.
class SheetRows {
public:
    SheetRows(std::vector<XRow> rows, std::string sheet)
        : rows_(std::move(rows)), sheet_(std::move(sheet)) {}

    bool next() {
        if (next_ >= rows_.size()) return false;
        row_ = &rows_[next_++];
        return true;
    }
    std::size_t size() const { return row_ == nullptr ? 0 : row_->cells.size(); }
    std::string_view cell(std::size_t i) const { return trim(row_->cells[i].text); }
    Cell value(std::size_t i) const {
        const XCell& c = row_->cells[i];
        return Cell{c.kind, trim(c.text), c.number};
    }
    bool blank_row() const {
        for (std::size_t i = 0; i < size(); ++i) {
            if (!cell(i).empty()) return false;
        }
        return true;
    }
    std::uint32_t line() const { return row_ == nullptr ? 0 : row_->number; }
    std::string place(std::uint32_t row) const {
        return fmt::format("sheet '{}', row {}", sheet_, row);
    }
    static std::string column_name(std::size_t i) {
        return column_letters(static_cast<std::uint32_t>(i + 1));
    }
    std::string empty_message() const {
        return fmt::format("sheet '{}' is empty: no header row", sheet_);
    }

    // The header row: its first non-blank row.
    const XRow* header() const {
        for (const XRow& r : rows_) {
            for (const XCell& c : r.cells) {
                if (!trim(c.text).empty()) return &r;
            }
        }
        return nullptr;
    }

private:
    std::vector<XRow> rows_;
    std::string sheet_;
    std::size_t next_ = 0;
    const XRow* row_ = nullptr;
};

// The sheet to read: the one named (exactly, else in any letter case), or the first.
std::size_t choose_sheet(const std::vector<SheetEntry>& sheets, const std::string& wanted,
                         const std::string& path) {
    if (sheets.empty()) throw FileError{path, "the workbook has no sheet"};
    if (wanted.empty()) return 0;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        if (sheets[i].name == wanted) return i;
    }
    const std::string folded = fold(wanted);
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        if (fold(sheets[i].name) == folded) return i;
    }
    std::vector<std::string> names;
    std::string listed;
    for (const SheetEntry& s : sheets) {
        names.push_back(s.name);
        listed += fmt::format("{}'{}'", listed.empty() ? "" : ", ", s.name);
    }
    const auto near = text::closest_match(wanted, names);
    throw FileError{path, fmt::format("no sheet '{}' in the workbook (its sheets: {}){}", wanted,
                                      listed,
                                      near ? fmt::format("; did you mean '{}'?", *near) : "")};
}

// The column of each header text (NFC), for placing problems in a cell: the first column with
// that header, or the last for D0003 (the repeated header is the one reported).
struct HeaderColumns {
    std::vector<std::pair<std::string, std::uint32_t>> columns;  // in column order
    std::uint32_t find(std::string_view field, bool last) const {
        std::uint32_t found = 0;
        for (const auto& [name, column] : columns) {
            if (name != field) continue;
            found = column;
            if (!last) break;
        }
        return found;
    }
};

}  // namespace

Dataset load_xlsx(const std::string& path, const Schema& schema, const LoadOptions& options) {
    const Archive zip(path);

    // The workbook part: from the package relationships, or where Excel puts it.
    std::string workbook = "xl/workbook.xml";
    for (const Relationship& r : relationships(zip, path, "")) {
        if (type_is(r, "officeDocument")) workbook = resolve_target("", r.target);
    }
    if (!zip.has(workbook)) {
        throw FileError{path, fmt::format("not an Excel workbook: the archive has no {}{}",
                                          workbook, kHelp)};
    }
    WorkbookHandler wb;
    parse_part(zip, path, workbook, "the list of sheets", wb);
    const std::vector<Relationship> rels = relationships(zip, path, workbook);
    const SheetEntry& sheet = wb.sheets[choose_sheet(wb.sheets, options.sheet, path)];
    const std::string what = fmt::format("sheet '{}'", sheet.name);

    std::string part, strings_part, styles_part;
    for (const Relationship& r : rels) {
        if (r.id == sheet.rel) {
            if (!type_is(r, "worksheet"))
                throw FileError{path, fmt::format("{} is not a worksheet (a chart or a dialog)",
                                                  what)};
            part = resolve_target(workbook, r.target);
        }
        if (type_is(r, "sharedStrings")) strings_part = resolve_target(workbook, r.target);
        if (type_is(r, "styles")) styles_part = resolve_target(workbook, r.target);
    }
    if (part.empty()) {
        throw FileError{path, fmt::format("damaged Excel workbook: {} has no part{}", what, kHelp)};
    }

    SharedStringsHandler strings;
    if (!strings_part.empty() && zip.has(strings_part))
        parse_part(zip, path, strings_part, "the shared strings", strings);
    StylesHandler styles;
    if (!styles_part.empty() && zip.has(styles_part))
        parse_part(zip, path, styles_part, "the styles", styles);
    const std::vector<Shown> shown = styles.shown();

    SheetHandler sh(path, sheet.name, strings.strings, shown, wb.date1904);
    parse_part(zip, path, part, what, sh);
    std::stable_sort(sh.rows.begin(), sh.rows.end(),
                     [](const XRow& a, const XRow& b) { return a.number < b.number; });

    SheetRows in(std::move(sh.rows), sheet.name);
    HeaderColumns header;
    if (const XRow* h = in.header()) {
        for (std::size_t i = 0; i < h->cells.size(); ++i) {
            const std::string_view t = trim(h->cells[i].text);
            if (!t.empty())
                header.columns.emplace_back(text::to_nfc(t), static_cast<std::uint32_t>(i + 1));
        }
    }

    Builder b(path, schema, options, Granularity::per_record);
    b.set_line_word("row");
    Dataset ds = load_table(in, b, path);

    for (text::Problem& p : ds.problems) {
        p.where.sheet = sheet.name;
        if (!p.where.field.empty())
            p.where.column = header.find(p.where.field, p.code == "D0003");
    }
    for (Entity& e : ds.entities) e.origin.sheet = sheet.name;
    for (Record& r : ds.records) r.origin.sheet = sheet.name;
    return ds;
}

}  // namespace ntm::data
