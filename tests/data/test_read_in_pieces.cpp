// A CSV or JSON file read a piece at a time (data/csv_load.cpp, data/json.cpp, text/pieces.hpp)
// gives what it gives read whole: the same entities, records, values and places, the same
// problems in the same order, the same error for a file that cannot be read — whatever the size
// of the pieces, with rows, quoted cells, line breaks, tokens and letters of several bytes
// across their boundaries.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "data/builder.hpp"
#include "engine/dataset.hpp"
#include "tests/support/support.hpp"
#include "text/files.hpp"
#include "text/pieces.hpp"

using namespace ntm;

namespace {

// Everything a Dataset holds, one line each, with its problems rendered as users read them.
std::string dump(const engine::Dataset& ds) {
    std::string out;
    for (const engine::Entity& e : ds.entities) {
        const text::Place at = e.origin;
        out += fmt::format("E {}|{}|{}|{}|{}|{}|{}:{}:{}\n", e.code, e.name, e.type, e.parent_code, e.parent,
                           static_cast<int>(e.kind), at.file, at.line, at.sheet);
    }
    for (const engine::Record& r : ds.records) {
        const text::Place at = r.origin;
        out += fmt::format("R {} {} {} {}:{}\n", r.entity, r.year, r.offset, at.file, at.line);
    }
    for (const double v : ds.values) out += fmt::format("{} ", v);
    out += fmt::format("\nread {} rejected {} skipped {}\n", ds.read, ds.rejected, ds.skipped);
    return out + text::render(ds.problems, text::Lang::en);
}

// The file read whole, or a piece of about `piece` bytes at a time (0: whole); a FileError as
// its rendering.
std::string read(const std::string& path, std::size_t piece, const data::LoadOptions& options = {}) {
    try {
        const bool json = path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0;
        if (piece != 0) {
            return dump(json ? data::load_json_file(path, support::schema(), options, piece)
                             : data::load_csv_file(path, support::schema(), options, piece));
        }
        std::vector<text::Problem> errors;
        const auto text = text::read_text_file(path, errors, {options.limits.data_file_bytes, "D0901", "data-file-size"});
        if (!text) return "error: " + text::render(errors.front(), text::Lang::en);
        return dump(json ? data::load_json(path, *text, support::schema(), options)
                         : data::load_csv(path, *text, support::schema(), options));
    } catch (const text::FileError& e) {
        return "error: " + text::render(e.problem, text::Lang::en);
    }
}

void same_in_pieces(const std::string& name, const std::string& content, const data::LoadOptions& options = {}) {
    const std::string path = support::write_temp(name, content);
    const std::string whole = read(path, 0, options);
    for (const std::size_t piece : {1, 2, 3, 5, 7, 11, 16, 31, 64, 1000}) {
        INFO("pieces of " << piece << " bytes");
        CHECK(read(path, piece, options) == whole);
    }
}

}  // namespace

TEST_CASE("csv in pieces: quoted cells with line breaks, letters of several bytes, CRLF and CR") {
    const std::string content =
        "\xEF\xBB\xBF"
        "code,name,type,parent,region,year,1.1,2.1,hai_long\r\n"
        "49,Quảng Nam,Tỉnh,,DHNTB,2023,,,\r\n"
        "518,\"Phú Ninh, Quảng Nam\",Huyện,49,,2023,,,\r\n"
        "20368,\"Tam An \"\"mới\"\"\r\nthôn 1\n\nthôn 2\",Xã,518,,2023,Đạt,\"98,5\",\"91.5%\"\r\n"
        "20365,Tam Thành,Xã,518,,2023,không đạt,140,\r"
        "20366,\"Tam \"\"Dân\"\"\"x,Xã,518,,2023,đạt,,\r\n"
        "20366,Tam Dân,Xã,518,,2023,đạt,,\n"
        "20367,Tam Đàn,Xã,519,,2023,đạt,,,,\n"
        "\n"
        "20369,\"Tam Lộc\",Xã,518,,2024,có,\"12,5\",99";
    const std::string path = support::write_temp("pieces.csv", content);
    const std::string whole = read(path, 0);
    CHECK(whole.find("Tam An \"mới\"\r\nthôn 1\n\nthôn 2") != std::string::npos);
    CHECK(whole.find("warning") != std::string::npos);  // problems to compare
    same_in_pieces("pieces.csv", content);
}

