#include <fmt/format.h>

#include "cli/commands.hpp"
#include "report/text.hpp"

namespace ntm::cli {

// Reads the data and reports every problem; a rejected record makes the run fail.
int run_validate(const ValidateArgs& args) {
    data::LoadOptions options;
    options.sheet = args.sheet;
    const Loaded loaded = load_rules_and_data(args.rules, args.data, options);
    if (loaded.exit_code != kExitOk) return loaded.exit_code;
    const engine::Dataset& data = loaded.data;
    fmt::print(stderr, "{}", text::render(data.problems));
    fmt::print("read {}, accepted {}, rejected {}\n", data.read, data.records.size(), data.rejected);
    return data.rejected > 0 ? kExitRules : kExitOk;
}

}  // namespace ntm::cli
