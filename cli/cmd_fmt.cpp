#include <fmt/format.h>

#include "cli/commands.hpp"
#include "dsl/formatter.hpp"
#include "dsl/load.hpp"
#include "text/files.hpp"
#include "text/utf8.hpp"

namespace ntm::cli {

namespace {

struct FmtArgs {
    std::vector<std::string> paths;
    bool check = false;
    text::Limits limits;  // --limit: what an input may hold
};

}  // namespace

// Formats each file on its own: a file that does not parse is reported and left unchanged.
// The text is normalised to NFC before parsing, so `fmt` also repairs decomposed accents.
int run_fmt(const FmtArgs& args) {
    std::vector<text::Problem> io_errors;
    const std::vector<std::string> files = dsl::find_rule_files(args.paths, io_errors);
    dsl::SourceManager sources;
    dsl::Diagnostics diags;
    dsl::NodeIds ids;
    std::vector<std::string> changed;
    for (const std::string& path : files) {
        const auto original = text::read_text_file(path, io_errors, dsl::rule_file_limit(args.limits));
        if (!original) continue;
        const dsl::FileId id = sources.add(path, text::to_nfc(*original));
        const std::size_t errors_before = diags.error_count();
        const dsl::RuleFile file = dsl::parse_file(id, sources, diags, ids, args.limits);
        if (diags.error_count() != errors_before) continue;
        const std::string formatted = dsl::format(file, sources);
        if (formatted == *original) continue;
        // Never write a file with other words than it had.
        if (const auto why = dsl::round_trip_problem(file, sources, formatted)) {
            io_errors.push_back(text::file_problem(path, text::say("cli.fmt.round_trip", *why)));
            continue;
        }
        changed.push_back(path);
        if (!args.check) {
            if (const auto why = text::write_file(path, formatted)) {
                io_errors.push_back(text::file_problem(path, text::say("cli.cannot_write", *why)));
            }
        }
    }
    diags.sort();
    fmt::print(stderr, "{}", text::render(io_errors, lang()));
    fmt::print(stderr, "{}", dsl::render_all(diags, sources, color_stderr(), lang()));
    if (diags.has_errors()) print_done(text::say("cli.fmt.left_unchanged", dsl::summary(diags)));
    for (const auto& path : changed) {
        fmt::print("{}{}\n", path, args.check ? "" : in_lang(text::say("cli.fmt.formatted")));
    }
    if (!io_errors.empty()) return kExitUsage;
    if (diags.has_errors() || (args.check && !changed.empty())) return kExitRules;
    return kExitOk;
}

void add_fmt(CLI::App& app, Run& run) {
    auto args = std::make_shared<FmtArgs>();
    CLI::App* cmd = app.add_subcommand("fmt", in_lang(text::say("cli.fmt")));
    cmd->add_option("paths", args->paths, in_lang(text::say("cli.opt.paths")))->required();
    cmd->add_flag("--check", args->check, in_lang(text::say("cli.fmt.check")));
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_fmt);
}

}  // namespace ntm::cli
