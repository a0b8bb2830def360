// Where parsing resumes after a syntax error, and which errors are reported.
//
// The synchronisation points come from the layout: in a rule file (always so after `ntm fmt`)
// an item of a block starts a line, what it spans is indented further, and the '}' that closes
// it stands at its own indentation.  So after an error inside an item, parsing resumes at the
// first line, at or after the error, that starts at the item's indentation or less: a '}' at
// exactly that indentation closes the item and is skipped with it; anything else (the next
// item, the '}' of the enclosing block, a declaration) is where parsing goes on.  Brackets,
// strings and comments need no scanning of their own: a string ends on its line, and blank or
// comment lines are passed over.
//
// A resume point that is less indented than the item ("outer") ends the enclosing blocks as
// well; an error the grammar then raises at that very place would only repeat the one just
// reported ("'}' missing"), so it is not reported.  Nor is a second error at the same place.
// At most one error per broken item, and every recovery moves forward: parsing terminates.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string_view>

#include "dsl/diagnostics.hpp"
#include "dsl/grammar_recover.hpp"
#include "dsl/parse_report.hpp"

namespace ntm::dsl {

struct Resume {
    std::size_t at = 0;  // the byte where parsing goes on
    bool outer = false;  // less indented than the item: the enclosing block ends there too
};

// Where parsing resumes after an error at byte `error` in the item that starts at byte `item`
// (error >= item).  The result is after `item`, or the end of the text.
Resume resume_point(std::string_view text, std::size_t item, std::size_t error);

// Reports the syntax errors of one file, each once, and chooses where parsing resumes.
class FileRecovery final : public grammar::Recovery {
public:
    FileRecovery(std::string_view text, FileId file, Diagnostics& diags) : text_(text), file_(file), diags_(diags) {}

    // An error inside an item of a block (grammar::recover).
    std::optional<std::size_t> recover(const tao::pegtl::parse_error& error, std::size_t item) override;
    // An error that ends the declaration starting at `decl` (the parser's own loop).
    void report(const tao::pegtl::parse_error& error, std::size_t decl);

private:
    void report(const tao::pegtl::parse_error& error, std::size_t start, Block block);

    std::string_view text_;
    FileId file_;
    Diagnostics& diags_;
    std::set<std::size_t> quiet_;  // places reported already, and outer resume points
};

}  // namespace ntm::dsl
