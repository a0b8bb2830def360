// JSON syntax errors: the text scanned again, token by token, with what the grammar expects at
// each point (a value, a key, ':', ',' or the closing bracket, the end of the file), until the
// first thing that is not JSON.  The scanner keeps no tree and does not recurse: open objects
// and arrays are a stack of where they opened.
#include "data/json_errors.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <vector>

#include "data/json_lexer.hpp"
#include "text/message.hpp"
#include "text/utf8.hpp"

namespace ntm::data {

namespace {

bool digit(char c) {
    return c >= '0' && c <= '9';
}
bool structural(char c) {
    return c == '{' || c == '}' || c == '[' || c == ']' || c == ',' || c == ':';
}
bool ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// What the grammar expects next.
enum class Want : std::uint8_t {
    top,          // the file's value
    value_colon,  // a value after ':'
    value_open,   // a value or ']' after '['
    value_comma,  // a value after ',' in an array
    key_open,     // a key or '}' after '{'
    key_comma,    // a key after ',' in an object
    colon,        // ':' after a key
    after_value,  // ',' or the closing bracket
    end,          // nothing more
};

struct Open {
    char close;          // '}' or ']'
    std::size_t offset;  // of the '{' or '['
};

// Thrown inside the scanner: the message found, located at `offset`.
struct Found {
    std::size_t offset;
    text::Message message;
};

class Scanner {
public:
    Scanner(std::string_view text, std::size_t max_letters) : text_(text), max_(max_letters) {}

    // The first syntax error, or nothing when the text is JSON.
    std::optional<Found> first_error() {
        try {
            scan();
        } catch (Found& f) {
            return std::move(f);
        }
        return std::nullopt;
    }

private:
    std::string quoted(std::string_view s) const { return fmt::format("'{}'", text::printable(s, max_)); }

    [[noreturn]] void fail(std::size_t offset, text::Message message) const {
        throw Found{offset, std::move(message)};
    }

    void scan() {
        std::size_t i = text_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
        Want want = Want::top;
        for (;;) {
            while (i < text_.size() && text::is_blank(text_[i])) ++i;
            if (i == text_.size()) {
                if (want == Want::end) return;
                at_end();
            }
            const char c = text_[i];
            switch (want) {
                case Want::end:
                    fail(i, text::say("json.expected_end", found(i)));
                case Want::colon:
                    if (c != ':') {
                        fail(i, text::say("json.expected_colon", quoted(key_), found(i)));
                    }
                    ++i;
                    want = Want::value_colon;
                    continue;
                case Want::key_open:
                case Want::key_comma:
                    if (c == '}') {
                        if (want == Want::key_comma) trailing_comma(i);
                        i = close(i);
                        want = open_.empty() ? Want::end : Want::after_value;
                        continue;
                    }
                    if (c != '"') {
                        fail(i, text::say("json.expected_key",
                                          want == Want::key_open ? text::say("json.or_close") : text::Message(),
                                          found(i)));
                    }
                    {
                        const std::size_t after = string_end(i);
                        key_ = text_.substr(i + 1, after - i - 2);
                        i = after;
                    }
                    want = Want::colon;
                    continue;
                case Want::after_value: {
                    const char closing = open_.back().close;
                    if (c == ',') {
                        ++i;
                        want = closing == '}' ? Want::key_comma : Want::value_comma;
                    } else if (c == closing) {
                        i = close(i);
                        want = open_.empty() ? Want::end : Want::after_value;
                    } else {
                        fail(i, text::say("json.expected_comma", std::string(1, closing), found(i),
                                          value_starts(c) ? text::say("json.missing_comma") : text::Message()));
                    }
                    continue;
                }
                default:
                    i = value(i, want);
                    want = open_.empty() ? Want::end : Want::after_value;
                    if (c == '{') want = Want::key_open;
                    if (c == '[') want = Want::value_open;
                    continue;
            }
        }
    }

    // The value at `i`, where `want` expects one; returns where it ends (just after the '{' or
    // '[' of an object or array, which is pushed).
    std::size_t value(std::size_t i, Want want) {
        const char c = text_[i];
        if (want == Want::top && c != '{') {
            fail(i, text::say("json.not_ntm_data", text::say("json.ntm_object"), found(i)));
        }
        if ((c == ']' || c == '}') && want == Want::value_comma) trailing_comma(i);
        if (c == ']' && want == Want::value_open) {
            // "[]": closed at once; the caller goes on after it.
            return close(i);
        }
        if (c == '{' || c == '[') {
            open_.push_back({c == '{' ? '}' : ']', i});
            return i + 1;
        }
        if (c == '"') return string_end(i);
        if (digit(c) || c == '-' || c == '+' || c == '.') return number_end(i);
        const std::string_view w = word(i);
        if (w == "true" || w == "false" || w == "null") return i + w.size();
        const char* after = want == Want::value_colon  ? "':'"
                            : want == Want::value_open ? "'['"
                                                       : "','";
        fail(i, text::say("json.expected_value", text::say("json.value_kinds"), after, found(i)));
    }

