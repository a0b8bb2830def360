// Internal to ruletest/: looking the words of a test up in the rules, each miss an error with
// a "did you mean" (resolve.cpp, resolve_expect.cpp).
#pragma once

#include <string>
#include <vector>

#include "ruletest/resolve.hpp"

namespace ntm::ruletest {

struct Names {
    const Program& p;
    dsl::Diagnostics& diags;
    EntityKind kind = EntityKind::xa;

    dsl::Diagnostic& fail(const char* code, Span at, text::Message message) const;
    // Adds "có phải là 'X'?" when one of `candidates` is close to the word.
    void suggest(dsl::Diagnostic& d, const Word& w, const std::vector<std::string>& candidates) const;
    std::string kind_name() const;
    // The level of the kind named `w`, or kNone (T0104).
    std::uint32_t level(const Word& w) const;
    // The member of category `c` named `w`, or kNone (T0109).
    std::uint32_t member(std::uint32_t c, const Word& w) const;
};

// The word as a message quotes it.
std::string shown(const Word& w);

// Checks expectation `e` of test `tc` and adds it to `out` (T0104-T0109, T0205, T0206).
void resolve_expectation(const Names& names, const Expectation& e, const TestCase& tc, ResolvedTest& out);

}  // namespace ntm::ruletest
