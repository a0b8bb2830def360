// Recovery from syntax errors inside blocks: where parsing resumes, that every error of a file
// is reported once and nothing follows from a skipped item, that what parsed is kept, and that
// recovery ends on any input.
#include <catch2/catch.hpp>
#include <cstdint>
#include <set>
#include <string>
#include <variant>

#include "dsl/parse_errors.hpp"
#include "dsl/parse_recover.hpp"
#include "dsl/parser.hpp"
#include "tests/support/parse.hpp"
#include "dsl/pipeline.hpp"
#include "tests/support/support.hpp"

using namespace ntm::dsl;
namespace pegtl = tao::pegtl;

namespace {

using support::parse;
using support::Parsed;

std::vector<std::uint32_t> error_lines(const Parsed& p) {
    std::vector<std::uint32_t> lines;
    for (const Diagnostic& d : p.diags.items()) lines.push_back(p.sources.locate(0, d.span.begin).line);
    return lines;
}

const CriteriaSet& only_set(const Parsed& p) {
    REQUIRE(p.file.decls.size() == 1);
    REQUIRE(std::holds_alternative<CriteriaSet>(p.file.decls[0]));
    return std::get<CriteriaSet>(p.file.decls[0]);
}

std::vector<std::string> indicator_codes(const CriteriaSet& set) {
    std::vector<std::string> codes;
    for (const Criterion& c : set.criteria) {
        for (const Indicator& i : c.indicators) codes.push_back(i.code.text);
    }
    return codes;
}

// Three criteria, each with a typo of its own kind: an item keyword, a property keyword, a
// property cut short.
const std::string kThreeTypos = R"(set s "Bộ tiêu chí" {
  for xa
  valid 2021..2025
  criterion 1 "Quy hoạch" {
    indicatr 1.1 "Có quy hoạch" {
      unit yesno
      require yes
    }
    indicator 1.2 "Quy định quản lý" {
      unit yesno
      require yes
    }
  }
  criterion 2 "Giao thông" {
    indicator 2.1 "Đường xã" {
      unti percent
      require >= 100
    }
  }
  criterion 3 "Thủy lợi" {
    indicator 3.1 "Tưới tiêu" {
      unit percent
      require >=
    }
  }
}
)";

}  // namespace

TEST_CASE("recovery resumes at the next line no deeper than the broken item", "[parse]") {
    // Offsets: a 2, x 12, c 18, '}' 24, d 28.
    const std::string text = "  a {\n    b x\n    c y\n  }\n  d\n";
    SECTION("a sibling item on a later line") {
        const Resume r = resume_point(text, 10, 12);  // item b, error at x
        CHECK(r.at == 18);                            // c
        CHECK_FALSE(r.outer);
    }
    SECTION("the '}' at the item's own indentation closes it, and is skipped with it") {
        const Resume r = resume_point(text, 2, 12);  // item a, error at x
        CHECK(r.at == 25);                           // after '}'
        CHECK_FALSE(r.outer);
    }
    SECTION("a line less indented ends the enclosing block too") {
        const Resume r = resume_point(text, 18, 20);  // item c, error at y
        CHECK(r.at == 24);                            // the '}' of a, not skipped
        CHECK(r.outer);
    }
    SECTION("an error on a line that is less indented than the item resumes at its start") {
        const Resume r = resume_point(text, 10, 28);  // item b, error at d
        CHECK(r.at == 28);
        CHECK(r.outer);
    }
    SECTION("nothing after the error: the end of the text") {
        const Resume r = resume_point(text, 28, 29);
        CHECK(r.at == text.size());
        CHECK(r.outer);
    }
    SECTION("blank and comment lines are passed over, whatever their indentation") {
        const std::string t = "  a x\n\n# note\n  b\n";
        CHECK(resume_point(t, 2, 4).at == 16);
    }
    SECTION("an item in the middle of a line counts from the line's indentation") {
        const std::string t = "  a { b x }\n    c\n  d\n";
        const Resume r = resume_point(t, 6, 8);  // item b, error at x
        CHECK(r.at == 20);                        // d: c is deeper than the line of b
        CHECK(r.outer);
    }
}

TEST_CASE("every syntax error of a set is reported, each once, and the other items are kept", "[parse]") {
    const Parsed p = parse(kThreeTypos);
    REQUIRE(error_lines(p) == std::vector<std::uint32_t>{5, 16, 23});
    for (const Diagnostic& d : p.diags.items()) CHECK(d.code == "E0001");
    CHECK(p.diags.items()[0].message.en().find("found 'indicatr'") != std::string::npos);
    CHECK(p.diags.items()[1].message.en().find("found 'unti'") != std::string::npos);
    CHECK(p.diags.items()[2].message.en().find("found end of line") != std::string::npos);
    const CriteriaSet& set = only_set(p);
    CHECK(set.criteria.size() == 3);
    // The broken indicator is skipped; of a broken property, only that property.
    CHECK(indicator_codes(set) == std::vector<std::string>{"1.2", "2.1", "3.1"});
    CHECK_FALSE(set.criteria[1].indicators[0].unit.has_value());
    CHECK(set.criteria[2].indicators[0].unit.has_value());
}

