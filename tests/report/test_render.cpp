// Renderers: data problems, the evaluation summary, explanations and the ntm-eval JSON, on the
// rules of the golden cases (tests/golden/eval/phu_ninh) and hand-built data.
#include <catch2/catch.hpp>
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.hpp"
#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "report/json.hpp"
#include "report/text.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::engine;
using namespace ntm::report;

namespace {

struct World : support::CompiledRules {
    Dataset data;

    World() : CompiledRules(support::compile_rules(std::string(NTM_SOURCE_DIR) + "/tests/golden/eval/phu_ninh")) {
        add("49", "Quảng Nam", "Tỉnh", EntityKind::tinh, "", Region::DHNTB, {});
        add("518", "Phú Ninh", "Huyện", EntityKind::huyen, "49", Region::DHNTB, {});
    }

    std::uint32_t add(const std::string& code, const std::string& name, const std::string& type, EntityKind kind,
                      const std::string& parent, Region region, const std::map<std::string, double>& values,
                      std::vector<Recognition> recognised = {}) {
        Entity e;
        e.code = code;
        e.name = name;
        e.type = type;
        e.kind = kind;
        e.parent_code = parent;
        e.region = region;
        e.recognised = std::move(recognised);
        return support::add_entity(data, program.schema, std::move(e), 2024, values);
    }

    // A commune of Phú Ninh; `changes` replace the values of one that meets everything.
    std::uint32_t xa(const std::string& code, const std::string& name, std::map<std::string, double> changes = {},
                     std::vector<Recognition> recognised = {}) {
        std::map<std::string, double> v = {{"xa_dbkk", 0}, {"co_lang_nghe", 0}, {"hai_long", 95},
                                           {"no_dong_xdcb", 0}, {"2.2", 80}, {"10", 52}, {"13.1", 1}};
        for (const auto& [k, x] : changes) v[k] = x;
        return add(code, name, "Xã", EntityKind::xa, "518", Region::DHNTB, v, std::move(recognised));
    }

    Evaluation run(unsigned threads = 1) const { return evaluate(program, data, {2024, threads, kNone}); }
};

// Every line of `text` that contains `needle`.
std::vector<std::string> lines_with(const std::string& text, const std::string& needle) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        if (line.find(needle) != std::string::npos) out.push_back(line);
        start = end + 1;
    }
    return out;
}

}  // namespace

TEST_CASE("render: data problems read like diagnostics") {
    CHECK(ntm::text::render(ntm::text::Problem{"D0203", ntm::text::ProblemKind::value, {"xa.csv", 11, "hai_long"}, ntm::text::Message::same("percentage 140 is outside 0–100")}, ntm::text::Lang::en) ==
          "xa.csv:11: error[D0203]: field 'hai_long': percentage 140 is outside 0–100\n");
    CHECK(ntm::text::render(ntm::text::Problem{"D0001", ntm::text::ProblemKind::warning, {"xa.csv", 1, "ghi chú"}, ntm::text::Message::same("unknown column")}, ntm::text::Lang::en) ==
          "xa.csv:1: warning[D0001]: field 'ghi chú': unknown column\n");
    CHECK(ntm::text::render(ntm::text::Problem{"D0103", ntm::text::ProblemKind::record, {"xa.json", 0, ""}, ntm::text::Message::same("duplicate record")}, ntm::text::Lang::en) ==
          "xa.json: error[D0103]: duplicate record\n");
}

TEST_CASE("render: entities are listed by official code, shorter codes first") {
    CHECK(code_order("49", "518"));
    CHECK(code_order("518", "20365"));
    CHECK(code_order("20365", "20368"));
    CHECK_FALSE(code_order("20368", "20368"));
    Entity e;
    e.type = "Xã";
    e.name = "Tam An";
    CHECK(display_name(e) == "Xã Tam An");
    e.name = "Xã Tam An";
    CHECK(display_name(e) == "Xã Tam An");
}

