#include "dsl/parser.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "dsl/ast_builder.hpp"
#include "dsl/grammar.hpp"
#include "dsl/parse_errors.hpp"

namespace ntm::dsl {

namespace g = grammar;
namespace pt = tao::pegtl::parse_tree;

namespace {

// The parse-tree nodes the builder reads; everything else (keywords, padding, wrapper rules)
// is dropped, and wrappers' children attach to their parent.  Expression levels with a single
// child fold into that child.
template <typename Rule>
using selector = pt::selector<
    Rule,
    pt::store_content::on<
        g::name, g::number, g::code, g::years, g::date, g::string_lit, g::cmp_op, g::add_op, g::mul_op,
        g::neg_op, g::not_op, g::bool_yes, g::bool_no, g::call, g::arg, g::where_clause, g::unit_decl,
        g::body_decl, g::member_decl, g::data_decl, g::field, g::derive, g::set_decl, g::source_prop,
        g::for_prop, g::valid_prop, g::extends_prop, g::region_prop, g::group, g::criterion,
        g::override_criterion, g::override_indicator, g::remove_criterion, g::remove_indicator,
        g::combine_prop, g::combine_all, g::combine_any, g::combine_at_least, g::combine_count,
        g::indicator, g::unit_prop, g::value_prop, g::applies_prop, g::require_prop, g::req_yes,
        g::req_no, g::in_range, g::compare, g::by_region, g::region_entry, g::by_year, g::year_entry,
        g::table, g::table_header, g::table_row, g::cases, g::case_when, g::case_else, g::level_decl,
        g::after_prop, g::meets_prop, g::gate, g::class_decl, g::when_prop, g::assignments_decl,
        g::sets_prop, g::assign_criterion, g::assign_indicator, g::assign_locality, g::target_decl,
        g::locality_prop, g::year_prop, g::target_line, g::plus_sign>,
    pt::fold_one::on<g::or_expr, g::and_expr, g::not_expr, g::comparison, g::sum, g::product, g::unary>>;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Skips blanks and comments.
std::size_t skip_padding(std::string_view text, std::size_t pos) {
    while (pos < text.size()) {
        if (is_blank(text[pos])) {
            ++pos;
        } else if (text[pos] == '#') {
            while (pos < text.size() && text[pos] != '\n') ++pos;
        } else {
            break;
        }
    }
    return pos;
}

bool starts_declaration(std::string_view line) {
    static constexpr std::string_view kKeywords[] = {"set",   "level",       "class",  "data", "unit",
                                                     "body",  "member",      "target", "assignments"};
    for (std::string_view kw : kKeywords) {
        if (line.substr(0, kw.size()) == kw &&
            (line.size() == kw.size() || line[kw.size()] == ' ' || line[kw.size()] == '\t')) {
            return true;
        }
    }
    return false;
}

// Where parsing resumes after an error: the next line that starts, unindented, with a word
// (in the layout `ntm fmt` gives every file, only declarations do).
std::size_t next_declaration(std::string_view text, std::size_t from) {
    std::size_t pos = text.find('\n', from);
    while (pos != std::string_view::npos) {
        ++pos;
        if (pos < text.size() && (std::isalpha(static_cast<unsigned char>(text[pos])) || text[pos] == '_')) return pos;
        pos = text.find('\n', pos);
    }
    return text.size();
}

// The token at `pos`, for "found ..." in messages: a word, a number or one character.
Span found_token(std::string_view text, FileId file, std::size_t pos) {
    auto word_byte = [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '.' || c >= 0x80; };
    std::size_t end = pos;
    if (pos < text.size() && word_byte(static_cast<unsigned char>(text[pos]))) {
        while (end < text.size() && word_byte(static_cast<unsigned char>(text[end]))) ++end;
    } else if (pos < text.size()) {
        end = pos + 1;
    }
    return {file, static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(end)};
}

std::string describe(std::string_view token) {
    if (token.empty()) return "end of file";
    if (token == "\n" || token == "\r") return "end of line";
    return fmt::format("'{}'", token);
}

// Comments, found by a scan of their own: they never reach the grammar's tree.
std::vector<Comment> scan_comments(std::string_view text, FileId file) {
    std::vector<Comment> out;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"' || c == '\n') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '#') {
            std::size_t end = text.find('\n', i);
            if (end == std::string_view::npos) end = text.size();
            std::size_t stop = end;
            while (stop > i + 1 && is_blank(text[stop - 1])) --stop;
            out.push_back({std::string(text.substr(i + 1, stop - i - 1)),
                           {file, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(stop)}});
            i = end;
        }
    }
    return out;
}

