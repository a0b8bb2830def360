// data/: the shortcuts of loading (a cell compared byte for byte before it is looked at code
// point by code point, a type's canonical form kept per file, a name compared as bytes before it
// is folded) give what the long way gives.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "data/vocabulary.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using support::load;
using support::problem_lines;
using support::write_temp;

TEST_CASE("fast load: a yes/no form written as the template writes it reads as the same form written otherwise", "[data]") {
    // Each form byte for byte (the shortcut), then in capitals and padded (code point by code point).
    const std::pair<std::string, std::string> forms[] = {
        {"1", " 1 "},           {"0", "\t0"},           {"có", "CÓ"},           {"không", "KHÔNG "},
        {"đạt", "ĐẠT"},         {"chưa đạt", "Chưa  Đạt"}, {"không đạt", "KHÔNG\xC2\xA0" "ĐẠT"},
        {"true", "TRUE"},       {"false", "False"},     {"yes", "YES"},          {"no", "No"},
    };
    for (const auto& [exact, other] : forms) {
        INFO(exact << " / " << other);
        const auto fast = data::parse_yes_no(exact);
        REQUIRE(fast);
        CHECK(data::parse_yes_no(other) == fast);
        // The readers' form of the same answer.
        CHECK(data::yes_no(exact) == static_cast<int>(*fast));
        CHECK(data::yes_no(other) == static_cast<int>(*fast));
    }
    CHECK(*data::parse_yes_no("đạt") == 1);
    CHECK(*data::parse_yes_no("chưa đạt") == 0);
    CHECK(*data::parse_yes_no("không đạt") == 0);
    CHECK(*data::parse_yes_no("không") == 0);
    CHECK(*data::parse_yes_no("có") == 1);
    // Near misses stay misses.
    CHECK_FALSE(data::parse_yes_no("đạt chuẩn"));
    CHECK_FALSE(data::parse_yes_no("co"));
    CHECK_FALSE(data::parse_yes_no("10"));
    CHECK(data::yes_no("đạt chuẩn") == -1);
    CHECK(data::yes_no("co\xCC\x81") == 1);  // "có" decomposed: the NFC compared
    CHECK(data::yes_no("co") == -1);
}

TEST_CASE("fast load: a type written several ways in one file is each time the type it names", "[data]") {
    const engine::Dataset ds = load(write_temp("types.csv",
                                               "code,name,type,parent,region,year\n"
                                               "49,Quảng Nam,Tỉnh,,DHNTB,2024\n"
                                               "518,Phú Ninh,huyện,49,,2024\n"
                                               "20368,Tam An,Xã,518,,2024\n"
                                               "20371,Tam Phú,XÃ,518,,2024\n"
                                               "20374,Tam Đàn,Xa\xCC\x83,518,,2024\n"  // Xã with a combining tilde
                                               "20380,Tam Phước,Thị trấn,518,,2024\n"
                                               "20383,Tam Lộc,xa,518,,2024\n"            // the kind's name
                                               "20385,Tam Vinh,Xã,518,,2024\n"),
                                    {});
    INFO(Catch::Detail::stringify(problem_lines(ds)));
    const auto type = [&](const char* code) {
        const engine::Entity& e = ds.entities.at(ds.find(code));
        return std::make_pair(e.type, e.judged);
    };
    CHECK(type("518") == std::make_pair(std::string("Huyện"), true));
    CHECK(type("20368") == std::make_pair(std::string("Xã"), true));
    CHECK(type("20371") == std::make_pair(std::string("Xã"), true));
    CHECK(type("20374") == std::make_pair(std::string("Xã"), true));
    CHECK(type("20380") == std::make_pair(std::string("Thị trấn"), false));
    CHECK(type("20383") == std::make_pair(std::string("xa"), true));
    CHECK(type("20385") == std::make_pair(std::string("Xã"), true));
}

TEST_CASE("fast load: a name is the official one as written, in full, or folded alike", "[data][units]") {
    const engine::Dataset ds = load(write_temp("names.csv",
                                               "code,name,type,parent,region,year\n"
                                               "49,Quảng Nam,Tỉnh,,DHNTB,2024\n"
                                               "518,Huyện Phú Ninh,Huyện,49,,2024\n"  // the full name
                                               "20368,Tam An,Xã,518,,2024\n"          // as listed
                                               "20377,TAM  LỘC,Xã,518,,2024\n"        // folded alike
                                               "20374,Xã Tam Đàn,Xã,518,,2024\n"      // the full name
                                               "20365,Tam Anh,Xã,518,,2024\n"),       // another name
                                    support::official_lists());
    const std::vector<std::string> lines = problem_lines(ds);
    INFO(Catch::Detail::stringify(lines));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].starts_with("7 D0116 record name: '20365' is the code of Xã Tam Thành"));
    CHECK(ds.rejected == 1);
}
