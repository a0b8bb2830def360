// The legacy Vietnamese encodings a data file may come in, told apart by a heuristic: which one
// a file that is not UTF-8 is most likely in, and UTF-8 text that shows one of them read as
// Western text (VNI and TCVN3 text was typed with fonts that drew Vietnamese letters over
// Western ones, so converted as Western it reads "Vieät Nam", "ViÖt Nam").
//
//   Windows-1258 (CP1258)  "Việt" = V i EA F2 t: ê, then the dot below as a combining mark
//   TCVN3 (ABC)            "Việt" = V i D6 t: one byte per letter with its marks; ă â ê ô ơ ư
//                          đ are A8–AE, which Western encodings use for symbols (¨ © ª « ¬ ®)
//   VNI (VNI-Windows)      "Việt" = V i e E4 t: the letter, then a byte for its marks (ä)
//
// Short or mixed text may be none of them clearly: then none is named.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ntm::text {

enum class LegacyEncoding : std::uint8_t { none, cp1258, tcvn3, vni };

// The encoding bytes that are not UTF-8 are most likely in (the parts of them that are valid
// UTF-8 left out), or none when no encoding stands out.
LegacyEncoding guess_legacy_encoding(std::string_view bytes);

// A word of UTF-8 text that looks like VNI or TCVN3 text read as Western text: where it starts
// and how long it is (bytes), and the encoding.
struct Mojibake {
    LegacyEncoding encoding = LegacyEncoding::none;
    std::size_t offset = 0;
    std::size_t size = 0;
};
// The first such word, if any.
std::optional<Mojibake> find_mojibake(std::string_view utf8);

// The encoding's name as people know it: "Windows-1258 (CP1258)", "TCVN3 (ABC)", "VNI".
std::string_view legacy_name(LegacyEncoding encoding);

}  // namespace ntm::text
