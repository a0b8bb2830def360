// A data file given back with every problem on its cell (`ntm validate --annotate OUT.xlsx`,
// docs/data-format.md "Annotated workbook").
//
// The workbook written holds, first, a summary sheet ("Tổng hợp", "Summary" in English): the
// file, the counts, then one row per problem — sheet, cell (a link to it), field, code, kind,
// message — with an autofilter and its header frozen.  Then every sheet of the input as it was
// (data/source.hpp: text stays text, numbers stay numbers with their number format), its header
// row bold and frozen, and on each cell a problem is about a note (the problems' own words, in
// the language of the run, several joined) and a fill: light red for an error (a value ignored,
// a record rejected), yellow for a warning.  A problem about a whole row goes on the row's code
// cell; one about the file as a whole is in the summary only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "data/source.hpp"
#include "engine/dataset.hpp"
#include "text/problem.hpp"

namespace ntm::report {

// A cell of the input: its sheet (an index into data::Source::sheets), row and column (1-based).
struct CellPlace {
    std::size_t sheet = 0;
    std::uint32_t row = 0;
    std::uint32_t column = 0;
    friend auto operator<=>(const CellPlace&, const CellPlace&) = default;
};

// The cell `problem` is about: the sheet its place names (a CSV file's one sheet), the row of its
// line, and its column — or, for a problem about the whole row, the row's code cell (its first
// cell when no header names the code).  None for a problem about the file (line 0), or one whose
// sheet or row the source does not hold.
std::optional<CellPlace> place_problem(const text::Problem& problem, const data::Source& source);

// Writes the annotated workbook to `path` (a temporary file beside it, renamed into place) and
// returns how many cells have a note.  Throws text::FileError when it cannot be written.
std::size_t write_annotated(const std::string& path, const data::Source& source, const engine::Dataset& data,
                            text::Lang lang);

}  // namespace ntm::report
