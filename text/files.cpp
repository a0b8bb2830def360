#include "text/files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "text/encoding.hpp"
#include "text/utf8.hpp"

namespace ntm::text {

Message reason_text(std::string reason) {
    if (!reason.empty() && reason.back() == '.') reason.pop_back();
    if (!reason.empty() && reason.front() >= 'A' && reason.front() <= 'Z') reason.front() = static_cast<char>(reason.front() - 'A' + 'a');
    // The reasons of strerror() (glibc) and libxlsxwriter a user may meet, by their words.
    static constexpr std::pair<std::string_view, std::string_view> known[] = {
        {"no such file or directory", "reason.enoent"},  {"permission denied", "reason.eacces"},
        {"is a directory", "reason.eisdir"},             {"not a directory", "reason.enotdir"},
        {"no space left on device", "reason.enospc"},    {"read-only file system", "reason.erofs"},
        {"bad file descriptor", "reason.ebadf"},         {"file exists", "reason.eexist"},
        {"cannot allocate memory", "reason.enomem"},     {"too many open files", "reason.emfile"},
        {"broken pipe", "reason.epipe"},                 {"input/output error", "reason.eio"},
        {"file name too long", "reason.enametoolong"},   {"file too large", "reason.efbig"},
        {"disk quota exceeded", "reason.edquot"},        {"operation not permitted", "reason.eperm"},
        {"too many levels of symbolic links", "reason.eloop"},
    };
    for (const auto& [words, key] : known) {
        if (reason == words) return say(key);
    }
    return Message::same(std::move(reason));
}

namespace {

Message lowercase_reason(int error) { return reason_text(std::strerror(error)); }

// Flushes a written, closed file to the disk; the reason when it cannot.
std::optional<Message> sync_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return lowercase_reason(errno);
    const bool synced = ::fsync(fd) == 0;
    const int error = errno;
    ::close(fd);
    if (!synced) return lowercase_reason(error);
    return std::nullopt;
}

Problem too_large(const std::string& path, std::uint64_t size, const SizeLimit& limit) {
    Problem p = file_problem(path, say("file.too_large", size, limit.bytes));
    if (!limit.name.empty()) p.message += say("file.raise_limit", limit.name);
    p.code = limit.code;
    return p;
}

// What is wrong with a file of status `st` as an input, if anything.
std::optional<Problem> file_type_problem(const std::string& path, const struct ::stat& st, const SizeLimit& limit) {
    if (S_ISDIR(st.st_mode)) return file_problem(path, say("file.is_directory"));
    if (!S_ISREG(st.st_mode)) return file_problem(path, say("file.not_regular"));
    if (static_cast<std::uint64_t>(st.st_size) > limit.bytes) {
        return too_large(path, static_cast<std::uint64_t>(st.st_size), limit);
    }
    return std::nullopt;
}

Problem open_problem(const std::string& path, int error) {
    return file_problem(path, error == ENOENT ? say("file.no_such_file") : say("file.cannot_open", lowercase_reason(error)));
}

// Closes the descriptor when it goes out of scope.
struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

bool check_input_file(const std::string& path, std::vector<Problem>& problems, const SizeLimit& limit) {
    struct ::stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        problems.push_back(open_problem(path, errno));
        return false;
    }
    if (auto p = file_type_problem(path, st, limit)) {
        problems.push_back(std::move(*p));
        return false;
    }
    return true;
}

namespace {

// Where the first byte that is not UTF-8 is (line, and column in letters), and, when the bytes
// look like one, the legacy Vietnamese encoding the file is in, with how to convert it.
Message not_utf8(std::string_view text, std::size_t bad) {
    const std::size_t line_start = text.rfind('\n', bad == 0 ? 0 : bad - 1);
    const std::size_t from = line_start == std::string_view::npos || bad == 0 ? 0 : line_start + 1;
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(from), '\n');
    std::size_t column = 1;
    for (std::size_t i = from; i < bad; ++i) column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    const std::string byte = fmt::format("{:02X}", static_cast<unsigned char>(text[bad]));
    switch (const LegacyEncoding e = guess_legacy_encoding(text)) {
        case LegacyEncoding::cp1258:
            return say("file.not_utf8.cp1258", line, column, byte, std::string(legacy_name(e)));
        case LegacyEncoding::tcvn3:
        case LegacyEncoding::vni:
            return say("file.not_utf8.font", line, column, byte, std::string(legacy_name(e)),
                       std::string(legacy_name(e)));
        case LegacyEncoding::none:
            break;
    }
    return say("file.not_utf8", line, column, byte);
}

}  // namespace

