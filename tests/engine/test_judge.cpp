// The verdict of one indicator and one criterion: the rule for an `applies when` whose data are
// missing (docs/architecture.md, "Results"), as engine::evaluate gives it, and the generator's
// probe giving the same verdicts for the same rules and entity.
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "engine/evaluate.hpp"
#include "generate/model.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::engine;

namespace {

// 7 reads a percentage, 13.4 a yes/no column; each applies only where the commune has a
// market (`cho`) or a craft village (`lang_nghe`).
const char* kRules = R"(data xa {
  field cho "Có chợ nông thôn": yesno
  field ty_le_cho "Tỷ lệ chợ đạt chuẩn": percent
  field lang_nghe "Có làng nghề": yesno
}

set s "Bộ tiêu chí thử" {
  source "QĐ thử"
  for xa
  valid 2024..2024
  criterion 7 "Cơ sở hạ tầng thương mại" {
    indicator 7 "Chợ đạt chuẩn" {
      unit percent
      applies when cho
      value ty_le_cho
      require >= 70
    }
  }
  criterion 13 "Tổ chức sản xuất" {
    indicator 13.1 "Có hợp tác xã" {
      unit yesno
      require yes
    }
    indicator 13.4 "Kế hoạch làng nghề" {
      unit yesno
      applies when lang_nghe
      require yes
    }
  }
}

level dat_chuan "Xã đạt chuẩn nông thôn mới" {
  for xa
  meets s
}
)";

// The rules of kRules, and communes of DHNTB with one record of 2024 each.
struct World : support::CommuneWorld {
    World() : CommuneWorld(kRules) {}

    // The index of an indicator within the set of the first level.
    std::uint32_t index(const std::string& indicator) const {
        const SetDef& s = program.sets[program.set_for(program.levels[0], 2024)];
        for (std::uint32_t i = 0; i < s.indicator_count; ++i) {
            if (program.indicators[s.first_indicator + i].code == indicator) return i;
        }
        FAIL("no indicator " << indicator);
        return kNone;
    }
};

const char* name(Status s) {
    switch (s) {
        case Status::met: return "met";
        case Status::not_met: return "not met";
        case Status::unknown: return "unknown";
        case Status::not_applicable: return "not applicable";
    }
    return "?";
}

// Communes covering the four outcomes of an `applies when`: unknown with the value passing or
// failing, false, true.
void add_communes(World& w) {
    w.add("khong_ro_dat", {{"ty_le_cho", 80}, {"13.1", 1}, {"13.4", 1}});
    w.add("khong_ro_chua_dat", {{"ty_le_cho", 50}, {"13.1", 1}, {"13.4", 0}});
    w.add("khong_ap_dung", {{"cho", 0}, {"ty_le_cho", 50}, {"lang_nghe", 0}, {"13.1", 1}, {"13.4", 0}});
    w.add("ap_dung", {{"cho", 1}, {"ty_le_cho", 50}, {"lang_nghe", 1}, {"13.1", 1}, {"13.4", 0}});
}

}  // namespace

TEST_CASE("judge: an unknown applies condition gives met when the value passes, unknown otherwise") {
    World w;
    add_communes(w);
    const Evaluation ev = w.run();
    REQUIRE(ev.entities.size() == 4);
    auto result = [&](std::uint32_t r, const std::string& code) -> const IndicatorResult& {
        return ev.indicators[ev.levels[ev.entities[r].first_level].first_indicator + w.index(code)];
    };
    auto criterion = [&](std::uint32_t r, std::uint32_t c) {
        return name(ev.criteria[ev.levels[ev.entities[r].first_level].first_criterion + c].status);
    };

    // Whether it applies is unknown and the value passes: met, since not applicable counts as
    // met too.
    CHECK(name(result(0, "7").status) == std::string("met"));
    CHECK(result(0, "7").applies_unknown);
    CHECK(result(0, "7").value == 80);
    CHECK(name(result(0, "13.4").status) == std::string("met"));
    CHECK(result(0, "13.4").applies_unknown);
    CHECK(criterion(0, 0) == std::string("met"));
    CHECK(criterion(0, 1) == std::string("met"));
    CHECK(ev.entities[0].level == 0);

    // Unknown whether it applies and the value fails: unknown, with no gap.
    CHECK(name(result(1, "7").status) == std::string("unknown"));
    CHECK(result(1, "7").applies_unknown);
    CHECK(result(1, "7").value == 50);
    CHECK(!known(result(1, "7").gap));
    CHECK(name(result(1, "13.4").status) == std::string("unknown"));
    CHECK(result(1, "13.4").applies_unknown);
    CHECK(criterion(1, 0) == std::string("unknown"));
    CHECK(criterion(1, 1) == std::string("unknown"));
    CHECK(ev.entities[1].level == -1);
    CHECK(ev.entities[1].level_max == 0);

    // The condition is false: not applicable, whatever the value.
    CHECK(name(result(2, "7").status) == std::string("not applicable"));
    CHECK(!result(2, "7").applies_unknown);
    CHECK(name(result(2, "13.4").status) == std::string("not applicable"));
    CHECK(criterion(2, 0) == std::string("not applicable"));
    CHECK(criterion(2, 1) == std::string("met"));  // 13.1 alone

    // The condition holds: judged as usual, with the gap.
    CHECK(name(result(3, "7").status) == std::string("not met"));
    CHECK(!result(3, "7").applies_unknown);
    CHECK(result(3, "7").gap == Approx(20));
    CHECK(name(result(3, "13.4").status) == std::string("not met"));
    CHECK(criterion(3, 1) == std::string("not met"));
}

TEST_CASE("judge: the generator's probe gives the evaluator's verdicts") {
    World w;
    add_communes(w);
    const Program& p = w.program;
    const Evaluation ev = w.run();
    const auto stages = gen::stages_of(p, w.data, {2024}, 1);
    gen::Probe probe(p);
    for (std::uint32_t r = 0; r < ev.entities.size(); ++r) {
        const EntityResult& er = ev.entities[r];
        const Record& rec = w.data.records[er.record];
        const Entity& en = w.data.entities[rec.entity];
        const auto begin = w.data.values.begin() + static_cast<std::ptrdiff_t>(rec.offset);
        std::vector<double> slots(begin, begin + p.schema.slots(en.kind));
        const std::vector<gen::Stage>& st = stages[er.record];
        REQUIRE(st.size() == er.level_count);
        probe.start(en, rec.year, slots.data(), st);
        probe.derive();
        for (std::size_t s = 0; s < st.size(); ++s) {
            const LevelResult& lr = ev.levels[er.first_level + s];
            REQUIRE(st[s].set == lr.set);
            probe.stage(s);
            const SetDef& set = p.sets[lr.set];
            for (std::uint32_t i = 0; i < set.indicator_count; ++i) {
                const IndicatorResult& want = ev.indicators[lr.first_indicator + i];
                const IndicatorResult& got = probe.result(s, i);
                INFO(en.code << ", indicator " << p.indicators[set.first_indicator + i].code);
                CHECK(name(got.status) == std::string(name(want.status)));
                CHECK(got.applies_unknown == want.applies_unknown);
            }
            for (std::uint32_t c = 0; c < set.criterion_count; ++c) {
                INFO(en.code << ", criterion " << p.criteria[set.first_criterion + c].code);
                CHECK(name(probe.criterion(s, c)) == std::string(name(ev.criteria[lr.first_criterion + c].status)));
            }
        }
    }
}
