// A diff as JSON: the model of diff.hpp, with codes and statuses as stable words and every
// phrase a reader needs also given in Vietnamese ("text").
#include <nlohmann/json.hpp>

#include "diff/render.hpp"
#include "diff/words.hpp"
#include "report/json.hpp"
#include "report/words.hpp"

namespace ntm::diff {

namespace {

using nlohmann::ordered_json;

const char* what_key(What w) {
    static const char* const keys[] = {"set", "criterion", "indicator", "level", "gate", "revocation",
                                       "branch", "category", "member", "assignment", "target"};
    return keys[static_cast<int>(w)];
}

const char* how_key(How h) {
    static const char* const keys[] = {"added", "removed", "renamed", "recoded", "moved", "changed"};
    return keys[static_cast<int>(h)];
}

const char* direction_key(Direction d) {
    static const char* const keys[] = {"lost", "gained", "uncertain", "further", "closer", "revocation", "maintenance"};
    return keys[static_cast<int>(d)];
}


ordered_json number(double v) { return report::json_number(v); }
using report::status_key;

ordered_json change_json(const Change& c) {
    ordered_json j;
    j["what"] = what_key(c.what);
    j["how"] = how_key(c.how);
    j["scope"] = c.scope;
    j["code"] = c.code;
    if (!c.old_code.empty()) j["old_code"] = c.old_code;
    j["old_title"] = c.old_title;
    j["new_title"] = c.new_title;
    if (!c.old_owner.empty() || !c.new_owner.empty()) {
        j["old_criterion"] = c.old_owner;
        j["new_criterion"] = c.new_owner;
    }
    if (!c.unit.empty()) j["unit"] = c.unit;
    ordered_json thresholds = ordered_json::array();
    for (const ThresholdDiff& t : c.thresholds) {
        ordered_json tj;
        tj["requirement"] = t.requirement + 1;
        tj["old_comparison"] = report::cmp_sign(t.old_cmp);
        tj["new_comparison"] = report::cmp_sign(t.new_cmp);
        if (!t.old_text.empty() || !t.new_text.empty()) {
            tj["old"] = t.old_text;
            tj["new"] = t.new_text;
        }
        ordered_json cells = ordered_json::array();
        for (const CellChange& cell : t.cells) {
            cells.push_back({{"where", cell.where}, {"old", number(cell.old_value)}, {"new", number(cell.new_value)}});
        }
        tj["cells"] = cells;
        thresholds.push_back(tj);
    }
    j["thresholds"] = thresholds;
    ordered_json fields = ordered_json::array();
    for (const Change::Field& f : c.fields) fields.push_back({{"field", f.key}, {"old", f.old_value}, {"new", f.new_value}, {"text", f.name}});
    j["fields"] = fields;
    j["old_rule"] = c.old_rule;
    j["new_rule"] = c.new_rule;
    j["text"] = change_headline(c);
    return j;
}

ordered_json side_json(const LevelSide& s) {
    return {{"level", s.name.empty() ? ordered_json(nullptr) : ordered_json(s.name)},
            {"level_title", s.title},
            {"may_reach", s.max_title},
            {"criteria_met", s.criteria_met},
            {"criteria_unknown", s.criteria_unknown},
            {"criteria_total", s.criteria_total},
            {"revocation", status_key(s.revoked)},
            {"not_maintained", s.lost_title}};
}

ordered_json cause_json(const Cause& c) {
    ordered_json j;
    j["kind"] = c.gate ? "gate" : "indicator";
    if (!c.gate) j["criterion"] = c.criterion_code;
    j["code"] = c.code;
    j["title"] = c.title;
    j["old_status"] = status_key(c.old_status);
    j["new_status"] = status_key(c.new_status);
    if (!c.gate) {
        j["old_value"] = number(c.old_value);
        j["new_value"] = number(c.new_value);
        j["old_threshold"] = number(c.old_low);
        j["new_threshold"] = number(c.new_low);
        j["gap"] = number(c.new_gap);
        j["unit"] = c.unit_symbol;
    }
    j["responsible"] = c.responsible;
    j["rule"] = c.rule;
    j["text"] = cause_text(c);
    return j;
}

}  // namespace

std::string render_diff_json(const DiffRun& run) {
    ordered_json root;
    if (run.rules_compared) {
        root["old"] = run.structure.old_label;
        root["new"] = run.structure.new_label;
        ordered_json changes = ordered_json::array();
        for (const Change& c : run.structure.changes) changes.push_back(change_json(c));
        root["changes"] = changes;
    }
    if (run.impact) {
        const ImpactDiff& d = *run.impact;
        ordered_json impact;
        impact["data"] = run.data_file;
        impact["old_year"] = d.old_year;
        impact["new_year"] = d.new_year;
        impact["compared"] = d.compared;
        impact["only_old"] = d.only_old;
        impact["only_new"] = d.only_new;
        impact["notes"] = run.notes;
        ordered_json transitions = ordered_json::array();
        for (const Transition& t : d.transitions) {
            transitions.push_back({{"old_level", t.old_level}, {"new_level", t.new_level}, {"old_may_reach", t.old_max}, {"new_may_reach", t.new_max}, {"count", t.count}});
        }
        impact["transitions"] = transitions;
        ordered_json crit = ordered_json::array();
        for (const CriterionTally& t : d.by_criterion) {
            crit.push_back({{"kind", t.gate ? "gate" : "criterion"}, {"code", t.code}, {"title", t.title},
                            {"responsible", t.responsible}, {"count", t.count}});
        }
        impact["lost_by_criterion"] = crit;
        ordered_json parents = ordered_json::array();
        for (const ParentTally& t : d.by_parent) {
            parents.push_back({{"parent", t.parent}, {"gained", t.gained}, {"lost", t.lost}, {"uncertain", t.uncertain},
                               {"closer", t.closer}, {"further", t.further}});
        }
        impact["by_parent"] = parents;
        ordered_json entities = ordered_json::array();
        for (const EntityChange& e : d.entities) {
            ordered_json causes = ordered_json::array();
            for (const Cause& c : e.causes) causes.push_back(cause_json(c));
            entities.push_back({{"code", e.code}, {"name", e.name}, {"type", e.type}, {"parent", e.parent},
                                {"direction", direction_key(e.direction)}, {"old", side_json(e.old_side)},
                                {"new", side_json(e.new_side)}, {"level_compared", e.level_compared},
                                {"causes", causes}, {"text", move_text(e)}});
        }
        impact["entities"] = entities;
        root["impact"] = impact;
    }
    return root.dump(2) + "\n";
}

}  // namespace ntm::diff
