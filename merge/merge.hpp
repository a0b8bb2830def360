// Stage "merge": data of the three-tier map carried into the communes of the two-tier map
// (docs/merge.md).
//
// From 01/7/2025 communes were merged; the official conversion table names, for each new
// commune, the old communes (or parts of them) it was made from.  `carry` builds the new
// communes of one year from the old communes' records:
//  - recognition, by the ministry's rule: when every part had been recognised at a level, the
//    new commune is recognised at the lowest level common to all; when some part had not, it is
//    not, and must be built and appraised again under QĐ 18/2022/QĐ-TTg;
//  - values, input by input, as the rules declare they combine (`combine` in `data xa`, see
//    engine::Combine): a sum, a share weighted by its denominator, all / any, min / max, or
//    nothing (to be surveyed again).  A part that came only partly makes every value it enters
//    an estimate, and so does a missing weight.
// The result is a Dataset on the two-tier map, to be evaluated and written like any other.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/merge_table.hpp"
#include "data/units.hpp"
#include "engine/dataset.hpp"
#include "engine/program.hpp"

namespace ntm::merge {

using engine::Dataset;
using engine::kNone;
using engine::Program;

// How a new commune's value of one input was obtained.
enum class Derivation : std::uint8_t {
    exact,       // combined from every part, each whole
    estimated,   // combined, but a part came only partly, a weight was missing, or a part is
                 // urban and has no values
    resurvey,    // the input does not combine (`combine resurvey`, or not declared)
    missing,     // a part has no value, or is not in the data
    derived,     // computed by the rules after the merge
};

// Why the new commune is, or is not, recognised.
enum class CarryRule : std::uint8_t {
    all_recognised,      // every part recognised: the lowest level common to all
    not_all_recognised,  // some part not recognised: built and appraised again (QĐ 18/2022)
    unknown,             // some part is not in the data: its recognition is unknown
    not_judged,          // the new unit is urban (phường, đặc khu): not judged
};

struct Part {
    std::uint32_t row = 0;         // index into MergeTable::parts
    std::uint32_t entity = kNone;  // the old commune in the data, or kNone
    std::uint32_t record = kNone;  // its record of the year, or kNone
    bool judged = true;            // a xã (phường and thị trấn are urban, not judged)
    std::uint32_t level = kNone;   // ordinal of the highest level it was recognised at by the year
    std::string level_name;
    int level_year = 0;
};

struct NewCommune {
    std::uint32_t table_row = 0;  // its first row in the table
    std::uint32_t entity = kNone; // in Carried::data
    std::vector<Part> parts;
    CarryRule rule = CarryRule::unknown;
    std::uint32_t level = kNone;  // the level carried (ordinal among the levels of xã), or kNone
    bool partial = false;         // some part came only partly
    std::vector<Derivation> how;  // per input slot of xa
};

struct Carried {
    Dataset data;                        // two-tier map: the new provinces, then their communes
    std::vector<NewCommune> communes;    // table order
    std::vector<std::string> provinces;  // codes of the new provinces, ascending
    std::size_t without_data = 0;        // new communes of those provinces with no part in the data
};

struct CarryOptions {
    int year = 0;                        // the year of the old records carried
    std::vector<std::string> provinces;  // new province codes; empty: every one with a part in the data
};

// The old data's records of `options.year` carried into the new communes.  `units` is the
// two-tier list (names, types and regions of the new units).
Carried carry(const Program& program, const Dataset& old, const data::MergeTable& table,
              const data::AdminUnits& units, const CarryOptions& options);

// The text a merged commune carries in its `merged_from` field: "20368 Xã Tam An (nhập toàn bộ;
// đạt chuẩn 2019); 20371 Xã Tam Thành (nhập một phần; chưa công nhận)".
std::string merged_from_text(const Program& program, const data::MergeTable& table,
                             const NewCommune& commune);

}  // namespace ntm::merge
