/* util/scan.h - byte scans shared by the text stage and the tagger: a
 * search for a few rare bytes sixteen at a time, starts-with tests for
 * literals, and fixed word sets (a hash set built once from a
 * NULL-terminated list). Nothing here knows a language. Not API. */
#ifndef KG_UTIL_SCAN_H
#define KG_UTIL_SCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "kg/buf.h"

/* ---- fast scans for rare bytes ----
 * Most passes over a text look for a handful of ASCII bytes in long runs
 * of Hangul; sixteen bytes at a time with SSE2 (every x86-64 has it),
 * else one at a time. */

/* Offset of the first byte of s[i..e) that is one of the n (<= 6) bytes
 * of set, or an ASCII digit when digits is set; e if there is none. All
 * of s[0..e) must be readable: a short tail is read as the sixteen bytes
 * that end at e. */
static inline size_t kg_find_bytes(const char *s, size_t i, size_t e, const char *set, int n, int digits)
{
#ifdef __SSE2__
    __m128i want[6];
    for (int k = 0; k < n && k < 6; k++)
        want[k] = _mm_set1_epi8(set[k]);
    const __m128i lo = _mm_set1_epi8('0' - 1), hi = _mm_set1_epi8('9' + 1);
#define KG_FIND_MASK(v, out)                                                                      \
    do {                                                                                         \
        __m128i m_ = _mm_setzero_si128();                                                        \
        for (int k_ = 0; k_ < n && k_ < 6; k_++)                                                 \
            m_ = _mm_or_si128(m_, _mm_cmpeq_epi8((v), want[k_]));                              \
        if (digits) /* signed compares: bytes >= 0x80 are below '0' */                          \
            m_ = _mm_or_si128(m_, _mm_and_si128(_mm_cmpgt_epi8((v), lo), _mm_cmplt_epi8((v), hi))); \
        (out) = (unsigned)_mm_movemask_epi8(m_);                                                 \
    } while (0)
    for (; i + 16 <= e; i += 16) {
        unsigned mask;
        KG_FIND_MASK(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), mask);
        if (mask)
            return i + (size_t)__builtin_ctz(mask);
    }
    if (i < e && e >= 16) {
        /* the last sixteen bytes up to e (s[0..e) is readable), minus
         * those before i, which were looked at already */
        unsigned mask;
        KG_FIND_MASK(_mm_loadu_si128((const __m128i *)(const void *)(s + e - 16)), mask);
        mask &= ~0u << (i - (e - 16));
        return mask ? e - 16 + (size_t)__builtin_ctz(mask) : e;
    }
#undef KG_FIND_MASK
#endif
    for (; i < e; i++) {
        if (digits && s[i] >= '0' && s[i] <= '9')
            return i;
        for (int k = 0; k < n; k++)
            if (s[i] == set[k])
                return i;
    }
    return e;
}

/* ---- word sets ----
 * A fixed list of words as a hash set, so that a membership test costs
 * one hash instead of a walk over the list. Built once (pthread_once)
 * from a NULL-terminated list; the words are not copied. Words longer
 * than 255 bytes are left out (kg_wordset_has never asks for one). */
typedef struct kg_wordslot {
    const char *w;         /* the word, NULL = empty */
    uint32_t hash;         /* kg_word_hash of it (compared before the bytes) */
    uint32_t len;          /* its length (< 256) */
} kg_wordslot;

typedef struct kg_wordset {
    kg_wordslot *slot;     /* open addressing, a power of two of slots */
    size_t mask;
    uint64_t lenbits[4];   /* bit n: some word is n bytes long */
    uint64_t head[16];     /* bit kg_word_head(w): some word of 3 bytes or more starts with w's three */
    uint64_t head6[16];    /* bit kg_word_head6(w): some word of 6 bytes or more starts with w's six */
    size_t minlen, maxlen; /* the shortest and the longest word (0, 0: none) */
} kg_wordset;

/* A hash of w[0..n): the first and the last eight (four) bytes loaded
 * whole and mixed, the bytes between in steps of eight, instead of a
 * step a byte (the words asked about are a few syllables, and most are
 * in no set). Only w[0..n) is read. */
