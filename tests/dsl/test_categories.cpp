// Categories (threshold dimensions): `category NAME { … }` and thresholds `by NAME { … }` —
// the trees the parser builds, its errors, every check of the checker, the canonical layout.
#include <catch2/catch.hpp>
#include <string>

#include "dsl/formatter.hpp"
#include "dsl/parser.hpp"
#include "tests/support/check_fixture.hpp"

using namespace ntm::dsl;
using namespace check_test;

namespace {

const std::string kGroups = R"(category nhom "Nhóm xã" {
  for xa
  source "QĐ 51/2025/QĐ-TTg"
  nhom_1 "Nhóm 1" when hai_long < 10% or dtts
  nhom_3 "Nhóm 3" when so_htx >= 2
  nhom_2 "Nhóm 2" otherwise
}
)";

std::string set_by(const std::string& table, const std::string& kind = "xa") {
    return "set s26 \"S\" {\n  for " + kind +
           "\n  valid 2026..2030\n  criterion 2 \"Giao thông\" {\n    indicator 2.1 \"Đường\" {\n"
           "      unit percent\n      require >= " + table + "\n    }\n  }\n}\n";
}

struct Parse {
    SourceManager sources;
    Diagnostics diags;
    RuleFile file;
};

std::unique_ptr<Parse> parse(const std::string& text) {
    auto p = std::make_unique<Parse>();
    NodeIds ids;
    p->file = parse_file(p->sources.add("t.ntm", text), p->sources, p->diags, ids);
    return p;
}

}  // namespace

TEST_CASE("categories: the parser builds the declaration and the table by category", "[categories]") {
    auto p = parse(kGroups + set_by("by nhom { nhom_1: 100  nhom_2: 90  nhom_3: 70 }"));
    INFO(render_all(p->diags, p->sources, false, ntm::text::Lang::en));
    REQUIRE_FALSE(p->diags.has_errors());
    const auto& c = std::get<CategoryDecl>(p->file.decls.at(0));
    CHECK(c.name.text == "nhom");
    CHECK(c.title->value == "Nhóm xã");
    CHECK(c.kind->text == "xa");
    CHECK(c.source->value == "QĐ 51/2025/QĐ-TTg");
    REQUIRE(c.members.size() == 3);
    CHECK(c.members[0].name.text == "nhom_1");
    CHECK(c.members[0].title.value == "Nhóm 1");
    CHECK(c.members[0].when != nullptr);
    CHECK(c.members[1].name.text == "nhom_3");  // source order: the order they are tried in
    CHECK(c.members[2].when == nullptr);        // otherwise
    CHECK(p->sources.text(c.members[2].rule_span) == "otherwise");
    const auto& s = std::get<CriteriaSet>(p->file.decls.at(1));
    const Threshold& t = *s.criteria.at(0).indicators.at(0).requirements.at(0).low;
    CHECK(t.kind == ThresholdKind::by_category);
    CHECK(t.dimension.text == "nhom");
    REQUIRE(t.regions.size() == 3);
    CHECK(t.regions[2].region.text == "nhom_3");
    CHECK(t.regions[2].value->constant.value == 70);
}

TEST_CASE("categories: malformed declarations give located errors", "[categories]") {
    auto p = parse("category c \"C\" {\n  for xa\n  a \"A\" dtts\n}\n");
    CHECK(render_all(p->diags, p->sources, false, ntm::text::Lang::en).find(
              "t.ntm:3:9: error[E0001]: expected 'when' and a condition, or 'otherwise', after the category's "
              "title, found 'dtts'") != std::string::npos);
    auto q = parse("category c \"C\" {\n  for xa\n  a when dtts\n}\n");
    CHECK(render_all(q->diags, q->sources, false, ntm::text::Lang::en).find("t.ntm:3:5: error[E0001]: expected a title in double quotes") !=
          std::string::npos);
    auto r = parse(set_by("by nhom { nhom_1 100 }"));
    CHECK(render_all(r->diags, r->sources, false, ntm::text::Lang::en).find("error[E0001]: expected ':', found '100'") != std::string::npos);
}

