#include <algorithm>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "dsl/diagnostics.hpp"
#include "text/suggest.hpp"
#include "text/utf8.hpp"
#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "report/text.hpp"

namespace ntm::cli {

namespace {

struct ExplainArgs {
    std::vector<std::string> rules;
    std::string data;
    std::optional<int> year;  // default: the latest year the entity has a record for
    std::string entity;       // a code or a name
    std::string set;          // judge by this criteria set instead of the one in force
    std::string sheet;        // the sheet of an .xlsx data file (default: the first)
    std::string units = "official";  // --units: official lists checked, or none
    text::Limits limits;  // --limit: what an input may hold
};

}  // namespace

namespace {

// The entities whose code, name or full name ("Xã Tam An") is `wanted` (NFC), by code: as
// written; else whatever the case ("tam an"); else whatever the case and the diacritics ("tam
// phuoc" finds Tam Phước), the first of these that finds any.
std::vector<std::uint32_t> find_entities(const engine::Dataset& data, const std::string& wanted) {
    std::vector<std::uint32_t> found;
    if (const std::uint32_t e = data.find(wanted); e != engine::kNone) return {e};
    using Fold = std::string (*)(std::string_view);
    const Fold as_written = [](std::string_view t) { return std::string(t); };
    for (const Fold fold : {as_written, &text::fold, &text::fold_unaccented}) {
        const std::string key = fold(wanted);
        for (std::uint32_t e = 0; e < data.entities.size(); ++e) {
            const engine::Entity& entity = data.entities[e];
            if (fold(entity.name) == key || fold(report::display_name(entity)) == key) found.push_back(e);
        }
        if (!found.empty()) break;
    }
    std::sort(found.begin(), found.end(),
              [&](std::uint32_t a, std::uint32_t b) { return report::code_order(data.entities[a].code, data.entities[b].code); });
    return found;
}

// "20365 Xã Tam Thành (Huyện Phú Ninh)", as a message quotes it.
std::string describe(const engine::Dataset& data, const engine::Entity& e) {
    std::string out = fmt::format("{} {}", e.code, report::display_name(e));
    if (e.parent != engine::kNone) out += fmt::format(" ({})", report::display_name(data.entities[e.parent]));
    return text::printable(out);
}

// An entity that is not in the data: say so, and suggest the closest code or name.
void report_unknown(const engine::Dataset& data, const std::string& data_path, const std::string& wanted) {
    fmt::print(stderr, "{}: error: no entity '{}' (neither a code nor a name)\n", text::printable(data_path),
               text::printable(wanted));
    std::vector<std::string> candidates;
    for (const engine::Entity& e : data.entities) {
        candidates.push_back(e.code);
        candidates.push_back(e.name);
        candidates.push_back(report::display_name(e));
    }
    if (const auto near = text::closest_match(wanted, candidates)) {
        fmt::print(stderr, "  = help: did you mean '{}'?\n", text::printable(*near));
    }
}

}  // namespace

// Explains one entity's verdict in one year: the latest year it has a record for, unless a
// year is asked for.
int run_explain(const ExplainArgs& args) {
    const data::LoadOptions options = load_options(args.units, args.sheet, args.limits);
    Loaded loaded = load_rules_and_data(args.rules, args.data, options);
    if (loaded.exit_code != kExitOk) return loaded.exit_code;
    const engine::Dataset& data = loaded.data;

    const std::string wanted = text::to_nfc(args.entity);
    const std::vector<std::uint32_t> found = find_entities(data, wanted);
    if (found.empty()) {
        report_unknown(data, args.data, wanted);
        return kExitUsage;
    }
    if (found.size() > 1) {
        fmt::print(stderr, "{}: error: '{}' names {} entities; give the code of one:\n", text::printable(args.data),
                   text::printable(wanted), found.size());
        for (std::uint32_t e : found) fmt::print(stderr, "  {}\n", describe(data, data.entities[e]));
        return kExitUsage;
    }
    const std::uint32_t entity = found.front();

    std::vector<int> years;
    for (const engine::Record& rec : data.records) {
        if (rec.entity == entity) years.push_back(rec.year);
    }
    std::sort(years.begin(), years.end());
    if (years.empty()) {
        fmt::print(stderr, "{}: error: {} has no accepted record\n", text::printable(args.data),
                   describe(data, data.entities[entity]));
        return kExitUsage;
    }
    const int year = args.year.value_or(years.back());
    if (std::find(years.begin(), years.end(), year) == years.end()) {
        fmt::print(stderr, "{}: error: {} has no record of year {} (it has {})\n", text::printable(args.data),
                   describe(data, data.entities[entity]), year, fmt::join(years, ", "));
        return kExitUsage;
    }

    std::uint32_t set = engine::kNone;
    if (!chosen_set(args.set, loaded.program, set)) return kExitUsage;
    const engine::Evaluation ev = engine::evaluate(loaded.program, data, {year, 0, set});
    fmt::print(stderr, "{}", text::render(ev.problems, lang()));
    for (std::uint32_t r = 0; r < ev.entities.size(); ++r) {
        if (data.records[ev.entities[r].record].entity != entity) continue;
        const engine::EntityExplanation x = engine::explain(loaded.program, data, ev, r);
        fmt::print("{}", report::render_explanation_text(x, data));
        return any_error(data.problems) || any_error(ev.problems) ? kExitRules : kExitOk;
    }
    return kExitUsage;  // unreachable: the entity has a record of the year
}

void add_explain(CLI::App& app, Run& run) {
    auto args = std::make_shared<ExplainArgs>();
    CLI::App* cmd = app.add_subcommand("explain", "Explain one entity's result: criteria, indicators, gaps");
    add_rules_option(*cmd, args->rules);
    add_data_options(*cmd, args->data, args->sheet, args->units);
    add_year_option(*cmd, args->year, "Year (default: the latest year of the entity)");
    cmd->add_option("entity", args->entity, "Code or name of the entity")->required();
    add_set_option(*cmd, args->set);
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_explain);
}

}  // namespace ntm::cli
