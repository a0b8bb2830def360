#include "dsl/ast_builder.hpp"

#include <charconv>
#include <fmt/format.h>

#include "dsl/grammar.hpp"

namespace ntm::dsl {

namespace g = grammar;

namespace {

// The longest chain of one operator (a + b + c …) kept; it becomes a tree that deep.
constexpr std::size_t kMaxChain = 256;

std::string_view content(const ParseNode& n) { return n.string_view(); }

template <typename T>
bool is(const ParseNode& n) {
    return n.is_type<T>();
}

Op binary_op(std::string_view t) {
    if (t == "+") return Op::add;
    if (t == "-") return Op::sub;
    if (t == "*") return Op::mul;
    if (t == "/") return Op::div;
    if (t == "<") return Op::lt;
    if (t == "<=" || t == "≤") return Op::le;
    if (t == ">") return Op::gt;
    if (t == ">=" || t == "≥") return Op::ge;
    if (t == "=") return Op::eq;
    return Op::ne;  // "!=", "≠"
}

Cmp comparator(std::string_view t) {
    switch (binary_op(t)) {
        case Op::lt: return Cmp::lt;
        case Op::le: return Cmp::le;
        case Op::gt: return Cmp::gt;
        case Op::ge: return Cmp::ge;
        case Op::eq: return Cmp::eq;
        default: return Cmp::ne;
    }
}

int to_int(std::string_view digits) {
    int v = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), v);
    return v;
}

}  // namespace

Span AstBuilder::span(const ParseNode& n) const {
    return {file_, static_cast<std::uint32_t>(n.m_begin.byte), static_cast<std::uint32_t>(n.m_end.byte)};
}

Name AstBuilder::name(const ParseNode& n) const { return {std::string(content(n)), span(n)}; }

Code AstBuilder::code(const ParseNode& n) const { return {std::string(content(n)), span(n)}; }

Text AstBuilder::text(const ParseNode& n) const {
    const std::string_view raw = content(n).substr(1, content(n).size() - 2);
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\\' && i + 1 < raw.size()) {
            ++i;
            out += raw[i] == 'n' ? '\n' : raw[i];
        } else {
            out += raw[i];
        }
    }
    return {std::move(out), span(n)};
}

Number AstBuilder::number(const ParseNode& n) {
    std::string_view t = content(n);
    Number out;
    out.span = span(n);
    if (!t.empty() && t.back() == '%') {
        out.percent = true;
        t.remove_suffix(1);
    }
    out.text = std::string(t);
    const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), out.value);
    if (ec != std::errc() || ptr != t.data() + t.size()) {
        diags_.error("E0008", out.span, say("E0008", t));
    }
    return out;
}

YearRange AstBuilder::years(const ParseNode& n) {
    const std::string_view t = content(n);
    YearRange out{to_int(t.substr(0, 4)), to_int(t.substr(t.size() - 4)), span(n)};
    if (out.to < out.from) {
        diags_.error("E0008", out.span,
                     say("E0008.years", out.from, out.to))
            .help = say("E0008.years.help", out.to, out.from);
    }
    return out;
}

Date AstBuilder::date(const ParseNode& n) {
    const std::string_view t = content(n);
    Date d{to_int(t.substr(0, 4)), to_int(t.substr(5, 2)), to_int(t.substr(8, 2)), span(n)};
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    const bool ok = d.month >= 1 && d.month <= 12 && d.day >= 1 &&
                    d.day <= (d.month == 2 && !leap ? 28 : kDays[d.month - 1]);
    if (!ok) diags_.error("E0008", d.span, say("E0008.date", t));
    return d;
}

void AstBuilder::duplicate(Span second, Span first, const char* what) {
    diags_.error("E0007", second, say("E0007", what)).notes.push_back({first, say("note.first_given")});
}
// ---------------------------------------------------------------------------------------------
// Expressions

