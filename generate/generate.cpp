// The generator: entities from the units file, a latent score per entity, the values of every
// record (realize.cpp), checked with the engine until the scenario holds, and the
// recognitions that follow from the results.
#include "generate/generate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <thread>

#include "data/load.hpp"
#include "generate/realize.hpp"
#include "text/suggest.hpp"
#include "text/utf8.hpp"

namespace ntm::gen {

namespace {

// A problem built field by field (GCC 12 at -O3 misjudges an aggregate-initialised one).
text::Problem make_problem(text::ProblemKind kind, text::Place where, text::Message message) {
    text::Problem p;
    p.kind = kind;
    p.where = std::move(where);
    p.message = std::move(message);
    return p;
}

using namespace gen;

constexpr int kBaseYear = 2021;    // scores are given for this year
constexpr double kGrowth = 0.2;    // score gained per year
constexpr double kMissing = 0.02;  // share of records lacking some values
constexpr int kRounds = 16;        // re-plans of a record whose directive is not met
// A village's score is its commune's plus this: the 2021-2025 sets judge villages only at the
// kiểu mẫu level (the provinces' "thôn NTM kiểu mẫu"), which few villages reach.
constexpr double kVillageOffset = -6.5;
// The score of a typical unit in kBaseYear, by region (TDMNPB, DBSH, BTB, DHNTB, TN, DNB,
// DBSCL): the northern mountains and the highlands poorest, the Red River delta and the
// south-east richest.  A commune of score s fails about 21·e^-s of the 19 criteria (the plan's
// logistic law), so a typical commune reaches đạt chuẩn in 2024 with a probability of about
// 55 % in TDMNPB and above 90 % in DBSH; some districts of each province are remote (much
// poorer), more of them in the mountain regions.
constexpr std::array<double, kRegionCount> kRegionBase = {3.6, 5.9, 5.0, 4.8, 3.8, 5.6, 4.8};
constexpr std::array<double, kRegionCount> kRemoteShare = {0.35, 0.05, 0.2, 0.2, 0.35, 0.1, 0.1};

double type_bonus(std::string_view type) {
    if (type == "Quận") return 0.9;
    if (type == "Phường") return 0.8;
    if (type.rfind("Thành phố", 0) == 0) return 0.6;
    if (type == "Thị trấn") return 0.5;
    if (type == "Thị xã") return 0.4;
    return 0;
}

// The size of a commune, which weighs its values when communes merge (rules/common/data-xa.ntm):
// households, people, area (km²), road length (km), villages.  Each is drawn from its own
// stream — adding one to the rules changes no other value — and some are a multiple of another,
// drawn again from that one's stream, so that they agree: 3.3 to 4.2 people per household, 0.5
// to 1.5 km of road per km², 150 to 400 households per village (or the villages generated).
struct Size {
    std::string_view name;
    std::string_view base;  // empty: lo and hi are the value's range; else the multiple's
    double lo, hi;
};
constexpr std::array<Size, 5> kSizes = {{
    {"so_ho", "", 1200, 6000},
    {"dan_so", "so_ho", 3.3, 4.2},
    {"dien_tich", "", 8, 150},
    {"km_duong", "dien_tich", 0.5, 1.5},
    {"so_thon", "so_ho", 1.0 / 400, 1.0 / 150},
}};

const Size* size_of(std::string_view name) {
    for (const Size& s : kSizes) {
        if (s.name == name) return &s;
    }
    return nullptr;
}

// The size `s` of the commune coded `code`, unrounded.
double size_value(const Size& s, std::uint64_t seed, std::string_view code) {
    const double u = stream(seed, code, fmt::format("size {}", s.name)).uniform(s.lo, s.hi);
    const Size* base = s.base.empty() ? nullptr : size_of(s.base);
    return base == nullptr ? u : size_value(*base, seed, code) * u;
}

// Urban units are not judged by the NTM sets (engine/dataset.cpp says which types).
double unit_hash(std::string_view text) { return static_cast<double>(mix(hash_text(text)) >> 11) * 0x1.0p-53; }

struct Info {
    double geo = 0;   // the score the place gives: region, province, district
    double base = 0;  // the entity's own score in kBaseYear
};

class Generator {
public:
    Generator(const Program& p, const AdminUnits& units, const Scenario& sc, const GenerateOptions& options,
              std::vector<text::Problem>& problems)
        : p_(p), units_(units), sc_(sc), opt_(options), problems_(problems), model_(p) {
        for (std::size_t k = 0; k < kKindCount; ++k) {
            for (const Column& c : p.schema.columns[k]) shapes_[k].push_back(shape_of(c, model_.kinds[k].points[c.slot]));
        }
    }

