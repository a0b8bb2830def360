// `ntm merge`: recognition carried by the ministry's rule, values combined as declared, and
// estimates marked.
#include <catch2/catch.hpp>

#include <cmath>

#include "data/merge_table.hpp"
#include "data/units.hpp"
#include "merge/merge.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using engine::AdminMap;
using engine::EntityKind;

namespace {

const char* kRules = R"(
data xa {
  field so_ho "Số hộ": count
  field ty_le "Tỷ lệ hộ": percent
  field co_dien "Có điện": yesno
  field no_dong "Nợ đọng": yesno
  field thu_nhap "Thu nhập": number
  combine sum: so_ho
  combine weighted by so_ho: ty_le
  combine all: co_dien
  combine any: no_dong
  combine resurvey: thu_nhap
}
set s "Bộ" {
  source "QĐ thử"
  for xa
  valid 2021..2025
  criterion 1 "Điện" {
    indicator 1.1 "Tỷ lệ" {
      unit percent
      value ty_le
      require >= 90
    }
  }
}
level dat_chuan "Xã đạt chuẩn" {
  for xa
  source "QĐ thử"
  meets s
}
level nang_cao "Xã nâng cao" {
  for xa
  source "QĐ thử"
  after dat_chuan
  meets s
}
)";

const char* kTable =
    "province_code,commune_code,commune,old_commune_code,old_commune,old_district_code,old_district,old_province_code,old_province,kind,note\n"
    "48,00001,Xã Một,10001,Xã A,101,Huyện H,49,Tỉnh T,whole,\n"
    "48,00001,Xã Một,10002,Xã B,101,Huyện H,49,Tỉnh T,whole,\n"
    "48,00002,Xã Hai,10003,Xã C,101,Huyện H,49,Tỉnh T,whole,\n"
    "48,00002,Xã Hai,10004,Xã D,101,Huyện H,49,Tỉnh T,part,\n"
    "48,00003,Xã Ba,10005,Xã E,101,Huyện H,49,Tỉnh T,whole,\n"
    "48,00003,Xã Ba,10099,Xã Z,101,Huyện H,49,Tỉnh T,whole,\n";

const char* kUnits =
    "province_code,province,commune_code,commune,commune_type,old_regions\n"
    "48,Thành phố Đà Nẵng,00001,Xã Một,Xã,DHNTB\n"
    "48,Thành phố Đà Nẵng,00002,Xã Hai,Xã,DHNTB\n"
    "48,Thành phố Đà Nẵng,00003,Xã Ba,Xã,DHNTB\n";

struct World {
    support::CompiledRules rules = support::compile_rules_text(kRules);
    engine::Dataset old;
    data::MergeTable table;
    data::AdminUnits units;

    World() {
        std::vector<text::Problem> problems;
        table = data::parse_merge_table("bang.csv", kTable, problems);
        units = data::parse_units("units.csv", kUnits, problems);
        REQUIRE(problems.empty());
        const engine::Schema& s = rules.program.schema;
        engine::Entity t;
        t.code = "49";
        t.kind = EntityKind::tinh;
        t.region = engine::Region::DHNTB;
        support::add_entity(old, s, t, 2024, {});
        engine::Entity h;
        h.code = "101";
        h.kind = EntityKind::huyen;
        h.parent_code = "49";
        support::add_entity(old, s, h, 2024, {});
        add("10001", {{"dat_chuan", 2019}, {"nang_cao", 2023}}, 1000, 95, 1, 0);
        add("10002", {{"dat_chuan", 2021}}, 3000, 91, 1, 1);
        add("10003", {{"dat_chuan", 2018}}, 2000, 80, 1, 0);
        add("10004", {}, 2000, 100, 0, 0);
        add("10005", {{"dat_chuan", 2020}}, 1500, 92, 1, 0);
    }

    void add(const char* code, std::vector<engine::Recognition> rec, double ho, double ty_le, double dien, double no) {
        engine::Entity e;
        e.code = code;
        e.name = code;
        e.type = "Xã";
        e.kind = EntityKind::xa;
        e.parent_code = "101";
        e.region = engine::Region::DHNTB;
        e.recognised = std::move(rec);
        support::add_entity(old, rules.program.schema, e, 2024,
                            {{"so_ho", ho}, {"ty_le", ty_le}, {"co_dien", dien}, {"no_dong", no}, {"thu_nhap", 60}});
    }

    merge::Carried carry() const {
        merge::CarryOptions o;
        o.year = 2024;
        return merge::carry(rules.program, old, table, units, o);
    }

