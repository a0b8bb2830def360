#include "dsl/load.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <utf8proc.h>

#include "text/files.hpp"
#include "text/utf8.hpp"

namespace ntm::dsl {

namespace fs = std::filesystem;

std::vector<std::string> find_rule_files(const std::vector<std::string>& paths,
                                         std::vector<text::Problem>& io_errors) {
    std::vector<std::string> files;
    for (const std::string& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<std::string> found;
            for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
                 it.increment(ec)) {
                if (it->is_regular_file() && it->path().extension() == ".ntm") found.push_back(it->path().string());
            }
            if (ec) io_errors.push_back(text::file_problem(p, fmt::format("cannot read directory: {}", ec.message())));
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::exists(p, ec)) {
            files.push_back(p);
        } else {
            io_errors.push_back(text::file_problem(p, "no such file or directory"));
        }
    }
    return files;
}

namespace {

using text::to_nfc;

// Reports the first place where the text is not in NFC: the letter and its combining marks.
void check_nfc(const SourceManager& sources, FileId file, Diagnostics& diags) {
    const std::string_view text = sources.file(file).text;
    std::size_t line_start = 0;
    while (line_start < text.size()) {
        std::size_t line_end = text.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = text.size();
        const std::string_view line = text.substr(line_start, line_end - line_start);
        if (to_nfc(line) != line) {
            // Find the first code point that starts a decomposed sequence.
            std::size_t begin = 0;
            for (std::size_t i = 0; i < line.size();) {
                utf8proc_int32_t cp = 0;
                const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(line.data() + i),
                                                static_cast<utf8proc_ssize_t>(line.size() - i), &cp);
                const auto* prop = utf8proc_get_property(cp);
                if (prop->combining_class == 0) begin = i;
                const std::size_t next = i + static_cast<std::size_t>(n);
                if (to_nfc(line.substr(0, next)) != line.substr(0, next)) {
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
                                            to_nfc(line.substr(begin, end - begin))))
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

Module load_rules(const std::vector<std::string>& files, SourceManager& sources, Diagnostics& diags,
                  NodeIds& ids, std::vector<text::Problem>& io_errors) {
    Module module;
    for (const std::string& path : files) {
        auto text = ntm::text::read_text_file(path, io_errors);
        if (!text) continue;
        const FileId id = sources.add(path, std::move(*text));
        check_nfc(sources, id, diags);
        module.files.push_back(parse_file(id, sources, diags, ids));
    }
    return module;
}

}  // namespace ntm::dsl