    Generated run() {
        if (!check_selection()) return {};
        for (int y = opt_.from; y <= opt_.to; ++y) years_.push_back(y);
        entities();
        records();
        if (!directives()) return {};
        attributes();
        stages_ = stages_of(p_, data(), years_, opt_.threads);
        std::vector<std::uint32_t> all(data().records.size());
        for (std::uint32_t r = 0; r < all.size(); ++r) all[r] = r;
        realize(all);
        verify();
        std::vector<double> geo(info_.size());
        for (std::size_t e = 0; e < info_.size(); ++e) geo[e] = info_[e].geo;
        recognise(p_, sc_, opt_.seed, years_, {level_, criteria_met_, pinned_, geo}, data());
        return std::move(out_);
    }

private:
    const Program& p_;
    const AdminUnits& units_;
    const Scenario& sc_;
    const GenerateOptions& opt_;
    std::vector<text::Problem>& problems_;
    Model model_;
    std::array<std::vector<Shape>, kKindCount> shapes_;
    Generated out_;
    std::vector<Info> info_;                 // per entity
    std::vector<int> years_;
    std::vector<std::vector<Stage>> stages_;  // per record
    std::vector<const Directive*> pinned_;    // per record: its level or fail directive
    std::vector<std::vector<const Directive*>> sets_;  // per record: its set directives
    std::vector<int> attempts_;               // per record
    std::vector<int> level_;                  // per record: the level reached, as evaluated
    std::vector<int> criteria_met_;           // per record

    Dataset& data() { return out_.data; }
    std::uint32_t record(std::size_t year_index, std::uint32_t entity) const {
        return static_cast<std::uint32_t>(year_index * info_.size() + entity);
    }

    bool check_selection() {
        bool ok = true;
        auto check = [&](const std::vector<std::string>& codes, EntityKind kind, const char* option) {
            for (const std::string& code : codes) {
                if (units_.find(kind, code) != kNone) continue;
                if (kind == EntityKind::huyen && units_.map == engine::AdminMap::two_tier) {
                    problems_.push_back(make_problem(text::ProblemKind::error, {units_.path, 0, option},
                                                     text::say("generate.no_district", text::printable(code))));
                    ok = false;
                    continue;
                }
                std::vector<std::string> known;
                for (const Unit& u : units_.units)
                    if (u.kind == kind) known.push_back(u.code);
                const auto near = text::closest_match(code, known);
                const text::Message hint = near ? text::say("note.did_you_mean", *near) : text::Message();
                problems_.push_back(make_problem(text::ProblemKind::error, {units_.path, 0, option},
                                                 kind == EntityKind::tinh ? text::say("generate.no_province_code", code, hint)
                                                                          : text::say("generate.no_district_code", code, hint)));
                ok = false;
            }
        };
        check(opt_.provinces, EntityKind::tinh, "--province");
        check(opt_.districts, EntityKind::huyen, "--district");
        return ok;
    }

    double offset(const std::string& code, double deviation) const {
        if (const auto it = sc_.offsets.find(code); it != sc_.offsets.end()) return it->second;
        return deviation * stream(opt_.seed, code, "offset").normal();
    }

