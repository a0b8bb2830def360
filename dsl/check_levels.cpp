// Pass: levels and classes.  The levels of a kind form one chain by `after`; each `meets`
// sets of its own kind, at most one valid in any year; gates are conditions; and a level
// that can never be reached (a gate that can never hold, a level before it that can never be
// reached, a met set with a criterion that can never be met) is an error.
#include <fmt/format.h>

#include <algorithm>

#include "dsl/check_pass.hpp"

namespace ntm::dsl::check_detail {
namespace {

class Levels {
  public:
    explicit Levels(Context& cx) : cx_(cx), levels_(cx.out.levels), in_cycle_(levels_.size()) {}

    void run() {
        for (std::size_t i = 0; i < levels_.size(); ++i) resolve_after(i);
        break_cycles();
        order();
        for (std::size_t i = 0; i < levels_.size(); ++i) meets(i);
        for (std::size_t i = 0; i < levels_.size(); ++i) gates(i);
        // Lower kinds first: a gate of a huyen level may count xa at their levels.
        std::vector<bool> done(levels_.size());
        for (std::size_t k = 0; k < kKindCount; ++k) {
            for (std::size_t i : cx_.out.level_order[k]) reach(i), done[i] = true;
        }
        for (std::size_t i = 0; i < levels_.size(); ++i) {
            if (!done[i]) reach(i);
        }
    }

  private:
    const std::string& name(std::size_t i) const { return levels_[i].decl->name.text; }

    void resolve_after(std::size_t i) {
        LevelInfo& l = levels_[i];
        if (!l.decl->after) return;
        const Name& after = *l.decl->after;
        auto it = cx_.out.level_index.find(after.text);
        if (it == cx_.out.level_index.end()) {
            unknown_name(cx_, "E0106", after, keys_of(cx_.out.level_index));
            return;
        }
        const LevelInfo& before = levels_[it->second];
        if (l.kind && before.kind && *l.kind != *before.kind) {
            Diagnostic& d = cx_.diags.error(
                "E0505", after.span,
                say("E0505", name(i), name_of(*l.kind), after.text, name_of(*before.kind)));
            d.notes.push_back({before.decl->name.span, say("note.level_declared")});
            return;
        }
        l.after = it->second;
    }

    void break_cycles() {
        std::vector<int> color(levels_.size(), 0);
        for (std::size_t i = 0; i < levels_.size(); ++i) {
            std::vector<std::size_t> path;
            std::optional<std::size_t> j = i;
            while (j && color[*j] == 0) {
                color[*j] = 1;
                path.push_back(*j);
                j = levels_[*j].after;
            }
            if (j && color[*j] == 1) {
                auto start = std::find(path.begin(), path.end(), *j);
                std::string chain;
                for (auto it = start; it != path.end(); ++it) chain += name(*it) + " → ";
                chain += name(*j);
                Diagnostic& d =
                    cx_.diags.error("E0502", levels_[*j].decl->after->span,
                                    say("E0502", chain));
                for (auto it = start + 1; it != path.end(); ++it) {
                    d.notes.push_back({levels_[*it].decl->after->span,
                                       say("note.comes_after", name(*it), levels_[*it].decl->after->text)});
                }
                for (auto it = start; it != path.end(); ++it) {
                    levels_[*it].after.reset();
                    in_cycle_[*it] = true;
                }
            }
            for (std::size_t p : path) color[p] = 2;
        }
    }

    // One first level per kind, and one level right after each level.
    void order() {
        for (std::size_t k = 0; k < kKindCount; ++k) {
            std::vector<std::size_t> firsts;
            std::map<std::size_t, std::vector<std::size_t>> next;
            for (std::size_t i = 0; i < levels_.size(); ++i) {
                if (!levels_[i].kind || static_cast<std::size_t>(*levels_[i].kind) != k) continue;
                const auto entered = cx_.out.level_index.find(name(i));
                const bool duplicate = entered == cx_.out.level_index.end() || entered->second != i;
                if (in_cycle_[i] || duplicate) continue;
                if (levels_[i].after) {
                    next[*levels_[i].after].push_back(i);
                } else if (!levels_[i].decl->after) {
                    firsts.push_back(i);
                }
            }
            for (std::size_t f = 1; f < firsts.size(); ++f) {
                Diagnostic& d =
                    cx_.diags.error("E0503", levels_[firsts[f]].decl->name.span,
                                    say("E0503", name(firsts[0]), name(firsts[f]), kKindNames[k]));
                d.help = say("E0503.help", name(firsts[f]));
                d.notes.push_back({levels_[firsts[0]].decl->name.span, say("E0503.note")});
            }
            for (const auto& [before, afters] : next) {
                for (std::size_t f = 1; f < afters.size(); ++f) {
                    Diagnostic& d = cx_.diags.error(
                        "E0504", levels_[afters[f]].decl->after->span,
                        say("E0504", name(afters[0]), name(afters[f]), name(before)));
                    d.notes.push_back(
                        {levels_[afters[0]].decl->after->span,
                         say("note.comes_after", name(afters[0]), name(before))});
                }
            }
            auto& chain = cx_.out.level_order[k];
            std::optional<std::size_t> at;
            if (!firsts.empty()) at = firsts[0];
            while (at && std::find(chain.begin(), chain.end(), *at) == chain.end()) {
                chain.push_back(*at);
                auto it = next.find(*at);
                at = it == next.end() ? std::nullopt : std::optional<std::size_t>(it->second[0]);
            }
        }
    }

