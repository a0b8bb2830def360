#include <fmt/format.h>

#include <algorithm>

#include "cli/commands.hpp"
#include "diff/render.hpp"
#include "engine/evaluate.hpp"
#include "text/files.hpp"
#include "text/utf8.hpp"

namespace ntm::cli {

namespace {

struct DiffArgs {
    std::string old_spec;                // as given: paths joined by commas
    std::vector<std::string> new_specs;  // likewise, one or more
    std::string old_set, new_set;
    std::string data;
    std::optional<int> year, old_year;
    std::string format = "text";  // text | json | md | html | xlsx
    std::string out;
    std::size_t list = 0;  // entities listed one by one in text (0: all)
    unsigned threads = 0;
    std::string sheet;
    std::string units = "official";
    text::Limits limits;
};

// One side: its rules compiled, and the data read against them.
struct Side {
    Loaded loaded;
    std::uint32_t set = engine::kNone;
    engine::Evaluation evaluation;
};

// "rules/,extra.ntm" → its paths.
std::vector<std::string> split_paths(const std::string& spec) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= spec.size()) {
        const std::size_t comma = std::min(spec.find(',', from), spec.size());
        if (comma > from) out.push_back(spec.substr(from, comma - from));
        from = comma + 1;
    }
    return out;
}

std::string label(const std::vector<std::string>& paths) { return fmt::format("{}", fmt::join(paths, ", ")); }

bool load_side(const DiffArgs& args, const std::vector<std::string>& paths, Side& side, int& code) {
    if (args.data.empty()) {
        side.loaded.rules = load_checked_rules(paths, code, args.limits, args.units != "none");
        if (code != kExitOk) return false;
        side.loaded.program = engine::compile(*side.loaded.rules);
        side.loaded.inputs = rule_inputs(*side.loaded.rules);
        return true;
    }
    // Every year is read: the trend view judges two of them.
    side.loaded = load_rules_and_data(paths, args.data, load_options(args.units, args.sheet, args.limits));
    code = side.loaded.exit_code;
    return code == kExitOk;
}

// A set chosen outside its years is judged as of its nearest year (engine::EvaluateOptions::set):
// the output says so.
void note_years(const engine::Program& program, std::uint32_t set, int year, std::vector<std::string>& notes) {
    if (set == engine::kNone) return;
    const engine::SetDef& def = program.sets[set];
    const int judged = std::clamp(year, def.valid_from, def.valid_to);
    if (judged == year) return;
    notes.push_back(fmt::format("Bộ {} có hiệu lực {}-{}: số liệu năm {} được đánh giá theo các mức của bộ năm {}.",
                                def.name, def.valid_from, def.valid_to, year, judged));
}

}  // namespace

