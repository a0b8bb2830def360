#include "report/text.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

#include "text/utf8.hpp"

namespace ntm::report {

namespace {

// ---------------------------------------------------------------------------------------------
// Small helpers

// Vietnamese noun of an entity kind, capitalised for headings.
const char* kind_title(EntityKind k) {
    switch (k) {
        case EntityKind::thon: return "Thôn";
        case EntityKind::xa: return "Xã";
        case EntityKind::huyen: return "Huyện";
        case EntityKind::tinh: return "Tỉnh";
    }
    return "";
}

const char* kind_noun(EntityKind k) {
    switch (k) {
        case EntityKind::thon: return "thôn";
        case EntityKind::xa: return "xã";
        case EntityKind::huyen: return "huyện";
        case EntityKind::tinh: return "tỉnh";
    }
    return "";
}

const char* status_mark(Status s) {
    switch (s) {
        case Status::met: return "✓";
        case Status::not_met: return "✗";
        case Status::unknown: return "?";
        case Status::not_applicable: return "–";
    }
    return " ";
}

// "85 %", "38,5 triệu đồng/người/năm", "3".
std::string quantity(double v, const std::string& symbol) {
    if (symbol.empty()) return number_vi(v);
    return number_vi(v) + " " + symbol;
}

// "25 %" of part in whole, one decimal at most.
std::string share(std::size_t part, std::size_t whole) {
    if (whole == 0) return "–";
    const double pct = std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10.0;
    return number_vi(pct) + " %";
}

// The phrase for "N xã <level>" from a level's title: "Xã đạt chuẩn nông thôn mới" reads
// "xã đạt chuẩn nông thôn mới" after a count; other titles are quoted.
std::string level_phrase(EntityKind kind, const std::string& title) {
    const std::string head = std::string(kind_title(kind)) + " ";
    if (title.rfind(head, 0) == 0) return std::string(kind_noun(kind)) + " " + title.substr(head.size());
    return fmt::format("{} đạt mức “{}”", kind_noun(kind), title);
}

// Rows of cells printed with columns aligned by display width, two spaces apart.
class Table {
public:
    enum Align { left, right };
    explicit Table(std::vector<Align> aligns) : aligns_(std::move(aligns)) {}
    void row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
    bool empty() const { return rows_.empty(); }

    std::string render(const std::string& indent) const {
        std::vector<std::size_t> width(aligns_.size(), 0);
        for (const auto& r : rows_) {
            for (std::size_t c = 0; c < r.size() && c < width.size(); ++c) {
                width[c] = std::max<std::size_t>(width[c], text::display_width(r[c]));
            }
        }
        std::string out;
        for (const auto& r : rows_) {
            std::string line = indent;
            for (std::size_t c = 0; c < r.size() && c < width.size(); ++c) {
                const std::size_t pad = width[c] - text::display_width(r[c]);
                if (c > 0) line += "  ";
                if (aligns_[c] == right) line.append(pad, ' ');
                line += r[c];
                if (aligns_[c] == left && c + 1 < r.size()) line.append(pad, ' ');
            }
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out += line + "\n";
        }
        return out;
    }

private:
    std::vector<Align> aligns_;
    std::vector<std::vector<std::string>> rows_;
};

// One year's evaluation with its results in listing order.
struct YearView {
    const Program& p;
    const Dataset& d;
    const Evaluation& ev;
    std::vector<std::uint32_t> by_code;  // result indices sorted by entity code

