// Loading commune data: CSV as Excel writes it, JSON, and every validation problem with its
// exact code, line, field and message (docs/data-format.md).
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "data/load.hpp"
#include "engine/dataset.hpp"
#include "data/builder.hpp"

using namespace ntm::engine;
using namespace ntm::data;
using ntm::text::ProblemKind;
using ntm::dsl::EntityKind;
using ntm::dsl::Region;

namespace {

// The columns a small rule set would declare.
Schema make_schema() {
    Schema s;
    const auto add = [&](EntityKind k, std::string name, std::string unit, ValueType type,
                         bool percent = false, bool count = false) {
        auto& cols = s.columns[kind_index(k)];
        Column c;
        c.name = std::move(name);
        c.unit = std::move(unit);
        c.unit_symbol = c.unit == "trieu_dong" ? "triệu đồng/người/năm" : "";
        c.type = type;
        c.percent = percent;
        c.count = count;
        c.slot = static_cast<std::uint32_t>(cols.size());
        cols.push_back(std::move(c));
    };
    add(EntityKind::xa, "1.1", "yesno", ValueType::boolean);
    add(EntityKind::xa, "2.1", "percent", ValueType::number, true);
    add(EntityKind::xa, "hai_long", "percent", ValueType::number, true);
    add(EntityKind::xa, "so_truong", "count", ValueType::number, false, true);
    add(EntityKind::xa, "thu_nhap", "trieu_dong", ValueType::number);
    add(EntityKind::xa, "tỷ_lệ_nghèo", "percent", ValueType::number, true);
    add(EntityKind::huyen, "hai_long", "percent", ValueType::number, true);
    add(EntityKind::huyen, "ty_le_xa", "percent", ValueType::number, true);
    return s;
}

const Schema& schema() {
    static const Schema s = make_schema();
    return s;
}

std::string write(const std::string& name, const std::string& text) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("ntm-test-dataset-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

// Loads `text` as a file named `name`, checking the counts every load must satisfy.
Dataset load(const std::string& name, const std::string& text, LoadOptions options = {}) {
    Dataset ds = load_data(write(name, text), schema(), options);
    CHECK(ds.read == ds.records.size() + ds.rejected);
    std::size_t slots = 0;
    for (const Record& r : ds.records) {
        CHECK(r.offset == slots);
        slots += schema().slots(ds.entities[r.entity].kind);
    }
    CHECK(ds.values.size() == slots);
    return ds;
}

// "LINE CODE kind field: message", one per problem, in the order given.
std::vector<std::string> problems(const Dataset& ds) {
    std::vector<std::string> out;
    for (const ntm::text::Problem& p : ds.problems) {
        const char* kind = p.kind == ProblemKind::warning ? "warning"
                           : p.kind == ProblemKind::value ? "value"
                                                          : "record";
        out.push_back(std::to_string(p.where.line) + " " + p.code + " " + kind + " " +
                      p.where.field + ": " + p.message);
    }
    return out;
}

double value(const Dataset& ds, std::string_view code, int year, std::string_view column) {
    const std::uint32_t e = ds.find(code);
    REQUIRE(e != kNone);
    const Column* c = schema().find(ds.entities[e].kind, column);
    REQUIRE(c != nullptr);
    for (const Record& r : ds.records) {
        if (r.entity == e && r.year == year) return ds.values[r.offset + c->slot];
    }
    FAIL("no record of " << code << " in " << year);
    return kUnknown;
}

std::string load_error(const std::string& name, const std::string& text) {
    try {
        load_data(write(name, text), schema());
    } catch (const ntm::text::FileError& e) {
        return e.problem.message;
    }
    return "(no error)";
}

// Quảng Nam, Phú Ninh: the hierarchy most cases build on.
const std::string kHeader = "code,name,type,parent,region,year";
const std::string kParents =
    "49,Quảng Nam,Tỉnh,,DHNTB,2023\n"
    "518,Phú Ninh,Huyện,49,,2023\n";

}  // namespace

// ---------------------------------------------------------------------------------------------
// Cells: yes/no and numbers

TEST_CASE("parse_yes_no accepts the forms staff write, in any case") {
    const std::pair<std::string, std::optional<double>> cases[] = {
        {"đạt", 1},
        {"Đạt", 1},
        {"ĐẠT", 1},
        {"không đạt", 0},
        {"Không  đạt", 0},
        {"chưa đạt", 0},
        {"Chưa Đạt", 0},
        {"có", 1},
        {"Có", 1},
        {"không", 0},
        {"KHÔNG", 0},
        {"true", 1},
        {"FALSE", 0},
        {"yes", 1},
        {"No", 0},
        {"1", 1},
        {"0", 0},
        {" đạt ", 1},
        {"d\xC4\x91"
         "a\xCC\xA3t",
         std::nullopt},  // "dđạt": not a form
        {"\xC4\x91"
         "a\xCC\xA3t",
         1},  // "đạt" with a combining dot below
        {"maybe", std::nullopt},
        {"", std::nullopt},
        {"2", std::nullopt},
        {"đạt chuẩn", std::nullopt},
    };
    for (const auto& [text, expected] : cases) {
        INFO(text);
        CHECK(parse_yes_no(text) == expected);
    }
}

TEST_CASE("numbers: dot, decimal comma, percent sign, and what is refused") {
    using ntm::data::parse_number;
    using Form = ntm::data::ParsedNumber::Form;
    struct Case {
        std::string text;
        bool comma_decimal;
        Form form;
        double value;
        bool percent;
    };
    const Case cases[] = {
        {"98.5", false, Form::ok, 98.5, false},
        {"98,5", false, Form::ok, 98.5, false},
        {"98,5", true, Form::ok, 98.5, false},
        {"98.5%", false, Form::ok, 98.5, true},
        {"98,5 %", false, Form::ok, 98.5, true},
        {"-3", false, Form::ok, -3, false},
        {"+4", false, Form::ok, 4, false},
        {"1e3", false, Form::ok, 1000, false},
        {"0,125", false, Form::ok, 0.125, false},
        {"1234,567", false, Form::ok, 1234.567, false},
        {"1,234", true, Form::ok, 1.234, false},
        {"1,234", false, Form::ambiguous, 0, false},
        {"12,345", false, Form::ambiguous, 0, false},
        {"1.234.567", false, Form::not_number, 0, false},
        {"1.234,5", false, Form::not_number, 0, false},
        {"abc", false, Form::not_number, 0, false},
        {"", false, Form::not_number, 0, false},
        {"%", false, Form::not_number, 0, false},
        {"inf", false, Form::not_number, 0, false},
        {"nan", false, Form::not_number, 0, false},
        {"1e", false, Form::not_number, 0, false},
        {"1e400", false, Form::not_number, 0, false},
        {"12 3", false, Form::not_number, 0, false},
    };
    for (const Case& c : cases) {
        INFO(c.text << (c.comma_decimal ? " (';' file)" : ""));
        const auto n = parse_number(c.text, c.comma_decimal);
        CHECK(n.form == c.form);
        if (c.form == Form::ok) {
            CHECK(n.value == Approx(c.value));
            CHECK(n.percent == c.percent);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// CSV

TEST_CASE("csv: BOM, CRLF, quoted cells with commas, doubled quotes and line breaks") {
    const std::string text =
        "\xEF\xBB\xBF"
        "code,name,type,parent,region,year,1.1,2.1,hai_long\r\n"
        "49,Quảng Nam,Tỉnh,,DHNTB,2023,,,\r\n"
        "518,\"Phú Ninh, Quảng Nam\",Huyện,49,,2023,,,\r\n"
        "20368,\"Tam An \"\"mới\"\"\r\nthôn 1\",Xã,518,,2023,Đạt,\"98,5\",\"91.5%\"\r\n"
        "20365,Tam Thành,Xã,518,,2023,không đạt,100,\r\n";
    const Dataset ds = load("bom_crlf.csv", text);
    CHECK(problems(ds).empty());
    REQUIRE(ds.entities.size() == 4);
    CHECK(ds.records.size() == 4);
    CHECK(ds.entities[1].name == "Phú Ninh, Quảng Nam");
    CHECK(ds.entities[2].name == "Tam An \"mới\"\r\nthôn 1");
    CHECK(ds.entities[2].origin.line == 4);
    CHECK(ds.entities[3].origin.line == 6);  // after the line break inside quotes
    CHECK(value(ds, "20368", 2023, "1.1") == 1);
    CHECK(value(ds, "20368", 2023, "2.1") == 98.5);
    CHECK(value(ds, "20368", 2023, "hai_long") == 91.5);
    CHECK(value(ds, "20365", 2023, "1.1") == 0);
    CHECK(std::isnan(value(ds, "20365", 2023, "hai_long")));
}

TEST_CASE("csv: Vietnamese headers in any case, full region names, recognition") {
    const std::string text =
        "Mã,Tên,Loại,MÃ CẤP TRÊN,Vùng,Năm,Công nhận,tỷ_lệ_nghèo\n"
        "49,Quảng Nam,Tỉnh,,Duyên hải Nam Trung Bộ,2024,,\n"
        "518,Phú Ninh,Huyện,49,,2024,,\n"
        "20368,Tam An,Xã,518,,2024,dat_chuan:2019; nang_cao:2023,\"4,2\"\n";
    const Dataset ds = load("vietnamese_headers.csv", text);
    CHECK(problems(ds).empty());
    REQUIRE(ds.entities.size() == 3);
    const Entity& tam_an = ds.entities[ds.find("20368")];
    CHECK(tam_an.region == Region::DHNTB);
    CHECK(tam_an.type == "Xã");
    REQUIRE(tam_an.recognised.size() == 2);
    CHECK(tam_an.recognised[1].level == "nang_cao");
    CHECK(tam_an.recognised[1].year == 2023);
    CHECK(value(ds, "20368", 2024, "tỷ_lệ_nghèo") == 4.2);
}

TEST_CASE("csv: ';' separator (Excel in Vietnamese), decimal comma without quotes, kind column") {
    const std::string text =
        "code;name;kind;parent;region;year;thu_nhap;2.1\n"
        "49;Quảng Nam;tinh;;DHNTB;2023;;\n"
        "518;Phú Ninh;huyen;49;;2023;;\n"
        "20368;Tam An;xa;518;;2023;45,5;1,234\n";
    const Dataset ds = load("semicolon.csv", text);
    CHECK(problems(ds).empty());
    CHECK(value(ds, "20368", 2023, "thu_nhap") == 45.5);
    CHECK(value(ds, "20368", 2023, "2.1") == Approx(1.234));
    CHECK(ds.entities[ds.find("518")].type == "Huyện");
}

TEST_CASE("csv: parents after children, region inherited through the chain, several years") {
    const std::string text = kHeader +
                             ",hai_long\n"
                             "20368,Tam An,Xã,518,,2023,90\n"
                             "20368,Tam An,Xã,518,,2024,95\n"
                             "518,Phú Ninh,Huyện,49,,2024,\n"
                             "49,Quảng Nam,Tỉnh,,DHNTB,2024,\n";
    const Dataset ds = load("parents_after.csv", text);
    CHECK(problems(ds).empty());
    REQUIRE(ds.entities.size() == 3);
    CHECK(ds.records.size() == 4);
    const Entity& tam_an = ds.entities[ds.find("20368")];
    CHECK(tam_an.region == Region::DHNTB);
    CHECK(ds.entities[tam_an.parent].code == "518");
    CHECK(ds.entities[ds.entities[tam_an.parent].parent].code == "49");
    CHECK(ds.years() == std::vector<int>{2023, 2024});
    CHECK(value(ds, "20368", 2024, "hai_long") == 95);

    SECTION("a year keeps that year's records; the others are skipped") {
        const Dataset y = load("parents_after_2024.csv", text, {2024});
        CHECK(y.records.size() == 3);
        CHECK(y.skipped == 1);
        CHECK(y.read == 3);
        CHECK(y.years() == std::vector<int>{2024});
    }
}

TEST_CASE("csv: a commune's own region wins over its parent's, with a warning") {
    const Dataset ds =
        load("own_region.csv", kHeader + "\n" + kParents + "20368,Tam An,Xã,518,BTB,2023\n");
    CHECK(problems(ds) ==
          std::vector<std::string>{"4 D0302 warning region: region 'BTB' of '20368' differs from "
                                   "'DHNTB' of its parent '518'; 'BTB' is used"});
    CHECK(ds.entities[ds.find("20368")].region == Region::BTB);
}

// Each validation problem: the CSV rows after the header and parents, and what is reported.
TEST_CASE("csv: every validation problem, with its code, line, field and message") {
    struct Case {
        const char* name;
        std::string header;  // extra columns after kHeader
        std::string rows;    // after kParents (lines 2, 3), so the first is line 4
        std::vector<std::string> expected;
    };
    const Case cases[] = {
        {"unknown column",
         ",hai_lon,ghi_chu",
         "20368,Tam An,Xã,518,,2023,90,x\n20365,Tam Thành,Xã,518,,2023,80,y\n",
         {"1 D0001 warning hai_lon: unknown column 'hai_lon': no kind has an input of that name, "
          "its values are "
          "ignored; did you mean 'hai_long'?",
          "1 D0001 warning ghi_chu: unknown column 'ghi_chu': no kind has an input of that name, "
          "its values are ignored"}},
        {"column of another kind",
         ",ty_le_xa,so_truong",
         "20368,Tam An,Xã,518,,2023,50,3\n20365,Tam Thành,Xã,518,,2023,60,2\n",
         {"4 D0002 warning ty_le_xa: column 'ty_le_xa' is not an input of xa; its values for xa "
          "are ignored"}},
        {"column given twice",
         ",hai_long,Năm,hai_long",
         "20368,Tam An,Xã,518,,2023,90,2023,91\n",
         {"1 D0003 warning Năm: column 'Năm' is given twice (columns 6 and 8); the later is "
          "ignored",
          "1 D0003 warning hai_long: column 'hai_long' is given twice (columns 7 and 9); the later "
          "is ignored"}},
        {"cells after the header",
         "",
         "20368,Tam An,Xã,518,,2023,90\n",
         {"4 D0004 warning : row has 7 cells but the header has 6; the cells after column 6 are "
          "ignored"}},
        {"cell under an empty header",
         ",",
         "20368,Tam An,Xã,518,,2023,90\n20365,Tam Thành,Xã,518,,2023,80\n",
         {"4 D0001 warning : column 7 has no header; its values are ignored"}},
        {"empty code",
         "",
         ",Tam An,Xã,518,,2023\n",
         {"4 D0101 record code: empty code: the record cannot be identified"}},
        {"bad year",
         "",
         "20368,Tam An,Xã,518,,202\n20365,Tam Thành,Xã,518,,\n",
         {"4 D0102 record year: year '202' of '20368' is not a year from 1900 to 2100",
          "5 D0102 record year: empty year of '20365'"}},
        {"duplicate record",
         "",
         "20368,Tam An,Xã,518,,2023\n20368,Tam An,Xã,518,,2023\n",
         {"5 D0103 record year: duplicate record of '20368' in 2023; first given on line 4"}},
        {"unknown type",
         "",
         "20368,Tam An,Xa ,518,,2023\n20365,Tam Thành,Huyen,518,,2023\n20371,Tam Lộc,Xóm "
         "Mới,518,,2023\n",
         {"5 D0107 record parent: parent '518' of '20365' is a huyen; the parent of a huyen must "
          "be a tinh",
          "6 D0104 record type: unknown type 'Xóm Mới' of '20371'"}},
        {"no type",
         "",
         "20368,Tam An,,518,,2023\n",
         {"4 D0104 record type: no type or kind for '20368'"}},
        {"type of another kind than the first row",
         "",
         "20368,Tam An,Xã,518,,2023\n20368,Tam An,Huyện,518,,2024\n",
         {"5 D0105 record type: '20368' is a xa on line 4, not a huyen"}},
        {"unknown parent",
         "",
         "20368,Tam An,Xã,5180,,2023\n",
         {"4 D0106 record parent: unknown parent '5180' of '20368'"}},
        {"parent of the wrong kind",
         "",
         "20368,Tam An,Xã,518,,2023\n20371,Tam Lộc,Xã,20368,,2023\n",
         {"5 D0107 record parent: parent '20368' of '20371' is a xa; the parent of a xa must be a "
          "huyen"}},
        {"parent rejected",
         "",
         "517,Núi Thành,Huyện,4900,,2023\n20368,Tam An,Xã,517,,2023\n20371,Tam "
         "Lộc,Xã,519,,2023\n519,Bắc Trà My,Quận X,49,,2023\n",
         {"4 D0106 record parent: unknown parent '4900' of '517'",
          "5 D0108 record parent: parent '517' of '20368' is rejected (line 4)",
          "6 D0108 record parent: parent '519' of '20371' is rejected (line 7)",
          "7 D0104 record type: unknown type 'Quận X' of '519'; did you mean 'Quận'?"}},
        {"no region",
         "",
         "20368,Tam An,Xã,,,2023\n",
         {"4 D0109 record region: no region for '20368': none given and no parent to inherit it "
          "from"}},
        {"unknown region",
         "",
         "20368,Tam An,Xã,,DHTNB,2023\n20365,Tam Thành,Xã,,Tây Bắc,2023\n",
         {"4 D0110 record region: unknown region 'DHTNB' (TDMNPB, DBSH, BTB, DHNTB, TN, DNB, "
          "DBSCL); did you mean 'DHNTB'?",
          "5 D0110 record region: unknown region 'Tây Bắc' (TDMNPB, DBSH, BTB, DHNTB, TN, DNB, "
          "DBSCL)"}},
        {"not a number",
         ",2.1",
         "20368,Tam An,Xã,518,,2023,abc\n",
         {"4 D0201 value 2.1: 'abc' is not a number"}},
        {"not yes/no",
         ",1.1",
         "20368,Tam An,Xã,518,,2023,maybe\n",
         {"4 D0202 value 1.1: 'maybe' is not yes/no: write đạt or không đạt (or có/không, yes/no, "
          "true/false, 1/0)"}},
        {"percentage out of range",
         ",hai_long",
         "20368,Tam An,Xã,518,,2023,140\n20365,Tam Thành,Xã,518,,2023,-1%\n",
         {"4 D0203 value hai_long: percentage 140 is outside 0–100",
          "5 D0203 value hai_long: percentage -1% is outside 0–100"}},
        {"negative count",
         ",so_truong",
         "20368,Tam An,Xã,518,,2023,-3\n",
         {"4 D0204 value so_truong: count -3 is negative"}},
        {"count not whole",
         ",so_truong",
         "20368,Tam An,Xã,518,,2023,2.5\n",
         {"4 D0205 value so_truong: count 2.5 is not a whole number"}},
        {"ambiguous comma",
         ",thu_nhap",
         "20368,Tam An,Xã,518,,2023,\"1,234\"\n",
         {"4 D0206 value thu_nhap: '1,234' is ambiguous: a comma before three digits may separate "
          "thousands; write 1234 or 1.234"}},
        {"percent sign on a number",
         ",thu_nhap",
         "20368,Tam An,Xã,518,,2023,45%\n",
         {"4 D0207 value thu_nhap: '45%' is written as a percentage but 'thu_nhap' is in triệu "
          "đồng/người/năm"}},
        {"malformed recognition",
         ",recognised",
         "20368,Tam An,Xã,518,,2023,dat_chuan-2019; nang_cao:20230\n",
         {"4 D0208 value recognised: malformed recognition 'dat_chuan-2019': write LEVEL:YEAR, "
          "e.g. dat_chuan:2019",
          "4 D0208 value recognised: malformed recognition 'nang_cao:20230': write LEVEL:YEAR, "
          "e.g. dat_chuan:2019"}},
        {"rows that disagree",
         "",
         "20368,Tam An,Xã,518,,2023\n20368,Tam Anh,Phường,517,BTB,2024\n517,Núi "
         "Thành,Huyện,49,,2023\n",
         {"5 D0301 warning name: name 'Tam Anh' of '20368' differs from 'Tam An' on line 4; 'Tam "
          "An' is kept",
          "5 D0301 warning type: type 'Phường' of '20368' differs from 'Xã' on line 4; 'Xã' is "
          "kept",
          "5 D0301 warning parent: parent '517' of '20368' differs from '518' on line 4; '518' is "
          "kept",
          "5 D0302 warning region: region 'BTB' of '20368' differs from 'DHNTB' of its parent "
          "'518'; 'BTB' is used"}},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const Dataset ds = load("case.csv", kHeader + c.header + "\n" + kParents + c.rows);
        CHECK(problems(ds) == c.expected);
    }
}

TEST_CASE("csv: counts of read, accepted and rejected records") {
    const Dataset ds =
        load("counts.csv", kHeader + ",hai_long\n" + kParents +
                               "20368,Tam An,Xã,518,,2023,140\n"  // value problem: accepted
                               "20368,Tam An,Xã,518,,2023,90\n"   // duplicate: rejected
                               "20365,Tam Thành,Xã,999,,2023,\n"  // unknown parent
                               "20371,Tam Lộc,Xã,518,,20x3,\n"    // bad year
                               ",,,,,\n");                        // blank: not a record
    CHECK(ds.read == 6);
    CHECK(ds.rejected == 3);
    CHECK(ds.records.size() == 3);
    CHECK(ds.entities.size() == 4);  // 20365 is rejected; 20371 is known, its record is not
    CHECK(std::isnan(value(ds, "20368", 2023, "hai_long")));
}

TEST_CASE("csv: rejected records leave no gap in the values") {
    const Dataset ds = load("gap.csv", kHeader + ",hai_long\n" + kParents +
                                           "20368,Tam An,Xã,9999,,2023,10\n"
                                           "20365,Tam Thành,Xã,518,,2023,20\n");
    CHECK(ds.records.size() == 3);
    CHECK(value(ds, "20365", 2023, "hai_long") == 20);
    CHECK(ds.find("20368") == kNone);
    CHECK(ds.find("20365") != kNone);
}

TEST_CASE("csv: files that cannot be read are errors, not problems") {
    CHECK(load_error("unclosed.csv", kHeader + "\n49,\"Quảng Nam,Tỉnh,,DHNTB,2023\n") ==
          "line 2: quoted cell not closed before the end of the file");
    CHECK(load_error("no_code.csv", "name,type,year\nTam An,Xã,2023\n") ==
          "line 1: the header has no 'code' (mã) column");
    CHECK(load_error("no_type.csv", "code,year\n20368,2023\n") ==
          "line 1: the header has no 'type' (loại) or 'kind' (cấp) column");
    CHECK(load_error("no_year.csv", "mã,loại\n20368,Xã\n") ==
          "line 1: the header has no 'year' (năm) column");
    CHECK(load_error("empty.csv", "\n\n") == "empty file: no header line");
    CHECK(load_error("latin1.csv", "code,name,type,year\n20368,Tam \xC2n,X\xE3,2023\n") ==
          "line 2: not valid UTF-8 (byte 0xC2); save the file as UTF-8");
    CHECK(load_error("data.xls", "PK") ==
          "Excel 97-2003 workbooks (.xls) are not read: save the workbook as .xlsx (Excel "
          "Workbook) or as .csv (CSV UTF-8)");
    CHECK(load_error("data.ods", "PK") ==
          "unknown data format '.ods': save the data as .xlsx, .csv (UTF-8) or .json");
}

// ---------------------------------------------------------------------------------------------
// JSON

TEST_CASE("json: entities, values by year, recognition, parents after children") {
    const std::string text = R"({
  "format": "ntm-data",
  "version": 1,
  "entities": [
    {"code": "20368", "name": "Tam An", "type": "Xã", "parent": "518",
     "recognised": [{"level": "dat_chuan", "year": 2019}, "nang_cao:2023"],
     "values": {
       "2023": {"2.1": 100, "hai_long": 95.5, "1.1": true, "so_truong": null},
       "2024": {"2.1": "98,5", "1.1": "không đạt", "thu_nhap": 50}
     }},
    {"code": "518", "name": "Phú Ninh", "type": "Huyện", "parent": "49"},
    {"code": "49", "name": "Quảng Nam", "type": "Tỉnh", "region": "DHNTB"}
  ]
})";
    const Dataset ds = load("ok.json", text);
    CHECK(problems(ds).empty());
    REQUIRE(ds.entities.size() == 3);
    CHECK(ds.records.size() == 2);
    const Entity& tam_an = ds.entities[ds.find("20368")];
    CHECK(tam_an.region == Region::DHNTB);
    CHECK(tam_an.origin.line == 5);
    REQUIRE(tam_an.recognised.size() == 2);
    CHECK(tam_an.recognised[0].level == "dat_chuan");
    CHECK(tam_an.recognised[1].year == 2023);
    CHECK(ds.records[0].origin.line == 8);
    CHECK(ds.records[1].origin.line == 9);
    CHECK(value(ds, "20368", 2023, "hai_long") == 95.5);
    CHECK(value(ds, "20368", 2023, "1.1") == 1);
    CHECK(std::isnan(value(ds, "20368", 2023, "so_truong")));
    CHECK(value(ds, "20368", 2024, "2.1") == 98.5);
    CHECK(value(ds, "20368", 2024, "1.1") == 0);

    const Dataset y = load("ok_2024.json", text, {2024});
    CHECK(y.records.size() == 1);
    CHECK(y.skipped == 1);
    CHECK(y.entities.size() == 3);
}

TEST_CASE("json: the line of each value, whatever its type and wherever it ends") {
    // Numbers end where the next character starts; the line must still be the number's.
    const std::string text =
        "{\"format\": \"ntm-data\", \"version\": 1, \"entities\": [\n"
        "{\"code\": \"49\", \"type\": \"Tỉnh\", \"region\": \"DHNTB\"},\n"
        "{\"code\": \"20368\", \"type\": \"Xã\", \"parent\": \"49x\", \"values\": {\"2023\": {\n"
        "\"2.1\": 140\n"
        ", \"hai_long\":\n"
        "-5.5}, \"2024\": {\"1.1\": \"maybe\",\n"
        "\"so_truong\": 1e1,\n"
        "\"thu_nhap\": false,\n"
        "\"1.1\": [1, {\"a\": 2}]\n"
        "}}}]}";
    const Dataset ds = load("lines.json", text);
    CHECK(problems(ds) ==
          std::vector<std::string>{
              "3 D0106 record parent: unknown parent '49x' of '20368'",
              "4 D0203 value 2.1: percentage 140 is outside 0–100",
              "6 D0203 value hai_long: percentage -5.5 is outside 0–100",
              "6 D0202 value 1.1: 'maybe' is not yes/no: write đạt or không đạt (or có/không, "
              "yes/no, true/false, 1/0)",
              "8 D0201 value thu_nhap: expected a number, got false",
              "9 D0003 warning 1.1: key '1.1' is given twice in 2024; the later value is used",
              "9 D0202 value 1.1: expected yes/no, got an array",
          });
    CHECK(ds.read == 2);
    CHECK(ds.rejected == 2);
}

TEST_CASE("json: every validation problem") {
    struct Case {
        const char* name;
        std::string entities;  // after Quảng Nam (line 2) and Phú Ninh (line 3)
        std::vector<std::string> expected;
    };
    const Case cases[] = {
        {"unknown keys",
         R"({"code": "20368", "type": "Xã", "parent": "518", "ghi_chu": "x", "values": {"2023": {"hai_lon": 1}}},
{"code": "20365", "type": "Xã", "parent": "518", "ghi_chu": "y", "values": {"2023": {"hai_lon": 2}}})",
         {"4 D0005 warning ghi_chu: unknown key 'ghi_chu' in an entity; it is ignored",
          "4 D0001 warning hai_lon: unknown column 'hai_lon': no kind has an input of that name, "
          "its values are "
          "ignored; did you mean 'hai_long'?"}},
        {"key of another kind",
         R"({"code": "518", "type": "Huyện", "values": {"2023": {"so_truong": 2}}})",
         {"4 D0002 warning so_truong: column 'so_truong' is not an input of huyen; its values for "
          "huyen are ignored"}},
        {"duplicate record",
         R"({"code": "20368", "type": "Xã", "parent": "518", "values": {"2023": {}}},
{"code": "20368", "type": "Xã", "parent": "518", "values": {"2023": {}, "2024": {}}})",
         {"5 D0103 record 2023: duplicate record of '20368' in 2023; first given on line 4"}},
        {"bad year key",
         R"({"code": "20368", "type": "Xã", "parent": "518", "values": {"20x3": {}}})",
         {"4 D0102 record 20x3: key '20x3' of 'values' is not a year from 1900 to 2100"}},
        {"unknown parent with two records",
         R"({"code": "20368", "type": "Xã",
 "parent": "5180", "values": {"2023": {}, "2024": {}}})",
         {"5 D0106 record parent: unknown parent '5180' of '20368'"}},
        {"unknown region",
         R"({"code": "20368", "type": "Xã", "region": "DBHS", "values": {"2023": {}}})",
         {"4 D0110 record region: unknown region 'DBHS' (TDMNPB, DBSH, BTB, DHNTB, TN, DNB, "
          "DBSCL); did you mean 'DBSH'?"}},
        {"no code",
         R"({"name": "Tam An", "type": "Xã", "values": {"2023": {}}})",
         {"4 D0101 record code: empty code: the record cannot be identified"}},
        {"code as a number",
         R"({"code": 20368, "type": "Xã", "parent": "518", "values": {"2023": {}}})",
         {"4 D0111 record code: 'code' must be a string, got 20368"}},
        {"entity not an object",
         R"("20368")",
         {"4 D0111 record entities: an entity must be an object, got a string"}},
        {"values of a year not an object",
         R"({"code": "20368", "type": "Xã", "parent": "518", "values": {"2023": [1]}})",
         {"4 D0111 record 2023: the values of 2023 must be an object of column: value, got an "
          "array"}},
        {"malformed recognition",
         R"({"code": "20368", "type": "Xã", "parent": "518",
 "recognised": [{"level": "dat_chuan"}, "nang_cao 2023", 2019]})",
         {"5 D0208 value recognised: malformed recognition: no year for 'dat_chuan'; write e.g. "
          "{\"level\": \"dat_chuan\", \"year\": 2019}",
          "5 D0208 value recognised: malformed recognition: expected {\"level\": …, \"year\": …} "
          "or \"LEVEL:YEAR\", got a number",
          "5 D0208 value recognised: malformed recognition 'nang_cao 2023': write LEVEL:YEAR, e.g. "
          "dat_chuan:2019"}},
        {"strings for numbers and yes/no",
         R"({"code": "20368", "type": "Xã", "parent": "518", "values": {"2023": {"2.1": "abc", "1.1": 1, "so_truong": "3", "thu_nhap": "1,234"}}})",
         {"4 D0201 value 2.1: 'abc' is not a number",
          "4 D0206 value thu_nhap: '1,234' is ambiguous: a comma before three digits may separate "
          "thousands; write 1234 or 1.234"}},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const std::string text =
            "{\"format\": \"ntm-data\", \"version\": 1, \"entities\": [\n"
            "{\"code\": \"49\", \"name\": \"Quảng Nam\", \"type\": \"Tỉnh\", \"region\": "
            "\"DHNTB\"},\n"
            "{\"code\": \"518\", \"name\": \"Phú Ninh\", \"type\": \"Huyện\", \"parent\": "
            "\"49\"},\n" +
            c.entities + "\n]}\n";
        const Dataset ds = load("case.json", text);
        CHECK(problems(ds) == c.expected);
    }
}

