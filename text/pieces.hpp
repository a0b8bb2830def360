// A text file read a piece at a time, for the readers of large data files: what read_text_file()
// gives whole (text/files.hpp), in pieces of about a mebibyte, so that the file is never held in
// memory at once.  Each piece ends where a line ends (after an LF) or after any byte below 0x80,
// as asked: a UTF-8 sequence never runs over two pieces, and each piece is checked as it is read.
//
// Whatever goes wrong — the file cannot be opened or read, is no regular file, is over the
// limit, is not UTF-8 — the problem is the one read_text_file() gives for the file (it is then
// read whole once more, to say so in its words: the line and letter of the first bad byte, the
// legacy encoding the file looks like).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/files.hpp"
#include "text/problem.hpp"

namespace ntm::text {

class TextPieces {
public:
    enum class Cut : std::uint8_t { line, ascii };  // a piece ends after an LF, or after a byte < 0x80
    static constexpr std::size_t kPieceBytes = std::size_t{1} << 20;

    // `piece_bytes`: the least a piece holds, unless the file ends first (tests read in pieces of
    // a few bytes).
    TextPieces(std::string path, SizeLimit limit, Cut cut, std::size_t piece_bytes = kPieceBytes);
    ~TextPieces();
    TextPieces(const TextPieces&) = delete;
    TextPieces& operator=(const TextPieces&) = delete;

    // Opens the file after the checks of check_input_file(); false, with the problem, if it cannot.
    bool open(std::vector<Problem>& problems);

    // What tells a file's bytes unchanged: the file (device, inode), its size and the time it was
    // last written to, to the nanosecond.
    struct Version {
        std::uint64_t device = 0, inode = 0, size = 0;
        std::int64_t seconds = 0, nanoseconds = 0;
        bool operator==(const Version&) const = default;
    };
    // The file as open() found it.
    const Version& version() const { return version_; }
    // The file read again, as `seen` when it was read and checked before: its pieces are not
    // checked again, and open() and the end of the file fail when it is not that version (it
    // was written to meanwhile), as a file that cannot be read.
    void read_again(const Version& seen) {
        again_ = true;
        seen_ = seen;
    }
    // The next piece (valid until the next call), empty at the end; nullopt, with the problem,
    // when the file cannot be read on.  A leading BOM is dropped.
    std::optional<std::string_view> next(std::vector<Problem>& problems);

private:
    // The problem read_text_file() gives, added to `problems`; nullopt always.
    std::optional<std::string_view> fail(std::vector<Problem>& problems);
    // Reads up to `n` more bytes after the held ones; false on a read error.
    bool fill(std::size_t n);
    // Reads the file's Version; false when it is no regular file or cannot be read.
    bool stat_file();

    std::string path_;
    SizeLimit limit_;
    Cut cut_;
    std::size_t piece_bytes_;
    int fd_ = -1;
    // Bytes read: [given_, size) not yet given.  Not zeroed before read() fills them.
    class Bytes {
    public:
        std::size_t size() const { return size_; }
        std::string_view view() const { return {data_.get(), size_}; }
        // Room for `n` bytes after the held ones; add() counts those filled.
        char* room(std::size_t n);
        void add(std::size_t n) { size_ += n; }
        void drop_front(std::size_t n);
        void release() {
            data_.reset();
            size_ = capacity_ = 0;
        }

    private:
        std::unique_ptr<char[]> data_;
        std::size_t size_ = 0, capacity_ = 0;
    };
    Bytes buf_;
    std::size_t given_ = 0;     // the bytes at the front that the last piece held
    std::uint64_t read_ = 0;    // bytes read from the file so far
    bool eof_ = false, started_ = false;
    Version version_{}, seen_{};
    bool again_ = false;
};

}  // namespace ntm::text
