// Embedding NTM Rules in another C++ program: the header of the engine.
//
//   ntm::Engine engine = ntm::Engine::load({"rules/"});        // throws ntm::RulesError
//   ntm::engine::Dataset data = ntm::data::load_data("xa.csv", engine.program().schema);
//                                       // data/load.hpp; throws ntm::text::FileError
//   ntm::engine::Evaluation ev = engine.evaluate(data, 2024);
//   for (std::uint32_t i = 0; i < ev.entities.size(); ++i) {
//       ntm::engine::EntityExplanation x = engine.explain(data, ev, i);
//       // x.level_title, x.blockers, x.levels[k].criteria[c].indicators[i].gap, ...
//   }
//
// An Engine is immutable once loaded and may be shared by threads; each evaluate() call
// returns its own results.  Statuses, values, thresholds and gaps in an explanation are the
// ones the evaluation computed (see docs/architecture.md); they are data, and report/words.hpp
// puts them into Vietnamese or English words.
//
// The library behind this header (ntm_engine) reads no file format and writes no document: it
// links neither the workbook libraries nor the renderers.  Reading CSV, JSON and Excel is
// ntm_data's; words and reports are ntm_report's.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "dsl/pipeline.hpp"
#include "engine/dataset.hpp"
#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "engine/program.hpp"
#include "text/problem.hpp"

namespace ntm {

// The rule files had errors; what() holds them rendered as `ntm check` prints them.
class RulesError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Engine {
public:
    static Engine load(const std::vector<std::string>& rule_paths);

    const engine::Program& program() const { return *program_; }
    const dsl::Rules& rules() const { return *rules_; }

    engine::Evaluation evaluate(const engine::Dataset& data, int year, unsigned threads = 0) const {
        return engine::evaluate(*program_, data, {year, threads, engine::kNone});
    }
    engine::EntityExplanation explain(const engine::Dataset& data, const engine::Evaluation& ev,
                                      std::uint32_t entity_result) const {
        return engine::explain(*program_, data, ev, entity_result);
    }

private:
    std::shared_ptr<const dsl::Rules> rules_;
    std::shared_ptr<const engine::Program> program_;
};

inline Engine Engine::load(const std::vector<std::string>& rule_paths) {
    std::shared_ptr<dsl::Rules> rules = dsl::load_and_check(rule_paths);
    if (!rules->ok()) {
        std::string message = text::render(rules->io_errors, text::Lang::vi);
        message += dsl::render_all(rules->diags, rules->sources, false, text::Lang::vi);
        throw RulesError(message);
    }
    Engine engine;
    engine.program_ = std::make_shared<const engine::Program>(engine::compile(*rules));
    engine.rules_ = std::move(rules);
    return engine;
}

}  // namespace ntm
