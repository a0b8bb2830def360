// JSON data files: {"format": "ntm-data", "version": 1, "entities": [...]} (docs/data-format.md),
// read with nlohmann's SAX parser: no document tree is built, only the values are kept.  This
// file reads the envelope — the file's object, its format and version, the array of entities —
// and where each event is; what is inside an entity object is data/json_entity.hpp's.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <iterator>
#include <nlohmann/json.hpp>

#include "data/builder.hpp"
#include "data/json_entity.hpp"
#include "data/json_errors.hpp"

namespace ntm::data {

namespace {

using json = nlohmann::json;

// The text as the parser reads it: a piece at a time (empty at the end), with how far it has
// read and the LFs it has passed.  At each SAX event the event's token has just been read: its
// last character is 1 byte before the end of what is read, except for numbers, whose end the
// lexer finds by reading one more character (so the number ends 2 bytes before).
// tests/data/test_problems.cpp pins this down.
class JsonText {
public:
    explicit JsonText(std::function<std::string_view()> more) : more_(std::move(more)) {}

    // Where the parser is: the next byte it reads.
    const char* at = nullptr;

    // Bytes read so far.
    std::size_t done() const { return base_ + static_cast<std::size_t>(at - piece_.data()); }
    // The line of byte `at`: of the piece being read, or one of the last two of the one before.
    // Lines are counted when asked, going forward (or a byte back) from the last one asked.
    std::uint32_t line_of(std::size_t offset) {
        if (offset < base_) {
            std::uint32_t lfs = lfs_at_base_;
            for (std::size_t k = std::max(offset, base_ - std::min<std::size_t>(base_, 2)); k < base_; ++k) {
                lfs -= tail_[2 - (base_ - k)] == '\n';
            }
            return 1 + lfs;
        }
        const std::size_t i = std::min(offset - base_, piece_.size());
        const auto from = piece_.begin();
        if (i >= counted_) {
            lfs_ += static_cast<std::uint32_t>(std::count(from + static_cast<std::ptrdiff_t>(counted_), from + static_cast<std::ptrdiff_t>(i), '\n'));
        } else {
            lfs_ -= static_cast<std::uint32_t>(std::count(from + static_cast<std::ptrdiff_t>(i), from + static_cast<std::ptrdiff_t>(counted_), '\n'));
        }
        counted_ = i;
        return 1 + lfs_;
    }
    // The next piece, `at` its first byte; false at the end of the text.
    bool next_piece() {
        line_of(base_ + piece_.size());  // the LFs of the piece, all counted
        lfs_at_base_ = lfs_;
        for (const char c : piece_.substr(piece_.size() - std::min<std::size_t>(piece_.size(), 2))) {
            tail_[0] = tail_[1];
            tail_[1] = c;
        }
        base_ += piece_.size();
        piece_ = more_();
        at = piece_.data();
        counted_ = 0;
        return !piece_.empty();
    }
    std::string_view piece() const { return piece_; }

private:
    std::function<std::string_view()> more_;
    std::string_view piece_;
    std::size_t base_ = 0, counted_ = 0;
    std::uint32_t lfs_ = 0, lfs_at_base_ = 0;
    std::array<char, 2> tail_{};  // the last two bytes before the piece
};

// What nlohmann's lexer reads from (its input adapters' interface): the text a byte at a time,
// telling JsonText where it is.
class JsonInput {
public:
    using char_type = char;
    explicit JsonInput(JsonText& text) : text_(&text) {}

    std::char_traits<char>::int_type get_character() {
        if (p_ == end_) {
            if (!text_->next_piece()) return std::char_traits<char>::eof();
            p_ = text_->piece().data();
            end_ = p_ + text_->piece().size();
        }
        const auto c = std::char_traits<char>::to_int_type(*p_);
        text_->at = ++p_;
        return c;
    }

private:
    JsonText* text_;
    const char* p_ = nullptr;
    const char* end_ = nullptr;
};

// The SAX handler: each event located (its line), the stack of objects and arrays kept, and
// what is inside an entity handed to the EntityReader.
class Reader {
public:
    // `whole`: the text read whole, for the messages about a syntax error, which read it again.
    Reader(const std::string& path, JsonText& text, std::function<std::string()> whole, Builder& b,
           std::size_t max_letters)
        : path_(path), text_(text), whole_(std::move(whole)), b_(b), max_letters_(max_letters), entity_(path, b) {}

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
        throw FileError{path_, json_syntax_error(whole_(), text_.done(), max_letters_)};
    }

