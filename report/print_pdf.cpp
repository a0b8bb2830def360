#include "report/print_pdf.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iterator>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <optional>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "text/files.hpp"

namespace ntm::report {

namespace {

namespace fs = std::filesystem;

bool executable(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

// The last lines of Chromium's output, to say why it failed.
std::string log_tail(const fs::path& log) {
    std::ifstream in(log);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) lines.push_back(line);
    }
    std::string out;
    for (std::size_t i = lines.size() > 3 ? lines.size() - 3 : 0; i < lines.size(); ++i) {
        out += (out.empty() ? "" : " | ") + lines[i].substr(0, 200);
    }
    return out;
}

// Runs Chromium with `args`, its output to `log`, in a process group of its own (the Debian
// `chromium` is a script that starts the browser, which starts more processes: a timeout ends
// them all).  The exit code; -1 when it could not be started, -2 after a timeout.
int run(const std::string& chromium, const std::vector<std::string>& args, const fs::path& log, const fs::path& home,
        int timeout_seconds) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(chromium.c_str()));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        ::setpgid(0, 0);
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            ::dup2(fd, 1);
            ::dup2(fd, 2);
            ::close(fd);
        }
        const int null = ::open("/dev/null", O_RDONLY);
        if (null >= 0) ::dup2(null, 0);
        ::setenv("HOME", home.c_str(), 1);  // Chromium writes under $HOME: keep it in the folder
        ::execv(chromium.c_str(), argv.data());
        ::_exit(127);
    }
    ::setpgid(pid, pid);
    int status = 0;
    for (int waited_ms = 0;; waited_ms += 50) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0) return -1;
        if (waited_ms >= timeout_seconds * 1000) {
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return -2;
        }
        ::usleep(50 * 1000);
    }
    ::kill(-pid, SIGKILL);  // what the browser may have left behind in its group
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

std::string find_chromium() {
    if (const char* set = std::getenv("NTM_CHROMIUM"); set != nullptr && *set != '\0') {
        return executable(set) ? std::string(set) : std::string();
    }
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path == nullptr ? "/usr/bin:/bin" : path);
    std::vector<std::string> on_path;
    for (std::string dir; std::getline(dirs, dir, ':');) on_path.push_back(dir.empty() ? "." : dir);
    for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
        for (const std::string& dir : on_path) {
            if (executable(fs::path(dir) / name)) return (fs::path(dir) / name).string();
        }
    }
    return {};
}

std::variant<std::string, PdfError> print_pdf(const std::string& html, const std::string& temp_parent,
                                              int timeout_seconds) {
    using Kind = PdfError::Kind;
    const std::string chromium = find_chromium();
    if (chromium.empty()) return PdfError{Kind::no_browser, {}, text::say("pdf.no_chromium")};
    std::string pattern = (fs::path(temp_parent) / "ntm-pdf-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        return PdfError{Kind::failed, {}, text::say("pdf.temp_failed", text::reason_text(std::strerror(errno)))};
    }
    const fs::path dir(pattern);
    struct Cleanup {
        fs::path dir;
        ~Cleanup() {
            std::error_code ignored;
            fs::remove_all(dir, ignored);
        }
    } cleanup{dir};
    const fs::path page = dir / "bao-cao.html", pdf = dir / "bao-cao.pdf", log = dir / "chromium.log";
    if (const std::optional<text::Message> why = text::write_file(page.string(), html)) {
        return PdfError{Kind::failed, page.string(), *why};
    }
    // No sandbox: the page is our own, with no script from elsewhere and no network, and the
    // sandbox cannot start as root nor in many containers.
    const std::vector<std::string> args = {
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
        "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + (dir / "profile").string(),
        "--no-pdf-header-footer", "--print-to-pdf=" + pdf.string(), "file://" + page.string()};
    const int rc = run(chromium, args, log, dir, timeout_seconds);
    if (rc == -2) return PdfError{Kind::timeout, {}, text::say("pdf.chromium_timeout", timeout_seconds)};
    if (rc != 0) return PdfError{Kind::failed, chromium, text::say("pdf.chromium_failed", rc, log_tail(log))};
    std::ifstream in(pdf, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.rfind("%PDF", 0) != 0) return PdfError{Kind::failed, chromium, text::say("pdf.no_output")};
    return bytes;
}

}  // namespace ntm::report
