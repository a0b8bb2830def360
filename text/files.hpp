// Files in and out.  Reading checks UTF-8; writing never leaves a half-written file behind:
// the bytes go to a temporary file beside the target, are flushed, and the temporary is
// renamed over the target, so a reader sees the old file or the new one, never a mix.
#pragma once

#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/message.hpp"
#include "text/problem.hpp"

namespace ntm::text {

// The most bytes a file may hold, and what a larger one is told: the problem's code ("E0004",
// "D0901") and the name of the limit that raises it (`--limit rule-file-size=N`).
struct SizeLimit {
    std::uint64_t bytes = std::numeric_limits<std::uint64_t>::max();
    std::string code{};
    std::string name{};
};

// Checks, without reading a byte, that `path` is a regular file (a symbolic link is followed)
// of at most `limit` bytes.  Otherwise adds one problem — "no such file", "is a directory",
// "is not a regular file" (a FIFO, a socket, a device such as /dev/zero), the size over the
// limit, or why it cannot be opened — and returns false.
bool check_input_file(const std::string& path, std::vector<Problem>& problems, const SizeLimit& limit = {});

// Reads a file as UTF-8 text (a leading BOM is dropped), after the checks of check_input_file;
// never more than `limit` bytes are read, even from a file that grows while it is read.  A file
// that cannot be read or is not UTF-8 is a problem (naming the line and the first bad byte),
// and nullopt.
std::optional<std::string> read_text_file(const std::string& path, std::vector<Problem>& problems,
                                          const SizeLimit& limit = {});

// Text that did not come from a file (a rule file's text sent to `ntm serve`), checked as
// read_text_file checks what it reads: at most `limit` bytes, a leading BOM dropped, UTF-8.
// `path` is the file it stands for, named in the problem.
std::optional<std::string> accept_text(std::string text, const std::string& path, std::vector<Problem>& problems,
                                       const SizeLimit& limit = {});

// A reason from the system or a library ("No such file or directory.") as messages write it:
// lowercase, no final period.
// In Vietnamese too for the reasons a user meets (no such file, permission denied, disk full…);
// any other as the system words it.
Message reason_text(std::string reason);

// Writes `bytes` to `path` atomically.  Returns the reason when it cannot ("permission
// denied"), having left `path` as it was.
std::optional<Message> write_file(const std::string& path, std::string_view bytes);

// For writers that open the file themselves (a workbook library): a temporary path beside
// `path` to write to, then commit_file() to rename it into place (or discard_file() to give
// up).  commit_file() flushes the temporary to the disk before renaming it, so that a crash never
// leaves an empty or partial file in place of the old one; it returns the reason when it
// cannot, and removes the temporary.
std::string temporary_path(const std::string& path);
std::optional<Message> commit_file(const std::string& temporary, const std::string& path);
void discard_file(const std::string& temporary);

// A file written a piece at a time, as write_file() writes one whole: into a temporary file
// beside `path`, renamed into place by commit().  Destroyed uncommitted, the temporary is removed
// and `path` left as it was.  Pieces go through a buffer of the C library: a large output is
// never held in memory.
class FileStream {
public:
    explicit FileStream(const std::string& path);
    ~FileStream();
    FileStream(const FileStream&) = delete;
    FileStream& operator=(const FileStream&) = delete;

    // Appends `bytes`.  After a failure (to open the temporary, to write), nothing more is
    // written and commit() gives the reason.
    void write(std::string_view bytes);
    // Closes the temporary, flushes it to the disk and renames it into place; the reason when it
    // cannot (then the temporary is removed).
    std::optional<Message> commit();

private:
    std::string path_, temporary_;
    std::FILE* file_ = nullptr;
    std::optional<Message> failed_;
    bool done_ = false;
};

}  // namespace ntm::text
