// Internal to data/: the Builder that turns what a reader found into a validated Dataset, and
// the readers.
//
// A reader only splits its format into rows (CSV) or entity objects (JSON) and hands the
// reserved fields and the cells to the Builder; every rule of validation lives in the Builder,
// so that a CSV file and a JSON file with the same content give the same problems.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "data/code_index.hpp"
#include "data/load.hpp"
#include "data/vocabulary.hpp"
#include "text/pieces.hpp"
#include "text/prefault.hpp"
#include "text/utf8.hpp"

namespace ntm::data {

using engine::AdminMap;
using engine::Column;
using engine::Entity;
using engine::EntityKind;
using engine::kind_index;
using engine::kKindCount;
using engine::kNone;
using engine::known;
using engine::kRegionCount;
using engine::kUnknown;
using engine::Recognition;
using engine::Record;
using engine::Region;
using engine::region_index;
using engine::ValueType;
using text::column_letters;
using text::FileError;
using text::fold;
using text::is_ascii;
using text::to_nfc;
using text::ProblemKind;
using text::trim;

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;


// A line of a workbook read sheet after sheet (Builder::set_sheets): the sheet's index in the
// high bits, the row (at most 1 048 576, Excel's last) in the low ones.
inline constexpr unsigned kSheetShift = 21;
inline constexpr std::uint32_t kMaxSheets = (1u << (32 - kSheetShift)) - 1;
inline std::uint32_t sheet_line(std::uint32_t sheet, std::uint32_t row) { return (sheet << kSheetShift) | row; }
inline std::uint32_t sheet_of(std::uint32_t line) { return line >> kSheetShift; }
inline std::uint32_t row_of(std::uint32_t line) { return line & ((1u << kSheetShift) - 1); }

// ---------------------------------------------------------------------------------------------
// What readers hand to the Builder

// A reserved field as written (trimmed), with its line; its name in the file is the Builder's
// field_name().
struct Written {
    std::string_view text;
    std::uint32_t line = 0;
    bool given() const { return !text.empty(); }
};

// The reserved fields of one row or entity object.
struct Head {
    std::array<Written, kFieldCount> fields;
    std::uint32_t line = 0;  // the row's first line, or the line of the entity's code
    const Written& operator[](Field f) const { return fields[static_cast<std::size_t>(f)]; }
    Written& operator[](Field f) { return fields[static_cast<std::size_t>(f)]; }
};

// One value as written, before the column's type is known.
struct Cell {
    enum class Kind : std::uint8_t { text, number, boolean, null, structured } kind = Kind::text;
    std::string_view text;  // text, or the number as written (may be empty for numbers)
    double number = 0;      // number, boolean (1/0)
};

// A name that may head a value column: the column of each kind it is an input of.
struct ColumnInfo {
    std::string name;
    std::array<const Column*, kKindCount> of{};
    std::uint8_t warned = 0;  // bit k: D0002 given for kind k; bit 7: D0001 given
    bool known() const {
        for (const Column* c : of) {
            if (c != nullptr) return true;
        }
        return false;
    }
};

// How entity problems found after reading (unknown parent, no region, ...) are reported: CSV
// rows are records, so once per record at its row; a JSON entity holds its records, so once
// per entity at the key concerned.
enum class Granularity : std::uint8_t { per_record, per_entity };

class Builder {
public:
    Builder(std::string path, const Schema& schema, const LoadOptions& options,
            Granularity granularity);

    // The name a field has in this file, for text::Place::field ("mã", "parent", ...).
    void set_field_name(Field f, std::string name) {
        field_names_[static_cast<std::size_t>(f)] = std::move(name);
    }
    const std::string& field_name(Field f) const {
        return field_names_[static_cast<std::size_t>(f)];
    }
    // How messages name a place: "line" (CSV, JSON) or "row" (a worksheet).
    void set_line_word(text::Message word) { line_word_ = std::move(word); }
    // A workbook read sheet after sheet: each line is (sheet index << kSheetShift) + row, and
    // messages that name another row name its sheet too ("sheet 'Xã', row 4").
    void set_sheets(std::vector<std::string> names) { sheets_ = std::move(names); }
    // Decimal comma always accepted (a ';'-separated file).
    void set_comma_decimal(bool on) { comma_decimal_ = on; }
    bool comma_decimal() const { return comma_decimal_; }

