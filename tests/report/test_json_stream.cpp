// The ntm-eval JSON written one entity at a time is the document eval_json() builds, byte for
// byte as its dump: on real data with problems, on data with control characters and bytes that
// are not UTF-8, and on the edge cases of the layout (no year, a year without entities).
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "data/load.hpp"
#include "engine/evaluate.hpp"
#include "report/json.hpp"
#include "report/json_out.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::engine;
using namespace ntm::report;

namespace {

const std::string kGolden = std::string(NTM_SOURCE_DIR) + "/tests/golden/eval/";

std::string streamed(const Program& program, const Dataset& data, const EvalRun& run, unsigned threads = 1) {
    std::FILE* f = std::tmpfile();
    REQUIRE(f != nullptr);
    REQUIRE(write_eval_json(f, program, data, run, threads));
    std::string out(static_cast<std::size_t>(std::ftell(f)), '\0');
    std::rewind(f);
    REQUIRE(std::fread(out.data(), 1, out.size(), f) == out.size());
    std::fclose(f);
    return out;
}

std::string whole(const Program& program, const Dataset& data, const EvalRun& run) {
    return eval_json(program, data, run).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace

TEST_CASE("json stream: the same bytes as the whole document") {
    const support::CompiledRules rules = support::compile_rules(kGolden + "phu_ninh");
    SECTION("a district's communes, with the data's problems") {
        const Dataset data = ntm::data::load_data(kGolden + "phu_ninh_csv/phu-ninh-2024.csv", rules.program.schema);
        const EvalRun run{{"a.ntm", "b.ntm"}, "phu-ninh-2024.csv", {evaluate(rules.program, data, {2024, 1, kNone})}};
        REQUIRE(run.years.front().entities.size() > 1);
        CHECK(streamed(rules.program, data, run) == whole(rules.program, data, run));
    }
    SECTION("names with control characters and a byte that is not UTF-8") {
        Dataset data = ntm::data::load_data(kGolden + "ky_tu_dieu_khien/du-lieu.csv", rules.program.schema);
        REQUIRE_FALSE(data.entities.empty());
        data.entities.front().name += "\xff";
        data.problems.push_back({"D0203", text::ProblemKind::value, {"x\xfe.csv", 3, "hai_long"}, text::Message::same("x")});
        const EvalRun run{{"r.ntm"}, "x.csv", {evaluate(rules.program, data, {2024, 1, kNone})}};
        const std::string out = streamed(rules.program, data, run);
        CHECK(out == whole(rules.program, data, run));
        CHECK(out.find("\xef\xbf\xbd") != std::string::npos);  // U+FFFD for the stray byte
    }
    SECTION("two years, the second without entities, and no year at all") {
        const Dataset data = ntm::data::load_data(kGolden + "phu_ninh_csv/phu-ninh-2024.csv", rules.program.schema);
        const EvalRun two{{"r.ntm"}, "x.csv", {evaluate(rules.program, data, {2024, 1, kNone}), evaluate(rules.program, data, {2031, 1, kNone})}};
        REQUIRE(two.years.back().entities.empty());
        CHECK(streamed(rules.program, data, two) == whole(rules.program, data, two));
        const EvalRun none{{}, "x.csv", {}};
        CHECK(streamed(rules.program, data, none) == whole(rules.program, data, none));
        const Dataset empty;
        CHECK(streamed(rules.program, empty, none) == whole(rules.program, empty, none));
    }
}

TEST_CASE("json stream: entities written on several threads, in pieces, the same bytes") {
    // A province: 365 entities, many pieces of them, in each of two years.
    const support::CompiledRules rules = support::compile_rules(std::string(NTM_SOURCE_DIR) + "/rules");
    const Dataset data = ntm::data::load_data(std::string(NTM_SOURCE_DIR) + "/fixtures/quang-nam/quang-nam.csv", rules.program.schema);
    const EvalRun run{{"r.ntm"}, "quang-nam.csv",
                      {evaluate(rules.program, data, {2023, 1, kNone}), evaluate(rules.program, data, {2024, 1, kNone})}};
    REQUIRE(run.years.front().entities.size() > 300);
    const std::string expected = whole(rules.program, data, run);
    for (const unsigned threads : {1u, 2u, 3u, 8u}) {
        INFO("threads " << threads);
        CHECK(streamed(rules.program, data, run, threads) == expected);
    }
    SECTION("a write that fails ends the document, on every thread count") {
        for (const unsigned threads : {1u, 2u, 4u}) {
            INFO("threads " << threads);
            std::FILE* f = std::tmpfile();
            REQUIRE(f != nullptr);
            std::FILE* read_only = std::fopen(("/proc/self/fd/" + std::to_string(fileno(f))).c_str(), "r");
            REQUIRE(read_only != nullptr);
            CHECK_FALSE(write_eval_json(read_only, rules.program, data, run, threads));
            std::fclose(read_only);
            std::fclose(f);
        }
    }
}

TEST_CASE("json stream: strings and numbers as the library writes them") {
    const auto ours = [](auto&& write) {
        std::string buf;
        ntm::report::JsonOut o(buf);
        write(o);
        o.finish();
        return buf;
    };
    const auto theirs = [](const Json& v) { return v.dump(2, ' ', false, Json::error_handler_t::replace); };
    std::vector<std::string> strings = {"", "Tam Phước", "a\"b\\c", "\b\f\n\r\t\x01\x1f\x7f", "é (e + U+0301)",
                                        "\xe2\x82\xac 𝄞", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82",
                                        "ab\xff", "\xf0\x9d\x84", "x\xc3", "\xc3(", "\xf5\x80\x80\x80"};
    // Random bytes, biased towards the ranges where UTF-8 goes wrong.
    std::uint32_t seed = 12345;
    for (int n = 0; n < 3000; ++n) {
        std::string s;
        for (int k = 0; k < 1 + n % 9; ++k) {
            seed = seed * 1664525u + 1013904223u;
            const unsigned pick = seed >> 24;
            s += static_cast<char>(pick < 64 ? 0x80 + (seed >> 8) % 0x80 : pick < 128 ? 0xC0 + (seed >> 8) % 0x40 : (seed >> 8) % 0x80);
        }
        strings.push_back(s);
    }
    // Plain ASCII read eight bytes at a time: each byte that needs attention (a quote, a
    // backslash, a control, the first byte of a sequence) at every place of a long string.
    for (const std::string special : {"\"", "\\", "\x01", "\x1f", "\n", "\xc3\xa9", "\xff"}) {
        for (std::size_t at = 0; at < 24; ++at) {
            std::string s(24, 'a');
            s.replace(at, 1, special);
            strings.push_back(s);
        }
    }
    strings.push_back(std::string(40, ' ') + "\x7f~ !#$%&'()*+,-./0123456789:;<=>?@[]^_`{|}");
    for (const std::string& s : strings) {
        INFO(Json(s).dump(-1, ' ', true, Json::error_handler_t::replace));
        CHECK(ours([&](ntm::report::JsonOut& o) { o.string(s); }) == theirs(Json(s)));
    }
    // A fixed text, escaped once and copied after: the same bytes, the first time and the next,
    // in an array as in an object, short and long alike.
    for (const std::string& base : strings) {
        const std::string s = base + std::string(20, 'x') + base;  // past the length looked up
        for (const std::string_view t : {std::string_view(base), std::string_view(s)}) {
            INFO(Json(std::string(t)).dump(-1, ' ', true, Json::error_handler_t::replace));
            const Json expected = Json::array({std::string(t), std::string(t), Json::object({{"k", std::string(t)}})});
            CHECK(ours([&](ntm::report::JsonOut& o) {
                      o.begin_array();
                      o.fixed_string(t);
                      o.fixed_string(t);
                      o.begin_object();
                      o.key("k");
                      o.fixed_string(t);
                      o.end_object();
                      o.end_array();
                  }) == theirs(expected));
        }
    }
    for (const double v : {0.0, -0.0, 1.0, 2.3, 41.0 - 38.7, 1e-5, 0.0001, 123456.789, 9.5e15, 1e16, -7.25, 1.0 / 3, 69.99999999999999}) {
        INFO(v);
        CHECK(ours([&](ntm::report::JsonOut& o) { o.number(v); }) == theirs(json_number(v)));
    }
    CHECK(ours([](ntm::report::JsonOut& o) { o.number(kUnknown); }) == "null");
}
