// Every validation problem of CSV and JSON data, with its exact code, line, field and message
// (docs/data-format.md).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "data/load.hpp"
#include "engine/dataset.hpp"
#include "tests/support/load_fixture.hpp"
#include "tests/support/support.hpp"

using namespace ntm::engine;
using namespace ntm::data;
using namespace load_test;

// ---------------------------------------------------------------------------------------------
// CSV

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
         {"4 D0112 record : row has 7 cells but the header has 6; a comma inside a cell may have "
          "split it in two: put the cell in double quotes"}},
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
          "huyen (map '3 cấp')"}},
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
        CHECK(support::problem_lines(ds) == c.expected);
    }
}

// ---------------------------------------------------------------------------------------------
// JSON

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
    CHECK(support::problem_lines(ds) ==
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
        CHECK(support::problem_lines(ds) == c.expected);
    }
}
