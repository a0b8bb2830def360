// The phrases of a revocation verdict (words.hpp), in Vietnamese or English.
#include <fmt/format.h>

#include "report/words.hpp"

namespace ntm::report {

namespace {

std::string criteria_text(const std::vector<RevocationCriterion>& list, bool named_only) {
    std::vector<std::string> parts;
    for (const RevocationCriterion& c : list) {
        if (!named_only || c.named) parts.push_back(fmt::format("{} {}", c.code, c.title));
    }
    return fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace

std::string revocation_line(Lang lang, const RevocationExplanation& r) {
    const Words& w = words(lang);
    const char* head = r.status == Status::met ? w.revoke_yes : r.status == Status::unknown ? w.revoke_maybe : w.revoke_no;
    std::string out = fmt::format(fmt::runtime(head), r.level_title, r.recognised_year);
    out += ": ";
    out += fmt::format(fmt::runtime(w.revoke_counts), r.unmet, r.total,
                       percent(lang, static_cast<std::size_t>(r.unmet), static_cast<std::size_t>(r.total)));
    if (r.unknown > 0) out += fmt::format(fmt::runtime(w.revoke_lacking), r.unknown);
    return out;
}

std::string revocation_case(Lang lang, const RevocationExplanation& r) {
    const Words& w = words(lang);
    if (r.status == Status::not_met) return {};
    if (r.branch_name.empty()) return w.revoke_case_open;
    return fmt::format(fmt::runtime(w.revoke_case), r.branch_name, r.branch_title);
}

std::vector<std::string> revocation_criteria(Lang lang, const RevocationExplanation& r) {
    const Words& w = words(lang);
    std::vector<std::string> out;
    if (!r.unmet_criteria.empty()) {
        std::string line = fmt::format("{}: {}", w.revoke_unmet, criteria_text(r.unmet_criteria, false));
        const std::string named = criteria_text(r.unmet_criteria, true);
        if (!named.empty()) line += fmt::format(" — {}: {}", w.revoke_named, named);
        out.push_back(std::move(line));
    }
    if (!r.unknown_criteria.empty()) {
        out.push_back(fmt::format("{}: {}", w.revoke_missing, criteria_text(r.unknown_criteria, false)));
    }
    return out;
}

}  // namespace ntm::report
