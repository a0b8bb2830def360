// Checked rules → Program: schema, sets, levels, classes, assignments, targets.
#include <algorithm>
#include <fmt/format.h>

#include "engine/compiler.hpp"

namespace ntm::engine {

namespace detail {

namespace {

const dsl::UnitInfo* unit_info(const dsl::Checked& c, const std::string& name) {
    const auto it = c.units.find(name);
    return it == c.units.end() ? nullptr : &it->second;
}

std::string text_of(const dsl::From<dsl::Text>& t) { return t ? t.node->value : std::string(); }

}  // namespace

void Compiler::run() {
    out_.sources = &rules_.sources;
    schema();
    categories();
    sets();
    levels();
    classes_and_assignments();
    revocations();
    targets();
    out_.requirement_where.reserve(out_.requirements.size());
    for (const Requirement& r : out_.requirements) out_.requirement_where.push_back(out_.where(r.span));
    out_.indicator_where.reserve(out_.indicators.size());
    for (const IndicatorDef& i : out_.indicators) out_.indicator_where.push_back(out_.where(i.span));
}

std::uint32_t Compiler::slot_of(EntityKind kind, const std::string& name) const {
    const Column* c = out_.schema.find(kind, name);
    return c == nullptr ? kNone : c->slot;
}

// Every field of every kind, then every indicator that reads the column named by its code.
void Compiler::schema() {
    auto add = [&](EntityKind kind, const std::string& name, const std::string& title, const std::string& unit,
                   bool derived) {
        auto& cols = out_.schema.columns[kind_index(kind)];
        if (out_.schema.find(kind, name) != nullptr) return;
        Column col;
        col.name = name;
        col.title = title;
        col.unit = unit;
        if (const dsl::UnitInfo* u = unit_info(checked_, unit)) {
            col.unit_symbol = u->symbol;
            col.type = u->boolean ? ValueType::boolean : ValueType::number;
        }
        col.percent = unit == "percent";
        col.count = unit == "count";
        col.derived = derived;
        col.slot = static_cast<std::uint32_t>(cols.size());
        cols.push_back(std::move(col));
    };
    for (std::size_t k = 0; k < kKindCount; ++k) {
        const auto kind = static_cast<EntityKind>(k);
        for (const auto& [name, f] : checked_.data[k].fields) {
            add(kind, name, f.decl->title ? f.decl->title->value : std::string(), f.decl->unit.text,
                f.derived);
        }
    }
    for (const dsl::SetInfo& s : checked_.sets) {
        if (!s.kind) continue;
        for (const auto& c : s.criteria) {
            for (const auto& i : c.indicators) {
                if (!i.value) add(*s.kind, i.code, text_of(i.title), i.unit_name, false);
            }
        }
    }
    combines();
    for (std::size_t k = 0; k < kKindCount; ++k) {
        const auto kind = static_cast<EntityKind>(k);
        for (const std::string& name : checked_.data[k].derive_order) {
            const dsl::FieldInfo& f = checked_.data[k].fields.at(name);
            out_.derived[k].emplace_back(slot_of(kind, name), expr(*f.decl->derive, {kind, kNone}));
        }
    }
}

// How each input combines when units merge (`combine` lines of the kind's data).
void Compiler::combines() {
    for (std::size_t k = 0; k < kKindCount; ++k) {
        const auto kind = static_cast<EntityKind>(k);
        for (const auto& [name, c] : checked_.data[k].combine) {
            const Column* found = out_.schema.find(kind, name);
            if (found == nullptr) continue;
            Column& col = out_.schema.columns[k][found->slot];
            switch (c.way) {
                case dsl::MergeWay::sum: col.combine = Combine::sum; break;
                case dsl::MergeWay::weighted: col.combine = Combine::weighted; break;
                case dsl::MergeWay::all: col.combine = Combine::all; break;
                case dsl::MergeWay::any: col.combine = Combine::any; break;
                case dsl::MergeWay::min: col.combine = Combine::min; break;
                case dsl::MergeWay::max: col.combine = Combine::max; break;
                case dsl::MergeWay::resurvey: col.combine = Combine::resurvey; break;
            }
            if (col.combine == Combine::weighted) col.weight = slot_of(kind, c.weight);
        }
    }
}

void Compiler::sets() {
    for (std::size_t i = 0; i < checked_.sets.size(); ++i) set_ids_[&checked_.sets[i]] = static_cast<std::uint32_t>(i);
    for (const auto& [name, decl] : checked_.responsibles) {
        body_ids_[name] = static_cast<std::uint32_t>(out_.bodies.size());
        out_.bodies.push_back({name, decl->title.value, decl->kind == dsl::ResponsibleKind::member});
    }
    out_.sets.resize(checked_.sets.size());
    for (std::uint32_t s = 0; s < checked_.sets.size(); ++s) {
        const dsl::SetInfo& info = checked_.sets[s];
        SetDef& def = out_.sets[s];
        def.name = info.decl->name.text;
        def.title = info.decl->title ? info.decl->title->value : def.name;
        def.kind = info.kind.value_or(EntityKind::xa);
        def.valid_from = info.valid ? info.valid->from : 0;
        def.valid_to = info.valid ? info.valid->to : -1;
        def.base = info.base ? static_cast<std::uint32_t>(*info.base) : kNone;
        if (info.locality != nullptr) def.locality = info.locality->value;
        def.span = info.decl->name.span;
        // The citation: the set's own, or its base's.
        for (const dsl::SetInfo* p = &info; p != nullptr && def.source.empty();
             p = p->base ? &checked_.sets[*p->base] : nullptr) {
            if (p->decl->source) def.source = p->decl->source->value;
        }
        const ExprScope scope{def.kind, kNone};
        for (const auto& r : info.region_overrides) {
            if (auto reg = dsl::region(r.node->region.text)) {
                def.region_rules.push_back({*reg, expr(*r.node->when, scope), r.node->when->span});
            }
        }
        def.first_criterion = static_cast<std::uint32_t>(out_.criteria.size());
        def.first_indicator = static_cast<std::uint32_t>(out_.indicators.size());
        for (const auto& c : info.criteria) {
            CriterionDef cd;
            cd.code = c.code;
            cd.title = text_of(c.title);
            // A criterion without a citation of its own cites the set that declared it, not
            // the set extending that one.
            cd.source = c.source ? c.source.node->value : set_source(c.declared.set);
            if (c.combine) {
                cd.combine = c.combine.node->kind;
                cd.at_least = c.combine.node->count;
            }
            cd.set = s;
            cd.span = c.declared.node->code.span;
            // The group of the set that declared the criterion ("I. QUY HOẠCH").
            const auto& groups = checked_.sets[c.declared.set].decl->groups;
            const int g = c.declared.node->group;
            if (g >= 0 && static_cast<std::size_t>(g) < groups.size()) cd.group = groups[static_cast<std::size_t>(g)].title.value;
            bodies_for(s, c.code, true, cd.bodies);
            criterion_mark_ = reason(c.unconfirmed.node);
            if (criterion_mark_ == kNone) criterion_mark_ = reason(checked_.sets[c.declared.set].decl->unconfirmed);
            if (criterion_mark_ == kNone) criterion_mark_ = reason(info.decl->unconfirmed);
            const auto ci = static_cast<std::uint32_t>(out_.criteria.size());
            cd.first_indicator = static_cast<std::uint32_t>(out_.indicators.size());
            cd.indicator_count = static_cast<std::uint32_t>(c.indicators.size());
            out_.criteria.push_back(std::move(cd));
            for (const auto& ind : c.indicators) indicator(ind, s, ci);
        }
        def.criterion_count = static_cast<std::uint32_t>(out_.criteria.size()) - def.first_criterion;
        def.indicator_count = static_cast<std::uint32_t>(out_.indicators.size()) - def.first_indicator;
    }
}

std::string Compiler::set_source(std::size_t set) const {
    for (const dsl::SetInfo* p = &checked_.sets[set]; p != nullptr; p = p->base ? &checked_.sets[*p->base] : nullptr) {
        if (p->decl->source) return p->decl->source->value;
    }
    return {};
}

void Compiler::indicator(const dsl::EffectiveIndicator& ind, std::uint32_t set, std::uint32_t criterion) {
    const ExprScope scope{out_.sets[set].kind, set};
    IndicatorDef d;
    d.code = ind.code;
    d.title = text_of(ind.title);
    // The citation of the rule in force: a requirement overridden by a set without a citation
    // of its own is cited by that set (a provincial threshold), not by the base's text.
    if (ind.requirements && ind.requirements.set != ind.declared.set &&
        (!ind.source || ind.source.set != ind.requirements.set)) {
        d.source = set_source(ind.requirements.set);
    } else {
        d.source = ind.source ? ind.source.node->value : out_.criteria[criterion].source;
    }
    d.unit = ind.unit_name;
    d.percent = ind.unit_name == "percent";
    if (const dsl::UnitInfo* u = unit_info(checked_, ind.unit_name)) {
        d.unit_symbol = u->symbol;
        d.boolean = u->boolean;
    }
    if (ind.value) {
        d.value = expr(*ind.value.node, scope);
        d.value_span = ind.value.node->span;
    } else {
        d.slot = slot_of(scope.kind, ind.code);
    }
    if (ind.applies) {
        d.applies = expr(*ind.applies.node, scope);
        d.applies_span = ind.applies.node->span;
    }
    d.criterion = criterion;
    d.set = set;
    // Its own mark, else its criterion's, else that of the set that declared the criterion or
    // of this set.
    d.unconfirmed = reason(ind.unconfirmed.node);
    if (d.unconfirmed == kNone) d.unconfirmed = criterion_mark_;
    d.span = (ind.overrides.empty() ? ind.declared : ind.overrides.back()).node->code.span;
    bodies_for(set, ind.code, false, d.bodies);
    d.first_requirement = static_cast<std::uint32_t>(out_.requirements.size());
    if (ind.requirements) {
        for (const dsl::Requirement& r : *ind.requirements.node) {
            Requirement req;
            req.cmp = r.cmp;
            req.span = r.span;
            req.unconfirmed = reason(r.unconfirmed);
            if (r.low) req.low = threshold(*r.low, scope);
            if (r.high) req.high = threshold(*r.high, scope);
            out_.requirements.push_back(req);
        }
    }
    d.requirement_count = static_cast<std::uint32_t>(out_.requirements.size()) - d.first_requirement;
    for (std::uint32_t r = d.first_requirement; r < d.first_requirement + d.requirement_count; ++r) {
        categories_of(out_.requirements[r].low, d.categories);
        categories_of(out_.requirements[r].high, d.categories);
    }
    if (!d.categories.empty()) out_.sets[set].tabled_by_category = true;
    out_.indicators.push_back(std::move(d));
}

// Every assignment naming criterion or indicator `code` of `set` or of a set it extends, in
// order of precedence: the set first, then its bases; within each, the blocks in rule order.
// Which one is in charge depends on the entity and the year (engine/explain.cpp).
void Compiler::bodies_for(std::uint32_t set, const std::string& code, bool criterion,
                          std::vector<BodyInCharge>& out) const {
    for (const dsl::SetInfo* p = &checked_.sets[set]; p != nullptr; p = p->base ? &checked_.sets[*p->base] : nullptr) {
        const auto pid = static_cast<std::size_t>(p - checked_.sets.data());
        for (const dsl::AssignmentsInfo& a : checked_.assignments) {
            if (std::find(a.sets.begin(), a.sets.end(), pid) == a.sets.end()) continue;
            BodyInCharge in_charge;
            if (a.decl->locality) in_charge.locality = a.decl->locality->value;
            if (a.decl->valid) {
                in_charge.valid_from = a.decl->valid->from;
                in_charge.valid_to = a.decl->valid->to;
            }
            for (std::size_t i = 0; i < a.decl->assignments.size(); ++i) {
                const dsl::Assignment& as = a.decl->assignments[i];
                const bool kind_ok = criterion ? as.target == dsl::AssignTarget::criterion
                                               : as.target == dsl::AssignTarget::indicator;
                if (!kind_ok || a.to[i] == nullptr) continue;
                for (const dsl::Code& c : as.codes) {
                    if (c.text != code) continue;
                    in_charge.body = body_ids_.at(a.to[i]->name.text);
                    out.push_back(in_charge);
                }
            }
        }
    }
}

void Compiler::levels() {
    out_.levels.resize(checked_.levels.size());
    for (std::size_t k = 0; k < kKindCount; ++k) {
        int ordinal = 0;
        for (std::size_t li : checked_.level_order[k]) {
            out_.levels[li].ordinal = ordinal++;
            out_.level_order[k].push_back(static_cast<std::uint32_t>(li));
        }
    }
    for (std::size_t li = 0; li < checked_.levels.size(); ++li) {
        const dsl::LevelInfo& info = checked_.levels[li];
        LevelDef& def = out_.levels[li];
        def.name = info.decl->name.text;
        def.title = info.decl->title ? info.decl->title->value : def.name;
        def.source = info.decl->source ? info.decl->source->value : std::string();
        def.kind = info.kind.value_or(EntityKind::xa);
        def.after = info.after ? static_cast<std::uint32_t>(*info.after) : kNone;
        def.span = info.decl->name.span;
        for (std::size_t s : info.meets) def.meets.push_back(static_cast<std::uint32_t>(s));
        for (const dsl::LevelInfo* l = &info; l != nullptr && def.scope_sets.empty();
             l = l->after ? &checked_.levels[*l->after] : nullptr) {
            for (std::size_t s : l->meets) def.scope_sets.push_back(static_cast<std::uint32_t>(s));
        }
        const std::size_t named = def.scope_sets.size();
        for (std::uint32_t s = 0; s < out_.sets.size(); ++s) {
            if (std::find(def.scope_sets.begin(), def.scope_sets.end(), s) != def.scope_sets.end()) continue;
            for (std::size_t k = 0; k < named; ++k) {
                if (out_.extends(s, def.scope_sets[k])) {
                    def.scope_sets.push_back(s);
                    break;
                }
            }
        }
        for (const dsl::Gate& g : info.decl->gates) {
            GateDef gd;
            gd.name = g.name.text;
            gd.title = g.title ? g.title->value : g.name.text;
            gd.span = g.condition->span;
            gd.unconfirmed = reason(g.unconfirmed);
            if (g.valid) {
                gd.valid_from = g.valid->from;
                gd.valid_to = g.valid->to;
            }
            if (def.scope_sets.empty()) gd.condition.push_back(expr(*g.condition, {def.kind, kNone}));
            for (std::uint32_t s : def.scope_sets) gd.condition.push_back(expr(*g.condition, {def.kind, s}));
            def.gates.push_back(std::move(gd));
        }
    }
    for (std::size_t k = 0; k < kKindCount; ++k) {
        for (const std::uint32_t li : out_.level_order[k]) out_.schema.levels[k].push_back(out_.levels[li].name);
    }
}

void Compiler::classes_and_assignments() {
    for (const dsl::ClassInfo& c : checked_.classes) {
        ClassDef d;
        d.name = c.decl->name.text;
        d.title = c.decl->title ? c.decl->title->value : d.name;
        d.kind = c.kind.value_or(EntityKind::xa);
        if (c.decl->when) d.when = expr(*c.decl->when, {d.kind, kNone});
        out_.classes.push_back(std::move(d));
    }
    for (const dsl::AssignmentsInfo& a : checked_.assignments) {
        const EntityKind kind = a.kind.value_or(EntityKind::xa);
        for (std::size_t i = 0; i < a.decl->assignments.size(); ++i) {
            const dsl::Assignment& as = a.decl->assignments[i];
            if (as.target != dsl::AssignTarget::locality || a.to[i] == nullptr) continue;
            LocalityRule rule;
            for (const dsl::Text& t : as.localities) rule.codes.push_back(t.value);
            if (as.where) rule.where = expr(*as.where, {kind, kNone});
            rule.member = body_ids_.at(a.to[i]->name.text);
            if (a.decl->valid) {
                rule.valid_from = a.decl->valid->from;
                rule.valid_to = a.decl->valid->to;
            }
            if (as.due) rule.due = fmt::format("{:04}-{:02}-{:02}", as.due->year, as.due->month, as.due->day);
            out_.localities.push_back(std::move(rule));
        }
    }
}

void Compiler::categories() {
    for (const dsl::CategoryInfo& c : checked_.categories) {
        CategoryDef d;
        d.name = c.decl->name.text;
        d.title = c.decl->title ? c.decl->title->value : d.name;
        d.source = c.decl->source ? c.decl->source->value : std::string();
        d.kind = c.kind.value_or(EntityKind::xa);
        for (const dsl::CategoryMember& m : c.decl->members) {
            d.members.push_back({m.name.text, m.title.value, m.when ? expr(*m.when, {d.kind, kNone}) : ExprRef{},
                                 m.rule_span});
        }
        out_.categories.push_back(std::move(d));
    }
}

void Compiler::targets() {
    for (const dsl::TargetInfo& t : checked_.targets) {
        TargetDef d;
        d.name = t.decl->name.text;
        d.title = t.decl->title ? t.decl->title->value : d.name;
        d.source = t.decl->source ? t.decl->source->value : std::string();
        d.locality = t.decl->locality ? t.decl->locality->value : std::string();
        d.year = t.decl->year ? t.decl->year->from : 0;
        d.year_to = t.decl->year ? t.decl->year->to : 0;
        for (std::size_t i = 0; i < t.decl->lines.size(); ++i) {
            if (!t.levels[i]) continue;
            const dsl::TargetLine& line = t.decl->lines[i];
            d.lines.push_back({static_cast<std::uint32_t>(*t.levels[i]), line.increment, line.count.value});
        }
        out_.targets.push_back(std::move(d));
    }
}

}  // namespace detail

Program compile(const dsl::Rules& rules) {
    Program program;
    detail::Compiler(rules, program).run();
    return program;
}

}  // namespace ntm::engine
