#include "engine/explain.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>


namespace ntm::engine {

const char* status_vi(Status s) {
    switch (s) {
        case Status::met: return "đạt";
        case Status::not_met: return "chưa đạt";
        case Status::unknown: return "thiếu dữ liệu";
        case Status::not_applicable: return "không áp dụng";
    }
    return "";
}

const char* status_key(Status s) {
    switch (s) {
        case Status::met: return "met";
        case Status::not_met: return "not_met";
        case Status::unknown: return "unknown";
        case Status::not_applicable: return "not_applicable";
    }
    return "";
}

const char* region_vi(Region r) {
    static constexpr const char* kNames[] = {
        "Trung du và miền núi phía Bắc", "Đồng bằng sông Hồng",   "Bắc Trung Bộ",
        "Duyên hải Nam Trung Bộ",        "Tây Nguyên",            "Đông Nam Bộ",
        "Đồng bằng sông Cửu Long"};
    return kNames[region_index(r)];
}

std::string number_vi(double v) {
    if (!known(v)) return "—";
    // Up to two decimals, no trailing zeros; ',' for decimals and '.' between thousands.
    std::string s = fmt::format("{:.2f}", std::fabs(v));
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    const std::size_t dot = s.find('.');
    std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot + 1);
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped += '.';
        grouped += whole[i];
    }
    std::string out = (v < 0 && (whole != "0" || !frac.empty()) ? "-" : "") + grouped;
    if (!frac.empty()) out += "," + frac;
    return out;
}

namespace {

std::string with_unit(double v, const std::string& symbol) {
    if (symbol.empty()) return number_vi(v);
    if (symbol == "%") return number_vi(v) + " %";
    return number_vi(v) + " " + symbol;
}

const char* cmp_vi(dsl::Cmp c) {
    switch (c) {
        case dsl::Cmp::ge: return "≥";
        case dsl::Cmp::gt: return ">";
        case dsl::Cmp::le: return "≤";
        case dsl::Cmp::lt: return "<";
        case dsl::Cmp::eq: return "=";
        case dsl::Cmp::ne: return "≠";
        default: return "";
    }
}

class Explainer {
public:
    Explainer(const Program& p, const Dataset& d, const Evaluation& ev) : p_(p), d_(d), ev_(ev) {}

    EntityExplanation entity(std::uint32_t r) {
        const EntityResult& er = ev_.entities[r];
        const Record& rec = d_.records[er.record];
        const Entity& e = d_.entities[rec.entity];
        entity_ = rec.entity;
        EntityExplanation x;
        x.code = e.code;
        x.name = e.name;
        x.type = e.type;
        x.parent_code = e.parent_code;
        x.kind = e.kind;
        x.year = ev_.year;
        x.region = er.region;
        x.origin = rec.origin;
        x.criteria_met = er.criteria_met;
        x.criteria_unknown = er.criteria_unknown;
        x.criteria_total = er.criteria_total;
        x.level_uncertain = er.level_max > er.level;
        x.judged = er.judged;
        if (!er.judged) return x;
        for (std::uint32_t l = 0; l < er.level_count; ++l) {
            const LevelResult& lr = ev_.levels[er.first_level + l];
            const LevelDef& def = p_.levels[lr.level];
            x.levels.push_back(level(lr, rec));
            x.levels.back().region_overridden = lr.set != kNone && lr.region != er.region;
            if (def.ordinal == er.level) {
                x.level_name = def.name;
                x.level_title = def.title;
            }
            if (def.ordinal == er.level + 1 && lr.status != Status::not_applicable) {
                x.next_level_name = def.name;
                x.next_level_title = def.title;
                x.blockers = blockers(x.levels.back());
            }
        }
        for (std::uint32_t c = 0; c < p_.classes.size(); ++c) {
            if (ev_.classes[er.first_class + c] == Status::met) x.classes.push_back(p_.classes[c].title);
        }
        if (er.lost_level != kNone) {
            x.lost_level_title = p_.levels[er.lost_level].title;
            x.lost_year = er.lost_year;
        }
        for (const LocalityRule& rule : p_.localities) {
            if (std::find(rule.codes.begin(), rule.codes.end(), e.code) != rule.codes.end()) {
                x.member = p_.bodies[rule.member].title;
                break;
            }
        }
        return x;
    }

private:
    const Program& p_;
    const Dataset& d_;
    const Evaluation& ev_;

    std::uint32_t entity_ = kNone;  // the entity explained (index in Dataset::entities)

    std::string responsible(std::uint32_t body) const { return body == kNone ? std::string() : p_.bodies[body].title; }

