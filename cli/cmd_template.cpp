#include <fmt/format.h>

#include <algorithm>

#include "cli/commands.hpp"
#include "report/xlsx.hpp"
#include "text/utf8.hpp"

namespace ntm::cli {

namespace {

// Writes the data-entry workbook (.xlsx) for one kind of entity: see report/xlsx.hpp.
struct TemplateArgs {
    std::vector<std::string> rules;
    std::string out;
    std::string kind = "xa";  // thon | xa | huyen | tinh
    text::Limits limits;  // --limit: what an input may hold
};

}  // namespace

// Checks and compiles the rules, then writes the data-entry workbook of one kind: the columns
// a data file of that kind may hold, ready to be filled in and read back by eval and validate.
int run_template(const TemplateArgs& args) {
    const auto kind_at = std::find(dsl::kKindNames.begin(), dsl::kKindNames.end(), args.kind);
    if (kind_at == dsl::kKindNames.end()) {
        print_error(text::say("cli.template.unknown_kind", text::printable(args.kind)));
        return kExitUsage;
    }
    const auto kind = static_cast<engine::EntityKind>(kind_at - dsl::kKindNames.begin());
    int exit_code = kExitOk;
    const auto rules = load_checked_rules(args.rules, exit_code, args.limits);
    if (exit_code != kExitOk) return exit_code;
    if (!not_an_input(args.out, rule_inputs(*rules))) return kExitUsage;
    const engine::Program program = engine::compile(*rules);
    const auto& inputs = program.schema.columns[engine::kind_index(kind)];
    const auto given = std::count_if(inputs.begin(), inputs.end(),
                                     [](const engine::Column& c) { return !c.derived; });
    try {
        report::write_template(args.out, program.schema, kind);
    } catch (const text::FileError& e) {
        fmt::print(stderr, "{}", text::render(e.problem, lang()));
        return kExitUsage;
    }
    fmt::print("{}\n", in_lang(text::say(given == 1 ? "cli.template.wrote.1" : "cli.template.wrote", text::printable(args.out),
                                          given, args.kind)));
    return kExitOk;
}

void add_template(CLI::App& app, Run& run) {
    auto args = std::make_shared<TemplateArgs>();
    CLI::App* cmd = app.add_subcommand("template", in_lang(text::say("cli.template")));
    add_rules_option(*cmd, args->rules);
    cmd->add_option("--out", args->out, in_lang(text::say("cli.template.out")))->required();
    cmd->add_option("--kind", args->kind, in_lang(text::say("cli.template.kind")))
        ->check(CLI::IsMember({"thon", "xa", "huyen", "tinh"}));
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_template);
}

}  // namespace ntm::cli
