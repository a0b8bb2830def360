// Hostile rule text: what a rule file edited by hand, pasted from a web page or cut off by a
// crash may hold, and what it must give — a located error, never a file rewritten with other
// words, a hang, or a terminal recoloured by an escape sequence in a title.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fmt/format.h>
#include <filesystem>
#include <string>
#include <vector>

#include "dsl/ast_dump.hpp"
#include "dsl/formatter.hpp"
#include "dsl/load.hpp"
#include "dsl/parser.hpp"
#include "dsl/pipeline.hpp"
#include "tests/support/check_fixture.hpp"
#include "tests/support/support.hpp"

using namespace ntm::dsl;
namespace fs = std::filesystem;

namespace {

std::unique_ptr<support::ParsedText> parse(const std::string& text) { return support::parse_text(text); }

// "CODE line:column message" for each diagnostic.
std::vector<std::string> found(const std::string& text) {
    const auto p = parse(text);
    std::vector<std::string> out;
    for (const Diagnostic& d : p->diags.items()) {
        const LineCol at = p->sources.locate(d.span.file, d.span.begin);
        out.push_back(fmt::format("{} {}:{} {}", d.code, at.line, at.column, d.message.en()));
    }
    return out;
}

using Lines = std::vector<std::string>;

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("hostile rules: a control character is refused wherever it stands, named by its code point") {
    // In a comment, a string, between tokens: before, only the last was an error, and `ntm fmt`
    // kept the others (or, before to_nfc kept NUL, cut the file at the NUL).
    CHECK(found(std::string("# ghi chú \0 ẩn\nunit km \"km\"\n", 27)) ==
          Lines{"E0009 1:11 control character U+0000 has no place in rule text"});
    CHECK(found("unit km \"k\x1b[31mm\"\n") ==
          Lines{"E0009 1:11 control character U+001B has no place in rule text"});
    CHECK(found("unit km \"km\"\x7f\n") == Lines{"E0009 1:13 control character U+007F has no place in rule text"});
    CHECK(found("unit km\v\"km\"\n") == Lines{"E0009 1:8 control character U+000B has no place in rule text"});
    CHECK(found("unit km\f\"km\"\n") == Lines{"E0009 1:8 control character U+000C has no place in rule text"});
    CHECK(found("unit km \"k\xc2\x9bm\"\n") == Lines{"E0009 1:11 control character U+009B has no place in rule text"});
    // Tabs and line breaks (LF, CRLF) are text.
    CHECK(found("unit\tkm \"k\tm\"\r\nunit m \"m\"\n") == Lines{});
}

TEST_CASE("hostile rules: the formatter keeps the leading zeros of a year") {
    // Found by a fuzzer: `0999` was printed as `999`, which is no year and does not parse.
    const std::string text = "set s {\n  valid 0999..2025\n}\n";
    const auto first = parse(text);
    REQUIRE(first->diags.items().empty());
    const std::string out = format(first->file, first->sources);
    CHECK(out == text);
    const auto again = parse(out);
    CHECK(again->diags.items().empty());
    CHECK(dump(again->file) == dump(first->file));
}

TEST_CASE("hostile rules: the NFC check reads a long line once") {
    // 114 s for a 60 KB line with one decomposed letter at its end, before.
    const std::string line = "# " + std::string(30000, 'a') + " xa\xcc\x83\n";
    const std::string path = support::write_temp("long_nfc.ntm", line);
    SourceManager sources;
    Diagnostics diags;
    NodeIds ids;
    std::vector<ntm::text::Problem> io;
    const auto start = std::chrono::steady_clock::now();
    load_rules({path}, sources, diags, ids, io);
    CHECK(seconds_since(start) < 2);
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].code == "E0003");
    CHECK(sources.locate(diags.items()[0].span.file, diags.items()[0].span.begin).column == 30005);
}

TEST_CASE("hostile rules: an unknown name of 200 000 letters is quoted cut, and found fast") {
    const std::string name(200'000, 'q');
    const std::string path = support::write_temp("long_name.ntm", "class c {\n  for xa\n  when " + name + " > 1\n}\n");
    const auto start = std::chrono::steady_clock::now();
    const auto rules = load_and_check({path});
    const std::string shown = render_all(rules->diags, rules->sources, false, ntm::text::Lang::en);
    CHECK(seconds_since(start) < 2);
    CHECK(shown.size() < 2000);
    CHECK(shown.find("unknown name 'qqqq") != std::string::npos);
    CHECK(shown.find("(199800 more letters)") != std::string::npos);
}

TEST_CASE("hostile rules: a target count of 1e20 is refused, not cast") {
    // Converting 1e20 to an integer is undefined (UBSan stopped here).
    CHECK(check_test::found("target t { locality \"49\" year 2021 dat_chuan 100000000000000000000 }\n") ==
          Lines{"E0610 target count 100000000000000000000 is more than 1000000"});
    CHECK(check_test::found("target t { locality \"49\" year 2021 dat_chuan 1000000 }\n") == Lines{});
}

TEST_CASE("hostile rules: a directory with a symlink loop and a FIFO named *.ntm does not hang") {
    const std::string dir = support::temp_dir("rules_loop");
    support::write_temp("rules_loop/a.ntm", "unit km \"km\"\n");
    std::error_code ec;
    fs::create_directory_symlink(".", dir + "/loop", ec);
    fs::create_symlink("self.ntm", dir + "/self.ntm", ec);
    REQUIRE(::mkfifo((dir + "/fifo.ntm").c_str(), 0600) == 0);
    std::vector<ntm::text::Problem> io;
    const std::vector<std::string> files = find_rule_files({dir}, io);
    CHECK(files == std::vector<std::string>{dir + "/a.ntm"});
    std::vector<std::string> said;
    for (const auto& p : io) said.push_back(ntm::text::render(p, ntm::text::Lang::en));
    CHECK(said == std::vector<std::string>{dir + "/fifo.ntm: error: is not a regular file\n",
                                           dir + "/self.ntm: error: cannot open file: too many levels of symbolic links\n"});
}

TEST_CASE("hostile rules: a rule file over the size limit is refused before it is read") {
    // Before, the 8 MiB limit was checked on the text already read (a FIFO or /dev/zero never
    // got that far).
    const std::string path = support::write_temp("big.ntm", "# " + std::string(200, 'x') + "\nunit km \"km\"\n");
    ntm::text::Limits limits;
    limits.rule_file_bytes = 100;
    const auto rules = load_and_check({path}, false, limits);
    REQUIRE(rules->io_errors.size() == 1);
    CHECK(ntm::text::render(rules->io_errors[0], ntm::text::Lang::en) ==
          path + ": error[E0004]: file is 216 bytes, more than the limit of 100 bytes; raise it with --limit rule-file-size=N\n");
    CHECK(load_and_check({path})->ok());
}
