// The checker's type pass: types, units, percentages and counts, threshold tables and
// requirements that can never hold.  One case per check, asserting the exact code and message.
#include <catch2/catch.hpp>

#include "tests/support/check_fixture.hpp"

using namespace ntm::dsl;
using namespace check_test;

TEST_CASE("checker: types", "[checker]") {
    SECTION("yes/no compared with a number or a percentage") {
        const Diagnostic d = only(gate("no_dong >= 1"));
        CHECK(d.code == "E0201");
        CHECK(d.message.en() == "cannot compare yes/no with a number");
        CHECK(found(gate("no_dong = hai_long")) ==
              Lines{"E0201 cannot compare yes/no with percent"});
    }
    SECTION("require yes on a numeric indicator, require >= on a yes/no indicator") {
        CHECK(found(set_with("indicator 9.1 { unit percent require yes }")) ==
              Lines{"E0209 'require yes' needs a yes/no indicator; indicator 9.1 is in percent"});
        CHECK(found(set_with("indicator 9.1 { unit yesno require >= 90 }")) ==
              Lines{"E0210 'require >=' needs a numeric indicator; indicator 9.1 is yes/no"});
    }
    SECTION("conditions that are not yes/no") {
        CHECK(found(set_with("indicator 9.1 { unit yesno applies when hai_long }")) ==
              Lines{"E0203 'applies when' needs a yes/no condition, got percent"});
        CHECK(found(gate("hai_long + 1")) ==
              Lines{"E0203 gate 'g' needs a yes/no condition, got percent"});
        CHECK(found(set_with("indicator 9.1 { unit percent require >= when so_htx: 5 else 6 }")) ==
              Lines{"E0203 'when' needs a yes/no condition, got count"});
        CHECK(found("class c { for xa when criteria_met }\n") ==
              Lines{"E0203 'when' of class 'c' needs a yes/no condition, got count"});
        CHECK(found("assignments a { sets xa_2021 locality where code -> pho_bi_thu }\n") ==
              Lines{"E0203 'locality where' needs a yes/no condition, got text"});
        CHECK(found("set r \"R\" { for xa valid 2021..2025 region TN when 1 }\n") ==
              Lines{"E0203 'region when' needs a yes/no condition, got a number"});
    }
    SECTION("arithmetic on yes/no, logic on numbers, ordering yes/no") {
        CHECK(found(gate("no_dong + 1 > 2")) == Lines{"E0204 '+' needs numbers, got yes/no"});
        CHECK(found(gate("-dtts")) == Lines{"E0204 '-' needs numbers, got yes/no"});
        CHECK(found(gate("dtts and so_htx")) ==
              Lines{"E0205 'and' needs yes/no values, got count"});
        CHECK(found(gate("not hai_long")) == Lines{"E0205 'not' needs yes/no values, got percent"});
        CHECK(found(gate("dtts < no_dong")) == Lines{"E0216 cannot order yes/no values with '<'"});
        CHECK(found(gate("code >= \"397\"")) == Lines{"E0216 cannot order text values with '>='"});
    }
    SECTION("arity of builtin functions") {
        CHECK(found(gate("ratio(duong_km) > 5")) == Lines{"E0206 ratio takes 2 arguments, got 1"});
        CHECK(found(gate("met(1, 2)")) == Lines{"E0206 met takes 1 argument, got 2"});
        CHECK(found(gate("any()")) == Lines{"E0206 any takes at least 1 argument, got 0"});
        CHECK(found(gate("at_least(1)")) ==
              Lines{"E0206 at_least takes at least 2 arguments, got 1"});
        CHECK(found("class c { for huyen when count(xa where dtts, 1) > 1 }\n") ==
              Lines{"E0206 count takes 1 argument, got 2"});
        CHECK(found("class c { for huyen when sum(xa) > 1 }\n") ==
              Lines{"E0206 sum takes 2 arguments, got 1"});
    }
    SECTION("arguments of builtin functions") {
        CHECK(found(gate("ratio(no_dong, duong_km) > 5")) ==
              Lines{"E0207 argument 1 of ratio must be a number, got yes/no"});
        CHECK(found(gate("any(dtts, so_htx)")) ==
              Lines{"E0207 argument 2 of any must be yes/no, got count"});
        CHECK(found(gate("all(hai_long)")) ==
              Lines{"E0207 argument 1 of all must be yes/no, got percent"});
        CHECK(found(gate("at_least(1.5, dtts, no_dong)")) ==
              Lines{"E0207 argument 1 of at_least must be a whole number"});
        // The impossible gate follows from the error already reported: no second message.
        CHECK(found(gate("at_least(3, dtts, no_dong)")) ==
              Lines{"E0207 at_least 3 of 2 conditions can never hold"});
        CHECK(found("class c { for huyen when share(xa) > 5 }\n") ==
              Lines{"E0207 argument 1 of share must be 'KIND where CONDITION'"});
        CHECK(found("class c { for huyen when sum(xa, no_dong) > 5 }\n") ==
              Lines{"E0207 argument 2 of sum must be a number, got yes/no"});
        CHECK(found(gate("met(hai_long)")) ==
              Lines{"E0207 argument 1 of met must be a criterion or indicator code"});
        CHECK(found(gate("threshold(xa_2021, 1.1) > 5")) ==
              Lines{"E0207 argument 2 of threshold names indicator 1.1 of set 'xa_2021', which "
                    "is yes/no and has no threshold"});
    }
    SECTION("met and value name a criterion or indicator of the sets in scope") {
        const Diagnostic d = only(gate("met(2.3)"));
        CHECK(d.code == "E0208");
        CHECK(d.message.en() == "no criterion or indicator 2.3 in set 'xa_2021'");
        CHECK(check_test::help_en(d.help) == "did you mean '2.2'?");
        CHECK(found(gate("value(2) > 5")) == Lines{"E0208 no indicator 2 in set 'xa_2021'"});
        CHECK(found(gate("threshold(xa_2021, 2.5) > 5")) ==
              Lines{"E0208 no indicator 2.5 in set 'xa_2021'"});
        CHECK(found(gate("met(2) and met(13.2) and value(2.2) > 50 and value(1.1)")) == Lines{});
        CHECK(found(set_with("indicator 9.1 { unit yesno value met(7) }")) ==
              Lines{"E0208 no criterion or indicator 7 in set 's9'"});
    }
    SECTION("aggregates over child entities") {
        CHECK(found("class c { for huyen when count(xa where level >= dat_chuan) >= 3 and "
                    "share(xa where dtts) > 50 and mean(xa, hai_long) >= 90% }\n") == Lines{});
        CHECK(found("class c { for xa when count(huyen where yes) > 1 }\n") ==
              Lines{"E0218 xa has no child entities of kind huyen"});
        CHECK(found(gate("any(dtts where no_dong)")) ==
              Lines{"E0217 'where' is allowed only inside count, share, sum, min, max and mean"});
        CHECK(found(gate("xa = 1")) == Lines{"E0220 entity kind 'xa' is not a value"});
        CHECK(found("class c { for huyen when count(xa where hai_long) > 1 }\n") ==
              Lines{"E0203 'where' needs a yes/no condition, got percent"});
    }
    SECTION("beside `level`, a name is a level even where a field has that name") {
        auto c = run(kPrelude + "data xa { field dat_chuan: yesno }\n" +
                     "class c { for xa when level >= dat_chuan and dat_chuan }\n");
        CHECK(c->diags.items().empty());
        const Expr& when = *c->checked.classes.at(0).decl->when;
        CHECK(c->checked.expr(*when.args.at(0)->args.at(1))->ref == RefKind::level);
        CHECK(c->checked.expr(*when.args.at(1))->ref == RefKind::field);
    }
    SECTION("a level of another kind") {
        CHECK(found("class c { for huyen when level >= dat_chuan }\n") ==
              Lines{"E0221 level 'dat_chuan' is for xa, not huyen"});
    }
}

