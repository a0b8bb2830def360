// Pass: revocation rules.  A rule names the level whose recognition it revokes and the set
// whose criteria it counts — a set that level meets, or one extending it (a provincial set
// judged in its place) — and gives one or more branches, each a yes/no condition that may
// read `unmet_share` and `unmet(C, …)` of that set besides the entity's data.
#include <fmt/format.h>

#include <map>

#include "dsl/check_pass.hpp"

namespace ntm::dsl::check_detail {
namespace {

// Whether set `s` is `base` or extends it.
bool extends(const Context& cx, std::size_t s, std::size_t base) {
    for (std::optional<std::size_t> at = s; at; at = cx.out.sets[*at].base) {
        if (*at == base) return true;
    }
    return false;
}

class Revocations {
  public:
    explicit Revocations(Context& cx) : cx_(cx) {}

    void run(RevocationInfo& r) {
        const RevocationDecl& d = *r.decl;
        resolve_level(r);
        resolve_set(r);
        if (d.branches.empty()) {
            Diagnostic& g = cx_.diags.error("E1003", d.name.span,
                                            say("E1003", d.name.text));
            g.help = say("E1003.help");
        }
        Scope scope{r.kind, {}, nullptr};
        if (r.set) scope.sets.push_back(*r.set);
        scope.revocation = true;
        NamesInBlock seen;
        for (const RevocationBranch& b : d.branches) {
            first_in_block(cx_, seen, b.name, "E0110",
                           say("E0110.branch", b.name.text, d.name.text));
            if (b.condition) expect_condition(cx_, *b.condition, scope, say("E0203.branch", b.name.text));
        }
    }

  private:
    void resolve_level(RevocationInfo& r) {
        const RevocationDecl& d = *r.decl;
        if (!d.level) {
            Diagnostic& g = cx_.diags.error(
                "E1001", d.name.span,
                say("E1001", d.name.text));
            g.help = first_level(r) ? say("E1001.help", *first_level(r)) : say("E1001.help.any");
            return;
        }
        auto it = cx_.out.level_index.find(d.level->text);
        if (it == cx_.out.level_index.end()) {
            unknown_name(cx_, "E0106", *d.level, keys_of(cx_.out.level_index));
            return;
        }
        const LevelInfo& level = cx_.out.levels[it->second];
        if (r.kind && level.kind && *r.kind != *level.kind) {
            Diagnostic& g = cx_.diags.error(
                "E1004", d.level->span,
                say("E1004.kind", d.name.text, name_of(*r.kind), d.level->text, name_of(*level.kind)));
            g.notes.push_back({level.decl->name.span, say("note.level_declared")});
            return;
        }
        r.level = it->second;
        if (!r.kind) r.kind = level.kind;
    }

    void resolve_set(RevocationInfo& r) {
        const RevocationDecl& d = *r.decl;
        if (!d.set) {
            Diagnostic& g = cx_.diags.error(
                "E1002", d.name.span,
                say("E1002", d.name.text));
            const LevelInfo* level = r.level ? &cx_.out.levels[*r.level] : nullptr;
            g.help = level != nullptr && !level->meets.empty()
                         ? say("E1002.help", set_name(cx_, level->meets.front()), d.level->text)
                         : say("E1002.help.any");
            return;
        }
        auto it = cx_.out.set_index.find(d.set->text);
        if (it == cx_.out.set_index.end()) {
            unknown_name(cx_, "E0105", *d.set, keys_of(cx_.out.set_index));
            return;
        }
        r.set = it->second;
        if (!r.level) return;
        const LevelInfo& level = cx_.out.levels[*r.level];
        bool judges = false;
        for (std::size_t m : level.meets) judges = judges || extends(cx_, it->second, m);
        if (!judges) {
            Diagnostic& g = cx_.diags.error(
                "E1004", d.set->span,
                level.meets.empty() ? say("E1004.no_set", d.set->text, d.level->text)
                                    : say("E1004", d.set->text, d.level->text, meets_list(level)));
            g.notes.push_back({level.decl->name.span, say("note.level_declared")});
            r.set.reset();
        }
    }

    // The first level of the rule's kind (`for`), to suggest when `level` is missing.
    std::optional<std::string> first_level(const RevocationInfo& r) const {
        if (!r.kind) return std::nullopt;
        const auto& order = cx_.out.level_order[static_cast<std::size_t>(*r.kind)];
        if (order.empty()) return std::nullopt;
        return cx_.out.levels[order.front()].decl->name.text;
    }

    std::string meets_list(const LevelInfo& level) const {
        std::vector<std::string> names;
        for (std::size_t m : level.meets) names.push_back(set_name(cx_, m));
        return quoted_list(names);
    }

    Context& cx_;
};

}  // namespace

void check_revocations(Context& cx) {
    Revocations check(cx);
    for (RevocationInfo& r : cx.out.revocations) check.run(r);
}

}  // namespace ntm::dsl::check_detail
