// The words of data files: reserved fields, types of units and the kind each is judged as,
// regions, numbers as people type them, years, yes/no.
#include "data/vocabulary.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <array>
#include <charconv>
#include <cstring>
#include <iterator>

#include "data/decimal.hpp"
#include "text/suggest.hpp"
#include "text/utf8.hpp"

namespace ntm::data {

using text::fold;
using text::trim;

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

std::optional<AdminMap> parse_map(std::string_view text) {
    const std::string f = fold(trim(text));
    for (const std::string_view w : {"3 cấp", "ba cấp", "cũ", "3 cap", "ba cap", "cu", "3"}) {
        if (f == w) return AdminMap::three_tier;
    }
    for (const std::string_view w : {"2 cấp", "hai cấp", "mới", "2 cap", "hai cap", "moi", "2"}) {
        if (f == w) return AdminMap::two_tier;
    }
    return std::nullopt;
}

std::string_view map_word(AdminMap map) { return map == AdminMap::two_tier ? "2 cấp" : "3 cấp"; }

EntityKind parent_kind(EntityKind kind, AdminMap map) {
    switch (kind) {
        case EntityKind::thon: return EntityKind::xa;
        case EntityKind::xa: return map == AdminMap::two_tier ? EntityKind::tinh : EntityKind::huyen;
        case EntityKind::huyen: return EntityKind::tinh;
        case EntityKind::tinh: return EntityKind::tinh;
    }
    return EntityKind::tinh;
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
    // A commune-level special zone of the two-tier map (Phú Quốc, Côn Đảo, ...): not a rural
    // commune, so not judged by the sets for xã.
    {"đặc khu", "Đặc khu", EntityKind::xa, false},
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

}  // namespace

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
    // The regions' codes and titles folded once: the official lists name a region per unit.
    struct Folded {
        std::array<std::string, kRegionCount> names, titles;
    };
    static const Folded kFolded = [] {
        Folded out;
        for (std::size_t r = 0; r < kRegionCount; ++r) {
            out.names[r] = fold(dsl::kRegionNames[r]);
            out.titles[r] = fold(dsl::kRegionTitles[r]);
        }
        return out;
    }();
    // A region's code as the decisions write it (how the official lists name one), without
    // folding: no code folds to another region's code or title.
    for (std::size_t r = 0; r < kRegionCount; ++r) {
        if (text == dsl::kRegionNames[r]) return static_cast<int>(r);
    }
    std::string f = fold(text);
    if (f.starts_with("vùng ")) f.erase(0, std::string_view("vùng ").size());
    for (std::size_t r = 0; r < kRegionCount; ++r) {
        if (f == kFolded.names[r] || f == kFolded.titles[r]) return static_cast<int>(r);
    }
    return -1;
}

text::Message invisible_note(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        utf8proc_int32_t cp = 0;
        const auto len =
            utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                             static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        if (len <= 0) return {};
        i += static_cast<std::size_t>(len);
        if (!text::invisible(static_cast<char32_t>(cp))) continue;
        const char* name = cp == 0xA0     ? "char.no_break_space"
                           : cp == 0x202F ? "char.narrow_no_break_space"
                           : cp == 0x200B ? "char.zero_width_space"
                           : cp == 0x200C ? "char.zero_width_non_joiner"
                           : cp == 0x200D ? "char.zero_width_joiner"
                           : cp == 0x2060 ? "char.word_joiner"
                           : cp == 0xFEFF ? "char.byte_order_mark"
                           : cp == 0xAD   ? "char.soft_hyphen"
                           : cp == 0x09   ? "char.tab"
                           : cp == 0x200E || cp == 0x200F ? "char.direction_mark"
                           : cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ? "char.control"
                                                                     : "char.invisible";
        return text::say("note.invisible", text::say(name),
                         fmt::format("{:04X}", static_cast<std::uint32_t>(cp)));
    }
    return {};
}

text::Message did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    if (auto m = text::closest_match(word, candidates))
        return text::say("note.did_you_mean", text::printable(*m));
    return {};
}

