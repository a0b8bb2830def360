// Pass: the shape of thresholds.  `by region` and `table` name each of the seven regions
// once; year keys do not overlap and cover the validity of every set where the threshold is
// in force (an extending set may be valid longer than its base); table rows are full.
// `by NAME` names a category of the set's kind and gives each of its members once.
#include <fmt/format.h>

#include <set>

#include "dsl/check_pass.hpp"
#include "text/suggest.hpp"

namespace ntm::dsl::check_detail {
namespace {

// The head of a threshold block: `by region`, `by year` or `table`, up to its '{'.
Span head(const SourceManager& sources, Span whole) {
    const std::string_view text = sources.text(whole);
    std::size_t n = text.find('{');
    if (n == std::string_view::npos) return whole;
    while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t')) --n;
    return {whole.file, whole.begin, whole.begin + static_cast<std::uint32_t>(n)};
}

class Shapes {
  public:
    explicit Shapes(Context& cx) : cx_(cx) {}

    // Once per threshold node: regions, rows, overlapping years, `when` conditions.
    void shape(const Threshold& t, const Scope& sc) {
        if (!seen_.insert(&t).second) return;
        switch (t.kind) {
            case ThresholdKind::constant:
                break;
            case ThresholdKind::by_region: {
                std::vector<const Name*> names;
                for (const RegionEntry& r : t.regions) names.push_back(&r.region);
                regions(names, t.span, say("phrase.by_region"));
                for (const RegionEntry& r : t.regions) nested(r.value, sc);
                break;
            }
            case ThresholdKind::by_category:
                category(t, sc);
                for (const RegionEntry& r : t.regions) nested(r.value, sc);
                break;
            case ThresholdKind::by_year: {
                std::vector<const YearRange*> keys;
                for (const YearEntry& y : t.years) keys.push_back(&y.years);
                years(keys);
                for (const YearEntry& y : t.years) nested(y.value, sc);
                break;
            }
            case ThresholdKind::table:
                table(t);
                break;
            case ThresholdKind::cases:
                for (const Case& c : t.cases) {
                    if (c.when) expect_condition(cx_, *c.when, sc, Message::same("'when'"));
                    nested(c.value, sc);
                }
                nested(t.otherwise, sc);
                break;
        }
    }

    // Per set where the threshold is in force: its years cover the set's validity.
    void coverage(const Threshold& t, std::size_t set, bool own, std::optional<YearRange> window) {
        const SetInfo& s = cx_.out.sets[set];
        switch (t.kind) {
            case ThresholdKind::constant:
                break;
            case ThresholdKind::by_region:
            case ThresholdKind::by_category:
                for (const RegionEntry& r : t.regions) {
                    if (r.value) coverage(*r.value, set, own, window);
                }
                break;
            case ThresholdKind::by_year: {
                std::vector<YearRange> keys;
                for (const YearEntry& y : t.years) keys.push_back(y.years);
                covers(t, say("phrase.by_year"), keys, s, own, window);
                for (const YearEntry& y : t.years) {
                    if (!y.value || !window) continue;
                    YearRange inner{std::max(window->from, y.years.from),
                                    std::min(window->to, y.years.to), y.years.span};
                    if (inner.from <= inner.to) coverage(*y.value, set, own, inner);
                }
                break;
            }
            case ThresholdKind::table:
                covers(t, say("phrase.table"), t.table_years, s, own, window);
                break;
            case ThresholdKind::cases:
                for (const Case& c : t.cases) {
                    if (c.value) coverage(*c.value, set, own, window);
                }
                if (t.otherwise) coverage(*t.otherwise, set, own, window);
                break;
        }
    }

  private:
    void nested(const ThresholdPtr& t, const Scope& sc) {
        if (t) shape(*t, sc);
    }

    // Each region once.  An unknown name is most likely the region that is missing, so it is
    // suggested first, and the missing regions are reported only once no name is unknown.
    void regions(const std::vector<const Name*>& names, Span whole, const Message& what) {
        std::map<Region, Span> given;
        std::vector<const Name*> unknown;
        for (const Name* n : names) {
            const auto r = region(n->text);
            if (!r) {
                unknown.push_back(n);
                continue;
            }
            auto [it, fresh] = given.try_emplace(*r, n->span);
            if (!fresh) {
                Diagnostic& d = cx_.diags.error("E0302", n->span,
                                                say("E0302", n->text));
                d.notes.push_back({it->second, say("note.first_given")});
            }
        }
        std::vector<std::string> missing;
        for (std::size_t r = 0; r < kRegionCount; ++r) {
            if (!given.count(static_cast<Region>(r))) missing.emplace_back(kRegionNames[r]);
        }
        for (const Name* n : unknown) {
            Diagnostic& d =
                cx_.diags.error("E0103", n->span, say("E0103", n->text));
            std::optional<std::string> m = text::closest_match(n->text, missing);
            if (!m && missing.size() == 1) m = missing[0];
            if (!m) m = text::closest_match(n->text, {kRegionNames.begin(), kRegionNames.end()});
            if (m) d.help = say("help.did_you_mean", *m);
        }
        if (missing.empty() || !unknown.empty()) return;
        cx_.diags.error("E0301", head(cx_.sources, whole),
                        say(missing.size() == 1 ? "E0301" : "E0301.many", what, plain_list(missing)));
    }

