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

    CheckArgs check;
    CLI::App* cmd_check = app.add_subcommand("check", "Check rule files and report every problem found");
    cmd_check->add_option("paths", check.paths, "Rule files or directories (searched for *.ntm)")->required();
    cmd_check->add_flag("--werror", check.werror, "Treat warnings as errors");

    FmtArgs fmt_args;
    CLI::App* cmd_fmt = app.add_subcommand("fmt", "Rewrite rule files in the canonical layout (and in NFC)");
    cmd_fmt->add_option("paths", fmt_args.paths, "Rule files or directories (searched for *.ntm)")->required();
    cmd_fmt->add_flag("--check", fmt_args.check, "Change nothing; list the files that would change and exit 1");

    EvalArgs eval;
    CLI::App* cmd_eval = app.add_subcommand("eval", "Evaluate every record of a data file against the rules");
    cmd_eval->add_option("--rules", eval.rules, "Rule files or directories (searched for *.ntm)")->required();
    cmd_eval->add_option("--data", eval.data, "Data file (.csv, .xlsx or .json)")->required();
    cmd_eval->add_option("--sheet", eval.sheet, "Sheet of an .xlsx data file (default: the first)");
    cmd_eval->add_option("--year", eval.year, "Evaluate only this year (default: every year in the data)");
    cmd_eval->add_option("--format", eval.format, "Output format")->check(CLI::IsMember({"text", "json"}));
    cmd_eval->add_option("--threads", eval.threads, "Threads to use (default: all; the output does not change)");
    cmd_eval->add_option("--set", eval.set, "Judge by this criteria set instead of the one in force (e.g. a provincial set)");

    ExplainArgs explain;
    CLI::App* cmd_explain = app.add_subcommand("explain", "Explain one entity's result: criteria, indicators, gaps");
    cmd_explain->add_option("--rules", explain.rules, "Rule files or directories (searched for *.ntm)")->required();
    cmd_explain->add_option("--data", explain.data, "Data file (.csv, .xlsx or .json)")->required();
    cmd_explain->add_option("--sheet", explain.sheet, "Sheet of an .xlsx data file (default: the first)");
    cmd_explain->add_option("--year", explain.year, "Year (default: the latest year of the entity)");
    cmd_explain->add_option("entity", explain.entity, "Code or name of the entity")->required();
    cmd_explain->add_option("--set", explain.set, "Judge by this criteria set instead of the one in force");

    ValidateArgs validate;
    CLI::App* cmd_validate = app.add_subcommand("validate", "Read a data file against the rules and report every problem");
    cmd_validate->add_option("--rules", validate.rules, "Rule files or directories (searched for *.ntm)")->required();
    cmd_validate->add_option("--data", validate.data, "Data file (.csv, .xlsx or .json)")->required();
    cmd_validate->add_option("--sheet", validate.sheet, "Sheet of an .xlsx data file (default: the first)");

    TemplateArgs template_args;
    CLI::App* cmd_template = app.add_subcommand("template", "Write an Excel data-entry workbook (.xlsx) for the inputs the rules declare");
    cmd_template->add_option("--rules", template_args.rules, "Rule files or directories (searched for *.ntm)")->required();
    cmd_template->add_option("--out", template_args.out, "Workbook to write (.xlsx)")->required();
    cmd_template->add_option("--kind", template_args.kind, "Kind of entity, one row each (default: xa)")->check(CLI::IsMember({"thon", "xa", "huyen", "tinh"}));

    GenerateArgs generate;
    CLI::App* cmd_generate = app.add_subcommand("generate", "Generate plausible data for real units, threshold-aware, from a scenario");
    cmd_generate->add_option("--rules", generate.rules, "Rule files or directories (searched for *.ntm)")->required();
    cmd_generate->add_option("--units", generate.units, "Administrative units file (CSV: province_code, province, region, district_code, ...)")->required();
    cmd_generate->add_option("--province", generate.provinces, "Generate this province (code; repeat for several; default: all)");
    cmd_generate->add_option("--district", generate.districts, "Generate this district (code; repeat for several)");
    cmd_generate->add_option("--years", generate.years, "Years, e.g. 2022-2024")->required();
    cmd_generate->add_option("--seed", generate.seed, "Seed of the random draws (default: 1)");
    cmd_generate->add_option("--scenario", generate.scenario, "Scenario file: situations the data must show");
    cmd_generate->add_option("--format", generate.format, "Output format (default: from the extension of --out)")->check(CLI::IsMember({"csv", "json"}));
    cmd_generate->add_option("--out", generate.out, "File to write (.csv or .json)")->required();
    cmd_generate->add_option("--threads", generate.threads, "Threads to use (default: all; the output does not change)");

    ReportArgs report;
    CLI::App* cmd_report = app.add_subcommand("report", "Write the report of one year: overview, criteria, work lists, commune sheets, data problems");
    cmd_report->add_option("--rules", report.rules, "Rule files or directories (searched for *.ntm)")->required();
    cmd_report->add_option("--data", report.data, "Data file (.csv or .json)")->required();
    cmd_report->add_option("--year", report.year, "Year (default: the latest year in the data)");
    cmd_report->add_option("--format", report.format, "Output format")->required()->check(CLI::IsMember({"html", "md", "csv", "xlsx"}));
    cmd_report->add_option("--out", report.out, "File to write (html, md), directory (csv), or - for standard output")->required();
    cmd_report->add_option("--lang", report.lang, "Language of the labels (default: vi)")->check(CLI::IsMember({"vi", "en"}));
    cmd_report->add_option("--locality", report.locality, "Report on this province or district only (code)");
    cmd_report->add_option("--threads", report.threads, "Threads to use (default: all; the output does not change)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }
    if (*cmd_check) return run_check(check);
    if (*cmd_fmt) return run_fmt(fmt_args);
    if (*cmd_eval) return run_eval(eval);
    if (*cmd_explain) return run_explain(explain);
    if (*cmd_validate) return run_validate(validate);
    if (*cmd_template) return run_template(template_args);
    if (*cmd_generate) return run_generate(generate);
    if (*cmd_report) return run_report(report);
    return kExitUsage;
}
