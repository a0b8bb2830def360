// Stage 6: what people read in a terminal — the summary of an evaluation (text_eval.cpp) and
// the explanation of one entity (text_explain.cpp), in Vietnamese.
//
// Renderers only read: statuses, values and thresholds come from the Evaluation and from
// explain(); nothing is judged again here, and every phrase is from words.hpp.  Output is
// deterministic: entities are listed by code, columns are aligned by display width (a
// Vietnamese letter is one column, whatever its bytes), numbers are written the Vietnamese
// way ("38,5", "1.250").
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "report/names.hpp"

namespace ntm::report {

// How many entities of one kind reached each level in one year.
struct KindSummary {
    EntityKind kind = EntityKind::xa;
    std::size_t total = 0;        // judged entities (those below are not counted elsewhere)
    std::size_t not_judged = 0;   // urban units: phường, thị trấn, quận, ...
    std::size_t not_in_force = 0; // judged, but no level of the kind has a set in force this year
    // at_level[0]: no level reached; at_level[1 + ordinal]: highest level reached.
    std::vector<std::size_t> at_level;
    // Of those, how many may reach a higher level: data is missing (level_uncertain).
    std::vector<std::size_t> uncertain;
    std::size_t judged = 0;           // entities judged against a criteria set
    std::size_t criteria_met_sum = 0; // over those
    std::size_t criteria_total = 0;   // of the standard set (the largest seen)
};

// Per kind that has levels and records in the year, smallest kind first.
std::vector<KindSummary> summarize(const Program& program, const Dataset& data, const Evaluation& evaluation);

// The order entities are listed in: official codes are fixed-width per level (province 2
// digits, district 3, commune 5), so shorter codes first, then by text: 49, 518, 20365, 20368.
bool code_order(const std::string& a, const std::string& b);

// "Xã Tam An": the type as written, then the name (unless the name already starts with it).
std::string display_name(const Entity& entity);
std::string display_name(const std::string& type, const std::string& name);

// What one `ntm eval` run looked at.
struct EvalRun {
    std::vector<std::string> rule_files;  // as loaded, in order
    std::string data_file;
    std::vector<Evaluation> years;  // ascending
};

// The whole text of `ntm eval`: the rules and data read, the counts, then each year's summary.
std::string render_eval_run_text(const Program& program, const Dataset& data, const EvalRun& run);

// The summary of one year's evaluation: sets in force, counts, levels by kind, classes,
// entities that lost a level, districts and their communes.  Ends with a newline.
std::string render_eval_text(const Program& program, const Dataset& data, const Evaluation& evaluation);

// The explanation tree of one entity: header, level, next level and what blocks it, then
// level → criterion → indicator with status, value, requirement, gap, why, rule, source and
// body responsible.  `data` gives the parent's name.
std::string render_explanation_text(const EntityExplanation& explanation, const Dataset& data);

}  // namespace ntm::report