    // A district's offset: the scenario's, or a draw; rural districts are remote (poorer by 1
    // to 2.5) with a probability that depends on the region.
    double district_offset(const Unit& unit) const {
        if (const auto it = sc_.offsets.find(unit.code); it != sc_.offsets.end()) return it->second;
        Rng rng = stream(opt_.seed, unit.code, "offset");
        double v = 0.45 * rng.normal();
        if (unit.type == "Huyện" && rng.chance(kRemoteShare[region_index(unit.region)])) v -= rng.uniform(1.0, 2.5);
        return v;
    }

    // On the map of two tiers a commune is as large as a part of an old district: the place
    // variation districts gave (an offset, remote areas more often in the mountains) is its own,
    // unless the scenario sets the commune's offset.
    double area_offset(const Unit& unit) const {
        if (sc_.offsets.count(unit.code) != 0) return 0;
        Rng rng = stream(opt_.seed, unit.code, "area");
        double v = 0.45 * rng.normal();
        if (unit.type == "Xã" && rng.chance(kRemoteShare[region_index(unit.region)])) v -= rng.uniform(1.0, 2.5);
        return v;
    }

    void add(Entity e, Info info) {
        e.judged = data::judged_type(e.type);
        data().entities.push_back(std::move(e));
        info_.push_back(info);
    }

    void entities() {
        const std::vector<bool> selected = selection(units_, opt_);
        const bool villages = has_villages(p_);
        std::vector<std::uint32_t> index(units_.units.size(), kNone);
        for (std::uint32_t u = 0; u < units_.units.size(); ++u) {
            if (!selected[u]) continue;
            const Unit& unit = units_.units[u];
            Entity e;
            e.code = unit.code;
            e.name = unit.name;
            e.type = unit.type;
            e.kind = unit.kind;
            e.region = unit.region;
            e.map = units_.map;
            Info info;
            if (unit.parent != kNone) {
                e.parent = index[unit.parent];
                e.parent_code = units_.units[unit.parent].code;
                info.geo = info_[e.parent].geo;
            }
            if (unit.kind == EntityKind::tinh) info.geo = kRegionBase[region_index(unit.region)] + offset(unit.code, 0.3);
            if (unit.kind == EntityKind::huyen) info.geo += district_offset(unit) + type_bonus(unit.type);
            if (unit.kind == EntityKind::xa && units_.map == engine::AdminMap::two_tier) {
                // Its own region (the provinces merged into one lay in several).
                info.geo += area_offset(unit) + kRegionBase[region_index(unit.region)];
                if (unit.parent != kNone) info.geo -= kRegionBase[region_index(units_.units[unit.parent].region)];
            }
            info.base = info.geo + (unit.kind == EntityKind::xa ? offset(unit.code, 0.6) + type_bonus(unit.type) : 0);
            index[u] = static_cast<std::uint32_t>(data().entities.size());
            add(std::move(e), info);
            if (unit.kind == EntityKind::xa && villages && unit.type == "Xã") add_villages(u, index[u]);
        }
    }

    void add_villages(std::uint32_t unit, std::uint32_t commune) {
        std::pair<int, int> count{3, 8};
        std::vector<std::uint32_t> chain;  // most specific first
        for (std::uint32_t a = unit; a != kNone; a = units_.units[a].parent) chain.push_back(a);
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            if (const auto v = sc_.villages.find(units_.units[*it].code); v != sc_.villages.end()) count = v->second;
        }
        const std::string code = data().entities[commune].code;  // copied: add() may move the entities
        const std::optional<Region> region = data().entities[commune].region;
        const Info ci = info_[commune];
        Rng rng = stream(opt_.seed, code, "villages");
        const int n = count.first + static_cast<int>(rng.below(static_cast<std::uint32_t>(count.second - count.first + 1)));
        for (int k = 1; k <= n; ++k) {
            Entity v;
            v.code = fmt::format("{}{:02d}", code, k);
            v.name = fmt::format("Thôn {}", k);
            v.type = "Thôn";
            v.kind = EntityKind::thon;
            v.map = units_.map;
            v.region = region;
            v.parent = commune;
            v.parent_code = code;
            Info info;
            info.geo = ci.geo;
            info.base = ci.base + sc_.village_offset.value_or(kVillageOffset) + offset(v.code, 0.6);
            add(std::move(v), info);
        }
    }

