// The catalogue's part for the official frame of a report (report/frame.hpp: the frame file of
// `ntm report --frame`) and for printing a report to PDF (`--format pdf`).
#include "text/catalog.hpp"

namespace ntm::text {

namespace {

constexpr CatalogEntry entries[] = {
    {"frame.not_key_value", "dòng này không có dạng 'khoá = giá trị': {}",
     "this line is not of the form 'key = value': {}"},
    {"frame.unknown_key", "không có khoá '{}' trong tệp khung; các khoá: {}",
     "there is no key '{}' in a frame file; the keys: {}"},
    {"frame.unknown_key_suggest", "không có khoá '{}' trong tệp khung; có phải là '{}'?",
     "there is no key '{}' in a frame file; did you mean '{}'?"},
    {"frame.empty_value", "khoá '{}' chưa có giá trị",
     "key '{}' has no value"},
    {"frame.twice", "khoá '{}' đã ghi ở dòng {}; mỗi khoá chỉ ghi một lần, trừ 'nơi nhận' (mỗi dòng một nơi)",
     "key '{}' was already given on line {}; each key is given once, but for 'nơi nhận' (one line per recipient)"},
    {"frame.bad_date", "khoá 'ngày': '{}' không phải là một ngày; hãy viết như 05/12/2026",
     "key 'ngày': '{}' is not a date; write it as 05/12/2026"},
    {"frame.missing", "thiếu khoá '{}' ({})",
     "key '{}' is missing ({})"},
    {"frame.missing_date", "thiếu ngày của văn bản: hãy ghi 'ngày = 05/12/2026' trong tệp khung hoặc dùng --date",
     "the document has no date: write 'ngày = 05/12/2026' in the frame file or give --date"},
    {"frame.what.issuer", "tên cơ quan ban hành văn bản",
     "the name of the body issuing the document"},
    {"frame.what.place", "địa danh nơi ban hành, như Tam Kỳ",
     "the place of issue, such as Tam Kỳ"},
    {"frame.what.position", "chức vụ của người ký",
     "the position of the signer"},
    {"frame.what.signer", "họ và tên người ký",
     "the full name of the signer"},
    {"cli.input.frame_file", "tệp khung",
     "the frame file"},
    {"cli.report.frame", "Tệp khung văn bản (cơ quan ban hành, số, ngày, nơi nhận, người ký) cho html, md và pdf",
     "Frame file of the official document (issuing body, number, date, recipients, signer) for html, md and pdf"},
    {"cli.report.date", "Ngày của văn bản (05/12/2026), thay cho ngày ghi trong tệp khung",
     "Date of the document (05/12/2026), in place of the frame file's"},
    {"cli.report.compact", "Phiếu xã gọn để in: mỗi xã chỉ các chỉ tiêu chưa đạt hoặc thiếu dữ liệu (mặc định với pdf)",
     "Compact commune sheets for print: only each commune's failing or unknown indicators (the default for pdf)"},
    {"cli.report.full", "Phiếu xã đầy đủ, cả khi in pdf",
     "Full commune sheets, in pdf too"},
    {"cli.report.bad_date", "--date: '{}' không phải là một ngày; hãy viết như 05/12/2026",
     "--date: '{}' is not a date; write it as 05/12/2026"},
    {"pdf.not_stdout", "không thể ghi tệp PDF ra đầu ra chuẩn; hãy nêu --out TỆP.pdf",
     "cannot write a PDF to standard output; give --out FILE.pdf"},
    {"pdf.no_chromium", "không tìm thấy Chromium để in PDF; hãy cài đặt: apt-get install chromium",
     "Chromium was not found to print the PDF; install it: apt-get install chromium"},
    {"pdf.chromium_failed", "Chromium không in được PDF (mã thoát {}): {}",
     "Chromium could not print the PDF (exit code {}): {}"},
    {"pdf.chromium_timeout", "Chromium không in xong PDF sau {} giây",
     "Chromium did not finish printing the PDF within {} seconds"},
    {"pdf.temp_failed", "không tạo được thư mục tạm để in PDF: {}",
     "cannot create a temporary folder to print the PDF: {}"},
    {"pdf.no_output", "Chromium không ghi ra tệp PDF nào",
     "Chromium wrote no PDF"},
};

}  // namespace

std::span<const CatalogEntry> catalog_frame() { return entries; }

}  // namespace ntm::text
