// Checks the words of each test against the rules and turns them into indices.
#include "ruletest/resolve.hpp"
#include "ruletest/resolve_names.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "engine/cells.hpp"
#include "text/suggest.hpp"
#include "text/utf8.hpp"

namespace ntm::ruletest {

dsl::Diagnostic& Names::fail(const char* code, Span at, text::Message message) const {
    return diags.error(code, at, std::move(message));
}

void Names::suggest(dsl::Diagnostic& d, const Word& w, const std::vector<std::string>& candidates) const {
    if (const auto near = text::closest_match(w.text, candidates)) d.help = text::say("help.did_you_mean", *near);
}

std::string Names::kind_name() const { return std::string(dsl::name_of(kind)); }

std::string shown(const Word& w) { return text::printable(w.text); }

std::uint32_t Names::level(const Word& w) const {
    std::vector<std::string> names;
    for (const std::uint32_t l : p.level_order[engine::kind_index(kind)]) {
        if (p.levels[l].name == w.text) return l;
        names.push_back(p.levels[l].name);
    }
    suggest(fail("T0104", w.span, text::say("T0104", shown(w), kind_name())), w, names);
    return kNone;
}

std::uint32_t Names::member(std::uint32_t c, const Word& w) const {
    std::vector<std::string> names;
    for (std::uint32_t m = 0; m < p.categories[c].members.size(); ++m) {
        if (p.categories[c].members[m].name == w.text) return m;
        names.push_back(p.categories[c].members[m].name);
    }
    suggest(fail("T0109", w.span, text::say("T0109.member", p.categories[c].name, shown(w), fmt::format("{}", fmt::join(names, ", ")))),
            w, names);
    return kNone;
}

namespace {

// Whether a threshold of set `s` is by region: then a test judged by it must name a region.
bool regional(const Program& p, const engine::SetDef& s) {
    for (std::uint32_t i = s.first_indicator; i < s.first_indicator + s.indicator_count; ++i) {
        const engine::IndicatorDef& d = p.indicators[i];
        for (std::uint32_t r = d.first_requirement; r < d.first_requirement + d.requirement_count; ++r) {
            for (const std::uint32_t root : {p.requirements[r].low, p.requirements[r].high}) {
                for (const engine::ThresholdCell& c : engine::threshold_cells(p, root)) {
                    if (c.choice(engine::ThresholdKind::by_region) != nullptr) return true;
                }
            }
        }
    }
    return false;
}

class Resolver {
public:
    Resolver(const Program& p, const gen::EdgeValues& edge, dsl::Diagnostics& diags) : p_(p), edge_(edge), diags_(diags) {}

    std::optional<ResolvedTest> test(const TestCase& tc) {
        const std::size_t errors = diags_.error_count();
        ResolvedTest out;
        out.source = &tc;
        if (!tc.kind.empty()) {
            if (const auto k = dsl::entity_kind(tc.kind.text)) out.kind = *k;
            else fail("T0101", tc.kind.span, text::say("T0101", shown(tc.kind)));
        }
        if (diags_.error_count() != errors || tc.year_from == 0) return std::nullopt;
        kind_ = names_.kind = out.kind;
        runs(tc, out);
        for (const Given& g : tc.given) given(g, tc, out);
        out.edge = tc.others == Others::pass ? gen::Edge::pass : tc.others == Others::fail ? gen::Edge::fail : gen::Edge::none;
        if (!tc.others_level.empty()) {
            const std::uint32_t l = level(tc.others_level);
            if (l != kNone) out.pass_up_to = p_.levels[l].ordinal;
        }
        locality(tc, out);
        for (const RecognisedLine& r : tc.recognised) {
            const std::uint32_t l = level(r.level);
            if (l != kNone) out.recognised.push_back({p_.levels[l].name, r.year});
        }
        for (const Expectation& e : tc.expectations) resolve_expectation(names_, e, tc, out);
        if (diags_.error_count() != errors) return std::nullopt;
        return out;
    }

private:
    const Program& p_;
    const gen::EdgeValues& edge_;
    dsl::Diagnostics& diags_;
    EntityKind kind_ = EntityKind::xa;
    Names names_{p_, diags_};

    dsl::Diagnostic& fail(const char* code, Span at, text::Message message) { return names_.fail(code, at, std::move(message)); }
    void suggest(dsl::Diagnostic& d, const Word& w, const std::vector<std::string>& candidates) { names_.suggest(d, w, candidates); }
    std::string kind_name() const { return names_.kind_name(); }
    std::uint32_t level(const Word& w) { return names_.level(w); }
    std::uint32_t member(std::uint32_t c, const Word& w) { return names_.member(c, w); }