TEST_CASE("checker: units", "[checker]") {
    SECTION("adding and comparing values of different units") {
        const Diagnostic d = only(gate("duong_km + hai_long > 1"));
        CHECK(d.code == "E0202");
        CHECK(d.message.en() == "cannot add km and percent");
        CHECK(found(gate("hai_long - duong_km > 1")) ==
              Lines{"E0202 cannot subtract percent and km"});
        CHECK(found(gate("duong_km >= 5%")) == Lines{"E0202 cannot compare km with percent"});
        CHECK(found(gate("ratio(duong_km, hai_long) > 1")) ==
              Lines{"E0202 cannot take the ratio of km to percent"});
    }
    SECTION("a bare number takes the other side's unit; ratio, share, count have theirs") {
        CHECK(found(gate("hai_long >= 90 and duong_km * 2 > duong_cung_km and "
                         "ratio(duong_cung_km, duong_km) >= hai_long")) == Lines{});
        CHECK(found(gate("ratio(duong_cung_km, duong_km) = duong_km")) ==
              Lines{"E0202 cannot compare percent with km"});
        CHECK(found("class c { for xa when count(thon where dat_chuan_thon) >= hai_long }\n") ==
              Lines{"E0202 cannot compare count with percent"});
        CHECK(found("class c { for huyen when share(xa where dtts) >= sum(xa, duong_km) }\n") ==
              Lines{"E0202 cannot compare percent with km"});
    }
    SECTION("the value of an indicator has the indicator's unit") {
        const Diagnostic d = only(set_with("indicator 9.1 { unit percent value duong_km }"));
        CHECK(d.code == "E0211");
        CHECK(d.message.en() == "value of indicator 9.1 is km but the indicator's unit is percent");
        CHECK(d.notes.at(0).message.en() == "unit given here");
        CHECK(found(set_with("indicator 9.1 { unit yesno value hai_long }")) ==
              Lines{"E0211 value of indicator 9.1 is percent but the indicator's unit is yes/no"});
    }
    SECTION("a derived value has its declared unit") {
        CHECK(found("data xa { derive d: percent = duong_km + duong_cung_km }\n") ==
              Lines{"E0212 derived value 'd' is declared percent but its expression is km"});
        CHECK(found("data xa { derive d: yesno = so_htx }\n") ==
              Lines{"E0212 derived value 'd' is declared yes/no but its expression is count"});
    }
    SECTION("an indicator without a unit; a percentage threshold on another unit") {
        CHECK(found(set_with("indicator 9.1 { require yes }")) ==
              Lines{"E0219 indicator 9.1 has no unit"});
        CHECK(found(set_with("indicator 9.1 { unit trieu_dong require >= 90% }")) ==
              Lines{"E0215 threshold 90% is a percentage but indicator 9.1 is in trieu_dong"});
    }
}

