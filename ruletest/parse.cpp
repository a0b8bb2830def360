// The parser of test files.  The grammar (docs/rule-tests.md, "Grammar"):
//
//   file        = { test } ;
//   test        = "test" string "{" { item } "}" ;
//   item        = "for" name | "year" year [ ".." year ] | "region" ( "all" | name { "," name } )
//               | "locality" string | "category" name ( "all" | name { "," name } )
//               | "given" input "=" value { "," input "=" value }
//               | "others" ( "pass" [ name ] | "fail" | "missing" ) | "recognised" name year
//               | "expect" expectation ;
//   input       = name | code ;
//   value       = [ "-" ] number [ "%" ] | "yes" | "no" | "missing" ;
//   expectation = ( "indicator" | "criterion" ) code [ "in" name ] status
//               | "threshold" code [ "in" name ] [ "-" ] number | "criteria_met" number
//               | "level" name [ status ] | "gate" name name status
//               | "revocation" name verdict [ "branch" name ] | "category" name name ;   (or none)
//   status      = "met" | "not_met" | "unknown" | "not_applicable" ;
//   verdict     = "revoke" | "may_revoke" | "keep" | "not_applicable" ;
//
// Keywords are words only where a line or a choice expects them.  After an error the parser
// skips to the next line keyword, so that every mistake of a file is reported in one run.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>

#include "ruletest/lexer.hpp"
#include "text/utf8.hpp"

namespace ntm::ruletest {

using text::say;

namespace {

constexpr std::array<std::string_view, 9> kItems = {"for",    "year",       "region", "locality", "category",
                                                    "given", "others", "recognised", "expect"};
constexpr std::array<std::string_view, 4> kStatuses = {"met", "not_met", "unknown", "not_applicable"};
constexpr std::array<std::string_view, 4> kVerdicts = {"revoke", "may_revoke", "keep", "not_applicable"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& words, std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
}

struct Stop {};  // thrown after an error is reported: the item is skipped

class Parser {
public:
    Parser(std::vector<Token> tokens, dsl::FileId file, dsl::Diagnostics& diags)
        : t_(std::move(tokens)), file_(file), diags_(diags) {}

    TestFile run() {
        TestFile out;
        out.file = file_;
        while (peek().kind != Tok::end) {
            if (!is_word("test")) {
                error(peek().span, say("T0001.test", describe(peek())));
                ++i_;
                while (peek().kind != Tok::end && !is_word("test")) ++i_;
                continue;
            }
            test(out);
        }
        return out;
    }

private:
    std::vector<Token> t_;
    std::size_t i_ = 0;
    dsl::FileId file_;
    dsl::Diagnostics& diags_;

    const Token& peek(std::size_t ahead = 0) const { return t_[std::min(i_ + ahead, t_.size() - 1)]; }
    const Token& take() { return t_[i_ < t_.size() - 1 ? i_++ : i_]; }
    bool is_word(std::string_view w, std::size_t ahead = 0) const {
        return peek(ahead).kind == Tok::name && peek(ahead).text == w;
    }
    Span last() const { return t_[i_ == 0 ? 0 : i_ - 1].span; }

    void error(Span at, text::Message message) { diags_.error("T0001", at, std::move(message)); }
    [[noreturn]] void expected(const text::Message& what) {
        error(peek().span, say("T0001", what, describe(peek())));
        throw Stop{};
    }

    Word word(const text::Message& what) {
        if (peek().kind != Tok::name) expected(what);
        const Token& t = take();
        return {t.text, t.span};
    }
    // An official code (`2.2`, `17.10`) or, where a column may be named, a name.
    Word code(const text::Message& what, bool or_name = false) {
        if (peek().kind == Tok::number && !peek().percent) {
            const Token& t = take();
            return {t.text, t.span};
        }
        if (or_name && peek().kind == Tok::name) return word(what);
        expected(what);
    }
    Word choice(const text::Message& what, bool (*ok)(std::string_view)) {
        if (peek().kind != Tok::name || !ok(peek().text)) expected(what);
        return word(what);
    }
    double number(const text::Message& what, Span& span) {
        const std::size_t begin = peek().span.begin;
        const bool negative = peek().kind == Tok::minus;
        if (negative) ++i_;
        if (peek().kind != Tok::number || std::count(peek().text.begin(), peek().text.end(), '.') > 1) expected(what);
        const Token& t = take();
        span = {file_, static_cast<std::uint32_t>(begin), t.span.end};
        return negative ? -t.value : t.value;
    }
    int year() {
        if (peek().kind != Tok::number || peek().percent || peek().text.size() != 4 ||
            peek().text.find('.') != std::string::npos)
            expected(say("T0001.what.year"));
        const Token& t = take();
        if (t.value < 1900 || t.value > 2100) {
            error(t.span, say("T0001.year_range", t.text));
            throw Stop{};
        }
        return static_cast<int>(t.value);
    }
    void once(bool& seen, const Token& keyword) {
        if (seen) {
            diags_.error("T0003", keyword.span,
                         say("T0003", keyword.text));
        }
        seen = true;
    }

