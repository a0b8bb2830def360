// What a test does not say (generate/edge.hpp): measured inputs at the edge of passing or of
// failing, or missing; attributes `no` or the smallest value; categories placed as asked.
#include <catch2/catch.hpp>

#include "generate/edge.hpp"
#include "tests/support/ruletest_world.hpp"

using namespace ruletest_test;
using ntm::engine::kNone;
using ntm::gen::Edge;

namespace {

// One commune of `region` (none: on the map of two tiers) with one record of `year`, the
// inputs `given` set; the rest filled as `edge` says.
struct Filled {
    Filled(const ntm::engine::Program& p, int year, std::optional<ntm::engine::Region> region, Edge edge,
           const std::map<std::string, double>& given = {}, int pass_up_to = -1,
           std::vector<std::uint32_t> categories = {})
        : program(p) {
        ntm::engine::Entity e = support::unit("KT", ntm::engine::EntityKind::xa);
        e.region = region;
        support::add_entity(data, p.schema, e, year, given);
        ntm::gen::EdgeRequest req;
        req.edge = edge;
        req.pass_up_to = pass_up_to;
        req.given.assign(p.schema.slots(ntm::engine::EntityKind::xa), 0);
        for (const auto& [name, v] : given) req.given[p.schema.find(ntm::engine::EntityKind::xa, name)->slot] = 1;
        req.categories = categories.empty() ? std::vector<std::uint32_t>(p.categories.size(), kNone) : categories;
        const ntm::gen::EdgeValues edge_values(p);
        unplaced = edge_values.fill(data, {req}).front();
    }
    double operator[](const std::string& column) const {
        const ntm::engine::Column* c = program.schema.find(ntm::engine::EntityKind::xa, column);
        REQUIRE(c != nullptr);
        return data.values[data.records[0].offset + c->slot];
    }

    const ntm::engine::Program& program;
    ntm::engine::Dataset data;
    std::uint32_t unplaced = kNone;
};

}  // namespace

TEST_CASE("others pass: every measured input at the threshold, the strictest of the levels", "[ruletest][defaults]") {
    World w;
    const Filled f(w.program, 2024, ntm::engine::Region::DBSH, Edge::pass);
    CHECK(f["1.1"] == 1);   // yes
    CHECK(f["2.1"] == 100);  // DBSH's threshold
    CHECK(f["9.1"] == 0);    // = 0
    CHECK(f["10"] == 50);    // 45 for đạt chuẩn, 50 for nâng cao: the strictest
    CHECK(f["11"] == 8);     // <= 8: so_truong is an attribute, 0, so the `else` case
    CHECK(f["hai_long"] == 90);  // the gates, at their edge
    CHECK(f["no_dong"] == 0);
    CHECK(f["nc"] == 1);
    CHECK(f["ty_le"] >= 80);  // a computed indicator: its inputs drawn until it passes
    CHECK(f["km_cung"] <= f["km"]);
    CHECK(f["xa_dbkk"] == 0);  // attributes: no, the smallest value
    CHECK(f["co_lang_nghe"] == 0);
    CHECK(f["so_truong"] == 0);
    CHECK(f.unplaced == kNone);
}

TEST_CASE("others pass LEVEL: the levels above it fail where they can", "[ruletest][defaults]") {
    World w;
    const Filled f(w.program, 2024, ntm::engine::Region::DBSH, Edge::pass, {}, 0);
    CHECK(f["10"] >= 45);  // passes đạt chuẩn
    CHECK(f["10"] < 50);   // fails nâng cao
    CHECK(f["nc"] == 0);
    CHECK(f["1.1"] == 1);
}

TEST_CASE("others fail: every measured input just past the threshold of the first level reading it", "[ruletest][defaults]") {
    World w;
    const Filled f(w.program, 2024, ntm::engine::Region::DBSH, Edge::fail);
    CHECK(f["1.1"] == 0);
    CHECK(f["2.1"] == 99);  // a percentage: one point short
    CHECK(f["9.1"] == 1);   // a count: one too many
    CHECK(f["10"] < 45);
    CHECK(f["10"] > 43);    // 3 % short of the threshold
    CHECK(f["11"] == 9);    // a ceiling: one point above
    CHECK(f["hai_long"] == 89);
    CHECK(f["no_dong"] == 1);
    CHECK(f["ty_le"] < 80);
}

