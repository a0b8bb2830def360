// E0611: the localities of rules checked against the official lists (data/localities.hpp).
#include <catch2/catch.hpp>

#include <array>

#include "data/localities.hpp"
#include "dsl/parser.hpp"

using namespace ntm;

namespace {

// The diagnostics of `text` checked against both official lists (or none), as "CODE message | help".
std::vector<std::string> localities(const std::string& text, bool lists = true) {
    dsl::SourceManager sources;
    dsl::Diagnostics diags;
    dsl::NodeIds ids;
    dsl::Module module;
    module.files.push_back(dsl::parse_file(sources.add("rules.ntm", text), sources, diags, ids));
    REQUIRE_FALSE(diags.has_errors());
    std::array<const data::AdminUnits*, 2> official = {&data::official_units(engine::AdminMap::three_tier),
                                                       &data::official_units(engine::AdminMap::two_tier)};
    if (!lists) official = {nullptr, nullptr};
    data::check_localities(module, official, diags);
    std::vector<std::string> out;
    for (const auto& d : diags.items()) out.push_back(d.code + " " + d.message.en() + " | " + (d.help ? d.help->en() : ""));
    return out;
}

const std::string kSet = "set s \"S\" { for xa valid 2021..2025 }\n";

}  // namespace

TEST_CASE("localities of rules against the official lists (E0611)", "[data][localities]") {
    SECTION("units of either map are known: a province, a district and a commune before 2025, a commune since") {
        CHECK(localities(kSet + "set p \"P\" { extends s locality \"49\" }\n"
                                "target t \"T\" { locality \"502\" year 2025 }\n"
                                "member m \"M\"\nassignments a \"A\" { locality \"20380\", \"20333\" -> m }\n")
                  .empty());
    }
    SECTION("a code that is no unit, with the nearest code and its name") {
        CHECK(localities(kSet + "set p \"P\" { extends s locality \"49a\" }\n") ==
              std::vector<std::string>{"E0611 no unit has code \"49a\" in the official lists | did you mean \"49\" (Tỉnh Quảng Nam)?"});
    }
    SECTION("a unit's name where its code goes") {
        CHECK(localities("target t \"T\" { locality \"Quảng Nam\" year 2025 }\n") ==
              std::vector<std::string>{
                  "E0611 no unit has code \"Quảng Nam\" in the official lists | did you mean \"49\" (Tỉnh Quảng Nam)?"});
    }
    SECTION("a code not starting with a digit gets no code suggested: official codes are digits") {
        CHECK(localities(kSet + "set p \"P\" { extends s locality \"T1\" }\n") ==
              std::vector<std::string>{"E0611 no unit has code \"T1\" in the official lists | write the official code "
                                       "of a province, district or commune; for test data, use --units none"});
    }
    SECTION("no lists (--units none): nothing is checked; an empty code is E0413/E0609, not this") {
        CHECK(localities(kSet + "set p \"P\" { extends s locality \"X1\" }\n", false).empty());
        CHECK(localities(kSet + "set p \"P\" { extends s locality \"\" }\n").empty());
    }
}
