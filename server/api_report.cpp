// POST /api/v1/report (api.hpp): a year's report, rendered as `ntm report` renders it.
#include <filesystem>
#include <fstream>
#include <iterator>

#include "data/load.hpp"
#include "data/official.hpp"
#include "engine/evaluate.hpp"
#include "report/report.hpp"
#include "server/api.hpp"
#include "server/api_loaded.hpp"
#include "server/api_parts.hpp"
#include "text/files.hpp"

namespace ntm::server {

namespace fs = std::filesystem;
using text::say;

Reply Api::report(const DataRequest& request, const std::string& format, const std::string& locality,
                  text::Lang lang) const {
    if (format != "html" && format != "md" && format != "csv" && format != "xlsx") {
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
    if (format == "xlsx") {  // libxlsxwriter writes a file: in the request's own folder, read back
        UploadDir dir(config_.upload_dir);
        if (!dir.make()) return error(500, say("serve.upload_dir", config_.upload_dir), lang);
        const std::string path = (fs::path(dir.path()) / "bao-cao.xlsx").string();
        try {
            report::write_report_xlsx(r, lang, path);
        } catch (const text::FileError& e) {
            return error(500, text::Message::same(text::render(e.problem, lang)), lang);
        }
        std::ifstream file(path, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
        return {200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", std::move(bytes)};
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

}  // namespace ntm::server
