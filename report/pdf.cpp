#include "report/pdf.hpp"

#include <fmt/format.h>

namespace ntm::report {

namespace {

bool digits(const std::string& s, std::size_t at, std::size_t n) {
    if (at + n > s.size()) return false;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
    }
    return true;
}

}  // namespace

std::size_t stamp_pdf_dates(std::string& pdf, const FrameDate& date) {
    const std::string stamp = fmt::format("{:04}{:02}{:02}000000", date.year, date.month, date.day);
    std::size_t done = 0;
    for (const std::string key : {"/CreationDate", "/ModDate"}) {
        for (std::size_t at = pdf.find(key); at != std::string::npos; at = pdf.find(key, at + 1)) {
            std::size_t v = at + key.size();
            while (v < pdf.size() && pdf[v] == ' ') ++v;
            if (pdf.compare(v, 3, "(D:") != 0 || !digits(pdf, v + 3, 14)) continue;
            pdf.replace(v + 3, 14, stamp);
            const std::size_t zone = v + 17;  // +HH'mm'
            if (zone + 7 <= pdf.size() && (pdf[zone] == '+' || pdf[zone] == '-') && digits(pdf, zone + 1, 2) &&
                pdf[zone + 3] == '\'' && digits(pdf, zone + 4, 2) && pdf[zone + 6] == '\'') {
                pdf.replace(zone, 7, "+07'00'");
            }
            ++done;
        }
    }
    return done;
}

}  // namespace ntm::report