TEST_CASE("others missing: measured inputs stay missing, attributes take their defaults", "[ruletest][defaults]") {
    World w;
    const Filled f(w.program, 2024, ntm::engine::Region::DBSH, Edge::none, {{"2.1", 75}});
    CHECK(f["2.1"] == 75);
    CHECK(std::isnan(f["1.1"]));
    CHECK(std::isnan(f["10"]));
    CHECK(std::isnan(f["hai_long"]));
    CHECK(f["xa_dbkk"] == 0);
}

TEST_CASE("values a test gives are kept, whatever the others", "[ruletest][defaults]") {
    World w;
    const Filled f(w.program, 2024, ntm::engine::Region::DBSH, Edge::pass,
                   {{"2.1", 75}, {"hai_long", 50}, {"km", 10}, {"xa_dbkk", 1}});
    CHECK(f["2.1"] == 75);
    CHECK(f["hai_long"] == 50);
    CHECK(f["km"] == 10);
    CHECK(f["xa_dbkk"] == 1);
    CHECK(f["ty_le"] >= 80);  // the other input of 2.2 drawn around the one given
    CHECK(f["2.1"] == 75);
}

TEST_CASE("categories: the `otherwise` member by default, the member asked, or an error", "[ruletest][defaults]") {
    World w;
    const Filled plain(w.program, 2026, std::nullopt, Edge::pass);
    CHECK(plain["giap_do_thi"] == 0);
    CHECK(plain["ty_trong"] == 10);  // the smallest value that keeps `ty_trong < 10%` false
    CHECK(plain["khu_vuc"] < 2);
    CHECK(plain["thu_nhap"] == 60);  // nhom_2's threshold
    const Filled third(w.program, 2026, std::nullopt, Edge::pass, {}, -1, {1});
    CHECK(third["khu_vuc"] == 2);
    CHECK(third["thu_nhap"] == 50);
    // Given values decide the member: the default follows them, and the attributes not given
    // make no condition hold (khu_vuc 2 is nhom_3, not nhom_1 through giap_do_thi).
    const Filled first(w.program, 2026, std::nullopt, Edge::pass, {{"giap_do_thi", 1}});
    CHECK(first.unplaced == kNone);
    CHECK(first["thu_nhap"] == 70);
    const Filled area(w.program, 2026, std::nullopt, Edge::pass, {{"khu_vuc", 3}});
    CHECK(area["giap_do_thi"] == 0);
    CHECK(area["ty_trong"] >= 10);
    CHECK(area["thu_nhap"] == 50);
    // ... and a member they rule out cannot be asked for.
    const Filled ruled_out(w.program, 2026, std::nullopt, Edge::pass, {{"giap_do_thi", 1}}, -1, {1});
    CHECK(ruled_out.unplaced == 0);
    // A condition the values given leave unknown stays so: the category is not decided.
    const Filled undecided(w.program, 2026, std::nullopt, Edge::pass, {{"ty_trong", ntm::engine::kUnknown}});
    CHECK(undecided["giap_do_thi"] == 0);
}

TEST_CASE("the bundled rules: QĐ 318 thresholds of the region", "[ruletest][defaults]") {
    const support::CompiledRules r = support::compile_rules(NTM_SOURCE_DIR "/rules");
    const Filled f(r.program, 2024, ntm::engine::Region::TDMNPB, Edge::pass);
    CHECK(f["2.2"] == 50);
    CHECK(f["11"] == 12);
    CHECK(f["15.3"] == 24);
    CHECK(f["9.1"] == 0);
    CHECK(f["10"] == Approx(56.65));  // kiểu mẫu's, the strictest of the three levels
    const Filled standard(r.program, 2024, ntm::engine::Region::TDMNPB, Edge::pass, {}, 0);
    CHECK(standard["10"] >= 46.8);
    CHECK(standard["10"] < 51.48);
}
