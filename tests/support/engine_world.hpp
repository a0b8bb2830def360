// The small world the engine's tests judge: rules with every kind of threshold, levels with
// gates, classes and assignments, and communes built by hand with one record each.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/evaluate.hpp"
#include "tests/support/support.hpp"

namespace engine_test {

using namespace ntm::engine;

inline const char* const kRules = R"(unit trieu_dong "triệu đồng/người/năm"
body so_gtvt "Sở Giao thông vận tải"
body so_nn "Sở Nông nghiệp và Phát triển nông thôn"
member pbt "Phó Bí thư Thường trực Huyện ủy"

data xa {
  field dtts "Xã vùng đồng bào dân tộc thiểu số và miền núi": yesno
  field dbkk "Xã đặc biệt khó khăn": yesno
  field lang_nghe "Có làng nghề": yesno
  field hai_long "Tỷ lệ hài lòng": percent
  field km "Tổng chiều dài đường thôn": count
  field km_cung "Đường thôn được cứng hóa": count
  derive ty_le "Tỷ lệ cứng hóa": percent = ratio(km_cung, km)
  field p "Điều kiện P": yesno
  field q "Điều kiện Q": yesno
}

set s "Bộ tiêu chí thử" {
  source "QĐ thử"
  for xa
  valid 2023..2024
  region TDMNPB when dbkk
  criterion 2 "Giao thông" {
    indicator 2.2 "Tỷ lệ đường thôn cứng hóa" {
      unit percent
      value ty_le
      require >= by region {
        TDMNPB: 70
        DBSH: 100
        BTB: 80
        DHNTB: 80
        TN: 70
        DNB: 100
        DBSCL: 70
      }
    }
  }
  criterion 10 "Thu nhập" {
    indicator 10 "Thu nhập bình quân" {
      unit trieu_dong
      require >= table {
                2023  2024
        TDMNPB    40    45
        DBSH      50    55
        BTB       40    45
        DHNTB     44    48
        TN        44    48
        DNB       60    65
        DBSCL     50    55
      }
    }
  }
  criterion 13 "Tổ chức sản xuất" {
    combine at_least 2
    indicator 13.1 "Có hợp tác xã" {
      unit yesno
      require yes
    }
    indicator 13.2 "Có liên kết" {
      unit yesno
      require yes
    }
    indicator 13.4 "Kế hoạch làng nghề" {
      unit yesno
      applies when lang_nghe
      require yes
    }
  }
  criterion 17 "Môi trường" {
    indicator 17.1 "Nước sạch" {
      unit percent
      require >= when dtts: 40
                 else 50
    }
    indicator 17.2 "Đọc giá trị chỉ tiêu khác của cùng bộ" {
      unit percent
      value value(17.1)
      require >= 30
    }
  }
}

set qn "Bộ tiêu chí của tỉnh" {
  extends s
  override indicator 2.2 {
    require >= 95
  }
}

# Sets for a locality: a province's, and a district's within it.
set tinh "Bộ tiêu chí của tỉnh thử" {
  extends s
  locality "T1"
  override indicator 2.2 {
    require >= 85
  }
}

set huyen "Bộ tiêu chí của huyện thử" {
  extends tinh
  locality "H1"
  override indicator 2.2 {
    require >= 92
  }
}

level dat_chuan "Xã đạt chuẩn nông thôn mới" {
  for xa
  meets s
  gate hai_long "Hài lòng từ 90% trở lên": hai_long >= 90%
}

level nang_cao "Xã nông thôn mới nâng cao" {
  for xa
  after dat_chuan
  gate thu_nhap "Thu nhập cao hơn mức chuẩn 10%": value(10) >= 1.1 * threshold(s, 10)
}

level huyen_ntm "Huyện nông thôn mới" {
  for huyen
  gate tat_ca "100% số xã đạt chuẩn": share(xa where level >= dat_chuan) = 100
}

class duoi_3 "Xã dưới 3 tiêu chí" {
  for xa
  when criteria_met < 3
}

class thi_xa "Thị xã" {
  for huyen
  when type = "Thị xã"
}

class p_va_q "P và Q" {
  for xa
  when p and q
}

class p_hoac_q "P hoặc Q" {
  for xa
  when p or q
}

class khong_p "Không P" {
  for xa
  when not p
}

assignments pc "Phân công" {
  sets s
  criterion 2 -> so_gtvt
  criterion 10, 13, 17 -> so_nn
  locality "20368" -> pbt
}
)";

struct World : support::CompiledRules {
    Dataset data;

    World() : CompiledRules(support::compile_rules_text(kRules)) {}

    // Adds an entity with one record for `year`; values by column name.
    std::uint32_t add(const std::string& code, EntityKind kind, const std::string& parent, Region region,
                      const std::map<std::string, double>& values, int year = 2024,
                      std::vector<Recognition> recognised = {}) {
        Entity e;
        e.code = code;
        e.name = "Xã " + code;
        e.type = kind == EntityKind::xa ? "Xã" : "Huyện";
        e.kind = kind;
        e.parent_code = parent;
        e.region = region;
        e.recognised = std::move(recognised);
        return support::add_entity(data, program.schema, std::move(e), year, values);
    }

    Evaluation run(int year = 2024, unsigned threads = 1) const { return evaluate(program, data, {year, threads, kNone}); }
};

// A commune that meets everything in DHNTB 2024.
inline std::map<std::string, double> good() {
    return {{"km", 10},   {"km_cung", 9},   {"10", 50},      {"13.1", 1}, {"13.2", 1},
            {"17.1", 60}, {"hai_long", 95}, {"lang_nghe", 0}, {"dtts", 0},  {"dbkk", 0}};
}

}  // namespace engine_test