    // The ']' or '}' at `i` closes the innermost object or array.
    std::size_t close(std::size_t i) {
        open_.pop_back();
        return i + 1;
    }

    [[noreturn]] void trailing_comma(std::size_t i) const {
        fail(i, text::say("json.trailing_comma", std::string(1, text_[i])));
    }

    [[noreturn]] void at_end() const {
        const std::size_t end = text_.size();
        if (open_.empty()) {
            fail(end, text::say("json.empty", text::say("json.ntm_object")));
        }
        const Open& o = open_.back();
        fail(end, text::say("json.unclosed", o.close == '}' ? text::say("json.object") : text::say("json.array"),
                            position_of(text_, o.offset).line, std::string(1, o.close)));
    }

    static bool value_starts(char c) {
        return c == '"' || c == '\'' || c == '{' || c == '[' || c == '-' || digit(c) ||
               ascii_letter(c);
    }

    // The word at `i`: up to a blank, a bracket, ',', ':' or '"'.
    std::string_view word(std::size_t i) const {
        std::size_t j = i;
        while (j < text_.size() && !text::is_blank(text_[j]) && !structural(text_[j]) && text_[j] != '"')
            ++j;
        return text_.substr(i, std::max<std::size_t>(j - i, 1));
    }

    // What is at `i`, quoted, with a hint where one helps.
    text::Message found(std::size_t i) const {
        const char c = text_[i];
        if (structural(c)) return text::Message::same(quoted(text_.substr(i, 1)));
        if (c == '/') return text::Message::same(quoted("/")) + text::say("json.no_comments");
        if (c == '"') {
            std::size_t j = i + 1;
            while (j < text_.size() && text_[j] != '"' && text_[j] != '\n') {
                j += text_[j] == '\\' && j + 1 < text_.size() && text_[j + 1] != '\n' ? 2 : 1;
            }
            if (j < text_.size() && text_[j] == '"') ++j;
            return text::Message::same(quoted(text_.substr(i, j - i)));
        }
        if (c == '\'') {
            const std::size_t j = text_.find_first_of("'\n", i + 1);
            if (j != std::string_view::npos && text_[j] == '\'') {
                return text::Message::same(quoted(text_.substr(i + 1, j - i - 1))) +
                       text::say("json.single_quotes");
            }
        }
        const std::string_view w = word(i);
        const std::string l = lower(w);
        if (l != w && (l == "true" || l == "false" || l == "null")) {
            return text::Message::same(quoted(w)) + text::say("json.lower_case");
        }
        return text::Message::same(quoted(w));
    }

    // The string whose '"' is at `start`: returns where it ends, after its closing '"'.
    std::size_t string_end(std::size_t start) const {
        std::size_t i = start + 1;
        const auto so_far = [&] { return quoted(text_.substr(start, i - start)); };
        for (;;) {
            if (i >= text_.size()) {
                fail(start, text::say("json.string_unclosed", so_far()));
            }
            const auto b = static_cast<unsigned char>(text_[i]);
            if (b == '"') return i + 1;
            if (b == '\n' || b == '\r') {
                fail(start, text::say("json.string_unclosed_line", so_far()));
            }
            if (b < 0x20) {
                fail(start, text::say("json.string_control", so_far(),
                                      b == '\t' ? text::say("char.tab") : text::say("char.control"), b, b));
            }
            if (b == '\\') {
                i = escape_end(start, i);
                continue;
            }
            if (b >= 0x80) {
                utf8proc_int32_t cp = 0;
                const auto n =
                    utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text_.data() + i),
                                     static_cast<utf8proc_ssize_t>(text_.size() - i), &cp);
                if (n <= 0) {
                    fail(start, text::say("json.string_not_utf8", so_far(), quoted(text_.substr(i, 1))));
                }
                i += static_cast<std::size_t>(n);
                continue;
            }
            ++i;
        }
    }

