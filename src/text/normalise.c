/* normalise.c - the normalised copy of an article's bytes and the map
 * from it back to them (see kg/text.h).
 *
 * The normalised text is built lazily: as long as every character is one
 * that normalisation leaves alone (ASCII, Hangul syllables, CJK
 * ideographs), nothing is copied and the map is the identity. The first
 * character that changes switches to copying, so that clean text costs one
 * pass and no extra memory for the map. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/textint.h"
#include "util/simd.h"

typedef struct nbuild {
    const char *src;
    size_t len;
    int copying;
    kg_buf out;
    uint32_t *map;
    size_t map_cap;
} nbuild;

#if KG_HAVE_AVX2
/* map[i] = i for i up to n, eight at a time (returns where it stopped). */
KG_AVX2_FN static size_t iota_avx2(uint32_t *map, size_t n)
{
    __m256i x = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    const __m256i eight = _mm256_set1_epi32(8);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        _mm256_storeu_si256((__m256i *)(void *)(map + i), x);
        x = _mm256_add_epi32(x, eight);
    }
    return i;
}
#endif

static void nb_start_copy(nbuild *b, size_t upto)
{
    b->copying = 1;
    kg_buf_grow(&b->out, b->len + 16);
    kg_buf_add(&b->out, b->src, upto);
    b->map_cap = b->len + 16;
    b->map = kg_xmalloc(b->map_cap * sizeof *b->map);
    size_t i = 0;
#if KG_HAVE_AVX2
    if (kg_avx2())
        i = iota_avx2(b->map, upto);
#endif
#ifdef __SSE2__
    /* the identity, four at a time */
    __m128i x = _mm_add_epi32(_mm_set1_epi32((int)(uint32_t)i), _mm_setr_epi32(0, 1, 2, 3));
    const __m128i four = _mm_set1_epi32(4);
    for (; i + 4 <= upto; i += 4) {
        _mm_storeu_si128((__m128i *)(void *)(b->map + i), x);
        x = _mm_add_epi32(x, four);
    }
#endif
    for (; i < upto; i++)
        b->map[i] = (uint32_t)i;
}

static void nb_emit(nbuild *b, const char *bytes, size_t n, size_t from)
{
    if (b->out.len + n + 1 > b->map_cap) {
        b->map_cap = (b->out.len + n + 1) * 2;
        b->map = kg_xrealloc(b->map, b->map_cap * sizeof *b->map);
    }
    for (size_t k = 0; k < n; k++)
        b->map[b->out.len + k] = (uint32_t)from;
    kg_buf_add(&b->out, bytes, n);
}

/* A small cache of utf8proc results by code point. */
typedef struct ncache_ent {
    uint32_t key;  /* code point + 1; 0 = empty */
    int8_t n;      /* -1 = keep as is */
    char out[13];
} ncache_ent;

#define NCACHE 512

/* The cache, one per thread and kept from text to text (an entry only
 * depends on its code point): no 9 KB to clear for each text. */
static _Thread_local ncache_ent norm_cache[NCACHE];

/* What a character becomes: returns -1 to keep it, else the length of
 * its replacement in out (0 = drop). */
static int norm_special(uint32_t cp, char out[16])
{
    switch (cp) {
    case 0x09: case 0x0B: case 0x0C:
    case 0xA0: case 0x202F: case 0x205F: case 0x3000: case 0x1680:
        out[0] = ' ';
        return 1;
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0xAD:
        return 0;
    case 0x223C: case 0x301C: case 0xFF5E: case 0x2053:
        out[0] = '~';
        return 1;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
        out[0] = '\'';
        return 1;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
        out[0] = '"';
        return 1;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        out[0] = '-';
        return 1;
    case 0x318D: case 0x30FB: case 0xFF65: case 0x2027: case 0x2219:
    case 0x119E: /* (the conjoining araea, typed as a dot between words:
                  * 5ᆞ18, 기민ᆞ기사당; old Hangul spelled with it is no news) */
        return (int)kg_utf8_put(out, 0xB7);
    case 0xA9: case 0x24D2: case 0x24B8: /* © ⓒ Ⓒ: copyright lines need them */
        return -1;
    default:
        break;
    }
    if (cp >= 0x2000 && cp <= 0x200A) {
        out[0] = ' ';
        return 1;
    }
    if (cp < 0x20 || cp == 0x7F) {
        out[0] = ' ';
        return 1;
    }
    if ((cp >= 0x3131 && cp <= 0x318E) || (cp >= 0x2460 && cp <= 0x24FF))
        return -1; /* compatibility jamo, circled numbers: keep */
    return -2;     /* ask utf8proc */
}

