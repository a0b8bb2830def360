// Pass: the expressions inside criteria sets (`region R when C`, `value`, `applies when`),
// typed against the data of the set's kind; then each indicator's value against its unit, in
// every set where the indicator is in force (an override may change the unit).
#include <fmt/format.h>

#include "dsl/check_pass.hpp"

namespace ntm::dsl::check_detail {
namespace {

void type_indicator(Context& cx, const Indicator& ind, const Scope& scope) {
    if (ind.value) type_expr(cx, *ind.value, scope);
    if (ind.applies) expect_condition(cx, *ind.applies, scope, "'applies when'");
}

void type_set(Context& cx, std::size_t i) {
    const SetInfo& s = cx.out.sets[i];
    const CriteriaSet& d = *s.decl;
    const Scope scope{s.kind, {i}, nullptr};
    for (const RegionOverride& r : d.region_overrides) {
        if (!region(r.region.text)) {
            std::vector<std::string> names(kRegionNames.begin(), kRegionNames.end());
            unknown_name(cx, "E0103", r.region, "region", names);
        }
        if (r.when) expect_condition(cx, *r.when, scope, "'region when'");
    }
    for (const Criterion& c : d.criteria) {
        for (const Indicator& ind : c.indicators) type_indicator(cx, ind, scope);
    }
    for (const Criterion& c : d.criterion_overrides) {
        for (const Indicator& ind : c.indicators) type_indicator(cx, ind, scope);
    }
    for (const Indicator& ind : d.indicator_overrides) type_indicator(cx, ind, scope);
}

void check_value_unit(Context& cx, const EffectiveIndicator& ind) {
    if (!ind.value || ind.unit_name.empty()) return;
    const ExprInfo* info = cx.out.expr(*ind.value.node);
    if (!info || info->type.value == ValueType::unknown) return;
    const Type& t = info->type;
    const bool ok = ind.unit_name == "yesno" ? t.value == ValueType::boolean
                                             : t.value == ValueType::number &&
                                                   (t.unit.empty() || t.unit == ind.unit_name);
    if (ok) return;
    Diagnostic& d =
        cx.diags.error("E0211", ind.value.node->span,
                       fmt::format("value of indicator {} is {} but the indicator's unit is {}",
                                   ind.code, type_phrase(t), unit_phrase(ind.unit_name)));
    if (ind.unit) d.notes.push_back({ind.unit.node->span, "unit given here"});
}

}  // namespace

void check_set_expressions(Context& cx) {
    for (std::size_t i = 0; i < cx.out.sets.size(); ++i) type_set(cx, i);
    for (const SetInfo& s : cx.out.sets) {
        for (const EffectiveCriterion& c : s.criteria) {
            for (const EffectiveIndicator& ind : c.indicators) check_value_unit(cx, ind);
        }
    }
}

}  // namespace ntm::dsl::check_detail
