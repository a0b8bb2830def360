// A bounded load on `ntm serve` over loopback: the server started as users start it (its own
// process, `--port 0`), then C clients at once post evaluations of one data file until N are
// answered.  It prints the latency percentiles, the rate, and the server's resident memory after
// the warm-up, at its highest and at the end (read from /proc every 20 ms).  It fails (exit 1)
// when any request is not answered 200 with the same bytes as the first.  With --flat, the same
// load is sent twice, and it fails too when the server's memory grew from the first wave to the
// second (its highest or its end, by more than a quarter and 32 MiB): memory must stay flat, not
// grow with the requests served.  Otherwise it measures and does not judge the figures.
//   ntm_serve_load NTM RULES DATA YEAR [REQUESTS=200] [CLIENTS=200] [--flat]
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

// A process's resident memory, in MiB (VmRSS of /proc/PID/status).
double rss_mib(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("VmRSS:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
    }
    return 0;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(at, v.size() - 1)];
}

}  // namespace

// The port `ntm serve --port 0` chose, read from the line it writes to stderr; 0 when it has
// not said within 10 s.
int port_from(const std::string& log) {
    for (int i = 0; i < 100; ++i) {
        std::ifstream in(log);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (const auto at = text.find("http://127.0.0.1:"); at != std::string::npos) return std::atoi(text.c_str() + at + 17);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return 0;
}

int main(int argc, char** argv) {
    bool flat = false;  // --flat: the load twice, failing when memory grew from one to the next
    if (argc > 1 && std::string(argv[argc - 1]) == "--flat") {
        flat = true;
        --argc;
    }
    if (argc < 5) {
        std::fprintf(stderr, "usage: ntm_serve_load NTM RULES DATA YEAR [REQUESTS] [CLIENTS] [--flat]\n");
        return 2;
    }
    // Absolute: the server runs in a folder of its own.
    const auto absolute = [](const char* p) { return std::filesystem::absolute(p).string(); };
    const std::string ntm = absolute(argv[1]), rules = absolute(argv[2]), data = absolute(argv[3]), year = argv[4];
    const int requests = argc > 5 ? std::atoi(argv[5]) : 200;
    const int clients = argc > 6 ? std::atoi(argv[6]) : 200;
    if (requests < 1 || clients < 1) {
        std::fprintf(stderr, "ntm_serve_load: REQUESTS and CLIENTS must be at least 1\n");
        return 2;
    }

    // The server, in a folder of its own: every client waits its turn (--max-busy above the
    // clients), none is refused; one core per evaluation, the workers sharing the machine.
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("ntm-serve-load-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string log = (dir / "serve.log").string();
    const unsigned workers = std::max(2u, std::thread::hardware_concurrency());
    const std::string busy = std::to_string(clients + 8), threads = std::to_string(workers);
    const std::string redirect = "exec \"$0\" serve --rules \"$1\" --data \"$2\" --port 0 --threads 1 --workers \"$3\" "
                                 "--max-busy \"$4\" 2>\"$5\"";
    const char* args[] = {"sh", "-c", redirect.c_str(), ntm.c_str(), rules.c_str(), data.c_str(), threads.c_str(),
                          busy.c_str(), log.c_str(), nullptr};
    pid_t pid = 0;
    ::posix_spawn_file_actions_t actions;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
    if (::posix_spawn(&pid, "/bin/sh", &actions, nullptr, const_cast<char**>(args), environ) != 0) {
        std::fprintf(stderr, "ntm_serve_load: cannot start %s\n", ntm.c_str());
        return 2;
    }
    ::posix_spawn_file_actions_destroy(&actions);
    const auto stop = [&] {
        ::kill(pid, SIGTERM);
        int status = 0;
        ::waitpid(pid, &status, 0);
        std::filesystem::remove_all(dir);
        return WIFEXITED(status) && WEXITSTATUS(status) == 0;
    };
    const int port = port_from(log);
    if (port == 0) {
        std::fprintf(stderr, "ntm_serve_load: the server did not start\n");
        stop();
        return 2;
    }

    const std::string path = "/api/v1/evaluate?dataset=" + std::filesystem::path(data).filename().string() + "&year=" + year;
    auto ask = [&](std::size_t& hash, std::size_t& size) {
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(600, 0);
        c.set_connection_timeout(60, 0);
        const auto r = c.Post(path.c_str(), "", "text/plain");
        if (!r || r->status != 200) return false;
        hash = std::hash<std::string>{}(r->body);
        size = r->body.size();
        return true;
    };

    // Warm-up: one request, whose bytes every other answer must equal.
    std::size_t first = 0, bytes = 0;
    if (!ask(first, bytes)) {
        std::fprintf(stderr, "ntm_serve_load: the first request failed\n");
        stop();
        return 1;
    }
    const double warm = rss_mib(pid);

    // A wave: REQUESTS from CLIENTS at once; the server's highest memory sampled meanwhile.
    struct Wave {
        std::vector<double> latencies;
        double seconds = 0, peak = 0, end = 0;
        int failed = 0, differ = 0;
    };
    const auto wave = [&] {
        Wave w;
        std::atomic<int> next{0}, failed{0}, differ{0};
        std::atomic<bool> running{true};
        std::mutex lock;
        w.peak = rss_mib(pid);
        std::thread sampler([&] {
            while (running.load()) {
                const double now = rss_mib(pid);
                {
                    const std::lock_guard<std::mutex> hold(lock);
                    w.peak = std::max(w.peak, now);
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });
        const auto begin = Clock::now();
        std::vector<std::thread> threads_of_clients;
        for (int t = 0; t < clients; ++t) {
            threads_of_clients.emplace_back([&] {
                while (next.fetch_add(1) < requests) {
                    std::size_t hash = 0, size = 0;
                    const auto t0 = Clock::now();
                    const bool ok = ask(hash, size);
                    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
                    if (!ok) ++failed;
                    else if (hash != first || size != bytes) ++differ;
                    const std::lock_guard<std::mutex> hold(lock);
                    w.latencies.push_back(ms);
                }
            });
        }
        for (std::thread& t : threads_of_clients) t.join();
        w.seconds = std::chrono::duration<double>(Clock::now() - begin).count();
        running = false;
        sampler.join();
        w.end = rss_mib(pid);
        w.failed = failed.load();
        w.differ = differ.load();
        return w;
    };
    const auto print = [&](const Wave& w, const char* name) {
        std::printf("%srequests %d of %zu bytes each, clients at once %d, server workers %u, failed %d, different bytes %d\n",
                    name, requests, bytes, clients, workers, w.failed, w.differ);
        std::printf("%slatency ms: p50 %.0f, p90 %.0f, p99 %.0f, max %.0f; %.1f requests/s over %.1f s\n", name,
                    percentile(w.latencies, 0.5), percentile(w.latencies, 0.9), percentile(w.latencies, 0.99),
                    percentile(w.latencies, 1.0), static_cast<double>(requests) / w.seconds, w.seconds);
        std::printf("%sserver resident memory MiB: highest %.0f, at the end %.0f\n", name, w.peak, w.end);
    };

    std::printf("server resident memory after the warm-up: %.0f MiB\n", warm);
    const Wave one = wave();
    print(one, flat ? "wave 1: " : "");
    bool ok = one.failed == 0 && one.differ == 0;
    if (flat) {
        // The same load again: memory that grew with the requests served would show here.
        const Wave two = wave();
        print(two, "wave 2: ");
        ok = ok && two.failed == 0 && two.differ == 0;
        const auto grew = [](double before, double after) { return after > before * 1.25 + 32; };
        if (grew(one.peak, two.peak) || grew(one.end, two.end)) {
            std::printf("memory grew from one wave to the next (more than 25 %% and 32 MiB)\n");
            ok = false;
        }
    }
    const bool stopped = stop();
    if (!stopped) std::printf("the server did not stop cleanly on SIGTERM\n");
    return ok && stopped ? 0 : 1;
}