static int norm_char(uint32_t cp, char out[16], ncache_ent *cache)
{
    int r = norm_special(cp, out);
    if (r != -2)
        return r;
    ncache_ent *e = &cache[cp % NCACHE];
    if (e->key == cp + 1) {
        if (e->n >= 0)
            memcpy(out, e->out, (size_t)e->n);
        return e->n;
    }
    char in[4];
    size_t inlen = kg_utf8_put(in, cp);
    utf8proc_uint8_t *res = NULL;
    utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)in, (utf8proc_ssize_t)inlen, &res,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
    int n = -1;
    if (m >= 0 && res && !((size_t)m == inlen && memcmp(res, in, inlen) == 0) && m <= 12) {
        n = (int)m;
        memcpy(out, res, (size_t)m);
        /* a compatibility form of a space folds to ' ' */
        for (int k = 0; k < n; k++)
            if (out[k] == '\t')
                out[k] = ' ';
    }
    free(res);
    e->key = cp + 1;
    e->n = (int8_t)n;
    if (n > 0)
        memcpy(e->out, out, (size_t)n);
    return n;
}

/* Length of the prefix of u[0..n) that normalise's fast path would take
 * (printable ASCII, newlines, well-formed Hangul syllables), checked
 * sixteen bytes at a time; it stops at the start of the character where
 * the first block it cannot vouch for begins, and the byte loop takes
 * over from there (0 without SSE2). Blocks follow each other at a fixed
 * stride, so no block waits for the previous one: the continuation bytes
 * a syllable led in the last two bytes of a block still owes are carried
 * into the next block as a mask.
 *
 * A block passes when each byte is printable ASCII or a newline, a lead
 * EA..ED of a syllable, or a continuation byte, and the continuation
 * bytes are exactly the two after each lead. Signed compares do the
 * ranges (bytes from 0x80 are negative): once the continuations are where
 * the leads want them, the two bytes after a lead are 80..BF, whose
 * signed order is their unsigned one, so a lead's range (EA from EA B0,
 * ED up to ED 9E A3: kg_u8_syllable) is three compares. A lead out of
 * range counts as no lead, and the block fails. */
#if KG_HAVE_AVX2
/* plain_prefix's blocks, 32 bytes at a time while 34 can be read: from
 * *ip with the continuations *carry owes, both left for the SSE2 blocks
 * to go on from. */
KG_AVX2_FN static void plain_avx2(const unsigned char *u, size_t n, size_t *ip, unsigned *carry)
{
    const __m256i one = _mm256_set1_epi8(1), x20 = _mm256_set1_epi8(0x20), nl = _mm256_set1_epi8('\n'),
                  mc0 = _mm256_set1_epi8((char)0xC0), xe9 = _mm256_set1_epi8((char)0xE9),
                  xee = _mm256_set1_epi8((char)0xEE), xea = _mm256_set1_epi8((char)0xEA),
                  xed = _mm256_set1_epi8((char)0xED), xb0 = _mm256_set1_epi8((char)0xB0),
                  x9e = _mm256_set1_epi8((char)0x9E), xa3 = _mm256_set1_epi8((char)0xA3);
    size_t i = *ip;
    uint64_t cy = *carry;
    while (i + 34 <= n) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(u + i));
        __m256i v1 = _mm256_loadu_si256((const __m256i *)(const void *)(u + i + 1));
        __m256i v2 = _mm256_loadu_si256((const __m256i *)(const void *)(u + i + 2));
        __m256i ascii = _mm256_or_si256(_mm256_cmpgt_epi8(_mm256_add_epi8(v, one), x20), _mm256_cmpeq_epi8(v, nl));
        __m256i cont = _mm256_cmpgt_epi8(mc0, v);
        __m256i lead = _mm256_and_si256(_mm256_cmpgt_epi8(v, xe9), _mm256_cmpgt_epi8(xee, v));
        __m256i bad = kg_syl_bad_avx2(v, v1, v2, xea, xed, xb0, x9e, xa3);
        uint64_t a = (uint32_t)_mm256_movemask_epi8(ascii), c = (uint32_t)_mm256_movemask_epi8(cont),
                 l = (uint32_t)_mm256_movemask_epi8(_mm256_andnot_si256(bad, lead));
        uint64_t want = (l << 1) | (l << 2) | cy;
        if ((a | c | l) != 0xFFFFFFFFu || (c ^ want) & 0xFFFFFFFFu)
            break;
        cy = want >> 32;
        i += 32;
    }
    *ip = i;
    *carry = (unsigned)cy;
}
#endif

