// Where a place in a rule file is: its line alone, as the explanations cite it, is the line of
// its full location.
#include <catch2/catch.hpp>

#include "dsl/source.hpp"

using namespace ntm::dsl;

TEST_CASE("source: the line alone is the line of the location") {
    SourceManager sources;
    const std::string text = "set a \"Bộ tiêu chí\" {\r\n\n  criterion 1 \"Quy hoạch\"\n}";
    const FileId id = sources.add("quy-dinh.ntm", text);
    for (std::uint32_t offset = 0; offset <= text.size() + 2; ++offset) {
        INFO(offset);
        CHECK(sources.line_of(id, offset) == sources.locate(id, offset).line);
    }
    CHECK(sources.line_of(id, 0) == 1);
    CHECK(sources.line_of(id, static_cast<std::uint32_t>(text.find("criterion"))) == 3);
    CHECK(sources.line_of(id, static_cast<std::uint32_t>(text.size())) == 4);
}
