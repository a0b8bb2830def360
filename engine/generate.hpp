// `ntm generate`: plausible, threshold-aware data for real administrative units, written in the
// engine's own data formats (docs/generate.md).
//
// The generator is driven by the compiled program: every input column the rules declare for a
// kind gets a value, and each value is drawn relative to the threshold that applies to that
// entity (its region after the set's region rules, the year, the `when` case), so that an
// indicator passes or fails as planned.  Whether it should pass comes from a latent
// development score per entity (region, district type, a per-district offset, noise, a little
// better every year); a scenario file pins the situations a dataset must show ("this commune
// reaches đạt chuẩn in 2024", "fails exactly criteria 10 and 17").
//
// Determinism: every random draw comes from a splitmix64 stream seeded by (seed, entity code,
// year, purpose), and only exactly rounded arithmetic (+ − × ÷ √) feeds the values, so the same
// inputs give the same bytes on every platform, whatever the number of threads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/dataset.hpp"
#include "engine/program.hpp"

namespace ntm::engine {

// A problem in an input of the generator (units file, scenario, options): the file, the
// 1-based line (0: none) and the field or column concerned.
struct InputProblem {
    std::string file;
    std::uint32_t line = 0;
    std::string field;
    std::string message;
};

// "file:line: field 'x': message" as every data problem is shown.
std::string render_input_problem(const InputProblem& p, const char* severity = "error");

// ---------------------------------------------------------------------------------------------
// Administrative units (the layout of vn-admin-units.csv: province_code, province, region,
// district_code, district, district_type, commune_code, commune, commune_type).

struct Unit {
    std::string code;
    std::string name;  // without the type in front: "Tam Thành", "Phú Ninh", "Quảng Nam"
    std::string type;  // "Xã", "Phường", "Thị trấn", "Huyện", "Thị xã", "Tỉnh", ...
    std::uint32_t parent = kNone;  // index into AdminUnits::units
    Region region = Region::TDMNPB;
    EntityKind kind = EntityKind::xa;
    std::uint32_t line = 0;  // first line of the units file that names it
};

struct AdminUnits {
    std::string path;
    std::vector<Unit> units;  // provinces, districts and communes, in file order (parents first)
    std::map<std::string, std::uint32_t> by_code;  // per kind prefix: "tinh:49", "huyen:518", "xa:20365"

    std::uint32_t find(EntityKind kind, const std::string& code) const;
};

// Reads a units file.  Every problem is reported (problems non-empty: the result is unusable).
AdminUnits read_units(const std::string& path, std::vector<InputProblem>& problems);

// ---------------------------------------------------------------------------------------------
// Scenario: the situations a dataset must show (docs/generate.md, "Scenario files").

struct Directive {
    enum class Kind : std::uint8_t { level, fail, set };
    Kind kind = Kind::level;
    std::string code;
    int from = 0, to = 0;  // years
    std::uint32_t level = kNone;          // level: the highest level (kNone: none reached)
    std::vector<std::string> criteria;    // fail: the criteria codes that fail (none: all met)
    std::string column;                   // set: the column
    double value = kUnknown;              // set: the value (kUnknown: missing)
    std::uint32_t line = 0;
};

struct Scenario {
    std::string path;
    std::vector<Directive> directives;                 // in file order
    std::map<std::string, std::vector<Recognition>> recognised;  // by code
    std::map<std::string, double> offsets;             // score offsets by code
    std::map<std::string, std::pair<int, int>> villages;  // villages per commune, by code (any kind)
    std::optional<double> missing;                     // share of records with missing values
    std::optional<double> growth;                      // score gained per year
    std::optional<double> village_offset;              // a village's score minus its commune's
};

struct GenerateOptions {
    std::vector<std::string> provinces;  // codes; none and no districts: every province
    std::vector<std::string> districts;  // codes
    int from = 0, to = 0;                // years
    std::uint64_t seed = 1;
    unsigned threads = 0;  // for evaluating the generated data; the output does not depend on it
};

// Reads a scenario against the rules, the selected units and the years.
Scenario read_scenario(const std::string& path, const Program& program, const AdminUnits& units,
                       const GenerateOptions& options, std::vector<InputProblem>& problems);

// ---------------------------------------------------------------------------------------------

struct Generated {
    Dataset data;  // entities (regions resolved, recognitions), one record per entity and year
    std::vector<InputProblem> warnings;  // directives that could not be met, with their line
    std::size_t directives_met = 0;
};

// Generates the data of the selected units.  Problems with the selection (an unknown province
// or district code) go to `problems` and the result is empty.
Generated generate(const Program& program, const AdminUnits& units, const Scenario& scenario,
                   const GenerateOptions& options, std::vector<InputProblem>& problems);

// The data in the engine's CSV (Vietnamese headers, ',' between cells, decimal comma) or JSON
// format (docs/data-format.md).
std::string write_csv(const Program& program, const Dataset& data);
std::string write_json(const Program& program, const Dataset& data);

}  // namespace ntm::engine
