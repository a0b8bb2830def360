// Internal to compile*.cpp: the state of one compilation.
#pragma once

#include <map>
#include <string>

#include "engine/program.hpp"

namespace ntm::engine::detail {

// Where an expression is compiled: the entity kind whose slots its names read, and for
// met()/value() the set whose results they read (kNone outside a set or level).
struct ExprScope {
    EntityKind kind = EntityKind::xa;
    std::uint32_t set = kNone;
};

class Compiler {
public:
    Compiler(const dsl::Rules& rules, Program& out) : rules_(rules), checked_(*rules.checked), out_(out) {}

    void run();

private:
    // compile.cpp
    void schema();
    void sets();
    void indicator(const dsl::EffectiveIndicator& ind, std::uint32_t set, std::uint32_t criterion);
    // The citation of set `set`: its own, or that of the nearest set it extends that has one.
    std::string set_source(std::size_t set) const;
    void levels();
    void classes_and_assignments();
    void targets();
    void combines();
    void bodies_for(std::uint32_t set, const std::string& code, bool criterion, std::vector<BodyInCharge>& out) const;

    // compile_expr.cpp
    ExprRef expr(const dsl::Expr& e, const ExprScope& scope);
    void emit(const dsl::Expr& e, const ExprScope& scope);
    void emit_call(const dsl::Expr& e, const dsl::ExprInfo& info, const ExprScope& scope);
    bool emit_range_compare(const dsl::Expr& e, const ExprScope& scope);
    bool emit_aggregate_compare(const dsl::Expr& e, const ExprScope& scope);
    std::uint32_t threshold(const dsl::Threshold& t, const ExprScope& scope);
    void categories();
    void revocations();
    // Adds to `out` the categories that threshold tree `node` is tabled by, each once.
    void categories_of(std::uint32_t node, std::vector<std::uint32_t>& out) const;
    std::uint32_t year_node(const std::vector<dsl::YearRange>& years, const std::vector<dsl::Number>& values,
                            dsl::Span span);
    std::uint32_t slot_of(EntityKind kind, const std::string& name) const;
    std::uint32_t add_string(const std::string& s);
    // The index in Program::reasons of mark `u` (kNone when absent).
    std::uint32_t reason(const std::optional<dsl::Unconfirmed>& u);
    std::uint32_t reason(const dsl::Unconfirmed* u);

    const dsl::Rules& rules_;
    const dsl::Checked& checked_;
    Program& out_;
    std::map<const dsl::SetInfo*, std::uint32_t> set_ids_;
    std::vector<Instr>* code_ = nullptr;  // where emit() writes: the expression being compiled
    std::map<std::string, std::uint32_t> body_ids_;
    std::uint32_t criterion_mark_ = kNone;  // the mark indicators of the criterion compiled inherit
};

}  // namespace ntm::engine::detail
