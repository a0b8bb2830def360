#include <filesystem>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "engine/evaluate.hpp"
#include "report/text.hpp"
#include "report/report.hpp"
#include "report/xlsx.hpp"
#include "text/files.hpp"
#include "text/suggest.hpp"
#include "text/utf8.hpp"

namespace ntm::cli {

namespace {

struct ReportArgs {
    std::vector<std::string> rules;
    std::string data;
    std::string sheet;        // the sheet of an .xlsx data file (default: the first)
    std::string units = "official";  // --units: official lists checked, or none
    std::optional<int> year;  // default: the latest year of the data
    std::string format;       // html | md | csv
    std::string out;          // FILE (html, md), DIR (csv), or "-" for standard output
    std::string locality;     // a province or district code; empty: the whole data
    unsigned threads = 0;
    text::Limits limits;  // --limit: what an input may hold
};

}  // namespace

namespace {

namespace fs = std::filesystem;

// The locality asked for, as an entity index (kNone: none asked); false, with the error
// printed, when the data has no such province or district.
bool find_locality(const std::string& code, const engine::Dataset& data, const std::string& data_path,
                   std::uint32_t& out) {
    out = engine::kNone;
    if (code.empty()) return true;
    out = data.find(code);
    if (out == engine::kNone) {
        std::vector<std::string> codes;
        for (const engine::Entity& e : data.entities) {
            if (e.kind == engine::EntityKind::tinh || e.kind == engine::EntityKind::huyen) codes.push_back(e.code);
        }
        const auto near = text::closest_match(code, codes);
        fmt::print(stderr, "{}: error: --locality '{}': no province or district with this code in the data{}\n",
                   text::printable(data_path), text::printable(code),
                   near ? fmt::format("; did you mean '{}'?", text::printable(*near)) : std::string());
        return false;
    }
    const engine::Entity& e = data.entities[out];
    if (e.kind != engine::EntityKind::tinh && e.kind != engine::EntityKind::huyen) {
        fmt::print(stderr, "{}: error: --locality '{}' is {}, not a province or district\n", text::printable(data_path),
                   text::printable(code), text::printable(report::display_name(e)));
        return false;
    }
    return true;
}

// Writes the rendered report: to standard output for "-" (CSV tables one after the other,
// each after a line "==> NAME <=="), else to FILE, or into DIR for CSV.  No file written is one
// of `inputs`.
int write_report(const ReportArgs& args, const report::Report& report, report::Lang lang,
                 const std::vector<Input>& inputs) {
    const bool to_stdout = args.out == "-";
    std::error_code ec;
    if (args.format == "csv") {
        const auto tables = report::render_report_csv(report, lang);
        if (to_stdout) {
            for (const auto& [name, table] : tables) fmt::print("==> {} <==\n{}", name, table.substr(3));  // no BOM
            return kExitOk;
        }
        const fs::path dir(args.out);
        if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
            fmt::print(stderr, "{}: error: --out must be a directory for CSV (one file per table)\n", text::printable(args.out));
            return kExitUsage;
        }
        if (!fs::exists(dir, ec) && (!fs::create_directory(dir, ec) || ec)) {
            fmt::print(stderr, "{}: error: cannot create the directory: {}\n", text::printable(args.out), text::reason_text(ec.message()));
            return kExitUsage;
        }
        std::vector<Output> files;
        for (const auto& [name, table] : tables) files.push_back({(dir / name).string(), table});
        if (!write_outputs(files, inputs)) return kExitUsage;
        fmt::print(stderr, "wrote {} tables in {}\n", tables.size(), text::printable(args.out));
        return kExitOk;
    }
    if (args.format == "xlsx") {
        fs::path file(args.out);
        if (to_stdout) {
            fmt::print(stderr, "error: an Excel workbook cannot be written to standard output; give --out FILE.xlsx\n");
            return kExitUsage;
        }
        if (fs::is_directory(file, ec)) file /= fmt::format("bao-cao-{}.xlsx", report.overview.year);
        if (!not_an_input(file.string(), inputs)) return kExitUsage;
        try {
            report::write_report_xlsx(report, lang, file.string());
        } catch (const text::FileError& e) {
            fmt::print(stderr, "{}", text::render(e.problem, cli::lang()));
            return kExitUsage;
        }
        fmt::print(stderr, "wrote {}\n", text::printable(file.string()));
        return kExitOk;
    }
    const std::string page = args.format == "md" ? report::render_report_md(report, lang)
                                                 : report::render_report_html(report, lang);
    if (to_stdout) {
        fmt::print("{}", page);
        return kExitOk;
    }
    fs::path file(args.out);
    if (fs::is_directory(file, ec)) file /= fmt::format("bao-cao-{}.{}", report.overview.year, args.format);
    if (!write_output(file.string(), page, inputs)) return kExitUsage;
    fmt::print(stderr, "wrote {}\n", text::printable(file.string()));
    return kExitOk;
}

}  // namespace

// Evaluates one year (the one asked for, or the latest of the data) and writes its report:
// overview, criteria, work lists, commune sheets and data problems.
int run_report(const ReportArgs& args) {
    const data::LoadOptions options = load_options(args.units, args.sheet, args.limits, args.year);
    Loaded loaded = load_rules_and_data(args.rules, args.data, options);
    if (loaded.exit_code != kExitOk) return loaded.exit_code;
    const engine::Dataset& data = loaded.data;
    if (!year_found(data, args.data, args.year)) return kExitUsage;
    const std::vector<int> years = data.years();
    if (years.empty()) {
        fmt::print(stderr, "{}: error: no record to report on\n", text::printable(args.data));
        return kExitUsage;
    }
    report::ReportOptions report_options;
    if (!find_locality(args.locality, data, args.data, report_options.locality)) return kExitUsage;
    report_options.rule_files = args.rules;  // as given: "rules/", not every file in it
    report_options.data_file = args.data;
    const engine::Evaluation evaluation = engine::evaluate(loaded.program, data, {years.back(), args.threads, engine::kNone});
    fmt::print(stderr, "{}", text::render(evaluation.problems, lang()));
    const report::Report report = report::build_report(loaded.program, data, evaluation, report_options);
    const int written = write_report(args, report, lang(), loaded.inputs);
    if (written != kExitOk) return written;
    return any_error(data.problems) || any_error(evaluation.problems) ? kExitRules : kExitOk;
}

void add_report(CLI::App& app, Run& run) {
    auto args = std::make_shared<ReportArgs>();
    CLI::App* cmd = app.add_subcommand(
        "report", "Write the report of one year: overview, criteria, work lists, commune sheets, data problems");
    add_rules_option(*cmd, args->rules);
    add_data_options(*cmd, args->data, args->sheet, args->units);
    add_year_option(*cmd, args->year, "Year (default: the latest year in the data)");
    cmd->add_option("--format", args->format, "Output format")->required()->check(CLI::IsMember({"html", "md", "csv", "xlsx"}));
    cmd->add_option("--out", args->out, "File to write (html, md), directory (csv), or - for standard output")->required();
    cmd->add_option("--locality", args->locality, "Report on this province or district only (code)");
    add_threads_option(*cmd, args->threads);
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_report);
}

}  // namespace ntm::cli
