// Pass 1: the symbol tables.  Every declaration is entered under its name; a second
// declaration of a name in the same namespace is an error pointing back at the first.
//
// Namespaces: units; bodies and members (one namespace: an assignment names either); the
// fields of each entity kind; sets; levels and classes (one namespace: both are names in
// expressions); categories; assignments; targets.
#include <fmt/format.h>

#include <set>

#include "dsl/check_pass.hpp"

namespace ntm::dsl::check_detail {
namespace {

// Names of builtin values: in expressions they win over fields, so such a field could never
// be read.  (Function names are fine: a call is written with parentheses.)
const std::set<std::string, std::less<>> kBuiltinNames = {"criteria_met", "level", "code", "parent",
                                                          "type",         "year",  "region"};

// `key`: the message of the kind of name ("E0110.unit": "duplicate unit '{}'").
void duplicate(Context& cx, Span at, const char* key, const std::string& name, Span first) {
    Diagnostic& d = cx.diags.error("E0110", at, say(key, name));
    d.notes.push_back({first, say("note.first_defined")});
}

void add_builtin_units(Checked& out) {
    out.units["percent"] = {"percent", "%", nullptr, false};
    out.units["yesno"] = {"yesno", "đạt/không đạt", nullptr, true};
    out.units["count"] = {"count", "", nullptr, false};
    out.units["number"] = {"number", "", nullptr, false};
}

struct Declarer {
    Context& cx;
    // Spans of the first declaration of each name, for "first defined here".
    std::map<std::string, Span> assignment_names, target_names;

    void operator()(const UnitDecl& u) {
        auto [it, fresh] =
            cx.out.units.try_emplace(u.name.text, UnitInfo{u.name.text, u.symbol.value, &u, false});
        if (fresh) return;
        if (!it->second.decl) {
            cx.diags.error(
                "E0113", u.name.span,
                say("E0113", u.name.text));
        } else {
            duplicate(cx, u.name.span, "E0110.unit", u.name.text, it->second.decl->name.span);
        }
    }

    void operator()(const ResponsibleDecl& r) {
        auto [it, fresh] = cx.out.responsibles.try_emplace(r.name.text, &r);
        if (fresh) return;
        const char* key = r.kind == ResponsibleKind::body ? "E0110.body" : "E0110.member";
        if (it->second->kind != r.kind) {
            Diagnostic& d = cx.diags.error(
                "E0110", r.name.span,
                say(it->second->kind == ResponsibleKind::body ? "E0110.as_body" : "E0110.as_member", r.name.text));
            d.notes.push_back({it->second->name.span, say("note.first_defined")});
            return;
        }
        duplicate(cx, r.name.span, key, r.name.text, it->second->name.span);
    }

    void operator()(const DataDecl& d) {
        const auto kind = resolve_kind(cx, d.kind);
        if (!kind) return;
        DataInfo& data = cx.out.data[static_cast<std::size_t>(*kind)];
        for (const Field& f : d.fields) {
            if (kBuiltinNames.count(f.name.text)) {
                cx.diags.error("E0112", f.name.span,
                               say("E0112", f.name.text));
            }
            FieldInfo info{&f, *kind, f.derive != nullptr, false, {}};
            auto [it, fresh] = data.fields.try_emplace(f.name.text, std::move(info));
            if (!fresh) {
                Diagnostic& diag = cx.diags.error(
                    "E0111", f.name.span,
                    say("E0111", f.name.text, d.kind.text));
                diag.notes.push_back({it->second.decl->name.span, say("note.first_defined")});
            }
        }
    }

    void operator()(const CriteriaSet& s) {
        const std::size_t index = cx.out.sets.size();
        cx.out.sets.push_back(SetInfo{&s, {}, {}, {}, nullptr, {}, {}});
        auto [it, fresh] = cx.out.set_index.try_emplace(s.name.text, index);
        if (!fresh) {
            duplicate(cx, s.name.span, "E0110.set", s.name.text, cx.out.sets[it->second].decl->name.span);
        }
        if (s.kind) resolve_kind(cx, *s.kind);
        if (s.valid) check_year_range(cx, *s.valid);
    }

