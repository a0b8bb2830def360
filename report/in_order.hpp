// Output made in pieces on several threads and handed on in order, on the caller's thread: the
// bytes are those of making the pieces one after another, and memory holds a few pieces at most,
// however many there are.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace ntm::report {

// Makes pieces 0 … count − 1 with `make(i, text)` (into `text`, empty when handed over) on up to
// `threads` threads (0: one per core; 1: all on the caller's thread, no other started), and
// hands each to `take(i, text)` on the caller's thread in the order of `i`.  At most two pieces
// per thread are held at once.  Returns false as soon as `take` does; the pieces not yet made
// are then not made.  An exception thrown by `make` stops the others and is rethrown here.
bool make_in_order(std::size_t count, unsigned threads, const std::function<void(std::size_t, std::string&)>& make,
                   const std::function<bool(std::size_t, const std::string&)>& take);

}  // namespace ntm::report
