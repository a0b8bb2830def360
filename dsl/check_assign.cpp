// Pass: assignments (who is in charge of which criteria and localities) and targets.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "dsl/check_pass.hpp"

namespace ntm::dsl::check_detail {
namespace {

class Assignments {
  public:
    Assignments(Context& cx, AssignmentsInfo& info) : cx_(cx), info_(info), d_(*info.decl) {}

    void run() {
        if (d_.locality && d_.locality->value.empty()) {
            cx_.diags.error("E0609", d_.locality->span,
                            say("E0609", d_.name.text))
                .help = say("help.locality_code");
        }
        if (d_.valid) check_year_range(cx_, *d_.valid);
        resolve_sets();
        for (const Assignment& a : d_.assignments) assignment(a);
    }

  private:
    void resolve_sets() {
        for (const Name& n : d_.sets) {
            auto it = cx_.out.set_index.find(n.text);
            if (it == cx_.out.set_index.end()) {
                unknown_name(cx_, "E0105", n, keys_of(cx_.out.set_index));
                unresolved_ = true;
                continue;
            }
            info_.sets.push_back(it->second);
            if (!info_.kind) info_.kind = cx_.out.sets[it->second].kind;
        }
        const bool names_codes =
            std::any_of(d_.assignments.begin(), d_.assignments.end(),
                        [](const Assignment& a) { return a.target != AssignTarget::locality; });
        if (names_codes && d_.sets.empty()) {
            cx_.diags.error("E0606", d_.name.span, say("E0606", d_.name.text));
        }
    }

    void assignment(const Assignment& a) {
        info_.to.push_back(responsible(a));
        switch (a.target) {
            case AssignTarget::criterion:
            case AssignTarget::indicator:
                for (const Code& c : a.codes) code(a.target, c);
                break;
            case AssignTarget::locality:
                for (const Text& t : a.localities) {
                    once("locality \"" + t.value + "\"", say("E0603.locality", t.value), t.span);
                }
                if (a.where) {
                    const Scope scope{info_.kind, info_.sets, nullptr};
                    expect_condition(cx_, *a.where, scope, Message::same("'locality where'"));
                }
                break;
        }
    }

    // Bodies take criteria and indicators, members take localities.  A mismatch is a warning,
    // not an error: the report can still name whoever is given, but the decisions assign
    // sectors to agencies and areas to people, so it is most likely the wrong name.
    const ResponsibleDecl* responsible(const Assignment& a) {
        auto it = cx_.out.responsibles.find(a.to.text);
        if (it == cx_.out.responsibles.end()) {
            unknown_name(cx_, "E0107", a.to, keys_of(cx_.out.responsibles));
            return nullptr;
        }
        const ResponsibleDecl* r = it->second;
        const bool locality = a.target == AssignTarget::locality;
        if (!locality && r->kind == ResponsibleKind::member) {
            Diagnostic& d = cx_.diags.warning(
                "W0601", a.to.span,
                say(a.target == AssignTarget::criterion ? "W0601" : "W0601.indicator", a.to.text));
            d.notes.push_back({r->name.span, say("note.member_declared")});
        } else if (locality && r->kind == ResponsibleKind::body) {
            Diagnostic& d = cx_.diags.warning(
                "W0602", a.to.span,
                say("W0602", a.to.text));
            d.notes.push_back({r->name.span, say("note.body_declared")});
        }
        return r;
    }

    void code(AssignTarget target, const Code& c) {
        const bool crit = target == AssignTarget::criterion;
        const char* what = crit ? "criterion" : "indicator";
        once(fmt::format("{} {}", what, c.text), say(crit ? "E0603.criterion" : "E0603.indicator", c.text), c.span);
        if (unresolved_ || info_.sets.empty()) return;
        std::vector<std::string> codes;
        for (std::size_t s : info_.sets) {
            const SetInfo& set = cx_.out.sets[s];
            if (crit ? set.criterion(c.text) != nullptr : set.indicator(c.text) != nullptr) return;
            for (const auto& ec : set.criteria) {
                if (crit) codes.push_back(ec.code);
                for (const auto& ind : ec.indicators) {
                    if (!crit) codes.push_back(ind.code);
                }
            }
        }
        std::vector<std::string> names;
        for (std::size_t s : info_.sets) names.push_back(set_name(cx_, s));
        Diagnostic& d =
            cx_.diags.error(crit ? "E0601" : "E0602", c.span,
                            say(std::string(crit ? "E0601" : "E0602") + (names.size() == 1 ? "" : ".sets"), c.text,
                                quoted_list(names)));
        d.help = code_help(c.text, codes);
    }

    void once(const std::string& key, const Message& what, Span at) {
        auto [it, fresh] = assigned_.try_emplace(key, at);
        if (fresh) return;
        Diagnostic& d = cx_.diags.error("E0603", at, what);
        d.notes.push_back({it->second, say("note.first_assigned")});
    }

    Context& cx_;
    AssignmentsInfo& info_;
    const AssignmentsDecl& d_;
    bool unresolved_ = false;
    std::map<std::string, Span> assigned_;
};

// No locality has a million units; a larger count is a mistake (and would not fit the counts
// the engine keeps).
constexpr long kMaxTargetCount = 1'000'000;

void target(Context& cx, TargetInfo& info) {
    const TargetDecl& t = *info.decl;
    if (!t.locality) {
        cx.diags.error("E0605", t.name.span,
                       say("E0605", t.name.text));
    }
    if (t.year) {
        check_year_range(cx, *t.year);
    } else {
        cx.diags.error("E0604", t.name.span, say("E0604", t.name.text));
    }
    std::map<std::string, Span> seen;
    for (const TargetLine& line : t.lines) {
        auto it = cx.out.level_index.find(line.level.text);
        if (it == cx.out.level_index.end()) {
            unknown_name(cx, "E0106", line.level, keys_of(cx.out.level_index));
            info.levels.emplace_back();
        } else {
            info.levels.emplace_back(it->second);
        }
        auto [first, fresh] = seen.try_emplace(line.level.text, line.level.span);
        if (!fresh) {
            Diagnostic& d =
                cx.diags.error("E0608", line.level.span,
                               say("E0608", line.level.text, t.name.text));
            d.notes.push_back({first->second, say("note.first_targeted")});
        }
        // Compared as a double before any conversion: 1e20 does not fit an integer type.
        const double n = line.count.value;
        if (line.count.percent || !(n >= 0) || n != std::floor(n)) {
            cx.diags.error(
                "E0607", line.count.span,
                say("E0607", number_text(line.count)));
        } else if (n > kMaxTargetCount) {
            cx.diags.error("E0610", line.count.span,
                           say("E0610", number_text(line.count), kMaxTargetCount));
        }
    }
}

}  // namespace

void check_assignments(Context& cx) {
    for (AssignmentsInfo& a : cx.out.assignments) Assignments(cx, a).run();
}

void check_targets(Context& cx) {
    for (TargetInfo& t : cx.out.targets) target(cx, t);
}

}  // namespace ntm::dsl::check_detail