TEST_CASE("a missing '}' is one error, where the next item starts, with the block left open", "[parse]") {
    SECTION("an indicator, then a typo further on") {
        const Parsed p = parse(
            "set s {\n  criterion 1 {\n    indicator 1.1 {\n      require yes\n\n    indicator 1.2 {\n"
            "      require yes\n    }\n  }\n  criterion 2 {\n    combine most\n  }\n}\n");
        REQUIRE(error_lines(p) == std::vector<std::uint32_t>{6, 11});
        const Diagnostic& d = p.diags.items()[0];
        CHECK(d.message.en() == "missing '}' before the next item");
        REQUIRE(d.notes.size() == 1);
        CHECK(d.notes[0].message.en() == "the block that is not closed starts here");
        CHECK(p.sources.locate(0, d.notes[0].span.begin).line == 3);
        CHECK(indicator_codes(only_set(p)) == std::vector<std::string>{"1.2"});
    }
    SECTION("a criterion, before the next declaration") {
        const Parsed p = parse("set s {\n  criterion 1 {\n    indicator 1.1 { require yes }\n\nunit km \"km\"\n");
        REQUIRE(p.diags.items().size() == 1);
        CHECK(p.diags.items()[0].message.en() == "missing '}' before the next declaration");
        CHECK(p.diags.items()[0].notes.at(0).message.en() == "the block that is not closed starts here");
    }
    SECTION("blocks left open at the end of the file") {
        const Parsed p = parse("set s {\n  criterion 1 {\n    indicator 1.1 {\n      require yes\n");
        REQUIRE(p.diags.items().size() == 1);
        CHECK(p.diags.items()[0].message.en() == "missing '}' at the end of the file");
    }
    SECTION("a '}' missing inside a threshold") {
        const Parsed p = parse(
            "set s {\n  criterion 1 {\n    indicator 1.1 {\n      require >= by region {\n        TN: 70\n"
            "    }\n    indicator 1.2 {\n      require yes\n    }\n  }\n}\n");
        CHECK(p.diags.items().size() == 1);
    }
}

TEST_CASE("without a recovery, the grammar raises what it always raised", "[parse]") {
    // A misspelt item keyword gives the block's own "expected ... or '}'", at the word.
    pegtl::memory_input in("set s { valdi 2021 }", "t");
    try {
        (void)pegtl::parse<grammar::set_decl, pegtl::nothing, grammar::error_control>(in);
        FAIL("no error raised");
    } catch (const pegtl::parse_error& e) {
        CHECK(std::string(e.message()) == grammar::error_message<grammar::set_end>);
        CHECK(e.positions().front().byte == 8);
    }
}

TEST_CASE("the checker does not run on a file with syntax errors, so skipped items leave no trace",
          "[parse]") {
    // Indicator 2.1 is skipped; the assignment naming it would otherwise be an unknown indicator.
    const std::string path = support::write_temp(
        "recovery_unchecked.ntm",
        "body so_gtvt \"Sở Giao thông vận tải\"\n"
        "set s \"Bộ\" {\n  for xa\n  valid 2021..2025\n  criterion 2 \"Giao thông\" {\n"
        "    indicator 2.1 \"Đường xã\" {\n      unit percent\n      require >= 1OO\n    }\n  }\n}\n"
        "assignments a \"Phân công\" {\n  sets s\n  indicator 2.1 -> so_gtvt\n}\n");
    const auto rules = load_and_check({path});
    REQUIRE(rules->diags.items().size() == 1);
    CHECK(rules->diags.items()[0].code == "E0001");
    CHECK_FALSE(rules->checked.has_value());
    CHECK_FALSE(rules->ok());
}

TEST_CASE("recovery ends on any input, and reports each place once", "[parse]") {
    // Cut, doubled and stray braces, quotes and keywords, anywhere in a real criteria set.
    const std::string original =
        support::read_file(std::string(NTM_SOURCE_DIR) + "/rules/national/2021-2025/xa-ntm.ntm");
    const std::string pieces[] = {"{", "}", "\"", "\n", "}\n", "{\n", "indicator", "criterion 9 {", "#", ": "};
    std::uint32_t seed = 12345;
    const auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    for (int round = 0; round < 200; ++round) {
        std::string text = original;
        for (int edit = 0; edit < 1 + round % 4; ++edit) {
            const std::size_t at = next() % text.size();
            if (next() % 2 == 0) {
                text.erase(at, 1 + next() % 3);
            } else {
                text.insert(at, pieces[next() % std::size(pieces)]);
            }
        }
        const Parsed p = parse(text);
        std::set<std::uint32_t> places;
        for (const Diagnostic& d : p.diags.items()) {
            if (d.code != "E0001") continue;
            CHECK(d.span.end <= text.size());
            CHECK(places.insert(d.span.begin).second);
        }
    }
}
