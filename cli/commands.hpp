// The subcommands of `ntm`.  Each returns the process exit code:
// 0 success, 1 problems in the rules (or files that `fmt --check` would change), 2 usage or
// input/output errors.
#pragma once

#include <string>
#include <vector>

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

// Whether to colour output written to stderr (a terminal, and NO_COLOR unset).
bool color_stderr();

}  // namespace ntm::cli