    // One record per entity and year, year by year.
    void records() {
        Dataset& d = data();
        for (const int y : years_) {
            for (std::uint32_t e = 0; e < d.entities.size(); ++e) {
                Record rec;
                rec.entity = e;
                rec.year = y;
                rec.offset = d.values.size();
                d.values.resize(d.values.size() + p_.schema.slots(d.entities[e].kind), kUnknown);
                d.records.push_back(rec);
            }
        }
        d.read = d.records.size();
        const std::size_t n = d.records.size();
        pinned_.assign(n, nullptr);
        sets_.assign(n, {});
        attempts_.assign(n, 0);
        level_.assign(n, -1);
        criteria_met_.assign(n, 0);
    }

    bool directives() {
        std::map<std::string, std::uint32_t> by_code;
        for (std::uint32_t e = 0; e < data().entities.size(); ++e) by_code.emplace(data().entities[e].code, e);
        bool ok = true;
        for (const Directive& d : sc_.directives) {
            const auto it = by_code.find(d.code);
            if (it == by_code.end()) {
                problems_.push_back(make_problem(text::ProblemKind::error, {sc_.path, d.line, "code"},
                                                 text::say("generate.no_village", d.code)));
                ok = false;
                continue;
            }
            for (int y = d.from; y <= d.to; ++y) {
                const std::uint32_t r = record(static_cast<std::size_t>(y - opt_.from), it->second);
                if (d.kind == Directive::Kind::set) {
                    sets_[r].push_back(&d);
                } else {
                    pinned_[r] = &d;
                }
            }
        }
        return ok;
    }

    double score(std::uint32_t e, int year) const {
        const double growth = sc_.growth.value_or(kGrowth);
        return info_[e].base + growth * (year - kBaseYear) +
               0.1 * stream(opt_.seed, out_.data.entities[e].code, "year", year).normal();
    }

    // Attributes and presence inputs: drawn once per entity, the same every year.
    void attributes() {
        Dataset& d = data();
        const std::size_t n = d.entities.size();
        std::vector<double> villages(n, 0);  // generated, per commune
        for (const Entity& en : d.entities) {
            if (en.kind == EntityKind::thon && en.parent != kNone) ++villages[en.parent];
        }
        for (std::uint32_t e = 0; e < n; ++e) {
            const Entity& en = d.entities[e];
            const std::size_t k = kind_index(en.kind);
            for (const Column& c : p_.schema.columns[k]) {
                const Role role = model_.kinds[k].role[c.slot];
                if (c.derived || (role != Role::attribute && role != Role::presence)) continue;
                const Shape& shape = shapes_[k][c.slot];
                if (const Size* size = size_of(c.name); size != nullptr && role == Role::attribute && !shape.yesno &&
                                                        en.kind == EntityKind::xa) {
                    double v = round_into(size_value(*size, opt_.seed, en.code), shape.domain, shape);
                    if (size->name == "so_thon") v = villages[e] > 0 ? villages[e] : std::max(v, 1.0);
                    for (std::size_t y = 0; y < years_.size(); ++y) d.values[d.records[record(y, e)].offset + c.slot] = v;
                    continue;
                }
                Rng rng = stream(opt_.seed, en.code, "attribute " + c.name);
                double v;
                if (role == Role::presence) {
                    v = shape.yesno ? (rng.chance(0.08 + 0.2 * unit_hash(c.name)) ? 1 : 0) : by_quality(shape, rng.uniform(), 0);
                } else if (en.kind == EntityKind::xa && c.name == "khu_vuc_dtts") {
                    // The area of an ethnic-minority and mountainous commune (1, 2, 3; 0: none):
                    // area II or III where the place is poorer, as the mountain inputs below.
                    const double place = info_[e].geo + 0.3 * rng.normal();
                    v = rng.chance(logistic(2.5 * (3.8 - place))) ? (rng.chance(0.5) ? 3 : 2) : (rng.chance(0.1) ? 1 : 0);
                } else if (en.kind == EntityKind::xa && c.name == "ty_trong_nong_nghiep") {
                    // The share of agriculture in the economy: lower where the place is richer
                    // (under 10 % in about one commune in twelve of a lowland region).
                    const double share = 68 - 9 * info_[e].geo + 8 * rng.normal();
                    v = round_into(std::clamp(share, 2.0, 85.0), shape.domain, shape);
                } else if (shape.yesno) {
                    // Mountain, minority, especially difficult: more often so where the place is poorer.
                    const double place = info_[e].geo + 0.3 * rng.normal();
                    const double edge = 2.9 + 0.8 * (unit_hash(c.name) - 0.5);
                    v = rng.chance(logistic(2.5 * (edge - place))) ? 1 : 0;
                } else {
                    v = by_quality(shape, 0.3 + 0.7 * rng.uniform(), 0);
                }
                for (std::size_t y = 0; y < years_.size(); ++y) d.values[d.records[record(y, e)].offset + c.slot] = v;
            }
        }
    }

