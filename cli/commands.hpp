// What the subcommands of `ntm` share (cli/shared.cpp).  Each returns the process exit code:
// 0 success, 1 problems in the rules (or files that `fmt --check` would change, or records
// that `validate` rejects), 2 usage or input/output errors.
#pragma once

#include <functional>
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

// A file a run reads: what it is to the user ("the data file") and its path as given.
struct Input {
    const char* role;
    std::string path;
};

// The rule files of `rules`, as inputs.
std::vector<Input> rule_inputs(const dsl::Rules& rules);

// False, with the error printed, when writing `output` would replace one of `inputs`: the same
// file under any name (another spelling, a symlink, a hard link).  A path that does not exist
// yet is no input.  Only `fmt` rewrites its inputs, on purpose.  `option` names the output in
// the message.
bool not_an_input(const std::string& output, const std::vector<Input>& inputs, std::string_view option = "--out");

// The index of the set named on the command line (kNone for none); false, with the error
// printed, when no set has that name.
bool chosen_set(const std::string& name, const ntm::engine::Program& program, std::uint32_t& out);

// Reads and checks the rule files, printing every problem; on failure `exit_code` is set (2 for
// files that cannot be read, 1 for errors in the rules, after a summary line) and the result
// must not be compiled.
// The localities the rules name are checked against the official lists of units (E0611,
// data/localities.hpp) unless `official_units` is false (`--units none`: test data).
std::unique_ptr<dsl::Rules> load_checked_rules(const std::vector<std::string>& paths, int& exit_code,
                                               const text::Limits& limits, bool official_units = true);
// The rules' localities checked against the official lists, the diagnostics added to `rules`.
void check_localities(dsl::Rules& rules);

// Rules checked and compiled, and a data file read against them, its problems printed: what
// eval, explain, validate and report share.  On failure `exit_code` is set and the reason
// already printed to stderr.
struct Loaded {
    std::unique_ptr<dsl::Rules> rules;
    engine::Program program;
    engine::Dataset data;
    std::vector<std::string> rule_files;  // as loaded, in order
    std::vector<Input> inputs;            // every rule file and the data file: no output replaces one
    int exit_code = kExitOk;
};
Loaded load_rules_and_data(const std::vector<std::string>& rule_paths, const std::string& data_path,
                           const data::LoadOptions& options = {});

// How the data options of a command read the data: the official lists of units it is checked
// against (--units: "official" or "none"), the sheet of a workbook, the bounds, and the year
// kept (none: every year).
data::LoadOptions load_options(const std::string& units, const std::string& sheet, const text::Limits& limits,
                               std::optional<int> year = std::nullopt);

// False, with the error printed, when a year was asked for (LoadOptions::year) and every
// record of the data is of another year.
bool year_found(const engine::Dataset& data, const std::string& data_path, const std::optional<int>& year);

// Whether any of `problems` is an error (a value ignored, a record rejected), not a warning: the
// run then exits 1 once its results are printed, for an error always means a non-zero exit.
bool any_error(const std::vector<text::Problem>& problems);

// An error on stderr, in the language of the run: "lỗi: …", or "FILE: lỗi: …" about a file.
void print_error(const text::Message& message);
void print_error(const std::string& file, const text::Message& message);
// A line on stderr saying what the run did ("đã ghi …").
void print_done(const text::Message& message);

// Whether to colour output written to stderr (a terminal, and NO_COLOR unset).
bool color_stderr();

// Writes output files atomically (text/files.hpp): each to a temporary file beside it, and only
// once all are written, each renamed into place.  False, with the error printed, when one of
// them is an input (not_an_input) or cannot be written; then none is replaced (but for a rename
// failing half-way, which the checks before make unlikely) and no temporary is left.
struct Output {
    std::string path;
    std::string_view bytes;
};
bool write_outputs(const std::vector<Output>& files, const std::vector<Input>& inputs);
bool write_output(const std::string& path, std::string_view bytes, const std::vector<Input>& inputs);
// As write_output(), the bytes handed by `produce` to the sink it is given, a piece at a time
// as they are made (text::FileStream): a large output is never held whole.
using ProduceBytes = std::function<void(const std::function<void(std::string_view)>&)>;
bool write_output_stream(const std::string& path, const ProduceBytes& produce, const std::vector<Input>& inputs);

}  // namespace ntm::cli
