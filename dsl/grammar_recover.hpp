// Recovery from syntax errors inside a block, so that one run reports every error of a file.
//
// PEGTL stops at the first `must<>` that fails: it throws.  `recover<Item>` catches that
// exception around one item of a block (a property, an indicator, a criterion, a field, ...),
// hands it to the `Recovery` passed as a parse state, which reports it and says where parsing
// resumes (dsl/parse_recover.hpp: the next line at the item's indentation or less); the item
// is dropped from the tree and the block goes on with its next item.  Without a `Recovery`
// among the states (the grammar's own tests), the exception goes on as it always did.
//
// `stray<End>` turns a word that starts no item of the block into the error its closing brace
// would give at that place (`expected … or '}'`), raised inside the item's `recover<>`, so a
// misspelt item keyword costs that item only, not the rest of the block.  A keyword of another
// block or a declaration keyword is not stray: there the block ends, and `must<End>` says that
// its brace is missing.
//
// Part of the grammar: include grammar.hpp, not this header.
#pragma once

#include <cstddef>
#include <optional>
#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>
#include <type_traits>

namespace ntm::dsl::grammar {

using namespace tao::pegtl;  // NOLINT: the grammar is written in PEGTL's vocabulary

// What to do with an error raised in the item that starts at byte `item`: report it and give
// the byte where parsing resumes, which must be after `item`; or nullopt to let the error go
// on to the enclosing block.
class Recovery {
public:
    virtual ~Recovery() = default;
    virtual std::optional<std::size_t> recover(const parse_error& error, std::size_t item) = 0;

protected:
    Recovery() = default;
    Recovery(const Recovery&) = default;
    Recovery& operator=(const Recovery&) = default;
};

// The Recovery among a parse's states, if any.
template <typename... States>
Recovery* find_recovery(States&... states) {
    Recovery* found = nullptr;
    [[maybe_unused]] const auto pick = [&found](auto& state) {
        if constexpr (std::is_base_of_v<Recovery, std::decay_t<decltype(state)>>) found = &state;
    };
    (pick(states), ...);
    return found;
}

template <typename Item>
struct recover {
    using rule_t = recover;
    using subs_t = type_list<Item>;

    template <apply_mode A, rewind_mode M, template <typename...> class Action,
              template <typename...> class Control, typename ParseInput, typename... States>
    static bool match(ParseInput& in, States&&... st) {
        Recovery* const recovery = find_recovery(st...);
        if (recovery == nullptr) return Control<Item>::template match<A, M, Action, Control>(in, st...);
        const auto start = in.iterator();
        try {
            return Control<Item>::template match<A, M, Action, Control>(in, st...);
        } catch (const parse_error& e) {
            const std::optional<std::size_t> resume = recovery->recover(e, start.byte);
            if (!resume || *resume <= start.byte) throw;  // each recovery consumes something
            in.iterator() = start;
            in.bump(*resume - start.byte);
            return true;
        }
    }
};

// A token that starts no item of the block and is not its end: the block's end error, here.
template <typename End, typename Keyword>
struct stray : seq<not_at<End>, not_at<eof>, not_at<Keyword>, raise<End>> {};

}  // namespace ntm::dsl::grammar

namespace tao::pegtl {
template <typename Name, typename Item>
struct analyze_traits<Name, ntm::dsl::grammar::recover<Item>> : analyze_seq_traits<Item> {};
}  // namespace tao::pegtl
