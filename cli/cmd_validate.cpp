#include <fmt/format.h>

#include <filesystem>

#include "cli/commands.hpp"
#include "data/source.hpp"
#include "report/annotate.hpp"
#include "report/text.hpp"
#include "text/utf8.hpp"

namespace ntm::cli {

namespace {

struct ValidateArgs {
    std::vector<std::string> rules;
    std::string data;
    std::string sheet;  // the sheet of an .xlsx data file (default: the first)
    std::string units = "official";  // --units: official lists checked, or none
    std::string annotate;  // --annotate OUT.xlsx: the data given back with every problem on its cell
    text::Limits limits;  // --limit: what an input may hold
};

// Whether --annotate can be written: an .xlsx name, and a data file read as cells (not JSON).
bool annotate_usable(const ValidateArgs& args) {
    if (args.annotate.empty()) return true;
    std::string ext = std::filesystem::path(args.annotate).extension().string();
    for (char& c : ext) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    if (ext != ".xlsx") {
        print_error(text::say("annotate.not_xlsx", text::printable(args.annotate)));
        return false;
    }
    if (!data::source_readable(args.data)) {
        print_error(text::say("annotate.not_source", text::printable(args.data)));
        return false;
    }
    return true;
}

// The data given back annotated; false, with the error printed, when it cannot be written.
bool write_annotation(const ValidateArgs& args, const Loaded& loaded, const data::LoadOptions& options) {
    if (!not_an_input(args.annotate, loaded.inputs, "--annotate")) return false;
    try {
        const data::Source source = data::read_source(args.data, options);
        const std::size_t noted = report::write_annotated(args.annotate, source, loaded.data, lang());
        print_done(text::say("annotate.written", text::printable(args.annotate), noted));
    } catch (const text::FileError& e) {
        fmt::print(stderr, "{}", text::render(e.problem, lang()));
        return false;
    }
    return true;
}

}  // namespace

// Reads the data and reports every problem; an error (a record rejected, a value ignored) makes
// the run fail.  With --annotate, the data file is also given back with every problem on its
// cell — above all when there are errors.
int run_validate(const ValidateArgs& args) {
    if (!annotate_usable(args)) return kExitUsage;
    const data::LoadOptions options = load_options(args.units, args.sheet, args.limits);
    const Loaded loaded = load_rules_and_data(args.rules, args.data, options);
    if (loaded.exit_code != kExitOk) return loaded.exit_code;
    const engine::Dataset& data = loaded.data;
    fmt::print("{}\n", in_lang(text::say("cli.validate.counts", data.read, data.records.size(), data.rejected)));
    if (!args.annotate.empty() && !write_annotation(args, loaded, options)) return kExitUsage;
    return data.rejected > 0 || any_error(data.problems) ? kExitRules : kExitOk;
}

void add_validate(CLI::App& app, Run& run) {
    auto args = std::make_shared<ValidateArgs>();
    CLI::App* cmd = app.add_subcommand("validate", in_lang(text::say("cli.validate")));
    add_rules_option(*cmd, args->rules);
    add_data_options(*cmd, args->data, args->sheet, args->units);
    cmd->add_option("--annotate", args->annotate, in_lang(text::say("cli.opt.annotate")))->type_name("OUT.xlsx");
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_validate);
}

}  // namespace ntm::cli
