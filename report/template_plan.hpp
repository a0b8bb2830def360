// What the data-entry template holds, as data (report/xlsx_template.cpp writes it): one sheet
// per kind of entity the sets in force in a year judge, each with the inputs those sets read
// (and only those: a 2026 template asks nothing of the 2016-2020 sets), and, for a province (or
// a district, on the map before 01/7/2025), its official units pre-filled.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/program.hpp"
#include "text/message.hpp"

namespace ntm::report {

struct TemplateOptions {
    int year = 2026;            // the sets in force this year; the map of this year
    std::string province;       // code: its units pre-filled (and its own sets in force)
    std::string district;       // code, map before 01/7/2025 only: its units alone
    std::optional<engine::EntityKind> kind;  // this kind's sheet alone
};

struct TemplateInput {
    const engine::Column* column = nullptr;
    std::string title;   // the indicator's title in the set in force, or the field's
    std::string header;  // data::input_header
};

struct TemplateUnit {
    std::string code, name, type, parent;
    std::string region;  // a province's, from the official list (its units inherit it)
};

struct TemplateSheet {
    engine::EntityKind kind = engine::EntityKind::xa;
    std::string name;  // "Xã", "Thôn", "Huyện", "Tỉnh"
    std::vector<TemplateInput> inputs;
    std::vector<TemplateUnit> units;  // pre-filled rows
    std::vector<std::string> levels;  // the kind's levels in words (data::level_word), lowest first
};

struct TemplatePlan {
    int year = 0;
    std::vector<TemplateSheet> sheets;  // xã first, then thôn, huyện, tỉnh
    std::vector<std::string> sets;      // the names of the sets in force
    text::Message error;                // non-empty: an unknown province or district
};

TemplatePlan plan_template(const engine::Program& program, const TemplateOptions& options);

}  // namespace ntm::report
