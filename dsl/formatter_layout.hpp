// The formatter's output as lines, and the placing of comments among them.  Internal to the
// formatter (the Printer of formatter_printer.hpp prints the tree into a Layout, which renders
// the final text).
//
// Every printed line stands for a place in the source (its anchor), so that comments can be
// put back by position even when the canonical order differs from the source's order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/ast.hpp"

namespace ntm::dsl::layout {

struct Line {
    int indent = 0;            // column of the first character, in spaces
    std::string text;          // after the indentation
    std::uint32_t anchor = 0;  // source offset of the item this line prints
    bool opens = false;        // ends with `{`: no blank line after it
    bool closes = false;       // `}`: comments before it are indented one level deeper
    bool decl_start = false;   // the first line of a top-level declaration
    bool one_liner = false;    // a whole top-level declaration on one line (unit, body, member)
    std::vector<const Comment*> leading;
    const Comment* trailing = nullptr;
};

class Layout {
  public:
    explicit Layout(std::string_view source) : source_(source) {}

    // Starts a new line at `indent` standing for the source item at `anchor`.
    Line& line(int indent, std::uint32_t anchor);
    // Appends to the current line (NFC-normalised, so widths are measured on final text).
    void put(std::string_view text);
    // The display column after the current line's text.
    int column() const;
    Line& current() { return lines_.back(); }

    // The offset of the `}` that closes the block spanning `span` (its last byte when that
    // is a brace; else the span's end).
    std::uint32_t close_anchor(const Span& span) const;

    // Places the comments and renders the text.
    std::string render(const std::vector<Comment>& comments);

  private:
    bool on_own_line(const Comment& c) const;
    bool blank_before(std::uint32_t offset, bool keywords) const;
    void place(const std::vector<Comment>& comments);

    std::string_view source_;
    std::vector<Line> lines_;
    std::vector<const Comment*> tail_;  // own-line comments after the last line
};

}  // namespace ntm::dsl::layout
