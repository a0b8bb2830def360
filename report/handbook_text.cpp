// Rule text and `unconfirmed` marks as the handbook shows them, and the writer every part of the
// handbook appends its blocks with.
#include <algorithm>
#include <fmt/format.h>
#include <limits>
#include <string_view>

#include "report/handbook.hpp"
#include "report/handbook_parts.hpp"
#include "text/utf8.hpp"

namespace ntm::report::handbook {

void Marks::add(std::uint32_t reason) {
    if (reason != kNone && std::find(reasons_.begin(), reasons_.end(), reason) == reasons_.end()) {
        reasons_.push_back(reason);
    }
}

std::string Marks::label(std::uint32_t reason) const {
    if (reason == kNone) return {};
    const auto at = std::find(reasons_.begin(), reasons_.end(), reason);
    if (reasons_.size() <= 1 || at == reasons_.end()) return " ⚠";
    return fmt::format(" ⚠{}", at - reasons_.begin() + 1);
}

std::vector<std::string> Marks::notes(const Program& program, const HandbookWords& w) const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < reasons_.size(); ++i) {
        out.push_back(fmt::format("⚠{} {}", reasons_.size() > 1 ? std::to_string(i + 1) : std::string(),
                                  fmt::format(fmt::runtime(w.unconfirmed), program.reasons[reasons_[i]])));
    }
    return out;
}

namespace {

// Rule text on one line: comments dropped (not inside strings), each run of blanks one space.
std::string one_line(std::string_view raw) {
    std::string out;
    bool in_string = false, escaped = false, space = false;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (in_string) {
            out += c;
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '#') {
            while (i + 1 < raw.size() && raw[i + 1] != '\n') ++i;
            space = true;
            continue;
        }
        if (text::is_blank(c)) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        in_string = c == '"';
        out += c;
    }
    return out;
}

std::string span_text(const Program& program, dsl::Span span) {
    if (program.sources == nullptr || span.file >= program.sources->size()) return {};
    return one_line(program.sources->text(span));
}

bool name_start(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80; }
bool name_part(unsigned char c) { return name_start(c) || (c >= '0' && c <= '9'); }

}  // namespace

std::string rule_code(const Program& program, dsl::Span span) {
    const std::string text = span_text(program, span);
    return text.find('`') == std::string::npos ? fmt::format("`{}`", text) : fmt::format("“{}”", text);
}

std::string fields_read(const Program& program, EntityKind kind, const std::vector<dsl::Span>& spans) {
    std::vector<std::string> names;
    for (const dsl::Span& span : spans) {
        const std::string text = span_text(program, span);
        bool in_string = false;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (in_string || c == '"') {
                in_string = c == '"' ? !in_string : in_string;
                if (c == '\\') ++i;
                continue;
            }
            if (!name_start(c) || (i > 0 && name_part(static_cast<unsigned char>(text[i - 1])))) continue;
            std::size_t end = i;
            while (end < text.size() && name_part(static_cast<unsigned char>(text[end]))) ++end;
            std::string name = text.substr(i, end - i);
            if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
            i = end - 1;
        }
    }
    std::vector<std::string> parts;
    for (const std::string& name : names) {
        const engine::Column* col = program.schema.find(kind, name);
        if (col != nullptr && !col->title.empty()) parts.push_back(fmt::format("`{}`: {}", name, col->title));
    }
    return fmt::format("{}", fmt::join(parts, "; "));
}

std::string year_range(int from, int to) { return from == to ? std::to_string(from) : fmt::format("{}-{}", from, to); }

// ---------------------------------------------------------------------------------------------
// The writer

Writer::Writer(const Program& program, Lang language, Doc& document)
    : p(program), lang(language), w(handbook_words(language)), doc(document) {}

void Writer::heading(int level, std::string text, std::string anchor) {
    doc.blocks.push_back(DocBlock::make_heading(level, std::move(text), std::move(anchor)));
}

void Writer::paragraph(std::string text) {
    DocBlock b;
    b.text = std::move(text);
    b.code_spans = true;
    doc.blocks.push_back(std::move(b));
}

void Writer::bullets(std::vector<std::string> items) {
    if (items.empty()) return;
    DocBlock b;
    b.kind = DocBlock::bullets;
    b.items = std::move(items);
    b.code_spans = true;
    doc.blocks.push_back(std::move(b));
}

void Writer::notes(const Marks& marks) {
    for (std::string& n : marks.notes(p, w)) paragraph(std::move(n));
}

std::string Writer::label(const char* what, const std::string& value) const { return fmt::format("{}: {}", what, value); }

std::string Writer::kind(EntityKind k) const { return words(lang).kind_names[kind_index(k)]; }

std::string Writer::years(int from, int to) const {
    constexpr int kMin = std::numeric_limits<int>::min(), kMax = std::numeric_limits<int>::max();
    if (from == kMin && to == kMax) return {};
    if (from == kMin) return fmt::format(fmt::runtime(w.years_to), to);
    if (to == kMax) return fmt::format(fmt::runtime(w.years_from), from);
    return year_range(from, to);
}

std::string Writer::locality(const SetDef& s) const {
    if (s.locality.empty()) return w.nationwide;
    const std::string where = locality_title(s.locality, lang);
    if (s.base == kNone) return where;
    return fmt::format(fmt::runtime(w.in_place_of), where, p.sets[s.base].title);
}

bool Writer::uses(const LevelDef& level, std::uint32_t s) const {
    return std::any_of(level.meets.begin(), level.meets.end(), [&](std::uint32_t m) {
        return m == s || (!p.sets[s].locality.empty() && p.extends(s, m));
    });
}

bool Writer::uses(const RevocationDef& rule, std::uint32_t s) const {
    return rule.set == s || (!p.sets[s].locality.empty() && p.extends(s, rule.set));
}
}  // namespace ntm::report::handbook
