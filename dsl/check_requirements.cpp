// Pass: requirements against their indicator's unit, the numbers of thresholds against
// the unit's domain, and requirements that can never all hold.
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

// One value a threshold takes in a cell, with the `when` case that gives it.
struct Value {
    double v = 0;
    std::string text;
    std::string label;
};

// One interval a requirement allows in a cell.
struct Alt {
    Interval allowed;
    std::string text;
    std::string label;
    bool numbers_in_domain = true;
};

struct Cell {
    std::optional<Region> region;
    std::optional<int> year;
    // A threshold by category: the cell of one category of the first dimension the
    // requirements are tabled by (others count as alternatives, as `when` cases).
    std::string dimension, member;
    std::size_t member_index = 0;
};

bool covers(const YearRange& y, int year) {
    return y.from <= year && year <= y.to;
}

std::string join_label(const std::string& a, const std::string& b) {
    return a.empty() ? b : b.empty() ? a : a + ", " + b;
}

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
    Cell cell;
    std::string text, partner_text;
};

class Requirements {
  public:
    Requirements(Context& cx, std::size_t set, EffectiveIndicator& ind)
        : cx_(cx),
          set_(cx.out.sets[set]),
          ind_(ind),
          reqs_(*ind.requirements.node),
          domain_(Interval::of_unit(ind.unit_name)) {}

    void run() {
        bool typed = true;
        for (const Requirement& r : reqs_) typed = types(r) && typed;
        if (!typed) return;
        for (const Requirement& r : reqs_) {
            for (const Threshold* t : {r.low.get(), r.high.get()}) {
                if (t) numbers(*t);
            }
        }
        contradictions();
    }

  private:
    bool types(const Requirement& r) {
        const bool yesno = ind_.unit_name == "yesno";
        const bool boolean_req = r.cmp == Cmp::yes || r.cmp == Cmp::no;
        if (yesno == boolean_req) return true;
        if (yesno) {
            cx_.diags.error("E0210", r.op_span,
                            fmt::format("'require {}' needs a numeric indicator; indicator {} is "
                                        "yes/no",
                                        spelling(r.cmp), ind_.code));
        } else {
            cx_.diags.error("E0209", r.op_span,
                            fmt::format("'require {}' needs a yes/no indicator; indicator {} is "
                                        "in {}",
                                        spelling(r.cmp), ind_.code, ind_.unit_name));
        }
        return false;
    }

    void number(const Number& n) {
        const std::string& unit = ind_.unit_name;
        if (n.percent && unit != "percent") {
            cx_.diags.error("E0215", n.span,
                            fmt::format("threshold {} is a percentage but indicator {} is in {}",
                                        number_text(n), ind_.code, unit));
        } else if (unit == "percent" && (n.value < 0 || n.value > 100)) {
            cx_.diags.error("E0213", n.span,
                            fmt::format("percentage {} is outside 0–100", number_text(n)));
        } else if (unit == "count" && n.value < 0) {
            cx_.diags.error("E0214", n.span, fmt::format("count {} is negative", number_text(n)));
        }
    }

    void numbers(const Threshold& t) {
        if (t.kind == ThresholdKind::constant) number(t.constant);
        for (const auto& r : t.regions) {
            if (r.value) numbers(*r.value);
        }
        for (const auto& y : t.years) {
            if (y.value) numbers(*y.value);
        }
        for (const auto& row : t.table_rows) {
            for (const Number& n : row.values) number(n);
        }
        for (const auto& c : t.cases) {
            if (c.value) numbers(*c.value);
        }
        if (t.otherwise) numbers(*t.otherwise);
    }

    // ------------------------------------------------------------------ values in a cell

