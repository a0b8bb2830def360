// The rules compared beyond the sets: levels and their gates, revocation rules and their
// branches, categories and their members, the members in charge of localities, and targets.
#include <fmt/format.h>

#include <algorithm>

#include "diff/compare.hpp"

namespace ntm::diff {

namespace {

std::string set_names(const Program& p, const std::vector<std::uint32_t>& sets) {
    std::string out;
    for (std::uint32_t s : sets) out += out.empty() ? p.sets[s].name : ", " + p.sets[s].name;
    return out;
}

std::string target_lines(const Program& p, const engine::TargetDef& t) {
    std::string out;
    for (const engine::TargetDef::Line& l : t.lines) {
        const std::string one = fmt::format("{} {}{}", p.levels[l.level].name, l.increment ? "+" : "", l.count);
        out += out.empty() ? one : ", " + one;
    }
    return out;
}

// Who is in charge of which localities (`locality … -> member`), per member: the codes (or
// the condition), the due date and the years.
std::vector<std::pair<std::string, std::string>> members(const Program& p) {
    std::vector<std::pair<std::string, std::string>> out;  // (member title, what it is in charge of)
    for (const engine::LocalityRule& r : p.localities) {
        if (r.member >= p.bodies.size()) continue;
        std::string one;
        for (const std::string& c : r.codes) one += one.empty() ? c : fmt::format(", {}", c);
        if (one.empty()) one = "theo điều kiện";
        if (!r.due.empty()) one += fmt::format(" (hạn {})", r.due);
        const std::string y = years(r.valid_from, r.valid_to);
        if (!y.empty()) one += fmt::format(" [{}]", y);
        const std::string& title = p.bodies[r.member].title;
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& m) { return m.first == title; });
        if (it == out.end()) {
            out.emplace_back(title, one);
        } else {
            it->second += fmt::format("; {}", one);
        }
    }
    return out;
}

}  // namespace

void Comparer::levels() {
    by_name(a.levels, b.levels, What::level, {}, [&](const engine::LevelDef& o, const engine::LevelDef& n) {
        Change c = make(What::level, o.title == n.title ? How::changed : How::renamed, {}, n.name, o.title, n.title);
        field(c, "after", "mức trước", o.after == kNone ? "" : a.levels[o.after].name, n.after == kNone ? "" : b.levels[n.after].name);
        field(c, "sets", "bộ tiêu chí", set_names(a, o.meets), set_names(b, n.meets));
        c.old_rule = where(a, o.span);
        c.new_rule = where(b, n.span);
        push_if_changed(std::move(c));
        by_name(o.gates, n.gates, What::gate, n.title, [&](const engine::GateDef& og, const engine::GateDef& ng) {
            Change g = make(What::gate, og.title == ng.title ? How::changed : How::renamed, n.title, ng.name, og.title, ng.title);
            field(g, "condition", "điều kiện", text_at(a, og.span), text_at(b, ng.span));
            field(g, "valid", "hiệu lực", years(og.valid_from, og.valid_to), years(ng.valid_from, ng.valid_to));
            field(g, "unconfirmed", "chưa xác nhận", reason(a, og.unconfirmed), reason(b, ng.unconfirmed));
            g.old_rule = where(a, og.span);
            g.new_rule = where(b, ng.span);
            push_if_changed(std::move(g));
        });
    });
}

void Comparer::revocations() {
    by_name(a.revocations, b.revocations, What::revocation, {},
            [&](const engine::RevocationDef& o, const engine::RevocationDef& n) {
        Change c = make(What::revocation, o.title == n.title ? How::changed : How::renamed, {}, n.name, o.title, n.title);
        field(c, "level", "mức công nhận", a.levels[o.level].name, b.levels[n.level].name);
        field(c, "sets", "bộ tiêu chí", a.sets[o.set].name, b.sets[n.set].name);
        field(c, "valid", "hiệu lực", years(o.valid_from, o.valid_to), years(n.valid_from, n.valid_to));
        field(c, "unconfirmed", "chưa xác nhận", reason(a, o.unconfirmed), reason(b, n.unconfirmed));
        c.old_rule = where(a, o.span);
        c.new_rule = where(b, n.span);
        push_if_changed(std::move(c));
        by_name(o.branches, n.branches, What::branch, n.title,
                [&](const engine::RevocationBranchDef& ob, const engine::RevocationBranchDef& nb) {
            Change g = make(What::branch, ob.title == nb.title ? How::changed : How::renamed, n.title, nb.name, ob.title, nb.title);
            field(g, "condition", "điều kiện", text_at(a, ob.span), text_at(b, nb.span));
            field(g, "unconfirmed", "chưa xác nhận", reason(a, ob.unconfirmed), reason(b, nb.unconfirmed));
            g.old_rule = where(a, ob.span);
            g.new_rule = where(b, nb.span);
            push_if_changed(std::move(g));
        });
    });
}

