// The subcommands of `ntm`.  Each returns the process exit code:
// 0 success, 1 problems in the rules (or files that `fmt --check` would change, or records
// that `validate` rejects), 2 usage or input/output errors.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/pipeline.hpp"
#include "data/load.hpp"
#include "engine/dataset.hpp"
#include "engine/program.hpp"

namespace ntm::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRules = 1;
inline constexpr int kExitUsage = 2;

struct CheckArgs {
    std::vector<std::string> paths;
    bool werror = false;
};
int run_check(const CheckArgs& args);

struct FmtArgs {
    std::vector<std::string> paths;
    bool check = false;
};
int run_fmt(const FmtArgs& args);

struct EvalArgs {
    std::vector<std::string> rules;
    std::string data;
    std::optional<int> year;
    std::string format = "text";  // text | json
    unsigned threads = 0;
    std::string set;  // judge by this criteria set instead of the one in force
    std::string sheet;  // the sheet of an .xlsx data file (default: the first)
};
int run_eval(const EvalArgs& args);

// The index of the set named on the command line (kNone for none); false, with the error
// printed, when no set has that name.
bool chosen_set(const std::string& name, const ntm::engine::Program& program, std::uint32_t& out);

struct ExplainArgs {
    std::vector<std::string> rules;
    std::string data;
    std::optional<int> year;  // default: the latest year the entity has a record for
    std::string entity;       // a code or a name
    std::string set;          // judge by this criteria set instead of the one in force
    std::string sheet;        // the sheet of an .xlsx data file (default: the first)
};
int run_explain(const ExplainArgs& args);

struct ValidateArgs {
    std::vector<std::string> rules;
    std::string data;
    std::string sheet;  // the sheet of an .xlsx data file (default: the first)
};
int run_validate(const ValidateArgs& args);

// Writes the data-entry workbook (.xlsx) for one kind of entity: see engine/xlsx_writer.hpp.
struct TemplateArgs {
    std::vector<std::string> rules;
    std::string out;
    std::string kind = "xa";  // thon | xa | huyen | tinh
};
int run_template(const TemplateArgs& args);

struct GenerateArgs {
    std::vector<std::string> rules;
    std::string units;                   // administrative units file (vn-admin-units.csv layout)
    std::vector<std::string> provinces;  // codes; none and no districts: every province
    std::vector<std::string> districts;  // codes
    std::string years;                   // "2022-2024" or "2024"
    std::uint64_t seed = 1;
    std::string scenario;                // scenario file, optional
    std::string format;                  // csv | json; default: from the extension of `out`
    std::string out;
    unsigned threads = 0;
};
int run_generate(const GenerateArgs& args);

struct ReportArgs {
    std::vector<std::string> rules;
    std::string data;
    std::optional<int> year;  // default: the latest year of the data
    std::string format;       // html | md | csv
    std::string out;          // FILE (html, md), DIR (csv), or "-" for standard output
    std::string lang = "vi";  // vi | en: the language of the labels
    std::string locality;     // a province or district code; empty: the whole data
    unsigned threads = 0;
};
int run_report(const ReportArgs& args);

// Rules checked and compiled, and a data file read against them: what eval, explain and
// validate share.  On failure `exit_code` is set and the reason already printed to stderr.
struct Loaded {
    std::unique_ptr<dsl::Rules> rules;
    engine::Program program;
    engine::Dataset data;
    std::vector<std::string> rule_files;  // as loaded, in order
    int exit_code = kExitOk;
};
Loaded load_rules_and_data(const std::vector<std::string>& rule_paths, const std::string& data_path,
                           const data::LoadOptions& options = {});

// Whether to colour output written to stderr (a terminal, and NO_COLOR unset).
bool color_stderr();

// Writes an output file atomically (text/files.hpp); false, with the error printed, when it
// cannot.  The file is whole or untouched, never half written.
bool write_output(const std::string& path, std::string_view bytes);

}  // namespace ntm::cli
