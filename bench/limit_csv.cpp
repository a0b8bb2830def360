// The limit's reader: the communes of one year from CSV text, with the simplest fast code — one
// pass over the bytes, headers mapped to columns once, numbers by std::from_chars.  It reads what
// `ntm generate` writes (RFC 4180 quotes, a decimal comma inside quotes, yes/no in words) and
// validates values as data/builder.cpp does where that changes a verdict: a value out of its
// unit's range is unknown.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "bench/limit.hpp"

namespace ntm::bench {

namespace {

constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();
constexpr std::uint8_t kNoRegion = 0xFF;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// Lower-cases ASCII letters and 'Đ' (the yes/no words and region codes need no more).
std::string lower(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] - 'A' + 'a');
        if (out[i] == '\xC4' && i + 1 < out.size() && out[i + 1] == '\x90') out[i + 1] = '\x91';
    }
    return out;
}

// data::parse_yes_no for the forms people write.
double yes_no(std::string_view text) {
    static const std::unordered_map<std::string, double> kForms = {
        {"đạt", 1}, {"không đạt", 0}, {"chưa đạt", 0}, {"có", 1}, {"không", 0}, {"true", 1},
        {"false", 0}, {"yes", 1}, {"no", 0}, {"1", 1}, {"0", 0}};
    const auto it = kForms.find(lower(text));
    return it == kForms.end() ? kUnknown : it->second;
}

// data::parse_number: one decimal separator, '.' or ',' ("1,234" alone is ambiguous: unknown),
// an optional exponent and trailing '%'.
double number(std::string_view s, bool& percent) {
    percent = !s.empty() && s.back() == '%';
    if (percent) s = trim(s.substr(0, s.size() - 1));
    char buf[64];
    std::size_t n = 0, i = 0, int_digits = 0, frac_digits = 0;
    bool sep = false, comma = false, exp = false, leading_zero = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        if (s[i] == '-') buf[n++] = '-';
        ++i;
    }
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (n + 2 >= sizeof buf) return kUnknown;
        if (c >= '0' && c <= '9') {
            if (!sep && !exp && int_digits == 0) leading_zero = c == '0';
            if (!exp) ++(sep ? frac_digits : int_digits);
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
            return kUnknown;
        }
    }
    if (comma && frac_digits == 3 && int_digits > 0 && int_digits <= 3 && !leading_zero && !exp) return kUnknown;
    double v = kUnknown;
    const auto [end, ec] = std::from_chars(buf, buf + n, v);
    return ec == std::errc() && end == buf + n ? v : kUnknown;
}

double value(std::string_view text, Unit unit) {
    if (unit == Unit::yesno) return yes_no(text);
    bool percent = false;
    const double v = number(text, percent);
    if (percent && unit != Unit::percent) return kUnknown;
    switch (unit) {
        case Unit::percent: return v >= 0 && v <= 100 ? v : kUnknown;
        case Unit::count: return v >= 0 && v == std::floor(v) ? v : kUnknown;
        case Unit::trieu_dong: return v < 10000 ? v : kUnknown;
        default: return v;
    }
}

std::uint8_t region_of(std::string_view text) {
    static constexpr std::string_view kNames[] = {"tdmnpb", "dbsh", "btb", "dhntb", "tn", "dnb", "dbscl"};
    const std::string f = lower(text);
    for (std::uint8_t r = 0; r < kRegionCount; ++r) {
        if (f == kNames[r]) return r;
    }
    return kNoRegion;
}

