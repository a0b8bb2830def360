#include "cli/options.hpp"

#include <fmt/format.h>

namespace ntm::cli {

namespace {

text::Lang run_lang = text::Lang::vi;

}  // namespace

text::Lang lang() { return run_lang; }

void choose_lang(int argc, const char* const* argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--") break;
        std::string_view value;
        if (a == "--lang" && i + 1 < argc) {
            value = argv[i + 1];
        } else if (a.starts_with("--lang=")) {
            value = a.substr(7);
        }
        if (value == "en") run_lang = text::Lang::en;
        if (value == "vi") run_lang = text::Lang::vi;
    }
}

void add_lang_option(CLI::App& cmd, std::string& lang) {
    cmd.add_option("--lang", lang, in_lang(text::say("cli.lang")))->check(CLI::IsMember({"vi", "en"}));
}

void add_rules_option(CLI::App& cmd, std::vector<std::string>& rules) {
    cmd.add_option("--rules", rules, "Rule files or directories (searched for *.ntm)")->required();
}

void add_data_options(CLI::App& cmd, std::string& data, std::string& sheet, std::string& units) {
    cmd.add_option("--data", data, "Data file (.csv, .xlsx or .json)")->required();
    cmd.add_option("--sheet", sheet, "Sheet of an .xlsx data file (default: the first)");
    cmd.add_option("--units", units,
                   "Check codes, names and parents against the official lists of units of each map (official, "
                   "the default, bundled), or not (none: test data, units not yet listed)")
        ->check(CLI::IsMember({"official", "none"}));
}

void add_threads_option(CLI::App& cmd, unsigned& threads) {
    cmd.add_option("--threads", threads, "Threads to use (default: all; the output does not change)");
}

void add_set_option(CLI::App& cmd, std::string& set) {
    cmd.add_option("--set", set, "Judge by this criteria set instead of the one in force (e.g. a provincial set)");
}

void add_year_option(CLI::App& cmd, std::optional<int>& year, const std::string& description) {
    cmd.add_option("--year", year, description);
}

void add_limit_option(CLI::App& cmd, text::Limits& limits) {
    cmd.add_option_function<std::vector<std::string>>(
           "--limit",
           [&limits](const std::vector<std::string>& assignments) {
               for (const std::string& a : assignments) {
                   if (const auto why = text::set_limit(limits, a)) throw CLI::ValidationError("--limit", *why);
               }
           },
           fmt::format("Raise a limit on what an input may hold (repeat for several; N may end in K, M or G): {}",
                       fmt::join(text::kLimitNames, ", ")))
        ->type_name("NAME=N")
        ->allow_extra_args(false);
}

}  // namespace ntm::cli
