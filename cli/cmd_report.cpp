#include <cstdio>
#include <filesystem>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/entities.hpp"
#include "engine/evaluate.hpp"
#include "engine/targets.hpp"
#include "report/text.hpp"
#include "report/frame.hpp"
#include "report/pdf.hpp"
#include "report/print_pdf.hpp"
#include "report/report.hpp"
#include "report/split.hpp"
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
    std::string format;       // html | md | csv | xlsx | pdf
    std::string out;          // FILE (html, md, xlsx, pdf), DIR (csv), or "-" for standard output
    std::string frame;        // --frame: the official frame file (report/frame.hpp), or empty
    std::string date;         // --date: the document's date, in place of the frame file's
    bool compact = false;     // --compact: compact commune sheets (the default for pdf)
    bool full = false;        // --no-compact: full commune sheets, in pdf too
    std::string locality;     // a province or district, by code or name; empty: the whole data
    std::string sections;     // --sections: the views to lay out, by name (report::kSectionNames); empty: all
    std::string by;           // --by huyen|so|xa: one file per district, body in charge or commune
    unsigned threads = 0;
    text::Limits limits;  // --limit: what an input may hold
};

}  // namespace

namespace {

namespace fs = std::filesystem;

// The locality asked for — a province or district, by code or by name — as an entity index
// (kNone: none asked); false, with the error printed, when the data has no such province or
// district, or several of that name.
bool find_locality(const std::string& wanted, const engine::Dataset& data, const std::string& data_path,
                   std::uint32_t& out) {
    out = engine::kNone;
    if (wanted.empty()) return true;
    const auto locality = [](engine::EntityKind k) { return k == engine::EntityKind::tinh || k == engine::EntityKind::huyen; };
    const std::optional<std::uint32_t> picked = pick_entity(data, data_path, wanted, locality);
    if (picked) out = *picked;
    return picked.has_value();
}

// Writes the rendered report: to standard output for "-" (CSV tables one after the other,
// each after a line "==> NAME <=="), else to FILE, or into DIR for CSV.  No file written is one
// of `inputs`.
// `quiet`: nothing said of the file written (a part of --by).
int write_report(const ReportArgs& args, const report::Report& report, report::Lang lang,
                 const std::vector<Input>& inputs, const report::RenderOptions& render, const report::FrameDate& date,
                 bool quiet = false) {
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
            print_error(args.out, text::say("cli.csv_needs_dir"));
            return kExitUsage;
        }
        if (!fs::exists(dir, ec) && (!fs::create_directory(dir, ec) || ec)) {
            print_error(args.out, text::say("cli.cannot_mkdir", text::reason_text(ec.message())));
            return kExitUsage;
        }
        std::vector<Output> files;
        for (const auto& [name, table] : tables) files.push_back({(dir / name).string(), table});
        if (!write_outputs(files, inputs)) return kExitUsage;
        if (!quiet) print_done(text::say("cli.wrote_tables", tables.size(), text::printable(args.out)));
        return kExitOk;
    }
    if (args.format == "xlsx") {
        fs::path file(args.out);
        if (to_stdout) {
            print_error(text::say("cli.xlsx_not_stdout"));
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
        if (!quiet) print_done(text::say("cli.wrote", text::printable(file.string())));
        return kExitOk;
    }
    if (args.format == "pdf") {
        if (to_stdout) {
            print_error(text::say("pdf.not_stdout"));
            return kExitUsage;
        }
        fs::path file(args.out);
        if (fs::is_directory(file, ec)) file /= fmt::format("bao-cao-{}.pdf", report.overview.year);
        if (!not_an_input(file.string(), inputs)) return kExitUsage;
        std::error_code temp_error;
        const fs::path temp = fs::temp_directory_path(temp_error);
        auto printed = report::print_pdf(report::render_report_html(report, lang, render), temp_error ? "/tmp" : temp.string());
        if (const auto* failed = std::get_if<report::PdfError>(&printed)) {
            if (failed->where.empty()) print_error(failed->message);
            else print_error(failed->where, failed->message);
            return kExitUsage;
        }
        std::string& pdf = std::get<std::string>(printed);
        // The document's date, else the last day of the year reported: never the clock.
        report::stamp_pdf_dates(pdf, date.empty() ? report::FrameDate{31, 12, report.overview.year} : date);
        if (!write_output(file.string(), pdf, inputs)) return kExitUsage;
        if (!quiet) print_done(text::say("cli.wrote", text::printable(file.string())));
        return kExitOk;
    }
    // HTML and Markdown are written while they are laid out: a national report is never held whole.
    const ProduceBytes produce = [&](const std::function<void(std::string_view)>& out) {
        if (args.format == "md") {
            report::write_report_md(report, lang, render, out);
        } else {
            report::write_report_html(report, lang, render, out);
        }
    };
    if (to_stdout) {
        produce([](std::string_view piece) { std::fwrite(piece.data(), 1, piece.size(), stdout); });
        return kExitOk;
    }
    fs::path file(args.out);
    if (fs::is_directory(file, ec)) file /= fmt::format("bao-cao-{}.{}", report.overview.year, args.format);
    if (!write_output_stream(file.string(), produce, inputs)) return kExitUsage;
    if (!quiet) print_done(text::say("cli.wrote", text::printable(file.string())));
    return kExitOk;
}

