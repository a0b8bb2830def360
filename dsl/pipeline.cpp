#include "dsl/pipeline.hpp"

#include <algorithm>

namespace ntm::dsl {

std::unique_ptr<Rules> load_and_check(const std::vector<std::string>& paths, bool werror, const text::Limits& limits,
                                      const Overlay* overlay) {
    auto rules = std::make_unique<Rules>();
    std::vector<std::string> files = find_rule_files(paths, rules->io_errors);
    if (overlay != nullptr) {
        for (const auto& [path, text] : *overlay) {
            if (std::find(files.begin(), files.end(), path) != files.end()) continue;
            files.insert(std::upper_bound(files.begin(), files.end(), path), path);  // a new file, in order
        }
    }
    if (files.empty() && rules->io_errors.empty()) {
        rules->io_errors.push_back(text::file_problem(paths.empty() ? "." : paths.front(), say("rules.none_found")));
    }
    rules->module = load_rules(files, rules->sources, rules->diags, rules->ids, rules->io_errors, limits, overlay);
    if (!rules->diags.has_errors()) rules->checked = check(rules->module, rules->sources, rules->diags);
    if (werror) rules->diags.promote_warnings();
    rules->diags.sort();
    return rules;
}

}  // namespace ntm::dsl
