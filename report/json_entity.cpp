// The entities of the ntm-eval document, written straight from their explanations.
#include "report/json_parts.hpp"

namespace ntm::report {

namespace {

void write_indicator(JsonOut& o, const IndicatorExplanation& i) {
    o.begin_object();
    o.key("code");
    o.string(i.code);
    o.key("status");
    o.string(status_key(i.status));
    o.key("value");
    if (i.boolean && known(i.value)) {
        o.boolean(i.value != 0);
    } else {
        o.number(i.value);
    }
    o.key("unit");
    o.string(i.unit);
    o.key("threshold");
    if (i.has_requirement) {
        o.begin_object();
        o.key("cmp");
        o.string(dsl::spelling(i.cmp));
        o.key("low");
        o.number(i.low);
        o.key("high");
        o.number(i.high);
        // Only when it is: the threshold depends on a category not decided.
        if (known(i.low_min) && known(i.low_max)) {
            o.key("range");
            o.begin_array();
            o.number(i.low_min);
            o.number(i.low_max);
            o.end_array();
        }
        o.end_object();
    } else {
        o.null();
    }
    o.key("gap");
    o.number(i.gap);
    o.key("rule");
    o.fixed_string_or_null(i.rule);
    o.key("source");
    o.fixed_string_or_null(i.source);
    o.key("responsible");
    o.fixed_string_or_null(i.responsible);
    if (i.estimated) {  // only when it is: most data has no estimates
        o.key("estimated");
        o.boolean(true);
    }
    if (!i.unconfirmed.empty()) {  // only when it rests on one
        o.key("unconfirmed");
        o.fixed_string(i.unconfirmed);
    }
    if (i.category_unknown) {  // likewise
        o.key("category_unknown");
        o.boolean(true);
    }
    o.end_object();
}

void write_criterion(JsonOut& o, const CriterionExplanation& c) {
    o.begin_object();
    o.key("code");
    o.string(c.code);
    o.key("status");
    o.string(status_key(c.status));
    o.key("responsible");
    o.fixed_string_or_null(c.responsible);
    o.key("indicators");
    o.begin_array();
    for (const IndicatorExplanation& i : c.indicators) write_indicator(o, i);
    o.end_array();
    o.end_object();
}

void write_level(JsonOut& o, const LevelExplanation& l) {
    const bool judged = !l.set_name.empty();
    o.begin_object();
    o.key("level");
    o.string(l.name);
    o.key("status");
    o.string(status_key(l.status));
    o.key("prerequisite");
    o.string(status_key(l.prerequisite));
    o.key("set");
    o.string_or_null(l.set_name);
    o.key("region");
    judged ? o.string(dsl::name_of(l.region)) : o.null();
    o.key("criteria_met");
    judged ? o.integer(l.criteria_met) : o.null();
    o.key("criteria_total");
    judged ? o.integer(l.criteria_total) : o.null();
    o.key("criteria");
    o.begin_array();
    for (const CriterionExplanation& c : l.criteria) write_criterion(o, c);
    o.end_array();
    o.key("gates");
    o.begin_array();
    for (const GateExplanation& g : l.gates) {
        o.begin_object();
        o.key("name");
        o.string(g.name);
        o.key("status");
        o.string(status_key(g.status));
        o.key("rule");
        o.string_or_null(g.rule);
        o.end_object();
    }
    o.end_array();
    o.end_object();
}

// A revocation rule that applies: "revoke" (đề nghị thu hồi), "may_revoke" (data missing could
// make it so) or "keep"; the case that fired, and the criteria it counted.
void write_revocation(JsonOut& o, const RevocationExplanation& r) {
    o.begin_object();
    o.key("rule");
    o.string(r.name);
    o.key("level");
    o.string(r.level_name);
    o.key("recognised");
    o.integer(r.recognised_year);
    o.key("verdict");
    o.string(r.status == Status::met ? "revoke" : r.status == Status::unknown ? "may_revoke" : "keep");
    o.key("case");
    o.string_or_null(r.branch_name);
    o.key("criteria_unmet");
    o.begin_array();
    for (const RevocationCriterion& c : r.unmet_criteria) o.string(c.code);
    o.end_array();
    o.key("criteria_unknown");
    o.begin_array();
    for (const RevocationCriterion& c : r.unknown_criteria) o.string(c.code);
    o.end_array();
    o.key("criteria_total");
    o.integer(r.total);
    if (!r.unconfirmed.empty()) {  // only when it rests on one
        o.key("unconfirmed");
        o.string(r.unconfirmed);
    }
    o.end_object();
}

}  // namespace

void write_entity(JsonOut& o, const Program& program, const Dataset& data, const Evaluation& evaluation,
                  std::uint32_t result) {
    const EntityExplanation x = explain(program, data, evaluation, result, engine::ExplainDetail::listing);
    const EntityResult& er = evaluation.entities[result];
    const bool counted = x.criteria_total != 0;
    o.begin_object();
    o.key("code");
    o.string(x.code);
    o.key("name");
    o.string(x.name);
    o.key("type");
    o.string(x.type);
    o.key("kind");
    o.string(dsl::name_of(x.kind));
    o.key("parent");
    o.string_or_null(x.parent_code);
    o.key("map");
    o.string(x.map == engine::AdminMap::two_tier ? "two_tier" : "three_tier");
    o.key("region");
    o.string(dsl::name_of(x.region));
    o.key("judged");
    o.boolean(er.judged);
    o.key("level");
    o.string_or_null(x.level_name);
    o.key("level_uncertain");
    o.boolean(x.level_uncertain);
    o.key("criteria_met");
    counted ? o.integer(x.criteria_met) : o.null();
    o.key("criteria_unknown");
    counted ? o.integer(x.criteria_unknown) : o.null();
    o.key("criteria_total");
    counted ? o.integer(x.criteria_total) : o.null();
    o.key("classes");
    o.begin_array();
    for (std::uint32_t c = 0; c < program.classes.size(); ++c) {
        if (evaluation.classes[er.first_class + c] == Status::met) o.string(program.classes[c].name);
    }
    o.end_array();
    o.key("categories");
    o.begin_object();
    for (const CategoryExplanation& c : x.categories) {
        o.key(c.name);
        c.decided ? o.string(c.member) : o.null();
    }
    o.end_object();
    o.key("lost_level");
    if (er.lost_level == kNone) {
        o.null();
    } else {
        o.begin_object();
        o.key("level");
        o.string(program.levels[er.lost_level].name);
        o.key("recognised");
        o.integer(er.lost_year);
        o.end_object();
    }
    o.key("revocations");
    o.begin_array();
    for (const RevocationExplanation& r : x.revocations) write_revocation(o, r);
    o.end_array();
    o.key("levels");
    o.begin_array();
    for (const LevelExplanation& l : x.levels) write_level(o, l);
    o.end_array();
    o.end_object();
}


}  // namespace ntm::report
