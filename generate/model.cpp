// What the program says about each input (roles, comparisons, directions), and the probe.
#include "generate/model.hpp"

#include <algorithm>

namespace ntm::gen {

std::vector<bool> selection(const AdminUnits& units, const GenerateOptions& options) {
    const std::size_t n = units.units.size();
    std::vector<bool> out(n, options.provinces.empty() && options.districts.empty());
    auto listed = [](const std::vector<std::string>& codes, const std::string& code) {
        return std::find(codes.begin(), codes.end(), code) != codes.end();
    };
    for (std::size_t i = 0; i < n && !out[i]; ++i) {
        for (std::uint32_t a = static_cast<std::uint32_t>(i); a != kNone; a = units.units[a].parent) {
            const Unit& u = units.units[a];
            if ((u.kind == EntityKind::tinh && listed(options.provinces, u.code)) ||
                (u.kind == EntityKind::huyen && listed(options.districts, u.code)))
                out[i] = true;
        }
    }
    // The parents of what is generated come with it (a district needs its province's region).
    for (std::size_t i = n; i-- > 0;) {
        if (out[i] && units.units[i].parent != kNone) out[units.units[i].parent] = true;
    }
    return out;
}

bool has_villages(const Program& program) {
    if (!program.level_order[kind_index(EntityKind::thon)].empty()) return true;
    const auto& cols = program.schema.columns[kind_index(EntityKind::thon)];
    return std::any_of(cols.begin(), cols.end(), [](const Column& c) { return !c.derived; });
}

namespace {

// Inputs an expression depends on, each with the direction in which it moves the result.
using Deps = std::vector<std::pair<std::uint32_t, int>>;

void add(Deps& d, std::uint32_t slot, int sign) {
    for (auto& [s, g] : d) {
        if (s == slot) {
            if (g != sign) g = 0;
            return;
        }
    }
    d.emplace_back(slot, sign);
}

void merge(Deps& into, const Deps& from, int flip) {
    for (const auto& [s, g] : from) add(into, s, g * flip);
}

// A value on the symbolic stack: what it depends on, and whether it is a plain input or a
// constant (so that a comparison of the two is a Leaf).
struct Sym {
    Deps deps;
    std::uint32_t slot = kNone;
    bool constant = false;
    double k = 0;
};

std::optional<dsl::Op> comparison(OpCode c) {
    switch (c) {
        case OpCode::lt: return dsl::Op::lt;
        case OpCode::le: return dsl::Op::le;
        case OpCode::gt: return dsl::Op::gt;
        case OpCode::ge: return dsl::Op::ge;
        case OpCode::eq: return dsl::Op::eq;
        case OpCode::ne: return dsl::Op::ne;
        default: return std::nullopt;
    }
}

class Analyzer {
public:
    Analyzer(const Program& p, KindModel& km, const std::vector<std::uint32_t>& column, EntityKind kind)
        : p_(p), km_(km), column_(column) {
        derived_.assign(p.schema.slots(kind), ExprRef{});
        for (const auto& [slot, expr] : p.derived[kind_index(kind)]) derived_[slot] = expr;
    }

