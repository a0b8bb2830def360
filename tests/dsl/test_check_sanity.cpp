// The checks of rules that are well formed but wrong: a figure at the wrong scale (W0302,
// E0309), an override against its base (W0403, E0414), a criterion no body is in charge of
// (W0603).  Each case names the code and the exact message, and the cases where nothing must
// be said (a true small rate, a stricter provincial figure, a locality that assigns nothing).
#include <catch2/catch.hpp>
#include <string>

#include "tests/support/check_fixture.hpp"

using namespace ntm::dsl;
using namespace check_test;

namespace {

std::string rate_set(const std::string& name, const std::string& requirement, const std::string& head = "for xa") {
    return "set " + name + " \"S\" {\n  " + head + "\n  valid 2021..2025\n  criterion 11 \"Nghèo\" {\n" +
           "    indicator 11 \"Tỷ lệ\" { unit percent " + requirement + " }\n  }\n}\n";
}

const std::string kByRegion = "require <= by region { TDMNPB: 6 DBSH: {} BTB: 4 DHNTB: 4 TN: 5 DNB: 2 DBSCL: 3 }";

std::string by_region(const std::string& dbsh) {
    std::string r = kByRegion;
    return r.replace(r.find("{}"), 2, dbsh);
}

}  // namespace

TEST_CASE("checker: a percentage written as a fraction (W0302)", "[checker][sanity]") {
    SECTION("0.03 beside 2..6 is reported, with the figure to write") {
        const Diagnostic d = only(rate_set("s", by_region("0.03")));
        CHECK(d.code == "W0302");
        CHECK(d.message.en() == "threshold 0.03 of indicator 11 (in percent) looks like a fraction");
        CHECK(help_en(d.help) == "if it means 3%, write 3");
    }
    SECTION("a true small rate beside larger ones is not: 1 % is no fraction of 2..6") {
        CHECK(found(rate_set("s", by_region("1"))).empty());
        CHECK(found(rate_set("s", by_region("0.5"))).empty());  // 50 % is far above 2..6
    }
    SECTION("a figure written with % says what it means") {
        CHECK(found(rate_set("s", by_region("0.03%"))).empty());
    }
    SECTION("all figures at or below 1, with nothing to compare with: not reported") {
        CHECK(found(rate_set("s", "require <= 0.5")).empty());
    }
    SECTION("compared with the set it extends") {
        const auto lines = found(rate_set("b", "require <= 4") +
                                 "set p \"P\" {\n  extends b\n  valid 2022..2025\n"
                                 "  override indicator 11 { require <= 0.04 }\n}\n");
        CHECK(lines == Lines{"W0302 threshold 0.04 of indicator 11 (in percent) looks like a fraction"});
    }
}

TEST_CASE("checker: an income written in đồng (E0309)", "[checker][sanity]") {
    const auto with = [](const std::string& v) {
        return "set s \"S\" {\n  for xa\n  valid 2021..2025\n  criterion 10 \"Thu nhập\" {\n"
               "    indicator 10 \"Thu nhập\" { unit trieu_dong require >= " + v + " }\n  }\n}\n";
    };
    const Diagnostic d = only(with("45000000"));
    CHECK(d.code == "E0309");
    CHECK(d.message.en() == "threshold 45000000 triệu đồng/người/năm of indicator 10 is far too large: the figure is written in đồng");
    CHECK(help_en(d.help) == "in triệu đồng/người/năm, write 45");
    CHECK(found(with("9999")).empty());
}

