// Internal to data/ (the Builder): entities by code on one map, as an open-addressing table of
// entity indices whose keys are the entities' own codes.  Every row looks up its code, and most
// of a national file's rows are new entities: a node-based hash map spends its time there in
// cache misses and allocations.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/dataset.hpp"

namespace ntm::data {

class CodeIndex {
public:
    // Room for `n` codes without growing.
    void reserve(std::size_t n) {
        if (2 * n > slots_.size()) rebuild(n);
    }

    // The entity of `entities` coded `code` (NFC) that was added, or kNone.
    std::uint32_t find(std::string_view code, const std::vector<engine::Entity>& entities) const {
        if (slots_.empty()) return engine::kNone;
        const std::uint32_t h = hash(code);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& s = slots_[i];
            if (s.entity == engine::kNone) return engine::kNone;
            if (s.hash == h && entities[s.entity].code == code) return s.entity;
        }
    }
    bool contains(std::string_view code, const std::vector<engine::Entity>& entities) const {
        return find(code, entities) != engine::kNone;
    }

    // Adds entity `e` of `entities`, whose code is not in the index yet.
    void add(std::uint32_t e, const std::vector<engine::Entity>& entities) {
        if (2 * (size_ + 1) > slots_.size()) rebuild(size_ + 1);
        place(e, hash(entities[e].code));
        ++size_;
    }

private:
    struct Slot {
        std::uint32_t hash = 0;
        std::uint32_t entity = engine::kNone;
    };

    static std::uint32_t hash(std::string_view code) {
        return static_cast<std::uint32_t>(std::hash<std::string_view>{}(code));
    }

    void place(std::uint32_t e, std::uint32_t h) {
        const std::size_t mask = slots_.size() - 1;
        std::size_t i = h & mask;
        while (slots_[i].entity != engine::kNone) i = (i + 1) & mask;
        slots_[i] = {h, e};
    }

    // At most half full with `n` codes, its codes kept.
    void rebuild(std::size_t n) {
        std::size_t size = 16;
        while (size < 2 * n) size *= 2;
        std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(size));
        for (const Slot& s : old) {
            if (s.entity != engine::kNone) place(s.entity, s.hash);
        }
    }

    std::vector<Slot> slots_;  // a power of two in size; entity kNone where empty
    std::size_t size_ = 0;
};

}  // namespace ntm::data
