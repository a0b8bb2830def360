// The JSON reader's lexer and grammar (data/json_lexer.hpp) against nlohmann::json's SAX parser,
// which the reader replaced: on the same text, the same events in the same order — each value
// with its kind, its text as kept and its number — and a syntax error at the same point; each
// token at its own offset and line; the same whatever the size of the pieces the text comes in.
// The texts: cases written out, every JSON file of the tests and fixtures, and a few thousand
// mutants of a data file (bytes deleted, doubled or replaced by JSON's own characters).
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "data/builder.hpp"
#include "data/json_lexer.hpp"
#include "tests/support/support.hpp"
#include "text/files.hpp"
#include "text/problem.hpp"
#include "text/utf8.hpp"

using namespace ntm;

namespace {

std::string number_event(double v, std::string_view raw) {
    return fmt::format("n {} {}", raw, v);
}

// nlohmann's events, as one line each.
class Nlohmann : public nlohmann::json_sax<nlohmann::json> {
public:
    std::vector<std::string> events;

    bool null() override { return add("null"); }
    bool boolean(bool v) override { return add(v ? "true" : "false"); }
    bool number_integer(number_integer_t v) override { return add(number_event(static_cast<double>(v), "")); }
    bool number_unsigned(number_unsigned_t v) override { return add(number_event(static_cast<double>(v), "")); }
    bool number_float(number_float_t v, const string_t& raw) override { return add(number_event(v, raw)); }
    bool string(string_t& v) override { return add("s " + v); }
    bool binary(binary_t&) override { return add("binary"); }
    bool start_object(std::size_t) override { return add("{"); }
    bool key(string_t& k) override { return add("k " + k); }
    bool end_object() override { return add("}"); }
    bool start_array(std::size_t) override { return add("["); }
    bool end_array() override { return add("]"); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        add("error");
        return false;
    }

private:
    bool add(std::string e) {
        events.push_back(std::move(e));
        return true;
    }
};

// parse_json's events, the same way; each token's offset and line checked against the text.
class Ours {
public:
    explicit Ours(std::string_view text) : text_(text) {}
    std::vector<std::string> events;
    std::vector<std::string> misplaced;  // tokens whose offset or line is not theirs

    void start(const data::JsonLexer::Token& t, bool object) {
        at(t, object ? '{' : '[');
        events.emplace_back(object ? "{" : "[");
    }
    // Which bracket closes is the grammar's to know; the events say only that one did.
    void end() { events.emplace_back("close"); }
    void key(const data::JsonLexer::Token& t) {
        at(t, '"');
        events.push_back("k " + std::string(t.text));
    }
    void value(const data::JsonLexer::Token& t) {
        using Kind = data::JsonLexer::Kind;
        switch (t.kind) {
            case Kind::string:
                at(t, '"');
                events.push_back("s " + std::string(t.text));
                return;
            case Kind::number:
                at(t, t.offset < text_.size() && text_[t.offset] == '-' ? '-' : digit_at(t.offset));
                events.push_back(number_event(t.number, t.text));
                return;
            case Kind::boolean:
                at(t, t.number != 0 ? 't' : 'f');
                events.emplace_back(t.number != 0 ? "true" : "false");
                return;
            default:
                at(t, 'n');
                events.emplace_back("null");
                return;
        }
    }
    void syntax_error(std::size_t offset) {
        if (offset > text_.size()) misplaced.push_back(fmt::format("error at {} of {}", offset, text_.size()));
        events.emplace_back("error");
    }

private:
    // The digit at `offset`, or '0' (which the check then finds wrong) where there is none.
    char digit_at(std::size_t offset) const {
        return offset < text_.size() && text_[offset] >= '0' && text_[offset] <= '9' ? text_[offset] : '0';
    }
    void at(const data::JsonLexer::Token& t, char first) {
        // Tokens come in the text's order: its LFs counted from the last token's on.
        const std::size_t to = std::min(t.offset, text_.size());
        if (to < counted_) {
            misplaced.push_back(fmt::format("'{}' at {}, before the token before it", first, t.offset));
            return;
        }
        lfs_ += static_cast<std::size_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(counted_),
                                                    text_.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
        counted_ = to;
        const std::size_t line = 1 + lfs_;
        if (t.offset >= text_.size() || text_[t.offset] != first || line != t.line) {
            misplaced.push_back(fmt::format("'{}' at {} line {} (line {} in the text)", first, t.offset, t.line, line));
        }
    }
    std::string_view text_;
    std::size_t counted_ = 0, lfs_ = 0;
};

std::vector<std::string> theirs(std::string_view text) {
    Nlohmann h;
    nlohmann::json::sax_parse(text, &h);
    // Ours says "close" for either bracket.
    for (std::string& e : h.events) {
        if (e == "}" || e == "]") e = "close";
    }
    return h.events;
}

// The text in pieces of `piece` bytes (0: whole), each a copy that the next piece overwrites,
// as text::TextPieces's are: a view kept past its piece reads the next one's bytes.
Ours ours(std::string_view text, std::size_t piece, std::size_t* joint_bytes = nullptr) {
    std::size_t at = 0;
    std::string held;
    data::JsonLexer lexer([&] {
        const std::size_t n = piece == 0 ? text.size() : std::min(piece, text.size() - at);
        held.assign(text.substr(at, n));
        at += n;
        return std::string_view(held);
    });
    Ours h(text);
    data::parse_json(lexer, h);
    if (joint_bytes != nullptr) *joint_bytes = lexer.joint_bytes();
    return h;
}

void same_as_nlohmann(const std::string& text, const std::string& what) {
    INFO(what);
    const std::vector<std::string> expected = theirs(text);
    for (const std::size_t piece : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7},
                                    std::size_t{64}, std::size_t{5000}}) {
        INFO("pieces of " << piece << " bytes");
        const Ours got = ours(text, piece);
        CHECK(got.events == expected);
        CHECK(got.misplaced.empty());
    }
}

}  // namespace