    // The inputs `e` depends on; comparisons of an input with a constant go to `leaves`.
    Deps run(ExprRef e, std::uint32_t set, std::vector<Leaf>* leaves, int depth = 0) {
        if (!e.valid() || depth > 8) return {};
        std::vector<Sym> st;
        for (std::uint32_t pc = e.begin; pc < e.end; ++pc) {
            const Instr& in = p_.code[pc];
            Sym s;
            if (const auto op = comparison(in.op)) {
                Sym b = std::move(st.back());
                st.pop_back();
                Sym a = std::move(st.back());
                st.pop_back();
                if (a.slot != kNone && b.constant) leaf(a.slot, *op, b.k, leaves);
                if (b.slot != kNone && a.constant) leaf(b.slot, dsl::mirrored(*op), a.k, leaves);
                // Two inputs compared (`so_thi_tran_van_minh >= so_thi_tran`): most likely a
                // part and its whole, drawn as a share of it.
                if (a.slot != kNone && b.slot != kNone && a.slot != b.slot) {
                    const bool ge = *op == dsl::Op::gt || *op == dsl::Op::ge;
                    const bool le = *op == dsl::Op::lt || *op == dsl::Op::le;
                    if (ge || le) part_of(ge ? a.slot : b.slot, ge ? b.slot : a.slot);
                }
                const bool up = *op == dsl::Op::gt || *op == dsl::Op::ge;
                const bool down = *op == dsl::Op::lt || *op == dsl::Op::le;
                merge(s.deps, a.deps, up ? 1 : down ? -1 : 0);
                merge(s.deps, b.deps, up ? -1 : down ? 1 : 0);
                st.push_back(std::move(s));
                continue;
            }
            switch (in.op) {
                case OpCode::push_const:
                    s.constant = true;
                    s.k = in.k;
                    break;
                case OpCode::push_slot:
                    if (in.a == kNone) break;
                    if (derived_[in.a].valid()) {
                        s.deps = run(derived_[in.a], set, nullptr, depth + 1);
                    } else {
                        s.slot = in.a;
                        add(s.deps, in.a, 1);
                    }
                    break;
                case OpCode::push_value:
                    if (set != kNone && in.a < p_.sets[set].indicator_count) {
                        const std::uint32_t ind = p_.sets[set].first_indicator + in.a;
                        if (column_[ind] != kNone) {
                            s.slot = column_[ind];
                            add(s.deps, s.slot, 1);
                        } else {
                            s.deps = run(p_.indicators[ind].value, p_.indicators[ind].set, nullptr, depth + 1);
                        }
                    }
                    break;
                case OpCode::neg:
                case OpCode::not_:
                    for (auto& d : st.back().deps) d.second = -d.second;
                    st.back().slot = kNone;
                    st.back().constant = st.back().constant && in.op == OpCode::neg;
                    st.back().k = -st.back().k;
                    continue;
                case OpCode::add:
                case OpCode::sub:
                case OpCode::mul:
                case OpCode::div:
                case OpCode::ratio:
                case OpCode::and_:
                case OpCode::or_: {
                    Sym b = std::move(st.back());
                    st.pop_back();
                    Sym a = std::move(st.back());
                    st.pop_back();
                    const bool divides = in.op == OpCode::div || in.op == OpCode::ratio;
                    if (divides && a.slot != kNone && b.slot != kNone) part_of(a.slot, b.slot);
                    const int flip_b = in.op == OpCode::sub || divides ? -1 : in.op == OpCode::mul && b.constant && b.k < 0 ? -1 : 1;
                    s.deps = std::move(a.deps);
                    merge(s.deps, b.deps, flip_b);
                    break;
                }
                case OpCode::any:
                case OpCode::all:
                case OpCode::at_least: {
                    for (std::uint32_t i = 0; i < in.a; ++i) {
                        if (!(in.op == OpCode::at_least && i + 1 == in.a)) merge(s.deps, st.back().deps, 1);
                        st.pop_back();
                    }
                    break;
                }
                default:  // year, region, level, classes, met(), thresholds, aggregates: no input
                    break;
            }
            st.push_back(std::move(s));
        }
        return st.empty() ? Deps{} : std::move(st.back().deps);
    }

    // The `when` conditions of a threshold tree, and the conditions of its categories.
    void cases(std::uint32_t node, std::vector<ExprRef>& out) const {
        if (node == kNone) return;
        const ThresholdNode& n = p_.threshold_nodes[node];
        switch (n.kind) {
            case ThresholdKind::constant: return;
            case ThresholdKind::by_region:
                for (std::size_t r = 0; r < kRegionCount; ++r) cases(p_.region_children[n.first + r], out);
                return;
            case ThresholdKind::by_category:  // the categories' conditions choose, as `when` does
                for (const engine::CategoryMemberDef& m : p_.categories[n.category].members) {
                    if (m.when.valid()) out.push_back(m.when);
                }
                for (std::uint32_t i = 0; i < n.count; ++i) cases(p_.category_children[n.first + i], out);
                return;
            case ThresholdKind::by_year:
                for (std::uint32_t i = 0; i < n.count; ++i) cases(p_.year_entries[n.first + i].node, out);
                return;
            case ThresholdKind::cases:
                for (std::uint32_t i = 0; i < n.count; ++i) {
                    const CaseEntry& c = p_.case_entries[n.first + i];
                    if (c.when.valid()) out.push_back(c.when);
                    cases(c.node, out);
                }
                return;
        }
    }

private:
    const Program& p_;
    KindModel& km_;
    const std::vector<std::uint32_t>& column_;
    std::vector<ExprRef> derived_;

    void part_of(std::uint32_t part, std::uint32_t whole) {
        if (km_.denominator[part] != kNone || km_.denominator[whole] == part || part == whole) return;
        km_.denominator[part] = whole;
        km_.is_denominator[whole] = true;
    }

