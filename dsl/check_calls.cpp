// Types of builtin function calls: arity, argument types, and the criteria, indicators and
// sets that met(), value() and threshold() name.
#include <fmt/format.h>

#include <limits>

#include "dsl/check_pass.hpp"
#include "text/suggest.hpp"

namespace ntm::dsl::check_detail {
namespace {

const std::map<std::string, Function, std::less<>> kFunctions = {
    {"ratio", Function::ratio},      {"met", Function::met},
    {"value", Function::value},      {"threshold", Function::threshold},
    {"count", Function::count},      {"share", Function::share},
    {"sum", Function::sum},          {"min", Function::min},
    {"max", Function::max},          {"mean", Function::mean},
    {"any", Function::any},          {"all", Function::all},
    {"at_least", Function::at_least}, {"unmet", Function::unmet},
    {"recognised", Function::recognised}, {"recognised_year", Function::recognised_year},
    {"revoked", Function::revoked}};

constexpr std::size_t kMany = std::numeric_limits<std::size_t>::max();

// "set 'a'" / "sets 'a', 'b'"
Message sets_phrase(const Context& cx, const std::vector<std::size_t>& sets) {
    std::vector<std::string> names;
    for (std::size_t i : sets) names.push_back(set_name(cx, i));
    return say(names.size() == 1 ? "phrase.set" : "phrase.sets", quoted_list(names));
}

Type unit_type(const std::string& unit) {
    if (unit.empty()) return {};
    if (unit == "yesno") return Type::boolean();
    return Type::number(unit);
}

}  // namespace

Type Typer::call(const Expr& e, const Scope& sc) {
    ExprInfo info;
    info.ref = RefKind::function;
    auto f = kFunctions.find(e.text);
    if (f == kFunctions.end()) {
        const Span at = e.op_span.end > e.op_span.begin ? e.op_span : e.span;
        unknown_name(cx_, "E0108", Name{e.text, at}, keys_of(kFunctions));
        return record(e, info);
    }
    info.function = f->second;
    switch (f->second) {
        case Function::ratio:
            info.type = ratio(e, sc);
            break;
        case Function::met:
        case Function::value:
            if (arity(e, 1, 1)) info.type = code_ref(e, sc, info);
            if (f->second == Function::met) info.type = Type::boolean();
            break;
        case Function::threshold:
            info.type = threshold(e, info);
            break;
        case Function::count:
        case Function::share:
        case Function::sum:
        case Function::min:
        case Function::max:
        case Function::mean:
            info.type = aggregate(e, sc);
            break;
        case Function::any:
        case Function::all:
            if (arity(e, 1, kMany)) conditions(e, sc, 0);
            info.type = Type::boolean();
            break;
        case Function::at_least:
            if (arity(e, 2, kMany)) conditions(e, sc, 1);
            info.type = Type::boolean();
            break;
        case Function::unmet:
            info.type = unmet(e, sc, info);
            break;
        case Function::recognised:
        case Function::recognised_year:
        case Function::revoked:
            info.type = recognised(e, sc, info);
            if (f->second == Function::revoked) revoked_here(e, sc);
            break;
    }
    return record(e, info);
}

bool Typer::arity(const Expr& e, std::size_t min, std::size_t max) {
    const std::size_t n = e.args.size();
    if (n >= min && n <= max) return true;
    const Message expected = min == max ? say(min == 1 ? "E0206.args.1" : "E0206.args", min)
                                        : say(min == 1 ? "E0206.at_least.1" : "E0206.at_least", min);
    cx_.diags.error("E0206", e.span, say("E0206", e.text, expected, n));
    return false;
}

void Typer::argument(const Expr& call, std::size_t i, const Message& message) {
    cx_.diags.error("E0207", call.args[i]->span, say("E0207", i + 1, call.text, message));
}

Type Typer::ratio(const Expr& e, const Scope& sc) {
    if (!arity(e, 2, 2)) return Type::number("percent");
    const Type a = type(*e.args[0], sc);
    const Type b = type(*e.args[1], sc);
    for (std::size_t i = 0; i < 2; ++i) {
        const Type& t = i == 0 ? a : b;
        if (!is(t, ValueType::number)) {
            argument(e, i, say("E0207.number", type_phrase(t)));
        }
    }
    if (a.value == ValueType::number && b.value == ValueType::number && !a.unit.empty() &&
        !b.unit.empty() && a.unit != b.unit) {
        Diagnostic& d = cx_.diags.error(
            "E0202", e.span, say("E0202", a.unit, b.unit));
        d.related = {e.args[0]->span, e.args[1]->span};
    }
    return Type::number("percent");
}

// met(C) and value(C): C is a code of a criterion or indicator of the sets in scope.
Type Typer::code_ref(const Expr& e, const Scope& sc, ExprInfo& info) {
    const Expr& arg = *e.args[0];
    const bool is_met = info.function == Function::met;
    if (arg.kind != ExprKind::number && arg.kind != ExprKind::string) {
        argument(e, 0, say(is_met ? "E0207.met_code" : "E0207.indicator_code"));
        return {};
    }
    ExprInfo code_info;
    code_info.type = {ValueType::text, {}};
    record(arg, code_info);
    info.code = arg.text;
    if (sc.sets.empty()) return {};
    std::vector<std::string> codes;
    for (std::size_t s : sc.sets) {
        const SetInfo& set = cx_.out.sets[s];
        if (const EffectiveIndicator* ind = set.indicator(arg.text)) {
            return unit_type(ind->unit_name);
        }
        if (is_met && set.criterion(arg.text)) return Type::boolean();
        for (const auto& c : set.criteria) {
            if (is_met) codes.push_back(c.code);
            for (const auto& i : c.indicators) codes.push_back(i.code);
        }
    }
    Diagnostic& d = cx_.diags.error(
        "E0208", arg.span,
        say(is_met ? "E0208.met" : "E0208.value", arg.text, sets_phrase(cx_, sc.sets)));
    d.help = code_help(arg.text, codes);
    return {};
}

Type Typer::threshold(const Expr& e, ExprInfo& info) {
    if (!arity(e, 2, 2)) return {};
    const Expr& set_arg = *e.args[0];
    const Expr& code_arg = *e.args[1];
    if (set_arg.kind != ExprKind::name) {
        argument(e, 0, say("E0207.set"));
        return {};
    }
    if (code_arg.kind != ExprKind::number && code_arg.kind != ExprKind::string) {
        argument(e, 1, say("E0207.indicator_code"));
        return {};
    }
    auto it = cx_.out.set_index.find(set_arg.text);
    if (it == cx_.out.set_index.end()) {
        unknown_name(cx_, "E0105", Name{set_arg.text, set_arg.span},
                     keys_of(cx_.out.set_index));
        return {};
    }
    info.set = it->second;
    info.code = code_arg.text;
    const SetInfo& set = cx_.out.sets[it->second];
    const EffectiveIndicator* ind = set.indicator(code_arg.text);
    if (!ind) {
        std::vector<std::string> codes;
        for (const auto& c : set.criteria) {
            for (const auto& i : c.indicators) codes.push_back(i.code);
        }
        Diagnostic& d = cx_.diags.error(
            "E0208", code_arg.span,
            say("E0208.threshold", code_arg.text, set_arg.text));
        if (auto m = text::closest_match(code_arg.text, codes)) d.help = say("help.did_you_mean", *m);
        return {};
    }
    if (ind->unit_name == "yesno") {
        argument(e, 1, say("E0207.yesno_threshold", code_arg.text, set_arg.text));
        return {};
    }
    return unit_type(ind->unit_name);
}

// count(K where C), share(K where C), sum/min/max/mean(K, E) and (K where C, E).
Type Typer::aggregate(const Expr& e, const Scope& sc) {
    const bool counting = e.text == "count" || e.text == "share";
    const Type result = e.text == "count"   ? Type::number("count")
                        : e.text == "share" ? Type::number("percent")
                                            : Type{};
    if (!arity(e, counting ? 1 : 2, counting ? 1 : 2)) return result;
    const Expr& first = *e.args[0];
    std::optional<Scope> child;
    if (first.kind == ExprKind::filter && first.args.size() == 2) {
        child = child_scope(*first.args[0], sc);
        ExprInfo finfo;
        finfo.ref = RefKind::filter;
        if (child && child->kind) finfo.kind = *child->kind;
        record(first, finfo);
        if (child) {
            const Type c = type(*first.args[1], *child);
            if (!is(c, ValueType::boolean)) {
                cx_.diags.error(
                    "E0203", first.args[1]->span,
                    say("E0203.where", type_phrase(c)));
            }
        }
    } else if (first.kind == ExprKind::name && e.text != "share") {
        child = child_scope(first, sc);
    } else {
        argument(e, 0, say(e.text == "share" ? "E0207.share" : "E0207.kind"));
    }
    if (counting || !child) return result;
    const Type v = type(*e.args[1], *child);
    if (!is(v, ValueType::number)) {
        argument(e, 1, say("E0207.number", type_phrase(v)));
        return {};
    }
    return v;
}

// unmet(C, …): codes of criteria of the revocation's set.
Type Typer::unmet(const Expr& e, const Scope& sc, ExprInfo& info) {
    if (!sc.revocation) outside_revocation(e);
    if (!arity(e, 1, kMany)) return Type::boolean();
    for (std::size_t i = 0; i < e.args.size(); ++i) {
        const Expr& arg = *e.args[i];
        if (arg.kind != ExprKind::number && arg.kind != ExprKind::string) {
            argument(e, i, say("E0207.criterion_code"));
            continue;
        }
        ExprInfo code_info;
        code_info.type = {ValueType::text, {}};
        record(arg, code_info);
        info.codes.push_back(arg.text);
        for (std::size_t s : sc.sets) {
            const SetInfo& set = cx_.out.sets[s];
            if (set.criterion(arg.text)) continue;
            std::vector<std::string> codes;
            for (const auto& c : set.criteria) codes.push_back(c.code);
            Diagnostic& d = cx_.diags.error(
                "E0208", arg.span, say("E0208.unmet", arg.text, set_name(cx_, s)));
            d.help = code_help(arg.text, codes);
            if (set.indicator(arg.text)) d.help = say("E0208.help.indicator", arg.text);
            break;
        }
    }
    return Type::boolean();
}

// recognised(L), recognised_year(L) and revoked(L): L is a level of the entity's kind.
Type Typer::recognised(const Expr& e, const Scope& sc, ExprInfo& info) {
    const Type result = info.function == Function::recognised_year ? Type::number("year") : Type::boolean();
    if (!arity(e, 1, 1)) return result;
    const Expr& arg = *e.args[0];
    if (arg.kind != ExprKind::name) {
        argument(e, 0, say("E0207.level"));
        return result;
    }
    auto it = cx_.out.level_index.find(arg.text);
    if (it == cx_.out.level_index.end()) {
        std::vector<std::string> levels;
        for (const LevelInfo& l : cx_.out.levels) {
            if (!sc.kind || l.kind == sc.kind) levels.push_back(l.decl->name.text);
        }
        unknown_name(cx_, "E0106", Name{arg.text, arg.span}, levels);
        return result;
    }
    info.index = it->second;
    level_name(arg, it->second, sc);
    return result;
}

std::optional<Scope> Typer::child_scope(const Expr& kind_arg, const Scope& sc) {
    if (kind_arg.kind != ExprKind::name) {
        cx_.diags.error("E0207", kind_arg.span, say("E0207.where"));
        return std::nullopt;
    }
    const auto k = resolve_kind(cx_, Name{kind_arg.text, kind_arg.span});
    if (!k) return std::nullopt;
    ExprInfo info;
    info.ref = RefKind::kind;
    info.kind = *k;
    info.type = {ValueType::kind, {}};
    record(kind_arg, info);
    if (sc.kind && *k >= *sc.kind) {
        cx_.diags.error(
            "E0218", kind_arg.span,
            say("E0218", name_of(*sc.kind), name_of(*k)));
    }
    Scope child{k, sets_of_kind(cx_, k), nullptr};
    child.child = true;
    return child;
}

void Typer::conditions(const Expr& e, const Scope& sc, std::size_t first) {
    if (first == 1) {
        const Expr& k = *e.args[0];
        const auto v = constant_of(k);
        type(k, sc);
        if (!v || *v < 0 || *v != static_cast<double>(static_cast<long long>(*v)) || k.percent) {
            argument(e, 0, say("E0207.whole"));
        } else if (static_cast<std::size_t>(*v) > e.args.size() - 1) {
            cx_.diags.error("E0207", k.span,
                            say("E0207.at_least", k.text, e.args.size() - 1));
        }
    }
    for (std::size_t i = first; i < e.args.size(); ++i) {
        const Type t = type(*e.args[i], sc);
        if (!is(t, ValueType::boolean)) {
            argument(e, i, say("E0207.yesno", type_phrase(t)));
        }
    }
}

}  // namespace ntm::dsl::check_detail
