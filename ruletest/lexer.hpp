// Internal to ruletest/: the words of a test file.
//
// The test format borrows the rule language's lexical style — names of Vietnamese letters,
// official codes spelt as written (`17.10`), numbers with a dot and an optional `%`, strings in
// double quotes ending on their line, `#` comments — but its sentences are flat lines of a
// keyword and a few words, so a hand-written tokenizer and parser (parse.cpp) serve it, and each
// message can say in Vietnamese which word it expected.
#pragma once

#include <string>
#include <vector>

#include "ruletest/testfile.hpp"

namespace ntm::ruletest {

enum class Tok : std::uint8_t { end, name, number, string, lbrace, rbrace, equals, comma, dotdot, minus };

struct Token {
    Tok kind = Tok::end;
    Span span;
    std::string text;      // a name or a number as written (without '%'); a string unescaped
    double value = 0;      // a number
    bool percent = false;  // a number written with '%'
};

// Every token of the file, then one Tok::end.  Characters that cannot start a token, a string
// left open at the end of its line and control characters are reported (T0002) and skipped.
std::vector<Token> tokenize(dsl::FileId file, const dsl::SourceManager& sources, dsl::Diagnostics& diags);

// How a token reads in a message: 'given', '{', "a string", the end of the file.
text::Message describe(const Token& t);

}  // namespace ntm::ruletest
