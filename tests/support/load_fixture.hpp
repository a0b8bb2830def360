// What the tests of the data readers share: data files written from text and read against
// support::schema(), and the hierarchy most CSV cases build on.
#pragma once

#include <string>

#include "data/load.hpp"
#include "engine/dataset.hpp"
#include "tests/support/support.hpp"

namespace load_test {

// Loads `text` as a file named `name`, checking the counts every load must satisfy.
inline ntm::engine::Dataset load(const std::string& name, const std::string& text,
                                 const ntm::data::LoadOptions& options = {}) {
    return support::load(support::write_temp(name, text), options);
}

// The message of the error that loading `text` as a file named `name` throws.
inline std::string load_error(const std::string& name, const std::string& text) {
    return support::load_error(support::write_temp(name, text));
}

// Quảng Nam, Phú Ninh: the hierarchy most cases build on.
inline const std::string kHeader = "code,name,type,parent,region,year";
inline const std::string kParents =
    "49,Quảng Nam,Tỉnh,,DHNTB,2023\n"
    "518,Phú Ninh,Huyện,49,,2023\n";

}  // namespace load_test
