// fuzz_rules: the input is one rule file.  It is parsed, its diagnostics rendered and it is
// formatted (also a tree left by error recovery: the formatter prints it as far as it goes).
// When it parsed without errors, the formatter's contracts (dsl/formatter.hpp) must hold:
//   - the formatted text parses without errors, to the same tree (dsl/ast_dump.hpp dump());
//   - formatting it again gives the same text (idempotent);
//   - every comment is kept, once;
// then the file is checked, and compiled when the check found no error.  Anything else than a
// clean result or diagnostics is a crash.
//
// The text is prepared as `ntm fmt` prepares a file: bytes that are not UTF-8 are refused
// before parsing (text::read_text_file), a BOM is dropped, and the text is put in NFC.
#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/ast_dump.hpp"
#include "dsl/checker.hpp"
#include "dsl/diagnostics.hpp"
#include "dsl/formatter.hpp"
#include "dsl/parser.hpp"
#include "dsl/pipeline.hpp"
#include "engine/program.hpp"
#include "fuzz/support.hpp"
#include "text/utf8.hpp"

namespace {

using namespace ntm;

std::vector<std::string> comment_texts(const dsl::RuleFile& file) {
    std::vector<std::string> texts;
    for (const dsl::Comment& c : file.comments) texts.push_back(c.text);
    std::sort(texts.begin(), texts.end());
    return texts;
}

// The first line where `a` and `b` differ, with its number, for the crash message.
std::string first_difference(std::string_view a, std::string_view b) {
    std::size_t line = 1, start = 0;
    const std::size_t n = std::min(a.size(), b.size());
    std::size_t i = 0;
    for (; i < n && a[i] == b[i]; ++i) {
        if (a[i] == '\n') {
            ++line;
            start = i + 1;
        }
    }
    const auto line_of = [start](std::string_view s) {
        const std::size_t end = s.find('\n', start);
        return text::printable(s.substr(std::min(start, s.size()), end == std::string_view::npos ? end : end - start),
                               300);
    };
    return fmt::format("first difference at line {}:\n  before: {}\n  after:  {}", line, line_of(a), line_of(b));
}

// Shows the input, the formatted text and what went wrong, and aborts.
[[noreturn]] void round_trip_failed(std::string_view what, std::string_view input, std::string_view formatted,
                                    std::string_view detail) {
    ntm::fuzz::fail("rules", what,
                    fmt::format("--- input\n{}\n--- formatted\n{}\n--- {}", text::printable(input, 2000),
                                text::printable(formatted, 2000), detail));
}

// Every diagnostic's message, notes and help are text for a user (fuzz::check_message).
void check_diagnostics(const dsl::Diagnostics& diags, const dsl::SourceManager& sources) {
    for (const dsl::Diagnostic& d : diags.items()) {
        for (const text::Lang lang : {text::Lang::vi, text::Lang::en}) {
            const std::string shown = dsl::render(d, sources, false, lang);
            ntm::fuzz::check_message("rules", d.message.in(lang), shown);
            for (const dsl::Note& n : d.notes) ntm::fuzz::check_message("rules", n.message.in(lang), shown);
            if (d.help) ntm::fuzz::check_message("rules", d.help->in(lang), shown);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto read = ntm::fuzz::as_read({reinterpret_cast<const char*>(data), size});
    if (!read) return 0;
    const std::string input = text::to_nfc(*read);

    auto rules = std::make_unique<dsl::Rules>();
    const dsl::FileId id = rules->sources.add("fuzz.ntm", input);
    dsl::RuleFile file = dsl::parse_file(id, rules->sources, rules->diags, rules->ids);
    rules->diags.sort();
    (void)dsl::render_all(rules->diags, rules->sources, false, text::Lang::vi);
    check_diagnostics(rules->diags, rules->sources);
    const std::string formatted = dsl::format(file, rules->sources);
    if (rules->diags.has_errors()) return 0;

    // The formatter's contracts.
    dsl::Diagnostics again_diags;
    const dsl::FileId again_id = rules->sources.add("fuzz.ntm (formatted)", formatted);
    const dsl::RuleFile again = dsl::parse_file(again_id, rules->sources, again_diags, rules->ids);
    if (again_diags.has_errors()) {
        again_diags.sort();
        round_trip_failed("the formatted text does not parse", input, formatted,
                          dsl::render_all(again_diags, rules->sources, false, text::Lang::vi));
    }
    const std::string tree = dsl::dump(file), tree_again = dsl::dump(again);
    if (tree != tree_again) {
        round_trip_failed("the formatted text parses to another tree", input, formatted,
                          first_difference(tree, tree_again));
    }
    const std::string formatted_again = dsl::format(again, rules->sources);
    if (formatted_again != formatted) {
        round_trip_failed("formatting is not idempotent", input, formatted,
                          first_difference(formatted, formatted_again));
    }
    if (comment_texts(again) != comment_texts(file)) {
        round_trip_failed("the formatted text does not keep every comment once", input, formatted,
                          fmt::format("{} comments before, {} after", file.comments.size(), again.comments.size()));
    }

    // Check, render what the check found, and compile rules that checked clean.
    rules->module.files.push_back(std::move(file));
    rules->checked = dsl::check(rules->module, rules->sources, rules->diags);
    rules->diags.sort();
    (void)dsl::render_all(rules->diags, rules->sources, false, text::Lang::vi);
    check_diagnostics(rules->diags, rules->sources);
    (void)dsl::summary(rules->diags);
    if (rules->ok()) (void)engine::compile(*rules);
    return 0;
}
