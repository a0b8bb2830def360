// Reasoning on literals: sets of numbers allowed by comparisons, and what a condition can
// evaluate to.  Used to find requirements that contradict each other and gates (hence
// levels) that can never hold.  It is deliberately shallow: only comparisons of one value
// with literals, the domains of units, and facts the checker has already established.
#include <algorithm>
#include <limits>
#include <map>

#include "dsl/check_pass.hpp"

namespace ntm::dsl::check_detail {

Interval Interval::of_unit(std::string_view unit) {
    Interval i;
    if (unit == "percent") i = {0, 100, false, false, {}};
    if (unit == "count") i.lo = 0;
    if (unit == "yesno") i = {0, 1, false, false, {}};
    return i;
}

bool Interval::empty() const {
    if (lo > hi) return true;
    if (lo < hi) return false;
    return lo_open || hi_open || std::count(excluded.begin(), excluded.end(), lo) > 0;
}

Interval Interval::meet(const Interval& o) const {
    Interval r = *this;
    if (o.lo > r.lo || (o.lo == r.lo && o.lo_open)) r.lo = o.lo, r.lo_open = o.lo_open;
    if (o.hi < r.hi || (o.hi == r.hi && o.hi_open)) r.hi = o.hi, r.hi_open = o.hi_open;
    r.excluded.insert(r.excluded.end(), o.excluded.begin(), o.excluded.end());
    return r;
}

Interval compare_interval(Cmp cmp, double v) {
    Interval i;
    switch (cmp) {
        case Cmp::ge:
            i.lo = v;
            break;
        case Cmp::gt:
            i.lo = v, i.lo_open = true;
            break;
        case Cmp::le:
            i.hi = v;
            break;
        case Cmp::lt:
            i.hi = v, i.hi_open = true;
            break;
        case Cmp::eq:
        case Cmp::in_range:
            i = Interval::point(v);
            break;
        case Cmp::ne:
            i.excluded.push_back(v);
            break;
        case Cmp::yes:
            i = Interval::point(1);
            break;
        case Cmp::no:
            i = Interval::point(0);
            break;
    }
    return i;
}

Interval compare_interval(Op op, double v, bool flipped) {
    switch (op) {
        case Op::ge:
            return compare_interval(flipped ? Cmp::le : Cmp::ge, v);
        case Op::gt:
            return compare_interval(flipped ? Cmp::lt : Cmp::gt, v);
        case Op::le:
            return compare_interval(flipped ? Cmp::ge : Cmp::le, v);
        case Op::lt:
            return compare_interval(flipped ? Cmp::gt : Cmp::lt, v);
        case Op::eq:
            return compare_interval(Cmp::eq, v);
        case Op::ne:
            return compare_interval(Cmp::ne, v);
        default:
            return {};
    }
}

namespace {

bool is_comparison(Op op) {
    return op == Op::lt || op == Op::le || op == Op::gt || op == Op::ge || op == Op::eq ||
           op == Op::ne;
}

class Reasoner {
  public:
    explicit Reasoner(const Context& cx) : cx_(cx) {}

    Truth truth(const Expr& e) {
        const ExprInfo* info = cx_.out.expr(e);
        switch (e.kind) {
            case ExprKind::boolean:
                return {e.boolean, !e.boolean};
            case ExprKind::unary:
                if (e.op == Op::not_ && e.args.size() == 1) {
                    const Truth t = truth(*e.args[0]);
                    return {t.can_false, t.can_true};
                }
                return {};
            case ExprKind::binary:
                return binary(e);
            case ExprKind::call:
                return info ? call(e, *info) : Truth{};
            default:
                return {};
        }
    }

  private:
    Truth binary(const Expr& e) {
        if (e.args.size() != 2) return {};
        if (e.op == Op::and_) {
            const Truth a = truth(*e.args[0]), b = truth(*e.args[1]);
            return {a.can_true && b.can_true && consistent(e), a.can_false || b.can_false};
        }
        if (e.op == Op::or_) {
            const Truth a = truth(*e.args[0]), b = truth(*e.args[1]);
            return {a.can_true || b.can_true, a.can_false && b.can_false};
        }
        if (!is_comparison(e.op)) return {};
        if (auto t = level_comparison(e)) return *t;
        const auto a = range(*e.args[0]), b = range(*e.args[1]);
        if (!a || !b) return {};
        return compare(e.op, *a, *b);
    }

    static Truth compare(Op op, const Interval& a, const Interval& b) {
        const bool points_equal = a.lo == a.hi && b.lo == b.hi && a.lo == b.lo;
        const bool overlap = a.hi >= b.lo && b.hi >= a.lo;
        switch (op) {
            case Op::ge:
                return {a.hi >= b.lo, a.lo < b.hi};
            case Op::gt:
                return {a.hi > b.lo, a.lo <= b.hi};
            case Op::le:
                return {a.lo <= b.hi, a.hi > b.lo};
            case Op::lt:
                return {a.lo < b.hi, a.hi >= b.lo};
            case Op::eq:
                return {overlap, !points_equal};
            case Op::ne:
                return {!points_equal, overlap};
            default:
                return {};
        }
    }

    // `level >= X` cannot hold when X can never be reached.
    std::optional<Truth> level_comparison(const Expr& e) {
        const ExprInfo* a = cx_.out.expr(*e.args[0]);
        const ExprInfo* b = cx_.out.expr(*e.args[1]);
        if (!a || !b) return std::nullopt;
        const bool flipped = a->ref == RefKind::level;
        const ExprInfo* named = flipped ? a : b;
        if (named->ref != RefKind::level) return std::nullopt;
        if (cx_.out.levels[named->index].reachable) return Truth{};
        const Op op = e.op;
        const bool needs_it =
            op == Op::eq || (flipped ? op == Op::le || op == Op::lt : op == Op::ge || op == Op::gt);
        if (needs_it) return Truth{false, true};
        return std::nullopt;
    }

