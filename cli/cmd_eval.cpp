#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <system_error>

#include "cli/commands.hpp"
#include "engine/evaluate.hpp"
#include "report/json.hpp"
#include "report/text.hpp"

namespace ntm::cli {

namespace {

struct EvalArgs {
    std::vector<std::string> rules;
    std::string data;
    std::optional<int> year;
    std::string format = "text";  // text | json
    unsigned threads = 0;
    std::string set;  // judge by this criteria set instead of the one in force
    std::string sheet;  // the sheet of an .xlsx data file (default: the first)
    std::string units = "official";  // --units: official lists checked, or none
    text::Limits limits;  // --limit: what an input may hold
};

}  // namespace

// Evaluates every year of the data (or the one asked for) and prints the result, after the
// data problems.
int run_eval(const EvalArgs& args) {
    const data::LoadOptions options = load_options(args.units, args.sheet, args.limits, args.year);
    Loaded loaded = load_rules_and_data(args.rules, args.data, options);
    if (loaded.exit_code != kExitOk) return loaded.exit_code;
    const engine::Dataset& data = loaded.data;
    if (!year_found(data, args.data, args.year)) return kExitUsage;
    std::uint32_t set = engine::kNone;
    if (!chosen_set(args.set, loaded.program, set)) return kExitUsage;
    bool errors = any_error(data.problems);
    report::EvalRun run;
    run.rule_files = loaded.rule_files;
    run.data_file = args.data;
    for (const int year : data.years()) {
        run.years.push_back(engine::evaluate(loaded.program, data, {year, args.threads, set, false}));
        fmt::print(stderr, "{}", text::render(run.years.back().problems, lang()));
        errors = errors || any_error(run.years.back().problems);
    }
    if (args.format == "json") {
        // One entity at a time: the document of a whole country does not have to fit in memory.
        // A failed write ends the run (main tells why).
        if (!report::write_eval_json(stdout, loaded.program, data, run, args.threads)) throw std::system_error(errno, std::generic_category());
    } else {
        fmt::print("{}", report::render_eval_run_text(loaded.program, data, run));
    }
    return errors ? kExitRules : kExitOk;
}

void add_eval(CLI::App& app, Run& run) {
    auto args = std::make_shared<EvalArgs>();
    CLI::App* cmd = app.add_subcommand("eval", in_lang(text::say("cli.eval")));
    add_rules_option(*cmd, args->rules);
    add_data_options(*cmd, args->data, args->sheet, args->units);
    add_year_option(*cmd, args->year, in_lang(text::say("cli.eval.year")));
    cmd->add_option("--format", args->format, in_lang(text::say("cli.eval.format")))->check(CLI::IsMember({"text", "json"}));
    add_threads_option(*cmd, args->threads);
    add_set_option(*cmd, args->set);
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_eval);
}

}  // namespace ntm::cli
