// The conversion table old → new communes, read with the rows reader of the units lists.
#include "data/merge_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <optional>
#include <utility>

#include "data/official.hpp"
#include "data/units.hpp"
#include "data/vocabulary.hpp"
#include "text/files.hpp"
#include "text/utf8.hpp"

#include <utf8proc.h>

namespace ntm::data {

namespace {

struct KindName {
    MergeKind kind;
    std::string_view key, words;
};
constexpr std::array<KindName, 8> kKinds = {{
    {MergeKind::whole, "whole", "nhập toàn bộ"},
    {MergeKind::part, "part", "nhập một phần"},
    {MergeKind::part_area, "part_area", "nhập một phần diện tích"},
    {MergeKind::part_population, "part_population", "nhập một phần dân số"},
    {MergeKind::part_area_whole_population, "part_area_whole_population", "nhập một phần diện tích, toàn bộ dân số"},
    {MergeKind::unchanged, "unchanged", "giữ nguyên"},
    {MergeKind::renamed, "renamed", "đổi tên"},
    {MergeKind::retyped, "retyped", "đổi loại hình"},
}};

const KindName& kind_name(MergeKind kind) { return kKinds[static_cast<std::size_t>(kind)]; }

}  // namespace

bool partial(MergeKind kind) {
    return kind == MergeKind::part || kind == MergeKind::part_area || kind == MergeKind::part_population ||
           kind == MergeKind::part_area_whole_population;
}

std::string_view merge_kind_key(MergeKind kind) { return kind_name(kind).key; }
std::string_view merge_kind_words(MergeKind kind) { return kind_name(kind).words; }

std::vector<std::uint32_t> MergeTable::parts_of(std::string_view code) const {
    std::vector<std::uint32_t> out;
    if (const auto it = by_code.find(code); it != by_code.end()) {
        for (std::uint32_t i = 0; i < it->second.second; ++i) out.push_back(it->second.first + i);
    }
    return out;
}

namespace {

enum Col : std::size_t {
    province_code, commune_code, commune, old_commune_code, old_commune, old_district_code, old_district,
    old_province_code, old_province, kind, note, kColumns
};
constexpr std::array<std::string_view, kColumns> kHeaders = {
    "province_code", "commune_code",      "commune",      "old_commune_code", "old_commune", "old_district_code",
    "old_district",  "old_province_code", "old_province", "kind",             "note"};

constexpr std::array<std::string_view, 3> kNewTypes = {"Xã", "Phường", "Đặc khu"};
constexpr std::array<std::string_view, 3> kOldTypes = {"Xã", "Phường", "Thị trấn"};

// `name` with each word's tone mark (sắc, huyền, hỏi, ngã, nặng) moved to the word's end: the
// old and the new spelling of a word place it on different vowels ("Thuỵ", "Thụy"), and the
// table writes some names both ways.
std::u32string tone_free(std::string_view name) {
    std::u32string out;
    char32_t tone = 0;
    const auto end_word = [&] {
        if (tone != 0) out += tone;
        tone = 0;
    };
    for (std::size_t i = 0; i < name.size();) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(name.data() + i),
                                        static_cast<utf8proc_ssize_t>(name.size() - i), &cp);
        if (n <= 0) return {};
        i += static_cast<std::size_t>(n);
        std::array<utf8proc_int32_t, 8> parts{};
        int last = 0;
        const auto count = utf8proc_decompose_char(cp, parts.data(), parts.size(), UTF8PROC_DECOMPOSE, &last);
        for (utf8proc_ssize_t k = 0; k < std::max<utf8proc_ssize_t>(count, 0) && k < 8; ++k) {
            const auto c = static_cast<char32_t>(parts[static_cast<std::size_t>(k)]);
            if (c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323) {
                tone = c;
            } else {
                if (c == U' ') end_word();
                out += c;
            }
        }
    }
    end_word();
    return out;
}

