// ntm serve's calls that read data, through a real HTTP client (serve_fixture.hpp): an
// evaluation with the bytes `ntm eval --format json` prints, of a file offered or uploaded; an
// explanation as `ntm explain` words it; the impact of an unsaved edit as `ntm diff` gives it; a
// report as `ntm report` writes it; and the errors of a request that cannot be answered (404,
// 400, 415, 422).
#include <cstdlib>
#include <filesystem>
#include <string>

#include "data/source.hpp"
#include "report/print_pdf.hpp"
#include "tests/server/serve_fixture.hpp"

using namespace serve_test;

TEST_CASE("serve: an evaluation gives the bytes ntm eval --format json prints", "[serve]") {
    const Running s;
    auto c = s.client();
    const std::string cli = ntm_prints("eval --year 2024 --format json");
    const auto offered = c.Post("/api/v1/evaluate?dataset=phu-ninh-2024.csv&year=2024", "", "text/plain");
    REQUIRE(offered);
    CHECK(offered->status == 200);
    CHECK(offered->body == cli);
    CHECK(offered->get_header_value("X-NTM-Problems") == "2");  // the bad value and the duplicate row

    // The same file uploaded: the same verdicts, under the upload's name.
    const auto uploaded = c.Post("/api/v1/evaluate?name=phu-ninh-2024.csv&year=2024", support::read_file(kData), "text/csv");
    REQUIRE(uploaded);
    CHECK(uploaded->status == 200);
    // The offered file's path, wherever the document names it (the data, its problems), is the
    // upload's name there.
    std::string as_uploaded = offered->body;
    for (std::size_t at; (at = as_uploaded.find(kData)) != std::string::npos;) {
        as_uploaded.replace(at, kData.size(), "phu-ninh-2024.csv");
    }
    CHECK(uploaded->body == as_uploaded);
    CHECK(json::parse(uploaded->body)["data"] == "phu-ninh-2024.csv");
    // Nothing left of the upload.
    const std::string uploads = support::temp_path("uploads");
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(uploads)) files += !entry.is_directory();
    CHECK(files == 0);
}

TEST_CASE("serve: bad requests get a clear error, and the server goes on", "[serve]") {
    const Running s;
    auto c = s.client();
    const auto no_route = c.Get("/api/v1/nothing");
    REQUIRE(no_route);
    CHECK(no_route->status == 404);
    error_of(no_route);
    expect_errors(c, {{"/api/v1/evaluate", "", 400},                                             // no data
                      {"/api/v1/evaluate?dataset=khong-co.csv", "", 404},                        // no such file
                      {"/api/v1/evaluate?dataset=phu-ninh-2024.csv&year=20x4", "", 400},         // not a year
                      {"/api/v1/evaluate?dataset=phu-ninh-2024.csv&set=khong_co", "", 400},      // no such set
                      {"/api/v1/evaluate?name=du-lieu.pdf", "a,b\n", 415}});                     // not data
    // Not UTF-8: the error names the upload by its own name, not where it was put.
    const auto not_utf8 = c.Post("/api/v1/evaluate?name=du-lieu.csv&lang=en", "m\xFF,b\n", "text/csv");
    REQUIRE(not_utf8);
    CHECK(not_utf8->status == 422);
    const std::string message = error_of(not_utf8)["message"];
    CHECK(message.rfind("du-lieu.csv:", 0) == 0);
    CHECK(message.find("UTF-8") != std::string::npos);
    // Still serving.
    const auto after = c.Get("/api/v1/status");
    REQUIRE(after);
    CHECK(after->status == 200);
}

TEST_CASE("serve: the explanation of one commune, as ntm explain words it and as JSON", "[serve]") {
    const Running s;
    auto c = s.client();
    // Tam Phước (20380): the latest year of the file, 2024.
    const std::string cli = ntm_prints("explain 20380");
    const json j = json::parse(posted(c, "/api/v1/explain?dataset=phu-ninh-2024.csv&entity=20380"));
    CHECK(j["year"] == 2024);
    CHECK(j["text"] == cli);
    CHECK(j["entity"]["code"] == "20380");
    // The same entity in the evaluation's JSON.
    bool found = false;
    const json doc = json::parse(posted(c, "/api/v1/evaluate?dataset=phu-ninh-2024.csv&year=2024"));
    for (const json& e : doc["years"][0]["entities"]) {
        if (e["code"] == "20380") {
            found = true;
            CHECK(e == j["entity"]);
        }
    }
    CHECK(found);

    expect_errors(c, {{"/api/v1/explain?dataset=phu-ninh-2024.csv&entity=99999", "", 404},             // no such unit
                      {"/api/v1/explain?dataset=phu-ninh-2024.csv&entity=20380&year=2019", "", 404},  // no record
                      {"/api/v1/explain?dataset=phu-ninh-2024.csv", "", 400}});                       // no unit asked
}

