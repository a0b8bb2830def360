// The report as CSV tables, one file each, for Excel.
//
// Excel opens a CSV by double-click with the regional settings of Windows, so the files are
// written for what Vietnamese Excel reads correctly:
//   - UTF-8 with a byte-order mark (without it Excel reads the bytes as Windows-1258/1252);
//   - CRLF line ends and RFC 4180 quoting (fields with a comma, quote or line break are quoted,
//     quotes doubled), comma-separated;
//   - numbers with a decimal comma and no thousands separator ("69,5", "1250"), as vi-VN
//     settings read them.  Such a cell is quoted (it holds a comma).  With English settings a
//     decimal number stays text — never a wrong number (at most two decimals, so it can never
//     look like a thousands group).  With --lang en the decimal point is used instead.
// Whole numbers (counts, codes) have no separator and read the same everywhere.
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "report/words.hpp"
#include "report/xlsx.hpp"
#include "text/utf8.hpp"

namespace ntm::report {

namespace {

// One table, written as CSV text and kept as cells for the Excel workbook: the two formats
// carry the same tables, cell for cell.
class Csv {
public:
    explicit Csv(Lang lang) : lang_(lang) {}

    Csv& field(std::string_view raw) {
        // Control and invisible characters (from a name in the data, say) written by their
        // code point, nothing cut: in the file and in the workbook alike.
        const std::string text = ntm::text::printable(raw, std::string::npos);
        // In the workbook, a verdict "chưa đạt" is a failing cell.
        cell(XlsxCell::of(text, text == status_text(lang_, Status::not_met)));
        return put(text);
    }
    Csv& number(double v) {
        if (!known(v)) return field("");
        cell(XlsxCell::of(v));
        std::string s = fmt::format("{:.2f}", v);
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
        if (s == "-0") s = "0";
        if (lang_ == Lang::vi) {
            for (char& c : s) c = c == '.' ? ',' : c;
        }
        return put(s);
    }
    Csv& count(std::size_t n) {
        cell(XlsxCell::of(static_cast<double>(n)));
        return put(std::to_string(n));
    }
    Csv& row(const std::vector<std::string>& cells) {
        for (const std::string& c : cells) field(c);
        return end();
    }
    Csv& end() {
        out_ += line_ + "\r\n";
        line_.clear();
        first_ = true;
        rows_.push_back(std::move(row_));
        row_.clear();
        return *this;
    }
    std::string text() const { return "\xEF\xBB\xBF" + out_; }
    // The table as a sheet: its first row is the header.
    Sheet sheet(std::string name) const {
        Sheet s;
        s.name = std::move(name);
        if (!rows_.empty()) {
            for (const XlsxCell& c : rows_.front()) s.header.push_back(c.text);
            s.rows.assign(rows_.begin() + 1, rows_.end());
        }
        return s;
    }

private:
    void cell(XlsxCell c) { row_.push_back(std::move(c)); }
    Csv& put(const std::string& text) {
        if (!first_) line_ += ',';
        first_ = false;
        if (text.find_first_of(",\"\r\n") == std::string::npos) {
            line_ += text;
        } else {
            line_ += '"';
            for (const char c : text) line_ += c == '"' ? std::string("\"\"") : std::string(1, c);
            line_ += '"';
        }
        return *this;
    }

