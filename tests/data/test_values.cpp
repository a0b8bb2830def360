// The cells of commune data: yes/no and numbers in the forms staff write, and text compared in
// NFC whatever the keyboard wrote.
#include <bit>
#include <catch2/catch.hpp>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "data/builder.hpp"
#include "data/load.hpp"
#include "engine/dataset.hpp"
#include "tests/support/load_fixture.hpp"
#include "tests/support/support.hpp"

using namespace ntm::engine;
using namespace ntm::data;
using namespace load_test;

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

// Short numbers are read by one division (vocabulary.cpp): it must give the double from_chars
// gives, to the bit, for every length, sign and place of the separator up to 17 digits (past 15
// the reading is from_chars itself).
TEST_CASE("numbers: the short ones read as from_chars reads them, to the bit") {
    std::uint64_t state = 0x9E3779B97F4A7C15ull;
    const auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    std::size_t compared = 0;
    for (int round = 0; round < 20000; ++round) {
        const std::size_t length = 1 + next() % 17;
        std::string digits;
        for (std::size_t i = 0; i < length; ++i) digits += static_cast<char>('0' + next() % 10);
        const std::size_t point = next() % (length + 2);  // past the end: no separator
        const bool negative = next() % 4 == 0;
        const std::string sign = negative ? "-" : "";
        const std::string whole = digits.substr(0, std::min(point, length));
        const std::string part = point <= length ? digits.substr(point) : std::string();
        const std::string dotted = sign + whole + (point <= length ? "." : "") + part;
        const std::string comma = sign + whole + (point <= length ? "," : "") + part;
        double expected = 0;
        const auto [end, ec] = std::from_chars(dotted.data(), dotted.data() + dotted.size(), expected);
        REQUIRE(ec == std::errc());
        REQUIRE(end == dotted.data() + dotted.size());
        for (const auto& [text, comma_decimal] : {std::pair{dotted, false}, std::pair{comma, true}}) {
            INFO(text);
            const auto n = parse_number(text, comma_decimal);
            REQUIRE(n.form == ParsedNumber::Form::ok);
            CHECK(std::bit_cast<std::uint64_t>(n.value) == std::bit_cast<std::uint64_t>(expected));
            ++compared;
        }
    }
    CHECK(compared == 40000);
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
    CHECK(support::problem_lines(ds).empty());
    const Entity& e = ds.entities[ds.find("20794")];
    CHECK(e.name == "Bình Dương");
    CHECK(support::value(ds, "20794", 2024, "1.1") == 1);
}
