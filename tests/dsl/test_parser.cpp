// Grammar and parser: table-driven acceptance and rejection, the trees built, recovery,
// limits, and the rendering of syntax errors (display columns after Vietnamese text).
#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "dsl/parse_errors.hpp"
#include "dsl/load.hpp"
#include "dsl/parser.hpp"
#include "tests/support/parse.hpp"
#include "text/utf8.hpp"

using namespace ntm::dsl;
namespace pegtl = tao::pegtl;

namespace {

using support::parse;
using support::Parsed;

std::string errors(const std::string& text) {
    Parsed p = parse(text);
    return render_all(p.diags, p.sources, false, ntm::text::Lang::en);
}

template <typename Rule>
bool matches_whole(const std::string& text) {
    pegtl::memory_input in(text, "t");
    try {
        return pegtl::parse<pegtl::seq<Rule, pegtl::eof>, pegtl::nothing, grammar::error_control>(in);
    } catch (const pegtl::parse_error&) {
        return false;
    }
}

const CriteriaSet& first_set(const Parsed& p) { return std::get<CriteriaSet>(p.file.decls.at(0)); }

}  // namespace

TEST_CASE("the grammar has no rule that can loop without consuming input") {
    CHECK(pegtl::analyze<grammar::file>() == 0);
}

TEST_CASE("lexical rules accept and reject") {
    struct Row {
        const char* text;
        bool name, number, code, years;
    };
    const Row rows[] = {
        {"hai_long", true, false, false, false},
        {"tỷ_lệ_hộ_nghèo", true, false, false, false},
        {"Đường", true, false, false, false},
        {"_x1", true, false, false, false},
        {"1abc", false, false, false, false},
        {"and", false, false, false, false},
        {"andy", true, false, false, false},
        {"yes", false, false, false, false},
        {"10", false, true, true, false},
        {"17.10", false, true, true, false},
        {"1.2.3", false, false, true, false},
        {"90%", false, true, false, false},
        {"2025", false, true, true, true},
        {"2021..2025", false, false, false, true},
        {"2021 .. 2025", false, false, false, true},
        {"20251", false, true, true, false},
        {"", false, false, false, false},
    };
    for (const Row& r : rows) {
        INFO(r.text);
        CHECK(matches_whole<grammar::name>(r.text) == r.name);
        CHECK(matches_whole<grammar::number>(r.text) == r.number);
        CHECK(matches_whole<grammar::code>(r.text) == r.code);
        CHECK(matches_whole<grammar::years>(r.text) == r.years);
    }
}

TEST_CASE("keywords end at a Vietnamese letter") {
    // `setđ` is a name, not the keyword `set` followed by `đ`.
    CHECK_FALSE(matches_whole<grammar::kw_set>("setđ"));
    CHECK(matches_whole<grammar::name>("setđ"));
    CHECK(matches_whole<grammar::kw_set>("set"));
    CHECK_FALSE(matches_whole<grammar::reserved>("notế"));
}

TEST_CASE("expressions accept and reject") {
    const char* good[] = {
        "a",         "a + b * c",  "-a",         "not a and b or c",   "ratio(a, b) >= 90%",
        "a ≥ 1",     "a != b",     "a ≠ b",      "count(xa where level >= dat_chuan)",
        "f()",       "(a)",        "\"397\"",     "any(a, b, c)",       "x where y",
    };
    for (const char* text : good) {
        INFO(text);
        CHECK(matches_whole<grammar::arg>(text));
    }
    const char* bad[] = {"a +", "(a", "a >= ", "not", "f(a,", "a b"};
    for (const char* text : bad) {
        INFO(text);
        CHECK_FALSE(matches_whole<grammar::arg>(text));
    }
}

TEST_CASE("expressions get the usual precedence") {
    Parsed p = parse("class c { for xa when a or b and not c >= 1 + 2 * 3 }");
    REQUIRE(p.diags.items().empty());
    const Expr& e = *std::get<ClassDecl>(p.file.decls.at(0)).when;
    REQUIRE(e.kind == ExprKind::binary);
    CHECK(e.op == Op::or_);
    const Expr& conj = *e.args[1];
    CHECK(conj.op == Op::and_);
    const Expr& neg = *conj.args[1];
    CHECK(neg.kind == ExprKind::unary);
    CHECK(neg.op == Op::not_);
    const Expr& cmp = *neg.args[0];
    CHECK(cmp.op == Op::ge);
    CHECK(cmp.args[1]->op == Op::add);
    CHECK(cmp.args[1]->args[1]->op == Op::mul);
}

