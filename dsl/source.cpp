#include "dsl/source.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace ntm::dsl {

FileId SourceManager::add(std::string path, std::string text) {
    SourceFile f{std::move(path), std::move(text), {0}};
    for (std::uint32_t i = 0; i < f.text.size(); ++i) {
        if (f.text[i] == '\n') f.line_starts.push_back(i + 1);
    }
    files_.push_back(std::move(f));
    return static_cast<FileId>(files_.size() - 1);
}

std::uint32_t SourceManager::line_of(FileId id, std::uint32_t offset) const {
    const SourceFile& f = file(id);
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(f.text.size()));
    return static_cast<std::uint32_t>(std::upper_bound(f.line_starts.begin(), f.line_starts.end(), offset) - f.line_starts.begin());
}

LineCol SourceManager::locate(FileId id, std::uint32_t offset) const {
    const SourceFile& f = file(id);
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(f.text.size()));
    const std::uint32_t line = line_of(id, offset);
    const std::uint32_t start = f.line_starts[line - 1];
    return {line, 1 + text::display_width(std::string_view(f.text).substr(start, offset - start))};
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

}  // namespace ntm::dsl