    // The body in charge for the entity explained: that of the nearest locality it lies in
    // whose assignments name one, else the one assigned everywhere.
    std::uint32_t body_in_force(std::uint32_t everywhere,
                                const std::vector<std::pair<std::string, std::uint32_t>>& local) const {
        if (local.empty()) return everywhere;
        std::size_t steps = 0;
        for (std::uint32_t a = entity_; a != kNone && steps <= d_.entities.size(); a = d_.entities[a].parent, ++steps) {
            for (const auto& [code, body] : local) {
                if (d_.entities[a].code == code) return body;
            }
        }
        return everywhere;
    }

    // The input data a gate's condition reads, as "title: value" (derived values aside: the
    // file does not hold them).
    std::string gate_values(const GateDef& gate, const Record& rec) const {
        if (gate.condition.empty() || !gate.condition[0].valid()) return {};
        const EntityKind kind = d_.entities[rec.entity].kind;
        const auto& columns = p_.schema.columns[kind_index(kind)];
        std::vector<std::uint32_t> seen;
        std::vector<std::string> parts;
        for (std::uint32_t i = gate.condition[0].begin; i < gate.condition[0].end; ++i) {
            const Instr& in = p_.code[i];
            if (in.op != OpCode::push_slot || in.a >= columns.size()) continue;
            if (std::find(seen.begin(), seen.end(), in.a) != seen.end()) continue;
            seen.push_back(in.a);
            const Column& c = columns[in.a];
            if (c.derived) continue;
            const double v = d_.values[rec.offset + in.a];
            const std::string shown = !known(v)                       ? std::string("thiếu dữ liệu")
                                      : c.type == ValueType::boolean ? std::string(v != 0 ? "có" : "không")
                                                                      : with_unit(v, c.unit_symbol);
            parts.push_back(fmt::format("{}: {}", c.title.empty() ? c.name : c.title, shown));
        }
        return fmt::format("{}", fmt::join(parts, "; "));
    }

    LevelExplanation level(const LevelResult& lr, const Record& rec) const {
        const LevelDef& def = p_.levels[lr.level];
        LevelExplanation x;
        x.name = def.name;
        x.title = def.title;
        x.status = lr.status;
        x.prerequisite = lr.prerequisite;
        if (def.after != kNone) x.after = p_.levels[def.after].title;
        x.rule = p_.where(def.span);
        x.region = lr.region;
        x.criteria_met = lr.criteria_met;
        if (lr.set != kNone) {
            const SetDef& s = p_.sets[lr.set];
            x.set_name = s.name;
            x.set_title = s.title;
            x.set_source = s.source;
            x.criteria_total = static_cast<int>(s.criterion_count);
            for (std::uint32_t c = 0; c < s.criterion_count; ++c) {
                x.criteria.push_back(criterion(s.first_criterion + c, ev_.criteria[lr.first_criterion + c],
                                               ev_.indicators.data() + lr.first_indicator, s, lr.region));
            }
        }
        for (std::size_t g = 0; g < def.gates.size(); ++g) {
            const GateDef& gd = def.gates[g];
            x.gates.push_back({gd.name, gd.title, ev_.gates[lr.first_gate + g],
                               p_.sources != nullptr ? std::string(p_.sources->text(gd.span)) : std::string(),
                               p_.where(gd.span), gate_values(gd, rec)});
        }
        return x;
    }

    CriterionExplanation criterion(std::uint32_t ci, const CriterionResult& cr, const IndicatorResult* set_results,
                                   const SetDef& s, Region region) const {
        const CriterionDef& def = p_.criteria[ci];
        CriterionExplanation x;
        x.code = def.code;
        x.title = def.title;
        x.status = cr.status;
        x.combine = def.combine == dsl::CombineKind::any        ? "một trong các chỉ tiêu"
                    : def.combine == dsl::CombineKind::at_least ? fmt::format("ít nhất {} chỉ tiêu", def.at_least)
                                                                 : "tất cả chỉ tiêu";
        x.rule = p_.where(def.span);
        x.source = def.source;
        x.responsible = responsible(body_in_force(def.body, def.local_bodies));
        for (std::uint32_t i = 0; i < def.indicator_count; ++i) {
            const std::uint32_t ii = def.first_indicator + i;
            x.indicators.push_back(indicator(ii, set_results[ii - s.first_indicator], region));
        }
        return x;
    }