TEST_CASE("chains are left-associative") {
    Parsed p = parse("class c { for xa when a - b - c > 0 }");
    const Expr& cmp = *std::get<ClassDecl>(p.file.decls.at(0)).when;
    const Expr& sub = *cmp.args[0];
    CHECK(sub.op == Op::sub);
    CHECK(sub.args[1]->text == "c");
    CHECK(sub.args[0]->op == Op::sub);
}

TEST_CASE("a set becomes a tree that keeps codes, titles and tables as written") {
    Parsed p = parse(R"(set s "Bộ tiêu chí" {
  source "QĐ 318/QĐ-TTg"
  for xa
  valid 2021..2025
  region TDMNPB when xa_dbkk
  group "I. QUY HOẠCH" {
    criterion 1 "Quy hoạch" {
      indicator 1.1 "Có quy hoạch" { unit yesno require yes }
    }
  }
  criterion 17 "Môi trường" {
    combine at_least 2
    indicator 17.10 "Phân loại rác" {
      unit percent
      applies when co_lang_nghe
      require >= table {
             2021..2022 2023
        BTB  40         50.5
      }
      require <= 100
    }
  }
  override indicator 2.2 { require in 10 .. 20 }
  remove criterion 19
})");
    REQUIRE(render_all(p.diags, p.sources, false, ntm::text::Lang::en).empty());
    const CriteriaSet& s = first_set(p);
    CHECK(s.name.text == "s");
    CHECK(s.title->value == "Bộ tiêu chí");
    CHECK(s.kind->text == "xa");
    CHECK(s.valid->from == 2021);
    CHECK(s.valid->to == 2025);
    REQUIRE(s.region_overrides.size() == 1);
    CHECK(s.region_overrides[0].region.text == "TDMNPB");
    REQUIRE(s.groups.size() == 1);
    REQUIRE(s.criteria.size() == 2);
    CHECK(s.criteria[0].group == 0);
    CHECK(s.criteria[1].group == -1);
    CHECK(s.criteria[1].combine->kind == CombineKind::at_least);
    CHECK(s.criteria[1].combine->count == 2);
    const Indicator& ind = s.criteria[1].indicators.at(0);
    CHECK(ind.code.text == "17.10");
    CHECK(ind.applies);
    REQUIRE(ind.requirements.size() == 2);
    const Threshold& t = *ind.requirements[0].low;
    CHECK(t.kind == ThresholdKind::table);
    REQUIRE(t.table_years.size() == 2);
    CHECK(t.table_years[0].from == 2021);
    CHECK(t.table_years[0].to == 2022);
    REQUIRE(t.table_rows.size() == 1);
    CHECK(t.table_rows[0].values[1].text == "50.5");
    CHECK(t.table_rows[0].values[1].value == Approx(50.5));
    CHECK(ind.requirements[1].cmp == Cmp::le);
    REQUIRE(s.indicator_overrides.size() == 1);
    CHECK(s.indicator_overrides[0].requirements[0].cmp == Cmp::in_range);
    REQUIRE(s.removals.size() == 1);
    CHECK(s.removals[0].target == OverrideTarget::criterion);
    // Spans are byte offsets into the text.
    CHECK(p.sources.text(ind.code.span) == "17.10");
    CHECK(p.sources.text(s.name.span) == "s");
}

TEST_CASE("thresholds by region, by year and by case") {
    Parsed p = parse(R"(set s { criterion 2 { indicator 2.2 { unit percent
      require >= when dtts_mien_nui: 40
                 when xa_dbkk: by region { TDMNPB: 30 DBSH: 35 }
                 else by year { 2021..2022: 50 2023: 55 }
    } } })");
    REQUIRE(render_all(p.diags, p.sources, false, ntm::text::Lang::en).empty());
    const Threshold& t = *first_set(p).criteria[0].indicators[0].requirements[0].low;
    REQUIRE(t.kind == ThresholdKind::cases);
    REQUIRE(t.cases.size() == 2);
    CHECK(t.cases[0].value->constant.value == 40);
    CHECK(t.cases[1].value->kind == ThresholdKind::by_region);
    CHECK(t.cases[1].value->regions.size() == 2);
    REQUIRE(t.otherwise);
    CHECK(t.otherwise->kind == ThresholdKind::by_year);
    CHECK(t.otherwise->years[1].years.from == 2023);
}