    // A hint: about this many records (or entities) will follow.
    void expect(std::size_t records);

    // The column named `name` (NFC), creating an unknown one if needed; see ColumnInfo.
    std::uint32_t column(std::string_view name);
    const ColumnInfo& column_info(std::uint32_t c) const { return columns_[c]; }
    std::size_t column_count() const { return columns_.size(); }
    // D0001, once per column.
    void unknown_column(std::uint32_t c, std::uint32_t line);

    // Whether a record of `year` is loaded (LoadOptions::year); if not, counts it as skipped.
    bool wanted(int year);

    // Declares the entity of `head`, or adds a row to the one already declared with its code on
    // its map.  The map is the row's `map` field, or by default the map of the years its records
    // have (`first_year`..`last_year`, 0 when unknown).  On a problem with the fields themselves,
    // reports it, counts `records` records as read and rejected, and returns kNone.
    std::uint32_t entity(const Head& head, std::size_t records, int first_year = 0,
                         int last_year = 0);
    // "dat_chuan:2019; nang_cao:2023" (D0208 for a malformed entry), or one entry.
    void recognised(std::uint32_t entity, std::string_view text, std::uint32_t line);
    void recognised(std::uint32_t entity, std::string_view level, int year);
    // One recognition in the template's two cells: the level in words or by name ("Đạt chuẩn",
    // "nang_cao") and its year (D0208 when either is missing or not understood).
    void recognised(std::uint32_t entity, const Written& level, const Written& year);

    // Starts the record of `entity` in `year`; kNone when it duplicates one (D0103, about
    // `field`, or the year field when empty).
    std::uint32_t record(std::uint32_t entity, int year, std::uint32_t line,
                         std::string_view field = {});
    // Records rejected before they had an entity (bad year, not an object, ...): one problem,
    // `records` records read and rejected.
    void reject_record(const char* code, std::uint32_t line, std::string_view field,
                       text::Message message, std::size_t records = 1);
    // A row the reader could not split into the header's cells (D0112): one record read and
    // rejected, its code known as rejected to the rows that name it as their parent.
    void reject_row(std::string_view code, std::uint32_t line, text::Message message);
    // Counts one more record of the file, whatever its year: the rows of a table, the entities
    // of a JSON file and their years after the first.  Past the limit of rows, throws D0903
    // naming `place` ("line 12", "sheet 'Xã', row 12"); `place` is built only then.
    template <class Place>
    void count_row(const Place& place) {
        if (++rows_ > options_.limits.rows) throw row_limit(place());
    }
    // "9.1; 11.1; so_ho": the inputs of `record` whose values are estimates (D0209 for a name
    // that is not an input of its kind).
    void estimated(std::uint32_t record, std::string_view names, std::uint32_t line);
    // Stores a value of `record` in `column`, or reports why not (D0002, D02xx).
    void value(std::uint32_t record, std::uint32_t column, const Cell& cell, std::uint32_t line);

    void problem(const char* code, ProblemKind kind, std::uint32_t line, std::string_view field,
                 text::Message message);
    // User text as messages quote it: text::printable, cut at the limit of name letters.
    std::string shown(std::string_view text) const {
        return text::printable(text, options_.limits.name_letters);
    }


