// The coverage of each set: counts, then what no test exercised and what only one side of.
#include <fmt/format.h>

#include <cmath>

#include "report/words.hpp"
#include "ruletest/output.hpp"
#include "ruletest/words.hpp"

namespace ntm::ruletest {

namespace {

using report::Lang;

// Where a cell lies: ", vùng DBSH, năm 2023, khi so_truong > 3" — the choices on its path,
// read from the tree as written.
std::string cell_path(const Program& p, const CellItem& item) {
    const engine::Requirement& req = p.requirements[item.requirement];
    std::uint32_t node = item.high ? req.high : req.low;
    std::string out;
    for (const engine::CellChoice& c : item.cell.path) {
        const engine::ThresholdNode& n = p.threshold_nodes[node];
        switch (c.kind) {
            case engine::ThresholdKind::by_region:
                out += ", " + fmt::format(words::kRegion, dsl::kRegionNames[c.index]);
                node = p.region_children[n.first + c.index];
                break;
            case engine::ThresholdKind::by_category:
                out += ", " + fmt::format(words::kMember, p.categories[n.category].name, p.categories[n.category].members[c.index].name);
                node = p.category_children[n.first + c.index];
                break;
            case engine::ThresholdKind::by_year:
                out += ", " + fmt::format(words::kYear, c.from == c.to ? fmt::format("{}", c.from) : fmt::format("{}–{}", c.from, c.to));
                node = p.year_entries[n.first + c.index].node;
                break;
            case engine::ThresholdKind::cases: {
                const engine::CaseEntry& ce = p.case_entries[n.first + c.index];
                out += ", ";
                out += ce.when.valid() && p.sources != nullptr ? fmt::format(words::kWhen, p.sources->text(ce.span)) : words::kOtherwise;
                node = ce.node;
                break;
            }
            case engine::ThresholdKind::constant: break;
        }
    }
    if (item.high) out += fmt::format(", {}", words::kUpper);
    return out;
}

std::string cell_text(const Program& p, const CellItem& item) {
    const engine::IndicatorDef& d = p.indicators[item.indicator];
    if (item.yes_no) return fmt::format(words::kYesNoItem, d.code);
    const std::string threshold = fmt::format("{} {}", report::cmp_sign(item.high ? dsl::Cmp::le : p.requirements[item.requirement].cmp),
                                              report::with_unit(Lang::vi, item.cell.value, d.unit_symbol));
    return fmt::format(words::kCellItem, d.code, cell_path(p, item), threshold);
}

std::string level_item_text(const Program& p, const LevelItem& item) {
    const engine::LevelDef& l = p.levels[item.level];
    switch (item.what) {
        case LevelItem::What::criteria: return fmt::format(words::kCriteriaItem, l.name);
        case LevelItem::What::prerequisite: return fmt::format(words::kPrerequisiteItem, l.name);
        case LevelItem::What::gate: break;
    }
    return fmt::format(words::kGateItem, l.name, l.gates[item.gate].name);
}

std::string branch_text(const Program& p, const BranchItem& item) {
    const engine::RevocationDef& r = p.revocations[item.revocation];
    return fmt::format(words::kBranchItem, r.name, r.branches[item.branch].name);
}

struct Lists {
    std::vector<std::string> none, half;
    void add(const Sides& s, const std::string& item, const char* only_met, const char* only_not_met) {
        if (s.both()) return;
        if (!s.any()) none.push_back(item);
        else half.push_back(fmt::format(fmt::runtime(s.met ? only_met : only_not_met), item));
    }
};

std::string count_line(const char* what, const Counts& c, bool md) {
    std::string line = fmt::format("{}: {}", what, fmt::format(words::kCount, c.both, c.total, share_text(c)));
    if (c.one > 0) line += fmt::format(words::kOneSide, c.one);
    return (md ? "- " : "  ") + line + "\n";
}

}  // namespace

double share_floor(const Counts& c) {
    return c.total == 0 ? 100.0 : std::floor(1000.0 * static_cast<double>(c.both) / static_cast<double>(c.total)) / 10.0;
}

std::string share_text(const Counts& c) { return report::num(Lang::vi, share_floor(c)) + " %"; }

std::string render_coverage(const Program& p, const std::vector<SetCoverage>& sets, Format format) {
    const bool md = format == Format::markdown;
    std::string out = md ? fmt::format("## {}\n\n", words::kCoverageHead) : fmt::format("\n{}\n", words::kCoverageHead);
    for (const SetCoverage& s : sets) {
        const engine::SetDef& sd = p.sets[s.set];
        const std::string head = fmt::format(words::kSetHead, sd.name, sd.title);
        out += md ? fmt::format("### {}\n\n", head) : fmt::format("\n{}\n", head);
        if (s.judgements == 0) out += fmt::format("{}{}\n", md ? "" : "  ", words::kNotTested);
        out += count_line(words::kIndicators, count(s.indicators), md);
        out += count_line(words::kCells, count(s.cells), md);
        if (!s.levels.empty()) out += count_line(words::kLevels, count(s.levels), md);
        if (!s.branches.empty()) out += count_line(words::kBranches, count(s.branches), md);
        Lists lists;
        for (const auto& [gi, sides] : s.indicators)
            lists.add(sides, fmt::format(words::kIndicatorItem, p.indicators[gi].code), words::kOnlyMet, words::kOnlyNotMet);
        for (const CellItem& c : s.cells) lists.add(c.sides, cell_text(p, c), words::kOnlyMet, words::kOnlyNotMet);
        for (const LevelItem& l : s.levels) lists.add(l.sides, level_item_text(p, l), words::kOnlyMet, words::kOnlyNotMet);
        for (const BranchItem& b : s.branches) lists.add(b.sides, branch_text(p, b), words::kOnlyRevoked, words::kOnlyKept);
        for (const auto& [title, items] : {std::pair{words::kUncovered, &lists.none}, std::pair{words::kHalf, &lists.half}}) {
            if (items->empty()) continue;
            out += md ? fmt::format("\n{}\n\n", title) : fmt::format("  {}\n", title);
            for (const std::string& i : *items) out += fmt::format("{}{}\n", md ? "- " : "    - ", i);
        }
        if (md) out += "\n";
    }
    return out;
}

std::vector<text::Message> below_minimum(const Program& p, const std::vector<SetCoverage>& sets, double minimum) {
    std::vector<text::Message> out;
    for (const SetCoverage& s : sets) {
        const Counts c = count(s.cells);
        if (c.percent() < minimum - 1e-9)
            out.push_back(text::say("T0401", p.sets[s.set].name, share_text(c), report::num(Lang::vi, minimum) + " %"));
    }
    return out;
}

}  // namespace ntm::ruletest
