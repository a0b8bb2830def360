// The summary of one year's evaluation as terminal text: see text.hpp.  Layout only (aligned
// tables, indentation); every phrase is from words.hpp.
#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <map>

#include "report/text.hpp"
#include "report/text_table.hpp"
#include "report/words.hpp"
#include "text/utf8.hpp"

namespace ntm::report {

namespace {

using terminal::Table;

constexpr Lang kLang = Lang::vi;  // the terminal text is Vietnamese

const char* kind_noun(EntityKind k) { return words(kLang).kind_names[kind_index(k)]; }

// One year's evaluation, and the order its results are listed in.
struct YearView {
    const Program& p;
    const Dataset& d;
    const Evaluation& ev;
    std::vector<std::uint32_t> rank;  // per result, its place in the order of entity codes
    std::vector<EntityKind> kinds;    // per result, its entity's: read before the entity

    YearView(const Program& program, const Dataset& data, const Evaluation& evaluation)
        : p(program), d(data), ev(evaluation) {
        const std::vector<std::uint32_t> by_code = sorted_by_code(
            static_cast<std::uint32_t>(ev.entities.size()), [this](std::uint32_t r) { return std::string_view(entity(r).code); });
        rank.resize(by_code.size());
        for (std::uint32_t i = 0; i < by_code.size(); ++i) rank[by_code[i]] = i;
        kinds.reserve(ev.entities.size());
        for (const EntityResult& er : ev.entities) kinds.push_back(d.entities[d.records[er.record].entity].kind);
    }
    const Entity& entity(std::uint32_t r) const { return d.entities[d.records[ev.entities[r].record].entity]; }
    EntityKind kind(std::uint32_t r) const { return kinds[r]; }
    // The results of `kind` that `keep` keeps, in the order of their codes.  The results are
    // read in their own order, side by side in memory, and only those kept are sorted: a section
    // lists few of a million, and walking all of them in code order read each result, and its
    // entity, from somewhere else in memory.
    template <class Keep>
    std::vector<std::uint32_t> listed(EntityKind kind, Keep keep) const {
        std::vector<std::uint32_t> out;
        for (std::uint32_t r = 0; r < kinds.size(); ++r) {
            if (kinds[r] == kind && keep(r)) out.push_back(r);
        }
        std::sort(out.begin(), out.end(), [this](std::uint32_t a, std::uint32_t b) { return rank[a] < rank[b]; });
        return out;
    }
    const LevelDef* level_def(EntityKind kind, int ordinal) const {
        const auto& order = p.level_order[kind_index(kind)];
        if (ordinal < 0 || static_cast<std::size_t>(ordinal) >= order.size()) return nullptr;
        return &p.levels[order[static_cast<std::size_t>(ordinal)]];
    }
};

// ---------------------------------------------------------------------------------------------
// Sections of the summary

std::string set_text(const SetDef& set) {
    std::string what = set.title.empty() ? set.name : set.title;
    if (!set.source.empty()) what.append(" — ").append(set.source);
    return what;
}

// What a level is judged by in the year when no entity was judged by two sets.
std::string set_in_force(const YearView& v, const LevelDef& level, std::uint32_t set) {
    const TextWords& t = text_words();
    if (set != kNone) return set_text(v.p.sets[set]);
    if (level.meets.empty() && v.p.level_in_force(level, v.ev.year)) return t.gates_only;
    return fmt::format(fmt::runtime(t.no_set_in_year), v.ev.year);
}

std::string sets_in_force(const YearView& v, const std::vector<KindSummary>& kinds) {
    // The sets the entities were judged by, per level: more than one where a set for a locality
    // replaced the national one.  Counted in one pass over the levels' results.
    const std::size_t sets = v.p.sets.size();
    std::vector<std::size_t> judged_by(v.p.levels.size() * sets, 0);  // [level][set]
    for (const LevelResult& lr : v.ev.levels) {
        if (lr.set != kNone) ++judged_by[lr.level * sets + lr.set];
    }
    std::string out = fmt::format("{}:\n", text_words().sets_in_force);
    for (const KindSummary& k : kinds) {
        for (std::uint32_t li : v.p.level_order[kind_index(k.kind)]) {
            const LevelDef& level = v.p.levels[li];
            std::vector<std::pair<std::uint32_t, std::size_t>> used;  // set, entities; by set
            for (std::uint32_t s = 0; s < sets; ++s) {
                if (const std::size_t n = judged_by[li * sets + s]; n > 0) used.emplace_back(s, n);
            }
            if (used.size() > 1) {
                out += fmt::format("  {}:\n", level.title);
                for (const auto& [s, n] : used) {
                    out += fmt::format("    {} ({} {})\n", set_text(v.p.sets[s]), num(kLang, static_cast<double>(n)),
                                       kind_noun(level.kind));
                }
                continue;
            }
            const std::uint32_t s = used.empty() ? v.p.set_for(level, v.ev.year) : used.front().first;
            out += fmt::format("  {}: {}\n", level.title, set_in_force(v, level, s));
        }
    }
    return out;
}

// "Phường 2, thị trấn 1": the units of a kind not judged, by type.
std::string not_judged(const YearView& v, EntityKind kind) {
    std::map<std::string, std::size_t> types;
    for (std::uint32_t r = 0; r < v.ev.entities.size(); ++r) {
        if (!v.ev.entities[r].judged && v.kind(r) == kind) ++types[v.entity(r).type];
    }
    std::vector<std::string> parts;
    for (const auto& [type, n] : types) parts.push_back(fmt::format("{} {}", n, lower_first(type)));
    return fmt::format("{}", fmt::join(parts, ", "));
}

std::string levels_by_kind(const YearView& v, const KindSummary& k) {
    const Words& w = words(kLang);
    const TextWords& t = text_words();
    const char* noun = kind_noun(k.kind);
    std::string out = fmt::format(fmt::runtime(t.units_of_kind), t.kind_titles[kind_index(k.kind)], k.total) + "\n";
    Table table({Table::left, Table::right, Table::right, Table::right});
    table.row({w.highest_level, fmt::format(fmt::runtime(t.count_of_kind), noun), w.share, w.uncertain});
    for (std::size_t i = 0; i < k.at_level.size(); ++i) {
        const LevelDef* def = v.level_def(k.kind, static_cast<int>(i) - 1);
        // A level that does not exist this year (no set in force): no row, unless someone holds it.
        if (def != nullptr && !v.p.level_in_force(*def, v.ev.year) && k.at_level[i] == 0) continue;
        table.row({def == nullptr ? std::string(w.none_level) : def->title, std::to_string(k.at_level[i]),
                   percent(kLang, k.at_level[i], k.total),
                   k.uncertain[i] == 0 ? std::string("–") : std::to_string(k.uncertain[i])});
    }
    out += table.render("  ");
    std::size_t uncertain = 0;
    for (std::size_t u : k.uncertain) uncertain += u;
    if (uncertain > 0) out += fmt::format("  {}\n", fmt::format(fmt::runtime(t.may_be_higher), uncertain, noun));
    if (k.judged > 0 && k.criteria_total == 1) {
        // A mean of one criterion ("0,7/1") says nothing: how many meet it.
        out += fmt::format("  Đạt tiêu chí của bộ tiêu chí: {}/{} {} ({})\n", k.criteria_met_sum, k.judged, noun,
                           percent(kLang, k.criteria_met_sum, k.judged));
    } else if (k.judged > 0) {
        const double mean = static_cast<double>(k.criteria_met_sum) / static_cast<double>(k.judged);
        out += fmt::format("  {}: {}/{}\n", w.criteria_mean, num(kLang, std::round(mean * 10) / 10), k.criteria_total);
    }
    if (k.not_in_force > 0) {
        out += fmt::format("  {}\n", fmt::format(fmt::runtime(t.not_in_force_count), v.ev.year, k.not_in_force, noun));
    }
    if (k.not_judged > 0) out += fmt::format("  {}: {}\n", w.not_judged, not_judged(v, k.kind));
    return out;
}

std::string classes(const YearView& v, EntityKind kind) {
    const TextWords& t = text_words();
    std::string out;
    for (std::uint32_t c = 0; c < v.p.classes.size(); ++c) {
        const ClassDef& def = v.p.classes[c];
        if (def.kind != kind) continue;
        Table members({Table::left, Table::left, Table::right});
        std::size_t n = 0;
        std::vector<std::string> unsure;
        const auto member = [&](std::uint32_t r) {
            const Status s = v.ev.classes[v.ev.entities[r].first_class + c];
            return s == Status::met || s == Status::unknown;
        };
        for (std::uint32_t r : v.listed(kind, member)) {
            const EntityResult& er = v.ev.entities[r];
            const Status s = v.ev.classes[er.first_class + c];
            const Entity& e = v.entity(r);
            if (s == Status::met) {
                ++n;
                members.row({e.code, display_name(e),
                             er.criteria_total > 0
                                 ? fmt::format(fmt::runtime(t.criteria_of), er.criteria_met, er.criteria_total)
                                 : std::string()});
            } else if (s == Status::unknown) {
                unsure.push_back(fmt::format("{} {}", e.code, display_name(e)));
            }
        }
        out += fmt::format("\n{}: {}\n", def.title, n);
        out += members.render("  ");
        if (!unsure.empty()) out += fmt::format("  {}: {}\n", words(kLang).undecided, fmt::join(unsure, "; "));
    }
    return out;
}

std::string lost_levels(const YearView& v, EntityKind kind) {
    Table t({Table::left, Table::left, Table::left});
    for (std::uint32_t r : v.listed(kind, [&v](std::uint32_t x) { return v.ev.entities[x].lost_level != kNone; })) {
        const EntityResult& er = v.ev.entities[r];
        const Entity& e = v.entity(r);
        t.row({e.code, display_name(e),
               fmt::format(fmt::runtime(text_words().recognised_in), v.p.levels[er.lost_level].title, er.lost_year)});
    }
    if (t.empty()) return {};
    return fmt::format("\n{}:\n", words(kLang).lost) + t.render("  ");
}

// The units of a kind whose recognition is to be revoked, then those that may be (data
// missing): the level, the counts and the case, with what is missing.
std::string revoked(const YearView& v, EntityKind kind) {
    const Words& w = words(kLang);
    Table yes({Table::left, Table::left, Table::left, Table::left}), maybe({Table::left, Table::left, Table::left});
    std::vector<std::string> yes_notes;
    const auto to_list = [&v](std::uint32_t r) {
        const Status any = v.ev.entities[r].revoked;  // none is met or unknown: nothing to list
        return any == Status::met || any == Status::unknown;
    };
    for (std::uint32_t r : v.listed(kind, to_list)) {
        const Entity& e = v.entity(r);
        for (const RevocationExplanation& x : engine::explain_revocations(v.p, v.d, v.ev, r)) {
            if (x.status == Status::not_met) continue;
            std::string counts = fmt::format(fmt::runtime(w.revoke_counts), x.unmet, x.total,
                                             percent(kLang, static_cast<std::size_t>(x.unmet), static_cast<std::size_t>(x.total)));
            if (x.unknown > 0) counts += fmt::format(fmt::runtime(w.revoke_lacking), x.unknown);
            std::string which = revocation_case(kLang, x);
            if (!x.unconfirmed.empty()) which += fmt::format(fmt::runtime(w.unconfirmed_mark), x.unconfirmed);
            const std::string level = fmt::format(fmt::runtime(text_words().recognised_in), x.level_title, x.recognised_year);
            if (x.status == Status::met) {
                yes.row({e.code, display_name(e), level, counts + " — " + which});
            } else {
                std::vector<std::string> missing;
                for (const RevocationCriterion& c : x.unknown_criteria) missing.push_back(c.code);
                std::string why = fmt::format("{} — {}", level, which);
                if (!missing.empty()) why += fmt::format(" — {}: {}", w.revoke_missing, fmt::join(missing, ", "));
                maybe.row({e.code, display_name(e), why});
            }
        }
    }
    std::string out;
    if (!yes.empty()) out += fmt::format("\n{}:\n", w.revoke_head) + yes.render("  ");
    if (!maybe.empty()) out += fmt::format("\n{}:\n", w.revoke_maybe_head) + maybe.render("  ");
    return out;
}

// Each district (huyện) with the communes under it: "Huyện Phú Ninh: 7/9 xã đạt chuẩn ...".
std::string district_progress(const YearView& v) {
    const auto& xa_levels = v.p.level_order[kind_index(EntityKind::xa)];
    const std::vector<DistrictProgress> districts = report_districts(v.p, v.d, v.ev, kNone);
    if (districts.empty()) return {};
    const Words& w = words(kLang);
    std::string out = fmt::format("\n{}:\n", w.progress);
    for (const DistrictProgress& d : districts) {
        std::vector<std::string> parts;
        for (std::size_t o = 0; o < xa_levels.size(); ++o) {
            parts.push_back(fmt::format("{}/{} {}", d.at_least[o], d.communes,
                                        level_phrase(kLang, v.p.levels[xa_levels[o]].title)));
        }
        out += fmt::format("  {} ({}): {}", d.unit.name, d.unit.code, fmt::join(parts, "; "));
        if (d.uncertain > 0) out += fmt::format(fmt::runtime(w.communes_lacking), d.uncertain);
        out += "\n";
    }
    return out;
}

// Each target of the year: what was asked, what the results give, and whether it is met.
//   Mục tiêu năm 2021: Chỉ thị 06/CT-UBND — Tỉnh Quảng Nam (49)
//     Xã đạt chuẩn nông thôn mới:  mục tiêu thêm 8  kết quả thêm 5 (125 so với 120 trước năm 2021)  ✗ còn thiếu 3
std::string targets(const YearView& v) {
    const TextWords& t = text_words();
    std::string out;
    for (const TargetResult& target : v.ev.targets) {
        const TargetDef& def = v.p.targets[target.target];
        out += fmt::format("\n{}\n", fmt::format(fmt::runtime(t.target_heading), v.ev.year, def.title,
                                                 display_name(v.d.entities[target.locality]), def.locality));
        if (!def.source.empty()) out += fmt::format("  {}: {}\n", words(kLang).source, def.source);
        Table table({Table::left, Table::left, Table::left, Table::left});
        for (const TargetLineResult& r : target.lines) {
            const LevelDef& level = v.p.levels[r.level];
            const TargetLine line{level.title, level.kind, r.increment, r.asked, r.reached, r.reached_max, r.before, r.status};
            table.row({level.title + ":", fmt::format(fmt::runtime(t.target_asked), target_asked(kLang, line)),
                       fmt::format(fmt::runtime(t.target_result), target_result(kLang, line, v.ev.year)),
                       target_verdict(kLang, line)});
        }
        out += table.render("  ");
    }
    return out;
}

// Districts and provinces: each with its own level.
std::string own_levels(const YearView& v, EntityKind kind) {
    const Words& w = words(kLang);
    const TextWords& tw = text_words();
    Table t({Table::left, Table::left, Table::left});
    for (std::uint32_t r : v.listed(kind, [](std::uint32_t) { return true; })) {
        const Entity& e = v.entity(r);
        const EntityResult& er = v.ev.entities[r];
        std::string level;
        if (!er.judged) {
            level = w.not_judged;
        } else if (er.level_count > 0 && v.ev.levels[er.first_level].status == Status::not_applicable) {
            level = fmt::format(fmt::runtime(tw.not_in_force), v.ev.year);
        } else {
            const LevelDef* def = v.level_def(kind, er.level);
            level = def != nullptr ? level_title_for(def->title, e.type) : std::string(w.none_level);
            if (const LevelDef* may = v.level_def(kind, er.level_max); may != nullptr && er.level_max > er.level) {
                level += fmt::format(fmt::runtime(w.may_reach), level_title_for(may->title, e.type));
            }
        }
        t.row({e.code, display_name(e), level});
    }
    if (t.empty()) return {};
    return fmt::format("\n{}:\n", fmt::format(fmt::runtime(tw.levels_of_each), kind_noun(kind))) + t.render("  ");
}

// The administrative map the year's records were read against; both, with their counts, when
// the year has records on each.
std::string maps_line(const Dataset& data, const Evaluation& evaluation) {
    const Words& w = words(Lang::vi);
    const TextWords& t = text_words();
    std::array<std::size_t, 2> on{};
    for (const engine::EntityResult& er : evaluation.entities) {
        ++on[static_cast<std::size_t>(data.entities[data.records[er.record].entity].map)];
    }
    if (on[0] == 0 || on[1] == 0) {
        return fmt::format(fmt::runtime(t.map_line), w.map_titles[on[1] != 0 ? 1 : 0]) + "\n";
    }
    std::string out = fmt::format("{}\n", t.maps_heading);
    for (std::size_t m = 0; m < 2; ++m) out += fmt::format(fmt::runtime(t.map_count), w.map_titles[m], on[m]) + "\n";
    return out;
}

// How many entities are to be revoked and may be; nothing when no revocation rule applied.
std::string revocation_line(const Evaluation& ev) {
    std::size_t yes = 0, maybe = 0, applied = 0;
    for (const EntityResult& er : ev.entities) {
        yes += er.revoked == Status::met;
        maybe += er.revoked == Status::unknown;
        applied += er.revoked != Status::not_applicable;
    }
    if (applied == 0) return {};
    return fmt::format(fmt::runtime(words(Lang::vi).revoke_overview), yes, maybe) + "\n";
}

// How many entities have a level verdict resting on an unconfirmed figure; nothing when none.
std::string unconfirmed_line(const Evaluation& ev) {
    std::size_t count = 0;
    for (const EntityResult& er : ev.entities) {
        for (std::uint32_t l = 0; l < er.level_count; ++l) {
            if (ev.levels[er.first_level + l].unconfirmed != kNone) {
                ++count;
                break;
            }
        }
    }
    if (count == 0) return {};
    return fmt::format(fmt::runtime(words(Lang::vi).unconfirmed_note), count) + "\n";
}

}  // namespace

std::string render_eval_text(const Program& program, const Dataset& data, const Evaluation& evaluation) {
    const YearView v(program, data, evaluation);
    const std::vector<KindSummary> kinds = summarize(program, data, evaluation);
    const TextWords& t = text_words();
    std::string out = fmt::format(fmt::runtime(t.year_heading), evaluation.year) + "\n";
    out += sets_in_force(v, kinds);
    out += fmt::format(fmt::runtime(t.evaluated), evaluation.entities.size()) + "\n";
    out += maps_line(data, evaluation);
    out += unconfirmed_line(evaluation);
    out += revocation_line(evaluation);
    for (const KindSummary& k : kinds) {
        out.append("\n").append(levels_by_kind(v, k));
        out += classes(v, k.kind);
        out += lost_levels(v, k.kind);
        out += revoked(v, k.kind);
        if (k.kind == EntityKind::huyen || k.kind == EntityKind::tinh) out += own_levels(v, k.kind);
    }
    out += district_progress(v);
    out += targets(v);
    return text::printable_lines(out);
}

std::string render_eval_run_text(const Program& program, const Dataset& data, const EvalRun& run) {
    const TextWords& t = text_words();
    const Words& w = words(Lang::vi);
    std::string out = t.eval_title;
    out += '\n';
    out += fmt::format("{}: {}\n", w.rules, fmt::join(run.rule_files, ", "));
    out += fmt::format("{}: {} — {}\n", w.data, run.data_file,
                       fmt::format(fmt::runtime(w.records), data.read, data.records.size(), data.rejected));
    if (run.years.empty()) out += fmt::format("\n{}\n", t.nothing_to_evaluate);
    out = text::printable_lines(out);
    // Each year's text is printable already: not read through again.
    for (const Evaluation& ev : run.years) out.append("\n").append(render_eval_text(program, data, ev));
    return out;
}

}  // namespace ntm::report
