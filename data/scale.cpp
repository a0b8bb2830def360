// Values read at the wrong scale or in the wrong place, mistakes people really make when they
// fill in a sheet.  They are no errors of form, so they are caught by what they do to the
// figures, and said with the suspected fix at the cell:
// - an income in đồng where the rules ask for triệu đồng (D0210; the value is ignored, so that
//   no verdict rests on it);
// - a percentage typed as a fraction, 0,955 for 95,5 % (D0211, a warning; the value is kept).
//   The data alone cannot tell it from a true small rate (a poverty rate of 0,6 % is common),
//   so the rules' thresholds do: a value of at most 1 where a gate or an indicator asks for at
//   least 10 % would fail there only because of its scale;
// - a yes/no column most of whose cells are numbers (D0212, once per column): its values are
//   likely another field's, the columns shifted or swapped.
#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "data/builder.hpp"

namespace ntm::data {

namespace {

// An income per person and year above this many triệu đồng (10 tỷ) is no income a commune
// reports: it is written in đồng.
constexpr double kMostTrieuDong = 10000;
// A lower threshold from this many percent up makes a value of at most 1 a likely fraction.
constexpr double kLeastPercent = 10;
// A yes/no column is said to hold numbers from this many number cells, more than half of its
// cells.
constexpr std::uint32_t kLeastNumbers = 3;

bool in_trieu_dong(const Column& c) { return c.unit_symbol.starts_with("triệu đồng"); }

std::string with_comma(double v) {
    std::string s = fmt::format("{:.6g}", v);
    for (char& ch : s) {
        if (ch == '.') ch = ',';
    }
    return s;
}

// The highest constant a threshold tree can give (kUnknown when it gives none).
double highest(const engine::Program& p, std::uint32_t node) {
    if (node == kNone || node >= p.threshold_nodes.size()) return kUnknown;
    const engine::ThresholdNode& n = p.threshold_nodes[node];
    double best = kUnknown;
    const auto take = [&](std::uint32_t child) {
        const double v = highest(p, child);
        if (known(v) && (!known(best) || v > best)) best = v;
    };
    switch (n.kind) {
        case engine::ThresholdKind::constant: return n.value;
        case engine::ThresholdKind::by_region:
            for (std::uint32_t i = 0; i < kRegionCount; ++i) take(p.region_children[n.first + i]);
            break;
        case engine::ThresholdKind::by_category:
            for (std::uint32_t i = 0; i < n.count; ++i) take(p.category_children[n.first + i]);
            break;
        case engine::ThresholdKind::by_year:
            for (std::uint32_t i = 0; i < n.count; ++i) take(p.year_entries[n.first + i].node);
            break;
        case engine::ThresholdKind::cases:
            for (std::uint32_t i = 0; i < n.count; ++i) take(p.case_entries[n.first + i].node);
            break;
    }
    return best;
}

}  // namespace

bool Builder::scale_ok(const Column& c, double v, std::string_view written, std::uint32_t line) {
    if (!in_trieu_dong(c) || v < kMostTrieuDong) return true;
    problem("D0210", ProblemKind::value, line, field_of(c),
            text::say("D0210", shown_number(v, written), c.unit_symbol, with_comma(v / 1e6)));
    return false;
}

void Builder::find_lower_thresholds(const engine::Program& program) {
    const auto note = [&](EntityKind kind, std::uint32_t slot, double least) {
        const auto& columns = schema_.columns[kind_index(kind)];
        if (slot >= columns.size() || !known(least) || least < kLeastPercent) return;
        const Column* c = &columns[slot];
        if (!c->percent) return;
        double& have = least_percent_[c];
        have = std::max(have, least);
    };
    // Indicators that read an input: `require >= 90%`, `require in 80% .. 100%`.
    for (const engine::IndicatorDef& ind : program.indicators) {
        if (ind.slot == kNone || ind.set >= program.sets.size()) continue;
        for (std::uint32_t r = 0; r < ind.requirement_count; ++r) {
            const engine::Requirement& req = program.requirements[ind.first_requirement + r];
            if (req.cmp == dsl::Cmp::ge || req.cmp == dsl::Cmp::gt || req.cmp == dsl::Cmp::in_range) {
                note(program.sets[ind.set].kind, ind.slot, highest(program, req.low));
            }
        }
    }
    // Gates that compare an input with a constant: `hai_long >= 90%` (or `90% <= hai_long`).
    using engine::OpCode;
    for (const engine::LevelDef& level : program.levels) {
        for (const engine::GateDef& gate : level.gates) {
            for (const engine::ExprRef& e : gate.condition) {
                if (!e.valid()) continue;
                for (std::uint32_t i = e.begin; i + 2 < e.end && i + 2 < program.code.size(); ++i) {
                    const engine::Instr& a = program.code[i];
                    const engine::Instr& b = program.code[i + 1];
                    const OpCode op = program.code[i + 2].op;
                    if (a.op == OpCode::push_slot && b.op == OpCode::push_const &&
                        (op == OpCode::ge || op == OpCode::gt)) {
                        note(level.kind, a.a, b.k);
                    } else if (a.op == OpCode::push_const && b.op == OpCode::push_slot &&
                               (op == OpCode::le || op == OpCode::lt)) {
                        note(level.kind, b.a, a.k);
                    }
                }
            }
        }
    }
}

void Builder::fraction_hint(const Column& c, double v, std::string_view written, std::uint32_t line) {
    if (!c.percent || v <= 0 || v > 1 || least_percent_.empty()) return;
    const auto it = least_percent_.find(&c);
    if (it == least_percent_.end()) return;
    problem("D0211", ProblemKind::warning, line, field_of(c),
            text::say("D0211", shown_number(v, written), with_comma(v * 100), with_comma(it->second)));
}

void Builder::hint_yes_no_columns() {
    // A column never counted has no cells: below kLeastNumbers, as one absent.
    for (std::uint32_t c = 0; c < columns_.size() && c < yes_no_cells_.size(); ++c) {
        const YesNoCells& cells = yes_no_cells_[c];
        if (cells.numbers < kLeastNumbers || 2 * cells.numbers <= cells.cells) continue;
        problem("D0212", ProblemKind::warning, cells.first_number_line, columns_[c].name,
                text::say("D0212", cells.numbers, cells.cells));
    }
}

}  // namespace ntm::data
