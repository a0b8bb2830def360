#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "dsl/ast_dump.hpp"
#include "dsl/formatter.hpp"
#include "dsl/parser.hpp"
#include "tests/support/support.hpp"
#include "text/utf8.hpp"

using namespace ntm::dsl;

namespace {

struct Parsed {
    RuleFile file;
    std::string errors;  // rendered diagnostics, empty when the text parsed cleanly
};

Parsed parse_text(SourceManager& sources, NodeIds& ids, const std::string& path,
                  const std::string& text) {
    Diagnostics diags;
    const FileId id = sources.add(path, text);
    Parsed p{parse_file(id, sources, diags, ids), ""};
    if (diags.has_errors()) p.errors = render_all(diags, sources, false, ntm::text::Lang::en);
    return p;
}

std::vector<std::string> comment_texts(const RuleFile& file) {
    std::vector<std::string> texts;
    for (const Comment& c : file.comments) texts.push_back(c.text);
    std::sort(texts.begin(), texts.end());
    return texts;
}

// Formats `text` and checks the formatter's contracts; returns the formatted text.
std::string check_round_trip(const std::string& path, const std::string& text) {
    INFO("file: " << path);
    SourceManager sources;
    NodeIds ids;
    const Parsed first = parse_text(sources, ids, path, text);
    REQUIRE(first.errors == "");
    const std::string out = format(first.file, sources);

    INFO("formatted:\n" << out);
    const Parsed second = parse_text(sources, ids, path + " (formatted)", out);
    REQUIRE(second.errors == "");
    CHECK(format(second.file, sources) == out);
    CHECK(dump(second.file) == dump(first.file));
    CHECK(second.file.comments.size() == first.file.comments.size());
    CHECK(comment_texts(second.file) == comment_texts(first.file));
    return out;
}

std::string fmt_text(const std::string& text) {
    SourceManager sources;
    NodeIds ids;
    const Parsed p = parse_text(sources, ids, "input.ntm", text);
    REQUIRE(p.errors == "");
    return format(p.file, sources);
}

}  // namespace

TEST_CASE("formatter: every example of the language reference round-trips") {
    const std::vector<std::string> blocks =
        support::ntm_blocks(std::string(NTM_SOURCE_DIR) + "/docs/language.md");
    REQUIRE(blocks.size() >= 5);
    std::string all;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        check_round_trip("language.md block " + std::to_string(i + 1), blocks[i]);
        all += blocks[i] + "\n";
    }
    check_round_trip("language.md, all blocks", all);
}

TEST_CASE("formatter: the reference's examples are already canonical") {
    const std::vector<std::string> blocks =
        support::ntm_blocks(std::string(NTM_SOURCE_DIR) + "/docs/language.md");
    for (const std::string& block : blocks) {
        // The `extends` example lists `valid` after `extends`; canonical order puts it first.
        if (block.find("extends") != std::string::npos) continue;
        CHECK(fmt_text(block) == block);
    }
}

TEST_CASE("formatter: every rule file round-trips") {
    const std::filesystem::path rules = std::filesystem::path(NTM_SOURCE_DIR) / "rules";
    if (!std::filesystem::exists(rules)) return;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(rules)) {
        if (entry.is_regular_file() && entry.path().extension() == ".ntm")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) check_round_trip(path.string(), support::read_file(path.string()));
}

TEST_CASE("formatter: every golden check case that parses round-trips") {
    // A fuzzer found `valid 0999..2025` printed as `999..2025`, which does not parse: every
    // rule text at hand, errors of the checker included, must come back as the same tree.
    const std::filesystem::path golden = std::filesystem::path(NTM_SOURCE_DIR) / "tests" / "golden" / "check";
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(golden)) {
        if (entry.is_regular_file() && entry.path().extension() == ".ntm") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() > 50);
    std::size_t parsed = 0;
    for (const auto& path : files) {
        // As `ntm fmt` does: the text in NFC first.
        const std::string text = ntm::text::to_nfc(support::read_file(path.string()));
        SourceManager sources;
        NodeIds ids;
        if (!parse_text(sources, ids, path.string(), text).errors.empty()) continue;
        ++parsed;
        const std::string out = check_round_trip(path.string(), text);
        SourceManager again;
        NodeIds again_ids;
        const Parsed first = parse_text(again, again_ids, path.string(), text);
        CHECK(round_trip_problem(first.file, again, out) == std::nullopt);
    }
    CHECK(parsed > 50);
}

