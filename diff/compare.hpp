// Internal to diff/: what the comparison of two rule trees shares (structure.cpp: sets,
// criteria, indicators; structure_decls.cpp: levels, gates, revocation rules, categories,
// assignments, targets).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "diff/diff.hpp"

namespace ntm::diff {

using engine::CriterionDef;
using engine::IndicatorDef;
using engine::Program;
using engine::SetDef;

// The rule text of a span; "rules/x.ntm:12"; "2021-2025" (empty: every year); the reason of an
// `unconfirmed` mark (empty: none).
std::string text_at(const Program& p, dsl::Span span);
std::string where(const Program& p, dsl::Span span);
std::string years(int from, int to);
std::string reason(const Program& p, std::uint32_t mark);
// Who is in charge of an item, as one line: "Sở Giao thông vận tải (49; 2021-2024); Sở Xây dựng
// (49, 48, 38; 2025-2030)" — the localities of one body in the same years together.
std::string bodies_text(const Program& p, const std::vector<engine::BodyInCharge>& bodies);
Change make(What what, How how, std::string scope, std::string code, std::string old_title, std::string new_title);

// Compares program `a` (old) with `b` (new), appending to `out`.
struct Comparer {
    const Program& a;
    const Program& b;
    std::vector<Change>& out;

    // Adds "name: o → n" to `c` when the two differ; `key` names the field in JSON.
    void field(Change& c, const char* key, const char* name, const std::string& o, const std::string& n);
    // Keeps `c` when something in it changed (or it is no mere `changed`).
    void push_if_changed(Change&& c);

    // Sets, criteria and indicators (structure.cpp).
    std::string set_name(const Program& p, std::uint32_t s) const { return s == kNone ? std::string() : p.sets[s].name; }

    void sets(const SetDef& o, const SetDef& n);
    void criteria(const SetDef& os, const SetDef& ns);
    static std::string combine_text(const CriterionDef& c);
    void indicators(const SetDef& os, const SetDef& ns);
    // A requirement only one side has, as printed.
    static ThresholdDiff one_side(const Program& p, const SetDef& s, const IndicatorDef& d, std::uint32_t r, bool old);
    static std::string requirement_text(const Program& p, const SetDef& s, const IndicatorDef& d, const engine::Requirement& req);
    Change indicator_change(const SetDef& os, const SetDef& ns, const IndicatorDef& o, const IndicatorDef& n);

    template <class T, class F>
    void by_name(const std::vector<T>& olds, const std::vector<T>& news, What what, const std::string& scope, F&& both) {
        for (const T& n : news) {
            const auto it = std::find_if(olds.begin(), olds.end(), [&](const T& o) { return o.name == n.name; });
            if (it == olds.end()) {
                Change c = make(what, How::added, scope, n.name, {}, n.title);
                c.new_rule = where(b, n.span);
                out.push_back(std::move(c));
                continue;
            }
            both(*it, n);
        }
        for (const T& o : olds) {
            if (std::none_of(news.begin(), news.end(), [&](const T& n) { return n.name == o.name; })) {
                Change c = make(what, How::removed, scope, o.name, o.title, {});
                c.old_rule = where(a, o.span);
                out.push_back(std::move(c));
            }
        }
    }

    // The rest (structure_decls.cpp).
    void levels();
    void revocations();
    void categories();
    void assignments();
    void targets();
};

}  // namespace ntm::diff
