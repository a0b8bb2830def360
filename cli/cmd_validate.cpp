#include <fmt/format.h>

#include "cli/commands.hpp"
#include "engine/render_text.hpp"

namespace ntm::cli {

Loaded load_rules_and_data(const std::vector<std::string>& rule_paths, const std::string& data_path,
                           const engine::LoadOptions& options) {
    Loaded out;
    out.rules = dsl::load_and_check(rule_paths);
    const dsl::Rules& rules = *out.rules;
    for (const auto& e : rules.io_errors) fmt::print(stderr, "{}: error: {}\n", e.path, e.message);
    fmt::print(stderr, "{}", dsl::render_all(rules.diags, rules.sources, color_stderr()));
    if (!rules.io_errors.empty()) {
        out.exit_code = kExitUsage;
        return out;
    }
    if (!rules.ok()) {
        fmt::print(stderr, "{} {} checked: {}\n", rules.sources.size(), rules.sources.size() == 1 ? "file" : "files",
                   dsl::summary(rules.diags));
        out.exit_code = kExitRules;
        return out;
    }
    for (std::size_t f = 0; f < rules.sources.size(); ++f) {
        out.rule_files.push_back(rules.sources.file(static_cast<dsl::FileId>(f)).path);
    }
    out.program = engine::compile(rules);
    try {
        out.data = engine::load_data(data_path, out.program.schema, options);
    } catch (const engine::DataError& e) {
        fmt::print(stderr, "{}: error: {}\n", e.path, e.message);
        out.exit_code = kExitUsage;
    }
    return out;
}

// Reads the data and reports every problem; a rejected record makes the run fail.
int run_validate(const ValidateArgs& args) {
    engine::LoadOptions options;
    options.sheet = args.sheet;
    const Loaded loaded = load_rules_and_data(args.rules, args.data, options);
    if (loaded.exit_code != kExitOk) return loaded.exit_code;
    const engine::Dataset& data = loaded.data;
    fmt::print(stderr, "{}", engine::render_problems(data.problems));
    fmt::print("read {}, accepted {}, rejected {}\n", data.read, data.records.size(), data.rejected);
    return data.rejected > 0 ? kExitRules : kExitOk;
}

bool chosen_set(const std::string& name, const engine::Program& program, std::uint32_t& out) {
    out = engine::kNone;
    if (name.empty()) return true;
    out = program.set_index(name);
    if (out != engine::kNone) return true;
    std::vector<std::string> names;
    for (const auto& s : program.sets) names.push_back(s.name);
    const auto near = dsl::closest_match(name, names);
    fmt::print(stderr, "error: no criteria set named '{}'{}\n", name,
               near ? fmt::format("; did you mean '{}'?", *near) : std::string());
    return false;
}

}  // namespace ntm::cli
