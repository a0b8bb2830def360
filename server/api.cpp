// The API's calls that read rules only: status and check (api.hpp); api_data.cpp has those
// that read data.  JSON in and out by nlohmann/json.
#include "server/api.hpp"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <limits>
#include <filesystem>
#include <memory>

#include "data/localities.hpp"
#include "data/official.hpp"
#include "diff/thresholds.hpp"
#include "dsl/load.hpp"
#include "dsl/pipeline.hpp"
#include "engine/compiler.hpp"
#include "server/api_parts.hpp"
#include "text/files.hpp"
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
        const std::array<const data::AdminUnits*, 2> lists = data::official_lists();
        data::check_localities(rules->module, lists, rules->diags);
        rules->diags.sort();
    }
    return rules;
}

std::optional<std::string> detail::rule_file_path(const std::string& root, const std::string& file) {
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

namespace {

using detail::check_json;
using detail::load_rules;
using detail::rule_file_path;

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

namespace {

// What the rules write for a comparison: ">=", …, "in" (a range), "yes", "no".
const char* cmp_token(dsl::Cmp c) {
    switch (c) {
        case dsl::Cmp::ge: return ">=";
        case dsl::Cmp::gt: return ">";
        case dsl::Cmp::le: return "<=";
        case dsl::Cmp::lt: return "<";
        case dsl::Cmp::eq: return "=";
        case dsl::Cmp::ne: return "!=";
        case dsl::Cmp::in_range: return "in";
        case dsl::Cmp::yes: return "yes";
        case dsl::Cmp::no: return "no";
    }
    return "?";
}

// An indicator's requirements with their thresholds: each cell with its place (a region, a
// commune group, years) as the decision tables it, the whole in words, and the rule line.
json requirements_json(const engine::Program& p, const engine::IndicatorDef& id, const diff::YearSpan& valid) {
    const auto cells = [&](std::uint32_t root) {
        json out = json::array();
        for (const diff::PlacedValue& v : diff::threshold_places(p, root, valid)) {
            out.push_back({{"where", v.where}, {"value", engine::known(v.value) ? json(v.value) : json(nullptr)}});
        }
        return out;
    };
    json out = json::array();
    for (std::uint32_t r = id.first_requirement; r < id.first_requirement + id.requirement_count; ++r) {
        const engine::Requirement& req = p.requirements[r];
        json j = {{"cmp", cmp_token(req.cmp)}, {"rule", p.where(req.span)}};
        const bool range = req.cmp == dsl::Cmp::in_range;
        if (req.low != engine::kNone) {
            j["text"] = diff::threshold_text(p, req.low, range ? dsl::Cmp::ge : req.cmp, id.unit_symbol, valid);
            j["low"] = cells(req.low);
        }
        if (range && req.high != engine::kNone) {
            j["text"] = j.value("text", "") + "; " + diff::threshold_text(p, req.high, dsl::Cmp::le, id.unit_symbol, valid);
            j["high"] = cells(req.high);
        }
        out.push_back(std::move(j));
    }
    return out;
}

// Who is in charge of an indicator or a criterion: each body's title, with where and when.
json bodies_json(const engine::Program& p, const std::vector<engine::BodyInCharge>& in_charge) {
    json out = json::array();
    for (const engine::BodyInCharge& b : in_charge) {
        if (b.body == engine::kNone) continue;
        json j = {{"body", p.bodies[b.body].name}, {"title", p.bodies[b.body].title}};
        if (!b.locality.empty()) j["locality"] = b.locality;
        if (b.valid_from != std::numeric_limits<int>::min()) j["from"] = b.valid_from;
        if (b.valid_to != std::numeric_limits<int>::max()) j["to"] = b.valid_to;
        out.push_back(std::move(j));
    }
    return out;
}

json set_json(const engine::Program& p, std::uint32_t s) {
    const engine::SetDef& set = p.sets[s];
    json criteria = json::array();
    for (std::uint32_t c = set.first_criterion; c < set.first_criterion + set.criterion_count; ++c) {
        const engine::CriterionDef& cd = p.criteria[c];
        json indicators = json::array();
        for (std::uint32_t i = cd.first_indicator; i < cd.first_indicator + cd.indicator_count; ++i) {
            const engine::IndicatorDef& id = p.indicators[i];
            indicators.push_back({{"code", id.code},
                                  {"title", id.title},
                                  {"unit", id.unit_symbol},
                                  {"source", id.source},
                                  {"unconfirmed", id.unconfirmed != engine::kNone},
                                  {"requirements", requirements_json(p, id, {set.valid_from, set.valid_to})},
                                  {"responsible", bodies_json(p, id.bodies)}});
        }
        criteria.push_back({{"code", cd.code},
                            {"title", cd.title},
                            {"group", cd.group},
                            {"source", cd.source},
                            {"responsible", bodies_json(p, cd.bodies)},
                            {"indicators", std::move(indicators)}});
    }
    json j = {{"name", set.name},
              {"title", set.title},
              {"source", set.source},
              {"kind", std::string(dsl::name_of(set.kind))},
              {"from", set.valid_from},
              {"to", set.valid_to},
              {"criteria", std::move(criteria)}};
    if (set.base != engine::kNone) j["extends"] = p.sets[set.base].name;
    if (!set.locality.empty()) j["locality"] = set.locality;
    return j;
}

}  // namespace

Reply Api::rules(text::Lang lang) const {
    const auto rules = load_rules(config_);
    if (!rules->ok()) return {422, "application/json; charset=utf-8", dump(check_json(*rules, config_.rules, lang))};
    const engine::Program p = engine::compile(*rules);
    json levels = json::array();
    for (std::size_t k = 0; k < p.level_order.size(); ++k) {
        for (const std::uint32_t l : p.level_order[k]) {
            const engine::LevelDef& level = p.levels[l];
            levels.push_back({{"name", level.name},
                              {"title", level.title},
                              {"kind", std::string(dsl::name_of(level.kind))},
                              {"ordinal", level.ordinal},
                              {"source", level.source}});
        }
    }
    json sets = json::array();
    for (std::uint32_t s = 0; s < p.sets.size(); ++s) sets.push_back(set_json(p, s));
    json units = json::object();  // each unit an indicator reads, with its symbol ("percent": "%")
    for (const engine::IndicatorDef& i : p.indicators) units[i.unit] = i.unit_symbol;
    json files = json::array();
    for (std::size_t f = 0; f < rules->sources.size(); ++f) {
        files.push_back(shown_path(config_.rules, rules->sources.file(static_cast<dsl::FileId>(f)).path));
    }
    return {200, "application/json; charset=utf-8",
            dump({{"files", std::move(files)}, {"levels", std::move(levels)}, {"sets", std::move(sets)},
                  {"units", std::move(units)}})};
}

Reply Api::rule_file(const std::string& file, text::Lang lang) const {
    const auto path = rule_file_path(config_.rules, file);
    if (!path) return error(400, say("serve.check.bad_file", file), lang);
    std::vector<text::Problem> problems;
    auto text = text::read_text_file(*path, problems, dsl::rule_file_limit(config_.limits));
    if (!text) {
        return error(std::filesystem::exists(*path) ? 422 : 404,
                     text::Message::same(text::render(problems, lang)), lang);
    }
    return {200, "text/plain; charset=utf-8", std::move(*text)};
}

Reply Api::save_rule_file(const std::string& file, std::string_view body, text::Lang lang) const {
    const auto path = rule_file_path(config_.rules, file);
    if (!path) return error(400, say("serve.check.bad_file", file), lang);
    // Within the working folder only: the server writes nowhere else.
    std::error_code ec;
    const fs::path here = fs::weakly_canonical(fs::current_path(ec), ec);
    const fs::path target = fs::weakly_canonical(fs::absolute(*path, ec), ec);
    const auto [end, _] = std::mismatch(here.begin(), here.end(), target.begin(), target.end());
    if (ec || end != here.end()) return error(403, say("serve.save_outside", file), lang);

    std::vector<text::Problem> problems;
    auto text = text::accept_text(std::string(body), *path, problems, dsl::rule_file_limit(config_.limits));
    if (!text) return error(422, text::Message::same(text::render(problems, lang)), lang);
    if (fs::exists(*path)) {
        std::vector<text::Problem> unread;
        const auto before = text::read_text_file(*path, unread, dsl::rule_file_limit(config_.limits));
        if (!before) return error(422, text::Message::same(text::render(unread, lang)), lang);
        if (const auto failed = text::write_file(*path + ".bak", *before)) {
            return error(500, say("serve.save_failed", file + ".bak", failed->in(lang)), lang);
        }
    }
    if (const auto failed = text::write_file(*path, *text)) {
        return error(500, say("serve.save_failed", file, failed->in(lang)), lang);
    }
    const auto rules = load_rules(config_);
    return {200, "application/json; charset=utf-8", dump(check_json(*rules, config_.rules, lang))};
}

}  // namespace ntm::server
