// What text.hpp's two renderers share: the listing order, display names and the counts of the
// summary.  The summary is text_eval.cpp, the explanation text_explain.cpp.
#include "report/text.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace ntm::report {

bool code_order(const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
}

std::string display_name(const std::string& type, const std::string& name) {
    if (type.empty() || name.rfind(type + " ", 0) == 0) return name;
    // A centrally-run city is called by its first words: "Thành phố Đà Nẵng".
    if (type == "Thành phố trực thuộc trung ương") return fmt::format("Thành phố {}", name);
    return fmt::format("{} {}", type, name);
}

std::string display_name(const Entity& entity) { return display_name(entity.type, entity.name); }

std::vector<KindSummary> summarize(const Program& program, const Dataset& data, const Evaluation& evaluation) {
    // Every kind counted in one pass over the results.
    std::array<KindSummary, kKindCount> of;
    for (std::size_t k = 0; k < kKindCount; ++k) {
        of[k].kind = static_cast<EntityKind>(k);
        of[k].at_level.assign(program.level_order[k].size() + 1, 0);
        of[k].uncertain.assign(program.level_order[k].size() + 1, 0);
    }
    for (const EntityResult& er : evaluation.entities) {
        const std::size_t k = kind_index(data.entities[data.records[er.record].entity].kind);
        if (program.level_order[k].empty()) continue;
        KindSummary& s = of[k];
        if (!er.judged) {
            ++s.not_judged;
            continue;
        }
        if (er.level_count > 0 && evaluation.levels[er.first_level].status == Status::not_applicable) {
            ++s.not_in_force;
            continue;
        }
        ++s.total;
        const auto slot = static_cast<std::size_t>(er.level + 1);
        ++s.at_level[slot];
        if (er.level_max > er.level) ++s.uncertain[slot];
        if (er.criteria_total > 0) {
            ++s.judged;
            s.criteria_met_sum += er.criteria_met;
            s.criteria_total = std::max<std::size_t>(s.criteria_total, er.criteria_total);
        }
    }
    std::vector<KindSummary> out;
    for (std::size_t k = 0; k < kKindCount; ++k) {
        KindSummary& s = of[k];
        if (s.total + s.not_judged + s.not_in_force > 0) out.push_back(std::move(s));  // none for a kind without levels
    }
    return out;
}

}  // namespace ntm::report
