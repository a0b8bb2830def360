// Pass 2: the data of each entity kind.  Field units must be known; a derived value's
// expression must have the declared unit; derived values must not depend on themselves.
#include <fmt/format.h>

#include <algorithm>

#include "dsl/check_pass.hpp"

namespace ntm::dsl::check_detail {
namespace {

void check_derived_unit(Context& cx, const FieldInfo& f, const Type& got) {
    const Field& decl = *f.decl;
    if (got.value == ValueType::unknown) return;
    const std::string& unit = decl.unit.text;
    const bool ok = f.boolean
                        ? got.value == ValueType::boolean
                        : got.value == ValueType::number && (got.unit.empty() || got.unit == unit);
    if (ok) return;
    Diagnostic& d =
        cx.diags.error("E0212", decl.derive->span,
                       say("E0212", decl.name.text, unit_phrase(unit), type_phrase(got)));
    d.notes.push_back({decl.unit.span, say("note.unit_declared")});
}

// Depth-first search over the derived values of one kind, reporting each cycle once.
class CycleFinder {
  public:
    CycleFinder(Context& cx, DataInfo& data) : cx_(cx), data_(data) {}

    void run() {
        for (auto& [name, f] : data_.fields) {
            if (f.derived) visit(name);
        }
    }

  private:
    enum class Mark { none, active, done };

    void visit(const std::string& name) {
        Mark& m = marks_[name];
        if (m == Mark::done) return;
        if (m == Mark::active) return report(name);
        m = Mark::active;
        path_.push_back(name);
        const FieldInfo& f = data_.fields.at(name);
        for (const std::string& used : f.uses) {
            if (used == name) continue;  // reported as E0116
            visit(used);
        }
        path_.pop_back();
        marks_[name] = Mark::done;
        data_.derive_order.push_back(name);
    }

    void report(const std::string& again) {
        auto start = std::find(path_.begin(), path_.end(), again);
        std::string chain;
        for (auto it = start; it != path_.end(); ++it) chain += *it + " → ";
        chain += again;
        const Field& first = *data_.fields.at(again).decl;
        Diagnostic& d =
            cx_.diags.error("E0117", first.name.span,
                            say("E0117", chain));
        for (auto it = start + 1; it != path_.end(); ++it) {
            d.notes.push_back(
                {data_.fields.at(*it).decl->name.span, say("note.name_defined", *it)});
        }
    }

    Context& cx_;
    DataInfo& data_;
    std::map<std::string, Mark> marks_;
    std::vector<std::string> path_;
};

}  // namespace

void check_data(Context& cx) {
    for (std::size_t k = 0; k < kKindCount; ++k) {
        for (auto& [name, f] : cx.out.data[k].fields) {
            const auto unit = cx.out.units.find(f.decl->unit.text);
            if (unit == cx.out.units.end()) {
                unknown_name(cx, "E0101", f.decl->unit, keys_of(cx.out.units));
            } else {
                f.boolean = unit->second.boolean;
            }
        }
    }
    for (std::size_t k = 0; k < kKindCount; ++k) {
        DataInfo& data = cx.out.data[k];
        const auto kind = static_cast<EntityKind>(k);
        for (auto& [name, f] : data.fields) {
            if (!f.derived) continue;
            std::vector<Name> uses;
            Scope scope{kind, sets_of_kind(cx, kind), &uses};
            const Type got = type_expr(cx, *f.decl->derive, scope);
            if (cx.out.units.count(f.decl->unit.text)) check_derived_unit(cx, f, got);
            bool self_reported = false;
            for (const Name& use : uses) {
                if (use.text == name && !self_reported) {
                    cx.diags.error("E0116", use.span,
                                   say("E0116", name));
                    self_reported = true;
                }
                f.uses.push_back(use.text);
            }
            std::sort(f.uses.begin(), f.uses.end());
            f.uses.erase(std::unique(f.uses.begin(), f.uses.end()), f.uses.end());
        }
        CycleFinder(cx, data).run();
    }
}

}  // namespace ntm::dsl::check_detail