    gen::Job job(std::uint32_t r) {
        Dataset& d = data();
        const Record& rec = d.records[r];
        gen::Job j;
        j.entity = &d.entities[rec.entity];
        j.year = rec.year;
        j.slots = d.values.data() + rec.offset;
        j.stages = &stages_[r];
        j.score = score(rec.entity, rec.year);
        j.seed = opt_.seed;
        j.attempt = attempts_[r];
        j.directive = pinned_[r];
        j.sets = sets_[r];
        j.missing = sc_.missing.value_or(kMissing);
        return j;
    }

    // Fills the records, across threads: each record depends only on its own draws.
    void realize(const std::vector<std::uint32_t>& records) {
        unsigned threads = opt_.threads != 0 ? opt_.threads : std::max(1u, std::thread::hardware_concurrency());
        threads = static_cast<unsigned>(std::min<std::size_t>(threads, (records.size() + 63) / 64));
        std::vector<gen::Job> jobs;
        jobs.reserve(records.size());
        for (const std::uint32_t r : records) jobs.push_back(job(r));
        auto work = [&](std::size_t from, std::size_t to) {
            Realizer realizer(p_, model_, shapes_);
            for (std::size_t i = from; i < to; ++i) realizer.run(jobs[i]);
        };
        if (threads <= 1) {
            work(0, jobs.size());
            return;
        }
        std::vector<std::thread> pool;
        const std::size_t chunk = (jobs.size() + threads - 1) / threads;
        for (unsigned t = 0; t < threads; ++t)
            pool.emplace_back(work, std::min(jobs.size(), t * chunk), std::min(jobs.size(), (t + 1) * chunk));
        for (auto& th : pool) th.join();
    }

    bool holds(const Directive& d, const Evaluation& ev, const EntityResult& er) const {
        if (d.kind == Directive::Kind::level) {
            const int want = d.level == kNone ? -1 : p_.levels[d.level].ordinal;
            return er.level == want && er.level_max == want;
        }
        if (er.level_count == 0) return false;
        const LevelResult& lr = ev.levels[er.first_level];
        if (lr.set == kNone) return false;
        const SetDef& set = p_.sets[lr.set];
        for (std::uint32_t c = 0; c < set.criterion_count; ++c) {
            const std::string& code = p_.criteria[set.first_criterion + c].code;
            const bool listed = std::find(d.criteria.begin(), d.criteria.end(), code) != d.criteria.end();
            const Status s = ev.criteria[lr.first_criterion + c].status;
            if (listed ? s != Status::not_met : s != Status::met && s != Status::not_applicable) return false;
        }
        return true;
    }

