// Pass: criteria that no body is in charge of (W0603), where bodies are assigned at all.
//
// Assignments are optional: rules without any judge every entity with no body named.  But
// once a locality assigns bodies to the criteria of a kind in a year, every criterion judged
// there that year should have one; otherwise the report lists it as "not assigned".  So for
// each place and year an assignments block covers (its `locality`, or everywhere; its `valid`
// years within those of its sets), the pass takes the set each level of the kind is judged by
// there (as the engine chooses it: the set of `meets` valid that year, replaced by the set
// furthest down its `extends` chain for that same locality) and looks, for each criterion,
// for a block in force there that year, for that set or one it extends, that names the
// criterion, or names every indicator of it.
//
// Localities are compared by code: the checker does not know which units lie within which
// (a set for a province and assignments for one of its districts are not matched).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "dsl/check_pass.hpp"

namespace ntm::dsl::check_detail {
namespace {

// Where and when assignments are in force: a locality's code ("" everywhere), a kind, a year.
struct Place {
    EntityKind kind = EntityKind::xa;
    std::string locality;
    friend bool operator<(const Place& a, const Place& b) {
        return std::tie(a.kind, a.locality) < std::tie(b.kind, b.locality);
    }
};

bool valid_in(const SetInfo& s, int year) {
    return s.valid && s.valid->from <= year && year <= s.valid->to;
}

std::string locality_of(const SetInfo& s) {
    return s.locality == nullptr ? std::string() : s.locality->value;
}

class Coverage {
  public:
    explicit Coverage(Context& cx) : cx_(cx) {}

    void run() {
        places();
        for (const auto& [place, years] : years_) {
            for (int y : years) judged_in(place, y);
        }
        report();
    }

  private:
    // Whether set `s` is `base` or extends it.
    bool extends(std::size_t s, std::size_t base) const {
        std::size_t steps = 0;
        for (std::optional<std::size_t> p = s; p && steps <= cx_.out.sets.size(); p = cx_.out.sets[*p].base, ++steps) {
            if (*p == base) return true;
        }
        return false;
    }

    static bool names_codes(const AssignmentsDecl& d) {
        return std::any_of(d.assignments.begin(), d.assignments.end(),
                           [](const Assignment& a) { return a.target != AssignTarget::locality; });
    }

    // The places and years each block covers.
    void places() {
        for (const AssignmentsInfo& a : cx_.out.assignments) {
            if (!a.kind || a.sets.empty() || !names_codes(*a.decl)) continue;
            const Place place{*a.kind, a.decl->locality ? a.decl->locality->value : std::string()};
            for (std::size_t s = 0; s < cx_.out.sets.size(); ++s) {
                const SetInfo& set = cx_.out.sets[s];
                if (!set.valid || !std::any_of(a.sets.begin(), a.sets.end(), [&](std::size_t b) { return extends(s, b); })) {
                    continue;
                }
                for (int y = set.valid->from; y <= set.valid->to && y - set.valid->from < 200; ++y) {
                    if (a.decl->valid && (y < a.decl->valid->from || y > a.decl->valid->to)) continue;
                    years_[place].insert(y);
                }
            }
        }
    }

    // The set level `level` judges an entity of `place` by in `year`, if any.
    std::optional<std::size_t> set_in_force(const LevelInfo& level, const Place& place, int year) const {
        std::optional<std::size_t> base;
        for (std::size_t m : level.meets) {
            if (valid_in(cx_.out.sets[m], year)) {
                base = m;
                break;
            }
        }
        if (!base) return std::nullopt;
        std::optional<std::size_t> best;
        std::size_t best_depth = 0;
        for (std::size_t s = 0; s < cx_.out.sets.size() && !place.locality.empty(); ++s) {
            const SetInfo& set = cx_.out.sets[s];
            if (s == *base || !valid_in(set, year) || locality_of(set) != place.locality || !extends(s, *base)) continue;
            std::size_t depth = 0;
            for (auto p = set.base; p && depth <= cx_.out.sets.size(); p = cx_.out.sets[*p].base) ++depth;
            if (!best || depth > best_depth) best = s, best_depth = depth;
        }
        if (best) return best;
        const std::string own = locality_of(cx_.out.sets[*base]);
        if (!own.empty() && own != place.locality) return std::nullopt;
        return base;
    }

