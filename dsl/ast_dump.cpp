#include "dsl/ast_dump.hpp"

#include <fmt/format.h>

#include "dsl/formatter.hpp"

namespace ntm::dsl {
namespace {

std::string number(const Number& n) {
    return fmt::format("{}{}[{}]", n.text, n.percent ? "%" : "", n.value);
}

std::string years(const YearRange& y) {
    return fmt::format("{}..{}", y.from, y.to);
}

std::string title(const std::optional<Text>& t) {
    return t ? fmt::format(" {}", quote(t->value)) : " -";
}

void expr(const Expr* e, std::string& out) {
    if (e == nullptr) {
        out += "null";
        return;
    }
    auto args = [&] {
        for (const ExprPtr& a : e->args) {
            out += ' ';
            expr(a.get(), out);
        }
        out += ')';
    };
    switch (e->kind) {
        case ExprKind::number:
            out += fmt::format("{}{}[{}]", e->text, e->percent ? "%" : "", e->number);
            return;
        case ExprKind::boolean:
            out += e->boolean ? "yes" : "no";
            return;
        case ExprKind::string:
            out += quote(e->text);
            return;
        case ExprKind::name:
            out += e->text;
            return;
        case ExprKind::unary:
        case ExprKind::binary:
            out += fmt::format("({}", e->op == Op::neg ? "neg" : spelling(e->op));
            args();
            return;
        case ExprKind::call:
            out += fmt::format("(call {}", e->text);
            args();
            return;
        case ExprKind::filter:
            out += "(where";
            args();
            return;
    }
}

std::string expr(const ExprPtr& e) {
    std::string out;
    expr(e.get(), out);
    return out;
}

class Dumper {
  public:
    std::string take() { return std::move(out_); }

    void decl(const Decl& d) {
        std::visit([this](const auto& x) { print(x); }, d);
    }

  private:
    void line(std::string_view text) {
        out_.append(static_cast<std::size_t>(2 * depth_), ' ');
        out_ += text;
        out_ += '\n';
    }
    template <typename F>
    void nested(F body) {
        ++depth_;
        body();
        --depth_;
    }
    void opt(const char* key, const std::optional<Text>& t) {
        if (t) line(fmt::format("{} {}", key, quote(t->value)));
    }
    void opt(const char* key, const std::optional<Name>& n) {
        if (n) line(fmt::format("{} {}", key, n->text));
    }
    void opt(const char* key, const std::optional<Unconfirmed>& u) {
        if (u) line(fmt::format("{} {}", key, quote(u->reason.value)));
    }

