// The message catalogue (text/message.hpp): every message a user reads exists in Vietnamese and
// in English, takes the same arguments in both, and every key the sources say is in it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "text/message.hpp"
#include "text/utf8.hpp"

namespace {

using ntm::text::CatalogEntry;

// The arguments a template takes: "{}" counted in order as 0, 1, …, "{1}" as 1, "{:.1f}" as the
// next; "{{" and "}}" are literal braces.
std::multiset<int> arguments(std::string_view pattern) {
    std::multiset<int> out;
    int next = 0;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
            ++i;
            continue;
        }
        if (pattern[i] != '{') continue;
        const std::size_t close = pattern.find('}', i);
        if (close == std::string_view::npos) {
            out.insert(-1);
            break;
        }
        const std::string_view inside = pattern.substr(i + 1, close - i - 1);
        const std::string_view index = inside.substr(0, inside.find(':'));
        out.insert(index.empty() ? next++ : std::stoi(std::string(index)));
        i = close;
    }
    return out;
}

}  // namespace

TEST_CASE("messages: every entry has both languages, in NFC, with the same arguments", "[text]") {
    const auto& all = ntm::text::catalog();
    REQUIRE(all.size() > 10);
    std::set<std::string_view> keys;
    for (const CatalogEntry& e : all) {
        INFO(e.key);
        CHECK(!e.key.empty());
        CHECK(keys.insert(e.key).second);  // no key twice
        CHECK(!e.vi.empty());
        CHECK(!e.en.empty());
        CHECK(ntm::text::to_nfc(e.vi) == e.vi);
        CHECK(ntm::text::invalid_utf8_at(e.vi) == std::string_view::npos);
        CHECK(arguments(e.vi) == arguments(e.en));
        CHECK(arguments(e.vi).count(-1) == 0);
    }
}

TEST_CASE("messages: say() fills both languages; arguments may be messages themselves", "[text]") {
    using ntm::text::Lang;
    using ntm::text::say;
    const auto m = say("help.did_you_mean", "DBSH");
    CHECK(m.in(Lang::vi) == "có phải là 'DBSH'?");
    CHECK(m.in(Lang::en) == "did you mean 'DBSH'?");
    const auto nested = say("diag.summary.errors", 2) + ntm::text::Message::same(", ") + say("diag.summary.warnings.1", 1);
    CHECK(nested.vi() == "2 lỗi, 1 cảnh báo");
    CHECK(nested.en() == "2 errors, 1 warning");
    // A key the catalogue lacks shows as itself: never an exception, never an empty line.
    CHECK(say("no.such.key", 1).en() == "no.such.key");
}

TEST_CASE("messages: every key said in the sources is in the catalogue", "[text]") {
    namespace fs = std::filesystem;
    const std::regex said(R"re(\bsay\(\s*"([A-Za-z0-9_.]+)")re");
    std::size_t found = 0;
    for (const char* folder : {"text", "dsl", "engine", "data", "merge", "report", "generate", "diff", "ruletest", "cli"}) {
        for (const auto& entry : fs::recursive_directory_iterator(fs::path(NTM_SOURCE_DIR) / folder)) {
            const auto ext = entry.path().extension();
            if (ext != ".cpp" && ext != ".hpp") continue;
            std::ifstream in(entry.path());
            std::stringstream text;
            text << in.rdbuf();
            const std::string s = text.str();
            for (std::sregex_iterator it(s.begin(), s.end(), said), end; it != end; ++it) {
                ++found;
                INFO(entry.path().string() << ": say(\"" << (*it)[1].str() << "\")");
                CHECK(ntm::text::find_message((*it)[1].str()) != nullptr);
            }
        }
    }
    CHECK(found > 10);
}
