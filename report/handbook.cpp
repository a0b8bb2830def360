// The criteria handbook as a document (handbook.hpp): the list of sets, then each set with its
// criteria and indicators; the levels, revocation rules and categories follow
// (handbook_rules.cpp), and the thresholds of an indicator are laid out by
// handbook_thresholds.cpp.
#include "report/handbook.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <limits>
#include <numeric>
#include <tuple>

#include "data/units.hpp"
#include "report/handbook_parts.hpp"

namespace ntm::report {

std::string locality_title(const std::string& code, Lang lang) {
    const HandbookWords& w = handbook_words(lang);
    for (const engine::AdminMap map : {engine::AdminMap::three_tier, engine::AdminMap::two_tier}) {
        const data::AdminUnits& units = data::official_units(map);
        for (const EntityKind kind : {EntityKind::tinh, EntityKind::huyen, EntityKind::xa}) {
            const std::uint32_t u = units.find(kind, code);
            if (u != kNone) return fmt::format(fmt::runtime(w.locality_known), units.full_name(u), code);
        }
    }
    return fmt::format(fmt::runtime(w.locality_code), code);
}

namespace {

using handbook::Marks;
using handbook::Writer;

int kind_rank(EntityKind k) {
    const auto& order = handbook::kKindOrder;
    return static_cast<int>(std::find(std::begin(order), std::end(order), k) - std::begin(order));
}

class Builder {
public:
    Builder(const Program& p, Lang lang, const HandbookOptions& o) : p_(p), out_(p, lang, doc_), w_(out_.w), o_(o) {}

    Doc build() {
        const bool one = o_.set != kNone;
        doc_.title = one ? p_.sets[o_.set].title : std::string(w_.title);
        out_.heading(1, doc_.title);
        out_.paragraph(w_.intro);
        std::vector<std::uint32_t> sets{o_.set};
        if (!one) {
            sets = set_order();
            summary(sets);
        }
        std::string group;
        for (const std::uint32_t s : sets) {
            const SetDef& root = p_.sets[root_of(s)];
            const std::string key = fmt::format("bo-{}-{}-{}", dsl::kKindNames[kind_index(root.kind)], root.valid_from,
                                                root.valid_to);
            if (key != group) {
                out_.heading(2, fmt::format(fmt::runtime(w_.group), out_.kind(root.kind), out_.period(root)), key);
                group = key;
            }
            set(s);
        }
        handbook::levels(out_, o_.set);
        handbook::revocations(out_, o_.set);
        handbook::categories(out_, o_.set);
        return std::move(doc_);
    }

private:
    const Program& p_;
    Doc doc_;
    Writer out_;
    const HandbookWords& w_;
    HandbookOptions o_;

    std::uint32_t root_of(std::uint32_t s) const {
        while (p_.sets[s].base != kNone) s = p_.sets[s].base;
        return s;
    }
    // The lowest level (its ordinal) that meets the set or, failing that, a set it extends.
    int level_rank(std::uint32_t s) const {
        for (; s != kNone; s = p_.sets[s].base) {
            int best = std::numeric_limits<int>::max();
            for (const LevelDef& l : p_.levels) {
                if (std::find(l.meets.begin(), l.meets.end(), s) != l.meets.end()) best = std::min(best, l.ordinal);
            }
            if (best != std::numeric_limits<int>::max()) return best;
        }
        return std::numeric_limits<int>::max();
    }
    // By kind, by the period of the set they build on, national sets before those of a
    // locality (by its code), then by the level each serves, then as written.
    std::vector<std::uint32_t> set_order() const {
        std::vector<std::uint32_t> order(p_.sets.size());
        std::iota(order.begin(), order.end(), 0U);
        const auto key = [&](std::uint32_t s) {
            const SetDef& d = p_.sets[s];
            const SetDef& root = p_.sets[root_of(s)];
            return std::make_tuple(kind_rank(d.kind), root.valid_from, root.valid_to, !d.locality.empty(), d.locality,
                                   level_rank(s), s);
        };
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
        return order;
    }

    Marks indicator_marks(const engine::IndicatorDef& d) const {
        Marks marks;
        marks.add(d.unconfirmed);
        for (std::uint32_t r = d.first_requirement; r < d.first_requirement + d.requirement_count; ++r) {
            handbook::requirement_marks(p_, p_.requirements[r], marks);
        }
        return marks;
    }

