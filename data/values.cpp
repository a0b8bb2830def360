// The Builder's values: each cell of a record checked against its column (type, range, scale)
// and stored, or the problem with it reported.
#include <fmt/format.h>

#include <cmath>

#include "data/builder.hpp"
#include "data/vocabulary.hpp"
#include "text/utf8.hpp"

namespace ntm::data {

void Builder::value(std::uint32_t record, std::uint32_t column, const Cell& cell,
                    std::uint32_t line) {
    if (cell.kind == Cell::Kind::null || (cell.kind == Cell::Kind::text && cell.text.empty()))
        return;
    const Pending& p = pending_[record];
    const Column* c = input(column, ds_.entities[p.entity].kind, line);
    if (c == nullptr) return;
    double& slot = ds_.values[p.offset + c->slot];
    // The header as written, which problems name; a view, as columns_ does not grow here.
    value_field_ = columns_[column].name;
    value_column_ = column;
    if (c->type == ValueType::boolean) count_yes_no(column, false, line);
    if (cell.kind == Cell::Kind::text) {
        text_value(slot, *c, cell.text, line);
    } else {
        typed_value(slot, *c, cell, line);
    }
    value_field_ = {};
}

// The input `column` is of `kind`, or null when it is none (D0002, once per column and kind).
const Column* Builder::input(std::uint32_t column, EntityKind kind, std::uint32_t line) {
    ColumnInfo& info = columns_[column];
    const Column* c = info.of[kind_index(kind)];
    if (c != nullptr || !info.known()) return c;  // unknown: reported at the header or key (D0001)
    const auto bit = static_cast<std::uint8_t>(1u << kind_index(kind));
    if ((info.warned & bit) == 0) {
        info.warned |= bit;
        problem("D0002", ProblemKind::warning, line, info.name,
                text::say("D0002", shown(info.name), kind_name(kind), kind_name(kind)));
    }
    return nullptr;
}

// A value given typed (a JSON number or boolean, a number or TRUE/FALSE in a worksheet).
void Builder::typed_value(double& slot, const Column& c, const Cell& cell, std::uint32_t line) {
    const bool yes_no = c.type == ValueType::boolean;
    switch (cell.kind) {
        case Cell::Kind::boolean:
            if (yes_no) {
                slot = cell.number;
            } else {
                problem(
                    "D0201", ProblemKind::value, line, field_of(c),
                    text::say("D0201.expected", cell.number != 0 ? "true" : "false"));
            }
            return;
        case Cell::Kind::number:
            if (!yes_no) {
                number(slot, c, cell.number, false, cell.text, line);
            } else if (cell.number == 0 || cell.number == 1) {
                slot = cell.number;
            } else {
                const std::string shown =
                    cell.text.empty() ? fmt::format("{}", cell.number) : std::string(cell.text);
                wrong(c, shown, line);
            }
            return;
        case Cell::Kind::structured:
            problem(yes_no ? "D0202" : "D0201", ProblemKind::value, line, field_of(c),
                    text::say(yes_no ? "D0202.expected" : "D0201.expected",
                              cell.text == "an array" ? text::say("json.an_array")
                              : cell.text == "an object" ? text::say("json.an_object")
                                                         : text::Message::same(std::string(cell.text))));
            return;
        case Cell::Kind::text:
        case Cell::Kind::null:
            return;
    }
}

// A value written as text: yes/no in its words, or a number as people type it.
void Builder::text_value(double& slot, const Column& c, std::string_view text,
                         std::uint32_t line) {
    if (c.type == ValueType::boolean) {
        if (const int yes = yes_no(text); yes >= 0) {
            slot = yes;
        } else {
            wrong(c, text, line);
        }
        return;
    }
    const ParsedNumber n = parse_number(text, comma_decimal_);
    switch (n.form) {
        case ParsedNumber::Form::ok:
            number(slot, c, n.value, n.percent, text, line);
            return;
        case ParsedNumber::Form::ambiguous: {
            const std::string_view t = trim(text);
            const std::size_t comma = t.find(',');
            problem("D0206", ProblemKind::value, line, field_of(c),
                    text::say("D0206", shown(t), shown(t.substr(0, comma)), shown(t.substr(comma + 1)),
                              shown(t.substr(0, comma)), shown(t.substr(comma + 1))));
            return;
        }
        case ParsedNumber::Form::not_number:
            wrong(c, text, line);
            return;
    }
}

void Builder::number(double& slot, const Column& c, double v, bool percent_sign,
                     std::string_view written, std::uint32_t line) {
    if (percent_sign && !c.percent) {
        problem("D0207", ProblemKind::value, line, field_of(c),
                text::say("D0207", shown_number(v, written), c.name, c.unit_symbol.empty() ? c.unit : c.unit_symbol));
    } else if (c.percent && (v < 0 || v > 100)) {
        problem("D0203", ProblemKind::value, line, field_of(c),
                text::say("D0203", shown_number(v, written)));
    } else if (c.count && v < 0) {
        problem("D0204", ProblemKind::value, line, field_of(c),
                text::say("D0204", shown_number(v, written)));
    } else if (c.count && v != std::floor(v)) {
        problem("D0205", ProblemKind::value, line, field_of(c),
                text::say("D0205", shown_number(v, written)));
    } else if (scale_ok(c, v, written, line)) {
        slot = v;
        fraction_hint(c, v, written, line);
    }
}

std::string Builder::shown_number(double v, std::string_view written) const {
    return written.empty() ? fmt::format("{}", v) : shown(trim(written));
}

void Builder::wrong(const Column& c, std::string_view written, std::uint32_t line) {
    written = trim(written);
    if (c.type == ValueType::boolean) {
        problem("D0202", ProblemKind::value, line, field_of(c),
                text::say("D0202", shown(written), invisible_note(written)));
        if (parse_number(written, comma_decimal_).form != ParsedNumber::Form::not_number) {
            count_yes_no(value_column_, true, line);
        }
    } else {
        problem("D0201", ProblemKind::value, line, field_of(c),
                text::say("D0201", shown(written), invisible_note(written)));
    }
}

}  // namespace ntm::data
