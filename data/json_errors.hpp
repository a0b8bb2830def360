// Syntax errors of JSON data files in the project's words: "line L, column C: <what was
// expected>, found '<what was found>'" and a hint where one helps.  The reader's grammar
// (data/json_lexer.hpp) says only where the text stops being JSON; the text is then read again
// here, with a small scanner of JSON's grammar, to find where and why.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "text/message.hpp"

namespace ntm::data {

// Objects and arrays open at once: an ntm-data file needs about 5.
inline constexpr std::size_t kJsonMaxDepth = 64;

struct TextPosition {
    std::uint32_t line = 1;
    std::uint32_t column = 1;  // in letters, not bytes
};

// The line and column (both 1-based) of byte `offset` of `text`.
TextPosition position_of(std::string_view text, std::size_t offset);

// "line L, column C: …" for the first syntax error of the JSON `text`; `fallback`, the byte at
// which the parser stopped, locates the message if the scanner finds no error.  Quoted text is
// cut at `max_letters`.
text::Message json_syntax_error(std::string_view text, std::size_t fallback, std::size_t max_letters);

// "line L, column C: objects and arrays nested deeper than 64", the '[' or '{' at `offset`
// opening one too many.
text::Message json_too_deep(std::string_view text, std::size_t offset);

}  // namespace ntm::data
