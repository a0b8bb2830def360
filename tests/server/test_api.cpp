// ntm serve's API through a real HTTP client, against a server each test starts on a free
// loopback port: the rules' check as data, an evaluation giving the bytes `ntm eval --format json`
// prints, and the bounds — a body too large (413), too many requests at once (503), a token
// (401), a route that does not exist (404), an upload that cannot be read (415, 422).
#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <cctype>
#include <memory>
#include <set>
#include <string>
#include <thread>

#include "server/http.hpp"
#include "tests/support/support.hpp"

using nlohmann::json;
using ntm::server::Config;
using ntm::server::HttpOptions;
using ntm::server::HttpServer;

namespace {

const std::string kRules = std::string(NTM_SOURCE_DIR) + "/tests/golden/eval/phu_ninh";
const std::string kData = std::string(NTM_SOURCE_DIR) + "/tests/golden/eval/phu_ninh_csv/phu-ninh-2024.csv";

// A server on a free loopback port, serving on a thread of its own until the test ends.
class Running {
public:
    explicit Running(HttpOptions options = {}, Config config = {}) {
        if (config.rules.empty()) config.rules = kRules;
        config.data = {kData};
        config.official_units = false;
        config.upload_dir = support::temp_path("uploads");
        server_ = std::make_unique<HttpServer>(config, options);
        port_ = server_->bind("127.0.0.1", 0);
        REQUIRE(port_ > 0);
        thread_ = std::thread([this] { server_->serve(); });
    }
    ~Running() {
        server_->stop();
        thread_.join();
    }
    Running(const Running&) = delete;
    Running& operator=(const Running&) = delete;
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(60, 0);
        return c;
    }

private:
    std::unique_ptr<HttpServer> server_;
    int port_ = -1;
    std::thread thread_;
};

std::string command_output(const std::string& command) {
    std::string out;
    std::FILE* p = ::popen(command.c_str(), "r");
    REQUIRE(p != nullptr);
    char buffer[65536];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, p)) > 0;) out.append(buffer, n);
    ::pclose(p);
    return out;
}

// What `ntm COMMAND` prints on stdout for the rules and data the test server is given.
std::string ntm_command(const std::string& command) {
    return std::string(NTM_BINARY) + " " + command + " --rules " + kRules + " --data " + kData + " --units none 2>/dev/null";
}
std::string ntm_prints(const std::string& command) {
    const std::string out = command_output(ntm_command(command));
    REQUIRE_FALSE(out.empty());
    return out;
}

// A request posted with no body, answered 200.
std::string posted(httplib::Client& c, const std::string& path) {
    const auto r = c.Post(path.c_str(), "", "text/plain");
    REQUIRE(r);
    CHECK(r->status == 200);
    return r->body;
}

json error_of(const httplib::Result& r) {
    REQUIRE(r);
    const json j = json::parse(r->body);
    REQUIRE(j.contains("error"));
    CHECK(j["error"]["status"] == r->status);
    CHECK_FALSE(j["error"]["message"].get<std::string>().empty());
    return j["error"];
}

// Each request posted gets its status, with an error object saying why.
struct Asked {
    const char* path;
    const char* body;
    int status;
};
void expect_errors(httplib::Client& c, std::initializer_list<Asked> asked) {
    for (const Asked& a : asked) {
        INFO(a.path);
        const auto r = c.Post(a.path, a.body, "text/csv");
        REQUIRE(r);
        CHECK(r->status == a.status);
        error_of(r);
    }
}

}  // namespace

TEST_CASE("serve: status names the rules and the data offered", "[serve]") {
    const Running s;
    auto c = s.client();
    const auto r = c.Get("/api/v1/status");
    REQUIRE(r);
    CHECK(r->status == 200);
    const json j = json::parse(r->body);
    CHECK(j["rules"]["files"] == 1);
    CHECK(j["rules"]["errors"] == 0);
    REQUIRE(j["datasets"].size() == 1);
    CHECK(j["datasets"][0]["name"] == "phu-ninh-2024.csv");
}

