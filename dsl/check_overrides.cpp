// Pass: what an `override indicator` does to the requirements of the set it extends.
//
// E0414: a comparison turned around (`>=` in the base, `<=` in the override; `yes` and `no`):
// the override asks the opposite of what the indicator measures.
// W0403: a provincial set (one with a `locality`, its own or inherited) looser than the set
// it extends, which it may only make stricter: a minimum lowered, a maximum raised, compared
// cell by cell (each region, year and category of the provincial set's validity; a figure
// standing for several regions only where it is looser in all of them), or an indicator or
// criterion the base requires removed.  A cell where either side has several
// values (`when` cases) is not compared: which case applies is known only per entity.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "dsl/check_pass.hpp"

namespace ntm::dsl::check_detail {
namespace {

enum class Direction { none, lower, upper, yes, no };

Direction direction(Cmp c) {
    switch (c) {
        case Cmp::ge:
        case Cmp::gt: return Direction::lower;
        case Cmp::le:
        case Cmp::lt: return Direction::upper;
        case Cmp::yes: return Direction::yes;
        case Cmp::no: return Direction::no;
        default: return Direction::none;
    }
}

Direction opposite(Direction d) {
    switch (d) {
        case Direction::lower: return Direction::upper;
        case Direction::upper: return Direction::lower;
        case Direction::yes: return Direction::no;
        case Direction::no: return Direction::yes;
        default: return Direction::none;
    }
}

// A bound looser than the base's in some cells: where, as written, and the base's bounds there
// (each once, by where it is written), the strictest of them first for the help.
struct Looser {
    std::vector<ThresholdCell> cells;
    std::vector<std::pair<Span, std::string>> base;
    std::optional<double> strictest;
    std::string strictest_text;
    Span strictest_at;
};

class Overrides {
  public:
    Overrides(Context& cx, std::size_t set) : cx_(cx), set_(cx.out.sets[set]), base_(cx.out.sets[*set_.base]) {}

    void run() {
        const bool provincial = set_.locality != nullptr;
        for (const Indicator& o : set_.decl->indicator_overrides) {
            if (o.requirements.empty()) continue;
            const EffectiveIndicator* old = base_.indicator(o.code.text);
            const EffectiveIndicator* now = set_.indicator(o.code.text);
            if (old == nullptr || now == nullptr || !old->requirements || old->unit_name != now->unit_name) continue;
            if (has_error_within(cx_.diags, o.span)) continue;
            compare(o, *old, provincial);
        }
        if (provincial) removals();
    }

  private:
    void compare(const Indicator& o, const EffectiveIndicator& old, bool provincial) {
        const std::vector<Requirement>& before = *old.requirements.node;
        for (const Requirement& r : o.requirements) {
            const Direction d = direction(r.cmp);
            if (d == Direction::none) continue;
            const Requirement* same = nullptr;
            const Requirement* flipped = nullptr;
            for (const Requirement& b : before) {
                if (direction(b.cmp) == d && same == nullptr) same = &b;
                if (direction(b.cmp) == opposite(d) && flipped == nullptr) flipped = &b;
            }
            if (same == nullptr && flipped != nullptr) {
                Diagnostic& e = cx_.diags.error("E0414", r.op_span,
                                                say("E0414", spelling(r.cmp), o.code.text, set_name(), spelling(flipped->cmp)));
                e.notes.push_back({flipped->op_span, say("E0414.note", base_name(), spelling(flipped->cmp))});
                e.help = say("E0414.help", spelling(flipped->cmp));
                continue;
            }
            if (!provincial || same == nullptr || (d != Direction::lower && d != Direction::upper)) continue;
            looser(o, r, *same, d == Direction::lower, Interval::of_unit(old.unit_name));
        }
    }

    std::vector<ThresholdCell> cells(const Requirement& a, const Requirement& b) const {
        std::vector<ThresholdCell> categories{ThresholdCell{}};
        for (const Threshold* t : {a.low.get(), a.high.get(), b.low.get(), b.high.get()}) {
            const Threshold* dim = first_dimension(t);
            const auto it = dim == nullptr ? cx_.out.category_index.end() : cx_.out.category_index.find(dim->dimension.text);
            if (it == cx_.out.category_index.end()) continue;
            categories.clear();
            const auto& members = cx_.out.categories[it->second].decl->members;
            for (std::size_t m = 0; m < members.size(); ++m)
                categories.push_back({{}, {}, dim->dimension.text, members[m].name.text, m});
            break;
        }
        std::vector<std::optional<int>> years{std::nullopt};
        if (set_.valid) {
            years.clear();
            for (int y = set_.valid->from; y <= set_.valid->to && y - set_.valid->from < 200; ++y) years.emplace_back(y);
        }
        std::vector<ThresholdCell> out;
        for (const ThresholdCell& c : categories) {
            for (std::size_t r = 0; r < kRegionCount; ++r) {
                for (const auto& y : years) out.push_back({static_cast<Region>(r), y, c.dimension, c.member, c.member_index});
            }
        }
        return out;
    }

