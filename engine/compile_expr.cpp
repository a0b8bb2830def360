// Expressions → stack code; thresholds → threshold trees.
#include <algorithm>

#include "engine/compiler.hpp"

namespace ntm::engine::detail {

namespace {

bool is_builtin(const dsl::ExprInfo* info, dsl::Builtin b) {
    return info != nullptr && info->ref == dsl::RefKind::builtin && info->builtin == b;
}

OpCode opcode(dsl::Op op) {
    switch (op) {
        case dsl::Op::neg: return OpCode::neg;
        case dsl::Op::not_: return OpCode::not_;
        case dsl::Op::add: return OpCode::add;
        case dsl::Op::sub: return OpCode::sub;
        case dsl::Op::mul: return OpCode::mul;
        case dsl::Op::div: return OpCode::div;
        case dsl::Op::lt: return OpCode::lt;
        case dsl::Op::le: return OpCode::le;
        case dsl::Op::gt: return OpCode::gt;
        case dsl::Op::ge: return OpCode::ge;
        case dsl::Op::eq: return OpCode::eq;
        case dsl::Op::ne: return OpCode::ne;
        case dsl::Op::and_: return OpCode::and_;
        case dsl::Op::or_: return OpCode::or_;
    }
    return OpCode::add;
}

}  // namespace

std::uint32_t Compiler::add_string(const std::string& s) {
    const auto it = std::find(out_.strings.begin(), out_.strings.end(), s);
    if (it != out_.strings.end()) return static_cast<std::uint32_t>(it - out_.strings.begin());
    out_.strings.push_back(s);
    return static_cast<std::uint32_t>(out_.strings.size() - 1);
}

// Each expression is one contiguous range of Program::code.  Sub-expressions that run in
// another context (an aggregate's condition, run once per child) get ranges of their own,
// compiled into a buffer of their own first.
ExprRef Compiler::expr(const dsl::Expr& e, const ExprScope& scope) {
    std::vector<Instr> buffer;
    std::vector<Instr>* outer = code_;
    code_ = &buffer;
    emit(e, scope);
    code_ = outer;
    ExprRef ref{static_cast<std::uint32_t>(out_.code.size()), 0};
    out_.code.insert(out_.code.end(), buffer.begin(), buffer.end());
    ref.end = static_cast<std::uint32_t>(out_.code.size());
    return ref;
}

// `level OP L`, `criteria_met OP k` and `unmet_share OP k` compare a range (what is known for sure, and what may
// be) with a constant; see OpCode::range_cmp.
bool Compiler::emit_range_compare(const dsl::Expr& e, const ExprScope& scope) {
    (void)scope;
    if (e.op < dsl::Op::lt || e.op > dsl::Op::ne) return false;
    for (int side = 0; side < 2; ++side) {
        const dsl::Expr& var = *e.args[static_cast<std::size_t>(side)];
        const dsl::Expr& other = *e.args[static_cast<std::size_t>(1 - side)];
        const dsl::ExprInfo* vi = checked_.expr(var);
        const dsl::ExprInfo* oi = checked_.expr(other);
        const bool is_level = is_builtin(vi, dsl::Builtin::level);
        const bool is_count = is_builtin(vi, dsl::Builtin::criteria_met);
        const bool is_unmet = is_builtin(vi, dsl::Builtin::unmet_share);
        if (!is_level && !is_count && !is_unmet) continue;
        double k = 0;
        if (is_level && oi != nullptr && oi->ref == dsl::RefKind::level) {
            k = out_.levels[oi->index].ordinal;
        } else if (other.kind == dsl::ExprKind::number) {
            k = other.number;
        } else {
            continue;
        }
        const dsl::Op op = side == 0 ? e.op : dsl::mirrored(e.op);
        code_->push_back({OpCode::range_cmp, is_level ? 0u : is_count ? 1u : 2u, static_cast<std::uint32_t>(op), k});
        return true;
    }
    return false;
}

// `count(K where C) OP k` and `share(K where C) OP k` compare the aggregate's range with k
// (OpCode::aggregate_cmp), so that children with missing data leave the answer unknown only
// when they could change it.
bool Compiler::emit_aggregate_compare(const dsl::Expr& e, const ExprScope& scope) {
    if (e.op < dsl::Op::lt || e.op > dsl::Op::ne) return false;
    for (int side = 0; side < 2; ++side) {
        const dsl::Expr& agg = *e.args[static_cast<std::size_t>(side)];
        const dsl::Expr& other = *e.args[static_cast<std::size_t>(1 - side)];
        const dsl::ExprInfo* ai = checked_.expr(agg);
        if (agg.kind != dsl::ExprKind::call || ai == nullptr || other.kind != dsl::ExprKind::number ||
            (ai->function != dsl::Function::count && ai->function != dsl::Function::share)) {
            continue;
        }
        emit_call(agg, *ai, scope);  // pushes `aggregate`; turn it into a comparison
        Instr& last = code_->back();
        last.op = OpCode::aggregate_cmp;
        last.b = static_cast<std::uint32_t>(side == 0 ? e.op : dsl::mirrored(e.op));
        last.k = other.number;
        return true;
    }
    return false;
}

void Compiler::emit(const dsl::Expr& e, const ExprScope& scope) {
    const dsl::ExprInfo* info = checked_.expr(e);
    auto push = [&](OpCode op, std::uint32_t a = 0, std::uint32_t b = 0, double k = 0) {
        code_->push_back({op, a, b, k});
    };
    switch (e.kind) {
        case dsl::ExprKind::number: push(OpCode::push_const, 0, 0, e.number); return;
        case dsl::ExprKind::boolean: push(OpCode::push_const, 0, 0, e.boolean ? 1 : 0); return;
        case dsl::ExprKind::string:
        case dsl::ExprKind::filter: push(OpCode::push_const, 0, 0, kUnknown); return;
        case dsl::ExprKind::unary:
            emit(*e.args[0], scope);
            push(opcode(e.op));
            return;
        case dsl::ExprKind::call: emit_call(e, *info, scope); return;
        case dsl::ExprKind::binary: break;
        case dsl::ExprKind::name:
            if (info == nullptr) {
                push(OpCode::push_const, 0, 0, kUnknown);
                return;
            }
            switch (info->ref) {
                case dsl::RefKind::field: push(OpCode::push_slot, slot_of(info->kind, e.text)); return;
                case dsl::RefKind::level: push(OpCode::push_const, 0, 0, out_.levels[info->index].ordinal); return;
                case dsl::RefKind::klass: push(OpCode::push_class, static_cast<std::uint32_t>(info->index)); return;
                case dsl::RefKind::region: push(OpCode::push_const, 0, 0, static_cast<double>(info->region)); return;
                case dsl::RefKind::builtin:
                    switch (info->builtin) {
                        case dsl::Builtin::level: push(OpCode::push_level); return;
                        case dsl::Builtin::criteria_met: push(OpCode::push_criteria_met); return;
                        case dsl::Builtin::year: push(OpCode::push_year); return;
                        case dsl::Builtin::region: push(OpCode::push_region); return;
                        case dsl::Builtin::unmet_share: push(OpCode::push_unmet_share); return;
                        case dsl::Builtin::revoked: push(OpCode::push_revoked); return;
                        default: push(OpCode::push_const, 0, 0, kUnknown); return;
                    }
                default: push(OpCode::push_const, 0, 0, kUnknown); return;
            }
    }
    // Binary operators.
    if (emit_range_compare(e, scope)) return;
    if (emit_aggregate_compare(e, scope)) return;
    if (e.op == dsl::Op::eq || e.op == dsl::Op::ne) {
        for (int side = 0; side < 2; ++side) {
            const dsl::ExprInfo* vi = checked_.expr(*e.args[static_cast<std::size_t>(side)]);
            const dsl::Expr& other = *e.args[static_cast<std::size_t>(1 - side)];
            const bool code = is_builtin(vi, dsl::Builtin::code), parent = is_builtin(vi, dsl::Builtin::parent),
                       type = is_builtin(vi, dsl::Builtin::type);
            if ((code || parent || type) && other.kind == dsl::ExprKind::string) {
                push(OpCode::text_eq, parent ? 1 : type ? 2 : 0, add_string(other.text));
                if (e.op == dsl::Op::ne) push(OpCode::not_);
                return;
            }
        }
    }
    emit(*e.args[0], scope);
    emit(*e.args[1], scope);
    push(opcode(e.op));
}

void Compiler::emit_call(const dsl::Expr& e, const dsl::ExprInfo& info, const ExprScope& scope) {
    auto push = [&](OpCode op, std::uint32_t a = 0, std::uint32_t b = 0, double k = 0) {
        code_->push_back({op, a, b, k});
    };
    switch (info.function) {
        case dsl::Function::ratio:
            emit(*e.args[0], scope);
            emit(*e.args[1], scope);
            push(OpCode::ratio);
            return;
        case dsl::Function::met:
        case dsl::Function::value: {
            if (scope.set == kNone) {
                push(OpCode::push_const, 0, 0, kUnknown);
                return;
            }
            // Positions within the set, from the checked set: the set may still be compiling
            // (an indicator whose value reads another indicator of its own set).
            const dsl::SetInfo& set = checked_.sets[scope.set];
            const bool met = info.function == dsl::Function::met;
            std::uint32_t crit = 0, ind = 0;
            for (const dsl::EffectiveCriterion& c : set.criteria) {
                if (met && c.code == info.code) {
                    push(OpCode::push_met, crit, 1);
                    return;
                }
                for (const dsl::EffectiveIndicator& i : c.indicators) {
                    if (i.code == info.code) {
                        push(met ? OpCode::push_met : OpCode::push_value, ind, 0);
                        return;
                    }
                    ++ind;
                }
                ++crit;
            }
            push(OpCode::push_const, 0, 0, kUnknown);
            return;
        }
        case dsl::Function::threshold: {
            const SetDef& set = out_.sets[*info.set];
            for (std::uint32_t i = 0; i < set.indicator_count; ++i) {
                if (out_.indicators[set.first_indicator + i].code == info.code) {
                    push(OpCode::push_threshold, set.first_indicator + i);
                    return;
                }
            }
            push(OpCode::push_const, 0, 0, kUnknown);
            return;
        }
        case dsl::Function::count:
        case dsl::Function::share:
        case dsl::Function::sum:
        case dsl::Function::min:
        case dsl::Function::max:
        case dsl::Function::mean: {
            static constexpr AggregateFn kFns[] = {AggregateFn::count, AggregateFn::share, AggregateFn::sum,
                                                   AggregateFn::min,   AggregateFn::max,   AggregateFn::mean};
            Aggregate agg;
            agg.fn = kFns[static_cast<int>(info.function) - static_cast<int>(dsl::Function::count)];
            const dsl::Expr& first = *e.args[0];
            const dsl::ExprInfo* fi = checked_.expr(first);
            const dsl::Expr* operand = nullptr;
            if (first.kind == dsl::ExprKind::filter) {
                const dsl::ExprInfo* ki = checked_.expr(*first.args[0]);
                agg.kind = ki != nullptr ? ki->kind : (fi != nullptr ? fi->kind : EntityKind::xa);
                operand = first.args[1].get();
            } else {
                agg.kind = fi != nullptr ? fi->kind : EntityKind::xa;
                if (e.args.size() > 1) operand = e.args[1].get();
            }
            if (operand != nullptr) agg.operand = expr(*operand, {agg.kind, kNone});
            push(OpCode::aggregate, static_cast<std::uint32_t>(out_.aggregates.size()));
            out_.aggregates.push_back(agg);
            return;
        }
        case dsl::Function::unmet: {
            // One of the criteria named is not met: any(not met(C1), not met(C2), …).
            const dsl::SetInfo* set = scope.set == kNone ? nullptr : &checked_.sets[scope.set];
            for (const std::string& code : info.codes) {
                std::uint32_t crit = 0;
                bool found = false;
                for (; set != nullptr && crit < set->criteria.size(); ++crit) {
                    if (set->criteria[crit].code == code) {
                        found = true;
                        break;
                    }
                }
                if (found) {
                    push(OpCode::push_met, crit, 1);
                    push(OpCode::not_);
                } else {
                    // A set extending the rule's set that removed the criterion: it cannot be unmet.
                    push(OpCode::push_const, 0, 0, 0);
                }
            }
            push(OpCode::any, static_cast<std::uint32_t>(info.codes.size()));
            return;
        }
        case dsl::Function::recognised:
        case dsl::Function::recognised_year:
            push(OpCode::push_recognised, static_cast<std::uint32_t>(info.index),
                 info.function == dsl::Function::recognised ? 0u : 1u);
            return;
        case dsl::Function::revoked: push(OpCode::push_revoked, static_cast<std::uint32_t>(info.index), 1); return;
        case dsl::Function::any:
        case dsl::Function::all:
        case dsl::Function::at_least:
            for (const auto& a : e.args) emit(*a, scope);
            push(info.function == dsl::Function::any   ? OpCode::any
                 : info.function == dsl::Function::all ? OpCode::all
                                                       : OpCode::at_least,
                 static_cast<std::uint32_t>(e.args.size()));
            return;
    }
}

// ---------------------------------------------------------------------------------------------
// Thresholds

std::uint32_t Compiler::year_node(const std::vector<dsl::YearRange>& years, const std::vector<dsl::Number>& values,
                                  dsl::Span span) {
    ThresholdNode node{ThresholdKind::by_year, kUnknown, static_cast<std::uint32_t>(out_.year_entries.size()), 0, span};
    for (std::size_t i = 0; i < years.size() && i < values.size(); ++i) {
        const auto leaf = static_cast<std::uint32_t>(out_.threshold_nodes.size());
        out_.threshold_nodes.push_back({ThresholdKind::constant, values[i].value, 0, 0, values[i].span});
        out_.year_entries.push_back({years[i].from, years[i].to, leaf});
    }
    node.count = static_cast<std::uint32_t>(out_.year_entries.size()) - node.first;
    out_.threshold_nodes.push_back(node);
    return static_cast<std::uint32_t>(out_.threshold_nodes.size() - 1);
}

std::uint32_t Compiler::reason(const std::optional<dsl::Unconfirmed>& u) { return reason(u ? &*u : nullptr); }

std::uint32_t Compiler::reason(const dsl::Unconfirmed* u) {
    if (u == nullptr) return kNone;
    const auto at = std::find(out_.reasons.begin(), out_.reasons.end(), u->reason.value);
    if (at != out_.reasons.end()) return static_cast<std::uint32_t>(at - out_.reasons.begin());
    out_.reasons.push_back(u->reason.value);
    return static_cast<std::uint32_t>(out_.reasons.size() - 1);
}

void Compiler::categories_of(std::uint32_t node, std::vector<std::uint32_t>& out) const {
    if (node == kNone) return;
    const ThresholdNode& n = out_.threshold_nodes[node];
    switch (n.kind) {
        case ThresholdKind::constant: return;
        case ThresholdKind::by_region:
            for (std::uint32_t i = 0; i < n.count; ++i) categories_of(out_.region_children[n.first + i], out);
            return;
        case ThresholdKind::by_category:
            if (std::find(out.begin(), out.end(), n.category) == out.end()) out.push_back(n.category);
            for (std::uint32_t i = 0; i < n.count; ++i) categories_of(out_.category_children[n.first + i], out);
            return;
        case ThresholdKind::by_year:
            for (std::uint32_t i = 0; i < n.count; ++i) categories_of(out_.year_entries[n.first + i].node, out);
            return;
        case ThresholdKind::cases:
            for (std::uint32_t i = 0; i < n.count; ++i) categories_of(out_.case_entries[n.first + i].node, out);
            return;
    }
}

std::uint32_t Compiler::threshold(const dsl::Threshold& t, const ExprScope& scope) {
    auto add = [&](ThresholdNode n) {
        out_.threshold_nodes.push_back(n);
        return static_cast<std::uint32_t>(out_.threshold_nodes.size() - 1);
    };
    switch (t.kind) {
        case dsl::ThresholdKind::constant:
            return add({ThresholdKind::constant, t.constant.value, 0, 0, t.constant.span});
        case dsl::ThresholdKind::by_region: {
            std::array<std::uint32_t, kRegionCount> children;
            children.fill(kNone);
            for (const dsl::RegionEntry& r : t.regions) {
                if (auto reg = dsl::region(r.region.text)) {
                    const std::uint32_t node = threshold(*r.value, scope);
                    if (r.unconfirmed) out_.threshold_nodes[node].unconfirmed = reason(r.unconfirmed);
                    children[region_index(*reg)] = node;
                }
            }
            const auto first = static_cast<std::uint32_t>(out_.region_children.size());
            out_.region_children.insert(out_.region_children.end(), children.begin(), children.end());
            return add({ThresholdKind::by_region, kUnknown, first, kRegionCount, t.span});
        }
        case dsl::ThresholdKind::by_category: {
            const auto it = checked_.category_index.find(t.dimension.text);
            if (it == checked_.category_index.end()) return kNone;
            const dsl::CategoryInfo& info = checked_.categories[it->second];
            std::vector<std::uint32_t> children(info.decl->members.size(), kNone);
            for (const dsl::RegionEntry& r : t.regions) {
                if (auto m = info.member(r.region.text)) {
                    const std::uint32_t node = threshold(*r.value, scope);
                    if (r.unconfirmed) out_.threshold_nodes[node].unconfirmed = reason(r.unconfirmed);
                    children[*m] = node;
                }
            }
            const auto first = static_cast<std::uint32_t>(out_.category_children.size());
            out_.category_children.insert(out_.category_children.end(), children.begin(), children.end());
            ThresholdNode n{ThresholdKind::by_category, kUnknown, first, static_cast<std::uint32_t>(children.size()), t.span};
            n.category = static_cast<std::uint32_t>(it->second);
            return add(n);
        }
        case dsl::ThresholdKind::by_year: {
            std::vector<YearEntry> entries;
            for (const dsl::YearEntry& y : t.years) {
                const std::uint32_t node = threshold(*y.value, scope);
                if (y.unconfirmed) out_.threshold_nodes[node].unconfirmed = reason(y.unconfirmed);
                entries.push_back({y.years.from, y.years.to, node});
            }
            const auto first = static_cast<std::uint32_t>(out_.year_entries.size());
            out_.year_entries.insert(out_.year_entries.end(), entries.begin(), entries.end());
            return add({ThresholdKind::by_year, kUnknown, first, static_cast<std::uint32_t>(entries.size()), t.span});
        }
        case dsl::ThresholdKind::table: {
            std::array<std::uint32_t, kRegionCount> children;
            children.fill(kNone);
            for (const dsl::TableRow& row : t.table_rows) {
                if (auto reg = dsl::region(row.region.text)) {
                    children[region_index(*reg)] = year_node(t.table_years, row.values, row.span);
                }
            }
            const auto first = static_cast<std::uint32_t>(out_.region_children.size());
            out_.region_children.insert(out_.region_children.end(), children.begin(), children.end());
            return add({ThresholdKind::by_region, kUnknown, first, kRegionCount, t.span});
        }
        case dsl::ThresholdKind::cases: {
            std::vector<CaseEntry> entries;
            for (const dsl::Case& c : t.cases) {
                entries.push_back({expr(*c.when, scope), threshold(*c.value, scope), c.when->span});
            }
            if (t.otherwise) entries.push_back({ExprRef{}, threshold(*t.otherwise, scope), t.otherwise->span});
            const auto first = static_cast<std::uint32_t>(out_.case_entries.size());
            out_.case_entries.insert(out_.case_entries.end(), entries.begin(), entries.end());
            return add({ThresholdKind::cases, kUnknown, first, static_cast<std::uint32_t>(entries.size()), t.span});
        }
    }
    return kNone;
}

}  // namespace ntm::engine::detail