    void print(const UnitDecl& u) {
        line(fmt::format("unit {} {}", u.name.text, quote(u.symbol.value)));
    }
    void print(const ResponsibleDecl& r) {
        line(fmt::format("{} {} {}", r.kind == ResponsibleKind::body ? "body" : "member",
                         r.name.text, quote(r.title.value)));
    }
    void print(const DataDecl& d) {
        line("data " + d.kind.text);
        nested([&] {
            for (const Field& f : d.fields) {
                line(fmt::format("{} {}{}: {}{}", f.derive ? "derive" : "field", f.name.text,
                                 title(f.title), f.unit.text,
                                 f.derive ? fmt::format(" = {}", expr(f.derive)) : ""));
            }
            for (const InputCombine& c : d.combines) {
                std::string text = fmt::format("combine {}", spelling(c.way));
                if (c.weight) text.append(" by ").append(c.weight->text);
                for (const InputName& n : c.inputs) text.append(" ").append(quote(n.text));
                line(text);
            }
        });
    }
    void print(const CriteriaSet& s) {
        line("set " + s.name.text + title(s.title));
        nested([&] {
            opt("source", s.source);
            opt("unconfirmed", s.unconfirmed);
            opt("for", s.kind);
            if (s.valid) line(fmt::format("valid {}", years(*s.valid)));
            opt("extends", s.extends);
            for (const RegionOverride& r : s.region_overrides)
                line(fmt::format("region {} when {}", r.region.text, expr(r.when)));
            for (std::size_t g = 0; g < s.groups.size(); ++g)
                line(fmt::format("group {} {}", g, quote(s.groups[g].title.value)));
            for (const Criterion& c : s.criteria) criterion("criterion", c);
            for (const Criterion& c : s.criterion_overrides) criterion("override criterion", c);
            for (const Indicator& i : s.indicator_overrides) indicator("override indicator", i);
            for (const Removal& r : s.removals) {
                line(fmt::format("remove {} {}",
                                 r.target == OverrideTarget::criterion ? "criterion" : "indicator",
                                 r.code.text));
            }
        });
    }
    void criterion(const char* word, const Criterion& c) {
        line(fmt::format("{} {}{} group={}", word, c.code.text, title(c.title), c.group));
        nested([&] {
            opt("source", c.source);
            opt("unconfirmed", c.unconfirmed);
            if (c.combine) {
                const char* kind = c.combine->kind == CombineKind::all   ? "all"
                                   : c.combine->kind == CombineKind::any ? "any"
                                                                         : "at_least";
                line(fmt::format("combine {} {}", kind, c.combine->count));
            }
            for (const Indicator& i : c.indicators) indicator("indicator", i);
        });
    }
    void indicator(const char* word, const Indicator& i) {
        line(fmt::format("{} {}{}", word, i.code.text, title(i.title)));
        nested([&] {
            opt("source", i.source);
            opt("unconfirmed", i.unconfirmed);
            opt("unit", i.unit);
            if (i.value) line(fmt::format("value {}", expr(i.value)));
            if (i.applies) line(fmt::format("applies when {}", expr(i.applies)));
            for (const Requirement& r : i.requirements) {
                line(fmt::format("require {}", spelling(r.cmp)));
                nested([&] {
                    if (r.low) threshold(*r.low);
                    if (r.high) threshold(*r.high);
                    opt("unconfirmed", r.unconfirmed);
                });
            }
        });
    }
    void threshold(const Threshold& t) {
        switch (t.kind) {
            case ThresholdKind::constant:
                line(number(t.constant));
                return;
            case ThresholdKind::by_region:
                line("by region");
                nested([&] {
                    for (const RegionEntry& e : t.regions) entry(e.region.text, e.value, e.unconfirmed);
                });
                return;
            case ThresholdKind::by_category:
                line(fmt::format("by {}", t.dimension.text));
                nested([&] {
                    for (const RegionEntry& e : t.regions) entry(e.region.text, e.value);
                });
                return;
            case ThresholdKind::by_year:
                line("by year");
                nested([&] {
                    for (const YearEntry& e : t.years) entry(years(e.years), e.value, e.unconfirmed);
                });
                return;
            case ThresholdKind::table: {
                std::string header = "table";
                for (const YearRange& y : t.table_years) header.append(" ").append(years(y));
                line(header);
                nested([&] {
                    for (const TableRow& row : t.table_rows) {
                        std::string text = row.region.text;
                        for (const Number& n : row.values) text.append(" ").append(number(n));
                        line(text);
                    }
                });
                return;
            }
            case ThresholdKind::cases:
                line("cases");
                nested([&] {
                    for (const Case& c : t.cases) entry(fmt::format("when {}", expr(c.when)), c.value);
                    entry("else", t.otherwise);
                });
                return;
        }
    }
    void entry(const std::string& key, const ThresholdPtr& value,
               const std::optional<Unconfirmed>& mark = std::nullopt) {
        line(key + ":");
        nested([&] {
            if (value) threshold(*value);
            opt("unconfirmed", mark);
        });
    }
    void print(const LevelDecl& l) {
        line("level " + l.name.text + title(l.title));
        nested([&] {
            opt("for", l.kind);
            opt("source", l.source);
            opt("after", l.after);
            for (const Name& m : l.meets) line("meets " + m.text);
            for (const Gate& g : l.gates) {
                const std::string valid = g.valid ? fmt::format(" valid {}", years(*g.valid)) : std::string();
                line(fmt::format("gate {}{}{}: {}", g.name.text, title(g.title), valid, expr(g.condition)));
                nested([&] { opt("unconfirmed", g.unconfirmed); });
            }
        });
    }
    void print(const ClassDecl& c) {
        line("class " + c.name.text + title(c.title));
        nested([&] {
            opt("for", c.kind);
            opt("source", c.source);
            if (c.when) line(fmt::format("when {}", expr(c.when)));
        });
    }
    void print(const CategoryDecl& c) {
        line(fmt::format("category {}{}", c.name.text, title(c.title)));
        nested([&] {
            opt("for", c.kind);
            opt("source", c.source);
            for (const CategoryMember& m : c.members) {
                line(fmt::format("{} \"{}\" {}", m.name.text, m.title.value,
                                 m.when ? fmt::format("when {}", expr(m.when)) : std::string("otherwise")));
            }
        });
    }
    void print(const RevocationDecl& r) {
        line("revocation " + r.name.text + title(r.title));
        nested([&] {
            opt("unconfirmed", r.unconfirmed);
            opt("for", r.kind);
            opt("source", r.source);
            opt("level", r.level);
            opt("set", r.set);
            if (r.valid) line(fmt::format("valid {}", years(*r.valid)));
            for (const RevocationBranch& b : r.branches) {
                line(fmt::format("branch {}{}: {}", b.name.text, title(b.title), expr(b.condition)));
                nested([&] { opt("unconfirmed", b.unconfirmed); });
            }
        });
    }
    void print(const AssignmentsDecl& a) {
        line("assignments " + a.name.text + title(a.title));
        nested([&] {
            opt("source", a.source);
            for (const Name& s : a.sets) line("sets " + s.text);
            if (a.valid) line(fmt::format("valid {}", years(*a.valid)));
            opt("locality", a.locality);
            for (const Assignment& x : a.assignments) assignment(x);
        });
    }
    void assignment(const Assignment& x) {
        static constexpr const char* kTargets[] = {"criterion", "indicator", "locality"};
        std::string text = kTargets[static_cast<int>(x.target)];
        for (const Code& c : x.codes) text += " " + c.text;
        for (const Text& t : x.localities) text.append(" ").append(quote(t.value));
        if (x.where) text.append(" where ").append(expr(x.where));
        text += " -> " + x.to.text;
        if (x.due) text += fmt::format(" due {}-{}-{}", x.due->year, x.due->month, x.due->day);
        line(text);
    }
    void print(const TargetDecl& t) {
        line("target " + t.name.text + title(t.title));
        nested([&] {
            opt("source", t.source);
            opt("locality", t.locality);
            if (t.year) line(fmt::format("year {}", years(*t.year)));
            for (const TargetLine& l : t.lines) {
                line(fmt::format("{} {}{}", l.level.text, l.increment ? "+" : "", number(l.count)));
            }
        });
    }

    std::string out_;
    int depth_ = 0;
};

}  // namespace

std::string dump(const Expr& e) {
    std::string out;
    expr(&e, out);
    return out;
}

std::string dump(const RuleFile& file) {
    Dumper d;
    for (const Decl& decl : file.decls) d.decl(decl);
    return d.take();
}

}  // namespace ntm::dsl
