// ntm: check and format NTM rule files; validate data, evaluate and explain against them.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <new>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "cli/commands.hpp"
#include "text/files.hpp"
#include "text/utf8.hpp"

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
void say_last(const ntm::text::Message& message) {
    const std::string line = in_lang(ntm::text::say("diag.error")) + ": " + in_lang(message) + "\n";
    std::fputs(line.c_str(), stderr);
}

// Runs the chosen subcommand.  Memory running out, and output that cannot be written (a full
// disk, a closed stdout: fmt::print throws std::system_error, and the last flush is checked
// here), end the run with a message saying so and exit 2, instead of an abort.
int run_to_the_end(const Run& run) {
    int code = kExitUsage;
    try {
        code = run();
    } catch (const std::bad_alloc&) {
        say_last(ntm::text::say("cli.out_of_memory"));
        return kExitUsage;
    } catch (const std::system_error& e) {
        if (std::ferror(stdout) != 0 || std::ferror(stderr) != 0) {
            say_last(ntm::text::say("cli.cannot_write_output", ntm::text::reason_text(e.code().message())));
        } else {
            say_last(ntm::text::Message::same(e.what()));
        }
        return kExitUsage;
    }
    if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
        say_last(ntm::text::say("cli.cannot_write_output", ntm::text::reason_text(std::strerror(errno))));
        return kExitUsage;
    }
    return code;
}

// CLI11's help, with the description column aligned by letters rather than bytes: an option's
// Vietnamese words ("CHỮ", "BẮT BUỘC") are longer in bytes than on the screen.
class HelpFormatter : public CLI::Formatter {
public:
    std::string make_option(const CLI::Option* opt, bool is_positional) const override {
        const std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
        const std::string description = make_option_desc(opt);
        const std::size_t wide = get_column_width();
        const std::size_t shown = ntm::text::display_width(name);
        std::string out = name;
        if (shown >= wide) {
            out += "\n" + std::string(wide, ' ');
        } else {
            out += std::string(wide - shown, ' ');
        }
        for (const char c : description) {
            out += c;
            if (c == '\n') out += std::string(wide, ' ');
        }
        return out + "\n";
    }
};

// The words CLI11 prints around the help texts, in the language of the run.
void speak_the_language_of_the_run(CLI::App& app) {
    app.formatter(std::make_shared<HelpFormatter>());
    const auto formatter = app.get_formatter();
    for (const char* label : {"Usage", "OPTIONS", "SUBCOMMAND", "SUBCOMMANDS", "REQUIRED", "Positionals", "TEXT", "INT", "UINT",
                              "FLOAT", "Needs", "Excludes", "Env"}) {
        formatter->label(label, in_lang(ntm::text::say(std::string("cli.label.") + label)));
    }
    app.option_defaults()->group(in_lang(ntm::text::say("cli.label.Options")));
    app.set_help_flag("-h,--help", in_lang(ntm::text::say("cli.help")));
}

// A command line that cannot be parsed, said in the language of the run: CLI11's own sentences
// are recognised by their kind and reworded; what they name (options, values) is kept.
std::string usage_error(const CLI::ParseError& e) {
    using ntm::text::say;
    const std::string what = e.what();
    const auto after = [&](const std::string& prefix) { return what.substr(std::min(what.size(), prefix.size())); };
    ntm::text::Message m = say("cli.parse.invalid", what);
    const std::size_t colon = what.find(": ");
    const std::size_t not_in = what.find(" not in {");
    const std::size_t value = what.find(": Value "), range = what.find(" not in range "), to = what.find(" to ", range);
    if (what == "A subcommand is required") {
        m = say("cli.parse.subcommand");
    } else if (what.ends_with(" is required")) {
        m = say("cli.parse.required", what.substr(0, what.size() - std::string(" is required").size()));
    } else if (what.starts_with("The following argument was not expected: ")) {
        m = say("cli.parse.extra", after("The following argument was not expected: "));
    } else if (what.starts_with("The following arguments were not expected: ")) {
        // CLI11 lists them last first: put them back in the order they were typed.
        std::vector<std::string> words;
        std::istringstream list(after("The following arguments were not expected: "));
        for (std::string w; list >> w;) words.insert(words.begin(), w);
        m = say("cli.parse.extras", fmt::format("{}", fmt::join(words, " ")));
    } else if (what.starts_with("Could not convert: ") && what.find(" = ") != std::string::npos) {
        const std::size_t eq = what.find(" = ");
        m = say("cli.parse.convert", what.substr(19, eq - 19), what.substr(eq + 3));
    } else if (value != std::string::npos && range != std::string::npos && to != std::string::npos && value < range) {
        // CLI::Range: "--port: Value 70000 not in range 0 to 65535"; a bound of a range of
        // doubles as written, not "100.000000".
        const auto bound = [](std::string b) {
            if (b.find('.') == std::string::npos) return b;
            while (b.ends_with('0')) b.pop_back();
            if (b.ends_with('.')) b.pop_back();
            return b;
        };
        m = say("cli.parse.range", what.substr(0, value), what.substr(value + 8, range - value - 8),
                bound(what.substr(range + 14, to - range - 14)), bound(what.substr(to + 4)));
    } else if (not_in != std::string::npos && colon != std::string::npos && colon < not_in) {
        m = say("cli.parse.not_in", what.substr(0, colon), what.substr(colon + 2, not_in - colon - 2),
                what.substr(not_in + 8));
    }
    return in_lang(say("diag.error")) + ": " + in_lang(m) + "\n" + in_lang(say("cli.parse.see_help")) + "\n";
}

}  // namespace

int main(int argc, char** argv) {
    hold_standard_streams();
    choose_lang(argc, argv);
    CLI::App app{in_lang(ntm::text::say("cli.ntm"))};
    speak_the_language_of_the_run(app);
    app.set_version_flag("--version", std::string("ntm ") + NTM_VERSION, in_lang(ntm::text::say("cli.version")));
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
    add_serve(app, run);
    std::string lang_given;  // read by choose_lang() before parsing; the option is here to be listed and checked
    add_lang_option(app, lang_given);
    for (CLI::App* sub : app.get_subcommands({})) {
        add_lang_option(*sub, lang_given);
        sub->group(in_lang(ntm::text::say("cli.label.Subcommands")));
        if (CLI::Option* help = sub->get_help_ptr()) help->group(in_lang(ntm::text::say("cli.label.Options")));
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) {  // --help, --version
            app.exit(e);
            return kExitOk;
        }
        std::fputs(usage_error(e).c_str(), stderr);
        return kExitUsage;
    }
    return run ? run_to_the_end(run) : kExitUsage;
}
