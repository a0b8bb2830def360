// Scenario files: one directive per line, words separated by blanks, `#` to the end of the line
// is a comment (docs/generate.md, "Scenario files").
//
//   missing 0.02                  share of records that lack one to three values
//   growth 0.15                   development score gained per year
//   village-offset -6.5           a village's score minus its commune's
//   CODE offset -0.8              score offset of a province, district or commune
//   CODE villages 3-6             villages per commune (of a commune, district or province)
//   CODE recognised LEVEL YEAR    a recognition, e.g. before the generated years
//   CODE YEARS level LEVEL|none   reaches exactly this level (the highest level reached)
//   CODE YEARS fail C... | none   exactly these criteria of the standard set fail
//   CODE YEARS set COLUMN VALUE   this value, after everything else (VALUE may be `missing`)
//
// YEARS is a year (2024) or a range (2022-2024) within the generated years.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "data/load.hpp"
#include "data/vocabulary.hpp"
#include "dsl/diagnostics.hpp"
#include "generate/model.hpp"
#include "text/files.hpp"
#include "text/suggest.hpp"
#include "text/utf8.hpp"

namespace ntm::gen {

namespace {

std::vector<std::string_view> words(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
        if (i > start) out.push_back(line.substr(start, i - start));
    }
    return out;
}

std::optional<int> integer(std::string_view w) {
    int v = 0;
    const auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), v);
    if (ec != std::errc() || end != w.data() + w.size()) return std::nullopt;
    return v;
}

// "98.5", "98,5", "-0.3", "91%": the number (the '%' is allowed and dropped).
std::optional<double> number(std::string_view w, bool* percent = nullptr) {
    std::string s(w);
    if (!s.empty() && s.back() == '%') {
        s.pop_back();
        if (percent != nullptr) *percent = true;
    }
    std::replace(s.begin(), s.end(), ',', '.');
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

text::Message suggestion(const std::string& word, const std::vector<std::string>& candidates) {
    const auto near = text::closest_match(word, candidates);
    return near ? text::say("note.did_you_mean", *near) : text::Message();
}

class ScenarioReader {
public:
    ScenarioReader(const std::string& path, const Program& program, const AdminUnits& units,
                   const GenerateOptions& options, std::vector<text::Problem>& problems)
        : p_(program), units_(units), options_(options), problems_(problems), selected_(gen::selection(units, options)) {
        out_.path = path;
    }

    Scenario read(std::string_view text) {
        std::uint32_t line = 0;
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos) end = text.size();
            ++line;
            std::string_view content = text.substr(start, end - start);
            if (const std::size_t hash = content.find('#'); hash != std::string_view::npos) content = content.substr(0, hash);
            const std::vector<std::string_view> w = words(content);
            if (!w.empty()) directive(line, w);
            start = end + 1;
        }
        return std::move(out_);
    }

