// Two rule trees compared: sets, criteria and indicators (diff.hpp); compare.hpp for the rest.
#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "diff/compare.hpp"
#include "diff/match.hpp"
#include "diff/thresholds.hpp"

namespace ntm::diff {

std::string text_at(const Program& p, dsl::Span span) {
    return p.sources != nullptr ? std::string(p.sources->text(span)) : std::string();
}

std::string where(const Program& p, dsl::Span span) { return p.sources != nullptr ? p.where(span) : std::string(); }

std::string years(int from, int to) {
    if (from == std::numeric_limits<int>::min() && to == std::numeric_limits<int>::max()) return {};
    if (from == to) return fmt::format("{}", from);
    return fmt::format("{}-{}", from, to);
}

std::string reason(const Program& p, std::uint32_t mark) { return mark == kNone ? std::string() : p.reasons[mark]; }

std::string bodies_text(const Program& p, const std::vector<engine::BodyInCharge>& bodies) {
    struct Group {
        std::string title, years, localities;
    };
    std::vector<Group> groups;
    for (const engine::BodyInCharge& b : bodies) {
        if (b.body >= p.bodies.size()) continue;
        const std::string y = years(b.valid_from, b.valid_to);
        auto g = std::find_if(groups.begin(), groups.end(),
                              [&](const Group& x) { return x.title == p.bodies[b.body].title && x.years == y; });
        if (g == groups.end()) {
            groups.push_back({p.bodies[b.body].title, y, {}});
            g = groups.end() - 1;
        }
        if (!b.locality.empty() && g->localities.find(b.locality) == std::string::npos) {
            g->localities += g->localities.empty() ? b.locality : fmt::format(", {}", b.locality);
        }
    }
    std::string out;
    for (const Group& g : groups) {
        std::string scope = g.localities;
        if (!g.years.empty()) scope = scope.empty() ? g.years : fmt::format("{}; {}", scope, g.years);
        const std::string one = scope.empty() ? g.title : fmt::format("{} ({})", g.title, scope);
        out += out.empty() ? one : fmt::format("; {}", one);
    }
    return out;
}

Change make(What what, How how, std::string scope, std::string code, std::string old_title, std::string new_title) {
    Change c;
    c.what = what;
    c.how = how;
    c.scope = std::move(scope);
    c.code = std::move(code);
    c.old_title = std::move(old_title);
    c.new_title = std::move(new_title);
    return c;
}

void Comparer::field(Change& c, const char* key, const char* name, const std::string& o, const std::string& n) {
    if (o != n) c.fields.push_back({key, name, o, n});
}

void Comparer::push_if_changed(Change&& c) {
    if (!c.fields.empty() || !c.thresholds.empty() || c.how != How::changed) out.push_back(std::move(c));
}

void Comparer::sets(const SetDef& o, const SetDef& n) {
    Change c = make(What::set, How::changed, {}, n.name, o.title, n.title);
    field(c, "title", "tên", o.title, n.title);
    field(c, "source", "căn cứ", o.source, n.source);
    field(c, "valid", "hiệu lực", years(o.valid_from, o.valid_to), years(n.valid_from, n.valid_to));
    field(c, "locality", "địa bàn", o.locality, n.locality);
    field(c, "extends", "mở rộng bộ", set_name(a, o.base), set_name(b, n.base));
    c.old_rule = where(a, o.span);
    c.new_rule = where(b, n.span);
    push_if_changed(std::move(c));
    criteria(o, n);
    indicators(o, n);
}

void Comparer::criteria(const SetDef& os, const SetDef& ns) {
    const Pairing pr = pair_items(a.criteria, os.first_criterion, os.criterion_count, b.criteria, ns.first_criterion,
                                  ns.criterion_count);
    for (const auto& [oi, ni] : pr.pairs) {
        const CriterionDef& o = a.criteria[oi];
        const CriterionDef& n = b.criteria[ni];
        Change c = make(What::criterion, o.title == n.title ? How::changed : How::renamed, ns.title, n.code, o.title, n.title);
        if (o.code != n.code) {
            c.how = How::recoded;
            c.old_code = o.code;
        }
        field(c, "combine", "cách kết hợp", combine_text(o), combine_text(n));
        field(c, "responsible", "cơ quan phụ trách", bodies_text(a, o.bodies), bodies_text(b, n.bodies));
        c.old_rule = where(a, o.span);
        c.new_rule = where(b, n.span);
        push_if_changed(std::move(c));
    }
    for (std::uint32_t i : pr.added) {
        const CriterionDef& n = b.criteria[i];
        Change c = make(What::criterion, How::added, ns.title, n.code, {}, n.title);
        c.new_rule = where(b, n.span);
        out.push_back(std::move(c));
    }
    for (std::uint32_t i : pr.removed) {
        const CriterionDef& o = a.criteria[i];
        Change c = make(What::criterion, How::removed, ns.title, o.code, o.title, {});
        c.old_rule = where(a, o.span);
        out.push_back(std::move(c));
    }
}

std::string Comparer::combine_text(const CriterionDef& c) {
    switch (c.combine) {
        case dsl::CombineKind::all: return "đạt tất cả chỉ tiêu";
        case dsl::CombineKind::any: return "đạt một chỉ tiêu";
        case dsl::CombineKind::at_least: return fmt::format("đạt ít nhất {} chỉ tiêu", c.at_least);
    }
    return {};
}

void Comparer::indicators(const SetDef& os, const SetDef& ns) {
    const Pairing pr = pair_items(a.indicators, os.first_indicator, os.indicator_count, b.indicators, ns.first_indicator,
                                  ns.indicator_count);
    for (const auto& [oi, ni] : pr.pairs) push_if_changed(indicator_change(os, ns, a.indicators[oi], b.indicators[ni]));
    for (std::uint32_t i : pr.added) {
        const IndicatorDef& n = b.indicators[i];
        Change c = make(What::indicator, How::added, ns.title, n.code, {}, n.title);
        c.unit = n.unit_symbol;
        c.new_owner = b.criteria[n.criterion].code;
        for (std::uint32_t r = 0; r < n.requirement_count; ++r) c.thresholds.push_back(one_side(b, ns, n, r, false));
        c.new_rule = where(b, n.span);
        out.push_back(std::move(c));
    }
    for (std::uint32_t i : pr.removed) {
        const IndicatorDef& o = a.indicators[i];
        Change c = make(What::indicator, How::removed, ns.title, o.code, o.title, {});
        c.unit = o.unit_symbol;
        c.old_owner = a.criteria[o.criterion].code;
        for (std::uint32_t r = 0; r < o.requirement_count; ++r) c.thresholds.push_back(one_side(a, os, o, r, true));
        c.old_rule = where(a, o.span);
        out.push_back(std::move(c));
    }
}

ThresholdDiff Comparer::one_side(const Program& p, const SetDef& s, const IndicatorDef& d, std::uint32_t r, bool old) {
    const engine::Requirement& req = p.requirements[d.first_requirement + r];
    ThresholdDiff t;
    t.requirement = r;
    t.old_cmp = t.new_cmp = req.cmp;
    const std::string text = requirement_text(p, s, d, req);
    (old ? t.old_text : t.new_text) = text;
    return t;
}

std::string Comparer::requirement_text(const Program& p, const SetDef& s, const IndicatorDef& d, const engine::Requirement& req) {
    if (d.boolean) return req.cmp == dsl::Cmp::ne ? "không" : "có";
    const YearSpan valid{s.valid_from, s.valid_to};
    if (req.cmp == dsl::Cmp::in_range) {
        return fmt::format("trong khoảng [{}; {}]", threshold_text(p, req.low, dsl::Cmp::ge, d.unit_symbol, valid),
                           threshold_text(p, req.high, dsl::Cmp::le, d.unit_symbol, valid));
    }
    return threshold_text(p, req.low, req.cmp, d.unit_symbol, valid);
}

Change Comparer::indicator_change(const SetDef& os, const SetDef& ns, const IndicatorDef& o, const IndicatorDef& n) {
    Change c = make(What::indicator, o.title == n.title ? How::changed : How::renamed, ns.title, n.code, o.title, n.title);
    c.unit = n.unit_symbol;
    c.old_owner = a.criteria[o.criterion].code;
    c.new_owner = b.criteria[n.criterion].code;
    if (o.code != n.code) {
        c.how = How::recoded;
        c.old_code = o.code;
    } else if (c.old_owner != c.new_owner && c.how == How::changed) {
        c.how = How::moved;
    }
    field(c, "unit", "đơn vị", o.unit_symbol, n.unit_symbol);
    field(c, "unconfirmed", "chưa xác nhận", reason(a, o.unconfirmed), reason(b, n.unconfirmed));
    field(c, "responsible", "cơ quan phụ trách", bodies_text(a, o.bodies), bodies_text(b, n.bodies));
    const std::uint32_t both = std::min(o.requirement_count, n.requirement_count);
    for (std::uint32_t r = 0; r < std::max(o.requirement_count, n.requirement_count); ++r) {
        if (r >= both) {
            c.thresholds.push_back(r < o.requirement_count ? one_side(a, os, o, r, true) : one_side(b, ns, n, r, false));
            continue;
        }
        const engine::Requirement& ro = a.requirements[o.first_requirement + r];
        const engine::Requirement& rn = b.requirements[n.first_requirement + r];
        ThresholdDiff t;
        if (o.boolean || n.boolean) {
            if (o.boolean != n.boolean || ro.cmp != rn.cmp) {
                t.reshaped = true;
            }
        } else if (ro.cmp == dsl::Cmp::in_range || rn.cmp == dsl::Cmp::in_range) {
            if (requirement_text(a, os, o, ro) != requirement_text(b, ns, n, rn)) t.reshaped = true;
        } else {
            t = compare_threshold(a, ro.low, {os.valid_from, os.valid_to}, b, rn.low, {ns.valid_from, ns.valid_to});
        }
        t.requirement = r;
        t.old_cmp = ro.cmp;
        t.new_cmp = rn.cmp;
        if (ro.cmp != rn.cmp && !t.reshaped) t.reshaped = true;
        if (t.reshaped) {
            t.cells.clear();
            t.old_text = requirement_text(a, os, o, ro);
            t.new_text = requirement_text(b, ns, n, rn);
            if (t.old_text == t.new_text) continue;
        } else if (t.cells.empty()) {
            continue;
        }
        c.thresholds.push_back(std::move(t));
    }
    c.old_rule = where(a, o.span);
    c.new_rule = where(b, n.span);
    return c;
}

StructureDiff compare_rules(const RulesSide& old_side, const RulesSide& new_side) {
    StructureDiff d;
    d.old_label = old_side.label;
    d.new_label = new_side.label;
    const Program& a = *old_side.program;
    const Program& b = *new_side.program;
    Comparer cmp{a, b, d.changes};
    if (old_side.set != kNone || new_side.set != kNone) {
        // Two sets, chosen: their criteria and indicators only.
        const std::uint32_t os = old_side.set != kNone ? old_side.set : a.set_index(b.sets[new_side.set].name);
        const std::uint32_t ns = new_side.set != kNone ? new_side.set : b.set_index(a.sets[old_side.set].name);
        if (os != kNone && ns != kNone) cmp.sets(a.sets[os], b.sets[ns]);
        return d;
    }
    for (const SetDef& n : b.sets) {
        const std::uint32_t o = a.set_index(n.name);
        if (o == kNone) {
            Change c = make(What::set, How::added, {}, n.name, {}, n.title);
            c.new_rule = where(b, n.span);
            d.changes.push_back(std::move(c));
            continue;
        }
        cmp.sets(a.sets[o], n);
    }
    for (const SetDef& o : a.sets) {
        if (b.set_index(o.name) == kNone) {
            Change c = make(What::set, How::removed, {}, o.name, o.title, {});
            c.old_rule = where(a, o.span);
            d.changes.push_back(std::move(c));
        }
    }
    cmp.levels();
    cmp.revocations();
    cmp.categories();
    cmp.assignments();
    cmp.targets();
    return d;
}

}  // namespace ntm::diff