TEST_CASE("render: sorted_by_code gives the order of sorting the indices by code_order, ties too") {
    // Codes of every length around the eight bytes compared as one number, equal codes (one on
    // each map), bytes past ASCII, a zero byte; in a scrambled order.
    std::vector<std::string> codes;
    std::uint32_t seed = 7;
    const std::string alphabet = std::string("0123456789") + "\xc3\xa9" + std::string(1, '\0') + "_";
    for (int n = 0; n < 2000; ++n) {
        seed = seed * 1664525u + 1013904223u;
        std::string code;
        const std::size_t length = 1 + (seed >> 8) % 12;
        for (std::size_t k = 0; k < length; ++k) {
            seed = seed * 1664525u + 1013904223u;
            code += alphabet[(seed >> 16) % alphabet.size()];
        }
        codes.push_back(code);
        if (n % 7 == 0) codes.push_back(code);  // a tie
    }
    std::vector<std::uint32_t> expected(codes.size());
    for (std::uint32_t i = 0; i < expected.size(); ++i) expected[i] = i;
    std::sort(expected.begin(), expected.end(),
              [&](std::uint32_t a, std::uint32_t b) { return code_order(codes[a], codes[b]); });
    const std::vector<std::uint32_t> got = ntm::report::sorted_by_code(
        static_cast<std::uint32_t>(codes.size()), [&](std::uint32_t i) { return std::string_view(codes[i]); });
    CHECK(got == expected);
}

TEST_CASE("render: the summary counts levels, classes, maintenance and district progress") {
    World w;
    w.xa("20365", "Tam Thành", {{"2.2", 95}, {"10", 56.2}});                      // nâng cao
    w.xa("20368", "Tam An");                                                        // đạt chuẩn
    w.xa("20380", "Tam Phước", {{"10", kUnknown}});                                 // thiếu dữ liệu
    w.xa("20387", "Tam Đại", {{"2.2", 40}, {"10", 38}, {"13.1", 0}});              // dưới 2 tiêu chí
    w.xa("20377", "Tam Lộc", {{"10", 48.7}}, {{"dat_chuan", 2021}});               // mất chuẩn
    const Evaluation ev = w.run();
    const std::string text = render_eval_text(w.program, w.data, ev);
    INFO(text);

    CHECK(text.rfind("NĂM 2024\n", 0) == 0);
    CHECK(lines_with(text, "  Xã đạt chuẩn nông thôn mới: Bộ tiêu chí xã nông thôn mới (bản thu gọn) — QĐ 318").size() == 1);
    CHECK(lines_with(text, "  Chưa đạt                        3   60 %              1").size() == 1);
    CHECK(lines_with(text, "  Xã đạt chuẩn nông thôn mới      1   20 %              –").size() == 1);
    CHECK(lines_with(text, "  Xã nông thôn mới nâng cao       1   20 %              –").size() == 1);
    CHECK(lines_with(text, "Số tiêu chí đạt bình quân: 2/3").size() == 1);  // (3+3+2+0+2)/5
    CHECK(lines_with(text, "Xã dưới 2 tiêu chí: 1").size() == 1);
    CHECK(lines_with(text, "  20387  Xã Tam Đại  0/3 tiêu chí").size() == 1);
    CHECK(lines_with(text, "  20377  Xã Tam Lộc  Xã đạt chuẩn nông thôn mới (công nhận năm 2021)").size() == 1);
    CHECK(lines_with(text, "Huyện Phú Ninh (518): 2/5 xã đạt chuẩn nông thôn mới; 1/5 xã nông thôn mới nâng cao "
                           "(1 xã thiếu dữ liệu)")
              .size() == 1);

    // Columns are aligned by what the eye sees, not by bytes: "Mức cao nhất đạt được" and
    // "Chưa đạt" have many multi-byte letters.
    const auto header = lines_with(text, "Mức cao nhất đạt được");
    const auto row = lines_with(text, "  Chưa đạt  ");
    REQUIRE(header.size() == 2);
    REQUIRE(row.size() == 2);
    CHECK(ntm::text::display_width(header[0]) == ntm::text::display_width(row[0]));
}

