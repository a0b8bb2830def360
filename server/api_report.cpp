// POST /api/v1/report and /api/v1/annotate (api.hpp): a year's report, rendered as `ntm report`
// renders it; the data given back with its problems on their cells, as `ntm validate --annotate`.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <variant>

#include "data/load.hpp"
#include "data/official.hpp"
#include "data/source.hpp"
#include "engine/evaluate.hpp"
#include "report/annotate.hpp"
#include "report/pdf.hpp"
#include "report/print_pdf.hpp"
#include "report/report.hpp"
#include "server/api.hpp"
#include "server/api_loaded.hpp"
#include "server/api_parts.hpp"
#include "text/files.hpp"

namespace ntm::server {

namespace fs = std::filesystem;
using text::say;

namespace {

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// A workbook libxlsxwriter writes to a file: written by `write(path)` in a request's own folder,
// then read back as the answer, a file to save as `name`.
template <class Write>
Reply workbook(const std::string& upload_dir, const char* name, Write write, text::Lang lang) {
    UploadDir dir(upload_dir);
    if (!dir.make()) return Api::error(500, say("serve.upload_dir", upload_dir), lang);
    const std::string path = (fs::path(dir.path()) / "tep.xlsx").string();
    try {
        write(path);
    } catch (const text::FileError& e) {
        return Api::error(500, text::Message::same(text::render(e.problem, lang)), lang);
    }
    std::ifstream file(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    Reply reply{200, kXlsx, std::move(bytes)};
    reply.disposition = fmt::format("attachment; filename=\"{}\"", name);
    return reply;
}

}  // namespace

Reply Api::report(const DataRequest& request, const std::string& format, const std::string& locality,
                  text::Lang lang) const {
    if (format != "html" && format != "md" && format != "csv" && format != "xlsx" && format != "pdf") {
        return error(400, say("serve.report_format", format), lang);
    }
    Loaded in;
    if (auto failed = load(request, lang, in)) return std::move(*failed);
    const std::vector<int> years = in.data.years();
    if (years.empty()) return error(404, say("cli.no_record_to_report"), lang);

    report::ReportOptions options;
    options.rule_files = {config_.rules};  // as `--rules` names them
    options.data_file = in.data_file;
    if (!locality.empty()) {
        options.locality = in.data.find(locality);
        if (options.locality == engine::kNone) return error(404, say("serve.no_entity", locality, in.data_file), lang);
    }
    // With a year asked for, the other years were left out: read again, whole, for the
    // comparison with the year before (as ntm report --year).
    engine::Dataset history;
    if (request.year && in.data.skipped > 0) {
        try {
            history = data::load_data(in.data_path, in.program.schema, in.options_without_year());
            options.history = &history;
        } catch (const text::FileError&) {
            // read a moment ago: no comparison rather than an error
        }
    }
    const engine::Evaluation evaluation =
        engine::evaluate(in.program, in.data, {years.back(), config_.threads, engine::kNone, false, in.deadline});
    const report::Report r = report::build_report(in.program, in.data, evaluation, options);
    in.on_time();

    if (format == "csv") {
        std::string out;
        for (const auto& [name, table] : report::render_report_csv(r, lang)) {
            out += "==> " + name + " <==\n" + table.substr(3);  // no BOM
        }
        return {200, "text/plain; charset=utf-8", std::move(out)};
    }
    if (format == "xlsx") {
        return workbook(
            config_.upload_dir, "bao-cao.xlsx", [&](const std::string& path) { report::write_report_xlsx(r, lang, path); },
            lang);
    }
    if (format == "pdf") {  // as ntm report --format pdf: compact commune sheets, dated the year's last day
        report::RenderOptions render;
        render.compact = true;
        UploadDir dir(config_.upload_dir);
        if (!dir.make()) return error(500, say("serve.upload_dir", config_.upload_dir), lang);
        const auto left = in.deadline - std::chrono::steady_clock::now();
        const int seconds = in.deadline == std::chrono::steady_clock::time_point::max()
                                ? 300
                                : static_cast<int>(std::chrono::ceil<std::chrono::seconds>(left).count());
        if (seconds <= 0) throw engine::TimeUp();
        auto printed = report::print_pdf(report::render_report_html(r, lang, render), dir.path(), seconds);
        if (const auto* failed = std::get_if<report::PdfError>(&printed)) {
            if (failed->kind == report::PdfError::Kind::timeout) throw engine::TimeUp();
            const text::Message why = failed->where.empty() ? failed->message : text::Message::same(failed->where + ": " + failed->message.in(lang));
            return error(failed->kind == report::PdfError::Kind::no_browser ? 501 : 500, why, lang);
        }
        std::string& pdf = std::get<std::string>(printed);
        report::stamp_pdf_dates(pdf, report::FrameDate{31, 12, r.overview.year});
        Reply reply{200, "application/pdf", std::move(pdf)};
        reply.disposition = "attachment; filename=\"bao-cao.pdf\"";
        return reply;
    }
    std::string out;
    const auto sink = [&out](std::string_view piece) { out.append(piece); };
    if (format == "md") {
        report::write_report_md(r, lang, {}, sink);
        return {200, "text/markdown; charset=utf-8", std::move(out)};
    }
    report::write_report_html(r, lang, {}, sink);
    return {200, "text/html; charset=utf-8", std::move(out)};
}

Reply Api::annotate(const DataRequest& request, text::Lang lang) const {
    const std::string& name = request.dataset.empty() ? request.upload_name : request.dataset;
    if (!name.empty() && !data::source_readable(name)) return error(415, say("serve.annotate_source", name), lang);
    Loaded in;
    if (auto failed = load(request, lang, in)) return std::move(*failed);
    return workbook(
        config_.upload_dir, "du-lieu-ghi-chu.xlsx",
        [&](const std::string& path) {
            data::Source source = data::read_source(in.data_path, in.options);
            source.path = in.data_file;  // the summary names the file as the user does
            report::write_annotated(path, source, in.data, lang);
        },
        lang);
}

}  // namespace ntm::server
