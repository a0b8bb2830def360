#include "text/files.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "text/utf8.hpp"

namespace ntm::text {

std::optional<std::string> read_text_file(const std::string& path, std::vector<Problem>& problems) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        problems.push_back(file_problem(path, "cannot open file"));
        return std::nullopt;
    }
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    if (const std::size_t bad = invalid_utf8_at(text); bad != std::string::npos) {
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
        problems.push_back(file_problem(path, fmt::format("line {}: not valid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
                                                          line, static_cast<unsigned char>(text[bad]))));
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

std::optional<std::string> commit_file(const std::string& temporary, const std::string& path) {
    std::error_code ec;
    // A file replaced keeps its permissions (a rule file only its owner may read stays so).
    const auto old = std::filesystem::status(path, ec);
    if (!ec && std::filesystem::exists(old)) std::filesystem::permissions(temporary, old.permissions(), ec);
    ec.clear();
    std::filesystem::rename(temporary, path, ec);
    if (!ec) return std::nullopt;
    discard_file(temporary);
    return ec.message();
}

std::optional<std::string> write_file(const std::string& path, std::string_view bytes) {
    const std::string temporary = temporary_path(path);
    std::FILE* f = std::fopen(temporary.c_str(), "wb");
    if (f == nullptr) return std::string(std::strerror(errno));
    const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() && std::fflush(f) == 0 &&
                         ::fsync(::fileno(f)) == 0;
    const int error = errno;
    if (std::fclose(f) != 0 || !written) {
        discard_file(temporary);
        return std::string(std::strerror(written ? errno : error));
    }
    return commit_file(temporary, path);
}

}  // namespace ntm::text
