// Data in: commune data read from JSON, CSV or an Excel workbook (docs/data-format.md) and
// validated against the columns the rules declare (engine::Schema) into an engine::Dataset.
//
// Nothing is silently dropped: every record read ends either in `records` (it will be
// evaluated) or as a rejection in `problems` (kind == record), so read == records.size() +
// rejected.  A bad value (a percentage of 140, "abc" where a number is due) is not a rejection:
// the value becomes unknown, the indicator that reads it "thiếu dữ liệu", and the problem is
// listed.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "data/units.hpp"
#include "engine/dataset.hpp"
#include "engine/program.hpp"
#include "text/limits.hpp"
#include "text/problem.hpp"

namespace ntm::data {

using engine::Dataset;
using engine::Schema;

struct LoadOptions {
    std::optional<int> year;  // keep only records of this year (others are counted as skipped)
    std::string sheet{};      // a workbook's sheet to read (default: the first); .xlsx only
    text::Limits limits{};    // file size, line length, rows, cells, string bytes (text/limits.hpp)
    // The official lists codes, names and parents are checked against, per map (AdminMap as
    // index; data::official_units gives the bundled ones); null: not checked.  Villages have no
    // official list.
    std::array<const AdminUnits*, 2> units{};
    // The compiled rules, whose thresholds tell a percentage typed as a fraction (0,955 where a
    // gate asks for 90 %: D0211, a warning; the value is kept).  Null: not checked.
    const engine::Program* program = nullptr;
};

// What a data file is, by its extension in any letter case: .xlsx/.xlsm, .csv/.tsv/.txt, .json;
// `none` for any other (its extension says which, in load_data's error).
enum class DataFormat : std::uint8_t { workbook, csv, json, none };
DataFormat data_format(const std::string& path);

// Reads FILE (.json, .csv or .xlsx) against the schema.  A file that cannot be read at all
// (missing, not UTF-8, unparseable JSON, a damaged workbook, no such sheet) throws
// text::FileError;
// everything else is a problem in Dataset::problems.
Dataset load_data(const std::string& path, const Schema& schema, const LoadOptions& options = {});

// The forms staff write for yes/no: đạt / không đạt / chưa đạt, có / không, true / false,
// yes / no, 1 / 0 (any letter case, NFC).  Returns 1, 0, or nullopt when the text is none of
// them.  An empty cell is missing, not "no": callers treat it before calling this.
std::optional<double> parse_yes_no(std::string_view text);
// The same answer as an int: 1, 0, or -1 when the text is no yes/no form.  What the readers call
// for each yes/no cell: an optional<double> comes back through memory, its flag stored as one
// byte and read back as eight, and that stall was a fifth of the reading's thread.
int yes_no(std::string_view text);

// Whether units of this type (as written: "Xã", "phường", "Thị trấn", ...) are judged by the
// criteria sets: false for urban units (engine::Entity::judged).
bool judged_type(std::string_view type);

}  // namespace ntm::data