TEST_CASE("csv in pieces: a header cell over two lines, a semicolon file, text in a legacy encoding") {
    // "ñong" at the start of a line is VNI text read as Western (D0006): a piece may start there.
    same_in_pieces("header.csv",
                   "code;\"name\nof the unit\";type;parent;region;year;2.1\n"
                   "49;Quảng Nam;Tỉnh;;DHNTB;2023;\n"
                   "518;Phú Ninh;Huyện;49;;2023;\n"
                   "ñong;Tam An;Xã;518;;2023;\"98,5\"\n");
    const std::string path = support::write_temp("legacy.csv",
                                                 "code,name,type,parent,region,year\n"
                                                 "49,Quảng Nam,Tỉnh,,DHNTB,2023\n"
                                                 "ñong,Tam An,Xã,49,,2023\n");
    const std::string whole = read(path, 0);
    CHECK(whole.find("D0006") != std::string::npos);
    for (const std::size_t piece : {1, 7, 30, 31, 32}) CHECK(read(path, piece) == whole);
}

TEST_CASE("csv in pieces: files that cannot be read give the error they give read whole") {
    SECTION("a quote not closed") {
        same_in_pieces("unclosed.csv", "code,name,type,year\n49,\"Quảng Nam,Tỉnh,2023\n50,Đà Nẵng,Tỉnh,2023\n");
    }
    SECTION("a line too long, and a byte that is not UTF-8 further on: the byte is said") {
        data::LoadOptions options;
        options.limits.line_bytes = 40;
        const std::string content = "code,name,type,year\n49,Quảng Nam " + std::string(60, 'x') +
                                    ",Tỉnh,2023\n50,\xC4\x90\xE0 N\xB5ng,Tỉnh,2023\n";
        const std::string path = support::write_temp("bad.csv", content);
        CHECK(read(path, 0, options).find("UTF-8") != std::string::npos);
        same_in_pieces("bad.csv", content, options);
    }
    SECTION("a line too long") {
        data::LoadOptions options;
        options.limits.line_bytes = 40;
        const std::string content =
            "code,name,type,year\r\n49,Quảng Nam,Tỉnh,2023\r50," + std::string(60, 'x') + ",Tỉnh,2023\n";
        const std::string path = support::write_temp("long.csv", content);
        CHECK(read(path, 0, options).find("D0902") != std::string::npos);
        same_in_pieces("long.csv", content, options);
    }
    // A file is checked on a thread of its own while its rows are read: the reading may stop
    // first (a header without a code, too many rows), but what the check finds further on is
    // said, as when the check comes first.
    SECTION("a header without a code, and a byte that is not UTF-8 further on: the byte is said") {
        const std::string content = "name,type,year\nQuảng Nam,Tỉnh,2023\n" + std::string(3000, '\n') + "Đ\xE0 N\xB5ng,Tỉnh,2023\n";
        const std::string path = support::write_temp("nocode_bad.csv", content);
        const std::string whole = read(path, 0);
        CHECK(whole.find("UTF-8") != std::string::npos);
        CHECK(read(path, 1000) == whole);
        same_in_pieces("nocode_bad.csv", content);
    }
    SECTION("rows over the limit, and a line too long further on: the line is said") {
        data::LoadOptions options;
        options.limits.rows = 2;
        options.limits.line_bytes = 40;
        std::string content = "code,name,type,year\n";
        for (int i = 1; i < 200; ++i) content += fmt::format("{},A,Tỉnh,2023\n", i);
        content += "999," + std::string(60, 'x') + ",Tỉnh,2023\n";
        const std::string path = support::write_temp("rows_long.csv", content);
        const std::string whole = read(path, 0, options);
        CHECK(whole.find("D0902") != std::string::npos);
        CHECK(read(path, 64, options) == whole);
        same_in_pieces("rows_long.csv", content, options);
    }
    SECTION("no header, a header without a code, over the limit of rows, too large") {
        same_in_pieces("empty.csv", "\n\n,,\n");
        same_in_pieces("nocode.csv", "name,type,year\nQuảng Nam,Tỉnh,2023\n");
        data::LoadOptions options;
        options.limits.rows = 2;
        same_in_pieces("rows.csv", "code,name,type,year\n1,A,Tỉnh,2023\n2,B,Tỉnh,2023\n3,C,Tỉnh,2023\n", options);
        options.limits.data_file_bytes = 30;
        same_in_pieces("large.csv", "code,name,type,year\n1,A,Tỉnh,2023\n", options);
    }
}

