// The catalogue's part for the annotated workbook of `ntm validate --annotate` (text/message.hpp):
// the option, the summary sheet's words, what the run says.
#include "text/catalog.hpp"

namespace ntm::text {

namespace {

constexpr CatalogEntry entries[] = {
    {"cli.opt.annotate", "Ghi trả tệp số liệu thành sổ tính Excel OUT, mỗi lỗi thành ghi chú trên ô của nó",
     "Write the data back as the Excel workbook OUT, each problem a note on its cell"},
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
    {"annotate.more", "còn {} vấn đề nữa không ghi vừa trang này", "{} more problems do not fit on this sheet"},
};

}  // namespace

std::span<const CatalogEntry> catalog_annotate() { return entries; }

}  // namespace ntm::text
