// `ntm serve`'s HTTP side (cpp-httplib): the routes of the API (api.hpp) under /api/v1, the
// bounds of a request, and who may ask.
//
//   - A body larger than `max_body` bytes: 413, before it is read whole.
//   - More than `max_busy` connections in the server (waiting for one of `threads` or being
//     answered): 503 at once, with Retry-After, never a queue without end.
//   - A request that reads data and runs past Config::max_time: 503, its evaluation stopped.
//   - With a token: every request must carry "Authorization: Bearer TOKEN" (401 otherwise).
//   - An exception in a route: 500 with its reason, the server goes on.
#pragma once

#include <memory>
#include <string>

#include "server/api.hpp"

namespace ntm::server {

struct HttpOptions {
    std::string token;                  // empty: none asked (loopback only; cli/cmd_serve.cpp)
    std::size_t max_body = 64u << 20;   // bytes of a request body
    unsigned max_busy = 64;             // connections in the server at once, waiting or answered
    unsigned threads = 4;               // threads answering them
};

class HttpServer {
public:
    HttpServer(Config config, HttpOptions options);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds to host:port (0: any free port); returns the port, or -1 when it cannot.
    int bind(const std::string& host, int port);
    // Serves until stop(); false when serving failed.
    bool serve();
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ntm::server
