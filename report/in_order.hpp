// Output made in pieces on several threads and handed on in order, on the caller's thread: the
// bytes are those of making the pieces one after another, and memory holds a few pieces at most,
// however many there are.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace ntm::report {

// Makes pieces 0 … count − 1 with `make(i, text)` on up to `threads` threads (0: one per core;
// 1: all on the caller's thread, no other started), and hands each to `take(i, piece)` on the
// caller's thread in the order of `i`.  `make` writes piece i at the start of `text` and returns
// its length: `text` keeps its size from one piece to the next, past the length what an earlier
// piece left, so that a piece no longer than one before is written without the string growing
// again (a std::string that grows writes zeros over its new room first: over the whole output,
// once per piece).  At most two pieces per thread are held at once.  Returns false as soon as
// `take` does; the pieces not yet made are then not made.  An exception thrown by `make` stops
// the others and is rethrown here.
bool make_in_order(std::size_t count, unsigned threads,
                   const std::function<std::size_t(std::size_t, std::string&)>& make,
                   const std::function<bool(std::size_t, std::string_view)>& take);

}  // namespace ntm::report
