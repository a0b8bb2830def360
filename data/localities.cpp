// E0611: a locality in rules that is no unit of the official lists (data/localities.hpp).
#include "data/localities.hpp"

#include <variant>

#include "text/suggest.hpp"

namespace ntm::data {

namespace {

class Localities {
  public:
    Localities(std::span<const AdminUnits* const> lists, dsl::Diagnostics& diags) : lists_(lists), diags_(diags) {}

    void code(const dsl::Text& t) {
        if (t.value.empty() || known(t.value)) return;
        dsl::Diagnostic& d = diags_.error("E0611", t.span, text::say("E0611", t.value));
        if (const auto near = nearest(t.value)) {
            d.help = text::say("E0611.help", near->first, near->second);
        } else {
            d.help = text::say("E0611.help_none");
        }
    }

  private:
    bool known(const std::string& code) const {
        for (const AdminUnits* list : lists_) {
            if (list == nullptr) continue;
            for (EntityKind k : {EntityKind::tinh, EntityKind::huyen, EntityKind::xa}) {
                if (list->find(k, code) != kNone) return true;
            }
        }
        return false;
    }

    // A unit named so (a name written where its code goes), else the closest code of any list;
    // with the unit's full name.
    std::optional<std::pair<std::string, std::string>> nearest(const std::string& code) {
        for (const AdminUnits* list : lists_) {
            if (list == nullptr) continue;
            for (EntityKind k : {EntityKind::tinh, EntityKind::huyen, EntityKind::xa}) {
                const std::vector<std::uint32_t> named = list->named(k, code);
                if (named.size() == 1) return std::pair{list->units[named[0]].code, list->full_name(named[0])};
            }
        }
        // Official codes are digits: a code that does not start with one (a test code such as
        // "T1") is no typo of one.
        if (code.empty() || code[0] < '0' || code[0] > '9') return std::nullopt;
        if (codes_.empty()) {
            for (const AdminUnits* list : lists_) {
                if (list == nullptr) continue;
                for (const Unit& u : list->units) codes_.push_back(u.code);
            }
        }
        const auto near = text::closest_match(code, codes_);
        if (!near) return std::nullopt;
        for (const AdminUnits* list : lists_) {
            if (list == nullptr) continue;
            for (std::uint32_t i = 0; i < list->units.size(); ++i) {
                if (list->units[i].code == *near) return std::pair{*near, list->full_name(i)};
            }
        }
        return std::nullopt;
    }

    std::span<const AdminUnits* const> lists_;
    dsl::Diagnostics& diags_;
    std::vector<std::string> codes_;  // every code of every list, built when first needed
};

}  // namespace

void check_localities(const dsl::Module& module, std::span<const AdminUnits* const> lists, dsl::Diagnostics& diags) {
    bool any = false;
    for (const AdminUnits* list : lists) any = any || list != nullptr;
    if (!any) return;
    Localities check(lists, diags);
    for (const dsl::RuleFile& file : module.files) {
        for (const dsl::Decl& decl : file.decls) {
            if (const auto* s = std::get_if<dsl::CriteriaSet>(&decl); s && s->locality) check.code(*s->locality);
            if (const auto* t = std::get_if<dsl::TargetDecl>(&decl); t && t->locality) check.code(*t->locality);
            if (const auto* a = std::get_if<dsl::AssignmentsDecl>(&decl)) {
                if (a->locality) check.code(*a->locality);
                for (const dsl::Assignment& as : a->assignments) {
                    for (const dsl::Text& t : as.localities) check.code(t);
                }
            }
        }
    }
    diags.sort();
}

}  // namespace ntm::data
