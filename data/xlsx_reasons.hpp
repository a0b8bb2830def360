// Why libzip or expat could not read a workbook, in the words of the run: the libraries' own
// texts are English, and a damaged-workbook message must be whole in Vietnamese (or English).
#pragma once

#include "text/message.hpp"

namespace ntm::data {

// The reason of a libzip error code (ZIP_ER_*): "sai mã kiểm tra CRC", "CRC error".
text::Message zip_reason(int zip_error_code);

// The reason of an expat error code (XML_Error): "thẻ đóng không khớp", "mismatched tag".
text::Message xml_reason(int expat_error_code);

}  // namespace ntm::data
