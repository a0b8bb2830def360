// Stage 6b: reports — the whole evaluation of a year laid out for the people who act on it.
//
// A report has five views, all filled from the same Evaluation and from explain(); nothing is
// judged again here:
//   1. overview   — levels of the communes, the previous year compared, classes, districts'
//                   levels and progress, targets of the year and of later years;
//   2. criteria   — each criterion of the standard set: how many communes meet it, weakest first;
//   3. work lists — per body in charge: the communes failing (or lacking data on) its
//                   indicators, closest to passing first;
//   4. communes   — one sheet per commune: level, what blocks the next one, open indicators;
//   5. problems   — the data problems (rejected records, ignored values).
// build_report() fills the model (plain structs, every list in a fixed order: official code,
// then criterion number); doc.cpp lays it out as a document, which md.cpp and html.cpp write;
// csv.cpp writes its tables, for CSV and Excel.  Every phrase is from words.hpp.  Same inputs
// give the same bytes: no clock, no locale, no hash order.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/message.hpp"
#include "report/names.hpp"

namespace ntm::report {

struct ReportOptions {
    std::uint32_t locality = kNone;  // index in Dataset::entities (a province or district); kNone: all
    unsigned threads = 0;            // for evaluating the previous year (Trend); 0: all cores
    std::vector<std::string> rule_files;
    std::string data_file;
    // The data holding the years before the one reported, for the comparison with the previous
    // year (Trend), when the data reported holds that year only (`ntm report --year`); null: the
    // data reported.  Entities are matched by map and code; its problems are not reported.
    const Dataset* history = nullptr;
    // The evaluation of the year before, over `history` (else the data), when already made: the
    // reports of each district (`ntm report --by huyen`) share one rather than evaluating that
    // year once each (previous_evaluation).  Null: made here when there is such a year.
    const Evaluation* previous = nullptr;
    // The targets of later years compared with these results (engine::compare_upcoming_targets),
    // when already made: they are the same for every district's report.  Null: made here.
    const std::vector<engine::TargetResult>* upcoming = nullptr;
};

// --- 1. Overview -----------------------------------------------------------------------------

struct LevelCount {
    std::string title;  // empty: no level reached
    std::size_t count = 0;
    std::size_t uncertain = 0;  // of those, how many may be higher once data is given
    bool in_force = true;       // false: a level none of whose sets is valid in the year
};

struct KindOverview {
    EntityKind kind = EntityKind::xa;
    std::size_t total = 0;       // judged entities of the kind in scope
    std::size_t not_judged = 0;  // urban units of the kind
    std::vector<LevelCount> levels;  // [0]: no level; then each level of the kind, lowest first
    std::size_t judged_by_set = 0;   // judged against a criteria set (for the mean below)
    double criteria_mean = kUnknown;  // criteria met of the standard set, one decimal
    std::size_t criteria_met = 0;     // criteria met, summed over the entities judged by a set
    std::size_t criteria_total = 0;   // the most criteria of a set judging them (1: a mean says
                                      // nothing; the share meeting it does)
};

struct UnitRef {
    std::string code, name;  // name as display_name(): "Xã Tam An"
};

struct ClassMember {
    UnitRef unit;
    int criteria_met = 0, criteria_total = 0;  // 0/0: not judged by a set (districts)
};

struct ClassGroup {
    std::string title;
    EntityKind kind = EntityKind::xa;
    std::vector<ClassMember> members;
    std::vector<UnitRef> unsure;  // cannot be decided for lack of data
};

struct OwnLevel {  // a district's or the province's own level
    UnitRef unit;
    EntityKind kind = EntityKind::huyen;
    std::string type;  // "Huyện", "Thị xã", "Thành phố": which part of a level's title names it
    bool judged = true;
    std::string level_title;  // empty: none
    std::string may_title;    // the higher level it may reach when data is missing, or empty
};

struct DistrictProgress {
    UnitRef unit;
    std::size_t communes = 0;   // judged communes under it
    std::size_t uncertain = 0;  // of those, may be higher once data is given
    std::vector<std::size_t> at_least;  // per commune level: communes at that level or above
};

struct LostLevel {
    UnitRef unit;
    std::string level_title;
    int recognised = 0;
};

// A unit whose recognition is to be revoked, or may be (data missing).
struct RevocationRow {
    UnitRef unit;
    RevocationExplanation x;
};

struct TargetLine {
    std::string level_title;
    EntityKind kind = EntityKind::xa;
    bool increment = false;
    double asked = 0, reached = 0, reached_max = 0, before = 0;
    Status status = Status::unknown;
};

struct TargetRow {
    std::string title, source;
    int year = 0;  // the target's (first) year
    UnitRef locality;
    std::vector<TargetLine> lines;
};

// A commune whose standing changed since the previous year of the data.
struct TrendChange {
    UnitRef unit;
    std::string before, after;  // level titles; empty: none
    int met_before = 0, met_after = 0, total_before = 0, total_after = 0;  // criteria met / of the set
};

// This year against the previous year present in the data (year 0: none is): communes newly
// at a level, those no longer at the level they had, and those whose count of criteria met
// went up or down, each by code.  Only communes in both years are compared.
struct Trend {
    int year = 0;  // the previous year, or 0
    std::size_t compared = 0;
    std::vector<TrendChange> recognised, lost, criteria_up, criteria_down;
};

struct UrbanCount {
    std::string type;  // "Phường", "Thị trấn"
    std::size_t count = 0;
};

struct Overview {
    UnitRef scope;  // the locality reported on (the province when none was chosen)
    int year = 0;
    std::vector<std::string> commune_levels;  // titles of the commune (xã) levels, lowest first
    std::vector<KindOverview> kinds;          // smallest kind first
    std::vector<ClassGroup> classes;          // in the rules' order
    std::vector<LostLevel> lost;              // duy trì chuẩn, by code
    std::vector<RevocationRow> revoked;       // đề nghị thu hồi, by code
    std::vector<RevocationRow> may_revoke;    // có thể bị thu hồi — thiếu dữ liệu, by code
    bool revocation_applied = false;          // some revocation rule applied to some unit
    std::vector<OwnLevel> own_levels;         // districts then provinces, by code
    std::vector<DistrictProgress> districts;  // by code
    std::vector<TargetRow> targets;
    std::vector<TargetRow> upcoming;  // targets of later years, against this year's results
    std::vector<UrbanCount> urban;  // units not judged, by type
    Trend trend;                      // against the previous year of the data
};

// --- 2. Criteria -----------------------------------------------------------------------------

struct CriterionRow {
    std::string code, title, responsible;
    std::size_t met = 0, not_met = 0, unknown = 0, not_applicable = 0;
    double pass_rate = kUnknown;  // met / (met + not met + unknown), in %; unknown when none apply
};

// --- 3. Work lists ---------------------------------------------------------------------------

struct WorkItem {
    UnitRef commune;
    std::string district;     // display name of its district, or empty
    std::string level_title;  // the level the commune works towards
    std::string criterion_code, criterion_title;
    IndicatorExplanation indicator;
    double closeness = 0;  // |gap / threshold|; large when unknown or yes/no
};

struct WorkList {
    std::string body;  // empty: not assigned to any body
    std::size_t communes = 0;  // distinct communes among the items
    std::vector<WorkItem> items;
};

// --- 4. Commune sheets -----------------------------------------------------------------------

struct OpenIndicator {
    std::string criterion_code, criterion_title;
    IndicatorExplanation indicator;  // its responsible: the indicator's body, else the criterion's
    double closeness = 0;            // as Blocker::closeness
};

struct CommuneSheet {
    // The explanation, as `ntm explain` gives it, but for what no view shows: the verdicts under
    // each criterion (indicators), the gates, and the criteria of the levels after the first.
    EntityExplanation x;
    std::string anchor;   // "xa-20365"
    UnitRef unit;         // code and display name
    UnitRef district;
    std::vector<OpenIndicator> open;  // the indicators among x.blockers, closest to passing first
};

// --- The report ------------------------------------------------------------------------------

// The five views, as bits of Report::sections.  Their names are the anchors of their headings
// in a document and the names of their CSV tables (`ntm report --sections tieu-chi,phieu-xa`).
enum Section : unsigned { kOverview = 1, kCriteria = 2, kWork = 4, kCommunes = 8, kProblems = 16 };
inline constexpr unsigned kAllSections = kOverview | kCriteria | kWork | kCommunes | kProblems;
inline constexpr std::array<std::pair<const char*, Section>, 5> kSectionNames{{
    {"tong-quan", kOverview}, {"tieu-chi", kCriteria}, {"viec-cua-so", kWork}, {"phieu-xa", kCommunes},
    {"loi-du-lieu", kProblems}}};

struct Report {
    std::vector<std::string> rule_files;
    std::string data_file;
    std::size_t read = 0, accepted = 0, rejected = 0;
    std::string standard_set;  // title of the set of the first commune level in the year
    // The sets that judged the first commune level of the communes in scope (a province's own
    // set in place of the national one), most communes first: title and number of communes.
    std::vector<std::pair<std::string, std::size_t>> judging_sets;
    std::array<std::size_t, 2> on_map{};  // records judged on each map (engine::AdminMap)
    Overview overview;
    std::vector<CriterionRow> criteria;
    std::vector<WorkList> work;
    std::vector<CommuneSheet> communes;
    std::vector<text::Problem> problems;  // the data's, then the evaluation's
    // The views laid out (Section bits); the title, what was read and the frame always are.
    unsigned sections = kAllSections;
};

// `upcoming`: the targets of later years when already compared (ReportOptions::upcoming).
Overview report_overview(const Program& program, const Dataset& data, const Evaluation& evaluation,
                         std::uint32_t locality, const std::vector<engine::TargetResult>* upcoming = nullptr);
// The year before `evaluation`'s present in `history` (else in `data`), evaluated here, compared
// with it (trend.cpp).
Trend report_trend(const Program& program, const Dataset& data, const Evaluation& evaluation, std::uint32_t locality,
                   unsigned threads, const Dataset* history = nullptr, const Evaluation* previous = nullptr);
// The year before `evaluation`'s that report_trend() compares with, evaluated over `history`
// (else `data`); nullopt when the data has no earlier year.
std::optional<Evaluation> previous_evaluation(const Program& program, const Dataset& data, const Evaluation& evaluation,
                                              unsigned threads, const Dataset* history = nullptr);
// Per district in scope, by code: how many of its communes reached each commune level.
std::vector<DistrictProgress> report_districts(const Program& program, const Dataset& data,
                                               const Evaluation& evaluation, std::uint32_t locality);
std::vector<CriterionRow> report_criteria(const std::vector<CommuneSheet>& communes);
std::vector<WorkList> report_work_lists(const std::vector<CommuneSheet>& communes);
std::vector<CommuneSheet> report_communes(const Program& program, const Dataset& data, const Evaluation& evaluation,
                                          std::uint32_t locality);
Report build_report(const Program& program, const Dataset& data, const Evaluation& evaluation,
                    const ReportOptions& options);

// --- Renderers -------------------------------------------------------------------------------

using Lang = text::Lang;  // text/message.hpp

struct Frame;  // frame.hpp

// How the document renderers (Markdown, HTML) lay the report out.
struct RenderOptions {
    const Frame* frame = nullptr;  // the official frame (header, recipients, signature), or none
    bool compact = false;          // compact commune sheets, for print (doc.hpp: compact_sheets)
};

// One Markdown document.
std::string render_report_md(const Report& report, Lang lang, const RenderOptions& options = {});
// The same bytes handed to `out` a piece at a time while the document is laid out, a block at
// a time: what is held is one block and one buffer, whatever the size of the report.
void write_report_md(const Report& report, Lang lang, const RenderOptions& options,
                     const std::function<void(std::string_view)>& out);
// One CSV table per file: (file name, content), UTF-8 with a BOM, CRLF, RFC 4180 quoting.
std::vector<std::pair<std::string, std::string>> render_report_csv(const Report& report, Lang lang);
// One Excel workbook at `path`: the CSV tables, a sheet each, with frozen headers, numbers as
// numbers and verdicts "chưa đạt" highlighted (xlsx.hpp).  Throws on I/O errors.
void write_report_xlsx(const Report& report, Lang lang, const std::string& path);
// One self-contained HTML page: inline CSS and SVG, no external resource.
// In print: A4 pages as Nghị định 30/2020/NĐ-CP sets them, numbered from page 2.
std::string render_report_html(const Report& report, Lang lang, const RenderOptions& options = {});
// The same bytes handed to `out` a piece at a time (as write_report_md).
void write_report_html(const Report& report, Lang lang, const RenderOptions& options,
                       const std::function<void(std::string_view)>& out);

}  // namespace ntm::report
