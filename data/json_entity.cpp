// One entity object of a JSON data file, read key by key and handed to the Builder at its
// closing brace (data/json_entity.hpp).
#include "data/json_entity.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace ntm::data {

text::Message json_type(const Cell& v) {
    switch (v.kind) {
        case Cell::Kind::text:
            return text::say("json.a_string");
        case Cell::Kind::number:
            return text::say("json.a_number");
        case Cell::Kind::boolean:
            return text::say("json.a_boolean");
        case Cell::Kind::null:
            return text::Message::same("null");
        case Cell::Kind::structured:
            return v.text == "an array" ? text::say("json.an_array") : text::say("json.an_object");
    }
    return text::say("json.a_value");
}

namespace {

bool is_object(const Cell& v) { return v.kind == Cell::Kind::structured && v.text == "an object"; }
bool is_array(const Cell& v) { return v.kind == Cell::Kind::structured && v.text == "an array"; }

// A number as written (1e3 stays 1e3), else the JSON type: for messages.
text::Message shown_number(const Cell& v) {
    if (v.kind != Cell::Kind::number) return json_type(v);
    return text::Message::same(v.text.empty() ? fmt::format("{}", v.number) : std::string(v.text));
}

}  // namespace

void KeyWarnings::warn(Builder& b, const text::Message& where, std::string_view key,
                       std::uint32_t line) {
    std::string id = fmt::format("{}/{}", where.en(), key);
    if (warned_.contains(id)) return;
    warned_.emplace(std::move(id), true);
    b.problem("D0005", ProblemKind::warning, line, key,
              text::say("D0005", b.shown(key), where, invisible_note(key)));
}

void EntityReader::open(std::uint32_t line) {
    for (auto& t : text_) t.clear();
    line_.fill(0);
    open_line_ = line;
    years_seen_ = 0;
    malformed_.reset();
    years_.clear();
    values_.clear();
    recognitions_.clear();
    arena_.clear();
}

std::uint32_t EntityReader::keep(std::string_view s) {
    const auto at = static_cast<std::uint32_t>(arena_.size());
    arena_.append(s);
    return at;
}

// ---------------------------------------------------------------------------------------------
// Keys

void EntityReader::key(JsonCtx ctx, std::string_view k, std::uint32_t line) {
    key_line_ = line;
    key_ = Key::other;
    switch (ctx) {
        case JsonCtx::entity:
            entity_key(k, line);
            return;
        case JsonCtx::recognition:
            key_ = k == "level" ? Key::level : k == "year" ? Key::year : Key::other;
            if (key_ == Key::other) warnings_.warn(b_, text::say("json.a_recognition"), k, line);
            return;
        case JsonCtx::values:
            year_key_.assign(k);
            // In CSV, each year after the first is a row of its own.
            if (++years_seen_ > 1) b_.count_row([&] { return text::say("place.line", line); });
            return;
        case JsonCtx::year:
            column_key(k, line);
            return;
        default:
            return;
    }
}

void EntityReader::entity_key(std::string_view k, std::uint32_t line) {
    if (k == "recognised" || k == "recognized") {
        key_ = Key::recognised;
    } else if (k == "values") {
        key_ = Key::values;
    } else {
        for (std::size_t f = 0; f < kFieldCount; ++f) {
            // A JSON entity names its recognitions in `recognised`: the two cells of the
            // template (level, level_year) are for tables only.
            const auto field = static_cast<Field>(f);
            if (k == kFieldKeys[f] && field != Field::year && field != Field::level &&
                field != Field::level_year) {
                key_ = Key::field;
                key_field_ = f;
            }
        }
    }
    if (key_ == Key::other) warnings_.warn(b_, text::say("json.an_entity"), k, line);
    if (key_ == Key::field && line_[key_field_] != 0) {
        b_.problem("D0003", ProblemKind::warning, line, k,
                   text::say("D0003.entity", b_.shown(k), line_[key_field_]));
    }
}

