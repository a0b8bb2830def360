// Stage 6: what people read in a terminal — the summary of an evaluation (text_eval.cpp) and
// the explanation of one entity (text_explain.cpp), in Vietnamese.
//
// Renderers only read: statuses, values and thresholds come from the Evaluation and from
// explain(); nothing is judged again here, and every phrase is from words.hpp.  Output is
// deterministic: entities are listed by code, columns are aligned by display width (a
// Vietnamese letter is one column, whatever its bytes), numbers are written the Vietnamese
// way ("38,5", "1.250").
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
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

// The indices 0 .. codes(…) - 1 in code_order of `code(i)`, ties in the order std::sort gives
// them when it sorts the indices by code_order: each code is read once, and the comparisons read
// a copy of its first eight bytes beside the index (through result → record → entity, every
// comparison was a cache miss on a national file).
template <class CodeOf>
std::vector<std::uint32_t> sorted_by_code(std::uint32_t count, CodeOf code);

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

namespace detail {

struct CodeKey {
    std::uint64_t prefix = 0;  // the first eight bytes, big-endian, zero after the end
    std::string_view code;
    std::uint32_t index = 0;
    CodeKey(std::string_view c, std::uint32_t i) : code(c), index(i) {
        unsigned char bytes[8] = {};
        std::memcpy(bytes, c.data(), std::min<std::size_t>(c.size(), 8));
        for (const unsigned char b : bytes) prefix = prefix << 8 | b;
    }
};

// code_order: shorter first, then byte by byte as std::string compares.
inline bool operator<(const CodeKey& a, const CodeKey& b) {
    if (a.code.size() != b.code.size()) return a.code.size() < b.code.size();
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    return a.code.size() > 8 && a.code.substr(8) < b.code.substr(8);
}

}  // namespace detail

template <class CodeOf>
std::vector<std::uint32_t> sorted_by_code(std::uint32_t count, CodeOf code) {
    std::vector<detail::CodeKey> keys;
    keys.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) keys.emplace_back(code(i), i);
    std::sort(keys.begin(), keys.end());
    std::vector<std::uint32_t> out;
    out.reserve(keys.size());
    for (const detail::CodeKey& k : keys) out.push_back(k.index);
    return out;
}

}  // namespace ntm::report