    // Resolves parents and regions, drops rejected entities and records, and returns the data.
    Dataset finish();

private:
    struct Pending {
        std::uint32_t entity = 0;
        int year = 0;
        std::uint32_t line = 0;
        std::size_t offset = 0;
        std::uint32_t next = kNone;  // the entity's next record
    };
    struct Building {
        std::uint32_t first = kNone, last = kNone;  // its records in pending_
        std::uint32_t parent_line = 0, region_line = 0;
        bool type_written = false;  // or only the kind, so far
        bool rejected = false;
    };
    struct Word {
        std::string text;  // as written
        int value = -1;    // kind or region index, -1 unknown
    };
    struct HeadProblem {
        const char* code;
        Field field;
        text::Message message;
    };
    struct Resolved {
        EntityKind kind = EntityKind::xa;
        std::optional<Region> region;
        AdminMap map = AdminMap::three_tier;
    };

    FileError row_limit(const text::Message& place) const;
    std::optional<HeadProblem> resolve(const Head& head, const std::string& code, Resolved& out);
    std::optional<HeadProblem> resolve_map(const Head& head, const std::string& code, int first_year,
                                           int last_year, Resolved& out);
    void merge(std::uint32_t entity, const Head& head, const Resolved& resolved);
    int cached(std::vector<Word>& cache, std::string_view text, int (*lookup)(std::string_view));
    void reject_entity(std::uint32_t e, const char* code, std::uint32_t line,
                       std::string_view field, const text::Message& message);
    const Column* input(std::uint32_t column, EntityKind kind, std::uint32_t line);
    void typed_value(double& slot, const Column& column, const Cell& cell, std::uint32_t line);
    void text_value(double& slot, const Column& column, std::string_view text,
                    std::uint32_t line);
    void number(double& slot, const Column& column, double v, bool percent_sign,
                std::string_view written, std::uint32_t line);
    void wrong(const Column& column, std::string_view written, std::uint32_t line);
    // The field a problem about a value of `column` names: the header it was written under.
    std::string_view field_of(const Column& column) const {
        return value_field_.empty() ? std::string_view(column.name) : value_field_;
    }
    void resolve_hierarchy();
    // A value at the wrong scale (scale.cpp): an income in đồng where the rules ask for triệu
    // đồng (D0210, the value ignored).
    bool scale_ok(const Column& c, double v, std::string_view written, std::uint32_t line);
    // A percentage between 0 and 1 where the rules ask for at least 10 % (scale.cpp): likely a
    // fraction, 0,955 for 95,5 % (D0211, a warning; the value is kept).
    void fraction_hint(const Column& c, double v, std::string_view written, std::uint32_t line);
    // A number as problems quote it: as written (trimmed, text::printable), or formatted when it
    // came typed.  Made only for a problem: values are many.
    std::string shown_number(double v, std::string_view written) const;
    // The highest lower threshold of 10 % or more the rules set on each percent input
    // (LoadOptions::program), by column.
    void find_lower_thresholds(const engine::Program& program);
    // A yes/no column whose cells are mostly numbers (scale.cpp): once per column, D0212.  Each
    // yes/no cell is counted, here: they are many.
    void count_yes_no(std::uint32_t column, bool number, std::uint32_t line) {
        if (yes_no_cells_.size() <= column) yes_no_cells_.resize(column + 1);
        YesNoCells& cells = yes_no_cells_[column];
        if (!number) {
            ++cells.cells;
        } else if (cells.numbers++ == 0) {
            cells.first_number_line = line;
        }
    }
    void hint_yes_no_columns();
    // Parents the file leaves out, from the official list (ancestors.cpp, D0303).
    void add_official_ancestors();
    void resolve_parent(std::uint32_t entity);
    // The line that gives entity `e`'s parent, or its first line when none does.
    std::uint32_t parent_line(std::uint32_t e) const {
        return building_[e].parent_line != 0 ? building_[e].parent_line : ds_.entities[e].origin.line;
    }
    bool official(std::uint32_t entity);
    void official_parent(std::uint32_t entity);
    std::string official_parent_of(std::uint32_t entity) const;
    const AdminUnits* official_list(std::uint32_t entity) const;
    void inherit_region(std::uint32_t entity);

    // The place of another row in a message: its word and its number (see set_sheets).
    text::Message at_word(std::uint32_t line) const;
    std::uint32_t at_row(std::uint32_t line) const { return sheets_.empty() ? line : row_of(line); }