// The Section bits of a --sections list ("tieu-chi,phieu-xa"); 0, with the error printed, when
// a name is none of the report's views.
unsigned parse_sections(const std::string& list) {
    if (list.empty()) return report::kAllSections;
    unsigned bits = 0;
    std::vector<std::string> names;
    for (const auto& [name, bit] : report::kSectionNames) names.emplace_back(name);
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t end = list.find(',', start);
        if (end == std::string::npos) end = list.size();
        const std::string word(text::trim(std::string_view(list).substr(start, end - start)));
        bool known = false;
        for (const auto& [name, bit] : report::kSectionNames) {
            if (word == name) {
                bits |= bit;
                known = true;
            }
        }
        if (!known) {
            if (const auto near = text::closest_match(word, names)) {
                print_error(text::say("cli.report.unknown_section_suggest", text::printable(word), *near));
            } else {
                print_error(text::say("cli.report.unknown_section", text::printable(word), fmt::format("{}", fmt::join(names, ", "))));
            }
            return 0;
        }
        start = end + 1;
    }
    return bits;
}

// --by: the report cut into parts, each written into the --out directory (created if missing)
// as NAME.FORMAT; per district, a report of each district in scope (of `whole`, only its
// districts and sections are then made and read).
int write_parts(const ReportArgs& args, const report::Report& whole, const Loaded& loaded,
                const engine::Evaluation& evaluation, const report::ReportOptions& options,
                const std::vector<Input>& inputs, const report::RenderOptions& render, const report::FrameDate& date) {
    if (args.by == "huyen" && whole.overview.districts.empty()) {
        print_error(args.data, text::say("cli.report.by_no_district"));
        return kExitUsage;
    }
    std::error_code ec;
    const fs::path dir(args.out);
    if (args.out == "-" || (fs::exists(dir, ec) && !fs::is_directory(dir, ec))) {
        print_error(args.out, text::say("cli.report.by_needs_dir"));
        return kExitUsage;
    }
    if (!fs::exists(dir, ec) && (!fs::create_directory(dir, ec) || ec)) {
        print_error(args.out, text::say("cli.cannot_mkdir", text::reason_text(ec.message())));
        return kExitUsage;
    }
    // Each part written as soon as it is made.
    std::size_t count = 0;
    int written = kExitOk;
    const report::TakePart write = [&](const std::string& name, const report::Report& part) {
        ReportArgs one = args;
        // CSV: a directory of tables per part; otherwise one file.
        one.out = (dir / (args.format == "csv" ? name : fmt::format("{}.{}", name, args.format))).string();
        written = write_report(one, part, lang(), inputs, render, date, true);
        count += written == kExitOk;
        return written == kExitOk;
    };
    if (args.by == "so") {
        report::each_part_by_body(whole, write);
    } else if (args.by == "xa") {
        report::each_part_by_commune(whole, write);
    } else {
        // The year before, evaluated once for every district's comparison; likewise the targets
        // of later years.
        const std::optional<engine::Evaluation> previous =
            report::previous_evaluation(loaded.program, loaded.data, evaluation, options.threads, options.history);
        const std::vector<engine::TargetResult> upcoming =
            engine::compare_upcoming_targets(loaded.program, loaded.data, evaluation);
        for (const report::DistrictProgress& d : whole.overview.districts) {
            report::ReportOptions one = options;
            one.previous = previous ? &*previous : nullptr;
            one.upcoming = &upcoming;
            for (std::uint32_t e = 0; e < loaded.data.entities.size(); ++e) {
                const engine::Entity& entity = loaded.data.entities[e];
                if (entity.kind == engine::EntityKind::huyen && entity.code == d.unit.code) one.locality = e;
            }
            const std::string name = report::slug(d.unit.name);
            report::Report part = report::build_report(loaded.program, loaded.data, evaluation, one);
            part.sections = whole.sections;
            if (!write(name.empty() ? report::slug(d.unit.code) : fmt::format("{}-{}", report::slug(d.unit.code), name), part))
                break;
        }
    }
    if (written != kExitOk) return written;
    print_done(text::say("cli.report.wrote_parts", count, text::printable(args.out)));
    return kExitOk;
}

}  // namespace

