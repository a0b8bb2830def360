// Pass: criteria sets.  Resolves `extends` (unknown bases, cycles, another kind), then
// flattens every set, bases first: the base's criteria, less `remove`, with `override`
// applied, then the set's own criteria.  Each piece keeps the set that gave it.
#include <fmt/format.h>

#include <algorithm>

#include "dsl/check_pass.hpp"

namespace ntm::dsl::check_detail {
namespace {

template <class T>
From<T> from(const std::optional<T>& v, std::size_t set) {
    return {v ? &*v : nullptr, set};
}

bool code_belongs(const std::string& indicator, const std::string& criterion) {
    return indicator == criterion || indicator.rfind(criterion + ".", 0) == 0;
}

class Flattener {
  public:
    explicit Flattener(Context& cx) : cx_(cx), state_(cx.out.sets.size(), State::todo) {}

    void run() {
        resolve_bases();
        break_cycles();
        for (std::size_t i = 0; i < cx_.out.sets.size(); ++i) flatten(i);
        for (std::size_t i = 0; i < cx_.out.sets.size(); ++i) {
            for (std::size_t j = i + 1; j < cx_.out.sets.size(); ++j) ambiguous_localities(i, j);
        }
    }

  private:
    enum class State { todo, active, done };
    struct Where {
        std::size_t criterion;
        std::size_t indicator;
    };

    void resolve_bases() {
        for (SetInfo& s : cx_.out.sets) {
            if (!s.decl->extends) continue;
            auto it = cx_.out.set_index.find(s.decl->extends->text);
            if (it == cx_.out.set_index.end()) {
                unknown_name(cx_, "E0105", *s.decl->extends, keys_of(cx_.out.set_index));
            } else {
                s.base = it->second;
            }
        }
    }

    // A set on a cycle of `extends` loses its base, so that flattening terminates.
    void break_cycles() {
        auto& sets = cx_.out.sets;
        std::vector<int> color(sets.size(), 0);
        for (std::size_t i = 0; i < sets.size(); ++i) {
            std::vector<std::size_t> path;
            std::optional<std::size_t> j = i;
            while (j && color[*j] == 0) {
                color[*j] = 1;
                path.push_back(*j);
                j = sets[*j].base;
            }
            if (j && color[*j] == 1) {
                auto start = std::find(path.begin(), path.end(), *j);
                std::string chain;
                for (auto it = start; it != path.end(); ++it) chain += set_name(cx_, *it) + " → ";
                chain += set_name(cx_, *j);
                Diagnostic& d = cx_.diags.error("E0409", sets[*j].decl->extends->span,
                                                say("E0409", chain));
                for (auto it = start + 1; it != path.end(); ++it) {
                    d.notes.push_back({sets[*it].decl->extends->span,
                                       say("E0409.note", set_name(cx_, *it), sets[*it].decl->extends->text)});
                }
                for (auto it = start; it != path.end(); ++it) sets[*it].base.reset();
            }
            for (std::size_t p : path) color[p] = 2;
        }
    }

    void flatten(std::size_t i) {
        if (state_[i] != State::todo) return;
        state_[i] = State::active;
        SetInfo& s = cx_.out.sets[i];
        const CriteriaSet& d = *s.decl;
        if (s.base) {
            flatten(*s.base);
            inherit(s, cx_.out.sets[*s.base]);
        }
        own_properties(s, i);
        removed_.clear();
        overridden_.clear();
        if (d.extends) {
            for (const Removal& r : d.removals) remove(s, i, r);
            for (const Criterion& c : d.criterion_overrides) override_criterion(s, i, c);
            for (const Indicator& ind : d.indicator_overrides) override_indicator(s, i, ind);
        } else {
            for (const Removal& r : d.removals) without_extends(d, r.code, "remove");
            for (const Criterion& c : d.criterion_overrides) without_extends(d, c.code, "override");
            for (const Indicator& ind : d.indicator_overrides) {
                without_extends(d, ind.code, "override");
            }
        }
        for (const Criterion& c : d.criteria) add_criterion(s, i, c);
        check_combines(s, i);
        state_[i] = State::done;
    }

    void inherit(SetInfo& s, const SetInfo& b) {
        s.criteria = b.criteria;
        s.kind = b.kind;
        s.valid = b.valid;
        s.locality = b.locality;
        s.region_overrides = b.region_overrides;
    }

