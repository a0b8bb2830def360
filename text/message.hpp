// Every message a user reads exists in Vietnamese and in English: one catalogue, keyed by the
// message's code ("E0301", "D0106") or by a name ("cli.no_such_file"), holds both templates
// (text/catalog_*.cpp), and say() fills them in both languages at once:
//
//   d.help = text::say("help.did_you_mean", code);
//     → vi "có phải là '{}'?" / en "did you mean '{}'?"
//
// A Message carries both texts; the renderer picks one by the language of the run (`--lang`,
// Vietnamese unless told otherwise).  An argument is either the same in both languages (a name,
// a code, a number, a quoted rule line) or itself a Message.  Templates use fmt's syntax and
// may number their arguments ("{1} … {0}") where Vietnamese orders words otherwise.  A key
// missing from the catalogue yields the key itself; a test checks that every key said in the
// sources is in the catalogue, in both languages, in NFC, with the same arguments.
#pragma once

#include <fmt/args.h>
#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ntm::text {

enum class Lang : std::uint8_t { vi, en };

class Message {
public:
    Message() = default;
    // Text that reads the same in every language: a name, a code, a number, a rule line.
    static Message same(std::string text);
    static Message both(std::string vi, std::string en);

    const std::string& in(Lang lang) const { return lang == Lang::en ? en_ : vi_; }
    const std::string& vi() const { return vi_; }
    const std::string& en() const { return en_; }
    bool empty() const { return vi_.empty() && en_.empty(); }

    Message& operator+=(const Message& more);
    friend Message operator+(Message a, const Message& b) { return a += b; }
    friend bool operator==(const Message&, const Message&) = default;

private:
    std::string vi_;
    std::string en_;
};

// One entry of the catalogue.
struct CatalogEntry {
    std::string_view key;
    std::string_view vi;
    std::string_view en;
};

// The whole catalogue, sorted by key.
const std::vector<CatalogEntry>& catalog();
// The entry of `key`; nullptr when there is none.
const CatalogEntry* find_message(std::string_view key);

namespace detail {

inline void push(fmt::dynamic_format_arg_store<fmt::format_context>& store, Lang lang, const Message& m) {
    store.push_back(m.in(lang));
}
inline void push(fmt::dynamic_format_arg_store<fmt::format_context>& store, Lang, std::string_view s) {
    store.push_back(std::string(s));
}
inline void push(fmt::dynamic_format_arg_store<fmt::format_context>& store, Lang, const std::string& s) {
    store.push_back(s);
}
inline void push(fmt::dynamic_format_arg_store<fmt::format_context>& store, Lang, const char* s) {
    store.push_back(std::string(s));
}
template <class T>
void push(fmt::dynamic_format_arg_store<fmt::format_context>& store, Lang, const T& value) {
    store.push_back(value);
}

// The template formatted; a template that does not fit its arguments gives the template itself
// followed by the arguments, never an exception.
std::string format(std::string_view key, std::string_view pattern,
                   const fmt::dynamic_format_arg_store<fmt::format_context>& args);

}  // namespace detail

// The message of `key` with its arguments, in both languages.
template <class... Args>
Message say(std::string_view key, const Args&... args) {
    const CatalogEntry* entry = find_message(key);
    if (entry == nullptr) return Message::same(std::string(key));
    std::string texts[2];
    for (const Lang lang : {Lang::vi, Lang::en}) {
        fmt::dynamic_format_arg_store<fmt::format_context> store;
        (detail::push(store, lang, args), ...);
        texts[lang == Lang::en ? 1 : 0] = detail::format(key, lang == Lang::en ? entry->en : entry->vi, store);
    }
    return Message::both(std::move(texts[0]), std::move(texts[1]));
}

// Items joined with ", " (Message or plain text), as one Message.
Message join(const std::vector<Message>& items, std::string_view separator = ", ");

}  // namespace ntm::text
