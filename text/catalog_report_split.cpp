// The catalogue's part for choosing the sections of a report and cutting it into one file per
// district, body in charge or commune (`ntm report --sections`, `--by`).
#include "text/catalog.hpp"

namespace ntm::text {

namespace {

constexpr CatalogEntry entries[] = {
    {"cli.report.sections",
     "Các phần của báo cáo cần đưa vào, cách nhau bằng dấu phẩy: tong-quan, tieu-chi, viec-cua-so, phieu-xa, "
     "loi-du-lieu (mặc định: tất cả)",
     "Sections of the report to include, separated by commas: tong-quan, tieu-chi, viec-cua-so, phieu-xa, "
     "loi-du-lieu (default: all)"},
    {"cli.report.by",
     "Tách báo cáo thành nhiều tệp trong thư mục --out: mỗi huyện (huyen), mỗi sở, ngành chỉ danh sách việc của mình "
     "(so) hoặc mỗi xã chỉ phiếu của mình (xa)",
     "Split the report into files in the --out directory: one per district (huyen), per department with only its "
     "work list (so) or per commune with only its sheet (xa)"},
    {"cli.report.unknown_section", "báo cáo không có phần '{}'; các phần: {}",
     "the report has no section '{}'; the sections: {}"},
    {"cli.report.unknown_section_suggest", "báo cáo không có phần '{}'; có phải là '{}'?",
     "the report has no section '{}'; did you mean '{}'?"},
    {"cli.report.by_no_district",
     "dữ liệu không có đơn vị cấp huyện (chính quyền địa phương hai cấp) nên không tách được báo cáo theo huyện; "
     "hãy dùng --by so hoặc --by xa",
     "the data has no districts (two-tier local government), so the report cannot be split by district; "
     "use --by so or --by xa"},
    {"cli.report.by_needs_dir", "với --by, --out phải là một thư mục (mỗi phần một tệp)",
     "with --by, --out must be a directory (one file per part)"},
    {"cli.report.wrote_parts", "đã ghi {} tệp vào {}",
     "wrote {} files into {}"},
};

}  // namespace

std::span<const CatalogEntry> catalog_report_split() { return entries; }

}  // namespace ntm::text
