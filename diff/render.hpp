// A diff written out: as text for a terminal, as JSON, and as a document (Markdown, HTML) or a
// workbook.  Every form says the same things, in the words of diff/words.hpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diff/diff.hpp"

namespace ntm::diff {

struct DiffRun {
    StructureDiff structure;
    bool rules_compared = true;  // false: the same rules, two years (the trend view)
    std::optional<ImpactDiff> impact;
    std::string data_file;       // the data judged, when any
    std::size_t limit = 0;       // entities listed one by one in text (0: all)
    std::vector<std::string> notes;  // how the data was judged, when not as given (a set outside its years)
};

std::string render_diff_text(const DiffRun& run);
std::string render_diff_json(const DiffRun& run);
std::string render_diff_md(const DiffRun& run);
std::string render_diff_html(const DiffRun& run);
// Throws text::FileError when `path` cannot be written.
void write_diff_xlsx(const DiffRun& run, const std::string& path);

}  // namespace ntm::diff
