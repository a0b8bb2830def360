// text/: the fast paths of the scans a whole data file goes through (UTF-8 validity, the
// mojibake scan, printable(), the file reader) give what the slow, code point by code point,
// paths give: checked against a reference here, at every offset of the eight-byte steps.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "tests/support/support.hpp"
#include "text/ascii.hpp"
#include "text/encoding.hpp"
#include "text/files.hpp"
#include "text/limits.hpp"
#include "text/utf8.hpp"

using namespace ntm;

namespace {

// The well-formed UTF-8 of the Unicode standard (table 3-7), byte by byte: the reference.
std::size_t reference_invalid_at(std::string_view s) {
    const auto in = [](unsigned char c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; };
    for (std::size_t i = 0; i < s.size();) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        const auto at = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
        std::size_t n = 0;
        if (b0 < 0x80) {
            n = 1;
        } else if (in(b0, 0xC2, 0xDF)) {
            n = in(at(1), 0x80, 0xBF) ? 2 : 0;
        } else if (in(b0, 0xE0, 0xEF)) {
            const unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
            n = in(at(1), lo, hi) && in(at(2), 0x80, 0xBF) ? 3 : 0;
        } else if (in(b0, 0xF0, 0xF4)) {
            const unsigned lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
            n = in(at(1), lo, hi) && in(at(2), 0x80, 0xBF) && in(at(3), 0x80, 0xBF) ? 4 : 0;
        }
        if (n == 0 || i + n > s.size()) return i;
        i += n;
    }
    return std::string_view::npos;
}

// The reading before the fast path: utf8proc, code point by code point.
std::size_t utf8proc_invalid_at(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (n <= 0) return i;
        i += static_cast<std::size_t>(n);
    }
    return std::string_view::npos;
}

// Both references agree on `s`, and the fast path with them.
void check_validity(const std::string& s) {
    const std::size_t expected = reference_invalid_at(s);
    if (utf8proc_invalid_at(s) == expected && text::invalid_utf8_at(s) == expected) return;
    std::string bytes;
    for (const char c : s) bytes += fmt::format("{:02X} ", static_cast<unsigned char>(c));
    INFO(bytes);
    CHECK(utf8proc_invalid_at(s) == expected);
    CHECK(text::invalid_utf8_at(s) == expected);
}

// `bytes` at each offset of a run of ASCII, so that it falls in every lane of a word.
std::vector<std::string> placed(const std::string& bytes) {
    std::vector<std::string> out;
    for (std::size_t before = 0; before <= 17; ++before) {
        out.push_back(std::string(before, 'a') + bytes + std::string(9, 'z'));
        out.push_back(std::string(before, 'a') + bytes);
    }
    return out;
}

}  // namespace

TEST_CASE("fast paths: the first non-ASCII byte is found in every lane") {
    CHECK(text::ascii_run_end("", 0) == 0);
    CHECK(text::ascii_run_end("abc", 0) == 3);
    CHECK(text::ascii_run_end("abc", 3) == 3);
    for (std::size_t before = 0; before < 20; ++before) {
        const std::string s = std::string(before, 'a') + "\xC3\xA1" + std::string(10, 'b');
        for (std::size_t from = 0; from <= before; ++from) CHECK(text::ascii_run_end(s, from) == before);
        CHECK(text::ascii_run_end(s, before + 2) == s.size());
    }
    CHECK(text::is_ascii("Tam An, 2024\n"));
    CHECK_FALSE(text::is_ascii("Tam An Tây"));
    CHECK_FALSE(text::is_ascii(std::string(15, 'a') + "\x80"));
}

TEST_CASE("fast paths: UTF-8 validity as the standard has it, every 1- and 2-byte sequence") {
    for (unsigned a = 0; a < 256; ++a) {
        for (unsigned b = 0; b < 256; ++b) {
            check_validity(std::string{static_cast<char>(a), static_cast<char>(b)});
        }
    }
}

