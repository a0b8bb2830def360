// Unconfirmed figures: every `unconfirmed "reason"` mark of a load of rules, in file order,
// with what it stands on — for `ntm check --unconfirmed` and docs/rules-status.md.
#pragma once

#include <string>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/source.hpp"

namespace ntm::dsl {

enum class MarkOn : std::uint8_t { set, criterion, indicator, requirement, cell, gate };

struct MarkInfo {
    Span at;             // the mark itself
    MarkOn on = MarkOn::requirement;
    std::string owner;   // the set (or level, for a gate) that holds it
    std::string owner_title;
    bool level = false;  // the owner is a level
    std::string code;    // criterion or indicator code; a gate's name
    std::string title;   // its title
    // The figure(s) concerned, in rule syntax: ">= 100", ">= by region { TDMNPB: 50, … }",
    // "DBSH: 100" for a cell, the condition of a gate; empty for a set, criterion or indicator.
    std::string figure;
    std::string reason;
};

// Every mark of `module`, in file order and within a file in order of position.
std::vector<MarkInfo> unconfirmed_marks(const Module& module);

// A threshold on one line, in rule syntax: `by region { TDMNPB: 50, DBSH: 100 }`.
std::string threshold_line(const Threshold& t);

}  // namespace ntm::dsl
