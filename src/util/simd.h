/* util/simd.h - the AVX2 paths beside the SSE2 ones. A loop that runs on
 * every byte of a text may have a second body, in a function marked
 * KG_AVX2_FN (compiled for AVX2 whatever the build's -march), called
 * only when kg_avx2() says the CPU has it; the SSE2 body stays for the
 * others. Both give the same answer, byte for byte: the wider one only
 * looks at 32 bytes where the other looks at 16. Build with -DKG_NO_AVX2
 * to run the SSE2 bodies (and test them). Not API. */
#ifndef KG_UTIL_SIMD_H
#define KG_UTIL_SIMD_H

#if defined(__x86_64__) && defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__)) && \
    !defined(KG_NO_AVX2)
#define KG_HAVE_AVX2 1
#include <immintrin.h>
#define KG_AVX2_FN __attribute__((target("avx2")))
/* 1 if the CPU runs AVX2 (a flag libgcc reads at start-up: a load and a
 * test). */
static inline int kg_avx2(void)
{
    return __builtin_cpu_supports("avx2");
}
#else
#define KG_HAVE_AVX2 0
static inline int kg_avx2(void)
{
    return 0;
}
#endif

#endif
