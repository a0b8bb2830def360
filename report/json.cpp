#include "report/json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "report/text.hpp"

namespace ntm::report {

Json json_number(double v) {
    if (!known(v) || !std::isfinite(v)) return nullptr;
    const double r = std::round(v * 1e9) / 1e9;
    if (std::fabs(r) < 9e15 && r == std::trunc(r)) return static_cast<std::int64_t>(r);
    return r;
}

const char* status_key(Status s) {
    switch (s) {
        case Status::met: return "met";
        case Status::not_met: return "not_met";
        case Status::unknown: return "unknown";
        case Status::not_applicable: return "not_applicable";
    }
    return "";
}

namespace {

Json num(double v) { return json_number(v); }

Json text_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

const char* problem_kind_key(text::ProblemKind k) {
    switch (k) {
        case text::ProblemKind::warning: return "warning";
        case text::ProblemKind::value: return "value";
        case text::ProblemKind::record: return "record";
        case text::ProblemKind::error: break;  // a file that cannot be read is thrown, never listed
    }
    return "";
}

Json indicator_json(const IndicatorExplanation& i) {
    Json j;
    j["code"] = i.code;
    j["status"] = status_key(i.status);
    if (i.boolean && known(i.value)) {
        j["value"] = i.value != 0;
    } else {
        j["value"] = num(i.value);
    }
    j["unit"] = i.unit;
    if (i.has_requirement) {
        j["threshold"] = {{"cmp", dsl::spelling(i.cmp)}, {"low", num(i.low)}, {"high", num(i.high)}};
        // Only when it is: the threshold depends on a category not decided.
        if (known(i.low_min) && known(i.low_max)) j["threshold"]["range"] = Json::array({num(i.low_min), num(i.low_max)});
    } else {
        j["threshold"] = nullptr;
    }
    j["gap"] = num(i.gap);
    j["rule"] = text_or_null(i.rule);
    j["source"] = text_or_null(i.source);
    j["responsible"] = text_or_null(i.responsible);
    if (i.estimated) j["estimated"] = true;  // only when it is: most data has no estimates
    if (!i.unconfirmed.empty()) j["unconfirmed"] = i.unconfirmed;  // only when it rests on one
    if (i.category_unknown) j["category_unknown"] = true;  // likewise
    return j;
}

Json criterion_json(const CriterionExplanation& c) {
    Json j;
    j["code"] = c.code;
    j["status"] = status_key(c.status);
    j["responsible"] = text_or_null(c.responsible);
    j["indicators"] = Json::array();
    for (const IndicatorExplanation& i : c.indicators) j["indicators"].push_back(indicator_json(i));
    return j;
}

Json level_json(const LevelExplanation& l) {
    Json j;
    j["level"] = l.name;
    j["status"] = status_key(l.status);
    j["prerequisite"] = status_key(l.prerequisite);
    j["set"] = text_or_null(l.set_name);
    j["region"] = l.set_name.empty() ? Json(nullptr) : Json(std::string(dsl::name_of(l.region)));
    j["criteria_met"] = l.set_name.empty() ? Json(nullptr) : Json(l.criteria_met);
    j["criteria_total"] = l.set_name.empty() ? Json(nullptr) : Json(l.criteria_total);
    j["criteria"] = Json::array();
    for (const CriterionExplanation& c : l.criteria) j["criteria"].push_back(criterion_json(c));
    j["gates"] = Json::array();
    for (const GateExplanation& g : l.gates) {
        j["gates"].push_back({{"name", g.name}, {"status", status_key(g.status)}, {"rule", text_or_null(g.rule)}});
    }
    return j;
}

Json summary_json(const Program& program, const KindSummary& k) {
    Json levels = Json::array();
    const auto& order = program.level_order[kind_index(k.kind)];
    for (std::size_t i = 0; i < k.at_level.size(); ++i) {
        levels.push_back({{"level", i == 0 ? Json(nullptr) : Json(program.levels[order[i - 1]].name)},
                          {"count", k.at_level[i]},
                          {"uncertain", k.uncertain[i]}});
    }
    Json j;
    j["kind"] = std::string(dsl::name_of(k.kind));
    j["total"] = k.total;
    j["not_judged"] = k.not_judged;
    j["not_in_force"] = k.not_in_force;
    j["levels"] = std::move(levels);
    j["criteria_met_mean"] =
        k.judged == 0 ? Json(nullptr)
                      : num(std::round(10.0 * static_cast<double>(k.criteria_met_sum) / static_cast<double>(k.judged)) / 10.0);
    j["criteria_total"] = k.judged == 0 ? Json(nullptr) : Json(k.criteria_total);
    return j;
}

Json target_json(const Program& program, const Dataset& data, const TargetResult& t) {
    const TargetDef& def = program.targets[t.target];
    Json j;
    j["name"] = def.name;
    j["title"] = def.title;
    j["source"] = text_or_null(def.source);
    j["locality"] = data.entities[t.locality].code;
    j["lines"] = Json::array();
    for (const TargetLineResult& r : t.lines) {
        Json line;
        line["level"] = program.levels[r.level].name;
        line["increment"] = r.increment;
        line["asked"] = num(r.asked);
        line["reached"] = num(r.reached);
        line["reached_max"] = num(r.reached_max);
        line["before"] = r.increment ? num(r.before) : Json(nullptr);
        line["status"] = status_key(r.status);
        j["lines"].push_back(std::move(line));
    }
    return j;
}

}  // namespace

Json problem_json(const text::Problem& problem) {
    Json j;
    j["code"] = problem.code;
    j["kind"] = problem_kind_key(problem.kind);
    j["file"] = problem.where.file;
    j["line"] = problem.where.line == 0 ? Json(nullptr) : Json(problem.where.line);
    j["field"] = text_or_null(problem.where.field);
    j["message"] = problem.message.vi();
    j["message_en"] = problem.message.en();
    return j;
}

// A revocation rule that applies: "revoke" (đề nghị thu hồi), "may_revoke" (data missing could
// make it so) or "keep"; the case that fired, and the criteria it counted.
Json revocation_json(const RevocationExplanation& r) {
    Json j;
    j["rule"] = r.name;
    j["level"] = r.level_name;
    j["recognised"] = r.recognised_year;
    j["verdict"] = r.status == Status::met ? "revoke" : r.status == Status::unknown ? "may_revoke" : "keep";
    j["case"] = text_or_null(r.branch_name);
    Json unmet = Json::array(), unknown = Json::array();
    for (const RevocationCriterion& c : r.unmet_criteria) unmet.push_back(c.code);
    for (const RevocationCriterion& c : r.unknown_criteria) unknown.push_back(c.code);
    j["criteria_unmet"] = std::move(unmet);
    j["criteria_unknown"] = std::move(unknown);
    j["criteria_total"] = r.total;
    if (!r.unconfirmed.empty()) j["unconfirmed"] = r.unconfirmed;  // only when it rests on one
    return j;
}

Json entity_json(const Program& program, const Dataset& data, const Evaluation& evaluation, std::uint32_t result) {
    const EntityExplanation x = explain(program, data, evaluation, result);
    const EntityResult& er = evaluation.entities[result];
    Json j;
    j["code"] = x.code;
    j["name"] = x.name;
    j["type"] = x.type;
    j["kind"] = std::string(dsl::name_of(x.kind));
    j["parent"] = text_or_null(x.parent_code);
    j["map"] = x.map == engine::AdminMap::two_tier ? "two_tier" : "three_tier";
    j["region"] = std::string(dsl::name_of(x.region));
    j["judged"] = er.judged;
    j["level"] = text_or_null(x.level_name);
    j["level_uncertain"] = x.level_uncertain;
    j["criteria_met"] = x.criteria_total == 0 ? Json(nullptr) : Json(x.criteria_met);
    j["criteria_unknown"] = x.criteria_total == 0 ? Json(nullptr) : Json(x.criteria_unknown);
    j["criteria_total"] = x.criteria_total == 0 ? Json(nullptr) : Json(x.criteria_total);
    Json classes = Json::array();
    for (std::uint32_t c = 0; c < program.classes.size(); ++c) {
        if (evaluation.classes[er.first_class + c] == Status::met) classes.push_back(program.classes[c].name);
    }
    j["classes"] = std::move(classes);
    Json categories = Json::object();
    for (const CategoryExplanation& c : x.categories) categories[c.name] = c.decided ? Json(c.member) : Json(nullptr);
    j["categories"] = std::move(categories);
    if (er.lost_level == kNone) {
        j["lost_level"] = nullptr;
    } else {
        j["lost_level"] = {{"level", program.levels[er.lost_level].name}, {"recognised", er.lost_year}};
    }
    j["revocations"] = Json::array();
    for (const RevocationExplanation& r : x.revocations) j["revocations"].push_back(revocation_json(r));
    j["levels"] = Json::array();
    for (const LevelExplanation& l : x.levels) j["levels"].push_back(level_json(l));
    return j;
}

Json eval_json(const Program& program, const Dataset& data, const EvalRun& run) {
    Json doc;
    doc["format"] = "ntm-eval";
    doc["version"] = kEvalFormatVersion;
    doc["rules"] = run.rule_files;
    doc["data"] = run.data_file;
    doc["counts"] = {{"read", data.read}, {"accepted", data.records.size()}, {"rejected", data.rejected}, {"skipped", data.skipped}};
    doc["years"] = Json::array();
    for (const Evaluation& ev : run.years) {
        std::vector<std::uint32_t> order(ev.entities.size());
        for (std::uint32_t r = 0; r < order.size(); ++r) order[r] = r;
        const auto code = [&](std::uint32_t r) -> const std::string& {
            return data.entities[data.records[ev.entities[r].record].entity].code;
        };
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return code_order(code(a), code(b)); });
        Json year;
        year["year"] = ev.year;
        year["counts"] = {{"evaluated", ev.entities.size()}};
        year["summary"] = Json::array();
        for (const KindSummary& k : summarize(program, data, ev)) year["summary"].push_back(summary_json(program, k));
        year["entities"] = Json::array();
        for (std::uint32_t r : order) year["entities"].push_back(entity_json(program, data, ev, r));
        year["targets"] = Json::array();
        for (const TargetResult& t : ev.targets) year["targets"].push_back(target_json(program, data, t));
        year["problems"] = Json::array();
        for (const text::Problem& p : ev.problems) year["problems"].push_back(problem_json(p));
        doc["years"].push_back(std::move(year));
    }
    doc["problems"] = Json::array();
    for (const text::Problem& p : data.problems) doc["problems"].push_back(problem_json(p));
    return doc;
}

}  // namespace ntm::report
