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
    cmd.add_option("--rules", rules, in_lang(text::say("cli.opt.paths")))->required();
}

void add_data_options(CLI::App& cmd, std::string& data, std::string& sheet, std::string& units) {
    cmd.add_option("--data", data, in_lang(text::say("cli.opt.data")))->required();
    cmd.add_option("--sheet", sheet, in_lang(text::say("cli.opt.sheet")));
    cmd.add_option("--units", units,
                   in_lang(text::say("cli.opt.units")))
        ->check(CLI::IsMember({"official", "none"}));
}

void add_threads_option(CLI::App& cmd, unsigned& threads) {
    cmd.add_option("--threads", threads, in_lang(text::say("cli.opt.threads")));
}

void add_set_option(CLI::App& cmd, std::string& set) {
    cmd.add_option("--set", set, in_lang(text::say("cli.opt.set")));
}

void add_year_option(CLI::App& cmd, std::optional<int>& year, const std::string& description) {
    cmd.add_option("--year", year, description);
}

void add_limit_option(CLI::App& cmd, text::Limits& limits) {
    cmd.add_option_function<std::vector<std::string>>(
           "--limit",
           [&limits](const std::vector<std::string>& assignments) {
               for (const std::string& a : assignments) {
                   if (const auto why = text::set_limit(limits, a)) throw CLI::ValidationError("--limit", in_lang(*why));
               }
           },
           in_lang(text::say("cli.limit", fmt::format("{}", fmt::join(text::kLimitNames, ", ")))))
        ->type_name("NAME=N")
        ->allow_extra_args(false);
}

}  // namespace ntm::cli
