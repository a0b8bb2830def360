#include <fmt/format.h>

#include "cli/commands.hpp"
#include "data/merge_table.hpp"
#include "data/units.hpp"
#include "data/write.hpp"
#include "engine/evaluate.hpp"
#include "merge/merge.hpp"
#include "report/text_merge.hpp"
#include "text/utf8.hpp"

namespace ntm::cli {

namespace {

struct MergeArgs {
    std::vector<std::string> rules;
    std::string data;
    std::string sheet;
    std::string units = "official";  // --units: official lists checked, or none
    std::optional<int> year;
    std::string table;                   // conversion table; empty: the bundled official one
    std::string new_units;               // units of the two-tier map; empty: the bundled list
    std::vector<std::string> provinces;  // new province codes; empty: those the data reaches
    std::string format;                  // csv | json; default: from the extension of `out`
    std::string out;
    text::Limits limits;
};

void print(const std::vector<text::Problem>& problems) { fmt::print(stderr, "{}", text::render(problems, lang())); }

}  // namespace

// Carries one year of old-map data into the new communes (docs/merge.md): writes their data
// and prints what happened to each.
int run_merge(const MergeArgs& args) {
    const data::LoadOptions options = load_options(args.units, args.sheet, args.limits, args.year);
    Loaded loaded = load_rules_and_data(args.rules, args.data, options);
    if (loaded.exit_code != kExitOk) return loaded.exit_code;
    const engine::Dataset& old = loaded.data;
    if (!year_found(old, args.data, args.year)) return kExitUsage;
    const std::vector<int> years = old.years();
    if (!args.year && years.size() > 1) {
        print_error(args.data, text::say("cli.merge.several_years", years.size(), years.front(), years.back()));
        return kExitUsage;
    }
    if (years.empty()) {
        print_error(args.data, text::say("cli.merge.nothing"));
        return kExitUsage;
    }
    const int year = args.year.value_or(years.front());
    // Only communes of the map before 01/7/2025 are carried: data on the map since are the new
    // communes already.
    std::size_t old_map = 0, new_map = 0;
    for (const engine::Record& r : old.records) {
        const engine::Entity& e = old.entities[r.entity];
        if (r.year != year || e.kind != engine::EntityKind::xa) continue;
        ++(e.map == engine::AdminMap::two_tier ? new_map : old_map);
    }
    if (old_map == 0 && new_map > 0) {
        print_error(args.data, text::say("cli.merge.new_map_only", year, new_map));
        return kExitUsage;
    }

    std::vector<Input> inputs = loaded.inputs;
    std::vector<text::Problem> problems;
    data::MergeTable read_table;
    if (!args.table.empty()) {
        inputs.push_back({"the conversion table", args.table});
        read_table = data::read_merge_table(args.table, problems);
    }
    data::AdminUnits read_units;
    if (!args.new_units.empty()) {
        inputs.push_back({"the units file", args.new_units});
        read_units = data::read_units(args.new_units, problems);
    }
    if (!problems.empty()) {
        print(problems);
        return kExitUsage;
    }
    const data::MergeTable& table = args.table.empty() ? data::official_merge_table() : read_table;
    const data::AdminUnits& units = args.new_units.empty() ? data::official_units(engine::AdminMap::two_tier) : read_units;
    const bool to_stdout = args.out == "-";
    if (!to_stdout && !not_an_input(args.out, inputs)) return kExitUsage;

    merge::CarryOptions carry;
    carry.year = year;
    carry.provinces = args.provinces;
    for (const std::string& code : carry.provinces) {
        if (units.find(engine::EntityKind::tinh, code) == engine::kNone) {
            print_error(text::say("cli.merge.no_province", text::printable(code)));
            return kExitUsage;
        }
    }
    const merge::Carried carried = merge::carry(loaded.program, old, table, units, carry);
    if (carried.communes.empty()) {
        print_error(args.data, text::say("cli.merge.not_in_table", year, text::printable(table.path)));
        return kExitRules;
    }
    const engine::Evaluation before = engine::evaluate(loaded.program, old, {year, 0, engine::kNone});
    const engine::Evaluation after = engine::evaluate(loaded.program, carried.data, {year, 0, engine::kNone});

    std::string format = args.format;
    if (format.empty()) format = args.out.ends_with(".json") ? "json" : "csv";
    const std::string bytes = format == "json" ? data::write_json(loaded.program, carried.data)
                                               : data::write_csv(loaded.program, carried.data);
    if (!to_stdout && !write_output(args.out, bytes, inputs)) return kExitUsage;

    report::MergeRun run;
    run.data_file = args.data;
    run.table_file = table.path;
    run.out_file = to_stdout ? std::string() : args.out;
    run.year = year;
    run.old = &old;
    run.before = &before;
    run.carried = &carried;
    run.after = &after;
    run.table = &table;
    fmt::print("{}", report::render_merge_text(loaded.program, run));
    if (to_stdout) fmt::print("\n{}", bytes);  // the new communes' data after what happened to them
    return any_error(old.problems) ? kExitRules : kExitOk;
}

void add_merge(CLI::App& app, Run& run) {
    auto args = std::make_shared<MergeArgs>();
    CLI::App* cmd = app.add_subcommand(
        "merge", in_lang(text::say("cli.merge")));
    add_rules_option(*cmd, args->rules);
    add_data_options(*cmd, args->data, args->sheet, args->units);
    add_year_option(*cmd, args->year, in_lang(text::say("cli.merge.year")));
    cmd->add_option("--table", args->table,
                    in_lang(text::say("cli.merge.table")));
    cmd->add_option("--new-units", args->new_units,
                    in_lang(text::say("cli.merge.new_units")));
    cmd->add_option("--province", args->provinces,
                    in_lang(text::say("cli.merge.province")));
    cmd->add_option("--format", args->format, in_lang(text::say("cli.merge.format")))
        ->check(CLI::IsMember({"csv", "json"}));
    cmd->add_option("--out", args->out, in_lang(text::say("cli.merge.out")))->required();
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_merge);
}

}  // namespace ntm::cli
