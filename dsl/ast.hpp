// The typed syntax tree of the rule language.
//
// Every node carries a Span (file id + byte offsets) and, where later stages need to point
// back at it, a NodeId unique within one load of rules.  Line and column are computed only
// when a diagnostic or an explanation is printed (see source.hpp).  The tree keeps the
// spelling of numbers and codes ("17.10" is not 17.1) so that the formatter can reprint them.
//
// Block items are kept in canonical order (properties first, then the block's children in
// source order); the formatter prints that order.  Top-level declarations keep file order.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
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

// ---------------------------------------------------------------------------------------------
// Criteria sets

struct Indicator {
    NodeId id = kNoNode;
    Span span;
    Code code;
    std::optional<Text> title;
    std::optional<Text> source;
    std::optional<Name> unit;
    ExprPtr value;    // null: the input column named by the code
    ExprPtr applies;  // `applies when C`: null means always applies
    std::optional<Unconfirmed> unconfirmed;  // the indicator itself (name, existence)
    std::vector<Requirement> requirements;
};

enum class CombineKind { all, any, at_least };

struct Combine {
    CombineKind kind = CombineKind::all;
    int count = 0;  // at_least
    Span span;
};

struct Criterion {
    NodeId id = kNoNode;
    Span span;
    Code code;
    std::optional<Text> title;
    std::optional<Text> source;
    std::optional<Combine> combine;  // absent: all
    int group = -1;                  // index into CriteriaSet::groups, or -1
    std::optional<Unconfirmed> unconfirmed;  // the criterion itself
    std::vector<Indicator> indicators;
};

struct Group {
    Text title;
    Span span;
};

struct RegionOverride {
    NodeId id = kNoNode;
    Span span;
    Name region;
    ExprPtr when;
};

enum class OverrideTarget { criterion, indicator };

struct Removal {
    NodeId id = kNoNode;
    Span span;
    OverrideTarget target = OverrideTarget::indicator;
    Code code;
};

struct CriteriaSet {
    NodeId id = kNoNode;
    Span span;
    Name name;
    std::optional<Text> title;
    std::optional<Text> source;
    std::optional<Name> kind;  // `for xa`
    std::optional<YearRange> valid;
    std::optional<Name> extends;
    std::optional<Text> locality;  // `locality "49"`: only for entities of that locality
    std::optional<Unconfirmed> unconfirmed;  // the whole set
    std::vector<RegionOverride> region_overrides;
    std::vector<Group> groups;
    std::vector<Criterion> criteria;
    // In a set that extends another: `override criterion N {...}` (its properties replace the
    // base's, its indicators are added) and `override indicator C {...}` (properties replace).
    std::vector<Criterion> criterion_overrides;
    std::vector<Indicator> indicator_overrides;
    std::vector<Removal> removals;
};

// ---------------------------------------------------------------------------------------------
// Other declarations

struct UnitDecl {
    NodeId id = kNoNode;
    Span span;
    Name name;
    Text symbol;  // as printed for users: "triệu đồng/người/năm"
};

// `body` (a department or agency in charge of criteria) and `member` (a steering-committee
// member in charge of localities) share one shape.
enum class ResponsibleKind { body, member };

struct ResponsibleDecl {
    NodeId id = kNoNode;
    Span span;
    ResponsibleKind kind = ResponsibleKind::body;
    Name name;
    Text title;
};

struct Field {
    NodeId id = kNoNode;
    Span span;
    Name name;
    std::optional<Text> title;
    Name unit;
    ExprPtr derive;  // null: an input field; otherwise `derive name: unit = expr`
};

// How an input combines when several units merge into one (`combine` in `data`).
enum class MergeWay { sum, weighted, all, any, min, max, resurvey };

// How a way is written in rule text: "sum", "weighted", "all", ...
const char* spelling(MergeWay way);

// An input named in a `combine` line: a field name, or the column an indicator reads, by its
// code written bare (2.1) or quoted ("2.1").
struct InputName {
    std::string text;     // the name or code, quotes and escapes removed
    bool quoted = false;  // written in quotes
    Span span;
};

// `combine WAY: input, …`
struct InputCombine {
    NodeId id = kNoNode;
    Span span;
    MergeWay way = MergeWay::sum;
    Span way_span;               // the keyword(s) of the way
    std::optional<Name> weight;  // weighted: `by NAME`
    std::vector<InputName> inputs;
};

