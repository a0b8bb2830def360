#include <catch2/catch.hpp>

#include "dsl/parser.hpp"

using namespace ntm::dsl;

TEST_CASE("parser smoke") {
    SourceManager sources;
    Diagnostics diags;
    NodeIds ids;
    const FileId f = sources.add("a.ntm", "set x \"Bộ\" { for xa valid 2021..2025 criterion 1 \"Q\" { indicator 1.1 { unit yesno require yes } } }\n");
    const RuleFile file = parse_file(f, sources, diags, ids);
    CHECK(render_all(diags, sources) == "");
    REQUIRE(file.decls.size() == 1);
}
