// The administrative units file: one row per commune with its province and, before 01/7/2025,
// its district, as the GSO list is published, read with the CSV reader of data files
// (data/csv.hpp).  The layout is told by the header (data/units.hpp).
#include "data/units.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <optional>

#include "data/csv.hpp"
#include "data/official.hpp"
#include "data/vocabulary.hpp"
#include "text/files.hpp"
#include "text/utf8.hpp"

namespace ntm::data {

namespace {

// The key of a unit in AdminUnits::by_code: codes are unique within a kind only.
std::string unit_key(EntityKind kind, std::string_view code) {
    const std::string_view name = dsl::name_of(kind);
    std::string key;
    key.reserve(name.size() + 1 + code.size());
    key.append(name).append(1, ':').append(code);
    return key;
}

}  // namespace

std::uint32_t AdminUnits::find(EntityKind kind, const std::string& code) const {
    const auto it = by_code.find(unit_key(kind, code));
    return it == by_code.end() ? kNone : it->second;
}

const std::multimap<std::string, std::uint32_t>& AdminUnits::by_name() const {
    std::call_once(by_name_->made, [this] {
        for (std::uint32_t u = 0; u < units.size(); ++u) {
            by_name_->units.emplace(unit_key(units[u].kind, text::fold(units[u].name)), u);
        }
    });
    return by_name_->units;
}

std::vector<std::uint32_t> AdminUnits::named(EntityKind kind, std::string_view name) const {
    std::vector<std::uint32_t> out;
    const std::string folded = text::fold(name);
    const auto add = [&](std::string_view key, bool whole) {
        const auto [first, last] = by_name().equal_range(unit_key(kind, key));
        for (auto it = first; it != last; ++it) {
            if (!whole || text::fold(full_name(it->second)) == folded) out.push_back(it->second);
        }
    };
    add(folded, false);
    // "Xã Tam An", "Thành phố Đà Nẵng": the name after the words of its type.
    for (std::size_t at = folded.find(' '); out.empty() && at != std::string::npos; at = folded.find(' ', at + 1)) {
        add(std::string_view(folded).substr(at + 1), true);
    }
    return out;
}

std::string AdminUnits::full_name(std::uint32_t unit) const {
    if (unit >= units.size()) return {};
    const Unit& u = units[unit];
    // "Thành phố trực thuộc trung ương", "Thành phố thuộc tỉnh": people write "Thành phố X".
    const std::string_view type = u.type.starts_with("Thành phố") ? std::string_view("Thành phố") : u.type;
    std::string out(type);
    out += ' ';
    out += u.name;
    return out;
}

namespace {

enum Col : std::size_t {
    province_code, province, region, district_code, district, district_type, commune_code, commune,
    commune_type, old_regions, kColumns
};
constexpr std::array<std::string_view, kColumns> kHeaders = {
    "province_code", "province", "region",  "district_code", "district",
    "district_type", "commune_code", "commune", "commune_type", "old_regions"};
// The columns of each layout: the list before 01/7/2025, and the 2025 list (two tiers).
constexpr std::array<Col, 9> kOldColumns = {province_code, province,     region,  district_code, district,
                                            district_type, commune_code, commune, commune_type};
constexpr std::array<Col, 6> kNewColumns = {province_code, province, commune_code, commune, commune_type, old_regions};

constexpr std::array<std::string_view, 6> kDistrictTypes = {
    "Huyện", "Quận", "Thị xã", "Thành phố", "Thành phố thuộc tỉnh",
    "Thành phố thuộc thành phố trực thuộc trung ương"};
constexpr std::array<std::string_view, 3> kCommuneTypes = {"Xã", "Phường", "Thị trấn"};
constexpr std::array<std::string_view, 3> kNewCommuneTypes = {"Xã", "Phường", "Đặc khu"};

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

using Row = ListRow;

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
        const auto rows = read_list_rows(out_.path, text, problems_);
        if (!rows) return std::move(out_);
        if (rows->empty()) {
            problem(1, {}, text::say("list.empty"));
            return std::move(out_);
        }
        if (!header(rows->front())) return std::move(out_);
        // A unit per row, and the districts and provinces above them.
        out_.units.reserve(rows->size() + rows->size() / 8);
        out_.by_code.reserve(rows->size() + rows->size() / 8);
        for (std::size_t r = 1; r < rows->size() && problems_.size() < kMaxProblems; ++r) {
            row((*rows)[r]);
        }
        if (rows->size() == 1) problem(1, {}, text::say("units.no_unit"));
        if (out_.map == engine::AdminMap::two_tier) province_regions();
        return std::move(out_);
    }

private:
    static constexpr std::size_t kMaxProblems = 50;
    AdminUnits out_;
    std::vector<text::Problem>& problems_;
    std::array<std::size_t, kColumns> index_{};
    std::size_t width_ = 0;