std::optional<std::string> read_text_file(const std::string& path, std::vector<Problem>& problems,
                                          const SizeLimit& limit) {
    // Opened without waiting (a FIFO put in the file's place after a check would block the open)
    // and checked by the descriptor, so that what is read is what was checked.
    const Fd in{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
    struct ::stat st {};
    if (in.fd < 0) {
        // A directory cannot always be opened; say what it is rather than why.
        if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
            problems.push_back(file_problem(path, say("file.is_directory")));
        } else {
            problems.push_back(open_problem(path, errno));
        }
        return std::nullopt;
    }
    if (::fstat(in.fd, &st) != 0) {
        problems.push_back(open_problem(path, errno));
        return std::nullopt;
    }
    if (auto p = file_type_problem(path, st, limit)) {
        problems.push_back(std::move(*p));
        return std::nullopt;
    }
    // Read straight into the string, sized from the file's size: one byte more than the file
    // holds, so that the end is seen without growing it (a file that grows meanwhile still
    // grows the string, up to one byte past the limit).
    const std::uint64_t bound = limit.bytes == std::numeric_limits<std::uint64_t>::max() ? limit.bytes : limit.bytes + 1;
    std::string text(static_cast<std::size_t>(std::min<std::uint64_t>(static_cast<std::uint64_t>(st.st_size) + 1, bound)), '\0');
    std::size_t got = 0;
    while (got < bound) {
        if (got == text.size()) {
            text.resize(static_cast<std::size_t>(std::min<std::uint64_t>(bound, got + std::max<std::size_t>(got, 1 << 16))));
        }
        const ::ssize_t n = ::read(in.fd, text.data() + got, text.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            problems.push_back(file_problem(path, say("file.cannot_read", lowercase_reason(errno))));
            return std::nullopt;
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    text.resize(got);
    return accept_text(std::move(text), path, problems, limit);  // over the limit: the file grew while it was read
}

std::optional<std::string> accept_text(std::string text, const std::string& path, std::vector<Problem>& problems,
                                       const SizeLimit& limit) {
    if (text.size() > limit.bytes) {
        problems.push_back(too_large(path, text.size(), limit));
        return std::nullopt;
    }
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    if (const std::size_t bad = invalid_utf8_at(text); bad != std::string::npos) {
        problems.push_back(file_problem(path, not_utf8(text, bad)));
        return std::nullopt;
    }
    return text;
}

std::string temporary_path(const std::string& path) {
    // Beside the target, so that the rename stays within one file system; the process id keeps
    // two runs writing the same file apart.
    const std::filesystem::path p(path);
    const std::string name = fmt::format(".{}.{}.tmp", p.filename().string(), static_cast<long>(::getpid()));
    return (p.parent_path() / name).string();
}

void discard_file(const std::string& temporary) {
    std::error_code ec;
    std::filesystem::remove(temporary, ec);
}

std::optional<Message> commit_file(const std::string& temporary, const std::string& path) {
    if (auto why = sync_file(temporary)) {
        discard_file(temporary);
        return why;
    }
    std::error_code ec;
    // A file replaced keeps its permissions (a rule file only its owner may read stays so).
    const auto old = std::filesystem::status(path, ec);
    if (!ec && std::filesystem::exists(old)) std::filesystem::permissions(temporary, old.permissions(), ec);
    ec.clear();
    std::filesystem::rename(temporary, path, ec);
    if (!ec) return std::nullopt;
    discard_file(temporary);
    return reason_text(ec.message());
}

std::optional<Message> write_file(const std::string& path, std::string_view bytes) {
    const std::string temporary = temporary_path(path);
    std::FILE* f = std::fopen(temporary.c_str(), "wb");
    if (f == nullptr) return lowercase_reason(errno);
    const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() && std::fflush(f) == 0;
    const int error = errno;
    if (std::fclose(f) != 0 || !written) {
        discard_file(temporary);
        return lowercase_reason(written ? errno : error);
    }
    return commit_file(temporary, path);
}

FileStream::FileStream(const std::string& path) : path_(path), temporary_(temporary_path(path)) {
    file_ = std::fopen(temporary_.c_str(), "wb");
    if (file_ == nullptr) failed_ = lowercase_reason(errno);
}

FileStream::~FileStream() {
    if (done_ || file_ == nullptr) return;
    std::fclose(file_);
    discard_file(temporary_);
}

void FileStream::write(std::string_view bytes) {
    if (failed_ || file_ == nullptr || bytes.empty()) return;
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) failed_ = lowercase_reason(errno);
}

std::optional<Message> FileStream::commit() {
    done_ = true;
    if (file_ == nullptr) return failed_;  // never opened: no temporary to remove
    const bool flushed = !failed_ && std::fflush(file_) == 0;
    const int error = errno;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (failed_ || !flushed || !closed) {
        discard_file(temporary_);
        return failed_ ? failed_ : lowercase_reason(!flushed ? error : errno);
    }
    return commit_file(temporary_, path_);
}

}  // namespace ntm::text
