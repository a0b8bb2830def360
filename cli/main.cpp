// ntm: check and format NTM rule files; validate data, evaluate and explain against them.
#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>
#include <system_error>

#include "cli/commands.hpp"
#include "text/files.hpp"

namespace {

using namespace ntm::cli;

// Standard input, output and error are open: one closed by the caller (`ntm eval >&-`) is
// opened on /dev/null for reading, so that no file the run opens takes its number (its output
// would go into that file), and writing to it fails as writing to a closed stream does.
void hold_standard_streams() {
    for (int fd = 0; fd <= 2; ++fd) {
        if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF) ::open("/dev/null", O_RDONLY);  // the lowest free number: fd
    }
}

// A last message: written with stdio, which does not throw, for stderr may be what failed.
void say(const std::string& message) { std::fputs(message.c_str(), stderr); }

// Runs the chosen subcommand.  Memory running out, and output that cannot be written (a full
// disk, a closed stdout: fmt::print throws std::system_error, and the last flush is checked
// here), end the run with a message saying so and exit 2, instead of an abort.
int run_to_the_end(const Run& run) {
    int code = kExitUsage;
    try {
        code = run();
    } catch (const std::bad_alloc&) {
        say("error: not enough memory: try a smaller file, --year to read one year, or a machine with more memory\n");
        return kExitUsage;
    } catch (const std::system_error& e) {
        if (std::ferror(stdout) != 0 || std::ferror(stderr) != 0) {
            say("error: cannot write the output: " + ntm::text::reason_text(e.code().message()) + "\n");
        } else {
            say(std::string("error: ") + e.what() + "\n");
        }
        return kExitUsage;
    }
    if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
        say("error: cannot write the output: " + ntm::text::reason_text(std::strerror(errno)) + "\n");
        return kExitUsage;
    }
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    hold_standard_streams();
    choose_lang(argc, argv);
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
    add_merge(app, run);
    add_diff(app, run);
    add_doc(app, run);
    add_test(app, run);
    std::string lang_given;  // read by choose_lang() before parsing; the option is here to be listed and checked
    add_lang_option(app, lang_given);
    for (CLI::App* sub : app.get_subcommands({})) add_lang_option(*sub, lang_given);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }
    return run ? run_to_the_end(run) : kExitUsage;
}
