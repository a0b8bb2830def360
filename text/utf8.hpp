// UTF-8 text as every stage reads it: well-formedness, Unicode normalisation (NFC), the width
// a reader sees, and the small comparisons of words typed by people.
//
// Vietnamese letters are two or three bytes and may arrive precomposed (NFC) or as a letter
// followed by combining marks (NFD, as some keyboards and macOS produce): text is compared
// only after to_nfc().
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ntm::text {

// Offset of the first byte that is not well-formed UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view text);

// The length of the sequence of several bytes that starts at text[i] (a byte of 0x80 or more),
// or 0 when it is not well formed (the standard's table 3-7: no overlong form, no surrogate,
// nothing above U+10FFFF).  Inline: whole files and every string written go through it.
inline std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    const auto at = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
    const auto continues = [](unsigned b) { return (b & 0xC0u) == 0x80u; };
    const unsigned c = at(0);
    if (c >= 0xC2 && c <= 0xDF) return continues(at(1)) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        return at(1) >= lo && at(1) <= hi && continues(at(2)) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        return at(1) >= lo && at(1) <= hi && continues(at(2)) && continues(at(3)) ? 4 : 0;
    }
    return 0;
}

// Whether `text` is certainly in NFC without asking utf8proc: every code point is below the
// combining marks (U+0300) or a precomposed Latin letter (U+1E00–U+1EFF), which covers
// Vietnamese.  Cheap enough to call per cell of a million-row file.
bool plainly_nfc(std::string_view text);

// The text in Unicode normalisation form C.  Every byte counts, NUL included; text that is not
// well-formed UTF-8 is returned as it is.
std::string to_nfc(std::string_view text);

// Columns a terminal gives the text: one per character, none for a combining mark, two for a
// wide (CJK, emoji) character; an invalid byte counts as one.
std::uint32_t display_width(std::string_view text);

// The code points of well-formed UTF-8 text.
std::vector<char32_t> code_points(std::string_view text);

// A blank: space, tab, CR or LF.
inline bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Without blanks at either end.  Inline: every cell of a data file is trimmed, most of them
// already.
inline std::string_view trim(std::string_view text) {
    while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
    return text;
}

bool is_ascii(std::string_view text);

// NFC, case-folded, trimmed, inner blanks collapsed to one space: for comparing headers and
// words ("Mã  cấp trên" and "mã cấp trên" fold alike).  Allocates: call once per distinct text.
std::string fold(std::string_view text);
// fold() without diacritics, đ written d: how a name typed without Vietnamese letters is
// matched ("tam phuoc" finds Tam Phước, "dai loc" Đại Lộc).  Allocates.
std::string fold_unaccented(std::string_view text);

// `text` as a message may quote it, so that what people read is what they typed: control
// characters, and characters that show as nothing or as a space though they are not one (NBSP,
// zero-width space, BOM, direction marks), are written by their code point — "2<U+00A0>5" —
// and text longer than `max_letters` is cut, with "… (N more letters)".  Invalid UTF-8 bytes
// are written as <0xFF>.
std::string printable(std::string_view text, std::size_t max_letters = 200);

// A text of several lines as a terminal may show it: each line through printable(), nothing
// cut, the line feeds kept.
std::string printable_lines(std::string_view text);

// Whether `cp` is a character that printable() writes by its code point.
bool invisible(char32_t cp);

}  // namespace ntm::text
