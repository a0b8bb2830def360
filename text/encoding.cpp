// The legacy Vietnamese encodings (text/encoding.hpp): bytes scored for each, and UTF-8 words
// that show one read as Windows-1252.
#include "text/encoding.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

namespace ntm::text {

namespace {

// A set of bytes as a table: the mojibake scan asks per letter of a whole file.
constexpr std::array<bool, 256> byte_set(std::string_view set) {
    std::array<bool, 256> in{};
    for (const char c : set) in[static_cast<unsigned char>(c)] = true;
    return in;
}
constexpr auto kLowerVowels = byte_set("aeiouy");
constexpr auto kUpperVowels = byte_set("AEIOUY");
// The marks no Vietnamese letter has (ä ë ï ö ø û ü å æ), as VNI's bytes after a vowel show.
constexpr auto kVniMarks = byte_set("\xE4\xEB\xEF\xF6\xF8\xFB\xFC\xE5\xE6");

bool ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool lower_vowel(unsigned char c) { return kLowerVowels[c]; }
bool upper_vowel(unsigned char c) { return kUpperVowels[c]; }
bool vowel(unsigned char c) { return lower_vowel(c) || upper_vowel(c); }
bool in(unsigned char c, std::string_view set) { return set.find(static_cast<char>(c)) != std::string_view::npos; }

// CP1258's combining tone marks (grave, hook above, tilde, acute, dot below) and its own letters
// ă ơ ư đ (Ă Ơ Ư Đ).
constexpr std::string_view kCp1258Tones = "\xCC\xD2\xDE\xEC\xF2";
constexpr std::string_view kCp1258Letters = "\xE3\xF5\xFD\xF0\xC3\xD5\xDD\xD0";
// The bytes VNI writes after a vowel for its marks, in lower and upper case.
constexpr std::string_view kVniLower = "\xE0\xE1\xE2\xE3\xE4\xE5\xE8\xE9\xEA\xEB\xEF\xF5\xF6\xF8\xF9\xFA\xFB\xFC";
constexpr std::string_view kVniUpper = "\xC0\xC1\xC2\xC3\xC4\xC5\xC8\xC9\xCA\xCB\xCF\xD5\xD6\xD8\xD9\xDA\xDB\xDC";

// The length of the UTF-8 sequence at `i`, or 0 when none starts there.
std::size_t utf8_sequence(std::string_view bytes, std::size_t i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    const std::size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (n == 0 || i + n > bytes.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80) return 0;
    }
    return n;
}

}  // namespace

LegacyEncoding guess_legacy_encoding(std::string_view bytes) {
    std::array<int, 4> score{};  // by LegacyEncoding
    auto& cp = score[static_cast<std::size_t>(LegacyEncoding::cp1258)];
    auto& tcvn = score[static_cast<std::size_t>(LegacyEncoding::tcvn3)];
    auto& vni = score[static_cast<std::size_t>(LegacyEncoding::vni)];
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) continue;
        if (const std::size_t n = utf8_sequence(bytes, i); n != 0) {  // a letter written in UTF-8
            i += n - 1;
            continue;
        }
        const auto before = i == 0 ? static_cast<unsigned char>(' ') : static_cast<unsigned char>(bytes[i - 1]);
        const auto after = i + 1 == bytes.size() ? static_cast<unsigned char>(' ') : static_cast<unsigned char>(bytes[i + 1]);
        if (in(c, kCp1258Tones) && (ascii_letter(before) || before >= 0xC0)) {
            cp += 3;  // a tone mark on the letter before
        } else if (c >= 0xA1 && c <= 0xAE) {
            tcvn += 2;  // ă â ê ô ơ ư đ, Ă Â Ê Ô Ơ Ư Đ
        } else if ((lower_vowel(before) && in(c, kVniLower)) || (upper_vowel(before) && in(c, kVniUpper))) {
            vni += 2;  // the marks of the vowel before
        } else if ((c == 0xF1 || c == 0xD1) && !ascii_letter(before) && vowel(after)) {
            vni += 2;  // đ, Đ at the start of a word
        } else if (in(c, kCp1258Letters)) {
            cp += 1;
        } else if (c >= 0xB5 && ascii_letter(before)) {
            tcvn += 1;  // a letter with its marks
        }
    }
    LegacyEncoding best = LegacyEncoding::none;
    int high = 1;  // a single hint names nothing
    bool tie = false;
    for (std::size_t e = 1; e < score.size(); ++e) {
        if (score[e] > high) {
            best = static_cast<LegacyEncoding>(e);
            high = score[e];
            tie = false;
        } else if (score[e] == high && best != LegacyEncoding::none) {
            tie = true;
        }
    }
    return tie ? LegacyEncoding::none : best;
}