static inline uint32_t kg_word_hash(const char *w, size_t n)
{
    uint64_t a, b;
    if (n >= 8) {
        memcpy(&a, w, 8);
        memcpy(&b, w + n - 8, 8);
        for (size_t i = 8; i + 8 < n; i += 8) {
            uint64_t c;
            memcpy(&c, w + i, 8);
            a = (a ^ c) * 0x9E3779B97F4A7C15ull;
            a ^= a >> 31;
        }
    } else if (n >= 4) {
        uint32_t a4, b4;
        memcpy(&a4, w, 4);
        memcpy(&b4, w + n - 4, 4);
        a = a4;
        b = b4;
    } else {
        const unsigned char *u = (const unsigned char *)w;
        a = n ? (uint64_t)u[0] | (uint64_t)u[n / 2] << 8 | (uint64_t)u[n - 1] << 16 : 0;
        b = 0;
    }
    uint64_t h = (a * 0x9E3779B97F4A7C15ull) ^ (b + n);
    h *= 0xC2B2AE3D27D4EB4Full;
    h ^= h >> 29;
    return (uint32_t)(h ^ (h >> 32));
}

/* A hash of the first three bytes of a word (of at least three), 0..1023. */
static inline unsigned kg_word_head(const char *w)
{
    const unsigned char *u = (const unsigned char *)w;
    return ((unsigned)u[0] * 961u + (unsigned)u[1] * 31u + (unsigned)u[2]) & 1023u;
}

/* A hash of the first six bytes of a word (of at least six), 0..1023. */
static inline unsigned kg_word_head6(const char *w)
{
    return (kg_word_head(w) * 977u + kg_word_head(w + 3)) & 1023u;
}

static inline void kg_wordset_build(kg_wordset *ws, const char *const *list)
{
    size_t n = 0;
    while (list[n])
        n++;
    size_t cap = 16;
    while (cap < 2 * n)
        cap <<= 1;
    ws->slot = kg_xcalloc(cap, sizeof *ws->slot);
    ws->mask = cap - 1;
    memset(ws->lenbits, 0, sizeof ws->lenbits);
    memset(ws->head, 0, sizeof ws->head);
    memset(ws->head6, 0, sizeof ws->head6);
    ws->minlen = ws->maxlen = 0;
    for (size_t k = 0; k < n; k++) {
        size_t l = strlen(list[k]);
        if (l > 255 || l == 0)
            continue; /* (from a grammar file: no text word is looked up that long) */
        ws->lenbits[l >> 6] |= 1ull << (l & 63);
        if (l >= 3) {
            unsigned hb = kg_word_head(list[k]);
            ws->head[hb >> 6] |= 1ull << (hb & 63);
        }
        if (l >= 6) {
            unsigned hb = kg_word_head6(list[k]);
            ws->head6[hb >> 6] |= 1ull << (hb & 63);
        }
        if (!ws->minlen || l < ws->minlen)
            ws->minlen = l;
        if (l > ws->maxlen)
            ws->maxlen = l;
        uint32_t hv = kg_word_hash(list[k], l);
        size_t h = hv & ws->mask;
        while (ws->slot[h].w && !(ws->slot[h].len == l && memcmp(ws->slot[h].w, list[k], l) == 0))
            h = (h + 1) & ws->mask;
        ws->slot[h].w = list[k];
        ws->slot[h].hash = hv;
        ws->slot[h].len = (uint32_t)l;
    }
}

/* 1 if w[0..n) is a word of the set (n = 0 is none). The filters of
 * the words' lengths and first bytes first: most words asked about are
 * in no set, and the filters cost less than the hash of the word. */
static inline int kg_wordset_has(const kg_wordset *ws, const char *w, size_t n)
{
    if (!n || n > 255 || !((ws->lenbits[n >> 6] >> (n & 63)) & 1))
        return 0;
    if (n >= 3) {
        unsigned hb = kg_word_head(w);
        if (!((ws->head[hb >> 6] >> (hb & 63)) & 1))
            return 0;
    }
    if (n >= 6) {
        unsigned hb = kg_word_head6(w);
        if (!((ws->head6[hb >> 6] >> (hb & 63)) & 1))
            return 0;
    }
    uint32_t hv = kg_word_hash(w, n);
    for (size_t h = hv & ws->mask; ws->slot[h].w; h = (h + 1) & ws->mask)
        if (ws->slot[h].hash == hv && ws->slot[h].len == n && memcmp(ws->slot[h].w, w, n) == 0)
            return 1;
    return 0;
}

/* The length of the longest word of the set that s[p..len) starts with
 * and that ok(s, len, end, arg) accepts (NULL: any), longest first;
 * 0 if none. One hash per distinct length instead of a walk over the
 * list. */