    Lang lang_;
    std::string out_, line_;
    bool first_ = true;
    std::vector<XlsxCell> row_;
    std::vector<std::vector<XlsxCell>> rows_;
};

std::string or_none(const Words& w, const std::string& title) { return title.empty() ? w.none_level : title; }

Csv overview(const Report& r, Lang lang) {
    const Words& w = words(lang);
    Csv csv(lang);
    csv.row({w.levels_of, w.highest_level, w.count, std::string(w.share) + " (%)", w.uncertain});
    for (const KindOverview& k : r.overview.kinds) {
        for (const LevelCount& l : k.levels) {
            csv.field(w.kind_names[kind_index(k.kind)]).field(or_none(w, l.title)).count(l.count);
            csv.number(k.total == 0 ? kUnknown
                                    : std::round(1000.0 * static_cast<double>(l.count) / static_cast<double>(k.total)) / 10.0);
            csv.count(l.uncertain).end();
        }
        if (k.not_judged > 0) {
            csv.field(w.kind_names[kind_index(k.kind)]).field(w.not_judged).count(k.not_judged).field("").field("").end();
        }
    }
    return csv;
}

Csv districts(const Report& r, Lang lang) {
    const Words& w = words(lang);
    const Overview& o = r.overview;
    Csv csv(lang);
    csv.field(w.code).field(w.district).field(w.level).field(w.communes);
    for (const std::string& l : o.commune_levels) csv.field(l);
    csv.field(w.uncertain).end();
    for (const DistrictProgress& d : o.districts) {
        std::string level;
        for (const OwnLevel& own : o.own_levels) {
            if (own.unit.code == d.unit.code) {
                level = own.judged ? or_none(w, level_title_for(own.level_title, own.type)) : w.not_judged;
            }
        }
        csv.field(d.unit.code).field(d.unit.name).field(level).count(d.communes);
        for (std::size_t n : d.at_least) csv.count(n);
        csv.count(d.uncertain).end();
    }
    return csv;
}

Csv classes(const Report& r, Lang lang) {
    const Words& w = words(lang);
    Csv csv(lang);
    csv.row({w.classes, w.code, w.name, w.criteria_met, w.criteria_count, w.class_member});
    for (const ClassGroup& g : r.overview.classes) {
        for (const ClassMember& m : g.members) {
            csv.field(g.title).field(m.unit.code).field(m.unit.name);
            if (m.criteria_total > 0) {
                csv.count(static_cast<std::size_t>(m.criteria_met)).count(static_cast<std::size_t>(m.criteria_total));
            } else {
                csv.field("").field("");
            }
            csv.field(w.yes).end();
        }
        for (const UnitRef& u : g.unsure) csv.row({g.title, u.code, u.name, "", "", w.undecided});
    }
    return csv;
}

Csv targets(const Report& r, Lang lang) {
    const Words& w = words(lang);
    Csv csv(lang);
    csv.row({w.target, w.scope, w.level, w.asked, w.increment, w.reached, w.reached_max, w.before_year, w.verdict});
    for (const TargetRow& t : r.overview.targets) {
        for (const TargetLine& l : t.lines) {
            csv.field(t.title).field(t.locality.name).field(l.level_title).number(l.asked);
            csv.field(l.increment ? w.yes : w.no);
            csv.number(l.reached).number(l.reached_max).number(l.increment ? l.before : kUnknown);
            csv.field(status_text(lang, l.status)).end();
        }
    }
    return csv;
}

Csv criteria(const Report& r, Lang lang) {
    const Words& w = words(lang);
    Csv csv(lang);
    csv.row({w.criterion, w.name, w.met, w.not_met, w.unknown, w.not_applicable, std::string(w.pass_rate) + " (%)",
             w.responsible});
    for (const CriterionRow& c : r.criteria) {
        csv.field(c.code).field(c.title).count(c.met).count(c.not_met).count(c.unknown).count(c.not_applicable);
        csv.number(known(c.pass_rate) ? std::round(c.pass_rate * 10) / 10 : kUnknown).field(c.responsible).end();
    }
    return csv;
}

// The cells of an indicator shared by the work lists and the commune sheets.
void indicator(Csv& csv, Lang lang, const IndicatorExplanation& i) {
    csv.field(i.code).field(i.title).field(status_text(lang, i.status));
    if (i.boolean) {
        csv.field(known(i.value) ? value_text(lang, i) : "");
    } else {
        csv.number(i.value);
    }
    csv.field(i.boolean ? "" : i.unit_symbol).field(requirement_text(lang, i));
    if (i.boolean) {
        csv.field(missing_text(lang, i));  // what is missing: "chưa có …"
    } else {
        csv.number(i.status == Status::not_met ? i.gap : kUnknown);
    }
    csv.field(i.source).field(i.rule);
}

std::vector<std::string> indicator_head(const Words& w) {
    return {w.indicator, w.name, w.status, w.value, w.unit, w.threshold, w.gap, w.source, w.rule};
}

Csv work(const Report& r, Lang lang) {
    const Words& w = words(lang);
    Csv csv(lang);
    csv.field(w.responsible).field(w.code).field(w.name).field(w.district).field(w.towards).field(w.criterion);
    for (const std::string& h : indicator_head(w)) csv.field(h);
    csv.end();
    for (const WorkList& list : r.work) {
        for (const WorkItem& item : list.items) {
            csv.field(list.body.empty() ? w.unassigned : list.body).field(item.commune.code).field(item.commune.name);
            csv.field(item.district).field(item.level_title).field(item.criterion_code);
            indicator(csv, lang, item.indicator);
            csv.end();
        }
    }
    return csv;
}

Csv sheets(const Report& r, Lang lang) {
    const Words& w = words(lang);
    Csv csv(lang);
    csv.row({w.code, w.name, w.district, w.level, w.may_be_higher_head, w.criteria_met, w.criteria_count, w.uncertain,
             w.classes, w.lost_level, w.recognised, w.revocation, w.next_level, w.blocked_by});
    for (const CommuneSheet& s : r.communes) {
        const EntityExplanation& x = s.x;
        csv.field(s.unit.code).field(s.unit.name).field(s.district.name).field(or_none(w, x.level_title));
        csv.field(x.level_uncertain ? w.yes : "");
        csv.count(static_cast<std::size_t>(x.criteria_met)).count(static_cast<std::size_t>(x.criteria_total));
        csv.count(static_cast<std::size_t>(x.criteria_unknown)).field(fmt::format("{}", fmt::join(x.classes, "; ")));
        csv.field(x.lost_level_title).field(x.lost_year == 0 ? "" : std::to_string(x.lost_year));
        std::vector<std::string> revocations;
        for (const RevocationExplanation& rv : x.revocations) {
            if (rv.status != Status::not_met) {
                revocations.push_back(fmt::format("{} — {}", revocation_line(lang, rv), revocation_case(lang, rv)));
            }
        }
        csv.field(fmt::format("{}", fmt::join(revocations, "; ")));
        csv.field(x.next_level_title).field(fmt::format("{}", fmt::join(blocker_lines(lang, x.blockers), "; "))).end();
    }
    return csv;
}

Csv sheet_indicators(const Report& r, Lang lang) {
    const Words& w = words(lang);
    Csv csv(lang);
    csv.field(w.code).field(w.name).field(w.towards).field(w.criterion);
    for (const std::string& h : indicator_head(w)) csv.field(h);
    csv.field(w.responsible).end();
    for (const CommuneSheet& s : r.communes) {
        for (const OpenIndicator& oi : s.open) {
            csv.field(s.unit.code).field(s.unit.name).field(s.x.next_level_title).field(oi.criterion_code);
            indicator(csv, lang, oi.indicator);
            csv.field(oi.indicator.responsible).end();
        }
    }
    return csv;
}

Csv problems(const Report& r, Lang lang) {
    const Words& w = words(lang);
    Csv csv(lang);
    csv.row({w.file, w.line, w.field, w.code, w.severity, w.message});
    for (const text::Problem& p : r.problems) {
        csv.field(p.where.file).field(p.where.line == 0 ? "" : std::to_string(p.where.line)).field(p.where.field);
        csv.field(p.code).field(severity_text(lang, p)).field(p.message.in(lang)).end();
    }
    return csv;
}

}  // namespace

namespace {

// The tables of the views in report.sections; those of the overview and of the commune sheets
// are several.
std::vector<std::pair<std::string, Csv>> tables(const Report& report, Lang lang) {
    std::vector<std::pair<std::string, Csv>> out;
    const auto on = [&report](Section s) { return (report.sections & s) != 0; };
    if (on(kOverview)) {
        out.emplace_back("tong-quan", overview(report, lang));
        out.emplace_back("tien-do-huyen", districts(report, lang));
        out.emplace_back("phan-loai", classes(report, lang));
        out.emplace_back("muc-tieu", targets(report, lang));
    }
    if (on(kCriteria)) out.emplace_back("tieu-chi", criteria(report, lang));
    if (on(kWork)) out.emplace_back("viec-cua-so", work(report, lang));
    if (on(kCommunes)) {
        out.emplace_back("phieu-xa", sheets(report, lang));
        out.emplace_back("phieu-xa-chi-tieu", sheet_indicators(report, lang));
    }
    if (on(kProblems)) out.emplace_back("loi-du-lieu", problems(report, lang));
    return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> render_report_csv(const Report& report, Lang lang) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [name, table] : tables(report, lang)) out.emplace_back(name + ".csv", table.text());
    return out;
}

void write_report_xlsx(const Report& report, Lang lang, const std::string& path) {
    std::vector<Sheet> sheets;
    for (const auto& [name, table] : tables(report, lang)) {
        sheets.push_back(table.sheet(name));
        // Every table can be filtered by its headers; the columns naming a row (kind and level,
        // code and name, body and commune) stay in view when scrolling right.
        sheets.back().autofilter = true;
        static const std::map<std::string, std::uint32_t> kNameColumns = {
            {"tong-quan", 2}, {"tien-do-huyen", 2}, {"phan-loai", 3},         {"muc-tieu", 3},         {"tieu-chi", 2},
            {"viec-cua-so", 3}, {"phieu-xa", 2},    {"phieu-xa-chi-tieu", 2}, {"loi-du-lieu", 0}};
        if (const auto it = kNameColumns.find(name); it != kNameColumns.end()) sheets.back().freeze_columns = it->second;
    }
    write_workbook(path, sheets);
}

}  // namespace ntm::report
