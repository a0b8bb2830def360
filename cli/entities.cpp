#include "cli/entities.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cli/commands.hpp"
#include "report/text.hpp"
#include "text/message.hpp"
#include "text/suggest.hpp"
#include "text/utf8.hpp"

namespace ntm::cli {

std::vector<std::uint32_t> find_entities(const engine::Dataset& data, const std::string& wanted,
                                         bool (*accept)(engine::EntityKind)) {
    const auto kept = [&](std::uint32_t e) { return accept == nullptr || accept(data.entities[e].kind); };
    std::vector<std::uint32_t> found;
    if (const std::uint32_t e = data.find(wanted); e != engine::kNone && kept(e)) return {e};
    using Fold = std::string (*)(std::string_view);
    const Fold as_written = [](std::string_view t) { return std::string(t); };
    for (const Fold fold : {as_written, &text::fold, &text::fold_unaccented}) {
        const std::string key = fold(wanted);
        for (std::uint32_t e = 0; e < data.entities.size(); ++e) {
            const engine::Entity& entity = data.entities[e];
            if (!kept(e)) continue;
            if (fold(entity.name) == key || fold(report::display_name(entity)) == key) found.push_back(e);
        }
        if (!found.empty()) break;
    }
    std::sort(found.begin(), found.end(),
              [&](std::uint32_t a, std::uint32_t b) { return report::code_order(data.entities[a].code, data.entities[b].code); });
    return found;
}

std::string describe(const engine::Dataset& data, const engine::Entity& e) {
    std::string out = fmt::format("{} {}", e.code, report::display_name(e));
    if (e.parent != engine::kNone) out += fmt::format(" ({})", report::display_name(data.entities[e.parent]));
    return text::printable(out);
}

std::optional<std::uint32_t> pick_entity(const engine::Dataset& data, const std::string& data_path,
                                         const std::string& wanted, bool (*accept)(engine::EntityKind)) {
    const std::string key = text::to_nfc(wanted);
    const std::vector<std::uint32_t> found = find_entities(data, key, accept);
    if (found.size() == 1) return found.front();
    if (found.empty()) {
        print_error(data_path, text::say(accept == nullptr ? "cli.no_entity" : "cli.no_locality", text::printable(key)));
        std::vector<std::string> candidates;
        for (std::uint32_t e = 0; e < data.entities.size(); ++e) {
            const engine::Entity& entity = data.entities[e];
            if (accept != nullptr && !accept(entity.kind)) continue;
            candidates.push_back(entity.code);
            candidates.push_back(entity.name);
            candidates.push_back(report::display_name(entity));
        }
        if (const auto near = text::closest_match(key, candidates)) {
            fmt::print(stderr, "  = {}: {}\n", in_lang(text::say("diag.help")),
                       in_lang(text::say("help.did_you_mean", text::printable(*near))));
        }
        return std::nullopt;
    }
    print_error(data_path, text::say("cli.several_entities", text::printable(key), found.size()));
    for (std::uint32_t e : found) fmt::print(stderr, "  {}\n", describe(data, data.entities[e]));
    return std::nullopt;
}

}  // namespace ntm::cli
