// The calls of the API that read data: evaluate and explain (api.hpp).  Each reads the rules
// from disk and the data — a file offered by name, or the request's upload — as `ntm eval` and
// `ntm explain` do, and answers with what they print.
#include "server/api.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "data/load.hpp"
#include "data/official.hpp"
#include "diff/render.hpp"
#include "engine/compiler.hpp"
#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "report/json.hpp"
#include "report/text.hpp"
#include "server/api_loaded.hpp"
#include "server/api_parts.hpp"
#include "text/files.hpp"
#include "text/problem.hpp"

namespace ntm::server {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using text::say;
using detail::dump;

// The JSON of `ntm eval --format json`, as bytes.
std::optional<std::string> eval_json(const engine::Program& program, const engine::Dataset& data,
                                     const report::EvalRun& run, unsigned threads) {
    char* buffer = nullptr;
    std::size_t size = 0;
    std::FILE* out = ::open_memstream(&buffer, &size);
    if (out == nullptr) return std::nullopt;
    const bool ok = report::write_eval_json(out, program, data, run, threads);
    std::fclose(out);
    std::string bytes = ok ? std::string(buffer, size) : std::string();
    std::free(buffer);  // open_memstream's buffer
    if (!ok) return std::nullopt;
    return bytes;
}

}  // namespace

std::optional<Reply> Api::load(const DataRequest& request, text::Lang lang, Loaded& out,
                               const dsl::Overlay* overlay) const {
    const auto never = std::chrono::steady_clock::time_point::max();
    if (config_.max_time && out.deadline == never) out.deadline = std::chrono::steady_clock::now() + *config_.max_time;
    if (!request.dataset.empty()) {
        for (const std::string& path : config_.data) {
            if (fs::path(path).filename().string() == request.dataset) out.data_path = out.data_file = path;
        }
        if (out.data_path.empty()) return error(404, say("serve.no_dataset", request.dataset), lang);
    } else {
        if (request.upload.empty()) return error(400, say("serve.no_data"), lang);
        const std::string name = fs::path(request.upload_name).filename().string();
        if (name.empty() || name == "." || name == ".." || data::data_format(name) == data::DataFormat::none) {
            return error(415, say("serve.upload_name", request.upload_name), lang);
        }
        out.upload = std::make_unique<UploadDir>(config_.upload_dir);
        if (!out.upload->make()) return error(500, say("serve.upload_dir", config_.upload_dir), lang);
        out.data_path = (fs::path(out.upload->path()) / name).string();
        out.data_file = name;
        if (const auto failed = text::write_file(out.data_path, request.upload)) {
            return error(500, say("serve.upload_write", name, failed->in(lang)), lang);
        }
    }

    out.rules = detail::load_rules(config_, overlay);
    if (!out.rules->ok()) return Reply{422, "application/json; charset=utf-8", dump(detail::check_json(*out.rules, config_.rules, lang))};
    out.program = engine::compile(*out.rules);
    if (!request.set.empty()) {
        out.set = out.program.set_index(request.set);
        if (out.set == engine::kNone) return error(400, say("serve.no_set", request.set), lang);
    }

    data::LoadOptions options;
    if (config_.official_units) {
        options.units = data::official_lists();
    }
    options.limits = config_.limits;
    options.year = request.year;
    options.program = &out.program;
    out.options = options;
    try {
        out.data = data::load_data(out.data_path, out.program.schema, options);
    } catch (const text::FileError& e) {
        text::Problem p = e.problem;
        if (p.where.file == out.data_path) p.where.file = out.data_file;
        return error(422, text::Message::same(text::render(p, lang)), lang);
    }
    if (request.year && out.data.records.empty() && out.data.skipped > 0) {
        return error(404, say("cli.no_record_of_year", *request.year, out.data.skipped), lang);
    }
    out.name_problems(out.data.problems);
    out.on_time();
    return std::nullopt;
}

Reply Api::time_up(text::Lang lang) const {
    const auto ms = config_.max_time.value_or(std::chrono::milliseconds(0)).count();
    const std::string seconds =
        ms % 1000 == 0 ? std::to_string(ms / 1000) : fmt::format("{:.3f}", static_cast<double>(ms) / 1000.0);
    return error(503, say("serve.too_long", seconds), lang);
}

