// What the subcommands of `ntm` share (cli/shared.cpp).  Each returns the process exit code:
// 0 success, 1 problems in the rules (or files that `fmt --check` would change, or records
// that `validate` rejects), 2 usage or input/output errors.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/options.hpp"
#include "dsl/pipeline.hpp"
#include "data/load.hpp"
#include "engine/dataset.hpp"
#include "engine/program.hpp"

namespace ntm::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRules = 1;
inline constexpr int kExitUsage = 2;

// The index of the set named on the command line (kNone for none); false, with the error
// printed, when no set has that name.
bool chosen_set(const std::string& name, const ntm::engine::Program& program, std::uint32_t& out);

// Reads and checks the rule files, printing every problem; on failure `exit_code` is set (2 for
// files that cannot be read, 1 for errors in the rules, after a summary line) and the result
// must not be compiled.
std::unique_ptr<dsl::Rules> load_checked_rules(const std::vector<std::string>& paths, int& exit_code);

// Rules checked and compiled, and a data file read against them, its problems printed: what
// eval, explain, validate and report share.  On failure `exit_code` is set and the reason
// already printed to stderr.
struct Loaded {
    std::unique_ptr<dsl::Rules> rules;
    engine::Program program;
    engine::Dataset data;
    std::vector<std::string> rule_files;  // as loaded, in order
    int exit_code = kExitOk;
};
Loaded load_rules_and_data(const std::vector<std::string>& rule_paths, const std::string& data_path,
                           const data::LoadOptions& options = {});

// False, with the error printed, when a year was asked for (LoadOptions::year) and every
// record of the data is of another year.
bool year_found(const engine::Dataset& data, const std::string& data_path, const std::optional<int>& year);

// Whether to colour output written to stderr (a terminal, and NO_COLOR unset).
bool color_stderr();

// Writes an output file atomically (text/files.hpp); false, with the error printed, when it
// cannot.  The file is whole or untouched, never half written.
bool write_output(const std::string& path, std::string_view bytes);

}  // namespace ntm::cli
