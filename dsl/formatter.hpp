// Stage: syntax tree → canonical text (`ntm fmt`).
//
// format() prints one parsed file in the one canonical layout: two-space indentation, block
// properties in a fixed order before the block's children, thresholds and tables laid out
// as in docs/language.md, expressions with the fewest parentheses that keep their meaning.
//
// Contracts, checked by the test suite:
//   - format(parse(format(x))) == format(x)           (idempotent)
//   - dump(parse(format(x))) == dump(parse(x))         (the tree is unchanged, see ast_dump.hpp)
//   - every comment of the file is printed exactly once.
//
// Comments are placed by source position, not by tree shape: a comment on a line of its own
// goes before the printed line of the source item that follows it (at that line's
// indentation; before a closing brace, one level deeper, so it stays at the end of the block);
// a comment after code stays after the printed line of the item it followed.  If several
// comments end up after one printed line, all but the last move to the lines just before it.
// Blank lines: one between top-level declarations (runs of one-line `unit`, `body` and
// `member` declarations stay together unless the source separated them); inside blocks a
// single blank line is kept where the source had at least one, never right after `{` or right
// before `}`.
//
// The file should have parsed without errors: a tree from error recovery is printed as far
// as it goes, and its comments are still all kept.  Output text is in NFC.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dsl/ast.hpp"
#include "dsl/source.hpp"
#include "text/message.hpp"

namespace ntm::dsl {

// The canonical layout of `file`, whose text and comments come from `sources`.
std::string format(const RuleFile& file, const SourceManager& sources);

// Why `formatted`, the text format() gave for `file`, must not replace the file's text: it does
// not parse without errors, parses to another tree (ast_dump.hpp), or has other comments.
// nullopt when it may.  `ntm fmt` checks this before it writes, so that a file is never
// rewritten with other words.
std::optional<text::Message> round_trip_problem(const RuleFile& file, const SourceManager& sources,
                                              const std::string& formatted);

// One expression in canonical form, on one line: `hai_long >= 90%`, `count(thon where a and b)`.
// Also used to quote rule text in explanations.
std::string format_expr(const Expr& e);

// A string literal: the value in double quotes with `"`, `\` and line breaks escaped.
std::string quote(std::string_view value);

}  // namespace ntm::dsl