// The keywords a message offers ('set', 'level', ...), to suggest the one meant.
std::vector<std::string> quoted_words(std::string_view message) {
    std::vector<std::string> words;
    for (std::size_t open = message.find('\''); open != std::string_view::npos;) {
        const std::size_t close = message.find('\'', open + 1);
        if (close == std::string_view::npos) break;
        const std::string_view w = message.substr(open + 1, close - open - 1);
        if (!w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; })) {
            words.emplace_back(w);
        }
        open = message.find('\'', close + 1);
    }
    return words;
}

void report(const tao::pegtl::parse_error& e, std::string_view text, FileId file, std::size_t decl_start,
            Diagnostics& diags) {
    const std::size_t at = e.positions().empty() ? 0 : e.positions().front().byte;
    const std::string_view message = e.message();
    const Span token = found_token(text, file, at);
    if (message == g::kTooDeep) {
        diags.error("E0005", token,
                    fmt::format("expressions and thresholds nest more than {} levels deep", kMaxNesting));
    } else if (message == g::error_message<g::string_end>) {
        diags.error("E0006", {file, token.begin, token.begin}, std::string(message));
    } else if (at > decl_start && text[at - 1] == '\n' && starts_declaration(text.substr(at))) {
        diags.error("E0001", token, "missing '}' before the next declaration")
            .notes.push_back({found_token(text, file, decl_start), "the declaration that is not closed starts here"});
    } else {
        const std::string_view found = text.substr(token.begin, token.end - token.begin);
        Diagnostic& d = diags.error("E0001", token, fmt::format("{}, found {}", message, describe(found)));
        if (auto near = closest_match(std::string(found), quoted_words(message))) {
            d.help = fmt::format("did you mean '{}'?", *near);
        }
    }
}

}  // namespace

RuleFile parse_file(FileId file, const SourceManager& sources, Diagnostics& diags, NodeIds& ids) {
    const SourceFile& source = sources.file(file);
    const std::string_view text = source.text;
    RuleFile out;
    out.file = file;
    if (text.size() > kMaxFileBytes) {
        diags.error("E0004", {file, 0, 0},
                    fmt::format("rule file is {} bytes, more than the limit of {} bytes", text.size(),
                                kMaxFileBytes));
        return out;
    }
    out.comments = scan_comments(text, file);
    AstBuilder builder(file, diags, ids);
    std::size_t pos = skip_padding(text, 0);
    while (pos < text.size()) {
        tao::pegtl::memory_input<> in(text.data() + pos, text.data() + text.size(), source.path, pos, 1, 1);
        try {
            auto root = pt::parse<g::any_declaration, selector, tao::pegtl::nothing, g::error_control>(in);
            out.decls.push_back(builder.declaration(*root->children.front()));
            pos = static_cast<std::size_t>(in.current() - text.data());
        } catch (const tao::pegtl::parse_error& e) {
            report(e, text, file, pos, diags);
            const std::size_t at = e.positions().empty() ? pos : e.positions().front().byte;
            // A declaration that lacks its closing brace fails where the next one starts:
            // resume right there rather than skipping it.
            const bool at_next = at > pos && (text[at - 1] == '\n') && starts_declaration(text.substr(at));
            pos = at_next ? at : next_declaration(text, std::max(at, pos));
        }
        pos = skip_padding(text, pos);
    }
    return out;
}

}  // namespace ntm::dsl
