// The formatter's driver: format() has the Printer print each declaration into a Layout, which
// places the comments and renders the text (formatter_layout.cpp); the Printer's lines; and the
// round trip `ntm fmt` checks before it writes.  Declarations are printed in formatter_decl.cpp,
// thresholds in formatter_threshold.cpp, expressions in formatter_expr.cpp.
#include "dsl/formatter.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "dsl/ast_dump.hpp"
#include "dsl/formatter_layout.hpp"
#include "dsl/formatter_printer.hpp"
#include "dsl/parser.hpp"
#include "text/utf8.hpp"

namespace ntm::dsl {

namespace detail {

std::string number_text(const Number& n) {
    return (n.text.empty() ? fmt::format("{}", n.value) : n.text) + (n.percent ? "%" : "");
}

std::string years_text(const YearRange& y) {
    return y.from == y.to ? fmt::format("{:04}", y.from) : fmt::format("{:04}..{:04}", y.from, y.to);
}

std::string expr_text(const ExprPtr& e) {
    return e ? format_expr(*e) : std::string();
}

void Printer::prop(int indent, std::uint32_t anchor, std::string_view text) {
    out_.line(indent, anchor);
    out_.put(text);
}

void Printer::open(int indent, std::uint32_t anchor, std::string_view header) {
    prop(indent, anchor, header);
    out_.put(" {");
    out_.current().opens = true;
}

void Printer::close(int indent, const Span& block) {
    prop(indent, out_.close_anchor(block), "}");
    out_.current().closes = true;
}

void Printer::decl_open(const Span& span, std::string_view header) {
    open(0, span.begin, header);
    out_.current().decl_start = true;
}

void Printer::one_liner() {
    out_.current().decl_start = true;
    out_.current().one_liner = true;
}

void Printer::block_open(std::string_view word) {
    out_.put(word);
    out_.put(" {");
    out_.current().opens = true;
}

void Printer::source(int indent, const std::optional<Text>& s) {
    if (s) prop(indent, s->span.begin, fmt::format("source {}", quote(s->value)));
}

void Printer::mark_line(int indent, const std::optional<Unconfirmed>& u) {
    if (u) prop(indent, u->span.begin, fmt::format("unconfirmed {}", quote(u->reason.value)));
}

void Printer::mark_after(const std::optional<Unconfirmed>& u) {
    if (u) out_.put(fmt::format(" unconfirmed {}", quote(u->reason.value)));
}

void Printer::kind(int indent, const std::optional<Name>& k) {
    if (k) prop(indent, k->span.begin, "for " + k->text);
}

}  // namespace detail

std::string format(const RuleFile& file, const SourceManager& sources) {
    const std::string_view text = file.file < sources.size()
                                      ? std::string_view(sources.file(file.file).text)
                                      : std::string_view();
    layout::Layout out(text);
    detail::Printer printer(out);
    for (const Decl& d : file.decls) printer.declaration(d);
    return out.render(file.comments);
}

std::optional<text::Message> round_trip_problem(const RuleFile& file, const SourceManager& sources,
                                                const std::string& formatted) {
    SourceManager again_sources;
    Diagnostics diags;
    NodeIds ids;
    const FileId id = again_sources.add(sources.file(file.file).path, formatted);
    const RuleFile again = parse_file(id, again_sources, diags, ids);
    diags.sort();
    for (const Diagnostic& d : diags.items()) {
        if (d.severity != Severity::error) continue;
        const LineCol at = again_sources.locate(d.span.file, d.span.begin);
        return say("rules.fmt.does_not_parse", d.code, at.line, at.column, d.message);
    }
    if (dump(again) != dump(file)) return say("rules.fmt.other_rules");
    const auto texts = [](const RuleFile& f) {
        std::vector<std::string> out;
        for (const Comment& c : f.comments) out.push_back(text::to_nfc(text::trim(c.text)));
        std::sort(out.begin(), out.end());  // comments may change places, never words
        return out;
    };
    if (texts(again) != texts(file)) return say("rules.fmt.other_comments");
    return std::nullopt;
}

}  // namespace ntm::dsl
