#include "engine/cells.hpp"

namespace ntm::engine {

const CellChoice* ThresholdCell::choice(ThresholdKind kind) const {
    for (const CellChoice& c : path) {
        if (c.kind == kind) return &c;
    }
    return nullptr;
}

namespace {

struct Walker {
    const Program& p;
    std::vector<ThresholdCell>& out;
    std::vector<CellChoice> path;

    void walk(std::uint32_t node, std::uint32_t mark) {
        if (node == kNone) return;
        const ThresholdNode& n = p.threshold_nodes[node];
        if (n.unconfirmed != kNone) mark = n.unconfirmed;
        switch (n.kind) {
            case ThresholdKind::constant: out.push_back({path, node, n.value, mark}); return;
            case ThresholdKind::by_region:
                for (std::uint32_t i = 0; i < n.count; ++i) descend({n.kind, i, kNone, 0, 0, node}, p.region_children[n.first + i], mark);
                return;
            case ThresholdKind::by_category:
                for (std::uint32_t i = 0; i < n.count; ++i) descend({n.kind, i, kNone, 0, 0, node}, p.category_children[n.first + i], mark);
                return;
            case ThresholdKind::by_year:
                for (std::uint32_t i = 0; i < n.count; ++i) {
                    const YearEntry& y = p.year_entries[n.first + i];
                    descend({n.kind, i, n.first + i, y.from, y.to, node}, y.node, mark);
                }
                return;
            case ThresholdKind::cases:
                for (std::uint32_t i = 0; i < n.count; ++i) {
                    descend({n.kind, i, n.first + i, 0, 0, node}, p.case_entries[n.first + i].node, mark);
                }
                return;
        }
    }

    void descend(CellChoice c, std::uint32_t child, std::uint32_t mark) {
        if (child == kNone) return;
        path.push_back(c);
        walk(child, mark);
        path.pop_back();
    }
};

// Whether the tree under `node` holds `when` case `entry` (Program::case_entries).
bool holds_case(const Program& p, std::uint32_t node, std::uint32_t entry) {
    if (node == kNone || entry == kNone) return false;
    const ThresholdNode& n = p.threshold_nodes[node];
    auto any_child = [&](const std::vector<std::uint32_t>& children) {
        for (std::uint32_t i = 0; i < n.count; ++i) {
            if (holds_case(p, children[n.first + i], entry)) return true;
        }
        return false;
    };
    switch (n.kind) {
        case ThresholdKind::constant: return false;
        case ThresholdKind::by_region: return any_child(p.region_children);
        case ThresholdKind::by_category: return any_child(p.category_children);
        case ThresholdKind::by_year:
            for (std::uint32_t i = 0; i < n.count; ++i) {
                if (holds_case(p, p.year_entries[n.first + i].node, entry)) return true;
            }
            return false;
        case ThresholdKind::cases:
            for (std::uint32_t i = 0; i < n.count; ++i) {
                if (n.first + i == entry || holds_case(p, p.case_entries[n.first + i].node, entry)) return true;
            }
            return false;
    }
    return false;
}

}  // namespace

std::vector<ThresholdCell> threshold_cells(const Program& program, std::uint32_t root) {
    std::vector<ThresholdCell> out;
    Walker{program, out, {}}.walk(root, kNone);
    return out;
}

std::uint32_t cell_reached(const Program& program, std::uint32_t root, const std::vector<ThresholdCell>& cells,
                           const CellQuery& q) {
    std::vector<CellChoice> path;
    std::uint32_t node = root;
    while (node != kNone) {
        const ThresholdNode& n = program.threshold_nodes[node];
        std::uint32_t next = kNone;
        switch (n.kind) {
            case ThresholdKind::constant: {
                for (std::uint32_t i = 0; i < cells.size(); ++i) {
                    if (cells[i].path == path) return i;
                }
                return kNone;
            }
            case ThresholdKind::by_region:
                path.push_back({n.kind, static_cast<std::uint32_t>(region_index(q.region))});
                next = program.region_children[n.first + region_index(q.region)];
                break;
            case ThresholdKind::by_category: {
                const std::uint32_t m = q.categories != nullptr ? q.categories[n.category] : kNone;
                if (m == kNone || m >= n.count) return kNone;
                path.push_back({n.kind, m});
                next = program.category_children[n.first + m];
                break;
            }
            case ThresholdKind::by_year:
                for (std::uint32_t i = 0; i < n.count; ++i) {
                    const YearEntry& y = program.year_entries[n.first + i];
                    if (y.from <= q.year && q.year <= y.to) {
                        path.push_back({n.kind, i});
                        next = y.node;
                        break;
                    }
                }
                break;
            case ThresholdKind::cases: {
                // The case taken is the innermost one the walk chose: a case of this node, or one
                // within the subtree of the case of this node that was taken.
                std::uint32_t i = kNone;
                for (std::uint32_t k = 0; k < n.count && i == kNone; ++k) {
                    if (n.first + k == q.taken_case || holds_case(program, program.case_entries[n.first + k].node, q.taken_case))
                        i = k;
                }
                if (i == kNone) return kNone;
                path.push_back({n.kind, i});
                next = program.case_entries[n.first + i].node;
                break;
            }
        }
        node = next;
    }
    return kNone;
}

}  // namespace ntm::engine
