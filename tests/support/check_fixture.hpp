// What the checker's tests share: declarations most cases build on, and one rule file parsed
// and checked, read back as diagnostics.
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dsl/checker.hpp"
#include "dsl/parser.hpp"

namespace check_test {

// The English text of a diagnostic's help ("" when there is none): the tests are written against it.
inline std::string help_en(const std::optional<ntm::text::Message>& help) { return help ? help->en() : std::string(); }

using namespace ntm::dsl;

// Declarations most cases build on; checked clean in the first case.
inline const std::string kPrelude = R"(unit trieu_dong "triệu đồng/người/năm"
unit km "km"
data xa {
  field dtts "Xã miền núi": yesno
  field hai_long "Tỷ lệ hài lòng": percent
  field no_dong: yesno
  field duong_km: km
  field duong_cung_km: km
  field so_htx: count
  derive ty_le_duong: percent = ratio(duong_cung_km, duong_km)
}
data thon { field dat_chuan_thon: yesno }
data huyen { field ty_le: percent }
set xa_2021 "Bộ tiêu chí xã" {
  for xa
  valid 2021..2025
  criterion 1 "Quy hoạch" {
    indicator 1.1 "Có quy hoạch" { unit yesno require yes }
  }
  criterion 2 "Giao thông" {
    indicator 2.2 "Đường thôn" { unit percent value ty_le_duong require >= 70 }
  }
  criterion 13 "Tổ chức sản xuất" {
    combine at_least 1
    indicator 13.1 "Hợp tác xã" { unit yesno require yes }
    indicator 13.2 "Số hợp tác xã" { unit count require >= 1 }
  }
}
level dat_chuan "Xã đạt chuẩn" { for xa meets xa_2021 gate hai_long "Hài lòng": hai_long >= 90% }
body so_xd "Sở Xây dựng"
member pho_bi_thu "Phó Bí thư"
)";

struct Checking {
    SourceManager sources;
    Diagnostics diags;
    NodeIds ids;
    Module module;
    Checked checked;
};

// Parses `text` as one rule file and checks it; a syntax error fails the test.
inline std::unique_ptr<Checking> run(const std::string& text) {
    auto c = std::make_unique<Checking>();
    const FileId f = c->sources.add("rules.ntm", text);
    c->module.files.push_back(parse_file(f, c->sources, c->diags, c->ids));
    INFO(render_all(c->diags, c->sources, false, ntm::text::Lang::en));
    REQUIRE_FALSE(c->diags.has_errors());
    c->checked = check(c->module, c->sources, c->diags);
    return c;
}

// "CODE message" for each diagnostic of the prelude followed by `text`, in order.
inline std::vector<std::string> found(const std::string& text) {
    auto c = run(kPrelude + text);
    std::vector<std::string> out;
    for (const Diagnostic& d : c->diags.items()) out.push_back(d.code + " " + d.message.en());
    return out;
}

using Lines = std::vector<std::string>;

// The only diagnostic of the prelude followed by `text`.
inline Diagnostic only(const std::string& text) {
    auto c = run(kPrelude + text);
    INFO(render_all(c->diags, c->sources, false, ntm::text::Lang::en));
    REQUIRE(c->diags.items().size() == 1);
    return c->diags.items()[0];
}

// A set for xa, valid 2021..2025, with one criterion 9 holding `body`.
inline std::string set_with(const std::string& body) {
    return "set s9 \"Thử\" {\n  for xa\n  valid 2021..2025\n  criterion 9 \"C\" {\n" + body +
           "\n  }\n}\n";
}

inline std::string gate(const std::string& condition) {
    return "level thu \"Thử\" { for xa after dat_chuan gate g: " + condition + " }\n";
}

}  // namespace check_test
