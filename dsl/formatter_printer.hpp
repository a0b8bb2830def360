// Internal to formatter*.cpp: the Printer, which prints a parsed file into a layout::Layout,
// each line anchored at the source item it prints.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dsl/ast.hpp"
#include "dsl/formatter_layout.hpp"

namespace ntm::dsl::detail {

constexpr int kIndent = 2;

std::string number_text(const Number& n);
// A year is four digits in the grammar, so `0999` is printed as written (not as `999`, which
// does not parse), the same way a date's year is.
std::string years_text(const YearRange& y);
std::string expr_text(const ExprPtr& e);

class Printer {
  public:
    explicit Printer(layout::Layout& out) : out_(out) {}

    void declaration(const Decl& d);

  private:
    // formatter.cpp: lines
    // One whole line.
    void prop(int indent, std::uint32_t anchor, std::string_view text);
    // A line ending with `{`.
    void open(int indent, std::uint32_t anchor, std::string_view header);
    void close(int indent, const Span& block);
    void decl_open(const Span& span, std::string_view header);
    void one_liner();
    // `{` after a threshold's keyword, on the current line.
    void block_open(std::string_view word);
    void source(int indent, const std::optional<Text>& s);
    // `unconfirmed "…"` on a line of its own: the first item of a set, criterion or indicator.
    void mark_line(int indent, const std::optional<Unconfirmed>& u);
    // ` unconfirmed "…"` after a figure or a gate's condition, on the same line.
    void mark_after(const std::optional<Unconfirmed>& u);
    void kind(int indent, const std::optional<Name>& k);

    // formatter_decl.cpp: declarations, and the criteria and indicators of a set
    void print(const UnitDecl& u);
    void print(const ResponsibleDecl& r);
    void print(const DataDecl& d);
    void input_combine(const InputCombine& c);
    void print(const CriteriaSet& s);
    void print(const LevelDecl& l);
    void print(const ClassDecl& c);
    void print(const CategoryDecl& c);
    void print(const RevocationDecl& r);
    void print(const AssignmentsDecl& a);
    void print(const TargetDecl& t);
    void criteria(const CriteriaSet& s);
    void overrides(const CriteriaSet& s);
    void criterion(const Criterion& c, int indent, bool is_override);
    void indicator(const Indicator& i, int indent, bool is_override);

    // formatter_threshold.cpp: requirements and thresholds
    void requirement(const Requirement& r, int indent);
    void threshold(const Threshold* t, int base);
    void cases(const Threshold& t);
    void table(const Threshold& t, int indent);

    layout::Layout& out_;
};

}  // namespace ntm::dsl::detail
