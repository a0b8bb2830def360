// ntm generate on the map of two tiers (since 01/7/2025): provinces and communes, no districts,
// each commune with the region it came from; years with no criteria set in force; and the sizes
// that weigh a commune (households, people, area, roads), drawn without disturbing the rest.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "data/units.hpp"
#include "generate/generate.hpp"
#include "tests/support/generate_world.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::engine;
using namespace ntm::data;
using namespace ntm::gen;
using gen_test::World;

namespace {

Generated run_with(const support::CompiledRules& rules, const AdminUnits& units, const GenerateOptions& options) {
    std::vector<text::Problem> problems;
    Generated g = generate(rules.program, units, {}, options, problems);
    INFO(text::render(problems, ntm::text::Lang::en));
    REQUIRE(problems.empty());
    return g;
}

double value_of(const Program& p, const Dataset& d, const Record& rec, const std::string& column) {
    const Column* c = p.schema.find(d.entities[rec.entity].kind, column);
    REQUIRE(c != nullptr);
    return d.values[rec.offset + c->slot];
}

}  // namespace

TEST_CASE("generate: the map of two tiers has provinces and communes, each with its own region", "[generate]") {
    World w;
    const AdminUnits& now = official_units(AdminMap::two_tier);
    w.options.provinces = {"48"};
    w.options.from = w.options.to = 2024;
    const Generated g = run_with(w, now, w.options);
    std::size_t communes = 0, provinces = 0;
    for (const Entity& e : g.data.entities) {
        CHECK(e.map == AdminMap::two_tier);
        CHECK(e.kind != EntityKind::huyen);
        if (e.kind == EntityKind::tinh) {
            ++provinces;
            CHECK(e.code == "48");
            CHECK(e.name == "Đà Nẵng");
        }
        if (e.kind == EntityKind::xa) {
            ++communes;
            REQUIRE(e.parent != kNone);
            CHECK(g.data.entities[e.parent].code == "48");
            CHECK(e.region == Region::DHNTB);
        }
    }
    CHECK(provinces == 1);
    CHECK(communes == 94);
    // Tây Hồ, made of Phú Ninh's communes, is judged as a xã with values.
    const std::uint32_t tay_ho = g.data.find("20380");
    REQUIRE(tay_ho != kNone);
    CHECK(g.data.entities[tay_ho].judged);

    // Gia Lai took in Bình Định: each commune keeps the region it came from.
    w.options.provinces = {"52"};
    const Generated gia_lai = run_with(w, now, w.options);
    bool tn = false, dhntb = false;
    for (const Entity& e : gia_lai.data.entities) {
        if (e.kind != EntityKind::xa) continue;
        tn = tn || e.region == Region::TN;
        dhntb = dhntb || e.region == Region::DHNTB;
    }
    CHECK((tn && dhntb));

    // No district on this map.
    w.options.provinces = {};
    w.options.districts = {"518"};
    std::vector<text::Problem> problems;
    generate(w.program, now, {}, w.options, problems);
    REQUIRE(problems.size() == 1);
    CHECK(text::render(problems[0], ntm::text::Lang::en) ==
          "units/vn-admin-units-2025.csv: error: field '--district': no district has code '518': the map of this "
          "list has no districts (two tiers, since 01/7/2025)\n");
}

TEST_CASE("generate: a year with no set in force is drawn against the latest set before it", "[generate]") {
    World w;  // its sets are valid 2022..2024
    w.options.provinces = {"48"};
    w.options.from = w.options.to = 2026;
    const Generated g = run_with(w, official_units(AdminMap::two_tier), w.options);
    const Column* c = w.program.schema.find(EntityKind::xa, "2.2");
    REQUIRE(c != nullptr);
    std::size_t known_values = 0, records = 0;
    for (const Record& rec : g.data.records) {
        if (g.data.entities[rec.entity].kind != EntityKind::xa) continue;
        ++records;
        const double v = g.data.values[rec.offset + c->slot];
        if (!known(v)) continue;
        ++known_values;
        CHECK(v >= 0);
        CHECK(v <= 100);
    }
    CHECK(records == 94);
    CHECK(known_values > 80);
}