    IndicatorExplanation indicator(std::uint32_t ii, const IndicatorResult& r, Region region) const {
        const IndicatorDef& def = p_.indicators[ii];
        IndicatorExplanation x;
        x.code = def.code;
        x.title = def.title;
        x.status = r.status;
        x.unit = def.unit;
        x.unit_symbol = def.unit_symbol;
        x.boolean = def.boolean;
        x.value = r.value;
        x.low = r.low;
        x.high = r.high;
        x.gap = r.gap;
        x.rule = p_.where(def.span);
        x.source = def.source;
        std::uint32_t body = body_in_force(def.body, def.local_bodies);
        if (body == kNone) body = body_in_force(p_.criteria[def.criterion].body, p_.criteria[def.criterion].local_bodies);
        x.responsible = responsible(body);
        x.input = def.slot != kNone ? def.code : std::string();
        if (r.requirement != kNone) {
            const Requirement& req = p_.requirements[r.requirement];
            x.cmp = req.cmp;
            x.rule = p_.where(req.span);
            switch (req.cmp) {
                case dsl::Cmp::yes: x.requirement = "đạt"; break;
                case dsl::Cmp::no: x.requirement = "không"; break;
                case dsl::Cmp::in_range:
                    x.requirement = fmt::format("trong khoảng {} – {}", number_vi(r.low), with_unit(r.high, def.unit_symbol));
                    break;
                default: x.requirement = fmt::format("{} {}", cmp_vi(req.cmp), with_unit(r.low, def.unit_symbol));
            }
            if (r.region_unknown) {
                x.why = fmt::format("chưa xác định được vùng (thiếu dữ liệu của quy định về vùng); theo vùng {}, năm {}",
                                    region_vi(region), ev_.year);
            } else if (r.applies_unknown) {
                x.why = "chưa rõ chỉ tiêu có áp dụng không (thiếu dữ liệu của điều kiện áp dụng)";
                if (r.status == Status::met) x.why += "; đạt trong cả hai trường hợp";
            } else if (req.cmp != dsl::Cmp::yes && req.cmp != dsl::Cmp::no) {
                x.why = fmt::format("vùng {}, năm {}", region_vi(region), ev_.year);
                if (r.threshold_case != kNone && p_.sources != nullptr) {
                    const CaseEntry& c = p_.case_entries[r.threshold_case];
                    if (c.when.valid()) x.why += fmt::format(", khi {}", p_.sources->text(c.span));
                }
            }
        }
        return x;
    }

    // What stands between the entity and `level`: its failing or unknown parts.
    std::vector<Blocker> blockers(const LevelExplanation& level) const {
        std::vector<std::pair<double, Blocker>> found;  // (closeness, blocker)
        if (level.prerequisite != Status::met && !level.after.empty()) {
            found.push_back({-1, {fmt::format("chưa {}", level.after), level.prerequisite, {}}});
        }
        for (const CriterionExplanation& c : level.criteria) {
            if (c.status == Status::met || c.status == Status::not_applicable) continue;
            for (const IndicatorExplanation& i : c.indicators) {
                if (i.status != Status::not_met && i.status != Status::unknown) continue;
                std::string what = fmt::format("tiêu chí {} {} — chỉ tiêu {}", c.code, c.title, i.code);
                if (i.status == Status::unknown && known(i.value) && !i.boolean) {
                    what += fmt::format(": {} (yêu cầu {}) — thiếu dữ liệu để xét", with_unit(i.value, i.unit_symbol),
                                        i.requirement);
                } else if (i.status == Status::unknown) {
                    what += ": thiếu dữ liệu";
                } else if (i.boolean) {
                    what += ": chưa đạt";
                } else {
                    what += fmt::format(": {} (yêu cầu {})", with_unit(i.value, i.unit_symbol), i.requirement);
                }
                const double closeness = known(i.gap) && known(i.low) && i.low != 0 ? std::fabs(i.gap / i.low) : 1e9;
                found.push_back({closeness, {what, i.status, i.responsible.empty() ? c.responsible : i.responsible}});
            }
        }
        for (const GateExplanation& g : level.gates) {
            if (g.status == Status::met) continue;
            std::string what = fmt::format("điều kiện: {}", g.title);
            if (!g.values.empty()) what += fmt::format(" ({})", g.values);
            found.push_back({1e9, {what, g.status, {}}});
        }
        std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<Blocker> out;
        for (auto& f : found) out.push_back(std::move(f.second));
        return out;
    }
};

}  // namespace

EntityExplanation explain(const Program& program, const Dataset& data, const Evaluation& evaluation,
                          std::uint32_t result) {
    return Explainer(program, data, evaluation).entity(result);
}

}  // namespace ntm::engine