    // Evaluates each year; records whose directive does not hold are planned again.
    void verify() {
        for (std::size_t yi = 0; yi < years_.size(); ++yi) {
            for (int round = 0;; ++round) {
                const Evaluation ev = evaluate(p_, data(), {years_[yi], opt_.threads, kNone});
                std::vector<std::uint32_t> failing;
                for (const EntityResult& er : ev.entities) {
                    level_[er.record] = er.level;
                    criteria_met_[er.record] = er.criteria_met;
                    const Directive* d = pinned_[er.record];
                    if (d != nullptr && !holds(*d, ev, er)) failing.push_back(er.record);
                }
                if (failing.empty() || round == kRounds) {
                    for (const EntityResult& er : ev.entities) {
                        if (std::find(failing.begin(), failing.end(), er.record) != failing.end()) warn(ev, er);
                    }
                    break;
                }
                for (const std::uint32_t r : failing) ++attempts_[r];
                realize(failing);
            }
        }
        for (const Directive* d : pinned_) out_.directives_met += d != nullptr;
        out_.directives_met -= out_.warnings.size();
    }

    // A directive that still does not hold: what the engine found instead.
    void warn(const Evaluation& ev, const EntityResult& er) {
        const std::uint32_t r = er.record;
        const Directive& d = *pinned_[r];
        const Record& rec = data().records[r];
        text::Message got, wanted;
        if (d.kind == Directive::Kind::level) {
            const auto& order = p_.level_order[kind_index(data().entities[rec.entity].kind)];
            const auto shown = [&](int ordinal) {
                return ordinal < 0 ? text::say("generate.no_level")
                                   : text::Message::same(fmt::format("'{}'", p_.levels[order[ordinal]].name));
            };
            got = text::say("generate.reaches", shown(er.level));
            wanted = d.level == kNone ? text::say("generate.no_level")
                                      : text::Message::same(fmt::format("'{}'", p_.levels[d.level].name));
        } else {
            std::vector<std::string> failed;
            const LevelResult* lr = er.level_count > 0 ? &ev.levels[er.first_level] : nullptr;
            if (lr != nullptr && lr->set != kNone) {
                const SetDef& set = p_.sets[lr->set];
                for (std::uint32_t c = 0; c < set.criterion_count; ++c) {
                    const Status st = ev.criteria[lr->first_criterion + c].status;
                    if (st == Status::not_met || st == Status::unknown) failed.push_back(p_.criteria[set.first_criterion + c].code);
                }
            }
            got = text::say("generate.not_met", failed.empty() ? text::say("generate.none")
                                                               : text::Message::same(fmt::format("{}", fmt::join(failed, " "))));
            wanted = d.criteria.empty() ? text::say("generate.none")
                                        : text::Message::same(fmt::format("{}", fmt::join(d.criteria, " ")));
        }
        text::Message why;
        if (stages_[r].empty() ||
            std::all_of(stages_[r].begin(), stages_[r].end(), [&](const Stage& s) { return s.set == kNone || s.year != rec.year; }))
            why = text::say("generate.no_set", rec.year);
        out_.warnings.push_back(make_problem(text::ProblemKind::warning,
                                             {sc_.path, d.line, d.kind == Directive::Kind::level ? "level" : "fail"},
                                             text::say("generate.directive_unmet", d.code, rec.year, got, wanted,
                                                       attempts_[r] + 1, why)));
    }
};

}  // namespace

Generated generate(const Program& program, const AdminUnits& units, const Scenario& scenario,
                   const GenerateOptions& options, std::vector<text::Problem>& problems) {
    return Generator(program, units, scenario, options, problems).run();
}

}  // namespace ntm::gen
