// Tests of the parser: one rule text parsed alone, with its diagnostics, sorted.
#pragma once

#include <string>

#include "dsl/parser.hpp"

namespace support {

struct Parsed {
    ntm::dsl::SourceManager sources;
    ntm::dsl::Diagnostics diags;
    ntm::dsl::RuleFile file;
};

// `text` as the file "t.ntm".
inline Parsed parse(const std::string& text) {
    Parsed p;
    ntm::dsl::NodeIds ids;
    const ntm::dsl::FileId f = p.sources.add("t.ntm", text);
    p.file = ntm::dsl::parse_file(f, p.sources, p.diags, ids);
    p.diags.sort();
    return p;
}

}  // namespace support
