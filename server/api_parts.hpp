// What the calls of the API share (api.cpp: status and check; api_data.cpp: the calls that read
// data).  Internal to server/.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "dsl/pipeline.hpp"
#include "server/api.hpp"

namespace ntm::server::detail {

// A JSON answer as the API writes every one: indented by two, invalid UTF-8 replaced, a newline.
std::string dump(const nlohmann::json& j);

// The rules read from disk (with `overlay`), checked, and their localities checked against the
// official lists unless the server was told not to.
std::unique_ptr<dsl::Rules> load_rules(const Config& config, const dsl::Overlay* overlay = nullptr);

// The rules' check as data (docs/api.md, POST /api/v1/check); files relative to `root`.
nlohmann::json check_json(const dsl::Rules& rules, const std::string& root, text::Lang lang);

// A rule file named by a request: relative to the rules folder, inside it, a .ntm file; its path
// as the search for rule files spells it.
std::optional<std::string> rule_file_path(const std::string& root, const std::string& file);

}  // namespace ntm::server::detail
