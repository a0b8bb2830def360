// The hand-written limit: the national commune criteria set `xa_ntm_2021`
// (rules/national/2021-2025/xa-ntm.ntm, QĐ 318/QĐ-TTg) written out by hand in plain C++, its
// thresholds as constants and its values in plain arrays of doubles, one row per commune.  It is
// what ntm's own reading and evaluation are measured against (docs/performance.md): no rule
// file, no schema, no trace — only what the verdicts of the 19 criteria need.
//
// The semantics are the engine's, replicated: unknown is NaN; `and`/`or` are Kleene's (engine/
// vm.cpp); numbers compare with the relative tolerance of engine::approx_equal; an indicator is
// unknown when its value or its threshold is, not applicable when its `applies when` is false
// (judged, and unknown unless met, when the condition is unknown); a criterion is met when all
// its applicable indicators are, unknown when none fails but some is unknown (engine/judge.cpp);
// the region is the commune's own `vùng` or its parent's, TDMNPB under the set's region rule, and
// an indicator whose verdict would differ in TDMNPB is unknown when that rule's condition is
// unknown (Evaluator::region_doubt).  The limit reads only plain CSV as `ntm generate` writes
// it; a test checks it against the engine (tests in bench/CMakeLists.txt).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ntm::bench {

// The inputs the set reads, one column each in a commune's row of values.
enum Input : std::uint8_t {
    // indicators that read the column named by their code
    i1_1, i1_2, i2_1, i2_2, i2_3, i2_4, i3_1, i3_2, i4_1, i4_2, i6_1, i6_2, i6_3, i7, i8_1, i8_2,
    i8_3, i8_4, i9_1, i9_2, i10, i11, i12_1, i12_2, i13_1, i13_2, i13_3, i13_4, i13_5, i14_2,
    i15_1, i15_2, i15_3, i15_4, i16, i17_1, i17_2, i17_3, i17_4, i17_5, i17_6, i17_7, i17_8,
    i17_9, i17_10, i17_11, i18_1, i18_2, i18_3, i18_4, i18_5, i18_6, i19_1, i19_2,
    // fields
    xa_dbkk, xa_atk, huyen_ngheo, huyen_thoat_ngheo, co_lang_nghe, so_truong, so_truong_dat_toi_thieu,
    so_truong_muc_do_1, ty_le_tre_6_tuoi_vao_lop_1, dat_pcgd_mam_non_5_tuoi, muc_do_pcgd_tieu_hoc,
    muc_do_pcgd_thcs, muc_do_xoa_mu_chu,
    kInputCount
};

// How a column's text is read, as data/builder.cpp validates it: a value out of its unit's range
// is unknown.
enum class Unit : std::uint8_t { yesno, percent, count, number, trieu_dong };

struct InputColumn {
    std::string_view header;  // the CSV header
    Unit unit;
};
extern const std::array<InputColumn, kInputCount> kInputs;

// The seven regions, in dsl::Region's order.
enum Region : std::uint8_t { TDMNPB, DBSH, BTB, DHNTB, TN, DNB, DBSCL, kRegionCount };

constexpr int kCriteria = 19;

// The communes of one year: kInputCount values per row (NaN: unknown) and each one's region.
struct Communes {
    int year = 0;
    std::vector<double> values;
    std::vector<std::uint8_t> region;
    std::size_t size() const { return region.size(); }
    const double* row(std::size_t i) const { return values.data() + i * kInputCount; }
};

// What both sides print and compare: per criterion how many communes meet it and how many lack
// the data to tell, and how many meet all 19.
struct Checksum {
    std::uint64_t communes = 0;
    std::uint64_t all_met = 0;
    std::array<std::uint64_t, kCriteria> met{};
    std::array<std::uint64_t, kCriteria> unknown{};

    void add(const Checksum& other);
    bool operator==(const Checksum&) const = default;
    // "communes=N all=K met=a,b,… unknown=a,b,…": one line, the same on both sides.
    std::string line() const;
};

// A verdict, as engine::Status.
enum class Verdict : std::uint8_t { met, not_met, unknown, not_applicable };

// The 19 criteria of commune `values` (kInputCount values) in region `region` in `year`.
void judge_commune(const double* values, Region region, int year, std::array<Verdict, kCriteria>& out);

// The checksum of communes [begin, end).
Checksum evaluate(const Communes& communes, std::size_t begin, std::size_t end);
// The checksum of every commune, on `threads` threads (contiguous chunks, summed).
Checksum evaluate(const Communes& communes, unsigned threads);

// Reads the communes of `year` from CSV text as `ntm generate` writes it (limit_csv.cpp):
// headers mapped to columns once; kind and judged from `loại` ("Xã"; phường and thị trấn are not
// judged); the region from `vùng` or the nearest ancestor (`mã cấp trên`) that gives one.
// Throws std::runtime_error when a needed header is missing.
Communes read_communes(std::string_view csv, int year);

}  // namespace ntm::bench
