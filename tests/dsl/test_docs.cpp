// Every example of the language reference is real: each ```ntm block of docs/language.md, and of
// its Vietnamese version docs/ngon-ngu.md, parses on its own, and all the blocks of one page
// together pass the checker with no error or warning.
#include <catch2/catch.hpp>

#include "dsl/checker.hpp"
#include "dsl/parser.hpp"
#include "tests/support/support.hpp"

using namespace ntm::dsl;

namespace {

void check_examples(const std::string& page) {
    const auto blocks = support::ntm_blocks(std::string(NTM_SOURCE_DIR) + "/docs/" + page);
    REQUIRE(blocks.size() >= 9);
    SourceManager sources;
    Diagnostics diags;
    NodeIds ids;
    Module module;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const FileId f = sources.add(page + " example " + std::to_string(i + 1), blocks[i]);
        module.files.push_back(parse_file(f, sources, diags, ids));
        INFO(render_all(diags, sources, false, ntm::text::Lang::en));
        REQUIRE(diags.items().empty());
    }
    check(module, sources, diags);
    diags.sort();
    INFO(render_all(diags, sources, false, ntm::text::Lang::en));
    CHECK(diags.items().empty());
}

}  // namespace

TEST_CASE("every example of docs/language.md is valid") { check_examples("language.md"); }

TEST_CASE("every example of docs/ngon-ngu.md is valid") { check_examples("ngon-ngu.md"); }