// The fields of one CSV line, in place: each field's text without its quotes (a doubled quote
// inside stays doubled, which no field the limit reads holds).
class Line {
public:
    explicit Line(std::string_view text) : text_(text) {}
    bool done() const { return pos_ > text_.size() || at_end_; }
    // The next field of the line; moves past the line's end on the last one.
    std::string_view next() {
        std::string_view field;
        if (pos_ < text_.size() && text_[pos_] == '"') {
            std::size_t end = pos_ + 1;
            while (end < text_.size()) {
                if (text_[end] == '"') {
                    if (end + 1 < text_.size() && text_[end + 1] == '"') {
                        end += 2;
                        continue;
                    }
                    break;
                }
                ++end;
            }
            field = text_.substr(pos_ + 1, end - pos_ - 1);
            pos_ = end + 1;
        } else {
            const std::size_t start = pos_;
            while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n') ++pos_;
            field = text_.substr(start, pos_ - start);
        }
        if (pos_ >= text_.size() || text_[pos_] == '\n') {
            at_end_ = true;
            ++pos_;
        } else {
            ++pos_;  // the comma
        }
        return field;
    }
    // Skips the rest of the line; returns where the next one starts.
    std::size_t rest() {
        while (!at_end_) next();
        return pos_;
    }
    void restart(std::size_t at) {
        pos_ = at;
        at_end_ = pos_ >= text_.size();
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    bool at_end_ = false;
};

enum Reserved : int { kCode = -2, kType = -3, kParent = -4, kRegion = -5, kYear = -6, kOther = -1 };

int column_of(std::string_view header) {
    const std::string h = lower(trim(header));
    if (h == "mã" || h == "code") return kCode;
    if (h == "loại" || h == "type") return kType;
    if (h == "mã cấp trên" || h == "parent") return kParent;
    if (h == "vùng" || h == "region") return kRegion;
    if (h == "năm" || h == "year") return kYear;
    for (int i = 0; i < kInputCount; ++i) {
        if (h == kInputs[static_cast<std::size_t>(i)].header) return i;
    }
    return kOther;
}

struct Ancestor {
    std::string_view parent;
    std::uint8_t region = kNoRegion;
};

}  // namespace

Communes read_communes(std::string_view csv, int year) {
    if (csv.starts_with("\xEF\xBB\xBF")) csv.remove_prefix(3);
    Line line(csv);
    std::vector<int> columns;
    while (!line.done()) columns.push_back(column_of(line.next()));
    for (const int needed : {kCode, kType, kParent, kRegion, kYear}) {
        if (std::find(columns.begin(), columns.end(), needed) == columns.end())
            throw std::runtime_error("the CSV header lacks one of mã, loại, mã cấp trên, vùng, năm");
    }
    Communes out;
    out.year = year;
    std::vector<std::string_view> parents;  // per commune
    std::unordered_map<std::string_view, Ancestor> ancestors;
    std::array<std::string_view, 5> head;  // code, type, parent, region, year
    double row[kInputCount];
    std::size_t at = line.rest();
    while (at < csv.size()) {
        line.restart(at);
        head = {};
        for (double& v : row) v = kUnknown;
        for (std::size_t c = 0; c < columns.size() && !line.done(); ++c) {
            const std::string_view field = line.next();
            const int col = columns[c];
            if (col <= kCode) {
                head[static_cast<std::size_t>(kCode - col)] = trim(field);
            } else if (col >= 0 && !field.empty()) {
                const std::string_view t = trim(field);
                if (!t.empty()) row[col] = value(t, kInputs[static_cast<std::size_t>(col)].unit);
            }
        }
        at = line.rest();
        const std::string_view code = head[0], type = head[1], parent = head[2];
        if (code.empty()) continue;
        const std::uint8_t region = head[3].empty() ? kNoRegion : region_of(head[3]);
        const std::string t = lower(type);
        if (t == "xã" || t == "xa") {
            int y = 0;
            std::from_chars(head[4].data(), head[4].data() + head[4].size(), y);
            if (y != year) continue;
            out.values.insert(out.values.end(), row, row + kInputCount);
            out.region.push_back(region);
            parents.push_back(parent);
        } else {
            Ancestor& a = ancestors[code];
            if (a.parent.empty()) a.parent = parent;
            if (a.region == kNoRegion) a.region = region;
        }
    }
    // The region a commune gives, else its nearest ancestor's.
    for (std::size_t i = 0; i < out.region.size(); ++i) {
        std::string_view p = parents[i];
        for (int steps = 0; out.region[i] == kNoRegion && !p.empty() && steps < 8; ++steps) {
            const auto it = ancestors.find(p);
            if (it == ancestors.end()) break;
            out.region[i] = it->second.region;
            p = it->second.parent;
        }
        if (out.region[i] == kNoRegion) out.region[i] = TDMNPB;  // engine: region.value_or(TDMNPB)
    }
    return out;
}

}  // namespace ntm::bench
