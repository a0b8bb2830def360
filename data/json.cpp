// JSON data files: {"format": "ntm-data", "version": 1, "entities": [...]} (docs/data-format.md),
// read with nlohmann's SAX parser: no document tree is built, only the values are kept.
#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>

#include "data/builder.hpp"

namespace ntm::data {

namespace {

using json = nlohmann::json;

// SAX events carry no position, so the parser reads the text through this iterator, which
// records how far it has read.  At each event the event's token has just been read: its last
// character is at `at - 1`, except for numbers, whose end the lexer finds by reading one more
// character (so the number ends at `at - 2`).  tests/test_dataset.cpp pins this down.
class TrackingIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    TrackingIterator(const char* p, const char** at) : p_(p), at_(at) {}
    reference operator*() const { return *p_; }
    TrackingIterator& operator++() {
        *at_ = ++p_;
        return *this;
    }
    TrackingIterator operator++(int) {
        TrackingIterator old = *this;
        ++*this;
        return old;
    }
    friend bool operator==(const TrackingIterator& a, const TrackingIterator& b) {
        return a.p_ == b.p_;
    }

private:
    const char* p_;
    const char** at_;
};

enum class Ctx : std::uint8_t {
    top,
    entities,
    entity,
    recognised,
    recognition,
    values,
    year,
    skip
};

// What the last key of the current object was.
enum class Key : std::uint8_t {
    none,
    format,
    version,
    entities,
    other,  // top
    field,
    recognised,
    values,  // entity (field: key_field_)
    level,
    year,         // recognition
    year_values,  // values: a year
    column,       // year: a column (key_column_)
};

struct Buffered {
    std::uint32_t column = 0;
    Cell::Kind kind = Cell::Kind::text;
    double number = 0;
    std::uint32_t text = 0, size = 0;  // in the arena
    std::uint32_t line = 0;
};

struct YearBuf {
    int year = 0;
    std::uint32_t line = 0;
    std::uint32_t first = 0, end = 0;  // into the buffered values
};

struct RecognitionBuf {
    std::uint32_t text = 0, size = 0;  // "level:year" in the arena
    std::uint32_t line = 0;
};

// One entity object, kept until its closing brace: its keys may come in any order, and the
// columns of its values depend on its type.
struct EntityBuf {
    std::array<std::string, kFieldCount> text;
    std::array<std::uint32_t, kFieldCount> line{};
    std::uint32_t open_line = 0;
    std::optional<text::Problem> malformed;  // the first key of the wrong JSON type
    std::vector<YearBuf> years;
    std::vector<Buffered> values;
    std::vector<RecognitionBuf> recognitions;
    std::string arena;

    void clear() {
        for (auto& t : text) t.clear();
        line.fill(0);
        malformed.reset();
        years.clear();
        values.clear();
        recognitions.clear();
        arena.clear();
    }
    std::uint32_t keep(std::string_view s) {
        const auto at = static_cast<std::uint32_t>(arena.size());
        arena.append(s);
        return at;
    }
};

const char* json_type(const Cell& v) {
    switch (v.kind) {
        case Cell::Kind::text:
            return "a string";
        case Cell::Kind::number:
            return "a number";
        case Cell::Kind::boolean:
            return "a boolean";
        case Cell::Kind::null:
            return "null";
        case Cell::Kind::structured:
            return v.text == "an array" ? "an array" : "an object";
    }
    return "a value";
}

// nlohmann's "last read" in a syntax error may end inside a multi-byte letter: the message is
// printed, so only whole letters are kept.
std::string whole_letters(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (n <= 0) {
            ++i;
            continue;
        }
        out.append(s.substr(i, static_cast<std::size_t>(n)));
        i += static_cast<std::size_t>(n);
    }
    return out;
}

class Reader {
public:
    Reader(const std::string& path, std::string_view text, Builder& b)
        : path_(path), text_(text), b_(b) {
        at = text.data();
        counted_ = text.data();
    }

    const char* at = nullptr;  // advanced by TrackingIterator

