#include <fmt/format.h>

#include "cli/commands.hpp"
#include "dsl/pipeline.hpp"

namespace ntm::cli {

int run_check(const CheckArgs& args) {
    const auto rules = dsl::load_and_check(args.paths, args.werror);
    for (const auto& e : rules->io_errors) fmt::print(stderr, "{}", text::render(e));
    fmt::print(stderr, "{}", dsl::render_all(rules->diags, rules->sources, color_stderr()));
    if (!rules->io_errors.empty()) return kExitUsage;
    fmt::print(stderr, "{} {} checked: {}\n", rules->sources.size(),
               rules->sources.size() == 1 ? "file" : "files", dsl::summary(rules->diags));
    return rules->diags.has_errors() ? kExitRules : kExitOk;
}

}  // namespace ntm::cli
