#include "data/json_lexer.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "data/decimal.hpp"

namespace ntm::data {

namespace {

// The bytes a string holds as they are: not '"', '\' or a control character.
constexpr std::array<bool, 256> kPlain = [] {
    std::array<bool, 256> plain{};
    for (std::size_t c = 0x20; c < 256; ++c) plain[c] = c != '"' && c != '\\';
    return plain;
}();

// The first byte from `q` on that a string does not hold as it is, or `end`.  Eight bytes at a
// time where eight are left: in each word, a byte equal to '"' or '\\', or below 0x20, sets its
// high bit in `stop` (the lowest such bit is exact: a borrow only runs upward from it).
const char* plain_end(const char* q, const char* end) {
    if constexpr (std::endian::native == std::endian::little) {
        constexpr std::uint64_t kOnes = 0x0101010101010101ull;
        constexpr std::uint64_t kHigh = 0x8080808080808080ull;
        while (end - q >= 8) {
            std::uint64_t w = 0;
            std::memcpy(&w, q, sizeof w);
            const std::uint64_t quote = w ^ (kOnes * '"');
            const std::uint64_t slash = w ^ (kOnes * '\\');
            const std::uint64_t stop = ((quote - kOnes) & ~quote) | ((slash - kOnes) & ~slash) | ((w - kOnes * 0x20) & ~w);
            if ((stop & kHigh) != 0) return q + std::countr_zero(stop & kHigh) / 8;
            q += 8;
        }
    }
    while (q != end && kPlain[static_cast<unsigned char>(*q)]) ++q;
    return q;
}

bool digit(char c) {
    return c >= '0' && c <= '9';
}

// A JSON number of at most kShortDigits digits and no exponent ("99.5", "-0.125") into
// `value`, as from_chars reads it (short_decimal); false, `value` untouched, for any other.
bool short_number(std::string_view s, double& value) {
    const bool negative = s.front() == '-';
    std::uint64_t digits = 0;
    std::size_t count = 0, frac = 0;
    bool point = false;
    for (std::size_t i = negative ? 1 : 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '.') {
            point = true;
            continue;
        }
        if (!digit(c) || ++count > kShortDigits) return false;
        digits = 10 * digits + static_cast<std::uint64_t>(c - '0');
        frac += point ? 1 : 0;
    }
    value = short_decimal(digits, frac, negative);
    return true;
}

int hex_digit(char h) {
    return digit(h) ? h - '0' : (h >= 'a' && h <= 'f') ? h - 'a' + 10 : (h >= 'A' && h <= 'F') ? h - 'A' + 10 : -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    std::array<utf8proc_uint8_t, 4> bytes{};
    const utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), bytes.data());
    out.append(reinterpret_cast<const char*>(bytes.data()), static_cast<std::size_t>(n));
}

}  // namespace

