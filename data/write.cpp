// Data written in the formats data/load.hpp reads (docs/data-format.md): CSV with the
// Vietnamese headers, ',' between cells and the decimal comma (in quotes), as the bundled
// fixtures are written; JSON with numbers, booleans and null.
#include "data/write.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "data/builder.hpp"

namespace ntm::data {

namespace {

// A value column of the file: the slot it has in each kind (kNone: no input of that kind), and
// whether its yes/no values are a verdict ("đạt") rather than a fact ("có").
struct OutColumn {
    std::string name;
    std::array<std::uint32_t, kKindCount> slot{kNone, kNone, kNone, kNone};
    std::array<bool, kKindCount> verdict{};
};

std::vector<OutColumn> out_columns(const Program& p, const YesNoWords& verdicts) {
    std::vector<OutColumn> out;
    // Communes first: most rows are theirs; then districts, provinces, villages.
    for (const EntityKind kind : {EntityKind::xa, EntityKind::huyen, EntityKind::tinh, EntityKind::thon}) {
        const std::size_t k = kind_index(kind);
        for (const Column& c : p.schema.columns[k]) {
            if (c.derived) continue;
            auto it = std::find_if(out.begin(), out.end(), [&](const OutColumn& o) { return o.name == c.name; });
            if (it == out.end()) {
                out.push_back({c.name, {kNone, kNone, kNone, kNone}, {}});
                it = out.end() - 1;
            }
            it->slot[k] = c.slot;
            it->verdict[k] = c.slot < verdicts[k].size() && verdicts[k][c.slot];
        }
    }
    return out;
}

// 62.5 → "62,5"; 4 → "4"; at most two decimals, no trailing zeros.
std::string number(double v, char decimal) {
    if (v == std::floor(v) && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
    std::string s = fmt::format("{:.2f}", v);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    std::replace(s.begin(), s.end(), '.', decimal);
    return s;
}

std::string csv_cell(std::string_view text) {
    if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string recognitions(const Entity& e, int up_to) {
    std::string out;
    for (const Recognition& r : e.recognised) {
        if (r.year > up_to) continue;
        if (!out.empty()) out += "; ";
        out += fmt::format("{}:{}", r.level, r.year);
    }
    return out;
}

std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
                } else {
                    out += c;
                }
        }
    }
    out += '"';
    return out;
}

}  // namespace

std::string write_csv(const Program& program, const Dataset& data, const YesNoWords& verdicts) {
    const std::vector<OutColumn> columns = out_columns(program, verdicts);
    // The fields of the two-tier map and of merged communes, only when some record needs them,
    // so that data of the three-tier map is written as it always was.
    bool map = false, merged = false;
    for (const Record& rec : data.records) {
        const Entity& e = data.entities[rec.entity];
        map = map || e.map != default_map(rec.year);
        merged = merged || !e.merged_from.empty();
    }
    const bool estimates = !data.estimated.empty();
    std::vector<Field> fields = {Field::code, Field::name, Field::type, Field::parent, Field::region, Field::year,
                                 Field::recognised};
    if (map) fields.push_back(Field::map);
    if (merged) fields.push_back(Field::merged_from);
    if (estimates) fields.push_back(Field::estimated);
    std::string out;
    for (const Field f : fields) {
        if (!out.empty()) out += ',';
        out += kFieldHeaders[static_cast<std::size_t>(f)];
    }
    for (const OutColumn& c : columns) {
        out += ',';
        out += csv_cell(c.name);
    }
    out += "\r\n";
    for (const Record& rec : data.records) {
        const Entity& e = data.entities[rec.entity];
        const std::size_t k = kind_index(e.kind);
        out += csv_cell(e.code);
        for (const std::string* text : {&e.name, &e.type, &e.parent_code}) {
            out += ',';
            out += csv_cell(*text);
        }
        out += ',';
        // A region is written where it is not the parent's.
        const bool own_region = e.region && (e.parent == kNone || data.entities[e.parent].region != e.region);
        if (own_region) out += dsl::name_of(*e.region);
        out += fmt::format(",{},", rec.year);
        out += csv_cell(recognitions(e, rec.year));
        if (map) out.append(",").append(map_word(e.map));
        if (merged) out.append(",").append(csv_cell(e.merged_from));
        if (estimates) {
            std::string names;
            for (const Column& c : program.schema.columns[k]) {
                if (c.derived || !data.is_estimate(rec, c.slot)) continue;
                if (!names.empty()) names += "; ";
                names += c.name;
            }
            out.append(",").append(csv_cell(names));
        }
        for (const OutColumn& c : columns) {
            out += ',';
            if (c.slot[k] == kNone) continue;
            const double v = data.values[rec.offset + c.slot[k]];
            if (!known(v)) continue;
            if (program.schema.columns[k][c.slot[k]].type == ValueType::boolean) {
                out += c.verdict[k] ? (v != 0 ? "đạt" : "không đạt") : (v != 0 ? "có" : "không");
            } else {
                out += csv_cell(number(v, ','));
            }
        }
        out += "\r\n";
    }
    return out;
}

std::string write_json(const Program& program, const Dataset& data) {
    const std::vector<OutColumn> columns = out_columns(program, {});
    std::vector<std::vector<std::uint32_t>> records(data.entities.size());
    for (std::uint32_t r = 0; r < data.records.size(); ++r) records[data.records[r].entity].push_back(r);
    std::string out = "{\n  \"format\": \"ntm-data\",\n  \"version\": 1,\n  \"entities\": [";
    for (std::uint32_t i = 0; i < data.entities.size(); ++i) {
        const Entity& e = data.entities[i];
        const std::size_t k = kind_index(e.kind);
        out += i == 0 ? "\n    {" : ",\n    {";
        out += fmt::format("\"code\": {}, \"name\": {}, \"type\": {}", json_string(e.code), json_string(e.name),
                           json_string(e.type));
        if (e.parent == kNone) {
            if (e.region) out += fmt::format(", \"region\": \"{}\"", dsl::name_of(*e.region));
        } else {
            out += fmt::format(", \"parent\": {}", json_string(e.parent_code));
        }
        if (!e.recognised.empty()) {
            out += ",\n      \"recognised\": [";
            for (std::size_t r = 0; r < e.recognised.size(); ++r) {
                out += fmt::format("{}{{\"level\": {}, \"year\": {}}}", r == 0 ? "" : ", ",
                                   json_string(e.recognised[r].level), e.recognised[r].year);
            }
            out += "]";
        }
        out += ",\n      \"values\": {";
        for (std::size_t n = 0; n < records[i].size(); ++n) {
            const Record& rec = data.records[records[i][n]];
            out += fmt::format("{}\n        \"{}\": {{", n == 0 ? "" : ",", rec.year);
            bool first = true;
            for (const OutColumn& c : columns) {
                if (c.slot[k] == kNone) continue;
                const double v = data.values[rec.offset + c.slot[k]];
                std::string shown = !known(v) ? "null"
                                    : program.schema.columns[k][c.slot[k]].type == ValueType::boolean
                                        ? (v != 0 ? "true" : "false")
                                        : number(v, '.');
                out += fmt::format("{}{}: {}", first ? "" : ", ", json_string(c.name), shown);
                first = false;
            }
            out += "}";
        }
        out += records[i].empty() ? "}}" : "\n      }}";
    }
    out += "\n  ]\n}\n";
    return out;
}

}  // namespace ntm::data
