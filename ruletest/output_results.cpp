// The results of the tests, file by file.
#include <fmt/format.h>

#include "report/words.hpp"
#include "text/utf8.hpp"
#include "ruletest/output.hpp"
#include "ruletest/words.hpp"

namespace ntm::ruletest {

namespace {

using report::Lang;

// At most this many failed runs of one test are listed; the explanation is of the first.
constexpr std::size_t kRunsShown = 5;

std::string place(const dsl::SourceManager& sources, Span span) {
    const dsl::LineCol lc = sources.locate(span.file, span.begin);
    return fmt::format("{}:{}:{}", sources.file(span.file).path, lc.line, lc.column);
}

std::string quoted(const std::string& title) { return fmt::format("“{}”", title); }

std::string run_label(const Program& p, const TestRun& run) {
    std::vector<std::string> parts{fmt::format(words::kYear, run.year)};
    if (run.region) parts.push_back(fmt::format(words::kRegion, dsl::name_of(*run.region)));
    for (std::uint32_t c = 0; c < run.categories.size(); ++c) {
        if (run.categories[c] != kNone)
            parts.push_back(fmt::format(words::kMember, p.categories[c].name, p.categories[c].members[run.categories[c]].name));
    }
    return fmt::format("{}", fmt::join(parts, ", "));
}

std::string verdict_text(Verdict v) {
    switch (v) {
        case Verdict::revoke: return words::kRevoke;
        case Verdict::may_revoke: return words::kMayRevoke;
        case Verdict::keep: return words::kKeep;
        case Verdict::not_applicable: break;
    }
    return words::kNotApplicable;
}

std::string level_text(const Program& p, std::uint32_t level) {
    return level == kNone ? words::kNoLevel : quoted(p.levels[level].title);
}

// What the expectation is about: "chỉ tiêu 2.2", "ngưỡng của chỉ tiêu 2.2 (mức nang_cao)".
std::string subject(const Program& p, const ResolvedTest& t, const ResolvedExpect& x) {
    const auto& order = p.level_order[engine::kind_index(t.kind)];
    const bool per_set = x.kind == ExpectKind::indicator || x.kind == ExpectKind::criterion || x.kind == ExpectKind::threshold;
    const std::string in = per_set && !order.empty() && x.level != order.front() ? fmt::format(words::kInLevel, p.levels[x.level].name) : "";
    switch (x.kind) {
        case ExpectKind::indicator: return fmt::format(words::kIndicator, x.code) + in;
        case ExpectKind::criterion: return fmt::format(words::kCriterion, x.code) + in;
        case ExpectKind::threshold: return fmt::format(words::kThreshold, x.code) + in;
        case ExpectKind::criteria_met: return words::kCriteriaMet;
        case ExpectKind::level: return words::kHighestLevel;
        case ExpectKind::level_status: return fmt::format(words::kLevel, quoted(p.levels[x.level].title));
        case ExpectKind::gate: return fmt::format(words::kGate, p.levels[x.level].gates[x.gate].name, p.levels[x.level].name);
        case ExpectKind::revocation: return fmt::format(words::kRevocation, p.revocations[x.revocation].name);
        case ExpectKind::category: return fmt::format(words::kCategory, p.categories[x.category].name);
    }
    return {};
}

std::string expected_text(const Program& p, const ResolvedExpect& x) {
    switch (x.kind) {
        case ExpectKind::indicator:
        case ExpectKind::criterion:
        case ExpectKind::level_status:
        case ExpectKind::gate: return report::status_text(Lang::vi, x.status);
        case ExpectKind::threshold:
        case ExpectKind::criteria_met: return report::num(Lang::vi, x.number);
        case ExpectKind::level: return level_text(p, x.level);
        case ExpectKind::revocation:
            return x.branch == kNone ? verdict_text(x.verdict)
                                     : fmt::format(words::kBranch, verdict_text(x.verdict), p.revocations[x.revocation].branches[x.branch].name);
        case ExpectKind::category: return x.member == kNone ? words::kUndecided : p.categories[x.category].members[x.member].name;
    }
    return {};
}

std::string actual_text(const Program& p, const TestRun& run, const Finding& f) {
    const ResolvedExpect& x = *f.expect;
    const bool per_set = x.kind == ExpectKind::indicator || x.kind == ExpectKind::criterion || x.kind == ExpectKind::threshold;
    if (per_set && f.set == kNone) return fmt::format(words::kNoSet, p.levels[x.level].name, run.year);
    if (per_set && !f.found) return fmt::format(words::kNotInSet, p.sets[f.set].name);
    switch (x.kind) {
        case ExpectKind::indicator:
        case ExpectKind::threshold: {
            const engine::IndicatorDef& d = p.indicators[f.item];
            const std::string status = report::status_text(Lang::vi, f.status);
            if (d.boolean || f.requirement == kNone) return x.kind == ExpectKind::indicator ? status : report::num(Lang::vi, f.number);
            const std::string threshold =
                fmt::format("{} {}", report::cmp_sign(p.requirements[f.requirement].cmp), report::with_unit(Lang::vi, f.number, d.unit_symbol));
            const std::string value = report::with_unit(Lang::vi, f.value, d.unit_symbol);
            if (x.kind == ExpectKind::threshold) return report::with_unit(Lang::vi, f.number, d.unit_symbol);
            return fmt::format(words::kValueAgainst, status, value, threshold);
        }
        case ExpectKind::criterion:
        case ExpectKind::level_status:
        case ExpectKind::gate: return report::status_text(Lang::vi, f.status);
        case ExpectKind::criteria_met: return report::num(Lang::vi, f.number);
        case ExpectKind::level: return level_text(p, f.level);
        case ExpectKind::revocation:
            return f.branch == kNone || f.verdict != Verdict::revoke
                       ? verdict_text(f.verdict)
                       : fmt::format(words::kBranch, verdict_text(f.verdict), p.revocations[x.revocation].branches[f.branch].name);
        case ExpectKind::category:
            return f.member == kNone ? words::kUndecided : p.categories[x.category].members[f.member].name;
    }
    return {};
}

std::string indent(const std::string& text, const std::string& by) {
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = text.find('\n', at);
        const std::string line = text.substr(at, end == std::string::npos ? std::string::npos : end - at);
        out += line.empty() ? "\n" : by + line + "\n";
        if (end == std::string::npos) break;
        at = end + 1;
    }
    return out;
}

void failed_test(const Program& p, const dsl::SourceManager& sources, const TestOutcome& t, bool md, std::string& out) {
    const ResolvedTest& test = *t.test;
    const std::string l2 = md ? "  - " : "    ", l3 = md ? "    - " : "      ";
    for (std::size_t k = 0; k < t.failed.size() && k < kRunsShown; ++k) {
        const FailedRun& fr = t.failed[k];
        const TestRun& run = test.runs[fr.run];
        const std::string head = fmt::format(words::kRunHead, place(sources, test.source->span), run_label(p, run));
        out += l2 + (md ? fmt::format("`{}`", head) : head) + "\n";
        if (fr.unplaced != kNone) {
            const engine::CategoryDef& c = p.categories[fr.unplaced];
            out += l3 + fmt::format(words::kUnplaced, c.members[run.categories[fr.unplaced]].name, c.name) + "\n";
            continue;
        }
        for (const Finding& f : fr.findings) {
            const std::string line = fmt::format(words::kExpectedActual, subject(p, test, *f.expect), expected_text(p, *f.expect),
                                                 actual_text(p, run, f));
            out += l3 + fmt::format("{}: {}", place(sources, f.expect->source->span), line) + "\n";
        }
        if (k > 0) continue;
        out += l3 + words::kActual + "\n";
        if (md) {
            out += "\n      ```\n" + indent(fr.explanation, "      ") + "      ```\n\n";
        } else {
            out += indent(fr.explanation, "        ");
        }
    }
    if (t.failed.size() > kRunsShown) out += l2 + fmt::format(words::kMoreRuns, t.failed.size() - kRunsShown) + "\n";
}

}  // namespace