Reply Api::evaluate(const DataRequest& request, text::Lang lang) const {
    Loaded in;
    if (auto failed = load(request, lang, in)) return std::move(*failed);
    report::EvalRun run;
    for (std::size_t f = 0; f < in.rules->sources.size(); ++f) {
        run.rule_files.push_back(in.rules->sources.file(static_cast<dsl::FileId>(f)).path);
    }
    run.data_file = in.data_file;
    std::size_t problems = in.data.problems.size();
    for (const int year : in.data.years()) {
        run.years.push_back(engine::evaluate(in.program, in.data, {year, config_.threads, in.set, false, in.deadline}));
        in.name_problems(run.years.back().problems);
        problems += run.years.back().problems.size();
    }
    in.on_time();
    auto bytes = eval_json(in.program, in.data, run, config_.threads);
    if (!bytes) return error(500, say("serve.write_failed"), lang);
    Reply r{200, "application/json; charset=utf-8", std::move(*bytes)};
    r.problems = problems;
    return r;
}

Reply Api::explain(const DataRequest& request, const std::string& code, text::Lang lang) const {
    Loaded in;
    if (auto failed = load(request, lang, in)) return std::move(*failed);
    const std::uint32_t entity = in.data.find(code);
    if (entity == engine::kNone) return error(404, say("serve.no_entity", code, in.data_file), lang);
    // The year asked for, or the latest the entity has a record of (as ntm explain).
    int year = 0;
    for (const engine::Record& rec : in.data.records) {
        if (rec.entity == entity && (request.year ? rec.year == *request.year : rec.year > year)) year = rec.year;
    }
    if (year == 0) return error(404, say("serve.no_entity_record", code), lang);
    engine::Evaluation ev = engine::evaluate(in.program, in.data, {year, config_.threads, in.set, false, in.deadline});
    in.name_problems(ev.problems);
    for (std::uint32_t r = 0; r < ev.entities.size(); ++r) {
        if (in.data.records[ev.entities[r].record].entity != entity) continue;
        const engine::EntityExplanation x = engine::explain(in.program, in.data, ev, r);
        report::Json out;
        out["year"] = year;
        out["entity"] = report::entity_json(in.program, in.data, ev, r);
        out["text"] = report::render_explanation_text(x, in.data);
        return {200, "application/json; charset=utf-8", out.dump(2, ' ', false, json::error_handler_t::replace) + "\n"};
    }
    return error(404, say("serve.no_entity_record", code), lang);
}

Reply Api::diff(const DataRequest& request, const std::string& file, const std::string& text, text::Lang lang) const {
    const auto path = detail::rule_file_path(config_.rules, file);
    if (!path) return error(400, say("serve.check.bad_file", file), lang);
    const dsl::Overlay overlay{{*path, text}};
    Loaded before, after;
    if (auto failed = load(request, lang, before)) return std::move(*failed);
    after.deadline = before.deadline;  // both sides within the request's time
    if (auto failed = load(request, lang, after, &overlay)) return std::move(*failed);
    const std::vector<int> years = before.data.years();
    if (years.empty()) return error(404, say("cli.no_record_to_judge"), lang);
    const int year = request.year.value_or(years.back());

    diff::DiffRun run;
    run.data_file = before.data_file;
    run.structure = diff::compare_rules({&before.program, before.set, config_.rules},
                                        {&after.program, after.set, config_.rules + " (" + file + ")"});
    const engine::Evaluation old_eval =
        engine::evaluate(before.program, before.data, {year, config_.threads, before.set, true, before.deadline});
    const engine::Evaluation new_eval =
        engine::evaluate(after.program, after.data, {year, config_.threads, after.set, true, before.deadline});
    run.impact = diff::compare_results({&before.program, &before.data, &old_eval}, {&after.program, &after.data, &new_eval});
    run.impact->old_year = year;
    run.impact->new_year = year;
    return {200, "application/json; charset=utf-8", diff::render_diff_json(run)};
}

}  // namespace ntm::server
