// Writing JSON as it is produced, the way nlohmann's dump(2) lays it out (an indent of 2, `": "`
// after keys, invalid UTF-8 replaced by U+FFFD), without building a tree first: the ntm-eval
// document of a whole country is written one entity at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace ntm::report {

class JsonOut {
public:
    // Appends to `buf`; flush() moves what it holds to `file` (null: the caller takes `buf`).
    explicit JsonOut(std::string& buf, std::FILE* file = nullptr) : buf_(buf), file_(file) {}

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
        buf_ += '"';
        buf_.append(k, N - 1);
        buf_ += "\": ";
        after_key_ = true;
    }

    void string(std::string_view s);
    void string_or_null(std::string_view s) { s.empty() ? null() : string(s); }
    // As report::json_number: null when unknown; an integer when whole; otherwise rounded to 9
    // decimals.
    void number(double v);
    void integer(std::int64_t v);
    void boolean(bool b) { item(b ? "true" : "false"); }
    void null() { item("null"); }
    // A value built as a tree (the small parts of the document).
    void value(const nlohmann::ordered_json& v);

    // Writes out what is buffered once it is large (always, with `force`); false once a write
    // failed.
    bool flush(bool force = false);

private:
    void before();  // the comma, line break and indent before a value, unless it follows a key
    void item(std::string_view text) {
        before();
        buf_ += text;
    }
    void open(char c);
    void close(char c);

    std::string& buf_;
    std::FILE* file_;
    std::vector<std::uint32_t> counts_;  // per open container, the values written in it
    bool after_key_ = false;
    bool ok_ = true;
};

}  // namespace ntm::report
