#include "engine/targets.hpp"

#include "engine/evaluate.hpp"
#include "engine/within.hpp"

namespace ntm::engine {

namespace {

// The highest ordinal among the levels of `kind` the entity was recognised at before `year`.
int recognised_before(const Program& program, const Entity& e, int year) {
    int best = -1;
    for (const Recognition& r : e.recognised) {
        if (r.year >= year) continue;
        const std::uint32_t li = program.level_index(r.level);
        if (li != kNone && program.levels[li].kind == e.kind) best = std::max(best, program.levels[li].ordinal);
    }
    return best;
}

// Target `t` counted on `evaluation`'s results.
TargetResult compare(const Program& program, const Dataset& data, const Evaluation& evaluation, std::uint32_t t,
                     std::uint32_t locality) {
    const TargetDef& def = program.targets[t];
    TargetResult result{t, locality, {}};
    const std::vector<std::uint8_t> within = entities_within(data, locality);
    for (const TargetDef::Line& line : def.lines) {
        const LevelDef& level = program.levels[line.level];
        TargetLineResult r;
        r.level = line.level;
        r.increment = line.increment;
        r.asked = line.count;
        for (const EntityResult& er : evaluation.entities) {
            const std::uint32_t e = data.records[er.record].entity;
            if (!er.judged || data.entities[e].kind != level.kind || !within[e]) continue;
            r.reached += er.level >= level.ordinal;
            r.reached_max += er.level_max >= level.ordinal;
        }
        if (line.increment) {
            // "Before" is before the target's first year: for a target of a later year, what
            // the recognition history says so far.
            const int from = std::max(evaluation.year, def.year);
            for (std::uint32_t e = 0; e < data.entities.size(); ++e) {
                const Entity& en = data.entities[e];
                if (!en.judged || en.kind != level.kind || !within[e]) continue;
                r.before += recognised_before(program, en, from) >= level.ordinal;
            }
        }
        const double need = r.asked + r.before;
        r.status = r.reached >= need ? Status::met : r.reached_max < need ? Status::not_met : Status::unknown;
        result.lines.push_back(r);
    }
    return result;
}

}  // namespace

std::vector<TargetResult> compare_targets(const Program& program, const Dataset& data, const Evaluation& evaluation) {
    std::vector<TargetResult> out;
    for (std::uint32_t t = 0; t < program.targets.size(); ++t) {
        const TargetDef& def = program.targets[t];
        if (evaluation.year < def.year || evaluation.year > def.year_to) continue;
        const std::uint32_t locality = data.find(def.locality);
        if (locality == kNone) continue;  // a target of another locality than the data's
        out.push_back(compare(program, data, evaluation, t, locality));
    }
    return out;
}

std::vector<TargetResult> compare_upcoming_targets(const Program& program, const Dataset& data,
                                                   const Evaluation& evaluation) {
    std::vector<TargetResult> out;
    for (std::uint32_t t = 0; t < program.targets.size(); ++t) {
        const TargetDef& def = program.targets[t];
        if (def.year <= evaluation.year) continue;
        const std::uint32_t locality = data.find(def.locality);
        if (locality == kNone) continue;
        out.push_back(compare(program, data, evaluation, t, locality));
    }
    return out;
}

}  // namespace ntm::engine