    // The escape whose '\' is at `i`, in the string whose '"' is at `start`.
    std::size_t escape_end(std::size_t start, std::size_t i) const {
        const std::string so_far = quoted(text_.substr(start, i - start));
        if (i + 1 >= text_.size()) {
            fail(start, text::say("json.string_unclosed", so_far));
        }
        const char e = text_[i + 1];
        if (std::string_view("\"\\/bfnrt").find(e) != std::string_view::npos) return i + 2;
        if (e != 'u') {
            const std::string_view letter = text_.substr(i + 1, letter_size(i + 1));
            bad_escape(start, fmt::format("\\{}", letter), so_far);
        }
        const auto hex = [&](std::size_t at) -> std::optional<unsigned> {
            const long v = json_hex4(text_.substr(std::min(at, text_.size())));
            return v < 0 ? std::nullopt : std::optional<unsigned>(static_cast<unsigned>(v));
        };
        const auto u = hex(i + 2);
        if (!u) {
            std::size_t j = i + 2;
            while (j < text_.size() && j < i + 6 && text_[j] != '"' && !text::is_blank(text_[j])) ++j;
            bad_escape(start, std::string(text_.substr(i, j - i)), so_far);
        }
        if (*u >= 0xDC00 && *u <= 0xDFFF) lone_half(start, i, so_far);
        if (*u >= 0xD800 && *u <= 0xDBFF) {
            const bool low = i + 7 < text_.size() && text_[i + 6] == '\\' && text_[i + 7] == 'u' &&
                             hex(i + 8) && *hex(i + 8) >= 0xDC00 && *hex(i + 8) <= 0xDFFF;
            if (!low) lone_half(start, i, so_far);
            return i + 12;
        }
        return i + 6;
    }

    [[noreturn]] void bad_escape(std::size_t start, const std::string& escape,
                                 const std::string& so_far) const {
        fail(start, text::say("json.bad_escape", quoted(escape), so_far));
    }

    [[noreturn]] void lone_half(std::size_t start, std::size_t i, const std::string& so_far) const {
        fail(start, text::say("json.lone_half", quoted(text_.substr(i, 6)), so_far));
    }

    // Bytes of the UTF-8 letter at `i` (1 for a byte that is not UTF-8).
    std::size_t letter_size(std::size_t i) const {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text_.data() + i),
                                        static_cast<utf8proc_ssize_t>(text_.size() - i), &cp);
        return n > 0 ? static_cast<std::size_t>(n) : 1;
    }

    // The number at `i`: its letters up to a blank, a bracket, ',' or ':'; JSON's grammar is
    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    std::size_t number_end(std::size_t i) const {
        std::size_t j = i;
        while (j < text_.size() && (digit(text_[j]) || ascii_letter(text_[j]) || text_[j] == '.' ||
                                    text_[j] == '+' || text_[j] == '-'))
            ++j;
        const std::string_view n = text_.substr(i, j - i);
        std::size_t k = 0;
        const auto digits = [&] {
            const std::size_t from = k;
            while (k < n.size() && digit(n[k])) ++k;
            return k > from;
        };
        bool ok = true;
        if (k < n.size() && n[k] == '-') ++k;
        if (k < n.size() && n[k] == '0') {
            ++k;
        } else {
            ok = k < n.size() && n[k] != '0' && digits();
        }
        if (ok && k < n.size() && n[k] == '.') {
            ++k;
            ok = digits();
        }
        if (ok && k < n.size() && (n[k] == 'e' || n[k] == 'E')) {
            ++k;
            if (k < n.size() && (n[k] == '+' || n[k] == '-')) ++k;
            ok = digits();
        }
        if (!ok || k != n.size()) fail(i, text::say("json.not_a_number", quoted(n)));
        if (std::isinf(std::strtod(std::string(n).c_str(), nullptr))) {
            fail(i, text::say("json.too_large", text::printable(n, max_)));
        }
        return j;
    }

    std::string_view text_;
    std::size_t max_;
    std::vector<Open> open_;
    std::string_view key_;
};

text::Message located(std::string_view text, std::size_t offset, const text::Message& message) {
    const TextPosition p = position_of(text, offset);
    return text::say("json.located", p.line, p.column, message);
}

}  // namespace

TextPosition position_of(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    TextPosition p;
    p.line = static_cast<std::uint32_t>(1 + std::count(before.begin(), before.end(), '\n'));
    std::size_t start = before.rfind('\n');
    start = start == std::string_view::npos ? 0 : start + 1;
    if (start == 0 && before.substr(0, 3) == "\xEF\xBB\xBF") start = 3;
    // Letters: every byte but UTF-8's continuation bytes (10xxxxxx).
    p.column = static_cast<std::uint32_t>(
        1 + std::count_if(before.begin() + static_cast<std::ptrdiff_t>(start), before.end(),
                          [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    return p;
}

text::Message json_syntax_error(std::string_view text, std::size_t fallback,
                              std::size_t max_letters) {
    if (const auto e = Scanner(text, max_letters).first_error()) {
        return located(text, e->offset, e->message);
    }
    return located(text, fallback, text::say("json.not_json"));
}

text::Message json_too_deep(std::string_view text, std::size_t offset) {
    return located(text, offset, text::say("json.too_deep", kJsonMaxDepth));
}

}  // namespace ntm::data