TEST_CASE("the other declarations") {
    Parsed p = parse(R"(unit km "km"
body so_gtvt "Sở Giao thông vận tải"
member pbt "Phó Bí thư"
data xa {
  field a "Trường A": km
  derive b: percent = ratio(a, a)
}
level dat_chuan "Xã đạt chuẩn" { for xa meets s1, s2 gate g "Hài lòng": hai_long >= 90% }
assignments p { sets s1 criterion 1, 9 -> so_xd indicator 17.1 -> so_nn
  locality "15667", "15670" -> pbt due 2020-11-30
  locality where parent = "397" -> pbt }
target t "Mục tiêu" { locality "49" year 2021 dat_chuan +8 kieu_mau 2 })");
    REQUIRE(render_all(p.diags, p.sources, false, ntm::text::Lang::en).empty());
    REQUIRE(p.file.decls.size() == 7);
    CHECK(std::get<UnitDecl>(p.file.decls[0]).symbol.value == "km");
    CHECK(std::get<ResponsibleDecl>(p.file.decls[1]).kind == ResponsibleKind::body);
    CHECK(std::get<ResponsibleDecl>(p.file.decls[2]).kind == ResponsibleKind::member);
    const auto& d = std::get<DataDecl>(p.file.decls[3]);
    REQUIRE(d.fields.size() == 2);
    CHECK_FALSE(d.fields[0].derive);
    CHECK(d.fields[1].derive);
    CHECK(d.fields[1].unit.text == "percent");
    const auto& l = std::get<LevelDecl>(p.file.decls[4]);
    CHECK(l.meets.size() == 2);
    REQUIRE(l.gates.size() == 1);
    CHECK(l.gates[0].condition->args[1]->percent);
    const auto& a = std::get<AssignmentsDecl>(p.file.decls[5]);
    REQUIRE(a.assignments.size() == 4);
    CHECK(a.assignments[0].codes.size() == 2);
    CHECK(a.assignments[1].target == AssignTarget::indicator);
    CHECK(a.assignments[2].localities.size() == 2);
    CHECK(a.assignments[2].due->day == 30);
    CHECK(a.assignments[3].where);
    const auto& t = std::get<TargetDecl>(p.file.decls[6]);
    REQUIRE(t.lines.size() == 2);
    CHECK(t.lines[0].increment);
    CHECK_FALSE(t.lines[1].increment);
    CHECK(t.lines[1].count.value == 2);
}

TEST_CASE("comments are collected with their places, also after code and not inside strings") {
    Parsed p = parse("# đầu tệp\nunit km \"km # không phải chú thích\" # sau mã\n");
    REQUIRE(p.file.comments.size() == 2);
    CHECK(p.file.comments[0].text == " đầu tệp");
    CHECK(p.file.comments[1].text == " sau mã");
    CHECK(p.sources.text(p.file.comments[1].span) == "# sau mã");
}

TEST_CASE("a syntax error names what was expected and what was found, at display columns") {
    // "Tỷ lệ đường" holds multi-byte letters: the caret must still sit under 'most', at
    // column 45 (byte 53).
    const std::string out = errors("set s { criterion 2 \"Tỷ lệ đường\" { combine most } }\n");
    CHECK(out ==
          "t.ntm:1:45: error[E0001]: expected 'all', 'any' or 'at_least K' after 'combine', found "
          "'most'\n"
          "    1 | set s { criterion 2 \"Tỷ lệ đường\" { combine most } }\n"
          "      |                                             ^~~~\n");
}

TEST_CASE("a misspelt keyword gets a suggestion") {
    const std::string out = errors("levl x { }\n");
    CHECK(out.find("found 'levl'") != std::string::npos);
    CHECK(out.find("help: did you mean 'level'?") != std::string::npos);
}

