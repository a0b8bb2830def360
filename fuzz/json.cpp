// fuzz_json: the input is a JSON data file, read against the bundled rules' schema with small
// limits (fuzz/support.hpp).  The reader either stops with an error naming the file, or hands
// back a dataset that passes every check of ntm::fuzz::check_dataset: read == records +
// rejected, no record lost without a problem, problems within the file's lines, each rendered
// as one line.
#include <cstddef>
#include <cstdint>
#include <string>

#include "data/builder.hpp"
#include "fuzz/support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ntm;
    const auto text = fuzz::as_read({reinterpret_cast<const char*>(data), size});
    if (!text) return 0;
    const engine::Schema& schema = fuzz::bundled_program().schema;
    const std::string path = "fuzz.json";
    data::LoadOptions options;
    options.limits = fuzz::small_limits();
    try {
        const engine::Dataset ds = data::load_json(path, *text, schema, options);
        fuzz::check_dataset("json", ds, schema, path, fuzz::line_count(*text));
    } catch (const text::FileError& e) {
        fuzz::check_file_error("json", e, path);
    }
    return 0;
}
