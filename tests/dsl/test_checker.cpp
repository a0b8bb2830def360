// The checker: one case per check, asserting the exact code and message; the checked model.
#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <sstream>

#include "dsl/checker.hpp"
#include "dsl/parser.hpp"

using namespace ntm::dsl;

namespace {

// Declarations most cases build on; checked clean in the first case.
const std::string kPrelude = R"(unit trieu_dong "triệu đồng/người/năm"
unit km "km"
data xa {
  field dtts "Xã miền núi": yesno
  field hai_long "Tỷ lệ hài lòng": percent
  field no_dong: yesno
  field duong_km: km
  field duong_cung_km: km
  field so_htx: count
  derive ty_le_duong: percent = ratio(duong_cung_km, duong_km)
}
data thon { field dat_chuan_thon: yesno }
data huyen { field ty_le: percent }
set xa_2021 "Bộ tiêu chí xã" {
  for xa
  valid 2021..2025
  criterion 1 "Quy hoạch" {
    indicator 1.1 "Có quy hoạch" { unit yesno require yes }
  }
  criterion 2 "Giao thông" {
    indicator 2.2 "Đường thôn" { unit percent value ty_le_duong require >= 70 }
  }
  criterion 13 "Tổ chức sản xuất" {
    combine at_least 1
    indicator 13.1 "Hợp tác xã" { unit yesno require yes }
    indicator 13.2 "Số hợp tác xã" { unit count require >= 1 }
  }
}
level dat_chuan "Xã đạt chuẩn" { for xa meets xa_2021 gate hai_long "Hài lòng": hai_long >= 90% }
body so_xd "Sở Xây dựng"
member pho_bi_thu "Phó Bí thư"
)";

struct Checking {
    SourceManager sources;
    Diagnostics diags;
    NodeIds ids;
    Module module;
    Checked checked;
};

// Parses `text` as one rule file and checks it; a syntax error fails the test.
std::unique_ptr<Checking> run(const std::string& text) {
    auto c = std::make_unique<Checking>();
    const FileId f = c->sources.add("rules.ntm", text);
    c->module.files.push_back(parse_file(f, c->sources, c->diags, c->ids));
    INFO(render_all(c->diags, c->sources));
    REQUIRE_FALSE(c->diags.has_errors());
    c->checked = check(c->module, c->sources, c->diags);
    return c;
}

// "CODE message" for each diagnostic of the prelude followed by `text`, in order.
std::vector<std::string> found(const std::string& text) {
    auto c = run(kPrelude + text);
    std::vector<std::string> out;
    for (const Diagnostic& d : c->diags.items()) out.push_back(d.code + " " + d.message);
    return out;
}

using Lines = std::vector<std::string>;

// The only diagnostic of the prelude followed by `text`.
Diagnostic only(const std::string& text) {
    auto c = run(kPrelude + text);
    INFO(render_all(c->diags, c->sources));
    REQUIRE(c->diags.items().size() == 1);
    return c->diags.items()[0];
}

// A set for xa, valid 2021..2025, with one criterion 9 holding `body`.
std::string set_with(const std::string& body) {
    return "set s9 \"Thử\" {\n  for xa\n  valid 2021..2025\n  criterion 9 \"C\" {\n" + body +
           "\n  }\n}\n";
}

std::string gate(const std::string& condition) {
    return "level thu \"Thử\" { for xa after dat_chuan gate g: " + condition + " }\n";
}

}  // namespace

TEST_CASE("checker: clean rules give no diagnostics", "[checker]") {
    SECTION("the common declarations") {
        CHECK(found("") == Lines{});
    }
    SECTION("every example of docs/language.md, together") {
        std::ifstream in(std::string(NTM_SOURCE_DIR) + "/docs/language.md");
        REQUIRE(in);
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string doc = ss.str();
        std::string rules;
        const std::string open = "```ntm\n";
        for (auto at = doc.find(open); at != std::string::npos; at = doc.find(open, at)) {
            const auto begin = at + open.size();
            const auto end = doc.find("```", begin);
            REQUIRE(end != std::string::npos);
            rules += doc.substr(begin, end - begin) + "\n";
            at = end + 3;
        }
        REQUIRE(rules.size() > 1000);
        auto c = run(rules);
        CHECK(render_all(c->diags, c->sources) == "");
    }
}

