// The administrative units file: one row per commune with its district and province
// (province_code, province, region, district_code, district, district_type, commune_code,
// commune, commune_type), as the GSO list is published.  CSV as Excel writes it: RFC 4180
// quotes, ',' or ';' or tab between cells, CRLF or LF, UTF-8 with or without a BOM.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "dsl/diagnostics.hpp"
#include "text/files.hpp"
#include "text/suggest.hpp"
#include "data/units.hpp"
#include "text/utf8.hpp"

namespace ntm::data {

std::uint32_t AdminUnits::find(EntityKind kind, const std::string& code) const {
    const auto it = by_code.find(std::string(dsl::name_of(kind)) + ":" + code);
    return it == by_code.end() ? kNone : it->second;
}

namespace {

enum Col : std::size_t {
    province_code, province, region, district_code, district, district_type, commune_code, commune,
    commune_type, kColumns
};
constexpr std::array<std::string_view, kColumns> kHeaders = {
    "province_code", "province", "region",  "district_code", "district",
    "district_type", "commune_code", "commune", "commune_type"};

constexpr std::array<std::string_view, 6> kDistrictTypes = {
    "Huyện", "Quận", "Thị xã", "Thành phố", "Thành phố thuộc tỉnh",
    "Thành phố thuộc thành phố trực thuộc trung ương"};
constexpr std::array<std::string_view, 3> kCommuneTypes = {"Xã", "Phường", "Thị trấn"};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

bool digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Rows of cells, each with the line it starts on.  A quoted cell may span lines.
struct Row {
    std::uint32_t line = 0;
    std::vector<std::string> cells;
};

bool split_rows(const std::string& path, std::string_view text, std::vector<Row>& rows,
                std::vector<text::Problem>& problems) {
    std::size_t comma = 0, semicolon = 0, tab = 0;
    for (const char c : text.substr(0, text.find('\n'))) {
        comma += c == ',';
        semicolon += c == ';';
        tab += c == '\t';
    }
    const char sep = tab > comma && tab > semicolon ? '\t' : semicolon > comma ? ';' : ',';
    std::uint32_t line = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        Row row;
        row.line = line;
        std::string cell;
        for (;;) {
            if (i < text.size() && text[i] == '"') {
                const std::uint32_t opened = line;
                ++i;
                for (;;) {
                    if (i >= text.size()) {
                        problems.push_back({{}, text::ProblemKind::error, {path, opened}, "quoted cell not closed before the end of the file"});
                        return false;
                    }
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            cell += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (text[i] == '\n') ++line;
                    cell += text[i++];
                }
            }
            while (i < text.size() && text[i] != sep && text[i] != '\n') cell += text[i++];
            row.cells.push_back(ntm::text::to_nfc(trim(cell)));
            cell.clear();
            if (i < text.size() && text[i] == sep) {
                ++i;
                continue;
            }
            if (i < text.size()) ++i;  // '\n'
            ++line;
            break;
        }
        const bool blank = std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return c.empty(); });
        if (!blank) rows.push_back(std::move(row));
    }
    return true;
}

// "Xã Tam Thành" of type "Xã" → "Tam Thành"; names that do not start with the type are kept.
std::string without_type(const std::string& name, std::string_view type) {
    if (name.size() > type.size() + 1 && name.compare(0, type.size(), type) == 0 && name[type.size()] == ' ')
        return name.substr(type.size() + 1);
    return name;
}

class UnitsReader {
public:
    UnitsReader(const std::string& path, std::vector<text::Problem>& problems) : problems_(problems) {
        out_.path = path;
    }

    AdminUnits read(std::string_view text) {
        std::vector<Row> rows;
        if (!split_rows(out_.path, text, rows, problems_)) return std::move(out_);
        if (rows.empty()) {
            problem(1, {}, "the file is empty: expected a header row naming the columns");
            return std::move(out_);
        }
        if (!header(rows.front())) return std::move(out_);
        for (std::size_t r = 1; r < rows.size() && problems_.size() < kMaxProblems; ++r) row(rows[r]);
        if (rows.size() == 1) problem(1, {}, "the file has a header but no unit");
        return std::move(out_);
    }

private:
    static constexpr std::size_t kMaxProblems = 50;
    AdminUnits out_;
    std::vector<text::Problem>& problems_;
    std::array<std::size_t, kColumns> index_{};
    std::size_t width_ = 0;

    void problem(std::uint32_t line, std::string_view field, std::string message) {
        problems_.push_back({{}, text::ProblemKind::error, {out_.path, line, std::string(field)}, std::move(message)});
    }

