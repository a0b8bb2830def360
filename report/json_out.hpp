// Writing JSON as it is produced, the way nlohmann's dump(2) lays it out (an indent of 2, `": "`
// after keys, invalid UTF-8 replaced by U+FFFD), without building a tree first: the ntm-eval
// document of a whole country is written one entity at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace ntm::report {

class JsonOut {
public:
    // The texts fixed_string() has escaped and quoted, by where they stand: kept by one writer,
    // or shared by the writers of one document in turn (never two at once).
    class FixedTexts {
    private:
        friend class JsonOut;
        struct Key {
            const char* data;
            std::size_t size;
            bool operator==(const Key&) const = default;
        };
        struct Hash {
            std::size_t operator()(const Key& k) const noexcept {
                return std::hash<const void*>{}(k.data) ^ (k.size * 0x9E3779B97F4A7C15ull);
            }
        };

        std::unordered_map<Key, std::string, Hash> texts_;
    };

    // Writes into `buf`; flush() moves what it holds to `file`.  Without a file, the caller takes
    // `buf` after finish().  `buf` is written through a position of its own and sized ahead, so
    // that its size is that of the text only after finish() (or flush()).
    explicit JsonOut(std::string& buf, std::FILE* file = nullptr) : buf_(buf), file_(file), n_(buf.size()) {}
    // Where a writer stands: the values written so far in each container it has open.
    using Place = std::vector<std::uint32_t>;
    Place place() const { return counts_; }
    // Writes the values that go on from `place` (the last count as written in it) at the start of
    // `buf`, over what it holds: the text that insert() puts in place, made while the writer at
    // `place` waits or writes on; its length is length(), and `buf` keeps its size (never
    // finish()ed), so that a buffer used again is not grown again.  `fixed` is used in place of a
    // FixedTexts of its own.
    JsonOut(std::string& buf, Place place, FixedTexts& fixed)
        : buf_(buf), file_(nullptr), n_(0), counts_(std::move(place)), fixed_(&fixed) {}
    JsonOut(const JsonOut&) = delete;
    JsonOut& operator=(const JsonOut&) = delete;

    void begin_object() { open('{'); }
    void begin_array() { open('['); }
    void end_object() { close('}'); }
    void end_array() { close(']'); }
    void key(std::string_view k);
    // A key written in the source, a string literal of letters, digits and `_`: copied as it is,
    // without the checks a key from the data needs.
    template <std::size_t N>
    void key(const char (&k)[N]) {
        before();
        char* p = room(N + 3);
        *p++ = '"';
        std::memcpy(p, k, N - 1);
        p += N - 1;
        std::memcpy(p, "\": ", 3);
        after_key_ = true;
    }

    void string(std::string_view s);
    void string_or_null(std::string_view s) { s.empty() ? null() : string(s); }
    // A text that stays where it is, unchanged, for as long as this writer writes — the
    // Program's, read through an explanation's views (never a string made for the occasion):
    // escaped the first time, copied after.  The same bytes as string().
    void fixed_string(std::string_view s);
    void fixed_string_or_null(std::string_view s) { s.empty() ? null() : fixed_string(s); }
    // As report::json_number: null when unknown; an integer when whole; otherwise rounded to 9
    // decimals.
    void number(double v);
    void integer(std::int64_t v);
    void boolean(bool b) { item(b ? "true" : "false"); }
    void null() { item("null"); }
    // A value built as a tree (the small parts of the document).
    void value(const nlohmann::ordered_json& v);

    // The text of a writer that went on from here (made from place()), holding `values`
    // values of the container open; written after what this one holds.  False once a write
    // failed.
    bool insert(std::string_view text, std::uint32_t values);

    // Writes out what is buffered once it is large (always, with `force`); false once a write
    // failed.  Without a file, `force` is finish().
    bool flush(bool force = false);
    // A line break after the document.
    void end_line() { put('\n'); }
    // `buf` holds the text written, and only it.
    void finish() { buf_.resize(n_); }
    // The length of the text written so far.
    std::size_t length() const { return n_; }

private:
    void before();  // the comma, line break and indent before a value, unless it follows a key
    void line_break();  // a line break and the indent of the container open
    // `n` bytes at the end of the text, to be written through the pointer returned.
    char* room(std::size_t n) {
        if (buf_.size() - n_ < n) grow(n);
        char* p = buf_.data() + n_;
        n_ += n;
        return p;
    }
    void grow(std::size_t n);
    void put(char c) { *room(1) = c; }
    void put(std::string_view s) { std::memcpy(room(s.size()), s.data(), s.size()); }
    void item(std::string_view text) {
        before();
        put(text);
    }
    void open(char c);
    void close(char c);
    void quoted(std::string_view s);  // `s` as a JSON string, escaped

    std::string& buf_;
    std::FILE* file_;
    std::size_t n_;  // the length of the text in `buf_`, the rest room to write into
    std::vector<std::uint32_t> counts_;  // per open container, the values written in it
    bool after_key_ = false;
    bool ok_ = true;
    FixedTexts own_fixed_;
    FixedTexts* fixed_ = &own_fixed_;  // fixed_string(): escaped, quoted
};

}  // namespace ntm::report
