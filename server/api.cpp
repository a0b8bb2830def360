// The API's calls that read rules only: status and check (api.hpp); api_data.cpp has those
// that read data.  JSON in and out by nlohmann/json.
#include "server/api.hpp"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <memory>

#include "data/localities.hpp"
#include "data/official.hpp"
#include "dsl/pipeline.hpp"
#include "server/api_parts.hpp"
#include "text/problem.hpp"

namespace ntm::server {

namespace fs = std::filesystem;
using nlohmann::json;
using text::say;

namespace detail {

std::string dump(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n"; }

}  // namespace detail

namespace {

using detail::dump;

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

}  // namespace

// The rules' check as data: every diagnostic with its place, code, message, notes and help.
json detail::check_json(const dsl::Rules& rules, const std::string& root, text::Lang lang) {
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

std::unique_ptr<dsl::Rules> detail::load_rules(const Config& config, const dsl::Overlay* overlay) {
    auto rules = dsl::load_and_check({config.rules}, false, config.limits, overlay);
    if (config.official_units && rules->io_errors.empty() && rules->checked) {
        const std::array<const data::AdminUnits*, 2> lists = {&data::official_units(engine::AdminMap::three_tier),
                                                              &data::official_units(engine::AdminMap::two_tier)};
        data::check_localities(rules->module, lists, rules->diags);
        rules->diags.sort();
    }
    return rules;
}

namespace {

using detail::check_json;
using detail::load_rules;

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

}  // namespace ntm::server
