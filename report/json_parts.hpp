// Internal to json*.cpp: the ntm-eval document's parts written as they are produced.
#pragma once

#include <cstdint>

#include "report/json.hpp"
#include "report/json_out.hpp"

namespace ntm::report {

// One entity of one year, with its levels, criteria, indicators and gates (its explanation,
// built for it and let go once written).
void write_entity(JsonOut& o, const Program& program, const Dataset& data, const Evaluation& evaluation,
                  std::uint32_t result);

}  // namespace ntm::report