ExprPtr AstBuilder::chain(const ParseNode& n, ExprKind kind) {
    // children: operand (op operand)* for sums, products and comparisons;
    // operand operand* for `and` / `or`, whose operator is implied by the node type.
    const bool implied = kind == ExprKind::boolean;
    const Op implied_op = is<g::or_expr>(n) ? Op::or_ : Op::and_;
    if (n.children.size() > 2 * kMaxChain) {
        diags_.error("E0005", span(n),
                     say("E0005.chain", kMaxChain));
        return nullptr;
    }
    ExprPtr left = expr(*n.children[0]);
    for (std::size_t i = 1; i < n.children.size(); i += implied ? 1 : 2) {
        auto e = std::make_unique<Expr>();
        e->kind = ExprKind::binary;
        e->id = ids_.next();
        if (implied) {
            e->op = implied_op;
            e->args.push_back(std::move(left));
            e->args.push_back(expr(*n.children[i]));
        } else {
            const ParseNode& op = *n.children[i];
            e->op = binary_op(content(op));
            e->op_span = span(op);
            e->args.push_back(std::move(left));
            e->args.push_back(expr(*n.children[i + 1]));
        }
        const Span first = span(*n.children[0]);
        e->span = {file_, first.begin, e->args[1] ? e->args[1]->span.end : first.end};
        left = std::move(e);
    }
    return left;
}

ExprPtr AstBuilder::expr(const ParseNode& n) {
    // `( E )`: E, its span widened to the parentheses, so that the rule text of an expression
    // that ends (or starts) with one holds it whole: `a or (b and c)`.
    if (is<g::paren>(n)) {
        ExprPtr inner = n.children.empty() ? nullptr : expr(*n.children[0]);
        if (inner) inner->span = span(n);
        return inner;
    }
    if (is<g::or_expr>(n) || is<g::and_expr>(n)) return chain(n, ExprKind::boolean);
    if (is<g::comparison>(n) || is<g::sum>(n) || is<g::product>(n)) return chain(n, ExprKind::binary);

    auto e = std::make_unique<Expr>();
    e->id = ids_.next();
    e->span = span(n);
    if (is<g::not_expr>(n) || is<g::unary>(n)) {
        e->kind = ExprKind::unary;
        e->op = is<g::not_expr>(n) ? Op::not_ : Op::neg;
        e->op_span = span(*n.children[0]);
        e->args.push_back(expr(*n.children[1]));
        if (e->args[0]) e->span.end = e->args[0]->span.end;
    } else if (is<g::number>(n)) {
        const Number num = number(n);
        e->kind = ExprKind::number;
        e->number = num.value;
        e->text = num.text;
        e->percent = num.percent;
    } else if (is<g::bool_yes>(n) || is<g::bool_no>(n)) {
        e->kind = ExprKind::boolean;
        e->boolean = is<g::bool_yes>(n);
    } else if (is<g::string_lit>(n)) {
        e->kind = ExprKind::string;
        e->text = text(n).value;
    } else if (is<g::name>(n)) {
        e->kind = ExprKind::name;
        e->text = std::string(content(n));
    } else if (is<g::call>(n)) {
        e->kind = ExprKind::call;
        e->text = std::string(content(*n.children[0]));
        e->op_span = span(*n.children[0]);
        for (std::size_t i = 1; i < n.children.size(); ++i) {
            const ParseNode& arg = *n.children[i];
            ExprPtr value = expr(*arg.children[0]);
            if (arg.children.size() > 1) {  // `KIND where CONDITION`
                auto f = std::make_unique<Expr>();
                f->kind = ExprKind::filter;
                f->id = ids_.next();
                f->span = span(arg);
                f->op_span = span(*arg.children[1]);
                f->args.push_back(std::move(value));
                f->args.push_back(expr(*arg.children[1]->children[0]));
                value = std::move(f);
            }
            e->args.push_back(std::move(value));
        }
    }
    return e;
}

// ---------------------------------------------------------------------------------------------
// Thresholds and requirements