static size_t plain_prefix(const unsigned char *u, size_t n)
{
    size_t i = 0;
#ifdef __SSE2__
    const __m128i one = _mm_set1_epi8(1), x20 = _mm_set1_epi8(0x20), nl = _mm_set1_epi8('\n'),
                  mc0 = _mm_set1_epi8((char)0xC0), xe9 = _mm_set1_epi8((char)0xE9), xee = _mm_set1_epi8((char)0xEE),
                  xea = _mm_set1_epi8((char)0xEA), xed = _mm_set1_epi8((char)0xED), xb0 = _mm_set1_epi8((char)0xB0),
                  x9e = _mm_set1_epi8((char)0x9E), xa3 = _mm_set1_epi8((char)0xA3);
    unsigned carry = 0; /* continuations owed at this block's bytes 0 and 1 */
#if KG_HAVE_AVX2
    if (n >= 34 && kg_avx2())
        plain_avx2(u, n, &i, &carry);
#endif
    while (i + 18 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
        __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 1));
        __m128i v2 = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 2));
        /* 20..7E: v + 1 is 21..7F, above 20 (7F and the bytes from 80 wrap
         * to 80..FF or 00) */
        __m128i ascii = _mm_or_si128(_mm_cmpgt_epi8(_mm_add_epi8(v, one), x20), _mm_cmpeq_epi8(v, nl));
        __m128i cont = _mm_cmpgt_epi8(mc0, v); /* 80..BF */
        __m128i lead = _mm_and_si128(_mm_cmpgt_epi8(v, xe9), _mm_cmpgt_epi8(xee, v)); /* EA..ED */
        __m128i bad = kg_syl_bad_sse2(v, v1, v2, xea, xed, xb0, x9e, xa3);
        unsigned a = (unsigned)_mm_movemask_epi8(ascii), c = (unsigned)_mm_movemask_epi8(cont),
                 l = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(bad, lead));
        unsigned want = (l << 1) | (l << 2) | carry; /* where continuations must be */
        if ((a | c | l) != 0xFFFF || (c ^ want) & 0xFFFF)
            break;
        carry = want >> 16;
        i += 16;
    }
    /* back to the lead of a syllable the last block did not finish */
    if (carry & 2)
        i -= 1;
    else if (carry & 1)
        i -= 2;
#endif
    (void)u; /* (unused without SSE2) */
    return i < n ? i : n;
}

/* The end of the run from u[i] that the fast path keeps while nothing
 * has changed: printable ASCII, newlines and well-formed Hangul syllables
 * are kept as they are, so they need neither decoding nor a look at the
 * normalisation tables. */
static size_t skip_plain(const unsigned char *u, size_t len, size_t i)
{
    i += plain_prefix(u + i, len - i);
    while (i < len) {
        unsigned c = u[i];
        if ((c >= 0x20 && c < 0x7F) || c == '\n') {
            i++;
        } else if (c >= 0xEA && c <= 0xED && i + 2 < len && (u[i + 1] & 0xC0) == 0x80 &&
                   (u[i + 2] & 0xC0) == 0x80 && kg_u8_syllable(u + i)) {
            i += 3;
        } else
            break;
    }
    return i;
}

/* Copies the plain run src[i, j) (see skip_plain) at once, while
 * copying: each byte maps to the start of its character, as copy_ascii
 * and nb_emit map them (a character at a time, most of a text went
 * through nb_emit once its first character changed). */
#if KG_HAVE_AVX2
/* copy_plain's map, 32 bytes at a time from k (k > i: u[k - 1], the byte
 * before, is read for the flag of the byte before each); returns where
 * it stopped. */
KG_AVX2_FN static size_t copy_map_avx2(const unsigned char *u, size_t i, size_t j, size_t k, uint32_t *m)
{
    const __m256i mc0 = _mm256_set1_epi8((char)0xC0), x80 = _mm256_set1_epi8((char)0x80),
                  one = _mm256_set1_epi8(1), iota = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7),
                  eight = _mm256_set1_epi32(8);
    for (; k + 32 <= j; k += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(u + k));
        __m256i vp = _mm256_loadu_si256((const __m256i *)(const void *)(u + k - 1));
        __m256i c = _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(v, mc0), x80), one);
        __m256i cb = _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(vp, mc0), x80), one);
        __m256i back = _mm256_add_epi8(c, _mm256_and_si256(c, cb));
        __m128i lo = _mm256_castsi256_si128(back), hi = _mm256_extracti128_si256(back, 1);
        __m256i x = _mm256_add_epi32(_mm256_set1_epi32((int)(uint32_t)k), iota);
        uint32_t *o = m + (k - i);
        _mm256_storeu_si256((__m256i *)(void *)o, _mm256_sub_epi32(x, _mm256_cvtepu8_epi32(lo)));
        x = _mm256_add_epi32(x, eight);
        _mm256_storeu_si256((__m256i *)(void *)(o + 8),
                            _mm256_sub_epi32(x, _mm256_cvtepu8_epi32(_mm_srli_si128(lo, 8))));
        x = _mm256_add_epi32(x, eight);
        _mm256_storeu_si256((__m256i *)(void *)(o + 16), _mm256_sub_epi32(x, _mm256_cvtepu8_epi32(hi)));
        x = _mm256_add_epi32(x, eight);
        _mm256_storeu_si256((__m256i *)(void *)(o + 24),
                            _mm256_sub_epi32(x, _mm256_cvtepu8_epi32(_mm_srli_si128(hi, 8))));
    }
    return k;
}
#endif

