#include "ruletest/lexer.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <charconv>

#include "text/utf8.hpp"

namespace ntm::ruletest {

namespace {

// A letter starts a name; letters, digits, '_' and combining marks go on with it, as in rule
// files (dsl/grammar_lexical.hpp, ident_char).
bool name_char(utf8proc_int32_t cp, bool first) {
    if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_' || (!first && cp >= '0' && cp <= '9');
    }
    switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO: return true;
        case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC: return !first;
        default: return false;
    }
}

bool digit(char c) { return c >= '0' && c <= '9'; }

// A control character has no place in a test file, strings and comments included: it cannot be
// seen in an editor and would reach the terminal (C0 but tab and line ends, DEL, C1).
bool control(utf8proc_int32_t cp) {
    return (cp >= 0 && cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
}

class Lexer {
public:
    Lexer(dsl::FileId file, std::string_view text, dsl::Diagnostics& diags) : file_(file), text_(text), diags_(diags) {}

    std::vector<Token> run() {
        std::vector<Token> out;
        while (true) {
            skip_space();
            if (at_ >= text_.size()) break;
            if (auto t = token()) out.push_back(std::move(*t));
        }
        out.push_back({Tok::end, span(static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(text_.size())), {}});
        return out;
    }

private:
    dsl::FileId file_;
    std::string_view text_;
    dsl::Diagnostics& diags_;
    std::size_t at_ = 0;

    Span span(std::size_t b, std::size_t e) const {
        return {file_, static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
    }

    // The code point at `i` and its length in bytes (1 for a byte that does not start one).
    std::pair<utf8proc_int32_t, std::size_t> code_point(std::size_t i) const {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text_.data() + i),
                                        static_cast<utf8proc_ssize_t>(text_.size() - i), &cp);
        return {n > 0 ? cp : -1, n > 0 ? static_cast<std::size_t>(n) : 1};
    }

    void skip_space() {
        while (at_ < text_.size()) {
            const char c = text_[at_];
            if (text::is_blank(c)) {
                ++at_;
            } else if (c == '#') {
                while (at_ < text_.size() && text_[at_] != '\n') {
                    const auto [cp, len] = code_point(at_);
                    if (control(cp)) control_error(at_, len, cp);
                    at_ += len;
                }
            } else {
                return;
            }
        }
    }

    std::optional<Token> token() {
        const std::size_t begin = at_;
        const char c = text_[at_];
        auto punct = [&](Tok kind, std::size_t len) {
            at_ += len;
            return Token{kind, span(begin, at_), std::string(text_.substr(begin, len))};
        };
        if (c == '{') return punct(Tok::lbrace, 1);
        if (c == '}') return punct(Tok::rbrace, 1);
        if (c == '=') return punct(Tok::equals, 1);
        if (c == ',') return punct(Tok::comma, 1);
        if (c == '-') return punct(Tok::minus, 1);
        if (c == '.' && at_ + 1 < text_.size() && text_[at_ + 1] == '.') return punct(Tok::dotdot, 2);
        if (c == '"') return string_token();
        if (digit(c)) return number();
        const auto [cp, len] = code_point(at_);
        if (cp >= 0 && name_char(cp, true)) {
            at_ += len;
            while (at_ < text_.size()) {
                const auto [next, n] = code_point(at_);
                if (next < 0 || !name_char(next, false)) break;
                at_ += n;
            }
            return Token{Tok::name, span(begin, at_), std::string(text_.substr(begin, at_ - begin))};
        }
        at_ += len;
        const std::string shown = cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || text::invisible(static_cast<char32_t>(cp))
                                      ? fmt::format("U+{:04X}", cp)
                                      : std::string(text_.substr(begin, len));
        diags_.error("T0002", span(begin, at_), text::say("T0002", shown));
        return std::nullopt;
    }

    // digits { "." digits } [ "%" ]: a code keeps its spelling (`17.10`), a number its value.
    std::optional<Token> number() {
        const std::size_t begin = at_;
        while (at_ < text_.size() && digit(text_[at_])) ++at_;
        while (at_ + 1 < text_.size() && text_[at_] == '.' && digit(text_[at_ + 1])) {
            ++at_;
            while (at_ < text_.size() && digit(text_[at_])) ++at_;
        }
        Token t{Tok::number, span(begin, at_), std::string(text_.substr(begin, at_ - begin))};
        const auto [value_end, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), t.value);
        if (ec != std::errc() || value_end != t.text.data() + t.text.size()) t.value = 0;  // a code such as 1.2.3
        if (at_ < text_.size() && text_[at_] == '%') {
            ++at_;
            t.percent = true;
            t.span.end = static_cast<std::uint32_t>(at_);
        }
        if (at_ < text_.size()) {
            const auto [cp, len] = code_point(at_);
            if (cp >= 0 && name_char(cp, false)) {
                while (at_ < text_.size() && code_point(at_).first >= 0 && name_char(code_point(at_).first, false))
                    at_ += code_point(at_).second;
                diags_.error("T0002", span(begin, at_),
                             text::say("T0002.not_a_word", text::printable(text_.substr(begin, at_ - begin))));
                return std::nullopt;
            }
        }
        return t;
    }

    void control_error(std::size_t at, std::size_t len, utf8proc_int32_t cp) {
        diags_.error("T0002", span(at, at + len), text::say("T0002.control", fmt::format("{:04X}", cp)));
    }

    std::optional<Token> string_token() {
        const std::size_t begin = at_++;
        std::string value;
        while (at_ < text_.size() && text_[at_] != '"' && text_[at_] != '\n' && text_[at_] != '\r') {
            if (const auto [cp, len] = code_point(at_); control(cp)) {
                control_error(at_, len, cp);
                at_ += len;
                continue;
            }
            if (text_[at_] == '\\' && at_ + 1 < text_.size()) {
                const char e = text_[at_ + 1];
                if (e == '"' || e == '\\') value += e;
                else if (e == 'n') value += '\n';
                else value += text_.substr(at_, 2);
                at_ += 2;
                continue;
            }
            value += text_[at_++];
        }
        if (at_ >= text_.size() || text_[at_] != '"') {
            diags_.error("T0002", span(begin, at_), text::say("T0002.string"));
            return std::nullopt;
        }
        ++at_;
        return Token{Tok::string, span(begin, at_), std::move(value)};
    }
};

}  // namespace

std::vector<Token> tokenize(dsl::FileId file, const dsl::SourceManager& sources, dsl::Diagnostics& diags) {
    return Lexer(file, sources.file(file).text, diags).run();
}

text::Message describe(const Token& t) {
    switch (t.kind) {
        case Tok::end: return text::say("T0001.end");
        case Tok::string: return text::say("T0001.a_string", text::printable(t.text, 40));
        default: return text::Message::same(fmt::format("'{}'", text::printable(t.text, 40)));
    }
}

}  // namespace ntm::ruletest
