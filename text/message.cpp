#include "text/message.hpp"

#include <algorithm>

#include "text/catalog.hpp"

namespace ntm::text {

Message Message::same(std::string text) {
    Message m;
    m.vi_ = text;
    m.en_ = std::move(text);
    return m;
}

Message Message::both(std::string vi, std::string en) {
    Message m;
    m.vi_ = std::move(vi);
    m.en_ = std::move(en);
    return m;
}

Message& Message::operator+=(const Message& more) {
    vi_ += more.vi_;
    en_ += more.en_;
    return *this;
}

const std::vector<CatalogEntry>& catalog() {
    static const std::vector<CatalogEntry> all = [] {
        std::vector<CatalogEntry> entries;
        for (const auto part : {
                 catalog_rules(),
                 catalog_rules_expr(),
                 catalog_rules_decls(),
                 catalog_rules_recovery(),
                 catalog_data(),
                 catalog_data_read(),
                 catalog_data_hints(),
                 catalog_cli(),
                 catalog_cli_run(),
                 catalog_tests(),
                 catalog_reasons(),
                 catalog_frame(),
                 catalog_rules_sanity(),
                 catalog_annotate(),
                 catalog_template(),
                 catalog_report_split(),
                 catalog_serve(),
             }) {
            entries.insert(entries.end(), part.begin(), part.end());
        }
        std::stable_sort(entries.begin(), entries.end(),
                         [](const CatalogEntry& a, const CatalogEntry& b) { return a.key < b.key; });
        return entries;
    }();
    return all;
}

const CatalogEntry* find_message(std::string_view key) {
    const auto& all = catalog();
    const auto it = std::lower_bound(all.begin(), all.end(), key,
                                     [](const CatalogEntry& e, std::string_view k) { return e.key < k; });
    return it != all.end() && it->key == key ? &*it : nullptr;
}

namespace detail {

std::string format(std::string_view key, std::string_view pattern,
                   const fmt::dynamic_format_arg_store<fmt::format_context>& args) {
    try {
        return fmt::vformat(pattern, args);
    } catch (const fmt::format_error&) {
        return fmt::format("{} ({})", pattern, key);
    }
}

}  // namespace detail

Message join(const std::vector<Message>& items, std::string_view separator) {
    Message out;
    const Message sep = Message::same(std::string(separator));
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += sep;
        out += items[i];
    }
    return out;
}

}  // namespace ntm::text