    void own_properties(SetInfo& s, std::size_t i) {
        const CriteriaSet& d = *s.decl;
        if (d.kind) {
            const auto own = entity_kind(d.kind->text);
            if (own && s.base && s.kind && *own != *s.kind) {
                const SetInfo& b = cx_.out.sets[*s.base];
                Diagnostic& diag = cx_.diags.error(
                    "E0410", d.kind->span,
                    say("E0410", d.name.text, d.kind->text, b.decl->name.text, name_of(*b.kind)));
                diag.notes.push_back({b.decl->name.span, say("E0410.note")});
            }
            s.kind = own;
        } else if (!d.extends) {
            cx_.diags.error("E0401", d.name.span,
                            say("E0401", d.name.text));
        }
        if (d.valid) {
            s.valid = d.valid;
        } else if (!d.extends) {
            cx_.diags.error("E0402", d.name.span,
                            say("E0402", d.name.text));
        }
        if (d.locality) {
            s.locality = &*d.locality;
            if (d.locality->value.empty()) {
                cx_.diags.error("E0413", d.locality->span,
                                say("E0413", d.name.text))
                    .help = say("help.locality_code");
            }
        }
        if (!d.region_overrides.empty()) {
            s.region_overrides.clear();
            for (const RegionOverride& r : d.region_overrides)
                s.region_overrides.push_back({&r, i});
        }
    }

    bool extends_set(std::size_t s, std::size_t base) const {
        std::size_t steps = 0;
        for (auto b = cx_.out.sets[s].base; b && steps < cx_.out.sets.size(); b = cx_.out.sets[*b].base, ++steps) {
            if (*b == base) return true;
        }
        return false;
    }

    std::size_t root_of(std::size_t s) const {
        std::size_t steps = 0;
        while (cx_.out.sets[s].base && steps++ < cx_.out.sets.size()) s = *cx_.out.sets[s].base;
        return s;
    }

    // Two sets for one locality, in the same family, valid in one year, neither extending the
    // other: which applies to the locality's entities would be a guess.
    void ambiguous_localities(std::size_t i, std::size_t j) {
        const SetInfo& a = cx_.out.sets[i];
        const SetInfo& b = cx_.out.sets[j];
        if (!a.locality || !b.locality || a.locality->value != b.locality->value) return;
        if (!a.valid || !b.valid || root_of(i) != root_of(j)) return;
        if (extends_set(i, j) || extends_set(j, i)) return;
        const int from = std::max(a.valid->from, b.valid->from);
        const int to = std::min(a.valid->to, b.valid->to);
        if (from > to) return;
        Diagnostic& d = cx_.diags.error(
            "E0412", b.decl->name.span,
            say("E0412", a.decl->name.text, b.decl->name.text, b.locality->value,
                from == to ? std::to_string(from) : fmt::format("{}..{}", from, to)));
        d.notes.push_back({a.decl->name.span, say("E0412.note")});
        d.help = say("E0412.help");
    }

    void without_extends(const CriteriaSet& d, const Code& code, const char* what) {
        cx_.diags.error("E0408", code.span,
                        say("E0408", what, d.name.text));
    }

    std::optional<std::size_t> find_criterion(const SetInfo& s, const std::string& code) const {
        for (std::size_t c = 0; c < s.criteria.size(); ++c) {
            if (s.criteria[c].code == code) return c;
        }
        return std::nullopt;
    }

    std::optional<Where> find_indicator(const SetInfo& s, const std::string& code) const {
        for (std::size_t c = 0; c < s.criteria.size(); ++c) {
            const auto& inds = s.criteria[c].indicators;
            for (std::size_t k = 0; k < inds.size(); ++k) {
                if (inds[k].code == code) return Where{c, k};
            }
        }
        return std::nullopt;
    }

    std::vector<std::string> criterion_codes(const SetInfo& s) const {
        std::vector<std::string> out;
        for (const auto& c : s.criteria) out.push_back(c.code);
        return out;
    }

    std::vector<std::string> indicator_codes(const SetInfo& s) const {
        std::vector<std::string> out;
        for (const auto& c : s.criteria) {
            for (const auto& ind : c.indicators) out.push_back(ind.code);
        }
        return out;
    }

    // A `remove` or `override` naming nothing in the base set.
    void not_in_base(const SetInfo& s, const char* code, const char* what,
                     const Code& named, const std::vector<std::string>& candidates) {
        // "E0407.criterion": "remove criterion {}: no such criterion in base set '{}'"
        Diagnostic& d = cx_.diags.error(code, named.span,
                                        say(std::string(code) + "." + what, named.text, s.decl->extends->text));
        d.help = code_help(named.text, candidates);
    }