    // A figure is looser where it allows what the base's does not.  A province lies in one
    // region, which the rules do not say: a figure that stands for several regions (`>= 90`
    // for all seven) is reported only for a year (and category) in which it is looser in every
    // region it stands for, so that a Quảng Nam set raising `>= 75` to `>= 90` is not told it
    // is below the `100` of DBSH; a figure given for one region is compared in that region.
    void looser(const Indicator& o, const Requirement& now, const Requirement& before, bool lower, const Interval& domain) {
        struct Cell {
            ThresholdCell cell;
            Allowed base;
            bool looser = false;
        };
        // By where the figure is written, then by year and category: the cells it stands for.
        std::map<std::uint32_t, std::map<std::pair<int, std::size_t>, std::vector<Cell>>> by_figure;
        std::map<std::uint32_t, Allowed> figure;
        const std::vector<ThresholdCell> all = cells(now, before);
        for (const ThresholdCell& cell : all) {
            const std::vector<Allowed> n = alternatives(cx_, now, cell, domain);
            const std::vector<Allowed> b = alternatives(cx_, before, cell, domain);
            if (n.size() != 1 || b.size() != 1) continue;
            const Interval& ni = n[0].allowed;
            const Interval& bi = b[0].allowed;
            const bool is_looser = lower ? (ni.lo < bi.lo || (ni.lo == bi.lo && !ni.lo_open && bi.lo_open))
                                         : (ni.hi > bi.hi || (ni.hi == bi.hi && !ni.hi_open && bi.hi_open));
            figure.try_emplace(n[0].at.begin, n[0]);
            by_figure[n[0].at.begin][{cell.year.value_or(0), cell.member_index}].push_back({cell, b[0], is_looser});
        }
        for (const auto& [begin, groups] : by_figure) {
            Looser l;
            std::size_t stands_for = 0;
            for (const auto& [key, group] : groups) {
                stands_for += group.size();
                const bool everywhere = std::all_of(group.begin(), group.end(), [](const Cell& c) { return c.looser; });
                if (!everywhere) continue;
                for (const Cell& c : group) {
                    l.cells.push_back(c.cell);
                    const bool seen = std::any_of(l.base.begin(), l.base.end(), [&](const auto& p) { return p.first == c.base.at; });
                    if (!seen) l.base.emplace_back(c.base.at, c.base.text);
                    const double bound = lower ? c.base.allowed.lo : c.base.allowed.hi;
                    if (!l.strictest || (lower ? bound > *l.strictest : bound < *l.strictest)) {
                        l.strictest = bound;
                        l.strictest_text = c.base.text;
                        l.strictest_at = c.base.at;
                    }
                }
            }
            if (l.cells.empty()) continue;
            const Allowed& f = figure.at(begin);
            const Message where = l.cells.size() == stands_for && stands_for == all.size() ? Message{}
                                                                                          : Message::same(" ") + places(l.cells);
            const Message what = l.base.size() == 1
                                     ? say(lower ? "W0403.lower" : "W0403.upper", set_name(), o.code.text, f.text,
                                           base_name(), l.base.front().second)
                                     : say(lower ? "W0403.lower_many" : "W0403.upper_many", set_name(), o.code.text,
                                           f.text, base_name());
            Diagnostic& d = cx_.diags.warning("W0403", f.at, what + where);
            // The base's figure where there is one, else its strictest: the one the help names.
            d.notes.push_back({l.strictest_at, say("W0403.note", base_name(), l.strictest_text)});
            d.help = say(lower ? "W0403.help.lower" : "W0403.help.upper", l.strictest_text);
        }
    }

    // "ở DHNTB năm 2022..2025, TN năm 2022" / "for DHNTB in 2022..2025, TN in 2022"; only the
    // years ("năm 2023..2025" / "in 2023..2025") when every region has the same.
    static Message places(const std::vector<ThresholdCell>& cells) {
        std::map<std::pair<std::size_t, Region>, std::vector<int>> years;
        std::map<std::size_t, std::string> members;
        for (const ThresholdCell& c : cells) {
            auto& ys = years[{c.member_index, c.region.value_or(Region::TDMNPB)}];
            members[c.member_index] = c.member;
            if (c.year) ys.push_back(*c.year);
        }
        const auto& first = years.begin()->second;
        const bool same_years = members.size() == 1 && members.begin()->second.empty() && years.size() == kRegionCount &&
                                std::all_of(years.begin(), years.end(), [&](const auto& y) { return y.second == first; });
        if (same_years && !first.empty()) return say("E0306.in_years", years_text(first));
        std::vector<Message> parts;
        for (const auto& [key, ys] : years) {
            std::string where = members[key.first];
            if (!where.empty()) where += ' ';
            where += name_of(key.second);
            Message part = Message::same(where);
            if (!ys.empty()) part += Message::same(" ") + say("E0306.in_years", years_text(ys));
            parts.push_back(part);
        }
        return say("E0306.for", text::join(parts));
    }

    void removals() {
        for (const Removal& r : set_.decl->removals) {
            const bool criterion = r.target == OverrideTarget::criterion;
            Span at;
            if (criterion) {
                const EffectiveCriterion* c = base_.criterion(r.code.text);
                if (c == nullptr) continue;
                at = c->declared.node->code.span;
            } else {
                const EffectiveIndicator* i = base_.indicator(r.code.text);
                if (i == nullptr || !i->requirements) continue;
                at = i->declared.node->code.span;
            }
            Diagnostic& d = cx_.diags.warning(
                "W0403", r.code.span,
                say(criterion ? "W0403.remove_criterion" : "W0403.remove_indicator", set_name(), r.code.text, base_name()));
            d.notes.push_back({at, say("W0403.note_declared", base_name())});
            d.help = say("W0403.help.remove");
        }
    }

    const std::string& set_name() const { return set_.decl->name.text; }
    const std::string& base_name() const { return base_.decl->name.text; }

    Context& cx_;
    const SetInfo& set_;
    const SetInfo& base_;
};

}  // namespace

void check_overrides(Context& cx) {
    for (std::size_t i = 0; i < cx.out.sets.size(); ++i) {
        if (cx.out.sets[i].base && cx.out.sets[i].decl != nullptr) Overrides(cx, i).run();
    }
}

}  // namespace ntm::dsl::check_detail
