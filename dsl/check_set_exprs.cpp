// Pass: the expressions inside criteria sets (`region R when C`, `value`, `applies when`),
// typed against the data of the set's kind; then each indicator's value against its unit, in
// every set where the indicator is in force (an override may change the unit).
#include <fmt/format.h>

#include <array>
#include <map>

#include "dsl/check_pass.hpp"

namespace ntm::dsl::check_detail {
namespace {

void type_indicator(Context& cx, const Indicator& ind, const Scope& scope) {
    if (ind.value) type_expr(cx, *ind.value, scope);
    if (ind.applies) expect_condition(cx, *ind.applies, scope, Message::same("'applies when'"));
}

void type_set(Context& cx, std::size_t i) {
    const SetInfo& s = cx.out.sets[i];
    const CriteriaSet& d = *s.decl;
    const Scope scope{s.kind, {i}, nullptr};
    for (const RegionOverride& r : d.region_overrides) {
        if (!region(r.region.text)) {
            std::vector<std::string> names(kRegionNames.begin(), kRegionNames.end());
            unknown_name(cx, "E0103", r.region, names);
        }
        if (r.when) expect_condition(cx, *r.when, scope, Message::same("'region when'"));
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
                       say("E0211", ind.code, type_phrase(t), unit_phrase(ind.unit_name)));
    if (ind.unit) d.notes.push_back({ind.unit.node->span, say("note.unit_given")});
}

// Indicators without `value` read the input column named by their code: every set of a kind
// that reads one column must agree on its unit, or one data file could not serve them all.
void check_shared_columns(Context& cx) {
    struct Reader {
        const EffectiveIndicator* indicator;
        const SetInfo* set;
    };
    std::array<std::map<std::string, Reader>, kKindCount> readers;
    for (const SetInfo& s : cx.out.sets) {
        if (!s.kind) continue;
        auto& columns = readers[static_cast<std::size_t>(*s.kind)];
        for (const EffectiveCriterion& c : s.criteria) {
            for (const EffectiveIndicator& ind : c.indicators) {
                if (ind.value || ind.unit_name.empty()) continue;
                auto [it, fresh] = columns.try_emplace(ind.code, Reader{&ind, &s});
                const EffectiveIndicator& first = *it->second.indicator;
                if (fresh || first.unit_name == ind.unit_name) continue;
                const Span at = ind.unit ? ind.unit.node->span : ind.declared.node->code.span;
                Diagnostic& d = cx.diags.error(
                    "E0222", at,
                    say("E0222", ind.code, s.decl->name.text, ind.code, unit_phrase(ind.unit_name),
                        it->second.set->decl->name.text, unit_phrase(first.unit_name)));
                d.notes.push_back({first.unit ? first.unit.node->span : first.declared.node->code.span,
                                   say("E0222.note")});
                d.help = say("E0222.help");
            }
        }
    }
}

}  // namespace

void check_set_expressions(Context& cx) {
    for (std::size_t i = 0; i < cx.out.sets.size(); ++i) type_set(cx, i);
    for (const SetInfo& s : cx.out.sets) {
        for (const EffectiveCriterion& c : s.criteria) {
            for (const EffectiveIndicator& ind : c.indicators) check_value_unit(cx, ind);
        }
    }
    check_shared_columns(cx);
}

}  // namespace ntm::dsl::check_detail
