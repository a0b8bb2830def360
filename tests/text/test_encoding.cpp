// The legacy Vietnamese encodings (text/encoding.hpp): each told apart from its bytes, written
// here byte by byte, and UTF-8 text that shows one read as Western text.
#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "tests/support/support.hpp"
#include "text/encoding.hpp"
#include "text/files.hpp"

using ntm::text::find_mojibake;
using ntm::text::guess_legacy_encoding;
using ntm::text::LegacyEncoding;

namespace {

// "mã,tên,loại,năm" then "20794,Việt Nam,Xã,2024" and "Tỉnh Quảng Nam" in each encoding.
const std::string kCp1258 =
    "ma\xDE,t\xEAn,loa\xF2i,n\xE3m\n20794,Vi\xEA\xF2t Nam,Xa\xDE,2024\n49,T\x69\xD2nh Qua\xD2ng Nam,T\x69\xD2nh,2024\n";
const std::string kTcvn3 = "m\xB7,t\xAAn,lo\xB9i,n\xA8m\n20794,Vi\xD6t Nam,X\xB7,2024\n49,T\xDBnh Qu\xB6ng Nam,T\xDBnh,2024\n";
const std::string kVni =
    "ma\xF5,te\xE2n,loa\xEFi,na\xEAm\n20794,Vie\xE4t Nam,Xa\xF5,2024\n49,T\xE6nh Qua\xFBng Nam,T\xE6nh,2024\n";

}  // namespace

TEST_CASE("encoding: the legacy Vietnamese encodings are told apart by their bytes") {
    CHECK(guess_legacy_encoding(kCp1258) == LegacyEncoding::cp1258);
    CHECK(guess_legacy_encoding(kTcvn3) == LegacyEncoding::tcvn3);
    CHECK(guess_legacy_encoding(kVni) == LegacyEncoding::vni);
    // Đà Nẵng: VNI writes đ as ñ at the start of a word.
    CHECK(guess_legacy_encoding("\xD1\x61\xF8 Na\xFCng") == LegacyEncoding::vni);
    // One byte that is not UTF-8 says nothing of an encoding; nor does text without any.
    CHECK(guess_legacy_encoding("T\xE2n") == LegacyEncoding::none);
    CHECK(guess_legacy_encoding("ma,ten\n") == LegacyEncoding::none);
}

TEST_CASE("encoding: a file that is not UTF-8 is named by its likely encoding, with its line and column") {
    const auto error = [](const std::string& name, const std::string& bytes) {
        const std::string path = support::write_temp(name, bytes);
        std::vector<ntm::text::Problem> problems;
        CHECK_FALSE(ntm::text::read_text_file(path, problems));
        REQUIRE(problems.size() == 1);
        return problems[0].message.in(ntm::text::Lang::en);
    };
    CHECK(error("cp1258.csv", kCp1258) ==
          "line 1, column 3: not valid UTF-8 (byte 0xDE); the file is likely in Windows-1258 (CP1258): open it in "
          "Excel and save it as \"CSV UTF-8\", or convert it with iconv -f CP1258 -t UTF-8");
    CHECK(error("tcvn3.csv", kTcvn3) ==
          "line 1, column 2: not valid UTF-8 (byte 0xB7); the file was likely typed in TCVN3 (ABC): convert it to "
          "Unicode with a converter (such as UniKey Toolkit, from TCVN3 (ABC) to Unicode) and save it as \"CSV UTF-8\"");
    CHECK(error("vni.csv", kVni).starts_with("line 1, column 3: not valid UTF-8 (byte 0xF5); the file was likely typed in VNI:"));
    // The column counts letters: "Việt" before the bad byte is 4 letters.
    CHECK(error("after.csv", "Vi\xE1\xBB\x87t \xFF").starts_with("line 1, column 6: "));
}

TEST_CASE("encoding: UTF-8 text that shows VNI or TCVN3 read as Western text") {
    const auto m = find_mojibake("mã,tên\n20794,Vieät Nam\n");
    REQUIRE(m);
    CHECK(m->encoding == LegacyEncoding::vni);
    CHECK(std::string("mã,tên\n20794,Vieät Nam\n").substr(m->offset, m->size) == "Vieät");
    const auto t = find_mojibake("20794,ViÖt Nam,X· n«ng th«n");
    REQUIRE(t);
    CHECK(t->encoding == LegacyEncoding::tcvn3);
    CHECK(std::string("20794,ViÖt Nam,X· n«ng th«n").substr(t->offset, t->size) == "ViÖt");
    CHECK(find_mojibake("Ñaø Naüng")->encoding == LegacyEncoding::vni);
    // Vietnamese as it should be, the old tone places included (hoà, quà, hoá), is no mojibake.
    CHECK_FALSE(find_mojibake("Việt Nam, Hòa Vang, hoà, quà, hoá, Thừa Thiên Huế, Đà Nẵng, ĐẠT, Ö"));
}

TEST_CASE("encoding: the letters of a file that are valid UTF-8 do not count for an encoding") {
    // "mã" in UTF-8 is C3 A3, which would count for TCVN3 (A3) and CP1258 (C3) byte by byte.
    CHECK(guess_legacy_encoding("m\xC3\xA3\nT\xE2n\n") == LegacyEncoding::none);
    CHECK(guess_legacy_encoding("m\xC3\xA3,\xC4\x91\xE1\xBA\xA1t\n" + kCp1258) == LegacyEncoding::cp1258);
}
