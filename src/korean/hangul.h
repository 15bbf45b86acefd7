/* korean/hangul.h - the one decoder of UTF-8 on normalised (valid) text
 * and the tests of Hangul syllables that the tagger and the extractor
 * share: code points, the syllable range U+AC00..U+D7A3, its final
 * consonant, runs of syllables, and sets of syllables (a bit each).
 * Inline: these run on every byte of a text. */
#ifndef KG_KOREAN_HANGUL_H
#define KG_KOREAN_HANGUL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Decodes the code point at s[0..] (valid UTF-8 assumed, as in normalised
 * text); *n gets its length. A NUL or the end gives 0. */
static inline uint32_t kg_u8_dec(const unsigned char *s, size_t avail, size_t *n)
{
    unsigned c = s[0];
    if (c - 0xE0u < 0x10u && avail >= 3) {
        /* three bytes (Hangul and most other scripts): first, one test */
        *n = 3;
        return ((c & 0x0F) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3F);
    }
    if (c < 0x80 || avail < 2) {
        *n = 1;
        return c;
    }
    if (c < 0xE0) {
        *n = 2;
        return ((c & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (c < 0xF0 || avail < 4) {
        if (avail < 3) {
            *n = avail;
            return 0xFFFD;
        }
        *n = 3;
        return ((c & 0x0F) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3F);
    }
    *n = 4;
    return ((c & 0x07) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3F);
}

/* Start of the code point that ends just before offset i. */
static inline size_t kg_u8_prev(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* Code point before offset i (0 at the start). */
static inline uint32_t kg_u8_before(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    const unsigned char *u = (const unsigned char *)s;
    if (i >= 3 && (u[i - 3] & 0xF0) == 0xE0 && (u[i - 2] & 0xC0) == 0x80 && (u[i - 1] & 0xC0) == 0x80)
        return ((u[i - 3] & 0x0Fu) << 12) | ((u[i - 2] & 0x3Fu) << 6) | (u[i - 1] & 0x3Fu); /* (three bytes) */
    size_t p = kg_u8_prev(s, i), n;
    return kg_u8_dec((const unsigned char *)s + p, i - p, &n);
}

/* Code point at offset i of a NUL-terminated string (0 at the end). */
static inline uint32_t kg_u8_at(const char *s, size_t len, size_t i, size_t *n)
{
    if (i >= len) {
        *n = 0;
        return 0;
    }
    return kg_u8_dec((const unsigned char *)s + i, len - i, n);
}

static inline int kg_is_hangul(uint32_t cp)
{
    return cp >= 0xAC00 && cp <= 0xD7A3;
}

/* Final consonant (jongseong) index of a Hangul syllable, 0 = none, -1
 * for anything else. */
static inline int kg_hangul_jong(uint32_t cp)
{
    return kg_is_hangul(cp) ? (int)((cp - 0xAC00) % 28) : -1;
}

#define KG_JONG_N 4   /* ㄴ: adnominal 한, 된, 린 */
#define KG_JONG_L 8   /* ㄹ: future adnominal 할, 될 */
#define KG_JONG_SS 20 /* ㅆ: past 했, 섰, 었 */

/* ---- sets of Hangul syllables ----
 * A bit per precomposed syllable (U+AC00..U+D7A3): "can a word that
 * starts with this syllable be one of ours?" in one lookup instead of a
 * loop over a word list. Filled once (see the pthread_once users). */
typedef struct kg_sylset {
    unsigned char bits[(0xD7A4 - 0xAC00 + 7) / 8];
} kg_sylset;

/* Adds every Hangul syllable of the UTF-8 string w to set. */
static inline void kg_sylset_add(kg_sylset *set, const char *w)
{
    size_t n = strlen(w), i = 0;
    while (i < n) {
        size_t k;
        uint32_t cp = kg_u8_dec((const unsigned char *)w + i, n - i, &k);
        if (cp >= 0xAC00 && cp <= 0xD7A3)
            set->bits[(cp - 0xAC00) >> 3] |= (unsigned char)(1u << ((cp - 0xAC00) & 7));
        i += k;
    }
}

/* Adds the first character of w to set when it is a Hangul syllable. */
static inline void kg_sylset_add_first(kg_sylset *set, const char *w)
{
    size_t n = strlen(w), k;
    uint32_t cp = n ? kg_u8_dec((const unsigned char *)w, n, &k) : 0;
    if (kg_is_hangul(cp))
        set->bits[(cp - 0xAC00) >> 3] |= (unsigned char)(1u << ((cp - 0xAC00) & 7));
}

/* 1 if the three bytes at u, a character of valid UTF-8 led by EA-ED,
 * are a Hangul syllable (U+AC00..U+D7A3): all of EB and EC, EA from B0,
 * ED up to 9E A3. No decoding needed. */
static inline int kg_u8_syllable(const unsigned char *u)
{
    switch (u[0]) {
    case 0xEB: case 0xEC: return 1;
    case 0xEA: return u[1] >= 0xB0;
    case 0xED: return u[1] < 0x9E || (u[1] == 0x9E && u[2] <= 0xA3);
    default: return 0;
    }
}

/* The number of Hangul syllables (U+AC00..U+D7A3), and the index of the
 * syllable at u (cp - 0xAC00; kg_u8_syllable(u) must hold): for tables
 * by syllable. */
#define KG_NSYL 11172
static inline uint32_t kg_u8_syl_index(const unsigned char *u)
{
    return ((((uint32_t)u[0] & 0x0Fu) << 12) | (((uint32_t)u[1] & 0x3Fu) << 6) | ((uint32_t)u[2] & 0x3Fu)) - 0xAC00u;
}

#ifdef __SSE2__
/* Lane k set where p[k] leads a Hangul syllable U+AC00..U+D7A3: all of
 * EB and EC, EA from EA B0, ED up to ED 9E A3 (p[0..18) readable). The
 * one SIMD test of syllables that the scans below and tag.c share
 * (src/text uses it too). */
static inline __m128i kg_syl_leads(const char *p)
{
    const __m128i eb = _mm_set1_epi8((char)0xEB), ec = _mm_set1_epi8((char)0xEC), ea = _mm_set1_epi8((char)0xEA),
                  ed = _mm_set1_epi8((char)0xED), xb0 = _mm_set1_epi8((char)0xB0), x9d = _mm_set1_epi8((char)0x9D),
                  x9e = _mm_set1_epi8((char)0x9E), xa3 = _mm_set1_epi8((char)0xA3);
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
    __m128i v2 = _mm_loadu_si128((const __m128i *)(const void *)(p + 2));
    __m128i ed_ok = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v1, x9d), v1),
                                 _mm_and_si128(_mm_cmpeq_epi8(v1, x9e), _mm_cmpeq_epi8(_mm_min_epu8(v2, xa3), v2)));
    return _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, eb), _mm_cmpeq_epi8(v, ec)),
                        _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(v, ea), _mm_cmpeq_epi8(_mm_max_epu8(v1, xb0), v1)),
                                     _mm_and_si128(_mm_cmpeq_epi8(v, ed), ed_ok)));
}
#endif

