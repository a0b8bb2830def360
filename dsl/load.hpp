// Reading rule files from disk: paths may be files or directories (searched recursively for
// *.ntm, in sorted order so that every run sees the same order).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/diagnostics.hpp"
#include "dsl/parser.hpp"
#include "dsl/source.hpp"
#include "text/files.hpp"
#include "text/limits.hpp"
#include "text/problem.hpp"

namespace ntm::dsl {

// Expands PATHs into the list of rule files, sorted; reports missing paths.  Directories are
// searched without following links to directories (a link loop cannot hang the search); a
// *.ntm found there that is not a regular file (a FIFO, a broken or looping link) is reported,
// never opened.
std::vector<std::string> find_rule_files(const std::vector<std::string>& paths,
                                         std::vector<text::Problem>& io_errors);

// The size limit of a rule file, for text::read_text_file (E0004, `--limit rule-file-size=N`).
text::SizeLimit rule_file_limit(const text::Limits& limits);

// Reads and parses the files.  A file that cannot be read, is larger than
// `limits.rule_file_bytes` (E0004, found before it is read) or is not valid UTF-8 is an
// input/output problem (exit code 2, not 1); text that is not in NFC is a diagnostic (E0003)
// pointing at the first place that is not.
// `overlay`, when given, holds the text of some files by path, read instead of the file (the
// text an editor has not saved), checked as a file's is.
using Overlay = std::map<std::string, std::string>;
Module load_rules(const std::vector<std::string>& files, SourceManager& sources, Diagnostics& diags,
                  NodeIds& ids, std::vector<text::Problem>& io_errors, const text::Limits& limits = {},
                  const Overlay* overlay = nullptr);

}  // namespace ntm::dsl
