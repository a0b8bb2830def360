// Rule tests as written: the syntax tree of a `*.ntmtest` file (docs/rule-tests.md).
//
// Nothing here is resolved against the rules: words keep their spelling and place, so that
// resolve.cpp can point at the exact word it cannot find.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dsl/diagnostics.hpp"
#include "dsl/source.hpp"

namespace ntm::ruletest {

using dsl::Span;

// A name, code or keyword where it is written ("2.2", "dat_chuan", "met").
struct Word {
    std::string text;
    Span span;
    bool empty() const { return text.empty(); }
};

// What the inputs a test does not give are: at the edge of passing, of failing, or missing.
enum class Others : std::uint8_t { pass, fail, missing };

// `given NAME = VALUE`: an input column by name or indicator code.
struct Given {
    Word column;
    enum class Kind : std::uint8_t { number, yes, no, missing } kind = Kind::number;
    double number = 0;
    bool percent_sign = false;  // written `90%`
    Span value_span;
};

// `category NAME MEMBER, …` (or `all`): the members of a category the test is run in.
struct CategoryLine {
    Word category;
    std::vector<Word> members;
    bool all = false;
    Span span;
};

// `recognised LEVEL YEAR`: a recognition from before, for revocation tests.
struct RecognisedLine {
    Word level;
    int year = 0;
    Span year_span;
};

enum class ExpectKind : std::uint8_t {
    indicator,     // expect indicator CODE [in LEVEL] STATUS
    threshold,     // expect threshold CODE [in LEVEL] NUMBER
    criterion,     // expect criterion CODE [in LEVEL] STATUS
    criteria_met,  // expect criteria_met NUMBER
    level,         // expect level LEVEL | none      (the highest level reached)
    level_status,  // expect level LEVEL STATUS      (that level's verdict)
    gate,          // expect gate LEVEL GATE STATUS
    revocation,    // expect revocation RULE VERDICT [branch NAME]
    category,      // expect category NAME MEMBER | none  (none: not decided)
};

struct Expectation {
    ExpectKind kind = ExpectKind::indicator;
    Span span;         // from `expect` to the end of the line's last word
    Word subject;      // the code, level, gate's level, rule or category
    Word second;       // the gate, the category member, the revocation branch
    Word in_level;     // `in LEVEL` after a code
    Word verdict;      // the status or revocation verdict, as written
    double number = 0;  // threshold, criteria_met
    Span number_span;
};

struct TestCase {
    std::string name;
    Span name_span;
    Span span;  // from `test` to its closing brace
    Word kind;  // `for KIND`; empty: xa
    int year_from = 0, year_to = 0;
    Span year_span;  // empty (begin == end): no `year` line
    std::vector<Word> regions;
    bool all_regions = false;
    Span region_span;
    std::string locality;
    Span locality_span;
    std::vector<CategoryLine> categories;
    std::vector<Given> given;
    Others others = Others::pass;
    Word others_level;  // `others pass LEVEL`: the levels up to it pass, those above fail
    std::vector<RecognisedLine> recognised;
    std::vector<Expectation> expectations;
};

struct TestFile {
    dsl::FileId file = 0;
    std::vector<TestCase> tests;
};

// Parses a test file held by `sources`.  Every syntax error goes to `diags` (code T00xx), with
// its place; the tests that parsed are returned all the same.
TestFile parse_test_file(dsl::FileId file, const dsl::SourceManager& sources, dsl::Diagnostics& diags);

}  // namespace ntm::ruletest