/* The end of the run of Hangul syllables that starts at s[i] (i itself
 * when there is none there); s is valid UTF-8 and i a character start.
 * Sixteen bytes at a time: a byte that neither leads a syllable nor
 * continues a character ends the run (in valid UTF-8 a continuation
 * byte belongs to the lead before it). */
static inline size_t kg_hangul_run_end(const char *s, size_t len, size_t i)
{
#ifdef __SSE2__
    const __m128i mc0 = _mm_set1_epi8((char)0xC0), x80 = _mm_set1_epi8((char)0x80);
    while (i + 18 <= len) {
        const char *p = s + i;
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i lead = kg_syl_leads(p);
        __m128i cont = _mm_cmpeq_epi8(_mm_and_si128(v, mc0), x80);
        unsigned other = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(lead, cont)) & 0xFFFF;
        if (other) {
            i += (size_t)__builtin_ctz(other);
            return i;
        }
        /* all syllables: go on after the last whole one */
        unsigned l = (unsigned)_mm_movemask_epi8(lead);
        i += (l & 0x4000) ? 14 : (l & 0x8000) ? 15 : 16;
    }
#endif
    while (i + 2 < len && (unsigned char)s[i] >= 0xEA && (unsigned char)s[i] <= 0xED &&
           kg_u8_syllable((const unsigned char *)s + i))
        i += 3;
    return i;
}

/* 1 if a Hangul syllable ends just before s[i] (a character start). */
static inline int kg_syllable_before(const char *s, size_t i)
{
    return i >= 3 && (unsigned char)s[i - 3] >= 0xEA && (unsigned char)s[i - 3] <= 0xED &&
           kg_u8_syllable((const unsigned char *)s + i - 3);
}

/* 1 if s[i..len) starts with a Hangul syllable of set. */
static inline int kg_sylset_at(const kg_sylset *set, const char *s, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (i + 2 >= len || u[0] < 0xEA || u[0] > 0xED) /* (the length first: i may be len) */
        return 0;
    uint32_t cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
    if (cp < 0xAC00 || cp > 0xD7A3)
        return 0;
    return (set->bits[(cp - 0xAC00) >> 3] >> ((cp - 0xAC00) & 7)) & 1;
}

#endif
