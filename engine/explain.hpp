// Stage 5: the explanation of one entity's verdict, read from the evaluation's own results.
//
// Nothing is computed again here: statuses, values, thresholds and gaps are those the
// evaluation recorded; this stage only attaches what people need to read them — titles,
// units, the region and year that chose each threshold, the rule's file:line, the legal
// citation and the body responsible.  Renderers (text, JSON, reports) take this structure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/dataset.hpp"
#include "engine/evaluate.hpp"
#include "engine/program.hpp"

namespace ntm::engine {

// "đạt", "chưa đạt", "thiếu dữ liệu", "không áp dụng"
const char* status_vi(Status s);
// "met", "not_met", "unknown", "not_applicable" (stable keys for JSON)
const char* status_key(Status s);
// Vietnamese name of a region: "Duyên hải Nam Trung Bộ".
const char* region_vi(Region r);

struct IndicatorExplanation {
    std::string code;
    std::string title;
    Status status = Status::unknown;
    std::string unit;         // unit name
    std::string unit_symbol;  // "%", "triệu đồng/người/năm", "đạt/không đạt"
    bool boolean = false;
    double value = kUnknown;
    dsl::Cmp cmp = dsl::Cmp::ge;
    double low = kUnknown, high = kUnknown;  // the threshold in force
    double gap = kUnknown;                   // not met: how much the value must change
    std::string requirement;  // "≥ 80 %", "đạt", "trong khoảng 14 – 200 m²/người"
    std::string why;          // "vùng Duyên hải Nam Trung Bộ, năm 2023" (+ the case taken)
    std::string rule;         // "rules/national/2021-2025/xa-ntm.ntm:57"
    std::string source;       // the legal citation
    std::string responsible;  // the body in charge, or empty
    std::string input;        // the column read, or "" when computed
};

struct CriterionExplanation {
    std::string code;
    std::string title;
    Status status = Status::unknown;
    std::string combine;  // "tất cả chỉ tiêu", "ít nhất 2 chỉ tiêu", "một trong các chỉ tiêu"
    std::string rule;
    std::string source;
    std::string responsible;
    std::vector<IndicatorExplanation> indicators;
};

struct GateExplanation {
    std::string name;
    std::string title;
    Status status = Status::unknown;
    std::string condition;  // the rule text
    std::string rule;
    std::string values;  // the data it reads: "Tỷ lệ người dân hài lòng …: 85 %", or empty
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
    int criteria_met = 0, criteria_total = 0;
    std::vector<CriterionExplanation> criteria;
    std::vector<GateExplanation> gates;
    std::string rule;
};

// Why the next level is not reached: the first not-met (or unknown) prerequisites, criteria,
// indicators and gates, closest to passing first.
struct Blocker {
    std::string what;  // "tiêu chí 10 Thu nhập — chỉ tiêu 10: 38,5 < 41 triệu đồng/người/năm"
    Status status = Status::not_met;
    std::string responsible;
};

struct EntityExplanation {
    std::string code, name, type, parent_code;
    EntityKind kind = EntityKind::xa;
    int year = 0;
    Region region = Region::TDMNPB;
    bool judged = true;  // false: an urban unit, not judged (no levels below)
    std::string level_name, level_title;  // empty: no level reached
    bool level_uncertain = false;         // a higher level may be reached: data missing
    int criteria_met = 0, criteria_unknown = 0, criteria_total = 0;
    std::string next_level_name, next_level_title;  // empty: at the top
    std::vector<Blocker> blockers;                   // of the next level
    std::vector<LevelExplanation> levels;
    std::vector<std::string> classes;  // titles of the classes it is in
    std::string lost_level_title;      // duy trì chuẩn: recognised, no longer reached
    int lost_year = 0;
    std::string member;  // steering-committee member in charge, if assigned
    text::Place origin;
};

EntityExplanation explain(const Program& program, const Dataset& data, const Evaluation& evaluation,
                          std::uint32_t result);

// Numbers as Vietnamese readers write them: "38,5", "1.250", "100".
std::string number_vi(double v);

}  // namespace ntm::engine
