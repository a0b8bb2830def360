// The words of the reports in Vietnamese and English, and how values are written in each.
// Only labels are translated: names of units, criteria, indicators, levels and bodies come
// from the data and the rules and stay as written.  Shared by the report renderers.
#pragma once

#include <string>

#include "report/report.hpp"

namespace ntm::report {

struct Words {
    const char* title;            // "Báo cáo kết quả xây dựng nông thôn mới"
    const char* year;             // "Năm"
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
    const char* criteria_mean;    // "Số tiêu chí đạt bình quân"
    const char* not_judged;       // "Không thuộc diện đánh giá"
    const char* undecided;        // "Chưa xác định được (thiếu dữ liệu)"
    const char* own_levels;       // "Mức của từng huyện, tỉnh"
    const char* progress;         // "Tiến độ theo huyện"
    const char* district;         // "Huyện"
    const char* communes;         // "Số xã"
    const char* lost;             // "Duy trì chuẩn — không còn đạt mức đã được công nhận"
    const char* recognised;       // "Năm công nhận"
    const char* targets;          // "Mục tiêu và kết quả"
    const char* target;           // "Mục tiêu"
    const char* asked;            // "Chỉ tiêu"
    const char* result;           // "Kết quả"
    const char* verdict;          // "Đánh giá"
    const char* code;             // "Mã"
    const char* name;             // "Tên"
    const char* level;            // "Mức"
    const char* criterion;        // "Tiêu chí"
    const char* indicator;        // "Chỉ tiêu"
    const char* met, *not_met, *unknown, *not_applicable;  // column heads
    const char* pass_rate;        // "Tỷ lệ đạt"
    const char* standard_set;     // "Bộ tiêu chí"
    const char* responsible;      // "Phụ trách"
    const char* unassigned;       // "Chưa phân công"
    const char* value;            // "Giá trị"
    const char* threshold;        // "Yêu cầu"
    const char* gap;              // "Còn thiếu"
    const char* towards;          // "Mức hướng tới"
    const char* rule;             // "Quy định"
    const char* source;           // "Căn cứ"
    const char* criteria_met;     // "Tiêu chí đạt"
    const char* classes;          // "Phân loại"
    const char* next_level;       // "Mức tiếp theo"
    const char* blocked_by;       // "Còn vướng"
    const char* top_level;        // "Đã đạt mức cao nhất"
    const char* open_indicators;  // "Chỉ tiêu chưa đạt hoặc thiếu dữ liệu"
    const char* lost_warning;     // "⚠ Duy trì chuẩn: đã được công nhận “{}” năm {}, năm {} không còn đạt"
    const char* prerequisite;     // "Chưa đạt mức trước"
    const char* gate;             // "Điều kiện công nhận"
    const char* no_problems;      // "Không có lỗi dữ liệu."
    const char* file, *line, *field, *severity, *message;
    const char* error, *warning;
    const char* nothing;          // "Không có."
    const char* member;           // "Phụ trách địa bàn"
    const char* back;             // "về tổng quan"
    const char* chart_levels;     // "Mức đạt của các xã theo huyện"
    const char* chart_criteria;   // "Tỷ lệ xã đạt từng tiêu chí"
    const char* kind_names[kKindCount];  // "thôn", "xã", "huyện", "tỉnh"
};

const Words& words(Lang lang);

// Numbers: "38,5", "1.250" in Vietnamese; "38.5", "1,250" in English.
std::string num(Lang lang, double v);
// "66,7 %" of part in whole (one decimal), "–" when whole is 0.
std::string percent(Lang lang, std::size_t part, std::size_t whole);
std::string status_text(Lang lang, Status s);
// The indicator's value with its unit: "69,5 %", "đạt" / "không đạt"; "—" when unknown.
std::string value_text(Lang lang, const IndicatorExplanation& i);
// The requirement in force: "≥ 70 %", "đạt", "trong khoảng 14 – 200 m²/người".
std::string threshold_text(Lang lang, const IndicatorExplanation& i);
// The gap when not met: "còn thiếu 0,5 %", "vượt 3 %"; empty otherwise.
std::string gap_text(Lang lang, const IndicatorExplanation& i);
// "3/9 xã đạt chuẩn nông thôn mới" after a count (from the level's title).
std::string level_phrase(Lang lang, const std::string& title);
// One target line's verdict: "✓ đạt mục tiêu", "✗ còn thiếu 3", "? chưa xác định được".
std::string target_asked(Lang lang, const TargetLine& line);
std::string target_result(Lang lang, const TargetLine& line, int year);
std::string target_verdict(Lang lang, const TargetLine& line);
// A data problem's severity word.
const char* severity_text(Lang lang, const text::Problem& p);
// The blockers of a sheet, one line each, in the language asked for.
std::vector<std::string> blocker_lines(Lang lang, const CommuneSheet& sheet);

}  // namespace ntm::report