    // The start of the next line: an item keyword, '}' or the next test.
    void skip_item() {
        while (peek().kind != Tok::end && peek().kind != Tok::rbrace &&
               !(peek().kind == Tok::name && (one_of(kItems, peek().text) || peek().text == "test")))
            ++i_;
    }

    void test(TestFile& out) {
        TestCase tc;
        tc.span = take().span;
        const bool named = peek().kind == Tok::string;
        if (!named) {
            error(peek().span, say("T0001.name", describe(peek())));
        } else {
            tc.name = peek().text;
            tc.name_span = take().span;
        }
        if (peek().kind != Tok::lbrace) {
            if (named) error(peek().span, say("T0001.open", describe(peek())));
            while (peek().kind != Tok::end && !is_word("test")) ++i_;
            return;
        }
        ++i_;
        bool seen_for = false, seen_year = false, seen_region = false, seen_locality = false, seen_others = false;
        while (peek().kind != Tok::rbrace && peek().kind != Tok::end && !is_word("test")) {
            const Token keyword = peek();
            try {
                if (keyword.kind != Tok::name || !one_of(kItems, keyword.text)) {
                    expected(say("T0001.what.line"));
                }
                ++i_;
                const std::string& k = keyword.text;
                if (k == "for") {
                    once(seen_for, keyword);
                    tc.kind = word(say("T0001.what.kind"));
                } else if (k == "year") {
                    once(seen_year, keyword);
                    const std::uint32_t begin = peek().span.begin;
                    tc.year_from = tc.year_to = year();
                    if (peek().kind == Tok::dotdot) {
                        ++i_;
                        tc.year_to = year();
                    }
                    tc.year_span = {file_, begin, last().end};
                    if (tc.year_to < tc.year_from) {
                        diags_.error("T0001", tc.year_span,
                                     say("T0001.years_backwards", tc.year_from, tc.year_to));
                    }
                } else if (k == "region") {
                    once(seen_region, keyword);
                    const std::uint32_t begin = peek().span.begin;
                    if (is_word("all")) {
                        ++i_;
                        tc.all_regions = true;
                    } else {
                        do tc.regions.push_back(word(say("T0001.what.region")));
                        while (peek().kind == Tok::comma && (++i_, true));
                    }
                    tc.region_span = {file_, begin, last().end};
                } else if (k == "locality") {
                    once(seen_locality, keyword);
                    if (peek().kind != Tok::string) expected(say("T0001.what.locality"));
                    tc.locality = peek().text;
                    tc.locality_span = take().span;
                } else if (k == "category") {
                    CategoryLine line;
                    line.span.begin = keyword.span.begin;
                    line.category = word(say("T0001.what.category"));
                    if (is_word("all")) {
                        ++i_;
                        line.all = true;
                    } else {
                        do line.members.push_back(word(say("T0001.what.member")));
                        while (peek().kind == Tok::comma && (++i_, true));
                    }
                    line.span = {file_, keyword.span.begin, last().end};
                    tc.categories.push_back(std::move(line));
                } else if (k == "given") {
                    do tc.given.push_back(given());
                    while (peek().kind == Tok::comma && (++i_, true));
                } else if (k == "others") {
                    once(seen_others, keyword);
                    const Word w = choice(say("T0001.what.others"), [](std::string_view s) {
                        return s == "pass" || s == "fail" || s == "missing";
                    });
                    tc.others = w.text == "pass" ? Others::pass : w.text == "fail" ? Others::fail : Others::missing;
                    if (tc.others == Others::pass && peek().kind == Tok::name && !one_of(kItems, peek().text))
                        tc.others_level = word(say("T0001.what.level"));
                } else if (k == "recognised") {
                    RecognisedLine r;
                    r.level = word(say("T0001.what.recognised"));
                    r.year_span = peek().span;
                    r.year = year();
                    tc.recognised.push_back(std::move(r));
                } else {
                    tc.expectations.push_back(expectation(keyword.span));
                }
            } catch (const Stop&) {
                skip_item();
            }
        }
        if (peek().kind != Tok::rbrace) {
            error(peek().span, say("T0001.close", text::printable(tc.name, 40), describe(peek())));
        } else {
            ++i_;
        }
        tc.span.end = last().end;
        if (!seen_year && !tc.name.empty()) {
            diags_.error("T0004", tc.name_span, say("T0004"));
        }
        for (const TestCase& other : out.tests) {
            if (other.name != tc.name || tc.name.empty()) continue;
            diags_.error("T0005", tc.name_span, say("T0005", text::printable(tc.name, 40)))
                .notes.push_back({other.name_span, say("T0005.note")});
            break;
        }
        out.tests.push_back(std::move(tc));
    }