static void copy_plain(nbuild *b, size_t i, size_t j)
{
    if (b->out.len + (j - i) + 1 > b->map_cap) {
        b->map_cap = (b->out.len + (j - i) + 1) * 2;
        b->map = kg_xrealloc(b->map, b->map_cap * sizeof *b->map);
    }
    const unsigned char *u = (const unsigned char *)b->src;
    uint32_t *m = b->map + b->out.len;
    size_t k = i;
#ifdef __SSE2__
    /* sixteen at a time: a run holds ASCII and three-byte syllables
     * only, so a byte is 0, 1 or 2 bytes after its lead: 1 if it
     * continues a character, 2 if the byte before it does too (the
     * flags of the byte before the block are carried in prev; u[i]
     * leads a character) */
    const __m128i mc0 = _mm_set1_epi8((char)0xC0), x80 = _mm_set1_epi8((char)0x80), one = _mm_set1_epi8(1),
                  zero = _mm_setzero_si128(), four = _mm_set1_epi32(4);
    __m128i prev = zero;
#if KG_HAVE_AVX2
    if (i > 0 && j - i >= 32 && kg_avx2()) {
        k = copy_map_avx2(u, i, j, k, m);
        /* (the flag of the byte before the next block, in lane 15) */
        prev = _mm_set1_epi8((char)((u[k - 1] & 0xC0) == 0x80));
    }
#endif
    for (; k + 16 <= j; k += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + k));
        __m128i c = _mm_and_si128(_mm_cmpeq_epi8(_mm_and_si128(v, mc0), x80), one);
        __m128i cb = _mm_or_si128(_mm_slli_si128(c, 1), _mm_srli_si128(prev, 15));
        __m128i back = _mm_add_epi8(c, _mm_and_si128(c, cb));
        prev = c;
        __m128i lo = _mm_unpacklo_epi8(back, zero), hi = _mm_unpackhi_epi8(back, zero);
        __m128i x = _mm_add_epi32(_mm_set1_epi32((int)(uint32_t)k), _mm_setr_epi32(0, 1, 2, 3));
        uint32_t *o = m + (k - i);
        _mm_storeu_si128((__m128i *)(void *)o, _mm_sub_epi32(x, _mm_unpacklo_epi16(lo, zero)));
        x = _mm_add_epi32(x, four);
        _mm_storeu_si128((__m128i *)(void *)(o + 4), _mm_sub_epi32(x, _mm_unpackhi_epi16(lo, zero)));
        x = _mm_add_epi32(x, four);
        _mm_storeu_si128((__m128i *)(void *)(o + 8), _mm_sub_epi32(x, _mm_unpacklo_epi16(hi, zero)));
        x = _mm_add_epi32(x, four);
        _mm_storeu_si128((__m128i *)(void *)(o + 12), _mm_sub_epi32(x, _mm_unpackhi_epi16(hi, zero)));
    }
#endif
    /* (u[k] is read only while k < j: at j the run, and maybe the
     * bytes, have ended) */
    size_t lead = k;
    while (lead > i && lead < j && (u[lead] & 0xC0) == 0x80)
        lead--;
    for (; k < j; k++) {
        if ((u[k] & 0xC0) != 0x80)
            lead = k;
        m[k - i] = (uint32_t)lead;
    }
    kg_buf_add(&b->out, b->src + i, j - i);
}

/* An invalid byte at src[i]: an error (returns -1), or with
 * KG_TEXT_LENIENT a byte skipped (the first one with a warning). */
