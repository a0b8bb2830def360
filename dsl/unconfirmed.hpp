// Unconfirmed figures: every `unconfirmed "reason"` mark of a load of rules, in file order,
// with what it stands on — for `ntm check --unconfirmed` and docs/rules-status.md.
#pragma once

#include <string>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/source.hpp"

namespace ntm::dsl {

enum class MarkOn : std::uint8_t { set, criterion, indicator, requirement, cell, gate, revocation, branch };

// What holds the marks: a criteria set, a level (its gates) or a revocation rule.
enum class MarkOwner : std::uint8_t { set, level, revocation };

struct MarkInfo {
    Span at;             // the mark itself
    MarkOn on = MarkOn::requirement;
    std::string owner;   // the set, level (for a gate) or revocation rule that holds it
    std::string owner_title;
    MarkOwner owner_kind = MarkOwner::set;
    std::string code;    // criterion or indicator code; a gate's or branch's name
    std::string title;   // its title
    // The figure(s) concerned, in rule syntax: ">= 100", ">= by region { TDMNPB: 50, … }",
    // "DBSH: 100" for a cell, the condition of a gate or branch; empty for a set, criterion,
    // indicator or whole revocation rule.
    std::string figure;
    std::string reason;
};

// Every mark of `module`, in file order and within a file in order of position.
std::vector<MarkInfo> unconfirmed_marks(const Module& module);

// A threshold on one line, in rule syntax: `by region { TDMNPB: 50, DBSH: 100 }`.
std::string threshold_line(const Threshold& t);

}  // namespace ntm::dsl