TEST_CASE("json lexer: the same events as nlohmann's parser, cases written out", "[data][json]") {
    const std::vector<std::string> cases = {
        "",
        "   \n\t ",
        "{}",
        "[]",
        "{\"a\": 1, \"b\": [true, false, null, \"x\"], \"c\": {}}",
        "\xEF\xBB\xBF{\"bom\": 1}",
        "{\"a\":1}x",
        "{\"a\":1} {}",
        "{\"a\" 1}",
        "{\"a\": 1,}",
        "[1, 2,]",
        "[1 2]",
        "{1: 2}",
        "{\"a\": }",
        "{\"a\": tru}",
        "{\"a\": trUe}",
        "{\"a\": nul",
        "{\"a\": falsey}",
        "{\"a\": \"line\nbreak\"}",
        "{\"a\": \"tab\there\"}",
        "{\"a\": \"unclosed",
        "{\"esc\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"}",
        "{\"u\": \"\\u0041\\u00e9\\u1ec7\\u0000end\"}",
        "{\"pair\": \"\\ud83d\\ude00\"}",
        "{\"lone high\": \"\\ud83d x\"}",
        "{\"lone low\": \"\\ude00\"}",
        "{\"high then high\": \"\\ud83d\\ud83d\"}",
        "{\"bad hex\": \"\\u12g4\"}",
        "{\"short\": \"\\u12\"}",
        "{\"bad escape\": \"\\x\"}",
        "{\"tiếng Việt\": \"Xã Phú Ninh — đạt chuẩn\"}",
        "[0, -0, 1, -1, 12345678901234567890, 18446744073709551615, 18446744073709551616]",
        "[-9223372036854775808, -9223372036854775809, 9223372036854775807, 9223372036854775808]",
        "[1.5, -0.0, 1e3, 1E+3, 1e-3, 2.5e-308, 1e-400, 4.9e-324, 1.7976931348623157e308]",
        "[1e400]",
        "[-1e400]",
        "[123456789012345678901234567890]",
        "[01]",
        "[1.]",
        "[.5]",
        "[-]",
        "[- 1]",
        "[1e]",
        "[1e+]",
        "[+1]",
        "[0x10]",
        "[1.5.2]",
        "[NaN, Infinity]",
        "[\"a\" \"b\"]",
        "{\"a\": 1 // comment\n}",
        "{\"a\": 'single'}",
        "[[[[[[[[[[]]]]]]]]]]",
        "[[[[[[[[[[]]]]]]]]]",
        "{\"a\": [1, {\"b\": [2, {\"c\": 3}]}]}",
        "\"just a string\"",
        "42",
        "true",
        "[1]\n\n",
        "\n\n{\n  \"a\": [\n    1,\n    \"x\"\n  ]\n}\n",
    };
    for (const std::string& text : cases) same_as_nlohmann(text, text);
}

TEST_CASE("json lexer: a decimal of up to fifteen digits reads as strtod reads it, and one of more", "[data][json]") {
    // Read without from_chars (data/decimal.hpp): the value, to the last bit, and the sign of zero.
    std::string text = "[-0.0, 0.0, -0.5, 0.1, 0.3, 0.000000000000001, 99999999999999.9, 999999999999999.9, "
                       "0.1000000000000001, 123456789012345.0, 1234567890123456.0, 9007199254740993.0, 99.5, -99.5";
    std::mt19937_64 random(20261208);
    for (int i = 0; i < 20000; ++i) {
        const std::size_t digits = 1 + random() % 17;
        const std::size_t point = 1 + random() % digits;  // digits before the point
        std::string n = random() % 4 == 0 ? "-" : "";
        for (std::size_t d = 0; d < digits; ++d) {
            if (d == point) n += '.';
            // No leading zero but a lone one, which JSON forbids.
            n += d == 0 && point > 1 ? static_cast<char>('1' + random() % 9) : static_cast<char>('0' + random() % 10);
        }
        if (point == digits) n += ".0";
        text += ", " + n;
    }
    text += "]";
    same_as_nlohmann(text, "random decimals");
}

