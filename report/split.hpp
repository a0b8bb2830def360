// A report cut into parts, one per body in charge or per commune, each for the people who act
// on it (`ntm report --by so|xa`; per district, cmd_report.cpp builds a report of each).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.hpp"

namespace ntm::report {

struct ReportPart {
    std::string name;  // the file name without extension: "so-xay-dung", "20365-xa-tam-an"
    Report report;
};

// `text` in ASCII for a file name: lower case, without diacritics (đ as d), every run of other
// characters one '-', none at either end ("Sở Xây dựng" → "so-xay-dung").  Empty if nothing is left.
std::string slug(std::string_view text);

// Each part in turn, given to `take` (its name, and its report: valid during the call); stops
// at the first `take` that returns false, and returns false then.  One copy of the report is
// made for all the parts, each part's own list swapped into it: a copy per part held every
// commune sheet once per commune.
using TakePart = std::function<bool(const std::string& name, const Report& part)>;

// One part per work list, in the report's order: that body's list only ("chua-giao" for the
// indicators assigned to no body).  Two bodies of the same slug: the second gets "-2", and so on.
bool each_part_by_body(const Report& report, const TakePart& take);
// One part per commune sheet, by code: "CODE-SLUG", that commune's sheet only.
bool each_part_by_commune(const Report& report, const TakePart& take);

// The same parts, collected.
std::vector<ReportPart> split_by_body(const Report& report);
std::vector<ReportPart> split_by_commune(const Report& report);

}  // namespace ntm::report
