// The typed syntax tree of the rule language.
//
// Every node carries a Span (file id + byte offsets) and, where later stages need to point
// back at it, a NodeId unique within one load of rules.  Line and column are computed only
// when a diagnostic or an explanation is printed (see source.hpp).  The tree keeps the
// spelling of numbers and codes ("17.10" is not 17.1) so that the formatter can reprint them.
//
// Block items are kept in canonical order (properties first, then the block's children in
// source order); the formatter prints that order.  Top-level declarations keep file order.
//
// Spans, literals, expressions, thresholds and requirements are in ast_expr.hpp; this header
// holds the declarations built from them and gives both to its includers.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "dsl/ast_expr.hpp"

namespace ntm::dsl {

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