    // The years, regions and category members the test runs in.
    void runs(const TestCase& tc, ResolvedTest& out) {
        std::vector<int> years;
        for (int y = tc.year_from; y <= tc.year_to && years.size() <= kMaxRuns; ++y) years.push_back(y);
        bool regions_needed = false;
        std::string regional_set;
        for (const int y : years) {
            bool any = false;
            for (const std::uint32_t l : p_.level_order[engine::kind_index(kind_)]) any = any || p_.level_in_force(p_.levels[l], y);
            if (!any) {
                fail("T0301", tc.year_span, text::say("T0301", kind_name(), y));
                return;
            }
            for (const engine::SetDef& s : p_.sets) {
                if (s.kind == kind_ && s.valid_from <= y && y <= s.valid_to && !regions_needed && regional(p_, s)) {
                    regions_needed = true;
                    regional_set = s.name;
                }
            }
        }
        std::vector<std::optional<Region>> regions;
        if (tc.all_regions) {
            for (std::size_t r = 0; r < dsl::kRegionCount; ++r) regions.push_back(static_cast<Region>(r));
        }
        for (const Word& w : tc.regions) {
            if (const auto r = dsl::region(w.text)) {
                regions.push_back(*r);
                continue;
            }
            auto& d = fail("T0102", w.span, text::say("T0102", shown(w)));
            suggest(d, w, {dsl::kRegionNames.begin(), dsl::kRegionNames.end()});
            if (!d.help) d.help = text::say("T0102.help");
        }
        if (regions.empty()) {
            if (regions_needed && tc.regions.empty()) {
                fail("T0302", tc.name_span, text::say("T0302", regional_set))
                    .help = text::say("T0302.help");
            }
            regions.push_back(std::nullopt);
        }
        // Per category named: its members; the runs are every combination.
        std::vector<std::vector<std::uint32_t>> members(p_.categories.size());
        for (const CategoryLine& line : tc.categories) category_line(line, members);
        std::size_t total = years.size() * regions.size();
        for (const auto& m : members) total *= std::max<std::size_t>(1, m.size());
        if (total > kMaxRuns) {
            fail("T0304", tc.name_span, text::say("T0304", total, kMaxRuns));
            return;
        }
        for (const int y : years) {
            for (const auto& r : regions) {
                std::vector<std::uint32_t> at(p_.categories.size(), 0);
                while (true) {
                    TestRun run{y, r, std::vector<std::uint32_t>(p_.categories.size(), kNone)};
                    for (std::size_t c = 0; c < members.size(); ++c) {
                        if (!members[c].empty()) run.categories[c] = members[c][at[c]];
                    }
                    out.runs.push_back(std::move(run));
                    std::size_t c = members.size();
                    while (c > 0 && (members[c - 1].empty() || ++at[c - 1] == members[c - 1].size())) at[--c] = 0;
                    if (c == 0) break;
                }
            }
        }
    }

    void category_line(const CategoryLine& line, std::vector<std::vector<std::uint32_t>>& members) {
        std::vector<std::string> names;
        std::uint32_t c = kNone;
        for (std::uint32_t i = 0; i < p_.categories.size(); ++i) {
            if (p_.categories[i].kind != kind_) continue;
            names.push_back(p_.categories[i].name);
            if (p_.categories[i].name == line.category.text) c = i;
        }
        if (c == kNone) {
            suggest(fail("T0109", line.category.span, text::say("T0109", shown(line.category), kind_name())),
                    line.category, names);
            return;
        }
        if (!members[c].empty()) {
            fail("T0110", line.category.span, text::say("T0110.category", line.category.text));
            return;
        }
        const engine::CategoryDef& def = p_.categories[c];
        if (line.all) {
            for (std::uint32_t m = 0; m < def.members.size(); ++m) members[c].push_back(m);
        }
        for (const Word& w : line.members) {
            const std::uint32_t m = member(c, w);
            if (m != kNone) members[c].push_back(m);
        }
    }

