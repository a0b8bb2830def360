#include "dsl/parse_report.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <utility>

#include "dsl/parse_errors.hpp"
#include "text/suggest.hpp"
#include "text/utf8.hpp"

namespace ntm::dsl {

namespace g = grammar;

bool starts_declaration(std::string_view line) {
    static constexpr std::string_view kKeywords[] = {"set",  "level",  "class",  "data",       "unit",
                                                     "body", "member", "target", "assignments"};
    for (std::string_view kw : kKeywords) {
        if (line.substr(0, kw.size()) == kw &&
            (line.size() == kw.size() || line[kw.size()] == ' ' || line[kw.size()] == '\t')) {
            return true;
        }
    }
    return false;
}

namespace {

bool word_byte(char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return std::isalnum(c) || c == '_' || c == '.' || c == '%' || c >= 0x80;
}

// The token at `pos`, for "found ..." in messages: the whole word or number around it, or one
// character.  A position inside a word (as in `2.1a`) widens to the whole word.
Span found_token(std::string_view text, FileId file, std::size_t pos) {
    std::size_t begin = pos, end = pos;
    if (pos < text.size() && word_byte(text[pos])) {
        while (begin > 0 && word_byte(text[begin - 1])) --begin;
        while (end < text.size() && word_byte(text[end])) ++end;
    } else if (pos < text.size()) {
        end = pos + 1;
    }
    return {file, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

Message describe(std::string_view token) {
    if (token.empty()) return say("E0001.end_of_file");
    return Message::same(fmt::format("'{}'", token));
}

// The keywords a message offers ('set', 'level', ...), to suggest the one meant.
std::vector<std::string> quoted_words(std::string_view message) {
    std::vector<std::string> words;
    for (std::size_t open = message.find('\''); open != std::string_view::npos;) {
        const std::size_t close = message.find('\'', open + 1);
        if (close == std::string_view::npos) break;
        const std::string_view w = message.substr(open + 1, close - open - 1);
        if (!w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
                return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
            })) {
            words.emplace_back(w);
        }
        open = message.find('\'', close + 1);
    }
    return words;
}

// Vietnamese words a policy officer may type where the language has a keyword.
std::optional<Message> vietnamese_hint(std::string_view word) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kHints = {{
        {"và", "E0001.hint.and"},
        {"hoặc", "E0001.hint.or"},
        {"không", "E0001.hint.not"},
        {"khong", "E0001.hint.not"},
        {"có", "E0001.hint.yes"},
        {"đạt", "E0001.hint.yes"},
        {"nếu", "E0001.hint.applies"},
        {"khi", "E0001.hint.when"},
        {"hoac", "E0001.hint.or"},
    }};
    for (const auto& [vi, hint] : kHints) {
        if (word == vi) return say("E0001.hint", vi, say(hint, vi));
    }
    return std::nullopt;
}

// Rules that expect the next item of a block (or '}') rather than the rest of a statement.
bool expects_new_item(std::string_view message) {
    static const std::array<const char*, 17> kItemMessages = {
        g::error_message<g::set_end>,       g::error_message<g::criterion_end>,
        g::error_message<g::indicator_end>, g::error_message<g::group_end>,
        g::error_message<g::data_end>,      g::error_message<g::level_end>,
        g::error_message<g::class_end>,     g::error_message<g::assignments_end>,
        g::error_message<g::target_end>,    g::error_message<g::by_region_end>,
        g::error_message<g::by_year_end>,   g::error_message<g::table_end>,
        g::error_message<g::declaration>,   g::error_message<g::case_else>,
        g::error_message<g::category_end>,  g::error_message<g::by_category_end>,
        g::error_message<g::revocation_end>,
    };
    return std::any_of(kItemMessages.begin(), kItemMessages.end(),
                       [&](const char* m) { return message == m; });
}

// The end of the code before `pos` (skipping blanks and comments on earlier lines).
std::size_t end_of_previous_code(std::string_view text, std::size_t pos) {
    std::size_t p = pos;
    while (p > 0) {
        while (p > 0 && text::is_blank(text[p - 1])) --p;
        const std::size_t line_start = text.rfind('\n', p == 0 ? 0 : p - 1);
        const std::size_t from = line_start == std::string_view::npos ? 0 : line_start + 1;
        const std::size_t hash = text.substr(from, p - from).find('#');
        if (hash == std::string_view::npos) return p;
        p = from + hash;  // a comment: look before it
    }
    return p;
}

bool first_on_line(std::string_view text, std::size_t pos) {
    std::size_t p = pos;
    while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t')) --p;
    return p == 0 || text[p - 1] == '\n';
}

// The blanks before the first token of the line of `pos`.
std::size_t indentation(std::string_view text, std::size_t pos) {
    std::size_t start = pos;
    while (start > 0 && text[start - 1] != '\n') --start;
    std::size_t p = start;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
    return p - start;
}

// The opening quote of the string left open on the line of `pos`.
std::size_t open_quote(std::string_view text, std::size_t pos) {
    const std::size_t line_start = pos == 0 ? 0 : text.rfind('\n', pos - 1) + 1;
    std::size_t open = pos;
    bool inside = false;
    for (std::size_t i = line_start; i < pos; ++i) {
        if (inside && text[i] == '\\') {
            ++i;
        } else if (text[i] == '"') {
            inside = !inside;
            if (inside) open = i;
        }
    }
    return open;
}

}  // namespace

