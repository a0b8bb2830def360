// Requirements of one indicator that can never all hold, found cell by cell.
//
// Thresholds may vary by region, by year, by category and by case, so requirements are
// compared cell by cell (each category × each region × each year of the set's validity); a
// contradiction is reported once, naming the categories, regions and years where it occurs.
// A requirement that is only contradictory under one `when` case is reported with that case.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "dsl/check_pass.hpp"

namespace ntm::dsl::check_detail {
namespace {

// A problem found in some cells: the requirement with the caret, the one it conflicts with.
struct Finding {
    std::string code;
    std::size_t at = 0;
    std::optional<std::size_t> partner;
    std::string label;
    bool domain = false;
    friend bool operator<(const Finding& a, const Finding& b) {
        return std::tie(a.code, a.at, a.partner, a.label, a.domain) <
               std::tie(b.code, b.at, b.partner, b.label, b.domain);
    }
};

// Where a finding occurs, and the requirements as they read there.
struct Occurrence {
    ThresholdCell cell;
    std::string text, partner_text;
};

class Contradictions {
  public:
    Contradictions(Context& cx, std::size_t set, EffectiveIndicator& ind)
        : cx_(cx),
          set_(cx.out.sets[set]),
          ind_(ind),
          reqs_(*ind.requirements.node),
          domain_(Interval::of_unit(ind.unit_name)) {}

    void run() { contradictions(); }

  private:
    struct Bounds {
        Interval now;
        std::optional<std::size_t> lo_by, hi_by, excluded_by;
        std::string lo_text, hi_text, excluded_text;
        bool in_domain = true;

        // The requirement that `alt` (of requirement j) conflicts with, when now ∩ alt is empty.
        std::pair<std::optional<std::size_t>, std::string> partner(const Interval& a) const {
            if (a.hi < now.lo || (a.hi == now.lo && (a.hi_open || now.lo_open))) {
                return {lo_by, lo_text};
            }
            if (a.lo > now.hi || (a.lo == now.hi && (a.lo_open || now.hi_open))) {
                return {hi_by, hi_text};
            }
            if (!a.excluded.empty()) return {lo_by, lo_text};
            return {excluded_by, excluded_text};
        }

        void add(std::size_t j, const Allowed& alt) {
            const Interval& a = alt.allowed;
            if (a.lo > now.lo || (a.lo == now.lo && a.lo_open)) lo_by = j, lo_text = alt.text;
            if (a.hi < now.hi || (a.hi == now.hi && a.hi_open)) hi_by = j, hi_text = alt.text;
            if (!a.excluded.empty()) excluded_by = j, excluded_text = alt.text;
            in_domain = in_domain && alt.numbers_in_domain;
            now = now.meet(a);
        }
    };

    // Checks requirement j's alternative against the bounds so far; true if it can hold.
    bool fits(std::size_t j, const Allowed& alt, const Bounds& b, const ThresholdCell& cell) {
        if (alt.allowed.empty()) {
            note({"E0307", j, {}, alt.label, false}, {cell, alt.text, {}});
            return false;
        }
        if (b.now.meet(alt.allowed).empty()) {
            auto [partner, text] = b.partner(alt.allowed);
            if (partner && *partner != j) {
                note({"E0306", j, partner, alt.label, false}, {cell, alt.text, text});
            } else {
                note({"E0307", j, {}, alt.label, false}, {cell, alt.text, {}});
            }
            return false;
        }
        Bounds with = b;
        with.add(j, alt);
        if (with.now.meet(domain_).empty()) {
            if (with.in_domain) {
                const bool high = with.now.lo >= domain_.hi;
                const auto by = high ? with.lo_by : with.hi_by;
                note({"E0307", by.value_or(j), {}, alt.label, true},
                     {cell, high ? with.lo_text : with.hi_text, {}});
            }
            return false;
        }
        return true;
    }