bool digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The type `name` starts with, compared folded ("xã Vạn Phú", "Thị Trấn Yên Minh" are written
// so in the table), and the name after it; no type and the whole name when none matches.
template <std::size_t N>
std::pair<std::string_view, std::string> split_type(const std::string& name, const std::array<std::string_view, N>& types) {
    for (const std::string_view t : types) {
        const std::string folded_type = text::fold(t);
        const std::size_t words = static_cast<std::size_t>(std::count(t.begin(), t.end(), ' ')) + 1;
        std::size_t end = 0;
        for (std::size_t w = 0; w < words && end != std::string::npos; ++w) end = name.find(' ', end + (w > 0));
        if (end == std::string::npos) continue;
        if (text::fold(std::string_view(name).substr(0, end)) == folded_type) {
            return {t, std::string(text::trim(std::string_view(name).substr(end + 1)))};
        }
    }
    return {{}, name};
}

class TableReader {
public:
    TableReader(const std::string& path, std::vector<text::Problem>& problems) : problems_(problems) { out_.path = path; }

    MergeTable read(std::string_view text) {
        const auto rows = read_list_rows(out_.path, text, problems_);
        if (!rows) return std::move(out_);
        if (rows->empty()) {
            problem(1, {}, text::say("list.empty"));
            return std::move(out_);
        }
        if (!header(rows->front())) return std::move(out_);
        for (std::size_t r = 1; r < rows->size() && problems_.size() < kMaxProblems; ++r) row((*rows)[r]);
        if (rows->size() == 1) problem(1, {}, text::say("merge_table.no_row"));
        return std::move(out_);
    }

private:
    static constexpr std::size_t kMaxProblems = 50;
    MergeTable out_;
    std::vector<text::Problem>& problems_;
    std::array<std::size_t, kColumns> index_{};
    std::size_t width_ = 0;
    std::map<std::string, std::uint32_t, std::less<>> pairs_;  // "new old district" → line
    std::string previous_;  // the new commune code of the row before

    void problem(std::uint32_t line, std::string_view field, text::Message message) {
        problems_.push_back(list_problem(out_.path, line, field, std::move(message)));
    }

    bool header(const ListRow& row) {
        width_ = row.cells.size();
        find_list_columns(row, kHeaders, index_);
        std::vector<std::string> missing;
        for (std::size_t k = 0; k < kColumns; ++k) {
            if (index_[k] == kNone) missing.push_back(fmt::format("'{}'", kHeaders[k]));
        }
        if (missing.empty()) return true;
        problem(row.line, missing.front().substr(1, missing.front().size() - 2),
                missing.size() == 1
                    ? text::say("list.no_column", missing.front(), fmt::format("{}", fmt::join(kHeaders, ", ")))
                    : text::say("list.no_columns", fmt::format("{}", fmt::join(missing, ", ")),
                                fmt::format("{}", fmt::join(kHeaders, ", "))));
        return false;
    }

    const std::string& text_of(const ListRow& row, Col k) const {
        static const std::string kEmpty;
        return index_[k] < row.cells.size() ? row.cells[index_[k]] : kEmpty;
    }

    // The cell of column `k`, or null after reporting it empty.
    const std::string* cell(const ListRow& row, Col k) {
        const std::string& t = text_of(row, k);
        if (t.empty()) {
            problem(row.line, kHeaders[k], text::say("list.empty_cell"));
            return nullptr;
        }
        return &t;
    }

    const std::string* code(const ListRow& row, Col k) {
        const std::string* c = cell(row, k);
        if (c != nullptr && !digits(*c)) {
            problem(row.line, kHeaders[k], text::say("list.code_digits", text::printable(*c)));
            return nullptr;
        }
        return c;
    }

    std::optional<MergeKind> kind_of(const ListRow& row) {
        const std::string* t = cell(row, kind);
        if (t == nullptr) return std::nullopt;
        for (const KindName& k : kKinds) {
            if (*t == k.key) return k.kind;
        }
        std::vector<std::string> keys;
        for (const KindName& k : kKinds) keys.emplace_back(k.key);
        problem(row.line, kHeaders[kind],
                text::say("merge_table.unknown_kind", text::printable(*t), fmt::format("{}", fmt::join(keys, ", ")),
                          did_you_mean(*t, keys)));
        return std::nullopt;
    }

    void row(const ListRow& row) {
        if (row.cells.size() < width_) {
            problem(row.line, {}, text::say("list.cells", row.cells.size(), width_));
            return;
        }
        const std::size_t before = problems_.size();
        MergePart part;
        part.line = row.line;
        const std::string* pc = code(row, province_code);
        const std::string* cc = code(row, commune_code);
        const std::string previous = std::exchange(previous_, cc != nullptr ? *cc : std::string());
        const std::string* cn = cell(row, commune);
        const std::string* oc = code(row, old_commune_code);
        const std::string& on = text_of(row, old_commune);
        const std::string* dc = code(row, old_district_code);
        const std::string* dn = cell(row, old_district);
        const std::string* opc = code(row, old_province_code);
        const std::string* opn = cell(row, old_province);
        const std::optional<MergeKind> k = kind_of(row);
        // No old commune (code zeros, no name): a whole district went in.
        if (oc != nullptr && on.empty() && oc->find_first_not_of('0') != std::string::npos) {
            problem(row.line, kHeaders[old_commune], text::say("list.empty_cell"));
        }
        if (cn != nullptr) {
            auto [type, name] = split_type(*cn, kNewTypes);
            if (type.empty()) {
                problem(row.line, kHeaders[commune],
                        text::say("merge_table.no_type", text::printable(*cn), fmt::format("{}", fmt::join(kNewTypes, ", "))));
            }
            part.type = type;
            part.name = std::move(name);
        }
        if (problems_.size() != before || !k) return;
        auto [old_type, old_name] = split_type(on, kOldTypes);
        part.province_code = *pc;
        part.code = *cc;
        part.old_code = *oc;
        part.old_name = std::move(old_name);
        part.old_type = old_type;
        part.old_district_code = *dc;
        part.old_district = *dn;
        part.old_province_code = *opc;
        part.old_province = *opn;
        part.kind = *k;
        part.note = text_of(row, note);
        add(row, std::move(part), previous);
    }

    // The parts of one new commune are consecutive, under one name and province; an old commune
    // is listed once per new commune.
    void add(const ListRow& row, MergePart part, const std::string& previous) {
        const auto index = static_cast<std::uint32_t>(out_.parts.size());
        const auto it = out_.by_code.find(part.code);
        if (it != out_.by_code.end()) {
            const MergePart& first = out_.parts[it->second.first];
            if (previous != part.code) {
                problem(row.line, kHeaders[commune_code],
                        text::say("merge_table.not_consecutive", part.code, first.line));
                return;
            }
            if (tone_free(first.name) != tone_free(part.name) || first.type != part.type ||
                first.province_code != part.province_code) {
                problem(row.line, kHeaders[first.province_code != part.province_code ? province_code : commune],
                        text::say("merge_table.other_commune", part.code, part.type, text::printable(part.name),
                                  part.province_code, first.type, first.name, first.province_code, first.line));
                return;
            }
        }
        const std::string pair = part.code + ' ' + part.old_code + ' ' + part.old_district_code;
        if (const auto [p, fresh] = pairs_.emplace(pair, row.line); !fresh) {
            problem(row.line, kHeaders[old_commune_code],
                    text::say("merge_table.old_twice", part.old_code, part.code, p->second));
            return;
        }
        if (it != out_.by_code.end()) {
            ++it->second.second;
        } else {
            out_.by_code.emplace(part.code, std::pair<std::uint32_t, std::uint32_t>{index, 1});
        }
        out_.parts.push_back(std::move(part));
    }
};

}  // namespace

MergeTable read_merge_table(const std::string& path, std::vector<text::Problem>& problems) {
    const auto text = text::read_text_file(path, problems);
    if (!text) {
        MergeTable none;
        none.path = path;
        return none;
    }
    return parse_merge_table(path, *text, problems);
}

MergeTable parse_merge_table(const std::string& path, std::string_view text, std::vector<text::Problem>& problems) {
    return TableReader(path, problems).read(text);
}

const MergeTable& official_merge_table() {
    static const MergeTable table = [] {
        std::vector<text::Problem> problems;
        MergeTable t = parse_merge_table(std::string(official_path(OfficialFile::merge_2025)),
                                         official_text(OfficialFile::merge_2025), problems);
        if (!problems.empty()) {
            // Tested to hold no problem: one here means a broken build.
            fmt::print(stderr, "internal error: the bundled conversion table is damaged\n{}", text::render(problems, text::Lang::en));
            std::abort();
        }
        return t;
    }();
    return table;
}

}  // namespace ntm::data
