// text/: UTF-8 and NFC, display width, suggestions, problems, files written whole.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/support.hpp"
#include "text/files.hpp"
#include "text/limits.hpp"
#include "text/problem.hpp"
#include "text/suggest.hpp"
#include "text/utf8.hpp"

using namespace ntm;

namespace {

// A folder of these tests' own: one of them counts the files in it.
std::string temp_dir() { return support::temp_dir("text"); }

}  // namespace

TEST_CASE("text: NFC composes decomposed letters and keeps every byte, NUL included") {
    CHECK(text::to_nfc("Xa\xcc\x81") == "X\xc3\xa1");
    // Before, the text was cut at the first NUL: "á" alone.
    const std::string with_nul("a\xcc\x81\0e\xcc\x81", 7);
    CHECK(text::to_nfc(with_nul) == std::string("\xc3\xa1\0\xc3\xa9", 5));
    CHECK(text::plainly_nfc("Tam Phước"));
    CHECK_FALSE(text::plainly_nfc("Xa\xcc\x81"));
}

TEST_CASE("text: widths, trimming and folding") {
    CHECK(text::display_width("Tỷ lệ") == 5);
    CHECK(text::display_width("a\xcc\x81") == 1);
    CHECK(text::display_width("\xe6\xbc\xa2") == 2);  // a wide letter
    CHECK(text::trim(" \t tên \r\n") == "tên");
    CHECK(text::fold("  Mã   CẤP  trên ") == "mã cấp trên");
    CHECK(text::invalid_utf8_at("ab\xff") == 2);
    CHECK(text::invalid_utf8_at("Phước") == std::string_view::npos);
}

TEST_CASE("text: names folded without diacritics") {
    CHECK(text::fold_unaccented("Tam Phước") == "tam phuoc");
    CHECK(text::fold_unaccented("  ĐẠI   Lộc ") == "dai loc");  // đ is written d
    CHECK(text::fold_unaccented("Xã A Rooi") == "xa a rooi");
    CHECK(text::fold_unaccented("Phu\xcc\x9b" "o\xcc\x9b\xcc\x81" "c") == "phuoc");  // written decomposed
    CHECK(text::fold_unaccented("Tam Phước") != text::fold_unaccented("Tam Phú"));
}

TEST_CASE("text: did you mean, over letters") {
    CHECK(text::edit_distance("ratoi", "ratio") == 1);
    CHECK(text::edit_distance("Phước", "Phuoc") == 2);
    CHECK(text::closest_match("hai_lon", {"hai_long", "ty_le"}) == std::optional<std::string>("hai_long"));
    CHECK_FALSE(text::closest_match("xyz", {"hai_long"}));
}

TEST_CASE("text: problems render as one line, located as precisely as known") {
    CHECK(text::render(text::file_problem("rules/", ntm::text::Message::same("no such file or directory")), ntm::text::Lang::en) ==
          "rules/: error: no such file or directory\n");
    CHECK(text::render(text::Problem{"", text::ProblemKind::warning, {"units.csv", 4, "region"}, ntm::text::Message::same("unknown region")}, ntm::text::Lang::en) ==
          "units.csv:4: warning: field 'region': unknown region\n");
    CHECK(text::render(text::Problem{"D0201", text::ProblemKind::value, {"d.xlsx", 14, "2.1", "Dữ liệu 2024", 4}, ntm::text::Message::same("x")}, ntm::text::Lang::en) ==
          "d.xlsx:'Dữ liệu 2024'!D14: error[D0201]: field '2.1': x\n");
    CHECK(text::render(text::Problem{"D0201", text::ProblemKind::value, {"d.xlsx", 3, "", "Bà Rịa's", 0}, ntm::text::Message::same("x")}, ntm::text::Lang::en) ==
          "d.xlsx:'Bà Rịa''s'!3:3: error[D0201]: x\n");
    CHECK(text::render(text::Problem{"D0201", text::ProblemKind::value, {"d.xlsx", 3, "", "Sheet1", 2}, ntm::text::Message::same("x")}, ntm::text::Lang::en) ==
          "d.xlsx:Sheet1!B3: error[D0201]: x\n");
    CHECK(text::column_letters(28) == "AB");
}

TEST_CASE("text: a file is written whole or not at all, and keeps its permissions") {
    const std::string path = temp_dir() + "/out.txt";
    std::filesystem::remove(path);
    REQUIRE_FALSE(text::write_file(path, "một"));
    CHECK(support::read_file(path) == "một");
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    REQUIRE_FALSE(text::write_file(path, "hai"));
    CHECK(support::read_file(path) == "hai");
    CHECK(std::filesystem::status(path).permissions() ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    // Nothing is left beside it.
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(temp_dir())) ++files;
    CHECK(files == 1);
    // A directory that does not exist: the reason, and nothing written.
    const auto why = text::write_file(temp_dir() + "/no-such-dir/out.txt", "x");
    REQUIRE(why);
    CHECK(!why->empty());
}

TEST_CASE("text: reading names the line of the first byte that is not UTF-8") {
    const std::string path = temp_dir() + "/latin1.csv";
    std::ofstream(path, std::ios::binary) << "\xEF\xBB\xBFmã\nT\xe2n\n";
    std::vector<text::Problem> problems;
    CHECK_FALSE(text::read_text_file(path, problems));
    REQUIRE(problems.size() == 1);
    CHECK(text::render(problems[0], ntm::text::Lang::en) == path + ": error: line 2, column 2: not valid UTF-8 (byte 0xE2); save the file as UTF-8\n");
    std::ofstream(path, std::ios::binary) << "\xEF\xBB\xBFmã\n";
    problems.clear();
    CHECK(text::read_text_file(path, problems) == std::optional<std::string>("mã\n"));
}