TEST_CASE("serve: what an unsaved edit would change, as ntm diff gives it", "[serve]") {
    const Running s;
    auto c = s.client();
    // Nâng cao asks 60 % of village roads hardened where it asked 90 %: Tam Phước (88 %) may
    // reach it once its missing data is given.
    std::string text = support::read_file(kRules + "/quy-dinh.ntm");
    const std::size_t at = text.find("    require >= 90\n");
    REQUIRE(at != std::string::npos);
    text.replace(at, 17, "    require >= 60");
    const auto r = c.Post("/api/v1/diff?dataset=phu-ninh-2024.csv&year=2024",
                          json{{"file", "quy-dinh.ntm"}, {"text", text}}.dump(), "application/json");
    REQUIRE(r);
    CHECK(r->status == 200);
    json api = json::parse(r->body);
    REQUIRE(api["changes"].size() == 1);
    CHECK(api["changes"][0]["code"] == "2.2");
    CHECK(api["changes"][0]["thresholds"][0]["cells"][0]["new"] == 60);
    REQUIRE(api["impact"]["entities"].size() == 1);
    CHECK(api["impact"]["entities"][0]["code"] == "20380");
    CHECK(support::read_file(kRules + "/quy-dinh.ntm").find("    require >= 90\n") != std::string::npos);  // not saved

    // The same as the command compares two folders, the edited file in the second.
    const std::string edited = support::temp_dir("diff-new");
    support::write_temp("diff-new/quy-dinh.ntm", text);
    std::string cli = command_output(std::string(NTM_BINARY) + " diff " + kRules + " " + edited + " --data " + kData +
                                     " --units none --year 2024 --format json 2>/dev/null");
    for (std::size_t p; (p = cli.find(edited)) != std::string::npos;) cli.replace(p, edited.size(), kRules);
    json command = json::parse(cli);
    command.erase("new");
    api.erase("new");
    CHECK(api == command);

    // The data uploaded with the edit, as a form: the same answer but for the data's name.
    httplib::MultipartFormDataItems form = {{"file", "quy-dinh.ntm", "", ""},
                                            {"text", text, "", ""},
                                            {"data", support::read_file(kData), "phu-ninh-2024.csv", "text/csv"}};
    const auto uploaded = c.Post("/api/v1/diff?year=2024", form);
    REQUIRE(uploaded);
    CHECK(uploaded->status == 200);
    json up = json::parse(uploaded->body);
    CHECK(up["impact"]["data"] == "phu-ninh-2024.csv");
    up.erase("new");
    up["impact"]["data"] = command["impact"]["data"];
    CHECK(up == command);
    form.pop_back();  // a form without the data: 400, it says what to send
    const auto no_data = c.Post("/api/v1/diff?year=2024", form);
    REQUIRE(no_data);
    CHECK(no_data->status == 400);
    error_of(no_data);

    // A text with an error: the check of the rules as edited, 422.
    const auto broken = c.Post("/api/v1/diff?dataset=phu-ninh-2024.csv",
                               json{{"file", "quy-dinh.ntm"}, {"text", text + "\nset {\n"}}.dump(), "application/json");
    REQUIRE(broken);
    CHECK(broken->status == 422);
    CHECK(json::parse(broken->body)["errors"].get<int>() >= 1);
}

