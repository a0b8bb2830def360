// The Builder's recognitions: "dat_chuan:2019; nang_cao:2023" in one cell (or a JSON entry),
// and one recognition in the template's two cells, its level in words ("Đạt chuẩn") and its year.
#include <fmt/format.h>

#include "data/builder.hpp"
#include "data/headers.hpp"

namespace ntm::data {

void Builder::recognised(std::uint32_t e, std::string_view text, std::uint32_t line) {
    while (!text.empty()) {
        const std::size_t end = text.find_first_of(";,");
        const std::string_view entry = trim(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (entry.empty()) continue;
        const std::size_t colon = entry.find(':');
        const std::string_view level =
            colon == std::string_view::npos ? entry : trim(entry.substr(0, colon));
        const auto year =
            colon == std::string_view::npos ? std::nullopt : parse_year(entry.substr(colon + 1));
        if (level.empty() || !year || level.find_first_of(" \t") != std::string_view::npos) {
            problem("D0208", ProblemKind::value, line, field_name(Field::recognised),
                    text::say("D0208", shown(entry)));
            continue;
        }
        recognised(e, level, *year);
    }
}

void Builder::recognised(std::uint32_t e, const Written& level, const Written& year) {
    const EntityKind kind = ds_.entities[e].kind;
    if (!level.given()) {
        problem("D0208", ProblemKind::value, year.line, field_name(Field::level_year),
                text::say("D0208.cell_no_level", shown(year.text), field_name(Field::level)));
        return;
    }
    const std::string name = level_named_by(schema_, kind, level.text);
    if (name.empty()) {
        std::vector<std::string> words;
        for (const std::string& l : schema_.levels[kind_index(kind)]) words.push_back(level_word(l));
        problem("D0208", ProblemKind::value, level.line, field_name(Field::level),
                text::say("D0208.cell_level", shown(level.text), kind_name(kind),
                          words.empty() ? text::say("D0208.cell_no_levels")
                                        : text::Message::same(fmt::format("{}", fmt::join(words, ", "))),
                          did_you_mean(level.text, words)));
        return;
    }
    const auto when = parse_year(year.text);
    if (!when) {
        problem("D0208", ProblemKind::value, year.given() ? year.line : level.line, field_name(Field::level_year),
                year.given() ? text::say("D0208.cell_year", shown(year.text), shown(level.text), kYearMin, kYearMax)
                             : text::say("D0208.cell_no_year", shown(level.text), field_name(Field::level_year)));
        return;
    }
    recognised(e, name, *when);
}

void Builder::recognised(std::uint32_t e, std::string_view level, int year) {
    auto& list = ds_.entities[e].recognised;
    const std::string name = to_nfc(level);
    for (const Recognition& r : list) {
        if (r.level == name && r.year == year) return;
    }
    list.push_back({name, year});
}

}  // namespace ntm::data
