// The checker as a whole (clean rules, rendering, the checked model) and its name pass: unknown
// names and duplicate declarations.  One case per check, asserting the exact code and message.
#include <catch2/catch.hpp>
#include <string>

#include "tests/support/check_fixture.hpp"
#include "tests/support/support.hpp"

using namespace ntm::dsl;
using namespace check_test;

TEST_CASE("checker: clean rules give no diagnostics", "[checker]") {
    SECTION("the common declarations") {
        CHECK(found("") == Lines{});
    }
    SECTION("every example of docs/language.md, together") {
        std::string rules;
        for (const std::string& block :
             support::ntm_blocks(std::string(NTM_SOURCE_DIR) + "/docs/language.md")) {
            rules += block + "\n";
        }
        REQUIRE(rules.size() > 1000);
        auto c = run(rules);
        CHECK(render_all(c->diags, c->sources, false, ntm::text::Lang::en) == "");
    }
}

TEST_CASE("checker: unknown names", "[checker]") {
    SECTION("unit of a field") {
        const Diagnostic d = only("data xa { field x: kmm }\n");
        CHECK(d.code == "E0101");
        CHECK(d.message.en() == "unknown unit 'kmm'");
        CHECK(check_test::help_en(d.help) == "did you mean 'km'?");
    }
    SECTION("unit of an indicator") {
        CHECK(found(set_with("indicator 9.1 { unit percnt }")) ==
              Lines{"E0101 unknown unit 'percnt'"});
    }
    SECTION("entity kind") {
        const Diagnostic d = only("data xã { field x: count }\n");
        CHECK(d.code == "E0102");
        CHECK(d.message.en() == "unknown entity kind 'xã'");
        CHECK(check_test::help_en(d.help) == "did you mean 'xa'?");
        CHECK(found("class c { for tinhh when yes }\n") ==
              Lines{"E0102 unknown entity kind 'tinhh'"});
    }
    SECTION("region") {
        const Diagnostic d =
            only("set r \"R\" { for xa valid 2021..2025 region TDMNBP when dtts }\n");
        CHECK(d.code == "E0103");
        CHECK(d.message.en() == "unknown region 'TDMNBP'");
        CHECK(check_test::help_en(d.help) == "did you mean 'TDMNPB'?");
    }
    SECTION("field in an expression, looked up in the data of the level's kind") {
        const Diagnostic d = only(gate("hai_lon >= 90%"));
        CHECK(d.code == "E0104");
        CHECK(d.message.en() == "unknown name 'hai_lon' in data for xa");
        CHECK(check_test::help_en(d.help) == "did you mean 'hai_long'?");
        CHECK(found("class c { for huyen when hai_long > 5 }\n") ==
              Lines{"E0104 unknown name 'hai_long' in data for huyen"});
    }
    SECTION("set in extends, meets and sets") {
        const Diagnostic d = only("set e \"E\" { extends xa_2012 }\n");
        CHECK(d.code == "E0105");
        CHECK(d.message.en() == "unknown set 'xa_2012'");
        CHECK(check_test::help_en(d.help) == "did you mean 'xa_2021'?");
        CHECK(found("level l { for xa after dat_chuan meets xa_202 }\n") ==
              Lines{"E0105 unknown set 'xa_202'"});
        CHECK(found("assignments a \"A\" { sets nope criterion 1 -> so_xd }\n") ==
              Lines{"E0105 unknown set 'nope'"});
    }
    SECTION("level in after, targets and level comparisons") {
        const Diagnostic d = only("level l { for xa after dat_chaun }\n");
        CHECK(d.code == "E0106");
        CHECK(d.message.en() == "unknown level 'dat_chaun'");
        CHECK(check_test::help_en(d.help) == "did you mean 'dat_chuan'?");
        CHECK(found("target t { locality \"49\" year 2021 nang_cao +3 }\n") ==
              Lines{"E0106 unknown level 'nang_cao'"});
        const Diagnostic l = only(gate("level >= dat_chua"));
        CHECK(l.code == "E0106");
        CHECK(l.message.en() == "unknown level 'dat_chua'");
        CHECK(check_test::help_en(l.help) == "did you mean 'dat_chuan'?");
        CHECK(found("class c { for xa when nang_cao < level }\n") ==
              Lines{"E0106 unknown level 'nang_cao'"});
    }
    SECTION("body or member in an assignment") {
        const Diagnostic d = only("assignments a \"A\" { sets xa_2021 criterion 1 -> so_x criterion 2, 13 -> so_xd }\n");
        CHECK(d.code == "E0107");
        CHECK(d.message.en() == "unknown body or member 'so_x'");
        CHECK(check_test::help_en(d.help) == "did you mean 'so_xd'?");
    }
    SECTION("function") {
        const Diagnostic d = only(gate("rato(duong_km, duong_km) > 5"));
        CHECK(d.code == "E0108");
        CHECK(d.message.en() == "unknown function 'rato'");
        CHECK(check_test::help_en(d.help) == "did you mean 'ratio'?");
    }
}

TEST_CASE("checker: duplicate declarations", "[checker]") {
    SECTION("two sets with one name") {
        auto c = run(kPrelude + "set xa_2021 \"Lại\" { for xa valid 2021..2025 }\n");
        REQUIRE(c->diags.items().size() == 1);
        const Diagnostic& d = c->diags.items()[0];
        CHECK(d.code == "E0110");
        CHECK(d.message.en() == "duplicate set 'xa_2021'");
        REQUIRE(d.notes.size() == 1);
        CHECK(d.notes[0].message.en() == "first defined here");
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
        CHECK(d.message.en() == "duplicate field 'hai_long' in data for xa");
        CHECK(d.notes.at(0).message.en() == "first defined here");
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
        CHECK(d.message.en() == "indicator 2.1 is in criterion 9");
        CHECK(check_test::help_en(d.help) == "codes of the indicators of criterion 9 start with '9.'");
        CHECK(found(set_with("indicator 9 { unit yesno }\nindicator 9.10 { unit yesno }")) ==
              Lines{});
    }
}

TEST_CASE("checker: diagnostics render with carets under the exact token", "[checker]") {
    auto c = run(kPrelude +
                 "level thử \"Xã đạt chuẩn\" { for xa after dat_chuan gate g: "
                 "hài_lòng >= 90% }\n");
    const std::string out = render_all(c->diags, c->sources, false, ntm::text::Lang::en);
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
