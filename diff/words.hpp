// The phrases of `ntm diff`, in Vietnamese: what changed, which way, and the lines every
// renderer of a diff (text, Markdown, HTML, Excel) shares, so that they all say the same.
#pragma once

#include <string>
#include <vector>

#include "diff/diff.hpp"

namespace ntm::diff {

const char* what_text(What w);
const char* how_text(How h);
const char* direction_text(Direction d);
std::string status_word(Status s);  // đạt, chưa đạt, thiếu dữ liệu, không áp dụng

// "sửa chỉ tiêu 10.1 «Thu nhập bình quân đầu người»", with the old code, owner or title.
std::string change_headline(const Change& c);
// One line per threshold cell, field or rule place that changed.
std::vector<std::string> change_details(const Change& c);
// "≥ 50 → ≥ 55 (nâng ngưỡng, chặt hơn)".
std::string cell_text(const CellChange& cell, dsl::Cmp old_cmp, dsl::Cmp new_cmp, const std::string& unit);

// "Xã đạt chuẩn nông thôn mới" or "chưa đạt mức nào", with "(có thể cao hơn: thiếu dữ liệu)".
std::string level_text(const LevelSide& s);
// "Xã Tam An (20368, Huyện Phú Ninh)".
std::string entity_text(const EntityChange& e);
// "Xã đạt chuẩn … → chưa đạt mức nào; 19/19 → 17/19 tiêu chí".
std::string move_text(const EntityChange& e);
// "chỉ tiêu 10.1 Thu nhập…: đạt → chưa đạt; giá trị 52; ngưỡng ≥ 50 → ≥ 55; còn thiếu 3 — Sở …".
std::string cause_text(const Cause& c);
// "Xã đạt chuẩn … → chưa đạt mức nào".
std::string transition_text(const Transition& t);
// "tiêu chí 17 Môi trường — Sở Nông nghiệp và Môi trường".
std::string criterion_tally_text(const CriterionTally& t);
// "2 lên mức, 5 xuống mức, 1 chưa xác định".
std::string parent_tally_text(const ParentTally& t);

}  // namespace ntm::diff
