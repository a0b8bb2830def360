// Every phrase people read, in Vietnamese and English, and how values are written in each.
//
// The engine hands over data only (statuses, numbers, comparators, regions, locations:
// engine/explain.hpp); this is the one place that turns them into words, for every renderer —
// the terminal text of eval and explain, the JSON's messages aside, and the report in every
// format.  Only labels and phrases are translated: names of units, criteria, indicators,
// levels and bodies, citations, unit symbols and rule text come from the data and the rules
// and stay as written.  Nothing here is ever parsed back.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "report/report.hpp"

namespace ntm::report {

// ---------------------------------------------------------------------------------------------
// Labels of the report, in the language asked for (words.cpp holds the tables).

struct Words {
    const char* title;            // "Báo cáo kết quả xây dựng nông thôn mới"
    const char* year;             // "Năm"
    const char* year_word;        // "năm": after a place, "Quảng Nam, năm 2024"
    const char* rules;            // "Quy định"
    const char* data;             // "Dữ liệu"
    const char* records;          // "đọc {} bản ghi, nhận {}, loại {}"
    const char* scope;            // "Địa bàn"
    const char* overview;         // "1. Tổng quan"
    const char* criteria_view;    // "2. Kết quả theo tiêu chí"
    const char* work_view;        // "3. Việc của các sở, ngành"
    const char* commune_view;     // "4. Phiếu từng xã"
    const char* problem_view;     // "5. Lỗi dữ liệu"
    const char* levels_of;        // "Mức đạt của"
    const char* highest_level;    // "Mức cao nhất đạt được"
    const char* count;            // "Số đơn vị"
    const char* share;            // "Tỷ lệ"
    const char* uncertain;        // "Thiếu dữ liệu"
    const char* none_level;       // "Chưa đạt"
    const char* total;            // "Tổng"
    const char* criteria_mean;    // "Số tiêu chí đạt bình quân"
    const char* not_judged;       // "Không thuộc diện đánh giá"
    const char* undecided;        // "Chưa xác định được (thiếu dữ liệu)"
    const char* own_levels;       // "Mức của từng huyện, tỉnh"
    const char* progress;         // "Tiến độ theo huyện"
    const char* district;         // "Huyện"
    const char* communes;         // "Số xã"
    const char* commune_list;     // "Danh sách xã"
    const char* communes_lacking; // " ({} xã thiếu dữ liệu)"
    const char* may_reach;        // " — thiếu dữ liệu: có thể đạt “{}”"
    const char* may_be_higher;    // " (có thể cao hơn)"
    const char* level_may_be_higher;  // " (có thể cao hơn: thiếu dữ liệu)"
    const char* criteria_lacking;     // " ({} tiêu chí thiếu dữ liệu)"
    const char* lost;             // "Duy trì chuẩn — không còn đạt mức đã được công nhận"
    const char* recognised;       // "Năm công nhận"
    const char* targets;          // "Mục tiêu và kết quả"
    const char* target;           // "Mục tiêu"
    const char* asked;            // "Chỉ tiêu giao"
    const char* result;           // "Kết quả"
    const char* verdict;          // "Đánh giá"
    const char* code;             // "Mã"
    const char* name;             // "Tên"
    const char* level;            // "Mức"
    const char* criterion;        // "Tiêu chí"
    const char* indicator;        // "Chỉ tiêu"
    const char* met, *not_met, *unknown, *not_applicable;  // column heads
    const char* status;           // "Kết quả": the column of an indicator's status
    const char* pass_rate;        // "Tỷ lệ đạt"
    const char* standard_set;     // "Bộ tiêu chí"
    const char* responsible;      // "Phụ trách"
    const char* unassigned;       // "Chưa phân công"
    const char* value;            // "Giá trị"
    const char* unit;             // "Đơn vị"
    const char* threshold;        // "Yêu cầu"
    const char* gap;              // "Chênh lệch"
    const char* towards;          // "Mức hướng tới"
    const char* rule;             // "Quy định"
    const char* source;           // "Căn cứ"
    const char* criteria_met;     // "Tiêu chí đạt"
    const char* criteria_count;   // "Số tiêu chí"
    const char* classes;          // "Phân loại"
    const char* class_member;     // "Thuộc nhóm"
    const char* category_undecided;  // "chưa xác định được (thiếu dữ liệu)": a category not decided
    const char* next_level;       // "Mức tiếp theo"
    const char* blocked_by;       // "Còn vướng"
    const char* top_level;        // "Đã đạt mức cao nhất"
    const char* open_indicators;  // "Chỉ tiêu chưa đạt hoặc thiếu dữ liệu"
    const char* lost_warning;     // "⚠ Duy trì chuẩn: đã được công nhận “{}” năm {}, năm {} không còn đạt mức này."
    const char* lost_level;       // "Mức không còn đạt"
    const char* may_be_higher_head;  // "Có thể cao hơn"
    const char* increment;        // "Tăng thêm"
    const char* reached;          // "Đạt chắc chắn"
    const char* reached_max;      // "Có thể đạt"
    const char* before_year;      // "Trước năm"
    const char* gate;             // "Điều kiện công nhận"
    const char* no_problems;      // "Không có lỗi dữ liệu."
    const char* file, *line, *field, *severity, *message;
    const char* error, *warning;
    const char* yes, *no;         // "có", "không"
    const char* nothing;          // "Không có."
    const char* member;           // "Phụ trách địa bàn"
    const char* back;             // "về tổng quan"
    const char* chart_levels;     // "Mức đạt của các xã theo huyện"
    const char* chart_criteria;   // "Tỷ lệ xã đạt từng tiêu chí"
    const char* kind_names[kKindCount];  // "thôn", "xã", "huyện", "tỉnh" (English: plural)
    // The administrative map, by engine::AdminMap: "3 cấp (trước 01/7/2025: tỉnh – huyện – xã)"
    const char* map_titles[2];
    const char* map;               // "Bản đồ hành chính"
    const char* merged_from;       // "Sáp nhập từ"
    const char* estimate_mark;     // " (ước tính)", after a value estimated when communes merged
    const char* estimates_note;    // "Kết quả dựa trên số liệu ước tính …: {n} chỉ tiêu, điều kiện"
    // Unconfirmed figures (`unconfirmed "reason"` in the rules)
    const char* unconfirmed_mark;  // " (ngưỡng chưa xác nhận: {})", after a verdict resting on one
    const char* unconfirmed_note;  // "Kết quả dựa trên mức chưa xác nhận: {} đơn vị"
    const char* unconfirmed_head;  // "Các mức chưa xác nhận"
    const char* unconfirmed_total; // "Tổng số: {} mức chưa xác nhận"
    const char* unconfirmed_group; // "{} mức chưa xác nhận"
    const char* unconfirmed_on[8]; // by dsl::MarkOn: "cả bộ", "tiêu chí", "chỉ tiêu", "mức", "ô", "điều kiện",
                                   // "cả quy định thu hồi", "trường hợp"
    const char* place;             // "Chỗ"
    const char* figure;            // "Mức dùng"
    const char* reason;            // "Lý do"
    const char* set_word;          // "bộ tiêu chí"
    const char* level_word;        // "mức công nhận"
    const char* revocation_word;   // "quy định thu hồi"
    const char* branch;            // "Trường hợp" (of a revocation rule)
    const char* unconfirmed_intro; // the fixed header of the Markdown list (docs/rules-status.md)
    // Revocation of recognition (`revocation` rules, QĐ 18/2022)
    const char* revoke_yes;        // "Đề nghị thu hồi quyết định công nhận “{level}” (công nhận năm {year})"
    const char* revoke_maybe;      // "Có thể bị thu hồi — thiếu dữ liệu: … “{level}” (công nhận năm {year})"
    const char* revoke_no;         // "Chưa đến mức thu hồi quyết định công nhận “{level}” (công nhận năm {year})"
    const char* revoke_counts;     // "{unmet}/{total} tiêu chí không đạt ({share})"
    const char* revoke_lacking;    // ", {n} tiêu chí thiếu dữ liệu"
    const char* revoke_case;       // "trường hợp {name}: {title}"
    const char* revoke_case_open;  // "trường hợp thu hồi tùy số liệu còn thiếu"
    const char* revoke_unmet;      // "Tiêu chí không đạt"
    const char* revoke_named;      // "trong đó nêu tại trường hợp thu hồi"
    const char* revoke_missing;    // "Tiêu chí thiếu dữ liệu"
    const char* revoke_head;       // "Đề nghị thu hồi quyết định công nhận"
    const char* revoke_maybe_head; // "Có thể bị thu hồi — thiếu dữ liệu"
    const char* revoke_overview;   // "Đề nghị thu hồi …: {n} đơn vị; có thể bị thu hồi (thiếu dữ liệu): {m} đơn vị"
    const char* revocation;        // "Thu hồi công nhận": a column head
    // Compact commune sheets, for print (--compact)
    const char* unconfirmed_short; // " (ngưỡng chưa xác nhận)": the reason is in the full sheet
    const char* compact_note;      // what a compact sheet leaves out
};

const Words& words(Lang lang);

// ---------------------------------------------------------------------------------------------
// Labels and patterns of the terminal text (`ntm eval`, `ntm explain`), which is Vietnamese
// only; the labels it shares with the report are taken from words(Lang::vi).  Patterns hold
// {} for the values, in the order each comment gives.

struct TextWords {
    const char* kind_titles[kKindCount];  // "Thôn", "Xã", "Huyện", "Tỉnh": headings
    // The evaluation summary
    const char* eval_title;          // "KẾT QUẢ ĐÁNH GIÁ NÔNG THÔN MỚI"
    const char* nothing_to_evaluate; // "Không có bản ghi nào để đánh giá."
    const char* year_heading;        // "NĂM {year}"
    const char* sets_in_force;       // "Bộ tiêu chí áp dụng"
    const char* gates_only;          // "không theo bộ tiêu chí, chỉ xét các điều kiện công nhận"
    const char* no_set_in_year;      // "không có bộ tiêu chí hiệu lực năm {year}"
    const char* evaluated;           // "Số đơn vị được đánh giá: {n}"
    const char* map_line;            // "Bản đồ hành chính: {map title}"
    const char* maps_heading;        // "Bản đồ hành chính:" (a year with records on both maps)
    const char* map_count;           // "  {map title}: {n} đơn vị"
    const char* units_of_kind;       // "{kind title}: {n} đơn vị"
    const char* count_of_kind;       // "Số {kind}"
    const char* may_be_higher;       // "Thiếu dữ liệu: {n} {kind} có thể đạt mức cao hơn khi đủ số liệu."
    const char* not_in_force_count;  // "Không xét năm {year} (không có bộ tiêu chí hiệu lực): {n} {kind}"
    const char* not_in_force;        // "Không xét năm {year} (không có bộ tiêu chí hiệu lực)"
    const char* criteria_of;         // "{met}/{total} tiêu chí"
    const char* recognised_in;       // "{level} (công nhận năm {year})"
    const char* levels_of_each;      // "Mức của từng {kind}"
    const char* target_heading;      // "Mục tiêu năm {year}: {title} — {locality} ({code})"
    const char* target_asked;        // "mục tiêu {asked}"
    const char* target_result;       // "kết quả {result}"
    // The explanation of one entity
    const char* code_of;             // "{name} (mã {code})"
    const char* within;              // ", thuộc {name} (mã {code})"
    const char* within_code;         // ", thuộc đơn vị mã {code}"
    const char* merged_from;         // "Sáp nhập từ: {parts}"
    const char* estimate_mark;       // " (ước tính)"
    const char* estimates_note;      // "Kết quả dựa trên số liệu ước tính …: {n} chỉ tiêu, điều kiện"
    const char* region_year;         // "Vùng: {region} · năm đánh giá: {year} · bản đồ hành chính {map title}"
    const char* level_reached;       // "Mức đạt"
    const char* not_judged_because;  // "không thuộc diện đánh giá — {type} không được đánh giá theo …"
    const char* no_levels;           // "các quy định không có mức nào cho đơn vị cấp này"
    const char* no_level;            // "chưa đạt mức nào"
    const char* criteria_met;        // "Số tiêu chí đạt"
    const char* blocked_by;          // " — còn vướng:"
    const char* top_level;           // "Đã đạt mức cao nhất áp dụng năm {year}."
    const char* prerequisite;        // "Điều kiện trước: {level} — {status}"
    const char* thresholds_of;       // "Ngưỡng áp dụng theo vùng"
    const char* own_region_rule;     // " (theo quy định riêng của bộ tiêu chí)"
    const char* thresholds_by;       // "Ngưỡng áp dụng theo {dimension}"
    const char* category_undecided;  // "chưa xác định được (thiếu dữ liệu)"
    const char* criterion_line;      // "Tiêu chí {code} {title}: {status}"
    const char* needs;               // " (cần {combine})"
    const char* required;            // " — yêu cầu {requirement}"
    const char* no_valid_value;      // "không có số liệu hợp lệ"
    const char* basis;               // "căn cứ"
    const char* rule;                // "quy định"
    const char* source;              // "nguồn"
    const char* condition;           // "điều kiện"
    const char* readings;            // "số liệu"
    const char* responsible;         // "phụ trách"
};

const TextWords& text_words();

// ---------------------------------------------------------------------------------------------
// Numbers, statuses, places

// "38,5", "1.250", "100" in Vietnamese; "38.5", "1,250" in English: up to two decimals, no
// trailing zeros; "—" when unknown.
std::string num(Lang lang, double v);
// A number with its unit symbol: "85 %", "38,5 triệu đồng/người/năm", "3".
std::string with_unit(Lang lang, double v, std::string_view symbol);
// "66,7 %" of part in whole (one decimal), "–" when whole is 0.
std::string percent(Lang lang, std::size_t part, std::size_t whole);
// "đạt", "chưa đạt", "thiếu dữ liệu", "không áp dụng"; "met", "not met", ...
std::string status_text(Lang lang, Status s);
// "✓", "✗", "?", "–"
const char* status_mark(Status s);
// The region's official name (dsl::kRegionTitles): "Duyên hải Nam Trung Bộ".
std::string_view region_title(Region r);
// "≥", ">", "≤", "<", "=", "≠"; empty for `in`, yes and no.
const char* cmp_sign(dsl::Cmp c);
// "phường" for "Phường" in running text (type words of units not judged start with an ASCII
// letter; others are left as they are).
std::string lower_first(std::string_view text);
// "Mã cấp trên" for "mã cấp trên": the first letter capitalised, for headings.
std::string upper_first(std::string_view text);

// ---------------------------------------------------------------------------------------------
// Phrases built from an explanation

// The indicator's value with its unit: "69,5 %", "đạt" / "không đạt" ("có" / "không" for a
// `no` requirement; "yes" / "no" in English); "—" when unknown.
std::string value_text(Lang lang, const IndicatorExplanation& i);
// The requirement in force, from the comparator and the threshold: "≥ 70 %", "đạt",
// "trong khoảng 14 – 200 m²/người"; "≥ 70 %", "yes", "between 14 and 200 m²/người"; "≥ 90 –
// 100 %" when the threshold depends on a category not decided.  Empty
// when no requirement decided.
std::string requirement_text(Lang lang, const IndicatorExplanation& i);
// The gap when not met: "còn thiếu 0,5 điểm %" (rates differ by percentage points), "vượt
// ngưỡng tối đa 3 m²", "còn thiếu 1,3 triệu đồng/người/năm"; "short by 0.5 percentage points";
// empty otherwise, and for yes/no indicators (missing_text).
std::string gap_text(Lang lang, const IndicatorExplanation& i);
// What a yes/no indicator not met lacks, from its title: "chưa có quy hoạch chung xây dựng xã
// …", "xã chưa đạt chuẩn an toàn về an ninh …", "chưa đạt: hệ thống …"; "not in place: TITLE";
// empty unless a yes/no indicator is not met.
std::string missing_text(Lang lang, const IndicatorExplanation& i);
// Why that threshold (Vietnamese): "vùng Duyên hải Nam Trung Bộ, năm 2024, khi so_truong > 3",
// or that the region or whether it applies is unknown; empty when no requirement decided or
// for a yes/no requirement.
std::string why_text(const IndicatorExplanation& i);
// How a criterion combines its indicators (Vietnamese): "tất cả chỉ tiêu",
// "một trong các chỉ tiêu", "ít nhất 2 chỉ tiêu".
std::string combine_text(const CriterionExplanation& c);
// The data a gate reads (Vietnamese): "Tỷ lệ hài lòng: 85 %; Nợ đọng: không"; empty when none.
std::string readings_text(const GateExplanation& g);
std::string readings_text(const std::vector<GateReading>& reads);
// The category an entity is in and why (Vietnamese): "Nhóm 1: xã có xu hướng đô thị hóa —
// điều kiện: ty_trong < 10% — số liệu: ty_trong: 8 %", or that it could not be decided and
// which condition lacked data.
std::string category_text(const CategoryExplanation& c);
// What a blocker is: "tiêu chí 2 Giao thông — chỉ tiêu 2.2: 75 % (yêu cầu ≥ 80 %)",
// "chưa Xã đạt chuẩn nông thôn mới", "điều kiện: Hài lòng (Tỷ lệ hài lòng: 85 %)";
// "criterion 2 Giao thông — indicator 2.2: 75 % (required ≥ 80 %)", ...
std::string blocker_text(Lang lang, const Blocker& b);
// blocker_text, then the body in charge: " — phụ trách: Sở Giao thông vận tải".
std::string blocker_line(Lang lang, const Blocker& b);
std::vector<std::string> blocker_lines(Lang lang, const std::vector<Blocker>& blockers);

// A revocation verdict and its counts: "Đề nghị thu hồi quyết định công nhận “Xã đạt chuẩn
// nông thôn mới” (công nhận năm 2019): 8/19 tiêu chí không đạt (42,1 %)".
std::string revocation_line(Lang lang, const RevocationExplanation& r);
// The case that fired, or that it depends on the missing data: "trường hợp a: Từ 30% …"; empty
// when not to be revoked.
std::string revocation_case(Lang lang, const RevocationExplanation& r);
// The criteria it counted: "Tiêu chí không đạt: 2 Giao thông; 10 Thu nhập — trong đó nêu tại
// trường hợp thu hồi: 10 Thu nhập", then those lacking data; one string per line.
std::vector<std::string> revocation_criteria(Lang lang, const RevocationExplanation& r);

// ---------------------------------------------------------------------------------------------
// Phrases of the report

// "3/9 xã đạt chuẩn nông thôn mới" after a count (from a commune level's title).
std::string level_phrase(Lang lang, const std::string& title);
// One target line: what was asked ("thêm 8"), what the results give, and the verdict
// ("✓ đạt mục tiêu", "✗ còn thiếu 3", "? chưa xác định được (thiếu dữ liệu)").
std::string target_asked(Lang lang, const TargetLine& line);
std::string target_result(Lang lang, const TargetLine& line, int year);
std::string target_verdict(Lang lang, const TargetLine& line);
// ---------------------------------------------------------------------------------------------
// Phrases of the overview (words_overview.cpp)

// A level's title as it applies to a unit of `type`.  A level title may name several types, in
// parts separated by "; ", each part its types then what they achieve ("Huyện đạt chuẩn nông
// thôn mới; thị xã, thành phố thuộc cấp tỉnh hoàn thành nhiệm vụ xây dựng nông thôn mới"): the
// part naming the type, whole when the type alone is its subject ("Huyện đạt chuẩn nông thôn
// mới"), else what it achieves ("Hoàn thành nhiệm vụ xây dựng nông thôn mới" for a thành phố).
// The title as it is when no part names the type.
std::string level_title_for(const std::string& title, const std::string& type);
// The sets that judged the communes: "Bộ … tỉnh Quảng Nam …" when one did, else each with
// its count: "Bộ A (12 xã); Bộ B (3 xã)".
std::string judging_sets_text(Lang lang, const std::vector<std::pair<std::string, std::size_t>>& sets);
// For a kind judged by a set of one criterion: "Đạt tiêu chí của bộ tiêu chí: 37/113 thôn (32,7 %)".
std::string set_share_text(Lang lang, const KindOverview& k);
// A work list's heading, counting communes, then rows: "Sở Công Thương: 12 xã (41 chỉ tiêu)".
std::string work_heading(Lang lang, const WorkList& list);
// The comparison with the previous year: its heading ("So với năm 2023"), the line saying how
// many communes were compared, the four lists' headings, and a change of criteria met
// ("18/20 → 20/20 (+2)").
std::string trend_heading(Lang lang, int year);
std::string trend_summary(Lang lang, const Trend& t);
std::string trend_list_title(Lang lang, int which, std::size_t n);  // 0 recognised, 1 lost, 2 up, 3 down
std::string trend_criteria(const TrendChange& c);
// Targets of later years: the heading, a target's line ("… — Tỉnh Quảng Nam (49), năm 2025"),
// and a line's verdict against this year's results ("✓ đã đạt", "còn thiếu 12", "còn thiếu 2–4").
const char* upcoming_heading(Lang lang);
std::string upcoming_verdict(Lang lang, const TargetLine& line);

// A data problem's severity word.
const char* severity_text(Lang lang, const text::Problem& p);

}  // namespace ntm::report
