// What the subcommands share: reading the rules and the data, naming a set, writing outputs.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "cli/commands.hpp"
#include "data/load.hpp"
#include "data/localities.hpp"
#include "text/files.hpp"
#include "text/suggest.hpp"
#include "text/utf8.hpp"

namespace ntm::cli {

void print_error(const text::Message& message) {
    fmt::print(stderr, "{}: {}\n", in_lang(text::say("diag.error")), in_lang(message));
}

void print_error(const std::string& file, const text::Message& message) {
    fmt::print(stderr, "{}: {}: {}\n", text::printable(file), in_lang(text::say("diag.error")), in_lang(message));
}

void print_done(const text::Message& message) { fmt::print(stderr, "{}\n", in_lang(message)); }

bool color_stderr() { return std::getenv("NO_COLOR") == nullptr && isatty(fileno(stderr)) != 0; }

void check_localities(dsl::Rules& rules) {
    if (!rules.io_errors.empty() || !rules.checked) return;
    const std::array<const data::AdminUnits*, 2> lists = data::official_lists();
    data::check_localities(rules.module, lists, rules.diags);
}

std::unique_ptr<dsl::Rules> load_checked_rules(const std::vector<std::string>& paths, int& exit_code,
                                               const text::Limits& limits, bool official_units) {
    std::unique_ptr<dsl::Rules> rules = dsl::load_and_check(paths, false, limits);
    if (official_units) check_localities(*rules);
    fmt::print(stderr, "{}", text::render(rules->io_errors, lang()));
    fmt::print(stderr, "{}", dsl::render_all(rules->diags, rules->sources, color_stderr(), lang()));
    exit_code = kExitOk;
    if (!rules->io_errors.empty()) {
        exit_code = kExitUsage;
    } else if (!rules->ok()) {
        print_done(text::say(rules->sources.size() == 1 ? "cli.files_checked.1" : "cli.files_checked",
                             rules->sources.size(), dsl::summary(rules->diags)));
        exit_code = kExitRules;
    }
    return rules;
}

Loaded load_rules_and_data(const std::vector<std::string>& rule_paths, const std::string& data_path,
                           const data::LoadOptions& options) {
    Loaded out;
    out.rules = load_checked_rules(rule_paths, out.exit_code, options.limits, options.units[0] != nullptr);
    if (out.exit_code != kExitOk) return out;
    const dsl::Rules& rules = *out.rules;
    for (std::size_t f = 0; f < rules.sources.size(); ++f) {
        out.rule_files.push_back(rules.sources.file(static_cast<dsl::FileId>(f)).path);
    }
    out.inputs = rule_inputs(rules);
    out.inputs.push_back({"cli.input.data_file", data_path});
    out.program = engine::compile(rules);
    try {
        data::LoadOptions with_thresholds = options;
        with_thresholds.program = &out.program;
        out.data = data::load_data(data_path, out.program.schema, with_thresholds);
        fmt::print(stderr, "{}", text::render(out.data.problems, lang()));
    } catch (const text::FileError& e) {
        fmt::print(stderr, "{}", text::render(e.problem, lang()));
        out.exit_code = kExitUsage;
    }
    return out;
}

data::LoadOptions load_options(const std::string& units, const std::string& sheet, const text::Limits& limits,
                               std::optional<int> year) {
    data::LoadOptions options;
    if (units != "none") {
        options.units = data::official_lists();
    }
    options.sheet = sheet;
    options.limits = limits;
    options.year = year;
    return options;
}

bool year_found(const engine::Dataset& data, const std::string& data_path, const std::optional<int>& year) {
    if (!year || !data.records.empty() || data.skipped == 0) return true;
    print_error(data_path, text::say("cli.no_record_of_year", *year, data.skipped));
    return false;
}

bool chosen_set(const std::string& name, const engine::Program& program, std::uint32_t& out) {
    out = engine::kNone;
    if (name.empty()) return true;
    out = program.set_index(name);
    if (out != engine::kNone) return true;
    std::vector<std::string> names;
    for (const auto& s : program.sets) names.push_back(s.name);
    const auto near = text::closest_match(name, names);
    print_error(text::say("cli.no_set", text::printable(name)) +
                (near ? text::Message::same("; ") + text::say("help.did_you_mean", text::printable(*near)) : text::Message()));
    return false;
}

bool any_error(const std::vector<text::Problem>& problems) {
    return std::any_of(problems.begin(), problems.end(),
                       [](const text::Problem& p) { return p.kind != text::ProblemKind::warning; });
}

std::vector<Input> rule_inputs(const dsl::Rules& rules) {
    std::vector<Input> out;
    for (std::size_t f = 0; f < rules.sources.size(); ++f) {
        out.push_back({"cli.input.rule_file", rules.sources.file(static_cast<dsl::FileId>(f)).path});
    }
    return out;
}

bool not_an_input(const std::string& output, const std::vector<Input>& inputs, std::string_view option) {
    for (const Input& in : inputs) {
        std::error_code ec;  // set when either does not exist: then they are not one file
        if (!std::filesystem::equivalent(output, in.path, ec) || ec) continue;
        print_error(output, text::say("cli.out_is_input", std::string(option), text::say(in.role), text::printable(in.path)));
        return false;
    }
    return true;
}

namespace {

void cannot_write(const std::string& path, const text::Message& reason) {
    print_error(path, text::say("cli.cannot_write", reason));
}

}  // namespace

bool write_outputs(const std::vector<Output>& files, const std::vector<Input>& inputs) {
    for (const Output& f : files) {
        if (!not_an_input(f.path, inputs)) return false;
        std::error_code ec;
        if (std::filesystem::is_directory(f.path, ec)) {
            cannot_write(f.path, text::say("file.is_directory"));
            return false;
        }
    }
    // Every file whole beside its target first (text::write_file flushes it to the disk), then
    // the renames: a failure while writing leaves every target as it was.
    std::vector<std::string> temporaries;
    const auto discard = [&](std::size_t from) {
        for (std::size_t i = from; i < temporaries.size(); ++i) text::discard_file(temporaries[i]);
    };
    for (const Output& f : files) {
        temporaries.push_back(text::temporary_path(f.path));
        if (const auto why = text::write_file(temporaries.back(), f.bytes)) {
            temporaries.pop_back();
            discard(0);
            cannot_write(f.path, *why);
            return false;
        }
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (const auto why = text::commit_file(temporaries[i], files[i].path)) {
            discard(i + 1);
            cannot_write(files[i].path, *why);
            return false;
        }
    }
    return true;
}

bool write_output(const std::string& path, std::string_view bytes, const std::vector<Input>& inputs) {
    return write_outputs({{path, bytes}}, inputs);
}

bool write_output_stream(const std::string& path, const ProduceBytes& produce, const std::vector<Input>& inputs) {
    if (!not_an_input(path, inputs)) return false;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        cannot_write(path, text::say("file.is_directory"));
        return false;
    }
    text::FileStream file(path);
    produce([&file](std::string_view piece) { file.write(piece); });
    if (const auto why = file.commit()) {
        cannot_write(path, *why);
        return false;
    }
    return true;
}

}  // namespace ntm::cli