TEST_CASE("checker: a provincial set looser than its base (W0403), a comparison turned around (E0414)",
          "[checker][sanity]") {
    const std::string base = rate_set("b", "require <= 4") +
                             "set road \"R\" {\n  for xa\n  valid 2021..2025\n  criterion 2 \"G\" {\n"
                             "    indicator 2.2 \"Đường\" { unit percent require >= by year { 2021..2022: 70 2023..2025: 80 } }\n"
                             "    indicator 2.3 \"Cầu\" { unit yesno require yes }\n  }\n}\n";
    const auto provincial = [&](const std::string& of, const std::string& body) {
        return base + "set p \"P\" {\n  extends " + of + "\n  locality \"49\"\n  valid 2022..2025\n" + body + "\n}\n";
    };
    SECTION("a maximum raised") {
        CHECK(found(provincial("b", "override indicator 11 { require <= 5 }")) ==
              Lines{"W0403 provincial set 'p' raises the maximum of indicator 11 to '<= 5', above '<= 4' of set 'b' it extends"});
    }
    SECTION("a minimum lowered only in some years: the years are named") {
        CHECK(found(provincial("road", "override indicator 2.2 { require >= 75 }")) ==
              Lines{"W0403 provincial set 'p' lowers the minimum of indicator 2.2 to '>= 75', below '>= 80' of set "
                    "'road' it extends in 2023..2025"});
    }
    SECTION("a figure for several regions, looser in some only: the province may lie in the others") {
        const std::string by_region = "set n \"N\" {\n  for xa\n  valid 2021..2025\n  criterion 2 \"G\" {\n"
                                      "    indicator 2.2 \"Đường\" { unit percent require >= by region { TDMNPB: 70 "
                                      "DBSH: 100 BTB: 70 DHNTB: 75 TN: 70 DNB: 100 DBSCL: 75 } }\n  }\n}\n";
        CHECK(found(by_region + "set p \"P\" {\n  extends n\n  locality \"49\"\n  valid 2022..2025\n"
                                "  override indicator 2.2 { require >= 90 }\n}\n")
                  .empty());
        // Given for one region, a figure is compared there.
        CHECK(found(by_region + "set p \"P\" {\n  extends n\n  locality \"49\"\n  valid 2022..2025\n"
                                "  override indicator 2.2 { require >= by region { TDMNPB: 70 DBSH: 100 BTB: 70 "
                                "DHNTB: 70 TN: 70 DNB: 100 DBSCL: 75 } }\n}\n") ==
              Lines{"W0403 provincial set 'p' lowers the minimum of indicator 2.2 to '>= 70', below '>= 75' of set "
                    "'n' it extends for DHNTB in 2022..2025"});
    }
    SECTION("'>' where the base says '>=' of the same figure is stricter; '>=' where it says '>' is looser") {
        CHECK(found(provincial("road", "override indicator 2.2 { require > 80 }")).empty());
        CHECK(found(provincial("b", "override indicator 11 { require < 4 }")).empty());
    }
    SECTION("stricter everywhere: nothing said") {
        CHECK(found(provincial("road", "override indicator 2.2 { require >= 85 }")).empty());
    }
    SECTION("a set without a locality may differ either way (another level's set)") {
        CHECK(found(base + "set k \"K\" {\n  extends b\n  valid 2021..2025\n  override indicator 11 { require <= 5 }\n}\n")
                  .empty());
    }
    SECTION("an indicator the base requires, removed") {
        const Diagnostic d = only(provincial("road", "remove indicator 2.3"));
        CHECK(d.code == "W0403");
        CHECK(d.message.en() == "provincial set 'p' removes indicator 2.3, which set 'road' requires");
        REQUIRE(d.notes.size() == 1);
        CHECK(d.notes[0].message.en() == "declared in set 'road' here");
    }
    SECTION("turned around, in any extending set: an error") {
        CHECK(found(base + "set k \"K\" {\n  extends road\n  valid 2021..2025\n"
                           "  override indicator 2.2 { require <= 90 }\n  override indicator 2.3 { require no }\n}\n") ==
              Lines{"E0414 'require <=' of indicator 2.2 in set 'k' is the opposite of 'require >=' in its base set",
                    "E0414 'require no' of indicator 2.3 in set 'k' is the opposite of 'require yes' in its base set"});
    }
}

TEST_CASE("checker: criteria no body is in charge of (W0603)", "[checker][sanity]") {
    const std::string bodies = "body so_gtvt \"Sở GTVT\"\nbody so_nn \"Sở NN\"\n";
    const std::string provincial =
        "set qn \"QN\" {\n  extends xa_2021\n  locality \"49\"\n  valid 2023..2025\n"
        "  criterion 20 \"Thêm\" { indicator 20 \"T\" { unit yesno require yes } }\n}\n";
    SECTION("rules without assignments: nothing said") {
        CHECK(found(provincial).empty());
    }
    SECTION("a locality that assigns: every criterion judged there, each year, through the set in force") {
        const auto lines = found(provincial + bodies +
                                 "assignments a \"A\" {\n  sets xa_2021\n  locality \"49\"\n  valid 2021..2024\n"
                                 "  criterion 1 -> so_xd\n  criterion 2 -> so_gtvt\n"
                                 "  indicator 13.1, 13.2 -> so_nn\n}\n");
        // 2021..2022 the national set is in force in "49", 2023..2024 the province's, whose
        // criterion 20 nobody is given; 2025 is outside the block's years.
        CHECK(lines == Lines{"W0603 no body is in charge of criterion 20 of set 'qn' for locality \"49\" in 2023..2024"});
    }
    SECTION("an assignment for another locality does not count") {
        const auto lines = found(bodies +
                                 "assignments a \"A\" {\n  sets xa_2021\n  locality \"49\"\n"
                                 "  criterion 1, 2, 13 -> so_nn\n}\n"
                                 "assignments b \"B\" {\n  sets xa_2021\n  locality \"48\"\n  criterion 1, 2 -> so_nn\n}\n");
        CHECK(lines == Lines{"W0603 no body is in charge of criterion 13 of set 'xa_2021' for locality \"48\" in 2021..2025"});
    }
    SECTION("a criterion half covered by indicator lines is not covered") {
        const auto lines = found(bodies +
                                 "assignments a \"A\" {\n  sets xa_2021\n  criterion 1, 2 -> so_nn\n"
                                 "  indicator 13.1 -> so_nn\n}\n");
        CHECK(lines == Lines{"W0603 no body is in charge of criterion 13 of set 'xa_2021' anywhere in 2021..2025"});
    }
}
