#include "fuzz/support.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "dsl/diagnostics.hpp"
#include "dsl/pipeline.hpp"
#include "engine/ntm.hpp"
#include "text/utf8.hpp"

#ifndef NTM_SOURCE_DIR
#error "NTM_SOURCE_DIR must name the repository root"
#endif

namespace ntm::fuzz {

const engine::Program& bundled_program() {
    static const Engine engine = [] {
        try {
            return Engine::load({std::string(NTM_SOURCE_DIR) + "/rules"});
        } catch (const RulesError& e) {
            fail("support", "the bundled rules have errors", e.what());
        }
    }();
    return engine.program();
}

void fail(std::string_view harness, std::string_view what, std::string_view detail) {
    std::fprintf(stderr, "\nfuzz_%.*s: %.*s\n", static_cast<int>(harness.size()), harness.data(),
                 static_cast<int>(what.size()), what.data());
    if (!detail.empty()) {
        std::fprintf(stderr, "%.*s\n", static_cast<int>(detail.size()), detail.data());
    }
    std::fflush(stderr);
    std::abort();
}

std::optional<std::string_view> as_read(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (text::invalid_utf8_at(bytes) != std::string_view::npos) return std::nullopt;
    return bytes;
}

text::Limits small_limits() {
    text::Limits limits;
    limits.data_file_bytes = 48u << 10;
    limits.line_bytes = 4u << 10;
    limits.rows = 300;
    limits.cells = 4000;
    limits.string_bytes = 16u << 10;
    limits.name_letters = 40;
    return limits;
}

std::string scratch_path(std::string_view extension) {
    const char* dir = std::getenv("TMPDIR");
    return fmt::format("{}/ntm-fuzz-{}{}", dir != nullptr && *dir != '\0' ? dir : "/tmp",
                       static_cast<long>(::getpid()), extension);
}

std::size_t line_count(std::string_view text) {
    std::size_t lines = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        lines += text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
    }
    return lines;
}

void check_message(std::string_view harness, std::string_view message, std::string_view shown) {
    static const bool skip_printable = std::getenv("NTM_FUZZ_SKIP_PRINTABLE") != nullptr;
    if (text::invalid_utf8_at(message) != std::string_view::npos) {
        fail(harness, "a message is not UTF-8", text::printable(shown, 400));
    }
    if (skip_printable) return;
    for (std::size_t i = 0; i < message.size(); ++i) {
        const auto c = static_cast<unsigned char>(message[i]);
        if (c < 0x20 || c == 0x7F) {
            fail(harness,
                 fmt::format("a message holds control character 0x{:02X} at byte {} "
                             "(user text not quoted through text::printable())",
                             c, i),
                 text::printable(shown, 400));
        }
    }
}

namespace {

// A rendered problem is one line, in each language: its final line feed ends it.
void check_rendered(std::string_view harness, const text::Problem& p) {
    for (const text::Lang lang : {text::Lang::vi, text::Lang::en}) {
        const std::string line = text::render(p, lang);
        if (p.message.in(lang).empty()) fail(harness, "a problem without a message", line);
        std::string_view body = line;
        if (body.ends_with('\n')) body.remove_suffix(1);
        check_message(harness, body, line);
    }
}

}  // namespace

void check_dataset(std::string_view harness, const engine::Dataset& ds,
                   const engine::Schema& schema, const std::string& path, std::size_t lines) {
    if (ds.read != ds.records.size() + ds.rejected) {
        fail(harness, "read != records + rejected",
             fmt::format("read {}, records {}, rejected {}", ds.read, ds.records.size(),
                         ds.rejected));
    }
    const bool said = std::any_of(ds.problems.begin(), ds.problems.end(), [](const text::Problem& p) {
        return p.kind == text::ProblemKind::record;
    });
    if (ds.rejected > 0 && !said) {
        fail(harness, "records rejected without a problem of kind record",
             fmt::format("rejected {}\n{}", ds.rejected, text::render(ds.problems, text::Lang::vi)));
    }
    std::size_t slots = 0;
    for (std::size_t r = 0; r < ds.records.size(); ++r) {
        const engine::Record& record = ds.records[r];
        if (record.entity >= ds.entities.size()) {
            fail(harness, "a record of no entity",
                 fmt::format("record {}: entity {} of {}", r, record.entity, ds.entities.size()));
        }
        if (record.offset != slots) {
            fail(harness, "records' values do not follow each other",
                 fmt::format("record {}: offset {}, expected {}", r, record.offset, slots));
        }
        slots += schema.slots(ds.entities[record.entity].kind);
    }
    if (ds.values.size() != slots) {
        fail(harness, "values do not match the records",
             fmt::format("{} values, the records' slots add up to {}", ds.values.size(), slots));
    }
    for (std::uint32_t e = 0; e < ds.entities.size(); ++e) {
        const engine::Entity& entity = ds.entities[e];
        if (entity.parent != engine::kNone && (entity.parent >= ds.entities.size() || entity.parent == e)) {
            fail(harness, "an entity's parent is no other entity",
                 fmt::format("entity {} '{}': parent {} of {}", e, text::printable(entity.code),
                             entity.parent, ds.entities.size()));
        }
        // A code names one entity on each map (the same code may stand on both).
        if (ds.find(entity.code, entity.map) != e) {
            fail(harness, "find() does not find an entity by its code and map",
                 fmt::format("entity {} '{}': find gives {}", e, text::printable(entity.code),
                             ds.find(entity.code, entity.map)));
        }
    }
    for (const text::Problem& p : ds.problems) {
        if (p.where.file != path) {
            fail(harness, "a problem names another file", text::render(p, text::Lang::vi));
        }
        if (lines != 0 && p.where.line > lines) {
            fail(harness, "a problem points past the last line",
                 fmt::format("{} lines\n{}", lines, text::render(p, text::Lang::vi)));
        }
        check_rendered(harness, p);
    }
}

void check_file_error(std::string_view harness, const text::FileError& error,
                      const std::string& path) {
    if (error.problem.where.file != path) {
        fail(harness, "an error that stops the reading names another file",
             text::render(error.problem, text::Lang::vi));
    }
    check_rendered(harness, error.problem);
}

}  // namespace ntm::fuzz