    // The sets, a row each, each title linked to its part.
    void summary(const std::vector<std::uint32_t>& sets) {
        out_.heading(2, w_.sets, "cac-bo-tieu-chi");
        DocBlock b;
        b.kind = DocBlock::table;
        for (const char* head : {w_.set_column, w_.kind_column, w_.valid, w_.locality, w_.source}) {
            b.header.push_back({head, {}, false});
        }
        for (const std::uint32_t s : sets) {
            const SetDef& d = p_.sets[s];
            const std::string where = d.locality.empty() ? std::string(w_.nationwide) : locality_title(d.locality, out_.lang);
            b.rows.push_back({{d.title, "#bo-" + d.name, false},
                              {out_.kind(d.kind), {}, false},
                              {out_.period(d), {}, false},
                              {where, {}, false},
                              {d.source, {}, false}});
        }
        doc_.blocks.push_back(std::move(b));
    }

    void set(std::uint32_t s) {
        const SetDef& d = p_.sets[s];
        out_.heading(3, d.title, "bo-" + d.name);
        std::vector<std::string> items{out_.label(w_.name, fmt::format("`{}`", d.name))};
        if (!d.source.empty()) items.push_back(out_.label(w_.source, d.source));
        items.push_back(out_.label(w_.judges, out_.kind(d.kind)));
        items.push_back(out_.label(w_.valid, out_.period(d)));
        items.push_back(out_.label(w_.locality, out_.locality(d)));
        if (d.base != kNone) {
            const SetDef& base = p_.sets[d.base];
            items.push_back(out_.label(w_.extends, fmt::format("“{}” (`{}`)", base.title, base.name)));
        }
        std::vector<std::string> judged;
        for (const EntityKind k : handbook::kKindOrder) {
            for (const std::uint32_t l : p_.level_order[kind_index(k)]) {
                if (out_.uses(p_.levels[l], s)) judged.push_back(p_.levels[l].title);
            }
        }
        if (!judged.empty()) items.push_back(out_.label(w_.levels_judged, fmt::format("{}", fmt::join(judged, "; "))));
        std::size_t marked = 0;
        for (std::uint32_t i = d.first_indicator; i < d.first_indicator + d.indicator_count; ++i) {
            marked += indicator_marks(p_.indicators[i]).empty() ? 0 : 1;
        }
        std::string counts = fmt::format(fmt::runtime(w_.counts), d.criterion_count, d.indicator_count);
        if (marked > 0) counts += fmt::format(fmt::runtime(w_.counts_marked), marked);
        items.push_back(counts);
        std::vector<dsl::Span> conditions;
        for (const engine::RegionRule& r : d.region_rules) {
            items.push_back(
                fmt::format(fmt::runtime(w_.region_rule), region_title(r.region), handbook::rule_code(p_, r.span)));
            conditions.push_back(r.span);
        }
        if (const std::string read = handbook::fields_read(p_, d.kind, conditions); !read.empty()) {
            items.push_back(out_.label(w_.where, read));
        }
        out_.bullets(std::move(items));
        std::string group;
        for (std::uint32_t c = d.first_criterion; c < d.first_criterion + d.criterion_count; ++c) {
            const std::string& g = p_.criteria[c].group;
            if (!g.empty() && g != group) out_.heading(4, g);
            group = g;
            criterion(c, d);
        }
    }

    // "Phụ trách: Sở Xây dựng — Tỉnh Quảng Nam (mã 49), 2021-2024", each assignment once.
    std::vector<std::string> in_charge(const std::vector<engine::BodyInCharge>& bodies) const {
        std::vector<std::string> lines;
        for (const engine::BodyInCharge& b : bodies) {
            std::vector<std::string> where;
            if (!b.locality.empty()) where.push_back(locality_title(b.locality, out_.lang));
            if (std::string years = out_.years(b.valid_from, b.valid_to); !years.empty()) where.push_back(std::move(years));
            const std::string& title = p_.bodies[b.body].title;
            std::string line =
                out_.label(w_.responsible, where.empty() ? title : fmt::format("{} — {}", title, fmt::join(where, ", ")));
            if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(std::move(line));
        }
        return lines;
    }

