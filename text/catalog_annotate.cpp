// The catalogue's part for what a district's file is given back with (text/message.hpp): the
// annotated workbook of `ntm validate --annotate` (the option, the summary sheet's words, what
// the run says), and the legacy Vietnamese encodings a file comes in (text/encoding.hpp).
#include "text/catalog.hpp"

namespace ntm::text {

namespace {

constexpr CatalogEntry entries[] = {
    {"cli.opt.annotate", "Trả lại tệp số liệu dưới dạng sổ tính Excel OUT, mỗi lỗi là một ghi chú ngay trên ô của nó",
     "Give the data file back as the Excel workbook OUT, each problem a note on its cell"},
    {"annotate.not_source", "--annotate chỉ ghi chú được tệp số liệu Excel (.xlsx) hoặc CSV, không ghi chú được '{}'",
     "--annotate annotates Excel (.xlsx) and CSV data files only, not '{}'"},
    {"annotate.not_xlsx", "--annotate ghi ra một sổ tính Excel: tên tệp phải có đuôi .xlsx, không phải '{}'",
     "--annotate writes an Excel workbook: its name must end in .xlsx, not '{}'"},
    {"annotate.written", "đã ghi {}: {} ô có ghi chú",
     "wrote {}: {} cells with notes"},
    {"annotate.summary", "Tổng hợp", "Summary"},
    {"annotate.file", "Tệp số liệu", "Data file"},
    {"annotate.read", "Bản ghi đã đọc", "Records read"},
    {"annotate.accepted", "Bản ghi được nhận", "Records accepted"},
    {"annotate.rejected", "Bản ghi bị loại", "Records rejected"},
    {"annotate.errors", "Lỗi", "Errors"},
    {"annotate.warnings", "Cảnh báo", "Warnings"},
    {"annotate.noted", "Ô có ghi chú", "Cells with notes"},
    {"annotate.col.sheet", "Trang tính", "Sheet"},
    {"annotate.col.cell", "Ô", "Cell"},
    {"annotate.col.field", "Trường", "Field"},
    {"annotate.col.code", "Mã lỗi", "Code"},
    {"annotate.col.kind", "Mức độ", "Kind"},
    {"annotate.col.message", "Nội dung", "Message"},
    {"annotate.kind.warning", "cảnh báo", "warning"},
    {"annotate.kind.value", "bỏ qua giá trị", "value ignored"},
    {"annotate.kind.record", "loại bản ghi", "record rejected"},
    {"annotate.kind.error", "lỗi", "error"},
    {"file.not_utf8.cp1258",
     "dòng {}, cột {}: không phải UTF-8 hợp lệ (byte 0x{}); tệp có lẽ được lưu theo bảng mã {}: hãy mở tệp bằng Excel rồi lưu lại dạng “CSV UTF-8”, hoặc chuyển bằng lệnh iconv -f CP1258 -t UTF-8",
     "line {}, column {}: not valid UTF-8 (byte 0x{}); the file is likely in {}: open it in Excel and save it as \"CSV UTF-8\", or convert it with iconv -f CP1258 -t UTF-8"},
    {"file.not_utf8.font",
     "dòng {}, cột {}: không phải UTF-8 hợp lệ (byte 0x{}); tệp có lẽ được gõ theo bảng mã {}: hãy chuyển sang Unicode bằng công cụ chuyển mã (như UniKey Toolkit, từ {} sang Unicode) rồi lưu lại dạng “CSV UTF-8”",
     "line {}, column {}: not valid UTF-8 (byte 0x{}); the file was likely typed in {}: convert it to Unicode with a converter (such as UniKey Toolkit, from {} to Unicode) and save it as \"CSV UTF-8\""},
    {"D0006",
     "'{}' trông như chữ gõ theo bảng mã {} bị hiển thị sai; hãy chuyển tệp gốc sang Unicode bằng công cụ chuyển mã (như UniKey Toolkit) rồi lưu lại dạng “CSV UTF-8”",
     "'{}' looks like text typed in {} shown in the wrong encoding; convert the original file to Unicode with a converter (such as UniKey Toolkit) and save it as \"CSV UTF-8\""},
    {"annotate.more", "còn {} vấn đề nữa không ghi vừa trang này", "{} more problems do not fit on this sheet"},
};

}  // namespace

std::span<const CatalogEntry> catalog_annotate() { return entries; }

}  // namespace ntm::text
