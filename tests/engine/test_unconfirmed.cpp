// Verdicts resting on unconfirmed figures (docs/language.md, "Unconfirmed figures"): which
// indicator verdicts a marked threshold decides, which it cannot change, and how the mark
// reaches criteria and levels.
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "engine/evaluate.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::engine;

namespace {

const char* kRules = R"(data xa {
  field hai_long "Tỷ lệ hài lòng": percent
}

set s "Bộ tiêu chí thử" {
  source "QĐ thử"
  for xa
  valid 2024..2024
  criterion 2 "Giao thông" {
    indicator 2.1 "Đường xã" {
      unit percent
      require >= 100 unconfirmed "mức 2.1"
    }
    indicator 2.2 "Đường thôn" {
      unit percent
      require >= by region {
        TDMNPB: 50
        DBSH: 100
        BTB: 70
        DHNTB: 70 unconfirmed "ô DHNTB"
        TN: 70
        DNB: 100
        DBSCL: 50
      }
    }
    indicator 2.3 "Đường ngõ" {
      unit percent
      require >= 70
    }
  }
  criterion 11 "Nghèo" {
    indicator 11 "Tỷ lệ hộ nghèo" {
      unit percent
      require <= 5 unconfirmed "mức 11"
    }
  }
  criterion 13 "Tổ chức sản xuất" {
    unconfirmed "tiêu chí 13"
    indicator 13.5 "Chưa xác định" {
      unit yesno
      require yes
    }
  }
}

level dat_chuan "Xã đạt chuẩn" {
  for xa
  meets s
  gate hai_long "Hài lòng": hai_long >= 90% unconfirmed "điều kiện hài lòng"
}
)";

struct World : support::CommuneWorld {
    World() : CommuneWorld(kRules) {}
};

// The reason a verdict rests on, or "" when none.
std::string reason(const Program& p, std::uint32_t mark) { return mark == kNone ? "" : p.reasons[mark]; }

// Everything of one commune that passes except what `values` changes.
std::map<std::string, double> passing(std::map<std::string, double> values) {
    std::map<std::string, double> all{{"2.1", 100}, {"2.2", 95}, {"2.3", 90}, {"11", 0}, {"13.5", 1}, {"hai_long", 95}};
    for (const auto& [k, v] : values) all[k] = v;
    return all;
}

}  // namespace

TEST_CASE("unconfirmed: an indicator verdict rests on the marked figure that decided it, if another could change it") {
    World w;
    w.add("a", passing({{"2.1", 88}, {"2.2", 80}, {"11", 3}}));   // 2.1 fails a marked floor; 2.2, 11 pass marked ones
    w.add("b", passing({{"2.2", 0}, {"11", 100}}));               // 0 against a floor, 100 against a ceiling
    w.add("c", passing({{"2.3", 60}}));                           // the failing requirement is confirmed
    w.add("d", passing({}));                                      // 100 against a floor, 0 within a ceiling
    const Evaluation ev = w.run();
    REQUIRE(ev.entities.size() == 4);
    auto ind = [&](std::uint32_t r, std::uint32_t i) { return ev.indicators[ev.levels[ev.entities[r].first_level].first_indicator + i]; };
    // Indicators in set order: 2.1, 2.2, 2.3, 11, 13.5.
    CHECK(reason(w.program, ind(0, 0).unconfirmed) == "mức 2.1");     // 88 < 100: another floor could pass it
    CHECK(reason(w.program, ind(0, 1).unconfirmed) == "ô DHNTB");     // the cell's mark, not the line's
    CHECK(reason(w.program, ind(0, 2).unconfirmed).empty());          // confirmed
    CHECK(reason(w.program, ind(0, 3).unconfirmed) == "mức 11");      // 3 within a ceiling of 5
    CHECK(reason(w.program, ind(0, 4).unconfirmed) == "tiêu chí 13"); // yes/no of a marked criterion
    CHECK(ind(1, 1).status == Status::not_met);
    CHECK(reason(w.program, ind(1, 1).unconfirmed).empty());          // 0 % fails every positive floor
    CHECK(ind(1, 3).status == Status::not_met);
    CHECK(reason(w.program, ind(1, 3).unconfirmed).empty());          // 100 % fails every ceiling below 100
    CHECK(reason(w.program, ind(3, 0).unconfirmed).empty());          // 100 % passes every floor up to 100
    CHECK(reason(w.program, ind(3, 3).unconfirmed).empty());          // 0 % passes every ceiling
}

