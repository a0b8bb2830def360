// ntm_bench_scale IN.csv N OUT.csv: a synthetic scale-up of a data file to N communes.
//
// IN is a file `ntm generate` wrote (one year, CSV).  OUT holds copies of its provinces,
// districts and communes, copy k with every code and parent code suffixed "_k" (copy 0 keeps the
// codes of IN), so that each copy is a whole hierarchy of its own; regions and values are IN's.
// Copies are written until N communes (type "Xã": the units the limit judges) are out: the last
// copy is cut short after its N-th commune, its remaining communes, wards and towns left out.
// Villages are left out of every copy: what is scaled is the number of communes, and the criteria
// of xa_ntm_2021 read no village.  The codes are none of the official lists': judge OUT with
// `--units none`.
//
// IN is mapped once and read again for each copy; OUT is streamed through a buffer to a
// temporary file beside it, renamed into place at the end (text/files.hpp): memory stays
// constant whatever N.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "text/files.hpp"

namespace {

enum class Kind { upper, commune, other_commune, village };

// The kind of a row by its `loại`, as data/vocabulary.cpp reads the types `ntm generate` writes.
Kind kind_of(std::string_view type) {
    if (type == "Xã") return Kind::commune;
    if (type == "Phường" || type == "Thị trấn" || type == "Đặc khu") return Kind::other_commune;
    for (const std::string_view upper : {"Tỉnh", "Thành phố trực thuộc trung ương", "Huyện", "Quận", "Thị xã",
                                         "Thành phố", "Thành phố thuộc tỉnh",
                                         "Thành phố thuộc thành phố trực thuộc trung ương"}) {
        if (type == upper) return Kind::upper;
    }
    return Kind::village;
}

// The raw fields of one line (quotes kept), and where the next line starts.
std::size_t split(std::string_view text, std::size_t at, std::vector<std::string_view>& fields) {
    fields.clear();
    std::size_t start = at;
    bool quoted = false;
    for (std::size_t i = at;; ++i) {
        if (i >= text.size() || (!quoted && (text[i] == ',' || text[i] == '\n'))) {
            std::string_view f = text.substr(start, i - start);
            if (!f.empty() && f.back() == '\r' && (i >= text.size() || text[i] == '\n')) f.remove_suffix(1);
            fields.push_back(f);
            if (i >= text.size() || text[i] == '\n') return i + 1;
            start = i + 1;
        } else if (text[i] == '"') {
            quoted = !quoted;
        }
    }
}

int column(const std::vector<std::string_view>& header, std::string_view name) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: ntm_bench_scale IN.csv N OUT.csv\n");
        return 2;
    }
    const std::string in_path = argv[1], out_path = argv[3];
    const long long wanted = std::atoll(argv[2]);
    const int fd = open(in_path.c_str(), O_RDONLY);
    struct stat st {};
    if (fd < 0 || fstat(fd, &st) != 0 || st.st_size == 0 || wanted <= 0) {
        std::fprintf(stderr, "ntm_bench_scale: %s: cannot read, or empty, or N not positive\n", in_path.c_str());
        return 2;
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    void* map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) {
        std::perror(in_path.c_str());
        return 2;
    }
    std::string_view text(static_cast<const char*>(map), size);
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::vector<std::string_view> fields;
    const std::size_t body = split(text, 0, fields);
    const std::string_view header_line = text.substr(0, body);
    const int code = column(fields, "mã"), parent = column(fields, "mã cấp trên"), type = column(fields, "loại");
    if (code < 0 || parent < 0 || type < 0) {
        std::fprintf(stderr, "ntm_bench_scale: %s: the header lacks mã, mã cấp trên or loại\n", in_path.c_str());
        return 2;
    }

    const std::string temporary = ntm::text::temporary_path(out_path);
    FILE* out = std::fopen(temporary.c_str(), "wb");
    if (out == nullptr) {
        std::perror(temporary.c_str());
        return 2;
    }
    static char buffer[1 << 20];
    std::setvbuf(out, buffer, _IOFBF, sizeof buffer);
    std::fwrite(header_line.data(), 1, header_line.size(), out);
    if (!header_line.ends_with('\n')) std::fputc('\n', out);
    long long communes = 0;
    for (long long copy = 0; communes < wanted; ++copy) {
        std::string suffix;
        if (copy > 0) suffix.append(1, '_').append(std::to_string(copy));
        const long long before = communes;
        for (std::size_t at = body; at < text.size();) {
            at = split(text, at, fields);
            if (fields.size() <= static_cast<std::size_t>(std::max({code, parent, type}))) continue;
            const Kind kind = kind_of(fields[static_cast<std::size_t>(type)]);
            if (kind == Kind::village) continue;
            if (kind != Kind::upper && communes >= wanted) continue;
            communes += kind == Kind::commune;
            for (std::size_t f = 0; f < fields.size(); ++f) {
                if (f > 0) std::fputc(',', out);
                std::fwrite(fields[f].data(), 1, fields[f].size(), out);
                const bool renamed = static_cast<int>(f) == code || (static_cast<int>(f) == parent && !fields[f].empty());
                if (renamed) std::fwrite(suffix.data(), 1, suffix.size(), out);
            }
            std::fputc('\n', out);
        }
        if (communes == before) {
            std::fprintf(stderr, "ntm_bench_scale: %s holds no commune (loại \"Xã\")\n", in_path.c_str());
            std::fclose(out);
            ntm::text::discard_file(temporary);
            return 2;
        }
    }
    const bool written = std::fflush(out) == 0 && std::ferror(out) == 0;
    if (std::fclose(out) != 0 || !written) {
        std::fprintf(stderr, "ntm_bench_scale: %s: cannot write\n", temporary.c_str());
        ntm::text::discard_file(temporary);
        return 2;
    }
    if (const auto reason = ntm::text::commit_file(temporary, out_path)) {
        std::fprintf(stderr, "ntm_bench_scale: %s: cannot write\n", out_path.c_str());
        return 2;
    }
    munmap(map, size);
    close(fd);
    std::printf("%lld communes\n", communes);
    return 0;
}
