// The parts of an Excel workbook around its worksheets: package and workbook relationships, the
// list of sheets, shared strings and styles (data/xlsx_workbook.hpp).
#include "data/xlsx_workbook.hpp"

#include <fmt/format.h>

#include <charconv>
#include <utility>

#include "data/vocabulary.hpp"
#include "text/utf8.hpp"

namespace ntm::data {

using text::FileError;

// ---------------------------------------------------------------------------------------------
// Relationships and the list of sheets

namespace {

struct Relationship {
    std::string id, type, target;
    // "…/officeDocument", "…/worksheet", …
    bool is(std::string_view kind) const {
        return type.size() > kind.size() && type.ends_with(kind) &&
               type[type.size() - kind.size() - 1] == '/';
    }
};

struct RelsHandler : XmlHandler {
    std::vector<Relationship> rels;
    void start(std::string_view el, const XML_Char** a) override {
        if (el == "Relationship") {
            rels.push_back({std::string(attribute(a, "Id")), std::string(attribute(a, "Type")),
                            std::string(attribute(a, "Target"))});
        }
    }
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
std::vector<Relationship> relationships(const Archive& zip, const std::string& name) {
    const std::size_t folder = name.rfind('/') + 1;  // 0 when there is no '/'
    std::string rels = name.substr(0, folder);
    rels += "_rels/";
    rels += std::string_view(name).substr(folder);
    rels += ".rels";
    RelsHandler h;
    if (zip.has(rels)) parse_part(zip, rels, text::say("xlsx.part.relationships", name), h);
    return std::move(h.rels);
}

struct SheetEntry {
    std::string name;
    std::string rel;  // r:id
};

struct WorkbookHandler : XmlHandler {
    std::vector<SheetEntry> sheets;
    bool date1904 = false;
    void start(std::string_view el, const XML_Char** a) override {
        if (el == "sheet") {
            sheets.push_back({std::string(attribute(a, "name")), std::string(attribute(a, "id"))});
        } else if (el == "workbookPr") {
            const std::string_view d = attribute(a, "date1904");
            date1904 = d == "1" || d == "true";
        }
    }
};

// The sheet to read: the one named (exactly, else in any letter case), or the first.
std::size_t choose_sheet(const std::vector<SheetEntry>& sheets, const std::string& wanted,
                         const std::string& path) {
    if (sheets.empty()) throw FileError{path, text::say("xlsx.no_sheet")};
    if (wanted.empty()) return 0;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        if (sheets[i].name == wanted) return i;
    }
    const std::string folded = text::fold(wanted);
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        if (text::fold(sheets[i].name) == folded) return i;
    }
    std::vector<std::string> names;
    std::string listed;
    for (const SheetEntry& s : sheets) {
        names.push_back(s.name);
        listed += fmt::format("{}'{}'", listed.empty() ? "" : ", ", s.name);
    }
    throw FileError{path, text::say("xlsx.no_such_sheet", wanted, listed, did_you_mean(wanted, names))};
}

// ---------------------------------------------------------------------------------------------
// Shared strings and styles

// <si> holds <t> or runs <r><t>…</t></r>; <rPh> holds phonetic hints, not the text.
struct SharedStringsHandler : XmlHandler {
    std::vector<std::string> strings;
    std::string current;
    bool in_t = false;
    int phonetic = 0;
    void start(std::string_view el, const XML_Char**) override {
        if (el == "si") current.clear();
        if (el == "rPh") ++phonetic;
        if (el == "t") in_t = phonetic == 0;
    }
    void end(std::string_view el) override {
        if (el == "t") in_t = false;
        if (el == "rPh") --phonetic;
        if (el == "si") strings.push_back(unescape(std::move(current)));
    }
    void text(std::string_view t) override {
        if (in_t) current += t;
    }
};

// What a number format shows: a '%' outside quotes makes a percentage; d, m, y (or h, s)
// outside quotes and brackets a date.
Shown classify_format(std::string_view code) {
    bool percent = false, date = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"' || c == '[') {
            const std::size_t q = code.find(c == '"' ? '"' : ']', i + 1);
            if (q == std::string_view::npos) break;
            i = q;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
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

unsigned format_id(const XML_Char** a) {
    unsigned id = 0;
    const std::string_view v = attribute(a, "numFmtId");
    std::from_chars(v.data(), v.data() + v.size(), id);
    return id;
}

struct StylesHandler : XmlHandler {
    std::vector<std::pair<unsigned, std::string>> formats;  // custom: id → code
    std::vector<unsigned> xf_formats;                       // cellXfs, by style index
    bool in_cell_xfs = false;
    void start(std::string_view el, const XML_Char** a) override {
        if (el == "numFmt") {
            formats.emplace_back(format_id(a), std::string(attribute(a, "formatCode")));
        } else if (el == "cellXfs") {
            in_cell_xfs = true;
        } else if (el == "xf" && in_cell_xfs) {
            xf_formats.push_back(format_id(a));
        }
    }
    void end(std::string_view el) override {
        if (el == "cellXfs") in_cell_xfs = false;
    }

    std::vector<NumberFormat> number_formats() const {
        std::vector<NumberFormat> out;
        out.reserve(xf_formats.size());
        for (const unsigned id : xf_formats) {
            NumberFormat f{id, {}};
            for (const auto& [fid, code] : formats) {
                if (fid == id) f.code = code;
            }
            out.push_back(std::move(f));
        }
        return out;
    }

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

}  // namespace

// ---------------------------------------------------------------------------------------------
// The workbook

Workbook open_workbook(const Archive& zip, const std::string& wanted) {
    const std::string& path = zip.path();
    // The workbook part: from the package relationships, or where Excel puts it.
    std::string workbook = "xl/workbook.xml";
    for (const Relationship& r : relationships(zip, "")) {
        if (r.is("officeDocument")) workbook = resolve_target("", r.target);
    }
    if (!zip.has(workbook)) {
        throw FileError{path, text::say("xlsx.no_workbook_part", workbook, resave_help())};
    }
    WorkbookHandler wb;
    parse_part(zip, workbook, text::say("xlsx.part.sheets"), wb);
    Workbook out;
    out.date1904 = wb.date1904;
    const SheetEntry& sheet = wb.sheets[choose_sheet(wb.sheets, wanted, path)];
    out.sheet = sheet.name;

    std::string strings_part, styles_part;
    const std::vector<Relationship> rels = relationships(zip, workbook);
    for (const SheetEntry& entry : wb.sheets) {
        SheetPart& p = out.sheets.emplace_back(SheetPart{entry.name, {}});
        for (const Relationship& r : rels) {
            if (r.id == entry.rel && r.is("worksheet")) p.part = resolve_target(workbook, r.target);
        }
    }
    for (const Relationship& r : rels) {
        if (r.id == sheet.rel) {
            if (!r.is("worksheet"))
                throw FileError{path, text::say("xlsx.not_worksheet", sheet.name)};
            out.part = resolve_target(workbook, r.target);
        }
        if (r.is("sharedStrings")) strings_part = resolve_target(workbook, r.target);
        if (r.is("styles")) styles_part = resolve_target(workbook, r.target);
    }
    if (out.part.empty()) {
        throw FileError{path, text::say("xlsx.sheet_no_part", sheet.name, resave_help())};
    }
    // Without a sheet asked for, the worksheets after the first, which may be read too.
    for (std::size_t i = 1; wanted.empty() && i < wb.sheets.size(); ++i) {
        for (const Relationship& r : rels) {
            const std::string part = r.id == wb.sheets[i].rel && r.is("worksheet") ? resolve_target(workbook, r.target) : "";
            if (!part.empty() && zip.has(part)) out.others.push_back({wb.sheets[i].name, part});
        }
    }
    SharedStringsHandler strings;
    if (!strings_part.empty() && zip.has(strings_part))
        parse_part(zip, strings_part, text::say("xlsx.part.strings"), strings);
    out.strings = std::move(strings.strings);
    StylesHandler styles;
    if (!styles_part.empty() && zip.has(styles_part))
        parse_part(zip, styles_part, text::say("xlsx.part.styles"), styles);
    out.styles = styles.shown();
    out.formats = styles.number_formats();
    return out;
}

}  // namespace ntm::data
