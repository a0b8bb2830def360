// The vocabulary of data files and the Builder shared by the CSV and JSON readers: every
// validation rule of docs/data-format.md is here, once.
#include "engine/dataset.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <numeric>
#include <tuple>

#include "dsl/diagnostics.hpp"
#include "dsl/load.hpp"
#include "engine/load_common.hpp"

namespace ntm::engine {
namespace data {

// ---------------------------------------------------------------------------------------------
// Text

namespace {

bool blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Whether `s` is certainly in NFC without asking utf8proc: every code point is below the
// combining marks (U+0300) or a precomposed Latin letter (U+1E00–U+1EFF), which covers
// Vietnamese.  Names are normalised once per entity, and there may be a million of them.
bool plainly_nfc(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
        } else if (c < 0xCC) {  // two bytes, below U+0300
            i += 2;
        } else if (c == 0xE1 && i + 1 < s.size() &&
                   (static_cast<unsigned char>(s[i + 1]) & 0xFC) == 0xB8) {
            i += 3;  // U+1E00–U+1EFF
        } else {
            return false;
        }
    }
    return true;
}

std::string nfc(std::string_view s) {
    return plainly_nfc(s) ? std::string(s) : dsl::to_nfc(s);
}

}  // namespace

std::string_view trim(std::string_view s) {
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    return s;
}

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string fold(std::string_view s) {
    s = trim(s);
    if (s.empty()) return {};
    utf8proc_uint8_t* out = nullptr;
    const auto n = utf8proc_map(
        reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
        static_cast<utf8proc_ssize_t>(s.size()), &out,
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
    const std::string folded =
        n < 0 ? std::string(s)
              : std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
    std::free(out);
    std::string r;
    r.reserve(folded.size());
    for (const char c : folded) {
        if (!blank(c)) {
            r += c;
        } else if (!r.empty() && r.back() != ' ') {
            r += ' ';
        }
    }
    return r;
}

// ---------------------------------------------------------------------------------------------
// Reserved fields, types, kinds, regions

std::optional<Field> reserved_field(std::string_view header) {
    const std::string f = fold(header);
    for (std::size_t i = 0; i < kFieldCount; ++i) {
        if (f == kFieldKeys[i] || f == kFieldHeaders[i]) return static_cast<Field>(i);
    }
    if (f == "recognized") return Field::recognised;
    return std::nullopt;
}

namespace {

struct TypeWord {
    std::string_view folded;
    std::string_view shown;
    EntityKind kind;
    bool judged = true;  // false: urban units, not judged by the NTM criteria sets
};

// The types of administrative units (and of villages) and the kind each is judged as.
constexpr TypeWord kTypeWords[] = {
    {"thôn", "Thôn", EntityKind::thon},
    {"bản", "Bản", EntityKind::thon},
    {"ấp", "Ấp", EntityKind::thon},
    {"khu dân cư", "Khu dân cư", EntityKind::thon},
    {"tổ dân phố", "Tổ dân phố", EntityKind::thon, false},
    {"xóm", "Xóm", EntityKind::thon},
    {"làng", "Làng", EntityKind::thon},
    {"buôn", "Buôn", EntityKind::thon},
    {"khóm", "Khóm", EntityKind::thon, false},
    {"khu phố", "Khu phố", EntityKind::thon, false},
    {"xã", "Xã", EntityKind::xa},
    {"phường", "Phường", EntityKind::xa, false},
    {"thị trấn", "Thị trấn", EntityKind::xa, false},
    {"huyện", "Huyện", EntityKind::huyen},
    {"quận", "Quận", EntityKind::huyen, false},
    {"thị xã", "Thị xã", EntityKind::huyen},
    {"thành phố", "Thành phố", EntityKind::huyen},
    {"thành phố thuộc tỉnh", "Thành phố thuộc tỉnh", EntityKind::huyen},
    {"thành phố thuộc thành phố trực thuộc trung ương",
     "Thành phố thuộc thành phố trực thuộc trung ương", EntityKind::huyen},
    {"tỉnh", "Tỉnh", EntityKind::tinh},
    {"thành phố trực thuộc trung ương", "Thành phố trực thuộc trung ương", EntityKind::tinh},
};

// The type written for an entity given only by its kind.
constexpr std::array<std::string_view, kKindCount> kDefaultType = {"Thôn", "Xã", "Huyện", "Tỉnh"};

constexpr std::array<std::string_view, kRegionCount> kRegionTitles = {
    "Trung du và miền núi phía Bắc", "Đồng bằng sông Hồng", "Bắc Trung Bộ",
    "Duyên hải Nam Trung Bộ",        "Tây Nguyên",          "Đông Nam Bộ",
    "Đồng bằng sông Cửu Long"};

// A type word or a kind name → kind index, or -1.
int resolve_type(std::string_view text) {
    const std::string f = fold(text);
    for (const TypeWord& w : kTypeWords) {
        if (f == w.folded) return static_cast<int>(w.kind);
    }
    for (std::size_t k = 0; k < kKindCount; ++k) {
        if (f == dsl::kKindNames[k]) return static_cast<int>(k);
    }
    return -1;
}

// The type as the decisions write it ("Thị xã" for "thị xã", "THỊ XÃ"), and whether units of
// that type are judged; a kind name written as a type is judged and kept as written.
std::pair<std::string, bool> canonical_type(std::string text) {
    const std::string f = fold(text);
    for (const TypeWord& w : kTypeWords) {
        if (f == w.folded) return {std::string(w.shown), w.judged};
    }
    return {std::move(text), true};
}

// A region code or title, with or without "vùng" → region index, or -1.
int resolve_region(std::string_view text) {
    std::string f = fold(text);
    if (f.starts_with("vùng ")) f.erase(0, std::string_view("vùng ").size());
    for (std::size_t r = 0; r < kRegionCount; ++r) {
        if (f == fold(dsl::kRegionNames[r]) || f == fold(kRegionTitles[r]))
            return static_cast<int>(r);
    }
    return -1;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    if (auto m = dsl::closest_match(std::string(word), candidates))
        return fmt::format("; did you mean '{}'?", *m);
    return {};
}

std::vector<std::string> type_candidates() {
    std::vector<std::string> c;
    for (const TypeWord& w : kTypeWords) c.emplace_back(w.shown);
    return c;
}

std::vector<std::string> kind_candidates() {
    return {dsl::kKindNames.begin(), dsl::kKindNames.end()};
}

// Codes only: titles differ by a word ("Bắc Trung Bộ", "Nam Trung Bộ"), so a title one edit
// away may well be another region.
std::vector<std::string> region_candidates() {
    return {dsl::kRegionNames.begin(), dsl::kRegionNames.end()};
}

std::string_view kind_name(EntityKind k) {
    return dsl::name_of(k);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Numbers and years

ParsedNumber parse_number(std::string_view text, bool comma_decimal) {
    ParsedNumber r;
    std::string_view s = trim(text);
    if (!s.empty() && s.back() == '%') {
        r.percent = true;
        s = trim(s.substr(0, s.size() - 1));
    }
    // Copied into a buffer with the separator as '.', for from_chars (which takes no '+').
    char buf[64];
    std::size_t n = 0, int_digits = 0, frac_digits = 0, exp_digits = 0, i = 0;
    bool sep = false, comma = false, exp = false, leading_zero = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        if (s[i] == '-') buf[n++] = '-';
        ++i;
    }
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (n + 2 >= sizeof buf) return r;
        if (c >= '0' && c <= '9') {
            if (!sep && !exp && int_digits == 0) leading_zero = c == '0';
            ++(exp ? exp_digits : sep ? frac_digits : int_digits);
            buf[n++] = c;
        } else if ((c == '.' || c == ',') && !sep && !exp) {
            sep = true;
            comma = c == ',';
            buf[n++] = '.';
        } else if ((c == 'e' || c == 'E') && !exp && int_digits + frac_digits > 0) {
            exp = true;
            buf[n++] = 'e';
            if (i + 1 < s.size() && (s[i + 1] == '+' || s[i + 1] == '-')) buf[n++] = s[++i];
        } else {
            return r;
        }
    }
    if (int_digits + frac_digits == 0 || (exp && exp_digits == 0)) return r;
    // "1,234" is a thousand in English and one point two three four in Vietnamese; "0,125" and
    // "1234,5" can only be decimal.
    if (comma && !comma_decimal && frac_digits == 3 && int_digits > 0 && int_digits <= 3 &&
        !leading_zero && !exp) {
        r.form = ParsedNumber::Form::ambiguous;
        return r;
    }
    double v = 0;
    const auto [end, ec] = std::from_chars(buf, buf + n, v);
    if (ec != std::errc() || end != buf + n) return r;
    r.value = v;
    r.form = ParsedNumber::Form::ok;
    return r;
}

std::optional<int> parse_year(std::string_view text) {
    text = trim(text);
    if (text.size() != 4) return std::nullopt;
    int y = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), y);
    if (ec != std::errc() || end != text.data() + text.size() || y < kYearMin || y > kYearMax)
        return std::nullopt;
    return y;
}

