#include "dsl/source.hpp"

#include <algorithm>
#include <utf8proc.h>

namespace ntm::dsl {

FileId SourceManager::add(std::string path, std::string text) {
    SourceFile f{std::move(path), std::move(text), {0}};
    for (std::uint32_t i = 0; i < f.text.size(); ++i) {
        if (f.text[i] == '\n') f.line_starts.push_back(i + 1);
    }
    files_.push_back(std::move(f));
    return static_cast<FileId>(files_.size() - 1);
}

LineCol SourceManager::locate(FileId id, std::uint32_t offset) const {
    const SourceFile& f = file(id);
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(f.text.size()));
    auto it = std::upper_bound(f.line_starts.begin(), f.line_starts.end(), offset);
    const auto line = static_cast<std::uint32_t>(it - f.line_starts.begin());
    const std::uint32_t start = f.line_starts[line - 1];
    return {line, 1 + display_width(std::string_view(f.text).substr(start, offset - start))};
}

std::string_view SourceManager::line_text(FileId id, std::uint32_t line) const {
    const SourceFile& f = file(id);
    if (line == 0 || line > f.line_starts.size()) return {};
    const std::uint32_t start = f.line_starts[line - 1];
    std::uint32_t end = line < f.line_starts.size() ? f.line_starts[line] - 1
                                                     : static_cast<std::uint32_t>(f.text.size());
    if (end > start && f.text[end - 1] == '\r') --end;
    return std::string_view(f.text).substr(start, end - start);
}

std::string_view SourceManager::text(Span span) const {
    const SourceFile& f = file(span.file);
    return std::string_view(f.text).substr(span.begin, span.end - span.begin);
}

std::uint32_t display_width(std::string_view utf8) {
    std::uint32_t n = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        utf8proc_int32_t cp = 0;
        const auto len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data() + i),
                                          static_cast<utf8proc_ssize_t>(utf8.size() - i), &cp);
        if (len <= 0) {  // an invalid byte takes one column
            ++n;
            ++i;
            continue;
        }
        // Combining marks take no column of their own; wide characters take two.
        n += cp < 0x80 ? 1 : static_cast<std::uint32_t>(std::max(0, utf8proc_charwidth(cp)));
        i += static_cast<std::size_t>(len);
    }
    return n;
}

}  // namespace ntm::dsl