ThresholdPtr AstBuilder::threshold(const ParseNode& n) {
    if (is<g::by_threshold>(n)) {  // `by region {…}` / `by year {…}`: the span starts at `by`
        ThresholdPtr inner = threshold(*n.children[0]);
        inner->span = span(n);
        return inner;
    }
    auto t = std::make_unique<Threshold>();
    t->id = ids_.next();
    t->span = span(n);
    if (is<g::number>(n)) {
        t->kind = ThresholdKind::constant;
        t->constant = number(n);
    } else if (is<g::by_region>(n)) {
        t->kind = ThresholdKind::by_region;
        for (const auto& entry : n.children) {
            RegionEntry& e = t->regions.emplace_back();
            e.region = name(*entry->children[0]);
            e.value = threshold(*entry->children[1]);
            marks(e.unconfirmed, *entry, 2);
        }
    } else if (is<g::by_category>(n)) {
        t->kind = ThresholdKind::by_category;
        t->dimension = name(*n.children[0]);
        for (std::size_t i = 1; i < n.children.size(); ++i) {
            const ParseNode& entry = *n.children[i];
            RegionEntry& e = t->regions.emplace_back();
            e.region = name(*entry.children[0]);
            e.value = threshold(*entry.children[1]);
            marks(e.unconfirmed, entry, 2);
        }
    } else if (is<g::by_year>(n)) {
        t->kind = ThresholdKind::by_year;
        for (const auto& entry : n.children) {
            YearEntry& e = t->years.emplace_back();
            e.years = years(*entry->children[0]);
            e.value = threshold(*entry->children[1]);
            marks(e.unconfirmed, *entry, 2);
        }
    } else if (is<g::table>(n)) {
        t->kind = ThresholdKind::table;
        for (const auto& y : n.children[0]->children) t->table_years.push_back(years(*y));
        for (std::size_t i = 1; i < n.children.size(); ++i) {
            const ParseNode& row = *n.children[i];
            TableRow r{name(*row.children[0]), {}, span(row)};
            for (std::size_t k = 1; k < row.children.size(); ++k) r.values.push_back(number(*row.children[k]));
            t->table_rows.push_back(std::move(r));
        }
    } else if (is<g::cases>(n)) {
        t->kind = ThresholdKind::cases;
        for (const auto& c : n.children) {
            if (is<g::case_else>(*c)) {
                t->otherwise = threshold(*c->children[0]);
            } else {
                t->cases.push_back({expr(*c->children[0]), threshold(*c->children[1])});
            }
        }
    }
    return t;
}

Requirement AstBuilder::requirement(const ParseNode& prop) {
    const ParseNode& r = *prop.children[0];
    Requirement req;
    req.id = ids_.next();
    req.span = span(prop);
    if (is<g::req_yes>(r) || is<g::req_no>(r)) {
        req.cmp = is<g::req_yes>(r) ? Cmp::yes : Cmp::no;
        req.op_span = span(r);
    } else if (is<g::in_range>(r)) {
        req.cmp = Cmp::in_range;
        req.op_span = {file_, req.span.begin, req.span.begin};
        req.op_span = span(r);
        req.op_span.end = req.op_span.begin + 2;
        req.low = threshold(*r.children[0]);
        req.high = threshold(*r.children[1]);
    } else {  // compare: cmp_op threshold
        req.cmp = comparator(content(*r.children[0]));
        req.op_span = span(*r.children[0]);
        req.low = threshold(*r.children[1]);
    }
    marks(req.unconfirmed, prop, 1);
    marked_within(req.low.get(), req.unconfirmed);
    marked_within(req.high.get(), req.unconfirmed);
    return req;
}

// ---------------------------------------------------------------------------------------------
// Criteria sets

Indicator AstBuilder::indicator(const ParseNode& n, bool is_override) {
    Indicator ind;
    ind.id = ids_.next();
    ind.span = span(n);
    ind.code = code(*n.children[0]);
    std::optional<Span> value_at, applies_at;
    for (std::size_t i = 1; i < n.children.size(); ++i) {
        const ParseNode& c = *n.children[i];
        if (is<g::string_lit>(c) && i == 1 && !is_override) {
            ind.title = text(c);
        } else if (is<g::source_prop>(c)) {
            once(ind.source, text(*c.children[0]), "source");
        } else if (is<g::unit_prop>(c)) {
            once(ind.unit, name(*c.children[0]), "unit");
        } else if (is<g::value_prop>(c)) {
            if (value_at) duplicate(span(*c.children[0]), *value_at, "value");
            else { value_at = span(*c.children[0]); ind.value = expr(*c.children[0]); }
        } else if (is<g::applies_prop>(c)) {
            if (applies_at) duplicate(span(*c.children[0]), *applies_at, "applies when");
            else { applies_at = span(*c.children[0]); ind.applies = expr(*c.children[0]); }
        } else if (is<g::require_prop>(c)) {
            ind.requirements.push_back(requirement(c));
        } else if (is<g::unconfirmed>(c)) {
            mark(ind.unconfirmed, c);
        }
    }
    return ind;
}