// ---------------------------------------------------------------------------------------------
// Builder: declaring entities and records

Builder::Builder(std::string path, const Schema& schema, const LoadOptions& options,
                 Granularity granularity)
    : path_(std::move(path)), schema_(schema), options_(options), granularity_(granularity) {
    for (std::size_t k = 0; k < kKindCount; ++k) {
        for (const Column& c : schema.columns[k]) {
            const std::uint32_t i = column(c.name);
            columns_[i].of[k] = &c;
        }
    }
    for (std::size_t f = 0; f < kFieldCount; ++f) field_names_[f] = kFieldKeys[f];
}

std::uint32_t Builder::column(std::string_view name) {
    if (auto it = column_index_.find(name); it != column_index_.end()) return it->second;
    std::string key = nfc(name);
    if (auto it = column_index_.find(key); it != column_index_.end()) return it->second;
    const auto i = static_cast<std::uint32_t>(columns_.size());
    columns_.push_back({key, {}, 0});
    column_index_.emplace(std::move(key), i);
    return i;
}

void Builder::unknown_column(std::uint32_t c, std::uint32_t line) {
    ColumnInfo& info = columns_[c];
    if ((info.warned & 0x80) != 0) return;
    info.warned |= 0x80;
    std::vector<std::string> known;
    for (const ColumnInfo& other : columns_) {
        if (other.known()) known.push_back(other.name);
    }
    problem("D0001", ProblemKind::warning, line, info.name,
            fmt::format(
                "unknown column '{}': no kind has an input of that name, its values are ignored{}",
                info.name, did_you_mean(info.name, known)));
}

