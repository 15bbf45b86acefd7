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

/* The EA..ED bytes of a block that lead no Hangul syllable (0xFF there):
 * with v1 and v2 the block one and two bytes on, EA before B0 (a
 * character below AC00) or ED after 9E A3 (above D7A3). The constants
 * come from the caller, which keeps them in registers across its loop;
 * the bytes after a lead are 80..BF, so signed compares order them. The
 * token scan (tctx.c) and normalisation's plain prefix (normalise.c)
 * share it, in both widths. */
#if KG_HAVE_AVX2
KG_AVX2_FN static inline __m256i kg_syl_bad_avx2(__m256i v, __m256i v1, __m256i v2, __m256i xea, __m256i xed,
                                                 __m256i xb0, __m256i x9e, __m256i xa3)
{
    return _mm256_or_si256(
        _mm256_and_si256(_mm256_cmpeq_epi8(v, xea), _mm256_cmpgt_epi8(xb0, v1)),
        _mm256_and_si256(_mm256_cmpeq_epi8(v, xed),
                         _mm256_or_si256(_mm256_cmpgt_epi8(v1, x9e),
                                         _mm256_and_si256(_mm256_cmpeq_epi8(v1, x9e), _mm256_cmpgt_epi8(v2, xa3)))));
}
#endif
#ifdef __SSE2__
#include <emmintrin.h>
static inline __m128i kg_syl_bad_sse2(__m128i v, __m128i v1, __m128i v2, __m128i xea, __m128i xed, __m128i xb0,
                                      __m128i x9e, __m128i xa3)
{
    return _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(v, xea), _mm_cmpgt_epi8(xb0, v1)),
                        _mm_and_si128(_mm_cmpeq_epi8(v, xed),
                                      _mm_or_si128(_mm_cmpgt_epi8(v1, x9e),
                                                   _mm_and_si128(_mm_cmpeq_epi8(v1, x9e), _mm_cmpgt_epi8(v2, xa3)))));
}
#endif

#endif