private:
    const Program& p_;
    const AdminUnits& units_;
    const GenerateOptions& options_;
    std::vector<text::Problem>& problems_;
    std::vector<bool> selected_;
    Scenario out_;
    std::map<std::string, std::uint32_t> seen_;  // "code year what" → line

    void problem(std::uint32_t line, std::string_view field, text::Message message) {
        text::Problem p;
        p.where = {out_.path, line, std::string(field)};
        p.message = std::move(message);
        problems_.push_back(std::move(p));
    }

    void usage(std::uint32_t line) {
        problem(line, {}, text::say("scenario.usage"));
    }

    // The entity a code names: a selected unit, or a village (a selected commune's code and two
    // digits) when the rules judge villages.
    std::optional<std::pair<EntityKind, std::string>> entity(std::uint32_t line, std::string_view code_text) {
        const std::string code(code_text);
        for (const EntityKind k : {EntityKind::xa, EntityKind::huyen, EntityKind::tinh}) {
            const std::uint32_t u = units_.find(k, code);
            if (u == kNone) continue;
            if (!selected_[u]) {
                problem(line, "code", text::say("scenario.not_generated", code, units_.units[u].type, units_.units[u].name));
                return std::nullopt;
            }
            return std::make_pair(k, code);
        }
        if (code.size() > 2 && gen::has_villages(p_)) {
            const std::uint32_t u = units_.find(EntityKind::xa, code.substr(0, code.size() - 2));
            if (u != kNone && selected_[u] && integer(code.substr(code.size() - 2)).value_or(0) > 0)
                return std::make_pair(EntityKind::thon, code);
        }
        problem(line, "code", text::say("scenario.no_unit", code, units_.path));
        return std::nullopt;
    }

    std::optional<std::pair<int, int>> years(std::uint32_t line, std::string_view w) {
        const std::size_t dash = w.find('-');
        const auto a = integer(w.substr(0, dash));
        const auto b = dash == std::string_view::npos ? a : integer(w.substr(dash + 1));
        if (!a || !b || *a > *b) {
            problem(line, "year", text::say("scenario.years", w));
            return std::nullopt;
        }
        if (*a < options_.from || *b > options_.to) {
            problem(line, "year", text::say("scenario.years_outside", w,
                                              options_.from == options_.to ? fmt::format("{}", options_.from)
                                                                           : fmt::format("{}-{}", options_.from, options_.to)));
            return std::nullopt;
        }
        return std::make_pair(*a, *b);
    }

    // A level of `kind` by name.
    std::optional<std::uint32_t> level(std::uint32_t line, EntityKind kind, std::string_view name) {
        std::vector<std::string> names;
        for (std::uint32_t li : p_.level_order[kind_index(kind)]) {
            if (p_.levels[li].name == name) return li;
            names.push_back(p_.levels[li].name);
        }
        if (names.empty()) {
            problem(line, "level", text::say("scenario.no_levels", data::kind_name(kind)));
        } else {
            problem(line, "level", text::say("scenario.no_level", name, data::kind_name(kind),
                                             fmt::format("{}", fmt::join(names, ", ")), suggestion(std::string(name), names)));
        }
        return std::nullopt;
    }

    bool once(std::uint32_t line, const std::string& key, const text::Message& what) {
        const auto [it, fresh] = seen_.emplace(key, line);
        if (!fresh) problem(line, {}, text::say("scenario.again", what, it->second));
        return fresh;
    }

    // One line of the scenario, split into words: a setting of the whole file (`missing 0.2`),
    // a setting of one unit (`20365 offset -1`), or a directive for years (`20365 2024 level
    // dat_chuan`).
    void directive(std::uint32_t line, const std::vector<std::string_view>& w) {
        if (w[0] == "missing" || w[0] == "growth" || w[0] == "village-offset") return setting(line, w);
        if (w.size() < 3) return usage(line);
        const auto target = entity(line, w[0]);
        if (!target) return;
        const auto& [kind, code] = *target;
        if (w[1] == "offset" || w[1] == "villages" || w[1] == "recognised" || w[1] == "recognized") {
            return unit_setting(line, kind, code, w);
        }
        years_directive(line, kind, code, w);
    }

    // `missing SHARE`, `growth SCORE`, `village-offset SCORE`.
    void setting(std::uint32_t line, const std::vector<std::string_view>& w) {
        const auto v = w.size() == 2 ? number(w[1]) : std::nullopt;
        if (!v) return usage(line);
        if (w[0] == "missing") {
            if (*v < 0 || *v > 1) return problem(line, "missing", text::say("scenario.missing", w[1]));
            out_.missing = *v;
        } else if (w[0] == "village-offset") {
            if (*v < -10 || *v > 5) return problem(line, "village-offset", text::say("scenario.village_offset", w[1]));
            out_.village_offset = *v;
        } else {
            if (*v < -1 || *v > 1) return problem(line, "growth", text::say("scenario.growth", w[1]));
            out_.growth = *v;
        }
    }

    // `CODE offset SCORE`, `CODE villages N[-M]`, `CODE recognised LEVEL YEAR`.
    void unit_setting(std::uint32_t line, EntityKind kind, const std::string& code, const std::vector<std::string_view>& w) {
        if (w[1] == "offset") {
            const auto v = w.size() == 3 ? number(w[2]) : std::nullopt;
            if (!v || *v < -5 || *v > 5) return problem(line, "offset", text::say("scenario.offset"));
            if (once(line, code + " offset", text::say("scenario.what.offset", code))) out_.offsets[code] = *v;
            return;
        }
        if (w[1] == "villages") {
            const std::size_t dash = w.size() == 3 ? w[2].find('-') : 0;
            const auto a = w.size() == 3 ? integer(w[2].substr(0, dash)) : std::nullopt;
            const auto b = dash == std::string_view::npos ? a : a ? integer(w[2].substr(dash + 1)) : std::nullopt;
            if (!a || !b || *a < 0 || *b < *a || *b > 99)
                return problem(line, "villages", text::say("scenario.villages"));
            if (once(line, code + " villages", text::say("scenario.what.villages", code))) out_.villages[code] = {*a, *b};
            return;
        }
        if (w.size() != 4) return usage(line);
        const auto li = level(line, kind, w[2]);
        const auto y = integer(w[3]);
        if (!li) return;
        if (!y || *y < 1900 || *y > 2100) return problem(line, "year", text::say("scenario.year", w[3]));
        out_.recognised[code].push_back({std::string(w[2]), *y});
    }

    // `CODE YEARS level LEVEL|none`, `CODE YEARS fail CRITERIA...|none`, `CODE YEARS set COLUMN VALUE`.
    void years_directive(std::uint32_t line, EntityKind kind, const std::string& code,
                         const std::vector<std::string_view>& w) {
        const auto range = years(line, w[1]);
        if (!range) return;
        Directive d;
        d.code = code;
        d.from = range->first;
        d.to = range->second;
        d.line = line;
        const std::string_view verb = w[2];
        if (verb == "level") {
            if (w.size() != 4) return usage(line);
            d.kind = Directive::Kind::level;
            if (w[3] != "none") {
                const auto li = level(line, kind, w[3]);
                if (!li) return;
                d.level = *li;
            }
        } else if (verb == "fail") {
            if (w.size() < 4) return usage(line);
            d.kind = Directive::Kind::fail;
            if (!(w.size() == 4 && w[3] == "none")) {
                for (std::size_t i = 3; i < w.size(); ++i) d.criteria.emplace_back(w[i]);
                if (!criteria(line, kind, d)) return;
            }
        } else if (verb == "set") {
            if (w.size() != 5) return usage(line);
            d.kind = Directive::Kind::set;
            if (!value(line, kind, w[3], w[4], d)) return;
        } else {
            return usage(line);
        }
        for (int y = d.from; y <= d.to; ++y) {
            const std::string what = verb == "set" ? "set " + d.column : "level";
            if (!once(line, fmt::format("{} {} {}", code, y, what), text::say("scenario.what.directive", verb, code, y)))
                return;
        }
        out_.directives.push_back(std::move(d));
    }

    // The criteria of a `fail` directive: codes of a set of the kind in force in each year.
    bool criteria(std::uint32_t line, EntityKind kind, const Directive& d) {
        for (int y = d.from; y <= d.to; ++y) {
            std::vector<std::string> known;
            for (const SetDef& s : p_.sets) {
                if (s.kind != kind || s.valid_from > y || y > s.valid_to) continue;
                for (std::uint32_t c = 0; c < s.criterion_count; ++c) known.push_back(p_.criteria[s.first_criterion + c].code);
            }
            if (known.empty()) {
                problem(line, "fail", text::say("scenario.no_set", data::kind_name(kind), y));
                return false;
            }
            for (const std::string& c : d.criteria) {
                if (std::find(known.begin(), known.end(), c) != known.end()) continue;
                problem(line, "fail", text::say("scenario.no_criterion", c, data::kind_name(kind), y, suggestion(c, known)));
                return false;
            }
        }
        return true;
    }

    bool value(std::uint32_t line, EntityKind kind, std::string_view column, std::string_view text, Directive& d) {
        const Column* c = p_.schema.find(kind, column);
        if (c == nullptr || c->derived) {
            std::vector<std::string> names;
            for (const Column& col : p_.schema.columns[kind_index(kind)])
                if (!col.derived) names.push_back(col.name);
            problem(line, "column",
                    c != nullptr ? text::say("scenario.computed", column)
                                 : text::say("scenario.no_input", column, data::kind_name(kind),
                                             suggestion(std::string(column), names)));
            return false;
        }
        d.column = c->name;
        if (text == "missing") return true;
        if (c->type == ValueType::boolean) {
            const auto yn = data::parse_yes_no(text);
            if (!yn) problem(line, c->name, text::say("scenario.yes_no", text));
            d.value = yn.value_or(kUnknown);
            return yn.has_value();
        }
        bool percent_sign = false;
        const auto v = number(text, &percent_sign);
        if (!v) {
            problem(line, c->name, text::say("scenario.number", text));
        } else if (percent_sign && !c->percent) {
            problem(line, c->name, text::say("D0207", text, c->name, c->unit_symbol));
        } else if (c->percent && (*v < 0 || *v > 100)) {
            problem(line, c->name, text::say("D0203", text));
        } else if (c->count && (*v < 0 || *v != std::floor(*v))) {
            problem(line, c->name, text::say("scenario.count", text));
        } else {
            d.value = *v;
            return true;
        }
        return false;
    }
};

}  // namespace

Scenario read_scenario(const std::string& path, const Program& program, const AdminUnits& units,
                       const GenerateOptions& options, std::vector<text::Problem>& problems) {
    const auto text = ntm::text::read_text_file(path, problems);
    if (!text) {
        Scenario none;
        none.path = path;
        return none;
    }
    return ScenarioReader(path, program, units, options, problems).read(text::to_nfc(*text));
}

}  // namespace ntm::gen