TEST_CASE("json: files that cannot be read are errors, not problems") {
    CHECK(
        load_error("syntax.json",
                   "{\"format\": \"ntm-data\",\n \"entities\": [\n {\"code\": \"1\",}\n]}") ==
        "line 3: syntax error while parsing object key - unexpected '}'; expected string literal");
    CHECK(load_error("format.json", "{\"format\": \"ntm-rules\", \"entities\": []}") ==
          "line 1: not an ntm-data file: \"format\" is 'ntm-rules', expected \"ntm-data\"");
    CHECK(load_error("no_format.json", "{\"entities\": []}") ==
          "not an ntm-data file: no \"format\": \"ntm-data\"");
    CHECK(load_error("version.json",
                     "{\"format\": \"ntm-data\", \"version\": 2, \"entities\": []}") ==
          "line 1: unsupported version 2: this ntm reads version 1");
    CHECK(load_error("array.json", "[]") ==
          "not an ntm-data file: expected an object with \"format\": \"ntm-data\"");
    CHECK(load_error("entities.json", "{\"format\": \"ntm-data\", \"entities\": {}}") ==
          "line 1: \"entities\" must be an array, got an object");
}

TEST_CASE("csv and json with the same content load alike") {
    const std::string csv = kHeader + ",hai_long,1.1,recognised\n" + kParents +
                            "20368,Tam An,Xã,518,,2023,95.5,đạt,dat_chuan:2019\n"
                            "20368,Tam An,Xã,518,,2024,97,có,\n";
    const std::string json = R"({"format": "ntm-data", "version": 1, "entities": [
{"code": "49", "name": "Quảng Nam", "type": "Tỉnh", "region": "DHNTB", "values": {"2023": {}}},
{"code": "518", "name": "Phú Ninh", "type": "Huyện", "parent": "49", "values": {"2023": {}}},
{"code": "20368", "name": "Tam An", "type": "Xã", "parent": "518", "recognised": ["dat_chuan:2019"],
 "values": {"2023": {"hai_long": 95.5, "1.1": "đạt"}, "2024": {"hai_long": 97, "1.1": true}}}]})";
    const Dataset a = load("same.csv", csv);
    const Dataset b = load("same.json", json);
    CHECK(problems(a).empty());
    CHECK(problems(b).empty());
    REQUIRE(a.entities.size() == b.entities.size());
    for (std::size_t i = 0; i < a.entities.size(); ++i) {
        CHECK(a.entities[i].code == b.entities[i].code);
        CHECK(a.entities[i].name == b.entities[i].name);
        CHECK(a.entities[i].region == b.entities[i].region);
        CHECK(a.entities[i].parent == b.entities[i].parent);
        CHECK(a.entities[i].recognised.size() == b.entities[i].recognised.size());
    }
    REQUIRE(a.values.size() == b.values.size());
    for (std::size_t i = 0; i < a.values.size(); ++i) {
        CHECK((a.values[i] == b.values[i] || (std::isnan(a.values[i]) && std::isnan(b.values[i]))));
    }
}

