// The inputs of ntm generate: every mistake in a scenario, in an official units file or in the
// codes of provinces and districts asked for is reported with its file, line and field.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "generate/generate.hpp"
#include "tests/support/generate_world.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::engine;
using namespace ntm::data;
using namespace ntm::gen;
using gen_test::problems_text;
using gen_test::World;

TEST_CASE("generate: scenario mistakes name the file, the line and the field", "[generate]") {
    World w;
    const auto errors = [&](const std::string& text) {
        std::vector<ntm::text::Problem> problems;
        w.scenario(text, problems);
        return problems_text(problems);
    };
    const std::string path = support::write_temp("scenario.txt", "");
    CHECK(errors("\n20999 2024 level dat_chuan\n") ==
          path + ":2: error: field 'code': no unit has code '20999' in " + w.units.path + "\n");
    CHECK(errors("15667 2024 level dat_chuan\n") ==
          path + ":1: error: field 'code': '15667' (Xã Thọ Sơn) is not among the units generated (see --province, --district)\n");
    CHECK(errors("20365 2024 set hai_lon 90\n") ==
          path + ":1: error: field 'column': 'hai_lon' is no input of xa; did you mean 'hai_long'?\n");
    CHECK(errors("20365 2024 set ty_le_truong 90\n") ==
          path + ":1: error: field 'column': 'ty_le_truong' is computed by the rules, not an input\n");
    CHECK(errors("20365 2024 set hai_long 140\n") ==
          path + ":1: error: field 'hai_long': percentage 140 is outside 0–100\n");
    CHECK(errors("20365 2024 set so_truong 2,5\n") ==
          path + ":1: error: field 'so_truong': count 2,5 is not a whole number of at least 0\n");
    CHECK(errors("20365 2024 level dat_chuann\n") ==
          path + ":1: error: field 'level': no level 'dat_chuann' for xa (dat_chuan, nang_cao); did you mean 'dat_chuan'?\n");
    CHECK(errors("20365 2024 fail 10 99\n") ==
          path + ":1: error: field 'fail': no criterion '99' in the sets for xa in force in 2024\n");
    CHECK(errors("20365 2019 level none\n") ==
          path + ":1: error: field 'year': 2019 is outside the years generated (2022-2024)\n");
    CHECK(errors("20365 2024 level none\n20365 2023-2024 fail 10\n") ==
          path + ":2: error: a fail directive for 20365 in 2024 is already given on line 1\n");
    CHECK(errors("20365 2024 promote dat_chuan\n").find(path + ":1: error: expected 'missing SHARE'") == 0);
    CHECK(errors("missing 2\n") == path + ":1: error: field 'missing': share 2 is not between 0 and 1\n");
    CHECK(errors("# chỉ có ghi chú\n\n   \n").empty());
}

TEST_CASE("generate: units file mistakes name the file, the line and the field", "[generate]") {
    const auto errors = [](const std::string& text) {
        std::vector<ntm::text::Problem> problems;
        const std::string path = support::write_temp("units-bad.csv", text);
        read_units(path, problems);
        return problems_text(problems);
    };
    const std::string path = support::write_temp("units-bad.csv", "");
    const std::string header = "province_code,province,region,district_code,district,district_type,commune_code,commune,commune_type\n";
    CHECK(errors("province_code,province,region\n49,Quảng Nam,DHNTB\n") ==
          path + ":1: error: field 'district_code': the header has no 'district_code', 'district', 'district_type', "
                 "'commune_code', 'commune', 'commune_type' columns (expected: province_code, province, region, "
                 "district_code, district, district_type, commune_code, commune, commune_type)\n");
    CHECK(errors(header + "49,Tỉnh Quảng Nam,DHNTBB,518,Huyện Phú Ninh,Huyện,20365,Xã Tam Thành,Xã\n") ==
          path + ":2: error: field 'region': unknown region 'DHNTBB' (TDMNPB, DBSH, BTB, DHNTB, TN, DNB, DBSCL); did you mean 'DHNTB'?\n");
    CHECK(errors(header + "49,Tỉnh Quảng Nam,DHNTB,518,Huyện Phú Ninh,Huyện,2036x,Xã Tam Thành,Xã\n") ==
          path + ":2: error: field 'commune_code': code '2036x' is not made of digits\n");
    CHECK(errors(header + "49,Tỉnh Quảng Nam,DHNTB,518,Huyện Phú Ninh,Huyện,20365,Xã Tam Thành,Xả\n") ==
          path + ":2: error: field 'commune_type': unknown type 'Xả' (Xã, Phường, Thị trấn); did you mean 'Xã'?\n");
    CHECK(errors(header + "49,Tỉnh Quảng Nam,DHNTB,518,Huyện Phú Ninh,Huyện,20365,,Xã\n") ==
          path + ":2: error: field 'commune': empty\n");
    CHECK(errors(header + "49,Tỉnh Quảng Nam,DHNTB,518,Huyện Phú Ninh,Huyện,20365,Xã Tam Thành,Xã\n"
                          "49,Tỉnh Quảng Nam,DHNTB,518,Huyện Phú Ninh,Huyện,20365,Xã Tam An,Xã\n") ==
          path + ":3: error: field 'commune_code': commune '20365' is given twice; first on line 2\n");
    CHECK(errors(header + "49,Tỉnh Quảng Nam,DHNTB,518,Huyện Phú Ninh,Huyện,20365,Xã Tam Thành,Xã\n"
                          "49,Tỉnh Quảng Nam,BTB,518,Huyện Phú Ninh,Huyện,20368,Xã Tam An,Xã\n") ==
          path + ":3: error: field 'region': region 'BTB' of province '49' differs from 'DHNTB' on line 2\n");
    CHECK(errors(header + "49,Tỉnh Quảng Nam,DHNTB,518,Huyện Phú Ninh,Huyện,20365,\"Xã Tam Thành,Xã\n") ==
          path + ":2: error: quoted cell not closed before the end of the file\n");
    CHECK(errors(header + "49,Tỉnh Quảng Nam,DHNTB,518\n") == path + ":2: error: row has 4 cells but the header has 9\n");
    CHECK(errors(std::string("province_code\xff\n")).find("not valid UTF-8") != std::string::npos);
    // Quotes, a BOM, CRLF and ';' are read as Excel writes them.
    std::vector<ntm::text::Problem> problems;
    const AdminUnits u = read_units(
        support::write_temp("units-ok.csv", "\xEF\xBB\xBFprovince_code;province;region;district_code;district;district_type;commune_code;commune;commune_type\r\n"
                              "49;\"Tỉnh Quảng Nam\";dhntb;518;Huyện Phú Ninh;Huyện;20365;\"Xã \"\"Tam\"\" Thành\";Xã\r\n"),
        problems);
    CHECK(problems_text(problems).empty());
    REQUIRE(u.units.size() == 3);
    CHECK(u.units[2].name == "\"Tam\" Thành");
    CHECK(u.units[0].region == Region::DHNTB);
}

TEST_CASE("generate: an unknown province or district code is an error", "[generate]") {
    World w;
    w.options.provinces = {"4"};
    w.options.districts = {"5188"};
    std::vector<ntm::text::Problem> problems;
    generate(w.program, w.units, {}, w.options, problems);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].where.field == "--province");
    CHECK(problems[0].message.en().find("no province has code '4'") == 0);
    CHECK(problems[1].message.en().find("no district has code '5188'; did you mean '518'?") == 0);
}