TEST_CASE("unconfirmed: criteria and levels rest on a mark only where it decides them") {
    World w;
    w.add("a", passing({{"2.1", 88}}));                  // criterion 2 fails on a marked figure only
    w.add("b", passing({{"2.1", 88}, {"2.3", 60}}));     // and on a confirmed one too
    w.add("c", passing({{"2.2", 100}}));                 // criterion 2 met at 100 %: no floor could fail it
    w.add("d", passing({{"hai_long", 80}, {"2.3", 60}})); // gate fails (marked), 2.3 fails (confirmed)
    const Evaluation ev = w.run();
    auto crit = [&](std::uint32_t r, std::uint32_t c) { return ev.criteria[ev.levels[ev.entities[r].first_level].first_criterion + c]; };
    auto level = [&](std::uint32_t r) { return ev.levels[ev.entities[r].first_level]; };

    CHECK(crit(0, 0).status == Status::not_met);
    CHECK(reason(w.program, crit(0, 0).unconfirmed) == "mức 2.1");
    CHECK(level(0).status == Status::not_met);
    CHECK(reason(w.program, level(0).unconfirmed) == "mức 2.1");  // its only failing part is marked

    CHECK(crit(1, 0).status == Status::not_met);
    CHECK(reason(w.program, crit(1, 0).unconfirmed).empty());      // 2.3 fails whatever 2.1's figure
    CHECK(reason(w.program, level(1).unconfirmed).empty());

    CHECK(crit(2, 0).status == Status::met);
    CHECK(reason(w.program, crit(2, 0).unconfirmed).empty());      // 100 % everywhere: no figure could fail it
    CHECK(level(2).status == Status::met);
    CHECK_FALSE(reason(w.program, level(2).unconfirmed).empty());  // 11, 13 and the gate are marked

    CHECK(level(3).status == Status::not_met);
    CHECK(reason(w.program, level(3).unconfirmed).empty());        // criterion 2 fails on a confirmed figure
}

TEST_CASE("unconfirmed: a set extending another keeps the base's marks and adds its own") {
    const std::string rules = std::string(kRules) + R"(
set t "Bộ của tỉnh" {
  extends s
  locality "49"
  override indicator 2.3 {
    require >= 60 unconfirmed "mức của tỉnh"
  }
  override indicator 2.1 {
    require >= 90
  }
}
)";
    support::CompiledRules compiled = support::compile_rules_text(rules);
    const Program& p = compiled.program;
    const std::uint32_t t = p.set_index("t");
    REQUIRE(t != kNone);
    auto def = [&](const std::string& code) -> const IndicatorDef& {
        const SetDef& s = p.sets[t];
        for (std::uint32_t i = 0; i < s.indicator_count; ++i) {
            if (p.indicators[s.first_indicator + i].code == code) return p.indicators[s.first_indicator + i];
        }
        FAIL("no indicator " << code);
        return p.indicators[0];
    };
    auto line_mark = [&](const IndicatorDef& d) { return reason(p, p.requirements[d.first_requirement].unconfirmed); };
    CHECK(line_mark(def("2.3")) == "mức của tỉnh");  // the override's requirement carries its mark
    CHECK(line_mark(def("2.1")).empty());            // the base's mark went with the base's requirement
    CHECK(reason(p, def("13.5").unconfirmed) == "tiêu chí 13");  // the base's criterion mark stays
}
