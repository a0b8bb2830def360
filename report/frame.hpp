// The official frame of a report a department head signs, laid out as Nghị định 30/2020/NĐ-CP
// lays out an administrative document: the issuing body and the document's number on the left
// of the header, the national name (Quốc hiệu) and motto (tiêu ngữ) on the right, the place and
// date under them; the kind and subject of the document; at the foot, the recipients on the left
// and the signature on the right.
//
// Policy staff configure it once in a small text file (`ntm report --frame khung.txt`):
//
//   # lines starting with '#' are comments; blank lines are ignored
//   cơ quan chủ quản = ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM
//   cơ quan ban hành = VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI
//   số = 125/BC-VPĐP
//   địa danh = Tam Kỳ
//   ngày = 05/12/2026
//   nơi nhận = Ban Chỉ đạo tỉnh;        (one line per recipient, in order)
//   quyền hạn = KT. GIÁM ĐỐC
//   chức vụ = PHÓ GIÁM ĐỐC
//   họ tên = Nguyễn Văn An
//
// Keys are matched forgivingly: case, extra blanks and diacritics do not matter ("co quan ban
// hanh" is "cơ quan ban hành"), ':' may stand for '='.  Every mistake is a problem naming the
// file, the line and the key: a line that is not `key = value`, an unknown key (with the
// closest key suggested), a key given twice, an empty value, a date that is not a date, a
// required key left out.  The frame never reads the clock: the date comes from the file or
// from `--date`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/problem.hpp"

namespace ntm::report {

struct FrameDate {
    int day = 0, month = 0, year = 0;  // 0: none
    bool empty() const { return year == 0; }
};

struct Frame {
    std::string authority;  // cơ quan chủ quản (may be empty)
    std::string issuer;     // cơ quan ban hành
    std::string number;     // số, ký hiệu: "125/BC-VPĐP" (may be empty)
    std::string place;      // địa danh: "Tam Kỳ"
    FrameDate date;
    std::string kind = "BÁO CÁO";  // tên loại
    std::string subject;           // trích yếu; empty: the report's title
    std::vector<std::string> recipients;  // nơi nhận, in order
    std::string power;     // quyền hạn: "KT. GIÁM ĐỐC" (may be empty)
    std::string position;  // chức vụ: "PHÓ GIÁM ĐỐC"
    std::string signer;    // họ tên
};

// A date written "05/12/2026", "5/12/2026", "05-12-2026" or "2026-12-05"; empty when it is not
// a real date (31/02 is not) or its year is outside 1900-2999.
FrameDate parse_frame_date(std::string_view text);

// The frame written in `text`, read from `file` (named in problems).  A problem for each
// mistake; `date` (from --date), when not empty, stands for the file's date.
Frame parse_frame(std::string_view text, const std::string& file, const FrameDate& date,
                  std::vector<text::Problem>& problems);
// The file read (UTF-8; text/files.hpp) and parsed.
Frame read_frame(const std::string& path, const FrameDate& date, std::vector<text::Problem>& problems);

// "Tam Kỳ, ngày 05 tháng 12 năm 2026": day below 10 and months 1 and 2 with a leading zero,
// as Nghị định 30/2020/NĐ-CP writes them.
std::string frame_date_line(const Frame& frame);

// The header and the foot of the document, for the HTML page (inside <main>) and as plain
// text for Markdown.  `title` is the report's, used when the frame gives no subject.
std::string frame_head_html(const Frame& frame, const std::string& title);
std::string frame_foot_html(const Frame& frame);
std::string frame_head_md(const Frame& frame, const std::string& title);
std::string frame_foot_md(const Frame& frame);
// The CSS of the frame (in the fonts and sizes of Nghị định 30: Times New Roman, the national
// name in capitals, the motto underlined by a rule as wide as it).
extern const char* const kFrameStyle;

}  // namespace ntm::report
