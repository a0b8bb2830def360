// The API's calls: see api.hpp.  JSON in and out by nlohmann/json, but for the evaluation,
// written by report::write_eval_json as `ntm eval --format json` writes it.
#include "server/api.hpp"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "data/load.hpp"
#include "data/localities.hpp"
#include "data/official.hpp"
#include "dsl/pipeline.hpp"
#include "engine/compiler.hpp"
#include "engine/evaluate.hpp"
#include "report/json.hpp"
#include "report/text.hpp"
#include "text/files.hpp"
#include "text/problem.hpp"

namespace ntm::server {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using text::say;

std::string dump(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n"; }

// A file of the rules as the API names it: relative to the rules folder.
std::string shown_path(const std::string& root, const std::string& path) {
    const fs::path rel = fs::path(path).lexically_relative(fs::path(root));
    return rel.empty() || *rel.begin() == ".." ? fs::path(path).filename().string() : rel.string();
}

json place(const dsl::SourceManager& sources, const std::string& root, dsl::Span span) {
    const dsl::LineCol begin = sources.locate(span.file, span.begin);
    const dsl::LineCol end = sources.locate(span.file, span.end);
    return {{"file", shown_path(root, sources.file(span.file).path)},
            {"line", begin.line},
            {"column", begin.column},
            {"end_line", end.line},
            {"end_column", end.column}};
}

json problem_json(const text::Problem& p, text::Lang lang) {
    json j = {{"file", p.where.file}, {"message", p.message.in(lang)}};
    if (p.where.line > 0) j["line"] = p.where.line;
    if (!p.code.empty()) j["code"] = p.code;
    return j;
}

// The rules' check as data: every diagnostic with its place, code, message, notes and help.
json check_json(const dsl::Rules& rules, const std::string& root, text::Lang lang) {
    json diagnostics = json::array();
    for (const dsl::Diagnostic& d : rules.diags.items()) {
        json j = place(rules.sources, root, d.span);
        j["severity"] = d.severity == dsl::Severity::error ? "error" : "warning";
        j["code"] = d.code;
        j["message"] = d.message.in(lang);
        json notes = json::array();
        for (const dsl::Note& n : d.notes) {
            json note = place(rules.sources, root, n.span);
            note["message"] = n.message.in(lang);
            notes.push_back(std::move(note));
        }
        j["notes"] = std::move(notes);
        if (d.help) j["help"] = d.help->in(lang);
        diagnostics.push_back(std::move(j));
    }
    json files = json::array();
    for (std::size_t f = 0; f < rules.sources.size(); ++f) {
        files.push_back(shown_path(root, rules.sources.file(static_cast<dsl::FileId>(f)).path));
    }
    json io = json::array();
    for (const text::Problem& p : rules.io_errors) io.push_back(problem_json(p, lang));
    return {{"files", std::move(files)},
            {"errors", rules.diags.error_count()},
            {"warnings", rules.diags.warning_count()},
            {"io_errors", std::move(io)},
            {"diagnostics", std::move(diagnostics)}};
}

std::unique_ptr<dsl::Rules> load_rules(const Config& config, const dsl::Overlay* overlay = nullptr) {
    auto rules = dsl::load_and_check({config.rules}, false, config.limits, overlay);
    if (config.official_units && rules->io_errors.empty() && rules->checked) {
        const std::array<const data::AdminUnits*, 2> lists = {&data::official_units(engine::AdminMap::three_tier),
                                                              &data::official_units(engine::AdminMap::two_tier)};
        data::check_localities(rules->module, lists, rules->diags);
        rules->diags.sort();
    }
    return rules;
}

// A rule file named by a request: relative to the rules folder, inside it, a .ntm file.
std::optional<std::string> rule_file_path(const std::string& root, const std::string& file) {
    const fs::path rel = fs::path(file).lexically_normal();
    if (file.empty() || rel.is_absolute() || rel.empty() || *rel.begin() == ".." || rel.extension() != ".ntm") {
        return std::nullopt;
    }
    if (fs::is_regular_file(root)) {  // the rules are one file: only it
        if (rel != fs::path(root).filename()) return std::nullopt;
        return root;
    }
    return (fs::path(root) / rel).string();
}

// The folder an upload is put in while it is read; removed with everything in it when the
// request ends.
class UploadDir {
public:
    explicit UploadDir(const std::string& base) {
        static std::atomic<unsigned> next{0};
        path_ = (fs::path(base) / std::to_string(::getpid()) / std::to_string(next++)).string();
    }
    UploadDir(const UploadDir&) = delete;
    UploadDir& operator=(const UploadDir&) = delete;
    ~UploadDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    bool make() {
        std::error_code ec;
        fs::create_directories(path_, ec);
        return !ec;
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

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

Api::Api(Config config) : config_(std::move(config)) {}

Api::~Api() {
    std::error_code ec;  // a folder that is not empty is kept: remove() removes only empty ones
    fs::remove(fs::path(config_.upload_dir) / std::to_string(::getpid()), ec);
    fs::remove(config_.upload_dir, ec);
}

Reply Api::error(int status, const text::Message& message, text::Lang lang) {
    return {status, "application/json; charset=utf-8",
            dump({{"error", {{"status", status}, {"message", message.in(lang)}}}})};
}

Reply Api::status() const {
    const auto rules = load_rules(config_);
    json datasets = json::array();
    for (const std::string& path : config_.data) {
        datasets.push_back({{"name", fs::path(path).filename().string()}, {"path", path}});
    }
    return {200, "application/json; charset=utf-8",
            dump({{"version", 1},
                  {"rules", {{"path", config_.rules},
                             {"files", rules->sources.size()},
                             {"errors", rules->diags.error_count() + rules->io_errors.size()},
                             {"warnings", rules->diags.warning_count()}}},
                  {"datasets", std::move(datasets)}})};
}

Reply Api::check(std::string_view body, text::Lang lang) const {
    dsl::Overlay overlay;
    if (!body.empty()) {
        const json in = json::parse(body, nullptr, false);
        if (in.is_discarded() || !in.is_object()) return error(400, say("serve.check.not_json"), lang);
        const auto file = in.find("file");
        const auto text = in.find("text");
        if (file == in.end() || !file->is_string() || text == in.end() || !text->is_string()) {
            return error(400, say("serve.check.fields"), lang);
        }
        const auto path = rule_file_path(config_.rules, file->get<std::string>());
        if (!path) return error(400, say("serve.check.bad_file", file->get<std::string>()), lang);
        overlay[*path] = text->get<std::string>();
    }
    const auto rules = load_rules(config_, overlay.empty() ? nullptr : &overlay);
    return {200, "application/json; charset=utf-8", dump(check_json(*rules, config_.rules, lang))};
}

Reply Api::evaluate(const EvaluateRequest& request, text::Lang lang) const {
    // The data: an offered file by name, or the upload.
    std::string data_path, data_file;
    UploadDir upload(config_.upload_dir);
    if (!request.dataset.empty()) {
        for (const std::string& path : config_.data) {
            if (fs::path(path).filename().string() == request.dataset) data_path = data_file = path;
        }
        if (data_path.empty()) return error(404, say("serve.no_dataset", request.dataset), lang);
    } else {
        const std::string name = fs::path(request.upload_name).filename().string();
        if (name.empty() || name == "." || name == ".." || data::data_format(name) == data::DataFormat::none) {
            return error(415, say("serve.upload_name", request.upload_name), lang);
        }
        if (!upload.make()) return error(500, say("serve.upload_dir", config_.upload_dir), lang);
        data_path = (fs::path(upload.path()) / name).string();
        data_file = name;
        if (const auto failed = text::write_file(data_path, request.upload)) {
            return error(500, say("serve.upload_write", name, failed->in(lang)), lang);
        }
    }

    const auto rules = load_rules(config_);
    if (!rules->ok()) {
        Reply r{422, "application/json; charset=utf-8", dump(check_json(*rules, config_.rules, lang))};
        return r;
    }
    const engine::Program program = engine::compile(*rules);
    std::uint32_t set = engine::kNone;
    if (!request.set.empty()) {
        for (std::uint32_t s = 0; s < program.sets.size(); ++s) {
            if (program.sets[s].name == request.set) set = s;
        }
        if (set == engine::kNone) return error(400, say("serve.no_set", request.set), lang);
    }

    data::LoadOptions options;
    if (config_.official_units) {
        options.units = {&data::official_units(engine::AdminMap::three_tier),
                         &data::official_units(engine::AdminMap::two_tier)};
    }
    options.limits = config_.limits;
    options.year = request.year;
    options.program = &program;
    engine::Dataset data;
    try {
        data = data::load_data(data_path, program.schema, options);
    } catch (const text::FileError& e) {
        text::Problem p = e.problem;
        if (p.where.file == data_path) p.where.file = data_file;  // the upload by its own name
        return {422, "application/json; charset=utf-8", dump({{"error", {{"status", 422}, {"message", text::render(p, lang)}}}})};
    }
    if (request.year && data.records.empty() && data.skipped > 0) {
        return error(404, say("cli.no_record_of_year", *request.year, data.skipped), lang);
    }

    // The upload's problems name it as the user does, not by where it was put.
    const auto named = [&](std::vector<text::Problem>& problems) {
        for (text::Problem& p : problems) {
            if (p.where.file == data_path) p.where.file = data_file;
        }
    };
    named(data.problems);
    report::EvalRun run;
    for (std::size_t f = 0; f < rules->sources.size(); ++f) {
        run.rule_files.push_back(rules->sources.file(static_cast<dsl::FileId>(f)).path);
    }
    run.data_file = data_file;
    std::size_t problems = data.problems.size();
    for (const int year : data.years()) {
        run.years.push_back(engine::evaluate(program, data, {year, config_.threads, set, false}));
        named(run.years.back().problems);
        problems += run.years.back().problems.size();
    }
    auto bytes = eval_json(program, data, run, config_.threads);
    if (!bytes) return error(500, say("serve.write_failed"), lang);
    Reply r{200, "application/json; charset=utf-8", std::move(*bytes)};
    r.problems = problems;
    return r;
}

}  // namespace ntm::server