    void leaf(std::uint32_t slot, dsl::Op op, double k, std::vector<Leaf>* leaves) {
        km_.points[slot].push_back(k);
        if (leaves != nullptr) leaves->push_back({slot, op, k});
    }
};

// Whether an expression is one instruction reading a plain input: its slot, or kNone.
std::uint32_t plain_input(const Program& p, ExprRef e, EntityKind kind) {
    if (!e.valid() || e.end != e.begin + 1) return kNone;
    const Instr& in = p.code[e.begin];
    if (in.op != OpCode::push_slot || in.a == kNone) return kNone;
    const auto& cols = p.schema.columns[kind_index(kind)];
    return in.a < cols.size() && !cols[in.a].derived ? in.a : kNone;
}

// The input column each indicator judges (Model::column), in set order: value(C) reads an
// earlier one.
std::vector<std::uint32_t> judged_columns(const Program& p) {
    std::vector<std::uint32_t> column(p.indicators.size(), kNone);
    for (std::uint32_t i = 0; i < p.indicators.size(); ++i) {
        const IndicatorDef& ind = p.indicators[i];
        const EntityKind kind = p.sets[ind.set].kind;
        if (ind.slot != kNone) {
            column[i] = ind.slot;
        } else if (const std::uint32_t s = plain_input(p, ind.value, kind); s != kNone) {
            column[i] = s;
        } else if (ind.value.valid() && ind.value.end == ind.value.begin + 1 && p.code[ind.value.begin].op == OpCode::push_value) {
            const std::uint32_t other = p.sets[ind.set].first_indicator + p.code[ind.value.begin].a;
            if (other < i) column[i] = column[other];
        }
    }
    return column;
}

// What reads an input slot: an indicator as its column, an indicator's value, a gate, an
// `applies when`, anything else.
namespace reads {
constexpr std::uint8_t direct = 1, component = 2, gate = 4, applies = 8, other = 16;
}

// What reads each input slot of `kind` (`reads` flags), from every indicator, region rule,
// class and gate of that kind; notes the first indicator reading each direct column
// (KindModel::reader) on the way.
std::vector<std::uint8_t> readers_of(const Program& p, const std::vector<std::uint32_t>& column, EntityKind kind,
                                     KindModel& km, Analyzer& an) {
    std::vector<std::uint8_t> flags(p.schema.slots(kind), 0);
    auto mark = [&](const Deps& d, std::uint8_t f) {
        for (const auto& [slot, sign] : d) flags[slot] |= f;
    };
    for (std::uint32_t i = 0; i < p.indicators.size(); ++i) {
        const IndicatorDef& ind = p.indicators[i];
        if (p.sets[ind.set].kind != kind) continue;
        if (column[i] != kNone) {
            flags[column[i]] |= reads::direct;
            if (km.reader[column[i]] == kNone) km.reader[column[i]] = i;
        }
        mark(an.run(ind.applies, ind.set, nullptr), reads::applies);
        std::vector<ExprRef> conds;
        for (std::uint32_t r = 0; r < ind.requirement_count; ++r) {
            an.cases(p.requirements[ind.first_requirement + r].low, conds);
            an.cases(p.requirements[ind.first_requirement + r].high, conds);
        }
        for (const ExprRef c : conds) mark(an.run(c, ind.set, nullptr), column[i] != kNone ? reads::other : reads::component);
        if (column[i] == kNone) mark(an.run(ind.value, ind.set, nullptr), reads::component);
    }
    for (const SetDef& s : p.sets) {
        if (s.kind != kind) continue;
        for (const RegionRule& r : s.region_rules) mark(an.run(r.when, kNone, nullptr), reads::other);
    }
    for (const ClassDef& c : p.classes) {
        if (c.kind == kind) mark(an.run(c.when, kNone, nullptr), reads::other);
    }
    for (const std::uint32_t li : p.level_order[kind_index(kind)]) {
        const LevelDef& l = p.levels[li];
        for (const GateDef& g : l.gates) {
            for (std::size_t w = 0; w < g.condition.size(); ++w)
                mark(an.run(g.condition[w], w < l.scope_sets.size() ? l.scope_sets[w] : kNone, nullptr), reads::gate);
        }
    }
    return flags;
}

// The role of a slot read as `flags` says: the first of direct, component, gate; presence when
// only `applies when` conditions read it; else attribute.
Role role_of(std::uint8_t flags) {
    return flags & reads::direct                                   ? Role::direct
           : flags & reads::component                              ? Role::component
           : flags & reads::gate                                   ? Role::gate
           : (flags & reads::applies) && !(flags & reads::other) ? Role::presence
                                                                   : Role::attribute;
}

// What a search may change of an expression reading `d`: the inputs of role `free_role`, with
// the direction that helps (`dir`: the direction the expression must move), and the direct
// columns it reads.
Target target_of(const std::vector<Role>& role, const Deps& d, std::vector<Leaf> leaves, Role free_role, int dir) {
    Target t;
    t.valid = true;
    for (const auto& [slot, sign] : d) {
        if (role[slot] == free_role) {
            t.free.push_back(slot);
            t.sign.push_back(sign * dir);
        } else if (role[slot] == Role::direct) {
            t.planned.push_back(slot);
            t.planned_sign.push_back(sign * dir);
        }
    }
    t.leaves = std::move(leaves);
    return t;
}

// The targets of the computed indicators of `kind` (Model::indicator_targets).
void indicator_targets_of(const Program& p, const std::vector<std::uint32_t>& column, EntityKind kind,
                          const std::vector<Role>& role, Analyzer& an, std::vector<Target>& out) {
    for (std::uint32_t i = 0; i < p.indicators.size(); ++i) {
        const IndicatorDef& ind = p.indicators[i];
        if (p.sets[ind.set].kind != kind || column[i] != kNone || !ind.value.valid()) continue;
        const dsl::Cmp cmp = ind.requirement_count > 0 ? p.requirements[ind.first_requirement].cmp : dsl::Cmp::yes;
        std::vector<Leaf> leaves;
        Deps d = an.run(ind.value, ind.set, cmp == dsl::Cmp::yes ? &leaves : nullptr);
        std::vector<ExprRef> conds;
        for (std::uint32_t r = 0; r < ind.requirement_count; ++r) an.cases(p.requirements[ind.first_requirement + r].low, conds);
        for (const ExprRef c : conds) merge(d, an.run(c, ind.set, nullptr), 0);
        out[i] = target_of(role, d, std::move(leaves), Role::component, engine::direction(cmp));
    }
}

// The targets of every gate (Model::gate_targets): per level, per gate, per scope set.
std::vector<std::vector<std::vector<Target>>> gate_targets_of(const Program& p, const std::vector<std::uint32_t>& column,
                                                              std::array<KindModel, kKindCount>& kinds) {
    std::vector<std::vector<std::vector<Target>>> out(p.levels.size());
    for (std::uint32_t li = 0; li < p.levels.size(); ++li) {
        const LevelDef& l = p.levels[li];
        KindModel& km = kinds[kind_index(l.kind)];
        Analyzer an(p, km, column, l.kind);
        for (const GateDef& g : l.gates) {
            std::vector<Target> per_scope;
            for (std::size_t w = 0; w < g.condition.size(); ++w) {
                std::vector<Leaf> leaves;
                const Deps d = an.run(g.condition[w], w < l.scope_sets.size() ? l.scope_sets[w] : kNone, &leaves);
                per_scope.push_back(target_of(km.role, d, std::move(leaves), Role::gate, 1));
            }
            out[li].push_back(std::move(per_scope));
        }
    }
    return out;
}

}  // namespace

// Each step analyses the compiled code with an Analyzer, which records the constants inputs
// are compared with and which input divides which as it goes (KindModel::points, denominator):
// the steps run in this order so that those records come out the same every time.
Model::Model(const Program& program) : p(program) {
    column = judged_columns(p);
    indicator_targets.assign(p.indicators.size(), Target{});
    for (std::size_t k = 0; k < kKindCount; ++k) {
        const auto kind = static_cast<EntityKind>(k);
        KindModel& km = kinds[k];
        const std::uint32_t n = p.schema.slots(kind);
        km.points.assign(n, {});
        km.denominator.assign(n, kNone);
        km.is_denominator.assign(n, false);
        km.reader.assign(n, kNone);
        Analyzer an(p, km, column, kind);
        const std::vector<std::uint8_t> flags = readers_of(p, column, kind, km, an);
        km.role.assign(n, Role::attribute);
        for (std::uint32_t s = 0; s < n; ++s) km.role[s] = role_of(flags[s]);
        indicator_targets_of(p, column, kind, km.role, an, indicator_targets);
    }
    gate_targets = gate_targets_of(p, column, kinds);
}

data::YesNoWords yes_no_words(const Program& program) {
    const Model model(program);
    data::YesNoWords out;
    for (std::size_t k = 0; k < kKindCount; ++k) {
        for (const Role role : model.kinds[k].role) out[k].push_back(role == Role::direct);
    }
    return out;
}

}  // namespace ntm::gen
