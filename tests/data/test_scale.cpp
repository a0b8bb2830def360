// A value at the wrong scale: an income in đồng where the rules ask for triệu đồng (D0210: the
// value is ignored, so that no verdict rests on it, and the figure to write is said).
#include <catch2/catch.hpp>

#include <cmath>

#include "tests/support/support.hpp"

using namespace ntm;
using support::load;
using support::problem_lines;
using support::write_temp;

namespace {

const std::string kHeader = "code,name,type,parent,region,year,hai_long,tỷ_lệ_nghèo,thu_nhap\n";

double value(const engine::Dataset& ds, std::size_t record, const char* column) {
    const engine::Column* c = support::schema().find(engine::EntityKind::xa, column);
    return ds.values[ds.records[record].offset + c->slot];
}

}  // namespace

TEST_CASE("an income in đồng is ignored, with the figure in triệu đồng to write", "[data][scale]") {
    const engine::Dataset ds = load(write_temp("dong.csv", kHeader +
                                                               "20365,Tam Thành,Xã,,DHNTB,2024,,,62500000\n"
                                                               "20368,Tam An,Xã,,DHNTB,2024,,,\"62,5\"\n"));
    const auto lines = problem_lines(ds);
    INFO(Catch::Detail::stringify(lines));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "2 D0210 value thu_nhap: 62500000 triệu đồng/người/năm cannot be an income per person: it is "
                      "likely written in đồng; write 62,5 (triệu đồng); the value is ignored");
    CHECK(std::isnan(value(ds, 0, "thu_nhap")));
    CHECK(value(ds, 1, "thu_nhap") == 62.5);
}
