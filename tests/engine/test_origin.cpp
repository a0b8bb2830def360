// engine::Origin: an entity's or a record's place, its file and sheet named once, says the same
// text::Place as the place it replaced (file, line, sheet; no field, no column).
#include <catch2/catch.hpp>
#include <string>

#include "engine/dataset.hpp"
#include "text/problem.hpp"

using ntm::engine::Origin;

TEST_CASE("origin: converts to the text::Place it stands for") {
    const std::string path = "du-lieu/bac-ninh-2024-tong-hop-cac-xa.csv";  // longer than a short string
    const Origin file(path, 14);
    const ntm::text::Place p = file;
    CHECK(p.file == path);
    CHECK(p.line == 14);
    CHECK(p.field.empty());
    CHECK(p.sheet.empty());
    CHECK(p.column == 0);

    Origin row = file.at(3);
    row.set_sheet("Dữ liệu 2024");
    const ntm::text::Place q = row;
    CHECK(q.file == path);
    CHECK(q.line == 3);
    CHECK(q.sheet == "Dữ liệu 2024");
    CHECK(row.sheet() == "Dữ liệu 2024");
    CHECK(file.sheet().empty());  // its own sheet only

    // One copy of each name, however many places name it.
    CHECK(&Origin(std::string(path), 9).file() == &file.file());
    CHECK(&Origin("other.csv").file() != &file.file());

    const Origin none;
    const ntm::text::Place n = none;
    CHECK(n.file.empty());
    CHECK(n.line == 0);
    CHECK(sizeof(Origin) < sizeof(ntm::text::Place) / 3);
}
