// Internal to data/ (json.cpp): one entity object of a JSON data file.
//
// The reader (json.cpp) hands over every key and value met inside an entity object; the
// entity is kept until its closing brace — its keys may come in any order, and which column a
// value fills depends on the entity's type — and then given to the Builder: its reserved fields,
// its recognitions, and one record per year with its values.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "data/builder.hpp"

namespace ntm::data {

// Where the reader is: the object or array it is inside.
enum class JsonCtx : std::uint8_t {
    top,          // the file's object
    entities,     // "entities": [...]
    entity,       // one entity object
    recognised,   // its "recognised": [...]
    recognition,  // one {"level": …, "year": …}
    values,       // its "values": {"2024": …}
    year,         // the values of one year: {"column": value}
    skip          // anything else
};

// How messages name the JSON type of a value: "a string", "a number", "an object", ...
// (a structured value's text is "an object" or "an array").
text::Message json_type(const Cell& v);

// D0005 (an unknown key), once per place and key.
class KeyWarnings {
public:
    void warn(Builder& b, const text::Message& where, std::string_view key, std::uint32_t line);

private:
    StringMap<bool> warned_;
};

class EntityReader {
public:
    EntityReader(const std::string& path, Builder& b) : path_(path), b_(b) {}

    // An entity object opens on `line`.
    void open(std::uint32_t line);
    // A key inside the entity, in context `ctx` (entity, recognition, values or year).
    void key(JsonCtx ctx, std::string_view k, std::uint32_t line);
    // A value inside the entity, in context `ctx`; returns the context an object or array
    // value opens (skip for any other value).
    JsonCtx value(JsonCtx ctx, const Cell& v, std::uint32_t line);
    // The object or array of context `ctx` closes: the entity (handed to the Builder) or a
    // recognition (checked).
    void close(JsonCtx ctx);

private:
    // What the last key of the current object was.
    enum class Key : std::uint8_t {
        none,
        field,       // entity: a reserved field (key_field_)
        recognised,  // entity
        values,      // entity
        level,       // recognition
        year,        // recognition
        column,      // year: a value column (key_column_)
        other,
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

    void entity_key(std::string_view k, std::uint32_t line);
    void column_key(std::string_view k, std::uint32_t line);
    JsonCtx entity_value(Key k, const Cell& v, std::uint32_t line);
    JsonCtx recognised_value(const Cell& v, std::uint32_t line);
    void recognition_value(Key k, const Cell& v);
    JsonCtx year_value(const Cell& v, std::uint32_t line);
    void buffer_value(const Cell& v, std::uint32_t line);
    void end_recognition();
    void end_entity();
    std::uint32_t keep(std::string_view s);

    const std::string& path_;
    Builder& b_;
    KeyWarnings warnings_;

    Key key_ = Key::none;
    std::size_t key_field_ = 0;
    std::uint32_t key_column_ = 0;
    std::uint32_t key_line_ = 0;
    std::string year_key_;
    std::uint32_t year_serial_ = 0;
    std::vector<std::uint32_t> stamp_;  // by column: the year object it was last given in
    // The column of each key met, by its place in its year object: the objects of a file mostly
    // list the same keys in the same order, so a key is compared with one string rather than
    // looked up (Builder::column, which gives a name the same column every time).
    std::vector<std::pair<std::string, std::uint32_t>> key_columns_;
    std::size_t key_place_ = 0;  // in the year object being read

    // The entity being read.
    std::array<std::string, kFieldCount> text_;
    std::array<std::uint32_t, kFieldCount> line_{};
    std::uint32_t open_line_ = 0;
    std::uint32_t years_seen_ = 0;  // keys of its "values", for the limit of rows
    std::optional<text::Problem> malformed_;  // the first key of the wrong JSON type
    std::vector<YearBuf> years_;
    std::vector<Buffered> values_;
    std::vector<RecognitionBuf> recognitions_;
    std::string arena_;

    // The recognition object being read.
    std::optional<std::string> recognition_level_;
    std::optional<text::Message> recognition_year_;  // as written: 2019, '2019', a boolean, ...
    std::uint32_t recognition_line_ = 0;
};

}  // namespace ntm::data