    void criterion(std::uint32_t c, const SetDef& s) {
        const engine::CriterionDef& d = p_.criteria[c];
        out_.heading(5, fmt::format(fmt::runtime(w_.criterion), d.code, d.title));
        std::vector<std::string> items;
        if (!d.source.empty() && d.source != s.source) items.push_back(out_.label(w_.source, d.source));
        if (d.combine == dsl::CombineKind::any) items.push_back(out_.label(w_.met_when, w_.combine_any));
        if (d.combine == dsl::CombineKind::at_least) {
            items.push_back(out_.label(w_.met_when, fmt::format(fmt::runtime(w_.combine_at_least), d.at_least)));
        }
        for (std::string& b : in_charge(d.bodies)) items.push_back(std::move(b));
        out_.bullets(std::move(items));
        for (std::uint32_t i = d.first_indicator; i < d.first_indicator + d.indicator_count; ++i) indicator(i, s);
    }

    // The requirement first (a line, or its tables), then unit, how the value is computed, when
    // it applies, the fields these read, citation, bodies in charge, and the notes of its
    // unconfirmed marks.
    void indicator(std::uint32_t i, const SetDef& s) {
        const engine::IndicatorDef& d = p_.indicators[i];
        const Marks marks = indicator_marks(d);
        out_.heading(6, fmt::format(fmt::runtime(w_.indicator), d.code, d.title) + marks.label(d.unconfirmed));
        std::vector<std::string> items;
        std::vector<dsl::Span> conditions;
        if (d.value.valid()) conditions.push_back(d.value_span);
        if (d.applies.valid()) conditions.push_back(d.applies_span);
        for (std::uint32_t r = d.first_requirement; r < d.first_requirement + d.requirement_count; ++r) {
            handbook::RequirementView view = handbook::requirement_view(p_, d, p_.requirements[r], marks, out_.lang);
            if (!view.line.empty()) items.push_back(std::move(view.line));
            for (DocBlock& b : view.blocks) doc_.blocks.push_back(std::move(b));
            for (const dsl::Span& span : handbook::case_spans(p_, p_.requirements[r])) conditions.push_back(span);
        }
        if (!d.boolean && !d.unit_symbol.empty()) items.push_back(out_.label(w_.unit, d.unit_symbol));
        if (d.value.valid()) items.push_back(out_.label(w_.value, handbook::rule_code(p_, d.value_span)));
        if (d.applies.valid()) items.push_back(out_.label(w_.applies, handbook::rule_code(p_, d.applies_span)));
        if (const std::string read = handbook::fields_read(p_, s.kind, conditions); !read.empty()) {
            items.push_back(out_.label(w_.where, read));
        }
        if (!d.source.empty() && d.source != p_.criteria[d.criterion].source) {
            items.push_back(out_.label(w_.source, d.source));
        }
        for (std::string& b : in_charge(d.bodies)) items.push_back(std::move(b));
        out_.bullets(std::move(items));
        out_.notes(marks);
    }
};

// Headings kept with what follows them, rule text in a fixed-width face, long words broken in
// narrow cells; nothing to click in print (the navigation is hidden there by the shared style).
constexpr const char* kStyle = R"(
h4{font-size:15px;margin:26px 0 6px;letter-spacing:.02em}
h5{font-size:15px;margin:22px 0 6px}
h6{font-size:14px;margin:16px 0 4px}
table{width:auto;min-width:60%}
th{cursor:auto}
td{overflow-wrap:anywhere}
code{font-family:"DejaVu Sans Mono","Noto Sans Mono",Consolas,monospace;font-size:90%;background:#f3f5f8;padding:0 2px}
@media print{h5,h6{break-after:avoid;page-break-after:avoid}code{background:none}}
)";

}  // namespace

Doc handbook_document(const Program& program, Lang lang, const HandbookOptions& options) {
    return Builder(program, lang, options).build();
}

std::string render_handbook_md(const Program& program, Lang lang, const HandbookOptions& options) {
    return render_doc_md(handbook_document(program, lang, options));
}

std::string render_handbook_html(const Program& program, Lang lang, const HandbookOptions& options) {
    HtmlPage page;
    page.style = kStyle;
    page.sortable = false;
    return render_doc_html(handbook_document(program, lang, options), lang, page);
}

}  // namespace ntm::report