    // Levels and classes share one namespace.
    bool enter_level_or_class(const Name& name, const char* key, std::size_t index, bool level) {
        const auto lit = cx.out.level_index.find(name.text);
        const auto cit = cx.out.class_index.find(name.text);
        if (lit != cx.out.level_index.end() || cit != cx.out.class_index.end()) {
            const bool first_is_level = lit != cx.out.level_index.end();
            const Span first = first_is_level ? cx.out.levels[lit->second].decl->name.span
                                              : cx.out.classes[cit->second].decl->name.span;
            if (first_is_level == level) {
                duplicate(cx, name.span, key, name.text, first);
            } else {
                Diagnostic& d =
                    cx.diags.error("E0110", name.span,
                                   say(first_is_level ? "E0110.as_level" : "E0110.as_class", name.text));
                d.notes.push_back({first, say("note.first_defined")});
            }
            return false;
        }
        (level ? cx.out.level_index : cx.out.class_index)[name.text] = index;
        return true;
    }

    void operator()(const LevelDecl& l) {
        LevelInfo info;
        info.decl = &l;
        if (l.kind) {
            info.kind = resolve_kind(cx, *l.kind);
        } else {
            cx.diags.error("E0501", l.name.span,
                           say("E0501", l.name.text));
        }
        enter_level_or_class(l.name, "E0110.level", cx.out.levels.size(), true);
        cx.out.levels.push_back(std::move(info));
    }

    void operator()(const ClassDecl& c) {
        ClassInfo info{&c, {}};
        if (c.kind) {
            info.kind = resolve_kind(cx, *c.kind);
        } else {
            cx.diags.error("E0509", c.name.span,
                           say("E0509", c.name.text));
        }
        if (!c.when) {
            cx.diags.error("E0510", c.name.span,
                           say("E0510", c.name.text));
        }
        enter_level_or_class(c.name, "E0110.class", cx.out.classes.size(), false);
        cx.out.classes.push_back(info);
    }

    // Categories have their own namespace: they are named only after `by`.
    void operator()(const CategoryDecl& c) {
        CategoryInfo info{&c, {}};
        if (c.kind) {
            info.kind = resolve_kind(cx, *c.kind);
        } else {
            cx.diags.error("E0901", c.name.span, say("E0901", c.name.text));
        }
        auto [it, fresh] = cx.out.category_index.try_emplace(c.name.text, cx.out.categories.size());
        if (!fresh) {
            duplicate(cx, c.name.span, "E0110.category", c.name.text, cx.out.categories[it->second].decl->name.span);
        }
        cx.out.categories.push_back(info);
    }

    // Revocation rules have their own namespace: nothing refers to one by name.
    void operator()(const RevocationDecl& r) {
        RevocationInfo info{&r, {}, {}, {}};
        if (r.kind) info.kind = resolve_kind(cx, *r.kind);
        auto [it, fresh] = cx.out.revocation_index.try_emplace(r.name.text, cx.out.revocations.size());
        if (!fresh) {
            duplicate(cx, r.name.span, "E0110.revocation", r.name.text, cx.out.revocations[it->second].decl->name.span);
        }
        if (r.valid) check_year_range(cx, *r.valid);
        cx.out.revocations.push_back(info);
    }

    void operator()(const AssignmentsDecl& a) {
        auto [it, fresh] = assignment_names.try_emplace(a.name.text, a.name.span);
        if (!fresh) duplicate(cx, a.name.span, "E0110.assignments", a.name.text, it->second);
        AssignmentsInfo info;
        info.decl = &a;
        cx.out.assignments.push_back(std::move(info));
    }

    void operator()(const TargetDecl& t) {
        auto [it, fresh] = target_names.try_emplace(t.name.text, t.name.span);
        if (!fresh) duplicate(cx, t.name.span, "E0110.target", t.name.text, it->second);
        TargetInfo info;
        info.decl = &t;
        cx.out.targets.push_back(std::move(info));
    }
};

}  // namespace

void declare_names(Context& cx) {
    add_builtin_units(cx.out);
    Declarer declarer{cx, {}, {}};
    for (const RuleFile& file : cx.module.files) {
        for (const Decl& decl : file.decls) std::visit(declarer, decl);
    }
}

}  // namespace ntm::dsl::check_detail
