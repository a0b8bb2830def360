#include "text/utf8.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <cstdlib>

#include "text/ascii.hpp"

namespace ntm::text {

namespace {

const utf8proc_uint8_t* bytes(std::string_view s) { return reinterpret_cast<const utf8proc_uint8_t*>(s.data()); }

// utf8proc_map over exactly `text` (not up to a NUL), or nullopt-like empty when it fails.
bool map(std::string_view text, utf8proc_option_t options, std::string& out) {
    utf8proc_uint8_t* mapped = nullptr;
    const utf8proc_ssize_t n = utf8proc_map(bytes(text), static_cast<utf8proc_ssize_t>(text.size()), &mapped, options);
    if (n < 0) return false;
    out.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
    std::free(mapped);
    return true;
}

// Most of the text outside ASCII that NTM Rules writes: Latin-1's letters and signs but the soft
// hyphen, Latin Extended-A and -B (ă, đ, ơ, ư), Latin Extended Additional (ạ … ỹ), and the en and
// em dashes.  Each takes one column and is printable, which is known here without looking it up
// in utf8proc's tables (a test checks every code point against them).
constexpr bool one_column_printable(char32_t cp) {
    return (cp >= 0xA1 && cp <= 0x24F && cp != 0xAD) || (cp >= 0x1E00 && cp <= 0x1EFF) || cp == 0x2013 || cp == 0x2014;
}

}  // namespace

// Well-formed UTF-8 as utf8proc_iterate() takes it (utf8_sequence_length).  Decoded here, a
// letter at a time, rather than through utf8proc: a data file is checked whole.
std::size_t invalid_utf8_at(std::string_view text) {
    // Eight bytes at a time to the next byte of a sequence of several, found in its word: text
    // with a Vietnamese letter every few bytes never walks its ASCII a byte at a time.
    constexpr std::uint64_t kHigh = 0x8080808080808080ull;
    for (std::size_t i = ascii_run_end(text, 0); i < text.size();) {
        if (i + 8 <= text.size()) {
            std::uint64_t w = 0;
            std::memcpy(&w, text.data() + i, sizeof w);
            if constexpr (std::endian::native == std::endian::little) {
                if ((w & kHigh) == 0) {
                    i += 8;
                    continue;
                }
                i += static_cast<std::size_t>(std::countr_zero(w & kHigh)) / 8;
            } else if (static_cast<unsigned char>(text[i]) < 0x80) {
                i = ascii_run_end(text, i);
                continue;
            }
        } else if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t n = utf8_sequence_length(text, i);
        if (n == 0) return i;
        i += n;
    }
    return std::string_view::npos;
}

bool plainly_nfc(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
        } else if (c < 0xCC) {  // two bytes, below U+0300
            i += 2;
        } else if (c == 0xE1 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xFC) == 0xB8) {
            i += 3;  // U+1E00–U+1EFF
        } else {
            return false;
        }
    }
    return true;
}

std::string to_nfc(std::string_view text) {
    if (plainly_nfc(text)) return std::string(text);
    std::string out;
    if (!map(text, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE), out)) return std::string(text);
    return out;
}

std::uint32_t display_width(std::string_view text) {
    std::uint32_t n = 0;
    for (std::size_t i = 0; i < text.size();) {
        utf8proc_int32_t cp = 0;
        const auto len = utf8proc_iterate(bytes(text.substr(i)), static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        if (len <= 0) {  // an invalid byte takes one column
            ++n;
            ++i;
            continue;
        }
        // Combining marks take no column of their own; wide characters take two.
        n += cp < 0x80 || one_column_printable(static_cast<char32_t>(cp))
                 ? 1
                 : static_cast<std::uint32_t>(std::max(0, utf8proc_charwidth(cp)));
        i += static_cast<std::size_t>(len);
    }
    return n;
}

bool invisible(char32_t cp) {
    if (cp == ' ') return false;
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return true;  // C0 and C1 controls, DEL
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
        case UTF8PROC_CATEGORY_ZS:  // spaces other than U+0020: NBSP, thin space, …
        case UTF8PROC_CATEGORY_ZL:
        case UTF8PROC_CATEGORY_ZP:
        case UTF8PROC_CATEGORY_CF:  // format: zero-width space and joiners, BOM, direction marks
        case UTF8PROC_CATEGORY_CO:  // private use
        case UTF8PROC_CATEGORY_CN:  // unassigned
            return true;
        default:
            return false;
    }
}

