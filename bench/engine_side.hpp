// The engine's side of the benchmark: ntm's own pipeline, called as `ntm` calls it (cli/
// shared.cpp, cmd_eval.cpp, cmd_report.cpp), and the limit's checksum read from its Evaluation.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bench/limit.hpp"
#include "data/load.hpp"
#include "dsl/pipeline.hpp"
#include "engine/evaluate.hpp"
#include "engine/program.hpp"

namespace ntm::bench {

struct LoadedRules {
    std::unique_ptr<dsl::Rules> rules;
    engine::Program program;
};

// Reads, checks (with the localities of the official lists, as `ntm` does) and compiles the
// rules; throws std::runtime_error with the rendered problems when they have errors.
LoadedRules load_rules(const std::vector<std::string>& paths);

// The options `ntm eval --year YEAR` reads data with, with the file-size and row limits raised
// for the scale-ups (`--limit`); the official lists consulted only when `official`.
data::LoadOptions load_options(const engine::Program& program, int year, bool official);

// Per criterion of `set`, how many judged communes meet it or lack data, and how many meet all
// (their level's criteria met): the limit's Checksum read from an evaluation made with
// EvaluateOptions::set = `set`.
Checksum engine_checksum(const engine::Program& program, const engine::Dataset& data,
                         const engine::Evaluation& evaluation, std::uint32_t set);

// Loads `csv` with ntm and with the limit, evaluates `year` by xa_ntm_2021 on both sides and
// prints both checksums; false (after saying so on stderr) when they differ.
bool checksums_agree(const engine::Program& program, const engine::Dataset& data, const std::string& csv, int year,
                     Checksum* limit_out = nullptr);

}  // namespace ntm::bench
