// The catalogue's part for the reasons libraries give (text/message.hpp): why libzip could not
// unpack a workbook, why expat could not read one of its XML parts.  Their own texts are English.
#include "text/catalog.hpp"

namespace ntm::text {

namespace {

constexpr CatalogEntry entries[] = {
    // libzip (data/xlsx_reasons.cpp).
    {"reason.zip.multidisk", "tệp nén chia thành nhiều phần", "the archive is split over several parts"},
    {"reason.zip.read", "không đọc được nội dung tệp", "the file cannot be read"},
    {"reason.zip.crc", "sai mã kiểm tra CRC: nội dung đã bị thay đổi hoặc hỏng", "CRC error: the content is altered or damaged"},
    {"reason.zip.noent", "không có phần này trong tệp", "no such part in the file"},
    {"reason.zip.open", "không mở được tệp", "the file cannot be opened"},
    {"reason.zip.compressed_data", "dữ liệu nén bị hỏng", "the compressed data is damaged"},
    {"reason.zip.memory", "không đủ bộ nhớ", "not enough memory"},
    {"reason.zip.compression", "kiểu nén không được hỗ trợ", "compression method not supported"},
    {"reason.zip.eof", "tệp bị cắt cụt (hết tệp trước khi hết dữ liệu)", "the file is cut short (it ends before its data)"},
    {"reason.zip.nozip", "không phải tệp nén zip", "not a zip archive"},
    {"reason.zip.inconsistent", "cấu trúc tệp nén không nhất quán", "the archive's structure is inconsistent"},
    {"reason.zip.encrypted", "tệp nén được mã hóa", "the archive is encrypted"},
    {"reason.zip.other", "lỗi giải nén (mã {} của libzip)", "unpacking error (libzip code {})"},
    // expat (data/xlsx_archive.cpp).
    {"reason.xml.memory", "không đủ bộ nhớ", "not enough memory"},
    {"reason.xml.syntax", "sai cú pháp", "syntax error"},
    {"reason.xml.no_elements", "không có phần tử nào", "no element found"},
    {"reason.xml.invalid_token", "có ký tự hoặc thẻ không hợp lệ", "not well-formed (invalid token)"},
    {"reason.xml.unclosed_token", "có thẻ chưa đóng", "unclosed token"},
    {"reason.xml.partial_char", "có ký tự bị cắt dở", "partial character"},
    {"reason.xml.tag_mismatch", "thẻ đóng không khớp thẻ mở", "mismatched tag"},
    {"reason.xml.duplicate_attribute", "một thuộc tính được ghi hai lần", "duplicate attribute"},
    {"reason.xml.junk_after", "có nội dung thừa sau phần tử gốc", "junk after document element"},
    {"reason.xml.undefined_entity", "có thực thể chưa được định nghĩa", "undefined entity"},
    {"reason.xml.bad_char_ref", "có mã ký tự không hợp lệ", "reference to invalid character number"},
    {"reason.xml.misplaced_pi", "khai báo XML đặt sai chỗ", "XML or text declaration not at start of entity"},
    {"reason.xml.encoding", "bảng mã không được hỗ trợ hoặc không đúng", "unknown or incorrect encoding"},
    {"reason.xml.unclosed_cdata", "có đoạn CDATA chưa đóng", "unclosed CDATA section"},
    {"reason.xml.unbound_prefix", "có tiền tố không gắn với không gian tên nào", "unbound prefix"},
    {"reason.xml.amplification", "thực thể nở quá lớn (có thể là tệp độc hại)",
     "entity expansion too large (possibly a malicious file)"},
    {"reason.xml.other", "lỗi XML (mã {} của expat)", "XML error (expat code {})"},
};

}  // namespace

std::span<const CatalogEntry> catalog_reasons() { return entries; }

}  // namespace ntm::text
