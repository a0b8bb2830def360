// The names of the engine's results that every renderer reads, without the `engine::` prefix.
#pragma once

#include "engine/dataset.hpp"
#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "engine/program.hpp"
#include "engine/targets.hpp"

namespace ntm::report {

using engine::Blocker;
using engine::CategoryExplanation;
using engine::ClassDef;
using engine::Column;
using engine::CriterionExplanation;
using engine::CriterionResult;
using engine::RevocationCriterion;
using engine::RevocationExplanation;
using engine::RevocationResult;
using engine::RevocationDef;
using engine::Dataset;
using engine::Entity;
using engine::EntityExplanation;
using engine::EntityKind;
using engine::EntityResult;
using engine::explain;
using engine::Evaluation;
using engine::GateExplanation;
using engine::GateReading;
using engine::IndicatorExplanation;
using engine::IndicatorResult;
using engine::kind_index;
using engine::kKindCount;
using engine::kNone;
using engine::known;
using engine::kUnknown;
using engine::LevelDef;
using engine::LevelExplanation;
using engine::LevelResult;
using engine::Program;
using engine::Record;
using engine::Region;
using engine::region_index;
using engine::Schema;
using engine::SetDef;
using engine::Status;
using engine::TargetDef;
using engine::TargetLineResult;
using engine::TargetResult;
using engine::ValueType;

}  // namespace ntm::report
