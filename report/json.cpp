#include "report/json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/in_order.hpp"
#include "report/json_parts.hpp"
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
    if (!problem.where.sheet.empty()) j["cell"] = text::cell_reference(problem.where);  // a workbook's
    j["message"] = problem.message.vi();
    j["message_en"] = problem.message.en();
    return j;
}

Json entity_json(const Program& program, const Dataset& data, const Evaluation& evaluation, std::uint32_t result) {
    std::string text;
    JsonOut o(text);
    write_entity(o, program, data, evaluation, result);
    o.finish();
    return Json::parse(text);
}

namespace {

// The entities of a year in the order they are listed: by code.
std::vector<std::uint32_t> listing_order(const Dataset& data, const Evaluation& ev) {
    return sorted_by_code(static_cast<std::uint32_t>(ev.entities.size()), [&](std::uint32_t r) {
        return std::string_view(data.entities[data.records[ev.entities[r].record].entity].code);
    });
}

// The members of the document before "years", and of a year before and after "entities".
Json document_head(const Dataset& data, const EvalRun& run) {
    Json doc;
    doc["format"] = "ntm-eval";
    doc["version"] = kEvalFormatVersion;
    doc["rules"] = run.rule_files;
    doc["data"] = run.data_file;
    doc["counts"] = {{"read", data.read}, {"accepted", data.records.size()}, {"rejected", data.rejected}, {"skipped", data.skipped}};
    return doc;
}

Json year_head(const Program& program, const Dataset& data, const Evaluation& ev) {
    Json year;
    year["year"] = ev.year;
    year["counts"] = {{"evaluated", ev.entities.size()}};
    year["summary"] = Json::array();
    for (const KindSummary& k : summarize(program, data, ev)) year["summary"].push_back(summary_json(program, k));
    return year;
}

Json year_tail(const Program& program, const Dataset& data, const Evaluation& ev) {
    Json year;
    year["targets"] = Json::array();
    for (const TargetResult& t : ev.targets) year["targets"].push_back(target_json(program, data, t));
    year["problems"] = Json::array();
    for (const text::Problem& p : ev.problems) year["problems"].push_back(problem_json(p));
    return year;
}

Json problems_json(const std::vector<text::Problem>& problems) {
    Json all = Json::array();
    for (const text::Problem& p : problems) all.push_back(problem_json(p));
    return all;
}

// Every member of `object`, as keys of the object being written.
void write_members(JsonOut& o, const Json& object) {
    for (const auto& [key, v] : object.items()) {
        o.key(key);
        o.value(v);
    }
}

// The texts escaped by writers of a document, lent to one piece at a time: as many as pieces
// are made at once, each kept from piece to piece.
class FixedLender {
public:
    std::unique_ptr<JsonOut::FixedTexts> borrow() {
        const std::lock_guard lock(m_);
        if (spare_.empty()) return std::make_unique<JsonOut::FixedTexts>();
        std::unique_ptr<JsonOut::FixedTexts> fixed = std::move(spare_.back());
        spare_.pop_back();
        return fixed;
    }
    void give_back(std::unique_ptr<JsonOut::FixedTexts> fixed) {
        const std::lock_guard lock(m_);
        spare_.push_back(std::move(fixed));
    }

private:
    std::mutex m_;
    std::vector<std::unique_ptr<JsonOut::FixedTexts>> spare_;
};

// The entities of a year in listing order, written in pieces of kPiece made on `threads`
// threads, each handed to the file once written; false once a write failed.  Each piece costs
// the threads a wait and a wake-up; the pieces held cost memory (a commune writes about 70 KB):
// on the national file, pieces of 4, 8, 16, 32 and 64 entities took 0.59, 0.51, 0.46, 0.45 and
// 0.46 s, and those of 8 to 64 a peak of 96 to 164 MB: 16 keeps both low.
constexpr std::size_t kPiece = 16;

bool write_entities(JsonOut& o, const Program& program, const Dataset& data, const Evaluation& ev, unsigned threads) {
    const std::vector<std::uint32_t> order = listing_order(data, ev);
    const JsonOut::Place place = o.place();
    const auto first = [](std::size_t piece) { return piece * kPiece; };
    const auto last = [&](std::size_t piece) { return std::min(order.size(), first(piece + 1)); };
    FixedLender lender;
    return make_in_order(
        (order.size() + kPiece - 1) / kPiece, threads,
        [&](std::size_t piece, std::string& text) {
            JsonOut::Place at = place;
            at.back() = static_cast<std::uint32_t>(first(piece));
            std::unique_ptr<JsonOut::FixedTexts> fixed = lender.borrow();
            JsonOut w(text, std::move(at), *fixed);
            for (std::size_t k = first(piece); k < last(piece); ++k) write_entity(w, program, data, ev, order[k]);
            lender.give_back(std::move(fixed));
            return w.length();
        },
        [&](std::size_t piece, std::string_view text) {
            return o.insert(text, static_cast<std::uint32_t>(last(piece) - first(piece)));
        });
}

// The whole document, entities in pieces (write_entities).  A failed write ends it; the last
// flush says so.
void write_document(JsonOut& o, const Program& program, const Dataset& data, const EvalRun& run, unsigned threads) {
    o.begin_object();
    write_members(o, document_head(data, run));
    o.key("years");
    o.begin_array();
    for (const Evaluation& ev : run.years) {
        o.begin_object();
        write_members(o, year_head(program, data, ev));
        o.key("entities");
        o.begin_array();
        if (!write_entities(o, program, data, ev, threads)) return;
        o.end_array();
        write_members(o, year_tail(program, data, ev));
        o.end_object();
    }
    o.end_array();
    o.key("problems");
    o.value(problems_json(data.problems));
    o.end_object();
}

}  // namespace

Json eval_json(const Program& program, const Dataset& data, const EvalRun& run) {
    std::string text;
    JsonOut o(text);
    write_document(o, program, data, run, 1);
    o.finish();
    return Json::parse(text);
}

bool write_eval_json(std::FILE* out, const Program& program, const Dataset& data, const EvalRun& run, unsigned threads) {
    std::string buf;
    JsonOut o(buf, out);
    write_document(o, program, data, run, threads);
    o.end_line();
    return o.flush(true);
}

}  // namespace ntm::report
