#include "dsl/load.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <utf8proc.h>

namespace ntm::dsl {

namespace fs = std::filesystem;

std::vector<std::string> find_rule_files(const std::vector<std::string>& paths,
                                         std::vector<IoError>& io_errors) {
    std::vector<std::string> files;
    for (const std::string& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<std::string> found;
            for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
                 it.increment(ec)) {
                if (it->is_regular_file() && it->path().extension() == ".ntm") found.push_back(it->path().string());
            }
            if (ec) io_errors.push_back({p, fmt::format("cannot read directory: {}", ec.message())});
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::exists(p, ec)) {
            files.push_back(p);
        } else {
            io_errors.push_back({p, "no such file or directory"});
        }
    }
    return files;
}

namespace {

// Offset of the first byte that is not well-formed UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                        static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        if (n <= 0) return i;
        i += static_cast<std::size_t>(n);
    }
    return std::string_view::npos;
}

std::string nfc(std::string_view text) {
    utf8proc_uint8_t* out = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(std::string(text).c_str()));
    if (out == nullptr) return std::string(text);
    std::string s(reinterpret_cast<char*>(out));
    std::free(out);
    return s;
}

// Reports the first place where the text is not in NFC: the letter and its combining marks.
void check_nfc(const SourceManager& sources, FileId file, Diagnostics& diags) {
    const std::string_view text = sources.file(file).text;
    std::size_t line_start = 0;
    while (line_start < text.size()) {
        std::size_t line_end = text.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = text.size();
        const std::string_view line = text.substr(line_start, line_end - line_start);
        if (nfc(line) != line) {
            // Find the first code point that starts a decomposed sequence.
            std::size_t begin = 0;
            for (std::size_t i = 0; i < line.size();) {
                utf8proc_int32_t cp = 0;
                const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(line.data() + i),
                                                static_cast<utf8proc_ssize_t>(line.size() - i), &cp);
                const auto* prop = utf8proc_get_property(cp);
                if (prop->combining_class == 0) begin = i;
                const std::size_t next = i + static_cast<std::size_t>(n);
                if (nfc(line.substr(0, next)) != line.substr(0, next)) {
                    std::size_t end = next;
                    while (end < line.size()) {  // include the marks that follow
                        const auto m = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(line.data() + end),
                                                        static_cast<utf8proc_ssize_t>(line.size() - end), &cp);
                        if (utf8proc_get_property(cp)->combining_class == 0) break;
                        end += static_cast<std::size_t>(m);
                    }
                    const auto b = static_cast<std::uint32_t>(line_start + begin);
                    const auto e = static_cast<std::uint32_t>(line_start + end);
                    diags.error("E0003", {file, b, e},
                                fmt::format("text is not in Unicode NFC form: '{}' is written with combining marks",
                                            nfc(line.substr(begin, end - begin))))
                        .help = fmt::format("run 'ntm fmt {}' to rewrite the file in NFC", sources.file(file).path);
                    return;
                }
                i = next;
            }
        }
        line_start = line_end + 1;
    }
}

}  // namespace

std::optional<std::string> read_text_file(const std::string& path, std::vector<IoError>& io_errors) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        io_errors.push_back({path, "cannot open file"});
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    if (const std::size_t bad = invalid_utf8_at(text); bad != std::string::npos) {
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
        io_errors.push_back({path, fmt::format("line {}: not valid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
                                               line, static_cast<unsigned char>(text[bad]))});
        return std::nullopt;
    }
    return text;
}

std::string to_nfc(std::string_view text) { return nfc(text); }

Module load_rules(const std::vector<std::string>& files, SourceManager& sources, Diagnostics& diags,
                  NodeIds& ids, std::vector<IoError>& io_errors) {
    Module module;
    for (const std::string& path : files) {
        auto text = read_text_file(path, io_errors);
        if (!text) continue;
        const FileId id = sources.add(path, std::move(*text));
        check_nfc(sources, id, diags);
        module.files.push_back(parse_file(id, sources, diags, ids));
    }
    return module;
}

}  // namespace ntm::dsl