    // The numbers a numeric expression can take, as far as literals and units tell.
    std::optional<Interval> range(const Expr& e) {
        if (auto v = constant_of(e)) return Interval::point(*v);
        const ExprInfo* info = cx_.out.expr(e);
        if (!info) return std::nullopt;
        if (e.kind == ExprKind::boolean) return Interval::point(e.boolean ? 1 : 0);
        if (info->type.value == ValueType::boolean) return Interval::of_unit("yesno");
        if (info->type.value != ValueType::number) return std::nullopt;
        if (info->ref == RefKind::function && info->function == Function::ratio) {
            return Interval{0, std::numeric_limits<double>::infinity(), false, false, {}};
        }
        if (info->ref == RefKind::function && info->function == Function::sum &&
            info->type.unit != "count") {
            return Interval{};
        }
        if (e.kind == ExprKind::binary || e.kind == ExprKind::unary) return Interval{};
        return Interval::of_unit(info->type.unit);
    }

    Truth call(const Expr& e, const ExprInfo& info) {
        if (info.ref != RefKind::function) return {};
        std::vector<Truth> ts;
        const std::size_t first = info.function == Function::at_least ? 1 : 0;
        if (e.args.size() <= first) return {};  // wrong arity: reported as E0206
        switch (info.function) {
            case Function::any:
            case Function::all:
            case Function::at_least:
                for (std::size_t i = first; i < e.args.size(); ++i) ts.push_back(truth(*e.args[i]));
                break;
            default:
                return {};
        }
        std::size_t can_true = 0, can_false = 0;
        for (const Truth& t : ts) can_true += t.can_true, can_false += t.can_false;
        const std::size_t n = ts.size();
        if (info.function == Function::any) return {can_true > 0, can_false == n};
        if (info.function == Function::all) return {can_true == n, can_false > 0};
        const auto k = e.args.empty() ? std::nullopt : constant_of(*e.args[0]);
        if (!k) return {};
        const auto need = static_cast<std::size_t>(std::max(0.0, *k));
        return {can_true >= need, n - can_false < need};
    }

    // The conjuncts of an and-chain that compare one value with literals must agree.
    bool consistent(const Expr& e) {
        std::vector<const Expr*> conjuncts;
        collect(e, conjuncts);
        std::map<std::string, Interval> by_value;
        for (const Expr* c : conjuncts) {
            std::string key;
            std::optional<Interval> allowed = constraint(*c, key);
            if (!allowed) continue;
            auto [it, fresh] = by_value.try_emplace(key, *allowed);
            if (!fresh) it->second = it->second.meet(*allowed);
            if (it->second.empty()) return false;
        }
        return true;
    }

    static void collect(const Expr& e, std::vector<const Expr*>& out) {
        if (e.kind == ExprKind::binary && e.op == Op::and_ && e.args.size() == 2) {
            collect(*e.args[0], out);
            collect(*e.args[1], out);
        } else {
            out.push_back(&e);
        }
    }

    // A key naming the value read by `e` (a field or builtin), if it is one.
    std::optional<std::string> value_key(const Expr& e) {
        const ExprInfo* info = cx_.out.expr(e);
        if (!info || e.kind != ExprKind::name) return std::nullopt;
        if (info->ref == RefKind::field) return "field " + e.text;
        if (info->ref == RefKind::builtin) return "builtin " + e.text;
        return std::nullopt;
    }

    std::optional<Interval> constraint(const Expr& c, std::string& key) {
        if (c.kind == ExprKind::unary && c.op == Op::not_ && c.args.size() == 1) {
            auto k = value_key(*c.args[0]);
            const ExprInfo* info = cx_.out.expr(*c.args[0]);
            if (!k || !info || info->type.value != ValueType::boolean) return std::nullopt;
            key = *k;
            return Interval::point(0);
        }
        if (c.kind == ExprKind::name) {
            auto k = value_key(c);
            const ExprInfo* info = cx_.out.expr(c);
            if (!k || !info || info->type.value != ValueType::boolean) return std::nullopt;
            key = *k;
            return Interval::point(1);
        }
        if (c.kind != ExprKind::binary || !is_comparison(c.op) || c.args.size() != 2) {
            return std::nullopt;
        }
        for (int side = 0; side < 2; ++side) {
            const Expr& v = *c.args[static_cast<std::size_t>(side)];
            const Expr& lit = *c.args[static_cast<std::size_t>(1 - side)];
            auto k = value_key(v);
            const ExprInfo* info = cx_.out.expr(v);
            if (!k || !info) continue;
            std::optional<double> bound = constant_of(lit);
            if (!bound && lit.kind == ExprKind::boolean) bound = lit.boolean ? 1 : 0;
            if (!bound) continue;
            key = *k;
            const std::string unit =
                info->type.value == ValueType::boolean ? "yesno" : info->type.unit;
            return compare_interval(c.op, *bound, side == 1).meet(Interval::of_unit(unit));
        }
        return std::nullopt;
    }

    const Context& cx_;
};

}  // namespace

Truth possible(const Context& cx, const Expr& e) {
    return Reasoner(cx).truth(e);
}

}  // namespace ntm::dsl::check_detail
