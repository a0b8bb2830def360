// The overview's comparison with the previous year present in the data: that year is evaluated
// with the same rules (engine::evaluate), and each commune judged in both years is compared on
// its highest level and its count of criteria met.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "report/report.hpp"
#include "report/text.hpp"

namespace ntm::report {

namespace {

struct Standing {
    std::uint32_t entity = kNone;  // in the dataset evaluated
    int level = -1;
    int met = 0, total = 0;
};

// An entity as two datasets both know it: its map and its official code.
using Key = std::pair<engine::AdminMap, std::string>;

Key key_of(const engine::Entity& e) { return {e.map, e.code}; }

// The communes judged in `ev` over `d` within `locality` (null: all), by map and code.
std::map<Key, Standing> standings(const Dataset& d, const Evaluation& ev, const Key* locality) {
    std::map<Key, Standing> out;
    for (const EntityResult& er : ev.entities) {
        const std::uint32_t e = d.records[er.record].entity;
        if (!er.judged || d.entities[e].kind != EntityKind::xa) continue;
        bool inside = locality == nullptr;
        for (std::uint32_t a = e; a != kNone && !inside; a = d.entities[a].parent) inside = key_of(d.entities[a]) == *locality;
        if (inside) out[key_of(d.entities[e])] = {e, er.level, er.criteria_met, er.criteria_total};
    }
    return out;
}

}  // namespace

namespace {

// The latest year of `h` before `year`, or 0.
int year_before(const Dataset& h, int year) {
    int out = 0;
    for (const int y : h.years()) {
        if (y < year) out = std::max(out, y);
    }
    return out;
}

}  // namespace

std::optional<Evaluation> previous_evaluation(const Program& p, const Dataset& d, const Evaluation& ev, unsigned threads,
                                              const Dataset* history) {
    const Dataset& h = history != nullptr ? *history : d;
    const int year = year_before(h, ev.year);
    if (year == 0) return std::nullopt;
    return engine::evaluate(p, h, {year, threads, kNone, false});
}

Trend report_trend(const Program& p, const Dataset& d, const Evaluation& ev, std::uint32_t locality, unsigned threads,
                   const Dataset* history, const Evaluation* previous) {
    Trend t;
    const Dataset& h = history != nullptr ? *history : d;
    t.year = year_before(h, ev.year);
    if (t.year == 0) return t;
    std::optional<Evaluation> made;
    if (previous == nullptr || previous->year != t.year) made = engine::evaluate(p, h, {t.year, threads, kNone, false});
    const Evaluation& before = made ? *made : *previous;
    const std::optional<Key> where = locality == kNone ? std::nullopt : std::optional<Key>(key_of(d.entities[locality]));
    const Key* in = where ? &*where : nullptr;
    const std::map<Key, Standing> then = standings(h, before, in);
    const auto& order = p.level_order[kind_index(EntityKind::xa)];
    const auto title = [&](int level) {
        return level < 0 || static_cast<std::size_t>(level) >= order.size()
                   ? std::string()
                   : p.levels[order[static_cast<std::size_t>(level)]].title;
    };
    for (const auto& [k, now] : standings(d, ev, in)) {
        const auto was = then.find(k);
        if (was == then.end()) continue;
        ++t.compared;
        const Standing& old = was->second;
        const engine::Entity& unit = d.entities[now.entity];
        const TrendChange change{{unit.code, display_name(unit)}, title(old.level), title(now.level),
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