// A file's rows are handed from its checking thread in runs of about a mebibyte or 65 536 cells
// (data/csv_ahead.cpp): a file of many runs, and one whose problem comes several runs in.
TEST_CASE("csv in pieces: a file of many runs of rows, and its problems several runs in") {
    std::string rows = "code,name,type,parent,region,year,1.1,2.1,hai_long\n49,Quảng Nam,Tỉnh,,DHNTB,2023,,,\n"
                       "518,Phú Ninh,Huyện,49,,2023,,,\n";
    for (int i = 0; i < 30000; ++i) {
        rows += fmt::format("{},\"Xã \"\"{}\"\"\",Xã,518,,2023,{},{},{}\n", 100000 + i, i, i % 3 == 0 ? "đạt" : "",
                            i % 7 == 0 ? "" : fmt::format("\"{},{}\"", i % 150, i % 10), i % 11 == 0 ? "abc" : "");
    }
    rows += "100005,Tam Dân,Xã,518,,2023,có,,\n";  // a record given twice, many runs after the first
    const std::string path = support::write_temp("runs.csv", rows);
    const std::string whole = read(path, 0);
    CHECK(whole.find("D0103") != std::string::npos);
    for (const std::size_t piece : {std::size_t{4096}, std::size_t{1} << 20}) CHECK(read(path, piece) == whole);

    data::LoadOptions options;
    options.limits.line_bytes = 100;
    const std::string long_path = support::write_temp("runs_long.csv", rows + "1," + std::string(200, 'x') + ",Xã,518,,2023,,,\n");
    const std::string too_long = read(long_path, 0, options);
    CHECK(too_long.find("D0902") != std::string::npos);
    CHECK(read(long_path, std::size_t{1} << 20, options) == too_long);

    const std::string bad_path = support::write_temp("runs_bad.csv", rows + "3,Tam \xB5n,Xã,518,,2023,,,\n");
    const std::string not_utf8 = read(bad_path, 0);
    CHECK(not_utf8.find("UTF-8") != std::string::npos);
    CHECK(read(bad_path, std::size_t{1} << 20) == not_utf8);

    const std::string open_path = support::write_temp("runs_open.csv", rows + "2,\"Tam An,Xã,518,,2023,,,\n");
    const std::string unclosed = read(open_path, 0);
    CHECK(unclosed.find("error") != std::string::npos);
    CHECK(read(open_path, std::size_t{1} << 20) == unclosed);
}

