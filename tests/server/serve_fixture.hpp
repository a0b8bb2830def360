// What the tests of `ntm serve` share: a server each test starts on a free loopback port, with
// the golden rules and data of Phú Ninh; the `ntm` binary's output for the same; and the checks
// of an error's answer.
#pragma once

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <initializer_list>
#include <memory>
#include <string>
#include <thread>

#include "server/http.hpp"
#include "tests/support/support.hpp"

namespace serve_test {

using nlohmann::json;
using ntm::server::Config;
using ntm::server::HttpOptions;
using ntm::server::HttpServer;

inline const std::string kRules = std::string(NTM_SOURCE_DIR) + "/tests/golden/eval/phu_ninh";
inline const std::string kData = std::string(NTM_SOURCE_DIR) + "/tests/golden/eval/phu_ninh_csv/phu-ninh-2024.csv";

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

inline std::string command_output(const std::string& command) {
    std::string out;
    std::FILE* p = ::popen(command.c_str(), "r");
    REQUIRE(p != nullptr);
    char buffer[65536];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, p)) > 0;) out.append(buffer, n);
    ::pclose(p);
    return out;
}

// What `ntm COMMAND` prints on stdout for the rules and data the test server is given.
inline std::string ntm_command(const std::string& command) {
    return std::string(NTM_BINARY) + " " + command + " --rules " + kRules + " --data " + kData + " --units none 2>/dev/null";
}
inline std::string ntm_prints(const std::string& command) {
    const std::string out = command_output(ntm_command(command));
    REQUIRE_FALSE(out.empty());
    return out;
}

// A request posted with no body, answered 200.
inline std::string posted(httplib::Client& c, const std::string& path) {
    const auto r = c.Post(path.c_str(), "", "text/plain");
    REQUIRE(r);
    CHECK(r->status == 200);
    return r->body;
}

inline json error_of(const httplib::Result& r) {
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
inline void expect_errors(httplib::Client& c, std::initializer_list<Asked> asked) {
    for (const Asked& a : asked) {
        INFO(a.path);
        const auto r = c.Post(a.path, a.body, "text/csv");
        REQUIRE(r);
        CHECK(r->status == a.status);
        error_of(r);
    }
}

}  // namespace serve_test