TEST_CASE("categories: a clean declaration and table give no diagnostics", "[categories]") {
    CHECK(found(kGroups + set_by("by nhom { nhom_1: 100  nhom_2: 90  nhom_3: 70 }")) == Lines{});
    // Nested in `by year`, and `by year` nested in it.
    CHECK(found(kGroups + set_by("by year { 2026..2027: by nhom { nhom_1: 100  nhom_2: 90  nhom_3: 70 }  "
                                 "2028..2030: 95 }")) == Lines{});
    CHECK(found(kGroups + set_by("by nhom { nhom_1: by year { 2026..2030: 100 }  nhom_2: 90  nhom_3: 70 }")) ==
          Lines{});
}

TEST_CASE("categories: every check of a table by category", "[categories]") {
    SECTION("a category missing") {
        CHECK(found(kGroups + set_by("by nhom { nhom_1: 100  nhom_2: 90 }")) ==
              Lines{"E0907 threshold by nhom misses category nhom_3"});
    }
    SECTION("an unknown category, with the missing one suggested") {
        const Diagnostic d = only(kGroups + set_by("by nhom { nhom_1: 100  nhom_2: 90  nhom3: 70 }"));
        CHECK(d.code == "E0908");
        CHECK(d.message.en() == "'nhom3' is not a category of 'nhom'");
        CHECK(check_test::help_en(d.help) == "did you mean 'nhom_3'?");
    }
    SECTION("a category twice") {
        CHECK(found(kGroups + set_by("by nhom { nhom_1: 100  nhom_2: 90  nhom_3: 70  nhom_1: 95 }")) ==
              Lines{"E0909 category nhom_1 appears twice"});
    }
    SECTION("an unknown dimension") {
        const Diagnostic d = only(kGroups + set_by("by nhon { nhom_1: 100  nhom_2: 90  nhom_3: 70 }"));
        CHECK(d.code == "E0905");
        CHECK(d.message.en() == "unknown category 'nhon' after 'by'");
        CHECK(check_test::help_en(d.help) == "did you mean 'nhom'?");
    }
    SECTION("a dimension of another kind") {
        CHECK(found(kGroups + set_by("by nhom { nhom_1: 100  nhom_2: 90  nhom_3: 70 }", "huyen")) ==
              Lines{"E0906 category 'nhom' is for xa, but the threshold is in a set for huyen"});
    }
}

TEST_CASE("categories: requirements contradict each other category by category", "[categories]") {
    const std::string both = kGroups + "set s26 \"S\" {\n  for xa\n  valid 2026..2030\n  criterion 2 \"G\" {\n"
                             "    indicator 2.1 \"Đường\" {\n      unit percent\n";
    // Every category on its own is satisfiable: no error, though 90 (group 1) > 60 (group 2).
    CHECK(found(both + "      require >= by nhom { nhom_1: 90  nhom_2: 50  nhom_3: 50 }\n"
                       "      require <= by nhom { nhom_1: 95  nhom_2: 60  nhom_3: 60 }\n    }\n  }\n}\n") == Lines{});
    CHECK(found(both + "      require >= by nhom { nhom_1: 90  nhom_2: 50  nhom_3: 50 }\n"
                       "      require <= by nhom { nhom_1: 85  nhom_2: 60  nhom_3: 60 }\n    }\n  }\n}\n") ==
          Lines{"E0306 requirements of indicator 2.1 contradict each other: >= 90 and <= 85 for nhom_1"});
    CHECK(found(both + "      require >= by nhom { nhom_1: 90  nhom_2: 50  nhom_3: 50 }\n"
                       "      require <= 40\n    }\n  }\n}\n") ==
          Lines{"E0306 requirements of indicator 2.1 contradict each other: e.g. >= 90 and <= 40 for nhom_1"});
}

