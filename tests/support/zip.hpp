// Tests that open what they wrote as a zip archive (.xlsx workbooks).
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <zip.h>

// The text of one part of a zip archive ("" if it is not there).
inline std::string unzip(const std::string& path, const std::string& part) {
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
    REQUIRE(z != nullptr);
    std::string out;
    if (zip_file_t* f = zip_fopen(z, part.c_str(), 0)) {
        char buf[4096];
        for (zip_int64_t k; (k = zip_fread(f, buf, sizeof buf)) > 0;) {
            out.append(buf, static_cast<std::size_t>(k));
        }
        zip_fclose(f);
    }
    zip_discard(z);
    return out;
}