    // The same code touched twice by `remove`/`override` in one set.
    bool touched_twice(const std::string& key, const Code& code, const char* what,
                       const std::string& set, bool removing) {
        auto r = removed_.find(key);
        auto o = overridden_.find(key);
        if (r == removed_.end() && o == overridden_.end()) return false;
        const bool first_removed = r != removed_.end();
        const Span first = first_removed ? r->second : o->second;
        // "E0411.removed.criterion": "criterion {} is removed twice in set '{}'"
        const char* how = first_removed != removing ? "both" : removing ? "removed" : "overridden";
        Diagnostic& d =
            cx_.diags.error("E0411", code.span, say(fmt::format("E0411.{}.{}", how, what), code.text, set));
        d.notes.push_back({first, say("note.first_named")});
        return true;
    }

    void remove(SetInfo& s, std::size_t i, const Removal& r) {
        if (!s.base) return;  // unknown base: reported already
        const bool crit = r.target == OverrideTarget::criterion;
        const char* what = crit ? "criterion" : "indicator";
        const std::string key = std::string(what) + " " + r.code.text;
        if (touched_twice(key, r.code, what, set_name(cx_, i), true)) return;
        removed_[key] = r.code.span;
        if (crit) {
            auto c = find_criterion(s, r.code.text);
            if (!c) return not_in_base(s, "E0407", what, r.code, criterion_codes(s));
            s.criteria.erase(s.criteria.begin() + static_cast<std::ptrdiff_t>(*c));
        } else {
            auto w = find_indicator(s, r.code.text);
            if (!w) return not_in_base(s, "E0407", what, r.code, indicator_codes(s));
            auto& inds = s.criteria[w->criterion].indicators;
            inds.erase(inds.begin() + static_cast<std::ptrdiff_t>(w->indicator));
            emptied_.push_back(s.criteria[w->criterion].code);
        }
    }

    void override_criterion(SetInfo& s, std::size_t i, const Criterion& o) {
        if (!s.base) return;
        const std::string key = "criterion " + o.code.text;
        if (touched_twice(key, o.code, "criterion", set_name(cx_, i), false)) return;
        overridden_[key] = o.code.span;
        auto c = find_criterion(s, o.code.text);
        if (!c) return not_in_base(s, "E0406", "criterion", o.code, criterion_codes(s));
        EffectiveCriterion& ec = s.criteria[*c];
        ec.overrides.push_back({&o, i});
        if (o.title) ec.title = from(o.title, i);
        if (o.source) ec.source = from(o.source, i);
        if (o.combine) ec.combine = from(o.combine, i);
        if (o.unconfirmed) ec.unconfirmed = from(o.unconfirmed, i);
        for (const Indicator& ind : o.indicators) add_indicator(s, i, *c, ind);
    }

    void override_indicator(SetInfo& s, std::size_t i, const Indicator& o) {
        if (!s.base) return;
        const std::string key = "indicator " + o.code.text;
        if (touched_twice(key, o.code, "indicator", set_name(cx_, i), false)) return;
        overridden_[key] = o.code.span;
        auto w = find_indicator(s, o.code.text);
        if (!w || s.criteria[w->criterion].indicators[w->indicator].declared.set == i) {
            return not_in_base(s, "E0406", "indicator", o.code, indicator_codes(s));
        }
        EffectiveIndicator& ei = s.criteria[w->criterion].indicators[w->indicator];
        ei.overrides.push_back({&o, i});
        if (o.title) ei.title = from(o.title, i);
        if (o.source) ei.source = from(o.source, i);
        if (o.unconfirmed) ei.unconfirmed = from(o.unconfirmed, i);
        if (o.unit) {
            ei.unit = from(o.unit, i);
            ei.unit_name = resolve_unit(*o.unit);
        }
        if (o.value) ei.value = {o.value.get(), i};
        if (o.applies) ei.applies = {o.applies.get(), i};
        if (!o.requirements.empty()) ei.requirements = {&o.requirements, i};
    }

    std::string resolve_unit(const Name& unit) {
        if (cx_.out.units.count(unit.text)) return unit.text;
        unknown_name(cx_, "E0101", unit, keys_of(cx_.out.units));
        return {};
    }

