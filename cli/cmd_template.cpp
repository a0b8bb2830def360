#include <fmt/format.h>

#include <algorithm>

#include "cli/commands.hpp"
#include "data/vocabulary.hpp"
#include "report/xlsx.hpp"
#include "text/utf8.hpp"

namespace ntm::cli {

namespace {

// Writes the data-entry workbook (.xlsx): see report/xlsx.hpp.
struct TemplateArgs {
    std::vector<std::string> rules;
    std::string out;
    std::string kind;  // thon | xa | huyen | tinh; empty: every kind the sets in force judge
    int year = 2026;   // the sets in force, and the map of the units
    std::string province, district;
    text::Limits limits;  // --limit: what an input may hold
};

}  // namespace

// Checks and compiles the rules, then writes the data-entry workbook of the sets in force in
// the year: a sheet per kind, the inputs they read, the units of the province pre-filled; ready
// to be filled in and read back by eval and validate.
int run_template(const TemplateArgs& args) {
    report::TemplateOptions options;
    options.year = args.year;
    options.province = args.province;
    options.district = args.district;
    if (!args.kind.empty()) {
        const auto kind_at = std::find(dsl::kKindNames.begin(), dsl::kKindNames.end(), args.kind);
        if (kind_at == dsl::kKindNames.end()) {
            print_error(text::say("cli.template.unknown_kind", text::printable(args.kind)));
            return kExitUsage;
        }
        options.kind = static_cast<engine::EntityKind>(kind_at - dsl::kKindNames.begin());
    }
    if (!args.district.empty() && args.province.empty()) {
        print_error(text::say("template.district_alone", text::printable(args.district)));
        return kExitUsage;
    }
    int exit_code = kExitOk;
    const auto rules = load_checked_rules(args.rules, exit_code, args.limits);
    if (exit_code != kExitOk) return exit_code;
    if (!not_an_input(args.out, rule_inputs(*rules))) return kExitUsage;
    const engine::Program program = engine::compile(*rules);
    const report::TemplatePlan plan = report::plan_template(program, options);
    if (!plan.error.empty()) {
        print_error(plan.error);
        return kExitUsage;
    }
    if (plan.sheets.empty()) {
        print_error(text::say("template.no_sets", args.year));
        return kExitUsage;
    }
    try {
        report::write_template(args.out, plan);
    } catch (const text::FileError& e) {
        fmt::print(stderr, "{}", text::render(e.problem, lang()));
        return kExitUsage;
    }
    std::size_t inputs = 0, units = 0;
    std::vector<std::string> names;
    for (const report::TemplateSheet& s : plan.sheets) {
        inputs += s.inputs.size();
        units += s.units.size();
        names.push_back(s.name);
    }
    fmt::print("{}\n", in_lang(text::say("template.wrote", text::printable(args.out), args.year,
                                         fmt::format("{}", fmt::join(names, ", ")), inputs, units)));
    return kExitOk;
}

void add_template(CLI::App& app, Run& run) {
    auto args = std::make_shared<TemplateArgs>();
    CLI::App* cmd = app.add_subcommand("template", in_lang(text::say("cli.template")));
    add_rules_option(*cmd, args->rules);
    cmd->add_option("--out", args->out, in_lang(text::say("cli.template.out")))->required();
    cmd->add_option("--year", args->year, in_lang(text::say("template.opt.year")))
        ->check(CLI::Range(data::kYearMin, data::kYearMax));
    cmd->add_option("--province", args->province, in_lang(text::say("template.opt.province")));
    cmd->add_option("--district", args->district, in_lang(text::say("template.opt.district")));
    cmd->add_option("--kind", args->kind, in_lang(text::say("cli.template.kind")))
        ->check(CLI::IsMember({"thon", "xa", "huyen", "tinh"}));
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_template);
}

}  // namespace ntm::cli
