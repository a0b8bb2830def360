// The syntax tree's parts below declarations: spans, literals, expressions and thresholds.
//
// The conventions (spans, node ids, spellings kept) are stated at the top of ast.hpp, which
// includes this header; include ast.hpp, not this one.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ntm::dsl {

using FileId = std::uint32_t;
using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = 0;

struct Span {
    FileId file = 0;
    std::uint32_t begin = 0;  // byte offset of the first byte
    std::uint32_t end = 0;    // byte offset one past the last byte
    friend bool operator==(const Span&, const Span&) = default;
};

// An identifier where it is written.
struct Name {
    std::string text;
    Span span;
};

// A string literal, escapes resolved.
struct Text {
    std::string value;
    Span span;
};

// A number as written: `text` is the exact spelling (no '%'), `value` its value.
struct Number {
    double value = 0;
    std::string text;
    bool percent = false;  // written with a '%' suffix
    Span span;
};

// An official code: a criterion number "10" or an indicator code "17.10".
struct Code {
    std::string text;
    Span span;
};

// A year, or an inclusive range of years "2021..2025".
struct YearRange {
    int from = 0;
    int to = 0;
    Span span;
};

// A calendar date "2025-12-31".
struct Date {
    int year = 0, month = 0, day = 0;
    Span span;
};

// `unconfirmed "reason"`: what it stands on (a set, criterion, indicator, requirement, cell of
// a threshold or gate) is not confirmed against the official text.
struct Unconfirmed {
    Text reason;
    Span span;  // from the keyword to the closing quote
};

struct Comment {
    std::string text;  // without the leading '#', trailing spaces removed
    Span span;         // covers the '#' to the end of the line
};

// ---------------------------------------------------------------------------------------------
// Expressions

enum class ExprKind {
    number,   // number
    boolean,  // boolean: yes / no
    string,   // text
    name,     // text: an input field, derived value, level, class, region, kind or builtin
    unary,    // op, args[0]
    binary,   // op, args[0], args[1]
    call,     // text: function name, args
    filter,   // `KIND where CONDITION` inside an aggregate call: args[0] kind, args[1] condition
};

enum class Op { neg, not_, add, sub, mul, div, lt, le, gt, ge, eq, ne, and_, or_ };

// How an operator is written in canonical rule text ("-" for both neg and sub).
const char* spelling(Op op);
// A comparison seen from its other side: `15 > x` is `x < 15`; other operators are unchanged.
Op mirrored(Op op);

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
    ExprKind kind = ExprKind::number;
    NodeId id = kNoNode;
    Span span;
    Op op = Op::add;
    Span op_span;      // the operator token (unary, binary)
    std::string text;  // name, function name, string value, number spelling
    double number = 0;
    bool percent = false;  // number written with '%'
    bool boolean = false;
    std::vector<ExprPtr> args;
};

// ---------------------------------------------------------------------------------------------
// Thresholds and requirements

enum class ThresholdKind { constant, by_region, by_category, by_year, table, cases };

struct Threshold;
using ThresholdPtr = std::unique_ptr<Threshold>;

struct RegionEntry {
    Name region;
    ThresholdPtr value;
    std::optional<Unconfirmed> unconfirmed;  // `DBSH: 100 unconfirmed "…"`
};

struct YearEntry {
    YearRange years;
    ThresholdPtr value;
    std::optional<Unconfirmed> unconfirmed;
};

struct TableRow {
    Name region;
    std::vector<Number> values;  // one per column of Threshold::table_years
    Span span;
};

struct Case {
    ExprPtr when;
    ThresholdPtr value;
};

struct Threshold {
    ThresholdKind kind = ThresholdKind::constant;
    NodeId id = kNoNode;
    Span span;
    Number constant;                    // constant
    Name dimension;                     // by_category: the `category` named after `by`
    std::vector<RegionEntry> regions;   // by_region; by_category: one entry per category
    std::vector<YearEntry> years;       // by_year
    std::vector<YearRange> table_years; // table: the header row
    std::vector<TableRow> table_rows;   // table: one row per region
    std::vector<Case> cases;            // cases: `when C: T` ...
    ThresholdPtr otherwise;             // cases: `else T`
};

enum class Cmp { ge, gt, le, lt, eq, ne, in_range, yes, no };

// How a comparator is written in canonical rule text: ">=", "in", "yes", ...
const char* spelling(Cmp cmp);

struct Requirement {
    NodeId id = kNoNode;
    Span span;     // the whole `require ...` line
    Span op_span;  // the comparator (or yes/no, or `in`)
    Cmp cmp = Cmp::ge;
    ThresholdPtr low;   // the threshold; for in_range the lower bound
    ThresholdPtr high;  // in_range only
    std::optional<Unconfirmed> unconfirmed;  // `require >= 53.3 unconfirmed "…"`: every figure
};

}  // namespace ntm::dsl