TEST_CASE("checker: percentages and counts", "[checker]") {
    CHECK(found(set_with("indicator 9.1 { unit percent require >= 120 }")) ==
          Lines{"E0213 percentage 120 is outside 0–100"});
    CHECK(found(gate("hai_long >= 150")) == Lines{"E0213 percentage 150 is outside 0–100"});
    CHECK(found(gate("so_htx > -1")) == Lines{"E0214 count -1 is negative"});
    CHECK(found(set_with("indicator 9.1 { unit count require >= by region { TDMNPB: 1 DBSH: 2 BTB: "
                         "1 DHNTB: 1 TN: 1 DNB: 1 DBSCL: 1% } }")) ==
          Lines{"E0215 threshold 1% is a percentage but indicator 9.1 is in count"});
}

TEST_CASE("checker: threshold tables", "[checker]") {
    SECTION("by region names every region once") {
        auto c = run(kPrelude + set_with("indicator 9.1 { unit percent require >= by region {\n"
                                         "  TDMNPB: 70\n  DBSH: 100\n  BTB: 80\n  DBSH: 90\n"
                                         "  DHNTB: 80\n  TN: 70\n} }"));
        std::vector<std::string> got;
        for (const auto& d : c->diags.items()) got.push_back(d.code + " " + d.message.en());
        CHECK(got == Lines{"E0301 threshold by region misses regions DNB, DBSCL",
                           "E0302 region DBSH appears twice"});
        CHECK(c->sources.text(c->diags.items()[0].span).substr(0, 9) == "by region");
        CHECK(c->diags.items()[1].notes.at(0).message.en() == "first given here");
    }
    SECTION("an unknown region name suggests the region that is missing") {
        const Diagnostic d = only(set_with(
            "indicator 9.1 { unit percent require >= by region { TDMNPB: 70 DBHS: 100 BTB: 80 "
            "DHNTB: 80 TN: 70 DNB: 100 DBSCL: 70 } }"));
        CHECK(d.code == "E0103");
        CHECK(d.message.en() == "unknown region 'DBHS'");
        CHECK(check_test::help_en(d.help) == "did you mean 'DBSH'?");
    }
    SECTION("table rows: every region, one value per year column") {
        CHECK(found(set_with("indicator 9.1 { unit trieu_dong require >= table {\n"
                             "         2021..2022 2023 2024 2025\n"
                             "  TDMNPB 36 42 45 48\n  DBSH 50 58 62\n  BTB 36 42 45 48\n"
                             "  DHNTB 41 47 50 53\n  TN 41 47 50 53\n  DNB 59 67 71 75\n} }")) ==
              Lines{"E0301 table misses region DBSCL", "E0303 row DBSH has 3 values, expected 4"});
    }
    SECTION("year keys cover the set's validity, without overlap") {
        CHECK(found(set_with("indicator 9.1 { unit percent require >= by year { 2021..2022: 50 "
                             "2023: 55 } }")) ==
              Lines{"E0304 threshold by year does not cover 2024..2025 of set 's9' (valid "
                    "2021..2025)"});
        CHECK(found(set_with("indicator 9.1 { unit percent require >= by year { 2021..2023: 50 "
                             "2022..2025: 55 } }")) ==
              Lines{"E0305 years 2022..2023 are given twice"});
        CHECK(found(set_with("indicator 9.1 { unit trieu_dong require >= table {\n"
                             "  2021..2023 2023..2025\n  TDMNPB 1 2\n  DBSH 1 2\n  BTB 1 2\n"
                             "  DHNTB 1 2\n  TN 1 2\n  DNB 1 2\n  DBSCL 1 2\n} }")) ==
              Lines{"E0305 year 2023 is given twice"});
    }
    SECTION("years outside the validity are a warning") {
        const Diagnostic d = only(set_with(
            "indicator 9.1 { unit percent require >= by year { 2020..2022: 50 2023..2026: 55 } }"));
        CHECK(d.severity == Severity::warning);
        CHECK(d.code == "W0301");
        CHECK(d.message.en() ==
              "threshold by year gives 2020, 2026, outside set 's9' (valid 2021..2025)");
    }
    SECTION("an inherited threshold must cover the extending set's longer validity") {
        const Diagnostic d =
            only(set_with("indicator 9.1 { unit percent require >= by year { 2021..2025: 50 } }") +
                 "set s10 \"S\" { extends s9 valid 2021..2026 }\n");
        CHECK(d.code == "E0304");
        CHECK(d.message.en() == "threshold by year does not cover 2026 of set 's10' (valid 2021..2026)");
        CHECK(d.notes.at(0).message.en() == "set 's10' inherits this threshold");
    }
    SECTION("years outside the checked range") {
        CHECK(found("set y \"Y\" { for xa valid 2021..2205 }\n") ==
              Lines{"E0114 year 2205 is outside 1900..2100"});
    }
}

