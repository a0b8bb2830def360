#include <fmt/format.h>

#include <chrono>
#include <charconv>

#include "cli/commands.hpp"
#include "generate/generate.hpp"
#include "text/utf8.hpp"

namespace ntm::cli {

namespace {

struct GenerateArgs {
    std::vector<std::string> rules;
    std::string units;                   // administrative units file; empty: the bundled list of the years' map
    std::vector<std::string> provinces;  // codes; none and no districts: every province
    std::vector<std::string> districts;  // codes
    std::string years;                   // "2022-2024" or "2024"
    std::uint64_t seed = 1;
    std::string scenario;                // scenario file, optional
    std::string format;                  // csv | json; default: from the extension of `out`
    std::string out;
    unsigned threads = 0;
    text::Limits limits;                 // --limit: what an input may hold
};

}  // namespace

namespace {

// Each year is a copy of every record: a bound keeps a typo (2022-2202) from exhausting memory.
constexpr int kMaxYears = 30;
// The first year whose data is on the map of two tiers by default (the map changed on 01/7/2025:
// a year's data describes the units at its end).
constexpr int kFirstTwoTierYear = 2026;

// "2022-2024" or "2024".
bool parse_years(const std::string& text, int& from, int& to) {
    const std::size_t dash = text.find('-');
    auto year = [](std::string_view s, int& out) {
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
        return ec == std::errc() && end == s.data() + s.size() && s.size() == 4 && out >= 1900 && out <= 2100;
    };
    const std::string_view all(text);
    if (!year(all.substr(0, dash), from)) return false;
    if (dash == std::string::npos) {
        to = from;
        return true;
    }
    return year(all.substr(dash + 1), to) && from <= to;
}

void print(const std::vector<text::Problem>& problems) { fmt::print(stderr, "{}", text::render(problems, lang())); }

}  // namespace

// Generates a data file for the selected units and years (docs/generate.md).
int run_generate(const GenerateArgs& args) {
    const auto started = std::chrono::steady_clock::now();
    gen::GenerateOptions options;
    options.provinces = args.provinces;
    options.districts = args.districts;
    options.seed = args.seed;
    options.threads = args.threads;
    if (!parse_years(args.years, options.from, options.to)) {
        print_error(text::say("cli.generate.bad_years", text::printable(args.years)));
        return kExitUsage;
    }
    if (options.to - options.from >= kMaxYears) {
        print_error(text::say("cli.generate.too_many_years", text::printable(args.years), kMaxYears));
        return kExitUsage;
    }
    std::string format = args.format;
    if (format.empty()) format = args.out.size() >= 5 && args.out.ends_with(".json") ? "json" : "csv";

    int exit_code = kExitOk;
    const std::unique_ptr<dsl::Rules> rules = load_checked_rules(args.rules, exit_code, args.limits);
    if (exit_code != kExitOk) return exit_code;
    std::vector<Input> inputs = rule_inputs(*rules);
    if (!args.units.empty()) inputs.push_back({"cli.input.units_file", args.units});
    if (!args.scenario.empty()) inputs.push_back({"cli.input.scenario", args.scenario});
    if (!not_an_input(args.out, inputs)) return kExitUsage;
    const engine::Program program = engine::compile(*rules);

    // No --units: the official list of the map of the years, built into the binary.
    const bool two_tier = options.from >= kFirstTwoTierYear;
    if (args.units.empty() && !two_tier && options.to >= kFirstTwoTierYear) {
        print_error(text::say("cli.generate.two_maps", text::printable(args.years), kFirstTwoTierYear - 1, kFirstTwoTierYear));
        return kExitUsage;
    }
    std::vector<text::Problem> problems;
    data::AdminUnits read;
    if (!args.units.empty()) {
        read = data::read_units(args.units, problems);
        if (!problems.empty()) {
            print(problems);
            return kExitUsage;
        }
    }
    const data::AdminUnits& units =
        args.units.empty()
            ? data::official_units(two_tier ? engine::AdminMap::two_tier : engine::AdminMap::three_tier)
            : read;
    gen::Scenario scenario;
    if (!args.scenario.empty()) {
        scenario = gen::read_scenario(args.scenario, program, units, options, problems);
        if (!problems.empty()) {
            print(problems);
            return kExitUsage;
        }
    }
    const gen::Generated generated = gen::generate(program, units, scenario, options, problems);
    if (!problems.empty()) {
        print(problems);
        return kExitUsage;
    }
    print(generated.warnings);

    const std::string bytes = format == "json" ? data::write_json(program, generated.data)
                                               : data::write_csv(program, generated.data, gen::yes_no_words(program));
    if (!write_output(args.out, bytes, inputs)) return kExitUsage;

    std::array<std::size_t, engine::kKindCount> per_kind{};
    for (const engine::Entity& e : generated.data.entities) ++per_kind[engine::kind_index(e.kind)];
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    fmt::print(stderr, "{}", in_lang(text::say("cli.generate.wrote",
               text::printable(args.out), per_kind[engine::kind_index(engine::EntityKind::tinh)],
               per_kind[engine::kind_index(engine::EntityKind::huyen)], per_kind[engine::kind_index(engine::EntityKind::xa)],
               per_kind[engine::kind_index(engine::EntityKind::thon)], options.from, options.to,
               generated.data.records.size(), bytes.size())));
    const std::size_t directives = generated.directives_met + generated.warnings.size();
    if (directives > 0) fmt::print(stderr, "{}", in_lang(text::say("cli.generate.pinned", generated.directives_met, directives)));
    fmt::print(stderr, " ({:.1f} s)\n", static_cast<double>(ms.count()) / 1000.0);
    return kExitOk;
}

void add_generate(CLI::App& app, Run& run) {
    auto args = std::make_shared<GenerateArgs>();
    CLI::App* cmd = app.add_subcommand("generate", in_lang(text::say("cli.generate")));
    add_rules_option(*cmd, args->rules);
    cmd->add_option("--units", args->units,
                    in_lang(text::say("cli.generate.units")));
    cmd->add_option("--province", args->provinces, in_lang(text::say("cli.generate.province")));
    cmd->add_option("--district", args->districts, in_lang(text::say("cli.generate.district")));
    cmd->add_option("--years", args->years, in_lang(text::say("cli.generate.years")))->required();
    cmd->add_option("--seed", args->seed, in_lang(text::say("cli.generate.seed")));
    cmd->add_option("--scenario", args->scenario, in_lang(text::say("cli.generate.scenario")));
    cmd->add_option("--format", args->format, in_lang(text::say("cli.generate.format")))
        ->check(CLI::IsMember({"csv", "json"}));
    cmd->add_option("--out", args->out, in_lang(text::say("cli.generate.out")))->required();
    add_threads_option(*cmd, args->threads);
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_generate);
}

}  // namespace ntm::cli