TEST_CASE("categories: every check of a declaration", "[categories]") {
    SECTION("no for") {
        CHECK(found("category c \"C\" {\n  a \"A\" otherwise\n}\n") == Lines{"E0901 category 'c' has no 'for'"});
    }
    SECTION("no otherwise") {
        CHECK(found("category c \"C\" {\n  for xa\n  a \"A\" when dtts\n}\n") ==
              Lines{"E0902 category 'c' has no 'otherwise': some entities would be in no category"});
    }
    SECTION("otherwise not last") {
        CHECK(found("category c \"C\" {\n  for xa\n  b \"B\" otherwise\n  a \"A\" when dtts\n}\n") ==
              Lines{"E0903 category 'a' comes after 'otherwise' and can never be chosen"});
    }
    SECTION("otherwise twice") {
        CHECK(found("category c \"C\" {\n  for xa\n  a \"A\" otherwise\n  b \"B\" otherwise\n}\n") ==
              Lines{"E0903 'c' has a second 'otherwise'"});
    }
    SECTION("a member twice") {
        CHECK(found("category c \"C\" {\n  for xa\n  a \"A\" when dtts\n  a \"A2\" otherwise\n}\n") ==
              Lines{"E0904 category 'a' is declared twice in 'c'"});
    }
    SECTION("a condition that is not yes/no") {
        CHECK(found("category c \"C\" {\n  for xa\n  a \"A\" when so_htx\n  b \"B\" otherwise\n}\n") ==
              Lines{"E0203 the condition of category 'a' needs a yes/no condition, got count"});
    }
    SECTION("a condition reading an unknown field") {
        const Diagnostic d = only("category c \"C\" {\n  for xa\n  a \"A\" when dtt\n  b \"B\" otherwise\n}\n");
        CHECK(check_test::help_en(d.help) == "did you mean 'dtts'?");
    }
    SECTION("a condition reading results of the criteria") {
        CHECK(found("category c \"C\" {\n  for xa\n  a \"A\" when criteria_met >= 15 or level >= dat_chuan\n"
                    "  b \"B\" when met(1.1)\n  d \"D\" when count(thon where dat_chuan_thon) >= 2\n"
                    "  e \"E\" otherwise\n}\n") ==
              Lines{"E0910 category 'a' cannot read 'criteria_met': categories are decided before the criteria "
                    "are judged",
                    "E0910 category 'b' cannot read 'met(1.1)': categories are decided before the criteria are "
                    "judged"});
    }
    SECTION("a category declared twice") {
        CHECK(found(kGroups + kGroups) == Lines{"E0110 duplicate category 'nhom'"});
    }
}

TEST_CASE("categories: the formatter lays them out canonically", "[categories]") {
    auto p = parse("category  nhom \"Nhóm xã\" { nhom_2 \"Nhóm 2\" otherwise source \"QĐ\" for xa }\n" +
                   set_by("by nhom { nhom_1: 100  nhom_2: 90 }"));
    REQUIRE_FALSE(p->diags.has_errors());
    const std::string out = format(p->file, p->sources);
    CHECK(out.find("category nhom \"Nhóm xã\" {\n  for xa\n  source \"QĐ\"\n  nhom_2 \"Nhóm 2\" otherwise\n}\n") !=
          std::string::npos);
    CHECK(out.find("require >= by nhom {\n        nhom_1: 100\n        nhom_2: 90\n      }\n") != std::string::npos);
    // Members keep their order: it decides which category an entity is in.
    auto q = parse(kGroups);
    const std::string groups = format(q->file, q->sources);
    CHECK(groups.find("nhom_1") < groups.find("nhom_3"));
    CHECK(groups.find("nhom_3") < groups.find("nhom_2"));
    CHECK(groups.find("nhom_1 \"Nhóm 1\" when hai_long < 10% or dtts") != std::string::npos);
}