void EntityReader::column_key(std::string_view k, std::uint32_t line) {
    if (key_place_ == key_columns_.size()) key_columns_.emplace_back();
    auto& [name, column] = key_columns_[key_place_++];
    if (name != k || name.empty()) {
        name.assign(k);
        column = b_.column(k);
    }
    key_column_ = column;
    if (!b_.column_info(key_column_).known()) {
        b_.unknown_column(key_column_, line);
        return;
    }
    key_ = Key::column;
    if (stamp_.size() <= key_column_) stamp_.resize(key_column_ + 1, 0);
    if (stamp_[key_column_] == year_serial_) {
        b_.problem("D0003", ProblemKind::warning, line, k,
                   text::say("D0003.year", b_.shown(k), years_.back().year));
    }
    stamp_[key_column_] = year_serial_;
}

// ---------------------------------------------------------------------------------------------
// Values

JsonCtx EntityReader::value(JsonCtx ctx, const Cell& v, std::uint32_t line) {
    const Key k = key_;
    key_ = Key::none;
    switch (ctx) {
        case JsonCtx::entity:
            return entity_value(k, v, line);
        case JsonCtx::recognised:
            return recognised_value(v, line);
        case JsonCtx::recognition:
            recognition_value(k, v);
            return JsonCtx::skip;
        case JsonCtx::values:
            return year_value(v, line);
        case JsonCtx::year:
            if (k == Key::column) buffer_value(v, line);
            return JsonCtx::skip;
        default:
            return JsonCtx::skip;
    }
}

JsonCtx EntityReader::entity_value(Key k, const Cell& v, std::uint32_t line) {
    const auto malformed = [&](std::string_view key, text::Message message) {
        if (!malformed_) {
            text::Problem& p = malformed_.emplace();
            p.code = "D0111";
            p.kind = ProblemKind::record;
            p.where = {path_, line, std::string(key)};
            p.message = std::move(message);
        }
        return JsonCtx::skip;
    };
    if (k == Key::field) {
        const std::string_view key = kFieldKeys[key_field_];
        line_[key_field_] = line;
        if (v.kind == Cell::Kind::text) {
            text_[key_field_].assign(v.text);
        } else if (v.kind != Cell::Kind::null) {
            return malformed(key,
                             text::say("D0111.string", key, shown_number(v)));
        }
        return JsonCtx::skip;
    }
    if (k == Key::recognised) {
        if (is_array(v)) return JsonCtx::recognised;
        if (v.kind != Cell::Kind::null) {
            b_.problem("D0208", ProblemKind::value, line, "recognised",
                       text::say("D0208.array", json_type(v)));
        }
        return JsonCtx::skip;
    }
    if (k == Key::values) {
        if (is_object(v)) return JsonCtx::values;
        if (v.kind == Cell::Kind::null) return JsonCtx::skip;
        return malformed("values",
                         text::say("D0111.values", json_type(v)));
    }
    return JsonCtx::skip;
}

// An entry of "recognised": an object, or "LEVEL:YEAR" as in a CSV cell.
JsonCtx EntityReader::recognised_value(const Cell& v, std::uint32_t line) {
    if (is_object(v)) {
        recognition_level_.reset();
        recognition_year_.reset();
        recognition_line_ = line;
        return JsonCtx::recognition;
    }
    if (v.kind == Cell::Kind::text) {
        recognitions_.push_back({keep(v.text), static_cast<std::uint32_t>(v.text.size()), line});
    } else {
        b_.problem("D0208", ProblemKind::value, line, "recognised",
                   text::say("D0208.entry", json_type(v)));
    }
    return JsonCtx::skip;
}

void EntityReader::recognition_value(Key k, const Cell& v) {
    if (k == Key::level) {
        recognition_level_ = v.kind == Cell::Kind::text ? std::string(v.text) : std::string();
    } else if (k == Key::year) {
        recognition_year_ =
            v.kind == Cell::Kind::text ? text::Message::same(fmt::format("'{}'", b_.shown(v.text))) : shown_number(v);
    }
}

