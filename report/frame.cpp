// The frame file (frame.hpp): `key = value` lines, read forgivingly, every mistake named by
// file, line and key.
#include "report/frame.hpp"

#include <array>
#include <fmt/format.h>

#include "text/files.hpp"
#include "text/suggest.hpp"
#include "text/utf8.hpp"

namespace ntm::report {

namespace {

enum class Key { authority, issuer, number, place, date, kind, subject, recipient, power, position, signer };

struct KeyName {
    const char* name;  // as written: "cơ quan ban hành"
    Key key;
};

// The keys, then other names the same keys go by.  Matched without case, blanks or diacritics.
constexpr KeyName kKeys[] = {
    {"cơ quan chủ quản", Key::authority}, {"cơ quan ban hành", Key::issuer}, {"số", Key::number},
    {"địa danh", Key::place},            {"ngày", Key::date},               {"tên loại", Key::kind},
    {"trích yếu", Key::subject},         {"nơi nhận", Key::recipient},      {"quyền hạn", Key::power},
    {"chức vụ", Key::position},          {"họ tên", Key::signer},
    // other names
    {"số ký hiệu", Key::number},         {"số, ký hiệu", Key::number},      {"tiêu đề", Key::subject},
    {"thẩm quyền", Key::power},          {"người ký", Key::signer},         {"họ và tên", Key::signer},
};
constexpr std::size_t kMainKeys = 11;  // the first ones: those named in suggestions and lists

const char* key_name(Key key) {
    for (const KeyName& k : kKeys) {
        if (k.key == key) return k.name;
    }
    return "";
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// A whole number of 1 to 4 digits, or -1.
int small_number(std::string_view s) {
    if (s.empty() || s.size() > 4) return -1;
    int n = 0;
    for (const char c : s) {
        if (c < '0' || c > '9') return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}

}  // namespace

FrameDate parse_frame_date(std::string_view text) {
    text = ntm::text::trim(text);
    std::array<std::string_view, 3> parts;
    std::size_t n = 0, from = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != '/' && text[i] != '-' && text[i] != '.') continue;
        if (n == parts.size()) return {};
        parts[n++] = text.substr(from, i - from);
        from = i + 1;
    }
    if (n != 3) return {};
    const bool iso = parts[0].size() == 4;  // 2026-12-05
    FrameDate d;
    d.day = small_number(iso ? parts[2] : parts[0]);
    d.month = small_number(parts[1]);
    d.year = small_number(iso ? parts[0] : parts[2]);
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.year < 1900 || d.year > 2999 || d.month < 1 || d.month > 12 || d.day < 1) return {};
    if (d.day > days[d.month - 1] + (d.month == 2 && leap(d.year) ? 1 : 0)) return {};
    return d;
}

Frame parse_frame(std::string_view text, const std::string& file, const FrameDate& date,
                  std::vector<text::Problem>& problems) {
    Frame frame;
    std::array<std::uint32_t, 11> seen{};  // by Key: the line each key was given on
    const auto problem = [&](std::uint32_t line, text::Message message) {
        text::Problem p;
        p.kind = text::ProblemKind::error;
        p.where.file = file;
        p.where.line = line;
        p.message = std::move(message);
        problems.push_back(std::move(p));
    };
    std::vector<std::string> folded_names, main_names;
    for (const KeyName& k : kKeys) folded_names.push_back(ntm::text::fold_unaccented(k.name));
    for (std::size_t k = 0; k < kMainKeys; ++k) main_names.push_back(kKeys[k].name);
    std::uint32_t line_no = 0;
    std::size_t from = 0;
    while (from < text.size()) {
        std::size_t end = text.find('\n', from);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = ntm::text::trim(text.substr(from, end - from));
        from = end + 1;
        ++line_no;
        if (line.empty() || line.front() == '#') continue;
        std::size_t eq = line.find('=');
        if (eq == std::string_view::npos) eq = line.find(':');
        if (eq == std::string_view::npos) {
            problem(line_no, text::say("frame.not_key_value", ntm::text::printable(line)));
            continue;
        }
        const std::string written(ntm::text::trim(line.substr(0, eq)));
        const std::string value = ntm::text::to_nfc(ntm::text::trim(line.substr(eq + 1)));
        const std::string folded = ntm::text::fold_unaccented(written);
        const KeyName* found = nullptr;
        for (std::size_t k = 0; k < std::size(kKeys); ++k) {
            if (folded_names[k] == folded) found = &kKeys[k];
        }
        if (found == nullptr) {
            const std::string shown = ntm::text::printable(written);
            const std::vector<std::string> plain(folded_names.begin(), folded_names.begin() + kMainKeys);
            if (const std::optional<std::string> near = ntm::text::closest_match(folded, plain)) {
                std::size_t k = 0;
                while (k + 1 < kMainKeys && folded_names[k] != *near) ++k;
                problem(line_no, text::say("frame.unknown_key_suggest", shown, kKeys[k].name));
            } else {
                problem(line_no, text::say("frame.unknown_key", shown, fmt::format("{}", fmt::join(main_names, ", "))));
            }
            continue;
        }
        const Key key = found->key;
        const char* name = key_name(key);
        if (value.empty()) {
            problem(line_no, text::say("frame.empty_value", name));
            continue;
        }
        if (key == Key::recipient) {
            frame.recipients.push_back(value);
            continue;
        }
        std::uint32_t& first = seen[static_cast<std::size_t>(key)];
        if (first != 0) {
            problem(line_no, text::say("frame.twice", name, first));
            continue;
        }
        first = line_no;
        switch (key) {
            case Key::authority: frame.authority = value; break;
            case Key::issuer: frame.issuer = value; break;
            case Key::number: frame.number = value; break;
            case Key::place: frame.place = value; break;
            case Key::date:
                frame.date = parse_frame_date(value);
                if (frame.date.empty()) problem(line_no, text::say("frame.bad_date", ntm::text::printable(value)));
                break;
            case Key::kind: frame.kind = value; break;
            case Key::subject: frame.subject = value; break;
            case Key::recipient: break;
            case Key::power: frame.power = value; break;
            case Key::position: frame.position = value; break;
            case Key::signer: frame.signer = value; break;
        }
    }
    if (!date.empty()) frame.date = date;
    const std::pair<Key, const char*> required[] = {{Key::issuer, "frame.what.issuer"},
                                                    {Key::place, "frame.what.place"},
                                                    {Key::position, "frame.what.position"},
                                                    {Key::signer, "frame.what.signer"}};
    for (const auto& [key, what] : required) {
        if (seen[static_cast<std::size_t>(key)] == 0) problem(0, text::say("frame.missing", key_name(key), text::say(what)));
    }
    if (frame.date.empty() && seen[static_cast<std::size_t>(Key::date)] == 0) problem(0, text::say("frame.missing_date"));
    return frame;
}

Frame read_frame(const std::string& path, const FrameDate& date, std::vector<text::Problem>& problems) {
    text::SizeLimit limit;
    limit.bytes = 1 << 20;  // a frame is a few hundred bytes; a megabyte is not a frame
    const std::optional<std::string> text = ntm::text::read_text_file(path, problems, limit);
    if (!text) return {};
    return parse_frame(*text, path, date, problems);
}

std::string frame_date_line(const Frame& frame) {
    const FrameDate& d = frame.date;
    std::string line = frame.place.empty() ? std::string() : frame.place + ", ";
    return line + fmt::format("ngày {}{} tháng {}{} năm {}", d.day < 10 ? "0" : "", d.day, d.month < 3 ? "0" : "",
                              d.month, d.year);
}

}  // namespace ntm::report