bool Builder::wanted(int year) {
    if (!options_.year || *options_.year == year) return true;
    ++ds_.skipped;
    return false;
}

void Builder::problem(const char* code, ProblemKind kind, std::uint32_t line,
                      std::string_view field, std::string message) {
    ds_.problems.push_back({code, kind, {path_, line, std::string(field)}, std::move(message)});
}

int Builder::cached(std::vector<Word>& cache, std::string_view text,
                    int (*lookup)(std::string_view)) {
    for (const Word& w : cache) {
        if (w.text == text) return w.value;
    }
    const int v = lookup(text);
    if (cache.size() < 64) cache.push_back({std::string(text), v});
    return v;
}

// The reserved fields of a row on their own: code, type and kind, region.
std::optional<Builder::HeadProblem> Builder::resolve(const Head& head, const std::string& code,
                                                     Resolved& out) {
    const Written& type = head[Field::type];
    const Written& kind = head[Field::kind];
    const Written& region = head[Field::region];
    if (code.empty()) {
        return HeadProblem{"D0101", Field::code, "empty code: the record cannot be identified"};
    }
    const int type_kind = type.given() ? cached(types_, type.text, resolve_type) : -1;
    const int kind_kind = kind.given() ? cached(kinds_, kind.text, resolve_type) : -1;
    if (type.given() && type_kind < 0) {
        return HeadProblem{"D0104", Field::type,
                           fmt::format("unknown type '{}' of '{}'{}", type.text, code,
                                       did_you_mean(type.text, type_candidates()))};
    }
    if (kind.given() && kind_kind < 0) {
        return HeadProblem{
            "D0104", Field::kind,
            fmt::format("unknown kind '{}' of '{}' (thon, xa, huyen, tinh){}", kind.text, code,
                        did_you_mean(kind.text, kind_candidates()))};
    }
    if (!type.given() && !kind.given()) {
        return HeadProblem{"D0104", Field::type, fmt::format("no type or kind for '{}'", code)};
    }
    if (type.given() && kind.given() && type_kind != kind_kind) {
        return HeadProblem{"D0105", Field::kind,
                           fmt::format("type '{}' (a {}) disagrees with kind '{}'", type.text,
                                       kind_name(static_cast<EntityKind>(type_kind)), kind.text)};
    }
    out.kind = static_cast<EntityKind>(kind.given() ? kind_kind : type_kind);
    if (region.given()) {
        const int r = cached(regions_, region.text, resolve_region);
        if (r < 0) {
            return HeadProblem{
                "D0110", Field::region,
                fmt::format("unknown region '{}' (TDMNPB, DBSH, BTB, DHNTB, TN, DNB, DBSCL){}",
                            region.text, did_you_mean(region.text, region_candidates()))};
        }
        out.region = static_cast<Region>(r);
    }
    return std::nullopt;
}

