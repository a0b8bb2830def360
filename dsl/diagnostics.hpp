// Problems found in rule files, as data.
//
// Parse, check and (later) data and runtime problems are all Diagnostics, collected into one
// list, sorted by place and rendered by one renderer in the style of clang:
//
//   rules/xa.ntm:12:5: error[E0301]: unknown region 'DBHS'
//      12 |     DBHS 70
//         |     ^~~~
//         = help: did you mean 'DBSH'?
//   rules/xa.ntm:3:1: note: first defined here
//
// Messages are lowercase, name the values involved and have no trailing period.  Every code
// is listed, with an example, in docs/diagnostics.md.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/source.hpp"
#include "text/message.hpp"

namespace ntm::dsl {

enum class Severity { error, warning, note };

using text::Lang;
using text::Message;
using text::say;

struct Note {
    Span span;
    Message message;
};

struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;  // "E0301"; empty for plain notes
    Span span;         // the caret goes under this span
    Message message;
    std::vector<Span> related;  // further ranges on the same line, underlined with '~'
    std::vector<Note> notes;    // each with its own location
    std::optional<Message> help;
};

class Diagnostics {
public:
    Diagnostic& error(std::string code, Span span, Message message);
    Diagnostic& warning(std::string code, Span span, Message message);

    const std::vector<Diagnostic>& items() const { return items_; }
    std::size_t error_count() const;
    std::size_t warning_count() const;
    bool has_errors() const { return error_count() > 0; }

    // Sorts by file, then offset, then code; removes exact duplicates.
    void sort();
    // `--werror`: every warning becomes an error.
    void promote_warnings();
    void append(const Diagnostics& other);

private:
    std::vector<Diagnostic> items_;
};

// Renders one diagnostic with its source line, caret and notes, in `lang`; ends with a newline.
std::string render(const Diagnostic& d, const SourceManager& sources, bool color, Lang lang);
// Renders all, in their order.
std::string render_all(const Diagnostics& ds, const SourceManager& sources, bool color, Lang lang);
// "2 lỗi, 1 cảnh báo" / "2 errors, 1 warning".
Message summary(const Diagnostics& ds);

// Whether an error has already been reported inside `span`: checks that follow from it are
// skipped, so that one mistake gives one message.
bool has_error_within(const Diagnostics& ds, Span span);

// Help for an official code that names nothing: "did you mean '17.1'?" when exactly one code
// is one edit away and has the same shape, otherwise the codes of the same criterion
// ("criterion 13 has 13.1, 13.2, 13.4"), otherwise nothing.
std::optional<Message> code_help(const std::string& code, const std::vector<std::string>& candidates);

}  // namespace ntm::dsl