TEST_CASE("csv: type and kind of one row must agree") {
    const Dataset ds = load("type_kind.csv",
                            "code,name,type,kind,parent,region,year\n"
                            "49,Quảng Nam,Tỉnh,tinh,,DHNTB,2023\n"
                            "518,Phú Ninh,Huyện,,49,,2023\n"
                            "20368,Tam An,Xã,huyen,518,,2023\n"
                            "20365,Tam Thành,,xã,518,,2023\n");
    CHECK(problems(ds) == std::vector<std::string>{
                              "4 D0105 record kind: type 'Xã' (a xa) disagrees with kind 'huyen'"});
    CHECK(ds.entities[ds.find("20365")].type == "Xã");
}

TEST_CASE("text written with combining marks is compared in NFC") {
    // "Mã" and "Bình Dương" typed with combining accents, as some keyboards and old tools do.
    const std::string ma = "Ma\xCC\x83";  // M a U+0303
    const std::string binh_duong =
        "Bi\xCC\x80nh D\xC6\xB0\xC6\xA1ng";  // i U+0300; ư, ơ precomposed
    const std::string dat =
        "\xC4\x91"
        "a\xCC\xA3t";  // đ a U+0323 t
    const std::string text = ma +
                             ",tên,loại,mã cấp trên,vùng,năm,1.1\n"
                             "49,Quảng Nam,Tỉnh,,DHNTB,2024,\n"
                             "513,Thăng Bình,Huyện,49,,2024,\n"
                             "20794,Bình Dương,Xã,513,,2023,\n"
                             "20794," +
                             binh_duong + ",Xa\xCC\x83,513,,2024," + dat + "\n";
    const Dataset ds = load("nfc.csv", text);
    CHECK(problems(ds).empty());
    const Entity& e = ds.entities[ds.find("20794")];
    CHECK(e.name == "Bình Dương");
    CHECK(value(ds, "20794", 2024, "1.1") == 1);
}