    // `by NAME {…}`: NAME is a category of the set's kind, and the table gives each of its
    // members once (as regions(), an unknown name suggests a missing member first).
    void category(const Threshold& t, const Scope& sc) {
        const auto it = cx_.out.category_index.find(t.dimension.text);
        if (it == cx_.out.category_index.end()) {
            std::vector<std::string> names = keys_of(cx_.out.category_index);
            names.emplace_back("region");
            names.emplace_back("year");
            Diagnostic& d = cx_.diags.error("E0905", t.dimension.span,
                                            say("E0905", t.dimension.text));
            if (auto m = text::closest_match(t.dimension.text, names)) d.help = say("help.did_you_mean", *m);
            return;
        }
        const CategoryInfo& info = cx_.out.categories[it->second];
        if (info.kind && sc.kind && *info.kind != *sc.kind) {
            Diagnostic& d = cx_.diags.error(
                "E0906", t.dimension.span,
                say("E0906", t.dimension.text, name_of(*info.kind), name_of(*sc.kind)));
            d.notes.push_back({info.decl->name.span, say("note.declared")});
        }
        std::map<std::size_t, Span> given;
        std::vector<const Name*> unknown;
        for (const RegionEntry& r : t.regions) {
            const auto m = info.member(r.region.text);
            if (!m) {
                unknown.push_back(&r.region);
                continue;
            }
            auto [g, fresh] = given.try_emplace(*m, r.region.span);
            if (!fresh) {
                Diagnostic& d = cx_.diags.error("E0909", r.region.span,
                                                say("E0909", r.region.text));
                d.notes.push_back({g->second, say("note.first_given")});
            }
        }
        std::vector<std::string> missing, all;
        for (std::size_t m = 0; m < info.decl->members.size(); ++m) {
            all.push_back(info.decl->members[m].name.text);
            if (!given.count(m)) missing.push_back(info.decl->members[m].name.text);
        }
        for (const Name* n : unknown) {
            Diagnostic& d = cx_.diags.error(
                "E0908", n->span, say("E0908", n->text, t.dimension.text));
            std::optional<std::string> m = text::closest_match(n->text, missing);
            if (!m && missing.size() == 1) m = missing[0];
            if (!m) m = text::closest_match(n->text, all);
            if (m) d.help = say("help.did_you_mean", *m);
        }
        if (missing.empty() || !unknown.empty()) return;
        cx_.diags.error("E0907", head(cx_.sources, t.span),
                        say(missing.size() == 1 ? "E0907" : "E0907.many", t.dimension.text, plain_list(missing)));
    }

    void years(const std::vector<const YearRange*>& keys) {
        for (std::size_t j = 0; j < keys.size(); ++j) {
            check_year_range(cx_, *keys[j]);
            for (std::size_t k = 0; k < j; ++k) {
                const int from = std::max(keys[j]->from, keys[k]->from);
                const int to = std::min(keys[j]->to, keys[k]->to);
                if (from > to) continue;
                Diagnostic& d = cx_.diags.error(
                    "E0305", keys[j]->span,
                    say(from == to ? "E0305" : "E0305.many", range_text({from, to, {}})));
                d.notes.push_back({keys[k]->span, say("note.first_given")});
                break;
            }
        }
    }

    void table(const Threshold& t) {
        std::vector<const YearRange*> keys;
        for (const YearRange& y : t.table_years) keys.push_back(&y);
        years(keys);
        std::vector<const Name*> names;
        for (const TableRow& row : t.table_rows) {
            names.push_back(&row.region);
            if (row.values.size() == t.table_years.size()) continue;
            Diagnostic& d =
                cx_.diags.error("E0303", row.region.span,
                                say(row.values.size() == 1 ? "E0303.1" : "E0303", row.region.text, row.values.size(),
                                    t.table_years.size()));
            d.related.push_back(row.span);
        }
        regions(names, t.span, say("phrase.table"));
    }

    void covers(const Threshold& t, const Message& what, const std::vector<YearRange>& keys,
                const SetInfo& s, bool own, std::optional<YearRange> window) {
        if (!window) return;
        std::set<int> given;
        for (const YearRange& y : keys) {
            for (int year = y.from; year <= y.to && year - y.from < 1000; ++year)
                given.insert(year);
        }
        std::vector<int> missing, outside;
        for (int year = window->from; year <= window->to && year - window->from < 1000; ++year) {
            if (!given.count(year)) missing.push_back(year);
        }
        const std::string valid = range_text(*s.valid);
        if (!missing.empty()) {
            Diagnostic& d =
                cx_.diags.error("E0304", head(cx_.sources, t.span),
                                say("E0304", what, years_text(missing), s.decl->name.text, valid));
            if (!own) {
                d.notes.push_back(
                    {s.decl->name.span,
                     say("E0304.note", s.decl->name.text)});
            }
        }
        if (!own || window->from != s.valid->from || window->to != s.valid->to) return;
        for (int year : given) {
            if (year < window->from || year > window->to) outside.push_back(year);
        }
        if (outside.empty()) return;
        cx_.diags.warning("W0301", head(cx_.sources, t.span),
                          say("W0301", what, years_text(outside), s.decl->name.text, valid));
    }

    Context& cx_;
    std::set<const Threshold*> seen_;
};

}  // namespace

void check_thresholds(Context& cx) {
    Shapes shapes(cx);
    for (std::size_t i = 0; i < cx.out.sets.size(); ++i) {
        const SetInfo& s = cx.out.sets[i];
        for (const EffectiveCriterion& c : s.criteria) {
            for (const EffectiveIndicator& ind : c.indicators) {
                if (!ind.requirements) continue;
                const std::size_t owner = ind.requirements.set;
                const Scope scope{cx.out.sets[owner].kind, {owner}, nullptr};
                for (const Requirement& r : *ind.requirements.node) {
                    for (const Threshold* t : {r.low.get(), r.high.get()}) {
                        if (!t) continue;
                        shapes.shape(*t, scope);
                        shapes.coverage(*t, i, owner == i, s.valid);
                    }
                }
            }
        }
    }
}

}  // namespace ntm::dsl::check_detail
