#include "report/split.hpp"

#include <set>

#include <fmt/format.h>

#include "text/utf8.hpp"

namespace ntm::report {

std::string slug(std::string_view text) {
    std::string out;
    for (const char c : text::fold_unaccented(text)) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) {
            out += c;
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    if (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

namespace {

// `name`, or "name-2", "name-3"… when already taken.
std::string unique(std::string name, std::set<std::string>& taken) {
    std::string candidate = name;
    for (int n = 2; !taken.insert(candidate).second; ++n) candidate = fmt::format("{}-{}", name, n);
    return candidate;
}

}  // namespace

std::vector<ReportPart> split_by_body(const Report& report) {
    std::vector<ReportPart> parts;
    std::set<std::string> taken;
    for (const WorkList& list : report.work) {
        std::string name = slug(list.body);
        if (name.empty()) name = "chua-giao";
        ReportPart part;
        part.name = unique(std::move(name), taken);
        part.report = report;
        part.report.work = {list};
        part.report.sections = kWork;
        parts.push_back(std::move(part));
    }
    return parts;
}

std::vector<ReportPart> split_by_commune(const Report& report) {
    std::vector<ReportPart> parts;
    std::set<std::string> taken;
    for (const CommuneSheet& sheet : report.communes) {
        const std::string s = slug(sheet.unit.name);
        ReportPart part;
        part.name = unique(s.empty() ? slug(sheet.unit.code) : fmt::format("{}-{}", slug(sheet.unit.code), s), taken);
        part.report = report;
        part.report.communes = {sheet};
        part.report.sections = kCommunes;
        parts.push_back(std::move(part));
    }
    return parts;
}

}  // namespace ntm::report
