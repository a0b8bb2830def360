// What the subcommands share: reading the rules and the data, naming a set, writing outputs.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "cli/commands.hpp"
#include "data/load.hpp"
#include "text/files.hpp"
#include "text/suggest.hpp"

namespace ntm::cli {

bool color_stderr() { return std::getenv("NO_COLOR") == nullptr && isatty(fileno(stderr)) != 0; }

std::unique_ptr<dsl::Rules> load_checked_rules(const std::vector<std::string>& paths, int& exit_code) {
    std::unique_ptr<dsl::Rules> rules = dsl::load_and_check(paths);
    fmt::print(stderr, "{}", text::render(rules->io_errors));
    fmt::print(stderr, "{}", dsl::render_all(rules->diags, rules->sources, color_stderr()));
    exit_code = kExitOk;
    if (!rules->io_errors.empty()) {
        exit_code = kExitUsage;
    } else if (!rules->ok()) {
        fmt::print(stderr, "{} {} checked: {}\n", rules->sources.size(), rules->sources.size() == 1 ? "file" : "files",
                   dsl::summary(rules->diags));
        exit_code = kExitRules;
    }
    return rules;
}

Loaded load_rules_and_data(const std::vector<std::string>& rule_paths, const std::string& data_path,
                           const data::LoadOptions& options) {
    Loaded out;
    out.rules = load_checked_rules(rule_paths, out.exit_code);
    if (out.exit_code != kExitOk) return out;
    const dsl::Rules& rules = *out.rules;
    for (std::size_t f = 0; f < rules.sources.size(); ++f) {
        out.rule_files.push_back(rules.sources.file(static_cast<dsl::FileId>(f)).path);
    }
    out.program = engine::compile(rules);
    try {
        out.data = data::load_data(data_path, out.program.schema, options);
        fmt::print(stderr, "{}", text::render(out.data.problems));
    } catch (const text::FileError& e) {
        fmt::print(stderr, "{}", text::render(e.problem));
        out.exit_code = kExitUsage;
    }
    return out;
}

bool year_found(const engine::Dataset& data, const std::string& data_path, const std::optional<int>& year) {
    if (!year || !data.records.empty() || data.skipped == 0) return true;
    fmt::print(stderr, "{}: error: no record of year {} ({} records of other years)\n", data_path, *year, data.skipped);
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
    fmt::print(stderr, "error: no criteria set named '{}'{}\n", name,
               near ? fmt::format("; did you mean '{}'?", *near) : std::string());
    return false;
}

bool write_output(const std::string& path, std::string_view bytes) {
    if (!text::write_file(path, bytes)) return true;
    fmt::print(stderr, "{}: error: cannot write the file\n", path);
    return false;
}

}  // namespace ntm::cli