TEST_CASE("checker: unknown names", "[checker]") {
    SECTION("unit of a field") {
        const Diagnostic d = only("data xa { field x: kmm }\n");
        CHECK(d.code == "E0101");
        CHECK(d.message == "unknown unit 'kmm'");
        CHECK(d.help == "did you mean 'km'?");
    }
    SECTION("unit of an indicator") {
        CHECK(found(set_with("indicator 9.1 { unit percnt }")) ==
              Lines{"E0101 unknown unit 'percnt'"});
    }
    SECTION("entity kind") {
        const Diagnostic d = only("data xã { field x: count }\n");
        CHECK(d.code == "E0102");
        CHECK(d.message == "unknown entity kind 'xã'");
        CHECK(d.help == "did you mean 'xa'?");
        CHECK(found("class c { for tinhh when yes }\n") ==
              Lines{"E0102 unknown entity kind 'tinhh'"});
    }
    SECTION("region") {
        const Diagnostic d =
            only("set r \"R\" { for xa valid 2021..2025 region TDMNBP when dtts }\n");
        CHECK(d.code == "E0103");
        CHECK(d.message == "unknown region 'TDMNBP'");
        CHECK(d.help == "did you mean 'TDMNPB'?");
    }
    SECTION("field in an expression, looked up in the data of the level's kind") {
        const Diagnostic d = only(gate("hai_lon >= 90%"));
        CHECK(d.code == "E0104");
        CHECK(d.message == "unknown name 'hai_lon' in data for xa");
        CHECK(d.help == "did you mean 'hai_long'?");
        CHECK(found("class c { for huyen when hai_long > 5 }\n") ==
              Lines{"E0104 unknown name 'hai_long' in data for huyen"});
    }
    SECTION("set in extends, meets and sets") {
        const Diagnostic d = only("set e \"E\" { extends xa_2012 }\n");
        CHECK(d.code == "E0105");
        CHECK(d.message == "unknown set 'xa_2012'");
        CHECK(d.help == "did you mean 'xa_2021'?");
        CHECK(found("level l { for xa after dat_chuan meets xa_202 }\n") ==
              Lines{"E0105 unknown set 'xa_202'"});
        CHECK(found("assignments a \"A\" { sets nope criterion 1 -> so_xd }\n") ==
              Lines{"E0105 unknown set 'nope'"});
    }
    SECTION("level in after, targets and level comparisons") {
        const Diagnostic d = only("level l { for xa after dat_chaun }\n");
        CHECK(d.code == "E0106");
        CHECK(d.message == "unknown level 'dat_chaun'");
        CHECK(d.help == "did you mean 'dat_chuan'?");
        CHECK(found("target t { locality \"49\" year 2021 nang_cao +3 }\n") ==
              Lines{"E0106 unknown level 'nang_cao'"});
        const Diagnostic l = only(gate("level >= dat_chua"));
        CHECK(l.code == "E0106");
        CHECK(l.message == "unknown level 'dat_chua'");
        CHECK(l.help == "did you mean 'dat_chuan'?");
        CHECK(found("class c { for xa when nang_cao < level }\n") ==
              Lines{"E0106 unknown level 'nang_cao'"});
    }
    SECTION("body or member in an assignment") {
        const Diagnostic d = only("assignments a \"A\" { sets xa_2021 criterion 1 -> so_x }\n");
        CHECK(d.code == "E0107");
        CHECK(d.message == "unknown body or member 'so_x'");
        CHECK(d.help == "did you mean 'so_xd'?");
    }
    SECTION("function") {
        const Diagnostic d = only(gate("rato(duong_km, duong_km) > 5"));
        CHECK(d.code == "E0108");
        CHECK(d.message == "unknown function 'rato'");
        CHECK(d.help == "did you mean 'ratio'?");
    }
}

