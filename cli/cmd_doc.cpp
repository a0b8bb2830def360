#include <fmt/format.h>

#include "cli/commands.hpp"
#include "report/handbook.hpp"
#include "text/utf8.hpp"

namespace ntm::cli {

namespace {

// Writes the criteria handbook of the rules: every set (or one), its criteria, indicators and
// thresholds, the levels, revocation rules and categories (report/handbook.hpp).
struct DocArgs {
    std::vector<std::string> paths;
    std::string format = "md";  // md | html
    std::string set;            // one set (and what uses it); empty: every set
    std::string out;            // FILE; empty: standard output
    text::Limits limits;        // --limit: what an input may hold
};

}  // namespace

int run_doc(const DocArgs& args) {
    int exit_code = kExitOk;
    const auto rules = load_checked_rules(args.paths, exit_code, args.limits);
    if (exit_code != kExitOk) return exit_code;
    const engine::Program program = engine::compile(*rules);
    report::HandbookOptions options;
    if (!chosen_set(args.set, program, options.set)) return kExitUsage;
    const report::Lang lang = cli::lang();
    const std::string page = args.format == "html" ? report::render_handbook_html(program, lang, options)
                                                   : report::render_handbook_md(program, lang, options);
    if (args.out.empty()) {
        fmt::print("{}", page);
        return kExitOk;
    }
    if (!write_output(args.out, page, rule_inputs(*rules))) return kExitUsage;
    print_done(text::say("cli.wrote", text::printable(args.out)));
    return kExitOk;
}

void add_doc(CLI::App& app, Run& run) {
    auto args = std::make_shared<DocArgs>();
    CLI::App* cmd = app.add_subcommand(
        "doc", in_lang(text::say("cli.doc")));
    cmd->add_option("paths", args->paths, in_lang(text::say("cli.opt.paths")))->required();
    cmd->add_option("--format", args->format, in_lang(text::say("cli.doc.format")))->check(CLI::IsMember({"md", "html"}));
    cmd->add_option("--set", args->set, in_lang(text::say("cli.doc.set")));
    cmd->add_option("--out", args->out, in_lang(text::say("cli.doc.out")));
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_doc);
}

}  // namespace ntm::cli