TEST_CASE("json lexer: the same events as nlohmann's parser, every JSON file of the tests and fixtures",
          "[data][json]") {
    std::size_t files = 0;
    for (const char* dir : {"tests", "fixtures"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(NTM_SOURCE_DIR) + "/" + dir)) {
            if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
            std::vector<text::Problem> problems;
            const auto text = text::read_text_file(entry.path().string(), problems, {std::size_t{64} << 20, "D0901", "x"});
            if (!text) continue;  // not UTF-8: the reader never lexes it
            same_as_nlohmann(*text, entry.path().string());
            ++files;
        }
    }
    CHECK(files > 20);
}

TEST_CASE("json lexer: the same events as nlohmann's parser, mutants of a data file", "[data][json]") {
    const std::string seed = R"({
  "format": "ntm-data", "version": 1,
  "entities": [
    {"code": "20380", "name": "Xã Tam Dân", "type": "Xã", "parent": "509", "region": "BTB",
      "recognised": [{"level": "đạt chuẩn", "year": 2019}],
      "values": {"2024": {"thu_nhap": 58.5, "ho_ngheo": 1.25e0, "hai_long": 97, "co_quy_hoach": true,
                          "ghi_chu": "\"trích\" \u0110\u1ea1t\n", "thieu": null, "am": -3}}},
    {"code": "20383", "name": "Xã Tam Đàn", "values": {"2023": {}, "2024": {"thu_nhap": [1, 2]}}}
  ]
}
)";
    same_as_nlohmann(seed, "the seed");
    const std::string bytes = "{}[]:,\"\\ \n-+.0123456789eEtrufalsn\x01";
    std::mt19937 random(20261207);
    std::size_t lexed = 0;
    for (int k = 0; k < 3000; ++k) {
        std::string text = seed;
        for (int edits = 1 + static_cast<int>(random() % 3); edits > 0; --edits) {
            const std::size_t at = random() % text.size();
            const char b = bytes[random() % bytes.size()];
            switch (random() % 4) {
                case 0:
                    text.erase(at, 1);
                    break;
                case 1:
                    text.insert(at, 1, b);
                    break;
                case 2:
                    text.insert(at, "ệ");  // a letter of three bytes beside a token
                    break;
                default:
                    text[at] = b;
                    break;
            }
        }
        if (text::invalid_utf8_at(text) != std::string_view::npos) continue;  // the reader checks first
        const std::vector<std::string> expected = theirs(text);
        for (const std::size_t piece : {std::size_t{0}, std::size_t{1 + random() % 40}}) {
            const Ours got = ours(text, piece);
            if (got.events != expected || !got.misplaced.empty()) {
                INFO("mutant " << k << " in pieces of " << piece << ":\n" << text);
                CHECK(got.events == expected);
                CHECK(got.misplaced.empty());
            }
        }
        ++lexed;
    }
    CHECK(lexed > 2000);
}

TEST_CASE("json reader: a file that is not UTF-8 says so before what its text says earlier",
          "[data][json]") {
    // Read in pieces of 16 bytes, the version comes pieces before the bad byte.
    const std::string path = support::write_temp(
        "not-utf8.json", "{\"format\": \"ntm-data\", \"version\": 2, \"entities\": [{\"code\": \"x\xff\"}]}\n");
    try {
        data::load_json_file(path, support::schema(), {}, 16);
        FAIL("read");
    } catch (const text::FileError& e) {
        std::vector<text::Problem> problems;
        CHECK_FALSE(text::read_text_file(path, problems, {std::size_t{1} << 20, "D0901", "data-file-size"}));
        REQUIRE(problems.size() == 1);
        CHECK(text::render(e.problem, text::Lang::en) == text::render(problems.front(), text::Lang::en));
        CHECK_THAT(text::render(e.problem, text::Lang::en), Catch::Contains("UTF-8"));
    }
}

TEST_CASE("json lexer: a token longer than many pieces is copied a few times, not once per piece",
          "[data][json]") {
    // Before: each piece's end copied the token so far again, 2 000 times for this string.
    const std::string long_string(2'000'000, 'x');
    const std::string digits(300'000, '7');
    for (const std::string& text : {"{\"a\": \"" + long_string + "\", \"b\": 1}", "[1, 1" + digits + "]",
                                    "[\"" + long_string + "\\n\"]"}) {
        std::size_t copied = 0;
        const Ours got = ours(text, 1000, &copied);
        CHECK(got.events == theirs(text));
        CHECK(got.misplaced.empty());
        CHECK(copied < 8 * text.size());
    }
}

TEST_CASE("json reader: room guessed beyond what can be had is made as the data fills instead",
          "[data][json]") {
    // The JSON reader guesses a file's entities from its first piece; a guess no vector can
    // hold (a process under a cap on its address space fails sooner) costs nothing.
    data::LoadOptions options;
    data::Builder b("x.json", support::schema(), options, data::Granularity::per_entity);
    CHECK_NOTHROW(b.expect(std::size_t{1} << 62));
    CHECK_NOTHROW(b.expect(std::numeric_limits<std::size_t>::max()));
}
