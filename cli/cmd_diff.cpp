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
    std::string old_spec, new_spec;  // as given: paths joined by commas
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
        side.loaded.rules = load_checked_rules(paths, code, args.limits);
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

// The year a side judges the data of `year` in: `year`, or — for a chosen set not in force that
// year — the nearest year it is; then `shifted` gets the records of `year` as of that year.
int judged_year(const engine::Program& program, std::uint32_t set, int year, const engine::Dataset& data,
                engine::Dataset& shifted, std::vector<std::string>& notes) {
    if (set == engine::kNone) return year;
    const engine::SetDef& def = program.sets[set];
    const int judged = std::clamp(year, def.valid_from, def.valid_to);
    if (judged == year) return year;
    shifted = data;
    std::vector<engine::Record> kept;
    for (engine::Record r : shifted.records) {
        if (r.year != year) continue;
        r.year = judged;
        kept.push_back(r);
    }
    shifted.records = std::move(kept);
    notes.push_back(fmt::format("Bộ {} có hiệu lực {}-{}: số liệu năm {} được đánh giá theo bộ này như năm {}.", def.name,
                                def.valid_from, def.valid_to, year, judged));
    return judged;
}

}  // namespace

int run_diff(const DiffArgs& args) {
    const std::vector<std::string> old_paths = split_paths(args.old_spec);
    const std::vector<std::string> new_paths = args.new_spec.empty() ? old_paths : split_paths(args.new_spec);
    if (old_paths.empty() || new_paths.empty()) {
        fmt::print(stderr, "error: no rule path given\n");
        return kExitUsage;
    }
    const bool same_rules = new_paths == old_paths;
    const bool trend = same_rules && args.old_set.empty() && args.new_set.empty();
    if (trend && args.data.empty()) {
        fmt::print(stderr, "error: nothing to compare: give two rule trees (OLD NEW), two sets (--old-set, --new-set), "
                           "or two years of data (--data FILE --old-year Y0 --year Y)\n");
        return kExitUsage;
    }
    if (trend && !args.old_year) {
        fmt::print(stderr, "error: the same rules on both sides: give the year to compare with (--old-year)\n");
        return kExitUsage;
    }
    if (args.format == "xlsx" && (args.out.empty() || args.out == "-")) {
        fmt::print(stderr, "error: --format xlsx writes a workbook: give its path with --out\n");
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
    run.rules_compared = !trend;
    run.limit = args.list;
    run.data_file = args.data;
    const std::string old_label = args.old_set.empty() ? label(old_paths) : args.old_set;
    const std::string new_label = args.new_set.empty() ? label(new_paths) : args.new_set;
    if (!trend) {
        run.structure = diff::compare_rules({&old_side.loaded.program, old_side.set, old_label},
                                            {&new_side->loaded.program, new_set, new_label});
    }
    bool errors = false;
    if (!args.data.empty()) {
        const std::vector<int> years = old_side.loaded.data.years();
        if (years.empty()) {
            fmt::print(stderr, "{}: error: no record to judge\n", text::printable(args.data));
            return kExitRules;
        }
        const int year = args.year.value_or(years.back());
        const int old_year = args.old_year.value_or(year);
        for (int y : {old_year, year}) {
            if (std::find(years.begin(), years.end(), y) == years.end()) {
                fmt::print(stderr, "{}: error: no record of year {} (the data has {})\n", text::printable(args.data), y,
                           fmt::join(years, ", "));
                return kExitUsage;
            }
        }
        errors = any_error(old_side.loaded.data.problems) || any_error(new_side->loaded.data.problems);
        // A set chosen outside its years judges the data as of its nearest year (its thresholds by
        // year have no value in the others), and the output says so.
        const engine::Dataset* old_data = &old_side.loaded.data;
        const engine::Dataset* new_data = &new_side->loaded.data;
        engine::Dataset old_shifted, new_shifted;
        const int old_judged = judged_year(old_side.loaded.program, old_side.set, old_year, *old_data, old_shifted, run.notes);
        if (old_judged != old_year) old_data = &old_shifted;
        const int new_judged = judged_year(new_side->loaded.program, new_set, year, *new_data, new_shifted, run.notes);
        if (new_judged != year) new_data = &new_shifted;
        const engine::Evaluation old_eval = engine::evaluate(old_side.loaded.program, *old_data,
                                                             {old_judged, args.threads, old_side.set});
        const engine::Evaluation new_eval = engine::evaluate(new_side->loaded.program, *new_data,
                                                             {new_judged, args.threads, new_set});
        for (const engine::Evaluation* e : {&old_eval, &new_eval}) {
            fmt::print(stderr, "{}", text::render(e->problems));
            errors = errors || any_error(e->problems);
        }
        // Judged as of another year, the entities of other kinds than the set's would be judged by
        // that year's sets too: only the set's kind is compared then.
        std::size_t only = engine::kKindCount;
        if (old_judged != old_year || new_judged != year) {
            const std::uint32_t s = new_set != engine::kNone ? new_set : old_side.set;
            const engine::Program& p = new_set != engine::kNone ? new_side->loaded.program : old_side.loaded.program;
            only = engine::kind_index(p.sets[s].kind);
            run.notes.push_back("Vì vậy chỉ so sánh các đơn vị cùng cấp với bộ tiêu chí được chọn.");
        }
        run.impact = diff::compare_results({&old_side.loaded.program, old_data, &old_eval},
                                           {&new_side->loaded.program, new_data, &new_eval}, only);
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
            fmt::print(stderr, "{}", text::render(e.problem));
            return kExitUsage;
        }
        return errors ? kExitRules : kExitOk;
    }
    std::string bytes;
    if (args.format == "json") {
        bytes = diff::render_diff_json(run);
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
        "diff", "Compare two versions of the rules (or two sets, or two years of data): what changed, and whom it affects");
    cmd->add_option("old", args->old_spec, "The old rules: a file or directory, or several joined by commas")->required();
    cmd->add_option("new", args->new_spec,
                    "The new rules, likewise (default: the old ones, to compare two sets or two years)");
    cmd->add_option("--old-set", args->old_set, "Compare this set of the old rules (and judge by it)");
    cmd->add_option("--new-set", args->new_set, "…with this set of the new rules");
    cmd->add_option("--data", args->data, "Judge this data file (.csv, .xlsx or .json) by both sides");
    cmd->add_option("--sheet", args->sheet, "Sheet of an .xlsx data file (default: the first)");
    cmd->add_option("--units", args->units, "Check units against the official lists (official) or not (none)")
        ->check(CLI::IsMember({"official", "none"}));
    cmd->add_option("--year", args->year, "The year judged (default: the last in the data)");
    cmd->add_option("--old-year", args->old_year, "Judge the old side in this year (the trend between two years)");
    cmd->add_option("--format", args->format, "Output format: text, json or xlsx (default: text)")
        ->check(CLI::IsMember({"text", "json", "xlsx"}));
    cmd->add_option("--out", args->out, "Write to this file instead of standard output (required for xlsx)");
    cmd->add_option("--list", args->list, "In text, list at most this many entities one by one (default: all)");
    add_threads_option(*cmd, args->threads);
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_diff);
}

}  // namespace ntm::cli
