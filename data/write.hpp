// Data out: a Dataset written in the formats data/load.hpp reads back (docs/data-format.md).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "engine/dataset.hpp"
#include "engine/program.hpp"

namespace ntm::data {

using engine::Dataset;
using engine::Program;

// Per kind, per slot: whether a yes/no value is a verdict on an indicator, written "đạt" /
// "không đạt", or a fact, written "có" / "không" (missing: a fact).
using YesNoWords = std::array<std::vector<bool>, engine::kKindCount>;

// The data in the engine's CSV (Vietnamese headers, ',' between cells, decimal comma) or JSON
// format (docs/data-format.md).
std::string write_csv(const Program& program, const Dataset& dataset, const YesNoWords& verdicts = {});
std::string write_json(const Program& program, const Dataset& dataset);

}  // namespace ntm::data