std::uint32_t Builder::entity(const Head& head, std::size_t records) {
    const std::string code = nfc(head[Field::code].text);
    Resolved resolved;
    std::optional<HeadProblem> bad = resolve(head, code, resolved);
    const auto known = bad ? codes_.end() : codes_.find(code);
    if (!bad && known != codes_.end() && ds_.entities[known->second].kind != resolved.kind) {
        const Entity& first = ds_.entities[known->second];
        bad = HeadProblem{
            "D0105", head[Field::kind].given() ? Field::kind : Field::type,
            fmt::format("'{}' is a {} on {} {}, not a {}", code, kind_name(first.kind),
                        line_word_, first.origin.line, kind_name(resolved.kind))};
    }
    if (bad) {
        const Written& w = head[bad->field];
        problem(bad->code, ProblemKind::record, w.line != 0 ? w.line : head.line,
                field_name(bad->field), std::move(bad->message));
        ds_.read += records;
        ds_.rejected += records;
        if (!code.empty() && !codes_.contains(code)) rejected_codes_.emplace(code, head.line);
        return kNone;
    }
    if (known != codes_.end()) {
        merge(known->second, head, resolved);
        return known->second;
    }

    const auto e = static_cast<std::uint32_t>(ds_.entities.size());
    const Written& type = head[Field::type];
    Entity& en = ds_.entities.emplace_back();
    en.code = code;
    en.name = nfc(head[Field::name].text);
    std::tie(en.type, en.judged) =
        canonical_type(type.given() ? nfc(type.text) : std::string(kDefaultType[kind_index(resolved.kind)]));
    en.kind = resolved.kind;
    en.parent_code = nfc(head[Field::parent].text);
    en.region = resolved.region;
    en.origin = {path_, head.line, {}};
    building_.push_back(
        {kNone, kNone, head[Field::parent].line, head[Field::region].line, type.given(), false});
    codes_.emplace(code, e);
    return e;
}

// Another row of a known entity: fills in what was missing, warns where it disagrees.
void Builder::merge(std::uint32_t e, const Head& head, const Resolved& resolved) {
    Entity& en = ds_.entities[e];
    Building& b = building_[e];
    const auto line = [&](Field f) { return head[f].line != 0 ? head[f].line : head.line; };
    const auto differs = [&](Field f, std::string_view now, std::string_view kept) {
        problem("D0301", ProblemKind::warning, line(f), field_name(f),
                fmt::format("{} '{}' of '{}' differs from '{}' on {} {}; '{}' is kept",
                            kFieldKeys[static_cast<std::size_t>(f)], now, en.code, kept,
                            line_word_, en.origin.line, kept));
    };
    const auto text = [&](Field f, std::string& kept) {
        const std::string_view written = head[f].text;
        if (written.empty() || written == kept) return;
        std::string now = nfc(written);
        if (kept.empty()) {
            kept = std::move(now);
        } else if (now != kept) {
            differs(f, now, kept);
        }
    };
    text(Field::name, en.name);
    if (head[Field::type].given() && !b.type_written) {
        std::tie(en.type, en.judged) = canonical_type(nfc(head[Field::type].text));  // the first row gave only the kind
        b.type_written = true;
    } else if (head[Field::type].given() && canonical_type(nfc(head[Field::type].text)).first != en.type) {
        text(Field::type, en.type);
    }
    if (en.parent_code.empty() && head[Field::parent].given())
        b.parent_line = head[Field::parent].line;
    text(Field::parent, en.parent_code);
    if (resolved.region && !en.region) {
        en.region = resolved.region;
        b.region_line = head[Field::region].line;
    } else if (resolved.region && *en.region != *resolved.region) {
        differs(Field::region, dsl::name_of(*resolved.region), dsl::name_of(*en.region));
    }
}

