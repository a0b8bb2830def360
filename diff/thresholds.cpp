#include "diff/thresholds.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "diff/compare.hpp"
#include "engine/cells.hpp"
#include "report/words.hpp"

namespace ntm::diff {

namespace {

using engine::CellChoice;
using engine::Program;
using engine::ThresholdCell;
using engine::ThresholdKind;

// One cell with its place without years, and its years (the set's when not tabled by year).
struct Flat {
    std::string key;
    int from = 0, to = 0;
    double value = kUnknown;
    bool by_year = false;
};

std::string choice_text(const Program& p, const CellChoice& c) {
    switch (c.kind) {
        case ThresholdKind::by_region: return std::string(dsl::kRegionTitles[c.index]);
        case ThresholdKind::by_category: {
            const engine::ThresholdNode& n = p.threshold_nodes[c.node];
            if (n.category < p.categories.size() && c.index < p.categories[n.category].members.size()) {
                return p.categories[n.category].members[c.index].title;
            }
            return fmt::format("#{}", c.index + 1);
        }
        case ThresholdKind::cases: {
            const engine::CaseEntry& e = p.case_entries[c.entry];
            if (!e.when.valid()) return "còn lại";
            return p.sources != nullptr ? fmt::format("khi {}", p.sources->text(e.span)) : "khi …";
        }
        default: return {};
    }
}

std::vector<Flat> flatten(const Program& p, std::uint32_t root, const YearSpan& valid) {
    std::vector<Flat> out;
    for (const ThresholdCell& cell : engine::threshold_cells(p, root)) {
        Flat f{{}, valid.from, valid.to, cell.value, false};
        for (const CellChoice& c : cell.path) {
            if (c.kind == ThresholdKind::by_year) {
                f.from = std::max(c.from, valid.from);
                f.to = std::min(c.to, valid.to);
                f.by_year = true;
                continue;
            }
            const std::string t = choice_text(p, c);
            f.key = f.key.empty() ? t : fmt::format("{}, {}", f.key, t);
        }
        if (f.from <= f.to) out.push_back(std::move(f));
    }
    return out;
}

std::vector<std::string> keys_of(const std::vector<Flat>& cells) {
    std::vector<std::string> keys;
    for (const Flat& f : cells) {
        if (std::find(keys.begin(), keys.end(), f.key) == keys.end()) keys.push_back(f.key);
    }
    return keys;
}

// A threshold with no dimension compared with a tabled one: the same value in every place.
std::vector<Flat> spread(const std::vector<Flat>& plain, const std::vector<std::string>& keys) {
    std::vector<Flat> out;
    for (const std::string& k : keys) {
        for (Flat f : plain) {
            f.key = k;
            out.push_back(f);
        }
    }
    return out;
}

double value_in(const std::vector<Flat>& cells, const std::string& key, int year) {
    for (const Flat& f : cells) {
        if (f.key == key && f.from <= year && year <= f.to) return f.value;
    }
    return kUnknown;
}

bool same(double a, double b) { return engine::known(a) == engine::known(b) && (!engine::known(a) || a == b); }

// The value of `key` over all its years, when it is one.
double single_value(const std::vector<Flat>& cells, const std::string& key) {
    double v = kUnknown;
    bool first = true;
    for (const Flat& f : cells) {
        if (f.key != key) continue;
        if (!first && !same(v, f.value)) return kUnknown;
        v = f.value;
        first = false;
    }
    return v;
}

}  // namespace

std::vector<PlacedValue> threshold_places(const Program& p, std::uint32_t root, const YearSpan& valid) {
    std::vector<PlacedValue> out;
    for (const Flat& f : flatten(p, root, valid)) {
        std::string where = f.key;
        if (f.by_year) where = where.empty() ? years(f.from, f.to) : fmt::format("{}, {}", where, years(f.from, f.to));
        out.push_back({std::move(where), f.value});
    }
    return out;
}

std::string threshold_text(const Program& p, std::uint32_t root, dsl::Cmp cmp, const std::string& unit,
                           const YearSpan& valid) {
    const std::vector<Flat> cells = flatten(p, root, valid);
    if (cells.empty()) return "—";
    const std::string sign = report::cmp_sign(cmp);
    bool uniform = true;
    for (const Flat& f : cells) uniform = uniform && same(f.value, cells.front().value);
    if (uniform) return fmt::format("{} {}", sign, report::with_unit(report::Lang::vi, cells.front().value, unit));
    // One group per place: "Đông Nam Bộ: ≥ 59 (2021), 64,9 (2022)"; a threshold by year alone:
    // "≥ 40 (2021-2022), 45 (2023-2025)".
    std::string out;
    for (const std::string& key : keys_of(cells)) {
        std::string values;
        for (const Flat& f : cells) {
            if (f.key != key) continue;
            std::string one = report::num(report::Lang::vi, f.value);
            if (f.by_year) one += fmt::format(" ({})", years(f.from, f.to));
            values += values.empty() ? one : fmt::format(", {}", one);
        }
        const std::string group = fmt::format("{} {}", sign, values);
        if (!out.empty()) out += "; ";
        out += key.empty() ? group : fmt::format("{}: {}", key, group);
    }
    if (!unit.empty()) out += fmt::format(" ({})", unit);
    return out;
}

ThresholdDiff compare_threshold(const Program& a, std::uint32_t a_root, const YearSpan& a_valid, const Program& b,
                                std::uint32_t b_root, const YearSpan& b_valid) {
    ThresholdDiff d;
    std::vector<Flat> old_cells = flatten(a, a_root, a_valid);
    std::vector<Flat> new_cells = flatten(b, b_root, b_valid);
    std::vector<std::string> old_keys = keys_of(old_cells), new_keys = keys_of(new_cells);
    const std::vector<std::string> plain{std::string()};
    if (old_keys == plain && new_keys != plain && !new_keys.empty()) {
        old_cells = spread(old_cells, new_keys);
        old_keys = new_keys;
    } else if (new_keys == plain && old_keys != plain && !old_keys.empty()) {
        new_cells = spread(new_cells, old_keys);
        new_keys = old_keys;
    }
    std::vector<std::string> sorted_old = old_keys, sorted_new = new_keys;
    std::sort(sorted_old.begin(), sorted_old.end());
    std::sort(sorted_new.begin(), sorted_new.end());
    if (sorted_old != sorted_new) {
        d.reshaped = true;
        return d;
    }
    const bool by_year = std::any_of(old_cells.begin(), old_cells.end(), [](const Flat& f) { return f.by_year; }) ||
                         std::any_of(new_cells.begin(), new_cells.end(), [](const Flat& f) { return f.by_year; });
    const int from = std::max(a_valid.from, b_valid.from), to = std::min(a_valid.to, b_valid.to);
    for (const std::string& key : new_keys) {
        if (from > to) {  // no year in common: compare the values if each side has one
            const double o = single_value(old_cells, key), n = single_value(new_cells, key);
            if (!engine::known(o) || !engine::known(n)) {
                d.reshaped = true;
                d.cells.clear();
                return d;
            }
            if (!same(o, n)) d.cells.push_back({key, o, n});
            continue;
        }
        // Runs of years in which the pair of values is the same.
        int run_from = from;
        for (int y = from; y <= to + 1; ++y) {
            const bool end = y > to;
            const double o = end ? 0 : value_in(old_cells, key, y), n = end ? 0 : value_in(new_cells, key, y);
            const double po = value_in(old_cells, key, run_from), pn = value_in(new_cells, key, run_from);
            if (end || !same(o, po) || !same(n, pn)) {
                if (!same(po, pn)) {
                    std::string where = key;
                    if (by_year) {
                        const std::string span = years(run_from, y - 1);
                        where = where.empty() ? span : fmt::format("{}, {}", where, span);
                    }
                    d.cells.push_back({where, po, pn});
                }
                run_from = y;
            }
        }
    }
    return d;
}

}  // namespace ntm::diff