// The value of a year key of "values": the object of that year's values.
JsonCtx EntityReader::year_value(const Cell& v, std::uint32_t line) {
    const auto year = parse_year(year_key_);
    if (year && !b_.wanted(*year)) return JsonCtx::skip;
    if (!year) {
        b_.reject_record("D0102", line, year_key_,
                         text::say("D0102.key", b_.shown(year_key_), kYearMin, kYearMax));
        return JsonCtx::skip;
    }
    if (v.kind == Cell::Kind::null) return JsonCtx::skip;
    if (!is_object(v)) {
        b_.reject_record(
            "D0111", line, year_key_,
            text::say("D0111.year", *year, json_type(v)));
        return JsonCtx::skip;
    }
    const auto at_value = static_cast<std::uint32_t>(values_.size());
    years_.push_back({*year, key_line_, at_value, at_value});
    ++year_serial_;
    key_place_ = 0;
    return JsonCtx::year;
}

void EntityReader::buffer_value(const Cell& v, std::uint32_t line) {
    const std::uint32_t text = keep(v.text);
    values_.push_back(
        {key_column_, v.kind, v.number, text, static_cast<std::uint32_t>(v.text.size()), line});
    years_.back().end = static_cast<std::uint32_t>(values_.size());
}

// ---------------------------------------------------------------------------------------------
// Closing

void EntityReader::close(JsonCtx ctx) {
    key_ = Key::none;
    if (ctx == JsonCtx::entity) end_entity();
    if (ctx == JsonCtx::recognition) end_recognition();
}

void EntityReader::end_recognition() {
    const std::uint32_t line = recognition_line_;
    std::optional<int> year;
    if (recognition_year_) {
        const std::string_view y = recognition_year_->en();
        year = parse_year(y.size() > 2 && y.front() == '\'' ? y.substr(1, y.size() - 2) : y);
    }
    text::Message problem;
    if (!recognition_level_ || recognition_level_->empty()) {
        problem = text::say("D0208.no_level");
    } else if (!recognition_year_) {
        problem = text::say("D0208.no_year", b_.shown(*recognition_level_));
    } else if (!year) {
        problem = text::say("D0208.bad_year", *recognition_year_, b_.shown(*recognition_level_), kYearMin, kYearMax);
    }
    if (!problem.empty()) {
        b_.problem("D0208", ProblemKind::value, line, "recognised", text::say("D0208.object", problem));
        return;
    }
    const std::string text = fmt::format("{}:{}", *recognition_level_, *year);
    recognitions_.push_back({keep(text), static_cast<std::uint32_t>(text.size()), line});
}

void EntityReader::end_entity() {
    Head head;
    const std::size_t code = static_cast<std::size_t>(Field::code);
    head.line = line_[code] != 0 ? line_[code] : open_line_;
    for (std::size_t f = 0; f < kFieldCount; ++f) head.fields[f] = {trim(text_[f]), line_[f]};
    const std::size_t records = years_.size();
    if (malformed_) {
        // Rejected with no year read ('values' of the wrong type, or none): one record.
        text::Problem& p = *malformed_;
        b_.reject_record(p.code.c_str(), p.where.line, p.where.field, std::move(p.message),
                         std::max<std::size_t>(records, 1));
        return;
    }
    int first_year = 0, last_year = 0;
    for (const YearBuf& y : years_) {
        first_year = first_year == 0 ? y.year : std::min(first_year, y.year);
        last_year = std::max(last_year, y.year);
    }
    const std::uint32_t e = b_.entity(head, records, first_year, last_year);
    if (e == kNone) return;
    const std::string_view arena = arena_;
    for (const RecognitionBuf& r : recognitions_) {
        b_.recognised(e, arena.substr(r.text, r.size), r.line);
    }
    for (const YearBuf& y : years_) {
        const std::uint32_t r = b_.record(e, y.year, y.line, std::to_string(y.year));
        if (r == kNone) continue;
        for (std::uint32_t i = y.first; i < y.end; ++i) {
            const Buffered& v = values_[i];
            b_.value(r, v.column, {v.kind, arena.substr(v.text, v.size), v.number}, v.line);
        }
        if (head[Field::estimated].given()) {
            b_.estimated(r, head[Field::estimated].text, head[Field::estimated].line);
        }
    }
}

}  // namespace ntm::data