    // The SAX interface of nlohmann::json.
    bool null() {
        value({Cell::Kind::null, "null", 0}, line_at(before(1)));
        return true;
    }
    bool boolean(bool v) {
        value({Cell::Kind::boolean, v ? "true" : "false", v ? 1.0 : 0.0}, line_at(before(1)));
        return true;
    }
    bool number_integer(json::number_integer_t v) { return number(static_cast<double>(v), {}); }
    bool number_unsigned(json::number_unsigned_t v) { return number(static_cast<double>(v), {}); }
    bool number_float(json::number_float_t v, const std::string& raw) { return number(v, raw); }
    bool string(std::string& v) {
        value({Cell::Kind::text, v, 0}, line_at(before(1)));
        return true;
    }
    bool binary(json::binary_t&) { return true; }  // not produced by the JSON parser
    bool start_object(std::size_t) { return open("an object"); }
    bool start_array(std::size_t) { return open("an array"); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& k) {
        on_key(k, line_at(before(1)));
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
        std::string message = e.what();
        if (const auto p = message.find("syntax error"); p != std::string::npos) {
            message.erase(0, p);
        } else if (const auto q = message.find("] "); q != std::string::npos) {
            message.erase(0, q + 2);
        }
        throw FileError{path_,
                        fmt::format("line {}: {}", line_at(before(1)), whole_letters(message))};
    }

    void finish() const {
        if (!format_seen_)
            throw FileError{path_, "not an ntm-data file: no \"format\": \"ntm-data\""};
    }

private:
    // The character `n` places before the end of what the parser has read.
    const char* before(std::size_t n) const {
        const auto done = static_cast<std::size_t>(at - text_.data());
        return text_.data() + (done > n ? done - n : 0);
    }

    // The line of the character at `p`; events come in text order, so counting goes forward.
    std::uint32_t line_at(const char* p) {
        p = std::clamp(p, text_.data(), text_.data() + text_.size());
        if (p >= counted_) {
            line_ += static_cast<std::uint32_t>(std::count(counted_, p, '\n'));
        } else {
            line_ -= static_cast<std::uint32_t>(std::count(p, counted_, '\n'));
        }
        counted_ = p;
        return line_;
    }

    bool number(double v, std::string_view raw) {
        value({Cell::Kind::number, raw, v}, line_at(before(2)));
        return true;
    }

    bool open(const char* what) {
        const std::uint32_t line = line_at(before(1));
        if (stack_.empty()) {
            if (std::string_view(what) != "an object") {
                throw FileError{
                    path_,
                    "not an ntm-data file: expected an object with \"format\": \"ntm-data\""};
            }
            stack_.push_back(Ctx::top);
            return true;
        }
        stack_.push_back(value({Cell::Kind::structured, what, 0}, line));
        return true;
    }

    bool close() {
        const Ctx ctx = stack_.back();
        stack_.pop_back();
        if (ctx == Ctx::entity) end_entity();
        if (ctx == Ctx::recognition) end_recognition();
        key_ = Key::none;
        return true;
    }

    void warn_key(const char* where, std::string_view k, std::uint32_t line) {
        std::string id = fmt::format("{}/{}", where, k);
        if (warned_keys_.contains(id)) return;
        warned_keys_.emplace(std::move(id), true);
        b_.problem("D0005", ProblemKind::warning, line, k,
                   fmt::format("unknown key '{}' in {}; it is ignored", k, where));
    }

