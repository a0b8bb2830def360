// Stage 6: results as JSON for other programs — the `ntm-eval` format, version 1
// (docs/output-format.md, schema docs/schemas/ntm-eval-1.schema.json).
//
// Keys are stable English snake_case in a fixed order (ordered_json), rules' objects are keyed
// by their official codes and names, numbers are JSON numbers (integers when whole) and
// anything unknown is null.  Every status, value and threshold is the one the evaluation
// recorded, read through explain().  A change that removes or renames a key, or changes its
// meaning, raises kEvalFormatVersion; adding a key does not.
#pragma once

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/names.hpp"
#include "report/text.hpp"

namespace ntm::report {

using Json = nlohmann::ordered_json;

inline constexpr int kEvalFormatVersion = 1;

// A number as JSON: null when unknown; an integer when whole; otherwise rounded to 9 decimals
// so that 41 - 38.7 prints as 2.3, not 2.299999999999997.
Json json_number(double v);

// The stable key of a status: "met", "not_met", "unknown", "not_applicable".
const char* status_key(Status s);

// {"code", "kind", "file", "line", "field", "message"}
Json problem_json(const text::Problem& problem);

// One entity of one year, with its levels, criteria, indicators and gates.
Json entity_json(const Program& program, const Dataset& data, const Evaluation& evaluation, std::uint32_t result);

// The whole document: {"format": "ntm-eval", "version": 1, "rules", "data", "counts",
// "years", "problems"}.
Json eval_json(const Program& program, const Dataset& data, const EvalRun& run);

// The same document, written to `out` one entity at a time, byte for byte what
// `eval_json(...).dump(2, ' ', false, replace)` and a newline give: memory does not grow with
// the number of entities.  The entities are written on `threads` threads (0: one per core), in
// pieces put in order, so the bytes do not depend on it.  Returns false when writing failed.
bool write_eval_json(std::FILE* out, const Program& program, const Dataset& data, const EvalRun& run,
                     unsigned threads = 0);

}  // namespace ntm::report