TEST_CASE("serve: a report in each format, with the bytes ntm report writes", "[serve]") {
    const Running s;
    auto c = s.client();
    for (const char* format : {"html", "md"}) {
        INFO(format);
        const std::string out = support::temp_path(std::string("bao-cao.") + format);
        command_output(ntm_command(std::string("report --format ") + format + " --out " + out));
        const std::string cli = support::read_file(out);
        REQUIRE_FALSE(cli.empty());
        CHECK(posted(c, std::string("/api/v1/report?dataset=phu-ninh-2024.csv&format=") + format) == cli);
    }
    const std::string csv = posted(c, "/api/v1/report?dataset=phu-ninh-2024.csv&format=csv");
    CHECK(csv.rfind("==> ", 0) == 0);
    const auto xlsx = c.Post("/api/v1/report?dataset=phu-ninh-2024.csv&format=xlsx", "", "text/plain");
    REQUIRE(xlsx);
    CHECK(xlsx->status == 200);
    CHECK(xlsx->body.rfind("PK", 0) == 0);  // a zip: the workbook
    CHECK(xlsx->get_header_value("Content-Disposition") == "attachment; filename=\"bao-cao.xlsx\"");
    // A link opens it too (GET), for a file offered.
    const auto linked = c.Get("/api/v1/report?dataset=phu-ninh-2024.csv&format=md");
    REQUIRE(linked);
    CHECK(linked->status == 200);
    CHECK(linked->body == posted(c, "/api/v1/report?dataset=phu-ninh-2024.csv&format=md"));
    // Of one district, by its code; of a code not in the data, and in a format there is not.
    CHECK(posted(c, "/api/v1/report?dataset=phu-ninh-2024.csv&format=md&locality=518").find("Phú Ninh") != std::string::npos);
    expect_errors(c, {{"/api/v1/report?dataset=phu-ninh-2024.csv&locality=99999", "", 404},
                      {"/api/v1/report?dataset=phu-ninh-2024.csv&format=docx", "", 400}});

    // PDF, printed by Chromium as ntm report --format pdf prints it: the same bytes.  Without a
    // Chromium (NTM_CHROMIUM naming none), 501 saying what to install.
    ::setenv("NTM_CHROMIUM", "/nonexistent/chromium", 1);
    const auto no_browser = c.Post("/api/v1/report?dataset=phu-ninh-2024.csv&format=pdf", "", "text/plain");
    ::unsetenv("NTM_CHROMIUM");
    REQUIRE(no_browser);
    CHECK(no_browser->status == 501);
    CHECK_THAT(error_of(no_browser)["message"].get<std::string>(), Catch::Contains("apt-get install chromium"));
    if (!ntm::report::find_chromium().empty()) {
        const auto pdf = c.Post("/api/v1/report?dataset=phu-ninh-2024.csv&format=pdf", "", "text/plain");
        REQUIRE(pdf);
        REQUIRE(pdf->status == 200);
        CHECK(pdf->get_header_value("Content-Type") == "application/pdf");
        const std::string out = support::temp_path("bao-cao.pdf");
        command_output(ntm_command("report --format pdf --out " + out));
        const std::string cli = support::read_file(out);
        REQUIRE(cli.rfind("%PDF", 0) == 0);
        CHECK(pdf->body == cli);
    }
}

TEST_CASE("serve: a workbook's problems by their cells, and the workbook given back annotated", "[serve]") {
    Config config;
    config.rules = std::string(NTM_SOURCE_DIR) + "/tests/golden/data/rules";
    const Running s({}, config);
    auto c = s.client();
    const std::string book = support::read_file(std::string(NTM_SOURCE_DIR) + "/tests/golden/data/xlsx_problems/du-lieu.xlsx");

    // Each problem names its cell as Excel does: the first, a percentage of 140 in H6.
    const auto judged = c.Post("/api/v1/evaluate?name=du-lieu.xlsx", book, "application/octet-stream");
    REQUIRE(judged);
    REQUIRE(judged->status == 200);
    const json problems = json::parse(judged->body)["problems"];
    REQUIRE(problems.size() >= 5);
    CHECK(problems[0]["file"] == "du-lieu.xlsx");
    CHECK(problems[0]["cell"] == "'Xã 2024'!H6");
    CHECK(problems[1]["cell"] == "'Xã 2024'!D7");

    // Given back with a note on each cell: its summary lists each problem by its cell.
    const auto noted = c.Post("/api/v1/annotate?name=du-lieu.xlsx", book, "application/octet-stream");
    REQUIRE(noted);
    REQUIRE(noted->status == 200);
    CHECK(noted->get_header_value("Content-Disposition") == "attachment; filename=\"du-lieu-ghi-chu.xlsx\"");
    const std::string path = support::write_temp("ghi-chu.xlsx", noted->body);
    const ntm::data::Source source = ntm::data::read_source(path, {});
    REQUIRE(source.sheets.size() == 2);  // the summary, then the one sheet of the input
    CHECK(source.sheets[1].name == "Xã 2024");
    std::string summary;
    for (const auto& row : source.sheets[0].rows) {
        for (const auto& cell : row.cells) summary += cell.text + "|";
        summary += "\n";
    }
    CHECK_THAT(summary, Catch::Contains("du-lieu.xlsx|"));  // named as uploaded, not where it was put
    CHECK_THAT(summary, Catch::Contains("H6|2.1|D0203|"));
    CHECK_THAT(summary, Catch::Contains("D7|"));

    // JSON has no cells to note: 415, saying which files can be.
    const auto json_data = c.Post("/api/v1/annotate?name=du-lieu.json", "[]", "application/json");
    REQUIRE(json_data);
    CHECK(json_data->status == 415);
    CHECK_THAT(error_of(json_data)["message"].get<std::string>(), Catch::Contains(".xlsx"));
}