    // True if every requirement can hold in the cell.
    bool cell_ok(const ThresholdCell& cell) {
        Bounds fixed;
        std::vector<std::pair<std::size_t, std::vector<Allowed>>> varying;
        for (std::size_t j = 0; j < reqs_.size(); ++j) {
            std::vector<Allowed> alts = alternatives(cx_, reqs_[j], cell, domain_);
            if (alts.empty()) return true;  // a missing cell: reported by the threshold pass
            if (alts.size() == 1 && alts[0].label.empty()) {
                if (!fits(j, alts[0], fixed, cell)) return false;
                fixed.add(j, alts[0]);
            } else {
                varying.emplace_back(j, std::move(alts));
            }
        }
        if (varying.empty()) return true;
        bool ok = true;
        for (const auto& [j, alts] : varying) {
            bool any = false;
            for (const Allowed& alt : alts) any = fits(j, alt, fixed, cell) || any;
            ok = ok && any;
        }
        return ok;
    }

    void note(Finding f, Occurrence o) { findings_[std::move(f)].push_back(std::move(o)); }

    static bool varies(const Threshold* t, ThresholdKind k1, ThresholdKind k2) {
        if (!t) return false;
        if (t->kind == k1 || t->kind == k2) return true;
        bool v = varies(t->otherwise.get(), k1, k2);
        for (const auto& r : t->regions) v = v || varies(r.value.get(), k1, k2);
        for (const auto& y : t->years) v = v || varies(y.value.get(), k1, k2);
        for (const auto& c : t->cases) v = v || varies(c.value.get(), k1, k2);
        return v;
    }

    static void mentioned_years(const Threshold* t, std::set<int>& out) {
        if (!t) return;
        for (const auto& y : t->years) {
            for (int v = y.years.from; v <= y.years.to && v - y.years.from < 200; ++v)
                out.insert(v);
            mentioned_years(y.value.get(), out);
        }
        for (const auto& y : t->table_years) {
            for (int v = y.from; v <= y.to && v - y.from < 200; ++v) out.insert(v);
        }
        for (const auto& r : t->regions) mentioned_years(r.value.get(), out);
        for (const auto& c : t->cases) mentioned_years(c.value.get(), out);
        mentioned_years(t->otherwise.get(), out);
    }

    void contradictions() {
        bool by_region = false, by_year = false;
        std::set<int> years;
        for (const Requirement& r : reqs_) {
            for (const Threshold* t : {r.low.get(), r.high.get()}) {
                by_region = by_region || varies(t, ThresholdKind::by_region, ThresholdKind::table);
                by_year = by_year || varies(t, ThresholdKind::by_year, ThresholdKind::table);
                mentioned_years(t, years);
            }
        }
        if (by_year && set_.valid) {
            years.clear();
            for (int y = set_.valid->from; y <= set_.valid->to && y - set_.valid->from < 200; ++y) {
                years.insert(y);
            }
        }
        std::vector<std::optional<Region>> regions{std::nullopt};
        if (by_region) {
            regions.clear();
            for (std::size_t r = 0; r < kRegionCount; ++r)
                regions.push_back(static_cast<Region>(r));
        }
        std::vector<std::optional<int>> cell_years{std::nullopt};
        if (by_year && !years.empty()) {
            cell_years.clear();
            for (int y : years) cell_years.emplace_back(y);
        }
        std::vector<ThresholdCell> categories{ThresholdCell{}};
        for (const Requirement& r : reqs_) {
            const Threshold* t = first_dimension(r.low.get());
            if (t == nullptr) t = first_dimension(r.high.get());
            const auto it = t == nullptr ? cx_.out.category_index.end()
                                         : cx_.out.category_index.find(t->dimension.text);
            if (it == cx_.out.category_index.end()) continue;
            categories.clear();
            const auto& members = cx_.out.categories[it->second].decl->members;
            for (std::size_t m = 0; m < members.size(); ++m)
                categories.push_back({{}, {}, t->dimension.text, members[m].name.text, m});
            break;
        }
        std::size_t cells = 0, failed = 0;
        for (const ThresholdCell& c : categories) {
            for (const auto& r : regions) {
                for (const auto& y : cell_years) {
                    ++cells;
                    failed += cell_ok({r, y, c.dimension, c.member, c.member_index}) ? 0 : 1;
                }
            }
        }
        if (cells > 0 && failed == cells) ind_.satisfiable = false;
        report(cells);
    }

