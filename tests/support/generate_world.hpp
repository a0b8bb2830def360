// The world the generator's tests draw from: rules with thresholds by region, by year and by
// case, a set of a district's own, levels for communes and villages; an official units list of
// two provinces; and the options most cases generate with.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "data/units.hpp"
#include "generate/generate.hpp"
#include "tests/support/support.hpp"
#include "text/problem.hpp"

namespace gen_test {

using namespace ntm::data;
using namespace ntm::gen;

inline const char* const kRules = R"(unit trieu_dong "triệu đồng/người/năm"

data xa {
  field dbkk "Xã đặc biệt khó khăn": yesno
  field lang_nghe "Có làng nghề": yesno
  field so_truong "Số trường": count
  field so_truong_dat "Số trường đạt chuẩn": count
  derive ty_le_truong "Tỷ lệ trường đạt chuẩn": percent = ratio(so_truong_dat, so_truong)
  field tre_vao_lop_1 "Tỷ lệ trẻ 6 tuổi vào lớp 1": percent
  field pc_thcs "Mức phổ cập THCS": number
  field nc_giao_thong "Đạt tiêu chí giao thông nâng cao": yesno
  field hai_long "Tỷ lệ hài lòng": percent
  field no_dong "Còn nợ đọng xây dựng cơ bản": yesno
}

data thon {
  field dat_tieu_chi "Đạt các tiêu chí thôn kiểu mẫu": yesno
}

set s "Bộ tiêu chí thử" {
  for xa
  valid 2022..2024
  region TDMNPB when dbkk
  criterion 2 "Giao thông" {
    indicator 2.2 "Đường thôn cứng hóa" {
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
  }
  criterion 5 "Trường học" {
    indicator 5 "Tỷ lệ trường đạt chuẩn" {
      unit percent
      value ty_le_truong
      require >= when so_truong > 3: 70
                 else 50
    }
  }
  criterion 10 "Thu nhập" {
    indicator 10 "Thu nhập bình quân" {
      unit trieu_dong
      require >= table {
                2022  2023  2024
        TDMNPB    39    43    47
        DBSH      55    60    65
        BTB       40    43    47
        DHNTB     45    49    53
        TN        45    49    53
        DNB       65    71    77
        DBSCL     55    60    65
      }
    }
  }
  criterion 11 "Nghèo đa chiều" {
    indicator 11 "Tỷ lệ nghèo" {
      unit percent
      require <= 5
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
  criterion 14 "Giáo dục" {
    indicator 14.1 "Phổ cập giáo dục" {
      unit yesno
      value tre_vao_lop_1 >= 98% and pc_thcs >= 2
      require yes
    }
  }
}

set nc "Bộ tiêu chí nâng cao thử" {
  for xa
  valid 2022..2024
  criterion 2 "Giao thông" {
    indicator 2 "Đạt tiêu chí giao thông nâng cao" {
      unit yesno
      value nc_giao_thong
      require yes
    }
  }
  criterion 10 "Thu nhập" {
    indicator 10 "Thu nhập bình quân" {
      unit trieu_dong
      require >= 60
    }
  }
}

set s_nam_giang "Bộ tiêu chí của huyện Nam Giang" {
  extends s
  locality "510"
  override indicator 2.2 {
    require >= 60
  }
}

set tk "Bộ tiêu chí thôn kiểu mẫu thử" {
  for thon
  valid 2022..2024
  criterion 1 "Thôn kiểu mẫu" {
    indicator 1 "Đạt các tiêu chí" {
      unit yesno
      value dat_tieu_chi
      require yes
    }
  }
}

level dat_chuan "Xã đạt chuẩn nông thôn mới" {
  for xa
  meets s
  gate hai_long "Hài lòng từ 90% trở lên": hai_long >= 90%
  gate no_dong "Không nợ đọng": no_dong = no
}

level nang_cao "Xã nông thôn mới nâng cao" {
  for xa
  after dat_chuan
  meets nc
}

level thon_kieu_mau "Thôn kiểu mẫu" {
  for thon
  meets tk
}
)";

inline const char* const kUnits =
    "province_code,province,region,district_code,district,district_type,commune_code,commune,commune_type\r\n"
    "49,Tỉnh Quảng Nam,DHNTB,518,Huyện Phú Ninh,Huyện,20365,Xã Tam Thành,Xã\r\n"
    "49,Tỉnh Quảng Nam,DHNTB,518,Huyện Phú Ninh,Huyện,20368,Xã Tam An,Xã\r\n"
    "49,Tỉnh Quảng Nam,DHNTB,518,Huyện Phú Ninh,Huyện,20371,Thị trấn Phú Thịnh,Thị trấn\r\n"
    "49,Tỉnh Quảng Nam,DHNTB,518,Huyện Phú Ninh,Huyện,20374,Xã Tam Đàn,Xã\r\n"
    "49,Tỉnh Quảng Nam,DHNTB,518,Huyện Phú Ninh,Huyện,20377,Xã Tam Lộc,Xã\r\n"
    "49,Tỉnh Quảng Nam,DHNTB,510,Huyện Nam Giang,Huyện,20698,\"Xã Laêê\",Xã\r\n"
    "49,Tỉnh Quảng Nam,DHNTB,510,Huyện Nam Giang,Huyện,20704,Xã La Dêê,Xã\r\n"
    "38,Tỉnh Thanh Hóa,BTB,397,Huyện Triệu Sơn,Huyện,15667,Xã Thọ Sơn,Xã\r\n";

struct World : support::CompiledRules {
    AdminUnits units;
    GenerateOptions options;

    World() : CompiledRules(support::compile_rules_text(kRules)) {
        std::vector<ntm::text::Problem> problems;
        units = read_units(support::write_temp("units.csv", kUnits), problems);
        REQUIRE(problems.empty());
        options.provinces = {"49"};
        options.from = 2022;
        options.to = 2024;
        options.seed = 7;
    }

    Scenario scenario(const std::string& text, std::vector<ntm::text::Problem>& problems) const {
        return read_scenario(support::write_temp("scenario.txt", text), program, units, options, problems);
    }

    Generated run(const Scenario& sc = {}) const {
        std::vector<ntm::text::Problem> problems;
        Generated g = generate(program, units, sc, options, problems);
        for (const auto& p : problems) INFO(ntm::text::render(p, ntm::text::Lang::en));
        REQUIRE(problems.empty());
        return g;
    }
};

// The problems rendered, one line each.
inline std::string problems_text(const std::vector<ntm::text::Problem>& problems) {
    std::string out;
    for (const auto& p : problems) out += ntm::text::render(p, ntm::text::Lang::en);
    return out;
}

}  // namespace gen_test
