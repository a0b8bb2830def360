#include "dsl/unconfirmed.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "dsl/formatter.hpp"

namespace ntm::dsl {

namespace {

std::string years_text(const YearRange& y) {
    return y.from == y.to ? fmt::format("{:04}", y.from) : fmt::format("{:04}..{:04}", y.from, y.to);
}

std::string number_text(const Number& n) { return fmt::format("{}{}", n.text, n.percent ? "%" : ""); }

std::string requirement_line(const Requirement& r) {
    std::string out = spelling(r.cmp);
    if (r.low) out += fmt::format(" {}", threshold_line(*r.low));
    if (r.high) out += fmt::format(" .. {}", threshold_line(*r.high));
    return out;
}

class Collector {
  public:
    explicit Collector(std::vector<MarkInfo>& out) : out_(out) {}

    void set(const CriteriaSet& s) {
        owner_ = s.name.text;
        owner_title_ = s.title ? s.title->value : std::string();
        owner_kind_ = MarkOwner::set;
        add(s.unconfirmed, MarkOn::set, "", "", "");
        for (const Criterion& c : s.criteria) criterion(c);
        for (const Criterion& c : s.criterion_overrides) criterion(c);
        for (const Indicator& i : s.indicator_overrides) indicator(i);
    }

    void level(const LevelDecl& l) {
        owner_ = l.name.text;
        owner_title_ = l.title ? l.title->value : std::string();
        owner_kind_ = MarkOwner::level;
        for (const Gate& g : l.gates) {
            add(g.unconfirmed, MarkOn::gate, g.name.text, g.title ? g.title->value : "",
                g.condition ? format_expr(*g.condition) : "");
        }
    }

    void revocation(const RevocationDecl& r) {
        owner_ = r.name.text;
        owner_title_ = r.title ? r.title->value : std::string();
        owner_kind_ = MarkOwner::revocation;
        add(r.unconfirmed, MarkOn::revocation, "", "", "");
        for (const RevocationBranch& b : r.branches) {
            add(b.unconfirmed, MarkOn::branch, b.name.text, b.title ? b.title->value : "",
                b.condition ? format_expr(*b.condition) : "");
        }
    }

  private:
    void criterion(const Criterion& c) {
        add(c.unconfirmed, MarkOn::criterion, c.code.text, c.title ? c.title->value : "", "");
        for (const Indicator& i : c.indicators) indicator(i);
    }

    void indicator(const Indicator& i) {
        const std::string title = i.title ? i.title->value : "";
        add(i.unconfirmed, MarkOn::indicator, i.code.text, title, "");
        for (const Requirement& r : i.requirements) {
            add(r.unconfirmed, MarkOn::requirement, i.code.text, title, requirement_line(r));
            const std::string op = spelling(r.cmp);
            cells(r.low.get(), i.code.text, title, op);
            cells(r.high.get(), i.code.text, title, op);
        }
    }

    // Marks on cells of `by region` / `by year`, at any depth.
    void cells(const Threshold* t, const std::string& code, const std::string& title, const std::string& op) {
        if (t == nullptr) return;
        for (const RegionEntry& e : t->regions) {
            if (e.value) add(e.unconfirmed, MarkOn::cell, code, title,
                             fmt::format("{} {}: {}", op, e.region.text, threshold_line(*e.value)));
            cells(e.value.get(), code, title, op);
        }
        for (const YearEntry& e : t->years) {
            if (e.value) add(e.unconfirmed, MarkOn::cell, code, title,
                             fmt::format("{} {}: {}", op, years_text(e.years), threshold_line(*e.value)));
            cells(e.value.get(), code, title, op);
        }
        for (const Case& c : t->cases) cells(c.value.get(), code, title, op);
        cells(t->otherwise.get(), code, title, op);
    }

    void add(const std::optional<Unconfirmed>& u, MarkOn on, std::string code, std::string title, std::string figure) {
        if (!u) return;
        MarkInfo m;
        m.at = u->span;
        m.on = on;
        m.owner = owner_;
        m.owner_title = owner_title_;
        m.owner_kind = owner_kind_;
        m.code = std::move(code);
        m.title = std::move(title);
        m.figure = std::move(figure);
        m.reason = u->reason.value;
        out_.push_back(std::move(m));
    }

    std::vector<MarkInfo>& out_;
    std::string owner_, owner_title_;
    MarkOwner owner_kind_ = MarkOwner::set;
};

}  // namespace

std::string threshold_line(const Threshold& t) {
    std::string out;
    switch (t.kind) {
        case ThresholdKind::constant: return number_text(t.constant);
        case ThresholdKind::by_region:
        case ThresholdKind::by_category:
            out = fmt::format("by {} {{", t.kind == ThresholdKind::by_region ? std::string("region") : t.dimension.text);
            for (std::size_t i = 0; i < t.regions.size(); ++i) {
                const RegionEntry& e = t.regions[i];
                out += fmt::format("{} {}: {}", i == 0 ? "" : ",", e.region.text,
                                   e.value ? threshold_line(*e.value) : "");
            }
            return fmt::format("{} }}", out);
        case ThresholdKind::by_year:
            out = "by year {";
            for (std::size_t i = 0; i < t.years.size(); ++i) {
                const YearEntry& e = t.years[i];
                out += fmt::format("{} {}: {}", i == 0 ? "" : ",", years_text(e.years),
                                   e.value ? threshold_line(*e.value) : "");
            }
            return fmt::format("{} }}", out);
        case ThresholdKind::table:
            out = "table {";
            for (const YearRange& y : t.table_years) out += fmt::format(" {}", years_text(y));
            for (std::size_t i = 0; i < t.table_rows.size(); ++i) {
                out += fmt::format("{}{}", i == 0 ? ": " : ", ", t.table_rows[i].region.text);
                for (const Number& n : t.table_rows[i].values) out += fmt::format(" {}", number_text(n));
            }
            return fmt::format("{} }}", out);
        case ThresholdKind::cases:
            for (const Case& c : t.cases) {
                out += fmt::format("when {}: {} ", c.when ? format_expr(*c.when) : "",
                                   c.value ? threshold_line(*c.value) : "");
            }
            return fmt::format("{}else {}", out, t.otherwise ? threshold_line(*t.otherwise) : "");
    }
    return out;
}

std::vector<MarkInfo> unconfirmed_marks(const Module& module) {
    std::vector<MarkInfo> out;
    Collector collect(out);
    for (const RuleFile& file : module.files) {
        const std::size_t first = out.size();
        for (const Decl& d : file.decls) {
            if (const auto* s = std::get_if<CriteriaSet>(&d)) collect.set(*s);
            if (const auto* l = std::get_if<LevelDecl>(&d)) collect.level(*l);
            if (const auto* r = std::get_if<RevocationDecl>(&d)) collect.revocation(*r);
        }
        std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                         [](const MarkInfo& a, const MarkInfo& b) { return a.at.begin < b.at.begin; });
    }
    return out;
}

}  // namespace ntm::dsl