TEST_CASE("json in pieces: the line of every value, syntax errors, nesting too deep") {
    const std::string lines =
        "\xEF\xBB\xBF{\"format\": \"ntm-data\", \"version\": 1, \"entities\": [\n"
        "{\"code\": \"49\", \"name\": \"Quảng Nam\", \"type\": \"Tỉnh\", \"region\": \"DHNTB\"},\n"
        "{\"code\": \"20368\", \"type\": \"Xã\", \"parent\": \"49x\", \"values\": {\"2023\": {\n"
        "\"2.1\": 140\n"
        ", \"hai_long\":\n"
        "-5.5}, \"2024\": {\"1.1\": \"maybe\",\n"
        "\"so_truong\": 1e1,\n"
        "\"thu_nhap\": false,\n\n"
        "\"1.1\": [1, {\"a\": 2}]\n"
        "}}},\n"
        "{\"code\": \"20369\", \"type\": \"Xã\", \"parent\": \"49\", \"ghi_chu\": \"Tam Đàn\",\n"
        "\"values\": {\"2023\": {\"2.1\": 101}, \"2023\": {}}}]}";
    const std::string path = support::write_temp("lines.json", lines);
    const std::string whole = read(path, 0);
    CHECK(whole.find("lines.json:4: error[D0203]") != std::string::npos);
    CHECK(whole.find("lines.json:12:") != std::string::npos);
    same_in_pieces("lines.json", lines);
    same_in_pieces("syntax.json",
                   "{\"format\": \"ntm-data\", \"version\": 1, \"entities\": [\n"
                   "{\"code\": \"49\", \"name\": \"Quảng Nam\", \"type\": \"Tỉnh\"}\n"
                   "{\"code\": \"50\"}]}\n");
    same_in_pieces("deep.json", "{\"format\": \"ntm-data\", \"x\": " + std::string(70, '[') + "\n" + std::string(70, ']') + "}");
    same_in_pieces("format.json", "{\"format\": \"ntm-dat\", \"version\": 1, \"entities\": []}");
}

TEST_CASE("text pieces: each ends after an LF or an ASCII byte, the BOM dropped, together the text") {
    const std::string content = "\xEF\xBB\xBFmột\nhai ba\r\nbốn năm sáu\nbảy";
    const std::string path = support::write_temp("pieces.txt", content);
    for (const auto cut : {text::TextPieces::Cut::line, text::TextPieces::Cut::ascii}) {
        for (const std::size_t size : {1, 2, 4, 100}) {
            text::TextPieces in(path, {}, cut, size);
            std::vector<text::Problem> problems;
            REQUIRE(in.open(problems));
            std::string all;
            for (auto piece = in.next(problems); piece && !piece->empty(); piece = in.next(problems)) {
                const auto last = static_cast<unsigned char>(piece->back());
                const bool end = all.size() + piece->size() == content.size() - 3;
                CHECK((end || (cut == text::TextPieces::Cut::line ? last == '\n' : last < 0x80)));
                all += *piece;
            }
            CHECK(problems.empty());
            CHECK(all == content.substr(3));
        }
    }
    std::vector<text::Problem> problems;
    text::TextPieces missing(support::write_temp("x.txt", "") + ".none", {}, text::TextPieces::Cut::line);
    CHECK_FALSE(missing.open(problems));
    REQUIRE(problems.size() == 1);
    CHECK(text::render(problems.front(), text::Lang::en).find("no such file") != std::string::npos);
}

TEST_CASE("text pieces: a file read again must be the one read before") {
    const std::string path = support::write_temp("again.csv", "code,name\n1,Một\n");
    text::TextPieces first(path, {}, text::TextPieces::Cut::line);
    std::vector<text::Problem> problems;
    REQUIRE(first.open(problems));
    const text::TextPieces::Version seen = first.version();
    {
        text::TextPieces again(path, {}, text::TextPieces::Cut::line);
        again.read_again(seen);
        REQUIRE(again.open(problems));
        const auto piece = again.next(problems);
        REQUIRE(piece);
        CHECK(*piece == "code,name\n1,Một\n");
        CHECK(again.next(problems) == std::string_view());
        CHECK(problems.empty());
    }
    // Written to in between (not UTF-8 now): not read unchecked, but said as when read whole.
    support::write_temp("again.csv", "code,name\n1,M\xF4t\n");
    text::TextPieces again(path, {}, text::TextPieces::Cut::line);
    again.read_again(seen);
    CHECK_FALSE(again.open(problems));
    REQUIRE(problems.size() == 1);
    CHECK(text::render(problems.front(), text::Lang::en).find("UTF-8") != std::string::npos);
}
