// The labels and patterns of the criteria handbook (`ntm doc`, handbook.hpp), in Vietnamese and
// English.  As in words.hpp, only our own words are translated: titles, citations, unit symbols
// and rule text stay as the rules write them.  Patterns hold {} for the values, in the order
// each comment gives.
#pragma once

#include "report/words.hpp"

namespace ntm::report {

struct HandbookWords {
    const char* title;            // "Sổ tay bộ tiêu chí nông thôn mới"
    const char* intro;            // what the handbook is, and what ⚠ means
    const char* sets;             // "Các bộ tiêu chí": the heading of the list of sets
    const char* set_column;       // "Bộ tiêu chí"
    const char* kind_column;      // "Cấp"
    const char* group;            // "Bộ tiêu chí {kind}, giai đoạn {years}"
    const char* name;             // "Tên trong quy định"
    const char* source;           // "Căn cứ"
    const char* judges;           // "Áp dụng cho"
    const char* valid;            // "Hiệu lực"
    const char* locality;         // "Địa bàn"
    const char* nationwide;       // "cả nước"
    const char* in_place_of;      // "{locality}, thay cho bộ “{base title}”"
    const char* extends;          // "Mở rộng bộ"
    const char* levels_judged;    // "Mức công nhận theo bộ này"
    const char* counts;           // "{criteria} tiêu chí, {indicators} chỉ tiêu"
    const char* counts_marked;    // "; {n} chỉ tiêu có nội dung chưa xác nhận (⚠)"
    const char* region_rule;      // "Đánh giá theo mức của vùng {region} khi {condition}"
    const char* criterion;        // "Tiêu chí {code}. {title}"
    const char* indicator;        // "Chỉ tiêu {code}. {title}"
    const char* met_when;         // "Đạt khi"
    const char* combine_any;      // "đạt một trong các chỉ tiêu"
    const char* combine_at_least; // "đạt ít nhất {} chỉ tiêu"
    const char* unit;             // "Đơn vị tính"
    const char* required;         // "Yêu cầu"
    const char* yes, *no;         // "đạt", "không": `require yes` / `require no`
    const char* range;            // "trong khoảng {low} – {high with unit}"
    const char* by;               // "mức theo {dimensions}"
    const char* and_word;         // " và ": between the last two dimensions
    const char* dim_region, *dim_year, *dim_case;  // "vùng", "năm", "trường hợp"
    const char* when;             // "khi {condition}"
    const char* otherwise;        // "các trường hợp khác"
    const char* region_column;    // "Vùng"
    const char* year_column;      // "Năm"
    const char* threshold_column; // "Mức yêu cầu"
    const char* value;            // "Giá trị xét": how the value compared is computed
    const char* applies;          // "Chỉ áp dụng khi"
    const char* where;            // "Trong đó": the fields a condition reads, with their titles
    const char* responsible;      // "Phụ trách"
    const char* years_from;       // "từ năm {}"
    const char* years_to;         // "đến năm {}"
    const char* unconfirmed;      // "Chưa xác nhận với văn bản gốc: {reason}"
    const char* locality_known;   // "{name} (mã {code})"
    const char* locality_code;    // "địa bàn mã {code}"
    // Levels
    const char* levels;           // "Các mức công nhận"
    const char* after;            // "Đòi hỏi đạt trước mức"
    const char* after_passed;     // " — năm {years} mức này không áp dụng, nên đòi hỏi mức {title}"
    const char* meets;            // "Đạt mọi tiêu chí của bộ tiêu chí có hiệu lực trong năm đánh giá:"
    const char* gates_only;       // "Không theo bộ tiêu chí: chỉ xét các điều kiện công nhận."
    const char* gates;            // "Điều kiện công nhận:"
    const char* in_years;         // "áp dụng {years}"
    // Revocation
    const char* revocations;      // "Thu hồi quyết định công nhận"
    const char* revoked_level;    // "Mức công nhận bị thu hồi"
    const char* counted_set;      // "Xét theo bộ tiêu chí"
    const char* branches;         // "Thu hồi khi thuộc một trong các trường hợp:"
    const char* branch;           // "Trường hợp {name}: {title} — {condition}"
    // Categories
    const char* categories;       // "Phân nhóm đơn vị"
    const char* category_order;   // "Mỗi {kind} thuộc nhóm đầu tiên có điều kiện đúng, theo thứ tự dưới đây."
    const char* member_column;    // "Nhóm"
    const char* condition_column; // "Điều kiện"
    const char* the_rest;         // "các {kind} còn lại"
};

const HandbookWords& handbook_words(Lang lang);

}  // namespace ntm::report