TEST_CASE("fast paths: UTF-8 validity of 3- and 4-byte sequences, at every offset") {
    const unsigned seconds[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
    for (unsigned a = 0xC0; a < 256; ++a) {
        for (const unsigned b : seconds) {
            for (const unsigned c : {0x41u, 0x80u, 0xBFu, 0xC0u}) {
                for (const unsigned d : {0x41u, 0x80u, 0xBFu}) {
                    const std::string seq{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c),
                                          static_cast<char>(d)};
                    for (const std::string& s : placed(seq)) check_validity(s);
                }
            }
        }
    }
    // Cut short at the very end, and Vietnamese text that is whole.
    for (const std::string& s : placed("\xE1\xBB")) check_validity(s);
    for (const std::string& s : placed("Tam Phước, Thăng Bình")) CHECK(text::invalid_utf8_at(s) == std::string::npos);
    CHECK(text::invalid_utf8_at(std::string("a\0b", 3)) == std::string::npos);
}

TEST_CASE("fast paths: printable() shows printable ASCII as it is and names every other") {
    for (unsigned c = 0; c < 0x80; ++c) {
        const std::string s(1, static_cast<char>(c));
        const std::string expected = c >= 0x20 && c < 0x7F ? s : fmt::format("<U+{:04X}>", c);
        CHECK(text::printable(s) == expected);
    }
    CHECK(text::printable("Tam\xC2\xA0" "An") == "Tam<U+00A0>An");
    CHECK(text::printable("abcdef", 3) == "abc… (3 more letters)");
    CHECK(text::printable("a\xFF" "b") == "a<0xFF>b");
    // The limit counts letters, not bytes, and may fall inside a run of ASCII.
    CHECK(text::printable("ab\xC3\xA9" "cdef", 4) == "ab\xC3\xA9" "c… (3 more letters)");
    CHECK(text::printable("\xC3\xA9" "abc", 2) == "\xC3\xA9" "a… (2 more letters)");
    CHECK(text::printable("abc", 3) == "abc");
    CHECK(text::printable("", 0).empty());
    // Lines: each shown as printable() shows it, the line breaks kept.
    CHECK(text::printable_lines("Tam\tAn\n\nx\xC2\xA0y\n") == "Tam<U+0009>An\n\nx<U+00A0>y\n");
    CHECK(text::printable_lines(std::string(300, 'a') + "\nb") == std::string(300, 'a') + "\nb");  // no limit
}

TEST_CASE("fast paths: the width and the printable form of every code point are utf8proc's") {
    // Vietnamese letters and the dashes are answered without utf8proc's tables: each must be what
    // the tables say, as every other code point is.
    for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // surrogates: not encodable
        utf8proc_uint8_t encoded[4];
        const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), encoded);
        const std::string s(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(n));
        const auto width = static_cast<std::uint32_t>(std::max(0, utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp))));
        const std::string shown = text::invisible(cp) ? fmt::format("<U+{:04X}>", static_cast<std::uint32_t>(cp)) : s;
        if (text::display_width(s) != width || text::printable(s) != shown) {
            FAIL_CHECK(fmt::format("U+{:04X}: width {} (utf8proc {}), shown as '{}'", static_cast<std::uint32_t>(cp),
                                   text::display_width(s), width, text::printable(s)));
        }
    }
    CHECK(text::display_width("Xã Tam Phước — đạt") == 18);
}