    // The column `given CODE` means: the one the standard set's indicator of that code reads in
    // the test's years (`3.1` of QĐ 51/2025 reads thu_nhap), else the column of that name, else
    // that of an indicator of the code in any set of the kind.  An indicator computed from other
    // figures, or reading another column in another year, is an error (T0204).
    bool by_code(const Given& g, const TestCase& tc, const engine::Column*& col) {
        const auto& order = p_.level_order[engine::kind_index(kind_)];
        std::vector<std::uint32_t> found;
        for (int y = tc.year_from; y <= tc.year_to && !order.empty(); ++y) {
            for (const std::uint32_t s : sets_of_level(p_, order.front(), y)) {
                const engine::SetDef& sd = p_.sets[s];
                for (std::uint32_t i = sd.first_indicator; i < sd.first_indicator + sd.indicator_count; ++i) {
                    if (p_.indicators[i].code == g.column.text) found.push_back(i);
                }
            }
        }
        if (found.empty() && col != nullptr) return true;
        for (std::uint32_t i = 0; found.empty() && i < p_.indicators.size(); ++i) {
            if (p_.indicators[i].code == g.column.text && p_.sets[p_.indicators[i].set].kind == kind_) found.push_back(i);
        }
        col = nullptr;
        for (const std::uint32_t i : found) {
            const engine::IndicatorDef& d = p_.indicators[i];
            const std::uint32_t slot = edge_.column_of(i);
            if (slot == kNone) {
                fail("T0204", g.column.span, text::say("T0204", d.code, p_.sets[d.set].name, p_.where(d.span)));
                return false;
            }
            const engine::Column* read = &p_.schema.columns[engine::kind_index(kind_)][slot];
            if (col != nullptr && col != read) {
                fail("T0204", g.column.span, text::say("T0204.by_year", d.code, col->name, read->name));
                return false;
            }
            col = read;
        }
        return true;
    }

    void given(const Given& g, const TestCase& tc, ResolvedTest& out) {
        const engine::Column* col = p_.schema.find(kind_, g.column.text);
        if (!by_code(g, tc, col)) return;
        if (col == nullptr) {
            std::vector<std::string> names;
            for (const engine::Column& c : p_.schema.columns[engine::kind_index(kind_)]) names.push_back(c.name);
            suggest(fail("T0103", g.column.span, text::say("T0103", shown(g.column), kind_name())),
                    g.column, names);
            return;
        }
        if (col->derived) {
            fail("T0203", g.column.span, text::say("T0203", col->name));
            return;
        }
        for (const ResolvedGiven& before : out.given) {
            if (before.slot == col->slot) {
                fail("T0110", g.column.span, text::say("T0110", col->name));
                return;
            }
        }
        const bool boolean = col->type == engine::ValueType::boolean;
        ResolvedGiven r{col->slot, engine::kUnknown};
        if (g.kind == Given::Kind::missing) {
            out.given.push_back(r);
            return;
        }
        const bool yes_no = g.kind == Given::Kind::yes || g.kind == Given::Kind::no;
        if (boolean != yes_no) {
            fail("T0201", g.value_span, boolean ? text::say("T0201.yes_no", col->name)
                                                : text::say("T0201.number", col->name, col->unit_symbol.empty() ? col->unit : col->unit_symbol));
            return;
        }
        r.value = yes_no ? (g.kind == Given::Kind::yes ? 1 : 0) : g.number;
        if (g.percent_sign && !col->percent) {
            fail("T0201", g.value_span, text::say("T0201.percent", col->name));
            return;
        }
        if (col->percent && (r.value < 0 || r.value > 100)) {
            fail("T0202", g.value_span, text::say("T0202", g.number));
            return;
        }
        if (col->count && (r.value < 0 || r.value != std::floor(r.value))) {
            fail("T0202", g.value_span, text::say("T0202.count", col->name, r.value));
            return;
        }
        out.given.push_back(r);
    }

    void locality(const TestCase& tc, ResolvedTest& out) {
        if (tc.locality.empty()) return;
        const bool digits = std::all_of(tc.locality.begin(), tc.locality.end(), [](char c) { return c >= '0' && c <= '9'; });
        const bool district = tc.locality.size() == 3 && kind_ < EntityKind::huyen && tc.year_to < 2026;
        if (!digits || (tc.locality.size() != 2 && !district) || kind_ == EntityKind::tinh) {
            fail("T0305", tc.locality_span, text::say("T0305"));
            return;
        }
        out.locality = tc.locality;
        out.locality_kind = tc.locality.size() == 2 ? EntityKind::tinh : EntityKind::huyen;
    }

};

}  // namespace

std::vector<ResolvedTest> resolve(const Program& program, const gen::EdgeValues& edge, const TestFile& file,
                                  dsl::Diagnostics& diags) {
    Resolver r(program, edge, diags);
    std::vector<ResolvedTest> out;
    for (const TestCase& tc : file.tests) {
        if (auto t = r.test(tc)) out.push_back(std::move(*t));
    }
    return out;
}

}  // namespace ntm::ruletest