    void values(const Threshold& t, const Cell& cell, const std::string& label,
                std::vector<Value>& out) {
        auto add = [&](const Number& n) { out.push_back({n.value, number_text(n), label}); };
        switch (t.kind) {
            case ThresholdKind::constant:
                add(t.constant);
                break;
            case ThresholdKind::by_region:
                for (const auto& r : t.regions) {
                    if (r.value && (!cell.region || region(r.region.text) == cell.region)) {
                        values(*r.value, cell, label, out);
                    }
                }
                break;
            case ThresholdKind::by_category:
                for (const auto& r : t.regions) {
                    if (!r.value) continue;
                    if (cell.dimension == t.dimension.text) {
                        if (r.region.text == cell.member) values(*r.value, cell, label, out);
                    } else {  // each category an alternative, as `when` cases
                        values(*r.value, cell, join_label(label, fmt::format("{} {}", t.dimension.text, r.region.text)), out);
                    }
                }
                break;
            case ThresholdKind::by_year:
                for (const auto& y : t.years) {
                    if (y.value && (!cell.year || covers(y.years, *cell.year))) {
                        values(*y.value, cell, label, out);
                    }
                }
                break;
            case ThresholdKind::table:
                for (const auto& row : t.table_rows) {
                    if (cell.region && region(row.region.text) != cell.region) continue;
                    for (std::size_t c = 0; c < row.values.size() && c < t.table_years.size();
                         ++c) {
                        if (!cell.year || covers(t.table_years[c], *cell.year)) add(row.values[c]);
                    }
                }
                break;
            case ThresholdKind::cases:
                for (const auto& c : t.cases) {
                    if (!c.value || !c.when) continue;
                    const std::string when(cx_.sources.text(c.when->span));
                    values(*c.value, cell, join_label(label, "when " + when), out);
                }
                if (t.otherwise) values(*t.otherwise, cell, join_label(label, "otherwise"), out);
                break;
        }
    }

    bool in_domain(double v) const { return v >= domain_.lo && v <= domain_.hi; }