std::optional<Mojibake> find_mojibake(std::string_view utf8) {
    // Code points U+0080–U+00FF are two bytes, C2 or C3 then one.  Eight bytes holding neither
    // (no byte that is C2 once its last bit is cleared) are passed at once.
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    for (std::size_t i = 1; i + 1 < utf8.size(); ++i) {
        if (i + 8 <= utf8.size()) {
            std::uint64_t w = 0;
            std::memcpy(&w, utf8.data() + i, sizeof w);
            const std::uint64_t t = (w & ~kOnes) ^ (0xC2 * kOnes);  // a zero byte where C2 or C3
            const std::uint64_t found = (t - kOnes) & ~t & kHigh;
            if (found == 0) {
                i += 7;
                continue;
            }
            // Straight to the first: borrows may mark bytes above it, never below.
            if constexpr (std::endian::native == std::endian::little) {
                i += static_cast<std::size_t>(std::countr_zero(found)) / 8;
                if (i + 1 >= utf8.size()) break;
            }
        }
        const auto lead = static_cast<unsigned char>(utf8[i]);
        if ((lead & 0xFE) != 0xC2) continue;  // neither C2 nor C3
        const auto cp = static_cast<unsigned char>((lead == 0xC3 ? 0xC0 : 0x80) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3F));
        const auto before = static_cast<unsigned char>(utf8[i - 1]);
        const auto after = i + 2 < utf8.size() ? static_cast<unsigned char>(utf8[i + 2]) : static_cast<unsigned char>(' ');
        LegacyEncoding found = LegacyEncoding::none;
        // VNI: a mark no Vietnamese letter has (ä ë ï ö ø û ü å æ) after a vowel, or ñ for đ.
        if (lower_vowel(before) && kVniMarks[cp]) found = LegacyEncoding::vni;
        if ((cp == 0xF1 || cp == 0xD1) && !ascii_letter(before) && vowel(after)) found = LegacyEncoding::vni;
        // TCVN3: a symbol (¨ © ª « ¬ ®) or a capital inside a lower-case word.
        const bool inside = before >= 'a' && before <= 'z' && after >= 'a' && after <= 'z';
        if (inside && ((cp >= 0xA8 && cp <= 0xAE) || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))) found = LegacyEncoding::tcvn3;
        if (found == LegacyEncoding::none) continue;
        std::size_t begin = i, end = i;
        while (begin > 0 && utf8[begin - 1] != ' ' && utf8[begin - 1] != ',' && utf8[begin - 1] != ';' &&
               utf8[begin - 1] != '\t' && utf8[begin - 1] != '\n' && utf8[begin - 1] != '"')
            --begin;
        while (end < utf8.size() && utf8[end] != ' ' && utf8[end] != ',' && utf8[end] != ';' && utf8[end] != '\t' &&
               utf8[end] != '\n' && utf8[end] != '\r' && utf8[end] != '"')
            ++end;
        return Mojibake{found, begin, end - begin};
    }
    return std::nullopt;
}

std::string_view legacy_name(LegacyEncoding encoding) {
    switch (encoding) {
        case LegacyEncoding::cp1258: return "Windows-1258 (CP1258)";
        case LegacyEncoding::tcvn3: return "TCVN3 (ABC)";
        case LegacyEncoding::vni: return "VNI";
        case LegacyEncoding::none: break;
    }
    return "";
}

}  // namespace ntm::text
