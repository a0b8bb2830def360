// Rules checked with the text of some files given instead of theirs (dsl::Overlay: what an
// editor has not saved, checked by `ntm serve`): the text given is what is checked, the file on
// disk is not read or changed, a new file joins the others in order, and text that is too large
// or not UTF-8 is refused as a file's would be.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "dsl/pipeline.hpp"
#include "tests/support/support.hpp"

using namespace ntm::dsl;

namespace {

const std::string kUnit = "unit km \"km\"\n";

}  // namespace

TEST_CASE("overlay: the text given is checked in place of the file's") {
    const std::string dir = support::temp_dir("overlay");
    const std::string path = support::write_temp("overlay/a.ntm", kUnit);
    REQUIRE(load_and_check({dir})->ok());

    const Overlay broken{{path, kUnit + "set {\n"}};
    const auto rules = load_and_check({dir}, false, {}, &broken);
    CHECK_FALSE(rules->ok());
    REQUIRE_FALSE(rules->diags.items().empty());
    const Diagnostic& d = rules->diags.items().front();
    CHECK(rules->sources.file(d.span.file).path == path);
    CHECK(rules->sources.locate(d.span.file, d.span.begin).line == 2);
    CHECK(support::read_file(path) == kUnit);  // the file is as it was
    CHECK(load_and_check({dir})->ok());
}

TEST_CASE("overlay: a file not yet on disk is checked with the others, in order") {
    const std::string dir = support::temp_dir("overlay-new");
    const std::string b = support::write_temp("overlay-new/b.ntm", kUnit);
    const std::string a = (std::filesystem::path(dir) / "a.ntm").string();
    // The same unit declared twice: an error only when both files are checked.
    const Overlay added{{a, kUnit}};
    const auto rules = load_and_check({dir}, false, {}, &added);
    REQUIRE(rules->sources.size() == 2);
    CHECK(rules->sources.file(0).path == a);
    CHECK(rules->sources.file(1).path == b);
    CHECK(rules->diags.has_errors());
    CHECK_FALSE(std::filesystem::exists(a));
}

TEST_CASE("overlay: text over the size limit, or not UTF-8, is refused as a file's is") {
    const std::string dir = support::temp_dir("overlay-bad");
    const std::string path = support::write_temp("overlay-bad/a.ntm", kUnit);
    ntm::text::Limits limits;
    limits.rule_file_bytes = 100;
    const Overlay big{{path, "# " + std::string(200, 'x') + "\n"}};
    const auto too_big = load_and_check({dir}, false, limits, &big);
    REQUIRE(too_big->io_errors.size() == 1);
    CHECK(too_big->io_errors[0].code == "E0004");
    CHECK(too_big->io_errors[0].where.file == path);

    const Overlay not_utf8{{path, "unit km \"k\xFFm\"\n"}};
    const auto bad = load_and_check({dir}, false, {}, &not_utf8);
    REQUIRE(bad->io_errors.size() == 1);
    CHECK(bad->io_errors[0].where.file == path);
    CHECK(ntm::text::render(bad->io_errors[0], ntm::text::Lang::en).find("UTF-8") != std::string::npos);

    // A BOM is dropped, as from a file.
    const Overlay bom{{path, "\xEF\xBB\xBF" + kUnit}};
    CHECK(load_and_check({dir}, false, {}, &bom)->ok());
}