TEST_CASE("checker: duplicate declarations", "[checker]") {
    SECTION("two sets with one name") {
        auto c = run(kPrelude + "set xa_2021 \"Lại\" { for xa valid 2021..2025 }\n");
        REQUIRE(c->diags.items().size() == 1);
        const Diagnostic& d = c->diags.items()[0];
        CHECK(d.code == "E0110");
        CHECK(d.message == "duplicate set 'xa_2021'");
        REQUIRE(d.notes.size() == 1);
        CHECK(d.notes[0].message == "first defined here");
        CHECK(c->sources.text(d.notes[0].span) == "xa_2021");
    }
    SECTION("units, bodies and members, levels and classes") {
        CHECK(found("unit km \"km\"\n") == Lines{"E0110 duplicate unit 'km'"});
        CHECK(found("member so_xd \"X\"\n") ==
              Lines{"E0110 duplicate name 'so_xd': already declared as a body"});
        CHECK(found("class dat_chuan { for xa when yes }\n") ==
              Lines{"E0110 duplicate name 'dat_chuan': already declared as a level"});
        CHECK(found("level dat_chuan { for xa }\n") == Lines{"E0110 duplicate level 'dat_chuan'"});
        CHECK(found("class c { for xa when yes }\nlevel c { for xa after dat_chuan }\n") ==
              Lines{"E0110 duplicate name 'c': already declared as a class"});
        CHECK(found(gate("yes") + "level l2 { for xa after thu gate a: yes gate a: no_dong }\n") ==
              Lines{"E0110 duplicate gate 'a' in level 'l2'"});
    }
    SECTION("built-in unit, field named like a builtin") {
        CHECK(found("unit percent \"%\"\n") ==
              Lines{"E0113 unit 'percent' is built in and cannot be declared"});
        CHECK(found("data xa { field year: count }\n") ==
              Lines{"E0112 field 'year' has the name of a builtin value and could never be read"});
        CHECK(found("data xa { field count: count }\n") == Lines{});
    }
    SECTION("a field declared twice, in two data blocks") {
        const Diagnostic d = only("data xa { field hai_long: percent }\n");
        CHECK(d.code == "E0111");
        CHECK(d.message == "duplicate field 'hai_long' in data for xa");
        CHECK(d.notes.at(0).message == "first defined here");
    }
    SECTION("criterion numbers and indicator codes in a set") {
        CHECK(found(set_with("indicator 9.1 { unit yesno }") +
                    "set s8 \"S\" { for xa valid 2021..2025 criterion 8 { indicator 8.1 { unit "
                    "yesno } indicator 8.1 { unit yesno } } criterion 8 { indicator 8.2 { unit "
                    "yesno } } }\n") == Lines{"E0404 duplicate indicator 8.1 in set 's8'",
                                              "E0403 duplicate criterion 8 in set 's8'"});
    }
    SECTION("an indicator code under another criterion's number is a warning") {
        const Diagnostic d = only(set_with("indicator 2.1 { unit yesno }"));
        CHECK(d.severity == Severity::warning);
        CHECK(d.code == "W0401");
        CHECK(d.message == "indicator 2.1 is in criterion 9");
        CHECK(d.help == "codes of the indicators of criterion 9 start with '9.'");
        CHECK(found(set_with("indicator 9 { unit yesno }\nindicator 9.10 { unit yesno }")) ==
              Lines{});
    }
}

