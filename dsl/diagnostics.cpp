#include "dsl/diagnostics.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <tuple>

#include "text/suggest.hpp"
#include "text/utf8.hpp"

namespace ntm::dsl {

Diagnostic& Diagnostics::error(std::string code, Span span, Message message) {
    items_.push_back({Severity::error, std::move(code), span, std::move(message), {}, {}, {}});
    return items_.back();
}

Diagnostic& Diagnostics::warning(std::string code, Span span, Message message) {
    items_.push_back({Severity::warning, std::move(code), span, std::move(message), {}, {}, {}});
    return items_.back();
}

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(std::count_if(
        items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
        return d.severity == Severity::warning;
    }));
}

void Diagnostics::sort() {
    auto key = [](const Diagnostic& d) {
        return std::tie(d.span.file, d.span.begin, d.code, d.message.en(), d.span.end);
    };
    std::stable_sort(items_.begin(), items_.end(),
                     [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
    items_.erase(std::unique(items_.begin(), items_.end(),
                             [&](const Diagnostic& a, const Diagnostic& b) {
                                 return key(a) == key(b) && a.severity == b.severity;
                             }),
                 items_.end());
}

void Diagnostics::promote_warnings() {
    for (auto& d : items_) {
        if (d.severity == Severity::warning) d.severity = Severity::error;
    }
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

namespace {

Message severity_word(Severity s) {
    switch (s) {
        case Severity::error: return say("diag.error");
        case Severity::warning: return say("diag.warning");
        case Severity::note: return say("diag.note");
    }
    return say("diag.error");
}

// A line longer than this many columns is shown only around the caret.
constexpr std::uint32_t kWholeLine = 1024;
constexpr std::uint32_t kAroundCaret = 100;

// The part of a source line that is shown under a message: columns `first`..`last` (1-based,
// as SourceManager::locate counts them), with tabs as single spaces so that columns and carets
// agree, and control characters as visible signs (rule text holding one is an error, E0009;
// the line must not reach the terminal as it is).
struct ShownLine {
    std::string text;
    std::uint32_t first = 1;
    std::uint32_t last = 0;
};

void append_shown(std::string& out, std::string_view cp_bytes) {
    const auto c = static_cast<unsigned char>(cp_bytes[0]);
    if (c == '\t') {
        out += ' ';
    } else if (c < 0x20) {
        out += "\xE2\x90";  // U+2400 + c: ␀ … ␟
        out += static_cast<char>(0x80 + c);
    } else if (c == 0x7F) {
        out += "\u2421";  // ␡
    } else if (c == 0xC2 && cp_bytes.size() == 2 && static_cast<unsigned char>(cp_bytes[1]) <= 0x9F) {
        out += "\ufffd";  // C1: no sign of its own
    } else {
        out += cp_bytes;
    }
}

ShownLine shown_line(std::string_view line, std::uint32_t caret) {
    ShownLine shown;
    const std::uint32_t width = text::display_width(line);
    shown.last = width;
    if (width > kWholeLine) {
        shown.first = caret > kAroundCaret ? caret - kAroundCaret : 1;
        shown.last = std::min(width, caret + kAroundCaret);
    }
    if (shown.first > 1) shown.text += "\u2026";
    std::uint32_t column = 1;
    for (std::size_t i = 0; i < line.size() && column <= shown.last;) {
        std::size_t next = i + 1;
        while (next < line.size() && (static_cast<unsigned char>(line[next]) & 0xC0) == 0x80) ++next;
        const std::string_view cp = line.substr(i, next - i);
        if (column >= shown.first) append_shown(shown.text, cp);
        column += text::display_width(cp);
        i = next;
    }
    if (shown.last < width) shown.text += "\u2026";
    return shown;
}

// The source line of `span`, with a caret under its first character and '~' under the rest
// of the span (as far as the line goes) and under each related range on that line.
void render_snippet(std::string& out, Span span, const std::vector<Span>& related,
                    const SourceManager& sources) {
    const LineCol at = sources.locate(span.file, span.begin);
    const std::string_view line = sources.line_text(span.file, at.line);
    const std::string gutter = fmt::format("{:>5}", at.line);
    const ShownLine shown = shown_line(line, at.column);
    fmt::format_to(std::back_inserter(out), "{} | {}\n", gutter, shown.text);

    // marks[k] is under column shown.first + k - (1 if the line is cut before, for the '…').
    const std::uint32_t lead = shown.first > 1 ? 1 : 0;
    std::string marks(lead + shown.last - shown.first + 2, ' ');
    auto put = [&](std::uint32_t column, char c) {
        if (column < shown.first || column > shown.last + 1) return;
        marks[lead + column - shown.first] = c;
    };
    auto mark = [&](Span s, char first) {
        const LineCol b = sources.locate(s.file, s.begin);
        if (s.file != span.file || b.line != at.line) return;
        const LineCol e = sources.locate(s.file, std::max(s.end, s.begin));
        const std::uint32_t stop = std::min(e.line == at.line ? e.column : shown.last + 1, shown.last + 1);
        for (std::uint32_t c = std::max(b.column, shown.first); c < stop; ++c) {
            if (marks[lead + c - shown.first] == ' ') put(c, '~');
        }
        put(b.column, first);
    };
    for (const Span& r : related) mark(r, '~');
    mark(span, '^');
    while (!marks.empty() && marks.back() == ' ') marks.pop_back();
    fmt::format_to(std::back_inserter(out), "{} | {}\n", std::string(gutter.size(), ' '), marks);
}

std::string location(Span span, const SourceManager& sources) {
    const LineCol at = sources.locate(span.file, span.begin);
    return fmt::format("{}:{}:{}", sources.file(span.file).path, at.line, at.column);
}

}  // namespace

std::string render(const Diagnostic& d, const SourceManager& sources, bool color, Lang lang) {
    std::string out;
    const char* bold = color ? "\033[1m" : "";
    const char* reset = color ? "\033[0m" : "";
    const char* tint = !color ? "" : d.severity == Severity::error ? "\033[1;31m" : "\033[1;35m";
    const std::string code = d.code.empty() ? "" : fmt::format("[{}]", d.code);
    fmt::format_to(std::back_inserter(out), "{}{}: {}{}{}{}{}: {}{}\n", bold,
                   location(d.span, sources), tint, severity_word(d.severity).in(lang), code, reset, bold,
                   d.message.in(lang), reset);
    render_snippet(out, d.span, d.related, sources);
    if (d.help) {
        fmt::format_to(std::back_inserter(out), "      = {}: {}\n", say("diag.help").in(lang), d.help->in(lang));
    }
    for (const Note& n : d.notes) {
        fmt::format_to(std::back_inserter(out), "{}: {}: {}\n", location(n.span, sources),
                       say("diag.note").in(lang), n.message.in(lang));
        render_snippet(out, n.span, {}, sources);
    }
    return out;
}

std::string render_all(const Diagnostics& ds, const SourceManager& sources, bool color, Lang lang) {
    std::string out;
    for (const Diagnostic& d : ds.items()) out += render(d, sources, color, lang);
    return out;
}

bool has_error_within(const Diagnostics& ds, Span span) {
    return std::any_of(ds.items().begin(), ds.items().end(), [&](const Diagnostic& d) {
        return d.severity == Severity::error && d.span.file == span.file && d.span.begin >= span.begin &&
               d.span.end <= span.end;
    });
}

Message summary(const Diagnostics& ds) {
    const std::size_t e = ds.error_count(), w = ds.warning_count();
    return say(e == 1 ? "diag.summary.errors.1" : "diag.summary.errors", e) + Message::same(", ") +
           say(w == 1 ? "diag.summary.warnings.1" : "diag.summary.warnings", w);
}

std::optional<Message> code_help(const std::string& code, const std::vector<std::string>& candidates) {
    const auto shape = [](const std::string& c) { return std::count(c.begin(), c.end(), '.'); };
        std::vector<std::string> near;
    for (const auto& c : candidates) {
        if (c != code && c.size() == code.size() && shape(c) == shape(code) && text::edit_distance(code, c, 1) == 1) {
            near.push_back(c);
        }
    }
    std::sort(near.begin(), near.end());
    near.erase(std::unique(near.begin(), near.end()), near.end());
    if (near.size() == 1) return say("help.did_you_mean", near.front());
    const std::size_t dot = code.find('.');
    if (dot == std::string::npos) return std::nullopt;
    const std::string criterion = code.substr(0, dot);
    std::vector<std::string> same;
    for (const auto& c : candidates) {
        if (c.size() > dot && c.compare(0, dot + 1, criterion + ".") == 0) same.push_back(c);
    }
    if (same.empty()) return std::nullopt;
    std::sort(same.begin(), same.end(), [](const std::string& a, const std::string& b) {
        return std::make_pair(a.size(), a) < std::make_pair(b.size(), b);
    });
    same.erase(std::unique(same.begin(), same.end()), same.end());
    std::string list;
    for (const auto& c : same) list += (list.empty() ? "" : ", ") + c;
    return say("help.criterion_has", criterion, list);
}

}  // namespace ntm::dsl
