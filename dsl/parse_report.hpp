// Turning a PEGTL parse error into a diagnostic a policy officer can act on: what was
// expected, what was found (a whole word, "end of line", "end of file"), where (the place the
// statement broke, not the start of the next line), and a hint when one is obvious.
#pragma once

#include <string_view>
#include <tao/pegtl/parse_error.hpp>

#include "dsl/diagnostics.hpp"

namespace ntm::dsl {

// Whether `line` starts with a declaration keyword (set, level, ...).
bool starts_declaration(std::string_view line);

// What an error broke off: a whole declaration, or one item of a block (a property, an
// indicator, a criterion, ...).  A note names the declaration or the block left open.
enum class Block { declaration, item };

// Reports `e`, raised while parsing the declaration or item that starts at `start` in `text`.
void report_parse_error(const tao::pegtl::parse_error& e, std::string_view text, FileId file,
                        std::size_t start, Diagnostics& diags, Block block = Block::declaration);

}  // namespace ntm::dsl
