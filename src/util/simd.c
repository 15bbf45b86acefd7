/* util/simd.c - whether the AVX2 bodies run (util/simd.h). */
#include "util/simd.h"

#if KG_HAVE_AVX2
#include <stdlib.h>
#include <string.h>

int kg_avx2_state = -1;

int kg_avx2_init(void)
{
    const char *e = getenv("KG_SIMD");
    int v = !(e && !strcmp(e, "sse2")) && __builtin_cpu_supports("avx2");
    /* (two threads may both get here: they store the same answer) */
    __atomic_store_n(&kg_avx2_state, v, __ATOMIC_RELAXED);
    return v;
}
#else
/* (no AVX2 bodies in this build: nothing to decide) */
typedef int kg_simd_unused;
#endif
