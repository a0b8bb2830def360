#include <fmt/format.h>
#include <fstream>

#include "cli/commands.hpp"
#include "dsl/formatter.hpp"
#include "dsl/load.hpp"

namespace ntm::cli {

namespace {

bool write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    return static_cast<bool>(out);
}

}  // namespace

// Formats each file on its own: a file that does not parse is reported and left unchanged.
// The text is normalised to NFC before parsing, so `fmt` also repairs decomposed accents.
int run_fmt(const FmtArgs& args) {
    std::vector<dsl::IoError> io_errors;
    const std::vector<std::string> files = dsl::find_rule_files(args.paths, io_errors);
    dsl::SourceManager sources;
    dsl::Diagnostics diags;
    dsl::NodeIds ids;
    std::vector<std::string> changed;
    for (const std::string& path : files) {
        const auto text = dsl::read_text_file(path, io_errors);
        if (!text) continue;
        const dsl::FileId id = sources.add(path, dsl::to_nfc(*text));
        const std::size_t errors_before = diags.error_count();
        const dsl::RuleFile file = dsl::parse_file(id, sources, diags, ids);
        if (diags.error_count() != errors_before) continue;
        const std::string formatted = dsl::format(file, sources);
        if (formatted == *text) continue;
        changed.push_back(path);
        if (!args.check && !write_file(path, formatted)) io_errors.push_back({path, "cannot write file"});
    }
    diags.sort();
    for (const auto& e : io_errors) fmt::print(stderr, "{}: error: {}\n", e.path, e.message);
    fmt::print(stderr, "{}", dsl::render_all(diags, sources, color_stderr()));
    if (diags.has_errors()) fmt::print(stderr, "{}; files with errors were left unchanged\n", dsl::summary(diags));
    for (const auto& path : changed) fmt::print("{}{}\n", path, args.check ? "" : ": formatted");
    if (!io_errors.empty()) return kExitUsage;
    if (diags.has_errors() || (args.check && !changed.empty())) return kExitRules;
    return kExitOk;
}

}  // namespace ntm::cli
