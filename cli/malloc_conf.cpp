// jemalloc's options for the programs linked with it (CMakeLists.txt, ntm_allocator): read by
// jemalloc when it starts, before main; MALLOC_CONF in the environment still overrides them.
//
// thp:always — the large blocks (a dataset's values, an evaluation's results) are backed by
// transparent huge pages where the kernel offers them on request (`madvise`), so that a large
// file's memory is faulted in 2 MiB at a time rather than 4 KiB: loading 100 000 communes went
// from 1.44 to 0.91 s, `ntm eval` of the national file from 0.38 to 0.24 s, for about 10 % more
// peak memory (docs/performance.md).
#ifdef NTM_JEMALLOC
extern "C" {
// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): the name jemalloc reads
extern const char* malloc_conf;
const char* malloc_conf = "thp:always";
}
#endif
