// The catalogue's part for the file-format readers (text/message.hpp): why a data file cannot be
// read — CSV, JSON and workbook syntax, a header without its columns, the choice of reader.
#include "text/catalog.hpp"

namespace ntm::text {

namespace {

constexpr CatalogEntry entries[] = {
    // CSV files.
    {"csv.empty", "tệp trống: không có dòng tiêu đề", "empty file: no header line"},
    {"csv.error", "dòng {}: {}: {}", "line {}: {}: {}"},
    {"csv.unclosed_quote", "ô trong ngoặc kép chưa được đóng trước khi hết tệp",
     "quoted cell not closed before the end of the file"},
    {"csv.unclosed_quote.detail", "dấu '\"' trước '{}' mở ô này nhưng không có dấu '\"' nào đóng lại",
     "the '\"' before '{}' opens it, and no '\"' closes it"},
    // Headers of tables (CSV files and worksheets).
    {"header.no_code", "{}: tiêu đề không có cột 'code' (mã)", "{}: the header has no 'code' (mã) column"},
    {"header.no_type", "{}: tiêu đề không có cột 'type' (loại) hay 'kind' (cấp)",
     "{}: the header has no 'type' (loại) or 'kind' (cấp) column"},
    {"header.no_year", "{}: tiêu đề không có cột 'year' (năm)", "{}: the header has no 'year' (năm) column"},
    // JSON syntax: what was expected, what was found, where.
    {"json.bad_escape",
     "{} trong chuỗi {} không phải mã thoát của JSON (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX với bốn chữ số thập lục phân)",
     "{} in the string {} is not an escape of JSON (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX with four hex digits)"},
    {"json.empty", "tệp trống: cần {}", "empty file: expected {}"},
    {"json.expected_colon", "cần ':' sau khóa {}, nhưng gặp {}", "expected ':' after the key {}, found {}"},
    {"json.expected_comma", "cần ',' hoặc '{}' sau giá trị, nhưng gặp {}{}", "expected ',' or '{}' after the value, found {}{}"},
    {"json.expected_end", "cần kết thúc tệp sau dấu '}}' đóng dữ liệu, nhưng gặp {}",
     "expected the end of the file after the data's closing '}}', found {}"},
    {"json.expected_key", "cần một khóa trong ngoặc kép{}, nhưng gặp {}", "expected a key in double quotes{}, found {}"},
    {"json.expected_value", "cần {} sau {}, nhưng gặp {}", "expected {} after {}, found {}"},
    {"json.located", "dòng {}, cột {}: {}", "line {}, column {}: {}"},
    {"json.lone_half",
     "{} trong chuỗi {} là một nửa của một cặp (\\uD800 đến \\uDBFF, rồi \\uDC00 đến \\uDFFF) nhưng thiếu nửa còn lại",
     "{} in the string {} is half of a pair (\\uD800 to \\uDBFF, then \\uDC00 to \\uDFFF) without its other half"},
    {"json.lower_case", "; JSON viết true, false và null bằng chữ thường", "; JSON writes true, false and null in lower case"},
    {"json.missing_comma", "; có thể thiếu dấu ',' ở trước", "; a ',' may be missing before it"},
    {"json.no_comments", "; JSON không có chú thích", "; JSON has no comments"},
    {"json.not_a_number", "{} không phải là số", "{} is not a number"},
    {"json.not_json", "đây không phải JSON", "this is not JSON"},
    {"json.not_ntm_data", "không phải tệp ntm-data: cần {}, nhưng gặp {}", "not an ntm-data file: expected {}, found {}"},
    {"json.ntm_object", "một đối tượng có \"format\": \"ntm-data\"", "an object with \"format\": \"ntm-data\""},
    {"json.or_close", " hoặc '}}'", " or '}}'"},
    {"json.single_quotes", "; chuỗi JSON phải đặt trong ngoặc kép", "; JSON strings are in double quotes"},
    {"json.string_control", "chuỗi {} có {} (U+{:04X}): hãy viết ký tự này dưới dạng mã thoát (\\u{:04X})",
     "the string {} holds {} (U+{:04X}): write it as an escape (\\u{:04X})"},
    {"json.string_not_utf8", "chuỗi {} có {}, không phải UTF-8 hợp lệ", "the string {} holds {}, which is not UTF-8"},
    {"json.string_unclosed", "chuỗi {} chưa được đóng trước khi hết tệp", "the string {} is not closed before the end of the file"},
    {"json.string_unclosed_line", "chuỗi {} chưa được đóng trên dòng của nó: thiếu một dấu '\"'",
     "the string {} is not closed on its line: a '\"' is missing"},
    {"json.too_deep", "đối tượng và mảng lồng nhau sâu quá {} mức", "objects and arrays nested deeper than {}"},
    {"json.too_large", "số {} quá lớn", "number {} is too large"},
    {"json.trailing_comma", "gặp '{}' sau ',': JSON không cho phép dấu phẩy sau mục cuối cùng",
     "found '{}' after ',': JSON allows no comma after the last entry"},
    {"json.unclosed", "tệp kết thúc trước khi {} mở ở dòng {} được đóng: thiếu một dấu '{}'",
     "the file ends before the {} opened on line {} is closed: a '{}' is missing"},
    {"json.value_kinds", "một giá trị (một số, một chuỗi trong ngoặc kép, true, false hoặc null)",
     "a value (a number, a string in double quotes, true, false or null)"},
    // JSON data files: the file's own keys.
    {"json.entities_array", "dòng {}: \"entities\" phải là một mảng, nhưng nhận được {}", "line {}: \"entities\" must be an array, got {}"},
    {"json.format_value", "dòng {}: không phải tệp ntm-data: \"format\" là {}, cần \"ntm-data\"",
     "line {}: not an ntm-data file: \"format\" is {}, expected \"ntm-data\""},
    {"json.no_format", "không phải tệp ntm-data: không có \"format\": \"ntm-data\"", "not an ntm-data file: no \"format\": \"ntm-data\""},
    {"json.not_ntm_object", "không phải tệp ntm-data: cần một đối tượng có \"format\": \"ntm-data\"",
     "not an ntm-data file: expected an object with \"format\": \"ntm-data\""},
    {"json.version", "dòng {}: không hỗ trợ phiên bản {}: ntm này đọc phiên bản 1", "line {}: unsupported version {}: this ntm reads version 1"},
    // Choosing the reader of a data file.
    {"load.cannot_read", "không đọc được tệp", "cannot read file"},
    {"load.no_extension", "tệp không có phần mở rộng: đặt tên tệp là .csv, .xlsx hoặc .json",
     "no file extension: name the file .csv, .xlsx or .json"},
    {"load.sheet_not_xlsx", "--sheet '{}' chỉ dùng cho tệp Excel (.xlsx); tệp {} không có trang tính",
     "--sheet '{}' is for Excel workbooks (.xlsx); {} has no sheets"},
    {"load.unknown_format", "định dạng dữ liệu '{}' không được hỗ trợ: lưu dữ liệu dưới dạng .xlsx, .csv (UTF-8) hoặc .json",
     "unknown data format '{}': save the data as .xlsx, .csv (UTF-8) or .json"},
    {"load.xls", "không đọc tệp Excel 97-2003 (.xls): hãy lưu tệp dưới dạng .xlsx (Excel Workbook) hoặc .csv (CSV UTF-8)",
     "Excel 97-2003 workbooks (.xls) are not read: save the workbook as .xlsx (Excel Workbook) or as .csv (CSV UTF-8)"},
    // Where in a table.
    {"place.line", "dòng {}", "line {}"},
    {"place.sheet_row", "trang tính '{}', dòng {}", "sheet '{}', row {}"},
    // Excel workbooks.
    {"xlsx.bad_cell", "tham chiếu ô '{}' không phải là ô nào của dòng {}", "cell reference '{}' is no cell of row {}"},
    {"xlsx.bad_number", "ô {} chứa '{}', không phải là số", "cell {} holds '{}', which is no number"},
    {"xlsx.bad_row", "số dòng '{}' không phải là dòng nào", "row number '{}' is no row"},
    {"xlsx.bad_shared_string", "ô {} tham chiếu đến chuỗi dùng chung '{}' trong số {} chuỗi",
     "cell {} refers to shared string '{}' of {}"},
    {"xlsx.cannot_open", "không mở được tệp", "cannot open file"},
    {"xlsx.cell_after_last", "một ô nằm sau cột cuối cùng", "a cell after the last column"},
    {"xlsx.cell_outside_row", "một ô nằm ngoài mọi dòng", "a cell outside any row"},
    {"xlsx.cell_twice", "ô {}{} xuất hiện hai lần", "cell {}{} is given twice"},
    {"xlsx.damaged", "tệp Excel bị hỏng ({}){}", "damaged Excel workbook ({}){}"},
    {"xlsx.damaged_sheet", "tệp Excel bị hỏng: trang tính '{}': {}{}", "damaged Excel workbook: sheet '{}': {}{}"},
    {"xlsx.doctype", "tệp Excel bị hỏng: có khai báo kiểu tài liệu (<!DOCTYPE>) trong {} ({}), điều không tệp Excel nào có{}",
     "damaged Excel workbook: a document type declaration (<!DOCTYPE>) in {} ({}), which no workbook has{}"},
    {"xlsx.encrypted",
     "tệp Excel được mã hóa: chỉ mở được bằng mật khẩu; trong Excel, hãy gỡ mật khẩu (File > Info > Protect Workbook > "
     "Encrypt with Password) rồi lưu lại",
     "the workbook is encrypted: it opens only with its password; in Excel, remove the password (File > Info > "
     "Protect Workbook > Encrypt with Password) and save it again"},
    {"xlsx.legacy",
     "không phải tệp Excel .xlsx: đây là tệp Excel 97-2003 (.xls) hoặc một tệp Office cũ khác, không phải tệp nén zip "
     "như mọi tệp .xlsx{}",
     "not an Excel workbook: the file is an Excel 97-2003 workbook (.xls) or another older Office file, not a zip "
     "archive as every .xlsx file is{}"},
    {"xlsx.no_sheet", "tệp Excel không có trang tính nào", "the workbook has no sheet"},
    {"xlsx.no_such_sheet", "không có trang tính '{}' trong tệp Excel (các trang tính: {}){}",
     "no sheet '{}' in the workbook (its sheets: {}){}"},
    {"xlsx.no_workbook_part", "không phải tệp Excel .xlsx: tệp nén không có {}{}", "not an Excel workbook: the archive has no {}{}"},
    {"xlsx.not_worksheet", "trang tính '{}' không phải là trang dữ liệu (mà là biểu đồ hoặc hộp thoại)",
     "sheet '{}' is not a worksheet (a chart or a dialog)"},
    {"xlsx.not_xml", "tệp Excel bị hỏng: {} không phải XML hợp lệ ({} dòng {}: {}){}",
     "damaged Excel workbook: {} is not valid XML ({} line {}: {}){}"},
    {"xlsx.not_zip", "không phải tệp Excel .xlsx: tệp không phải tệp nén zip như mọi tệp .xlsx{}",
     "not an Excel workbook: the file is not a zip archive, as every .xlsx file is{}"},
    {"xlsx.out_of_memory", "không đủ bộ nhớ", "out of memory"},
    {"xlsx.part.relationships", "các liên kết của {}", "the relationships of {}"},
    {"xlsx.part.sheet", "trang tính '{}'", "sheet '{}'"},
    {"xlsx.part.sheets", "danh sách trang tính", "the list of sheets"},
    {"xlsx.part.strings", "các chuỗi dùng chung", "the shared strings"},
    {"xlsx.part.styles", "các kiểu định dạng", "the styles"},
    {"xlsx.part_missing", "tệp Excel bị hỏng: thiếu {} ({}){}", "damaged Excel workbook: {} ({}) is missing{}"},
    {"xlsx.part_unreadable", "tệp Excel bị hỏng: không đọc được {} ({}) ({}){}",
     "damaged Excel workbook: {} ({}) cannot be read ({}){}"},
    {"xlsx.resave", "; hãy mở tệp trong Excel và lưu lại dưới dạng Excel Workbook (.xlsx)",
     "; open it in Excel and save it again as Excel Workbook (.xlsx)"},
    {"xlsx.row_after_last", "một dòng nằm sau dòng cuối cùng", "a row after the last row"},
    {"xlsx.sheet_empty", "trang tính '{}' trống: không có dòng tiêu đề", "sheet '{}' is empty: no header row"},
    {"xlsx.sheet_no_part", "tệp Excel bị hỏng: trang tính '{}' không có phần dữ liệu{}", "damaged Excel workbook: sheet '{}' has no part{}"},
};

}  // namespace

std::span<const CatalogEntry> catalog_data_read() { return entries; }

}  // namespace ntm::text
