// Loading commune data: CSV as Excel writes it and JSON, the hierarchy of units, records
// accepted and rejected, files that cannot be read, and the examples of docs/data-format.md.
// Values are tested in test_values.cpp, validation problems in test_problems.cpp.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "data/load.hpp"
#include "engine/dataset.hpp"
#include "tests/support/load_fixture.hpp"
#include "tests/support/support.hpp"

using namespace ntm::engine;
using namespace ntm::data;
using namespace load_test;
using ntm::dsl::EntityKind;
using ntm::dsl::Region;

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
    CHECK(support::problem_lines(ds).empty());
    REQUIRE(ds.entities.size() == 4);
    CHECK(ds.records.size() == 4);
    CHECK(ds.entities[1].name == "Phú Ninh, Quảng Nam");
    CHECK(ds.entities[2].name == "Tam An \"mới\"\r\nthôn 1");
    CHECK(ds.entities[2].origin.line == 4);
    CHECK(ds.entities[3].origin.line == 6);  // after the line break inside quotes
    CHECK(support::value(ds, "20368", 2023, "1.1") == 1);
    CHECK(support::value(ds, "20368", 2023, "2.1") == 98.5);
    CHECK(support::value(ds, "20368", 2023, "hai_long") == 91.5);
    CHECK(support::value(ds, "20365", 2023, "1.1") == 0);
    CHECK(std::isnan(support::value(ds, "20365", 2023, "hai_long")));
}

TEST_CASE("csv: Vietnamese headers in any case, full region names, recognition") {
    const std::string text =
        "Mã,Tên,Loại,MÃ CẤP TRÊN,Vùng,Năm,Công nhận,tỷ_lệ_nghèo\n"
        "49,Quảng Nam,Tỉnh,,Duyên hải Nam Trung Bộ,2024,,\n"
        "518,Phú Ninh,Huyện,49,,2024,,\n"
        "20368,Tam An,Xã,518,,2024,dat_chuan:2019; nang_cao:2023,\"4,2\"\n";
    const Dataset ds = load("vietnamese_headers.csv", text);
    CHECK(support::problem_lines(ds).empty());
    REQUIRE(ds.entities.size() == 3);
    const Entity& tam_an = ds.entities[ds.find("20368")];
    CHECK(tam_an.region == Region::DHNTB);
    CHECK(tam_an.type == "Xã");
    REQUIRE(tam_an.recognised.size() == 2);
    CHECK(tam_an.recognised[1].level == "nang_cao");
    CHECK(tam_an.recognised[1].year == 2023);
    CHECK(support::value(ds, "20368", 2024, "tỷ_lệ_nghèo") == 4.2);
}

TEST_CASE("csv: ';' separator (Excel in Vietnamese), decimal comma without quotes, kind column") {
    const std::string text =
        "code;name;kind;parent;region;year;thu_nhap;2.1\n"
        "49;Quảng Nam;tinh;;DHNTB;2023;;\n"
        "518;Phú Ninh;huyen;49;;2023;;\n"
        "20368;Tam An;xa;518;;2023;45,5;1,234\n";
    const Dataset ds = load("semicolon.csv", text);
    CHECK(support::problem_lines(ds).empty());
    CHECK(support::value(ds, "20368", 2023, "thu_nhap") == 45.5);
    CHECK(support::value(ds, "20368", 2023, "2.1") == Approx(1.234));
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
    CHECK(support::problem_lines(ds).empty());
    REQUIRE(ds.entities.size() == 3);
    CHECK(ds.records.size() == 4);
    const Entity& tam_an = ds.entities[ds.find("20368")];
    CHECK(tam_an.region == Region::DHNTB);
    CHECK(ds.entities[tam_an.parent].code == "518");
    CHECK(ds.entities[ds.entities[tam_an.parent].parent].code == "49");
    CHECK(ds.years() == std::vector<int>{2023, 2024});
    CHECK(support::value(ds, "20368", 2024, "hai_long") == 95);

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
    CHECK(support::problem_lines(ds) ==
          std::vector<std::string>{"4 D0302 warning region: region 'BTB' of '20368' differs from "
                                   "'DHNTB' of its parent '518'; 'BTB' is used"});
    CHECK(ds.entities[ds.find("20368")].region == Region::BTB);
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
    CHECK(std::isnan(support::value(ds, "20368", 2023, "hai_long")));
}

