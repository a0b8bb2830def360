#include "tests/support/support.hpp"

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <system_error>
#include <utility>

#include "data/units.hpp"
#include "dsl/diagnostics.hpp"
#include "text/problem.hpp"

namespace support {

using namespace ntm::engine;

namespace {

// The process's temporary folder, removed at exit so that the many test processes of a CTest
// run leave nothing behind.
struct TempRoot {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("ntm-test-" + std::to_string(::getpid()));
    TempRoot() { std::filesystem::create_directories(path); }
    ~TempRoot() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    TempRoot(const TempRoot&) = delete;
    TempRoot& operator=(const TempRoot&) = delete;
};

const std::filesystem::path& temp_root() {
    static const TempRoot root;
    return root.path;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Files

std::string temp_dir(const std::string& sub) {
    const std::filesystem::path dir = sub.empty() ? temp_root() : temp_root() / sub;
    std::filesystem::create_directories(dir);
    return dir.string();
}

std::string temp_path(const std::string& name) { return (temp_root() / name).string(); }

std::string write_temp(const std::string& name, const std::string& text) {
    const std::string path = temp_path(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    INFO(path);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<CodeBlock> code_blocks(const std::string& markdown_path,
                                   const std::vector<std::string>& langs) {
    std::ifstream in(markdown_path);
    INFO(markdown_path);
    REQUIRE(in);
    std::vector<CodeBlock> blocks;
    std::string line;
    bool inside = false;
    while (std::getline(in, line)) {
        if (!inside && line.starts_with("```") &&
            std::find(langs.begin(), langs.end(), line.substr(3)) != langs.end()) {
            inside = true;
            blocks.push_back({line.substr(3), ""});
        } else if (inside && line == "```") {
            inside = false;
        } else if (inside) {
            blocks.back().text += line + "\n";
        }
    }
    REQUIRE_FALSE(inside);
    return blocks;
}

std::vector<std::string> ntm_blocks(const std::string& markdown_path) {
    std::vector<std::string> out;
    for (CodeBlock& b : code_blocks(markdown_path, {"ntm"})) out.push_back(std::move(b.text));
    return out;
}

std::string html_nesting_problem(const std::string& html) {
    static const std::set<std::string> kVoid = {"meta", "br", "hr", "img", "input", "link", "!DOCTYPE"};
    std::vector<std::string> open;
    const std::regex tag(R"(<(/?)([A-Za-z!][A-Za-z0-9]*)([^>]*?)(/?)>)");
    // Script and style bodies hold '<' that are not tags: skip them.
    std::string text = std::regex_replace(html, std::regex(R"(<script>[\s\S]*?</script>)"), "<script></script>");
    text = std::regex_replace(text, std::regex(R"(<style>[\s\S]*?</style>)"), "<style></style>");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), tag); it != std::sregex_iterator(); ++it) {
        const std::string name = (*it)[2];
        if ((*it)[4] == "/" || kVoid.count(name) > 0) continue;
        if ((*it)[1] == "") {
            open.push_back(name);
        } else if (open.empty() || open.back() != name) {
            return "</" + name + "> closes <" + (open.empty() ? std::string("nothing") : open.back()) + ">";
        } else {
            open.pop_back();
        }
    }
    return open.empty() ? std::string() : "<" + open.back() + "> is never closed";
}

// ---------------------------------------------------------------------------------------------
// Rules

CompiledRules compile_rules(const std::string& path) {
    CompiledRules out;
    out.rules = ntm::dsl::load_and_check({path});
    INFO(ntm::dsl::render_all(out.rules->diags, out.rules->sources, false, ntm::text::Lang::en));
    REQUIRE(out.rules->ok());
    out.program = compile(*out.rules);
    return out;
}

CompiledRules compile_rules_text(const std::string& text) {
    return compile_rules(write_temp("rules.ntm", text));
}

// ---------------------------------------------------------------------------------------------
// Datasets built by hand

std::unique_ptr<ParsedText> parse_text(const std::string& text) {
    auto p = std::make_unique<ParsedText>();
    ntm::dsl::NodeIds ids;
    const ntm::dsl::FileId f = p->sources.add("t.ntm", text);
    p->file = ntm::dsl::parse_file(f, p->sources, p->diags, ids);
    p->diags.sort();
    return p;
}

void CommuneWorld::add(const std::string& code, const std::map<std::string, double>& values) {
    Entity e = unit(code, EntityKind::xa);
    e.name = "Xã " + code;
    add_entity(data, program.schema, std::move(e), year, values);
}

Evaluation CommuneWorld::run() const { return evaluate(program, data, {year, 1, kNone}); }

Entity unit(std::string code, EntityKind kind, std::string parent_code, std::vector<Recognition> recognised) {
    static constexpr const char* kTypes[] = {"Thôn", "Xã", "Huyện", "Tỉnh"};
    Entity e;
    e.name = code;
    e.code = std::move(code);
    e.kind = kind;
    e.type = kTypes[kind_index(kind)];
    e.parent_code = std::move(parent_code);
    e.region = Region::DHNTB;
    e.recognised = std::move(recognised);
    return e;
}

std::uint32_t add_entity(Dataset& data, const Schema& schema, Entity entity, int year,
                         const std::map<std::string, double>& values) {
    entity.parent = entity.parent_code.empty() ? kNone : data.find(entity.parent_code);
    const EntityKind kind = entity.kind;
    data.entities.push_back(std::move(entity));
    Record rec;
    rec.entity = static_cast<std::uint32_t>(data.entities.size() - 1);
    rec.year = year;
    rec.offset = data.values.size();
    data.values.resize(data.values.size() + schema.slots(kind), kUnknown);
    for (const auto& [column, v] : values) {
        const Column* c = schema.find(kind, column);
        INFO(column);
        REQUIRE(c != nullptr);
        data.values[rec.offset + c->slot] = v;
    }
    data.records.push_back(rec);
    ++data.read;
    return rec.entity;
}

std::uint32_t result_of(const Dataset& data, const Evaluation& ev, std::string_view code) {
    for (std::uint32_t r = 0; r < ev.entities.size(); ++r) {
        if (data.entities[data.records[ev.entities[r].record].entity].code == code) return r;
    }
    FAIL("no result for " << code);
    return 0;
}

// ---------------------------------------------------------------------------------------------
// Data files

void add_column(Schema& schema, EntityKind kind, std::string name, std::string unit,
                ValueType type, std::string title) {
    auto& cols = schema.columns[kind_index(kind)];
    Column c;
    c.name = std::move(name);
    c.title = std::move(title);
    c.unit = std::move(unit);
    c.unit_symbol = c.unit == "percent"      ? "%"
                    : c.unit == "yesno"      ? "đạt/không đạt"
                    : c.unit == "trieu_dong" ? "triệu đồng/người/năm"
                                             : "";
    c.type = type;
    c.percent = c.unit == "percent";
    c.count = c.unit == "count";
    c.slot = static_cast<std::uint32_t>(cols.size());
    cols.push_back(std::move(c));
}

const Schema& schema() {
    static const Schema s = [] {
        Schema out;
        const auto add = [&](EntityKind k, const char* name, const char* unit, ValueType type,
                             const char* title) { add_column(out, k, name, unit, type, title); };
        add(EntityKind::xa, "1.1", "yesno", ValueType::boolean, "Quy hoạch chung xây dựng xã");
        add(EntityKind::xa, "2.1", "percent", ValueType::number, "Tỷ lệ đường xã được nhựa hóa");
        add(EntityKind::xa, "hai_long", "percent", ValueType::number, "Tỷ lệ người dân hài lòng");
        add(EntityKind::xa, "so_truong", "count", ValueType::number, "Số trường");
        add(EntityKind::xa, "thu_nhap", "trieu_dong", ValueType::number, "Thu nhập bình quân");
        add(EntityKind::xa, "tỷ_lệ_nghèo", "percent", ValueType::number, "Tỷ lệ hộ nghèo");
        add(EntityKind::huyen, "hai_long", "percent", ValueType::number, "Tỷ lệ người dân hài lòng");
        add(EntityKind::huyen, "ty_le_xa", "percent", ValueType::number, "Tỷ lệ xã đạt chuẩn");
        return out;
    }();
    return s;
}

ntm::data::LoadOptions official_lists() {
    ntm::data::LoadOptions o;
    o.units = {&ntm::data::official_units(ntm::engine::AdminMap::three_tier),
               &ntm::data::official_units(ntm::engine::AdminMap::two_tier)};
    return o;
}

Dataset load(const std::string& path, const ntm::data::LoadOptions& options) {
    Dataset ds = ntm::data::load_data(path, schema(), options);
    CHECK(ds.read == ds.records.size() + ds.rejected);
    std::size_t slots = 0;
    for (const Record& r : ds.records) {
        CHECK(r.offset == slots);
        slots += schema().slots(ds.entities[r.entity].kind);
    }
    CHECK(ds.values.size() == slots);
    return ds;
}

std::string load_error(const std::string& path, const ntm::data::LoadOptions& options) {
    try {
        ntm::data::load_data(path, schema(), options);
    } catch (const ntm::text::FileError& e) {
        CHECK(e.problem.where.file == path);
        return e.problem.message.en();
    }
    return "(no error)";
}

double value(const Dataset& ds, std::size_t record, std::string_view column) {
    const Record& r = ds.records[record];
    const Column* c = schema().find(ds.entities[r.entity].kind, column);
    REQUIRE(c != nullptr);
    return ds.values[r.offset + c->slot];
}

double value(const Dataset& ds, std::string_view code, int year, std::string_view column) {
    const std::uint32_t e = ds.find(code);
    REQUIRE(e != kNone);
    const Column* c = schema().find(ds.entities[e].kind, column);
    REQUIRE(c != nullptr);
    for (const Record& r : ds.records) {
        if (r.entity == e && r.year == year) return ds.values[r.offset + c->slot];
    }
    FAIL("no record of " << code << " in " << year);
    return kUnknown;
}

std::vector<std::string> problem_lines(const Dataset& ds) {
    std::vector<std::string> out;
    for (const ntm::text::Problem& p : ds.problems) {
        const char* kind = p.kind == ntm::text::ProblemKind::warning ? "warning"
                           : p.kind == ntm::text::ProblemKind::value ? "value"
                                                                     : "record";
        out.push_back(std::to_string(p.where.line) + " " + p.code + " " + kind + " " +
                      p.where.field + ": " + p.message.en());
    }
    return out;
}

}  // namespace support
