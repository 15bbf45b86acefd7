/* util/simd.h - the AVX2 paths beside the SSE2 ones. A loop that runs on
 * every byte of a text may have a second body, in a function marked
 * KG_AVX2_FN (compiled for AVX2 whatever the build's -march), called
 * only when kg_avx2() says the CPU has it; the SSE2 body stays for the
 * others. Both give the same answer, byte for byte: the wider one only
 * looks at 32 bytes where the other looks at 16. Build with -DKG_NO_AVX2,
 * or run with KG_SIMD=sse2, to run the SSE2 bodies (and test them). Not
 * API. */
#ifndef KG_UTIL_SIMD_H
#define KG_UTIL_SIMD_H

#if defined(__x86_64__) && defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__)) && \
    !defined(KG_NO_AVX2)
#define KG_HAVE_AVX2 1
#include <immintrin.h>
#define KG_AVX2_FN __attribute__((target("avx2")))
/* 1 if the AVX2 bodies run: the CPU has AVX2 and the environment does
 * not say KG_SIMD=sse2 (which makes a run, the tests' second one among
 * them, take the SSE2 bodies on any machine). Read once (simd.c), then a
 * load and a test. */
int kg_avx2_init(void);
extern int kg_avx2_state; /* -1 not read yet, else the answer */
static inline int kg_avx2(void)
{
    int v = __atomic_load_n(&kg_avx2_state, __ATOMIC_RELAXED);
    return v >= 0 ? v : kg_avx2_init();
}
#else
#define KG_HAVE_AVX2 0
static inline int kg_avx2(void)
{
    return 0;
}
#endif

#endif