TEST_CASE("formatter: a formatted text with other words is refused") {
    SourceManager sources;
    NodeIds ids;
    const Parsed p = parse_text(sources, ids, "x.ntm", "set s {\n  valid 2021..2025\n}  # năm\n");
    REQUIRE(p.errors == "");
    CHECK(round_trip_problem(p.file, sources, format(p.file, sources)) == std::nullopt);
    CHECK(round_trip_problem(p.file, sources, "set s {\n  valid 999..2025\n}  # năm\n").value().en() ==
          "the formatted text does not parse (E0001 at line 2, column 9: expected a year such as 2025 or a range such "
          "as 2021..2025, found '999..2025')");
    CHECK(round_trip_problem(p.file, sources, "set s {\n  valid 2021..2026\n}  # năm\n").value().en() ==
          "the formatted text has other rules than the file");
    CHECK(round_trip_problem(p.file, sources, "set s {\n  valid 2021..2025\n}  # nam\n").value().en() ==
          "the formatted text has other comments than the file");
}

TEST_CASE("formatter: messy criteria set") {
    const std::string input =
        "set   x   \"Bộ \\\"tiêu\\\" chí\\\\ mới\\n\"{\n"
        "      valid 2021..2025 for xa\n"
        "     source \"QĐ 318\"\n"
        " criterion 1 \"Quy hoạch\" { indicator 1.1 \"Tỷ lệ\" {\n"
        " require ≥ table {\n"
        "   2021 2022..2023   2024\n"
        "   TDMNPB 36 39.5 42\n"
        "      DBSCL 1 2 100%\n"
        "   TN 5.0\n"
        "  }\n"
        " unit percent\n"
        "\n"
        "\n"
        " require ≠ 17.10\n"
        " require ≤ 99\n"
        " }\n"
        "}\n"
        "  region TDMNPB when xa_dbkk and (a or b)\n"
        "  group \"I. QUY HOẠCH\" { criterion 2 { combine at_least 2 indicator 2.1 { unit yesno "
        "require yes } } }\n"
        "  override indicator 2.2 { require >= when dtts: 1 when b: by year { 2021: 5\n"
        "   2022..2025: 6 } else: 7 }\n"
        "  remove criterion 3\n"
        "}\n";
    const std::string expected =
        "set x \"Bộ \\\"tiêu\\\" chí\\\\ mới\\n\" {\n"
        "  source \"QĐ 318\"\n"
        "  for xa\n"
        "  valid 2021..2025\n"
        "  region TDMNPB when xa_dbkk and (a or b)\n"
        "  criterion 1 \"Quy hoạch\" {\n"
        "    indicator 1.1 \"Tỷ lệ\" {\n"
        "      unit percent\n"
        "      require >= table {\n"
        "                2021  2022..2023  2024\n"
        "        TDMNPB    36        39.5    42\n"
        "        DBSCL      1           2  100%\n"
        "        TN       5.0\n"
        "      }\n"
        "\n"
        "      require != 17.10\n"
        "      require <= 99\n"
        "    }\n"
        "  }\n"
        "  group \"I. QUY HOẠCH\" {\n"
        "    criterion 2 {\n"
        "      combine at_least 2\n"
        "      indicator 2.1 {\n"
        "        unit yesno\n"
        "        require yes\n"
        "      }\n"
        "    }\n"
        "  }\n"
        "  override indicator 2.2 {\n"
        "    require >= when dtts: 1\n"
        "               when b: by year {\n"
        "                 2021: 5\n"
        "                 2022..2025: 6\n"
        "               }\n"
        "               else 7\n"
        "  }\n"
        "  remove criterion 3\n"
        "}\n";
    CHECK(fmt_text(input) == expected);
    check_round_trip("messy set", input);
}

