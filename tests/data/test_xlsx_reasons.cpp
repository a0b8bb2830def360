// Reasons of libzip and expat are said in the words of the run, never in the libraries' English.
#include <catch2/catch.hpp>
#include <expat.h>
#include <zip.h>

#include <string>

#include "data/xlsx_reasons.hpp"

using ntm::data::xml_reason;
using ntm::data::zip_reason;

TEST_CASE("every libzip error a read can meet has a Vietnamese reason", "[data][xlsx]") {
    for (const int code : {ZIP_ER_MULTIDISK, ZIP_ER_SEEK, ZIP_ER_READ, ZIP_ER_CRC, ZIP_ER_NOENT,
                           ZIP_ER_OPEN, ZIP_ER_ZLIB, ZIP_ER_MEMORY, ZIP_ER_COMPNOTSUPP, ZIP_ER_EOF,
                           ZIP_ER_NOZIP, ZIP_ER_INCONS, ZIP_ER_ENCRNOTSUPP, ZIP_ER_WRONGPASSWD,
                           ZIP_ER_TELL, ZIP_ER_COMPRESSED_DATA, ZIP_ER_INTERNAL}) {
        zip_error_t e;
        zip_error_init_with_code(&e, code);
        const std::string library = zip_error_strerror(&e);
        zip_error_fini(&e);
        const auto reason = zip_reason(code);
        INFO("libzip " << code << ": " << library);
        CHECK(reason.vi() != library);
        CHECK(reason.vi() != reason.en());
        CHECK(reason.vi().find("reason.") == std::string::npos);  // a key not in the catalogue
    }
    CHECK(zip_reason(ZIP_ER_CRC).vi() == "sai mã kiểm tra CRC: nội dung đã bị thay đổi hoặc hỏng");
    CHECK(zip_reason(ZIP_ER_INTERNAL).vi() == "lỗi giải nén (mã 20 của libzip)");
}

TEST_CASE("every expat error has a Vietnamese reason", "[data][xlsx]") {
    for (int code = 1; code <= XML_ERROR_AMPLIFICATION_LIMIT_BREACH; ++code) {
        const std::string library = XML_ErrorString(static_cast<XML_Error>(code));
        const auto reason = xml_reason(code);
        INFO("expat " << code << ": " << library);
        CHECK(reason.vi() != library);
        CHECK(reason.vi().find("reason.") == std::string::npos);
    }
    CHECK(xml_reason(XML_ERROR_TAG_MISMATCH).vi() == "thẻ đóng không khớp thẻ mở");
    CHECK(xml_reason(XML_ERROR_TAG_MISMATCH).en() == "mismatched tag");
}