// Evaluates one year (the one asked for, or the latest of the data) and writes its report:
// overview, criteria, work lists, commune sheets and data problems.
int run_report(const ReportArgs& args) {
    // The sections and the frame first: a mistake in them is found before the rules and data are read.
    const unsigned sections = parse_sections(args.sections);
    if (sections == 0) return kExitUsage;
    report::FrameDate date;
    if (!args.date.empty()) {
        date = report::parse_frame_date(args.date);
        if (date.empty()) {
            print_error(text::say("cli.report.bad_date", text::printable(args.date)));
            return kExitUsage;
        }
    }
    report::Frame frame;
    report::RenderOptions render;
    render.compact = args.compact || (!args.full && args.format == "pdf");
    if (!args.frame.empty()) {
        std::vector<text::Problem> problems;
        frame = report::read_frame(args.frame, date, problems);
        if (!problems.empty()) {
            fmt::print(stderr, "{}", text::render(problems, lang()));
            return kExitUsage;
        }
        render.frame = &frame;
        date = frame.date;
    }
    const data::LoadOptions options = load_options(args.units, args.sheet, args.limits, args.year);
    Loaded loaded = load_rules_and_data(args.rules, args.data, options);
    if (loaded.exit_code != kExitOk) return loaded.exit_code;
    const engine::Dataset& data = loaded.data;
    if (!year_found(data, args.data, args.year)) return kExitUsage;
    const std::vector<int> years = data.years();
    if (years.empty()) {
        print_error(args.data, text::say("cli.no_record_to_report"));
        return kExitUsage;
    }
    report::ReportOptions report_options;
    if (!find_locality(args.locality, data, args.data, report_options.locality)) return kExitUsage;
    report_options.rule_files = args.rules;  // as given: "rules/", not every file in it
    report_options.data_file = args.data;
    // With --year, the records of other years were left out: read again, whole, for the
    // comparison with the previous year only (its problems are those already printed, or of
    // other years: not reported).
    engine::Dataset history;
    if (args.year && data.skipped > 0) {
        data::LoadOptions whole = options;
        whole.year.reset();
        try {
            history = data::load_data(args.data, loaded.program.schema, whole);
            report_options.history = &history;
        } catch (const text::FileError&) {
            // read a moment ago: no comparison rather than an error
        }
    }
    const engine::Evaluation evaluation = engine::evaluate(loaded.program, data, {years.back(), args.threads, engine::kNone, false});
    fmt::print(stderr, "{}", text::render(evaluation.problems, lang()));
    // By district, each part is a report of its own: of the whole, only the districts are read
    // (each commune is explained once, for its district's part).
    report::Report report;
    if (args.by == "huyen") {
        report.overview.districts = report::report_districts(loaded.program, data, evaluation, report_options.locality);
    } else {
        report = report::build_report(loaded.program, data, evaluation, report_options);
    }
    report.sections = sections;
    std::vector<Input> inputs = loaded.inputs;
    if (!args.frame.empty()) inputs.push_back({"cli.input.frame_file", args.frame});
    const int written = args.by.empty()
                            ? write_report(args, report, lang(), inputs, render, date)
                            : write_parts(args, report, loaded, evaluation, report_options, inputs, render, date);
    if (written != kExitOk) return written;
    return any_error(data.problems) || any_error(evaluation.problems) ? kExitRules : kExitOk;
}

void add_report(CLI::App& app, Run& run) {
    auto args = std::make_shared<ReportArgs>();
    CLI::App* cmd = app.add_subcommand(
        "report", in_lang(text::say("cli.report")));
    add_rules_option(*cmd, args->rules);
    add_data_options(*cmd, args->data, args->sheet, args->units);
    add_year_option(*cmd, args->year, in_lang(text::say("cli.report.year")));
    cmd->add_option("--format", args->format, in_lang(text::say("cli.report.format")))->required()->check(CLI::IsMember({"html", "md", "csv", "xlsx", "pdf"}));
    cmd->add_option("--out", args->out, in_lang(text::say("cli.report.out")))->required();
    cmd->add_option("--locality", args->locality, in_lang(text::say("cli.report.locality")));
    cmd->add_option("--sections", args->sections, in_lang(text::say("cli.report.sections")));
    cmd->add_option("--by", args->by, in_lang(text::say("cli.report.by")))->check(CLI::IsMember({"huyen", "so", "xa"}));
    cmd->add_option("--frame", args->frame, in_lang(text::say("cli.report.frame")));
    cmd->add_option("--date", args->date, in_lang(text::say("cli.report.date")));
    cmd->add_flag("--compact", args->compact, in_lang(text::say("cli.report.compact")));
    cmd->add_flag("--no-compact", args->full, in_lang(text::say("cli.report.full")))->excludes("--compact");
    add_threads_option(*cmd, args->threads);
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_report);
}

}  // namespace ntm::cli