    std::vector<Alt> alternatives(const Requirement& r, const Cell& cell) {
        std::vector<Alt> out;
        if (r.cmp == Cmp::yes || r.cmp == Cmp::no) {
            out.push_back({compare_interval(r.cmp, 0), spelling(r.cmp), {}, true});
            return out;
        }
        std::vector<Value> lows, highs;
        if (r.low) values(*r.low, cell, {}, lows);
        if (r.cmp != Cmp::in_range) {
            for (const Value& v : lows) {
                out.push_back({compare_interval(r.cmp, v.v),
                               fmt::format("{} {}", spelling(r.cmp), v.text), v.label,
                               in_domain(v.v)});
            }
            return out;
        }
        if (r.high) values(*r.high, cell, {}, highs);
        for (const Value& lo : lows) {
            for (const Value& hi : highs) {
                out.push_back({Interval{lo.v, hi.v, false, false, {}},
                               fmt::format("in {} .. {}", lo.text, hi.text),
                               join_label(lo.label, hi.label), in_domain(lo.v) && in_domain(hi.v)});
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ contradictions

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

        void add(std::size_t j, const Alt& alt) {
            const Interval& a = alt.allowed;
            if (a.lo > now.lo || (a.lo == now.lo && a.lo_open)) lo_by = j, lo_text = alt.text;
            if (a.hi < now.hi || (a.hi == now.hi && a.hi_open)) hi_by = j, hi_text = alt.text;
            if (!a.excluded.empty()) excluded_by = j, excluded_text = alt.text;
            in_domain = in_domain && alt.numbers_in_domain;
            now = now.meet(a);
        }
    };

    // Checks requirement j's alternative against the bounds so far; true if it can hold.
    bool fits(std::size_t j, const Alt& alt, const Bounds& b, const Cell& cell) {
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
    bool cell_ok(const Cell& cell) {
        Bounds fixed;
        std::vector<std::pair<std::size_t, std::vector<Alt>>> varying;
        for (std::size_t j = 0; j < reqs_.size(); ++j) {
            std::vector<Alt> alts = alternatives(reqs_[j], cell);
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
            for (const Alt& alt : alts) any = fits(j, alt, fixed, cell) || any;
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

    // The first threshold by category in `t`, or null.
    static const Threshold* first_dimension(const Threshold* t) {
        if (!t) return nullptr;
        if (t->kind == ThresholdKind::by_category) return t;
        for (const auto& r : t->regions) {
            if (const Threshold* d = first_dimension(r.value.get())) return d;
        }
        for (const auto& y : t->years) {
            if (const Threshold* d = first_dimension(y.value.get())) return d;
        }
        for (const auto& c : t->cases) {
            if (const Threshold* d = first_dimension(c.value.get())) return d;
        }
        return first_dimension(t->otherwise.get());
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
        std::vector<Cell> categories{Cell{}};
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
        for (const Cell& c : categories) {
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
    static std::string places(const std::vector<Occurrence>& where) {
        // Keyed by category (in declaration order), then region.
        std::map<std::pair<std::size_t, std::optional<Region>>, std::vector<int>> years;
        std::map<std::size_t, std::string> members;
        for (const Occurrence& o : where) {
            auto& ys = years[{o.cell.member_index, o.cell.region}];
            members[o.cell.member_index] = o.cell.member;
            if (o.cell.year) ys.push_back(*o.cell.year);
        }
        std::vector<std::string> parts;
        for (const auto& [key, ys] : years) {
            const auto& [m, r] = key;
            std::string part = members[m];
            if (r) {
                if (!part.empty()) part += ' ';
                part += name_of(*r);
            }
            if (!ys.empty()) part += (part.empty() ? "in " : " in ") + years_text(ys);
            parts.push_back(part);
        }
        const bool regional = !years.empty() && (years.begin()->first.second.has_value() ||
                                                 !where.front().cell.member.empty());
        return (regional ? " for " : " ") + plain_list(parts);
    }

    void report(std::size_t cells) {
        for (const auto& [f, where] : findings_) {
            const Occurrence& first = where.front();
            const bool same_text =
                std::all_of(where.begin(), where.end(), [&](const Occurrence& o) {
                    return o.text == first.text && o.partner_text == first.partner_text;
                });
            const std::string label = f.label.empty() ? "" : " " + f.label;
            const std::string all_places = where.size() < cells ? places(where) : "";
            std::string what = f.code == "E0306"
                                   ? fmt::format("{} and {}", first.partner_text, first.text)
                                   : first.text;
            std::string head;
            if (f.code == "E0306") {
                head = fmt::format("requirements of indicator {} contradict each other", ind_.code);
            } else {
                const char* by = ind_.unit_name == "percent" ? " by a percentage"
                                 : ind_.unit_name == "count" ? " by a count"
                                                             : "";
                head = fmt::format("requirement of indicator {} can never be met{}", ind_.code,
                                   f.domain ? by : "");
            }
            std::string msg;
            if (same_text) {
                msg = fmt::format("{}: {}{}{}", head, what, label, all_places);
            } else {
                msg = fmt::format("{}{}{}: e.g. {}{}", head, label, all_places, what,
                                  places({first}));
            }
            const Requirement& at = reqs_[f.at];
            Span span = at.op_span;
            if (at.cmp == Cmp::in_range && at.low && at.high)
                span = join(at.low->span, at.high->span);
            Diagnostic& d = cx_.diags.error(f.code, span, std::move(msg));
            if (f.partner) {
                d.notes.push_back({reqs_[*f.partner].op_span, "conflicts with this requirement"});
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

void check_requirements(Context& cx) {
    for (std::size_t i = 0; i < cx.out.sets.size(); ++i) {
        for (EffectiveCriterion& c : cx.out.sets[i].criteria) {
            for (EffectiveIndicator& ind : c.indicators) {
                if (!ind.requirements || ind.unit_name.empty()) continue;
                Requirements(cx, i, ind).run();
            }
        }
    }
}

}  // namespace ntm::dsl::check_detail