    void problem(std::uint32_t line, std::string_view field, text::Message message) {
        problems_.push_back(list_problem(out_.path, line, field, std::move(message)));
    }

    // The columns of the header; the layout is the 2025 list's when it has `old_regions` and no
    // `district_code`, else the old list's.
    bool header(const Row& row) {
        width_ = row.cells.size();
        find_list_columns(row, kHeaders, index_);
        if (index_[old_regions] != kNone && index_[district_code] == kNone) {
            out_.map = engine::AdminMap::two_tier;
            return has_columns(row, kNewColumns);
        }
        return has_columns(row, kOldColumns);
    }

    template <std::size_t N>
    bool has_columns(const Row& row, const std::array<Col, N>& columns) {
        std::vector<std::string> missing;
        std::vector<std::string_view> expected;
        for (const Col k : columns) {
            expected.push_back(kHeaders[k]);
            if (index_[k] == kNone) missing.push_back(fmt::format("'{}'", kHeaders[k]));
        }
        if (missing.empty()) return true;
        problem(row.line, missing.front().substr(1, missing.front().size() - 2),
                missing.size() == 1
                    ? text::say("list.no_column", missing.front(), fmt::format("{}", fmt::join(expected, ", ")))
                    : text::say("list.no_columns", fmt::format("{}", fmt::join(missing, ", ")),
                                fmt::format("{}", fmt::join(expected, ", "))));
        return false;
    }

    // The cell of column `k`, or null after reporting it empty or absent.
    const std::string* cell(const Row& row, Col k) {
        if (index_[k] >= row.cells.size() || row.cells[index_[k]].empty()) {
            problem(row.line, kHeaders[k], text::say("list.empty_cell"));
            return nullptr;
        }
        return &row.cells[index_[k]];
    }

    const std::string* code(const Row& row, Col k) {
        const std::string* c = cell(row, k);
        if (c != nullptr && !digits(*c)) {
            problem(row.line, kHeaders[k], text::say("list.code_digits", *c));
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
                text::say("units.unknown_type", *t, fmt::format("{}", fmt::join(allowed, ", ")),
                          did_you_mean(*t, candidates)));
        return nullptr;
    }

    std::optional<Region> region_of(const Row& row, const std::string& text, Col k = region) {
        const int r = resolve_region(text);
        if (r >= 0) return static_cast<Region>(r);
        problem(row.line, kHeaders[k], unknown_region(text));
        return std::nullopt;
    }

