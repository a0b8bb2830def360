// Stage 5: the explanation of one entity's verdict, read from the evaluation's own results.
//
// Nothing is computed again here: statuses, values, thresholds and gaps are those the
// evaluation recorded; this stage only attaches what people need to read them — titles,
// units, the region, year and `when` case that chose each threshold, the rule's file:line, the
// legal citation and the body responsible.  It hands over data, never sentences: names,
// titles, citations, unit symbols and rule text come from the rules as written, and
// report/words.hpp puts everything else into Vietnamese or English words.  Renderers (text,
// JSON, reports) take this structure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/dataset.hpp"
#include "engine/evaluate.hpp"
#include "engine/program.hpp"

namespace ntm::engine {

// The texts of an indicator's and a criterion's explanation that the rules hold (codes, titles,
// units, citations, bodies, reasons, conditions) are views of the Program's own and of its rule
// sources: an explanation is read while its Program lives, and building one copies none of them.
struct IndicatorExplanation {
    std::string_view code;
    std::string_view title;
    Status status = Status::unknown;
    std::string_view unit;         // unit name
    std::string_view unit_symbol;  // "%", "triệu đồng/người/năm", "đạt/không đạt"
    bool boolean = false;
    double value = kUnknown;

    // The requirement that decided, and the threshold in force.  No requirement: nothing was
    // compared (the indicator does not apply).
    bool has_requirement = false;
    dsl::Cmp cmp = dsl::Cmp::ge;
    double low = kUnknown, high = kUnknown;  // high: the upper bound of `in`
    double gap = kUnknown;                   // not met: how much the value must change
    // A category not decided and thresholds that differ by category: the least and the
    // greatest of them (low is then unknown).
    double low_min = kUnknown, low_max = kUnknown;

    // Why that threshold: the region whose thresholds apply (the level's, after the set's
    // region rules) and the year; the `when` case that chose it, if any.
    Region region = Region::TDMNPB;
    int year = 0;
    std::uint32_t threshold_case = kNone;  // index in Program::case_entries, as evaluated
    std::string_view case_condition;  // the rule text of that case's condition; empty for `else`
    bool region_unknown = false;   // the region rules lack data and the regions disagree
    bool applies_unknown = false;  // whether it applies is unknown (`applies when` lacks data)
    // The categories its thresholds are tabled by: the dimension's title and the title of the
    // category the entity is in (empty: not decided, see category_unknown).
    std::vector<std::pair<std::string_view, std::string_view>> categories;
    bool category_unknown = false;  // a category is not decided: the status holds under every one