    void meets(std::size_t i) {
        LevelInfo& l = levels_[i];
        for (const Name& n : l.decl->meets) {
            auto it = cx_.out.set_index.find(n.text);
            if (it == cx_.out.set_index.end()) {
                unknown_name(cx_, "E0105", n, keys_of(cx_.out.set_index));
                continue;
            }
            const SetInfo& s = cx_.out.sets[it->second];
            if (l.kind && s.kind && *l.kind != *s.kind) {
                Diagnostic& d = cx_.diags.error(
                    "E0506", n.span,
                    say("E0506", name(i), name_of(*l.kind), n.text, name_of(*s.kind)));
                d.notes.push_back({s.decl->name.span, say("note.set_declared")});
                continue;
            }
            if (overlaps(i, n, it->second)) continue;
            l.meets.push_back(it->second);
        }
    }

    // Two met sets valid in one year leave the set to judge by ambiguous.
    bool overlaps(std::size_t i, const Name& n, std::size_t set) {
        const LevelInfo& l = levels_[i];
        const SetInfo& s = cx_.out.sets[set];
        for (std::size_t other : l.meets) {
            const SetInfo& o = cx_.out.sets[other];
            const Name* first = nullptr;
            for (const Name& m : l.decl->meets) {
                if (m.text == o.decl->name.text) first = &m;
            }
            if (other == set) {
                Diagnostic& d =
                    cx_.diags.error("E0507", n.span,
                                    say("E0507", n.text, name(i)));
                if (first) d.notes.push_back({first->span, say("note.first_named")});
                return true;
            }
            if (!s.valid || !o.valid) continue;
            const int from = std::max(s.valid->from, o.valid->from);
            const int to = std::min(s.valid->to, o.valid->to);
            if (from > to) continue;
            Diagnostic& d = cx_.diags.error(
                "E0507", n.span,
                say("E0507.overlap", o.decl->name.text, n.text, name(i), range_text({from, to, {}})));
            if (first) d.notes.push_back({first->span, say("note.first_named")});
            return true;
        }
        return false;
    }

    void gates(std::size_t i) {
        const LevelInfo& l = levels_[i];
        // Without `meets`, met(C) and value(C) may name a criterion of any set of the kind.
        const Scope scope{l.kind, l.meets.empty() ? sets_of_kind(cx_, l.kind) : l.meets, nullptr};
        NamesInBlock seen;
        for (const Gate& g : l.decl->gates) {
            first_in_block(cx_, seen, g.name, "E0110", say("E0110.gate", g.name.text, name(i)));
            if (g.condition) {
                expect_condition(cx_, *g.condition, scope, say("E0203.gate", g.name.text));
            }
            if (g.valid) check_year_range(cx_, *g.valid);
        }
    }

    // The first criterion of a set that can never be met, with an indicator that shows it.
    static std::optional<std::pair<const EffectiveCriterion*, const EffectiveIndicator*>> blocked(
        const SetInfo& s) {
        for (const EffectiveCriterion& c : s.criteria) {
            std::size_t can = 0;
            const EffectiveIndicator* culprit = nullptr;
            for (const EffectiveIndicator& ind : c.indicators) {
                if (ind.satisfiable || ind.applies) {
                    ++can;
                } else if (!culprit) {
                    culprit = &ind;
                }
            }
            const std::size_t n = c.indicators.size();
            std::size_t need = n;
            if (c.combine && c.combine.node->kind == CombineKind::any)
                need = std::min<std::size_t>(n, 1);
            if (c.combine && c.combine.node->kind == CombineKind::at_least) {
                need = static_cast<std::size_t>(std::max(0, c.combine.node->count));
            }
            if (culprit && can < need) return std::pair{&c, culprit};
        }
        return std::nullopt;
    }

    void unreachable(std::size_t i, Span at, const Message& why) {
        cx_.diags.error("E0508", at, say("E0508", name(i), why));
        levels_[i].reachable = false;
    }

    void reach(std::size_t i) {
        LevelInfo& l = levels_[i];
        if (l.after && !levels_[*l.after].reachable) {
            unreachable(i, l.decl->after->span,
                        say("E0508.after", name(*l.after)));
        }
        for (const Gate& g : l.decl->gates) {
            if (g.condition && !possible(cx_, *g.condition).can_true) {
                // A gate made impossible by a value already reported (say 900%) is not news.
                if (has_error_within(cx_.diags, g.condition->span)) {
                    levels_[i].reachable = false;
                } else {
                    unreachable(i, g.condition->span,
                                say("E0508.gate", g.name.text));
                }
            }
        }
        std::size_t blocked_sets = 0;
        for (std::size_t s : l.meets) {
            const auto b = blocked(cx_.out.sets[s]);
            if (!b) continue;
            ++blocked_sets;
            if (has_error_within(cx_.diags, b->second->declared.node->span)) continue;
            const Name* named = nullptr;
            for (const Name& m : l.decl->meets) {
                if (m.text == set_name(cx_, s)) named = &m;
            }
            Diagnostic& d = cx_.diags.error(
                "E0508", named ? named->span : l.decl->name.span,
                say("E0508.set", name(i), set_name(cx_, s), b->first->code));
            d.notes.push_back({b->second->declared.node->code.span,
                               say("E0508.note", b->second->code)});
        }
        if (!l.meets.empty() && blocked_sets == l.meets.size()) l.reachable = false;
    }

    Context& cx_;
    std::vector<LevelInfo>& levels_;
    std::vector<bool> in_cycle_;
};

}  // namespace

void check_levels(Context& cx) {
    Levels(cx).run();
}

void check_classes(Context& cx) {
    for (const ClassInfo& c : cx.out.classes) {
        if (!c.decl->when) continue;
        Scope scope{c.kind, sets_of_kind(cx, c.kind), nullptr};
        scope.own_revoked = true;  // classes are decided after the revocation rules
        expect_condition(cx, *c.decl->when, scope,
                         say("E0203.class", c.decl->name.text));
    }
}

}  // namespace ntm::dsl::check_detail