TEST_CASE("serve: the check of a rule text not saved gives its diagnostics as data", "[serve]") {
    const Running s;
    auto c = s.client();
    // The rule file as on disk, with one name misspelt on its last line but one.
    std::string text = support::read_file(kRules + "/quy-dinh.ntm");
    const auto r0 = c.Post("/api/v1/check", json{{"file", "quy-dinh.ntm"}, {"text", text}}.dump(), "application/json");
    REQUIRE(r0);
    CHECK(r0->status == 200);
    CHECK(json::parse(r0->body)["errors"] == 0);

    text += "\nset broken {\n";
    const auto r = c.Post("/api/v1/check?lang=en", json{{"file", "quy-dinh.ntm"}, {"text", text}}.dump(),
                          "application/json");
    REQUIRE(r);
    CHECK(r->status == 200);
    const json j = json::parse(r->body);
    CHECK(j["errors"].get<int>() >= 1);
    REQUIRE_FALSE(j["diagnostics"].empty());
    const json& d = j["diagnostics"][0];
    CHECK(d["file"] == "quy-dinh.ntm");
    CHECK(d["severity"] == "error");
    CHECK(d["code"].get<std::string>().rfind('E', 0) == 0);
    CHECK(d["line"].get<int>() > 1);
    CHECK(d["column"].get<int>() >= 1);
    CHECK(d.contains("notes"));
    // The file on disk is untouched.
    CHECK(support::read_file(kRules + "/quy-dinh.ntm") + "\nset broken {\n" == text);

    // A file outside the rules folder, or not a rule file, or a body that is not JSON: 400.
    for (const char* bad : {"../x.ntm", "/etc/passwd", "quy-dinh.txt", ""}) {
        const auto e = c.Post("/api/v1/check", json{{"file", bad}, {"text", "x"}}.dump(), "application/json");
        REQUIRE(e);
        CHECK(e->status == 400);
        error_of(e);
    }
    const auto not_json = c.Post("/api/v1/check", "{file", "application/json");
    REQUIRE(not_json);
    CHECK(not_json->status == 400);
    error_of(not_json);
}

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

