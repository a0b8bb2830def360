// The list of unconfirmed figures that `ntm check --unconfirmed` prints: every mark, grouped
// by the set (or level) that holds it, with a count per group and a total; as terminal text or
// as Markdown (docs/rules-status.md is that Markdown).
#pragma once

#include <string>
#include <vector>

#include "dsl/source.hpp"
#include "dsl/unconfirmed.hpp"
#include "report/report.hpp"

namespace ntm::report {

std::string render_unconfirmed(const std::vector<dsl::MarkInfo>& marks, const dsl::SourceManager& sources,
                               Lang lang, bool markdown);

}  // namespace ntm::report
