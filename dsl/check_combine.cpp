// Pass: `combine` lines of `data KIND`, which say how each input of a kind combines when
// several units merge into one.  An input is a field that is not derived, or the column an
// indicator without `value` reads (named by its code).  Derived values are computed again
// after a merger and are never combined.
#include <fmt/format.h>

#include "dsl/check_pass.hpp"
#include "text/suggest.hpp"
#include "text/utf8.hpp"

namespace ntm::dsl::check_detail {
namespace {

struct Input {
    Span declared;  // the field's name, or the code of the first indicator reading the column
    std::string unit;
    bool boolean = false;
    bool derived = false;
};

bool numeric_way(MergeWay w) {
    return w == MergeWay::sum || w == MergeWay::weighted || w == MergeWay::min || w == MergeWay::max;
}

class Combines {
  public:
    Combines(Context& cx, EntityKind kind) : cx_(cx), kind_(kind), data_(cx.out.data[static_cast<std::size_t>(kind)]) {}

    void run() {
        collect_inputs();
        bool declared = false;
        for (const RuleFile& file : cx_.module.files) {
            for (const Decl& decl : file.decls) {
                const auto* d = std::get_if<DataDecl>(&decl);
                if (d == nullptr || entity_kind(d->kind.text) != kind_) continue;
                for (const InputCombine& line : d->combines) {
                    declared = true;
                    combine_line(line);
                }
            }
        }
        if (declared) undeclared();
    }

  private:
    void collect_inputs() {
        for (const auto& [name, f] : data_.fields) {
            inputs_[name] = {f.decl->name.span, f.decl->unit.text, f.boolean, f.derived};
        }
        for (const SetInfo& s : cx_.out.sets) {
            if (s.kind != kind_) continue;
            for (const EffectiveCriterion& c : s.criteria) {
                for (const EffectiveIndicator& ind : c.indicators) {
                    if (ind.value || inputs_.count(ind.code)) continue;
                    inputs_[ind.code] = {ind.declared.node->code.span, ind.unit_name, ind.unit_name == "yesno", false};
                }
            }
        }
    }

    std::string kind_text() const { return std::string(name_of(kind_)); }

    const Input* find(const std::string& name, Span at) {
        const auto it = inputs_.find(name);
        if (it != inputs_.end()) return &it->second;
        reported_[name] = true;
        Diagnostic& d = cx_.diags.error(
            "E0701", at, say("E0701", text::printable(name), kind_text()));
        if (auto m = text::closest_match(name, keys_of(inputs_))) {
            d.help = say("help.did_you_mean", *m);
        } else {
            d.help = say("E0701.help", kind_text());
        }
        return nullptr;
    }

    // `weighted by W`: W must be a number or count input of the kind, not derived.
    bool weight_ok(const InputCombine& line) {
        if (!line.weight) return false;
        const Name& w = *line.weight;
        const Input* in = find(w.text, w.span);
        if (in == nullptr) return false;
        Message why;
        if (in->derived) {
            why = say("E0703.derived");
        } else if (in->boolean) {
            why = say("E0703.yesno");
        } else if (in->unit == "percent") {
            why = say("E0703.percent");
        }
        if (why.empty()) return true;
        Diagnostic& d = cx_.diags.error(
            "E0703", w.span,
            say("E0703", w.text, why, kind_text()));
        d.notes.push_back({in->declared, say("note.name_declared", w.text)});
        return false;
    }

    void combine_line(const InputCombine& line) {
        const bool weighted = line.way == MergeWay::weighted;
        const bool weight = weighted && weight_ok(line);
        for (const InputName& n : line.inputs) {
            const Input* in = find(n.text, n.span);
            if (in == nullptr) continue;
            const auto [it, fresh] = data_.combine.try_emplace(n.text, CombineInfo{&line, &n, line.way, {}});
            if (!fresh) {
                reported_[n.text] = true;
                cx_.diags.error("E0702", n.span,
                                say("E0702", n.text, kind_text()))
                    .notes.push_back({it->second.input->span, say("note.first_given")});
                continue;
            }
            if (!fits(line, n, *in) || (weighted && !weight)) {
                reported_[n.text] = true;
                data_.combine.erase(it);
                continue;
            }
            if (weighted) it->second.weight = line.weight->text;
        }
    }

    // Whether the way suits the input; reports E0704–E0706 otherwise.
    bool fits(const InputCombine& line, const InputName& n, const Input& in) {
        if (in.derived) {
            Diagnostic& d = cx_.diags.error(
                "E0706", n.span,
                say("E0706", n.text));
            d.notes.push_back({in.declared, say("E0706.note")});
            d.help = say("E0706.help", n.text);
            return false;
        }
        if (line.weight && line.weight->text == n.text) {
            cx_.diags.error("E0704", n.span, say("E0704", n.text))
                .related.push_back(line.weight->span);
            return false;
        }
        const bool numeric = numeric_way(line.way);
        const bool boolean_way = line.way == MergeWay::all || line.way == MergeWay::any;
        if ((numeric && in.boolean) || (boolean_way && !in.boolean)) {
            Diagnostic& d = cx_.diags.error(
                "E0705", n.span,
                say("E0705", spelling(line.way), n.text, in.unit.empty() ? say("E0705.number") : unit_phrase(in.unit)));
            d.related.push_back(line.way_span);
            d.notes.push_back({in.declared, say("note.name_declared", n.text)});
            d.help = say(in.boolean ? "E0705.help.yesno" : "E0705.help.number");
            return false;
        }
        return true;
    }

    // Once a kind says how some inputs combine, each input it leaves out is a warning: a
    // merger cannot carry its value over.
    void undeclared() {
        for (const auto& [name, in] : inputs_) {
            if (in.derived || data_.combine.count(name) || reported_.count(name)) continue;
            cx_.diags.warning("W0701", in.declared,
                              say("W0701", name, kind_text()));
        }
    }

    Context& cx_;
    EntityKind kind_;
    DataInfo& data_;
    std::map<std::string, Input> inputs_;
    std::map<std::string, bool> reported_;
};

}  // namespace

void check_combine(Context& cx) {
    for (std::size_t k = 0; k < kKindCount; ++k) Combines(cx, static_cast<EntityKind>(k)).run();
}

}  // namespace ntm::dsl::check_detail
