// The front end as one call: find rule files, read, parse and check them.
//
// Stages stop when one has errors: when any file has a syntax error, nothing is checked, so
// that an item the parser skipped does not turn into a cascade of unknown names.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dsl/checker.hpp"
#include "dsl/load.hpp"

namespace ntm::dsl {

struct Rules {
    SourceManager sources;
    Module module;
    Diagnostics diags;
    std::vector<text::Problem> io_errors;  // files missing, unreadable, not UTF-8
    NodeIds ids;
    std::optional<Checked> checked;  // set when parsing succeeded (check may still have errors)

    bool ok() const { return io_errors.empty() && !diags.has_errors() && checked.has_value(); }
};

// Reads and checks the rule files under `paths`.  `werror` turns warnings into errors;
// `limits` bounds a file's size and a line's length.  The result is heap-allocated because
// Checked points into the Module.
// `overlay` (load_rules) gives the text of files by path, read instead of theirs; a path there
// that the search does not find is checked as one more file.
std::unique_ptr<Rules> load_and_check(const std::vector<std::string>& paths, bool werror = false,
                                      const text::Limits& limits = {}, const Overlay* overlay = nullptr);

}  // namespace ntm::dsl
