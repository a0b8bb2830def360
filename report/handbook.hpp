// The criteria handbook (`ntm doc`): the compiled rules laid out as a document an office prints
// in place of retyping the decisions — each criteria set with its decision, years, kind,
// locality and base; each criterion and indicator with its unit and thresholds as the decisions
// print them (a table by region, by a category such as the commune groups, and by year where
// they vary; one line where constant; `when` cases in words with their conditions), its
// citation and the body in charge; the levels with their gates, the revocation rules and the
// categories.  Every `unconfirmed` mark of the rules is flagged ⚠ with its reason.
//
// Nothing is judged: the document reads the Program only (and the official lists of units for
// the names of localities).  Same rules, same bytes: sets in a fixed order (by kind, by period,
// national sets before those of a locality, by the level they serve), everything else in rule
// order.  md and html render the one document (doc.hpp).
#pragma once

#include <cstdint>
#include <string>

#include "report/doc.hpp"

namespace ntm::report {

struct HandbookOptions {
    // One set (Program::sets index), with the levels and revocation rules that use it and the
    // categories its thresholds are tabled by; kNone: every set, level, rule and category.
    std::uint32_t set = kNone;
};

Doc handbook_document(const Program& program, Lang lang, const HandbookOptions& options = {});

// The handbook as Markdown, and as one self-contained HTML page for A4 (headings kept with what
// follows them, table headers repeated on each page, long text wrapped).
std::string render_handbook_md(const Program& program, Lang lang, const HandbookOptions& options = {});
std::string render_handbook_html(const Program& program, Lang lang, const HandbookOptions& options = {});

// "Tỉnh Quảng Nam (mã 49)": a locality's official name and code, from the official lists of
// units (the map before 01/7/2025 first, then today's); "địa bàn mã 49" when neither has it.
std::string locality_title(const std::string& code, Lang lang);

}  // namespace ntm::report
