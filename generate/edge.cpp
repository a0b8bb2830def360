// Values at the edge of what the rules ask: attributes and categories first, then the
// measured inputs with the realizer in its edge mode (realize.cpp, plan_edge).
#include "generate/edge.hpp"

#include <algorithm>

#include "generate/realize.hpp"

namespace ntm::gen {

namespace {

// Combinations tried at most, per category, when choosing the attributes that place an entity.
constexpr std::size_t kMaxPlacements = 4096;

// The values an attribute is tried with, smallest first: no, yes; or the lowest value of its
// domain, then each constant its conditions compare it with, a step below, at and above it.
std::vector<double> candidates(const Shape& shape, const std::vector<double>& points) {
    if (shape.yesno) return {0, 1};
    std::vector<double> out{shape.domain.lo};
    for (const double p : points) {
        for (const double v : {p - shape.step, p, p + shape.step}) {
            if (shape.domain.contains(v)) out.push_back(v);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace

struct EdgeValues::Impl {
    explicit Impl(const Program& p) : program(p), model(p) {
        for (std::size_t k = 0; k < kKindCount; ++k) {
            for (const Column& c : p.schema.columns[k]) shapes[k].push_back(shape_of(c, model.kinds[k].points[c.slot]));
        }
    }

    const Program& program;
    Model model;
    std::array<std::vector<Shape>, kKindCount> shapes;

    // The inputs expression `e` reads, through derived values, each once.
    void reads(EntityKind kind, ExprRef e, std::vector<std::uint32_t>& out, int depth = 0) const {
        if (!e.valid() || depth > 8) return;
        for (std::uint32_t pc = e.begin; pc < e.end; ++pc) {
            const Instr& in = program.code[pc];
            if (in.op != OpCode::push_slot || in.a == kNone) continue;
            const auto& derived = program.derived[kind_index(kind)];
            const auto d = std::find_if(derived.begin(), derived.end(), [&](const auto& x) { return x.first == in.a; });
            if (d != derived.end()) {
                reads(kind, d->second, out, depth + 1);
            } else if (std::find(out.begin(), out.end(), in.a) == out.end()) {
                out.push_back(in.a);
            }
        }
    }

    // The member of category `c` the entity is in with these values (kNone: not decided), and
    // how true each member's condition is, in order: 0 false, 1 unknown, 2 true.
    std::uint32_t member(std::uint32_t c, const Entity& en, int year, std::vector<double>& slots,
                         std::vector<int>& truth) const {
        ExprContext ctx;
        ctx.slots = slots.data();
        ctx.year = year;
        ctx.region = en.region.value_or(Region::TDMNPB);
        ctx.code = &en.code;
        ctx.parent = &en.parent_code;
        ctx.type = &en.type;
        for (const auto& [slot, expr] : program.derived[kind_index(en.kind)]) slots[slot] = run(program, expr, ctx);
        truth.clear();
        for (const engine::CategoryMemberDef& m : program.categories[c].members) {
            if (!m.when.valid()) continue;
            const double v = run(program, m.when, ctx);
            truth.push_back(!known(v) ? 1 : v != 0 ? 2 : 0);
        }
        return engine::category_candidates(program, c, ctx);
    }

    // Tries the attributes `free` over every combination of their candidates, and keeps the one
    // whose members' conditions, in the order written, are false where possible, then unknown,
    // then true (the first such, smallest values first) — among those in member `target`, when
    // one is asked.  So attributes not given make no condition hold that the values given do
    // not.  False, with the values left as they were, when no combination is in `target`.
    bool place(std::uint32_t c, std::uint32_t target, const Entity& en, int year, double* values,
               const std::vector<std::uint32_t>& free, const std::vector<std::vector<double>>& cand) const {
        const std::uint32_t n = program.schema.slots(en.kind);
        std::vector<double> slots(values, values + n), best_slots;
        std::vector<int> truth, best;
        std::vector<std::size_t> at(free.size(), 0);
        for (std::size_t tried = 0; tried < kMaxPlacements; ++tried) {
            for (std::size_t f = 0; f < free.size(); ++f) slots[free[f]] = cand[f][at[f]];
            const std::uint32_t m = member(c, en, year, slots, truth);
            if ((target == kNone || m == target) && (best_slots.empty() || truth < best)) {
                best = truth;
                best_slots = slots;
            }
            std::size_t f = free.size();  // the odometer: the last attribute turns fastest
            while (f > 0 && ++at[f - 1] == cand[f - 1].size()) at[--f] = 0;
            if (f == 0) break;
        }
        if (best_slots.empty()) return false;
        for (const std::uint32_t s : free) values[s] = best_slots[s];
        return true;
    }

    // Places the entity in each category of its kind; the category whose member asked cannot
    // be reached, or kNone.
    std::uint32_t categories(const EdgeRequest& req, const Entity& en, int year, double* values) const {
        const std::size_t k = kind_index(en.kind);
        for (std::uint32_t c = 0; c < program.categories.size(); ++c) {
            const engine::CategoryDef& cat = program.categories[c];
            if (cat.kind != en.kind) continue;
            std::vector<std::uint32_t> read;
            for (const engine::CategoryMemberDef& m : cat.members) reads(en.kind, m.when, read);
            std::vector<std::uint32_t> free;
            std::vector<std::vector<double>> cand;
            for (const std::uint32_t s : read) {
                const Role role = model.kinds[k].role[s];
                if ((s < req.given.size() && req.given[s] != 0) || (role != Role::attribute && role != Role::presence))
                    continue;
                free.push_back(s);
                cand.push_back(candidates(shapes[k][s], model.kinds[k].points[s]));
            }
            const std::uint32_t asked = c < req.categories.size() ? req.categories[c] : kNone;
            if (!place(c, asked, en, year, values, free, cand)) return c;
        }
        return kNone;
    }
};

EdgeValues::EdgeValues(const Program& program) : impl_(std::make_unique<Impl>(program)) {}
EdgeValues::~EdgeValues() = default;

std::uint32_t EdgeValues::column_of(std::uint32_t indicator) const { return impl_->model.column[indicator]; }

bool EdgeValues::measured(EntityKind kind, std::uint32_t slot) const {
    const Role role = impl_->model.kinds[kind_index(kind)].role[slot];
    return role == Role::direct || role == Role::component || role == Role::gate;
}

std::vector<std::uint32_t> EdgeValues::fill(Dataset& data, const std::vector<EdgeRequest>& requests) const {
    const Program& p = impl_->program;
    std::vector<std::uint32_t> out(requests.size(), kNone);
    std::vector<int> years;
    for (std::size_t q = 0; q < requests.size(); ++q) {
        const EdgeRequest& req = requests[q];
        const Record& rec = data.records[req.record];
        const Entity& en = data.entities[rec.entity];
        const std::size_t k = kind_index(en.kind);
        double* values = data.values.data() + rec.offset;
        for (const Column& c : p.schema.columns[k]) {
            if (c.derived || (c.slot < req.given.size() && req.given[c.slot] != 0)) continue;
            if (measured(en.kind, c.slot)) {
                values[c.slot] = kUnknown;  // drawn below, unless the test leaves them missing
            } else {
                values[c.slot] = candidates(impl_->shapes[k][c.slot], impl_->model.kinds[k].points[c.slot]).front();
            }
        }
        out[q] = impl_->categories(req, en, rec.year, values);
        if (req.edge != Edge::none && std::find(years.begin(), years.end(), rec.year) == years.end())
            years.push_back(rec.year);
    }
    if (years.empty()) return out;
    const std::vector<std::vector<Stage>> stages = stages_of(p, data, years, 1);
    Realizer realizer(p, impl_->model, impl_->shapes);
    for (const EdgeRequest& req : requests) {
        if (req.edge == Edge::none) continue;
        const Record& rec = data.records[req.record];
        Job job;
        job.entity = &data.entities[rec.entity];
        job.year = rec.year;
        job.slots = data.values.data() + rec.offset;
        job.stages = &stages[req.record];
        job.edge = req.edge;
        job.pass_up_to = req.pass_up_to;
        job.fixed = &req.given;
        realizer.run(job);
    }
    return out;
}

}  // namespace ntm::gen