TEST_CASE("checker: requirements that can never hold", "[checker]") {
    SECTION("intervals that do not intersect") {
        auto c =
            run(kPrelude + set_with("indicator 9.1 { unit percent require >= 90 require <= 80 }"));
        REQUIRE(c->diags.items().size() == 1);
        const Diagnostic& d = c->diags.items()[0];
        CHECK(d.code == "E0306");
        CHECK(d.message.en() == "requirements of indicator 9.1 contradict each other: >= 90 and <= 80");
        CHECK(c->sources.text(d.span) == "<=");
        CHECK(d.notes.at(0).message.en() == "conflicts with this requirement");
        CHECK(c->sources.text(d.notes.at(0).span) == ">=");
        CHECK(c->checked.set("s9")->indicator("9.1")->satisfiable == false);
    }
    SECTION("an empty range, a bound beyond the unit's domain") {
        CHECK(found(set_with("indicator 9.1 { unit percent require in 90 .. 80 }")) ==
              Lines{"E0307 requirement of indicator 9.1 can never be met: in 90 .. 80"});
        CHECK(found(set_with("indicator 9.1 { unit percent require > 100 }")) ==
              Lines{"E0307 requirement of indicator 9.1 can never be met by a percentage: > 100"});
        CHECK(found(set_with("indicator 9.1 { unit count require < 0 }")) ==
              Lines{"E0307 requirement of indicator 9.1 can never be met by a count: < 0"});
        CHECK(found(set_with("indicator 9.1 { unit yesno require yes require no }")) ==
              Lines{"E0306 requirements of indicator 9.1 contradict each other: yes and no"});
        CHECK(found(set_with("indicator 9.1 { unit percent require >= 50 require != 50 require "
                             "<= 50 }")) ==
              Lines{"E0306 requirements of indicator 9.1 contradict each other: != 50 and <= 50"});
    }
    SECTION("cell by cell where thresholds vary by region and year") {
        CHECK(found(set_with("indicator 9.1 { unit percent require >= by region { TDMNPB: 70 "
                             "DBSH: 100 BTB: 80 DHNTB: 80 TN: 70 DNB: 100 DBSCL: 70 } require <= "
                             "90 }")) ==
              Lines{"E0306 requirements of indicator 9.1 contradict each other: >= 100 and <= 90 "
                    "for DBSH, DNB"});
        CHECK(found(set_with("indicator 9.1 { unit percent require >= by year { 2021..2023: 50 "
                             "2024..2025: 60 } require < 55 }")) ==
              Lines{"E0306 requirements of indicator 9.1 contradict each other: >= 60 and < 55 "
                    "in 2024..2025"});
        CHECK(
            found(set_with("indicator 9.1 { unit trieu_dong require >= table {\n"
                           "  2021..2023 2024..2025\n  TDMNPB 1 2\n  DBSH 1 60\n  BTB 1 2\n"
                           "  DHNTB 1 2\n  TN 1 2\n  DNB 55 70\n  DBSCL 1 2\n} require <= 50 }")) ==
            Lines{"E0306 requirements of indicator 9.1 contradict each other for DBSH in "
                  "2024..2025, DNB in 2021..2025: e.g. >= 60 and <= 50 for DBSH in 2024"});
    }
    SECTION("under one case of a `when` threshold") {
        CHECK(found(set_with("indicator 9.1 { unit percent require >= when dtts: 40 else 95 "
                             "require <= 90 }")) ==
              Lines{"E0306 requirements of indicator 9.1 contradict each other: <= 90 and >= 95 "
                    "otherwise"});
    }
    SECTION("combine at_least more than the indicators") {
        CHECK(found(set_with("combine at_least 3\nindicator 9.1 { unit yesno }\nindicator 9.2 { "
                             "unit yesno }")) ==
              Lines{"E0308 criterion 9 combines at_least 3 of its 2 indicators in set 's9'"});
    }
}