TEST_CASE("formatter: comments everywhere are kept in place") {
    const std::string input =
        "# Tệp đầu\n"
        "   # thứ hai\n"
        "\n"
        "\n"
        "unit km    \"km\"   # đơn vị\n"
        "unit   m2 \"m²\"\n"
        "\n"
        "body so_xd \"Sở Xây dựng\"\n"
        "set x { # sau mở\n"
        "      # trước valid\n"
        "  valid 2021\n"
        "  criterion 1 {\n"
        "    indicator 1 {\n"
        "      unit km\n"
        "      value a +   # một\n"
        "         b        # hai\n"
        "      require >= when a:  # ba\n"
        "        1\n"
        "        # năm\n"
        "        else by region {\n"
        "        TDMNPB: 1 DBSH: 2 # sáu\n"
        "        # bảy\n"
        "        }\n"
        "    # cuối indicator\n"
        "    }\n"
        "    }   # đóng\n"
        "\n"
        "  # cuối set\n"
        "} # đóng set\n"
        "# cuối tệp\n";
    const std::string expected =
        "# Tệp đầu\n"
        "# thứ hai\n"
        "\n"
        "unit km \"km\"  # đơn vị\n"
        "unit m2 \"m²\"\n"
        "\n"
        "body so_xd \"Sở Xây dựng\"\n"
        "\n"
        "set x {  # sau mở\n"
        "  # trước valid\n"
        "  valid 2021\n"
        "  criterion 1 {\n"
        "    indicator 1 {\n"
        "      unit km\n"
        "      # một\n"
        "      value a + b  # hai\n"
        "      require >= when a: 1  # ba\n"
        "                 # năm\n"
        "                 else by region {\n"
        "                   TDMNPB: 1\n"
        "                   DBSH: 2  # sáu\n"
        "                   # bảy\n"
        "                 }\n"
        "      # cuối indicator\n"
        "    }\n"
        "  }  # đóng\n"
        "\n"
        "  # cuối set\n"
        "}  # đóng set\n"
        "# cuối tệp\n";
    CHECK(fmt_text(input) == expected);
    check_round_trip("comments", input);
}

TEST_CASE("formatter: a comment is never dropped, even when the order changes") {
    const std::string input =
        "set x {\n"
        "  criterion 1 {\n"
        "    indicator 1 {\n"
        "      require yes  # đạt\n"
        "      # đơn vị\n"
        "      unit yesno  # có/không\n"
        "      source \"QĐ\"  # nguồn\n"
        "    }\n"
        "  }\n"
        "  for xa  # cấp xã\n"
        "}\n";
    const std::string expected =
        "set x {\n"
        "  for xa  # cấp xã\n"
        "  criterion 1 {\n"
        "    indicator 1 {\n"
        "      source \"QĐ\"  # nguồn\n"
        "      # đơn vị\n"
        "      unit yesno  # có/không\n"
        "      require yes  # đạt\n"
        "    }\n"
        "  }\n"
        "}\n";
    CHECK(fmt_text(input) == expected);
    check_round_trip("reordered", input);
}

TEST_CASE("formatter: expressions get the fewest parentheses") {
    const std::string input =
        "data xa {\n"
        "  derive a: number = ((x + y)) + (z) * (-w) - (u - v) / (p / q)\n"
        "  derive b: yesno = (a or b) and not (c = d) or ((x < y) = z)\n"
        "  derive c: count = count(thon where (a >= 1) and b) + ratio(x, (y))\n"
        "  derive d: number = -(x + y) + - -z\n"
        "  derive e \"E\": yesno = (a and b) and (c and d) or (e or f)\n"
        "}\n";
    const std::string expected =
        "data xa {\n"
        "  derive a: number = x + y + z * -w - (u - v) / (p / q)\n"
        "  derive b: yesno = (a or b) and not c = d or (x < y) = z\n"
        "  derive c: count = count(thon where a >= 1 and b) + ratio(x, y)\n"
        "  derive d: number = -(x + y) + - -z\n"
        "  derive e \"E\": yesno = a and b and (c and d) or (e or f)\n"
        "}\n";
    CHECK(fmt_text(input) == expected);
    check_round_trip("expressions", input);
}

