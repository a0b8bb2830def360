// Stage 2 entry point: the checker's passes, in order.  Each pass reads the tables the
// earlier ones built; all of them run even when an earlier one found errors, so that one
// `ntm check` shows every problem (passes skip what could not be resolved rather than
// reporting it again).
#include "dsl/checker.hpp"

#include "dsl/check_pass.hpp"

namespace ntm::dsl {

Checked check(const Module& module, const SourceManager& sources, Diagnostics& diags,
              const CheckOptions& options) {
    Checked out;
    check_detail::Context cx{module, sources, diags, options, out};

    check_detail::declare_names(cx);          // symbol tables, duplicate names
    check_detail::flatten_sets(cx);           // extends, override, remove → effective criteria
    check_detail::check_data(cx);             // field units, derived values and their cycles
    check_detail::check_set_expressions(cx);  // value, applies when, region when
    check_detail::check_combine(cx);          // how each input combines when units merge
    check_detail::check_thresholds(cx);       // regions, years and rows of thresholds
    check_detail::check_requirements(cx);     // units of requirements, contradictions
    check_detail::check_classes(cx);          // class conditions
    check_detail::check_categories(cx);       // category members and their conditions
    check_detail::check_levels(cx);           // after, meets, gates, reachability
    check_detail::check_revocations(cx);      // level, set, branches
    check_detail::check_scale(cx);            // percentages written as fractions
    check_detail::check_overrides(cx);        // overrides flipped, provincial sets looser
    check_detail::check_assignments(cx);      // sets, codes and people named
    check_detail::check_coverage(cx);         // criteria no body is in charge of
    check_detail::check_targets(cx);          // levels, years, localities

    diags.sort();
    return out;
}

}  // namespace ntm::dsl
