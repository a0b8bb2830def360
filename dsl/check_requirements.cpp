// Pass: requirements against their indicator's unit, the numbers of thresholds against
// the unit's domain, and what each requirement allows in one cell of its thresholds;
// check_contradictions.cpp then finds the requirements that can never all hold.
#include <fmt/format.h>

#include "dsl/check_pass.hpp"

namespace ntm::dsl::check_detail {
namespace {

// One value a threshold takes in a cell, with the `when` case that gives it.
struct Value {
    double v = 0;
    std::string text;
    std::string label;
    Span at;
};

// A threshold of this many triệu đồng (10 tỷ đồng) or more is a figure written in đồng: no
// income per person and year comes near it (the same bound as data/scale.cpp for the data).
constexpr double kMostTrieuDong = 10000;

bool covers(const YearRange& y, int year) {
    return y.from <= year && year <= y.to;
}

std::string join_label(const std::string& a, const std::string& b) {
    return a.empty() ? b : b.empty() ? a : a + ", " + b;
}

class Requirements {
  public:
    Requirements(Context& cx, EffectiveIndicator& ind)
        : cx_(cx), ind_(ind), reqs_(*ind.requirements.node) {}

    // True if every requirement fits the indicator's unit, so that they can be compared.
    bool run() {
        bool typed = true;
        for (const Requirement& r : reqs_) typed = types(r) && typed;
        if (!typed) return false;
        for (const Requirement& r : reqs_) {
            for (const Threshold* t : {r.low.get(), r.high.get()}) {
                if (t) numbers(*t);
            }
        }
        return true;
    }

  private:
    bool types(const Requirement& r) {
        const bool yesno = ind_.unit_name == "yesno";
        const bool boolean_req = r.cmp == Cmp::yes || r.cmp == Cmp::no;
        if (yesno == boolean_req) return true;
        if (yesno) {
            cx_.diags.error("E0210", r.op_span,
                            say("E0210", spelling(r.cmp), ind_.code));
        } else {
            cx_.diags.error("E0209", r.op_span,
                            say("E0209", spelling(r.cmp), ind_.code, ind_.unit_name));
        }
        return false;
    }

    void number(const Number& n) {
        const std::string& unit = ind_.unit_name;
        if (n.percent && unit != "percent") {
            cx_.diags.error("E0215", n.span,
                            say("E0215", number_text(n), ind_.code, unit));
        } else if (unit == "percent" && (n.value < 0 || n.value > 100)) {
            cx_.diags.error("E0213", n.span,
                            say("E0213", number_text(n)));
        } else if (unit == "count" && n.value < 0) {
            cx_.diags.error("E0214", n.span, say("E0214", number_text(n)));
        } else if (in_trieu_dong() && n.value >= kMostTrieuDong) {
            const std::string& symbol = cx_.out.units.at(unit).symbol;
            cx_.diags.error("E0309", n.span, say("E0309", number_text(n), symbol, ind_.code))
                .help = say("E0309.help", fmt::format("{:.6g}", n.value / 1e6), symbol);
        }
    }

    // A unit counted in triệu đồng, as data/scale.cpp tells an income in đồng in the data.
    bool in_trieu_dong() const {
        auto it = cx_.out.units.find(ind_.unit_name);
        return it != cx_.out.units.end() && it->second.symbol.starts_with("triệu đồng");
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

    Context& cx_;
    EffectiveIndicator& ind_;
    const std::vector<Requirement>& reqs_;
};

void values(const Context& cx, const Threshold& t, const ThresholdCell& cell,
            const std::string& label, std::vector<Value>& out) {
    auto add = [&](const Number& n) { out.push_back({n.value, number_text(n), label, n.span}); };
    switch (t.kind) {
        case ThresholdKind::constant:
            add(t.constant);
            break;
        case ThresholdKind::by_region:
            for (const auto& r : t.regions) {
                if (r.value && (!cell.region || region(r.region.text) == cell.region)) {
                    values(cx, *r.value, cell, label, out);
                }
            }
            break;
        case ThresholdKind::by_category:
            for (const auto& r : t.regions) {
                if (!r.value) continue;
                if (cell.dimension == t.dimension.text) {
                    if (r.region.text == cell.member) values(cx, *r.value, cell, label, out);
                } else {  // each category an alternative, as `when` cases
                    const std::string category =
                        fmt::format("{} {}", t.dimension.text, r.region.text);
                    values(cx, *r.value, cell, join_label(label, category), out);
                }
            }
            break;
        case ThresholdKind::by_year:
            for (const auto& y : t.years) {
                if (y.value && (!cell.year || covers(y.years, *cell.year))) {
                    values(cx, *y.value, cell, label, out);
                }
            }
            break;
        case ThresholdKind::table:
            for (const auto& row : t.table_rows) {
                if (cell.region && region(row.region.text) != cell.region) continue;
                for (std::size_t c = 0; c < row.values.size() && c < t.table_years.size(); ++c) {
                    if (!cell.year || covers(t.table_years[c], *cell.year)) add(row.values[c]);
                }
            }
            break;
        case ThresholdKind::cases:
            for (const auto& c : t.cases) {
                if (!c.value || !c.when) continue;
                const std::string when(cx.sources.text(c.when->span));
                values(cx, *c.value, cell, join_label(label, "when " + when), out);
            }
            if (t.otherwise) values(cx, *t.otherwise, cell, join_label(label, "otherwise"), out);
            break;
    }
}

}  // namespace

std::vector<Allowed> alternatives(const Context& cx, const Requirement& r,
                                  const ThresholdCell& cell, const Interval& domain) {
    auto in_domain = [&](double v) { return v >= domain.lo && v <= domain.hi; };
    std::vector<Allowed> out;
    if (r.cmp == Cmp::yes || r.cmp == Cmp::no) {
        out.push_back({compare_interval(r.cmp, 0), spelling(r.cmp), {}, true, r.op_span});
        return out;
    }
    std::vector<Value> lows, highs;
    if (r.low) values(cx, *r.low, cell, {}, lows);
    if (r.cmp != Cmp::in_range) {
        for (const Value& v : lows) {
            out.push_back({compare_interval(r.cmp, v.v),
                           fmt::format("{} {}", spelling(r.cmp), v.text), v.label, in_domain(v.v), v.at});
        }
        return out;
    }
    if (r.high) values(cx, *r.high, cell, {}, highs);
    for (const Value& lo : lows) {
        for (const Value& hi : highs) {
            out.push_back({Interval{lo.v, hi.v, false, false, {}},
                           fmt::format("in {} .. {}", lo.text, hi.text),
                           join_label(lo.label, hi.label), in_domain(lo.v) && in_domain(hi.v), lo.at});
        }
    }
    return out;
}

void check_requirements(Context& cx) {
    for (std::size_t i = 0; i < cx.out.sets.size(); ++i) {
        for (EffectiveCriterion& c : cx.out.sets[i].criteria) {
            for (EffectiveIndicator& ind : c.indicators) {
                if (!ind.requirements || ind.unit_name.empty()) continue;
                if (Requirements(cx, ind).run()) check_contradictions(cx, i, ind);
            }
        }
    }
}

}  // namespace ntm::dsl::check_detail
