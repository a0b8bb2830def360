// Pass: categories (threshold dimensions).  Each member is named once; exactly one member is
// `otherwise`, and it comes last, so that every entity whose data decide it falls in one
// category; the conditions are yes/no and read the entity's own data (fields and derived
// values: categories are decided before any criteria set is judged, so they cannot read
// criteria met, levels, classes, met(), value() or threshold()).
#include <fmt/format.h>

#include <map>

#include "dsl/check_pass.hpp"

namespace ntm::dsl {

std::optional<std::size_t> CategoryInfo::member(std::string_view name) const {
    for (std::size_t i = 0; i < decl->members.size(); ++i) {
        if (decl->members[i].name.text == name) return i;
    }
    return std::nullopt;
}

namespace check_detail {
namespace {

// The first part of `e` that reads what judging the criteria gives (criteria met, the level,
// a class, met(), value(), threshold()), or null.  Aggregates are left alone: they read the
// entities below, judged before.
const Expr* reads_results(const Context& cx, const Expr& e) {
    if (const ExprInfo* info = cx.out.expr(e)) {
        switch (info->ref) {
            case RefKind::level:
            case RefKind::klass: return &e;
            case RefKind::builtin:
                if (info->builtin == Builtin::criteria_met || info->builtin == Builtin::level) return &e;
                break;
            case RefKind::function:
                switch (info->function) {
                    case Function::met:
                    case Function::value:
                    case Function::threshold: return &e;
                    case Function::count:
                    case Function::share:
                    case Function::sum:
                    case Function::min:
                    case Function::max:
                    case Function::mean: return nullptr;
                    default: break;
                }
                break;
            default: break;
        }
    }
    for (const ExprPtr& a : e.args) {
        if (const Expr* r = a ? reads_results(cx, *a) : nullptr) return r;
    }
    return nullptr;
}

}  // namespace

void check_categories(Context& cx) {
    for (const CategoryInfo& info : cx.out.categories) {
        const CategoryDecl& c = *info.decl;
        NamesInBlock names;
        const CategoryMember* otherwise = nullptr;
        for (const CategoryMember& m : c.members) {
            first_in_block(cx, names, m.name, "E0904",
                           say("E0904", m.name.text, c.name.text), say("note.first_declared"));
            if (m.when) {
                const Scope scope{info.kind, {}, nullptr};
                expect_condition(cx, *m.when, scope, say("E0203.category", m.name.text));
                if (const Expr* r = reads_results(cx, *m.when)) {
                    cx.diags.error("E0910", r->span,
                                   say("E0910", m.name.text, cx.sources.text(r->span)));
                }
                if (otherwise != nullptr) {
                    Diagnostic& d = cx.diags.error(
                        "E0903", m.rule_span,
                        say("E0903.after", m.name.text));
                    d.notes.push_back({otherwise->rule_span, say("E0903.note.otherwise")});
                }
                continue;
            }
            if (otherwise != nullptr) {
                Diagnostic& d = cx.diags.error("E0903", m.rule_span,
                                               say("E0903", c.name.text));
                d.notes.push_back({otherwise->rule_span, say("E0903.note.first")});
                continue;
            }
            otherwise = &m;
        }
        if (otherwise == nullptr) {
            Diagnostic& d = cx.diags.error(
                "E0902", c.name.span,
                say("E0902", c.name.text));
            d.help = say("E0902.help");
        }
    }
}

}  // namespace check_detail
}  // namespace ntm::dsl