void Comparer::categories() {
    for (const engine::CategoryDef& n : b.categories) {
        const auto it = std::find_if(a.categories.begin(), a.categories.end(),
                                     [&](const engine::CategoryDef& o) { return o.name == n.name; });
        if (it == a.categories.end()) {
            out.push_back(make(What::category, How::added, {}, n.name, {}, n.title));
            continue;
        }
        Change c = make(What::category, it->title == n.title ? How::changed : How::renamed, {}, n.name, it->title, n.title);
        push_if_changed(std::move(c));
        by_name(it->members, n.members, What::member, n.title,
                [&](const engine::CategoryMemberDef& om, const engine::CategoryMemberDef& nm) {
            Change m = make(What::member, om.title == nm.title ? How::changed : How::renamed, n.title, nm.name, om.title, nm.title);
            field(m, "condition", "điều kiện", text_at(a, om.span), text_at(b, nm.span));
            m.old_rule = where(a, om.span);
            m.new_rule = where(b, nm.span);
            push_if_changed(std::move(m));
        });
    }
    for (const engine::CategoryDef& o : a.categories) {
        if (std::none_of(b.categories.begin(), b.categories.end(), [&](const engine::CategoryDef& n) { return n.name == o.name; })) {
            out.push_back(make(What::category, How::removed, {}, o.name, o.title, {}));
        }
    }
}


void Comparer::assignments() {
    const auto olds = members(a), news = members(b);
    for (const auto& member : news) {
        const std::string& title = member.first;
        const std::string& what = member.second;
        const auto it = std::find_if(olds.begin(), olds.end(), [&](const auto& m) { return m.first == title; });
        Change c = make(What::assignment, it == olds.end() ? How::added : How::changed, {}, title, {}, title);
        field(c, "localities", "địa bàn phụ trách", it == olds.end() ? std::string() : it->second, what);
        if (c.how == How::added || !c.fields.empty()) out.push_back(std::move(c));
    }
    for (const auto& member : olds) {
        const std::string& title = member.first;
        const std::string& what = member.second;
        if (std::none_of(news.begin(), news.end(), [&](const auto& m) { return m.first == title; })) {
            Change c = make(What::assignment, How::removed, {}, title, title, {});
            field(c, "localities", "địa bàn phụ trách", what, {});
            out.push_back(std::move(c));
        }
    }
}

void Comparer::targets() {
    for (const engine::TargetDef& n : b.targets) {
        const auto it = std::find_if(a.targets.begin(), a.targets.end(), [&](const engine::TargetDef& o) { return o.name == n.name; });
        if (it == a.targets.end()) {
            out.push_back(make(What::target, How::added, {}, n.name, {}, n.title));
            continue;
        }
        Change c = make(What::target, it->title == n.title ? How::changed : How::renamed, {}, n.name, it->title, n.title);
        field(c, "locality", "địa bàn", it->locality, n.locality);
        field(c, "years", "năm", years(it->year, it->year_to), years(n.year, n.year_to));
        field(c, "lines", "chỉ tiêu", target_lines(a, *it), target_lines(b, n));
        push_if_changed(std::move(c));
    }
    for (const engine::TargetDef& o : a.targets) {
        if (std::none_of(b.targets.begin(), b.targets.end(), [&](const engine::TargetDef& n) { return n.name == o.name; })) {
            out.push_back(make(What::target, How::removed, {}, o.name, o.title, {}));
        }
    }
}

}  // namespace ntm::diff
