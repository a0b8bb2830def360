// ntm: check and format NTM rule files; validate data, evaluate and explain against them.
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
    using namespace ntm::cli;
    CLI::App app{
        "ntm — bộ máy luật cho Chương trình mục tiêu quốc gia xây dựng nông thôn mới.\n"
        "Checks and formats NTM rule files; evaluates communes against them."};
    app.set_version_flag("--version", std::string("ntm ") + NTM_VERSION);
    app.require_subcommand(1);

    Run run;
    add_check(app, run);
    add_fmt(app, run);
    add_eval(app, run);
    add_explain(app, run);
    add_validate(app, run);
    add_template(app, run);
    add_generate(app, run);
    add_report(app, run);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }
    return run ? run() : kExitUsage;
}
