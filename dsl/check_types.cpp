// Types and units of expressions.  Every node gets an ExprInfo (its type, its unit, what a
// name refers to); problems are reported at the operand or operator concerned.
//
// Units: a bare number takes the unit of the other side; `90%` is percent; ratio() and
// share() give percent, count() gives count; + and - need equal units; * and / leave the
// unit open unless one side is a bare number (units are not multiplied out).
#include <fmt/format.h>

#include "dsl/check_pass.hpp"
#include "text/suggest.hpp"
#include "text/utf8.hpp"

namespace ntm::dsl::check_detail {

std::vector<std::size_t> sets_of_kind(const Context& cx, std::optional<EntityKind> k) {
    std::vector<std::size_t> out;
    if (!k) return out;
    for (std::size_t i = 0; i < cx.out.sets.size(); ++i) {
        if (cx.out.sets[i].kind == k) out.push_back(i);
    }
    return out;
}

std::optional<double> constant_of(const Expr& e) {
    if (e.kind == ExprKind::number) return e.number;
    if (e.kind == ExprKind::unary && e.op == Op::neg && e.args.size() == 1) {
        if (auto v = constant_of(*e.args[0])) return -*v;
    }
    return std::nullopt;
}

Type Typer::record(const Expr& e, ExprInfo info) {
    Type t = info.type;
    cx_.out.exprs[e.id] = std::move(info);
    return t;
}

Type Typer::type(const Expr& e, const Scope& sc) {
    ExprInfo info;
    switch (e.kind) {
        case ExprKind::number:
            info.type = Type::number(e.percent ? "percent" : "");
            if (e.percent && (e.number < 0 || e.number > 100)) {
                cx_.diags.error("E0213", e.span,
                                say("E0213", e.text + "%"));
            }
            return record(e, info);
        case ExprKind::boolean:
            info.type = Type::boolean();
            return record(e, info);
        case ExprKind::string:
            info.type = {ValueType::text, {}};
            return record(e, info);
        case ExprKind::name:
            return name(e, sc);
        case ExprKind::unary:
            return unary(e, sc);
        case ExprKind::binary:
            return binary(e, sc);
        case ExprKind::call:
            return call(e, sc);
        case ExprKind::filter:
            cx_.diags.error("E0217", e.span, say("E0217"));
            for (const auto& a : e.args) type(*a, sc);
            return record(e, info);
    }
    return record(e, info);
}

Type Typer::name(const Expr& e, const Scope& sc) {
    ExprInfo info;
    static const std::map<std::string, std::pair<Builtin, Type>, std::less<>> builtins = {
        {"criteria_met", {Builtin::criteria_met, Type::number("count")}},
        {"level", {Builtin::level, {ValueType::level, {}}}},
        {"code", {Builtin::code, {ValueType::text, {}}}},
        {"parent", {Builtin::parent, {ValueType::text, {}}}},
        {"type", {Builtin::type, {ValueType::text, {}}}},
        {"year", {Builtin::year, Type::number("year")}},
        {"region", {Builtin::region, {ValueType::region, {}}}},
        {"unmet_share", {Builtin::unmet_share, Type::number("percent")}},
        {"revoked", {Builtin::revoked, Type::boolean()}},
    };
    if (auto b = builtins.find(e.text); b != builtins.end()) {
        info.ref = RefKind::builtin;
        info.builtin = b->second.first;
        info.type = b->second.second;
        if (info.builtin == Builtin::unmet_share && !sc.revocation) outside_revocation(e);
        if (info.builtin == Builtin::revoked) revoked_here(e, sc);
        return record(e, info);
    }
    if (expect_level_) {
        if (auto l = cx_.out.level_index.find(e.text); l != cx_.out.level_index.end()) {
            return level_name(e, l->second, sc);
        }
    }
    if (sc.kind) {
        const DataInfo& data = cx_.out.data_of(*sc.kind);
        if (auto f = data.fields.find(e.text); f != data.fields.end()) {
            info.ref = RefKind::field;
            info.field = f->second.decl;
            info.kind = *sc.kind;
            if (f->second.boolean) {
                info.type = Type::boolean();
            } else if (cx_.out.units.count(f->second.decl->unit.text)) {
                info.type = Type::number(f->second.decl->unit.text);
            }
            if (f->second.derived && sc.derived_uses) sc.derived_uses->push_back({e.text, e.span});
            return record(e, info);
        }
    }
    if (auto l = cx_.out.level_index.find(e.text); l != cx_.out.level_index.end()) {
        return level_name(e, l->second, sc);
    }
    if (auto c = cx_.out.class_index.find(e.text); c != cx_.out.class_index.end()) {
        info.ref = RefKind::klass;
        info.index = c->second;
        info.type = Type::boolean();
        same_kind(e, "class", cx_.out.classes[c->second].kind, sc);
        return record(e, info);
    }
    if (auto r = region(e.text)) {
        info.ref = RefKind::region;
        info.region = *r;
        info.type = {ValueType::region, {}};
        return record(e, info);
    }
    if (auto k = entity_kind(e.text)) {
        info.ref = RefKind::kind;
        info.kind = *k;
        info.type = {ValueType::kind, {}};
        return record(e, info);
    }
    // Without a known kind the data to look in is unknown; the missing kind was reported.
    if (expect_level_) {
        std::vector<std::string> levels;
        for (const LevelInfo& l : cx_.out.levels) {
            if (!sc.kind || l.kind == sc.kind) levels.push_back(l.decl->name.text);
        }
        unknown_name(cx_, "E0106", Name{e.text, e.span}, levels);
    } else if (sc.kind) {
        unknown_in_scope(e, sc);
    }
    return record(e, info);
}

Type Typer::level_name(const Expr& e, std::size_t level, const Scope& sc) {
    ExprInfo info;
    info.ref = RefKind::level;
    info.index = level;
    info.type = {ValueType::level, {}};
    same_kind(e, "level", cx_.out.levels[level].kind, sc);
    return record(e, info);
}

void Typer::unknown_in_scope(const Expr& e, const Scope& sc) {
    std::vector<std::string> candidates = keys_of(cx_.out.data_of(*sc.kind).fields);
    for (const auto& [n, i] : cx_.out.level_index) candidates.push_back(n);
    for (const auto& [n, i] : cx_.out.class_index) candidates.push_back(n);
    for (const char* b : {"criteria_met", "level", "code", "parent", "type", "year", "region", "unmet_share", "revoked"}) {
        candidates.push_back(b);
    }
    Diagnostic& d =
        cx_.diags.error("E0104", e.span,
                        say("E0104", text::printable(e.text), name_of(*sc.kind)));
    if (auto m = text::closest_match(e.text, candidates)) d.help = say("help.did_you_mean", *m);
}

void Typer::revoked_here(const Expr& e, const Scope& sc) {
    if (sc.own_revoked || sc.child) return;
    cx_.diags.error("E1006", e.span, say("E1006"));
}

void Typer::outside_revocation(const Expr& e) {
    cx_.diags.error("E1005", e.span,
                    say("E1005", e.text));
}

void Typer::same_kind(const Expr& e, const char* what, std::optional<EntityKind> k,
                      const Scope& sc) {
    if (!k || !sc.kind || *k == *sc.kind) return;
    cx_.diags.error(
        "E0221", e.span,
        say(what[0] == 'c' ? "E0221.class" : "E0221", e.text, name_of(*k), name_of(*sc.kind)));
}

Type Typer::unary(const Expr& e, const Scope& sc) {
    ExprInfo info;
    const Type t = e.args.empty() ? Type{} : type(*e.args[0], sc);
    if (e.op == Op::not_) {
        info.type = Type::boolean();
        if (!is(t, ValueType::boolean)) logic_operand(e, *e.args[0], t);
    } else {
        if (t.value == ValueType::number) info.type = t;
        if (!is(t, ValueType::number)) arith_operand(e, *e.args[0], t);
    }
    return record(e, info);
}

bool Typer::is(const Type& t, ValueType v) {
    return t.value == v || t.value == ValueType::unknown;
}

void Typer::arith_operand(const Expr& op, const Expr& operand, const Type& got) {
    cx_.diags.error("E0204", operand.span,
                    say("E0204", spelling(op.op), type_phrase(got)));
}

void Typer::logic_operand(const Expr& op, const Expr& operand, const Type& got) {
    cx_.diags.error(
        "E0205", operand.span,
        say("E0205", spelling(op.op), type_phrase(got)));
}

Type Typer::binary(const Expr& e, const Scope& sc) {
    ExprInfo info;
    if (e.args.size() != 2) return record(e, info);
    const Expr& a = *e.args[0];
    const Expr& b = *e.args[1];
    // Beside `level`, a name is a level: an unknown one is reported as an unknown level.
    const auto is_level = [](const Expr& x) {
        return x.kind == ExprKind::name && x.text == "level";
    };
    const bool ordering = e.op != Op::add && e.op != Op::sub && e.op != Op::mul &&
                          e.op != Op::div && e.op != Op::and_ && e.op != Op::or_;
    expect_level_ = ordering && is_level(b);
    const Type l = type(a, sc);
    expect_level_ = ordering && is_level(a);
    const Type r = type(b, sc);
    expect_level_ = false;
    switch (e.op) {
        case Op::add:
        case Op::sub:
        case Op::mul:
        case Op::div:
            info.type = arithmetic(e, l, r);
            break;
        case Op::and_:
        case Op::or_:
            info.type = Type::boolean();
            if (!is(l, ValueType::boolean)) logic_operand(e, a, l);
            if (!is(r, ValueType::boolean)) logic_operand(e, b, r);
            break;
        default:
            info.type = Type::boolean();
            comparison(e, l, r);
            break;
    }
    return record(e, info);
}

Type Typer::arithmetic(const Expr& e, const Type& l, const Type& r) {
    bool ok = true;
    if (!is(l, ValueType::number)) ok = false, arith_operand(e, *e.args[0], l);
    if (!is(r, ValueType::number)) ok = false, arith_operand(e, *e.args[1], r);
    if (!ok || l.value == ValueType::unknown || r.value == ValueType::unknown) return {};
    const bool additive = e.op == Op::add || e.op == Op::sub;
    if (!l.unit.empty() && !r.unit.empty() && l.unit != r.unit) {
        if (!additive) return Type::number({});
        Diagnostic& d =
            cx_.diags.error("E0202", e.op_span,
                            say(e.op == Op::add ? "E0202.add" : "E0202.subtract", l.unit, r.unit));
        d.related = {e.args[0]->span, e.args[1]->span};
        return {};
    }
    if (!additive && !l.unit.empty() && !r.unit.empty()) return Type::number({});
    return Type::number(l.unit.empty() ? r.unit : l.unit);
}

void Typer::comparison(const Expr& e, const Type& l, const Type& r) {
    const Expr& a = *e.args[0];
    const Expr& b = *e.args[1];
    if (l.value == ValueType::unknown || r.value == ValueType::unknown) return;
    for (const auto* side : {&a, &b}) {
        const Type& t = side == &a ? l : r;
        if (t.value == ValueType::kind) {
            cx_.diags.error("E0220", side->span,
                            say("E0220", side->text));
            return;
        }
    }
    if (l.value != r.value) {
        Diagnostic& d = cx_.diags.error(
            "E0201", e.op_span,
            say("E0201", type_phrase(l), type_phrase(r)));
        d.related = {a.span, b.span};
        return;
    }
    const bool ordering = e.op == Op::lt || e.op == Op::le || e.op == Op::gt || e.op == Op::ge;
    if (l.value == ValueType::number) {
        if (!l.unit.empty() && !r.unit.empty() && l.unit != r.unit) {
            Diagnostic& d = cx_.diags.error(
                "E0202", e.op_span, say("E0202.compare", l.unit, r.unit));
            d.related = {a.span, b.span};
            return;
        }
        if (l.unit.empty() != r.unit.empty())
            check_literal(l.unit.empty() ? a : b, l.unit + r.unit);
    } else if (ordering && l.value != ValueType::level) {
        cx_.diags.error(
            "E0216", e.op_span,
            say("E0216", type_phrase(l), spelling(e.op)));
    }
}

// A bare number compared with a percentage or a count must be one.  The literal is shown
// and underlined from its tokens (`-` and the number), not from the span of its node.
void Typer::check_literal(const Expr& literal, const std::string& unit) {
    const auto v = constant_of(literal);
    if (!v) return;
    const Expr* number = &literal;
    std::string shown;
    while (number->kind == ExprKind::unary && !number->args.empty()) {
        shown += "-";
        number = number->args[0].get();
    }
    shown += number->text;
    const Span at = number == &literal ? literal.span : join(literal.op_span, number->span);
    if (unit == "percent" && (*v < 0 || *v > 100)) {
        cx_.diags.error("E0213", at, say("E0213", shown));
    } else if (unit == "count" && *v < 0) {
        cx_.diags.error("E0214", at, say("E0214", shown));
    }
}

}  // namespace ntm::dsl::check_detail

namespace ntm::dsl::check_detail {

Type type_expr(Context& cx, const Expr& e, const Scope& scope) {
    return Typer(cx).type(e, scope);
}

void expect_condition(Context& cx, const Expr& e, const Scope& scope, const Message& what) {
    const Type t = type_expr(cx, e, scope);
    if (t.value == ValueType::boolean || t.value == ValueType::unknown) return;
    cx.diags.error("E0203", e.span,
                   say("E0203", what, type_phrase(t)));
}

}  // namespace ntm::dsl::check_detail
