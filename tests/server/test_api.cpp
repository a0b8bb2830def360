// ntm serve's API through a real HTTP client, against a server each test starts on a free
// loopback port (serve_fixture.hpp): the status, the rules' check as data, the rules read and
// saved, the web app's files, openapi.json held to the routes, and the bounds — a body too large
// (413), too many requests at once (503), a request past its time (503), a token (401).  test_api_data.cpp: the calls that read
// data.
#include <cctype>
#include <chrono>
#include <filesystem>
#include <set>
#include <string>

#include "tests/server/serve_fixture.hpp"

using namespace serve_test;

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
    SECTION("a request past its time: 503, its evaluation stopped, and the server goes on") {
        Config config;
        config.max_time = std::chrono::milliseconds(0);  // past as soon as it starts
        const Running s({}, config);
        auto c = s.client();
        for (const char* path : {"/api/v1/evaluate?dataset=phu-ninh-2024.csv", "/api/v1/report?dataset=phu-ninh-2024.csv",
                                 "/api/v1/explain?dataset=phu-ninh-2024.csv&entity=20380"}) {
            const auto r = c.Post(path);
            REQUIRE(r);
            CHECK(r->status == 503);
            CHECK_FALSE(r->has_header("Retry-After"));  // the same request would take as long again
            CHECK_THAT(error_of(r)["message"].get<std::string>(), Catch::Contains("--max-seconds"));
        }
        const auto en = c.Post("/api/v1/evaluate?dataset=phu-ninh-2024.csv&lang=en");
        REQUIRE(en);
        CHECK_THAT(error_of(en)["message"].get<std::string>(), Catch::Contains("the request took more than 0 seconds"));
        const auto status = c.Get("/api/v1/status");
        REQUIRE(status);
        CHECK(status->status == 200);
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

TEST_CASE("serve: the web app is served from the binary and loads nothing from elsewhere", "[serve]") {
    const Running s;
    auto c = s.client();
    const auto page = c.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(page->body.find("<script src=\"/app.js\">") != std::string::npos);
    CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
    for (const char* path : {"/", "/app.js", "/pages.js", "/editor.js", "/app.css"}) {
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
        // Each indicator with its thresholds, cell by cell as the decision tables them.
        json road, income, coop;
        for (const json& set : j["sets"]) {
            for (const json& criterion : set["criteria"]) {
                for (const json& indicator : criterion["indicators"]) {
                    if (set["name"] != j["sets"][0]["name"]) continue;
                    if (indicator["code"] == "2.2") road = indicator;
                    if (indicator["code"] == "10") income = indicator;
                    if (indicator["code"] == "13.1") coop = indicator;
                }
            }
        }
        REQUIRE(road["requirements"].size() == 1);
        CHECK(road["requirements"][0]["cmp"] == ">=");
        CHECK(road["requirements"][0]["low"].size() == 7);
        CHECK(road["requirements"][0]["low"][0] == json({{"where", "Trung du và miền núi phía Bắc"}, {"value", 50}}));
        CHECK(road["requirements"][0]["rule"] == "serve-rules/quy-dinh.ntm:28");
        REQUIRE(income["requirements"].size() == 1);
        CHECK(income["requirements"][0]["low"].size() == 21);  // 7 regions × 3 years
        CHECK(income["requirements"][0]["low"][1] == json({{"where", "Trung du và miền núi phía Bắc, 2024"}, {"value", 45}}));
        REQUIRE(coop["requirements"].size() == 1);
        CHECK(coop["requirements"][0]["cmp"] == "yes");
        CHECK_FALSE(coop["requirements"][0].contains("low"));

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
                                          "POST /api/v1/annotate", "GET /api/v1/annotate",
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
