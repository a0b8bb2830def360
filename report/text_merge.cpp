// `ntm merge` as terminal text: see text_merge.hpp.
#include "report/text_merge.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "report/text.hpp"
#include "report/words.hpp"
#include "text/utf8.hpp"

namespace ntm::report {

namespace {

using merge::CarryRule;
using merge::Derivation;

// `s` padded with spaces to `width` columns (letters, not bytes).
std::string pad(const std::string& s, std::uint32_t width) {
    const std::uint32_t w = text::display_width(s);
    return s + std::string(w < width ? width - w : 0, ' ');
}

const std::vector<std::uint32_t>& xa_levels(const Program& p) { return p.level_order[kind_index(EntityKind::xa)]; }

std::string level_title(const Program& p, std::uint32_t ordinal) {
    return ordinal == kNone ? std::string("chưa được công nhận") : p.levels[xa_levels(p)[ordinal]].title;
}

// The result of entity `e` of `data` in `ev`, or null.
const engine::EntityResult* result_of(const Dataset& data, const Evaluation& ev, std::uint32_t e) {
    for (const engine::EntityResult& er : ev.entities) {
        if (data.records[er.record].entity == e) return &er;
    }
    return nullptr;
}

// "17/19 tiêu chí, chưa đạt" or "không thuộc diện đánh giá".
std::string standing(const Program& p, const engine::EntityResult* er) {
    if (er == nullptr) return "không có số liệu năm này";
    if (!er->judged) return "không thuộc diện đánh giá";
    if (er->criteria_total == 0) return "không có bộ tiêu chí hiệu lực";
    std::string out = fmt::format("{}/{} tiêu chí", er->criteria_met, er->criteria_total);
    if (er->criteria_unknown > 0) out += fmt::format(" ({} thiếu dữ liệu)", er->criteria_unknown);
    out += ", ";
    out += er->level < 0 ? std::string("chưa đạt mức nào")
                         : lower_first(p.levels[xa_levels(p)[static_cast<std::size_t>(er->level)]].title);
    return out;
}

std::string rule_text(const Program& p, const merge::NewCommune& nc, const Dataset& old, const data::MergeTable& table) {
    switch (nc.rule) {
        case CarryRule::all_recognised:
            return fmt::format("mọi phần đều đã được công nhận: xã mới được công nhận {} (mức thấp nhất chung của các phần)",
                               lower_first(level_title(p, nc.level)));
        case CarryRule::not_all_recognised: {
            std::vector<std::string> names;
            for (const merge::Part& part : nc.parts) {
                if (part.judged && part.entity != kNone && part.record != kNone && part.level == kNone) {
                    names.push_back(display_name(old.entities[part.entity]));
                }
            }
            (void)table;
            return fmt::format("có phần chưa được công nhận ({}): xã mới không được công nhận, phải xây dựng và thẩm "
                               "định lại theo QĐ 18/2022/QĐ-TTg",
                               fmt::join(names, ", "));
        }
        case CarryRule::unknown:
            return "có phần không có trong dữ liệu năm này: chưa xác định được việc công nhận";
        case CarryRule::not_judged:
            return "đơn vị mới là đô thị (phường, đặc khu): không xét công nhận nông thôn mới";
    }
    return {};
}

// The inputs of a new commune obtained as `how`, by name.
std::vector<std::string> inputs_by(const Program& p, const merge::NewCommune& nc, Derivation how) {
    std::vector<std::string> out;
    for (const engine::Column& c : p.schema.columns[kind_index(EntityKind::xa)]) {
        if (c.slot < nc.how.size() && nc.how[c.slot] == how) out.push_back(c.name);
    }
    return out;
}

std::string commune_text(const Program& p, const MergeRun& run, const merge::NewCommune& nc) {
    const Dataset& d = run.carried->data;
    const engine::Entity& e = d.entities[nc.entity];
    std::string out = fmt::format("{}  {} — {}\n", e.code, display_name(e), standing(p, result_of(d, *run.after, nc.entity)));
    for (const merge::Part& part : nc.parts) {
        const data::MergePart& row = run.table->parts[part.row];
        out += fmt::format("    ← {} {} {}, {} — {} — {}", row.old_code, row.old_type, row.old_name,
                           display_name("", row.old_district), merge_kind_words(row.kind),
                           !part.judged                                 ? std::string("không thuộc diện xét")
                           : part.entity == kNone || part.record == kNone ? std::string("không có trong dữ liệu")
                           : part.level == kNone
                               ? std::string("chưa được công nhận")
                               : fmt::format("{} năm {}", lower_first(level_title(p, part.level)), part.level_year));
        if (part.entity != kNone && part.record != kNone && part.judged) {
            out += fmt::format(" — năm {}: {}", run.year, standing(p, result_of(*run.old, *run.before, part.entity)));
        }
        out += "\n";
    }
    if (nc.rule != CarryRule::not_judged) {
        out += fmt::format("    Công nhận: {}\n", rule_text(p, nc, *run.old, *run.table));
        const std::vector<std::string> estimated = inputs_by(p, nc, Derivation::estimated);
        if (!estimated.empty()) {
            out += fmt::format("    Ước tính ({}): {}\n",
                               nc.partial ? "có phần nhập một phần" : "thiếu trọng số hoặc có phần đô thị",
                               fmt::join(estimated, ", "));
        }
        const std::vector<std::string> resurvey = inputs_by(p, nc, Derivation::resurvey);
        if (!resurvey.empty()) out += fmt::format("    Phải khảo sát lại: {}\n", fmt::join(resurvey, ", "));
        const std::vector<std::string> missing = inputs_by(p, nc, Derivation::missing);
        if (!missing.empty()) out += fmt::format("    Thiếu số liệu của một phần: {}\n", fmt::join(missing, ", "));
    }
    return out;
}

// Counts of communes by the level held: index 0 none, 1 + ordinal; and those whose recognition
// cannot be told.
struct Held {
    std::vector<std::size_t> at;
    std::size_t unknown = 0;
    std::size_t total = 0;
    void add_unknown() {
        ++unknown;
        ++total;
    }
    void add(std::uint32_t level) {
        const std::size_t i = level == kNone ? 0 : level + 1;
        if (at.size() <= i) at.resize(i + 1, 0);
        ++at[i];
        ++total;
    }
};

std::string held_text(const Program& p, const Held& h) {
    std::vector<std::string> parts;
    for (std::size_t i = h.at.size(); i-- > 0;) {
        if (h.at[i] == 0) continue;
        parts.push_back(fmt::format("{} {}", h.at[i], i == 0 ? std::string("chưa công nhận")
                                                         : lower_first(level_title(p, static_cast<std::uint32_t>(i - 1)))));
    }
    if (h.unknown > 0) parts.push_back(fmt::format("{} chưa xác định", h.unknown));
    return parts.empty() ? std::string("—") : fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace

std::string render_merge_text(const Program& p, const MergeRun& run) {
    const merge::Carried& c = *run.carried;
    const Dataset& d = c.data;
    std::string out = fmt::format("SÁP NHẬP XÃ: SỐ LIỆU NĂM {} CHUYỂN SANG ĐƠN VỊ HÀNH CHÍNH TỪ 01/7/2025\n", run.year);
    out += fmt::format("Dữ liệu: {} · bảng chuyển đổi: {}\n", run.data_file, run.table_file);
    if (!run.out_file.empty()) out += fmt::format("Dữ liệu của các xã mới: {}\n", run.out_file);
    for (const std::string& code : c.provinces) {
        const std::uint32_t e = d.find(code, engine::AdminMap::two_tier);
        std::size_t n = 0;
        for (const merge::NewCommune& nc : c.communes) n += d.entities[nc.entity].parent == e;
        out += fmt::format("{} ({}): {} xã, phường, đặc khu mới có phần trong dữ liệu\n",
                           e == kNone ? code : display_name(d.entities[e]), code, n);
    }
    if (c.without_data > 0) out += fmt::format("Không có phần nào trong dữ liệu (bỏ qua): {} đơn vị mới\n", c.without_data);

    // Recognition carried, by the rule that decided.
    std::size_t not_all = 0, unknown = 0, urban = 0, estimated = 0;
    Held carried;
    for (const merge::NewCommune& nc : c.communes) {
        estimated += nc.partial;
        switch (nc.rule) {
            case CarryRule::all_recognised: carried.add(nc.level); break;
            case CarryRule::not_all_recognised: ++not_all; break;
            case CarryRule::unknown: ++unknown; break;
            case CarryRule::not_judged: ++urban; break;
        }
    }
    out += "\nCÔNG NHẬN MANG SANG (hướng dẫn của Bộ Nông nghiệp và Môi trường về xã sau sắp xếp)\n";
    for (std::size_t i = carried.at.size(); i-- > 1;) {
        if (carried.at[i] > 0) {
            out += fmt::format("  {}: {} — mọi phần đều đã được công nhận\n", level_title(p, static_cast<std::uint32_t>(i - 1)),
                               carried.at[i]);
        }
    }
    out += fmt::format("  Không mang sang, phải xây dựng và thẩm định lại theo QĐ 18/2022/QĐ-TTg: {}\n", not_all);
    if (unknown > 0) out += fmt::format("  Chưa xác định (có phần không có trong dữ liệu): {}\n", unknown);
    if (urban > 0) out += fmt::format("  Đô thị, không xét: {}\n", urban);
    if (estimated > 0) {
        out += fmt::format("Số liệu ước tính: {} xã mới có phần nhập một phần; mọi kết quả dựa trên các số liệu đó "
                           "đều ghi \"ước tính\"\n", estimated);
    }

    // Judged again by the rules of the year.
    const std::vector<KindSummary> before = summarize(p, *run.old, *run.before);
    const std::vector<KindSummary> after = summarize(p, d, *run.after);
    const auto xa = [](const std::vector<KindSummary>& ks) -> const KindSummary* {
        for (const KindSummary& k : ks) {
            if (k.kind == EntityKind::xa) return &k;
        }
        return nullptr;
    };
    if (const KindSummary* b = xa(before), *a = xa(after); b != nullptr && a != nullptr) {
        out += fmt::format("\nĐÁNH GIÁ THEO CÁC BỘ TIÊU CHÍ NĂM {}: TRƯỚC VÀ SAU SÁP NHẬP\n", run.year);
        out += fmt::format("  {} {:>6} {:>6}  {}\n", pad("Mức cao nhất đạt được", 44), "Trước", "Sau",
                           "Sau: thiếu dữ liệu");
        const std::size_t n = std::max(b->at_level.size(), a->at_level.size());
        for (std::size_t i = 0; i < n; ++i) {
            const std::string title = i == 0 ? std::string("Chưa đạt") : level_title(p, static_cast<std::uint32_t>(i - 1));
            const std::size_t maybe = i < a->uncertain.size() ? a->uncertain[i] : 0;
            out += fmt::format("  {} {:>6} {:>6}  {:>18}\n", pad(title, 44),
                               i < b->at_level.size() ? b->at_level[i] : 0, i < a->at_level.size() ? a->at_level[i] : 0,
                               maybe == 0 ? std::string("–") : std::to_string(maybe));
        }
        out += fmt::format("  Trước: {} xã (đơn vị cũ của dữ liệu) · sau: {} xã mới; \"thiếu dữ liệu\": có thể đạt mức "
                           "cao hơn khi khảo sát lại các số liệu không cộng dồn được\n",
                           b->total, a->total);
    }

    // Per old district: the level its communes held before (each once, though split between
    // several new communes), and the new communes they went into.
    std::map<std::string, std::pair<std::string, std::pair<Held, std::vector<std::uint32_t>>>> districts;
    std::vector<std::uint8_t> counted(run.old->entities.size(), 0);
    for (std::uint32_t i = 0; i < c.communes.size(); ++i) {
        for (const merge::Part& part : c.communes[i].parts) {
            if (part.entity == kNone || part.record == kNone || !part.judged) continue;
            const data::MergePart& row = run.table->parts[part.row];
            auto& entry = districts[row.old_district_code];
            entry.first = row.old_district;
            if (counted[part.entity] == 0) entry.second.first.add(part.level);
            counted[part.entity] = 1;
            auto& into = entry.second.second;
            if (std::find(into.begin(), into.end(), i) == into.end()) into.push_back(i);
        }
    }
    out += "\nTHEO HUYỆN CŨ: CÔNG NHẬN TRƯỚC VÀ SAU SÁP NHẬP\n";
    for (const auto& [code, entry] : districts) {
        Held after_held;
        for (const std::uint32_t i : entry.second.second) {
            const merge::NewCommune& nc = c.communes[i];
            if (nc.rule == CarryRule::unknown) {
                after_held.add_unknown();
            } else if (nc.rule != CarryRule::not_judged) {
                after_held.add(nc.rule == CarryRule::all_recognised ? nc.level : kNone);
            }
        }
        out += fmt::format("  {} ({}): trước {} xã — {}; sau: vào {} xã mới — {}\n", entry.first, code,
                           entry.second.first.total, held_text(p, entry.second.first), after_held.total,
                           held_text(p, after_held));
    }

    out += "\nTỪNG ĐƠN VỊ MỚI\n";
    std::vector<std::uint32_t> order(c.communes.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return code_order(d.entities[c.communes[a].entity].code, d.entities[c.communes[b].entity].code);
    });
    for (const std::uint32_t i : order) out += commune_text(p, run, c.communes[i]);
    return text::printable_lines(out);
}

}  // namespace ntm::report