TEST_CASE("parsing recovers at the next declaration and reports every error") {
    Parsed p = parse("set a { for }\nunit km \"km\"\nset b { valid 20x }\nbody x \"Sở\"\n");
    REQUIRE(p.diags.items().size() == 2);
    CHECK(p.sources.locate(0, p.diags.items()[0].span.begin).line == 1);
    CHECK(p.sources.locate(0, p.diags.items()[1].span.begin).line == 3);
    CHECK(p.file.decls.size() == 2);  // the unit and the body
}

TEST_CASE("a block left open is reported where the next declaration starts") {
    const std::string out = errors("set a {\n  for xa\n\nunit km \"km\"\n");
    CHECK(out.find("t.ntm:4:1: error[E0001]: missing '}' before the next declaration") != std::string::npos);
    CHECK(out.find("t.ntm:1:1: note: the declaration that is not closed starts here") != std::string::npos);
}

TEST_CASE("unterminated strings stop at the end of their line") {
    Parsed p = parse("unit km \"km\nunit m \"m\"\n");
    REQUIRE_FALSE(p.diags.items().empty());
    CHECK(p.diags.items()[0].code == "E0006");
    CHECK(p.sources.locate(0, p.diags.items()[0].span.begin).line == 1);
}

TEST_CASE("properties given twice are reported with the first place") {
    Parsed p = parse("set s { for xa for huyen }");
    REQUIRE(p.diags.items().size() == 1);
    CHECK(p.diags.items()[0].code == "E0007");
    CHECK(p.diags.items()[0].message.en() == "'for' is given twice in this block");
    REQUIRE(p.diags.items()[0].notes.size() == 1);
}

TEST_CASE("bad numbers, years and dates") {
    CHECK(errors("set s { valid 2025..2021 }").find("year range 2025..2021 ends before it starts") !=
          std::string::npos);
    CHECK(errors("assignments a { criterion 1 -> b due 2025-02-30 }").find("'2025-02-30' is not a calendar date") !=
          std::string::npos);
    CHECK(errors("assignments a { criterion 1 -> b due 2024-02-29 }").empty());
}

TEST_CASE("hostile input gets an error, not a crash") {
    SECTION("deep parentheses") {
        const std::string deep = "class c { when " + std::string(5000, '(') + "a" + std::string(5000, ')') + " }";
        Parsed p = parse(deep);
        REQUIRE_FALSE(p.diags.items().empty());
        CHECK(p.diags.items()[0].code == "E0005");
    }
    SECTION("deep prefix operators") {
        Parsed p = parse("class c { when " + std::string(5000, '-') + "a }");
        REQUIRE_FALSE(p.diags.items().empty());
        CHECK(p.diags.items()[0].code == "E0005");
        Parsed q = parse("class c { when " + [] {
            std::string s;
            for (int i = 0; i < 3000; ++i) s += "not ";
            return s;
        }() + "a }");
        REQUIRE_FALSE(q.diags.items().empty());
        CHECK(q.diags.items()[0].code == "E0005");
    }
    SECTION("long operator chains") {
        std::string chain = "a";
        for (int i = 0; i < 2000; ++i) chain += " + a";
        Parsed p = parse("class c { when " + chain + " > 0 }");
        REQUIRE_FALSE(p.diags.items().empty());
        CHECK(p.diags.items()[0].code == "E0005");
    }
    SECTION("deep thresholds") {
        std::string t;
        for (int i = 0; i < 500; ++i) t += "when a: 1 when b: ";
        Parsed p = parse("set s { criterion 1 { indicator 1.1 { unit count require >= " + t + "1 else 2 } } }");
        REQUIRE_FALSE(p.diags.items().empty());
    }
    SECTION("a line over the length limit") {
        Parsed p = parse(std::string(ntm::text::Limits{}.line_bytes + 1, '#'));
        REQUIRE(p.diags.items().size() == 1);
        CHECK(p.diags.items()[0].code == "E0010");
    }
    SECTION("binary junk") {
        std::string junk;
        for (int i = 1; i < 256; ++i) junk += static_cast<char>(i);
        Parsed p = parse(junk);
        CHECK(p.diags.has_errors());
    }
}

TEST_CASE("display width counts characters, not bytes") {
    CHECK(ntm::text::display_width("abc") == 3);
    CHECK(ntm::text::display_width("Tỷ lệ") == 5);
    CHECK(ntm::text::display_width("a\xcc\x81") == 1);  // a + combining acute
    CHECK(ntm::text::display_width("Đường") == 5);
}

