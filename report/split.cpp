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

bool each_part_by_body(const Report& report, const TakePart& take) {
    std::set<std::string> taken;
    Report part = report;
    part.work.clear();
    part.sections = kWork;
    for (const WorkList& list : report.work) {
        std::string name = slug(list.body);
        if (name.empty()) name = "chua-giao";
        part.work = {list};
        if (!take(unique(std::move(name), taken), part)) return false;
    }
    return true;
}

bool each_part_by_commune(const Report& report, const TakePart& take) {
    std::set<std::string> taken;
    Report part = report;
    part.communes.clear();
    part.sections = kCommunes;
    for (const CommuneSheet& sheet : report.communes) {
        const std::string s = slug(sheet.unit.name);
        part.communes = {sheet};
        if (!take(unique(s.empty() ? slug(sheet.unit.code) : fmt::format("{}-{}", slug(sheet.unit.code), s), taken), part))
            return false;
    }
    return true;
}

namespace {

std::vector<ReportPart> collect(const Report& report, bool (*each)(const Report&, const TakePart&)) {
    std::vector<ReportPart> parts;
    each(report, [&parts](const std::string& name, const Report& part) {
        parts.push_back({name, part});
        return true;
    });
    return parts;
}

}  // namespace

std::vector<ReportPart> split_by_body(const Report& report) { return collect(report, each_part_by_body); }

std::vector<ReportPart> split_by_commune(const Report& report) { return collect(report, each_part_by_commune); }

}  // namespace ntm::report
