// What the engine judges: entities, their hierarchy and their values per year, laid out by the
// program's Schema (one double per slot).  Filled by the readers of data/ (data/load.hpp), by
// the generator, or by an embedding program.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/program.hpp"
#include "text/problem.hpp"

namespace ntm::engine {

// The administrative map an entity belongs to.  Up to 30/6/2025 local government had three tiers
// (province → district → commune, villages below); from 01/7/2025 it has two (province →
// commune): districts were abolished and communes merged.  The same code may name a unit on
// each map (a new commune often keeps the code of one it absorbed), so an entity is its code on
// one map.
enum class AdminMap : std::uint8_t { three_tier, two_tier };
// The map of two tiers began on 01/7/2025: no unit on it existed in an earlier year.
constexpr int kTwoTierSince = 2025;

// Where an entity or a record was read: its file, its line (in a workbook its row) and, in a
// workbook, its sheet — a text::Place without field or column, which it converts to.  The names
// of files and sheets are kept once for the whole process and pointed to, not copied into each
// of the million entities and records of a national file.
class Origin {
public:
    std::uint32_t line = 0;

    Origin() = default;
    explicit Origin(std::string_view file, std::uint32_t at = 0);
    const std::string& file() const { return file_ != nullptr ? *file_ : empty(); }
    const std::string& sheet() const { return sheet_ != nullptr ? *sheet_ : empty(); }
    void set_sheet(std::string_view sheet);
    // The same place, at another line.
    Origin at(std::uint32_t other) const {
        Origin o = *this;
        o.line = other;
        return o;
    }
    operator text::Place() const {  // NOLINT(google-explicit-constructor): a place as any other
        text::Place p;
        p.file = file();
        p.line = line;
        p.sheet = sheet();
        return p;
    }

private:
    static const std::string& empty();
    const std::string* file_ = nullptr;
    const std::string* sheet_ = nullptr;
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
    AdminMap map = AdminMap::three_tier;
    std::string parent_code;
    std::optional<Region> region;  // own, or inherited from the parent chain
    std::vector<Recognition> recognised;
    // A commune of the two-tier map made by `ntm merge`: the old communes it was made from, with
    // how each was merged and its recognition ("20368 Xã Tam An (nhập toàn bộ; đạt chuẩn 2019);
    // …"), as the data file gives it.  Empty otherwise.
    std::string merged_from;
    Origin origin;
    std::uint32_t parent = kNone;  // index into Dataset::entities
};

// One entity's values for one year.
struct Record {
    std::uint32_t entity = 0;
    int year = 0;
    Origin origin;
    std::size_t offset = 0;  // values[offset .. offset + schema.slots(kind)]
};

struct Dataset {
    std::vector<Entity> entities;  // unique codes, in file order
    std::vector<Record> records;   // accepted records, in file order
    std::vector<double> values;    // kUnknown where missing or invalid; yes/no as 1/0
    // Beside `values`, 1 where the value is an estimate (carried through a merger of communes,
    // from a part that came only partly: the `estimated` field); empty when none is.
    std::vector<std::uint8_t> estimated;
    std::vector<text::Problem> problems;  // found while reading
    std::size_t read = 0;      // records read from the files
    std::size_t rejected = 0;  // records rejected (problems of kind record)
    std::size_t skipped = 0;   // records of other years than LoadOptions::year (not in `read`)
    // For find(): entity indices by the hash of their code (open addressing, a power of two in
    // size, kNone where empty).  Filled by load_data; when empty, find() searches `entities`.
    std::vector<std::uint32_t> by_code;

    // Index of the entity with this code (NFC), or kNone.  A code given on both maps names two
    // entities: the first in file order is found, unless a map is asked for.
    std::uint32_t find(std::string_view code) const;
    std::uint32_t find(std::string_view code, AdminMap map) const;
    // The distinct years of the records, ascending.
    std::vector<int> years() const;
    // Whether value `slot` of record `r` is an estimate.
    bool is_estimate(const Record& r, std::uint32_t slot) const {
        return !estimated.empty() && estimated[r.offset + slot] != 0;
    }

private:
    std::uint32_t find_in(std::string_view code, std::optional<AdminMap> map) const;
};

}  // namespace ntm::engine
