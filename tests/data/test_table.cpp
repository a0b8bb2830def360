// The row pipeline shared by CSV and worksheets (data/table.hpp), on a row of its own making.
#include <catch2/catch.hpp>

#include "data/table.hpp"
#include "tests/support/support.hpp"
#include "text/problem.hpp"

namespace {

// A sparse row: cells only where given, like a worksheet row; counts what the pipeline reads.
struct SparseRow {
    std::vector<std::pair<std::size_t, std::string>> cells;  // (index, text), in order
    mutable std::size_t reads = 0;

    std::size_t size() const { return cells.empty() ? 0 : cells.back().first + 1; }
    std::size_t next_cell(std::size_t i) const {
        for (const auto& c : cells) {
            if (c.first >= i) return c.first;
        }
        return size();
    }
    std::string_view cell(std::size_t i) const {
        ++reads;
        for (const auto& c : cells) {
            if (c.first == i) return c.second;
        }
        return {};
    }
    static std::string column_name(std::size_t i) { return ntm::text::column_letters(static_cast<std::uint32_t>(i + 1)); }
};

}  // namespace

TEST_CASE("table: a row's ignored cells cost the cells it holds, not its last column", "[table]") {
    ntm::data::LoadOptions options;
    ntm::data::Builder b("d.xlsx", support::schema(), options, ntm::data::Granularity::per_record);
    ntm::data::TableHeader h;
    h.width = 5;
    h.unnamed = {2};  // column C has no header
    std::vector<bool> warned(h.unnamed.size(), false);
    // Values in C (under no header) and in XFD, Excel's last column.
    SparseRow row{{{0, "20368"}, {2, "7"}, {16383, "1"}}};
    ntm::data::warn_ignored_cells(row, b, h, 2, warned);
    CHECK(row.reads <= 4);  // not one per column up to XFD
    const ntm::engine::Dataset ds = b.finish();
    REQUIRE(ds.problems.size() == 2);
    CHECK(ds.problems[0].code == "D0004");
    CHECK(ds.problems[0].message.en() == "row has 16384 cells but the header has 5; the cells after column E are ignored");
    CHECK(ds.problems[1].code == "D0001");
    CHECK(ds.problems[1].message.en() == "column C has no header; its values are ignored");
    CHECK(warned[0]);
}
