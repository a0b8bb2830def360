// Values at the edge of what the rules ask, for rule tests (`ntm test`, docs/rule-tests.md):
// a test names the inputs it is about, and every other input of its entity gets a value here,
// with the generator's own machinery (the model of what each input does, the probe, the
// threshold-aware drawing of values.hpp), so that the two never disagree on what "passes" is.
//
// Measured inputs — the column an indicator judges, the inputs of a computed indicator or of a
// gate — pass every requirement of every level's set in force for the entity (or of the levels
// up to one), at the threshold itself where a threshold applies (the strictest, when several
// sets read the column) (Edge::pass); or each fails just past the threshold of the first level
// that reads it (Edge::fail); or stay missing (Edge::none).  The inputs of computed indicators and of gates
// are drawn and checked with the probe, deterministically.
//
// Attributes — inputs that only choose the region, a category, a `when` case or whether an
// indicator applies — are `no`, or the smallest value of their domain.  Those a category's
// conditions read are then chosen (among no / yes, or the smallest value and a step below, at
// and above each constant they are compared with) so that the conditions of its members, in
// the order written, are false where the values given allow, then unknown, then true: the
// entity is in the `otherwise` member unless the values given place it elsewhere (or leave it
// undecided); asked for a member, among the values that place it there.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/dataset.hpp"
#include "engine/program.hpp"

namespace ntm::gen {

enum class Edge : std::uint8_t { none, pass, fail };

// What a test asks of one record of a dataset.
struct EdgeRequest {
    std::uint32_t record = 0;  // in the dataset
    Edge edge = Edge::pass;    // the measured inputs not given
    // Edge::pass: the highest level (its ordinal) whose requirements pass; those of the levels
    // above fail where they can.  -1: every level passes.
    int pass_up_to = -1;
    // Per slot of the record's kind: 1 where the test gave the value (kept as it is).
    std::vector<std::uint8_t> given;
    // Per Program::categories: the member asked for, or engine::kNone (the default).
    std::vector<std::uint32_t> categories;
};

class EdgeValues {
public:
    explicit EdgeValues(const engine::Program& program);
    ~EdgeValues();
    EdgeValues(const EdgeValues&) = delete;
    EdgeValues& operator=(const EdgeValues&) = delete;

    // Fills the inputs of each request's record that the request does not give.  Returns, per
    // request, engine::kNone, or the category (Program::categories) whose member asked cannot
    // be reached with the values given.
    std::vector<std::uint32_t> fill(engine::Dataset& data, const std::vector<EdgeRequest>& requests) const;

    // The input column indicator `indicator` judges — its own, or the field its `value` only
    // reads — or engine::kNone when its value is computed.
    std::uint32_t column_of(std::uint32_t indicator) const;
    // Whether input `slot` of `kind` is measured (judged by an indicator or a gate) rather than
    // an attribute.
    bool measured(engine::EntityKind kind, std::uint32_t slot) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ntm::gen