std::string render_results(const Program& p, const dsl::SourceManager& sources, const std::vector<FileOutcome>& files,
                           Format format) {
    const bool md = format == Format::markdown;
    std::string out;
    std::size_t tests = 0, runs = 0, passed = 0;
    for (const FileOutcome& f : files) {
        std::size_t ok = 0;
        for (const TestOutcome& t : f.tests) ok += t.passed();
        tests += f.tests.size();
        passed += ok;
        if (f.tests.empty()) {
            out += fmt::format(words::kNoTests, f.path) + "\n";
            continue;
        }
        const std::string head = fmt::format(words::kFileLine, f.path, f.tests.size(), ok, f.tests.size() - ok);
        out += md ? fmt::format("## {}\n\n", head) : head + "\n";
        for (const TestOutcome& t : f.tests) {
            runs += t.test->runs.size();
            const std::string count = t.test->runs.size() > 1 ? fmt::format(words::kRuns, t.test->runs.size()) : "";
            out += fmt::format("{}{} {}{}\n", md ? "- " : "  ", t.passed() ? "✓" : "✗",
                               text::printable(t.test->source->name, std::string::npos), count);
            if (!t.passed()) failed_test(p, sources, t, md, out);
        }
        if (md) out += "\n";
    }
    const std::string total = fmt::format(words::kTotal, files.size(), tests, runs, passed, tests - passed);
    out += md ? fmt::format("**{}**\n", total) : total + "\n";
    return out;
}

}  // namespace ntm::ruletest