TEST_CASE("text that is not NFC is reported at the letter, and fmt's normalisation fixes it") {
    CHECK(ntm::text::to_nfc("Xa\xcc\x81") == "X\xc3\xa1");
    std::vector<ntm::text::Problem> io;
    SourceManager sources;
    Diagnostics diags;
    NodeIds ids;
    const std::string path = std::string(NTM_SOURCE_DIR) + "/tests/golden/check/ok_vietnamese.ntm";
    Module m = load_rules({path}, sources, diags, ids, io);
    CHECK(io.empty());
    CHECK(diags.items().empty());
    CHECK(m.files.size() == 1);
}

TEST_CASE("combine lines in data, and valid in assignments") {
    SourceManager sources;
    Diagnostics diags;
    NodeIds ids;
    const FileId f = sources.add("combine.ntm", "data xa {\n  field so_ho: count\n"
                                                "  combine weighted by so_ho: 9.1, \"17.1\", ty_le\n"
                                                "  combine resurvey:\n    10\n}\n"
                                                "assignments a { sets s valid 2025..2030 }\n");
    const RuleFile file = parse_file(f, sources, diags, ids);
    INFO(render_all(diags, sources, false, ntm::text::Lang::en));
    REQUIRE_FALSE(diags.has_errors());
    const auto& d = std::get<DataDecl>(file.decls.at(0));
    REQUIRE(d.combines.size() == 2);
    CHECK(d.combines[0].way == MergeWay::weighted);
    REQUIRE(d.combines[0].weight);
    CHECK(d.combines[0].weight->text == "so_ho");
    REQUIRE(d.combines[0].inputs.size() == 3);
    CHECK(d.combines[0].inputs[0].text == "9.1");
    CHECK_FALSE(d.combines[0].inputs[0].quoted);
    CHECK(d.combines[0].inputs[1].text == "17.1");
    CHECK(d.combines[0].inputs[1].quoted);
    CHECK(d.combines[1].way == MergeWay::resurvey);
    CHECK(d.combines[1].inputs.at(0).text == "10");
    const auto& a = std::get<AssignmentsDecl>(file.decls.at(1));
    REQUIRE(a.valid);
    CHECK(a.valid->from == 2025);
    CHECK(a.valid->to == 2030);
}

TEST_CASE("combine lines: what is expected where") {
    auto error = [](const std::string& text) {
        SourceManager sources;
        Diagnostics diags;
        NodeIds ids;
        parse_file(sources.add("x.ntm", text), sources, diags, ids);
        return diags.items().empty() ? std::string() : diags.items()[0].message.en();
    };
    CHECK(error("data xa { combine average: a }") ==
          "expected how the input combines when units merge: 'sum', 'weighted by NAME', 'all', 'any', "
          "'min', 'max' or 'resurvey', found 'average'");
    CHECK(error("data xa { combine weighted so_ho: a }") ==
          "expected 'by' and the input that weights the mean after 'weighted', found 'so_ho'");
    CHECK(error("data xa { combine sum: }").rfind("expected one or more inputs", 0) == 0);
    CHECK(error("assignments a { valid 2021..2024 valid 2025 }") == "'valid' is given twice in this block");
}

TEST_CASE("an expression that ends or starts with parentheses spans them") {
    // The rule text of a condition is quoted in explanations, the handbook and diffs: before,
    // the span of `p or (q and r)` stopped before the closing parenthesis.
    const Parsed p = parse("class c \"C\" { for xa when p or (q and r) }\n"
                           "class d \"D\" { for xa when (p or q) and r }\n");
    REQUIRE_FALSE(p.diags.has_errors());
    const auto& c = std::get<ClassDecl>(p.file.decls.at(0));
    REQUIRE(c.when);
    CHECK(p.sources.text(c.when->span) == "p or (q and r)");
    CHECK(p.sources.text(c.when->args.at(1)->span) == "(q and r)");
    const auto& d = std::get<ClassDecl>(p.file.decls.at(1));
    REQUIRE(d.when);
    CHECK(p.sources.text(d.when->span) == "(p or q) and r");
}
