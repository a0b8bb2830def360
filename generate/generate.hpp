// `ntm generate`: plausible, threshold-aware data for real administrative units, written in the
// engine's own data formats (docs/generate.md).
//
// The generator is driven by the compiled program: every input column the rules declare for a
// kind gets a value, and each value is drawn relative to the threshold that applies to that
// entity (its region after the set's region rules, the year, the `when` case), so that an
// indicator passes or fails as planned.  Whether it should pass comes from a latent
// development score per entity (region, district type, a per-district offset, noise, a little
// better every year); a scenario file pins the situations a dataset must show ("this commune
// reaches đạt chuẩn in 2024", "fails exactly criteria 10 and 17").
//
// Determinism: every random draw comes from a splitmix64 stream seeded by (seed, entity code,
// year, purpose), and only exactly rounded arithmetic (+ − × ÷ √) feeds the values, so the same
// inputs give the same bytes on every platform, whatever the number of threads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "data/units.hpp"
#include "data/write.hpp"
#include "engine/dataset.hpp"
#include "engine/evaluate.hpp"
#include "engine/vm.hpp"
#include "engine/program.hpp"
#include "text/problem.hpp"

namespace ntm::gen {

// The generator reads the compiled program and runs the engine at every step.
using engine::Aggregate;
using engine::AggregateFn;
using engine::CaseEntry;
using engine::ClassDef;
using engine::Column;
using engine::CriterionDef;
using engine::CriterionResult;
using engine::Dataset;
using engine::Entity;
using engine::EntityKind;
using engine::EntityResult;
using engine::evaluate;
using engine::Evaluation;
using engine::ExprContext;
using engine::ExprRef;
using engine::GateDef;
using engine::IndicatorDef;
using engine::IndicatorResult;
using engine::Instr;
using engine::kind_index;
using engine::kKindCount;
using engine::kNone;
using engine::known;
using engine::kRegionCount;
using engine::kUnknown;
using engine::LevelDef;
using engine::LevelResult;
using engine::OpCode;
using engine::passes;
using engine::Program;
using engine::Recognition;
using engine::Record;
using engine::Region;
using engine::region_index;
using engine::RegionRule;
using engine::Requirement;
using engine::run;
using engine::Schema;
using engine::SetDef;
using engine::Status;
using engine::threshold_value;
using engine::ThresholdKind;
using engine::ThresholdNode;
using engine::truth;
using engine::ValueType;
using engine::YearEntry;
using data::AdminUnits;
using data::Unit;

// ---------------------------------------------------------------------------------------------
// Scenario: the situations a dataset must show (docs/generate.md, "Scenario files").

struct Directive {
    enum class Kind : std::uint8_t { level, fail, set };
    Kind kind = Kind::level;
    std::string code;
    int from = 0, to = 0;  // years
    std::uint32_t level = kNone;          // level: the highest level (kNone: none reached)
    std::vector<std::string> criteria;    // fail: the criteria codes that fail (none: all met)
    std::string column;                   // set: the column
    double value = kUnknown;              // set: the value (kUnknown: missing)
    std::uint32_t line = 0;
};

struct Scenario {
    std::string path;
    std::vector<Directive> directives;                 // in file order
    std::map<std::string, std::vector<Recognition>> recognised;  // by code
    std::map<std::string, double> offsets;             // score offsets by code
    std::map<std::string, std::pair<int, int>> villages;  // villages per commune, by code (any kind)
    std::optional<double> missing;                     // share of records with missing values
    std::optional<double> growth;                      // score gained per year
    std::optional<double> village_offset;              // a village's score minus its commune's
};

struct GenerateOptions {
    std::vector<std::string> provinces;  // codes; none and no districts: every province
    std::vector<std::string> districts;  // codes
    int from = 0, to = 0;                // years
    std::uint64_t seed = 1;
    unsigned threads = 0;  // for evaluating the generated data; the output does not depend on it
};

// Reads a scenario against the rules, the selected units and the years.
Scenario read_scenario(const std::string& path, const Program& program, const AdminUnits& units,
                       const GenerateOptions& options, std::vector<text::Problem>& problems);

// ---------------------------------------------------------------------------------------------

struct Generated {
    Dataset data;  // entities (regions resolved, recognitions), one record per entity and year
    std::vector<text::Problem> warnings;  // directives that could not be met, with their line
    std::size_t directives_met = 0;
};

// How the generated CSV writes each yes/no column: "đạt" / "không đạt" where an indicator judges
// the column itself, "có" / "không" for the facts its conditions read.
data::YesNoWords yes_no_words(const Program& program);

// Generates the data of the selected units.  Problems with the selection (an unknown province
// or district code) go to `problems` and the result is empty.
Generated generate(const Program& program, const AdminUnits& units, const Scenario& scenario,
                   const GenerateOptions& options, std::vector<text::Problem>& problems);

}  // namespace ntm::gen
