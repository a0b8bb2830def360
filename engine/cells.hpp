// The cells of a threshold: every value a threshold tree can give, with the choices that lead to
// it — a region, a member of a category, a range of years, a `when` case — as a decision prints
// them in its table.  What the handbook prints (`ntm doc`), what `ntm diff` compares between two
// sets, and what rule-test coverage counts (`ntm test --coverage`: a cell is covered when a test
// judged a value against it on each side of the boundary).
#pragma once

#include <cstdint>
#include <vector>

#include "engine/program.hpp"

namespace ntm::engine {

// One step from a node to a child.  `index`: the region (by_region), the member of the node's
// category (by_category), the entry among the node's year entries (by_year, with its years in
// from..to), the case among its `when` cases (cases; the last may be `else`).
struct CellChoice {
    ThresholdKind kind = ThresholdKind::constant;
    std::uint32_t index = 0;
    std::uint32_t entry = kNone;  // by_year: Program::year_entries index; cases: Program::case_entries index
    int from = 0, to = 0;         // by_year
    std::uint32_t node = kNone;   // the node the choice is made at (Program::threshold_nodes)
    bool operator==(const CellChoice& o) const { return kind == o.kind && index == o.index; }
};

struct ThresholdCell {
    std::vector<CellChoice> path;  // from the root down; empty for a constant
    std::uint32_t leaf = kNone;    // the constant node (Program::threshold_nodes)
    double value = kUnknown;
    std::uint32_t unconfirmed = kNone;  // the innermost mark on the way (Program::reasons index)

    // The choice of `kind` on the way, or null: the region of a cell, its years.
    const CellChoice* choice(ThresholdKind kind) const;
};

// Every cell of threshold tree `root`, depth first in the order written (regions in their
// official order).  A region or member without an entry gives no cell.  Empty for kNone.
std::vector<ThresholdCell> threshold_cells(const Program& program, std::uint32_t root);

// What chose the cell for one judgement: the region whose thresholds applied, the year, the
// members of the categories (one per Program::categories, kNone: undecided), and the `when`
// case taken (Program::case_entries index, kNone: none).
struct CellQuery {
    Region region = Region::TDMNPB;
    int year = 0;
    const std::uint32_t* categories = nullptr;
    std::uint32_t taken_case = kNone;
};

// The index in `cells` (threshold_cells(program, root)) of the cell `q` reaches, or kNone when
// no entry applies or a choice on the way is not decided.
std::uint32_t cell_reached(const Program& program, std::uint32_t root, const std::vector<ThresholdCell>& cells,
                           const CellQuery& q);

}  // namespace ntm::engine
