#include <fmt/format.h>

#include <algorithm>

#include "cli/commands.hpp"
#include "report/xlsx.hpp"

namespace ntm::cli {

// Checks and compiles the rules, then writes the data-entry workbook of one kind: the columns
// a data file of that kind may hold, ready to be filled in and read back by eval and validate.
int run_template(const TemplateArgs& args) {
    const auto kind_at = std::find(dsl::kKindNames.begin(), dsl::kKindNames.end(), args.kind);
    if (kind_at == dsl::kKindNames.end()) {
        fmt::print(stderr, "error: unknown kind '{}' (thon, xa, huyen, tinh)\n", args.kind);
        return kExitUsage;
    }
    const auto kind = static_cast<engine::EntityKind>(kind_at - dsl::kKindNames.begin());
    const auto rules = dsl::load_and_check(args.rules);
    for (const auto& e : rules->io_errors) fmt::print(stderr, "{}", text::render(e));
    fmt::print(stderr, "{}", dsl::render_all(rules->diags, rules->sources, color_stderr()));
    if (!rules->io_errors.empty()) return kExitUsage;
    if (!rules->ok()) {
        fmt::print(stderr, "{} {} checked: {}\n", rules->sources.size(),
                   rules->sources.size() == 1 ? "file" : "files", dsl::summary(rules->diags));
        return kExitRules;
    }
    const engine::Program program = engine::compile(*rules);
    const auto& inputs = program.schema.columns[engine::kind_index(kind)];
    const auto given = std::count_if(inputs.begin(), inputs.end(),
                                     [](const engine::Column& c) { return !c.derived; });
    try {
        report::write_template(args.out, program.schema, kind);
    } catch (const text::FileError& e) {
        fmt::print(stderr, "{}", text::render(e.problem));
        return kExitUsage;
    }
    fmt::print("wrote {}: 7 reserved columns and {} input {} of {}\n", args.out, given,
               given == 1 ? "column" : "columns", args.kind);
    return kExitOk;
}

}  // namespace ntm::cli