TEST_CASE("formatter: levels, assignments and targets") {
    const std::string input =
        "level l { gate g \"Hài lòng\": hai_long>=90% meets a , b for xa after k source \"QĐ\" }\n"
        "assignments p { criterion 10,13->so due 2025-01-02 locality where parent=\"397\"->m "
        "locality \"1\",\"2\" -> m indicator 2.1->gt sets a,b }\n"
        "target t { nang_cao 6 dat_chuan + 8 year 2021 locality \"49\" }\n"
        "class c \"Dưới 15\" { when criteria_met < 15 for xa }\n";
    const std::string expected =
        "level l {\n"
        "  for xa\n"
        "  source \"QĐ\"\n"
        "  after k\n"
        "  meets a, b\n"
        "  gate g \"Hài lòng\": hai_long >= 90%\n"
        "}\n"
        "\n"
        "assignments p {\n"
        "  sets a, b\n"
        "  criterion 10, 13 -> so due 2025-01-02\n"
        "  locality where parent = \"397\" -> m\n"
        "  locality \"1\", \"2\" -> m\n"
        "  indicator 2.1 -> gt\n"
        "}\n"
        "\n"
        "target t {\n"
        "  locality \"49\"\n"
        "  year 2021\n"
        "  nang_cao 6\n"
        "  dat_chuan +8\n"
        "}\n"
        "\n"
        "class c \"Dưới 15\" {\n"
        "  for xa\n"
        "  when criteria_met < 15\n"
        "}\n";
    CHECK(fmt_text(input) == expected);
    check_round_trip("declarations", input);
}

TEST_CASE("formatter: groups keep their criteria, empty groups stay where they were") {
    const std::string input =
        "set x {\n"
        "  group \"Trống\" {}\n"
        "  group \"A\" { criterion 1 { } criterion 2 { } }\n"
        "  criterion 3 { }\n"
        "  group \"Cũng trống\" {\n"
        "    # chưa có tiêu chí\n"
        "  }\n"
        "  group \"A\" { criterion 4 { } }\n"
        "}\n";
    const std::string expected =
        "set x {\n"
        "  group \"Trống\" {\n"
        "  }\n"
        "  group \"A\" {\n"
        "    criterion 1 {\n"
        "    }\n"
        "    criterion 2 {\n"
        "    }\n"
        "  }\n"
        "  criterion 3 {\n"
        "  }\n"
        "  group \"Cũng trống\" {\n"
        "    # chưa có tiêu chí\n"
        "  }\n"
        "  group \"A\" {\n"
        "    criterion 4 {\n"
        "    }\n"
        "  }\n"
        "}\n";
    CHECK(fmt_text(input) == expected);
    check_round_trip("groups", input);
}

TEST_CASE("formatter: output is in NFC") {
    // "nhập" with the circumflex and the dot below as combining marks.
    const std::string decomposed = "unit a \"Thu nha\xcc\x82\xcc\xa3p\"  # co\xcc\x81\n";
    CHECK(fmt_text(decomposed) == "unit a \"Thu nhập\"  # có\n");
}

TEST_CASE("formatter: empty input and comment-only input") {
    CHECK(fmt_text("") == "");
    CHECK(fmt_text("\n\n  # chỉ có chú thích\n\n\n#hai\n") == "# chỉ có chú thích\n\n#hai\n");
}

TEST_CASE("formatter: combine lines and dated assignments") {
    const std::string messy = "data xa { field so_ho: count field dan_so: count\n"
                              "combine   weighted  by so_ho :\"17.1\",dan_so # chú thích\n"
                              "combine sum: so_ho }\n"
                              "assignments a \"Phân công\" { locality \"49\" valid 2021..2024 sets s criterion 1 -> b }\n";
    const std::string out = check_round_trip("combine.ntm", messy);
    CHECK(out == "data xa {\n"
                 "  field so_ho: count\n"
                 "  field dan_so: count\n"
                 "  combine weighted by so_ho: 17.1, dan_so  # chú thích\n"
                 "  combine sum: so_ho\n"
                 "}\n"
                 "\n"
                 "assignments a \"Phân công\" {\n"
                 "  sets s\n"
                 "  valid 2021..2024\n"
                 "  locality \"49\"\n"
                 "  criterion 1 -> b\n"
                 "}\n");
    SECTION("a long list goes on after a comma, indented") {
        std::string names;
        for (int i = 0; i < 30; ++i) names += (i ? ", ten_dau_vao_" : "ten_dau_vao_") + std::to_string(i);
        const std::string text = check_round_trip("long.ntm", "data xa {\n  combine resurvey: " + names + "\n}\n");
        std::size_t lines = 0, widest = 0, start = 0;
        for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1) {
            ++lines;
            widest = std::max(widest, nl - start);
        }
        CHECK(lines > 4);
        CHECK(widest <= 100);
        CHECK(text.find("\n    ten_dau_vao_") != std::string::npos);
    }
}
