// Helpers the unit tests of several stages share, each in one place: temporary files, rules
// checked and compiled from text or a path, entities built by hand, the small schema the data
// readers are tested against, the code blocks of the documentation, and how an HTML page's
// elements nest.
//
// Beside it, what the test files of one stage share: check_fixture.hpp (dsl/ checker),
// engine_world.hpp (engine/), load_fixture.hpp (data/ readers), generate_world.hpp
// (generate/); and zip.hpp, for tests that open the workbooks they wrote.
//
// Helpers that fail use Catch's REQUIRE, so they fail the test case that called them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "data/load.hpp"
#include "dsl/parser.hpp"
#include "dsl/pipeline.hpp"
#include "engine/dataset.hpp"
#include "engine/evaluate.hpp"
#include "engine/program.hpp"

#ifndef NTM_SOURCE_DIR
#error "NTM_SOURCE_DIR must name the repository root"
#endif

namespace support {

// ---------------------------------------------------------------------------------------------
// Files

// A folder of this process's own under the system's temporary folder (CTest runs test cases in
// parallel processes), or its subfolder `sub`; created, and removed when the process ends.
std::string temp_dir(const std::string& sub = {});

// temp_dir()/name; nothing is created (a folder named in `name` may well not exist).
std::string temp_path(const std::string& name);

// Writes `text` byte for byte to temp_path(name); returns that path.
std::string write_temp(const std::string& name, const std::string& text);

// The bytes of a file; a file that cannot be opened fails the test.
std::string read_file(const std::string& path);

// The fenced code blocks of a Markdown file in the languages `langs` (```csv, ```json), each
// without its fences, in file order; a file that cannot be read or a block left open fails the
// test.
struct CodeBlock {
    std::string lang;
    std::string text;
};
std::vector<CodeBlock> code_blocks(const std::string& markdown_path,
                                   const std::vector<std::string>& langs);

// The ```ntm blocks of a Markdown file: the rule-language examples of the documentation.
std::vector<std::string> ntm_blocks(const std::string& markdown_path);

// The elements of an HTML page nest properly: every opened element is closed in order (void
// elements aside).  Returns the first problem, or an empty string.
std::string html_nesting_problem(const std::string& html);

// ---------------------------------------------------------------------------------------------
// Rules: loaded, checked with no error (else the test fails, showing the diagnostics), compiled

struct CompiledRules {
    std::unique_ptr<ntm::dsl::Rules> rules;
    ntm::engine::Program program;
};

// The rule files at `path`, a file or a folder.
CompiledRules compile_rules(const std::string& path);

// `text`, written as rules.ntm in temp_dir().
CompiledRules compile_rules_text(const std::string& text);

// One rule text parsed (not checked), named t.ntm, with its diagnostics sorted.
struct ParsedText {
    ntm::dsl::SourceManager sources;
    ntm::dsl::Diagnostics diags;
    ntm::dsl::RuleFile file;
};
std::unique_ptr<ParsedText> parse_text(const std::string& text);

// ---------------------------------------------------------------------------------------------
// Datasets built by hand

// A unit of `kind` named after its code, of the usual type ("Xã", "Huyện", "Tỉnh", "Thôn"), in
// region DHNTB, with its parent's code and recognitions.
ntm::engine::Entity unit(std::string code, ntm::dsl::EntityKind kind, std::string parent_code = {},
                         std::vector<ntm::engine::Recognition> recognised = {});

// Adds `entity`, its parent looked up by parent_code, with one record for `year` whose values
// are given by column name (a name the schema lacks fails the test).  Returns its index.
std::uint32_t add_entity(ntm::engine::Dataset& data, const ntm::engine::Schema& schema,
                         ntm::engine::Entity entity, int year,
                         const std::map<std::string, double>& values);

// Rules compiled from a text and communes of DHNTB named "Xã CODE", each with one record of
// `year`, added by hand and evaluated in one thread.
struct CommuneWorld {
    explicit CommuneWorld(const std::string& rules_text, int judged_year = 2024)
        : rules(compile_rules_text(rules_text)), program(rules.program), year(judged_year) {}
    CompiledRules rules;
    const ntm::engine::Program& program;
    ntm::engine::Dataset data;
    int year;

    // Values by column name, the rest missing.
    void add(const std::string& code, const std::map<std::string, double>& values);
    ntm::engine::Evaluation run() const;
};

// The index into ev.entities of the result for the entity with this code; none fails the test.
std::uint32_t result_of(const ntm::engine::Dataset& data, const ntm::engine::Evaluation& ev,
                        std::string_view code);

// ---------------------------------------------------------------------------------------------
// Data files read against a small schema

// Appends a column to `kind` of `schema`, in the next slot; "percent" and "count" units make
// it a percentage or a count.
void add_column(ntm::engine::Schema& schema, ntm::dsl::EntityKind kind, std::string name,
                std::string unit, ntm::engine::ValueType type, std::string title = {});

// The columns a small rule set would declare.  xa: 1.1 (yes/no), 2.1 and hai_long (percent),
// so_truong (count), thu_nhap (triệu đồng/người/năm), tỷ_lệ_nghèo (percent); huyen: hai_long
// and ty_le_xa (percent).
const ntm::engine::Schema& schema();

// Reads the data file at `path` against schema(), checking what every load must satisfy: each
// record read is accepted or rejected, and the values of the records follow each other.
ntm::engine::Dataset load(const std::string& path, const ntm::data::LoadOptions& options = {});
// Load options that check codes, names and parents against the official lists of both maps.
ntm::data::LoadOptions official_lists();

// The message of the error that reading `path` against schema() throws, which must name the
// file; "(no error)" when there is none.
std::string load_error(const std::string& path, const ntm::data::LoadOptions& options = {});

// A value of record number `record`, or of the entity `code` in `year`, by column name.
double value(const ntm::engine::Dataset& ds, std::size_t record, std::string_view column);
double value(const ntm::engine::Dataset& ds, std::string_view code, int year,
             std::string_view column);

// "LINE CODE kind field: message" for each problem of `ds`, in order; kind is warning, value
// or record.
std::vector<std::string> problem_lines(const ntm::engine::Dataset& ds);

}  // namespace support