std::vector<std::string> unit_types(EntityKind kind) {
    std::vector<std::string> out;
    for (const TypeWord& w : kTypeWords) {
        if (w.kind == kind) out.emplace_back(w.shown);
    }
    return out;
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

text::Message unknown_region(std::string_view text, std::size_t max_letters) {
    // Codes are upper-case ASCII: "dhntbb" is one edit from DHNTB.
    std::string upper(text);
    for (char& c : upper) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return text::say("region.unknown", text::printable(text, max_letters),
                     fmt::format("{}", fmt::join(dsl::kRegionNames, ", ")), invisible_note(text),
                     did_you_mean(upper, region_candidates()));
}

text::Message kind_name(EntityKind k) {
    switch (k) {
        case EntityKind::thon: return text::say("kind.thon");
        case EntityKind::xa: return text::say("kind.xa");
        case EntityKind::huyen: return text::say("kind.huyen");
        case EntityKind::tinh: return text::say("kind.tinh");
    }
    return text::say("kind.xa");  // not reached: every kind is named above
}

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
    bool sep = false, comma = false, exp = false, leading_zero = false, negative = false;
    std::uint64_t digits = 0;  // the digits before any exponent as one integer, while it is exact
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        negative = s[i] == '-';
        if (negative) buf[n++] = '-';
        ++i;
    }
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (n + 2 >= sizeof buf) return r;
        if (c >= '0' && c <= '9') {
            if (!sep && !exp && int_digits == 0) leading_zero = c == '0';
            ++(exp ? exp_digits : sep ? frac_digits : int_digits);
            if (!exp) digits = 10 * digits + static_cast<std::uint64_t>(c - '0');  // read below only if exact
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
    r.form = ParsedNumber::Form::ok;
    if (!exp && int_digits + frac_digits <= kShortDigits) {
        r.value = short_decimal(digits, frac_digits, negative);
        return r;
    }
    double v = 0;
    const auto [end, ec] = std::from_chars(buf, buf + n, v);
    if (ec != std::errc() || end != buf + n) {
        r.form = ParsedNumber::Form::not_number;
        return r;
    }
    r.value = v;
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

bool judged_type(std::string_view type) { return canonical_type(std::string(type)).second; }

namespace {

// The yes/no form `text` is, comparing lower-cased code points with blanks collapsed, without
// allocating: cells are many.  Sets `combining` when `text` holds a combining mark.
std::optional<double> match_yes_no(std::string_view text, bool& combining) {
    struct Form {
        std::u32string_view word;
        double value;
    };
    static constexpr Form kForms[] = {
        {U"đạt", 1},   {U"không đạt", 0}, {U"chưa đạt", 0}, {U"có", 1}, {U"không", 0}, {U"true", 1},
        {U"false", 0}, {U"yes", 1},       {U"no", 0},       {U"1", 1},  {U"0", 0},
    };
    text = trim(text);
    char32_t buf[16];
    std::size_t n = 0;
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
    return std::nullopt;
}

}  // namespace

int yes_no(std::string_view text) {
    // The forms as the template writes them, byte for byte (lower case, NFC, one space): most
    // cells are, and need no code point looked up.  Anything else is matched code point by code
    // point, as before.  The most frequent first: a national file has hundreds of thousands.
    const std::string_view t = trim(text);
    // Each compared at a length known here, without a call.
    const auto is = [&t]<std::size_t N>(const char (&word)[N]) {
        return t.size() == N - 1 && std::memcmp(t.data(), word, N - 1) == 0;
    };
    if (is("đạt") || is("có") || is("1") || is("true") || is("yes")) return 1;
    if (is("không đạt") || is("không") || is("0") || is("chưa đạt") || is("false") || is("no")) return 0;
    bool combining = false;
    if (const auto value = match_yes_no(text, combining)) return static_cast<int>(*value);
    if (!combining) return -1;
    // "đạt" typed with a combining dot below: compare its NFC, once.  A mark that composes with
    // nothing ("có" with its tone typed twice) stays in the NFC, which is then no yes/no form.
    bool ignored = false;
    const auto value = match_yes_no(ntm::text::to_nfc(text), ignored);
    return value ? static_cast<int>(*value) : -1;
}

std::optional<double> parse_yes_no(std::string_view text) {
    const int value = yes_no(text);
    if (value < 0) return std::nullopt;
    return value;
}

}  // namespace ntm::data
