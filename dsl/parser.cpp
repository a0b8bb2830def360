#include "dsl/parser.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "dsl/ast_builder.hpp"
#include "dsl/grammar.hpp"
#include "dsl/parse_errors.hpp"
#include "dsl/parse_recover.hpp"
#include "dsl/parse_report.hpp"

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
        g::neg_op, g::not_op, g::bool_yes, g::bool_no, g::call, g::paren, g::arg, g::where_clause, g::unit_decl,
        g::body_decl, g::member_decl, g::data_decl, g::field, g::derive, g::set_decl, g::source_prop,
        g::for_prop, g::valid_prop, g::extends_prop, g::region_prop, g::group, g::criterion,
        g::override_criterion, g::override_indicator, g::remove_criterion, g::remove_indicator,
        g::combine_prop, g::combine_all, g::combine_any, g::combine_at_least, g::combine_count,
        g::indicator, g::unit_prop, g::value_prop, g::applies_prop, g::require_prop, g::req_yes,
        g::req_no, g::in_range, g::compare, g::by_threshold, g::by_region, g::by_category, g::region_entry, g::by_year, g::year_entry,
        g::table, g::table_header, g::table_row, g::cases, g::case_when, g::case_else, g::level_decl,
        g::after_prop, g::meets_prop, g::gate, g::class_decl, g::when_prop, g::category_decl, g::category_member,
        g::category_when, g::category_otherwise, g::revocation_decl, g::revocation_level, g::revocation_set,
        g::branch, g::assignments_decl,
        g::sets_prop, g::assign_criterion, g::assign_indicator, g::assign_locality, g::target_decl,
        g::locality_prop, g::locality_scope, g::year_prop, g::target_line, g::plus_sign, g::input_combine,
        g::combine_sum, g::combine_weighted, g::combine_every, g::combine_some, g::combine_min, g::combine_max,
        g::combine_resurvey, g::unconfirmed>,
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

// The control character at `i` — C0 other than tab, LF and CR; DEL; C1 (U+0080–U+009F, two
// bytes in UTF-8) — as its code point and its length in bytes; {0, 0} when there is none.
std::pair<char32_t, std::size_t> control_at(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return {c, 1};
    if (c == 0xC2 && i + 1 < text.size()) {
        const auto next = static_cast<unsigned char>(text[i + 1]);
        if (next >= 0x80 && next <= 0x9F) return {next, 2};
    }
    return {0, 0};
}

// Checks the text as text, line by line; false when the file must not be parsed.  A control
// character cannot be seen in an editor and does harm where it goes (a NUL cut files short, an
// escape sequence in a title recoloured the terminal), so it is refused wherever it stands,
// strings and comments included.  No rule needs a line of a megabyte.
bool check_text(std::string_view text, FileId file, Diagnostics& diags, const text::Limits& limits) {
    bool ok = true;
    std::uint32_t line = 1;
    for (std::size_t start = 0; start < text.size(); ++line) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const auto begin = static_cast<std::uint32_t>(start);
        if (end - start > limits.line_bytes) {
            diags.error("E0010", {file, begin, begin},
                        say("E0010", line, end - start, limits.line_bytes))
                .help = say("E0010.help");
            ok = false;
        } else {
            for (std::size_t i = start; i < end; ++i) {
                const auto [cp, length] = control_at(text, i);
                if (length == 0) continue;
                const auto at = static_cast<std::uint32_t>(i);
                diags.error("E0009", {file, at, static_cast<std::uint32_t>(i + length)},
                            say("E0009.control", fmt::format("U+{:04X}", static_cast<std::uint32_t>(cp))));
                ok = false;
                break;
            }
        }
        start = end + 1;
    }
    return ok;
}

}  // namespace

RuleFile parse_file(FileId file, const SourceManager& sources, Diagnostics& diags, NodeIds& ids,
                    const text::Limits& limits) {
    const SourceFile& source = sources.file(file);
    const std::string_view text = source.text;
    RuleFile out;
    out.file = file;
    if (!check_text(text, file, diags, limits)) return out;
    out.comments = scan_comments(text, file);
    AstBuilder builder(file, diags, ids);
    FileRecovery recovery(text, file, diags);
    std::size_t pos = skip_padding(text, 0);
    while (pos < text.size()) {
        tao::pegtl::memory_input<> in(text.data() + pos, text.data() + text.size(), source.path, pos, 1, 1);
        try {
            auto root = pt::parse<g::any_declaration, selector, tao::pegtl::nothing, g::error_control>(
                in, static_cast<g::Recovery&>(recovery));
            out.decls.push_back(builder.declaration(*root->children.front()));
            pos = static_cast<std::size_t>(in.current() - text.data());
        } catch (const tao::pegtl::parse_error& e) {
            recovery.report(e, pos);
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