    // Whether a block in force at `place` in `year`, for set `s` or one it extends, names `code`.
    bool assigned(std::size_t s, const Place& place, int year, AssignTarget target, const std::string& code) const {
        for (const AssignmentsInfo& a : cx_.out.assignments) {
            if (a.kind != place.kind) continue;
            if (a.decl->locality && a.decl->locality->value != place.locality) continue;
            if (a.decl->valid && (year < a.decl->valid->from || year > a.decl->valid->to)) continue;
            if (!std::any_of(a.sets.begin(), a.sets.end(), [&](std::size_t b) { return extends(s, b); })) continue;
            for (std::size_t i = 0; i < a.decl->assignments.size(); ++i) {
                const Assignment& as = a.decl->assignments[i];
                // A body that names nothing (E0107) still counts: one mistake, one message.
                if (as.target != target) continue;
                for (const Code& c : as.codes) {
                    if (c.text == code) return true;
                }
            }
        }
        return false;
    }

    bool covered(std::size_t s, const EffectiveCriterion& c, const Place& place, int year) const {
        if (assigned(s, place, year, AssignTarget::criterion, c.code)) return true;
        return !c.indicators.empty() && std::all_of(c.indicators.begin(), c.indicators.end(), [&](const EffectiveIndicator& i) {
            return assigned(s, place, year, AssignTarget::indicator, i.code);
        });
    }

    void judged_in(const Place& place, int year) {
        std::set<std::size_t> seen;
        for (const LevelInfo& level : cx_.out.levels) {
            if (level.kind != place.kind) continue;
            const auto s = set_in_force(level, place, year);
            if (!s || !seen.insert(*s).second) continue;
            for (const EffectiveCriterion& c : cx_.out.sets[*s].criteria) {
                if (!covered(*s, c, place, year)) missing_[{*s, c.code}][place.locality].push_back(year);
            }
        }
    }

    // The first block that assigns bodies at `place` in `year`, for the note.
    const AssignmentsInfo* block_at(const Place& place, int year) const {
        for (const AssignmentsInfo& a : cx_.out.assignments) {
            if (a.kind != place.kind || a.sets.empty() || !names_codes(*a.decl)) continue;
            if ((a.decl->locality ? a.decl->locality->value : std::string()) != place.locality) continue;
            if (a.decl->valid && (year < a.decl->valid->from || year > a.decl->valid->to)) continue;
            return &a;
        }
        return nullptr;
    }

    void report() {
        for (const auto& [key, where] : missing_) {
            const auto& [s, code] = key;
            const SetInfo& set = cx_.out.sets[s];
            const EffectiveCriterion* c = set.criterion(code);
            // The caret goes under the criterion in the set judged by, if that set declares
            // or overrides it, else under the set's name (the criterion is inherited).
            Span at = set.decl->name.span;
            if (c->declared.set == s) at = c->declared.node->code.span;
            for (const auto& o : c->overrides) {
                if (o.set == s) at = o.node->code.span;
            }
            std::vector<Message> parts;
            for (const auto& [locality, years] : where) {
                parts.push_back((locality.empty() ? say("W0603.everywhere") : say("W0603.locality", locality)) +
                                Message::same(" ") + say("E0306.in_years", years_text(years)));
            }
            Diagnostic& d = cx_.diags.warning("W0603", at, say("W0603", code, set.decl->name.text, text::join(parts)));
            if (c->declared.set != s && at == set.decl->name.span) {
                d.notes.push_back({c->declared.node->code.span, say("W0603.note_declared", set_name(cx_, c->declared.set))});
            }
            for (const auto& [locality, years] : where) {
                if (const AssignmentsInfo* a = block_at(Place{set.kind.value_or(EntityKind::xa), locality}, years.front())) {
                    d.notes.push_back({a->decl->name.span, say("W0603.note_block", a->decl->name.text)});
                }
            }
            d.help = say("W0603.help", code, set.decl->name.text);
        }
    }

    Context& cx_;
    std::map<Place, std::set<int>> years_;
    // By set and criterion code: the localities and years where no body is in charge.
    std::map<std::pair<std::size_t, std::string>, std::map<std::string, std::vector<int>>> missing_;
};

}  // namespace

void check_coverage(Context& cx) {
    Coverage(cx).run();
}

}  // namespace ntm::dsl::check_detail
