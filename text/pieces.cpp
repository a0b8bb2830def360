// TextPieces (text/pieces.hpp): a file read a piece at a time, each piece checked as
// read_text_file() checks the whole.
#include "text/pieces.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

#include "text/utf8.hpp"

namespace ntm::text {

TextPieces::TextPieces(std::string path, SizeLimit limit, Cut cut, std::size_t piece_bytes)
    : path_(std::move(path)), limit_(std::move(limit)), cut_(cut), piece_bytes_(std::max<std::size_t>(piece_bytes, 1)) {}

TextPieces::~TextPieces() {
    if (fd_ >= 0) ::close(fd_);
}

bool TextPieces::open(std::vector<Problem>& problems) {
    // As read_text_file opens it: without waiting, and checked by the descriptor.
    fd_ = ::open(path_.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0 || !stat_file() || version_.size > limit_.bytes || (again_ && version_ != seen_)) {
        fail(problems);
        return false;
    }
    return true;
}

bool TextPieces::stat_file() {
    struct ::stat st {};
    if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) return false;
    version_ = {static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino),
                static_cast<std::uint64_t>(st.st_size), static_cast<std::int64_t>(st.st_mtim.tv_sec),
                static_cast<std::int64_t>(st.st_mtim.tv_nsec)};
    return true;
}

std::optional<std::string_view> TextPieces::fail(std::vector<Problem>& problems) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    buf_.release();
    // The file read whole, to be told about as it always is; read well this time, it changed
    // while it was read.
    if (read_text_file(path_, problems, limit_)) {
        problems.push_back(file_problem(path_, say("file.cannot_read", reason_text("input/output error"))));
    }
    return std::nullopt;
}

bool TextPieces::fill(std::size_t n) {
    // Never more than one byte past the limit, as read_text_file reads.
    const std::uint64_t bound =
        limit_.bytes == std::numeric_limits<std::uint64_t>::max() ? limit_.bytes : limit_.bytes + 1;
    n = static_cast<std::size_t>(std::min<std::uint64_t>(n, bound - std::min(read_, bound)));
    if (n == 0) {
        eof_ = true;  // at the bound: the caller sees the size over the limit
        return true;
    }
    char* room = buf_.room(n);
    ::ssize_t got = 0;
    do {
        got = ::read(fd_, room, n);
    } while (got < 0 && errno == EINTR);
    if (got < 0) return false;
    buf_.add(static_cast<std::size_t>(got));
    read_ += static_cast<std::uint64_t>(got);
    eof_ = got == 0;
    return true;
}

char* TextPieces::Bytes::room(std::size_t n) {
    if (capacity_ - size_ < n) {
        const std::size_t capacity = std::max(size_ + n, 2 * capacity_);
        auto more = std::make_unique_for_overwrite<char[]>(capacity);
        if (size_ != 0) std::memcpy(more.get(), data_.get(), size_);
        data_ = std::move(more);
        capacity_ = capacity;
    }
    return data_.get() + size_;
}

void TextPieces::Bytes::drop_front(std::size_t n) {
    if (n == 0) return;
    if (n < size_) std::memmove(data_.get(), data_.get() + n, size_ - n);
    size_ -= std::min(n, size_);
}

std::optional<std::string_view> TextPieces::next(std::vector<Problem>& problems) {
    if (fd_ < 0 && !eof_) return fail(problems);  // not opened
    buf_.drop_front(given_);
    given_ = 0;
    const std::size_t least = started_ ? piece_bytes_ : std::max<std::size_t>(piece_bytes_, 3);
    while (!eof_ && buf_.size() < least) {
        if (!fill(least - buf_.size()) || read_ > limit_.bytes) return fail(problems);
    }
    if (!started_) {
        started_ = true;
        if (buf_.view().substr(0, 3) == "\xEF\xBB\xBF") buf_.drop_front(3);
    }
    // Where the piece may end: after the last LF, or the last byte below 0x80.
    const auto cut_after = [&](std::size_t from) -> std::size_t {
        const std::string_view held = buf_.view().substr(from);
        if (cut_ == Cut::line) {
            const std::size_t lf = held.rfind('\n');
            return lf == std::string_view::npos ? 0 : from + lf + 1;
        }
        for (std::size_t i = held.size(); i > 0; --i) {
            if (static_cast<unsigned char>(held[i - 1]) < 0x80) return from + i;
        }
        return 0;
    };
    std::size_t end = buf_.size();
    for (std::size_t from = 0; !eof_;) {
        if ((end = cut_after(from)) != 0) break;
        from = buf_.size();
        // A line longer than the piece: read on until it ends (twice as much each time).
        if (!fill(std::max(piece_bytes_, buf_.size())) || read_ > limit_.bytes) return fail(problems);
        end = buf_.size();
    }
    if (read_ > limit_.bytes) return fail(problems);
    const std::string_view piece = buf_.view().substr(0, end);
    if (again_) {
        // Checked when it was first read, if it is still that file: written to since, it is
        // read again whole to be told about (or as a file that cannot be read).
        if (eof_ && end == buf_.size() && (!stat_file() || version_ != seen_ || read_ != seen_.size)) return fail(problems);
    } else if (invalid_utf8_at(piece) != std::string_view::npos) {
        return fail(problems);
    }
    given_ = end;
    return piece;
}

}  // namespace ntm::text
