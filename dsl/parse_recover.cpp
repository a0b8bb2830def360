#include "dsl/parse_recover.hpp"

#include <algorithm>

namespace ntm::dsl {

namespace {

std::size_t line_start(std::string_view text, std::size_t pos) {
    if (pos == 0) return 0;
    const std::size_t nl = text.rfind('\n', pos - 1);
    return nl == std::string_view::npos ? 0 : nl + 1;
}

std::size_t next_line(std::string_view text, std::size_t pos) {
    const std::size_t nl = text.find('\n', pos);
    return nl == std::string_view::npos ? text.size() : nl + 1;
}

// The first byte of the line starting at `line` that is not a blank.
std::size_t first_token(std::string_view text, std::size_t line) {
    std::size_t p = line;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r')) ++p;
    return p;
}

}  // namespace

Resume resume_point(std::string_view text, std::size_t item, std::size_t error) {
    error = std::min(std::max(error, item), text.size());
    const std::size_t item_line = line_start(text, item);
    const std::size_t indent = first_token(text, item_line) - item_line;
    const bool item_first = first_token(text, item_line) == item;
    // The error's own line counts when it is not the item's: its start may be what broke off.
    std::size_t line = line_start(text, error);
    if (line <= item_line) line = next_line(text, error);
    for (; line < text.size(); line = next_line(text, line)) {
        const std::size_t token = first_token(text, line);
        if (token >= text.size() || text[token] == '\n' || text[token] == '#') continue;
        const std::size_t column = token - line;
        if (column > indent) continue;
        if (text[token] == '}' && column == indent && item_first) return {token + 1, false};
        return {token, column < indent || !item_first};
    }
    return {text.size(), true};
}

std::optional<std::size_t> FileRecovery::recover(const tao::pegtl::parse_error& error, std::size_t item) {
    const std::size_t at = error.positions().empty() ? item : error.positions().front().byte;
    const Resume resume = resume_point(text_, item, at);
    if (resume.at <= item) return std::nullopt;
    report(error, item, Block::item);
    if (resume.outer) quiet_.insert(resume.at);
    return resume.at;
}

void FileRecovery::report(const tao::pegtl::parse_error& error, std::size_t decl) {
    report(error, decl, Block::declaration);
}

void FileRecovery::report(const tao::pegtl::parse_error& error, std::size_t start, Block block) {
    const std::size_t at = error.positions().empty() ? start : error.positions().front().byte;
    if (!quiet_.insert(at).second) return;
    report_parse_error(error, text_, file_, start, diags_, block);
}

}  // namespace ntm::dsl