TEST_CASE("fast paths: the mojibake scan finds a word after ASCII runs of any length") {
    for (std::size_t before = 1; before < 20; ++before) {
        const std::string s = std::string(before, 'a') + " Vie\xC3\xA4t Nam";
        const auto m = text::find_mojibake(s);
        REQUIRE(m);
        CHECK(m->encoding == text::LegacyEncoding::vni);
        CHECK(m->offset == before + 1);
        CHECK(m->size == 6);
    }
    for (std::size_t before = 1; before < 20; ++before) {  // TCVN3's "ViÖt" read as Western: C3 96
        const std::string s = std::string(before, 'a') + ",vi\xC3\x96t,";
        const auto m = text::find_mojibake(s);
        REQUIRE(m);
        CHECK(m->encoding == text::LegacyEncoding::tcvn3);
        CHECK(m->offset == before + 1);
    }
    for (std::size_t before = 1; before < 20; ++before) {  // a C2 lead: "đ" in TCVN3 (AE) read as ®
        const std::string s = std::string(before, 'a') + " \xC2\xAEi ba\xC2\xAEo ";
        const auto m = text::find_mojibake(s);
        REQUIRE(m);
        CHECK(m->encoding == text::LegacyEncoding::tcvn3);
        CHECK(m->offset == before + 5);
    }
    // After Vietnamese text whose letters lead with C3 too ("không có"), at every offset.
    for (std::size_t before = 0; before < 20; ++before) {
        std::string s = std::string(before + 1, 'a');
        for (int k = 0; k < 6; ++k) s += " không có đạt";
        const std::size_t at = s.size() + 1;
        s += " Vie\xC3\xA4t Nam";
        const auto m = text::find_mojibake(s);
        REQUIRE(m);
        CHECK(m->encoding == text::LegacyEncoding::vni);
        CHECK(m->offset == at);
    }
    CHECK_FALSE(text::find_mojibake(std::string(40, 'a') + " Tam Phước"));
    CHECK_FALSE(text::find_mojibake("\xC3\xA4"));  // too short to say
}

TEST_CASE("fast paths: NFC fast path and utf8proc agree on ASCII, precomposed and decomposed Vietnamese") {
    CHECK(text::to_nfc("Tam An 2024") == "Tam An 2024");
    CHECK(text::to_nfc("Xã Tam Phước, Huyện Thăng Bình") == "Xã Tam Phước, Huyện Thăng Bình");
    // The same names typed with combining marks (NFD): ã = a U+0303, ư ớ = u U+031B U+0301 ...
    CHECK(text::to_nfc("Xa\xCC\x83 Tam Phu\xCC\x9Bo\xCC\x9B\xCC\x81" "c") == "Xã Tam Phước");
    CHECK(text::to_nfc("\xC4\x91" "a\xCC\xA3t") == "đạt");
    CHECK_FALSE(text::plainly_nfc("Phu\xCC\x9B"));
    CHECK(text::plainly_nfc("Đạt chuẩn nông thôn mới"));
}

TEST_CASE("fast paths: a file is read whole, however it ends") {
    std::vector<text::Problem> problems;
    const auto read = [&](const std::string& name, const std::string& bytes) {
        return text::read_text_file(support::write_temp(name, bytes), problems);
    };
    CHECK(read("empty.csv", "") == std::optional<std::string>(""));
    CHECK(read("no-newline.csv", "ma,nam\n1,2024") == std::optional<std::string>("ma,nam\n1,2024"));
    CHECK(read("crlf.csv", "ma,nam\r\n1,2024\r\n") == std::optional<std::string>("ma,nam\r\n1,2024\r\n"));
    CHECK(read("bom.csv", "\xEF\xBB\xBFmã\n") == std::optional<std::string>("mã\n"));
    CHECK(read("bom-only.csv", "\xEF\xBB\xBF") == std::optional<std::string>(""));
    std::string big;
    for (int i = 0; big.size() < 300000; ++i) big += fmt::format("{},Xã Tam Phước,{}\n", i, i % 97);
    CHECK(read("big.csv", big) == std::optional<std::string>(big));
    CHECK(problems.empty());
    // At the limit it is read; a byte more and it is refused.
    const std::string path = support::write_temp("limit.csv", "12345");
    CHECK(text::read_text_file(path, problems, {5, "D0901", "data-file-size"}) == std::optional<std::string>("12345"));
    CHECK_FALSE(text::read_text_file(path, problems, {4, "D0901", "data-file-size"}));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "D0901");
}