    Given given() {
        Given g;
        g.column = code(say("T0001.what.column"), true);
        if (peek().kind != Tok::equals) expected(say("T0001.what.equals", g.column.text));
        ++i_;
        g.value_span = peek().span;
        if (is_word("yes") || is_word("no") || is_word("missing")) {
            const std::string w = take().text;
            g.kind = w == "yes" ? Given::Kind::yes : w == "no" ? Given::Kind::no : Given::Kind::missing;
            return g;
        }
        if (peek().kind != Tok::number && peek().kind != Tok::minus) expected(say("T0001.what.value"));
        const bool percent = peek().kind == Tok::number ? peek().percent : peek(1).percent;
        g.number = number(say("T0001.what.number"), g.value_span);
        g.percent_sign = percent;
        // `57,4`: the comma starts the next input, and a digit cannot name one.
        if (peek().kind == Tok::comma && peek(1).kind == Tok::number && peek(2).kind != Tok::equals) {
            error(peek().span, say("T0001.decimal_comma", t_[i_ - 1].text, peek(1).text));
            throw Stop{};
        }
        return g;
    }

    Expectation expectation(Span keyword) {
        Expectation e;
        const Word what = choice(say("T0001.what.expect"),
                                 [](std::string_view s) {
                                     return s == "indicator" || s == "threshold" || s == "criterion" ||
                                            s == "criteria_met" || s == "level" || s == "gate" ||
                                            s == "revocation" || s == "category";
                                 });
        auto status = [&] { return choice(say("T0001.what.status"), [](std::string_view s) { return one_of(kStatuses, s); }); };
        const std::string& w = what.text;
        if (w == "indicator" || w == "criterion" || w == "threshold") {
            e.kind = w == "indicator" ? ExpectKind::indicator : w == "criterion" ? ExpectKind::criterion : ExpectKind::threshold;
            e.subject = code(say(w == "criterion" ? "T0001.what.criterion" : "T0001.what.indicator"));
            if (is_word("in")) {
                ++i_;
                e.in_level = word(say("T0001.what.in_level"));
            }
            if (e.kind == ExpectKind::threshold) {
                e.number = number(say("T0001.what.threshold"), e.number_span);
            } else {
                e.verdict = status();
            }
        } else if (w == "criteria_met") {
            e.kind = ExpectKind::criteria_met;
            e.number = number(say("T0001.what.criteria_met"), e.number_span);
        } else if (w == "level") {
            e.subject = word(say("T0001.what.level_or_none"));
            e.kind = ExpectKind::level;
            if (peek().kind == Tok::name && one_of(kStatuses, peek().text)) {
                e.kind = ExpectKind::level_status;
                e.verdict = status();
            }
        } else if (w == "gate") {
            e.kind = ExpectKind::gate;
            e.subject = word(say("T0001.what.gate_level"));
            e.second = word(say("T0001.what.gate"));
            e.verdict = status();
        } else if (w == "revocation") {
            e.kind = ExpectKind::revocation;
            e.subject = word(say("T0001.what.revocation"));
            e.verdict = choice(say("T0001.what.verdict"), [](std::string_view s) { return one_of(kVerdicts, s); });
            if (is_word("branch")) {
                ++i_;
                e.second = word(say("T0001.what.branch"));
            }
        } else {
            e.kind = ExpectKind::category;
            e.subject = word(say("T0001.what.category_name"));
            e.second = word(say("T0001.what.member_name"));
        }
        e.span = {file_, keyword.begin, last().end};
        return e;
    }
};

}  // namespace

TestFile parse_test_file(dsl::FileId file, const dsl::SourceManager& sources, dsl::Diagnostics& diags) {
    return Parser(tokenize(file, sources, diags), file, diags).run();
}

}  // namespace ntm::ruletest
