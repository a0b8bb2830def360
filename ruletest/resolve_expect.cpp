// Checks the expectations of a test against the rules.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "ruletest/resolve_names.hpp"

namespace ntm::ruletest {

namespace {

std::optional<Status> status_of(std::string_view w) {
    if (w == "met") return Status::met;
    if (w == "not_met") return Status::not_met;
    if (w == "unknown") return Status::unknown;
    if (w == "not_applicable") return Status::not_applicable;
    return std::nullopt;
}

Verdict verdict_of(std::string_view w) {
    return w == "revoke" ? Verdict::revoke : w == "may_revoke" ? Verdict::may_revoke : w == "keep" ? Verdict::keep
                                                                                                    : Verdict::not_applicable;
}

// Whether the code names an indicator (criterion) of a set the level may be judged by in
// one of the test's years.
bool code_known(const Names& n, const ResolvedExpect& r, const Expectation& e, const TestCase& tc) {
    const bool criterion = e.kind == ExpectKind::criterion;
    std::vector<std::string> codes;
    std::vector<std::string> sets;
    for (int y = tc.year_from; y <= tc.year_to; ++y) {
        for (const std::uint32_t s : sets_of_level(n.p, r.level, y)) {
            const engine::SetDef& sd = n.p.sets[s];
            if (std::find(sets.begin(), sets.end(), sd.name) == sets.end()) sets.push_back(sd.name);
            const std::uint32_t first = criterion ? sd.first_criterion : sd.first_indicator;
            const std::uint32_t count = criterion ? sd.criterion_count : sd.indicator_count;
            for (std::uint32_t i = first; i < first + count; ++i) {
                const std::string& code = criterion ? n.p.criteria[i].code : n.p.indicators[i].code;
                if (code != r.code) {
                    codes.push_back(code);
                    continue;
                }
                if (e.kind == ExpectKind::threshold && n.p.indicators[i].boolean) {
                    n.fail("T0205", e.subject.span, text::say("T0205", r.code));
                    return false;
                }
                return true;
            }
        }
    }
    if (sets.empty()) {
        n.fail("T0301", e.span, text::say("T0301.level", n.p.levels[r.level].name));
        return false;
    }
    n.suggest(n.fail("T0105", e.subject.span, text::say("T0105", text::say(criterion ? "T0105.criterion" : "T0105.indicator"), shown(e.subject), fmt::format("{}", fmt::join(sets, ", ")))),
            e.subject, codes);
    return false;
}

}  // namespace

void resolve_expectation(const Names& n, const Expectation& e, const TestCase& tc, ResolvedTest& out) {
    ResolvedExpect r;
    r.source = &e;
    r.kind = e.kind;
    r.number = e.number;
    if (const auto s = status_of(e.verdict.text)) r.status = *s;
    r.verdict = verdict_of(e.verdict.text);
    switch (e.kind) {
        case ExpectKind::indicator:
        case ExpectKind::criterion:
        case ExpectKind::threshold: {
            const auto& order = n.p.level_order[engine::kind_index(n.kind)];
            r.level = e.in_level.empty() ? (order.empty() ? kNone : order.front()) : n.level(e.in_level);
            if (r.level == kNone) return;
            r.code = e.subject.text;
            if (!code_known(n, r, e, tc)) return;
            break;
        }
        case ExpectKind::criteria_met:
            if (e.number < 0 || e.number != std::floor(e.number))
                return void(n.fail("T0206", e.number_span, text::say("T0206")));
            break;
        case ExpectKind::level:
            if (e.subject.text != "none" && (r.level = n.level(e.subject)) == kNone) return;
            break;
        case ExpectKind::level_status:
            if ((r.level = n.level(e.subject)) == kNone) return;
            break;
        case ExpectKind::gate: {
            if ((r.level = n.level(e.subject)) == kNone) return;
            std::vector<std::string> names;
            const auto& gates = n.p.levels[r.level].gates;
            for (std::uint32_t g = 0; g < gates.size(); ++g) {
                if (gates[g].name == e.second.text) r.gate = g;
                names.push_back(gates[g].name);
            }
            if (r.gate == kNone)
                return n.suggest(n.fail("T0107", e.second.span, text::say("T0107", e.subject.text, shown(e.second))), e.second, names);
            break;
        }
        case ExpectKind::revocation: {
            std::vector<std::string> names;
            for (std::uint32_t v = 0; v < n.p.revocations.size(); ++v) {
                if (n.p.revocations[v].kind != n.kind) continue;
                if (n.p.revocations[v].name == e.subject.text) r.revocation = v;
                names.push_back(n.p.revocations[v].name);
            }
            if (r.revocation == kNone)
                return n.suggest(n.fail("T0108", e.subject.span, text::say("T0108", shown(e.subject), n.kind_name())), e.subject, names);
            if (e.second.empty()) break;
            names.clear();
            const auto& branches = n.p.revocations[r.revocation].branches;
            for (std::uint32_t b = 0; b < branches.size(); ++b) {
                if (branches[b].name == e.second.text) r.branch = b;
                names.push_back(branches[b].name);
            }
            if (r.branch == kNone)
                return n.suggest(n.fail("T0108", e.second.span, text::say("T0108.branch", e.subject.text, shown(e.second))), e.second, names);
            if (r.verdict != Verdict::revoke)
                return void(n.fail("T0108", e.second.span, text::say("T0108.branch_revoke")));
            break;
        }
        case ExpectKind::category: {
            for (std::uint32_t c = 0; c < n.p.categories.size(); ++c) {
                if (n.p.categories[c].kind == n.kind && n.p.categories[c].name == e.subject.text) r.category = c;
            }
            if (r.category == kNone) {
                std::vector<std::string> names;
                for (const engine::CategoryDef& c : n.p.categories) names.push_back(c.name);
                return n.suggest(n.fail("T0109", e.subject.span, text::say("T0109", shown(e.subject), n.kind_name())), e.subject, names);
            }
            // `none`: the data do not decide the category.
            if (e.second.text != "none" && (r.member = n.member(r.category, e.second)) == kNone) return;
            break;
        }
    }
    out.expectations.push_back(std::move(r));
}

std::vector<std::uint32_t> sets_of_level(const Program& p, std::uint32_t level, int year) {
    std::vector<std::uint32_t> out;
    const engine::LevelDef& l = p.levels[level];
    for (std::uint32_t s = 0; s < p.sets.size(); ++s) {
        const engine::SetDef& sd = p.sets[s];
        if (sd.valid_from > year || year > sd.valid_to) continue;
        for (const std::uint32_t m : l.meets) {
            if (s == m || (!sd.locality.empty() && p.extends(s, m))) {
                out.push_back(s);
                break;
            }
        }
    }
    return out;
}

}  // namespace ntm::ruletest
