// JSON data files: {"format": "ntm-data", "version": 1, "entities": [...]} (docs/data-format.md),
// read with nlohmann's SAX parser: no document tree is built, only the values are kept.  This
// file reads the envelope — the file's object, its format and version, the array of entities —
// and where each event is; what is inside an entity object is data/json_entity.hpp's.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>

#include "data/builder.hpp"
#include "data/json_entity.hpp"
#include "data/json_errors.hpp"

namespace ntm::data {

namespace {

using json = nlohmann::json;

// SAX events carry no position, so the parser reads the text through this iterator, which
// records how far it has read.  At each event the event's token has just been read: its last
// character is at `at - 1`, except for numbers, whose end the lexer finds by reading one more
// character (so the number ends at `at - 2`).  tests/data/test_problems.cpp pins this down.
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

// The SAX handler: each event located (its line), the stack of objects and arrays kept, and
// what is inside an entity handed to the EntityReader.
class Reader {
public:
    Reader(const std::string& path, std::string_view text, Builder& b, std::size_t max_letters)
        : path_(path), text_(text), b_(b), max_letters_(max_letters), entity_(path, b) {
        at = text.data();
        counted_ = text.data();
    }

    const char* at = nullptr;  // advanced by TrackingIterator

    // The SAX interface of nlohmann::json.
    bool null() { return value({Cell::Kind::null, "null", 0}, line_at(before(1))); }
    bool boolean(bool v) {
        return value({Cell::Kind::boolean, v ? "true" : "false", v ? 1.0 : 0.0},
                     line_at(before(1)));
    }
    bool number_integer(json::number_integer_t v) { return number(static_cast<double>(v), {}); }
    bool number_unsigned(json::number_unsigned_t v) { return number(static_cast<double>(v), {}); }
    bool number_float(json::number_float_t v, const std::string& raw) { return number(v, raw); }
    bool string(std::string& v) { return value({Cell::Kind::text, v, 0}, line_at(before(1))); }
    bool binary(json::binary_t&) { return true; }  // not produced by the JSON parser
    bool start_object(std::size_t) { return open("an object"); }
    bool start_array(std::size_t) { return open("an array"); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& k) {
        on_key(k, line_at(before(1)));
        return true;
    }
    // nlohmann's own message names its grammar's tokens; the text is read again to say, in
    // words a person editing the file can act on, what was expected and what was found where.
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
        throw FileError{path_, json_syntax_error(text_, static_cast<std::size_t>(at - text_.data()),
                                                 max_letters_)};
    }

    void finish() const {
        if (!format_seen_)
            throw FileError{path_, text::say("json.no_format")};
    }

private:
    // What the last key of the file's object was.
    enum class Key : std::uint8_t { none, format, version, entities, other };

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
        return value({Cell::Kind::number, raw, v}, line_at(before(2)));
    }

    bool open(const char* what) {
        if (stack_.size() >= kJsonMaxDepth) {
            throw FileError{
                path_, json_too_deep(text_, static_cast<std::size_t>(before(1) - text_.data()))};
        }
        const std::uint32_t line = line_at(before(1));
        if (stack_.empty()) {
            if (std::string_view(what) != "an object") {
                throw FileError{path_, text::say("json.not_ntm_object")};
            }
            stack_.push_back(JsonCtx::top);
            return true;
        }
        stack_.push_back(context_of({Cell::Kind::structured, what, 0}, line));
        return true;
    }

    bool close() {
        const JsonCtx ctx = stack_.back();
        stack_.pop_back();
        key_ = Key::none;
        entity_.close(ctx);
        return true;
    }

    void on_key(std::string_view k, std::uint32_t line) {
        const JsonCtx ctx = stack_.back();
        if (ctx != JsonCtx::top) {
            entity_.key(ctx, k, line);
            return;
        }
        key_line_ = line;
        key_ = k == "format"     ? Key::format
               : k == "version"  ? Key::version
               : k == "entities" ? Key::entities
                                 : Key::other;
        if (key_ == Key::other) warnings_.warn(b_, text::say("json.the_file"), k, line);
    }

    bool value(const Cell& v, std::uint32_t line) {
        context_of(v, line);
        return true;
    }

    // A value (or the start of an object or array) where the context expects one; returns the
    // context to enter for an object or array.
    JsonCtx context_of(const Cell& v, std::uint32_t line) {
        const Key k = key_;
        key_ = Key::none;
        switch (stack_.empty() ? JsonCtx::skip : stack_.back()) {
            case JsonCtx::top:
                return top_value(k, v);
            case JsonCtx::entities:
                if (v.kind == Cell::Kind::structured && v.text == "an object") {
                    b_.count_row([&] { return text::say("place.line", line); });
                    entity_.open(line);
                    return JsonCtx::entity;
                }
                b_.count_row([&] { return text::say("place.line", line); });
                b_.reject_record("D0111", line, "entities", text::say("D0111", json_type(v)));
                return JsonCtx::skip;
            case JsonCtx::skip:
                return JsonCtx::skip;
            default:
                return entity_.value(stack_.back(), v, line);
        }
    }

    JsonCtx top_value(Key k, const Cell& v) {
        switch (k) {
            case Key::format:
                if (v.kind != Cell::Kind::text || v.text != "ntm-data") {
                    throw FileError{
                        path_, text::say("json.format_value", key_line_,
                                         v.kind == Cell::Kind::text
                                             ? text::Message::same(fmt::format("'{}'", v.text))
                                             : json_type(v))};
                }
                format_seen_ = true;
                return JsonCtx::skip;
            case Key::version:
                if (v.kind != Cell::Kind::number || v.number != 1) {
                    throw FileError{
                        path_,
                        text::say("json.version", key_line_,
                                  v.kind == Cell::Kind::number ? text::Message::same(fmt::format("{}", v.number))
                                                               : json_type(v))};
                }
                return JsonCtx::skip;
            case Key::entities:
                if (v.kind != Cell::Kind::structured || v.text != "an array") {
                    throw FileError{path_,
                                    text::say("json.entities_array", key_line_, json_type(v))};
                }
                return JsonCtx::entities;
            default:
                return JsonCtx::skip;
        }
    }

    const std::string& path_;
    std::string_view text_;
    Builder& b_;
    std::size_t max_letters_;
    const char* counted_ = nullptr;
    std::uint32_t line_ = 1;

    std::vector<JsonCtx> stack_;
    Key key_ = Key::none;
    std::uint32_t key_line_ = 0;
    bool format_seen_ = false;
    KeyWarnings warnings_;
    EntityReader entity_;
};

}  // namespace

Dataset load_json(const std::string& path, std::string_view text, const Schema& schema,
                  const LoadOptions& options) {
    Builder b(path, schema, options, Granularity::per_entity);
    std::size_t codes = 0;  // about one record per entity
    // "code" found as code" with a quote before it: string_view::find (memchr) on the quote
    // alone would stop at every quote of the file.
    for (std::size_t p = text.find("code\""); p != std::string_view::npos; p = text.find("code\"", p + 1)) {
        if (p == 0 || text[p - 1] != '"') continue;
        ++codes;
        p += 5;  // the next "code" starts after this one's closing quote
    }
    b.expect(codes);
    Reader reader(path, text, b, static_cast<std::size_t>(options.limits.name_letters));
    TrackingIterator first(text.data(), &reader.at), last(text.data() + text.size(), &reader.at);
    json::sax_parse(first, last, &reader);
    reader.finish();
    return b.finish();
}

}  // namespace ntm::data
