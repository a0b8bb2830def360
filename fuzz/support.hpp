// What the libFuzzer harnesses of fuzz/ share: the bundled rules compiled once, the input as a
// reader receives a file's text, and the checks every loaded dataset must pass.
//
// A check that fails ends the process with abort() after printing what went wrong: libFuzzer
// records that as a crash and saves the input (docs/reliability.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "data/load.hpp"
#include "engine/dataset.hpp"
#include "engine/program.hpp"
#include "text/limits.hpp"
#include "text/problem.hpp"

namespace ntm::fuzz {

// The rules of the source tree's rules/ folder, loaded, checked and compiled on first use.
// Rules with errors end the process: every data harness needs their schema.
const engine::Program& bundled_program();

// Prints "fuzz_HARNESS: WHAT" and DETAIL (the values involved) to stderr, then aborts.
[[noreturn]] void fail(std::string_view harness, std::string_view what, std::string_view detail = {});

// The bytes as text::read_text_file hands a file's text to a reader: a leading BOM dropped.
// nullopt when they are not UTF-8: such a file is refused before any reader sees it.
std::optional<std::string_view> as_read(std::string_view bytes);

// The limits the data harnesses load with: low enough that inputs of the fuzzers' -max_len
// reach every one of them, so that each limit's error is exercised too.
text::Limits small_limits();

// A path for this process's scratch file with this extension (".xlsx"), under $TMPDIR or /tmp.
std::string scratch_path(std::string_view extension);

// What a message shown to a user must be: valid UTF-8 with no control character, user text
// inside it having gone through text::printable(), which names such characters.  `shown` is
// what the failure prints (the whole rendered problem, say).  NTM_FUZZ_SKIP_PRINTABLE=1 leaves
// out the control characters' check, to look past a known finding of that kind; CI never sets
// it.
void check_message(std::string_view harness, std::string_view message, std::string_view shown);

// What every load must satisfy (data/load.hpp): read == records + rejected; no record rejected
// without a problem saying so; records' values follow each other in `values`; entities and
// parents refer to entities that exist; find() finds each entity by its code; every problem
// names `path`, has a message and renders as one line of valid UTF-8 with no control
// character; when `lines` is not 0, no problem points past that line.
void check_dataset(std::string_view harness, const engine::Dataset& ds,
                   const engine::Schema& schema, const std::string& path, std::size_t lines);

// What an error that stops the reading must satisfy: it names `path`, has a message, and
// renders as one line of valid UTF-8 with no control character.
void check_file_error(std::string_view harness, const text::FileError& error,
                      const std::string& path);

// The number of lines of `text`, a line ending at a line feed, at CR LF or at a lone carriage
// return (as data/csv.cpp reads lines): no problem of a CSV or JSON file can be further down.
std::size_t line_count(std::string_view text);

}  // namespace ntm::fuzz
