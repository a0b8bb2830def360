// Helpers shared by the checker's passes: wording of values in messages, unknown names, years.
#include <fmt/format.h>

#include <algorithm>

#include "dsl/check_pass.hpp"
#include "text/suggest.hpp"
#include "text/utf8.hpp"

namespace ntm::dsl {

std::optional<EntityKind> entity_kind(std::string_view name) {
    for (std::size_t i = 0; i < kKindCount; ++i) {
        if (kKindNames[i] == name) return static_cast<EntityKind>(i);
    }
    return std::nullopt;
}

std::optional<Region> region(std::string_view name) {
    for (std::size_t i = 0; i < kRegionCount; ++i) {
        if (kRegionNames[i] == name) return static_cast<Region>(i);
    }
    return std::nullopt;
}

const EffectiveCriterion* SetInfo::criterion(std::string_view code) const {
    for (const auto& c : criteria) {
        if (c.code == code) return &c;
    }
    return nullptr;
}

const EffectiveIndicator* SetInfo::indicator(std::string_view code) const {
    for (const auto& c : criteria) {
        for (const auto& i : c.indicators) {
            if (i.code == code) return &i;
        }
    }
    return nullptr;
}

const SetInfo* Checked::set(std::string_view name) const {
    auto it = set_index.find(std::string(name));
    return it == set_index.end() ? nullptr : &sets[it->second];
}

const LevelInfo* Checked::level(std::string_view name) const {
    auto it = level_index.find(std::string(name));
    return it == level_index.end() ? nullptr : &levels[it->second];
}

const ExprInfo* Checked::expr(const Expr& e) const {
    auto it = exprs.find(e.id);
    return it == exprs.end() ? nullptr : &it->second;
}

}  // namespace ntm::dsl

namespace ntm::dsl::check_detail {

Span join(Span a, Span b) {
    if (a.file != b.file) return a;
    return {a.file, std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

std::string quoted_list(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += fmt::format("{}'{}'", out.empty() ? "" : ", ", n);
    return out;
}

std::string plain_list(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

std::string years_text(std::vector<int> years) {
    std::sort(years.begin(), years.end());
    years.erase(std::unique(years.begin(), years.end()), years.end());
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < years.size();) {
        std::size_t j = i;
        while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
        parts.push_back(j == i ? fmt::format("{}", years[i])
                               : fmt::format("{}..{}", years[i], years[j]));
        i = j + 1;
    }
    return plain_list(parts);
}

std::string range_text(const YearRange& y) {
    return y.from == y.to ? fmt::format("{}", y.from) : fmt::format("{}..{}", y.from, y.to);
}

std::string number_text(const Number& n) {
    return n.text + (n.percent ? "%" : "");
}

Message unit_phrase(std::string_view unit) {
    if (unit == "yesno") return say("type.yesno");
    return Message::same(std::string(unit));
}

Message type_phrase(const Type& t) {
    switch (t.value) {
        case ValueType::unknown:
            return say("type.unknown");
        case ValueType::boolean:
            return say("type.yesno");
        case ValueType::number:
            return t.unit.empty() ? say("type.number") : Message::same(t.unit);
        case ValueType::text:
            return say("type.text");
        case ValueType::level:
            return say("type.level");
        case ValueType::region:
            return say("type.region");
        case ValueType::kind:
            return say("type.kind");
    }
    return say("type.unknown");
}

bool first_in_block(Context& cx, NamesInBlock& seen, const Name& name, const char* code, const Message& message,
                    const Message& note) {
    const auto [it, fresh] = seen.try_emplace(name.text, name.span);
    if (!fresh) cx.diags.error(code, name.span, message).notes.push_back({it->second, note});
    return fresh;
}

Diagnostic& unknown_name(Context& cx, std::string code, const Name& name,
                         const std::vector<std::string>& candidates) {
    Message message = say(code, text::printable(name.text));
    Diagnostic& d = cx.diags.error(std::move(code), name.span, std::move(message));
    if (auto m = text::closest_match(name.text, candidates)) d.help = say("help.did_you_mean", *m);
    return d;
}

void check_year_range(Context& cx, const YearRange& y) {
    for (int year : {y.from, y.to}) {
        if (year < cx.options.year_min || year > cx.options.year_max) {
            cx.diags.error("E0114", y.span, say("E0114", year, cx.options.year_min, cx.options.year_max));
            return;
        }
    }
}

std::optional<EntityKind> resolve_kind(Context& cx, const Name& name) {
    if (auto k = entity_kind(name.text)) return k;
    std::vector<std::string> names(kKindNames.begin(), kKindNames.end());
    unknown_name(cx, "E0102", name, names);
    return std::nullopt;
}

const Threshold* first_dimension(const Threshold* t) {
    if (t == nullptr) return nullptr;
    if (t->kind == ThresholdKind::by_category) return t;
    for (const auto& r : t->regions) {
        if (const Threshold* d = first_dimension(r.value.get())) return d;
    }
    for (const auto& y : t->years) {
        if (const Threshold* d = first_dimension(y.value.get())) return d;
    }
    for (const auto& c : t->cases) {
        if (const Threshold* d = first_dimension(c.value.get())) return d;
    }
    return first_dimension(t->otherwise.get());
}

}  // namespace ntm::dsl::check_detail