namespace {

// Appends the first max_letters letters of text as printable() shows them; returns the bytes
// read.  Printable ASCII is copied a run at a time (invisible() holds none of it): no lookup.
std::size_t append_printable(std::string& out, std::string_view text, std::size_t max_letters) {
    std::size_t letters = 0, i = 0;
    while (i < text.size() && letters < max_letters) {
        const std::size_t stop = i + std::min(max_letters - letters, text.size() - i);
        std::size_t run = i;
        while (run < stop && static_cast<unsigned char>(text[run]) >= 0x20 && static_cast<unsigned char>(text[run]) < 0x7F) {
            ++run;
        }
        if (run > i) {
            out.append(text.substr(i, run - i));
            letters += run - i;
            i = run;
            continue;
        }
        ++letters;
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(bytes(text.substr(i)), static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        if (n <= 0) {
            out += fmt::format("<0x{:02X}>", static_cast<unsigned char>(text[i]));
            ++i;
            continue;
        }
        if (!one_column_printable(static_cast<char32_t>(cp)) && invisible(static_cast<char32_t>(cp))) {
            out += fmt::format("<U+{:04X}>", static_cast<std::uint32_t>(cp));
        } else {
            out.append(text.substr(i, static_cast<std::size_t>(n)));
        }
        i += static_cast<std::size_t>(n);
    }
    return i;
}

}  // namespace

std::string printable(std::string_view text, std::size_t max_letters) {
    std::string out;
    const std::size_t i = append_printable(out, text, max_letters);
    if (i < text.size()) {
        std::size_t more = 0;
        for (std::size_t j = i; j < text.size(); ++j) more += (static_cast<unsigned char>(text[j]) & 0xC0) != 0x80;
        out += fmt::format("… ({} more letters)", more);
    }
    return out;
}

std::string printable_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t begin = 0; begin < text.size();) {
        const std::size_t end = std::min(text.find('\n', begin), text.size());
        append_printable(out, text.substr(begin, end - begin), std::string::npos);
        if (end < text.size()) out += '\n';
        begin = end + 1;
    }
    return out;
}

std::vector<char32_t> code_points(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < n && i + k < s.size(); ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        }
        out.push_back(cp);
        i += n;
    }
    return out;
}

bool is_ascii(std::string_view s) { return ascii_run_end(s, 0) == s.size(); }

std::string fold(std::string_view s) {
    s = trim(s);
    if (s.empty()) return {};
    std::string folded;
    if (!map(s, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD), folded)) {
        folded = std::string(s);
    }
    std::string r;
    r.reserve(folded.size());
    for (const char c : folded) {
        if (!is_blank(c)) {
            r += c;
        } else if (!r.empty() && r.back() != ' ') {
            r += ' ';
        }
    }
    return r;
}

std::string fold_unaccented(std::string_view s) {
    const std::string folded = fold(s);
    std::string bare;
    if (!map(folded, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK), bare)) {
        return folded;
    }
    // đ is a letter of its own, not d with a mark: written "d" without diacritics.
    std::string r;
    r.reserve(bare.size());
    for (std::size_t i = 0; i < bare.size(); ++i) {
        if (bare.compare(i, 2, "\xC4\x91") == 0) {  // U+0111 đ (case-folded from Đ)
            r += 'd';
            ++i;
        } else {
            r += bare[i];
        }
    }
    return r;
}

}  // namespace ntm::text
