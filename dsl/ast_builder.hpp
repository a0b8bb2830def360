// Parse tree → typed syntax tree.  Internal to the parser.
//
// The parser keeps a PEGTL parse tree (failed partial matches are discarded, so no action
// ever fires twice) and converts each declaration once.  The builder also reports what the
// grammar cannot: a property given twice in a block (E0007), a number out of range (E0008),
// an operator chain too long to evaluate safely (E0005).
#pragma once

#include <fmt/format.h>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "dsl/ast.hpp"
#include "dsl/diagnostics.hpp"
#include "dsl/parser.hpp"

namespace ntm::dsl {

using ParseNode = tao::pegtl::parse_tree::node;

class AstBuilder {
public:
    AstBuilder(FileId file, Diagnostics& diags, NodeIds& ids) : file_(file), diags_(diags), ids_(ids) {}

    // `node` is one selected declaration node (set_decl, level_decl, ...).
    Decl declaration(const ParseNode& node);

private:
    Span span(const ParseNode& n) const;
    Name name(const ParseNode& n) const;
    Text text(const ParseNode& n) const;
    Number number(const ParseNode& n);
    Code code(const ParseNode& n) const;
    YearRange years(const ParseNode& n);
    Date date(const ParseNode& n);

    ExprPtr expr(const ParseNode& n);
    ExprPtr chain(const ParseNode& n, ExprKind kind);
    ThresholdPtr threshold(const ParseNode& n);
    Requirement requirement(const ParseNode& prop);

    Indicator indicator(const ParseNode& n, bool is_override);
    Criterion criterion(const ParseNode& n, bool is_override, int group);
    CriteriaSet set(const ParseNode& n);
    DataDecl data(const ParseNode& n);
    InputCombine input_combine(const ParseNode& n);
    LevelDecl level(const ParseNode& n);
    ClassDecl class_decl(const ParseNode& n);
    CategoryDecl category(const ParseNode& n);
    RevocationDecl revocation(const ParseNode& n);
    AssignmentsDecl assignments(const ParseNode& n);
    Assignment assignment(const ParseNode& n);
    TargetDecl target(const ParseNode& n);

    // Sets `slot` from `value`, or reports E0007 when the block already had that property.
    template <typename T>
    void once(std::optional<T>& slot, T value, const char* what) {
        if (slot) {
            duplicate(value.span, slot->span, what);
            return;
        }
        slot = std::move(value);
    }
    // Sets `slot` from an `unconfirmed "reason"` node: E0801 for an empty reason, E0802 when
    // the same thing is marked already.
    void mark(std::optional<Unconfirmed>& slot, const ParseNode& n);
    // Marks in children[from ..) of `n` (after a figure or a gate's condition).
    void marks(std::optional<Unconfirmed>& slot, const ParseNode& n, std::size_t from);
    // E0802 for each mark inside threshold `t` (a cell) when `outer` marks the whole of it.
    void marked_within(const Threshold* t, const std::optional<Unconfirmed>& outer);
    // E0007 at the second value, with a note at the first.
    void duplicate(Span second, Span first, const char* what);

    FileId file_;
    Diagnostics& diags_;
    NodeIds& ids_;
};

}  // namespace ntm::dsl