    // An existing criterion or indicator met again: a duplicate in this set, or one the base
    // set already has (which takes `override` to change).
    void already_there(std::size_t i, std::size_t first_set, const char* what, const Code& code,
                       Span first) {
        if (first_set == i) {
            Diagnostic& d = cx_.diags.error(
                what[0] == 'c' ? "E0403" : "E0404", code.span,
                say(what[0] == 'c' ? "E0403" : "E0404", code.text, set_name(cx_, i)));
            d.notes.push_back({first, say("note.first_defined")});
            return;
        }
        Diagnostic& d =
            cx_.diags.error("E0405", code.span,
                            say(what[0] == 'c' ? "E0405" : "E0405.indicator", code.text,
                                cx_.out.sets[i].decl->extends->text));
        d.help = say("E0405.help", what, code.text);
        d.notes.push_back({first, say("note.defined")});
    }

    void add_criterion(SetInfo& s, std::size_t i, const Criterion& c) {
        if (auto existing = find_criterion(s, c.code.text)) {
            const EffectiveCriterion& e = s.criteria[*existing];
            return already_there(i, e.declared.set, "criterion", c.code,
                                 e.declared.node->code.span);
        }
        EffectiveCriterion ec;
        ec.code = c.code.text;
        ec.declared = {&c, i};
        ec.title = from(c.title, i);
        ec.source = from(c.source, i);
        ec.combine = from(c.combine, i);
        ec.unconfirmed = from(c.unconfirmed, i);
        s.criteria.push_back(std::move(ec));
        const std::size_t index = s.criteria.size() - 1;
        for (const Indicator& ind : c.indicators) add_indicator(s, i, index, ind);
        if (c.indicators.empty()) emptied_.push_back(c.code.text);
    }

    void add_indicator(SetInfo& s, std::size_t i, std::size_t crit, const Indicator& ind) {
        const std::string& crit_code = s.criteria[crit].code;
        if (!code_belongs(ind.code.text, crit_code)) {
            Diagnostic& d = cx_.diags.warning(
                "W0401", ind.code.span,
                say("W0401", ind.code.text, crit_code));
            d.help = say("W0401.help", crit_code);
        }
        if (auto w = find_indicator(s, ind.code.text)) {
            const EffectiveIndicator& e = s.criteria[w->criterion].indicators[w->indicator];
            return already_there(i, e.declared.set, "indicator", ind.code,
                                 e.declared.node->code.span);
        }
        EffectiveIndicator ei;
        ei.code = ind.code.text;
        ei.declared = {&ind, i};
        ei.title = from(ind.title, i);
        ei.source = from(ind.source, i);
        ei.unit = from(ind.unit, i);
        ei.value = {ind.value.get(), i};
        ei.applies = {ind.applies.get(), i};
        ei.requirements = {&ind.requirements, i};
        ei.unconfirmed = from(ind.unconfirmed, i);
        if (ind.unit) {
            ei.unit_name = resolve_unit(*ind.unit);
        } else {
            cx_.diags.error("E0219", ind.code.span,
                            say("E0219", ind.code.text));
        }
        s.criteria[crit].indicators.push_back(std::move(ei));
    }

    // `combine at_least K` must be satisfiable by the criterion's indicators in this set.
    void check_combines(const SetInfo& s, std::size_t i) {
        for (const EffectiveCriterion& c : s.criteria) {
            const bool changed_here = c.declared.set == i || !c.overrides.empty() ||
                                      std::count(emptied_.begin(), emptied_.end(), c.code) > 0;
            if (!changed_here) continue;
            const std::size_t n = c.indicators.size();
            if (n == 0) {
                cx_.diags.warning("W0402", c.declared.node->code.span,
                                  say("W0402", c.code, set_name(cx_, i)));
                continue;
            }
            if (!c.combine || c.combine.node->kind != CombineKind::at_least) continue;
            const int k = c.combine.node->count;
            if (k >= 1 && static_cast<std::size_t>(k) <= n) continue;
            cx_.diags.error("E0308", c.combine.node->span,
                            say("E0308", c.code, k, n, set_name(cx_, i)));
        }
        emptied_.clear();
    }

    Context& cx_;
    std::vector<State> state_;
    std::map<std::string, Span> removed_, overridden_;  // of the set being flattened
    std::vector<std::string> emptied_;  // criteria that lost (or never had) indicators
};

}  // namespace

void flatten_sets(Context& cx) {
    Flattener(cx).run();
}

}  // namespace ntm::dsl::check_detail