    double value(const merge::Carried& c, const std::string& code, const char* column) const {
        const std::uint32_t e = c.data.find(code, AdminMap::two_tier);
        REQUIRE(e != engine::kNone);
        for (const engine::Record& r : c.data.records) {
            if (r.entity == e) return c.data.values[r.offset + rules.program.schema.find(EntityKind::xa, column)->slot];
        }
        FAIL("no record of " << code);
        return 0;
    }
};

const merge::NewCommune& commune(const merge::Carried& c, const std::string& code) {
    for (const merge::NewCommune& nc : c.communes) {
        if (c.data.entities[nc.entity].code == code) return nc;
    }
    FAIL("no new commune " << code);
    return c.communes.front();
}

}  // namespace

TEST_CASE("a new commune whose every part was recognised keeps the lowest level common to all", "[merge]") {
    const World w;
    const merge::Carried c = w.carry();
    const merge::NewCommune& mot = commune(c, "00001");
    CHECK(mot.rule == merge::CarryRule::all_recognised);
    CHECK(mot.level == 0);  // dat_chuan: 10001 was nang_cao, 10002 only dat_chuan
    const engine::Entity& e = c.data.entities[mot.entity];
    REQUIRE(e.recognised.size() == 1);
    CHECK(e.recognised[0].level == "dat_chuan");
    CHECK(e.recognised[0].year == 2021);  // the year the last part reached it
    CHECK(e.map == AdminMap::two_tier);
    CHECK(c.data.entities[e.parent].code == "48");
    CHECK(e.merged_from ==
          "10001 Xã A (nhập toàn bộ; Xã nâng cao năm 2023); 10002 Xã B (nhập toàn bộ; Xã đạt chuẩn năm 2021)"
          " — công nhận: mọi phần đều đã được công nhận, mang sang mức thấp nhất chung: Xã đạt chuẩn");
}

TEST_CASE("a part not recognised means the new commune is not: it is appraised again", "[merge]") {
    const World w;
    const merge::Carried c = w.carry();
    const merge::NewCommune& hai = commune(c, "00002");
    CHECK(hai.rule == merge::CarryRule::not_all_recognised);
    CHECK(hai.level == engine::kNone);
    CHECK(c.data.entities[hai.entity].recognised.empty());
    CHECK(c.data.entities[hai.entity].merged_from.ends_with(
        " — công nhận: có phần chưa được công nhận, không mang sang (thẩm định lại theo QĐ 18/2022/QĐ-TTg)"));
    // A part missing from the data leaves the recognition unknown.
    CHECK(commune(c, "00003").rule == merge::CarryRule::unknown);
}

TEST_CASE("values combine as the rules declare", "[merge]") {
    const World w;
    const merge::Carried c = w.carry();
    CHECK(w.value(c, "00001", "so_ho") == 4000);
    CHECK(w.value(c, "00001", "ty_le") == Approx((95.0 * 1000 + 91.0 * 3000) / 4000));  // weighted by households
    CHECK(w.value(c, "00001", "co_dien") == 1);
    CHECK(w.value(c, "00001", "no_dong") == 1);  // one part has debt
    CHECK(std::isnan(w.value(c, "00001", "thu_nhap")));  // surveyed again
    CHECK(w.value(c, "00002", "co_dien") == 0);  // all: one "no" decides
    const merge::NewCommune& mot = commune(c, "00001");
    const std::uint32_t thu_nhap = w.rules.program.schema.find(EntityKind::xa, "thu_nhap")->slot;
    CHECK(mot.how[thu_nhap] == merge::Derivation::resurvey);
    // A part missing from the data: a sum cannot be made, but one "no" still decides `all`.
    CHECK(std::isnan(w.value(c, "00003", "so_ho")));
    CHECK(std::isnan(w.value(c, "00003", "co_dien")));  // E is yes, Z not in the data: unknown
}

TEST_CASE("a part that came only partly makes the values it enters estimates", "[merge]") {
    const World w;
    const merge::Carried c = w.carry();
    const merge::NewCommune& hai = commune(c, "00002");
    CHECK(hai.partial);
    const engine::Schema& s = w.rules.program.schema;
    const std::uint32_t so_ho = s.find(EntityKind::xa, "so_ho")->slot;
    CHECK(hai.how[so_ho] == merge::Derivation::estimated);
    const engine::Record* rec = nullptr;
    for (const engine::Record& r : c.data.records) {
        if (r.entity == hai.entity) rec = &r;
    }
    REQUIRE(rec != nullptr);
    CHECK(c.data.is_estimate(*rec, so_ho));
    const merge::NewCommune& mot = commune(c, "00001");
    CHECK(mot.how[so_ho] == merge::Derivation::exact);
}