TEST_CASE("csv: rejected records leave no gap in the values") {
    const Dataset ds = load("gap.csv", kHeader + ",hai_long\n" + kParents +
                                           "20368,Tam An,Xã,9999,,2023,10\n"
                                           "20365,Tam Thành,Xã,518,,2023,20\n");
    CHECK(ds.records.size() == 3);
    CHECK(support::value(ds, "20365", 2023, "hai_long") == 20);
    CHECK(ds.find("20368") == kNone);
    CHECK(ds.find("20365") != kNone);
}

TEST_CASE("csv: files that cannot be read are errors, not problems") {
    CHECK(load_error("unclosed.csv", kHeader + "\n49,\"Quảng Nam,Tỉnh,,DHNTB,2023\n") ==
          "line 2: quoted cell not closed before the end of the file: the '\"' before 'Quảng "
          "Nam,Tỉnh,,DHNTB,2023' opens it, and no '\"' closes it");
    CHECK(load_error("no_code.csv", "name,type,year\nTam An,Xã,2023\n") ==
          "line 1: the header has no 'code' (mã) column");
    CHECK(load_error("no_type.csv", "code,year\n20368,2023\n") ==
          "line 1: the header has no 'type' (loại) or 'kind' (cấp) column");
    CHECK(load_error("no_year.csv", "mã,loại\n20368,Xã\n") ==
          "line 1: the header has no 'year' (năm) column");
    CHECK(load_error("empty.csv", "\n\n") == "empty file: no header line");
    CHECK(load_error("latin1.csv", "code,name,type,year\n20368,Tam \xC2n,X\xE3,2023\n") ==
          "line 2, column 11: not valid UTF-8 (byte 0xC2); save the file as UTF-8");
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
    CHECK(support::problem_lines(ds).empty());
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
    CHECK(support::value(ds, "20368", 2023, "hai_long") == 95.5);
    CHECK(support::value(ds, "20368", 2023, "1.1") == 1);
    CHECK(std::isnan(support::value(ds, "20368", 2023, "so_truong")));
    CHECK(support::value(ds, "20368", 2024, "2.1") == 98.5);
    CHECK(support::value(ds, "20368", 2024, "1.1") == 0);

    const Dataset y = load("ok_2024.json", text, {2024});
    CHECK(y.records.size() == 1);
    CHECK(y.skipped == 1);
    CHECK(y.entities.size() == 3);
}

TEST_CASE("json: files that cannot be read are errors, not problems") {
    CHECK(
        load_error("syntax.json",
                   "{\"format\": \"ntm-data\",\n \"entities\": [\n {\"code\": \"1\",}\n]}") ==
        "line 3, column 15: found '}' after ',': JSON allows no comma after the last entry");
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
    CHECK(support::problem_lines(a).empty());
    CHECK(support::problem_lines(b).empty());
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
    CHECK(support::problem_lines(ds) == std::vector<std::string>{
                              "4 D0105 record kind: type 'Xã' (a xa) disagrees with kind 'huyen'"});
    CHECK(ds.entities[ds.find("20365")].type == "Xã");
}

// ---------------------------------------------------------------------------------------------
// The documentation

// Every ```csv and ```json block of docs/data-format.md loads without a problem.
TEST_CASE("the examples of docs/data-format.md load cleanly") {
    Schema s;
    support::add_column(s, EntityKind::xa, "2.1", "percent", ValueType::number);
    support::add_column(s, EntityKind::xa, "10", "", ValueType::number);
    support::add_column(s, EntityKind::xa, "so_truong", "count", ValueType::number);
    support::add_column(s, EntityKind::xa, "so_truong_dat", "count", ValueType::number);
    support::add_column(s, EntityKind::xa, "hai_long", "percent", ValueType::number);
    support::add_column(s, EntityKind::xa, "no_dong_xdcb", "yesno", ValueType::boolean);

    std::size_t examples = 0;
    for (const support::CodeBlock& block :
         support::code_blocks(std::string(NTM_SOURCE_DIR) + "/docs/data-format.md", {"csv", "json"})) {
        INFO(block.text);
        const Dataset ds = load_data(
            support::write_temp("example-" + std::to_string(++examples) + "." + block.lang, block.text), s);
        CHECK(support::problem_lines(ds).empty());
        CHECK(ds.rejected == 0);
        CHECK(!ds.records.empty());
    }
    CHECK(examples == 3);
}
