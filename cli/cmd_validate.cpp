#include <fmt/format.h>

#include "cli/commands.hpp"
#include "report/text.hpp"

namespace ntm::cli {

namespace {

struct ValidateArgs {
    std::vector<std::string> rules;
    std::string data;
    std::string sheet;  // the sheet of an .xlsx data file (default: the first)
    std::string units = "official";  // --units: official lists checked, or none
    text::Limits limits;  // --limit: what an input may hold
};

}  // namespace

// Reads the data and reports every problem; an error (a record rejected, a value ignored) makes
// the run fail.
int run_validate(const ValidateArgs& args) {
    const data::LoadOptions options = load_options(args.units, args.sheet, args.limits);
    const Loaded loaded = load_rules_and_data(args.rules, args.data, options);
    if (loaded.exit_code != kExitOk) return loaded.exit_code;
    const engine::Dataset& data = loaded.data;
    fmt::print("{}\n", in_lang(text::say("cli.validate.counts", data.read, data.records.size(), data.rejected)));
    return data.rejected > 0 || any_error(data.problems) ? kExitRules : kExitOk;
}

void add_validate(CLI::App& app, Run& run) {
    auto args = std::make_shared<ValidateArgs>();
    CLI::App* cmd = app.add_subcommand("validate", in_lang(text::say("cli.validate")));
    add_rules_option(*cmd, args->rules);
    add_data_options(*cmd, args->data, args->sheet, args->units);
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_validate);
}

}  // namespace ntm::cli