    std::string_view rule;         // "rules/national/2021-2025/xa-ntm.ntm:57"
    std::string_view source;       // the legal citation
    std::string_view responsible;  // the body in charge, or empty
    std::string_view input;        // the column read, or "" when computed
    bool estimated = false;        // a value it reads is an estimate (Dataset::estimated)
    std::string_view unconfirmed;  // the verdict rests on an unconfirmed figure: its reason
};

struct CriterionExplanation {
    std::string_view code;
    std::string_view title;
    Status status = Status::unknown;
    dsl::CombineKind combine = dsl::CombineKind::all;
    int at_least = 0;  // K of `combine at_least K`
    std::string rule;
    std::string_view source;
    std::string_view responsible;
    std::vector<IndicatorExplanation> indicators;
    std::string_view unconfirmed;  // the verdict rests on an unconfirmed figure: its reason
};

// One input value a gate's condition reads, as the data gave it (derived values aside: the
// file does not hold them).
struct GateReading {
    std::string column;  // the column's name
    std::string title;   // its title, or empty
    double value = kUnknown;
    bool boolean = false;
    std::string unit_symbol;
    bool estimated = false;  // an estimate (Dataset::estimated)
};

// The category of one dimension (`category NAME`) the entity is in, and why.
struct CategoryExplanation {
    std::string name, title;  // the dimension: "nhom_xa", "Nhóm xã"
    bool decided = false;
    std::string member, member_title;  // decided: the category it is in
    // Decided: the rule text of the condition that holds (empty: `otherwise`); not decided: of
    // the first condition that lacks data.
    std::string condition;
    std::vector<GateReading> reads;  // the input data that condition reads
};

struct GateExplanation {
    std::string name;
    std::string title;
    Status status = Status::unknown;
    std::string condition;  // the rule text
    std::string rule;
    std::vector<GateReading> reads;  // in the order the condition first reads them
    std::string unconfirmed;  // the verdict rests on an unconfirmed figure: its reason
};

struct LevelExplanation {
    std::string name;
    std::string title;
    Status status = Status::unknown;
    Status prerequisite = Status::met;
    std::string after;  // the title of the level it requires, or empty
    std::string set_name, set_title, set_source;  // empty when no set applies in the year
    Region region = Region::TDMNPB;
    bool region_overridden = false;  // a region rule of the set applied
    bool regional = true;            // some threshold of the set is by region (else region is moot)
    int criteria_met = 0, criteria_total = 0;
    std::vector<CriterionExplanation> criteria;
    std::vector<GateExplanation> gates;
    std::string rule;
    std::string unconfirmed;  // the verdict rests on an unconfirmed figure: its reason
};

// One thing that stands between the entity and the next level: the level it requires, an
// indicator of a criterion not met (or unknown), or a gate.
struct Blocker {
    enum class Kind : std::uint8_t { prerequisite, indicator, gate };
    Kind kind = Kind::indicator;
    Status status = Status::not_met;
    // How close to passing: |gap / threshold| for an indicator with a known gap; -1 for the
    // prerequisite, 1e9 for the rest.  Blockers are sorted by it.
    double closeness = 0;
    std::string_view responsible;  // indicator: its body in charge, else its criterion's (the Program's)
    std::string level_title;  // prerequisite: the level required first
    std::string criterion_code, criterion_title;  // indicator
    IndicatorExplanation indicator;               // indicator
    GateExplanation gate;                         // gate
};

// A criterion a revocation verdict counts: not met, or lacking data.
struct RevocationCriterion {
    std::string code, title;
    bool named = false;  // named by the branch that fired (unmet(C) or met(C)): a key criterion
};

// One revocation rule that applies to the entity in the year (its recognition at the level is
// one the rule may revoke): whether it is to be revoked, by which branch, and on what counts.
struct RevocationExplanation {
    std::string name, title, source;
    std::string rule;  // "rules/national/thu-hoi.ntm:24"
    Status status = Status::not_met;  // met: đề nghị thu hồi; unknown: có thể — thiếu dữ liệu
    std::string level_name, level_title;  // the recognition it revokes
    int recognised_year = 0;
    std::string branch_name, branch_title, branch_rule, branch_condition;  // empty: none fired
    int unmet = 0, unknown = 0, total = 0;  // criteria of the set that judged the level
    std::string set_name, set_title;
    std::vector<RevocationCriterion> unmet_criteria, unknown_criteria;
    std::string unconfirmed;  // the verdict rests on an unconfirmed figure: its reason
};

// The revocation rules that apply to result `result` (those not "không áp dụng"), in rule order,
// with the criteria each counted: read from `trace`, the entity's (engine::trace), or from one
// made when a rule applies.
std::vector<RevocationExplanation> explain_revocations(const Program& program, const Evaluation& evaluation,
                                                       std::uint32_t result, const Trace& trace);
std::vector<RevocationExplanation> explain_revocations(const Program& program, const Dataset& data,
                                                       const Evaluation& evaluation, std::uint32_t result);

struct EntityExplanation {
    std::string code, name, type, parent_code;
    EntityKind kind = EntityKind::xa;
    AdminMap map = AdminMap::three_tier;
    int year = 0;
    Region region = Region::TDMNPB;
    bool judged = true;  // false: an urban unit, not judged (no levels below)
    std::string level_name, level_title;  // empty: no level reached
    bool level_uncertain = false;         // a higher level may be reached: data missing
    int criteria_met = 0, criteria_unknown = 0, criteria_total = 0;
    std::string next_level_name, next_level_title;  // empty: at the top
    std::vector<Blocker> blockers;                   // of the next level, closest to passing first
    std::vector<LevelExplanation> levels;
    std::vector<std::string> classes;  // titles of the classes it is in
    std::vector<CategoryExplanation> categories;  // those of its kind, in declaration order
    std::string lost_level_title;      // duy trì chuẩn: recognised, no longer reached
    int lost_year = 0;
    std::vector<RevocationExplanation> revocations;  // thu hồi: the rules that apply
    std::string member;  // steering-committee member in charge, if assigned
    std::string merged_from;  // made by a merger of communes: its parts (Entity::merged_from)
    int estimated = 0;        // indicators and gate readings that rest on an estimate
    bool unconfirmed = false; // a level verdict rests on an unconfirmed figure
    text::Place origin;
};

// What an explanation builds: everything (full); what a report shows of a commune (shown) — the
// levels, the criteria of the first level without their indicators, the next level whole (its
// blockers are read from it); or what a listing of verdicts writes (listing, ntm eval's JSON:
// report/json_entity.cpp) — every level, criterion and indicator with its codes and names,
// verdicts, thresholds, gaps, rule lines of indicators and gates, sources of indicators and
// bodies in charge, without titles, the texts of conditions, the data they read, blockers or the
// member in charge.  The counts (estimated, unconfirmed) are of everything either way.
enum class ExplainDetail { full, shown, listing };

EntityExplanation explain(const Program& program, const Dataset& data, const Evaluation& evaluation,
                          std::uint32_t result, ExplainDetail detail = ExplainDetail::full);

}  // namespace ntm::engine
