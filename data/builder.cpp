// The Builder: every validation rule of docs/data-format.md, once, for every reader — entities
// and records as they are declared, then their values.
#include <fmt/format.h>

#include <algorithm>

#include "data/builder.hpp"
#include "data/headers.hpp"
#include "data/vocabulary.hpp"
#include "text/utf8.hpp"

namespace ntm::data {

Builder::Builder(std::string path, const Schema& schema, const LoadOptions& options,
                 Granularity granularity)
    : path_(std::move(path)), origin_(path_), schema_(schema), options_(options), granularity_(granularity) {
    for (std::size_t k = 0; k < kKindCount; ++k) {
        for (const Column& c : schema.columns[k]) {
            const std::uint32_t i = column(c.name);
            columns_[i].of[k] = &c;
        }
    }
    for (std::size_t f = 0; f < kFieldCount; ++f) field_names_[f] = kFieldKeys[f];
    template_headers_ = true;
    if (options.program != nullptr) find_lower_thresholds(*options.program);
}

std::uint32_t Builder::column(std::string_view name) {
    if (auto it = column_index_.find(name); it != column_index_.end()) return it->second;
    std::string key = to_nfc(name);
    if (auto it = column_index_.find(key); it != column_index_.end()) return it->second;
    const auto i = static_cast<std::uint32_t>(columns_.size());
    ColumnInfo info{key, {}, 0};
    // A header of the data-entry template ("2.1 Tỷ lệ … (%)") leads where the input's name does;
    // the column keeps the header as written, which problems name.
    if (template_headers_) {
        if (const std::string input = input_named_by(schema_, key); !input.empty()) {
            info.of = columns_[column_index_.find(input)->second].of;
        }
    }
    columns_.push_back(std::move(info));
    column_index_.emplace(std::move(key), i);
    return i;
}

void Builder::unknown_column(std::uint32_t c, std::uint32_t line) {
    ColumnInfo& info = columns_[c];
    if ((info.warned & 0x80) != 0) return;
    info.warned |= 0x80;
    std::vector<std::string> known;
    for (const ColumnInfo& other : columns_) {
        if (other.known()) known.push_back(other.name);
    }
    problem("D0001", ProblemKind::warning, line, info.name,
            text::say("D0001", shown(info.name), invisible_note(info.name), did_you_mean(info.name, known)));
}

text::Message Builder::at_word(std::uint32_t line) const {
    if (sheets_.empty()) return line_word_;
    const std::uint32_t sheet = sheet_of(line);
    return text::say("word.sheet_row", sheet < sheets_.size() ? sheets_[sheet] : std::string());
}

bool Builder::wanted(int year) {
    if (!options_.year || *options_.year == year) return true;
    ++ds_.skipped;
    return false;
}

void Builder::problem(const char* code, ProblemKind kind, std::uint32_t line,
                      std::string_view field, text::Message message) {
    text::Problem& p = ds_.problems.emplace_back();
    p.code = code;
    p.kind = kind;
    p.where = {path_, line, std::string(field)};
    p.message = std::move(message);
}

int Builder::cached(std::vector<Word>& cache, std::string_view text,
                    int (*lookup)(std::string_view)) {
    for (const Word& w : cache) {
        if (w.text == text) return w.value;
    }
    const int v = lookup(text);
    if (cache.size() < 64) cache.push_back({std::string(text), v});
    return v;
}

std::pair<std::string, bool> Builder::canonical(std::string_view written) {
    for (const auto& [text, type] : canonical_types_) {
        if (text == written) return type;
    }
    auto type = canonical_type(to_nfc(written));
    if (canonical_types_.size() < 64) canonical_types_.emplace_back(std::string(written), type);
    return type;
}

// The reserved fields of a row on their own: code, type and kind, region.
std::optional<Builder::HeadProblem> Builder::resolve(const Head& head, const std::string& code,
                                                     Resolved& out) {
    const Written& type = head[Field::type];
    const Written& kind = head[Field::kind];
    const Written& region = head[Field::region];
    if (code.empty()) {
        return HeadProblem{"D0101", Field::code, text::say("D0101")};
    }
    const int type_kind = type.given() ? cached(types_, type.text, resolve_type) : -1;
    const int kind_kind = kind.given() ? cached(kinds_, kind.text, resolve_type) : -1;
    if (type.given() && type_kind < 0) {
        return HeadProblem{"D0104", Field::type,
                           text::say("D0104", shown(type.text), shown(code), invisible_note(type.text),
                                     did_you_mean(type.text, type_candidates()))};
    }
    if (kind.given() && kind_kind < 0) {
        return HeadProblem{
            "D0104", Field::kind,
            text::say("D0104.kind", shown(kind.text), shown(code), invisible_note(kind.text),
                      did_you_mean(kind.text, kind_candidates()))};
    }
    if (!type.given() && !kind.given()) {
        return HeadProblem{"D0104", Field::type, text::say("D0104.none", shown(code))};
    }
    if (type.given() && kind.given() && type_kind != kind_kind) {
        return HeadProblem{"D0105", Field::kind,
                           text::say("D0105", shown(type.text), kind_name(static_cast<EntityKind>(type_kind)),
                                     shown(kind.text))};
    }
    out.kind = static_cast<EntityKind>(kind.given() ? kind_kind : type_kind);
    if (region.given()) {
        const int r = cached(regions_, region.text, resolve_region);
        if (r < 0) return HeadProblem{"D0110", Field::region,
                                             unknown_region(region.text, options_.limits.name_letters)};
        out.region = static_cast<Region>(r);
    }
    return std::nullopt;
}

// The row's map: its `map` field, or the map of its years; and whether the row fits that map.
std::optional<Builder::HeadProblem> Builder::resolve_map(const Head& head, const std::string& code,
                                                         int first_year, int last_year,
                                                         Resolved& out) {
    const Written& written = head[Field::map];
    if (written.given()) {
        const auto map = parse_map(written.text);
        if (!map) {
            return HeadProblem{
                "D0113", Field::map,
                text::say("D0113", shown(written.text), shown(code), invisible_note(written.text))};
        }
        out.map = *map;
    } else if (first_year != 0 && default_map(first_year) != default_map(last_year)) {
        return HeadProblem{
            "D0114", Field::map,
            text::say("D0114", shown(code), first_year, last_year, field_name(Field::map))};
    } else {
        out.map = default_map(first_year != 0 ? first_year : kFirstTwoTierYear - 1);
    }
    if (out.map == AdminMap::three_tier && last_year >= kFirstTwoTierYear) {
        return HeadProblem{
            "D0114", written.given() ? Field::map : Field::year,
            text::say("D0114.three_tier", shown(code), last_year, kFirstTwoTierYear)};
    }
    if (out.map == AdminMap::two_tier && out.kind == EntityKind::huyen) {
        return HeadProblem{
            "D0114", head[Field::kind].given() ? Field::kind : Field::type,
            text::say("D0114.huyen", shown(code), field_name(Field::map))};
    }
    return std::nullopt;
}

std::uint32_t Builder::entity(const Head& head, std::size_t records, int first_year,
                              int last_year) {
    const std::string code = to_nfc(head[Field::code].text);
    Resolved resolved;
    std::optional<HeadProblem> bad = resolve(head, code, resolved);
    if (!bad) bad = resolve_map(head, code, first_year, last_year, resolved);
    auto& codes = codes_[static_cast<std::size_t>(resolved.map)];
    const std::uint32_t known = bad ? kNone : codes.find(code, ds_.entities);
    if (!bad && known != kNone && ds_.entities[known].kind != resolved.kind) {
        const Entity& first = ds_.entities[known];
        bad = HeadProblem{
            "D0105", head[Field::kind].given() ? Field::kind : Field::type,
            text::say("D0105.other", shown(code), kind_name(first.kind), at_word(first.origin.line), at_row(first.origin.line),
                      kind_name(resolved.kind))};
    }
    if (bad) {
        const Written& w = head[bad->field];
        problem(bad->code, ProblemKind::record, w.line != 0 ? w.line : head.line,
                field_name(bad->field), std::move(bad->message));
        // A JSON entity without values is rejected too: it counts as one record.
        ds_.read += std::max<std::size_t>(records, 1);
        ds_.rejected += std::max<std::size_t>(records, 1);
        if (!code.empty() && !codes.contains(code, ds_.entities)) {
            rejected_codes_[static_cast<std::size_t>(resolved.map)].emplace(code, head.line);
        }
        return kNone;
    }
    if (known != kNone) {
        merge(known, head, resolved);
        return known;
    }

    const auto e = static_cast<std::uint32_t>(ds_.entities.size());
    const Written& type = head[Field::type];
    Entity& en = ds_.entities.emplace_back();
    en.code = code;
    en.name = to_nfc(head[Field::name].text);
    std::tie(en.type, en.judged) =
        canonical(type.given() ? type.text : kDefaultType[kind_index(resolved.kind)]);
    en.kind = resolved.kind;
    en.map = resolved.map;
    en.parent_code = to_nfc(head[Field::parent].text);
    en.merged_from = to_nfc(head[Field::merged_from].text);
    en.region = resolved.region;
    en.origin = origin_.at(head.line);
    building_.push_back(
        {kNone, kNone, head[Field::parent].line, head[Field::region].line, type.given(), false});
    codes.add(e, ds_.entities);
    return e;
}

// Another row of a known entity: fills in what was missing, warns where it disagrees.
void Builder::merge(std::uint32_t e, const Head& head, const Resolved& resolved) {
    Entity& en = ds_.entities[e];
    Building& b = building_[e];
    const auto line = [&](Field f) { return head[f].line != 0 ? head[f].line : head.line; };
    const auto differs = [&](Field f, std::string_view now, std::string_view kept) {
        problem("D0301", ProblemKind::warning, line(f), field_name(f),
                text::say("D0301",
                          text::Message::both(std::string(kFieldHeaders[static_cast<std::size_t>(f)]),
                                              std::string(kFieldKeys[static_cast<std::size_t>(f)])),
                          shown(now), shown(en.code),
                          shown(kept), at_word(en.origin.line), at_row(en.origin.line), shown(kept)));
    };
    const auto text = [&](Field f, std::string& kept) {
        const std::string_view written = head[f].text;
        if (written.empty() || written == kept) return;
        std::string now = to_nfc(written);
        if (kept.empty()) {
            kept = std::move(now);
        } else if (now != kept) {
            differs(f, now, kept);
        }
    };
    text(Field::name, en.name);
    if (head[Field::type].given() && !b.type_written) {
        std::tie(en.type, en.judged) = canonical(head[Field::type].text);  // the first row gave only the kind
        b.type_written = true;
    } else if (head[Field::type].given() && canonical(head[Field::type].text).first != en.type) {
        text(Field::type, en.type);
    }
    if (en.parent_code.empty() && head[Field::parent].given())
        b.parent_line = head[Field::parent].line;
    text(Field::parent, en.parent_code);
    text(Field::merged_from, en.merged_from);
    if (resolved.region && !en.region) {
        en.region = resolved.region;
        b.region_line = head[Field::region].line;
    } else if (resolved.region && *en.region != *resolved.region) {
        differs(Field::region, dsl::name_of(*resolved.region), dsl::name_of(*en.region));
    }
}

std::uint32_t Builder::record(std::uint32_t e, int year, std::uint32_t line,
                              std::string_view field) {
    Building& b = building_[e];
    for (std::uint32_t r = b.first; r != kNone; r = pending_[r].next) {
        if (pending_[r].year == year) {
            reject_record("D0103", line,
                          field.empty() ? std::string_view(field_name(Field::year)) : field,
                          text::say("D0103", shown(ds_.entities[e].code), year, at_word(pending_[r].line), at_row(pending_[r].line)));
            return kNone;
        }
    }
    const auto r = static_cast<std::uint32_t>(pending_.size());
    pending_.push_back({e, year, line, ds_.values.size(), kNone});
    const std::uint32_t slots = schema_.slots(ds_.entities[e].kind);
    if (ds_.values.size() + slots > ds_.values.capacity()) {  // the room moves
        values_ahead_.stop();
        values_ahead_room_ = 0;
    }
    ds_.values.insert(ds_.values.end(), slots, kUnknown);
    const std::size_t filled = ds_.values.size() * sizeof(double);
    if (values_ahead_room_ != 0 && filled >= kValuesAheadFrom) {
        values_ahead_.start(ds_.values.data(), values_ahead_room_ * sizeof(double));
        values_ahead_room_ = 0;
    }
    values_ahead_.reached(filled);
    if (b.last == kNone) {
        b.first = r;
    } else {
        pending_[b.last].next = r;
    }
    b.last = r;
    ++ds_.read;
    return r;
}

void Builder::estimated(std::uint32_t r, std::string_view names, std::uint32_t line) {
    const Pending& p = pending_[r];
    const EntityKind kind = ds_.entities[p.entity].kind;
    while (!names.empty()) {
        const std::size_t end = names.find(';');
        const std::string_view name = trim(names.substr(0, end));
        names = end == std::string_view::npos ? std::string_view() : names.substr(end + 1);
        if (name.empty()) continue;
        const Column* c = schema_.find(kind, to_nfc(name));
        if (c == nullptr) {
            std::vector<std::string> inputs;
            for (const Column& other : schema_.columns[kind_index(kind)]) inputs.push_back(other.name);
            problem("D0209", ProblemKind::warning, line, field_name(Field::estimated),
                    text::say("D0209", shown(name), kind_name(kind), did_you_mean(name, inputs)));
            continue;
        }
        if (ds_.estimated.size() < ds_.values.size()) ds_.estimated.resize(ds_.values.size(), 0);
        ds_.estimated[p.offset + c->slot] = 1;
    }
}

void Builder::reject_record(const char* code, std::uint32_t line, std::string_view field,
                            text::Message message, std::size_t records) {
    problem(code, ProblemKind::record, line, field, std::move(message));
    ds_.read += records;
    ds_.rejected += records;
}

void Builder::reject_row(std::string_view code, std::uint32_t line, text::Message message) {
    reject_record("D0112", line, {}, std::move(message));
    // The row could not be split: its map is unknown, so its code is rejected on both.
    const std::string key = to_nfc(code);
    for (std::size_t m = 0; m < codes_.size(); ++m) {
        if (!key.empty() && !codes_[m].contains(key, ds_.entities)) rejected_codes_[m].emplace(key, line);
    }
}

FileError Builder::row_limit(const text::Message& place) const {
    text::Problem p = text::file_problem(path_, text::say("D0903", place, options_.limits.rows));
    p.code = "D0903";
    return FileError{std::move(p)};
}

}  // namespace ntm::data
