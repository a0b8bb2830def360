// Rule files in memory, and the mapping from byte offsets to what a reader sees.
//
// Offsets are bytes; columns shown to users are display columns: one per code point, so that
// a caret under text after "Tiêu chí" lands where the eye expects (PEGTL counts bytes).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/ast.hpp"

namespace ntm::dsl {

struct LineCol {
    std::uint32_t line = 0;    // 1-based
    std::uint32_t column = 0;  // 1-based, in display columns
};

struct SourceFile {
    std::string path;  // as given by the user, for messages
    std::string text;
    std::vector<std::uint32_t> line_starts;  // byte offset of each line's first byte
};

class SourceManager {
public:
    FileId add(std::string path, std::string text);
    const SourceFile& file(FileId id) const { return files_.at(id); }
    std::size_t size() const { return files_.size(); }

    LineCol locate(FileId id, std::uint32_t offset) const;
    // The line alone (1-based), without the column's cost of measuring the text before it.
    std::uint32_t line_of(FileId id, std::uint32_t offset) const;
    // The text of the 1-based line, without its line break.
    std::string_view line_text(FileId id, std::uint32_t line) const;
    std::string_view text(Span span) const;

private:
    std::vector<SourceFile> files_;
};

}  // namespace ntm::dsl