    // " for TDMNPB in 2023..2024, BTB in 2023" (regions in order, years grouped per region),
    // or " in 2023..2024" where thresholds vary by year only.
    static Message places(const std::vector<Occurrence>& where) {
        // Keyed by category (in declaration order), then region.
        std::map<std::pair<std::size_t, std::optional<Region>>, std::vector<int>> years;
        std::map<std::size_t, std::string> members;
        for (const Occurrence& o : where) {
            auto& ys = years[{o.cell.member_index, o.cell.region}];
            members[o.cell.member_index] = o.cell.member;
            if (o.cell.year) ys.push_back(*o.cell.year);
        }
        std::vector<Message> parts;
        for (const auto& [key, ys] : years) {
            const auto& [m, r] = key;
            std::string where_text = members[m];
            if (r) {
                if (!where_text.empty()) where_text += ' ';
                where_text += name_of(*r);
            }
            Message part = Message::same(where_text);
            if (!ys.empty()) part += Message::same(where_text.empty() ? "" : " ") + say("E0306.in_years", years_text(ys));
            parts.push_back(part);
        }
        const bool regional = !years.empty() && (years.begin()->first.second.has_value() ||
                                                 !where.front().cell.member.empty());
        return Message::same(" ") + (regional ? say("E0306.for", text::join(parts)) : text::join(parts));
    }

    void report(std::size_t cells) {
        for (const auto& [f, where] : findings_) {
            const Occurrence& first = where.front();
            const bool same_text =
                std::all_of(where.begin(), where.end(), [&](const Occurrence& o) {
                    return o.text == first.text && o.partner_text == first.partner_text;
                });
            const Message label = Message::same(f.label.empty() ? "" : " " + f.label);
            const Message all_places = where.size() < cells ? places(where) : Message{};
            const Message what = f.code == "E0306" ? say("E0306.and", first.partner_text, first.text)
                                                   : Message::same(first.text);
            Message head;
            if (f.code == "E0306") {
                head = say("E0306", ind_.code);
            } else {
                const char* key = !f.domain                       ? "E0307"
                                  : ind_.unit_name == "percent" ? "E0307.percent"
                                  : ind_.unit_name == "count"   ? "E0307.count"
                                                                : "E0307";
                head = say(key, ind_.code);
            }
            Message msg;
            if (same_text) {
                msg = head + Message::same(": ") + what + label + all_places;
            } else {
                msg = head + label + all_places + say("E0306.example", what) + places({first});
            }
            const Requirement& at = reqs_[f.at];
            Span span = at.op_span;
            if (at.cmp == Cmp::in_range && at.low && at.high)
                span = join(at.low->span, at.high->span);
            Diagnostic& d = cx_.diags.error(f.code, span, std::move(msg));
            if (f.partner) {
                d.notes.push_back({reqs_[*f.partner].op_span, say("E0306.note")});
            }
        }
    }

    Context& cx_;
    const SetInfo& set_;
    EffectiveIndicator& ind_;
    const std::vector<Requirement>& reqs_;
    Interval domain_;
    std::map<Finding, std::vector<Occurrence>> findings_;
};

}  // namespace

void check_contradictions(Context& cx, std::size_t set, EffectiveIndicator& ind) {
    Contradictions(cx, set, ind).run();
}

}  // namespace ntm::dsl::check_detail
