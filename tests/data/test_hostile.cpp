// Hostile and broken data files: each case a file as it reaches us (a keyboard's doubled tone
// mark, Excel for Mac's line ends, a decimal comma left unquoted, an invisible space, a JSON file
// edited by hand, a file past a limit) and what it must give — a located problem, never a
// crash, a hang or a record lost without a word.
#include <catch2/catch.hpp>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "data/load.hpp"
#include "engine/dataset.hpp"
#include "tests/support/load_fixture.hpp"
#include "tests/support/support.hpp"

using namespace ntm::engine;
using namespace ntm::data;
using namespace load_test;

namespace {

// "có" with its tone mark typed twice: U+0301 composes with 'o' once, the second stays.
const std::string kCoTwice = "co\xCC\x81\xCC\x81";

// Quảng Nam and Phú Ninh as JSON entities without values (lines 2 and 3), then `entities`.
std::string json_file(const std::string& entities) {
    return "{\"format\": \"ntm-data\", \"version\": 1, \"entities\": [\n"
           "{\"code\": \"49\", \"name\": \"Quảng Nam\", \"type\": \"Tỉnh\", \"region\": \"DHNTB\"},\n"
           "{\"code\": \"518\", \"name\": \"Phú Ninh\", \"type\": \"Huyện\", \"parent\": \"49\"},\n" +
           entities + "\n]}\n";
}

// Loads `text` as support::load does, and checks that an error always shows in the counts: a
// record problem is there exactly when a record was rejected.
Dataset load_counted(const std::string& name, const std::string& text,
                     const LoadOptions& options = {}) {
    Dataset ds = load(name, text, options);
    bool record_problem = false;
    for (const ntm::text::Problem& p : ds.problems) {
        record_problem = record_problem || p.kind == ntm::text::ProblemKind::record;
    }
    CHECK(record_problem == (ds.rejected > 0));
    return ds;
}

// "CODE message" of the FileError that loading `text` throws, or "(no error)".
std::string load_failure(const std::string& name, const std::string& text,
                         const LoadOptions& options = {}) {
    const std::string path = support::write_temp(name, text);
    try {
        load_data(path, support::schema(), options);
    } catch (const ntm::text::FileError& e) {
        CHECK(e.problem.where.file == path);
        return e.problem.code.empty() ? e.problem.message.en() : e.problem.code + " " + e.problem.message.en();
    }
    return "(no error)";
}

std::string replaced(std::string text, char from, char to) {
    for (char& c : text) {
        if (c == from) c = to;
    }
    return text;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Yes/no cells

TEST_CASE("hostile: a yes/no cell with a combining mark that does not compose is not yes/no") {
    CHECK(parse_yes_no(kCoTwice) == std::nullopt);
    CHECK(parse_yes_no("co\xCC\x81") == 1);  // "có" decomposed
    CHECK(parse_yes_no("\xCC\x81") == std::nullopt);
    CHECK(parse_yes_no("kho\xCC\x82ng \xC4\x91\xC6\xA1\xCC\x80") == std::nullopt);

    const std::string problem =
        "4 D0202 value 1.1: 'co\xCC\x81\xCC\x81' is not yes/no: write đạt or không đạt (or "
        "có/không, yes/no, true/false, 1/0)";
    const Dataset csv = load_counted("yes_no.csv", kHeader + ",1.1\n" + kParents +
                                                       "20368,Tam An,Xã,518,,2023," + kCoTwice + "\n");
    CHECK(support::problem_lines(csv) == std::vector<std::string>{problem});
    const Dataset json = load_counted(
        "yes_no.json",
        json_file("{\"code\": \"20368\", \"type\": \"Xã\", \"parent\": \"518\", \"values\": "
                  "{\"2023\": {\"1.1\": \"" +
                  kCoTwice + "\"}}}"));
    CHECK(support::problem_lines(json) == std::vector<std::string>{problem});
}

// ---------------------------------------------------------------------------------------------
// CSV line ends

TEST_CASE("hostile: a lone CR ends a CSV row, as Excel for Mac writes and Excel reads") {
    const std::string lf = kHeader + ",hai_long\n" + kParents +
                           "20368,Tam An,Xã,518,,2023,90\n20365,Tam Thành,Xã,518,,2023,80\n";
    SECTION("every line ended by CR") {
        const Dataset ds = load_counted("mac.csv", replaced(lf, '\n', '\r'));
        CHECK(support::problem_lines(ds).empty());
        CHECK(ds.read == 4);
        REQUIRE(ds.records.size() == 4);
        CHECK(ds.records[3].origin.line == 5);
        CHECK(support::value(ds, "20365", 2023, "hai_long") == 80);
    }
    SECTION("a stray CR in a file of LF lines") {
        const Dataset ds =
            load_counted("stray.csv", kHeader + ",hai_long\n" + kParents +
                                          "20368,Tam An,Xã,518,,2023,90\r20365,Tam Thành,Xã,518,,2023,"
                                          "80\n20371,Tam Lộc,Xã,518,,2023,70\n");
        CHECK(support::problem_lines(ds).empty());
        CHECK(ds.read == 5);
        REQUIRE(ds.records.size() == 5);
        CHECK(ds.records[3].origin.line == 5);
        CHECK(ds.records[4].origin.line == 6);
        CHECK(support::value(ds, "20368", 2023, "hai_long") == 90);
        CHECK(support::value(ds, "20365", 2023, "hai_long") == 80);
    }
    SECTION("line ends inside a quoted cell count, whichever they are") {
        const Dataset ds =
            load_counted("quoted.csv", kHeader + ",hai_long\r" + replaced(kParents, '\n', '\r') +
                                           "20368,\"Tam\rAn\",Xã,518,,2023,90\r"
                                           "20365,\"Tam\r\nThành\nmới\",Xã,518,,2023,80\r"
                                           "20371,Tam Lộc,Xã,518,,2023,70\r");
        CHECK(support::problem_lines(ds).empty());
        REQUIRE(ds.records.size() == 5);
        // 20368 spans lines 4-5 (a CR in its quoted cell), 20365 lines 6-8 (CRLF, then LF).
        CHECK(ds.records[3].origin.line == 6);
        CHECK(ds.records[4].origin.line == 9);
        CHECK(ds.problems.empty());
        const Dataset bad = load_counted(
            "quoted_bad.csv", kHeader + ",hai_long\r" + replaced(kParents, '\n', '\r') +
                                  "20368,\"Tam\rAn\",Xã,518,,2023,90\r20365,Tam Thành,Xã,518,,2023,140\r");
        CHECK(support::problem_lines(bad) ==
              std::vector<std::string>{"6 D0203 value hai_long: percentage 140 is outside 0–100"});
    }
}

// ---------------------------------------------------------------------------------------------
// Counts: read = accepted + rejected, and a rejection always counts

TEST_CASE("hostile: every JSON rejection counts as a record read and rejected") {
    struct Case {
        const char* name;
        std::string entities;
        std::vector<std::string> problems;
        std::size_t read, rejected;
    };
    const Case cases[] = {
        {"values that are an array",
         R"({"code": "20368", "type": "Xã", "parent": "518", "values": [100, 4, 4]})",
         {"4 D0111 record values: 'values' must be an object of years, got an array"},
         1,
         1},
        {"an entity that is not an object",
         R"("20368", {"code": "20365", "type": "Xã", "parent": "518", "values": {"2023": {}}})",
         {"4 D0111 record entities: an entity must be an object, got a string"},
         2,
         1},
        {"a code that is a number, no values",
         R"({"code": 20368, "type": "Xã", "parent": "518"})",
         {"4 D0111 record code: 'code' must be a string, got 20368"},
         1,
         1},
        {"an unknown type, no values",
         R"({"code": "20368", "type": "Xa X", "parent": "518"})",
         {"4 D0104 record type: unknown type 'Xa X' of '20368'"},
         1,
         1},
        {"a province without values and an unknown region, its district with a record",
         R"({"code": "48", "type": "Tỉnh", "region": "DHTNB"},
{"code": "490", "type": "Huyện", "parent": "48", "values": {"2023": {}}})",
         {"4 D0110 record region: unknown region 'DHTNB' (TDMNPB, DBSH, BTB, DHNTB, TN, DNB, "
          "DBSCL); did you mean 'DHNTB'?",
          "5 D0108 record parent: parent '48' of '490' is rejected (line 4)"},
         2,
         2},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const Dataset ds = load_counted("counts.json", json_file(c.entities));
        CHECK(support::problem_lines(ds) == c.problems);
        CHECK(ds.read == c.read);
        CHECK(ds.rejected == c.rejected);
    }
}

// ---------------------------------------------------------------------------------------------
// CSV rows whose cells do not match the header

TEST_CASE("hostile: a CSV row with more cells than the header is rejected, not shifted") {
    const std::string header = kHeader + ",2.1,hai_long,1.1\n";
    const Dataset ds = load_counted(
        "split.csv", header + kParents +
                         "20368,Tam An,Xã,518,,2023,100,55,2,có\n"
                         "20365,Hà Lam, thị trấn,Thị trấn,518,,2023,100,90,có\n"
                         "20371,Tam Lộc,Xã,518,,2023,100,90,có,\n"
                         "20374,Tam Xuân,Xã,518,,2023,100,90,có\n");
    CHECK(support::problem_lines(ds) ==
          std::vector<std::string>{
              "4 D0112 record : row has 10 cells but the header has 9; a decimal comma may have "
              "split a number — dấu phẩy thập phân: hãy đặt ô trong ngoặc kép hoặc dùng dấu ;",
              "5 D0112 record : row has 10 cells but the header has 9; a comma inside a cell may "
              "have split it in two: put the cell in double quotes",
              "6 D0112 record : row has 10 cells but the header has 9; a decimal comma may have "
              "split a number — dấu phẩy thập phân: hãy đặt ô trong ngoặc kép hoặc dùng dấu ;",
          });
    CHECK(ds.read == 6);
    CHECK(ds.rejected == 3);
    CHECK(ds.find("20368") == kNone);
    CHECK(support::value(ds, "20374", 2023, "hai_long") == 90);

    // ';' between cells: the decimal comma is no separator there; another cell count is.
    const Dataset semi =
        load_counted("split_semicolon.csv",
                     replaced(header + kParents, ',', ';') + "20368;Tam An;Xã;518;;2023;100;55,2;có;x\n");
    CHECK(support::problem_lines(semi) ==
          std::vector<std::string>{"4 D0112 record : row has 10 cells but the header has 9"});
}

TEST_CASE("hostile: a CSV row with fewer cells than the header is read as Excel writes it") {
    const Dataset ds = load_counted("short.csv", kHeader + ",2.1,hai_long,1.1\n" + kParents +
                                                     "20368,Tam An,Xã,518,,2023,100\n"
                                                     "20365,Tam Thành,Xã,518\n"
                                                     "20371,Tam Lộc\n");
    CHECK(support::problem_lines(ds) ==
          std::vector<std::string>{
              "5 D0112 record : row has 4 cells but the header has 9; it ends before the 'year' "
              "column",
              "6 D0112 record : row has 2 cells but the header has 9; it ends before the 'type' "
              "column",
          });
    CHECK(ds.read == 5);
    CHECK(ds.rejected == 2);
    CHECK(support::value(ds, "20368", 2023, "2.1") == 100);
    CHECK(std::isnan(support::value(ds, "20368", 2023, "hai_long")));
}

TEST_CASE("hostile: a rejected row's code is known as rejected to its children") {
    const Dataset ds = load_counted("split_parent.csv",
                                    kHeader + ",hai_long\n" + kParents +
                                        "517,Núi Thành,Huyện,49,,2023,55,2\n"
                                        "20371,Tam Lộc,Xã,517,,2023,70\n");
    CHECK(support::problem_lines(ds) ==
          std::vector<std::string>{
              "4 D0112 record : row has 8 cells but the header has 7; a decimal comma may have "
              "split a number — dấu phẩy thập phân: hãy đặt ô trong ngoặc kép hoặc dùng dấu ;",
              "5 D0108 record parent: parent '517' of '20371' is rejected (line 4)",
          });
}

// ---------------------------------------------------------------------------------------------
// Invisible characters and long text in messages

TEST_CASE("hostile: invisible characters in headers and cells are named") {
    const std::string nbsp = "\xC2\xA0", zwsp = "\xE2\x80\x8B", bom = "\xEF\xBB\xBF";
    const Dataset ds = load_counted(
        "invisible.csv", kHeader + ",hai_long" + nbsp + ",2.1,1.1,hai_long\n" + kParents +
                             "20368,Tam An,Xã,518" + zwsp + ",,2023,1,55" + nbsp + "%,có" + zwsp +
                             ",90\n20365,Tam Thành,Xã,518,,2023,2," + bom + "90,có,91\n");
    CHECK(support::problem_lines(ds) ==
          std::vector<std::string>{
              "1 D0001 warning hai_long" + nbsp +
                  ": unknown column 'hai_long<U+00A0>': no kind has an input of that name, its "
                  "values are ignored; it holds a no-break space (U+00A0); did you mean "
                  "'hai_long'?",
              "4 D0201 value 2.1: '55<U+00A0>%' is not a number; it holds a no-break space "
              "(U+00A0)",
              "4 D0202 value 1.1: 'có<U+200B>' is not yes/no: write đạt or không đạt (or "
              "có/không, yes/no, true/false, 1/0); it holds a zero-width space (U+200B)",
              "4 D0106 record parent: unknown parent '518<U+200B>' of '20368'; it holds a "
              "zero-width space (U+200B)",
              "5 D0201 value 2.1: '<U+FEFF>90' is not a number; it holds a byte order mark "
              "(U+FEFF)",
          });

    const Dataset json = load_counted(
        "invisible.json",
        json_file("{\"code\": \"20368\", \"type\": \"Xã\", \"parent\": \"518\", \"values\": "
                  "{\"2023\": {\"hai_long" +
                  nbsp + "\": 90, \"2.1\": \"9" + zwsp + "0\"}}}"));
    CHECK(support::problem_lines(json) ==
          std::vector<std::string>{
              "4 D0001 warning hai_long" + nbsp +
                  ": unknown column 'hai_long<U+00A0>': no kind has an input of that name, its "
                  "values are ignored; it holds a no-break space (U+00A0); did you mean "
                  "'hai_long'?",
              "4 D0201 value 2.1: '9<U+200B>0' is not a number; it holds a zero-width space "
              "(U+200B)",
          });
}

TEST_CASE("hostile: long text in messages is cut at the limit of name letters") {
    LoadOptions options;
    options.limits.name_letters = 10;
    const Dataset ds = load_counted("long.csv",
                                    kHeader + ",2.1\n" + kParents + "20368,Tam An,Xã,518,,2023," +
                                        std::string(300, 'x') + "\n",
                                    options);
    CHECK(support::problem_lines(ds) ==
          std::vector<std::string>{
              "4 D0201 value 2.1: 'xxxxxxxxxx… (290 more letters)' is not a number"});
}

// ---------------------------------------------------------------------------------------------
// JSON syntax errors, in the project's words

// Columns count letters; a problem inside a string is located at its opening '"'.
TEST_CASE("hostile: JSON syntax errors say what was expected and what was found, where") {
    const std::string head = "{\"format\": \"ntm-data\", \"entities\": [\n";
    struct Case {
        const char* name;
        std::string text;
        std::string message;
    };
    const Case cases[] = {
        {"a literal misspelt", head + "{\"code\": \"1\", \"values\": {\"2023\": {\"1.1\": tru}}}]}",
         "line 2, column 42: expected a value (a number, a string in double quotes, true, false "
         "or null) after ':', found 'tru'"},
        {"a literal in capitals", head + "{\"code\": \"1\", \"values\": {\"2023\": {\"1.1\": True}}}]}",
         "line 2, column 42: expected a value (a number, a string in double quotes, true, false "
         "or null) after ':', found 'True'; JSON writes true, false and null in lower case"},
        {"a comma after the last entry", head + "{\"code\": \"1\",}\n]}",
         "line 2, column 14: found '}' after ',': JSON allows no comma after the last entry"},
        {"a comma missing between entities", head + "{\"code\": \"1\"}\n{\"code\": \"2\"}\n]}",
         "line 3, column 1: expected ',' or ']' after the value, found '{'; a ',' may be missing "
         "before it"},
        {"a comma missing between keys", head + "{\"code\": \"1\"\n\"type\": \"Xã\"}]}",
         "line 3, column 1: expected ',' or '}' after the value, found '\"type\"'; a ',' may be "
         "missing before it"},
        {"a colon missing", "{\"format\" \"ntm-data\"}",
         "line 1, column 11: expected ':' after the key 'format', found '\"ntm-data\"'"},
        {"a key without quotes", "{format: \"ntm-data\"}",
         "line 1, column 2: expected a key in double quotes or '}', found 'format'"},
        {"single quotes", "{'format': 'ntm-data'}",
         "line 1, column 2: expected a key in double quotes or '}', found 'format'; JSON strings "
         "are in double quotes"},
        {"a comment", "// dữ liệu\n{\"format\": \"ntm-data\"}",
         "line 1, column 1: not an ntm-data file: expected an object with \"format\": "
         "\"ntm-data\", found '/'; JSON has no comments"},
        {"a string not closed on its line", head + "{\"code\": \"1\", \"name\": \"Bình Dương\n}]}",
         "line 2, column 23: the string '\"Bình Dương' is not closed on its line: a '\"' is "
         "missing"},
        {"a string not closed before the end", head + "{\"code\": \"1\", \"name\": \"Bình Dương",
         "line 2, column 23: the string '\"Bình Dương' is not closed before the end of the file"},
        {"a tab in a string", head + "{\"code\": \"1\", \"name\": \"Bình\tDương\"}]}",
         "line 2, column 23: the string '\"Bình' holds a tab (U+0009): write it as an escape "
         "(\\u0009)"},
        {"a backslash that escapes nothing", head + "{\"code\": \"1\", \"name\": \"C:\\data\"}]}",
         "line 2, column 23: '\\d' in the string '\"C:' is not an escape of JSON (\\\" \\\\ \\/ "
         "\\b \\f \\n \\r \\t \\uXXXX with four hex digits)"},
        {"a number cut short", head + "{\"code\": \"1\", \"values\": {\"2023\": {\"2.1\": 1.}}}]}",
         "line 2, column 42: '1.' is not a number"},
        {"a number too large", head + "{\"code\": \"1\", \"values\": {\"2023\": {\"2.1\": 1e400}}}]}",
         "line 2, column 42: number 1e400 is too large"},
        {"the end of the file inside the entities", head + "{\"code\": \"1\"}\n",
         "line 3, column 1: the file ends before the array opened on line 1 is closed: a ']' is "
         "missing"},
        {"the end of the file inside an entity", head + "{\"code\": \"1\", \"values\": {}",
         "line 2, column 27: the file ends before the object opened on line 2 is closed: a '}' "
         "is missing"},
        {"text after the data", "{\"format\": \"ntm-data\", \"entities\": []}\nx",
         "line 2, column 1: expected the end of the file after the data's closing '}', found 'x'"},
        {"an empty file", "\n\n", "line 3, column 1: empty file: expected an object with \"format\": \"ntm-data\""},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        CHECK(load_failure("syntax.json", c.text) == c.message);
    }
}

// Nesting is bounded: the 64th '[' inside the file's object is one level too many.
TEST_CASE("hostile: deeply nested JSON is an error, not a crash") {
    const std::string deep = "{\"format\": \"ntm-data\", \"x\": " + std::string(200000, '[');
    CHECK(load_failure("deep.json", deep) ==
          "line 1, column 92: objects and arrays nested deeper than 64");
    // 64 levels are read.
    const std::string deepest = "{\"format\": \"ntm-data\", \"entities\": [], \"x\": " +
                                std::string(63, '[') + std::string(63, ']') + "}";
    CHECK(load_failure("deepest.json", deepest) == "(no error)");
}

// ---------------------------------------------------------------------------------------------
// Limits

TEST_CASE("hostile: more records than the limit of rows stop the reading (D0903)") {
    LoadOptions options;
    options.limits.rows = 3;
    const std::string csv = kHeader + "\n" + kParents + "20368,Tam An,Xã,518,,2023\n";
    CHECK(load_failure("rows.csv", csv, options) == "(no error)");
    CHECK(load_failure("rows.csv", csv + "\n20365,Tam Thành,Xã,518,,2023\n", options) ==
          "D0903 line 6: more records than the limit of 3; raise it with --limit rows=N");
    // JSON: the rows the same data take in CSV, an entity without values taking one.
    const std::string json =
        json_file("{\"code\": \"20368\", \"type\": \"Xã\", \"parent\": \"518\", \"values\": "
                  "{\"2023\": {},\n\"2024\": {}}}");
    CHECK(load_failure("rows.json", json, options) ==
          "D0903 line 5: more records than the limit of 3; raise it with --limit rows=N");
    options.limits.rows = 4;
    CHECK(load_failure("rows.json", json, options) == "(no error)");
    // Rows of years not loaded count too: the file holds them.
    options.limits.rows = 3;
    options.year = 2023;
    CHECK(load_failure("rows.json", json, options) ==
          "D0903 line 5: more records than the limit of 3; raise it with --limit rows=N");
}

TEST_CASE("hostile: a CSV line longer than the limit stops the reading (D0902)") {
    LoadOptions options;
    options.limits.line_bytes = 33;
    const std::string ok = kHeader + "\n" + kParents;  // the header is 33 bytes
    CHECK(load_failure("line.csv", ok, options) == "(no error)");
    CHECK(load_failure("line.csv", ok + "20368,Tam An Tây Nam,Xã,518,,2023\n", options) ==
          "D0902 line 4: the line is 35 bytes long, more than the limit of 33 bytes; raise it "
          "with --limit line-length=N");
    // Lines, not rows: a quoted cell over several short lines is fine, CR or LF.
    CHECK(load_failure("line.csv", ok + "20368,\"Tam\r\nAn\rmới\nnữa\",Xã,518,,2023\n", options) ==
          "(no error)");
    CHECK(load_failure("line.csv", replaced(ok, '\n', '\r') + "20368,Tam An Tây Nam,Xã,518,,2023\r",
                       options) ==
          "D0902 line 4: the line is 35 bytes long, more than the limit of 33 bytes; raise it "
          "with --limit line-length=N");
}

TEST_CASE("hostile: an unclosed quote names the line it opened on and what follows it") {
    CHECK(load_failure("quote.csv", kHeader + "\n" + kParents +
                                        "20368,\"Tam An,Xã,518,,2023\n20365,Tam Thành,Xã,518,,2023\n") ==
          "line 4: quoted cell not closed before the end of the file: the '\"' before 'Tam "
          "An,Xã,518,,2023' opens it, and no '\"' closes it");
}
