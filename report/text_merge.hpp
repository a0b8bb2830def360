// What `ntm merge` prints: the new communes with their parts, the recognition carried and the
// rule that decided it, the criteria met before and after, and the change per old district and
// per new province (docs/merge.md).  Vietnamese, deterministic.
#pragma once

#include <string>
#include <vector>

#include "data/merge_table.hpp"
#include "engine/evaluate.hpp"
#include "merge/merge.hpp"
#include "report/names.hpp"

namespace ntm::report {

struct MergeRun {
    std::string data_file;    // the old data
    std::string table_file;   // the conversion table
    std::string out_file;     // the new data written
    int year = 0;
    const Dataset* old = nullptr;
    const Evaluation* before = nullptr;  // the old data in `year`
    const merge::Carried* carried = nullptr;
    const Evaluation* after = nullptr;   // carried.data in `year`
    const data::MergeTable* table = nullptr;
};

std::string render_merge_text(const Program& program, const MergeRun& run);

}  // namespace ntm::report
