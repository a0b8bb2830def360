// The words of the data-entry template that the readers take back: see headers.hpp.
#include "data/headers.hpp"

#include <fmt/format.h>

#include <array>

#include "text/utf8.hpp"

namespace ntm::data {

namespace {

bool starts_with_digit(std::string_view s) { return !s.empty() && s.front() >= '0' && s.front() <= '9'; }

// `header` without the unit the template adds at its end: "Tỷ lệ … (%)" → "Tỷ lệ …".
std::string_view without_unit(std::string_view header) {
    if (header.empty() || header.back() != ')') return header;
    const std::size_t open = header.rfind(" (");
    return open == std::string_view::npos ? header : text::trim(header.substr(0, open));
}

struct LevelWord {
    std::string_view name;  // without the kind in front
    std::string_view word;
};
constexpr std::array<LevelWord, 5> kLevelWords = {{
    {"dat_chuan", "Đạt chuẩn"},
    {"nang_cao", "Nâng cao"},
    {"kieu_mau", "Kiểu mẫu"},
    {"hien_dai", "Hiện đại"},
    {"hoan_thanh", "Hoàn thành"},
}};

}  // namespace

bool pass_fail(const engine::Column& column) {
    return starts_with_digit(column.name) || text::fold(column.title).starts_with("đạt ");
}

std::pair<std::string_view, std::string_view> yes_no_words(const engine::Column& column) {
    if (pass_fail(column)) return {"đạt", "chưa đạt"};
    return {"có", "không"};
}

std::string header_unit(const engine::Column& column) {
    if (column.type == engine::ValueType::boolean) {
        const auto [yes, no] = yes_no_words(column);
        return fmt::format("{}/{}", yes, no);
    }
    return column.unit_symbol;
}

std::string input_header(const engine::Column& column, std::string_view title) {
    std::string out;
    if (starts_with_digit(column.name)) out = column.name;
    if (!title.empty()) {
        if (!out.empty()) out += ' ';
        out += title;
    }
    if (out.empty()) out = column.name;
    const std::string unit = header_unit(column);
    if (!unit.empty()) out += fmt::format(" ({})", unit);
    return text::to_nfc(out);
}

std::string input_named_by(const engine::Schema& schema, std::string_view header) {
    const std::string_view whole = text::trim(header);
    for (const std::string_view form : {whole, without_unit(whole)}) {
        // An indicator's column: its code first, whatever title follows (sets word it apart).
        const std::string_view code = form.substr(0, form.find(' '));
        if (starts_with_digit(code) && code.size() < form.size()) {
            for (const auto& columns : schema.columns) {
                for (const engine::Column& c : columns) {
                    if (c.name == code) return c.name;
                }
            }
        }
        const std::string folded = text::fold(form);
        for (const auto& columns : schema.columns) {
            for (const engine::Column& c : columns) {
                if (!c.title.empty() && text::fold(c.title) == folded) return c.name;
            }
        }
    }
    return {};
}

std::string level_word(std::string_view level) {
    for (const LevelWord& w : kLevelWords) {
        if (level == w.name || (level.ends_with(w.name) && level.size() > w.name.size() &&
                                level[level.size() - w.name.size() - 1] == '_')) {
            return std::string(w.word);
        }
    }
    return std::string(level);
}

std::string level_named_by(const engine::Schema& schema, engine::EntityKind kind, std::string_view text) {
    const std::string folded = text::fold_unaccented(text::trim(text));
    for (const std::string& level : schema.levels[engine::kind_index(kind)]) {
        if (folded == text::fold_unaccented(level) || folded == text::fold_unaccented(level_word(level))) {
            return level;
        }
    }
    return {};
}

}  // namespace ntm::data