    void on_key(std::string_view k, std::uint32_t line) {
        key_line_ = line;
        switch (stack_.back()) {
            case Ctx::top:
                key_ = k == "format"     ? Key::format
                       : k == "version"  ? Key::version
                       : k == "entities" ? Key::entities
                                         : Key::other;
                if (key_ == Key::other) warn_key("the file", k, line);
                return;
            case Ctx::entity:
                key_ = Key::other;
                if (k == "recognised" || k == "recognized") {
                    key_ = Key::recognised;
                } else if (k == "values") {
                    key_ = Key::values;
                } else {
                    for (std::size_t f = 0; f < kFieldCount; ++f) {
                        if (k == kFieldKeys[f] && static_cast<Field>(f) != Field::year) {
                            key_ = Key::field;
                            key_field_ = f;
                        }
                    }
                }
                if (key_ == Key::other) warn_key("an entity", k, line);
                if (key_ == Key::field && entity_.line[key_field_] != 0) {
                    b_.problem("D0003", ProblemKind::warning, line, k,
                               fmt::format("key '{}' is given twice in an entity (line {}); the "
                                           "later value is used",
                                           k, entity_.line[key_field_]));
                }
                return;
            case Ctx::recognition:
                key_ = k == "level" ? Key::level : k == "year" ? Key::year : Key::other;
                if (key_ == Key::other) warn_key("a recognition", k, line);
                return;
            case Ctx::values:
                key_ = Key::year_values;
                year_key_.assign(k);
                return;
            case Ctx::year: {
                key_ = Key::column;
                key_column_ = b_.column(k);
                if (!b_.column_info(key_column_).known()) {
                    b_.unknown_column(key_column_, line);
                    key_ = Key::other;
                    return;
                }
                if (stamp_.size() <= key_column_) stamp_.resize(key_column_ + 1, 0);
                if (stamp_[key_column_] == year_serial_) {
                    b_.problem("D0003", ProblemKind::warning, line, k,
                               fmt::format("key '{}' is given twice in {}; the later value is used",
                                           k, entity_.years.back().year));
                }
                stamp_[key_column_] = year_serial_;
                return;
            }
            case Ctx::entities:
            case Ctx::recognised:
            case Ctx::skip:
                key_ = Key::other;
                return;
        }
    }

    // A value (or the start of an object or array) where the context expects one; returns the
    // context to enter for an object or array.
    Ctx value(const Cell& v, std::uint32_t line) {
        const Key k = key_;
        key_ = Key::none;
        switch (stack_.empty() ? Ctx::skip : stack_.back()) {
            case Ctx::top:
                return top_value(k, v);
            case Ctx::entities:
                if (v.kind == Cell::Kind::structured && v.text == "an object") {
                    entity_.clear();
                    entity_.open_line = line;
                    return Ctx::entity;
                }
                b_.problem("D0111", ProblemKind::record, line, "entities",
                           fmt::format("an entity must be an object, got {}", json_type(v)));
                return Ctx::skip;
            case Ctx::entity:
                return entity_value(k, v, line);
            case Ctx::recognised:
                if (v.kind == Cell::Kind::structured && v.text == "an object") {
                    recognition_level_.reset();
                    recognition_year_.reset();
                    recognition_line_ = line;
                    return Ctx::recognition;
                }
                if (v.kind == Cell::Kind::text) {
                    entity_.recognitions.push_back(
                        {entity_.keep(v.text), static_cast<std::uint32_t>(v.text.size()), line});
                } else {
                    b_.problem(
                        "D0208", ProblemKind::value, line, "recognised",
                        fmt::format(
                            "malformed recognition: expected {{\"level\": …, \"year\": …}} or "
                            "\"LEVEL:YEAR\", got {}",
                            json_type(v)));
                }
                return Ctx::skip;
            case Ctx::recognition:
                if (k == Key::level) {
                    recognition_level_ =
                        v.kind == Cell::Kind::text ? std::string(v.text) : std::string();
                } else if (k == Key::year) {
                    recognition_year_ = v.kind == Cell::Kind::text ? fmt::format("'{}'", v.text)
                                        : v.kind == Cell::Kind::number && !v.text.empty()
                                            ? std::string(v.text)
                                        : v.kind == Cell::Kind::number ? fmt::format("{}", v.number)
                                                                       : std::string(json_type(v));
                }
                return Ctx::skip;
            case Ctx::values:
                return year_value(v, line);
            case Ctx::year:
                if (k == Key::column) {
                    Buffered buf{
                        key_column_, v.kind, v.number, 0, static_cast<std::uint32_t>(v.text.size()),
                        line};
                    buf.text = entity_.keep(v.text);
                    entity_.values.push_back(buf);
                    entity_.years.back().end = static_cast<std::uint32_t>(entity_.values.size());
                }
                return Ctx::skip;
            case Ctx::skip:
                return Ctx::skip;
        }
        return Ctx::skip;
    }

