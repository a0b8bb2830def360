#include <algorithm>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/entities.hpp"
#include "dsl/diagnostics.hpp"
#include "text/suggest.hpp"
#include "text/utf8.hpp"
#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "report/text.hpp"

namespace ntm::cli {

namespace {

struct ExplainArgs {
    std::vector<std::string> rules;
    std::string data;
    std::optional<int> year;  // default: the latest year the entity has a record for
    std::string entity;       // a code or a name
    std::string set;          // judge by this criteria set instead of the one in force
    std::string sheet;        // the sheet of an .xlsx data file (default: the first)
    std::string units = "official";  // --units: official lists checked, or none
    text::Limits limits;  // --limit: what an input may hold
};

}  // namespace


// Explains one entity's verdict in one year: the latest year it has a record for, unless a
// year is asked for.
int run_explain(const ExplainArgs& args) {
    const data::LoadOptions options = load_options(args.units, args.sheet, args.limits);
    Loaded loaded = load_rules_and_data(args.rules, args.data, options);
    if (loaded.exit_code != kExitOk) return loaded.exit_code;
    const engine::Dataset& data = loaded.data;

    const std::optional<std::uint32_t> picked = pick_entity(data, args.data, args.entity);
    if (!picked) return kExitUsage;
    const std::uint32_t entity = *picked;

    std::vector<int> years;
    for (const engine::Record& rec : data.records) {
        if (rec.entity == entity) years.push_back(rec.year);
    }
    std::sort(years.begin(), years.end());
    if (years.empty()) {
        print_error(args.data, text::say("cli.no_accepted_record", describe(data, data.entities[entity])));
        return kExitUsage;
    }
    const int year = args.year.value_or(years.back());
    if (std::find(years.begin(), years.end(), year) == years.end()) {
        print_error(args.data, text::say("cli.no_record_of_year_entity", describe(data, data.entities[entity]), year,
                                         fmt::format("{}", fmt::join(years, ", "))));
        return kExitUsage;
    }

    std::uint32_t set = engine::kNone;
    if (!chosen_set(args.set, loaded.program, set)) return kExitUsage;
    const engine::Evaluation ev = engine::evaluate(loaded.program, data, {year, 0, set, false});
    fmt::print(stderr, "{}", text::render(ev.problems, lang()));
    for (std::uint32_t r = 0; r < ev.entities.size(); ++r) {
        if (data.records[ev.entities[r].record].entity != entity) continue;
        const engine::EntityExplanation x = engine::explain(loaded.program, data, ev, r);
        fmt::print("{}", report::render_explanation_text(x, data));
        return any_error(data.problems) || any_error(ev.problems) ? kExitRules : kExitOk;
    }
    return kExitUsage;  // unreachable: the entity has a record of the year
}

void add_explain(CLI::App& app, Run& run) {
    auto args = std::make_shared<ExplainArgs>();
    CLI::App* cmd = app.add_subcommand("explain", in_lang(text::say("cli.explain")));
    add_rules_option(*cmd, args->rules);
    add_data_options(*cmd, args->data, args->sheet, args->units);
    add_year_option(*cmd, args->year, in_lang(text::say("cli.explain.year")));
    cmd->add_option("entity", args->entity, in_lang(text::say("cli.explain.entity")))->required();
    add_set_option(*cmd, args->set);
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_explain);
}

}  // namespace ntm::cli