void report_parse_error(const tao::pegtl::parse_error& e, std::string_view text, FileId file,
                        std::size_t decl_start, Diagnostics& diags, Block block) {
    const std::size_t at = e.positions().empty() ? 0 : e.positions().front().byte;
    // The grammar's message is the key of its words in the catalogue ("E0001.colon").
    const std::string_view message = e.message();
    const Message expected = say(message);
    const Span token = found_token(text, file, at);
    const std::string_view found = text.substr(token.begin, token.end - token.begin);
    const bool new_item = expects_new_item(message);
    const auto decl_note = Note{found_token(text, file, decl_start),
                                say(block == Block::item ? "E0001.note.unclosed_item" : "E0001.note.unclosed")};

    if (message == g::kTooDeep) {
        diags.error("E0005", token,
                    say("E0005", kMaxNesting));
    } else if (message == g::error_message<g::string_end>) {
        const auto open = static_cast<std::uint32_t>(open_quote(text, at));
        diags.error("E0006", {file, open, static_cast<std::uint32_t>(at)}, say("E0006"));
    } else if (new_item && at > decl_start && first_on_line(text, at) && starts_declaration(text.substr(at))) {
        diags.error("E0001", token, say("E0001.missing_brace")).notes.push_back(decl_note);
    } else if (new_item && block == Block::item && !found.empty() && first_on_line(text, at) && at > decl_start &&
               indentation(text, at) <= indentation(text, decl_start)) {
        // The next line is no deeper than the item that opened the block: its '}' is missing.
        diags.error("E0001", token, say("E0001.missing_brace.item")).notes.push_back(decl_note);
    } else if (new_item && found.empty()) {
        const auto end = static_cast<std::uint32_t>(end_of_previous_code(text, at));
        diags.error("E0001", {file, end, end}, say("E0001.missing_brace.eof")).notes.push_back(decl_note);
    } else if (!new_item && (found.empty() || first_on_line(text, at))) {
        // The statement stopped at the end of its line: say so there, not on the next line.
        const auto end = static_cast<std::uint32_t>(end_of_previous_code(text, at));
        diags.error("E0001", {file, end, end},
                    say("E0001", expected, say(found.empty() ? "E0001.end_of_file" : "E0001.end_of_line")));
    } else if (found.size() == 1 && !word_byte(found[0]) &&
               std::string_view("{}()[]:,.+-*/<>=!\"%#").find(found[0]) == std::string_view::npos) {
        const auto c = static_cast<unsigned char>(found[0]);
        diags.error("E0009", token,
                    c < 0x20 || c == 0x7F ? say("E0009", fmt::format("U+{:04X}", c)) : say("E0009.here", found, expected));
    } else {
        Diagnostic& d = diags.error("E0001", token, say("E0001", expected, describe(found)));
        if (auto hint = vietnamese_hint(found)) {
            d.help = *hint;
        } else if (auto near = text::closest_match(std::string(found), quoted_words(expected.en()))) {
            d.help = say("help.did_you_mean", *near);
        } else if (found == "," && token.begin > 0 && std::isdigit(static_cast<unsigned char>(text[token.begin - 1])) &&
                   token.end < text.size() && std::isdigit(static_cast<unsigned char>(text[token.end]))) {
            d.help = say("E0001.help.comma");
        }
    }
}

}  // namespace ntm::dsl
