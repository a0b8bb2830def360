#include "dsl/formatter_layout.hpp"

#include <algorithm>
#include <cstdlib>
#include <numeric>

#include "dsl/source.hpp"
#include "text/utf8.hpp"

namespace ntm::dsl::layout {

using text::display_width;
using text::to_nfc;

namespace {

// A comment as written back: "#" and its text, in NFC.
std::string comment_text(const Comment& c) {
    std::string out = "#";
    out += to_nfc(c.text);
    return out;
}

}  // namespace

Line& Layout::line(int indent, std::uint32_t anchor) {
    Line& l = lines_.emplace_back();
    l.indent = indent;
    l.anchor = anchor;
    return l;
}

void Layout::put(std::string_view text) {
    lines_.back().text += to_nfc(text);
}

int Layout::column() const {
    if (lines_.empty()) return 0;
    return lines_.back().indent + static_cast<int>(display_width(lines_.back().text));
}

std::uint32_t Layout::close_anchor(const Span& span) const {
    if (span.end > 0 && span.end <= source_.size() && source_[span.end - 1] == '}')
        return span.end - 1;
    return span.end;
}

bool Layout::on_own_line(const Comment& c) const {
    for (std::uint32_t i =
             std::min<std::uint32_t>(c.span.begin, static_cast<std::uint32_t>(source_.size()));
         i > 0; --i) {
        const char ch = source_[i - 1];
        if (ch == '\n') return true;
        if (ch != ' ' && ch != '\t' && ch != '\r') return false;
    }
    return true;
}

// Whether a blank line precedes the source line of the item at `offset`.  A line's item may
// be introduced by keywords (`source "…"` is anchored at its string, `else 50` at its
// threshold): with `keywords`, those are stepped over first.
bool Layout::blank_before(std::uint32_t offset, bool keywords) const {
    std::size_t i = std::min<std::size_t>(offset, source_.size());
    auto keyword_char = [](char c) {
        return c == ' ' || c == '\t' || c == ':' || c == '_' || (c >= 'a' && c <= 'z') ||
               (c >= 'A' && c <= 'Z');
    };
    while (keywords && i > 0 && keyword_char(source_[i - 1])) --i;
    int newlines = 0;
    for (; i > 0; --i) {
        const char ch = source_[i - 1];
        if (ch == '\n') {
            ++newlines;
        } else if (ch != ' ' && ch != '\t' && ch != '\r') {
            break;
        }
    }
    return i > 0 && newlines >= 2;
}

// Own-line comments go before the first line whose source item follows them; comments after
// code go after the line of the last item that precedes them.
void Layout::place(const std::vector<Comment>& comments) {
    std::vector<const Comment*> sorted;
    sorted.reserve(comments.size());
    for (const Comment& c : comments) sorted.push_back(&c);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Comment* a, const Comment* b) {
        return a->span.begin < b->span.begin;
    });

    std::vector<std::size_t> by_anchor(lines_.size());
    std::iota(by_anchor.begin(), by_anchor.end(), std::size_t{0});
    std::stable_sort(by_anchor.begin(), by_anchor.end(), [&](std::size_t a, std::size_t b) {
        return lines_[a].anchor < lines_[b].anchor;
    });
    auto after = [&](std::uint32_t offset) {  // first line anchored after offset
        return std::upper_bound(
            by_anchor.begin(), by_anchor.end(), offset,
            [&](std::uint32_t o, std::size_t i) { return o < lines_[i].anchor; });
    };

    for (const Comment* c : sorted) {
        auto next = after(c->span.begin);
        if (!on_own_line(*c) && next != by_anchor.begin()) {
            Line& l = lines_[*std::prev(next)];
            if (l.trailing != nullptr) l.leading.push_back(l.trailing);
            l.trailing = c;
        } else if (next != by_anchor.end()) {
            lines_[*next].leading.push_back(c);
        } else {
            tail_.push_back(c);
        }
    }
    for (Line& l : lines_) {
        std::stable_sort(
            l.leading.begin(), l.leading.end(),
            [](const Comment* a, const Comment* b) { return a->span.begin < b->span.begin; });
    }
}

std::string Layout::render(const std::vector<Comment>& comments) {
    place(comments);

    std::string out;
    bool at_start = true;     // nothing printed yet
    bool after_open = false;  // the last printed line ends with `{`
    bool seen_decl = false;
    bool last_decl_one_liner = false;

    auto emit = [&](bool blank, int indent, std::string_view text) {
        if (blank && !at_start && !after_open) out += '\n';
        out.append(static_cast<std::size_t>(indent), ' ');
        out += text;
        out += '\n';
        at_start = false;
        after_open = false;
    };
    // Between top-level declarations: always a blank line, except inside a run of one-liners.
    auto decl_gap = [&](const Line& l, bool source_blank) {
        if (!seen_decl) return source_blank;
        return !(l.one_liner && last_decl_one_liner) || source_blank;
    };

    for (const Line& l : lines_) {
        const int comment_indent = l.closes ? l.indent + 2 : l.indent;
        for (std::size_t i = 0; i < l.leading.size(); ++i) {
            const Comment* c = l.leading[i];
            bool blank = blank_before(c->span.begin, false);
            if (i == 0 && l.decl_start) blank = decl_gap(l, blank);
            emit(blank, comment_indent, comment_text(*c));
        }
        bool blank = !l.closes && blank_before(l.anchor, true);
        if (l.leading.empty() && l.decl_start) blank = decl_gap(l, blank);
        std::string text = l.text;
        if (l.trailing != nullptr) text.append("  ").append(comment_text(*l.trailing));
        emit(blank, l.indent, text);
        after_open = l.opens;
        if (l.decl_start) {
            seen_decl = true;
            last_decl_one_liner = l.one_liner;
        }
    }
    for (const Comment* c : tail_) emit(blank_before(c->span.begin, false), 0, comment_text(*c));
    return out;
}

}  // namespace ntm::dsl::layout
