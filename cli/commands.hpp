// The subcommands of `ntm`.  Each returns the process exit code:
// 0 success, 1 problems in the rules (or files that `fmt --check` would change, or records
// that `validate` rejects), 2 usage or input/output errors.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dsl/pipeline.hpp"
#include "engine/dataset.hpp"
#include "engine/program.hpp"

namespace ntm::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRules = 1;
inline constexpr int kExitUsage = 2;

struct CheckArgs {
    std::vector<std::string> paths;
    bool werror = false;
};
int run_check(const CheckArgs& args);

struct FmtArgs {
    std::vector<std::string> paths;
    bool check = false;
};
int run_fmt(const FmtArgs& args);

struct EvalArgs {
    std::vector<std::string> rules;
    std::string data;
    std::optional<int> year;
    std::string format = "text";  // text | json
    unsigned threads = 0;
    std::string set;  // judge by this criteria set instead of the one in force
};
int run_eval(const EvalArgs& args);

// The index of the set named on the command line (kNone for none); false, with the error
// printed, when no set has that name.
bool chosen_set(const std::string& name, const ntm::engine::Program& program, std::uint32_t& out);

struct ExplainArgs {
    std::vector<std::string> rules;
    std::string data;
    std::optional<int> year;  // default: the latest year the entity has a record for
    std::string entity;       // a code or a name
    std::string set;          // judge by this criteria set instead of the one in force
};
int run_explain(const ExplainArgs& args);

struct ValidateArgs {
    std::vector<std::string> rules;
    std::string data;
};
int run_validate(const ValidateArgs& args);

// Rules checked and compiled, and a data file read against them: what eval, explain and
// validate share.  On failure `exit_code` is set and the reason already printed to stderr.
struct Loaded {
    std::unique_ptr<dsl::Rules> rules;
    engine::Program program;
    engine::Dataset data;
    std::vector<std::string> rule_files;  // as loaded, in order
    int exit_code = kExitOk;
};
Loaded load_rules_and_data(const std::vector<std::string>& rule_paths, const std::string& data_path,
                           const engine::LoadOptions& options = {});

// Whether to colour output written to stderr (a terminal, and NO_COLOR unset).
bool color_stderr();

}  // namespace ntm::cli