    void finish() const {
        if (!format_seen_)
            throw FileError{path_, text::say("json.no_format")};
    }

private:
    // What the last key of the file's object was.
    enum class Key : std::uint8_t { none, format, version, entities, other };

    // The byte `n` places before the end of what the parser has read.
    std::size_t before(std::size_t n) const { return text_.done() > n ? text_.done() - n : 0; }

    // The line of the byte at `at`, one of the last read.
    std::uint32_t line_at(std::size_t at) { return text_.line_of(at); }

    bool number(double v, std::string_view raw) {
        return value({Cell::Kind::number, raw, v}, line_at(before(2)));
    }

    bool open(const char* what) {
        if (stack_.size() >= kJsonMaxDepth) {
            throw FileError{path_, json_too_deep(whole_(), before(1))};
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
    JsonText& text_;
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

// The codes the text names ("code" as a key: "code" with a quote before it), about one record
// per entity, counted a piece at a time: a name may run over two pieces.
class CodeCount {
public:
    void add(std::string_view piece) {
        // What the last piece ended with, and the start of this one.
        const std::string joint = tail_ + std::string(piece.substr(0, 5));
        for (std::size_t p = joint.find("\"code\""); p != std::string::npos; p = joint.find("\"code\"", p + 1)) {
            if (p < tail_.size() && p + 6 > tail_.size()) ++count_;
        }
        // "code" found as code" with a quote before it: string_view::find (memchr) on the
        // quote alone would stop at every quote of the piece.
        for (std::size_t p = piece.find("code\""); p != std::string_view::npos; p = piece.find("code\"", p + 1)) {
            if (p == 0 || piece[p - 1] != '"') continue;
            ++count_;
            p += 5;  // the next "code" starts after this one's closing quote
        }
        tail_ = std::string(piece.substr(piece.size() - std::min<std::size_t>(piece.size(), 5)));
    }
    std::size_t count() const { return count_; }

private:
    std::string tail_;
    std::size_t count_ = 0;
};

Dataset load_json_pieces(const std::string& path, const std::function<std::function<std::string_view()>()>& open,
                         const std::function<std::string()>& whole, const Schema& schema,
                         const LoadOptions& options) {
    Builder b(path, schema, options, Granularity::per_entity);
    CodeCount codes;
    const std::function<std::string_view()> first = open();
    for (std::string_view piece = first(); !piece.empty(); piece = first()) codes.add(piece);
    b.expect(codes.count());
    JsonText text(open());
    Reader reader(path, text, whole, b, static_cast<std::size_t>(options.limits.name_letters));
    nlohmann::detail::parser<json, JsonInput>(JsonInput(text), nullptr, true, false).sax_parse(&reader, true);
    reader.finish();
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
    return load_json_pieces(path, open, [text] { return std::string(text); }, schema, options);
}

Dataset load_json_file(const std::string& path, const Schema& schema, const LoadOptions& options,
                       std::size_t piece_bytes) {
    const text::SizeLimit limit{options.limits.data_file_bytes, "D0901", "data-file-size"};
    const auto fail = [&path](const std::vector<text::Problem>& problems) {
        throw FileError{problems.empty() ? text::file_problem(path, text::say("load.cannot_read")) : problems.front()};
    };
    return load_json_pieces(path, piece_source(path, limit, text::TextPieces::Cut::ascii, text::TextPieces::Cut::ascii, piece_bytes),
                            [&] {
                                std::vector<text::Problem> problems;
                                auto text = text::read_text_file(path, problems, limit);
                                if (!text) fail(problems);
                                return std::move(*text);
                            },
                            schema, options);
}

}  // namespace ntm::data