Criterion AstBuilder::criterion(const ParseNode& n, bool is_override, int group) {
    Criterion crit;
    crit.id = ids_.next();
    crit.span = span(n);
    crit.code = code(*n.children[0]);
    crit.group = group;
    for (std::size_t i = 1; i < n.children.size(); ++i) {
        const ParseNode& c = *n.children[i];
        if (is<g::string_lit>(c) && i == 1 && !is_override) {
            crit.title = text(c);
        } else if (is<g::source_prop>(c)) {
            once(crit.source, text(*c.children[0]), "source");
        } else if (is<g::combine_prop>(c)) {
            const ParseNode& how = *c.children[0];
            Combine comb{CombineKind::all, 0, span(c)};
            if (is<g::combine_any>(how)) comb.kind = CombineKind::any;
            if (is<g::combine_at_least>(how)) {
                comb.kind = CombineKind::at_least;
                comb.count = to_int(content(*how.children[0]));
            }
            once(crit.combine, comb, "combine");
        } else if (is<g::indicator>(c)) {
            crit.indicators.push_back(indicator(c, false));
        } else if (is<g::unconfirmed>(c)) {
            mark(crit.unconfirmed, c);
        }
    }
    return crit;
}

CriteriaSet AstBuilder::set(const ParseNode& n) {
    CriteriaSet s;
    s.id = ids_.next();
    s.span = span(n);
    s.name = name(*n.children[0]);
    for (std::size_t i = 1; i < n.children.size(); ++i) {
        const ParseNode& c = *n.children[i];
        if (is<g::string_lit>(c) && i == 1) {
            s.title = text(c);
        } else if (is<g::source_prop>(c)) {
            once(s.source, text(*c.children[0]), "source");
        } else if (is<g::for_prop>(c)) {
            once(s.kind, name(*c.children[0]), "for");
        } else if (is<g::valid_prop>(c)) {
            once(s.valid, years(*c.children[0]), "valid");
        } else if (is<g::extends_prop>(c)) {
            once(s.extends, name(*c.children[0]), "extends");
        } else if (is<g::locality_prop>(c)) {
            once(s.locality, text(*c.children[0]), "locality");
        } else if (is<g::region_prop>(c)) {
            s.region_overrides.push_back({ids_.next(), span(c), name(*c.children[0]), expr(*c.children[1])});
        } else if (is<g::group>(c)) {
            const int index = static_cast<int>(s.groups.size());
            s.groups.push_back({text(*c.children[0]), span(c)});
            for (std::size_t k = 1; k < c.children.size(); ++k) {
                s.criteria.push_back(criterion(*c.children[k], false, index));
            }
        } else if (is<g::criterion>(c)) {
            s.criteria.push_back(criterion(c, false, -1));
        } else if (is<g::override_criterion>(c)) {
            s.criterion_overrides.push_back(criterion(c, true, -1));
        } else if (is<g::override_indicator>(c)) {
            s.indicator_overrides.push_back(indicator(c, true));
        } else if (is<g::remove_criterion>(c) || is<g::remove_indicator>(c)) {
            const auto target = is<g::remove_criterion>(c) ? OverrideTarget::criterion : OverrideTarget::indicator;
            s.removals.push_back({ids_.next(), span(c), target, code(*c.children[0])});
        } else if (is<g::unconfirmed>(c)) {
            mark(s.unconfirmed, c);
        }
    }
    return s;
}

}  // namespace ntm::dsl
