// The verdicts of xa_ntm_2021, by hand (limit.hpp says which semantics and why).
#include "bench/limit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

#include <fmt/format.h>

namespace ntm::bench {

const std::array<InputColumn, kInputCount> kInputs = {{
    {"1.1", Unit::yesno},    {"1.2", Unit::yesno},    {"2.1", Unit::percent},  {"2.2", Unit::percent},
    {"2.3", Unit::percent},  {"2.4", Unit::percent},  {"3.1", Unit::percent},  {"3.2", Unit::yesno},
    {"4.1", Unit::yesno},    {"4.2", Unit::percent},  {"6.1", Unit::yesno},    {"6.2", Unit::yesno},
    {"6.3", Unit::percent},  {"7", Unit::yesno},      {"8.1", Unit::yesno},    {"8.2", Unit::yesno},
    {"8.3", Unit::yesno},    {"8.4", Unit::yesno},    {"9.1", Unit::count},    {"9.2", Unit::percent},
    {"10", Unit::trieu_dong}, {"11", Unit::percent},  {"12.1", Unit::percent}, {"12.2", Unit::percent},
    {"13.1", Unit::yesno},   {"13.2", Unit::yesno},   {"13.3", Unit::yesno},   {"13.4", Unit::yesno},
    {"13.5", Unit::yesno},   {"14.2", Unit::percent}, {"15.1", Unit::percent}, {"15.2", Unit::yesno},
    {"15.3", Unit::percent}, {"15.4", Unit::percent}, {"16", Unit::percent},   {"17.1", Unit::percent},
    {"17.2", Unit::percent}, {"17.3", Unit::yesno},   {"17.4", Unit::number},  {"17.5", Unit::yesno},
    {"17.6", Unit::yesno},   {"17.7", Unit::percent}, {"17.8", Unit::percent}, {"17.9", Unit::percent},
    {"17.10", Unit::percent}, {"17.11", Unit::percent}, {"18.1", Unit::yesno}, {"18.2", Unit::yesno},
    {"18.3", Unit::percent}, {"18.4", Unit::yesno},   {"18.5", Unit::yesno},   {"18.6", Unit::yesno},
    {"19.1", Unit::yesno},   {"19.2", Unit::yesno},
    {"xa_dbkk", Unit::yesno}, {"xa_atk", Unit::yesno}, {"huyen_ngheo", Unit::yesno},
    {"huyen_thoat_ngheo", Unit::yesno}, {"co_lang_nghe", Unit::yesno}, {"so_truong", Unit::count},
    {"so_truong_dat_toi_thieu", Unit::count}, {"so_truong_muc_do_1", Unit::count},
    {"ty_le_tre_6_tuoi_vao_lop_1", Unit::percent}, {"dat_pcgd_mam_non_5_tuoi", Unit::yesno},
    {"muc_do_pcgd_tieu_hoc", Unit::number}, {"muc_do_pcgd_thcs", Unit::number},
    {"muc_do_xoa_mu_chu", Unit::number},
}};

namespace {

constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();
using ByRegion = std::array<double, kRegionCount>;  // TDMNPB DBSH BTB DHNTB TN DNB DBSCL

// The thresholds of xa-ntm.ntm.
constexpr ByRegion k2_2{50, 100, 70, 70, 70, 100, 50};  // 2.2, 2.3, 2.4
constexpr ByRegion k4_2{95, 99, 98, 98, 95, 99, 98};
constexpr ByRegion k9_2{75, 80, 80, 80, 75, 80, 70};
constexpr ByRegion k11{12, 2, 5, 5, 10, 1, 5};
constexpr ByRegion k12_1{60, 80, 70, 70, 60, 80, 60};  // 12.1, 14.3
constexpr ByRegion k12_2{20, 30, 25, 25, 20, 30, 20};
constexpr ByRegion k14_2{70, 85, 80, 80, 70, 85, 70};
constexpr ByRegion k15_3{24, 12.5, 22, 22, 28, 13, 18.5};
constexpr ByRegion k17_1{45, 60, 50, 50, 45, 60, 50};
constexpr ByRegion k17_7{70, 90, 80, 80, 70, 90, 70};
constexpr int kFirstYear = 2021, kLastYear = 2025;
constexpr std::array<ByRegion, 5> k10{{
    {36, 50, 36, 41, 41, 59, 50},            // 2021
    {39.6, 55, 39.6, 45.1, 45.1, 64.9, 55},  // 2022
    {43.2, 60, 43.2, 49.2, 49.2, 70.8, 60},  // 2023
    {46.8, 65, 46.8, 53.3, 53.3, 76.7, 65},  // 2024
    {50.4, 70, 50.4, 57.4, 57.4, 82.6, 70},  // 2025
}};

// Indicators per criterion, in the rule file's order: 57 in all.
constexpr std::array<int, kCriteria> kIndicatorsOf{2, 4, 2, 2, 1, 3, 1, 4, 2, 1, 1, 2, 5, 3, 4, 1, 11, 6, 2};
constexpr int kIndicators = 57;

bool known(double v) { return !std::isnan(v); }

// engine::approx_equal.
bool approx_equal(double a, double b) {
    return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

double kleene_and(double a, double b) {
    if (a == 0 || b == 0) return 0;
    if (!known(a) || !known(b)) return kUnknown;
    return 1;
}

double kleene_or(double a, double b) {
    if (a == 1 || b == 1) return 1;
    if (!known(a) || !known(b)) return kUnknown;
    return 0;
}

double ge(double a, double b) {  // the VM's `>=`
    if (!known(a) || !known(b)) return kUnknown;
    return a > b || approx_equal(a, b) ? 1 : 0;
}

Verdict at_least(double v, double t) {
    if (!known(v) || !known(t)) return Verdict::unknown;
    return v > t || approx_equal(v, t) ? Verdict::met : Verdict::not_met;
}
Verdict at_most(double v, double t) {
    if (!known(v) || !known(t)) return Verdict::unknown;
    return v < t || approx_equal(v, t) ? Verdict::met : Verdict::not_met;
}
Verdict yes(double v) {
    if (!known(v)) return Verdict::unknown;
    return v != 0 ? Verdict::met : Verdict::not_met;
}

// Indicator 5: the share of schools at level 1; 100 % while some school is below the minimum,
// else by region (70 % with more than 3 schools, 50 % otherwise; 100 % in DBSH and DNB).
Verdict schools(const double* v, Region r) {
    const double total = v[so_truong];
    const auto ratio = [&](double part) { return total == 0 ? kUnknown : 100.0 * part / total; };
    const double value = ratio(v[so_truong_muc_do_1]);
    const double minimum = ratio(v[so_truong_dat_toi_thieu]);
    double threshold = kUnknown;
    if (known(minimum)) {
        if (minimum < 100 && !approx_equal(minimum, 100)) {
            threshold = 100;
        } else if (r == DBSH || r == DNB) {
            threshold = 100;
        } else if (known(total)) {
            threshold = total > 3 && !approx_equal(total, 3) ? 70 : 50;
        }
    }
    return at_least(value, threshold);
}

// Indicator 14.1: universal education, every part of it.
Verdict education(const double* v) {
    double all = ge(v[ty_le_tre_6_tuoi_vao_lop_1], 98);
    all = kleene_and(all, v[dat_pcgd_mam_non_5_tuoi]);
    all = kleene_and(all, ge(v[muc_do_pcgd_tieu_hoc], 2));
    all = kleene_and(all, ge(v[muc_do_pcgd_thcs], 2));
    all = kleene_and(all, ge(v[muc_do_xoa_mu_chu], 2));
    return yes(all);
}

// Indicator 13.4 applies when the commune has a craft village.
Verdict crafts(const double* v) {
    const double applies = v[co_lang_nghe];
    if (applies == 0) return Verdict::not_applicable;
    const Verdict verdict = yes(v[i13_4]);
    return known(applies) || verdict == Verdict::met ? verdict : Verdict::unknown;
}

// The 57 indicators, in the rule file's order.
void judge_indicators(const double* v, Region r, int year, std::array<Verdict, kIndicators>& out) {
    const ByRegion& income = k10[static_cast<std::size_t>(year - kFirstYear)];
    int n = 0;
    const auto put = [&](Verdict verdict) { out[static_cast<std::size_t>(n++)] = verdict; };
    put(yes(v[i1_1])), put(yes(v[i1_2]));
    put(at_least(v[i2_1], 100)), put(at_least(v[i2_2], k2_2[r])), put(at_least(v[i2_3], k2_2[r])),
        put(at_least(v[i2_4], k2_2[r]));
    put(at_least(v[i3_1], 80)), put(yes(v[i3_2]));
    put(yes(v[i4_1])), put(at_least(v[i4_2], k4_2[r]));
    put(schools(v, r));
    put(yes(v[i6_1])), put(yes(v[i6_2])), put(at_least(v[i6_3], 100));
    put(yes(v[i7]));
    put(yes(v[i8_1])), put(yes(v[i8_2])), put(yes(v[i8_3])), put(yes(v[i8_4]));
    put(!known(v[i9_1]) ? Verdict::unknown : approx_equal(v[i9_1], 0) ? Verdict::met : Verdict::not_met);
    put(at_least(v[i9_2], k9_2[r]));
    put(at_least(v[i10], income[r]));
    put(at_most(v[i11], k11[r]));
    put(at_least(v[i12_1], k12_1[r])), put(at_least(v[i12_2], k12_2[r]));
    put(yes(v[i13_1])), put(yes(v[i13_2])), put(yes(v[i13_3])), put(crafts(v)), put(yes(v[i13_5]));
    put(education(v)), put(at_least(v[i14_2], k14_2[r])), put(at_least(v[i12_1], k12_1[r]));
    put(at_least(v[i15_1], 90)), put(yes(v[i15_2])), put(at_most(v[i15_3], k15_3[r])), put(at_least(v[i15_4], 50));
    put(at_least(v[i16], 70));
    put(at_least(v[i17_1], k17_1[r])), put(at_least(v[i17_2], 100)), put(yes(v[i17_3])), put(at_least(v[i17_4], 2)),
        put(yes(v[i17_5])), put(yes(v[i17_6])), put(at_least(v[i17_7], k17_7[r])), put(at_least(v[i17_8], 80)),
        put(at_least(v[i17_9], 100)), put(at_least(v[i17_10], 30)), put(at_least(v[i17_11], 50));
    put(yes(v[i18_1])), put(yes(v[i18_2])), put(at_least(v[i18_3], 100)), put(yes(v[i18_4])), put(yes(v[i18_5])),
        put(yes(v[i18_6]));
    put(yes(v[i19_1])), put(yes(v[i19_2]));
}

}  // namespace

void judge_commune(const double* v, Region own, int year, std::array<Verdict, kCriteria>& out) {
    year = std::clamp(year, kFirstYear, kLastYear);  // the set is judged as of its nearest year
    // region TDMNPB when xa_dbkk or xa_atk and (huyen_ngheo or huyen_thoat_ngheo)
    const double rule =
        kleene_or(v[xa_dbkk], kleene_and(v[xa_atk], kleene_or(v[huyen_ngheo], v[huyen_thoat_ngheo])));
    const Region region = rule == 1 ? TDMNPB : own;
    std::array<Verdict, kIndicators> ind;
    judge_indicators(v, region, year, ind);
    if (!known(rule) && region != TDMNPB) {
        std::array<Verdict, kIndicators> other;
        judge_indicators(v, TDMNPB, year, other);
        for (std::size_t i = 0; i < ind.size(); ++i) {
            if (other[i] != ind[i]) ind[i] = Verdict::unknown;
        }
    }
    std::size_t i = 0;
    for (std::size_t c = 0; c < kCriteria; ++c) {
        int met = 0, not_met = 0, unknown = 0;
        for (int k = 0; k < kIndicatorsOf[c]; ++k, ++i) {
            met += ind[i] == Verdict::met;
            not_met += ind[i] == Verdict::not_met;
            unknown += ind[i] == Verdict::unknown;
        }
        out[c] = met + not_met + unknown == 0 ? Verdict::not_applicable
                 : not_met > 0                ? Verdict::not_met
                 : unknown > 0                ? Verdict::unknown
                                              : Verdict::met;
    }
}

void Checksum::add(const Checksum& other) {
    communes += other.communes;
    all_met += other.all_met;
    for (std::size_t c = 0; c < kCriteria; ++c) {
        met[c] += other.met[c];
        unknown[c] += other.unknown[c];
    }
}

std::string Checksum::line() const {
    return fmt::format("communes={} all={} met={} unknown={}", communes, all_met, fmt::join(met, ","),
                       fmt::join(unknown, ","));
}

Checksum evaluate(const Communes& communes, std::size_t begin, std::size_t end) {
    Checksum sum;
    std::array<Verdict, kCriteria> verdicts;
    for (std::size_t i = begin; i < end; ++i) {
        judge_commune(communes.row(i), static_cast<Region>(communes.region[i]), communes.year, verdicts);
        bool all = true;
        for (std::size_t c = 0; c < kCriteria; ++c) {
            sum.met[c] += verdicts[c] == Verdict::met;
            sum.unknown[c] += verdicts[c] == Verdict::unknown;
            all = all && (verdicts[c] == Verdict::met || verdicts[c] == Verdict::not_applicable);
        }
        sum.all_met += all;
        ++sum.communes;
    }
    return sum;
}

Checksum evaluate(const Communes& communes, unsigned threads) {
    threads = std::max(1u, threads);
    const std::size_t n = communes.size();
    if (threads == 1 || n < 2) return evaluate(communes, 0, n);
    std::vector<Checksum> parts(threads);
    std::vector<std::thread> pool;
    const std::size_t chunk = (n + threads - 1) / threads;
    for (unsigned t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            parts[t] = evaluate(communes, std::min(n, t * chunk), std::min(n, (t + 1) * chunk));
        });
    }
    for (std::thread& th : pool) th.join();
    Checksum sum;
    for (const Checksum& part : parts) sum.add(part);
    return sum;
}

}  // namespace ntm::bench
