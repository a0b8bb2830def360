// Commune data in: entities, their hierarchy and their values per year, read from JSON, CSV or
// an Excel workbook (docs/data-format.md) and validated against the columns the rules declare (Schema).
//
// Nothing is silently dropped: every record read ends either in `records` (it will be
// evaluated) or as a rejection in `problems` (kind == record), so read == records.size() +
// rejected.  A bad value (a percentage of 140, "abc" where a number is due) is not a rejection:
// the value becomes unknown, the indicator that reads it "thiếu dữ liệu", and the problem is
// listed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/program.hpp"

namespace ntm::engine {

// A place in a data file: the file, the 1-based line (a CSV row's first line, or the line of
// a JSON value) and the field (column name or JSON key), where known.  In a workbook the line
// is the row number, and the sheet and the cell's column are given too: `du-lieu.xlsx`,
// sheet `Sheet1`, line 14, column 4 is cell D14.
struct DataRef {
    std::string file;
    std::uint32_t line = 0;
    std::string field;
    std::string sheet{};       // a workbook's sheet; empty for CSV and JSON
    std::uint32_t column = 0;  // a workbook cell's 1-based column; 0 when not one cell
};

// A column's letters as Excel shows them: 1 → "A", 26 → "Z", 27 → "AA".
std::string column_letters(std::uint32_t column);

enum class ProblemKind : std::uint8_t {
    warning,  // nothing lost: an unknown column, a BOM, a value written oddly
    value,    // the value is ignored (becomes unknown): out of range, wrong type
    record,   // the whole record is rejected: duplicate code, unknown parent, no region, ...
};

struct DataProblem {
    std::string code;  // "D0101": see docs/data-format.md
    ProblemKind kind = ProblemKind::warning;
    DataRef where;
    std::string message;  // lowercase, names the values involved
};

struct Recognition {
    std::string level;  // a level name of the rules, e.g. "dat_chuan"
    int year = 0;
};

struct Entity {
    std::string code;  // official code, e.g. "20368"
    std::string name;  // "Tam An"
    std::string type;  // as the decisions write it: "Xã", "Phường", "Thị trấn", "Huyện", "Thị xã", ...
    EntityKind kind = EntityKind::xa;
    // Judged by the criteria sets of its kind.  Urban units (phường, thị trấn, quận, tổ dân
    // phố, khu phố, khóm) are not: they stay in the hierarchy, get no level, and aggregates
    // over their kind leave them out.
    bool judged = true;
    std::string parent_code;
    std::optional<Region> region;  // own, or inherited from the parent chain
    std::vector<Recognition> recognised;
    DataRef origin;
    std::uint32_t parent = kNone;  // index into Dataset::entities
};

// One entity's values for one year.
struct Record {
    std::uint32_t entity = 0;
    int year = 0;
    DataRef origin;
    std::size_t offset = 0;  // values[offset .. offset + schema.slots(kind)]
};

struct Dataset {
    std::vector<Entity> entities;  // unique codes, in file order
    std::vector<Record> records;   // accepted records, in file order
    std::vector<double> values;    // kUnknown where missing or invalid; yes/no as 1/0
    std::vector<DataProblem> problems;
    std::size_t read = 0;      // records read from the files
    std::size_t rejected = 0;  // records rejected (problems of kind record)
    std::size_t skipped = 0;   // records of other years than LoadOptions::year (not in `read`)
    // For find(): entity indices by the hash of their code (open addressing, a power of two in
    // size, kNone where empty).  Filled by load_data; when empty, find() searches `entities`.
    std::vector<std::uint32_t> by_code;

    // Index of the entity with this code (NFC), or kNone.
    std::uint32_t find(std::string_view code) const;
    // The distinct years of the records, ascending.
    std::vector<int> years() const;
};

struct LoadOptions {
    std::optional<int> year;  // keep only records of this year (others are counted as skipped)
    std::string sheet{};      // a workbook's sheet to read (default: the first); .xlsx only
};

// Reads FILE (.json, .csv or .xlsx) against the schema.  I/O failures (missing file, not
// UTF-8, unparseable JSON, a damaged workbook, no such sheet) throw DataError; everything else
// is a DataProblem.
Dataset load_data(const std::string& path, const Schema& schema, const LoadOptions& options = {});

struct DataError {
    std::string path;
    std::string message;
};

// The forms staff write for yes/no: đạt / không đạt / chưa đạt, có / không, true / false,
// yes / no, 1 / 0 (any letter case, NFC).  Returns 1, 0, or nullopt when the text is none of
// them.  An empty cell is missing, not "no": callers treat it before calling this.
std::optional<double> parse_yes_no(std::string_view text);

// Whether units of this type (as written: "Xã", "phường", "Thị trấn", ...) are judged by the
// criteria sets: false for urban units (Entity::judged).
bool judged_type(std::string_view type);

}  // namespace ntm::engine
