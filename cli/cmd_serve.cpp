// ntm serve: the API over HTTP (server/), on this machine's loopback unless asked otherwise.
#include <fmt/format.h>

#include <chrono>
#include <csignal>

#include "cli/commands.hpp"
#include "server/http.hpp"

namespace ntm::cli {

namespace {

struct ServeArgs {
    std::string rules;
    std::vector<std::string> data;
    int port = 8080;
    std::string bind = "127.0.0.1";
    bool remote = false;  // --allow-remote: an address other than the loopback
    std::string token;
    std::string units = "official";
    std::size_t max_body_mb = 64;
    unsigned max_busy = 64;
    unsigned max_seconds = 120;
    unsigned workers = 4;  // threads answering requests
    unsigned threads = 0;  // per evaluation
    text::Limits limits;
};

bool loopback(const std::string& host) {
    return host == "127.0.0.1" || host == "::1" || host == "localhost" || host.rfind("127.", 0) == 0;
}

server::HttpServer* serving = nullptr;  // stopped by SIGINT and SIGTERM

extern "C" void stop_serving(int) {
    if (serving != nullptr) serving->stop();
}

}  // namespace

int run_serve(const ServeArgs& args) {
    if (!loopback(args.bind)) {
        if (!args.remote || args.token.empty()) {
            print_error(text::say("serve.remote_needs_token", args.bind));
            return kExitUsage;
        }
        fmt::print(stderr, "{}\n", in_lang(text::say("serve.remote_warning", args.bind)));
    }
    for (const std::string& path : args.data) {
        std::vector<text::Problem> problems;
        if (!text::check_input_file(path, problems)) {
            fmt::print(stderr, "{}", text::render(problems, lang()));
            return kExitUsage;
        }
    }
    server::Config config;
    config.rules = args.rules;
    config.data = args.data;
    config.official_units = args.units != "none";
    config.limits = args.limits;
    config.threads = args.threads;
    config.max_time = std::chrono::seconds(args.max_seconds);
    server::HttpOptions options;
    options.token = args.token;
    options.max_body = args.max_body_mb << 20;
    options.max_busy = args.max_busy;
    options.threads = args.workers;
    server::HttpServer http(config, options);
    const int port = http.bind(args.bind, args.port);
    if (port < 0) {
        print_error(text::say("serve.cannot_bind", args.bind, args.port));
        return kExitUsage;
    }
    serving = &http;
    std::signal(SIGINT, stop_serving);
    std::signal(SIGTERM, stop_serving);
    fmt::print(stderr, "{}\n", in_lang(text::say("serve.listening", fmt::format("http://{}:{}/", args.bind, port))));
    std::fflush(stderr);
    const bool ok = http.serve();
    serving = nullptr;
    return ok ? kExitOk : kExitUsage;
}

void add_serve(CLI::App& app, Run& run) {
    auto args = std::make_shared<ServeArgs>();
    CLI::App* cmd = app.add_subcommand("serve", in_lang(text::say("cli.serve")));
    cmd->add_option("--rules", args->rules, in_lang(text::say("cli.serve.rules")))->required();
    cmd->add_option("--data", args->data, in_lang(text::say("cli.serve.data")));
    cmd->add_option("--port", args->port, in_lang(text::say("cli.serve.port")))->check(CLI::Range(0, 65535));
    cmd->add_option("--bind", args->bind, in_lang(text::say("cli.serve.bind")));
    cmd->add_flag("--allow-remote", args->remote, in_lang(text::say("cli.serve.allow_remote")));
    cmd->add_option("--token", args->token, in_lang(text::say("cli.serve.token")));
    cmd->add_option("--units", args->units, in_lang(text::say("cli.opt.units")))
        ->check(CLI::IsMember({"official", "none"}));
    cmd->add_option("--max-body-mb", args->max_body_mb, in_lang(text::say("cli.serve.max_body")))
        ->check(CLI::Range(1, 4096));
    cmd->add_option("--max-busy", args->max_busy, in_lang(text::say("cli.serve.max_busy")))->check(CLI::Range(1, 100000));
    cmd->add_option("--max-seconds", args->max_seconds, in_lang(text::say("cli.serve.max_seconds")))
        ->check(CLI::Range(1, 86400));
    cmd->add_option("--workers", args->workers, in_lang(text::say("cli.serve.threads")))->check(CLI::Range(1, 256));
    add_threads_option(*cmd, args->threads);
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_serve);
}

}  // namespace ntm::cli
