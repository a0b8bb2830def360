// Expressions in canonical form, with the fewest parentheses that keep the tree.
#include <fmt/format.h>

#include "dsl/formatter.hpp"

namespace ntm::dsl {
namespace {

// Binding strength, loose to tight, as in the grammar:
// or < and < not < comparison < + - < * / < unary - < primary.
enum Prec : int {
    kFilter = 0,  // `K where C`: only as a call argument, never an operand
    kOr = 1,
    kAnd = 2,
    kNot = 3,
    kCmp = 4,
    kSum = 5,
    kProduct = 6,
    kNeg = 7,
    kPrimary = 8,
};

int precedence(const Expr& e) {
    switch (e.kind) {
        case ExprKind::filter:
            return kFilter;
        case ExprKind::unary:
            return e.op == Op::not_ ? kNot : kNeg;
        case ExprKind::binary:
            switch (e.op) {
                case Op::or_:
                    return kOr;
                case Op::and_:
                    return kAnd;
                case Op::add:
                case Op::sub:
                    return kSum;
                case Op::mul:
                case Op::div:
                    return kProduct;
                default:
                    return kCmp;
            }
        default:
            return kPrimary;
    }
}

void print(const Expr& e, std::string& out);

// Prints `e`, in parentheses when it binds less tightly than `min` allows.
void operand(const Expr* e, int min, std::string& out) {
    if (e == nullptr) return;  // error recovery only
    const bool parens = precedence(*e) < min;
    if (parens) out += '(';
    print(*e, out);
    if (parens) out += ')';
}

const Expr* arg(const Expr& e, std::size_t i) {
    return i < e.args.size() ? e.args[i].get() : nullptr;
}

void print(const Expr& e, std::string& out) {
    switch (e.kind) {
        case ExprKind::number:
            out += e.text.empty() ? fmt::format("{}", e.number) : e.text;
            if (e.percent) out += '%';
            return;
        case ExprKind::boolean:
            out += e.boolean ? "yes" : "no";
            return;
        case ExprKind::string:
            out += quote(e.text);
            return;
        case ExprKind::name:
            out += e.text;
            return;
        case ExprKind::unary: {
            out += spelling(e.op);
            if (e.op == Op::not_) {
                out += ' ';
                operand(arg(e, 0), kNot, out);
                return;
            }
            std::string inner;
            operand(arg(e, 0), kNeg, inner);
            if (!inner.empty() && inner.front() == '-') out += ' ';  // `- -a`, not `--a`
            out += inner;
            return;
        }
        case ExprKind::binary: {
            const int p = precedence(e);
            // Comparisons do not chain: both sides must be sums.  The other operators are
            // left-associative, so a right operand of the same strength keeps its parentheses.
            operand(arg(e, 0), p == kCmp ? kSum : p, out);
            out += ' ';
            out += spelling(e.op);
            out += ' ';
            operand(arg(e, 1), p + 1, out);
            return;
        }
        case ExprKind::call:
            out += e.text;
            out += '(';
            for (std::size_t i = 0; i < e.args.size(); ++i) {
                if (i > 0) out += ", ";
                operand(e.args[i].get(), kFilter, out);
            }
            out += ')';
            return;
        case ExprKind::filter:
            operand(arg(e, 0), kOr, out);
            out += " where ";
            operand(arg(e, 1), kOr, out);
            return;
    }
}

}  // namespace

std::string format_expr(const Expr& e) {
    std::string out;
    print(e, out);
    return out;
}

std::string quote(std::string_view value) {
    std::string out;
    out.reserve(value.size() + 2);
    out += '"';
    for (char c : value) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            default:
                out += c;
        }
    }
    out += '"';
    return out;
}

}  // namespace ntm::dsl
