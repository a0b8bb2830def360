// ntm_bench: ntm's stages in process, under Google Benchmark, on one data file.
//
//   NTM_BENCH_CSV=nat.csv [NTM_BENCH_JSON=nat.json] [NTM_BENCH_RULES=rules] [NTM_BENCH_YEAR=2024]
//   [NTM_BENCH_OFFICIAL=0] [NTM_BENCH_LIMIT="communes=… all=… met=… unknown=…"] [NTM_BENCH_CHECK=0]
//   ntm_bench [--benchmark_format=json] [--benchmark_filter=…]
//
// Before any benchmark it judges the CSV by xa_ntm_2021 with the engine and with the limit
// (limit.hpp) and stops, saying where they differ, unless both checksums agree — and agree with
// NTM_BENCH_LIMIT, the line the limit program printed, when given (NTM_BENCH_CHECK=0: no check).
//
//   ntm_bench --check FILE.csv YEAR [RULES]: that check alone (a test runs it on a fixture).
//   ntm_bench --to-json FILE.csv OUT.json [RULES]: the CSV file (a scale-up: not checked against
//   the official lists) written as a JSON data file, for the JSON figures of the scale-ups.
// Figures go to labels, not counters: the CSV reporter needs every counter in every run.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <optional>
#include <string_view>
#include <thread>

#include "bench/engine_side.hpp"
#include "data/write.hpp"
#include "report/json.hpp"
#include "report/report.hpp"
#include "report/text.hpp"
#include "text/files.hpp"

namespace {

using namespace ntm;

std::string env(const char* name, std::string fallback = {}) {
    const char* v = std::getenv(name);
    return v != nullptr && *v != '\0' ? std::string(v) : fallback;
}

struct Setup {
    std::vector<std::string> rule_paths;
    std::string csv, json;
    int year = 2024;
    bool official = true;
    std::optional<bench::LoadedRules> rules;
    engine::Dataset data;            // the CSV, loaded once for the stages after loading
    std::size_t communes = 0;        // judged commune records of the year
    std::optional<engine::Evaluation> evaluation;  // for the outputs
};

Setup& setup() {
    static Setup s;
    return s;
}

std::uint64_t file_size(const std::string& path) { return std::filesystem::file_size(path); }

// The communes judged (kind xa, not a ward or a town): what the limit judges, and what both
// sides' rates count.
std::size_t count_communes(const engine::Dataset& data) {
    std::size_t n = 0;
    for (const engine::Record& r : data.records) {
        const engine::Entity& e = data.entities[r.entity];
        n += e.kind == engine::EntityKind::xa && e.judged;
    }
    return n;
}

void rules_load(benchmark::State& state) {
    for (auto _ : state) {
        bench::LoadedRules r = bench::load_rules(setup().rule_paths);
        benchmark::DoNotOptimize(r.program.indicators.size());
    }
}

void data_load(benchmark::State& state, const std::string& path) {
    const Setup& s = setup();
    const data::LoadOptions options = bench::load_options(s.rules->program, s.year, s.official);
    std::size_t records = 0;
    for (auto _ : state) {
        engine::Dataset d = data::load_data(path, s.rules->program.schema, options);
        records = d.records.size();
        benchmark::DoNotOptimize(d.values.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * file_size(path)));
    state.SetLabel(fmt::format("{} records", records));
}

void evaluate(benchmark::State& state) {
    const Setup& s = setup();
    const auto threads = static_cast<unsigned>(state.range(0));
    for (auto _ : state) {
        // As `ntm eval` evaluates: the verdicts kept, each entity's trace made when it is shown.
        engine::Evaluation ev = engine::evaluate(s.rules->program, s.data, {s.year, threads, engine::kNone, false});
        benchmark::DoNotOptimize(ev.entities.data());
    }
    // Items are communes, as the limit counts them; the engine judges the villages, districts
    // and provinces of the file too.
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * s.communes));
    state.SetLabel(fmt::format("{} records, {} communes", s.data.records.size(), s.communes));
}

const engine::Evaluation& evaluation() {
    Setup& s = setup();
    if (!s.evaluation) s.evaluation = engine::evaluate(s.rules->program, s.data, {s.year, 0, engine::kNone, false});
    return *s.evaluation;
}

// As `ntm eval --format json` writes it: one entity at a time, to a file (here /dev/null).
void json_out(benchmark::State& state) {
    const Setup& s = setup();
    report::EvalRun run;
    run.data_file = s.csv;
    run.years.push_back(evaluation());
    std::FILE* sink = std::fopen("/dev/null", "wb");
    if (sink == nullptr) {
        state.SkipWithError("cannot open /dev/null");
        return;
    }
    long bytes = 0;
    for (auto _ : state) {
        std::rewind(sink);
        if (!report::write_eval_json(sink, s.rules->program, s.data, run)) state.SkipWithError("write failed");
        bytes = std::ftell(sink);
    }
    std::fclose(sink);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * bytes);
    state.SetLabel(fmt::format("{} bytes out", bytes));
}