    YearView(const Program& program, const Dataset& data, const Evaluation& evaluation)
        : p(program), d(data), ev(evaluation) {
        for (std::uint32_t r = 0; r < ev.entities.size(); ++r) by_code.push_back(r);
        std::sort(by_code.begin(), by_code.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return code_order(entity(a).code, entity(b).code); });
    }
    const Entity& entity(std::uint32_t r) const { return d.entities[d.records[ev.entities[r].record].entity]; }
    const LevelDef* level_def(EntityKind kind, int ordinal) const {
        const auto& order = p.level_order[kind_index(kind)];
        if (ordinal < 0 || static_cast<std::size_t>(ordinal) >= order.size()) return nullptr;
        return &p.levels[order[static_cast<std::size_t>(ordinal)]];
    }
    // The nearest ancestor of kind `kind` (an entity index), or kNone.
    std::uint32_t ancestor(std::uint32_t entity_index, EntityKind kind) const {
        for (std::uint32_t a = d.entities[entity_index].parent; a != kNone; a = d.entities[a].parent) {
            if (d.entities[a].kind == kind) return a;
        }
        return kNone;
    }
};

// ---------------------------------------------------------------------------------------------
// Sections of the evaluation summary

// "phường" for "Phường" in running text (type words all start with an ASCII letter).
std::string lower_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

std::string set_text(const SetDef& set) {
    std::string what = set.title.empty() ? set.name : set.title;
    if (!set.source.empty()) what += " — " + set.source;
    return what;
}

std::string sets_in_force(const YearView& v, const std::vector<KindSummary>& kinds) {
    std::string out = "Bộ tiêu chí áp dụng:\n";
    for (const KindSummary& k : kinds) {
        for (std::uint32_t li : v.p.level_order[kind_index(k.kind)]) {
            const LevelDef& level = v.p.levels[li];
            // The sets the entities were judged by: more than one where a set for a locality
            // replaced the national one.
            std::map<std::uint32_t, std::size_t> used;
            for (const LevelResult& lr : v.ev.levels) {
                if (lr.level == li && lr.set != kNone) ++used[lr.set];
            }
            if (used.size() > 1) {
                out += fmt::format("  {}:\n", level.title);
                for (const auto& [s, n] : used) {
                    out += fmt::format("    {} ({} {})\n", set_text(v.p.sets[s]), number_vi(static_cast<double>(n)),
                                       kind_noun(level.kind));
                }
                continue;
            }
            const std::uint32_t s = used.empty() ? v.p.set_for(level, v.ev.year) : used.begin()->first;
            std::string what;
            if (s != kNone) {
                what = set_text(v.p.sets[s]);
            } else if (level.meets.empty()) {
                what = "không theo bộ tiêu chí, chỉ xét các điều kiện công nhận";
            } else {
                what = fmt::format("không có bộ tiêu chí hiệu lực năm {}", v.ev.year);
            }
            out += fmt::format("  {}: {}\n", level.title, what);
        }
    }
    return out;
}

std::string levels_by_kind(const YearView& v, const KindSummary& k) {
    std::string out = fmt::format("{}: {} đơn vị\n", kind_title(k.kind), k.total);
    Table t({Table::left, Table::right, Table::right, Table::right});
    t.row({"Mức cao nhất đạt được", fmt::format("Số {}", kind_noun(k.kind)), "Tỷ lệ", "Thiếu dữ liệu"});
    for (std::size_t i = 0; i < k.at_level.size(); ++i) {
        const LevelDef* def = v.level_def(k.kind, static_cast<int>(i) - 1);
        t.row({def == nullptr ? std::string("Chưa đạt") : def->title, std::to_string(k.at_level[i]),
               share(k.at_level[i], k.total), k.uncertain[i] == 0 ? std::string("–") : std::to_string(k.uncertain[i])});
    }
    out += t.render("  ");
    std::size_t uncertain = 0;
    for (std::size_t u : k.uncertain) uncertain += u;
    if (uncertain > 0) {
        out += fmt::format("  Thiếu dữ liệu: {} {} có thể đạt mức cao hơn khi đủ số liệu.\n", uncertain,
                           kind_noun(k.kind));
    }
    if (k.judged > 0) {
        const double mean = static_cast<double>(k.criteria_met_sum) / static_cast<double>(k.judged);
        out += fmt::format("  Số tiêu chí đạt bình quân: {}/{}\n", number_vi(std::round(mean * 10) / 10),
                           k.criteria_total);
    }
    if (k.not_in_force > 0) {
        out += fmt::format("  Không xét năm {} (không có bộ tiêu chí hiệu lực): {} {}\n", v.ev.year, k.not_in_force,
                           kind_noun(k.kind));
    }
    if (k.not_judged > 0) {
        std::map<std::string, std::size_t> types;
        for (const EntityResult& er : v.ev.entities) {
            const Entity& e = v.d.entities[v.d.records[er.record].entity];
            if (!er.judged && e.kind == k.kind) ++types[e.type];
        }
        std::vector<std::string> parts;
        for (const auto& [type, n] : types) parts.push_back(fmt::format("{} {}", n, lower_first(type)));
        out += fmt::format("  Không thuộc diện đánh giá: {}\n", fmt::join(parts, ", "));
    }
    return out;
}

std::string classes(const YearView& v, EntityKind kind) {
    std::string out;
    for (std::uint32_t c = 0; c < v.p.classes.size(); ++c) {
        const ClassDef& def = v.p.classes[c];
        if (def.kind != kind) continue;
        Table members({Table::left, Table::left, Table::right});
        std::size_t n = 0;
        std::vector<std::string> unsure;
        for (std::uint32_t r : v.by_code) {
            const Entity& e = v.entity(r);
            if (e.kind != kind) continue;
            const EntityResult& er = v.ev.entities[r];
            const Status s = v.ev.classes[er.first_class + c];
            if (s == Status::met) {
                ++n;
                members.row({e.code, display_name(e),
                             er.criteria_total > 0 ? fmt::format("{}/{} tiêu chí", er.criteria_met, er.criteria_total)
                                                   : std::string()});
            } else if (s == Status::unknown) {
                unsure.push_back(fmt::format("{} {}", e.code, display_name(e)));
            }
        }
        out += fmt::format("\n{}: {}\n", def.title, n);
        out += members.render("  ");
        if (!unsure.empty()) {
            out += fmt::format("  Chưa xác định được (thiếu dữ liệu): {}\n", fmt::join(unsure, "; "));
        }
    }
    return out;
}

std::string lost_levels(const YearView& v, EntityKind kind) {
    Table t({Table::left, Table::left, Table::left});
    for (std::uint32_t r : v.by_code) {
        const EntityResult& er = v.ev.entities[r];
        const Entity& e = v.entity(r);
        if (er.lost_level == kNone || e.kind != kind) continue;
        t.row({e.code, display_name(e),
               fmt::format("{} (công nhận năm {})", v.p.levels[er.lost_level].title, er.lost_year)});
    }
    if (t.empty()) return {};
    return "\nDuy trì chuẩn — không còn đạt mức đã được công nhận:\n" + t.render("  ");
}

// Each district (huyện) with the communes under it: "Huyện Phú Ninh: 7/9 xã đạt chuẩn ...".
std::string district_progress(const YearView& v) {
    const auto& xa_levels = v.p.level_order[kind_index(EntityKind::xa)];
    if (xa_levels.empty()) return {};
    struct Count {
        std::size_t total = 0, uncertain = 0;
        std::vector<std::size_t> at_least;  // per xã level ordinal: level >= it
    };
    struct ByCode {
        bool operator()(const std::string& a, const std::string& b) const { return code_order(a, b); }
    };
    std::map<std::string, std::pair<std::uint32_t, Count>, ByCode> districts;  // entity index, counts
    for (std::uint32_t r = 0; r < v.ev.entities.size(); ++r) {
        const Entity& e = v.entity(r);
        if (e.kind != EntityKind::xa) continue;
        const std::uint32_t h = v.ancestor(v.d.records[v.ev.entities[r].record].entity, EntityKind::huyen);
        if (h == kNone) continue;
        auto& [index, count] = districts[v.d.entities[h].code];
        index = h;
        count.at_least.resize(xa_levels.size(), 0);
        const EntityResult& er = v.ev.entities[r];
        if (!er.judged) continue;
        ++count.total;
        count.uncertain += er.level_max > er.level;
        for (int o = 0; o <= er.level && static_cast<std::size_t>(o) < xa_levels.size(); ++o) {
            ++count.at_least[static_cast<std::size_t>(o)];
        }
    }
    if (districts.empty()) return {};
    std::string out = "\nTiến độ theo huyện:\n";
    for (const auto& [code, entry] : districts) {
        const auto& [index, count] = entry;
        std::vector<std::string> parts;
        for (std::size_t o = 0; o < xa_levels.size(); ++o) {
            parts.push_back(fmt::format("{}/{} {}", count.at_least[o], count.total,
                                        level_phrase(EntityKind::xa, v.p.levels[xa_levels[o]].title)));
        }
        std::string line = fmt::format("  {} ({}): {}", display_name(v.d.entities[index]), code, fmt::join(parts, "; "));
        if (count.uncertain > 0) line += fmt::format(" ({} xã thiếu dữ liệu)", count.uncertain);
        out += line + "\n";
    }
    return out;
}

// Each target of the year: what was asked, what the results give, and whether it is met.
//   Mục tiêu năm 2021 của Tỉnh Quảng Nam (49) — Chỉ thị 06/CT-UBND ...
//     Xã đạt chuẩn nông thôn mới: thêm 8 → thêm 5 (125 so với 120 trước năm 2021)  ✗ còn thiếu 3
std::string targets(const YearView& v) {
    std::string out;
    for (const TargetResult& t : v.ev.targets) {
        const TargetDef& def = v.p.targets[t.target];
        out += fmt::format("\nMục tiêu năm {}: {} — {} ({})\n", v.ev.year, def.title,
                           display_name(v.d.entities[t.locality]), def.locality);
        if (!def.source.empty()) out += fmt::format("  Căn cứ: {}\n", def.source);
        Table table({Table::left, Table::left, Table::left, Table::left});
        for (const TargetLineResult& r : t.lines) {
            const LevelDef& level = v.p.levels[r.level];
            const auto n = [](double x) { return number_vi(x); };
            const auto range = [&](double lo, double hi) { return lo == hi ? n(lo) : fmt::format("{}–{}", n(lo), n(hi)); };
            std::string asked = r.increment ? fmt::format("thêm {}", n(r.asked)) : n(r.asked);
            std::string got = r.increment ? fmt::format("thêm {} ({} so với {} trước năm {})",
                                                        range(r.reached - r.before, r.reached_max - r.before),
                                                        range(r.reached, r.reached_max), n(r.before), v.ev.year)
                                          : range(r.reached, r.reached_max);
            if (r.reached_max > r.reached) {
                got += fmt::format(", {} {} thiếu dữ liệu", n(r.reached_max - r.reached), kind_noun(level.kind));
            }
            const double need = r.asked + r.before;
            std::string verdict = r.status == Status::met       ? "✓ đạt mục tiêu"
                                  : r.status == Status::unknown ? "? chưa xác định được (thiếu dữ liệu)"
                                                                : fmt::format("✗ còn thiếu {}", n(need - r.reached_max));
            table.row({level.title + ":", "mục tiêu " + asked, "kết quả " + got, verdict});
        }
        out += table.render("  ");
    }
    return out;
}

// Districts and provinces: each with its own level.
std::string own_levels(const YearView& v, EntityKind kind) {
    Table t({Table::left, Table::left, Table::left});
    for (std::uint32_t r : v.by_code) {
        const Entity& e = v.entity(r);
        if (e.kind != kind) continue;
        const EntityResult& er = v.ev.entities[r];
        if (!er.judged) {
            t.row({e.code, display_name(e), "Không thuộc diện đánh giá"});
            continue;
        }
        if (er.level_count > 0 && v.ev.levels[er.first_level].status == Status::not_applicable) {
            t.row({e.code, display_name(e), fmt::format("Không xét năm {} (không có bộ tiêu chí hiệu lực)", v.ev.year)});
            continue;
        }
        const LevelDef* def = v.level_def(kind, er.level);
        std::string level = def != nullptr ? def->title : std::string("Chưa đạt");
        if (const LevelDef* may = v.level_def(kind, er.level_max); may != nullptr && er.level_max > er.level) {
            level += fmt::format(" — thiếu dữ liệu: có thể đạt “{}”", may->title);
        }
        t.row({e.code, display_name(e), level});
    }
    if (t.empty()) return {};
    return fmt::format("\nMức của từng {}:\n", kind_noun(kind)) + t.render("  ");
}

// ---------------------------------------------------------------------------------------------
// The explanation of one entity

std::string value_text(const IndicatorExplanation& i) {
    if (!known(i.value)) return "không có số liệu hợp lệ";
    if (i.boolean) {
        if (i.cmp == dsl::Cmp::no) return i.value != 0 ? "có" : "không";
        return i.value != 0 ? "đạt" : "không đạt";
    }
    return quantity(i.value, i.unit_symbol);
}

// "còn thiếu 2,5 %" (at least), "vượt 3 %" (at most), "chênh lệch 1" (equal).
std::string gap_text(const IndicatorExplanation& i) {
    if (i.status != Status::not_met || !known(i.gap) || i.boolean) return {};
    const std::string amount = quantity(i.gap, i.unit_symbol);
    switch (i.cmp) {
        case dsl::Cmp::ge:
        case dsl::Cmp::gt: return "còn thiếu " + amount;
        case dsl::Cmp::le:
        case dsl::Cmp::lt: return "vượt " + amount;
        case dsl::Cmp::in_range: return "lệch khỏi khoảng " + amount;
        default: return "chênh lệch " + amount;
    }
}

// One indicator: status, value, requirement and gap; then why that threshold, the rule,
// the citation, and the body in charge when it is not the criterion's.
std::string indicator_text(const IndicatorExplanation& i, const std::string& criterion_body) {
    std::string out = fmt::format("      {} {} {}: ", status_mark(i.status), i.code, i.title);
    if (i.status == Status::not_applicable) {
        out += "không áp dụng\n";
    } else {
        out += value_text(i);
        if (!i.requirement.empty()) out += fmt::format(" — yêu cầu {}", i.requirement);
        if (const std::string gap = gap_text(i); !gap.empty()) out += ", " + gap;
        out += "\n";
    }
    std::vector<std::string> basis;
    if (i.status != Status::not_applicable && !i.why.empty()) basis.push_back("căn cứ: " + i.why);
    if (!i.rule.empty()) basis.push_back("quy định: " + i.rule);
    if (!basis.empty()) out += fmt::format("        {}\n", fmt::join(basis, " — "));
    if (!i.source.empty()) out += fmt::format("        nguồn: {}\n", i.source);
    if (!i.responsible.empty() && i.responsible != criterion_body && i.status != Status::not_applicable) {
        out += fmt::format("        phụ trách: {}\n", i.responsible);
    }
    return out;
}

std::string criterion_text(const CriterionExplanation& c) {
    std::string out = fmt::format("    {} Tiêu chí {} {}: {}", status_mark(c.status), c.code, c.title, status_vi(c.status));
    if (c.combine != "tất cả chỉ tiêu" && !c.combine.empty()) out += fmt::format(" (cần {})", c.combine);
    if (!c.responsible.empty()) out += fmt::format(" — {}", c.responsible);
    out += "\n";
    for (const IndicatorExplanation& i : c.indicators) out += indicator_text(i, c.responsible);
    return out;
}

std::string level_text(const LevelExplanation& l) {
    std::string out = fmt::format("\n{} {}: {}", status_mark(l.status), l.title, status_vi(l.status));
    if (!l.rule.empty()) out += fmt::format("  [{}]", l.rule);
    out += "\n";
    if (!l.after.empty()) {
        out += fmt::format("  {} Điều kiện trước: {} — {}\n", status_mark(l.prerequisite), l.after,
                           status_vi(l.prerequisite));
    }
    if (!l.set_name.empty()) {
        out += fmt::format("  Bộ tiêu chí: {}", l.set_title.empty() ? l.set_name : l.set_title);
        if (!l.set_source.empty()) out += " — " + l.set_source;
        out += "\n";
        out += fmt::format("  Ngưỡng áp dụng theo vùng: {}{}\n", region_vi(l.region),
                           l.region_overridden ? " (theo quy định riêng của bộ tiêu chí)" : "");
        out += fmt::format("  Tiêu chí đạt: {}/{}\n", l.criteria_met, l.criteria_total);
        for (const CriterionExplanation& c : l.criteria) out += criterion_text(c);
    }
    if (!l.gates.empty()) {
        out += "  Điều kiện công nhận:\n";
        for (const GateExplanation& g : l.gates) {
            out += fmt::format("    {} {}: {}\n", status_mark(g.status), g.title.empty() ? g.name : g.title,
                               status_vi(g.status));
            if (!g.condition.empty()) out += fmt::format("        điều kiện: {}\n", g.condition);
            if (!g.values.empty()) out += fmt::format("        số liệu: {}\n", g.values);
            if (!g.rule.empty()) out += fmt::format("        quy định: {}\n", g.rule);
        }
    }
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

bool code_order(const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
}

std::string display_name(const Entity& entity) {
    if (entity.type.empty() || entity.name.rfind(entity.type + " ", 0) == 0) return entity.name;
    return entity.type + " " + entity.name;
}

std::vector<KindSummary> summarize(const Program& program, const Dataset& data, const Evaluation& evaluation) {
    std::vector<KindSummary> out;
    for (std::size_t k = 0; k < kKindCount; ++k) {
        const auto& order = program.level_order[k];
        if (order.empty()) continue;
        KindSummary s;
        s.kind = static_cast<EntityKind>(k);
        s.at_level.assign(order.size() + 1, 0);
        s.uncertain.assign(order.size() + 1, 0);
        for (const EntityResult& er : evaluation.entities) {
            if (data.entities[data.records[er.record].entity].kind != s.kind) continue;
            if (!er.judged) {
                ++s.not_judged;
                continue;
            }
            if (er.level_count > 0 && evaluation.levels[er.first_level].status == Status::not_applicable) {
                ++s.not_in_force;
                continue;
            }
            ++s.total;
            const auto slot = static_cast<std::size_t>(er.level + 1);
            ++s.at_level[slot];
            if (er.level_max > er.level) ++s.uncertain[slot];
            if (er.criteria_total > 0) {
                ++s.judged;
                s.criteria_met_sum += er.criteria_met;
                s.criteria_total = std::max<std::size_t>(s.criteria_total, er.criteria_total);
            }
        }
        if (s.total + s.not_judged + s.not_in_force > 0) out.push_back(std::move(s));
    }
    return out;
}

std::string render_eval_text(const Program& program, const Dataset& data, const Evaluation& evaluation) {
    const YearView v(program, data, evaluation);
    const std::vector<KindSummary> kinds = summarize(program, data, evaluation);
    std::string out = fmt::format("NĂM {}\n", evaluation.year);
    out += sets_in_force(v, kinds);
    out += fmt::format("Số đơn vị được đánh giá: {}\n", evaluation.entities.size());
    for (const KindSummary& k : kinds) {
        out.append("\n").append(levels_by_kind(v, k));
        out += classes(v, k.kind);
        out += lost_levels(v, k.kind);
        if (k.kind == EntityKind::huyen || k.kind == EntityKind::tinh) out += own_levels(v, k.kind);
    }
    out += district_progress(v);
    out += targets(v);
    return out;
}

std::string render_explanation_text(const EntityExplanation& x, const Dataset& data) {
    std::string out = fmt::format("{} {} (mã {})", x.type, x.name, x.code);
    if (x.name.rfind(x.type + " ", 0) == 0 || x.type.empty()) out = fmt::format("{} (mã {})", x.name, x.code);
    if (!x.parent_code.empty()) {
        const std::uint32_t p = data.find(x.parent_code);
        out += p != kNone ? fmt::format(", thuộc {} (mã {})", display_name(data.entities[p]), x.parent_code)
                          : fmt::format(", thuộc đơn vị mã {}", x.parent_code);
    }
    out += "\n";
    out += fmt::format("Vùng: {} · năm đánh giá: {}\n", region_vi(x.region), x.year);
    if (!x.judged) {
        out += fmt::format("Mức đạt: không thuộc diện đánh giá — {} không được đánh giá theo các bộ tiêu chí "
                           "nông thôn mới\n",
                           lower_first(x.type));
    } else if (x.levels.empty()) {
        out += "Mức đạt: các quy định không có mức nào cho đơn vị cấp này\n";
    } else {
        out += fmt::format("Mức đạt: {}{}\n", x.level_name.empty() ? std::string("chưa đạt mức nào") : x.level_title,
                           x.level_uncertain ? " (có thể cao hơn: thiếu dữ liệu)" : "");
    }
    if (x.criteria_total > 0) {
        out += fmt::format("Số tiêu chí đạt: {}/{}", x.criteria_met, x.criteria_total);
        if (x.criteria_unknown > 0) out += fmt::format(" ({} tiêu chí thiếu dữ liệu)", x.criteria_unknown);
        out += "\n";
    }
    if (!x.classes.empty()) out += fmt::format("Phân loại: {}\n", fmt::join(x.classes, "; "));
    if (!x.member.empty()) out += fmt::format("Phụ trách địa bàn: {}\n", x.member);
    if (!x.lost_level_title.empty()) {
        out += fmt::format("⚠ Duy trì chuẩn: đã được công nhận “{}” năm {}, năm {} không còn đạt mức này.\n",
                           x.lost_level_title, x.lost_year, x.year);
    }
    if (!x.next_level_name.empty()) {
        out += fmt::format("\nMức tiếp theo: {}", x.next_level_title);
        if (x.blockers.empty()) {
            out += "\n";
        } else {
            out += " — còn vướng:\n";
            for (const Blocker& b : x.blockers) {
                out += fmt::format("  {} {}", status_mark(b.status), b.what);
                if (!b.responsible.empty()) out += " — phụ trách: " + b.responsible;
                out += "\n";
            }
        }
    } else if (!x.levels.empty() && !x.level_name.empty()) {
        out += fmt::format("\nĐã đạt mức cao nhất áp dụng năm {}.\n", x.year);
    }
    for (const LevelExplanation& l : x.levels) out += level_text(l);
    return out;
}

}  // namespace ntm::report