static inline size_t kg_wordset_prefix(const kg_wordset *ws, const char *s, size_t len, size_t p,
                                       int (*ok)(const char *, size_t, size_t, void *), void *arg)
{
    if (p >= len)
        return 0;
    size_t top = len - p < ws->maxlen ? len - p : ws->maxlen;
    if (top >= 3) {
        /* no word of three bytes or more starts with these three */
        unsigned hb = kg_word_head(s + p);
        if (!((ws->head[hb >> 6] >> (hb & 63)) & 1))
            top = 2;
    }
    if (top >= 6) {
        /* nor with these six */
        unsigned hb = kg_word_head6(s + p);
        if (!((ws->head6[hb >> 6] >> (hb & 63)) & 1))
            top = 5;
    }
    if (!top || top < ws->minlen)
        return 0;
    /* the prefixes of the lengths the set has, longest first (the head
     * tests above hold for every length they cover) */
    for (size_t n = top; n >= ws->minlen && n > 0; n--) {
        if (!((ws->lenbits[n >> 6] >> (n & 63)) & 1))
            continue;
        uint32_t hn = kg_word_hash(s + p, n);
        for (size_t q = hn & ws->mask; ws->slot[q].w; q = (q + 1) & ws->mask)
            if (ws->slot[q].hash == hn && ws->slot[q].len == n && memcmp(ws->slot[q].w, s + p, n) == 0) {
                if (!ok || ok(s, len, p + n, arg))
                    return n;
                break;
            }
    }
    return 0;
}

/* 1 if w[0..n) ends with a word of the set (one hash per distinct
 * length, not a walk over the list). */
static inline int kg_wordset_suffix(const kg_wordset *ws, const char *w, size_t n)
{
    size_t top = n < ws->maxlen ? n : ws->maxlen;
    for (size_t l = ws->minlen; l <= top && l > 0; l++)
        if (((ws->lenbits[l >> 6] >> (l & 63)) & 1) && kg_wordset_has(ws, w + n - l, l))
            return 1;
    return 0;
}

/* 1 if w[0..n) starts with a word of the set. */
static inline int kg_wordset_starts(const kg_wordset *ws, const char *w, size_t n)
{
    return kg_wordset_prefix(ws, w, n, 0, NULL, NULL) > 0;
}

/* Starts-with test for a NUL-free literal at s[i..len). */
static inline int kg_at(const char *s, size_t len, size_t i, const char *lit)
{
    if (lit[0] && (i >= len || s[i] != lit[0]))
        return 0; /* (most calls end here) */
    for (size_t k = 0; lit[k]; k++)
        if (i + k >= len || s[i + k] != lit[k])
            return 0;
    return 1;
}

/* The end of lit if s[i..] starts with it, else 0 (early exit: cheap
 * when it does not). */
static inline size_t kg_lit(const char *s, size_t len, size_t i, const char *lit)
{
    size_t k = 0;
    for (; lit[k]; k++)
        if (i + k >= len || s[i + k] != lit[k])
            return 0;
    return i + k;
}

/* The end of the first word of the NULL-terminated list words that
 * s[i..] starts with, else 0 (words are tried in the list's order, so a
 * list whose words share a beginning puts the longer first). */
static inline size_t kg_lit_any(const char *s, size_t len, size_t i, const char *const *words)
{
    char c0 = i < len ? s[i] : '\0';
    for (; *words; words++) {
        if ((*words)[0] && (*words)[0] != c0)
            continue; /* the first byte differs (or the text ended) */
        size_t k = kg_lit(s, len, i, *words);
        if (k)
            return k;
    }
    return 0;
}

/* A hash of the first character of w[0..n) (n >= 1), its UTF-8 bytes
 * only: word lists chained by the character a word starts with (times.c
 * twords, figures.c units and word figures) take it modulo their
 * buckets. */
static inline unsigned kg_first_char_hash(const unsigned char *w, size_t n)
{
    /* ASCII and three-byte characters (Hangul: the lookups run at every
     * word tried) written out, the same value as the loop */
    unsigned c = w[0], h;
    if (c < 0x80)
        h = c;
    else if (c >= 0xE0 && c < 0xF0 && n >= 3)
        h = (c * 251u + w[1]) * 251u + w[2];
    else {
        size_t k = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        h = 0;
        for (size_t q = 0; q < k && q < n; q++)
            h = h * 251 + w[q];
    }
    return h ^ (h >> 7);
}

#endif
