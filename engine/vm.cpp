#include "engine/vm.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "engine/dataset.hpp"
#include "engine/judge.hpp"

namespace ntm::engine {

namespace {

double boolean(bool b) { return b ? 1.0 : 0.0; }

double compare(OpCode op, double a, double b) {
    if (!known(a) || !known(b)) return kUnknown;
    const bool eq = approx_equal(a, b);
    switch (op) {
        case OpCode::lt: return boolean(a < b && !eq);
        case OpCode::le: return boolean(a < b || eq);
        case OpCode::gt: return boolean(a > b && !eq);
        case OpCode::ge: return boolean(a > b || eq);
        case OpCode::eq: return boolean(eq);
        default: return boolean(!eq);
    }
}

// Compares a value known to lie in [lo, hi] with k: known only when every value of the
// range gives the same answer.
double range_compare(dsl::Op op, double lo, double hi, double k) {
    auto at = [&](double v) { return compare(static_cast<OpCode>(static_cast<int>(OpCode::lt) +
                                                                  static_cast<int>(op) - static_cast<int>(dsl::Op::lt)),
                                             v, k); };
    const double a = at(lo), b = at(hi);
    if (a == b) {
        // For = and != the inside of the range matters too.
        if ((op == dsl::Op::eq || op == dsl::Op::ne) && lo < k && k < hi) return kUnknown;
        return a;
    }
    return kUnknown;
}

double kleene_and(double a, double b) {
    if (a == 0 || b == 0) return 0;
    if (!known(a) || !known(b)) return kUnknown;
    return 1;
}

double kleene_or(double a, double b) {
    if (a == 1 || b == 1) return 1;
    if (!known(a) || !known(b)) return kUnknown;
    return 0;
}

double status_value(Status s) {
    switch (s) {
        case Status::met:
        case Status::not_applicable: return 1;
        case Status::not_met: return 0;
        default: return kUnknown;
    }
}

// The criteria of the current set not met, and those unknown.
void unmet_counts(const ExprContext& ctx, int& unmet, int& unknown) {
    unmet = unknown = 0;
    if (ctx.criteria == nullptr) return;
    for (std::uint32_t c = 0; c < ctx.criterion_count; ++c) {
        unmet += ctx.criteria[c].status == Status::not_met;
        unknown += ctx.criteria[c].status == Status::unknown;
    }
}

}  // namespace

int recognised_before(const Program& program, const std::vector<Recognition>& recognitions, std::uint32_t level,
                      int year) {
    const LevelDef& wanted = program.levels[level];
    int first = 0;
    for (const Recognition& r : recognitions) {
        if (r.year >= year) continue;
        const std::uint32_t li = program.level_index(r.level);
        if (li == kNone || program.levels[li].kind != wanted.kind || program.levels[li].ordinal < wanted.ordinal) continue;
        if (first == 0 || r.year < first) first = r.year;
    }
    return first;
}

double run_code(const Program& program, ExprRef expr, const ExprContext& ctx) {
    if (!expr.valid()) return kUnknown;
    // Expressions nest at most 64 deep and chains are at most 256 long (parser limits), so
    // the stack never exceeds this.
    std::array<double, 1024> stack;
    std::size_t sp = 0;
    for (std::uint32_t pc = expr.begin; pc < expr.end; ++pc) {
        const Instr& in = program.code[pc];
        switch (in.op) {
            case OpCode::push_const: stack[sp++] = in.k; break;
            case OpCode::push_slot: stack[sp++] = slot_value(in, ctx); break;
            case OpCode::push_year: stack[sp++] = ctx.year; break;
            case OpCode::push_region: stack[sp++] = static_cast<double>(ctx.region); break;
            case OpCode::push_level: stack[sp++] = ctx.level == ctx.level_max ? ctx.level : kUnknown; break;
            case OpCode::push_criteria_met:
                stack[sp++] = ctx.criteria_unknown == 0 ? ctx.criteria_met : kUnknown;
                break;
            case OpCode::range_cmp: {
                const auto op = static_cast<dsl::Op>(in.b);
                if (in.a == 2) {
                    int unmet = 0, unknown = 0;
                    unmet_counts(ctx, unmet, unknown);
                    const double n = ctx.criterion_count;
                    stack[sp++] = n == 0 ? kUnknown
                                         : range_compare(op, 100.0 * unmet / n, 100.0 * (unmet + unknown) / n, in.k);
                    break;
                }
                stack[sp++] = in.a == 0 ? range_compare(op, ctx.level, ctx.level_max, in.k)
                                        : range_compare(op, ctx.criteria_met,
                                                        ctx.criteria_met + ctx.criteria_unknown, in.k);
                break;
            }
            case OpCode::push_unmet_share: {
                int unmet = 0, unknown = 0;
                unmet_counts(ctx, unmet, unknown);
                stack[sp++] = ctx.criterion_count == 0 || unknown > 0 ? kUnknown : 100.0 * unmet / ctx.criterion_count;
                break;
            }
            case OpCode::push_revoked:
                stack[sp++] = in.b == 0                    ? ctx.revoked
                              : ctx.revoked_at == nullptr ? kUnknown
                                                          : ctx.revoked_at(ctx.evaluator, ctx.entity, in.a);
                break;
            case OpCode::push_recognised: {
                const int y = ctx.recognitions == nullptr ? 0 : recognised_before(program, *ctx.recognitions, in.a, ctx.year);
                stack[sp++] = in.b == 0 ? boolean(y != 0) : y != 0 ? y : kUnknown;
                break;
            }
            case OpCode::push_class:
                stack[sp++] = ctx.classes == nullptr ? kUnknown : status_value(ctx.classes[in.a]);
                break;
            case OpCode::push_met:
                if (in.b == 1) {
                    stack[sp++] = ctx.criteria == nullptr ? kUnknown : status_value(ctx.criteria[in.a].status);
                } else {
                    stack[sp++] = ctx.indicators == nullptr ? kUnknown : status_value(ctx.indicators[in.a].status);
                }
                break;
            case OpCode::push_value: stack[sp++] = ctx.indicators == nullptr ? kUnknown : ctx.indicators[in.a].value; break;
            case OpCode::push_threshold:
                stack[sp++] = ctx.threshold == nullptr ? kUnknown : ctx.threshold(ctx.evaluator, ctx.entity, in.a);
                break;
            case OpCode::text_eq: {
                const std::string* s = in.a == 0 ? ctx.code : in.a == 1 ? ctx.parent : ctx.type;
                stack[sp++] = s == nullptr ? kUnknown : boolean(*s == program.strings[in.b]);
                break;
            }
            case OpCode::neg: stack[sp - 1] = -stack[sp - 1]; break;
            case OpCode::not_: stack[sp - 1] = known(stack[sp - 1]) ? boolean(stack[sp - 1] == 0) : kUnknown; break;
            case OpCode::add: --sp; stack[sp - 1] += stack[sp]; break;
            case OpCode::sub: --sp; stack[sp - 1] -= stack[sp]; break;
            case OpCode::mul: --sp; stack[sp - 1] *= stack[sp]; break;
            case OpCode::div:
                --sp;
                stack[sp - 1] = stack[sp] == 0 ? kUnknown : stack[sp - 1] / stack[sp];
                break;
            case OpCode::ratio:
                --sp;
                stack[sp - 1] = stack[sp] == 0 ? kUnknown : 100.0 * stack[sp - 1] / stack[sp];
                break;
            case OpCode::lt:
            case OpCode::le:
            case OpCode::gt:
            case OpCode::ge:
            case OpCode::eq:
            case OpCode::ne:
                --sp;
                stack[sp - 1] = compare(in.op, stack[sp - 1], stack[sp]);
                break;
            case OpCode::and_: --sp; stack[sp - 1] = kleene_and(stack[sp - 1], stack[sp]); break;
            case OpCode::or_: --sp; stack[sp - 1] = kleene_or(stack[sp - 1], stack[sp]); break;
            case OpCode::any:
            case OpCode::all: {
                const bool all = in.op == OpCode::all;
                double acc = all ? 1 : 0;
                for (std::uint32_t i = 0; i < in.a; ++i) {
                    const double v = stack[sp - in.a + i];
                    acc = all ? kleene_and(acc, v) : kleene_or(acc, v);
                }
                sp -= in.a;
                stack[sp++] = acc;
                break;
            }
            case OpCode::at_least: {
                const double k = stack[sp - in.a];
                int yes = 0, unknown = 0;
                for (std::uint32_t i = 1; i < in.a; ++i) {
                    const double v = stack[sp - in.a + i];
                    if (!known(v)) ++unknown;
                    else if (v != 0) ++yes;
                }
                sp -= in.a;
                stack[sp++] = !known(k) ? kUnknown : yes >= k ? 1 : yes + unknown >= k ? kUnknown : 0;
                break;
            }
            case OpCode::aggregate:
            case OpCode::aggregate_cmp: {
                double lo = kUnknown, hi = kUnknown;
                if (ctx.aggregate != nullptr) ctx.aggregate(ctx.evaluator, ctx.entity, program.aggregates[in.a], lo, hi);
                if (in.op == OpCode::aggregate) {
                    stack[sp++] = known(lo) && known(hi) && lo == hi ? lo : kUnknown;
                } else {
                    stack[sp++] = known(lo) && known(hi) ? range_compare(static_cast<dsl::Op>(in.b), lo, hi, in.k)
                                                         : kUnknown;
                }
                break;
            }
        }
    }
    return sp == 0 ? kUnknown : stack[sp - 1];
}

}  // namespace ntm::engine