    std::string path_;
    engine::Origin origin_;  // the file, named once for every entity and record
    std::vector<std::string> sheets_;
    const Schema& schema_;
    LoadOptions options_;
    Granularity granularity_;
    bool comma_decimal_ = false;
    text::Message line_word_ = text::say("word.line");
    std::array<std::string, kFieldCount> field_names_;

    Dataset ds_;
    std::vector<Building> building_;  // beside ds_.entities
    std::vector<Pending> pending_;
    // Per map (AdminMap as index): code → entity; code never declared, only rejected → its line.
    std::array<CodeIndex, 2> codes_;
    std::array<StringMap<std::uint32_t>, 2> rejected_codes_;
    std::vector<ColumnInfo> columns_;
    bool template_headers_ = false;  // column(): a template header leads to its input
    std::string_view value_field_;   // value(): the header of the value being read (in columns_)
    std::uint32_t value_column_ = 0;  // value(): the column of the value being read
    std::unordered_map<const Column*, double> least_percent_;  // see find_lower_thresholds
    struct YesNoCells {
        std::uint32_t cells = 0, numbers = 0;
        std::uint32_t first_number_line = 0;
    };
    std::vector<YesNoCells> yes_no_cells_;  // by column, as far as the last yes/no column met
    StringMap<std::uint32_t> column_index_;
    std::vector<Word> types_, kinds_, regions_;
    // canonical_type() of the types met, by the type as written (kDefaultType when none is):
    // a file has a handful of types and a row per entity.
    std::vector<std::pair<std::string, std::pair<std::string, bool>>> canonical_types_;
    std::pair<std::string, bool> canonical(std::string_view written);
    std::string scratch_;  // NFC copies of non-ASCII text
    std::uint64_t rows_ = 0;  // records of the file so far, for the limit of rows
    // The pages of the room reserved for ds_.values, asked for ahead of record() (after ds_:
    // stopped before it is freed; by finish(), and before the room is made again).  Started
    // once the reading has filled kValuesAheadFrom of the room expect() reserved (its size in
    // values_ahead_room_ until then, 0 when there is none or it has started): the room is
    // guessed from the file's first piece for its widest kind, and a file of villages or of a
    // province fills a few MB of a room of a hundred.
    static constexpr std::size_t kValuesAheadFrom = std::size_t{16} << 20;
    std::size_t values_ahead_room_ = 0;
    text::Prefault values_ahead_;
};

// A data file a piece at a time for a reader (text/pieces.hpp): each call to the source opens
// it again.  The first reading checks it, in pieces cut `first`; each later one reads it
// unchecked, in pieces cut `then`, as long as it is the version the first checked.  The pieces
// throw FileError when the file cannot be read on.
using PieceSource = std::function<std::function<std::string_view()>()>;
PieceSource piece_source(const std::string& path, const text::SizeLimit& limit, text::TextPieces::Cut first,
                         text::TextPieces::Cut then, std::size_t piece_bytes);

// The readers.  load_csv_file and load_json_file read the file a piece at a time, never whole
// (tests give small pieces); load_csv and load_json read a text held whole, with the same result.
Dataset load_csv_file(const std::string& path, const Schema& schema, const LoadOptions& options,
                      std::size_t piece_bytes = std::size_t{1} << 20);
Dataset load_csv(const std::string& path, std::string_view text, const Schema& schema,
                 const LoadOptions& options);
Dataset load_json_file(const std::string& path, const Schema& schema, const LoadOptions& options,
                       std::size_t piece_bytes = std::size_t{1} << 20);
Dataset load_json(const std::string& path, std::string_view text, const Schema& schema,
                  const LoadOptions& options);
// In xlsx.cpp: the workbook is read from the file itself (it is a zip archive).
Dataset load_xlsx(const std::string& path, const Schema& schema, const LoadOptions& options);

}  // namespace ntm::data