    bool header(const Row& row) {
        index_.fill(kNone);
        width_ = row.cells.size();
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const std::string name = lower_ascii(row.cells[c]);
            for (std::size_t k = 0; k < kColumns; ++k) {
                if (name == kHeaders[k] && index_[k] == kNone) index_[k] = c;
            }
        }
        std::vector<std::string> missing;
        for (std::size_t k = 0; k < kColumns; ++k) {
            if (index_[k] == kNone) missing.push_back(fmt::format("'{}'", kHeaders[k]));
        }
        if (missing.empty()) return true;
        problem(row.line, missing.front().substr(1, missing.front().size() - 2),
                fmt::format("the header has no {} column{} (expected: {})", fmt::join(missing, ", "),
                            missing.size() == 1 ? "" : "s", fmt::join(kHeaders, ", ")));
        return false;
    }

    // The cell of column `k`, or null after reporting it empty or absent.
    const std::string* cell(const Row& row, Col k) {
        if (index_[k] >= row.cells.size() || row.cells[index_[k]].empty()) {
            problem(row.line, kHeaders[k], "empty");
            return nullptr;
        }
        return &row.cells[index_[k]];
    }

    const std::string* code(const Row& row, Col k) {
        const std::string* c = cell(row, k);
        if (c != nullptr && !digits(*c)) {
            problem(row.line, kHeaders[k], fmt::format("code '{}' is not made of digits", *c));
            return nullptr;
        }
        return c;
    }

    template <std::size_t N>
    const std::string* type(const Row& row, Col k, const std::array<std::string_view, N>& allowed) {
        const std::string* t = cell(row, k);
        if (t == nullptr) return nullptr;
        for (std::string_view a : allowed) {
            if (*t == a) return t;
        }
        std::vector<std::string> candidates(allowed.begin(), allowed.end());
        const auto near = text::closest_match(*t, candidates);
        problem(row.line, kHeaders[k],
                fmt::format("unknown type '{}' ({}){}", *t, fmt::join(allowed, ", "),
                            near ? fmt::format("; did you mean '{}'?", *near) : std::string()));
        return nullptr;
    }

    // The unit of `kind` coded `code`: found (after checking the row agrees with it) or added.
    // `prefix` is the type as it starts the name ("Tỉnh Quảng Nam"), `type_text` the type kept.
    std::uint32_t unit(const Row& row, EntityKind kind, const std::string& code, const std::string& name,
                       std::string_view prefix, std::string_view type_text, std::uint32_t parent, Region region,
                       Col name_col) {
        const std::string key = std::string(dsl::name_of(kind)) + ":" + code;
        if (const auto it = out_.by_code.find(key); it != out_.by_code.end()) {
            const Unit& u = out_.units[it->second];
            if (kind == EntityKind::xa) {
                problem(row.line, kHeaders[commune_code],
                        fmt::format("commune '{}' is given twice; first on line {}", code, u.line));
            } else if (u.parent != parent) {
                problem(row.line, kHeaders[name_col],
                        fmt::format("'{}' is under '{}' here but under '{}' on line {}", code,
                                    parent == kNone ? "" : out_.units[parent].code,
                                    u.parent == kNone ? "" : out_.units[u.parent].code, u.line));
            } else if (without_type(name, prefix) != u.name) {
                problem(row.line, kHeaders[name_col],
                        fmt::format("'{}' is named '{}' here but '{}' on line {}", code, name, u.name, u.line));
            }
            return it->second;
        }
        Unit u;
        u.code = code;
        u.type = type_text;
        u.name = without_type(name, prefix);
        u.kind = kind;
        u.parent = parent;
        u.region = region;
        u.line = row.line;
        out_.units.push_back(std::move(u));
        const auto index = static_cast<std::uint32_t>(out_.units.size() - 1);
        out_.by_code.emplace(key, index);
        return index;
    }

    void row(const Row& row) {
        if (row.cells.size() < width_) {
            problem(row.line, {}, fmt::format("row has {} cells but the header has {}", row.cells.size(), width_));
            return;
        }
        const std::size_t before = problems_.size();
        const std::string* pc = code(row, province_code);
        const std::string* pn = cell(row, province);
        const std::string* rg = cell(row, region);
        const std::string* dc = code(row, district_code);
        const std::string* dn = cell(row, district);
        const std::string* dt = type(row, district_type, kDistrictTypes);
        const std::string* cc = code(row, commune_code);
        const std::string* cn = cell(row, commune);
        const std::string* ct = type(row, commune_type, kCommuneTypes);
        std::optional<Region> reg;
        if (rg != nullptr) {
            std::string upper(*rg);
            for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
            reg = dsl::region(upper);
            if (!reg) {
                std::vector<std::string> names(dsl::kRegionNames.begin(), dsl::kRegionNames.end());
                const auto near = text::closest_match(upper, names);
                problem(row.line, kHeaders[region],
                        fmt::format("unknown region '{}' (TDMNPB, DBSH, BTB, DHNTB, TN, DNB, DBSCL){}", *rg,
                                    near ? fmt::format("; did you mean '{}'?", *near) : std::string()));
            }
        }
        if (problems_.size() != before) return;
        // A province is "Tỉnh X" or "Thành phố X" (centrally run).
        const bool city = pn->rfind("Thành phố ", 0) == 0;
        const std::uint32_t p = unit(row, EntityKind::tinh, *pc, *pn, city ? "Thành phố" : "Tỉnh",
                                     city ? "Thành phố trực thuộc trung ương" : "Tỉnh", kNone, *reg, province);
        if (out_.units[p].region != *reg) {
            problem(row.line, kHeaders[region],
                    fmt::format("region '{}' of province '{}' differs from '{}' on line {}", *rg, *pc,
                                dsl::name_of(out_.units[p].region), out_.units[p].line));
            return;
        }
        const std::uint32_t d = unit(row, EntityKind::huyen, *dc, *dn, *dt, *dt, p, *reg, district);
        if (out_.units[d].type != *dt) {
            problem(row.line, kHeaders[district_type],
                    fmt::format("district '{}' is a '{}' here but a '{}' on line {}", *dc, *dt, out_.units[d].type,
                                out_.units[d].line));
            return;
        }
        unit(row, EntityKind::xa, *cc, *cn, *ct, *ct, d, *reg, commune);
    }
};

}  // namespace

AdminUnits read_units(const std::string& path, std::vector<text::Problem>& problems) {
    const auto text = ntm::text::read_text_file(path, problems);
    if (!text) {
        AdminUnits none;
        none.path = path;
        return none;
    }
    return UnitsReader(path, problems).read(*text);
}

}  // namespace ntm::data