TEST_CASE("render: the summary does not depend on the number of threads") {
    World w;
    for (int i = 0; i < 600; ++i) {
        w.xa(std::to_string(30000 + i), "Xã thử " + std::to_string(i), {{"2.2", 60 + (i % 20)}, {"10", 45 + (i % 9)}});
    }
    const Evaluation one = w.run(1), four = w.run(4);
    CHECK(render_eval_text(w.program, w.data, one) == render_eval_text(w.program, w.data, four));
    const EvalRun a{{"quy-dinh.ntm"}, "xa.csv", {one}}, b{{"quy-dinh.ntm"}, "xa.csv", {four}};
    CHECK(eval_json(w.program, w.data, a).dump() == eval_json(w.program, w.data, b).dump());
}

TEST_CASE("render: an explanation shows values, requirements, gaps and where they come from") {
    World w;
    w.xa("20374", "Tam Đàn", {{"2.2", 69.5}});
    w.xa("20377", "Tam Lộc", {{"10", 48.7}}, {{"dat_chuan", 2021}});
    w.xa("20395", "Tam Lãnh", {{"xa_dbkk", 1}, {"2.2", 55}, {"10", 46}});
    w.xa("20380", "Tam Phước", {{"10", kUnknown}, {"co_lang_nghe", 1}, {"13.4", 1}});
    const Evaluation ev = w.run();

    SECTION("not met, with the gap in Vietnamese number style") {
        const std::string text = render_explanation_text(explain(w.program, w.data, ev, support::result_of(w.data, ev, "20374")), w.data);
        INFO(text);
        CHECK(text.rfind("Xã Tam Đàn (mã 20374), thuộc Huyện Phú Ninh (mã 518)\n", 0) == 0);
        CHECK(lines_with(text, "Mức đạt: chưa đạt mức nào").size() == 1);
        CHECK(lines_with(text, "      ✗ 2.2 Tỷ lệ đường thôn, liên thôn được cứng hóa: 69,5 % — yêu cầu ≥ 70 %, "
                               "còn thiếu 0,5 điểm %")
                  .size() == 1);
        CHECK(lines_with(text, "căn cứ: vùng Duyên hải Nam Trung Bộ, năm 2024 — quy định: ").size() >= 2);
        CHECK(lines_with(text, "nguồn: QĐ 318/QĐ-TTg, Phụ lục I, chỉ tiêu 2.2").size() == 1);
        CHECK(lines_with(text, "  ✗ tiêu chí 2 Giao thông — chỉ tiêu 2.2: 69,5 % (yêu cầu ≥ 70 %) — phụ trách: "
                               "Sở Giao thông vận tải")
                  .size() == 1);
        CHECK(lines_with(text, "– 13.4 ").size() == 2);  // at both levels
        CHECK(lines_with(text, ": không áp dụng").size() == 2);
    }
    SECTION("maintenance warning") {
        const std::string text = render_explanation_text(explain(w.program, w.data, ev, support::result_of(w.data, ev, "20377")), w.data);
        INFO(text);
        CHECK(lines_with(text, "⚠ Duy trì chuẩn: đã được công nhận “Xã đạt chuẩn nông thôn mới” năm 2021, năm 2024 "
                               "không còn đạt mức này.")
                  .size() == 1);
        CHECK(lines_with(text, "còn thiếu 1,3 triệu đồng/người/năm").size() == 2);  // at both levels
    }
    SECTION("thresholds of another region, and why") {
        const std::string text = render_explanation_text(explain(w.program, w.data, ev, support::result_of(w.data, ev, "20395")), w.data);
        INFO(text);
        CHECK(lines_with(text, "✓ 2.2 Tỷ lệ đường thôn, liên thôn được cứng hóa: 55 % — yêu cầu ≥ 50 %").size() == 1);
        CHECK(lines_with(text, "căn cứ: vùng Trung du và miền núi phía Bắc, năm 2024").size() >= 2);
        CHECK(lines_with(text, "Ngưỡng áp dụng theo vùng: Trung du và miền núi phía Bắc (theo quy định riêng").size() == 2);
    }
    SECTION("missing data") {
        const std::string text = render_explanation_text(explain(w.program, w.data, ev, support::result_of(w.data, ev, "20380")), w.data);
        INFO(text);
        CHECK(lines_with(text, "Mức đạt: chưa đạt mức nào (có thể cao hơn: thiếu dữ liệu)").size() == 1);
        CHECK(lines_with(text, "Số tiêu chí đạt: 2/3 (1 tiêu chí thiếu dữ liệu)").size() == 1);
        CHECK(lines_with(text, "? 10 Thu nhập bình quân đầu người khu vực nông thôn: không có số liệu hợp lệ — "
                               "yêu cầu ≥ 50 triệu đồng/người/năm")
                  .size() == 2);
        CHECK(lines_with(text, "✓ 13.4 ").size() == 2);
        CHECK(lines_with(text, "phụ trách: Sở Công Thương").size() == 2);  // not the criterion's body
    }
}