TEST_CASE("generate: sizes of a commune are plausible and adding them changes no other value", "[generate]") {
    World w;
    w.options.from = 2023;
    w.options.to = 2024;
    const Generated before = run_with(w, w.units, w.options);

    std::string rules = gen_test::kRules;
    const std::string anchor = "data xa {\n";
    rules.insert(rules.find(anchor) + anchor.size(),
                 "  field so_ho \"Số hộ\": count\n"
                 "  field dan_so \"Dân số\": count\n"
                 "  field dien_tich \"Diện tích tự nhiên (km²)\": number\n"
                 "  field km_duong \"Chiều dài đường (km)\": number\n"
                 "  field so_thon \"Số thôn\": count\n");
    const support::CompiledRules more = support::compile_rules_text(rules);
    const Generated after = run_with(more, w.units, w.options);

    REQUIRE(before.data.records.size() == after.data.records.size());
    for (std::size_t r = 0; r < before.data.records.size(); ++r) {
        const Record& a = before.data.records[r];
        const Record& b = after.data.records[r];
        const Entity& e = before.data.entities[a.entity];
        REQUIRE(e.code == after.data.entities[b.entity].code);
        CHECK(e.recognised.size() == after.data.entities[b.entity].recognised.size());
        for (const Column& c : w.program.schema.columns[kind_index(e.kind)]) {
            const double x = before.data.values[a.offset + c.slot];
            const double y = value_of(more.program, after.data, b, c.name);
            INFO(e.code << " " << a.year << " " << c.name);
            CHECK(((!known(x) && !known(y)) || x == y));
        }
        if (e.kind != EntityKind::xa) continue;
        const double ho = value_of(more.program, after.data, b, "so_ho");
        const double dan = value_of(more.program, after.data, b, "dan_so");
        const double km2 = value_of(more.program, after.data, b, "dien_tich");
        const double road = value_of(more.program, after.data, b, "km_duong");
        INFO(e.code << " " << ho << " " << dan << " " << km2 << " " << road);
        CHECK(ho >= 1200);
        CHECK(ho <= 6000);
        CHECK(ho == std::floor(ho));
        CHECK(dan >= ho * 3.3 - 1);
        CHECK(dan <= ho * 4.2 + 1);
        CHECK(km2 >= 8);
        CHECK(km2 <= 150);
        CHECK(road >= km2 * 0.5 - 0.1);
        CHECK(road <= km2 * 1.5 + 0.1);
        // The villages generated (3 to 8 per Xã), or one per 150 to 400 households.
        const double villages = value_of(more.program, after.data, b, "so_thon");
        CHECK(villages >= (e.type == "Xã" ? 3 : std::floor(ho / 400)));
        CHECK(villages <= (e.type == "Xã" ? 8 : std::ceil(ho / 150)));
    }
}

TEST_CASE("generate: the inputs of the commune groups of 2026-2030 spread over the three groups", "[generate]") {
    const support::CompiledRules rules = support::compile_rules(std::string(NTM_SOURCE_DIR) + "/rules");
    GenerateOptions options;
    options.provinces = {"38"};
    options.from = options.to = 2026;
    options.seed = 1;
    const Generated g = run_with(rules, official_units(AdminMap::two_tier), options);
    std::array<int, 3> groups{};
    for (const Record& rec : g.data.records) {
        const Entity& e = g.data.entities[rec.entity];
        if (e.kind != EntityKind::xa || !e.judged) continue;
        const double area = value_of(rules.program, g.data, rec, "khu_vuc_dtts");
        const double farming = value_of(rules.program, g.data, rec, "ty_trong_nong_nghiep");
        CHECK((area >= 0 && area <= 3));  // area I, II, III, or 0
        CHECK((farming >= 2 && farming <= 85));
        const bool one = value_of(rules.program, g.data, rec, "giap_do_thi") == 1 || farming < 10 ||
                         value_of(rules.program, g.data, rec, "khu_do_thi_moi") == 1;
        ++groups[one ? 0 : area >= 2 ? 2 : 1];
    }
    INFO(groups[0] << " " << groups[1] << " " << groups[2]);
    CHECK(groups[0] > 0);
    CHECK(groups[1] > groups[0]);  // most communes are of group 2
    CHECK(groups[2] > 0);          // Thanh Hóa's mountain communes
}