    Ctx top_value(Key k, const Cell& v) {
        switch (k) {
            case Key::format:
                if (v.kind != Cell::Kind::text || v.text != "ntm-data") {
                    throw FileError{
                        path_, fmt::format("line {}: not an ntm-data file: \"format\" is {}, "
                                           "expected \"ntm-data\"",
                                           key_line_,
                                           v.kind == Cell::Kind::text ? fmt::format("'{}'", v.text)
                                                                      : json_type(v))};
                }
                format_seen_ = true;
                return Ctx::skip;
            case Key::version:
                if (v.kind != Cell::Kind::number || v.number != 1) {
                    throw FileError{
                        path_,
                        fmt::format("line {}: unsupported version {}: this ntm reads version 1",
                                    key_line_,
                                    v.kind == Cell::Kind::number ? fmt::format("{}", v.number)
                                                                 : json_type(v))};
                }
                return Ctx::skip;
            case Key::entities:
                if (v.kind != Cell::Kind::structured || v.text != "an array") {
                    throw FileError{path_,
                                    fmt::format("line {}: \"entities\" must be an array, got {}",
                                                key_line_, json_type(v))};
                }
                return Ctx::entities;
            default:
                return Ctx::skip;
        }
    }

    Ctx entity_value(Key k, const Cell& v, std::uint32_t line) {
        const auto malformed = [&](std::string_view key, std::string message) {
            if (!entity_.malformed) {
                entity_.malformed = text::Problem{"D0111",
                                                ProblemKind::record,
                                                {path_, line, std::string(key)},
                                                std::move(message)};
            }
            return Ctx::skip;
        };
        if (k == Key::field) {
            const std::string_view key = kFieldKeys[key_field_];
            entity_.line[key_field_] = line;
            if (v.kind == Cell::Kind::text) {
                entity_.text[key_field_].assign(v.text);
            } else if (v.kind != Cell::Kind::null) {
                const std::string shown =
                    v.kind == Cell::Kind::number && !v.text.empty() ? std::string(v.text)
                    : v.kind == Cell::Kind::number                  ? fmt::format("{}", v.number)
                                                                    : json_type(v);
                return malformed(key, fmt::format("'{}' must be a string, got {}", key, shown));
            }
            return Ctx::skip;
        }
        if (k == Key::recognised) {
            if (v.kind == Cell::Kind::structured && v.text == "an array") return Ctx::recognised;
            if (v.kind != Cell::Kind::null) {
                b_.problem(
                    "D0208", ProblemKind::value, line, "recognised",
                    fmt::format(
                        "'recognised' must be an array of {{\"level\": …, \"year\": …}}, got {}",
                        json_type(v)));
            }
            return Ctx::skip;
        }
        if (k == Key::values) {
            if (v.kind == Cell::Kind::structured && v.text == "an object") return Ctx::values;
            if (v.kind == Cell::Kind::null) return Ctx::skip;
            return malformed(
                "values", fmt::format("'values' must be an object of years, got {}", json_type(v)));
        }
        return Ctx::skip;
    }

    Ctx year_value(const Cell& v, std::uint32_t line) {
        const auto year = parse_year(year_key_);
        if (year && !b_.wanted(*year)) return Ctx::skip;
        if (!year) {
            b_.reject_record("D0102", line, year_key_,
                             fmt::format("key '{}' of 'values' is not a year from {} to {}",
                                         year_key_, kYearMin, kYearMax));
            return Ctx::skip;
        }
        if (v.kind == Cell::Kind::null) return Ctx::skip;
        if (v.kind != Cell::Kind::structured || v.text != "an object") {
            b_.reject_record(
                "D0111", line, year_key_,
                fmt::format("the values of {} must be an object of column: value, got {}", *year,
                            json_type(v)));
            return Ctx::skip;
        }
        const auto at_value = static_cast<std::uint32_t>(entity_.values.size());
        entity_.years.push_back({*year, key_line_, at_value, at_value});
        ++year_serial_;
        return Ctx::year;
    }