TEST_CASE("checker: types", "[checker]") {
    SECTION("yes/no compared with a number or a percentage") {
        const Diagnostic d = only(gate("no_dong >= 1"));
        CHECK(d.code == "E0201");
        CHECK(d.message == "cannot compare yes/no with a number");
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
        CHECK(d.message == "no criterion or indicator 2.3 in set 'xa_2021'");
        CHECK(d.help == "did you mean '2.2'?");
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
        CHECK(d.message == "cannot add km and percent");
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
        CHECK(d.message == "value of indicator 9.1 is km but the indicator's unit is percent");
        CHECK(d.notes.at(0).message == "unit given here");
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
        for (const auto& d : c->diags.items()) got.push_back(d.code + " " + d.message);
        CHECK(got == Lines{"E0301 threshold by region misses regions DNB, DBSCL",
                           "E0302 region DBSH appears twice"});
        CHECK(c->sources.text(c->diags.items()[0].span).substr(0, 9) == "by region");
        CHECK(c->diags.items()[1].notes.at(0).message == "first given here");
    }
    SECTION("an unknown region name suggests the region that is missing") {
        const Diagnostic d = only(set_with(
            "indicator 9.1 { unit percent require >= by region { TDMNPB: 70 DBHS: 100 BTB: 80 "
            "DHNTB: 80 TN: 70 DNB: 100 DBSCL: 70 } }"));
        CHECK(d.code == "E0103");
        CHECK(d.message == "unknown region 'DBHS'");
        CHECK(d.help == "did you mean 'DBSH'?");
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
        CHECK(d.message ==
              "threshold by year gives 2020, 2026, outside set 's9' (valid 2021..2025)");
    }
    SECTION("an inherited threshold must cover the extending set's longer validity") {
        const Diagnostic d =
            only(set_with("indicator 9.1 { unit percent require >= by year { 2021..2025: 50 } }") +
                 "set s10 \"S\" { extends s9 valid 2021..2026 }\n");
        CHECK(d.code == "E0304");
        CHECK(d.message == "threshold by year does not cover 2026 of set 's10' (valid 2021..2026)");
        CHECK(d.notes.at(0).message == "set 's10' inherits this threshold");
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
        CHECK(d.message == "requirements of indicator 9.1 contradict each other: >= 90 and <= 80");
        CHECK(c->sources.text(d.span) == "<=");
        CHECK(d.notes.at(0).message == "conflicts with this requirement");
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

TEST_CASE("checker: derived values", "[checker]") {
    SECTION("a derived value using itself") {
        CHECK(found("data xa { derive d: count = d + 1 }\n") ==
              Lines{"E0116 derived value 'd' uses itself"});
    }
    SECTION("a cycle, named") {
        CHECK(found("data xa {\n derive a: count = b + 1\n derive b: count = c\n derive c: count = "
                    "a\n}\n") == Lines{"E0117 derived values depend on each other: a → b → c → a"});
    }
    SECTION("the order of evaluation puts each value after those it reads") {
        auto c = run(kPrelude + "data xa { derive z: count = y + 1 derive y: count = so_htx }\n");
        CHECK(c->diags.items().empty());
        const auto& order = c->checked.data_of(EntityKind::xa).derive_order;
        const auto pos = [&](const std::string& n) {
            return std::find(order.begin(), order.end(), n) - order.begin();
        };
        CHECK(pos("y") < pos("z"));
        CHECK(order.size() == 3);
    }
}

TEST_CASE("checker: extends, override and remove", "[checker]") {
    const std::string ext = "set qn \"Quảng Nam\" {\n  extends xa_2021\n  valid 2022..2025\n";
    SECTION("override and remove name something of the base set") {
        const Diagnostic d = only(ext + "  override indicator 2.3 { require >= 90 }\n}\n");
        CHECK(d.code == "E0406");
        CHECK(d.message == "override indicator 2.3: no such indicator in base set 'xa_2021'");
        CHECK(d.help == "did you mean '2.2'?");
        CHECK(found(ext + "  override criterion 4 { }\n}\n") ==
              Lines{"E0406 override criterion 4: no such criterion in base set 'xa_2021'"});
        CHECK(found(ext + "  remove indicator 13.4\n}\n") ==
              Lines{"E0407 remove indicator 13.4: no such indicator in base set 'xa_2021'"});
    }
    SECTION("adding what the base has takes override") {
        const Diagnostic d =
            only(ext + "  criterion 2 \"Lại\" { indicator 2.5 { unit yesno } }\n}\n");
        CHECK(d.code == "E0405");
        CHECK(d.message == "criterion 2 is already in base set 'xa_2021'");
        CHECK(d.help == "write 'override criterion 2' to change it");
        CHECK(found(ext + "  override criterion 13 { indicator 13.1 { unit yesno } }\n}\n") ==
              Lines{"E0405 indicator 13.1 is already in base set 'xa_2021'"});
    }
    SECTION("override or remove without extends") {
        CHECK(found("set s \"S\" { for xa valid 2021..2025 remove criterion 1 }\n") ==
              Lines{"E0408 'remove' in set 's', which extends no set"});
    }
    SECTION("extends cycles, another kind") {
        CHECK(found("set a \"A\" { extends b }\nset b \"B\" { extends a }\n") ==
              Lines{"E0409 sets extend each other: a → b → a"});
        const Diagnostic d = only("set h \"H\" { extends xa_2021 for huyen }\n");
        CHECK(d.code == "E0410");
        CHECK(d.message == "set 'h' is for huyen but its base set 'xa_2021' is for xa");
        CHECK(d.notes.at(0).message == "base set declared here");
    }
    SECTION("a code both overridden and removed; a criterion left empty") {
        CHECK(found(ext +
                    "  remove indicator 2.2\n  override indicator 2.2 { require >= 90 }\n}\n") ==
              Lines{"W0402 criterion 2 has no indicators in set 'qn'",
                    "E0411 indicator 2.2 is both overridden and removed in set 'qn'"});
    }
    SECTION("a set names its kind and validity, or inherits them") {
        CHECK(found("set s \"S\" { }\n") ==
              Lines{"E0401 set 's' has no 'for'", "E0402 set 's' has no 'valid'"});
        CHECK(found("set s \"S\" { extends xa_2021 }\n") == Lines{});
    }
    SECTION("the flattened set") {
        auto c = run(kPrelude + ext +
                     "  override indicator 2.2 { require >= 90 }\n"
                     "  override criterion 13 { combine all indicator 13.5 { unit yesno require "
                     "yes } }\n"
                     "  remove indicator 13.2\n"
                     "  criterion 20 \"Mới\" { indicator 20.1 { unit yesno require yes } }\n}\n");
        CHECK(render_all(c->diags, c->sources) == "");
        const SetInfo* qn = c->checked.set("qn");
        REQUIRE(qn);
        const std::size_t base = c->checked.set_index.at("xa_2021");
        const std::size_t self = c->checked.set_index.at("qn");
        CHECK(qn->base == base);
        CHECK(qn->kind == EntityKind::xa);
        CHECK(qn->valid->from == 2022);
        std::vector<std::string> codes;
        for (const auto& cr : qn->criteria) {
            for (const auto& i : cr.indicators) codes.push_back(i.code);
        }
        CHECK(codes == Lines{"1.1", "2.2", "13.1", "13.5", "20.1"});
        const EffectiveIndicator* i22 = qn->indicator("2.2");
        CHECK(i22->declared.set == base);
        CHECK(i22->requirements.set == self);
        CHECK(i22->requirements.node->at(0).low->constant.text == "90");
        CHECK(i22->value.set == base);
        CHECK(i22->unit_name == "percent");
        CHECK(i22->overrides.size() == 1);
        const EffectiveCriterion* c13 = qn->criterion("13");
        CHECK(c13->combine.set == self);
        CHECK(c13->combine.node->kind == CombineKind::all);
        CHECK(qn->indicator("13.5")->declared.set == self);
        CHECK(c->checked.set("xa_2021")->indicator("13.2") != nullptr);
    }
}

TEST_CASE("checker: levels", "[checker]") {
    SECTION("after: unknown, cycles, another kind") {
        CHECK(found("level a { for huyen after b }\nlevel b { for huyen after a }\n") ==
              Lines{"E0502 levels come after each other: a → b → a"});
        const Diagnostic d = only("level h { for huyen after dat_chuan }\n");
        CHECK(d.code == "E0505");
        CHECK(d.message == "level 'h' is for huyen but comes after 'dat_chuan', a level of xa");
    }
    SECTION("one order per kind") {
        const Diagnostic d = only("level khac { for xa }\n");
        CHECK(d.code == "E0503");
        CHECK(d.message == "levels 'dat_chuan' and 'khac' of xa both come first");
        CHECK(found("level a { for xa after dat_chuan }\nlevel b { for xa after dat_chuan }\n") ==
              Lines{"E0504 levels 'a' and 'b' both come after 'dat_chuan'"});
        auto c = run(kPrelude + "level c { for xa after b }\nlevel b { for xa after dat_chuan }\n");
        const auto& order = c->checked.level_order[static_cast<std::size_t>(EntityKind::xa)];
        std::vector<std::string> names;
        for (std::size_t i : order) names.push_back(c->checked.levels[i].decl->name.text);
        CHECK(names == Lines{"dat_chuan", "b", "c"});
    }
    SECTION("meets: sets of the level's kind, one valid per year") {
        CHECK(found("set h \"H\" { for huyen valid 2021..2025 }\nlevel l { for huyen meets h, "
                    "xa_2021 }\n") ==
              Lines{"E0506 level 'l' is for huyen but set 'xa_2021' is for xa"});
        CHECK(found("set x2 \"X\" { extends xa_2021 valid 2024..2030 }\n"
                    "level l { for xa after dat_chuan meets xa_2021, x2 }\n") ==
              Lines{"E0507 sets 'xa_2021' and 'x2' of level 'l' are both valid in 2024..2025"});
    }
    SECTION("levels that can never be reached") {
        // Reported once, as the out-of-range value that makes the gate impossible.
        CHECK(found(gate("hai_long >= 101%")) == Lines{"E0213 percentage 101% is outside 0–100"});
        CHECK(found(gate("hai_long > 100%")) ==
              Lines{"E0508 level 'thu' can never be reached: gate 'g' can never hold"});
        CHECK(found(gate("no and dtts")) ==
              Lines{"E0508 level 'thu' can never be reached: gate 'g' can never hold"});
        CHECK(found(gate("hai_long >= 90 and no_dong and hai_long < 50")) ==
              Lines{"E0508 level 'thu' can never be reached: gate 'g' can never hold"});
        CHECK(found(gate("dtts and not dtts")) ==
              Lines{"E0508 level 'thu' can never be reached: gate 'g' can never hold"});
        CHECK(found(gate("hai_long >= 90 or no")) == Lines{});
        CHECK(found(gate("no") + "level sau { for xa after thu }\n") ==
              Lines{"E0508 level 'thu' can never be reached: gate 'g' can never hold",
                    "E0508 level 'sau' can never be reached: level 'thu' before it can never be "
                    "reached"});
        auto c =
            run(kPrelude + set_with("indicator 9.1 { unit percent require >= 90 require <= 80 }") +
                "level l { for xa after dat_chuan meets s9 }\n");
        std::vector<std::string> got;
        for (const auto& d : c->diags.items()) got.push_back(d.code + " " + d.message);
        // The level is unreachable because of the contradiction, which is the one message.
        CHECK(got == Lines{"E0306 requirements of indicator 9.1 contradict each other: >= 90 and "
                           "<= 80"});
        CHECK(c->checked.level("l")->reachable == false);
        CHECK(c->checked.level("dat_chuan")->reachable == true);
    }
    SECTION("a level with no kind") {
        CHECK(found("level l { }\n") == Lines{"E0501 level 'l' has no 'for'"});
    }
}

TEST_CASE("checker: classes", "[checker]") {
    CHECK(found("class c \"C\" { when yes }\n") == Lines{"E0509 class 'c' has no 'for'"});
    CHECK(found("class c \"C\" { for xa }\n") == Lines{"E0510 class 'c' has no 'when'"});
    CHECK(found("class duoi_15 { for xa when criteria_met < 15 }\n") == Lines{});
}

TEST_CASE("checker: assignments", "[checker]") {
    const std::string head = "assignments a \"Phân công\" {\n  sets xa_2021\n";
    SECTION("criteria and indicators of the listed sets") {
        const Diagnostic d = only(head + "  criterion 3 -> so_xd\n}\n");
        CHECK(d.code == "E0601");
        CHECK(d.message == "no criterion 3 in set 'xa_2021'");
        CHECK_FALSE(d.help);  // 1 and 9 are equally near: no guess
        CHECK(found(head + "  indicator 13.3 -> so_xd\n}\n") ==
              Lines{"E0602 no indicator 13.3 in set 'xa_2021'"});
        CHECK(found("assignments a { criterion 1 -> so_xd }\n") ==
              Lines{"E0606 assignments 'a' has no 'sets'"});
    }
    SECTION("the same criterion, indicator or locality twice in one block") {
        const Diagnostic d = only(head + "  criterion 1, 2 -> so_xd\n  criterion 2 -> so_xd\n}\n");
        CHECK(d.code == "E0603");
        CHECK(d.message == "criterion 2 is assigned twice");
        CHECK(d.notes.at(0).message == "first assigned here");
        CHECK(found(head + "  locality \"15667\", \"15667\" -> pho_bi_thu\n}\n") ==
              Lines{"E0603 locality \"15667\" is assigned twice"});
    }
    SECTION("criteria go to bodies, localities to members: a warning otherwise") {
        const Diagnostic d = only(head + "  criterion 1 -> pho_bi_thu\n}\n");
        CHECK(d.severity == Severity::warning);
        CHECK(d.code == "W0601");
        CHECK(d.message == "criterion assigned to member 'pho_bi_thu', not to a body");
        CHECK(found(head + "  locality where level < dat_chuan -> so_xd\n}\n") ==
              Lines{"W0602 locality assigned to body 'so_xd', not to a member"});
    }
    SECTION("locality conditions read the data of the sets' kind") {
        CHECK(found(head + "  locality where parent = \"397\" and hai_long < 50 -> pho_bi_thu "
                           "due 2025-12-31\n}\n") == Lines{});
        CHECK(found(head + "  locality where ty_le < 50 -> pho_bi_thu\n}\n") ==
              Lines{"E0104 unknown name 'ty_le' in data for xa"});
    }
}

TEST_CASE("checker: targets", "[checker]") {
    CHECK(found("target t { locality \"49\" year 2021 dat_chuan +8 }\n") == Lines{});
    CHECK(found("target t { dat_chuan 8 }\n") ==
          Lines{"E0604 target 't' has no 'year'", "E0605 target 't' has no 'locality'"});
    CHECK(found("target t { locality \"49\" year 2021 dat_chuan 2.5 }\n") ==
          Lines{"E0607 target count 2.5 is not a whole number"});
    CHECK(found("target t { locality \"49\" year 2021 dat_chuan 2 dat_chuan +1 }\n") ==
          Lines{"E0608 level 'dat_chuan' is targeted twice in target 't'"});
    CHECK(found("target t { locality \"49\" year 2201 }\n") ==
          Lines{"E0114 year 2201 is outside 1900..2100"});
}

TEST_CASE("checker: diagnostics render with carets under the exact token", "[checker]") {
    auto c = run(kPrelude +
                 "level thử \"Xã đạt chuẩn\" { for xa after dat_chuan gate g: "
                 "hài_lòng >= 90% }\n");
    const std::string out = render_all(c->diags, c->sources);
    CHECK(out ==
          "rules.ntm:32:59: error[E0104]: unknown name 'hài_lòng' in data for xa\n"
          "   32 | level thử \"Xã đạt chuẩn\" { for xa after dat_chuan gate g: hài_lòng >= 90% }\n"
          "      |                                                           ^~~~~~~~\n"
          "      = help: did you mean 'hai_long'?\n");
}

TEST_CASE("checker: the checked model resolves every expression", "[checker]") {
    auto c = run(kPrelude);
    const Checked& m = c->checked;
    const LevelInfo* l = m.level("dat_chuan");
    REQUIRE(l);
    CHECK(l->kind == EntityKind::xa);
    CHECK(l->meets == std::vector<std::size_t>{m.set_index.at("xa_2021")});
    const Expr& cond = *l->decl->gates.at(0).condition;
    const ExprInfo* info = m.expr(cond);
    REQUIRE(info);
    CHECK(info->type == Type::boolean());
    const ExprInfo* field = m.expr(*cond.args.at(0));
    REQUIRE(field);
    CHECK(field->ref == RefKind::field);
    CHECK(field->field->name.text == "hai_long");
    CHECK(field->type == Type::number("percent"));
    CHECK(m.expr(*cond.args.at(1))->type == Type::number("percent"));

    const EffectiveIndicator* i22 = m.set("xa_2021")->indicator("2.2");
    const ExprInfo* value = m.expr(*i22->value.node);
    CHECK(value->ref == RefKind::field);
    CHECK(value->field->derive != nullptr);
    CHECK(value->type == Type::number("percent"));
    const Field& derived = *value->field;
    const ExprInfo* ratio = m.expr(*derived.derive);
    CHECK(ratio->ref == RefKind::function);
    CHECK(ratio->function == Function::ratio);
    CHECK(m.units.at("trieu_dong").symbol == "triệu đồng/người/năm");
    CHECK(m.responsibles.at("pho_bi_thu")->kind == ResponsibleKind::member);
}
