// The overview's comparison with the previous year present in the data: that year is evaluated
// with the same rules (engine::evaluate), and each commune judged in both years is compared on
// its highest level and its count of criteria met.
#include <algorithm>
#include <map>

#include "report/report.hpp"
#include "report/text.hpp"

namespace ntm::report {

namespace {

struct Standing {
    int level = -1;
    int met = 0, total = 0;
};

// The communes judged in `ev` within `locality` (kNone: all), by entity index.
std::map<std::uint32_t, Standing> standings(const Dataset& d, const Evaluation& ev, std::uint32_t locality) {
    std::map<std::uint32_t, Standing> out;
    for (const EntityResult& er : ev.entities) {
        const std::uint32_t e = d.records[er.record].entity;
        if (!er.judged || d.entities[e].kind != EntityKind::xa) continue;
        bool inside = locality == kNone;
        for (std::uint32_t a = e; a != kNone && !inside; a = d.entities[a].parent) inside = a == locality;
        if (inside) out[e] = {er.level, er.criteria_met, er.criteria_total};
    }
    return out;
}

}  // namespace

Trend report_trend(const Program& p, const Dataset& d, const Evaluation& ev, std::uint32_t locality, unsigned threads) {
    Trend t;
    for (const int y : d.years()) {
        if (y < ev.year) t.year = std::max(t.year, y);
    }
    if (t.year == 0) return t;
    const Evaluation before = engine::evaluate(p, d, {t.year, threads, kNone});
    const std::map<std::uint32_t, Standing> then = standings(d, before, locality);
    const auto& order = p.level_order[kind_index(EntityKind::xa)];
    const auto title = [&](int level) {
        return level < 0 || static_cast<std::size_t>(level) >= order.size()
                   ? std::string()
                   : p.levels[order[static_cast<std::size_t>(level)]].title;
    };
    for (const auto& [e, now] : standings(d, ev, locality)) {
        const auto was = then.find(e);
        if (was == then.end()) continue;
        ++t.compared;
        const Standing& old = was->second;
        const TrendChange change{{d.entities[e].code, display_name(d.entities[e])}, title(old.level), title(now.level),
                                 old.met, now.met, old.total, now.total};
        if (now.level > old.level) t.recognised.push_back(change);
        if (now.level < old.level) t.lost.push_back(change);
        if (now.met > old.met) t.criteria_up.push_back(change);
        if (now.met < old.met) t.criteria_down.push_back(change);
    }
    const auto by_code = [](const TrendChange& a, const TrendChange& b) { return code_order(a.unit.code, b.unit.code); };
    for (auto* list : {&t.recognised, &t.lost, &t.criteria_up, &t.criteria_down}) {
        std::sort(list->begin(), list->end(), by_code);
    }
    return t;
}

}  // namespace ntm::report
