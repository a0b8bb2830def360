#include "report/unconfirmed_list.hpp"

#include <fmt/format.h>

#include "report/words.hpp"

namespace ntm::report {

namespace {

std::string cell(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c == '|') out += '\\';
        out += c == '\n' ? ' ' : c;
    }
    return out;
}

// What the mark stands on: "2.1 Tỷ lệ …", "tiêu chí 5 Trường học", "hai_long …", "cả bộ tiêu chí".
std::string subject(const dsl::MarkInfo& m, const Words& w) {
    const std::string title = m.title.empty() ? "" : " " + m.title;
    switch (m.on) {
        case dsl::MarkOn::set: return {};
        case dsl::MarkOn::criterion: return fmt::format("{} {}{}", w.criterion, m.code, title);
        case dsl::MarkOn::gate:
        case dsl::MarkOn::branch: return fmt::format("{}{}", m.code, title);
        case dsl::MarkOn::revocation: return {};
        default: return fmt::format("{}{}", m.code, title);
    }
}

// A mark on the whole set or revocation rule.
bool whole(const dsl::MarkInfo& m) { return m.on == dsl::MarkOn::set || m.on == dsl::MarkOn::revocation; }

// The figure(s) concerned, as rule text (in backticks in Markdown); the words "the whole
// indicator" and the like for a mark on an item.
std::string figure(const dsl::MarkInfo& m, const Words& w, bool markdown) {
    if (m.figure.empty()) return w.unconfirmed_on[static_cast<int>(m.on)];
    return markdown ? fmt::format("`{}`", m.figure) : m.figure;
}

}  // namespace

std::string render_unconfirmed(const std::vector<dsl::MarkInfo>& marks, const dsl::SourceManager& sources,
                               Lang lang, bool markdown) {
    const Words& w = words(lang);
    std::string out;
    if (markdown) {
        out += fmt::format("# {}\n\n{}\n\n{}\n", w.unconfirmed_head, w.unconfirmed_intro,
                           fmt::format(fmt::runtime(w.unconfirmed_total), marks.size()));
    }
    for (std::size_t i = 0; i < marks.size();) {
        std::size_t end = i;
        while (end < marks.size() && marks[end].owner == marks[i].owner && marks[end].owner_kind == marks[i].owner_kind)
            ++end;
        const dsl::MarkInfo& first = marks[i];
        const std::string count = fmt::format(fmt::runtime(w.unconfirmed_group), end - i);
        const char* what = first.owner_kind == dsl::MarkOwner::level        ? w.level_word
                           : first.owner_kind == dsl::MarkOwner::revocation ? w.revocation_word
                                                                            : w.set_word;
        const char* item = first.owner_kind == dsl::MarkOwner::level        ? w.gate
                           : first.owner_kind == dsl::MarkOwner::revocation ? w.branch
                                                                            : w.indicator;
        if (markdown) {
            out += fmt::format("\n## {} `{}`{}\n\n{}\n\n| {} | {} | {} | {} |\n|---|---|---|---|\n", what, first.owner,
                               first.owner_title.empty() ? "" : " — " + first.owner_title, count, w.place,
                               item, w.figure, w.reason);
        } else {
            out += fmt::format("{} {}{}: {}\n", what, first.owner,
                               first.owner_title.empty() ? "" : " (" + first.owner_title + ")", count);
        }
        for (; i < end; ++i) {
            const dsl::MarkInfo& m = marks[i];
            const std::string place = fmt::format("{}:{}", sources.file(m.at.file).path,
                                                  sources.locate(m.at.file, m.at.begin).line);
            if (markdown) {
                out += fmt::format("| `{}` | {} | {} | {} |\n", place, whole(m) ? "—" : cell(subject(m, w)),
                                   cell(figure(m, w, true)),
                                   cell(m.reason));
            } else {
                const std::string on = whole(m) ? std::string() : subject(m, w) + ": ";
                out += fmt::format("  {}: {}{} — {}\n", place, on, figure(m, w, false), m.reason);
            }
        }
    }
    if (!markdown) out += fmt::format("{}\n", fmt::format(fmt::runtime(w.unconfirmed_total), marks.size()));
    return out;
}

}  // namespace ntm::report