// Every ```csv and ```json block of docs/data-format.md loads without a problem.
TEST_CASE("the examples of docs/data-format.md load cleanly") {
    Schema s;
    const auto add = [&](std::string name, ValueType type, bool percent, bool count) {
        auto& cols = s.columns[kind_index(EntityKind::xa)];
        Column c;
        c.name = std::move(name);
        c.type = type;
        c.percent = percent;
        c.count = count;
        c.slot = static_cast<std::uint32_t>(cols.size());
        cols.push_back(std::move(c));
    };
    add("2.1", ValueType::number, true, false);
    add("10", ValueType::number, false, false);
    add("so_truong", ValueType::number, false, true);
    add("so_truong_dat", ValueType::number, false, true);
    add("hai_long", ValueType::number, true, false);
    add("no_dong_xdcb", ValueType::boolean, false, false);

    std::ifstream in(std::string(NTM_SOURCE_DIR) + "/docs/data-format.md");
    std::string line, block, lang;
    std::size_t examples = 0;
    while (std::getline(in, line)) {
        if (lang.empty() && (line == "```csv" || line == "```json")) {
            lang = line.substr(3);
            block.clear();
        } else if (!lang.empty() && line == "```") {
            INFO(block);
            const Dataset ds =
                load_data(write("example-" + std::to_string(++examples) + "." + lang, block), s);
            CHECK(problems(ds).empty());
            CHECK(ds.rejected == 0);
            CHECK(!ds.records.empty());
            lang.clear();
        } else if (!lang.empty()) {
            block += line + "\n";
        }
    }
    CHECK(examples == 3);
}