TEST_CASE("serve: the bounds of a request: size, requests at once, the token", "[serve]") {
    SECTION("a body over the limit: 413") {
        HttpOptions o;
        o.max_body = 1000;
        const Running s(o);
        auto c = s.client();
        const auto r = c.Post("/api/v1/check", std::string(5000, ' '), "application/json");
        REQUIRE(r);
        CHECK(r->status == 413);
        error_of(r);
    }
    SECTION("no room for one more request: 503, asked to retry") {
        HttpOptions o;
        o.max_busy = 0;
        const Running s(o);
        auto c = s.client();
        const auto r = c.Get("/api/v1/status");
        REQUIRE(r);
        CHECK(r->status == 503);
        CHECK(r->get_header_value("Retry-After") == "1");
        error_of(r);
    }
    SECTION("a token: 401 without it or with another, 200 with it") {
        HttpOptions o;
        o.token = "bi-mat";
        const Running s(o);
        auto c = s.client();
        const auto none = c.Get("/api/v1/status");
        REQUIRE(none);
        CHECK(none->status == 401);
        error_of(none);
        const auto wrong = c.Get("/api/v1/status", {{"Authorization", "Bearer khac"}});
        REQUIRE(wrong);
        CHECK(wrong->status == 401);
        const auto right = c.Get("/api/v1/status", {{"Authorization", "Bearer bi-mat"}});
        REQUIRE(right);
        CHECK(right->status == 200);
    }
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

TEST_CASE("serve: the web app is served from the binary and loads nothing from elsewhere", "[serve]") {
    const Running s;
    auto c = s.client();
    const auto page = c.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(page->body.find("<script src=\"/app.js\">") != std::string::npos);
    CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
    for (const char* path : {"/", "/app.js", "/app.css"}) {
        const auto r = c.Get(path);
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK_FALSE(r->body.empty());
        // No address of another site: the app works offline.
        CHECK(r->body.find("http://") == std::string::npos);
        CHECK(r->body.find("https://") == std::string::npos);
    }
    const auto missing = c.Get("/khong-co.js");
    REQUIRE(missing);
    CHECK(missing->status == 404);
}

TEST_CASE("serve: the rules as data, a rule file read and saved with the text before kept", "[serve]") {
    // A copy of the rules inside this process's folder, served from that folder: saving writes
    // only within the server's working folder.
    const std::string dir = support::temp_dir("serve-rules");
    const std::string file = dir + "/quy-dinh.ntm";
    const std::string text = support::read_file(kRules + "/quy-dinh.ntm");
    support::write_temp("serve-rules/quy-dinh.ntm", text);
    struct InFolder {  // the server's working folder for this test, the one before given back
        std::filesystem::path before = std::filesystem::current_path();
        explicit InFolder(const std::string& dir) { std::filesystem::current_path(dir); }
        ~InFolder() { std::filesystem::current_path(before); }
        InFolder(const InFolder&) = delete;
        InFolder& operator=(const InFolder&) = delete;
    } in_folder(support::temp_dir());
    Config config;
    config.rules = "serve-rules";
    {
        const Running s({}, config);
        auto c = s.client();
        const auto rules = c.Get("/api/v1/rules");
        REQUIRE(rules);
        CHECK(rules->status == 200);
        const json j = json::parse(rules->body);
        CHECK(j["files"] == json::array({"quy-dinh.ntm"}));
        REQUIRE_FALSE(j["sets"].empty());
        CHECK_FALSE(j["sets"][0]["criteria"].empty());
        CHECK_FALSE(j["levels"].empty());

        const auto got = c.Get("/api/v1/rules/file?path=quy-dinh.ntm");
        REQUIRE(got);
        CHECK(got->status == 200);
        CHECK(got->body == text);
        const auto none = c.Get("/api/v1/rules/file?path=khong-co.ntm");
        REQUIRE(none);
        CHECK(none->status == 404);
        const auto outside = c.Get("/api/v1/rules/file?path=../x.ntm");
        REQUIRE(outside);
        CHECK(outside->status == 400);

        const std::string edited = text + "\n# sửa\n";
        const auto saved = c.Put("/api/v1/rules/file?path=quy-dinh.ntm", edited, "text/plain");
        REQUIRE(saved);
        CHECK(saved->status == 200);
        CHECK(json::parse(saved->body)["errors"] == 0);
        CHECK(support::read_file(file) == edited);
        CHECK(support::read_file(file + ".bak") == text);
        const auto not_utf8 = c.Put("/api/v1/rules/file?path=quy-dinh.ntm", "unit \xFF", "text/plain");
        REQUIRE(not_utf8);
        CHECK(not_utf8->status == 422);
        CHECK(support::read_file(file) == edited);  // left as it was
    }
    {
        // Rules outside the working folder: read, never written.
        Config elsewhere;
        elsewhere.rules = kRules;
        const Running s({}, elsewhere);
        auto c = s.client();
        const auto refused = c.Put("/api/v1/rules/file?path=quy-dinh.ntm", text, "text/plain");
        REQUIRE(refused);
        CHECK(refused->status == 403);
        error_of(refused);
    }
}

TEST_CASE("serve: openapi.json describes every route the server answers, and only those", "[serve]") {
    const Running s;
    auto c = s.client();
    const auto r = c.Get("/api/v1/openapi.json");
    REQUIRE(r);
    CHECK(r->status == 200);
    const json api = json::parse(r->body);
    CHECK(api["openapi"].get<std::string>().rfind("3.", 0) == 0);
    // The routes of server/http.cpp.
    const std::set<std::string> routes = {"GET /api/v1/status",    "GET /api/v1/rules",  "GET /api/v1/rules/file",
                                          "PUT /api/v1/rules/file", "POST /api/v1/check", "POST /api/v1/evaluate",
                                          "POST /api/v1/explain",   "POST /api/v1/diff",  "POST /api/v1/report", "GET /api/v1/report",
                                          "GET /api/v1/openapi.json"};
    std::set<std::string> described;
    for (const auto& [path, methods] : api["paths"].items()) {
        for (const auto& [method, what] : methods.items()) {
            std::string upper = method;
            for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            described.insert(upper + " " + path);
            CHECK(what.contains("responses"));
        }
    }
    CHECK(described == routes);
    // Each is answered (with no parameters: 200 or an error of its own), never "no such route".
    for (const std::string& route : routes) {
        INFO(route);
        const std::string method = route.substr(0, route.find(' ')), path = route.substr(route.find(' ') + 1) + "?lang=en";
        httplib::Result res = method == "GET"   ? c.Get(path.c_str())
                              : method == "PUT" ? c.Put(path.c_str(), "", "text/plain")
                                                : c.Post(path.c_str(), "", "text/plain");
        REQUIRE(res);
        CHECK(res->body.find("there is no " + method) == std::string::npos);
    }
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
                      {"/api/v1/report?dataset=phu-ninh-2024.csv&format=pdf", "", 400}});
}
