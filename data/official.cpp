// The files of units/ embedded with the assembler's .incbin (GCC and clang on ELF): no
// generated source, no configure step that reads ten thousand lines.  NTM_UNITS_DIR (set by
// data/CMakeLists.txt, which also makes this file depend on the embedded files) is the folder.
#include "data/official.hpp"

#ifndef NTM_UNITS_DIR
#error "NTM_UNITS_DIR must name the folder of the official lists (data/CMakeLists.txt sets it)"
#endif

// Each file between a begin and an end symbol, read-only, not NUL-terminated.
#define NTM_EMBED(symbol, file)                                                      \
    asm(".pushsection .rodata\n"                                                      \
        ".global " #symbol "_begin\n"                                                 \
        ".hidden " #symbol "_begin\n"                                                 \
        ".global " #symbol "_end\n"                                                   \
        ".hidden " #symbol "_end\n"                                                   \
        ".balign 16\n" #symbol "_begin:\n"                                            \
        ".incbin \"" NTM_UNITS_DIR "/" file "\"\n" #symbol "_end:\n"                  \
        ".popsection\n");                                                             \
    extern "C" const char symbol##_begin[];                                           \
    extern "C" const char symbol##_end[]

NTM_EMBED(ntm_units_three_tier, "vn-admin-units.csv");
NTM_EMBED(ntm_units_two_tier, "vn-admin-units-2025.csv");
NTM_EMBED(ntm_merge_2025, "vn-commune-merge-2025.csv");

namespace ntm::data {

namespace {

std::string_view between(const char* begin, const char* end) {
    return {begin, static_cast<std::size_t>(end - begin)};
}

}  // namespace

std::string_view official_text(OfficialFile file) {
    switch (file) {
        case OfficialFile::units_three_tier: return between(ntm_units_three_tier_begin, ntm_units_three_tier_end);
        case OfficialFile::units_two_tier: return between(ntm_units_two_tier_begin, ntm_units_two_tier_end);
        case OfficialFile::merge_2025: return between(ntm_merge_2025_begin, ntm_merge_2025_end);
    }
    return {};
}

std::string_view official_path(OfficialFile file) {
    switch (file) {
        case OfficialFile::units_three_tier: return "units/vn-admin-units.csv";
        case OfficialFile::units_two_tier: return "units/vn-admin-units-2025.csv";
        case OfficialFile::merge_2025: return "units/vn-commune-merge-2025.csv";
    }
    return {};
}

}  // namespace ntm::data