TEST_CASE("text: what a message quotes is what was typed, named where it would not show") {
    CHECK(text::printable("Tam Phước") == "Tam Phước");
    CHECK(text::printable("55\xc2\xa0%") == "55<U+00A0>%");                 // a no-break space
    CHECK(text::printable("c\xe2\x80\x8bó") == "c<U+200B>ó");                // a zero-width space
    CHECK(text::printable("\x1b[31mđỏ") == "<U+001B>[31mđỏ");                // an escape sequence
    CHECK(text::printable(std::string("a\0b", 3)) == "a<U+0000>b");
    CHECK(text::printable("ab\xff") == "ab<0xFF>");
    CHECK(text::printable(std::string(250, 'x'), 200) == std::string(200, 'x') + "… (50 more letters)");
    CHECK(text::printable("Phước Phước", 5) == "Phước… (6 more letters)");
    CHECK_FALSE(text::invisible(U'ư'));
    CHECK(text::invisible(0xFEFF));
}

TEST_CASE("text: limits are raised by name, with K, M or G") {
    text::Limits l;
    CHECK_FALSE(text::set_limit(l, "rows=20M"));
    CHECK(l.rows == 20'000'000);
    CHECK_FALSE(text::set_limit(l, "data-file-size=2G"));
    CHECK(l.data_file_bytes == (2ull << 30));
    CHECK_FALSE(text::set_limit(l, "line-length=64k"));
    CHECK(l.line_bytes == 64u * 1024);
    REQUIRE(text::set_limit(l, "lines=3"));
    CHECK(text::set_limit(l, "lines=3")->en().find("rule-file-size, data-file-size") != std::string::npos);
    CHECK(text::set_limit(l, "rows=0"));
    CHECK(text::set_limit(l, "rows=-1"));
    CHECK(text::set_limit(l, "rows=99999999999999999999"));
    CHECK(text::set_limit(l, "rows"));
}

TEST_CASE("text: did you mean stays fast for a name of a million letters") {
    // 18 s before: the whole edit-distance table for every candidate.
    const std::string word(1'000'000, 'x');
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(text::closest_match(word, {"hai_long", "ty_le", std::string(999'999, 'x') + "y"}));
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 2);
}

TEST_CASE("text: a path is checked before a byte is read") {
    const std::string dir = support::temp_dir("read_checks");
    std::vector<text::Problem> problems;
    const auto said = [&](const std::string& path) {
        problems.clear();
        const auto text = text::read_text_file(path, problems);
        CHECK_FALSE(text);
        return problems.size() == 1 ? text::render(problems[0], ntm::text::Lang::en) : fmt::format("({} problems)", problems.size());
    };
    std::filesystem::create_directory(dir + "/x.csv");
    CHECK(said(dir + "/x.csv") == dir + "/x.csv: error: is a directory\n");
    std::filesystem::create_symlink("/dev/zero", dir + "/zero.ntm");
    CHECK(said(dir + "/zero.ntm") == dir + "/zero.ntm: error: is not a regular file\n");
    CHECK(said(dir + "/missing.ntm") == dir + "/missing.ntm: error: no such file\n");
}

TEST_CASE("text: a FIFO is not read (it would wait for a writer forever)") {
    const std::string path = support::temp_dir("read_fifo") + "/pipe.csv";
    REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
    std::vector<text::Problem> problems;
    CHECK_FALSE(text::read_text_file(path, problems));
    REQUIRE(problems.size() == 1);
    CHECK(text::render(problems[0], ntm::text::Lang::en) == path + ": error: is not a regular file\n");
}

TEST_CASE("text: a directory named like a data file is a directory, not an empty file") {
    const std::string dir = support::temp_dir("load_checks");
    std::filesystem::create_directory(dir + "/x.csv");
    std::filesystem::create_directory(dir + "/x.xlsx");
    CHECK(support::load_error(dir + "/x.csv") == "is a directory");
    CHECK(support::load_error(dir + "/x.xlsx") == "is a directory");
}

TEST_CASE("text: a file streamed in pieces is written whole or not at all") {
    const std::string dir = support::temp_dir("text-stream");
    const std::string path = dir + "/out.html";
    std::filesystem::remove(path);
    const auto files_in_dir = [&] {
        std::size_t n = 0;
        for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
        return n;
    };
    {
        text::FileStream out(path);
        out.write("một ");
        out.write("");
        out.write(std::string(100000, 'x'));
        CHECK_FALSE(std::filesystem::exists(path));  // not in place before commit()
        REQUIRE_FALSE(out.commit());
    }
    CHECK(support::read_file(path) == "một " + std::string(100000, 'x'));
    CHECK(files_in_dir() == 1);
    {
        // Given up (an error while producing it): the old file stays, no temporary is left.
        text::FileStream out(path);
        out.write("hai");
    }
    CHECK(support::read_file(path) == "một " + std::string(100000, 'x'));
    CHECK(files_in_dir() == 1);
    // A directory that does not exist: the reason, and nothing written.
    text::FileStream nowhere(dir + "/no-such-dir/out.html");
    nowhere.write("x");
    const auto why = nowhere.commit();
    REQUIRE(why);
    CHECK(!why->empty());
    CHECK(files_in_dir() == 1);
}
