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
            // recursive_directory_iterator does not follow links to directories by default.
            std::vector<std::string> found;
            for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
                 it.increment(ec)) {
                if (it->path().extension() != ".ntm") continue;
                std::error_code type_ec;
                if (it->is_directory(type_ec)) continue;
                found.push_back(it->path().string());
            }
            if (ec) io_errors.push_back(text::file_problem(p, say("rules.cannot_read_directory", ec.message())));
            std::sort(found.begin(), found.end());
            for (std::string& f : found) {
                if (text::check_input_file(f, io_errors)) files.push_back(std::move(f));
            }
        } else if (fs::exists(fs::symlink_status(p, ec))) {
            files.push_back(p);  // read_text_file says what is wrong with it, if anything
        } else {
            io_errors.push_back(text::file_problem(p, say("rules.no_such_file")));
        }
    }
    return files;
}

text::SizeLimit rule_file_limit(const text::Limits& limits) {
    return {limits.rule_file_bytes, "E0004", "rule-file-size"};
}

namespace {

using text::to_nfc;

// The code point at byte `i` of `text`, and the byte after it.
std::pair<utf8proc_int32_t, std::size_t> code_point_at(std::string_view text, std::size_t i) {
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                    static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    return {cp, i + static_cast<std::size_t>(n > 0 ? n : 1)};
}

bool starter(utf8proc_int32_t cp) { return utf8proc_get_property(cp)->combining_class == 0; }

// Reports the first place where the text is not in NFC: the letter and its combining marks.
// Each line is normalised once; the text before the first byte that normalisation changes is
// already in NFC, so the letter that is not starts at the last starter before that byte.
void check_nfc(const SourceManager& sources, FileId file, Diagnostics& diags) {
    const std::string_view all = sources.file(file).text;
    std::size_t line_start = 0;
    while (line_start < all.size()) {
        std::size_t line_end = all.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = all.size();
        const std::string_view line = all.substr(line_start, line_end - line_start);
        const std::string nfc = to_nfc(line);
        if (nfc != line) {
            const std::size_t differs =
                static_cast<std::size_t>(std::mismatch(line.begin(), line.end(), nfc.begin(), nfc.end()).first - line.begin());
            std::size_t begin = 0;
            std::size_t i = 0;
            while (i < line.size()) {  // the last starter at or before `differs`
                const auto [cp, next] = code_point_at(line, i);
                if (i > differs) break;
                if (starter(cp)) begin = i;
                i = next;
            }
            std::size_t end = code_point_at(line, begin).second;
            while (end < line.size()) {  // the marks that follow
                const auto [cp, next] = code_point_at(line, end);
                if (starter(cp)) break;
                end = next;
            }
            const auto b = static_cast<std::uint32_t>(line_start + begin);
            const auto e = static_cast<std::uint32_t>(line_start + end);
            diags.error("E0003", {file, b, e},
                        say("E0003", text::printable(to_nfc(line.substr(begin, end - begin)))))
                .help = say("E0003.help", text::printable(sources.file(file).path));
            return;
        }
        line_start = line_end + 1;
    }
}

}  // namespace

Module load_rules(const std::vector<std::string>& files, SourceManager& sources, Diagnostics& diags,
                  NodeIds& ids, std::vector<text::Problem>& io_errors, const text::Limits& limits,
                  const Overlay* overlay) {
    Module module;
    for (const std::string& path : files) {
        const auto edited = overlay != nullptr ? overlay->find(path) : Overlay::const_iterator{};
        auto text = overlay != nullptr && edited != overlay->end()
                        ? ntm::text::accept_text(edited->second, path, io_errors, rule_file_limit(limits))
                        : ntm::text::read_text_file(path, io_errors, rule_file_limit(limits));
        if (!text) continue;
        const FileId id = sources.add(path, std::move(*text));
        check_nfc(sources, id, diags);
        module.files.push_back(parse_file(id, sources, diags, ids, limits));
    }
    return module;
}

}  // namespace ntm::dsl