struct DataDecl {
    NodeId id = kNoNode;
    Span span;
    Name kind;
    std::vector<Field> fields;
    std::vector<InputCombine> combines;  // in source order, printed after the fields
};

struct Gate {
    NodeId id = kNoNode;
    Span span;
    Name name;
    std::optional<Text> title;
    ExprPtr condition;
    std::optional<Unconfirmed> unconfirmed;  // `gate g: C unconfirmed "…"`
    std::optional<YearRange> valid;          // `gate g "…" valid 2022..2025: C`; absent: every year
};

struct LevelDecl {
    NodeId id = kNoNode;
    Span span;
    Name name;
    std::optional<Text> title;
    std::optional<Name> kind;
    std::optional<Text> source;
    std::optional<Name> after;
    std::vector<Name> meets;  // criteria sets; the one valid in the evaluation year applies
    std::vector<Gate> gates;
};

struct ClassDecl {
    NodeId id = kNoNode;
    Span span;
    Name name;
    std::optional<Text> title;
    std::optional<Name> kind;
    std::optional<Text> source;
    ExprPtr when;
};

// One category of a `category` declaration: `nhom_1 "Nhóm 1: …" when C` or `… otherwise`.
struct CategoryMember {
    NodeId id = kNoNode;
    Span span;
    Name name;
    Text title;
    ExprPtr when;    // null: `otherwise`
    Span rule_span;  // the `when` condition, or the word `otherwise`
};

// `category NAME "title" { for KIND  source "…"  members }`: a threshold dimension.  An
// entity is in the first member whose condition holds; `otherwise` takes the rest.
struct CategoryDecl {
    NodeId id = kNoNode;
    Span span;
    Name name;
    std::optional<Text> title;
    std::optional<Name> kind;
    std::optional<Text> source;
    std::vector<CategoryMember> members;  // in source order: the order they are tried in
};

// `branch a "title": C`: one case in which a recognition is revoked.
struct RevocationBranch {
    NodeId id = kNoNode;
    Span span;
    Name name;
    std::optional<Text> title;
    ExprPtr condition;
    std::optional<Unconfirmed> unconfirmed;
};

// `revocation NAME "title" { for KIND  level L  set S  branch … }`: when a recognition at level
// L is revoked, judged on the criteria of set S (or a set extending it) that judges L.
struct RevocationDecl {
    NodeId id = kNoNode;
    Span span;
    Name name;
    std::optional<Text> title;
    std::optional<Name> kind;
    std::optional<Text> source;
    std::optional<Name> level;
    std::optional<Name> set;
    std::optional<YearRange> valid;
    std::optional<Unconfirmed> unconfirmed;  // the whole rule
    std::vector<RevocationBranch> branches;
};

enum class AssignTarget { criterion, indicator, locality };

struct Assignment {
    NodeId id = kNoNode;
    Span span;
    AssignTarget target = AssignTarget::criterion;
    std::vector<Code> codes;       // criterion / indicator
    std::vector<Text> localities;  // locality by official code
    ExprPtr where;                 // locality by condition
    Name to;                       // a body or member
    std::optional<Date> due;
};

struct AssignmentsDecl {
    NodeId id = kNoNode;
    Span span;
    Name name;
    std::optional<Text> title;
    std::optional<Text> source;
    std::vector<Name> sets;
    std::optional<YearRange> valid;  // the years it is in force; absent: every year
    std::optional<Text> locality;    // `locality "49"`: only for entities of that locality
    std::vector<Assignment> assignments;
};

struct TargetLine {
    NodeId id = kNoNode;
    Span span;
    Name level;
    bool increment = false;  // `+8`: more than the year before; `27`: in total
    Number count;
};

struct TargetDecl {
    NodeId id = kNoNode;
    Span span;
    Name name;
    std::optional<Text> title;
    std::optional<Text> source;
    std::optional<Text> locality;
    std::optional<YearRange> year;
    std::vector<TargetLine> lines;
};

using Decl = std::variant<UnitDecl, ResponsibleDecl, DataDecl, CriteriaSet, LevelDecl, ClassDecl,
                          CategoryDecl, RevocationDecl, AssignmentsDecl, TargetDecl>;

// One parsed rule file: its declarations in file order and its comments.
struct RuleFile {
    FileId file = 0;
    std::vector<Decl> decls;
    std::vector<Comment> comments;
};

// Every file of one load of rules.
struct Module {
    std::vector<RuleFile> files;
};

}  // namespace ntm::dsl
