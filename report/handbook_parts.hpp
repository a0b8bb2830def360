// What the parts of the handbook share: handbook.cpp lays out the sets, handbook_rules.cpp the
// levels, revocation rules and categories, handbook_thresholds.cpp one requirement's threshold
// tree as a line or tables, handbook_text.cpp rule text, marks and the writer.  Internal to
// report/.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/program.hpp"
#include "report/doc.hpp"
#include "report/words_handbook.hpp"

namespace ntm::report::handbook {

// Kinds in the order the programme's documents take them: communes, districts, villages,
// provinces.
inline constexpr EntityKind kKindOrder[] = {EntityKind::xa, EntityKind::huyen, EntityKind::thon, EntityKind::tinh};

// The `unconfirmed` marks met within one item (an indicator, a level, a revocation rule), each
// once, in order: labelled "⚠" when there is one, "⚠1", "⚠2", … when several, and explained
// by a note each after the item.
class Marks {
public:
    void add(std::uint32_t reason);  // kNone: nothing
    // " ⚠" (with its number when several), to put after what the mark is on; empty for kNone.
    std::string label(std::uint32_t reason) const;
    // "⚠ Chưa xác nhận với văn bản gốc: REASON", one per mark.
    std::vector<std::string> notes(const Program& program, const HandbookWords& w) const;
    bool empty() const { return reasons_.empty(); }

private:
    std::vector<std::uint32_t> reasons_;
};

// The rule text at `span`, on one line (comments dropped, runs of blanks made one space, with the
// parentheses the expression opens or closes), as a code span: "`hai_long >= 90%`".
std::string rule_code(const Program& program, dsl::Span span);

// The fields of `kind` that the rule text at each span reads, with their titles:
// "`so_truong`: Số trường …; `xa_dbkk`: Xã đặc biệt khó khăn"; empty when none has a title.
std::string fields_read(const Program& program, EntityKind kind, const std::vector<dsl::Span>& spans);

// "2024", "2021-2025".
std::string year_range(int from, int to);

// Adds the marks of a requirement (its line's, then its cells') to `marks`.
void requirement_marks(const Program& program, const engine::Requirement& r, Marks& marks);

// The condition spans of the `when` cases of a requirement's thresholds, in order.
std::vector<dsl::Span> case_spans(const Program& program, const engine::Requirement& r);

// What one requirement of an indicator shows: a line ("Yêu cầu: ≥ 70 %"), or blocks — a lead
// paragraph ("Yêu cầu: ≥ mức theo vùng (%):") then tables and cases — when its threshold varies.
struct RequirementView {
    std::string line;
    std::vector<DocBlock> blocks;
};
RequirementView requirement_view(const Program& program, const engine::IndicatorDef& indicator,
                                 const engine::Requirement& r, const Marks& marks, Lang lang);

// Appends blocks to the handbook, in its words.  Blocks that may hold rule text mark their code
// spans (doc.hpp).
struct Writer {
    Writer(const Program& program, Lang language, Doc& document);

    const Program& p;
    Lang lang;
    const HandbookWords& w;
    Doc& doc;

    void heading(int level, std::string text, std::string anchor = {});
    void paragraph(std::string text);
    void bullets(std::vector<std::string> items);  // none: nothing
    void notes(const Marks& marks);                // a paragraph per mark

    // "Căn cứ: QĐ 318/QĐ-TTg".
    std::string label(const char* what, const std::string& value) const;
    // "xã"; "communes".
    std::string kind(EntityKind k) const;
    // "2021-2025"; "từ năm 2025", "đến năm 2024" for years open at one end; empty for every year.
    std::string years(int from, int to) const;
    std::string period(const SetDef& s) const { return years(s.valid_from, s.valid_to); }
    // "cả nước"; "Tỉnh Quảng Nam (mã 49), thay cho bộ “…” khi đánh giá …" for a set for a locality.
    std::string locality(const SetDef& s) const;
    // Whether the level (the revocation rule) is judged by set `s`: it names `s`, or `s` is a set
    // for a locality that applies in place of a set it names.
    bool uses(const LevelDef& level, std::uint32_t s) const;
    bool uses(const RevocationDef& rule, std::uint32_t s) const;
};

// The levels, the revocation rules and the categories, each under its heading: all of them, or
// with `set` (not kNone) those that use it — the levels and rules judged by it, the categories
// its thresholds are tabled by.
void levels(Writer& out, std::uint32_t set);
void revocations(Writer& out, std::uint32_t set);
void categories(Writer& out, std::uint32_t set);

}  // namespace ntm::report::handbook
