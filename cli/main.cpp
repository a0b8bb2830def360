// ntm: check, format and (later) evaluate NTM rule files.
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
    using namespace ntm::cli;
    CLI::App app{
        "ntm — bộ máy luật cho Chương trình mục tiêu quốc gia xây dựng nông thôn mới.\n"
        "Checks and formats NTM rule files; evaluates communes against them."};
    app.set_version_flag("--version", std::string("ntm ") + NTM_VERSION);
    app.require_subcommand(1);

    CheckArgs check;
    CLI::App* cmd_check = app.add_subcommand("check", "Check rule files and report every problem found");
    cmd_check->add_option("paths", check.paths, "Rule files or directories (searched for *.ntm)")->required();
    cmd_check->add_flag("--werror", check.werror, "Treat warnings as errors");

    FmtArgs fmt_args;
    CLI::App* cmd_fmt = app.add_subcommand("fmt", "Rewrite rule files in the canonical layout (and in NFC)");
    cmd_fmt->add_option("paths", fmt_args.paths, "Rule files or directories (searched for *.ntm)")->required();
    cmd_fmt->add_flag("--check", fmt_args.check, "Change nothing; list the files that would change and exit 1");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }
    if (*cmd_check) return run_check(check);
    if (*cmd_fmt) return run_fmt(fmt_args);
    return kExitUsage;
}
