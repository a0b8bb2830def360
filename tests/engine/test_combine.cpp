// `combine` lines of `data KIND`, compiled into the schema: how each input column combines
// when units merge, and for a weighted mean the slot of its weight.
#include <catch2/catch.hpp>
#include <string>

#include "engine/program.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::engine;

TEST_CASE("engine: each input column knows how it combines when units merge") {
    const support::CompiledRules r = support::compile_rules_text(R"(unit km "km"
data xa {
  field so_ho "Số hộ": count
  field dan_so "Dân số": count
  field km_duong "Chiều dài đường": km
  field co_lang_nghe "Có làng nghề": yesno
  field muc_do "Mức độ": number
  field hai_long "Hài lòng": percent
  field ty_le_ho_ngheo "Tỷ lệ hộ nghèo": percent
  derive ho_binh_quan "Người bình quân một hộ": number = dan_so / so_ho
  combine sum: so_ho, dan_so, km_duong
  combine weighted by so_ho: ty_le_ho_ngheo, "17.1"
  combine all: 1.1
  combine any: co_lang_nghe
  combine min: muc_do
  combine resurvey: hai_long
}
data thon { field so_ho_thon: count }
set s "Bộ thử" {
  for xa
  valid 2021..2025
  criterion 1 "Quy hoạch" { indicator 1.1 "Có quy hoạch" { unit yesno require yes } }
  criterion 17 "Môi trường" { indicator 17.1 "Nước sạch" { unit percent require >= 60 } }
}
)");
    const Schema& schema = r.program.schema;
    auto column = [&](const std::string& name) {
        const Column* c = schema.find(EntityKind::xa, name);
        INFO(name);
        REQUIRE(c != nullptr);
        return *c;
    };
    CHECK(column("so_ho").combine == Combine::sum);
    CHECK(column("km_duong").combine == Combine::sum);
    CHECK(column("ty_le_ho_ngheo").combine == Combine::weighted);
    CHECK(column("ty_le_ho_ngheo").weight == column("so_ho").slot);
    CHECK(column("17.1").combine == Combine::weighted);
    CHECK(column("17.1").weight == column("so_ho").slot);
    CHECK(column("1.1").combine == Combine::all);
    CHECK(column("co_lang_nghe").combine == Combine::any);
    CHECK(column("muc_do").combine == Combine::min);
    CHECK(column("hai_long").combine == Combine::resurvey);
    CHECK(column("so_ho").weight == kNone);
    // Derived values are computed again after a merger; kinds without `combine` say nothing.
    CHECK(column("ho_binh_quan").combine == Combine::undeclared);
    CHECK(schema.find(EntityKind::thon, "so_ho_thon")->combine == Combine::undeclared);

    CHECK(combine_name(Combine::weighted) == "weighted");
    CHECK(combine_name(Combine::resurvey) == "resurvey");
    CHECK(combine_name(Combine::undeclared) == "undeclared");
}
