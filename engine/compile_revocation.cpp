// Compiling revocation rules: each branch once per set that may judge the rule's level (the
// rule's set and every set extending it), so that unmet(C) and met(C) read the right places.
#include <algorithm>

#include "engine/compiler.hpp"

namespace ntm::engine::detail {

void Compiler::revocations() {
    for (const dsl::RevocationInfo& info : checked_.revocations) {
        if (!info.level || !info.set) continue;  // checked: cannot happen in rules that passed
        const dsl::RevocationDecl& decl = *info.decl;
        RevocationDef d;
        d.name = decl.name.text;
        d.title = decl.title ? decl.title->value : d.name;
        d.source = decl.source ? decl.source->value : std::string();
        d.kind = info.kind.value_or(EntityKind::xa);
        d.level = static_cast<std::uint32_t>(*info.level);
        d.set = set_ids_.at(&checked_.sets[*info.set]);
        d.span = decl.name.span;
        d.unconfirmed = reason(decl.unconfirmed);
        const SetDef& set = out_.sets[d.set];
        d.valid_from = decl.valid ? decl.valid->from : set.valid_from;
        d.valid_to = decl.valid ? decl.valid->to : set.valid_to;
        for (std::uint32_t s = 0; s < out_.sets.size(); ++s) {
            if (out_.extends(s, d.set)) d.scope_sets.push_back(s);
        }
        // The rule's own set first.
        std::stable_partition(d.scope_sets.begin(), d.scope_sets.end(), [&](std::uint32_t s) { return s == d.set; });
        for (const dsl::RevocationBranch& b : decl.branches) {
            RevocationBranchDef bd;
            bd.name = b.name.text;
            bd.title = b.title ? b.title->value : b.name.text;
            bd.span = b.condition->span;
            bd.unconfirmed = reason(b.unconfirmed);
            for (std::uint32_t s : d.scope_sets) {
                const ExprRef code = expr(*b.condition, {d.kind, s});
                std::vector<std::uint32_t> named;
                for (std::uint32_t i = code.begin; i < code.end; ++i) {
                    const Instr& in = out_.code[i];
                    if (in.op == OpCode::push_met && in.b == 1 &&
                        std::find(named.begin(), named.end(), in.a) == named.end())
                        named.push_back(in.a);
                }
                bd.condition.push_back(code);
                bd.criteria.push_back(std::move(named));
            }
            d.branches.push_back(std::move(bd));
        }
        out_.revocations.push_back(std::move(d));
    }
}

}  // namespace ntm::engine::detail