    void end_recognition() {
        const std::uint32_t line = recognition_line_;
        std::optional<int> year;
        if (recognition_year_) {
            const std::string_view y = *recognition_year_;
            year = parse_year(y.size() > 2 && y.front() == '\'' ? y.substr(1, y.size() - 2) : y);
        }
        std::string problem;
        if (!recognition_level_ || recognition_level_->empty()) {
            problem = "no level (a string)";
        } else if (!recognition_year_) {
            problem = fmt::format("no year for '{}'", *recognition_level_);
        } else if (!year) {
            problem = fmt::format("year {} of '{}' is not a year from {} to {}", *recognition_year_,
                                  *recognition_level_, kYearMin, kYearMax);
        }
        if (!problem.empty()) {
            b_.problem("D0208", ProblemKind::value, line, "recognised",
                       fmt::format("malformed recognition: {}; write e.g. {{\"level\": "
                                   "\"dat_chuan\", \"year\": 2019}}",
                                   problem));
            return;
        }
        const std::string text = fmt::format("{}:{}", *recognition_level_, *year);
        entity_.recognitions.push_back(
            {entity_.keep(text), static_cast<std::uint32_t>(text.size()), line});
    }

    void end_entity() {
        Head head;
        const std::size_t code = static_cast<std::size_t>(Field::code);
        head.line = entity_.line[code] != 0 ? entity_.line[code] : entity_.open_line;
        for (std::size_t f = 0; f < kFieldCount; ++f)
            head.fields[f] = {trim(entity_.text[f]), entity_.line[f]};
        const std::size_t records = entity_.years.size();
        if (entity_.malformed) {
            text::Problem& p = *entity_.malformed;
            b_.reject_record(p.code.c_str(), p.where.line, p.where.field, std::move(p.message),
                             records);
            return;
        }
        const std::uint32_t e = b_.entity(head, records);
        if (e == kNone) return;
        for (const RecognitionBuf& r : entity_.recognitions) {
            b_.recognised(e, std::string_view(entity_.arena).substr(r.text, r.size), r.line);
        }
        for (const YearBuf& y : entity_.years) {
            const std::uint32_t r = b_.record(e, y.year, y.line, std::to_string(y.year));
            if (r == kNone) continue;
            for (std::uint32_t i = y.first; i < y.end; ++i) {
                const Buffered& v = entity_.values[i];
                b_.value(r, v.column,
                         {v.kind, std::string_view(entity_.arena).substr(v.text, v.size), v.number},
                         v.line);
            }
        }
    }

    const std::string& path_;
    std::string_view text_;
    Builder& b_;
    const char* counted_ = nullptr;
    std::uint32_t line_ = 1;

    std::vector<Ctx> stack_;
    Key key_ = Key::none;
    std::size_t key_field_ = 0;
    std::uint32_t key_column_ = 0;
    std::uint32_t key_line_ = 0;
    bool format_seen_ = false;
    std::string year_key_;
    std::uint32_t year_serial_ = 0;
    std::vector<std::uint32_t> stamp_;  // by column: the year object it was last given in
    EntityBuf entity_;
    std::optional<std::string> recognition_level_;
    std::optional<std::string> recognition_year_;  // as written: 2019, '2019', a boolean, ...
    std::uint32_t recognition_line_ = 0;
    StringMap<bool> warned_keys_;
};

}  // namespace

Dataset load_json(const std::string& path, std::string_view text, const Schema& schema,
                  const LoadOptions& options) {
    Builder b(path, schema, options, Granularity::per_entity);
    std::size_t codes = 0;  // about one record per entity
    for (std::size_t p = text.find("\"code\""); p != std::string_view::npos;
         p = text.find("\"code\"", p + 6))
        ++codes;
    b.expect(codes);
    Reader reader(path, text, b);
    TrackingIterator first(text.data(), &reader.at), last(text.data() + text.size(), &reader.at);
    json::sax_parse(first, last, &reader);
    reader.finish();
    return b.finish();
}

}  // namespace ntm::data