void Builder::recognised(std::uint32_t e, std::string_view text, std::uint32_t line) {
    while (!text.empty()) {
        const std::size_t end = text.find_first_of(";,");
        const std::string_view entry = trim(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (entry.empty()) continue;
        const std::size_t colon = entry.find(':');
        const std::string_view level =
            colon == std::string_view::npos ? entry : trim(entry.substr(0, colon));
        const auto year =
            colon == std::string_view::npos ? std::nullopt : parse_year(entry.substr(colon + 1));
        if (level.empty() || !year || level.find_first_of(" \t") != std::string_view::npos) {
            problem("D0208", ProblemKind::value, line, field_name(Field::recognised),
                    fmt::format("malformed recognition '{}': write LEVEL:YEAR, e.g. dat_chuan:2019",
                                entry));
            continue;
        }
        recognised(e, level, *year);
    }
}

void Builder::recognised(std::uint32_t e, std::string_view level, int year) {
    auto& list = ds_.entities[e].recognised;
    const std::string name = nfc(level);
    for (const Recognition& r : list) {
        if (r.level == name && r.year == year) return;
    }
    list.push_back({name, year});
}

std::uint32_t Builder::record(std::uint32_t e, int year, std::uint32_t line,
                              std::string_view field) {
    Building& b = building_[e];
    for (std::uint32_t r = b.first; r != kNone; r = pending_[r].next) {
        if (pending_[r].year == year) {
            reject_record("D0103", line,
                          field.empty() ? std::string_view(field_name(Field::year)) : field,
                          fmt::format("duplicate record of '{}' in {}; first given on {} {}",
                                      ds_.entities[e].code, year, line_word_, pending_[r].line));
            return kNone;
        }
    }
    const auto r = static_cast<std::uint32_t>(pending_.size());
    pending_.push_back({e, year, line, ds_.values.size(), kNone});
    ds_.values.insert(ds_.values.end(), schema_.slots(ds_.entities[e].kind), kUnknown);
    if (b.last == kNone) {
        b.first = r;
    } else {
        pending_[b.last].next = r;
    }
    b.last = r;
    ++ds_.read;
    return r;
}

void Builder::reject_record(const char* code, std::uint32_t line, std::string_view field,
                            std::string message, std::size_t records) {
    problem(code, ProblemKind::record, line, field, std::move(message));
    ds_.read += records;
    ds_.rejected += records;
}

// ---------------------------------------------------------------------------------------------
// Builder: values

void Builder::value(std::uint32_t record, std::uint32_t column, const Cell& cell,
                    std::uint32_t line) {
    if (cell.kind == Cell::Kind::null || (cell.kind == Cell::Kind::text && cell.text.empty()))
        return;
    const Pending& p = pending_[record];
    const EntityKind kind = ds_.entities[p.entity].kind;
    ColumnInfo& info = columns_[column];
    const Column* c = info.of[kind_index(kind)];
    if (c == nullptr) {
        if (!info.known()) return;  // reported once at the header or key (D0001)
        const auto bit = static_cast<std::uint8_t>(1u << kind_index(kind));
        if ((info.warned & bit) == 0) {
            info.warned |= bit;
            problem("D0002", ProblemKind::warning, line, info.name,
                    fmt::format("column '{}' is not an input of {}; its values for {} are ignored",
                                info.name, kind_name(kind), kind_name(kind)));
        }
        return;
    }
    double& slot = ds_.values[p.offset + c->slot];
    switch (cell.kind) {
        case Cell::Kind::boolean:
            if (c->type == ValueType::boolean) {
                slot = cell.number;
            } else {
                problem(
                    "D0201", ProblemKind::value, line, c->name,
                    fmt::format("expected a number, got {}", cell.number != 0 ? "true" : "false"));
            }
            return;
        case Cell::Kind::number:
            if (c->type == ValueType::boolean) {
                if (cell.number == 0 || cell.number == 1) {
                    slot = cell.number;
                } else {
                    wrong(
                        *c,
                        cell.text.empty() ? fmt::format("{}", cell.number) : std::string(cell.text),
                        line);
                }
            } else {
                number(slot, *c, cell.number, false, cell.text, line);
            }
            return;
        case Cell::Kind::structured:
            problem(c->type == ValueType::boolean ? "D0202" : "D0201", ProblemKind::value, line,
                    c->name,
                    fmt::format("expected {}, got {}",
                                c->type == ValueType::boolean ? "yes/no" : "a number", cell.text));
            return;
        case Cell::Kind::text:
            break;
        case Cell::Kind::null:
            return;
    }
    if (c->type == ValueType::boolean) {
        if (const auto yes = parse_yes_no(cell.text)) {
            slot = *yes;
        } else {
            wrong(*c, cell.text, line);
        }
        return;
    }
    const ParsedNumber n = parse_number(cell.text, comma_decimal_);
    switch (n.form) {
        case ParsedNumber::Form::ok:
            number(slot, *c, n.value, n.percent, cell.text, line);
            return;
        case ParsedNumber::Form::ambiguous: {
            const std::string_view t = trim(cell.text);
            const std::size_t comma = t.find(',');
            problem("D0206", ProblemKind::value, line, c->name,
                    fmt::format(
                        "'{}' is ambiguous: a comma before three digits may separate thousands; "
                        "write {}{} or {}.{}",
                        t, t.substr(0, comma), t.substr(comma + 1), t.substr(0, comma),
                        t.substr(comma + 1)));
            return;
        }
        case ParsedNumber::Form::not_number:
            wrong(*c, cell.text, line);
            return;
    }
}

void Builder::number(double& slot, const Column& c, double v, bool percent_sign,
                     std::string_view shown, std::uint32_t line) {
    const std::string text = shown.empty() ? fmt::format("{}", v) : std::string(trim(shown));
    if (percent_sign && !c.percent) {
        problem("D0207", ProblemKind::value, line, c.name,
                fmt::format("'{}' is written as a percentage but '{}' is in {}", text, c.name,
                            c.unit_symbol.empty() ? c.unit : c.unit_symbol));
    } else if (c.percent && (v < 0 || v > 100)) {
        problem("D0203", ProblemKind::value, line, c.name,
                fmt::format("percentage {} is outside 0–100", text));
    } else if (c.count && v < 0) {
        problem("D0204", ProblemKind::value, line, c.name,
                fmt::format("count {} is negative", text));
    } else if (c.count && v != std::floor(v)) {
        problem("D0205", ProblemKind::value, line, c.name,
                fmt::format("count {} is not a whole number", text));
    } else {
        slot = v;
    }
}

void Builder::wrong(const Column& c, std::string_view shown, std::uint32_t line) {
    if (c.type == ValueType::boolean) {
        problem(
            "D0202", ProblemKind::value, line, c.name,
            fmt::format(
                "'{}' is not yes/no: write đạt or không đạt (or có/không, yes/no, true/false, 1/0)",
                trim(shown)));
    } else {
        problem("D0201", ProblemKind::value, line, c.name,
                fmt::format("'{}' is not a number", trim(shown)));
    }
}

// ---------------------------------------------------------------------------------------------
// Builder: the hierarchy, once every row is read

void Builder::reject_entity(std::uint32_t e, const char* code, std::uint32_t line,
                            std::string_view field, const std::string& message) {
    Building& b = building_[e];
    b.rejected = true;
    std::size_t count = 0;
    for (std::uint32_t r = b.first; r != kNone; r = pending_[r].next) {
        ++count;
        if (granularity_ == Granularity::per_record) {
            problem(code, ProblemKind::record, pending_[r].line, field, message);
        }
    }
    ds_.rejected += count;
    if (granularity_ == Granularity::per_entity || count == 0) {
        problem(code, ProblemKind::record, line, field, message);
    }
}

void Builder::resolve_hierarchy() {
    // Parents before children: kinds only grow up the hierarchy, so by kind, largest first.
    std::vector<std::uint32_t> order(ds_.entities.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return ds_.entities[a].kind > ds_.entities[b].kind;
    });
    const std::string& parent_field = field_name(Field::parent);
    for (const std::uint32_t e : order) {
        Entity& en = ds_.entities[e];
        const Building& b = building_[e];
        const std::uint32_t parent_line = b.parent_line != 0 ? b.parent_line : en.origin.line;
        if (en.parent_code.empty()) {
            if (!en.region) {
                reject_entity(
                    e, "D0109", en.origin.line, field_name(Field::region),
                    fmt::format("no region for '{}': none given and no parent to inherit it from",
                                en.code));
            }
            continue;
        }
        const auto it = codes_.find(en.parent_code);
        if (it == codes_.end()) {
            if (const auto r = rejected_codes_.find(en.parent_code); r != rejected_codes_.end()) {
                reject_entity(e, "D0108", parent_line, parent_field,
                              fmt::format("parent '{}' of '{}' is rejected ({} {})",
                                          en.parent_code, en.code, line_word_, r->second));
            } else {
                reject_entity(e, "D0106", parent_line, parent_field,
                              fmt::format("unknown parent '{}' of '{}'", en.parent_code, en.code));
            }
            continue;
        }
        const Entity& parent = ds_.entities[it->second];
        if (en.kind == EntityKind::tinh) {
            reject_entity(e, "D0107", parent_line, parent_field,
                          fmt::format("'{}' is a tinh and cannot have a parent ('{}')", en.code,
                                      en.parent_code));
            continue;
        }
        const auto wanted_kind = static_cast<EntityKind>(kind_index(en.kind) + 1);
        if (parent.kind != wanted_kind) {
            reject_entity(
                e, "D0107", parent_line, parent_field,
                fmt::format("parent '{}' of '{}' is a {}; the parent of a {} must be a {}",
                            en.parent_code, en.code, kind_name(parent.kind), kind_name(en.kind),
                            kind_name(wanted_kind)));
            continue;
        }
        if (building_[it->second].rejected) {
            reject_entity(e, "D0108", parent_line, parent_field,
                          fmt::format("parent '{}' of '{}' is rejected ({} {})", en.parent_code,
                                      en.code, line_word_, parent.origin.line));
            continue;
        }
        en.parent = it->second;
        if (!en.region) {
            en.region = parent.region;
        } else if (*en.region != *parent.region) {
            problem("D0302", ProblemKind::warning,
                    b.region_line != 0 ? b.region_line : en.origin.line, field_name(Field::region),
                    fmt::format(
                        "region '{}' of '{}' differs from '{}' of its parent '{}'; '{}' is used",
                        dsl::name_of(*en.region), en.code, dsl::name_of(*parent.region),
                        parent.code, dsl::name_of(*en.region)));
        }
    }
}

