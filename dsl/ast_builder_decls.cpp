// The declarations other than criteria sets, and the dispatch over all of them.
#include "dsl/ast_builder.hpp"
#include "dsl/grammar.hpp"

namespace ntm::dsl {

namespace g = grammar;

namespace {

template <typename T>
bool is(const ParseNode& n) {
    return n.is_type<T>();
}

}  // namespace

DataDecl AstBuilder::data(const ParseNode& n) {
    DataDecl d;
    d.id = ids_.next();
    d.span = span(n);
    d.kind = name(*n.children[0]);
    for (std::size_t i = 1; i < n.children.size(); ++i) {
        const ParseNode& c = *n.children[i];
        if (is<g::input_combine>(c)) {
            d.combines.push_back(input_combine(c));
            continue;
        }
        // field: name [title] unit; derive: name [title] unit expr
        Field f;
        f.id = ids_.next();
        f.span = span(c);
        f.name = name(*c.children[0]);
        std::size_t k = 1;
        if (is<g::string_lit>(*c.children[k])) f.title = text(*c.children[k++]);
        f.unit = name(*c.children[k++]);
        if (is<g::derive>(c)) f.derive = expr(*c.children[k]);
        d.fields.push_back(std::move(f));
    }
    return d;
}

// combine: way [weight name] input+
InputCombine AstBuilder::input_combine(const ParseNode& n) {
    InputCombine cl;
    cl.id = ids_.next();
    cl.span = span(n);
    const ParseNode& way = *n.children[0];
    cl.way_span = span(way);
    cl.way = is<g::combine_sum>(way)        ? MergeWay::sum
             : is<g::combine_weighted>(way) ? MergeWay::weighted
             : is<g::combine_every>(way)    ? MergeWay::all
             : is<g::combine_some>(way)     ? MergeWay::any
             : is<g::combine_min>(way)      ? MergeWay::min
             : is<g::combine_max>(way)      ? MergeWay::max
                                            : MergeWay::resurvey;
    if (cl.way == MergeWay::weighted && !way.children.empty()) cl.weight = name(*way.children[0]);
    for (std::size_t i = 1; i < n.children.size(); ++i) {
        const ParseNode& c = *n.children[i];
        if (is<g::string_lit>(c)) {
            cl.inputs.push_back({text(c).value, true, span(c)});
        } else {
            cl.inputs.push_back({std::string(c.string_view()), false, span(c)});
        }
    }
    return cl;
}

LevelDecl AstBuilder::level(const ParseNode& n) {
    LevelDecl l;
    l.id = ids_.next();
    l.span = span(n);
    l.name = name(*n.children[0]);
    std::optional<Span> meets_at;
    for (std::size_t i = 1; i < n.children.size(); ++i) {
        const ParseNode& c = *n.children[i];
        if (is<g::string_lit>(c) && i == 1) {
            l.title = text(c);
        } else if (is<g::for_prop>(c)) {
            once(l.kind, name(*c.children[0]), "for");
        } else if (is<g::source_prop>(c)) {
            once(l.source, text(*c.children[0]), "source");
        } else if (is<g::after_prop>(c)) {
            once(l.after, name(*c.children[0]), "after");
        } else if (is<g::meets_prop>(c)) {
            if (meets_at) {
                duplicate(span(*c.children[0]), *meets_at, "meets");
                continue;
            }
            meets_at = span(*c.children[0]);
            for (const auto& s : c.children) l.meets.push_back(name(*s));
        } else if (is<g::gate>(c)) {
            Gate gt;
            gt.id = ids_.next();
            gt.span = span(c);
            gt.name = name(*c.children[0]);
            std::size_t k = 1;
            if (is<g::string_lit>(*c.children[k])) gt.title = text(*c.children[k++]);
            if (is<g::valid_prop>(*c.children[k])) gt.valid = years(*c.children[k++]->children[0]);
            gt.condition = expr(*c.children[k]);
            marks(gt.unconfirmed, c, k + 1);
            l.gates.push_back(std::move(gt));
        }
    }
    return l;
}

ClassDecl AstBuilder::class_decl(const ParseNode& n) {
    ClassDecl cl;
    cl.id = ids_.next();
    cl.span = span(n);
    cl.name = name(*n.children[0]);
    std::optional<Span> when_at;
    for (std::size_t i = 1; i < n.children.size(); ++i) {
        const ParseNode& c = *n.children[i];
        if (is<g::string_lit>(c) && i == 1) {
            cl.title = text(c);
        } else if (is<g::for_prop>(c)) {
            once(cl.kind, name(*c.children[0]), "for");
        } else if (is<g::source_prop>(c)) {
            once(cl.source, text(*c.children[0]), "source");
        } else if (is<g::when_prop>(c)) {
            if (when_at) {
                duplicate(span(*c.children[0]), *when_at, "when");
                continue;
            }
            when_at = span(*c.children[0]);
            cl.when = expr(*c.children[0]);
        }
    }
    return cl;
}

Assignment AstBuilder::assignment(const ParseNode& n) {
    Assignment a;
    a.id = ids_.next();
    a.span = span(n);
    a.target = is<g::assign_criterion>(n)   ? AssignTarget::criterion
               : is<g::assign_indicator>(n) ? AssignTarget::indicator
                                            : AssignTarget::locality;
    for (const auto& c : n.children) {
        if (is<g::code>(*c)) {
            a.codes.push_back(code(*c));
        } else if (is<g::string_lit>(*c)) {
            a.localities.push_back(text(*c));
        } else if (is<g::where_clause>(*c)) {
            a.where = expr(*c->children[0]);
        } else if (is<g::name>(*c)) {
            a.to = name(*c);
        } else if (is<g::date>(*c)) {
            a.due = date(*c);
        }
    }
    return a;
}

AssignmentsDecl AstBuilder::assignments(const ParseNode& n) {
    AssignmentsDecl as;
    as.id = ids_.next();
    as.span = span(n);
    as.name = name(*n.children[0]);
    std::optional<Span> sets_at;
    for (std::size_t i = 1; i < n.children.size(); ++i) {
        const ParseNode& c = *n.children[i];
        if (is<g::string_lit>(c) && i == 1) {
            as.title = text(c);
        } else if (is<g::source_prop>(c)) {
            once(as.source, text(*c.children[0]), "source");
        } else if (is<g::sets_prop>(c)) {
            if (sets_at) {
                duplicate(span(*c.children[0]), *sets_at, "sets");
                continue;
            }
            sets_at = span(*c.children[0]);
            for (const auto& s : c.children) as.sets.push_back(name(*s));
        } else if (is<g::valid_prop>(c)) {
            once(as.valid, years(*c.children[0]), "valid");
        } else if (is<g::locality_scope>(c)) {
            once(as.locality, text(*c.children[0]), "locality");
        } else {
            as.assignments.push_back(assignment(c));
        }
    }
    return as;
}

TargetDecl AstBuilder::target(const ParseNode& n) {
    TargetDecl t;
    t.id = ids_.next();
    t.span = span(n);
    t.name = name(*n.children[0]);
    for (std::size_t i = 1; i < n.children.size(); ++i) {
        const ParseNode& c = *n.children[i];
        if (is<g::string_lit>(c) && i == 1) {
            t.title = text(c);
        } else if (is<g::source_prop>(c)) {
            once(t.source, text(*c.children[0]), "source");
        } else if (is<g::locality_prop>(c)) {
            once(t.locality, text(*c.children[0]), "locality");
        } else if (is<g::year_prop>(c)) {
            once(t.year, years(*c.children[0]), "year");
        } else if (is<g::target_line>(c)) {
            TargetLine line;
            line.id = ids_.next();
            line.span = span(c);
            line.level = name(*c.children[0]);
            line.increment = is<g::plus_sign>(*c.children[1]);
            line.count = number(*c.children.back());
            t.lines.push_back(std::move(line));
        }
    }
    return t;
}

CategoryDecl AstBuilder::category(const ParseNode& n) {
    CategoryDecl cat;
    cat.id = ids_.next();
    cat.span = span(n);
    cat.name = name(*n.children[0]);
    for (std::size_t i = 1; i < n.children.size(); ++i) {
        const ParseNode& c = *n.children[i];
        if (is<g::string_lit>(c) && i == 1) {
            cat.title = text(c);
        } else if (is<g::for_prop>(c)) {
            once(cat.kind, name(*c.children[0]), "for");
        } else if (is<g::source_prop>(c)) {
            once(cat.source, text(*c.children[0]), "source");
        } else if (is<g::category_member>(c)) {
            CategoryMember m;
            m.id = ids_.next();
            m.span = span(c);
            m.name = name(*c.children[0]);
            m.title = text(*c.children[1]);
            const ParseNode& rule = *c.children[2];
            if (is<g::category_when>(rule)) {
                m.when = expr(*rule.children[0]);
                m.rule_span = m.when->span;
            } else {
                m.rule_span = span(rule);
            }
            cat.members.push_back(std::move(m));
        }
    }
    return cat;
}

RevocationDecl AstBuilder::revocation(const ParseNode& n) {
    RevocationDecl r;
    r.id = ids_.next();
    r.span = span(n);
    r.name = name(*n.children[0]);
    for (std::size_t i = 1; i < n.children.size(); ++i) {
        const ParseNode& c = *n.children[i];
        if (is<g::string_lit>(c) && i == 1) {
            r.title = text(c);
        } else if (is<g::for_prop>(c)) {
            once(r.kind, name(*c.children[0]), "for");
        } else if (is<g::source_prop>(c)) {
            once(r.source, text(*c.children[0]), "source");
        } else if (is<g::revocation_level>(c)) {
            once(r.level, name(*c.children[0]), "level");
        } else if (is<g::revocation_set>(c)) {
            once(r.set, name(*c.children[0]), "set");
        } else if (is<g::valid_prop>(c)) {
            once(r.valid, years(*c.children[0]), "valid");
        } else if (is<g::unconfirmed>(c)) {
            mark(r.unconfirmed, c);
        } else if (is<g::branch>(c)) {
            RevocationBranch b;
            b.id = ids_.next();
            b.span = span(c);
            b.name = name(*c.children[0]);
            std::size_t k = 1;
            if (is<g::string_lit>(*c.children[k])) b.title = text(*c.children[k++]);
            b.condition = expr(*c.children[k]);
            marks(b.unconfirmed, c, k + 1);
            r.branches.push_back(std::move(b));
        }
    }
    return r;
}

Decl AstBuilder::declaration(const ParseNode& n) {
    if (is<g::set_decl>(n)) return set(n);
    if (is<g::level_decl>(n)) return level(n);
    if (is<g::class_decl>(n)) return class_decl(n);
    if (is<g::category_decl>(n)) return category(n);
    if (is<g::revocation_decl>(n)) return revocation(n);
    if (is<g::data_decl>(n)) return data(n);
    if (is<g::assignments_decl>(n)) return assignments(n);
    if (is<g::target_decl>(n)) return target(n);
    if (is<g::unit_decl>(n)) {
        return UnitDecl{ids_.next(), span(n), name(*n.children[0]), text(*n.children[1])};
    }
    const auto kind = is<g::body_decl>(n) ? ResponsibleKind::body : ResponsibleKind::member;
    return ResponsibleDecl{ids_.next(), span(n), kind, name(*n.children[0]), text(*n.children[1])};
}

// ---------------------------------------------------------------------------------------------
// `unconfirmed "reason"` marks

void AstBuilder::mark(std::optional<Unconfirmed>& slot, const ParseNode& n) {
    Unconfirmed u{text(*n.children[0]), span(n)};
    const bool blank = u.reason.value.find_first_not_of(" \t") == std::string::npos;
    if (blank) {
        diags_.error("E0801", u.reason.span, say("E0801")).help = say("E0801.help");
    }
    if (slot) {
        diags_.error("E0802", u.span, say("E0802")).notes.push_back({slot->span, say("E0802.note")});
        return;
    }
    slot = std::move(u);
}

void AstBuilder::marked_within(const Threshold* t, const std::optional<Unconfirmed>& outer) {
    if (t == nullptr) return;
    auto cell = [&](const std::optional<Unconfirmed>& inner, const ThresholdPtr& value) {
        if (inner && outer) {
            diags_.error("E0802", inner->span, say("E0802.whole"))
                .notes.push_back({outer->span, say("E0802.whole.note")});
        }
        marked_within(value.get(), inner ? inner : outer);
    };
    for (const RegionEntry& e : t->regions) cell(e.unconfirmed, e.value);
    for (const YearEntry& e : t->years) cell(e.unconfirmed, e.value);
    for (const Case& c : t->cases) marked_within(c.value.get(), outer);
    marked_within(t->otherwise.get(), outer);
}

void AstBuilder::marks(std::optional<Unconfirmed>& slot, const ParseNode& n, std::size_t from) {
    for (std::size_t i = from; i < n.children.size(); ++i) {
        if (is<g::unconfirmed>(*n.children[i])) mark(slot, *n.children[i]);
    }
}

}  // namespace ntm::dsl
