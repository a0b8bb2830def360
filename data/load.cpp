// load_data: the reader for a file, chosen by its extension.
#include "data/load.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "data/builder.hpp"
#include "text/files.hpp"

namespace ntm::data {

using text::FileError;

namespace {

std::string lower_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return ext;
}

// D0901, `--limit data-file-size=N`: checked before a byte is read.
text::SizeLimit data_file_limit(const LoadOptions& options) {
    return {options.limits.data_file_bytes, "D0901", "data-file-size"};
}

[[noreturn]] void fail(const std::string& path, std::vector<text::Problem>& errors) {
    throw FileError{errors.empty() ? text::file_problem(path, text::say("load.cannot_read")) : errors.front()};
}

}  // namespace

DataFormat data_format(const std::string& path) {
    const std::string ext = lower_extension(path);
    if (ext == ".xlsx" || ext == ".xlsm") return DataFormat::workbook;
    if (ext == ".csv" || ext == ".tsv" || ext == ".txt") return DataFormat::csv;
    if (ext == ".json") return DataFormat::json;
    return DataFormat::none;
}

Dataset load_data(const std::string& path, const Schema& schema, const LoadOptions& options) {
    std::vector<text::Problem> errors;
    const DataFormat format = data_format(path);
    if (format == DataFormat::workbook) {
        // A directory, a FIFO or /dev/zero named .xlsx is refused here, before the workbook
        // reader opens it (which says itself when there is no file at all).
        std::error_code ec;
        if (std::filesystem::exists(path, ec) && !text::check_input_file(path, errors, data_file_limit(options))) {
            fail(path, errors);
        }
        return load_xlsx(path, schema, options);
    }
    const bool json = format == DataFormat::json;
    const std::string ext = lower_extension(path);
    if (format == DataFormat::none) {
        throw FileError{
            path,
            ext.empty()     ? text::say("load.no_extension")
            : ext == ".xls" ? text::say("load.xls")
                            : text::say("load.unknown_format", ext)};
    }
    if (!options.sheet.empty()) {
        throw FileError{path, text::say("load.sheet_not_xlsx", options.sheet, ext)};
    }
    // A piece at a time, never whole.
    return json ? load_json_file(path, schema, options) : load_csv_file(path, schema, options);
}

}  // namespace ntm::data