int run_diff(const DiffArgs& args) {
    const std::vector<std::string> old_paths = split_paths(args.old_spec);
    std::vector<std::string> new_paths;
    for (const std::string& spec : args.new_specs) {
        for (std::string& p : split_paths(spec)) new_paths.push_back(std::move(p));
    }
    if (args.new_specs.empty()) new_paths = old_paths;
    if (old_paths.empty() || new_paths.empty()) {
        print_error(text::say("cli.diff.no_path"));
        return kExitUsage;
    }
    const bool same_rules = new_paths == old_paths;
    const bool sets_chosen = !args.old_set.empty() || !args.new_set.empty();
    if (same_rules && !sets_chosen && (args.data.empty() || !args.old_year)) {
        print_error(text::say("cli.diff.nothing"));
        return kExitUsage;
    }
    if (args.format == "xlsx" && (args.out.empty() || args.out == "-")) {
        print_error(text::say("cli.xlsx_needs_out"));
        return kExitUsage;
    }
    int code = kExitOk;
    Side old_side, new_side_own;
    if (!load_side(args, old_paths, old_side, code)) return code;
    Side* new_side = &old_side;
    if (!same_rules) {
        if (!load_side(args, new_paths, new_side_own, code)) return code;
        new_side = &new_side_own;
    }
    if (!chosen_set(args.old_set, old_side.loaded.program, old_side.set)) return kExitUsage;
    std::uint32_t new_set = engine::kNone;
    if (!chosen_set(args.new_set, new_side->loaded.program, new_set)) return kExitUsage;

    diff::DiffRun run;
    run.limit = args.list;
    run.data_file = args.data;
    const std::string old_label = args.old_set.empty() ? label(old_paths) : args.old_set;
    const std::string new_label = args.new_set.empty() ? label(new_paths) : args.new_set;
    run.structure = diff::compare_rules({&old_side.loaded.program, old_side.set, old_label},
                                        {&new_side->loaded.program, new_set, new_label});
    // The same rules (or rules without a change) over two years: the trend view, without the rules.
    run.rules_compared = !(run.structure.changes.empty() && args.old_year && !sets_chosen);
    bool errors = false;
    if (!args.data.empty()) {
        const std::vector<int> years = old_side.loaded.data.years();
        if (years.empty()) {
            print_error(args.data, text::say("cli.no_record_to_judge"));
            return kExitRules;
        }
        const int year = args.year.value_or(years.back());
        const int old_year = args.old_year.value_or(year);
        for (int y : {old_year, year}) {
            if (std::find(years.begin(), years.end(), y) == years.end()) {
                print_error(args.data, text::say("cli.no_record_of_year_data", y, fmt::format("{}", fmt::join(years, ", "))));
                return kExitUsage;
            }
        }
        errors = any_error(old_side.loaded.data.problems) || any_error(new_side->loaded.data.problems);
        note_years(old_side.loaded.program, old_side.set, old_year, run.notes);
        note_years(new_side->loaded.program, new_set, year, run.notes);
        const engine::Evaluation old_eval = engine::evaluate(old_side.loaded.program, old_side.loaded.data,
                                                             {old_year, args.threads, old_side.set});
        const engine::Evaluation new_eval = engine::evaluate(new_side->loaded.program, new_side->loaded.data,
                                                             {year, args.threads, new_set});
        for (const engine::Evaluation* e : {&old_eval, &new_eval}) {
            fmt::print(stderr, "{}", text::render(e->problems, lang()));
            errors = errors || any_error(e->problems);
        }
        run.impact = diff::compare_results({&old_side.loaded.program, &old_side.loaded.data, &old_eval},
                                           {&new_side->loaded.program, &new_side->loaded.data, &new_eval});
        run.impact->old_year = old_year;
        run.impact->new_year = year;
    }

    std::vector<Input> inputs = old_side.loaded.inputs;
    if (new_side != &old_side) inputs.insert(inputs.end(), new_side->loaded.inputs.begin(), new_side->loaded.inputs.end());
    if (args.format == "xlsx") {
        if (!not_an_input(args.out, inputs)) return kExitUsage;
        try {
            diff::write_diff_xlsx(run, args.out);
        } catch (const text::FileError& e) {
            fmt::print(stderr, "{}", text::render(e.problem, lang()));
            return kExitUsage;
        }
        return errors ? kExitRules : kExitOk;
    }
    std::string bytes;
    if (args.format == "json") {
        bytes = diff::render_diff_json(run);
    } else if (args.format == "md") {
        bytes = diff::render_diff_md(run);
    } else if (args.format == "html") {
        bytes = diff::render_diff_html(run);
    } else {
        bytes = diff::render_diff_text(run);
    }
    if (args.out.empty() || args.out == "-") {
        fmt::print("{}", bytes);
    } else if (!write_output(args.out, bytes, inputs)) {
        return kExitUsage;
    }
    return errors ? kExitRules : kExitOk;
}

void add_diff(CLI::App& app, Run& run) {
    auto args = std::make_shared<DiffArgs>();
    CLI::App* cmd = app.add_subcommand(
        "diff", in_lang(text::say("cli.diff")));
    cmd->add_option("old", args->old_spec, in_lang(text::say("cli.diff.old")))->required();
    cmd->add_option("new", args->new_specs,
                    in_lang(text::say("cli.diff.new")));
    cmd->add_option("--old-set", args->old_set, in_lang(text::say("cli.diff.old_set")));
    cmd->add_option("--new-set", args->new_set, in_lang(text::say("cli.diff.new_set")));
    cmd->add_option("--data", args->data, in_lang(text::say("cli.diff.data")));
    cmd->add_option("--sheet", args->sheet, in_lang(text::say("cli.diff.sheet")));
    cmd->add_option("--units", args->units, in_lang(text::say("cli.diff.units")))
        ->check(CLI::IsMember({"official", "none"}));
    cmd->add_option("--year", args->year, in_lang(text::say("cli.diff.year")));
    cmd->add_option("--old-year", args->old_year, in_lang(text::say("cli.diff.old_year")));
    cmd->add_option("--format", args->format, in_lang(text::say("cli.diff.format")))
        ->check(CLI::IsMember({"text", "json", "md", "html", "xlsx"}));
    cmd->add_option("--out", args->out, in_lang(text::say("cli.diff.out")));
    cmd->add_option("--list", args->list, in_lang(text::say("cli.diff.list")));
    add_threads_option(*cmd, args->threads);
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_diff);
}

}  // namespace ntm::cli