void Builder::expect(std::size_t records) {
    // Reserving more than is used costs address space only (untouched pages are never mapped);
    // entities are fewer than records when there are several years, so their share is capped.
    const std::size_t entities = std::min<std::size_t>(records, 1u << 21);
    pending_.reserve(records);
    building_.reserve(entities);
    ds_.entities.reserve(entities);
    codes_.reserve(entities);
    std::uint32_t widest = 0;
    for (std::size_t k = 0; k < kKindCount; ++k) {
        widest = std::max(widest, schema_.slots(static_cast<EntityKind>(k)));
    }
    ds_.values.reserve(records * widest);
}

Dataset Builder::finish() {
    resolve_hierarchy();

    std::vector<std::uint32_t> remap(ds_.entities.size(), kNone);
    std::uint32_t kept = 0;
    for (std::uint32_t e = 0; e < ds_.entities.size(); ++e) {
        if (!building_[e].rejected) remap[e] = kept++;
    }

    // Records of rejected entities leave a gap in `values`: close it, in place.
    std::size_t cursor = 0;
    ds_.records.reserve(pending_.size());
    for (const Pending& p : pending_) {
        if (building_[p.entity].rejected) continue;
        const std::size_t n = schema_.slots(ds_.entities[p.entity].kind);
        if (cursor != p.offset) {
            std::copy(ds_.values.begin() + static_cast<std::ptrdiff_t>(p.offset),
                      ds_.values.begin() + static_cast<std::ptrdiff_t>(p.offset + n),
                      ds_.values.begin() + static_cast<std::ptrdiff_t>(cursor));
        }
        ds_.records.push_back({remap[p.entity], p.year, {path_, p.line, {}}, cursor});
        cursor += n;
    }
    ds_.values.resize(cursor);

    for (std::uint32_t e = 0; e < ds_.entities.size(); ++e) {  // in place, as the values
        if (remap[e] == kNone) continue;
        Entity& en = ds_.entities[remap[e]];
        if (remap[e] != e) en = std::move(ds_.entities[e]);
        if (en.parent != kNone) en.parent = remap[en.parent];
    }
    ds_.entities.resize(kept);

    std::size_t size = 16;
    while (size < 2 * static_cast<std::size_t>(kept)) size *= 2;
    ds_.by_code.assign(size, kNone);
    for (std::uint32_t e = 0; e < kept; ++e) {
        std::size_t i = std::hash<std::string_view>{}(ds_.entities[e].code) & (size - 1);
        while (ds_.by_code[i] != kNone) i = (i + 1) & (size - 1);
        ds_.by_code[i] = e;
    }
    std::stable_sort(
        ds_.problems.begin(), ds_.problems.end(),
        [](const DataProblem& a, const DataProblem& b) { return a.where.line < b.where.line; });
    return std::move(ds_);
}

}  // namespace data

