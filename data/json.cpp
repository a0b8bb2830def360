// JSON data files: {"format": "ntm-data", "version": 1, "entities": [...]} (docs/data-format.md),
// read a token at a time (data/json_lexer.hpp): no document tree is built, only the values are
// kept.  This file reads the envelope — the file's object, its format and version, the array of
// entities; what is inside an entity object is data/json_entity.hpp's.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <functional>

#include "data/builder.hpp"
#include "data/json_entity.hpp"
#include "data/json_errors.hpp"
#include "data/json_lexer.hpp"

namespace ntm::data {

namespace {

// What the grammar reads (parse_json), each token located: the stack of objects and arrays
// kept, and what is inside an entity handed to the EntityReader.
class Reader {
public:
    // `whole`: the text read whole, for the messages about a syntax error, which read it again.
    Reader(const std::string& path, std::function<std::string()> whole, Builder& b, std::size_t max_letters)
        : path_(path), whole_(std::move(whole)), b_(b), max_letters_(max_letters), entity_(path, b) {}

    // The handler of parse_json.
    void start(const JsonLexer::Token& t, bool object) { open(object ? "an object" : "an array", t); }
    void end() { close(); }
    void key(const JsonLexer::Token& t) { on_key(t.text, t.line); }
    void value(const JsonLexer::Token& t) {
        using Kind = JsonLexer::Kind;
        switch (t.kind) {
            case Kind::string:
                context_of({Cell::Kind::text, t.text, 0}, t.line);
                return;
            case Kind::number:
                context_of({Cell::Kind::number, t.text, t.number}, t.line);
                return;
            case Kind::boolean:
                context_of({Cell::Kind::boolean, t.number != 0 ? "true" : "false", t.number}, t.line);
                return;
            default:
                context_of({Cell::Kind::null, "null", 0}, t.line);
                return;
        }
    }
    // The grammar's tokens are not words a person editing the file can act on: the text is read
    // again to say what was expected and what was found where.
    [[noreturn]] void syntax_error(std::size_t offset) {
        throw FileError{path_, json_syntax_error(whole_(), offset, max_letters_)};
    }

    void finish() const {
        if (!format_seen_)
            throw FileError{path_, text::say("json.no_format")};
    }

private:
    // What the last key of the file's object was.
    enum class Key : std::uint8_t { none, format, version, entities, other };

    void open(const char* what, const JsonLexer::Token& t) {
        if (stack_.size() >= kJsonMaxDepth) {
            throw FileError{path_, json_too_deep(whole_(), t.offset)};
        }
        if (stack_.empty()) {
            if (std::string_view(what) != "an object") {
                throw FileError{path_, text::say("json.not_ntm_object")};
            }
            stack_.push_back(JsonCtx::top);
            return;
        }
        stack_.push_back(context_of({Cell::Kind::structured, what, 0}, t.line));
    }

    void close() {
        const JsonCtx ctx = stack_.back();
        stack_.pop_back();
        key_ = Key::none;
        entity_.close(ctx);
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
    std::function<std::string()> whole_;
    Builder& b_;
    std::size_t max_letters_;

    std::vector<JsonCtx> stack_;
    Key key_ = Key::none;
    std::uint32_t key_line_ = 0;
    bool format_seen_ = false;
    KeyWarnings warnings_;
    EntityReader entity_;
};

// The codes a piece of the text names ("code" as a key: "code" with a quote before it), about one
// record per entity.
std::size_t codes_in(std::string_view piece) {
    std::size_t count = 0;
    // "code" found as code" with a quote before it: string_view::find (memchr) on the quote
    // alone would stop at every quote of the piece.
    for (std::size_t p = piece.find("code\""); p != std::string_view::npos; p = piece.find("code\"", p + 1)) {
        if (p == 0 || piece[p - 1] != '"') continue;
        ++count;
        p += 5;  // the next "code" starts after this one's closing quote
    }
    return count;
}

// The text is read once, each piece checked as it comes (PieceSource); `file_bytes` is its size.
Dataset load_json_pieces(const std::string& path, const PieceSource& open, std::size_t file_bytes,
                         const std::function<std::string()>& whole, const Schema& schema,
                         const LoadOptions& options) {
    Builder b(path, schema, options, Granularity::per_entity);
    const std::function<std::string_view()> pieces = open();
    bool first = true;
    bool reading = false;  // a piece being read: a FileError is the reading's
    JsonLexer lexer([&] {
        reading = true;
        const std::string_view piece = pieces();
        reading = false;
        if (first && !piece.empty()) {
            // The file's entities from its first piece's, twice as many when there is more to
            // come, so that the Builder's room (address space only, until it is used) is seldom
            // made again: a file's first entities, a province and its districts, are larger than
            // its communes (national.json: 918 codes in the first MiB, 1 356 on average).
            first = false;
            const double codes = static_cast<double>(codes_in(piece));
            const double guess = piece.size() >= file_bytes ? codes
                                                            : 2 * codes * static_cast<double>(file_bytes) /
                                                                  static_cast<double>(piece.size());
            b.expect(static_cast<std::size_t>(std::min(guess, static_cast<double>(options.limits.rows))) + 1);
        }
        return piece;
    });
    Reader reader(path, whole, b, static_cast<std::size_t>(options.limits.name_letters));
    try {
        parse_json(lexer, reader);
        reader.finish();
    } catch (const FileError&) {
        // A file that cannot be read, or is not UTF-8, says so first, whatever its text says
        // before the bad piece: the rest is read (and checked) before the problem found is given.
        if (!reading) {
            while (!pieces().empty()) {
            }
        }
        throw;
    }
    return b.finish();
}

}  // namespace

Dataset load_json(const std::string& path, std::string_view text, const Schema& schema,
                  const LoadOptions& options) {
    const auto open = [text] {
        return std::function<std::string_view()>([text, given = false]() mutable {
            if (given) return std::string_view();
            given = true;
            return text;
        });
    };
    return load_json_pieces(path, open, text.size(), [text] { return std::string(text); }, schema, options);
}

Dataset load_json_file(const std::string& path, const Schema& schema, const LoadOptions& options,
                       std::size_t piece_bytes) {
    const text::SizeLimit limit{options.limits.data_file_bytes, "D0901", "data-file-size"};
    const auto fail = [&path](const std::vector<text::Problem>& problems) {
        throw FileError{problems.empty() ? text::file_problem(path, text::say("load.cannot_read")) : problems.front()};
    };
    std::error_code failed;  // for a guess only
    const std::uintmax_t size = std::filesystem::file_size(path, failed);
    return load_json_pieces(path, piece_source(path, limit, text::TextPieces::Cut::ascii, text::TextPieces::Cut::ascii, piece_bytes),
                            failed ? 0 : static_cast<std::size_t>(size),
                            [&] {
                                std::vector<text::Problem> problems;
                                auto text = text::read_text_file(path, problems, limit);
                                if (!text) fail(problems);
                                return std::move(*text);
                            },
                            schema, options);
}

}  // namespace ntm::data
