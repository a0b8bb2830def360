// data/: the room for a file's values is reserved from a guess (the file's lines, each as wide as
// the widest kind), and its pages are asked for ahead of the reading (text::Prefault) only once
// the reading has filled some of it: a file whose rows are of a narrow kind fills little of that
// room, and the rest must stay untouched. Which pages the system holds is read with mincore.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <string>
#include <vector>

#include "data/load.hpp"
#include "tests/support/support.hpp"

using namespace ntm;

TEST_CASE("a file that fills little of its values' room gets no pages asked for ahead", "[data][prefault]") {
    // Communes of one value; districts, none in the file, of 300: the room is guessed for them.
    engine::Schema schema;
    support::add_column(schema, dsl::EntityKind::xa, "so_truong", "count", engine::ValueType::number);
    for (int c = 0; c < 300; ++c) {
        support::add_column(schema, dsl::EntityKind::huyen, fmt::format("c{}", c), "count", engine::ValueType::number);
    }
    std::string csv = "code,name,type,region,year,so_truong\n";
    for (int i = 0; i < 20000; ++i) csv += fmt::format("{},Xã {},Xã,DHNTB,2024,{}\n", 100000 + i, i, i % 7);
    const engine::Dataset ds = data::load_data(support::write_temp("narrow.csv", csv), schema);
    REQUIRE(ds.records.size() == 20000);
    REQUIRE(ds.values.size() == 20000);
    // The room: 48 MB, which a Prefault would serve; the values fill 160 kB of it.
    REQUIRE(ds.values.capacity() * sizeof(double) >= std::size_t{32} << 20);

    // The pages past the values, beyond the huge page the last value may lie in, are not held.
    const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    const auto filled = reinterpret_cast<std::uintptr_t>(ds.values.data() + ds.values.size());
    const auto end = reinterpret_cast<std::uintptr_t>(ds.values.data() + ds.values.capacity());
    const std::uintptr_t from = (filled + (std::uintptr_t{2} << 20) + page - 1) / page * page;
    const std::uintptr_t to = end / page * page;
    REQUIRE(to > from);
    std::vector<unsigned char> in((to - from) / page);
    REQUIRE(mincore(reinterpret_cast<void*>(from), to - from, in.data()) == 0);
    std::size_t held = 0;
    for (const unsigned char c : in) held += c & 1u;
    CHECK(held == 0);
}
