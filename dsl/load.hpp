// Reading rule files from disk: paths may be files or directories (searched recursively for
// *.ntm, in sorted order so that every run sees the same order).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/diagnostics.hpp"
#include "dsl/parser.hpp"
#include "dsl/source.hpp"

namespace ntm::dsl {

// An input/output problem (missing file, unreadable, not UTF-8): exit code 2, not 1.
struct IoError {
    std::string path;
    std::string message;
};

// Expands PATHs into the list of rule files, sorted; reports missing paths.
std::vector<std::string> find_rule_files(const std::vector<std::string>& paths,
                                         std::vector<IoError>& io_errors);

// Reads a file as UTF-8 text (a leading BOM is dropped).  Not UTF-8 is an IoError.
std::optional<std::string> read_text_file(const std::string& path, std::vector<IoError>& io_errors);

// The text in Unicode normalisation form C.
std::string to_nfc(std::string_view text);

// Reads and parses the files.  Text that is not valid UTF-8 is an IoError; text that is not
// in NFC is a diagnostic (E0003) pointing at the first place that is not.
Module load_rules(const std::vector<std::string>& files, SourceManager& sources, Diagnostics& diags,
                  NodeIds& ids, std::vector<IoError>& io_errors);

}  // namespace ntm::dsl
