// The checker on declarations: derived values, sets that extend others, levels, classes,
// assignments and targets.  One case per check, asserting the exact code and message.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/support/check_fixture.hpp"

using namespace ntm::dsl;
using namespace check_test;

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
        CHECK(d.message.en() == "override indicator 2.3: no such indicator in base set 'xa_2021'");
        CHECK(check_test::help_en(d.help) == "did you mean '2.2'?");
        CHECK(found(ext + "  override criterion 4 { }\n}\n") ==
              Lines{"E0406 override criterion 4: no such criterion in base set 'xa_2021'"});
        CHECK(found(ext + "  remove indicator 13.4\n}\n") ==
              Lines{"E0407 remove indicator 13.4: no such indicator in base set 'xa_2021'"});
    }
    SECTION("adding what the base has takes override") {
        const Diagnostic d =
            only(ext + "  criterion 2 \"Lại\" { indicator 2.5 { unit yesno } }\n}\n");
        CHECK(d.code == "E0405");
        CHECK(d.message.en() == "criterion 2 is already in base set 'xa_2021'");
        CHECK(check_test::help_en(d.help) == "write 'override criterion 2' to change it");
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
        CHECK(d.message.en() == "set 'h' is for huyen but its base set 'xa_2021' is for xa");
        CHECK(d.notes.at(0).message.en() == "base set declared here");
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
        CHECK(render_all(c->diags, c->sources, false, ntm::text::Lang::en) == "");
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
        CHECK(d.message.en() == "level 'h' is for huyen but comes after 'dat_chuan', a level of xa");
    }
    SECTION("one order per kind") {
        const Diagnostic d = only("level khac { for xa }\n");
        CHECK(d.code == "E0503");
        CHECK(d.message.en() == "levels 'dat_chuan' and 'khac' of xa both come first");
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
        for (const auto& d : c->diags.items()) got.push_back(d.code + " " + d.message.en());
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

// Every criterion of the prelude's set given a body, so that a case's block missing some is no
// W0603 (test_check_sanity.cpp has those).
const std::string kAllAssigned = "assignments rest \"Còn lại\" {\n  sets xa_2021\n  criterion 1, 2, 13 -> so_xd\n}\n";

TEST_CASE("checker: assignments", "[checker]") {
    const std::string head = kAllAssigned + "assignments a \"Phân công\" {\n  sets xa_2021\n";
    SECTION("criteria and indicators of the listed sets") {
        const Diagnostic d = only(head + "  criterion 3 -> so_xd\n}\n");
        CHECK(d.code == "E0601");
        CHECK(d.message.en() == "no criterion 3 in set 'xa_2021'");
        CHECK_FALSE(d.help);  // 1 and 9 are equally near: no guess
        CHECK(found(head + "  indicator 13.3 -> so_xd\n}\n") ==
              Lines{"E0602 no indicator 13.3 in set 'xa_2021'"});
        CHECK(found("assignments a { criterion 1 -> so_xd }\n") ==
              Lines{"E0606 assignments 'a' has no 'sets'"});
    }
    SECTION("the same criterion, indicator or locality twice in one block") {
        const Diagnostic d = only(head + "  criterion 1, 2 -> so_xd\n  criterion 2 -> so_xd\n}\n");
        CHECK(d.code == "E0603");
        CHECK(d.message.en() == "criterion 2 is assigned twice");
        CHECK(d.notes.at(0).message.en() == "first assigned here");
        CHECK(found(head + "  locality \"15667\", \"15667\" -> pho_bi_thu\n}\n") ==
              Lines{"E0603 locality \"15667\" is assigned twice"});
    }
    SECTION("criteria go to bodies, localities to members: a warning otherwise") {
        const Diagnostic d = only(head + "  criterion 1 -> pho_bi_thu\n}\n");
        CHECK(d.severity == Severity::warning);
        CHECK(d.code == "W0601");
        CHECK(d.message.en() == "criterion assigned to member 'pho_bi_thu', not to a body");
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

TEST_CASE("checker: dated assignments", "[checker]") {
    const std::string head = kAllAssigned + "assignments a \"Phân công\" {\n  sets xa_2021\n";
    SECTION("valid years, as for sets") {
        CHECK(found(head + "  valid 2025..2030\n  criterion 1 -> so_xd\n}\n") == Lines{});
        auto c = run(kPrelude + head + "  valid 2021..2024\n  criterion 1 -> so_xd\n}\n");
        REQUIRE(c->checked.assignments.size() == 2);
        REQUIRE(c->checked.assignments[1].decl->valid);
        CHECK(c->checked.assignments[1].decl->valid->to == 2024);
        CHECK(found(head + "  valid 2021..2205\n}\n") == Lines{"E0114 year 2205 is outside 1900..2100"});
    }
}

TEST_CASE("checker: how inputs combine when units merge", "[checker]") {
    // Every input of xa in the prelude: the fields, and the columns 1.1, 13.1, 13.2.
    const std::string all = "  combine sum: so_htx, duong_km, duong_cung_km, 13.2\n"
                            "  combine all: dtts, 1.1, \"13.1\"\n"
                            "  combine any: no_dong\n"
                            "  combine resurvey: hai_long\n";
    auto with = [&](const std::string& lines) { return found("data xa {\n" + all + lines + "}\n"); };
    SECTION("every input given a way: clean, and recorded") {
        auto c = run(kPrelude + "data xa {\n" + all + "}\n");
        CHECK(c->diags.items().empty());
        const auto& combine = c->checked.data_of(EntityKind::xa).combine;
        CHECK(combine.size() == 9);
        CHECK(combine.at("13.1").way == MergeWay::all);
        CHECK(combine.at("so_htx").way == MergeWay::sum);
    }
    SECTION("a weighted mean names its weight") {
        auto c = run(kPrelude + "data xa {\n  field ty_le_ho: percent\n" + all +
                     "  combine weighted by so_htx: ty_le_ho\n}\n");
        CHECK(c->diags.items().empty());
        CHECK(c->checked.data_of(EntityKind::xa).combine.at("ty_le_ho").weight == "so_htx");
    }
    SECTION("an unknown input, with a suggestion") {
        const Diagnostic d = only("data xa {\n" + all + "  combine sum: so_htxx\n}\n");
        CHECK(d.code == "E0701");
        CHECK(d.message.en() == "unknown input 'so_htxx' of xa");
        CHECK(check_test::help_en(d.help) == "did you mean 'so_htx'?");
        CHECK(with("  combine max: 2.2\n") == Lines{"E0701 unknown input '2.2' of xa"});
    }
    SECTION("an input given twice") {
        const Diagnostic d = only("data xa {\n" + all + "  combine max: so_htx\n}\n");
        CHECK(d.code == "E0702");
        CHECK(d.message.en() == "input 'so_htx' of xa is given a 'combine' twice");
        CHECK(d.notes.at(0).message.en() == "first given here");
    }
    SECTION("weights: a number or count input, never the input itself") {
        const std::string f = "data xa {\n  field ty_le_ho: percent\n" + all;
        CHECK(found(f + "  combine weighted by hai_long: ty_le_ho\n}\n") ==
              Lines{"E0703 'hai_long' cannot weight a mean: it is a percentage, not a number or count "
                    "input of xa"});
        CHECK(found(f + "  combine weighted by dtts: ty_le_ho\n}\n") ==
              Lines{"E0703 'dtts' cannot weight a mean: it is yes/no, not a number or count input of xa"});
        CHECK(found(f + "  combine weighted by ty_le_duong: ty_le_ho\n}\n") ==
              Lines{"E0703 'ty_le_duong' cannot weight a mean: it is a derived value, not a number or "
                    "count input of xa"});
        CHECK(found("data xa {\n  field so_ho: count\n" + all + "  combine weighted by so_ho: so_ho\n}\n") ==
              Lines{"E0704 input 'so_ho' is weighted by itself"});
    }
    SECTION("the way suits the input's type") {
        CHECK(found("data xa {\n  field co: yesno\n" + all + "  combine sum: co\n}\n") ==
              Lines{"E0705 'combine sum' does not suit 'co', a yes/no input"});
        CHECK(found("data xa {\n  field n: count\n" + all + "  combine any: n\n}\n") ==
              Lines{"E0705 'combine any' does not suit 'n', a count input"});
    }
    SECTION("derived values are computed again, not combined") {
        CHECK(with("  combine resurvey: ty_le_duong\n") ==
              Lines{"E0706 'ty_le_duong' is a derived value: it is computed again after a merger, not "
                    "combined"});
    }
    SECTION("an input left out, once the kind has combine lines: a warning") {
        CHECK(found("data xa {\n  combine sum: so_htx, duong_km, duong_cung_km, 13.2\n"
                    "  combine all: dtts, 1.1, 13.1\n  combine any: no_dong\n}\n") ==
              Lines{"W0701 no 'combine' for input 'hai_long' of xa: after a merger it must be surveyed "
                    "again, as with 'combine resurvey'"});
        // No combine line for thon in the prelude: no warning for its inputs.
    }
}