// ---------------------------------------------------------------------------------------------
// The contract of dataset.hpp

std::uint32_t Dataset::find(std::string_view code) const {
    std::string normal;
    if (!data::is_ascii(code)) {
        normal = dsl::to_nfc(code);
        code = normal;
    }
    if (by_code.empty()) {  // built by hand, not loaded
        for (std::uint32_t i = 0; i < entities.size(); ++i) {
            if (entities[i].code == code) return i;
        }
        return kNone;
    }
    const std::size_t mask = by_code.size() - 1;
    for (std::size_t i = std::hash<std::string_view>{}(code)&mask; by_code[i] != kNone;
         i = (i + 1) & mask) {
        if (entities[by_code[i]].code == code) return by_code[i];
    }
    return kNone;
}

std::vector<int> Dataset::years() const {
    std::vector<int> ys;
    for (const Record& r : records) {
        if (std::find(ys.begin(), ys.end(), r.year) == ys.end()) ys.push_back(r.year);
    }
    std::sort(ys.begin(), ys.end());
    return ys;
}

bool judged_type(std::string_view type) { return data::canonical_type(std::string(type)).second; }

std::optional<double> parse_yes_no(std::string_view text) {
    struct Form {
        std::u32string_view word;
        double value;
    };
    static constexpr Form kForms[] = {
        {U"đạt", 1},   {U"không đạt", 0}, {U"chưa đạt", 0}, {U"có", 1}, {U"không", 0}, {U"true", 1},
        {U"false", 0}, {U"yes", 1},       {U"no", 0},       {U"1", 1},  {U"0", 0},
    };
    // Lower-cased code points with blanks collapsed, without allocating: cells are many.
    text = data::trim(text);
    char32_t buf[16];
    std::size_t n = 0;
    bool combining = false;
    for (std::size_t i = 0; i < text.size();) {
        utf8proc_int32_t cp = 0;
        const auto len =
            utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                             static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        if (len <= 0) return std::nullopt;
        i += static_cast<std::size_t>(len);
        if (cp == ' ' || cp == '\t' || cp == 0xA0) {
            if (n > 0 && buf[n - 1] == U' ') continue;
            cp = ' ';
        }
        if (cp >= 0x300 && cp <= 0x36F) combining = true;
        if (n == std::size(buf)) return std::nullopt;
        buf[n++] = static_cast<char32_t>(utf8proc_tolower(cp));
    }
    const std::u32string_view word(buf, n);
    for (const Form& f : kForms) {
        if (word == f.word) return f.value;
    }
    // "đạt" typed with a combining dot below: compare its NFC.
    if (combining) return parse_yes_no(dsl::to_nfc(text));
    return std::nullopt;
}