static int bad_byte(kg_text *t, nbuild *b, size_t i, unsigned flags, const char *name, kg_diag *d)
{
    unsigned c = (unsigned char)t->src[i];
    if (!(flags & KG_TEXT_LENIENT)) {
        if (kg_looks_euckr(t->src + i, t->len - i))
            kg_diag_error(d, name, 0, 0,
                          "invalid UTF-8 byte 0x%02X at byte offset %zu: the text looks "
                          "like EUC-KR (or CP949); convert it to UTF-8: iconv -f euc-kr "
                          "-t utf-8 %s > %s.utf8", c, t->base + i, name, name);
        else
            kg_diag_error(d, name, 0, 0, "invalid UTF-8 byte 0x%02X at byte offset %zu",
                          c, t->base + i);
        return -1;
    }
    if (!t->n_invalid)
        kg_diag_warn(d, name, 0, 0, "invalid UTF-8 byte 0x%02X at byte offset %zu skipped",
                     c, t->base + i);
    t->n_invalid++;
    if (!b->copying)
        nb_start_copy(b, i);
    return 0;
}

/* What the character cp at u[i] (not ASCII printable, not a newline)
 * becomes: 1 to keep it, else 0 with its replacement in rep and its
 * length in *r (0: dropped). *cache is set to the thread's at its first use. */
static int norm_at(const unsigned char *u, size_t len, size_t i, uint32_t cp, char rep[16], int *r,
                   ncache_ent **cache)
{
    *r = -1;
    if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
        (cp >= 0x3400 && cp <= 0x4DBF) || cp == 0xB7 || cp == 0x25B2 || cp == 0x25B6)
        return 1;
    if (cp == '\r') {
        if (i + 1 < len && u[i + 1] == '\n')
            *r = 0;
        else {
            rep[0] = '\n';
            *r = 1;
        }
        return 0;
    }
    if (i == 0 && cp == 0xFEFF) {
        *r = 0;
        return 0;
    }
    if (!*cache)
        *cache = norm_cache;
    *r = norm_char(cp, rep, *cache);
    return *r < 0;
}

/* Puts the result into t: the copy and its map, or, when nothing
 * changed, a plain copy of the bytes (no map). */
static void nb_finish(kg_text *t, nbuild *b)
{
    size_t len = t->len;
    /* (the NUL and KG_TEXT_PAD zero bytes after the text) */
    if (b->copying) {
        if (b->out.len + 1 > b->map_cap)
            b->map = kg_xrealloc(b->map, (b->out.len + 1) * sizeof *b->map);
        b->map[b->out.len] = (uint32_t)len;
        t->norm_len = b->out.len;
        kg_buf_grow(&b->out, KG_TEXT_PAD);
        memset(b->out.ptr + b->out.len, 0, KG_TEXT_PAD + 1);
        t->norm = kg_buf_detach(&b->out, NULL);
        t->map = b->map;
    } else {
        t->norm = kg_xmalloc(len + KG_TEXT_PAD + 1);
        memcpy(t->norm, t->src, len);
        memset(t->norm + len, 0, KG_TEXT_PAD + 1);
        t->norm_len = len;
        t->map = NULL;
    }
    t->norm_padded = 1;
}

int kg_txt_normalise(kg_text *t, unsigned flags, const char *name, kg_diag *d)
{
    nbuild b = { t->src, t->len, 0, KG_BUF_INIT, NULL, 0 };
    const unsigned char *u = (const unsigned char *)t->src;
    size_t len = t->len, i = 0;
    ncache_ent *cache = NULL;
    char rep[16];

    while (i < len) {
        size_t j = skip_plain(u, len, i);
        if (b.copying && j > i)
            copy_plain(&b, i, j);
        i = j;
        if (i >= len)
            break;
        /* (not printable ASCII nor a newline: skip_plain took those) */
        unsigned c = u[i];
        size_t n = c < 0x80 ? 1 : kg_utf8_seq(u + i, len - i);
        if (!n) {
            if (bad_byte(t, &b, i, flags, name, d) < 0) {
                kg_buf_free(&b.out);
                free(b.map);
                return -1;
            }
            i++;
            continue;
        }
        unsigned cp = 0xFFFD;
        kg_utf8_decode(u + i, len - i, &cp); /* valid: n is not 0 */
        int r;
        if (norm_at(u, len, i, cp, rep, &r, &cache)) {
            if (b.copying)
                nb_emit(&b, t->src + i, n, i);
        } else {
            if (!b.copying)
                nb_start_copy(&b, i);
            if (r > 0)
                nb_emit(&b, rep, (size_t)r, i);
        }
        i += n;
    }
    nb_finish(t, &b);
    return 0;
}

size_t kg_text_src_offset(const kg_text *t, size_t n)
{
    if (n > t->norm_len)
        n = t->norm_len;
    return t->base + (t->map ? t->map[n] : n);
}

