// The administrative units file: one row per commune with its district and province
// (province_code, province, region, district_code, district, district_type, commune_code,
// commune, commune_type), as the GSO list is published, read with the CSV reader of data files
// (data/csv.hpp).
#include "data/units.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>

#include "data/csv.hpp"
#include "data/vocabulary.hpp"
#include "text/files.hpp"
#include "text/utf8.hpp"

namespace ntm::data {

namespace {

// The key of a unit in AdminUnits::by_code: codes are unique within a kind only.
std::string unit_key(EntityKind kind, std::string_view code) {
    return fmt::format("{}:{}", dsl::name_of(kind), code);
}

}  // namespace

std::uint32_t AdminUnits::find(EntityKind kind, const std::string& code) const {
    const auto it = by_code.find(unit_key(kind, code));
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

bool digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "Xã Tam Thành" of type "Xã" → "Tam Thành"; names that do not start with the type are kept.
std::string without_type(const std::string& name, std::string_view type) {
    if (name.size() > type.size() + 1 && name.compare(0, type.size(), type) == 0 &&
        name[type.size()] == ' ')
        return name.substr(type.size() + 1);
    return name;
}

// A row of the file that is not blank: its cells (NFC), and the line it starts on.
struct Row {
    std::uint32_t line = 0;
    std::vector<std::string> cells;
};

// Every row that is not blank; nullopt, with the problem reported, on an unclosed quote (the
// rest of the file is then one cell, and nothing in it can be trusted).
std::optional<std::vector<Row>> read_rows(const std::string& path, std::string_view text,
                                          std::vector<text::Problem>& problems) {
    std::vector<Row> rows;
    CsvReader in(text);
    while (in.next()) {
        if (in.blank_row()) continue;
        Row& row = rows.emplace_back();
        row.line = in.line();
        for (std::size_t i = 0; i < in.size(); ++i) row.cells.push_back(text::to_nfc(in.cell(i)));
    }
    if (const auto& e = in.error()) {
        text::Problem p = text::file_problem(path, e->message);
        p.where.line = e->line;
        problems.push_back(std::move(p));
        return std::nullopt;
    }
    return rows;
}

// The cells of one row, each checked on its own.
struct UnitRow {
    const std::string *province_code, *province, *district_code, *district, *district_type,
        *commune_code, *commune, *commune_type;
    std::string_view region_text;
    Region region;
};

class UnitsReader {
public:
    UnitsReader(const std::string& path, std::vector<text::Problem>& problems)
        : problems_(problems) {
        out_.path = path;
    }

    AdminUnits read(std::string_view text) {
        const auto rows = read_rows(out_.path, text, problems_);
        if (!rows) return std::move(out_);
        if (rows->empty()) {
            problem(1, {}, "the file is empty: expected a header row naming the columns");
            return std::move(out_);
        }
        if (!header(rows->front())) return std::move(out_);
        for (std::size_t r = 1; r < rows->size() && problems_.size() < kMaxProblems; ++r) {
            row((*rows)[r]);
        }
        if (rows->size() == 1) problem(1, {}, "the file has a header but no unit");
        return std::move(out_);
    }

private:
    static constexpr std::size_t kMaxProblems = 50;
    AdminUnits out_;
    std::vector<text::Problem>& problems_;
    std::array<std::size_t, kColumns> index_{};
    std::size_t width_ = 0;

    void problem(std::uint32_t line, std::string_view field, std::string message) {
        text::Problem p = text::file_problem(out_.path, std::move(message));
        p.where.line = line;
        p.where.field = field;
        problems_.push_back(std::move(p));
    }

    bool header(const Row& row) {
        index_.fill(kNone);
        width_ = row.cells.size();
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const std::string name = text::fold(row.cells[c]);
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
                fmt::format("the header has no {} column{} (expected: {})",
                            fmt::join(missing, ", "), missing.size() == 1 ? "" : "s",
                            fmt::join(kHeaders, ", ")));
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
        const std::vector<std::string> candidates(allowed.begin(), allowed.end());
        problem(row.line, kHeaders[k],
                fmt::format("unknown type '{}' ({}){}", *t, fmt::join(allowed, ", "),
                            did_you_mean(*t, candidates)));
        return nullptr;
    }

    std::optional<Region> region_of(const Row& row, const std::string& text) {
        const int r = resolve_region(text);
        if (r >= 0) return static_cast<Region>(r);
        problem(row.line, kHeaders[region], unknown_region(text));
        return std::nullopt;
    }

    // Every cell of the row checked, each problem reported; nullopt if there was one.
    std::optional<UnitRow> cells(const Row& row) {
        const std::size_t before = problems_.size();
        UnitRow u{};
        u.province_code = code(row, province_code);
        u.province = cell(row, province);
        const std::string* rg = cell(row, region);
        u.district_code = code(row, district_code);
        u.district = cell(row, district);
        u.district_type = type(row, district_type, kDistrictTypes);
        u.commune_code = code(row, commune_code);
        u.commune = cell(row, commune);
        u.commune_type = type(row, commune_type, kCommuneTypes);
        const std::optional<Region> reg = rg == nullptr ? std::nullopt : region_of(row, *rg);
        if (problems_.size() != before) return std::nullopt;
        u.region_text = *rg;
        u.region = *reg;
        return u;
    }

    // The unit of `kind` coded `code`: found (after checking the row agrees with it) or added.
    // `prefix` is the type as it starts the name ("Tỉnh Quảng Nam"), `type_text` the type kept.
    std::uint32_t unit(const Row& row, EntityKind kind, const std::string& code,
                       const std::string& name, std::string_view prefix, std::string_view type_text,
                       std::uint32_t parent, Region region, Col name_col) {
        std::string key = unit_key(kind, code);
        if (const auto it = out_.by_code.find(key); it != out_.by_code.end()) {
            again(row, kind, code, name, prefix, parent, name_col, it->second);
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
        out_.by_code.emplace(std::move(key), index);
        return index;
    }

    // A unit named again by a later row: a commune never is; a district or province must have
    // the same parent and name.
    void again(const Row& row, EntityKind kind, const std::string& code, const std::string& name,
               std::string_view prefix, std::uint32_t parent, Col name_col, std::uint32_t first) {
        const Unit& u = out_.units[first];
        const auto code_of = [&](std::uint32_t p) {
            return p == kNone ? std::string() : out_.units[p].code;
        };
        if (kind == EntityKind::xa) {
            problem(row.line, kHeaders[commune_code],
                    fmt::format("commune '{}' is given twice; first on line {}", code, u.line));
        } else if (u.parent != parent) {
            problem(row.line, kHeaders[name_col],
                    fmt::format("'{}' is under '{}' here but under '{}' on line {}", code,
                                code_of(parent), code_of(u.parent), u.line));
        } else if (without_type(name, prefix) != u.name) {
            problem(row.line, kHeaders[name_col],
                    fmt::format("'{}' is named '{}' here but '{}' on line {}", code, name, u.name,
                                u.line));
        }
    }

    void row(const Row& row) {
        if (row.cells.size() < width_) {
            problem(row.line, {},
                    fmt::format("row has {} cells but the header has {}", row.cells.size(),
                                width_));
            return;
        }
        const std::optional<UnitRow> c = cells(row);
        if (!c) return;
        // A province is "Tỉnh X" or "Thành phố X" (centrally run).
        const bool city = c->province->starts_with("Thành phố ");
        const std::uint32_t p =
            unit(row, EntityKind::tinh, *c->province_code, *c->province,
                 city ? "Thành phố" : "Tỉnh", city ? "Thành phố trực thuộc trung ương" : "Tỉnh",
                 kNone, c->region, province);
        if (out_.units[p].region != c->region) {
            problem(row.line, kHeaders[region],
                    fmt::format("region '{}' of province '{}' differs from '{}' on line {}",
                                c->region_text, *c->province_code,
                                dsl::name_of(out_.units[p].region), out_.units[p].line));
            return;
        }
        const std::uint32_t d = unit(row, EntityKind::huyen, *c->district_code, *c->district,
                                     *c->district_type, *c->district_type, p, c->region, district);
        if (out_.units[d].type != *c->district_type) {
            problem(row.line, kHeaders[district_type],
                    fmt::format("district '{}' is a '{}' here but a '{}' on line {}",
                                *c->district_code, *c->district_type, out_.units[d].type,
                                out_.units[d].line));
            return;
        }
        unit(row, EntityKind::xa, *c->commune_code, *c->commune, *c->commune_type,
             *c->commune_type, d, c->region, commune);
    }
};

}  // namespace

AdminUnits read_units(const std::string& path, std::vector<text::Problem>& problems) {
    const auto text = text::read_text_file(path, problems);
    if (!text) {
        AdminUnits none;
        none.path = path;
        return none;
    }
    return UnitsReader(path, problems).read(*text);
}

}  // namespace ntm::data