std::string column_letters(std::uint32_t column) {
    std::string letters;
    for (; column > 0; column = (column - 1) / 26) {
        letters.insert(letters.begin(), static_cast<char>('A' + (column - 1) % 26));
    }
    return letters;
}

Dataset load_data(const std::string& path, const Schema& schema, const LoadOptions& options) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
    if (ext == ".xlsx" || ext == ".xlsm") return data::load_xlsx(path, schema, options);
    const bool json = ext == ".json";
    if (!json && ext != ".csv" && ext != ".tsv" && ext != ".txt") {
        throw DataError{
            path,
            ext.empty() ? "no file extension: name the file .csv, .xlsx or .json"
            : ext == ".xls"
                ? "Excel 97-2003 workbooks (.xls) are not read: save the workbook as .xlsx "
                  "(Excel Workbook) or as .csv (CSV UTF-8)"
                : fmt::format("unknown data format '{}': save the data as .xlsx, .csv (UTF-8) "
                              "or .json",
                              ext)};
    }
    if (!options.sheet.empty()) {
        throw DataError{path, fmt::format("--sheet '{}' is for Excel workbooks (.xlsx); {} has "
                                          "no sheets",
                                          options.sheet, ext)};
    }
    std::vector<dsl::IoError> errors;
    const auto text = dsl::read_text_file(path, errors);
    if (!text)
        throw DataError{path,
                        errors.empty() ? std::string("cannot read file") : errors.front().message};
    return json ? data::load_json(path, *text, schema, options)
                : data::load_csv(path, *text, schema, options);
}

}  // namespace ntm::engine
