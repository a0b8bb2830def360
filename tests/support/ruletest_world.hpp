// The world the rule-test tests run in: small rules with every kind of threshold (by region,
// by year, by case, by category, a ceiling, "= 0", yes/no, a computed indicator, one that
// applies only sometimes), two levels with gates, a revocation rule; and test texts parsed,
// resolved and run against them as `ntm test` does.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ruletest/suite.hpp"
#include "tests/support/support.hpp"

namespace ruletest_test {

using namespace ntm::ruletest;

inline const char* const kRules = R"RULES(unit trieu_dong "triệu đồng/người/năm"

data xa {
  field xa_dbkk "Xã đặc biệt khó khăn": yesno
  field co_lang_nghe "Xã có làng nghề": yesno
  field so_truong "Số trường": count
  field km "Tổng chiều dài đường thôn": number
  field km_cung "Chiều dài đường thôn được cứng hóa": number
  derive ty_le "Tỷ lệ đường thôn được cứng hóa": percent = ratio(km_cung, km)
  field hai_long "Tỷ lệ người dân hài lòng": percent
  field no_dong "Còn nợ đọng xây dựng cơ bản": yesno
  field nc "Đạt các tiêu chí nâng cao": yesno
  field giap_do_thi "Xã giáp ranh đô thị": yesno
  field ty_trong "Tỷ trọng nông nghiệp": percent
  field khu_vuc "Khu vực vùng dân tộc thiểu số (0 đến 3)": count
  field thu_nhap "Thu nhập bình quân": trieu_dong
}

category nhom "Nhóm xã" {
  for xa
  nhom_1 "Nhóm 1: xã giáp ranh đô thị hoặc ít nông nghiệp" when giap_do_thi or ty_trong < 10%
  nhom_3 "Nhóm 3: xã khu vực II, III" when khu_vuc >= 2
  nhom_2 "Nhóm 2: các xã còn lại" otherwise
}

set s "Bộ tiêu chí thử" {
  for xa
  valid 2023..2024
  region TDMNPB when xa_dbkk
  criterion 1 "Quy hoạch" {
    indicator 1.1 "Có quy hoạch" {
      unit yesno
      require yes
    }
  }
  criterion 2 "Giao thông" {
    indicator 2.1 "Tỷ lệ đường xã được cứng hóa" {
      unit percent
      require >= by region {
        TDMNPB: 50
        DBSH: 100
        BTB: 70
        DHNTB: 70
        TN: 70
        DNB: 100
        DBSCL: 50
      }
    }
    indicator 2.2 "Tỷ lệ đường thôn được cứng hóa" {
      unit percent
      value ty_le
      require >= 80
    }
  }
  criterion 9 "Nhà ở" {
    indicator 9.1 "Số nhà tạm, dột nát" {
      unit count
      require = 0
    }
  }
  criterion 10 "Thu nhập" {
    indicator 10 "Thu nhập bình quân đầu người" {
      unit trieu_dong
      require >= by year {
        2023: 40
        2024: 45
      }
    }
  }
  criterion 11 "Nghèo đa chiều" {
    indicator 11 "Tỷ lệ nghèo đa chiều" {
      unit percent
      require <= when so_truong > 3: 5
                 else 8
    }
  }
  criterion 13 "Làng nghề" {
    indicator 13.4 "Có kế hoạch phát triển làng nghề" {
      unit yesno
      applies when co_lang_nghe
      require yes
    }
  }
}

set s_nc "Bộ tiêu chí nâng cao thử" {
  for xa
  valid 2023..2024
  criterion 1 "Nâng cao" {
    indicator 1 "Đạt các tiêu chí nâng cao" {
      unit yesno
      value nc
      require yes
    }
  }
  criterion 10 "Thu nhập" {
    indicator 10 "Thu nhập bình quân đầu người" {
      unit trieu_dong
      require >= 50
    }
  }
}

set s2026 "Bộ tiêu chí thử 2026" {
  for xa
  valid 2026..2026
  criterion 3 "Kinh tế" {
    indicator 3.1 "Thu nhập bình quân" {
      unit trieu_dong
      value thu_nhap
      require >= by nhom {
        nhom_1: 70
        nhom_2: 60
        nhom_3: 50
      }
    }
  }
}

level dat_chuan "Xã đạt chuẩn nông thôn mới" {
  for xa
  meets s, s2026
  gate hai_long "Tỷ lệ hài lòng từ 90% trở lên": hai_long >= 90%
  gate no_dong "Không có nợ đọng xây dựng cơ bản": no_dong = no
}

level nang_cao "Xã nông thôn mới nâng cao" {
  for xa
  after dat_chuan
  meets s_nc
}

revocation thu_hoi "Thu hồi công nhận xã đạt chuẩn" {
  for xa
  level dat_chuan
  set s
  branch a "Từ 30% đến dưới 50% số tiêu chí không đạt, trong đó có tiêu chí Thu nhập": unmet_share >= 30% and unmet_share < 50% and unmet(10)
  branch b "Từ 50% số tiêu chí trở lên không đạt": unmet_share >= 50%
}
)RULES";

// The rules above, and test texts run against them.
struct World {
    World() : rules(support::compile_rules_text(kRules)), program(rules.program) {}
    support::CompiledRules rules;
    const ntm::engine::Program& program;
    Suite suite;

    // Parses `text` as the test file t.ntmtest (another call adds another file).
    void load(const std::string& text) {
        const ntm::dsl::FileId id = suite.sources.add("t.ntmtest", text);
        suite.files.push_back(parse_test_file(id, suite.sources, suite.diags));
        suite.diags.sort();
    }
    // Resolves and runs every test loaded, counting coverage of `sets` (by name) if asked.
    void run(bool coverage = false, const std::vector<std::string>& sets = {}) {
        std::vector<std::uint32_t> indices;
        for (const std::string& s : sets) indices.push_back(program.set_index(s));
        run_suite(suite, program, coverage, indices);
    }
    // Every diagnostic, rendered as `ntm test` prints them.
    std::string errors() const { return ntm::dsl::render_all(suite.diags, suite.sources, false, ntm::text::Lang::vi); }
    // The codes of the diagnostics with their line:column, in order: "T0105 3:20".
    std::vector<std::string> codes() const {
        std::vector<std::string> out;
        for (const auto& d : suite.diags.items()) {
            const auto lc = suite.sources.locate(d.span.file, d.span.begin);
            out.push_back(d.code + " " + std::to_string(lc.line) + ":" + std::to_string(lc.column));
        }
        return out;
    }
    // The outcome of the test named `name`; none fails the test case.
    const TestOutcome& outcome(const std::string& name) const {
        for (const FileOutcome& f : suite.outcomes) {
            for (const TestOutcome& t : f.tests) {
                if (t.test->source->name == name) return t;
            }
        }
        FAIL("no outcome for test " << name);
        return suite.outcomes.front().tests.front();
    }
};

}  // namespace ruletest_test
