// The revocation part of an explanation (engine/explain.hpp): read from the evaluation's
// RevocationResult, with the criteria it counted (from the entity's trace).
#include <algorithm>

#include "engine/explain.hpp"

namespace ntm::engine {

std::vector<RevocationExplanation> explain_revocations(const Program& program, const Dataset& data,
                                                       const Evaluation& evaluation, std::uint32_t result) {
    const EntityResult& er = evaluation.entities[result];
    for (std::uint32_t q = 0; q < program.revocations.size(); ++q) {
        if (evaluation.revocations[er.first_revocation + q].status != Status::not_applicable)
            return explain_revocations(program, evaluation, result, trace(program, data, evaluation, result));
    }
    return {};
}

std::vector<RevocationExplanation> explain_revocations(const Program& program, const Evaluation& evaluation,
                                                       std::uint32_t result, const Trace& trace) {
    std::vector<RevocationExplanation> out;
    const EntityResult& er = evaluation.entities[result];
    for (std::uint32_t q = 0; q < program.revocations.size(); ++q) {
        const RevocationResult& rr = evaluation.revocations[er.first_revocation + q];
        if (rr.status == Status::not_applicable) continue;
        const RevocationDef& def = program.revocations[q];
        const LevelResult& lr = evaluation.levels[rr.level_result];
        const SetDef& set = program.sets[lr.set];
        const auto which = static_cast<std::size_t>(
            std::find(def.scope_sets.begin(), def.scope_sets.end(), lr.set) - def.scope_sets.begin());
        RevocationExplanation x;
        x.name = def.name;
        x.title = def.title;
        x.source = def.source;
        x.rule = program.where(def.span);
        x.status = rr.status;
        x.level_name = program.levels[def.level].name;
        x.level_title = program.levels[def.level].title;
        x.recognised_year = rr.recognised_year;
        x.unmet = rr.unmet;
        x.unknown = rr.unknown;
        x.total = rr.total;
        x.set_name = set.name;
        x.set_title = set.title;
        const std::vector<std::uint32_t>* named = nullptr;
        if (rr.branch != kNone) {
            const RevocationBranchDef& b = def.branches[rr.branch];
            x.branch_name = b.name;
            x.branch_title = b.title;
            x.branch_rule = program.where(b.span);
            if (program.sources != nullptr) x.branch_condition = std::string(program.sources->text(b.span));
            named = &b.criteria[which];
        }
        for (std::uint32_t c = 0; c < set.criterion_count; ++c) {
            const Status s = trace.criteria(lr)[c].status;
            if (s != Status::not_met && s != Status::unknown) continue;
            const CriterionDef& cd = program.criteria[set.first_criterion + c];
            const bool key = named != nullptr && std::find(named->begin(), named->end(), c) != named->end();
            (s == Status::not_met ? x.unmet_criteria : x.unknown_criteria).push_back({cd.code, cd.title, key});
        }
        if (rr.unconfirmed != kNone) x.unconfirmed = program.reasons[rr.unconfirmed];
        out.push_back(std::move(x));
    }
    return out;
}

}  // namespace ntm::engine
