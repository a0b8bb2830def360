// JSON data files read a token at a time, and the grammar that puts the tokens together
// (RFC 8259, strictly: no comments, no trailing commas, one value and only blanks after it).
//
// The text comes a piece at a time (text/pieces.hpp) and is read in place: a string without
// escapes, or a number, is a view into the piece.  A token that a piece's end cuts is read from a
// small joint buffer — the token's start and as much of the next piece as it needs.  Each token
// knows its byte offset and its line.
//
// The text is UTF-8 already: every reader checks it first (text/files.hpp, text/pieces.hpp), so
// the lexer does not check it again.  A leading BOM is skipped.
//
// What the reader accepts and what it gives are nlohmann::json's SAX parser's
// (tests/data/test_json_lexer.cpp compares the two): numbers written as integers that fit 64 bits
// are integers (their text not kept), others are read as a double, and a number too large for
// one is an error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace ntm::data {

// The value of the four hex digits that `at` begins with (those of a \u escape); -1 when it does
// not begin with four.
long json_hex4(std::string_view at);

class JsonLexer {
public:
    enum class Kind : std::uint8_t {
        open_object,
        close_object,
        open_array,
        close_array,
        colon,
        comma,
        string,
        number,
        boolean,
        null,
        end,  // the end of the text
        bad,  // not JSON: stopped() is where
    };

    struct Token {
        Kind kind = Kind::end;
        // A string's value, its escapes read; a number as written, empty for an integer.  Valid
        // until the next call to next().
        std::string_view text;
        double number = 0;  // a number's value; 1 or 0 for a boolean
        std::size_t offset = 0;  // of its first byte in the text
        std::uint32_t line = 1;  // of its first byte
    };

    // `more` gives the text's next piece, empty at the end; a piece stays valid until the next
    // call.
    explicit JsonLexer(std::function<std::string_view()> more) : more_(std::move(more)) {}

    // Reads the next token: token() is it.
    Kind next();
    const Token& token() const { return tok_; }

    // After a token of kind bad: the offset of the byte where the text stops being JSON.
    std::size_t stopped() const { return stopped_; }

    // The bytes copied into joint buffers so far: a few times the longest token's at most,
    // whatever the size of the pieces (tests/data/test_json_lexer.cpp holds it to that).
    std::size_t joint_bytes() const { return joint_bytes_; }

private:
    Kind string();
    bool escaped(const char* from);
    Kind number();
    Kind word(std::string_view w, Kind kind, double value);
    Kind bad(const char* at);

    // The next bytes of the text after those read into the buffer (at most `most`), from what is
    // left of the last piece or from a new one; empty at the end of the text.
    std::string_view take(std::size_t most);
    // The buffer's bytes are read: the next piece (or what is left of one) becomes the buffer;
    // false at the end of the text.
    bool fetch();
    // The token at p_ runs to the end of the buffer, and more text follows (last_ is false): the
    // buffer becomes the token's bytes and as many again of the text after them (4 KiB at
    // least).  The lexer reads the token again from its start.
    void extend();

    std::size_t offset_of(const char* at) const { return base_ + static_cast<std::size_t>(at - buf_); }

    std::function<std::string_view()> more_;
    std::string_view pending_;  // of the last piece, the bytes not yet in a buffer
    bool last_ = false;         // the text has no more pieces
    // The buffer read: [buf_, end_), p_ the next byte; base_ the text offset of buf_.
    const char* buf_ = nullptr;
    const char* p_ = nullptr;
    const char* end_ = nullptr;
    std::size_t base_ = 0;
    std::size_t taken_ = 0;  // the text offset after the last byte taken into a buffer
    std::uint32_t line_ = 1;
    bool started_ = false;  // the BOM looked for
    std::string joints_[2];  // the joint buffers, used in turn
    int joint_ = 0;
    std::size_t joint_bytes_ = 0;
    std::string scratch_;  // a string's value with its escapes read
    std::size_t stopped_ = 0;
    Token tok_;
};

// The grammar over the tokens: each value handed to `h` as it is read, objects and arrays as
// their start and end, keys before the ':' after them is read — the order of nlohmann::json's
// SAX parser.  Open objects and arrays are a stack, not a recursion; how deep they may nest is
// the handler's to say.  On the first token that does not fit, h.syntax_error(offset) is called
// and nothing more is read.
//
// Handler:
//   void start(const JsonLexer::Token& t, bool object);   // '{' or '['
//   void end();                                            // its '}' or ']'
//   void key(const JsonLexer::Token& t);
//   void value(const JsonLexer::Token& t);                 // string, number, boolean or null
//   void syntax_error(std::size_t offset);
template <class Handler>
void parse_json(JsonLexer& lex, Handler& h) {
    using Kind = JsonLexer::Kind;
    const JsonLexer::Token& t = lex.token();
    // Open objects (true) and arrays (false).
    std::string open;
    const auto fail = [&] { h.syntax_error(t.kind == Kind::bad ? lex.stopped() : t.offset); };
    // The key at t and its ':'; false after a syntax error.
    const auto key = [&] {
        if (t.kind != Kind::string) return fail(), false;
        h.key(t);
        if (lex.next() != Kind::colon) return fail(), false;
        return true;
    };
    lex.next();
    for (;;) {
        // A value starts at t.
        switch (t.kind) {
            case Kind::open_object:
            case Kind::open_array: {
                const bool object = t.kind == Kind::open_object;
                h.start(t, object);
                if (lex.next() == (object ? Kind::close_object : Kind::close_array)) {
                    h.end();
                    break;
                }
                if (object && !key()) return;
                open.push_back(object ? '{' : '[');
                if (object) lex.next();
                continue;
            }
            case Kind::string:
            case Kind::number:
            case Kind::boolean:
            case Kind::null:
                h.value(t);
                break;
            default:
                return fail();
        }
        // A value ends: what comes after it.
        for (;;) {
            lex.next();
            if (open.empty()) {
                if (t.kind != Kind::end) fail();
                return;
            }
            const bool object = open.back() == '{';
            if (t.kind == Kind::comma) {
                lex.next();
                if (object) {
                    if (!key()) return;
                    lex.next();
                }
                break;
            }
            if (t.kind != (object ? Kind::close_object : Kind::close_array)) return fail();
            open.pop_back();
            h.end();
        }
    }
}

}  // namespace ntm::data
