// ntm_bench_limit FILE.csv YEAR [THREADS] [--once]: the hand-written limit (limit.hpp) over a
// data file.  With --once, each evaluation runs once (for timing the whole process, as `ntm eval`
// is timed: on every core only); else five times, and the median is printed.
//
// Prints, one "key value" per line (scripts/bench.sh reads them):
//   bytes N                  the file's size
//   load_seconds S           mmap, read the communes of YEAR into arrays
//   eval1_seconds S          the 19 criteria of every commune, 1 thread (median of 5 runs)
//   evaln_seconds S          the same on THREADS threads (default: every core)
//   threads N
//   peak_rss_kb N            the process's peak resident memory
//   checksum communes=… all=… met=… unknown=…   what ntm_bench compares with the engine's
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <thread>
#include <vector>

#include "bench/limit.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

template <class F>
double median_seconds(int runs, F&& run) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        run();
        times.push_back(seconds_since(start));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    const auto once = std::find(args.begin(), args.end(), "--once");
    const int runs = once == args.end() ? 5 : 1;
    if (once != args.end()) args.erase(once);
    if (args.size() < 2 || args.size() > 3) {
        std::fprintf(stderr, "usage: ntm_bench_limit FILE.csv YEAR [THREADS] [--once]\n");
        return 2;
    }
    const std::string path = args[0];
    const int year = std::atoi(args[1].c_str());
    const unsigned threads = args.size() > 2 ? static_cast<unsigned>(std::atoi(args[2].c_str()))
                                             : std::max(1u, std::thread::hardware_concurrency());
    try {
        const auto start = Clock::now();
        const int fd = open(path.c_str(), O_RDONLY);
        struct stat st {};
        if (fd < 0 || fstat(fd, &st) != 0) {
            std::perror(path.c_str());
            return 2;
        }
        const auto size = static_cast<std::size_t>(st.st_size);
        void* map = size == 0 ? nullptr : mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (map == MAP_FAILED) {
            std::perror(path.c_str());
            return 2;
        }
        madvise(map, size, MADV_SEQUENTIAL);
        const ntm::bench::Communes communes =
            ntm::bench::read_communes(std::string_view(static_cast<const char*>(map), size), year);
        const double load = seconds_since(start);
        munmap(map, size);
        close(fd);

        ntm::bench::Checksum one, many;
        // Once: as `ntm eval` does, one evaluation on every core (eval1_seconds is then 0).
        const double eval1 = runs == 1 ? 0 : median_seconds(runs, [&] { one = ntm::bench::evaluate(communes, 1); });
        const double evaln = median_seconds(runs, [&] { many = ntm::bench::evaluate(communes, threads); });
        if (runs == 1) one = many;
        if (!(one == many)) {
            std::fprintf(stderr, "ntm_bench_limit: 1 thread and %u threads disagree\n", threads);
            return 1;
        }
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::printf("bytes %zu\nload_seconds %.6f\neval1_seconds %.6f\nevaln_seconds %.6f\nthreads %u\n"
                    "peak_rss_kb %ld\nchecksum %s\n",
                    size, load, eval1, evaln, threads, usage.ru_maxrss, one.line().c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ntm_bench_limit: %s: %s\n", path.c_str(), e.what());
        return 2;
    }
}