void text_out(benchmark::State& state) {
    const Setup& s = setup();
    report::EvalRun run;
    run.data_file = s.csv;
    run.years.push_back(evaluation());
    for (auto _ : state) {
        const std::string out = report::render_eval_run_text(s.rules->program, s.data, run);
        benchmark::DoNotOptimize(out.data());
    }
}

void html_report(benchmark::State& state) {
    const Setup& s = setup();
    report::ReportOptions options;
    options.data_file = s.csv;
    options.rule_files = s.rule_paths;
    std::size_t bytes = 0;
    for (auto _ : state) {
        // As `ntm report --format html` writes it: a piece at a time while it is laid out.
        const report::Report r = report::build_report(s.rules->program, s.data, evaluation(), options);
        bytes = 0;
        report::write_report_html(r, text::Lang::vi, {}, [&bytes](std::string_view piece) { bytes += piece.size(); });
    }
    state.SetLabel(fmt::format("{} bytes out", bytes));
}

int check_only(int argc, char** argv) {
    if (argc < 4) {
        fmt::print(stderr, "usage: ntm_bench --check FILE.csv YEAR [RULES]\n");
        return 2;
    }
    const std::string csv = argv[2];
    const int year = std::atoi(argv[3]);
    const bench::LoadedRules rules = bench::load_rules({argc > 4 ? argv[4] : "rules"});
    const engine::Dataset data = data::load_data(csv, rules.program.schema, bench::load_options(rules.program, year, false));
    return bench::checksums_agree(rules.program, data, csv, year) ? 0 : 1;
}

int to_json(int argc, char** argv) {
    if (argc < 4) {
        fmt::print(stderr, "usage: ntm_bench --to-json FILE.csv OUT.json [RULES]\n");
        return 2;
    }
    const bench::LoadedRules rules = bench::load_rules({argc > 4 ? argv[4] : "rules"});
    data::LoadOptions options = bench::load_options(rules.program, 0, false);
    options.year.reset();
    const engine::Dataset data = data::load_data(argv[2], rules.program.schema, options);
    if (const auto failed = text::write_file(argv[3], data::write_json(rules.program, data))) {
        fmt::print(stderr, "ntm_bench: {}: {}\n", argv[3], failed->en());
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc > 1 && std::string_view(argv[1]) == "--check") return check_only(argc, argv);
        if (argc > 1 && std::string_view(argv[1]) == "--to-json") return to_json(argc, argv);
        benchmark::Initialize(&argc, argv);
        Setup& s = setup();
        s.rule_paths = {env("NTM_BENCH_RULES", "rules")};
        s.csv = env("NTM_BENCH_CSV");
        s.json = env("NTM_BENCH_JSON");
        s.year = std::atoi(env("NTM_BENCH_YEAR", "2024").c_str());
        s.official = env("NTM_BENCH_OFFICIAL", "1") != "0";
        if (s.csv.empty()) {
            fmt::print(stderr, "ntm_bench: set NTM_BENCH_CSV to a data file (scripts/bench.sh does)\n");
            return 2;
        }
        s.rules = bench::load_rules(s.rule_paths);
        s.data = data::load_data(s.csv, s.rules->program.schema, bench::load_options(s.rules->program, s.year, s.official));
        s.communes = count_communes(s.data);

        // NTM_BENCH_CHECK=0: checked by an earlier run on the same file (scripts/bench.sh runs the
        // outputs apart).
        bench::Checksum limit;
        if (env("NTM_BENCH_CHECK", "1") != "0") {
            if (!bench::checksums_agree(s.rules->program, s.data, s.csv, s.year, &limit)) return 1;
            if (const std::string printed = env("NTM_BENCH_LIMIT"); !printed.empty() && printed != limit.line()) {
                fmt::print(stderr, "CHECKSUMS DIFFER: the limit program printed\n  {}\nin process it gives\n  {}\n",
                           printed, limit.line());
                return 1;
            }
        }

        const auto all = static_cast<std::int64_t>(std::max(1u, std::thread::hardware_concurrency()));
        const auto ms = benchmark::kMillisecond;
        benchmark::RegisterBenchmark("rules_load_check_compile", rules_load)->Unit(ms)->UseRealTime();
        benchmark::RegisterBenchmark("data_load_csv", data_load, s.csv)->Unit(ms)->UseRealTime();
        if (!s.json.empty()) benchmark::RegisterBenchmark("data_load_json", data_load, s.json)->Unit(ms)->UseRealTime();
        benchmark::RegisterBenchmark("evaluate", evaluate)->Arg(1)->Arg(all)->Unit(ms)->UseRealTime();
        benchmark::RegisterBenchmark("eval_text_out", text_out)->Unit(ms)->UseRealTime();
        benchmark::RegisterBenchmark("eval_json_out", json_out)->Unit(ms)->UseRealTime();
        benchmark::RegisterBenchmark("report_html", html_report)->Unit(ms)->UseRealTime();
        benchmark::RunSpecifiedBenchmarks();
        benchmark::Shutdown();
        return 0;
    } catch (const std::exception& e) {
        fmt::print(stderr, "ntm_bench: {}\n", e.what());
        return 2;
    }
}
