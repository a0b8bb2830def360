// Stage 1: text → syntax tree.
//
// parse_file reads one rule file.  Errors are reported into `diags`, and parsing recovers at
// the next item of the block the error broke (a property, an indicator, a criterion, ...; see
// parse_recover.hpp), or at the next declaration when the error is in a declaration's header,
// so that one run shows every syntax error of a file.  The returned tree holds what parsed,
// without the items skipped; when `diags` has errors for this file it is incomplete, and must
// not be checked or compiled.
#pragma once

#include "dsl/ast.hpp"
#include "dsl/diagnostics.hpp"
#include "dsl/source.hpp"
#include "text/limits.hpp"

namespace ntm::dsl {

// Hands out node ids, unique within one load of rules (several files).
class NodeIds {
public:
    NodeId next() { return ++last_; }
    NodeId last() const { return last_; }

private:
    NodeId last_ = kNoNode;
};

inline constexpr std::size_t kMaxNesting = 64;

// The text is checked before it is parsed: a line longer than `limits.line_bytes` (E0010) or a
// control character anywhere — C0 other than tab, LF and CR, DEL, C1 — (E0009, the first of each
// line) is an error, and such a file is not parsed.  The size of the file (E0004) is checked
// when it is read (load_rules).
RuleFile parse_file(FileId file, const SourceManager& sources, Diagnostics& diags, NodeIds& ids,
                    const text::Limits& limits = {});

}  // namespace ntm::dsl