TEST_CASE("render: ntm-eval JSON keeps its keys, numbers and nulls") {
    World w;
    w.xa("20374", "Tam Đàn", {{"2.2", 69.5}});
    w.xa("20380", "Tam Phước", {{"10", kUnknown}});
    w.xa("20387", "Tam Đại", {{"2.2", 40}, {"10", 38.7}, {"13.1", 0}});
    w.data.problems.push_back({"D0203", ntm::text::ProblemKind::value, {"xa.csv", 11, "hai_long"}, ntm::text::say("D0203", "140")});
    const EvalRun run{{"quy-dinh.ntm"}, "xa.csv", {w.run()}};
    const Json doc = eval_json(w.program, w.data, run);

    std::vector<std::string> keys;
    for (const auto& item : doc.items()) keys.push_back(item.key());
    CHECK(keys == std::vector<std::string>{"format", "version", "rules", "data", "counts", "years", "problems"});
    CHECK(doc["format"] == "ntm-eval");
    CHECK(doc["version"] == 1);
    CHECK(doc["counts"]["read"] == 5);

    const Json& year = doc["years"][0];
    CHECK(year["year"] == 2024);
    REQUIRE(year["entities"].size() == 5);
    CHECK(year["entities"][0]["code"] == "49");  // by code, shorter first
    CHECK(year["entities"][1]["code"] == "518");
    CHECK(year["entities"][0]["levels"].empty());

    const Json& dan = year["entities"][2];
    CHECK(dan["code"] == "20374");
    CHECK(dan["level"].is_null());
    CHECK(dan["level_uncertain"] == false);
    CHECK(dan["criteria_met"] == 2);
    const Json& i22 = dan["levels"][0]["criteria"][0]["indicators"][0];
    CHECK(i22["code"] == "2.2");
    CHECK(i22["status"] == "not_met");
    CHECK(i22["value"].is_number_float());
    CHECK(i22["value"] == 69.5);
    CHECK(i22["threshold"] == Json{{"cmp", ">="}, {"low", 70}, {"high", nullptr}});
    CHECK(i22["threshold"]["low"].is_number_integer());
    CHECK(i22["gap"] == 0.5);
    CHECK(i22["rule"].get<std::string>().find("quy-dinh.ntm:") != std::string::npos);

    const Json& phuoc = year["entities"][3];
    CHECK(phuoc["level_uncertain"] == true);
    const Json& i10 = phuoc["levels"][0]["criteria"][1]["indicators"][0];
    CHECK(i10["status"] == "unknown");
    CHECK(i10["value"].is_null());
    CHECK(i10["gap"].is_null());

    const Json& dai = year["entities"][4];
    CHECK(dai["classes"] == Json::array({"duoi_2_tieu_chi"}));
    const Json& i10dai = dai["levels"][0]["criteria"][1]["indicators"][0];
    CHECK(i10dai["gap"] == 11.3);  // 50 - 38.7, without binary noise
    const Json& i131 = dai["levels"][0]["criteria"][2]["indicators"][0];
    CHECK(i131["value"] == false);
    CHECK(i131["threshold"]["cmp"] == "yes");
    const Json& i134 = dai["levels"][0]["criteria"][2]["indicators"][1];
    CHECK(i134["status"] == "not_applicable");
    CHECK(i134["threshold"].is_null());
    CHECK(i134["responsible"] == "Sở Công Thương");

    CHECK(doc["problems"][0] == Json{{"code", "D0203"}, {"kind", "value"}, {"file", "xa.csv"}, {"line", 11},
                                     {"field", "hai_long"}, {"message", "tỷ lệ phần trăm 140 nằm ngoài khoảng 0–100"}, {"message_en", "percentage 140 is outside 0–100"}});
}
