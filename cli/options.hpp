// The options several subcommands share, each worded once, and how a subcommand joins the
// command line.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "text/limits.hpp"
#include "text/message.hpp"

namespace ntm::cli {

// What runs once the command line is parsed: set by the subcommand that was chosen.
using Run = std::function<int()>;

// The language of every message and label of this run: Vietnamese unless `--lang en` is on the
// command line (read before the options are, so that help texts are in it too).
text::Lang lang();
void choose_lang(int argc, const char* const* argv);
// A message in the language of the run.
inline const std::string& in_lang(const text::Message& m) { return m.in(lang()); }
// --lang vi|en, on every subcommand.
void add_lang_option(CLI::App& cmd, std::string& lang);

// --rules PATH... (required): rule files or directories.
void add_rules_option(CLI::App& cmd, std::vector<std::string>& rules);
// --data FILE (required) and --sheet NAME: the data file, and the sheet of a workbook.
void add_data_options(CLI::App& cmd, std::string& data, std::string& sheet, std::string& units);
// --threads N.
void add_threads_option(CLI::App& cmd, unsigned& threads);
// --set NAME: a criteria set in place of the one in force.
void add_set_option(CLI::App& cmd, std::string& set);
// --year YEAR, with what happens without it.
void add_year_option(CLI::App& cmd, std::optional<int>& year, const std::string& description);
// --limit NAME=N, repeatable: raises (or lowers) one of the limits on what an input may hold
// (text/limits.hpp).  A NAME that is not a limit, or an N that is not a number, is a usage error
// naming the limits.
void add_limit_option(CLI::App& cmd, text::Limits& limits);

// The subcommands, in the order `ntm --help` lists them.  Each adds its options to `app` and,
// when chosen, sets `run`.
void add_check(CLI::App& app, Run& run);
void add_fmt(CLI::App& app, Run& run);
void add_eval(CLI::App& app, Run& run);
void add_explain(CLI::App& app, Run& run);
void add_validate(CLI::App& app, Run& run);
void add_template(CLI::App& app, Run& run);
void add_generate(CLI::App& app, Run& run);
void add_report(CLI::App& app, Run& run);
void add_merge(CLI::App& app, Run& run);
void add_diff(CLI::App& app, Run& run);
void add_doc(CLI::App& app, Run& run);
void add_test(CLI::App& app, Run& run);
void add_serve(CLI::App& app, Run& run);

// Makes `cmd` set `run` to call `body` with the parsed arguments when it is chosen.
template <class Args>
void on_chosen(CLI::App& cmd, Run& run, std::shared_ptr<Args> args, int (*body)(const Args&)) {
    cmd.callback([&run, args, body] { run = [args, body] { return body(*args); }; });
}

}  // namespace ntm::cli