long json_hex4(std::string_view at) {
    if (at.size() < 4) return -1;
    long v = 0;
    for (int k = 0; k < 4; ++k) {
        const int d = hex_digit(at[static_cast<std::size_t>(k)]);
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

std::string_view JsonLexer::take(std::size_t most) {
    if (pending_.empty() && !last_) {
        pending_ = more_();
        last_ = pending_.empty();
    }
    const std::string_view bytes = pending_.substr(0, most);
    pending_.remove_prefix(bytes.size());
    taken_ += bytes.size();
    return bytes;
}

bool JsonLexer::fetch() {
    const std::size_t at = taken_;
    const std::string_view bytes = take(std::string_view::npos);
    if (bytes.empty()) return false;
    buf_ = p_ = bytes.data();
    end_ = buf_ + bytes.size();
    base_ = at;
    return true;
}

void JsonLexer::extend() {
    // The token's bytes are copied first: taking more may end the piece they are in.
    std::string& joint = joints_[joint_ ^= 1];
    const std::size_t from = offset_of(p_);
    joint.assign(p_, end_);
    // Twice the token so far, from as many pieces as it takes: a token longer than a piece is
    // then copied and read again a few times in all, not once per piece.
    for (std::size_t want = std::max<std::size_t>(4096, 2 * joint.size()); want > 0;) {
        const std::string_view bytes = take(want);
        if (bytes.empty()) break;
        joint.append(bytes);
        want -= bytes.size();
    }
    joint_bytes_ += joint.size();
    buf_ = p_ = joint.data();
    end_ = buf_ + joint.size();
    base_ = from;
}

JsonLexer::Kind JsonLexer::bad(const char* at) {
    stopped_ = offset_of(at);
    return tok_.kind = Kind::bad;
}

JsonLexer::Kind JsonLexer::next() {
    Token& t = tok_;
    t.text = {};
    for (;;) {
        while (p_ != end_) {
            const char c = *p_;
            if (c == ' ' || c == '\t' || c == '\r') {
                ++p_;
            } else if (c == '\n') {
                ++line_;
                ++p_;
            } else {
                break;
            }
        }
        if (p_ != end_) break;
        if (!fetch()) {
            t.offset = taken_;
            t.line = line_;
            return t.kind = Kind::end;
        }
        if (!started_) {
            started_ = true;
            while (end_ - p_ < 3 && *p_ == '\xEF' && !last_) extend();  // a BOM cut by a tiny piece
            if (std::string_view(p_, static_cast<std::size_t>(end_ - p_)).starts_with("\xEF\xBB\xBF")) p_ += 3;
        }
    }
    t.offset = offset_of(p_);
    t.line = line_;
    const auto one = [&](Kind kind) {
        ++p_;
        return t.kind = kind;
    };
    switch (*p_) {
        case '{':
            return one(Kind::open_object);
        case '}':
            return one(Kind::close_object);
        case '[':
            return one(Kind::open_array);
        case ']':
            return one(Kind::close_array);
        case ':':
            return one(Kind::colon);
        case ',':
            return one(Kind::comma);
        case '"':
            return string();
        case 't':
            return word("true", Kind::boolean, 1);
        case 'f':
            return word("false", Kind::boolean, 0);
        case 'n':
            return word("null", Kind::null, 0);
        default:
            if (*p_ == '-' || digit(*p_)) return number();
            return bad(p_);
    }
}

JsonLexer::Kind JsonLexer::word(std::string_view w, Kind kind, double value) {
    Token& t = tok_;
    while (static_cast<std::size_t>(end_ - p_) < w.size() && !last_) extend();
    for (std::size_t k = 0; k < w.size(); ++k) {
        if (p_ + k == end_ || p_[k] != w[k]) return bad(p_ + k);
    }
    p_ += w.size();
    t.number = value;
    return t.kind = kind;
}

JsonLexer::Kind JsonLexer::string() {
    Token& t = tok_;
    for (;;) {
        const char* q = plain_end(p_ + 1, end_);
        if (q == end_ && !last_) {
            extend();
            continue;
        }
        if (q == end_) return bad(q);
        if (*q == '"') {
            t.text = std::string_view(p_ + 1, static_cast<std::size_t>(q - p_ - 1));
            p_ = q + 1;
            return t.kind = Kind::string;
        }
        if (*q != '\\') return bad(q);  // a control character
        if (escaped(q)) return t.kind;
        extend();  // cut by the buffer's end: the whole string read again from a longer buffer
    }
}

// The string at p_ has an escape at `from`: its value is made in scratch_.  False when the buffer
// ends before the string does and more text follows.
bool JsonLexer::escaped(const char* from) {
    Token& t = tok_;
    scratch_.assign(p_ + 1, from);
    const char* q = from;
    for (;;) {
        const char* run = q;
        q = plain_end(q, end_);
        scratch_.append(run, q);
        // An escape needs up to 12 bytes ("\uD83D\uDE00").
        const auto room = [&](std::size_t n) { return static_cast<std::size_t>(end_ - q) >= n; };
        if ((q == end_ || (*q == '\\' && !room(12))) && !last_) return false;
        const auto stop = [&](const char* at) { return bad(at), true; };
        if (q == end_) return stop(q);
        if (*q == '"') {
            t.kind = Kind::string;
            t.text = scratch_;
            p_ = q + 1;
            return true;
        }
        if (*q != '\\') return stop(q);  // a control character
        if (!room(2)) return stop(q + 1);
        const char e = q[1];
        const char* simple = "\"\\/bfnrt";
        const char* means = "\"\\/\b\f\n\r\t";
        if (const char* s = std::char_traits<char>::find(simple, 8, e)) {
            scratch_.push_back(means[s - simple]);
            q += 2;
            continue;
        }
        if (e != 'u' || !room(6)) return stop(q + 1);
        const long u = json_hex4({q + 2, 4});
        if (u < 0) return stop(q + 2);
        if (u >= 0xDC00 && u <= 0xDFFF) return stop(q + 6);
        if (u >= 0xD800 && u <= 0xDBFF) {
            const long low = room(12) && q[6] == '\\' && q[7] == 'u' ? json_hex4({q + 8, 4}) : -1;
            if (low < 0xDC00 || low > 0xDFFF) return stop(q + 6);
            append_utf8(scratch_, 0x10000 + ((static_cast<std::uint32_t>(u) - 0xD800) << 10) +
                                      (static_cast<std::uint32_t>(low) - 0xDC00));
            q += 12;
            continue;
        }
        append_utf8(scratch_, static_cast<std::uint32_t>(u));
        q += 6;
    }
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
JsonLexer::Kind JsonLexer::number() {
    Token& t = tok_;
    for (;;) {
        const char* q = p_;
        bool cut = false;  // the buffer ended inside the number
        const auto digits = [&] {
            const char* from = q;
            while (q != end_ && digit(*q)) ++q;
            cut = cut || q == end_;
            return q != from;
        };
        const auto at = [&](char c) {
            cut = cut || q == end_;
            return q != end_ && *q == c;
        };
        bool whole = true;  // an integer
        bool ok = true;
        if (at('-')) ++q;
        if (at('0')) {
            ++q;
            cut = cut || q == end_;
        } else {
            ok = digits();
        }
        if (ok && at('.')) {
            ++q;
            whole = false;
            ok = digits();
        }
        if (ok && (at('e') || at('E'))) {
            ++q;
            whole = false;
            if (at('+') || at('-')) ++q;
            ok = digits();
        }
        if (cut && !last_) {
            extend();
            continue;
        }
        if (!ok) return bad(q);
        const char* start = p_;
        p_ = q;
        t.kind = Kind::number;
        if (whole) {
            // An integer, as nlohmann reads it: signed when negative, unsigned when not.
            const auto as = [&](auto v) {
                const auto r = std::from_chars(start, q, v);
                t.number = static_cast<double>(v);
                return r.ec == std::errc() && r.ptr == q;
            };
            if (*start == '-' ? as(std::int64_t{}) : as(std::uint64_t{})) return t.kind;
        }
        t.text = std::string_view(start, static_cast<std::size_t>(q - start));
        if (short_number(t.text, t.number)) return t.kind;
        const auto r = std::from_chars(start, q, t.number);
        if (r.ec == std::errc::result_out_of_range) {
            // Below the smallest double: strtod's value, as nlohmann's; above the largest: an error.
            t.number = std::strtod(std::string(t.text).c_str(), nullptr);
        }
        if (!std::isfinite(t.number)) return bad(q);
        return t.kind;
    }
}

}  // namespace ntm::data
