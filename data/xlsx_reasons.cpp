// Reasons of libzip and expat, from the catalogue (text/catalog_reasons.cpp): see xlsx_reasons.hpp.
#include "data/xlsx_reasons.hpp"

#include <expat.h>
#include <zip.h>

namespace ntm::data {

text::Message zip_reason(int zip_error_code) {
    switch (zip_error_code) {
        case ZIP_ER_MULTIDISK: return text::say("reason.zip.multidisk");
        case ZIP_ER_SEEK:
        case ZIP_ER_TELL:
        case ZIP_ER_READ: return text::say("reason.zip.read");
        case ZIP_ER_CRC: return text::say("reason.zip.crc");
        case ZIP_ER_NOENT: return text::say("reason.zip.noent");
        case ZIP_ER_OPEN: return text::say("reason.zip.open");
        case ZIP_ER_ZLIB:
        case ZIP_ER_COMPRESSED_DATA: return text::say("reason.zip.compressed_data");
        case ZIP_ER_MEMORY: return text::say("reason.zip.memory");
        case ZIP_ER_COMPNOTSUPP: return text::say("reason.zip.compression");
        case ZIP_ER_EOF: return text::say("reason.zip.eof");
        case ZIP_ER_NOZIP: return text::say("reason.zip.nozip");
        case ZIP_ER_INCONS: return text::say("reason.zip.inconsistent");
        case ZIP_ER_ENCRNOTSUPP:
        case ZIP_ER_NOPASSWD:
        case ZIP_ER_WRONGPASSWD: return text::say("reason.zip.encrypted");
        default: return text::say("reason.zip.other", zip_error_code);
    }
}

text::Message xml_reason(int expat_error_code) {
    switch (static_cast<XML_Error>(expat_error_code)) {
        case XML_ERROR_NO_MEMORY: return text::say("reason.xml.memory");
        case XML_ERROR_SYNTAX: return text::say("reason.xml.syntax");
        case XML_ERROR_NO_ELEMENTS: return text::say("reason.xml.no_elements");
        case XML_ERROR_INVALID_TOKEN: return text::say("reason.xml.invalid_token");
        case XML_ERROR_UNCLOSED_TOKEN: return text::say("reason.xml.unclosed_token");
        case XML_ERROR_PARTIAL_CHAR: return text::say("reason.xml.partial_char");
        case XML_ERROR_TAG_MISMATCH: return text::say("reason.xml.tag_mismatch");
        case XML_ERROR_DUPLICATE_ATTRIBUTE: return text::say("reason.xml.duplicate_attribute");
        case XML_ERROR_JUNK_AFTER_DOC_ELEMENT: return text::say("reason.xml.junk_after");
        case XML_ERROR_UNDEFINED_ENTITY: return text::say("reason.xml.undefined_entity");
        case XML_ERROR_BAD_CHAR_REF: return text::say("reason.xml.bad_char_ref");
        case XML_ERROR_MISPLACED_XML_PI: return text::say("reason.xml.misplaced_pi");
        case XML_ERROR_UNKNOWN_ENCODING:
        case XML_ERROR_INCORRECT_ENCODING: return text::say("reason.xml.encoding");
        case XML_ERROR_UNCLOSED_CDATA_SECTION: return text::say("reason.xml.unclosed_cdata");
        case XML_ERROR_UNBOUND_PREFIX: return text::say("reason.xml.unbound_prefix");
        case XML_ERROR_AMPLIFICATION_LIMIT_BREACH: return text::say("reason.xml.amplification");
        default: return text::say("reason.xml.other", expat_error_code);
    }
}

}  // namespace ntm::data
