#include "report/json_out.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>

#include "text/utf8.hpp"

namespace ntm::report {

void JsonOut::before() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (counts_.empty()) return;
    if (counts_.back()++ > 0) put(',');
    line_break();
}

void JsonOut::line_break() {
    const std::size_t indent = 2 * counts_.size();
    char* p = room(indent + 1);
    *p = '\n';
    std::memset(p + 1, ' ', indent);
}

void JsonOut::open(char c) {
    before();
    put(c);
    counts_.push_back(0);
}

void JsonOut::close(char c) {
    const bool empty = counts_.back() == 0;
    counts_.pop_back();
    if (!empty) line_break();
    put(c);
}

void JsonOut::key(std::string_view k) {
    string(k);
    put(": ");
    after_key_ = true;
}

void JsonOut::grow(std::size_t n) {
    buf_.resize(std::max({2 * buf_.size(), n_ + n, std::size_t{1} << 12}));
}

namespace {

// The bytes a string cannot be copied through as they are: controls, quote, backslash, and the
// start or continuation of a sequence of several bytes (checked as UTF-8).
constexpr std::array<bool, 256> kAttention = [] {
    std::array<bool, 256> t{};
    for (std::size_t c = 0; c < 256; ++c) t[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
    return t;
}();

// How many bytes from `p` need no attention (kAttention), counted eight at a time: up to the
// first control, quote, backslash or byte of a multi-byte sequence, or to the last whole word.
std::size_t plain_ascii_run(const char* p, std::size_t n) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        const std::uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
        // The high bit of each byte that is a quote, a backslash, below 0x20, or itself high.
        // Borrows may mark bytes above the first marked one, never below: the lowest is exact.
        const std::uint64_t marked =
            (((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) | ((w - kOnes * 0x20) & ~w) | w) & kHigh;
        if (marked != 0) return i + static_cast<std::size_t>(std::countr_zero(marked)) / 8;  // little-endian
    }
    return i;
}

}  // namespace

void JsonOut::string(std::string_view s) {
    before();
    quoted(s);
}

void JsonOut::fixed_string(std::string_view s) {
    // Short texts (codes, units) are escaped faster than they are looked up.
    if (s.size() < 16) return string(s);
    before();
    const FixedTexts::Key key{s.data(), s.size()};
    if (const auto it = fixed_->texts_.find(key); it != fixed_->texts_.end()) return put(it->second);
    const std::size_t start = n_;
    quoted(s);
    fixed_->texts_.emplace(key, std::string(buf_.data() + start, n_ - start));
}

void JsonOut::quoted(std::string_view s) {
    const std::size_t start = n_;
    put('"');
    std::size_t plain = 0;  // start of the run of bytes copied as they are
    for (std::size_t i = 0; i < s.size(); ++i) {
        i += plain_ascii_run(s.data() + i, s.size() - i);  // eight bytes at a time
        if (i == s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (!kAttention[c]) continue;
        if (c >= 0x80) {
            const std::size_t n = text::utf8_sequence_length(s, i);
            if (n == 0) {
                // Bytes that are not UTF-8: U+FFFD, as the library's own decoder places them.
                n_ = start;
                put(nlohmann::ordered_json(std::string(s)).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
                return;
            }
            i += n - 1;
            continue;
        }
        put(s.substr(plain, i - plain));
        plain = i + 1;
        switch (c) {
            case '"': put("\\\""); break;
            case '\\': put("\\\\"); break;
            case '\b': put("\\b"); break;
            case '\t': put("\\t"); break;
            case '\n': put("\\n"); break;
            case '\f': put("\\f"); break;
            case '\r': put("\\r"); break;
            default: {
                static constexpr char kHex[] = "0123456789abcdef";
                char* p = room(6);
                std::memcpy(p, "\\u00", 4);
                p[4] = kHex[c >> 4];
                p[5] = kHex[c & 0xF];
            }
        }
    }
    char* p = room(s.size() - plain + 1);
    std::memcpy(p, s.data() + plain, s.size() - plain);
    p[s.size() - plain] = '"';
}

void JsonOut::integer(std::int64_t v) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, v).ptr;
    item(std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

void JsonOut::number(double v) {
    if (v != v || !std::isfinite(v)) return null();
    const double r = std::round(v * 1e9) / 1e9;
    if (std::fabs(r) < 9e15 && r == std::trunc(r)) return integer(static_cast<std::int64_t>(r));
    // The library's own shortest form (Grisu2), so that every number reads as it always has.
    char digits[64];
    const char* end = nlohmann::detail::to_chars(digits, digits + sizeof digits, r);
    item(std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

void JsonOut::value(const nlohmann::ordered_json& v) {
    before();
    const std::string s = v.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    // Lines after the first are indented as deep as the value stands.
    const std::size_t indent = 2 * counts_.size();
    std::size_t from = 0;
    for (std::size_t nl = s.find('\n'); nl != std::string::npos; nl = s.find('\n', from)) {
        put(std::string_view(s).substr(from, nl + 1 - from));
        std::memset(room(indent), ' ', indent);
        from = nl + 1;
    }
    put(std::string_view(s).substr(from));
}

bool JsonOut::insert(std::string_view text, std::uint32_t values) {
    counts_.back() += values;
    if (file_ == nullptr) {
        put(text);
        return ok_;
    }
    flush(true);
    ok_ = ok_ && std::fwrite(text.data(), 1, text.size(), file_) == text.size();
    return ok_;
}

bool JsonOut::flush(bool force) {
    if (file_ == nullptr) {
        if (force) finish();
        return ok_;
    }
    if (!force && n_ < (std::size_t{1} << 16)) return ok_;
    ok_ = ok_ && std::fwrite(buf_.data(), 1, n_, file_) == n_;
    n_ = 0;
    return ok_;
}

}  // namespace ntm::report
