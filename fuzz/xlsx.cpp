// fuzz_xlsx: structure-aware fuzzing of the Excel reader.  Mutating a zip archive byte by byte
// mostly breaks its checksums, so the input gives the XML parts of a workbook instead, and the
// harness zips them:
//
//   sheet XML  SEP  shared strings  SEP  workbook  SEP  workbook relationships  SEP  styles
//   SEP  package relationships                                    (SEP is a line "=====")
//
// A part the input leaves out (it has fewer separators) is the one of a small valid workbook
// (kParts); a part given empty is left out of the archive.  An input that starts as a zip
// archive does ("PK\3\4") is written as it is, so that damaged archives are read too.  The
// workbook is written to a scratch file and read against the bundled rules' schema with small
// limits; the checks are those of fuzz_csv (ntm::fuzz::check_dataset).
#include <zip.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "data/builder.hpp"
#include "fuzz/support.hpp"

namespace {

using namespace ntm;

constexpr std::string_view kSeparator = "\n=====\n";

struct Part {
    const char* name;
    std::string_view xml;  // of the small valid workbook
};

// A sheet of one commune under its district, with a shared string, a boolean, a percentage
// (style 1) and a date (style 2).
constexpr std::array<Part, 6> kParts = {{
    {"xl/worksheets/sheet1.xml",
     R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="inlineStr"><is><t>2.1</t></is></c><c r="H1" t="inlineStr"><is><t>1.1</t></is></c></row><row r="2"><c r="A2"><v>518</v></c><c r="B2" t="inlineStr"><is><t>Phú Ninh</t></is></c><c r="C2" t="inlineStr"><is><t>Huyện</t></is></c><c r="D2"/><c r="E2" t="inlineStr"><is><t>DHNTB</t></is></c><c r="F2"><v>2024</v></c></row><row r="3"><c r="A3" t="str"><v>20380</v></c><c r="B3" t="s"><v>6</v></c><c r="C3" t="s"><v>7</v></c><c r="D3"><v>518</v></c><c r="F3"><v>2024</v></c><c r="G3" s="1"><v>0.965</v></c><c r="H3" t="b"><v>1</v></c><c r="I3" s="2"><v>45366</v></c></row></sheetData></worksheet>)"},
    {"xl/sharedStrings.xml",
     R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="8" uniqueCount="8"><si><t>Mã</t></si><si><t>Tên</t></si><si><t>Loại</t></si><si><t>Mã cấp trên</t></si><si><t>Vùng</t></si><si><t>Năm</t></si><si><r><t>Tam </t></r><r><t>Phước</t></r><rPh><t>x</t></rPh></si><si><t xml:space="preserve">Xã_x000D_</t></si></sst>)"},
    {"xl/workbook.xml",
     R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="false"/><sheets><sheet name="Dữ liệu 2024" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
    {"xl/_rels/workbook.xml.rels",
     R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)"},
    {"xl/styles.xml",
     R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/></cellXfs></styleSheet>)"},
    {"_rels/.rels",
     R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)"},
}};

// Writes the workbook the input describes to `path`; false when libzip cannot.
bool write_workbook(std::string_view input, const std::string& path) {
    std::array<std::string_view, kParts.size()> parts;
    for (std::size_t i = 0; i < kParts.size(); ++i) parts[i] = kParts[i].xml;
    for (std::size_t i = 0; i < kParts.size() && !input.empty(); ++i) {
        const std::size_t sep = i + 1 < kParts.size() ? input.find(kSeparator) : std::string_view::npos;
        parts[i] = input.substr(0, sep);
        input = sep == std::string_view::npos ? std::string_view{} : input.substr(sep + kSeparator.size());
    }
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (zip == nullptr) return false;
    for (std::size_t i = 0; i < kParts.size(); ++i) {
        if (parts[i].empty()) continue;
        zip_source_t* source = zip_source_buffer(zip, parts[i].data(), parts[i].size(), 0);
        const zip_int64_t index = source == nullptr ? -1 : zip_file_add(zip, kParts[i].name, source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            zip_discard(zip);
            return false;
        }
        zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    if (zip_close(zip) != 0) {
        zip_discard(zip);
        return false;
    }
    return true;
}

// The scratch workbook, removed when the fuzzer ends.
struct Scratch {
    std::string path = fuzz::scratch_path(".xlsx");
    ~Scratch() { std::remove(path.c_str()); }
};

bool write_bytes(std::string_view bytes, const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) return false;
    const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    return std::fclose(f) == 0 && written;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    static const Scratch scratch;
    const std::string& path = scratch.path;
    const bool archive = input.starts_with(std::string_view("PK\3\4", 4));
    if (!(archive ? write_bytes(input, path) : write_workbook(input, path))) {
        fuzz::fail("xlsx", "cannot write the scratch workbook", path);
    }
    const engine::Schema& schema = fuzz::bundled_program().schema;
    data::LoadOptions options;
    options.limits = fuzz::small_limits();
    try {
        const engine::Dataset ds = data::load_data(path, schema, options);
        fuzz::check_dataset("xlsx", ds, schema, path, 0);
    } catch (const text::FileError& e) {
        fuzz::check_file_error("xlsx", e, path);
    }
    return 0;
}
