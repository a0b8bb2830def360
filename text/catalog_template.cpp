// The catalogue's part for the data-entry template (text/message.hpp): `ntm template`, and what
// the readers say about the template's own cells (the sheets read together, the recognition
// in two cells).
#include "text/catalog.hpp"

namespace ntm::text {

namespace {

constexpr CatalogEntry entries[] = {
    // ntm template
    {"template.opt.year", "Năm: các bộ tiêu chí có hiệu lực và bản đồ hành chính của năm đó (mặc định: 2026)",
     "Year: the sets in force and the administrative map of that year (default: 2026)"},
    {"template.opt.province", "Mã tỉnh: điền sẵn các đơn vị của tỉnh theo danh mục chính thức",
     "Province code: its units pre-filled from the official list"},
    {"template.opt.district",
     "Mã huyện (bản đồ trước 01/7/2025, năm 2025 trở về trước): chỉ điền sẵn các đơn vị của huyện",
     "District code (map before 01/7/2025, years up to 2025): its units alone pre-filled"},
    {"template.wrote", "đã ghi {}: năm {}, trang tính {}; {} cột đầu vào, {} đơn vị điền sẵn",
     "wrote {}: year {}, sheets {}; {} input columns, {} units pre-filled"},
    {"template.no_province", "--province '{}': không có tỉnh nào mang mã này trên bản đồ {} (năm {})",
     "--province '{}': no province has this code on the {} map (year {})"},
    {"template.no_district", "--district '{}': không có huyện nào mang mã này trong tỉnh '{}'",
     "--district '{}': no district of province '{}' has this code"},
    {"template.district_new_map",
     "--district '{}': năm {} theo bản đồ 2 cấp (từ 01/7/2025), không còn cấp huyện",
     "--district '{}': year {} is on the two-tier map (from 01/7/2025), which has no districts"},
    {"template.district_alone", "--district '{}' cần --province của tỉnh có huyện đó",
     "--district '{}' needs the --province it lies in"},
    {"template.no_sets", "không có bộ tiêu chí nào có hiệu lực trong năm {}: không có gì để nhập",
     "no criteria set is in force in {}: nothing to enter"},
    // Reading a workbook of several sheets
    {"word.sheet_row", "trang tính '{}', dòng", "sheet '{}', row"},
    {"xlsx.too_many_sheets", "sổ có hơn {} trang tính có dòng tiêu đề dữ liệu: hãy tách thành nhiều tệp",
     "the workbook has more than {} sheets with a data header: split it into several files"},
    // One recognition in two cells (D0208)
    {"D0208.cell_no_level", "có năm công nhận '{}' nhưng không có mức công nhận: ghi mức vào cột '{}'",
     "recognition year '{}' without a level: write the level in column '{}'"},
    {"D0208.cell_level", "không có mức công nhận '{}' cho {}: ghi một trong các mức {}{}",
     "no level of recognition '{}' for a {}: write one of {}{}"},
    {"D0208.cell_no_levels", "(luật không khai báo mức nào)", "(the rules declare none)"},
    {"D0208.cell_year", "năm công nhận '{}' của mức '{}' không phải là năm từ {} đến {}",
     "recognition year '{}' of level '{}' is not a year from {} to {}"},
    {"D0208.cell_no_year", "mức công nhận '{}' chưa có năm: ghi năm vào cột '{}'",
     "recognition level '{}' has no year: write it in column '{}'"},
};

}  // namespace

std::span<const CatalogEntry> catalog_template() { return entries; }

}  // namespace ntm::text