    // `old_regions`: one region, or several separated by ';' (the first is the commune's).
    std::optional<Region> old_region_of(const Row& row, const std::string& text) {
        std::optional<Region> first;
        std::size_t from = 0;
        for (;;) {
            const std::size_t semicolon = text.find(';', from);
            const std::string one(text::trim(std::string_view(text).substr(from, semicolon - from)));
            const std::optional<Region> r = region_of(row, one, old_regions);
            if (!r) return std::nullopt;
            if (!first) first = r;
            if (semicolon == std::string::npos) return first;
            from = semicolon + 1;
        }
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
                    text::say("units.commune_twice", code, u.line));
        } else if (u.parent != parent) {
            problem(row.line, kHeaders[name_col],
                    text::say("units.other_parent", code, code_of(parent), code_of(u.parent), u.line));
        } else if (without_type(name, prefix) != u.name) {
            problem(row.line, kHeaders[name_col],
                    text::say("units.other_name", code, name, u.name, u.line));
        }
    }

    void row(const Row& row) {
        if (row.cells.size() < width_) {
            problem(row.line, {},
                    text::say("list.cells", row.cells.size(), width_));
            return;
        }
        if (out_.map == engine::AdminMap::two_tier) {
            new_row(row);
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
                    text::say("units.other_region", c->region_text, *c->province_code,
                              dsl::name_of(out_.units[p].region), out_.units[p].line));
            return;
        }
        const std::uint32_t d = unit(row, EntityKind::huyen, *c->district_code, *c->district,
                                     *c->district_type, *c->district_type, p, c->region, district);
        if (out_.units[d].type != *c->district_type) {
            problem(row.line, kHeaders[district_type],
                    text::say("units.other_type", *c->district_code, *c->district_type, out_.units[d].type,
                              out_.units[d].line));
            return;
        }
        unit(row, EntityKind::xa, *c->commune_code, *c->commune, *c->commune_type,
             *c->commune_type, d, c->region, commune);
    }

    // A row of the 2025 list: the commune directly under its province, with its own region.
    void new_row(const Row& row) {
        const std::size_t before = problems_.size();
        const std::string* pc = code(row, province_code);
        const std::string* pn = cell(row, province);
        const std::string* cc = code(row, commune_code);
        const std::string* cn = cell(row, commune);
        const std::string* ct = type(row, commune_type, kNewCommuneTypes);
        const std::string* rg = cell(row, old_regions);
        const std::optional<Region> reg = rg == nullptr ? std::nullopt : old_region_of(row, *rg);
        if (problems_.size() != before || !reg) return;
        const Region r = reg.value_or(Region::TDMNPB);
        const bool city = pn->starts_with("Thành phố ");
        const std::uint32_t p = unit(row, EntityKind::tinh, *pc, *pn, city ? "Thành phố" : "Tỉnh",
                                     city ? "Thành phố trực thuộc trung ương" : "Tỉnh", kNone, r, province);
        unit(row, EntityKind::xa, *cc, *cn, *ct, *ct, p, r, commune);
    }

    // A province of the 2025 list spans the regions of the provinces merged into it: its region
    // is the most frequent among its communes (the first seen on a tie).
    void province_regions() {
        std::vector<std::array<std::uint32_t, engine::kRegionCount>> counts(out_.units.size());
        for (const Unit& u : out_.units) {
            if (u.kind == EntityKind::xa && u.parent != kNone) ++counts[u.parent][engine::region_index(u.region)];
        }
        for (std::uint32_t i = 0; i < out_.units.size(); ++i) {
            Unit& u = out_.units[i];
            if (u.kind != EntityKind::tinh) continue;
            std::uint32_t best = counts[i][engine::region_index(u.region)];
            for (std::size_t r = 0; r < engine::kRegionCount; ++r) {
                if (counts[i][r] > best) {
                    best = counts[i][r];
                    u.region = static_cast<Region>(r);
                }
            }
        }
    }
};

}  // namespace

void find_list_columns(const ListRow& header, std::span<const std::string_view> names, std::span<std::size_t> index) {
    std::fill(index.begin(), index.end(), kNone);
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
        const std::string name = text::fold(header.cells[c]);
        for (std::size_t k = 0; k < names.size() && k < index.size(); ++k) {
            if (name == names[k] && index[k] == kNone) index[k] = c;
        }
    }
}

text::Problem list_problem(const std::string& path, std::uint32_t line, std::string_view field, text::Message message) {
    text::Problem p = text::file_problem(path, std::move(message));
    p.where.line = line;
    p.where.field = field;
    return p;
}

std::optional<std::vector<ListRow>> read_list_rows(const std::string& path, std::string_view text,
                                                   std::vector<text::Problem>& problems) {
    std::vector<ListRow> rows;
    CsvReader in(text);
    while (in.next()) {
        if (in.blank_row()) continue;
        ListRow& row = rows.emplace_back();
        row.line = in.line();
        row.cells.reserve(in.size());
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

AdminUnits read_units(const std::string& path, std::vector<text::Problem>& problems) {
    const auto text = text::read_text_file(path, problems);
    if (!text) {
        AdminUnits none;
        none.path = path;
        return none;
    }
    return parse_units(path, *text, problems);
}

AdminUnits parse_units(const std::string& path, std::string_view text, std::vector<text::Problem>& problems) {
    return UnitsReader(path, problems).read(text);
}

namespace {

// A bundled list, parsed; it is tested to hold no problem, so one here means a broken build.
AdminUnits parse_official(OfficialFile file) {
    std::vector<text::Problem> problems;
    AdminUnits units = parse_units(std::string(official_path(file)), official_text(file), problems);
    if (!problems.empty()) {
        fmt::print(stderr, "internal error: the bundled list is damaged\n{}", text::render(problems, text::Lang::en));
        std::abort();
    }
    return units;
}

}  // namespace

const AdminUnits& official_units(engine::AdminMap map) {
    if (map == engine::AdminMap::two_tier) {
        static const AdminUnits two_tier = parse_official(OfficialFile::units_two_tier);
        return two_tier;
    }
    static const AdminUnits three_tier = parse_official(OfficialFile::units_three_tier);
    return three_tier;
}

std::array<const AdminUnits*, 2> official_lists() {
    return {&official_units(engine::AdminMap::three_tier), &official_units(engine::AdminMap::two_tier)};
}

}  // namespace ntm::data
