// fuzz_evaluate: the input is a CSV data file, loaded as fuzz_csv loads it; then every year of
// the data is evaluated by the bundled rules, the run is rendered as `ntm eval` prints it (text
// and JSON), and every entity of every year is explained and its explanation rendered as `ntm
// explain` prints it.  Besides the checks of a load, each evaluation must have one result per
// record of its year, and no entity may be sure of a level higher than the highest it may
// reach.
#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "data/builder.hpp"
#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "fuzz/support.hpp"
#include "report/json.hpp"
#include "report/text.hpp"

namespace {

using namespace ntm;

void check_evaluation(const engine::Dataset& ds, const engine::Evaluation& ev) {
    std::size_t of_year = 0;
    for (const engine::Record& r : ds.records) of_year += r.year == ev.year ? 1 : 0;
    if (ev.entities.size() != of_year) {
        fuzz::fail("evaluate", "an evaluation has not one result per record of its year",
                   fmt::format("year {}: {} records, {} results", ev.year, of_year, ev.entities.size()));
    }
    for (std::size_t i = 0; i < ev.entities.size(); ++i) {
        const engine::EntityResult& r = ev.entities[i];
        if (r.record >= ds.records.size() || ds.records[r.record].year != ev.year) {
            fuzz::fail("evaluate", "a result of no record of its year",
                       fmt::format("year {}: result {} names record {}", ev.year, i, r.record));
        }
        if (r.level > r.level_max) {
            fuzz::fail("evaluate", "a level reached above the highest level that may be reached",
                       fmt::format("year {}: result {}: level {}, level_max {}", ev.year, i, r.level,
                                   r.level_max));
        }
        if (r.criteria_met + r.criteria_unknown > r.criteria_total) {
            fuzz::fail("evaluate", "more criteria met or unknown than there are",
                       fmt::format("year {}: result {}: {} met, {} unknown, {} in all", ev.year, i,
                                   r.criteria_met, r.criteria_unknown, r.criteria_total));
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto text = fuzz::as_read({reinterpret_cast<const char*>(data), size});
    if (!text) return 0;
    const engine::Program& program = fuzz::bundled_program();
    const std::string path = "fuzz.csv";
    data::LoadOptions options;
    options.limits = fuzz::small_limits();
    engine::Dataset ds;
    try {
        ds = data::load_csv(path, *text, program.schema, options);
    } catch (const text::FileError& e) {
        fuzz::check_file_error("evaluate", e, path);
        return 0;
    }
    fuzz::check_dataset("evaluate", ds, program.schema, path, fuzz::line_count(*text));

    report::EvalRun run;
    run.rule_files = {"rules"};
    run.data_file = path;
    for (const int year : ds.years()) {
        run.years.push_back(engine::evaluate(program, ds, {year, 1, engine::kNone}));
        const engine::Evaluation& ev = run.years.back();
        check_evaluation(ds, ev);
        (void)text::render(ev.problems, text::Lang::vi);
        for (std::uint32_t r = 0; r < ev.entities.size(); ++r) {
            const engine::EntityExplanation x = engine::explain(program, ds, ev, r);
            (void)report::render_explanation_text(x, ds);
        }
    }
    (void)report::render_eval_run_text(program, ds, run);
    (void)report::eval_json(program, ds, run).dump(2, ' ', false, report::Json::error_handler_t::replace);
    return 0;
}
