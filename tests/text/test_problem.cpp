// What a problem line shows, whatever the input held: never a raw control character.
#include <catch2/catch.hpp>

#include "text/problem.hpp"
#include "text/utf8.hpp"

namespace text = ntm::text;

TEST_CASE("problem: control characters in the place and the message are shown by code point", "[problem]") {
    // A column named "x<SOH>y", a year key "20<DEL>24", a sheet with an escape in its name.
    CHECK(text::render(text::Problem{"D0001", text::ProblemKind::warning, {"d.csv", 1, "x\x01y"}, ntm::text::Message::same("unknown column")}, ntm::text::Lang::en) ==
          "d.csv:1: warning[D0001]: field 'x<U+0001>y': unknown column\n");
    CHECK(text::render(text::Problem{"D0102", text::ProblemKind::record, {"d.json", 3, "20\x7f" "24"},
                                     ntm::text::Message::same("'20\x7f" "24' is not a year")}, ntm::text::Lang::en) ==
          "d.json:3: error[D0102]: field '20<U+007F>24': '20<U+007F>24' is not a year\n");
    CHECK(text::render(text::Problem{"D0201", text::ProblemKind::value, {"d.xlsx", 2, "", "S\x1b[1m", 3}, ntm::text::Message::same("x")}, ntm::text::Lang::en) ==
          "d.xlsx:'S<U+001B>[1m'!C2: error[D0201]: x\n");
    CHECK(text::render(text::file_problem("a\nb.csv", ntm::text::Message::same("no such file")), ntm::text::Lang::en) == "a<U+000A>b.csv: error: no such file\n");
}

TEST_CASE("problem: a field name is cut after the name-length limit", "[problem]") {
    const std::string line =
        text::render(text::Problem{"D0001", text::ProblemKind::warning, {"d.csv", 1, std::string(5000, 'x')}, ntm::text::Message::same("m")}, ntm::text::Lang::en);
    CHECK(line.size() < 400);
    CHECK(line.find("(4800 more letters)") != std::string::npos);
}

TEST_CASE("problem: a whole row of a worksheet is named as Excel names it", "[problem]") {
    // Not "Sheet1!10", which reads as nothing in Excel.
    CHECK(text::render(text::Problem{"D0004", text::ProblemKind::warning, {"d.xlsx", 10, "", "Sheet1", 0}, ntm::text::Message::same("x")}, ntm::text::Lang::en) ==
          "d.xlsx:Sheet1!10:10: warning[D0004]: x\n");
    CHECK(text::render(text::Problem{"D0004", text::ProblemKind::warning, {"d.xlsx", 10, "", "Sheet1", 3}, ntm::text::Message::same("x")}, ntm::text::Lang::en) ==
          "d.xlsx:Sheet1!C10: warning[D0004]: x\n");
}

TEST_CASE("problem: printable_lines keeps the line feeds and names every other control character", "[problem]") {
    CHECK(text::printable_lines("a\x1b[31m\nb\tc\n") == "a<U+001B>[31m\nb<U+0009>c\n");
    CHECK(text::printable_lines("") == "");
}
