/* tag.c - the tagger's driver: runs the time, figure and actor finders on
 * a kg_text, sorts their mentions, and writes them as JSON Lines. */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg/tag.h"
#include "kg/json.h"
#include "tagint.h"


/* Sort key of a mention: position, longer first, then kind; idx keeps
 * equal keys in their original order (the sort must be stable so that
 * the output does not depend on the sorting algorithm). */
typedef struct mkey {
    size_t ns, ne;
    unsigned kind;
    uint32_t idx;
} mkey;

static int mkey_less(const mkey *x, const mkey *y)
{
    if (x->ns != y->ns)
        return x->ns < y->ns;
    if (x->ne != y->ne)
        return x->ne > y->ne;
    if (x->kind != y->kind)
        return x->kind < y->kind;
    return x->idx < y->idx;
}

/* Sorts v[0..n) by position, stably. The finders append sorted runs
 * (times, figures, actors), so a natural merge sort over small keys (a
 * few passes, each merging neighbouring runs) followed by one permutation
 * of the large mentions is far cheaper than qsort moving whole mentions
 * around. */
static void sort_mentions(kg_mentions *m, size_t first, struct kg_tscratch *scr)
{
    kg_mention *v = m->v + first;
    size_t n = m->n - first;
    /* (keys, their copy and the runs in the thread's buffer) */
    mkey *k = kg_tscratch_sort(scr, 2 * n * sizeof *k + (n + 1) * sizeof(size_t)), *tmp = k + n;
    size_t *run = (size_t *)(void *)(k + 2 * n), nrun = 0;
    for (size_t i = 0; i < n; i++) {
        k[i] = (mkey){ v[i].nstart, v[i].nend, (unsigned)v[i].kind, (uint32_t)i };
        if (i == 0 || mkey_less(&k[i], &k[i - 1]))
            run[nrun++] = i; /* a run starts here */
    }
    run[nrun] = n;
    if (nrun <= 1)
        return;
    while (nrun > 1) {
        size_t w = 0;
        for (size_t r = 0; r < nrun; r += 2) {
            /* (run[nrun] is n: a last run without a partner is copied) */
            size_t lo = run[r], mid = run[r + 1], hi = r + 2 <= nrun ? run[r + 2] : mid;
            size_t a = lo, b = mid, o = lo;
            while (a < mid && b < hi) {
                /* (without a branch on the answer: the finders' runs
                 * interleave as the text has them, which no predictor
                 * guesses) */
                size_t tb = (size_t)mkey_less(&k[b], &k[a]);
                tmp[o++] = k[tb ? b : a];
                b += tb;
                a += tb ^ 1;
            }
            while (a < mid)
                tmp[o++] = k[a++];
            while (b < hi)
                tmp[o++] = k[b++];
            run[w++] = lo;
        }
        run[w] = n;
        nrun = w;
        mkey *sw = k;
        k = tmp;
        tmp = sw;
    }
    /* v[i] must become old v[k[i].idx]: gathered into a copy (reads in
     * any order, writes in order), which replaces the list when it is the
     * whole list (the old one kept by the thread for the next text's
     * copy) and is copied back otherwise */
    size_t gcap;
    kg_mention *g = kg_tscratch_take_mentions(scr, first ? n : m->cap, &gcap);
    for (size_t i = 0; i < n; i++)
        g[i] = v[k[i].idx];
    if (first) {
        memcpy(v, g, n * sizeof *g);
        kg_tscratch_put_mentions(scr, g, gcap);
    } else {
        kg_tscratch_put_mentions(scr, m->v, m->cap);
        m->v = g;
        m->cap = gcap;
    }
}

int kg_tag_text(const kg_lexicon *lx, const kg_text *t, const kg_tag_opts *opts, kg_mentions *out,
                kg_edtf_point *dct_used)
{
    kg_tctx c;
    memset(&c, 0, sizeof c);
    c.lx = lx;
    c.t = t;
    c.s = t->norm;
    c.len = t->norm_len;
    c.out = out;
    c.flags = opts ? opts->flags : 0;
    if (opts && opts->dct.prec != KG_PREC_NONE)
        c.dct = opts->dct;
    else if (t->has_dateline)
        c.dct = t->dateline.a;
    c.dct.approx = 0;
    c.dct.uncertain = 0;
    if (dct_used)
        *dct_used = c.dct;
    size_t first = out->n;
    kg_tctx_take(&c);
    if ((c.flags & (KG_TAG_NO_TIMES | KG_TAG_NO_FIGURES)) != (KG_TAG_NO_TIMES | KG_TAG_NO_FIGURES))
        kg_tctx_tokens(&c);
    if (!(c.flags & KG_TAG_NO_TIMES))
        kg_find_times(&c);
    if (!(c.flags & KG_TAG_NO_FIGURES))
        kg_find_figures(&c);
    if (!(c.flags & KG_TAG_NO_ACTORS)) {
        kg_tctx_index_taken(&c);
        kg_find_actors(&c);
    }
    kg_tctx_free_taken(&c);
    /* each finder works left to right; their lists are merged by position
     * (figures never overlap times, which claim their ranges first) */
    if (out->n - first > 1)
        sort_mentions(out, first, c.scr);
    kg_tscratch_trim(c.scr);
    return 0;
}

/* ---- JSON output ----
 * A mention is written straight into out's memory: its size is bounded
 * beforehand (an escaped byte takes at most 6), so one kg_buf_grow per
 * mention replaces a call per piece. */

/* Appends the literal lit (a string constant) at p. */
#define PUT_LIT(p, lit) (memcpy((p), (lit), sizeof(lit) - 1), (p) += sizeof(lit) - 1)

static const char d2[201] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                            "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                            "8081828384858687888990919293949596979899";
static const unsigned long long p10[20] = { 1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull,
                                              10000000ull, 100000000ull, 1000000000ull, 10000000000ull,
                                              100000000000ull, 1000000000000ull, 10000000000000ull,
                                              100000000000000ull, 1000000000000000ull, 10000000000000000ull,
                                              100000000000000000ull, 1000000000000000000ull,
                                              10000000000000000000ull };

/* Writes the decimal digits of v at p; returns the new end. Offsets
 * (written twice for every mention) mostly have three to five digits:
 * up to 9999 by the two-digit table at once; else the number of digits
 * from the bit length (one compare to correct it), then two digits per
 * division. */
static inline __attribute__((always_inline)) char *put_u(char *p, unsigned long long v)
{
    if (v < 100) {
        if (v < 10) {
            *p = (char)('0' + v);
            return p + 1;
        }
        memcpy(p, d2 + 2 * v, 2);
        return p + 2;
    }
    if (v < 10000) {
        unsigned hi = (unsigned)v / 100, lo = (unsigned)v % 100;
        if (hi < 10) {
            *p = (char)('0' + hi);
            memcpy(p + 1, d2 + 2 * lo, 2);
            return p + 3;
        }
        memcpy(p, d2 + 2 * hi, 2);
        memcpy(p + 2, d2 + 2 * lo, 2);
        return p + 4;
    }
    /* digits = floor(log10 v) + 1: about bits * log10(2), then at most
     * one too few */
    unsigned bits = 64u - (unsigned)__builtin_clzll(v | 1);
    size_t n = (bits * 1233u) >> 12;
    n += v >= p10[n];
    char *e = p + n;
    while (v >= 100) {
        unsigned r = (unsigned)(v % 100);
        v /= 100;
        e -= 2;
        e[0] = d2[2 * r];
        e[1] = d2[2 * r + 1];
    }
    if (v >= 10) {
        e -= 2;
        e[0] = d2[2 * v];
        e[1] = d2[2 * v + 1];
    } else
        *--e = (char)('0' + v);
    return p + n;
}

/* Copies s[0..n) to p and returns p + n, without a call for the short
 * pieces a line is made of: whole words, the last one overlapping the
 * one before (nothing is written past p + n). */
static inline char *put_bytes(char *p, const char *s, size_t n)
{
    if (n >= 8) {
        if (n > 32)
            return (char *)memcpy(p, s, n) + n;
#ifdef __SSE2__
        if (n >= 16) {
            __m128i a = _mm_loadu_si128((const __m128i *)(const void *)s),
                    b = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
            _mm_storeu_si128((__m128i *)(void *)p, a);
            _mm_storeu_si128((__m128i *)(void *)(p + n - 16), b);
            return p + n;
        }
#else
        if (n > 16)
            return (char *)memcpy(p, s, n) + n;
#endif
        uint64_t a, b;
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
        memcpy(p, &a, 8);
        memcpy(p + n - 8, &b, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        memcpy(p, &a, 4);
        memcpy(p + n - 4, &b, 4);
    } else {
        for (size_t i = 0; i < n; i++)
            p[i] = s[i];
    }
    return p + n;
}

/* 1 if one of the bytes of w needs escaping in JSON: below 0x20, '"',
 * '\\' or 0x7F (as kg_json_esc_raw tests them). */
static inline int u64_needs_esc(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\'), d = w ^ (ones * 0x7F);
    uint64_t hit = ((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((b - ones) & ~b) | ((d - ones) & ~d);
    return (hit & highs) != 0;
}

#ifdef __SSE2__
/* The same for the sixteen bytes of v, as a vector (lanes set). */
static inline __m128i v16_needs_esc(__m128i v)
{
    const __m128i x1f = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8('"'), bsl = _mm_set1_epi8('\\'),
                  del = _mm_set1_epi8(0x7F);
    return _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, x1f), x1f),
                        _mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, bsl), _mm_cmpeq_epi8(v, del))));
}
#endif

/* kg_json_esc_raw(p, s, n) with the common short strings (a name, a
 * word, a unit, a date: up to 32 bytes without a byte to escape) done
 * here, a few words at once; anything else is left to it. */
static inline __attribute__((always_inline)) char *put_esc(char *p, const char *s, size_t n)
{
#ifdef __SSE2__
    if (n >= 16 && n <= 32) {
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)s),
                b = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
        if (!_mm_movemask_epi8(_mm_or_si128(v16_needs_esc(a), v16_needs_esc(b)))) {
            _mm_storeu_si128((__m128i *)(void *)p, a);
            _mm_storeu_si128((__m128i *)(void *)(p + n - 16), b);
            return p + n;
        }
    } else if (n >= 8 && n < 16) {
        /* the first and the last eight bytes in one vector */
        __m128i a = _mm_loadl_epi64((const __m128i *)(const void *)s),
                b = _mm_loadl_epi64((const __m128i *)(const void *)(s + n - 8));
        if (!_mm_movemask_epi8(v16_needs_esc(_mm_unpacklo_epi64(a, b)))) {
            _mm_storel_epi64((__m128i *)(void *)p, a);
            _mm_storel_epi64((__m128i *)(void *)(p + n - 8), b);
            return p + n;
        }
    } else
#endif
    if (n >= 4 && n < 8) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        /* both words in one: a in the low half, b in the high */
        if (!u64_needs_esc((uint64_t)a | (uint64_t)b << 32)) {
            memcpy(p, &a, 4);
            memcpy(p + n - 4, &b, 4);
            return p + n;
        }
    } else if (n < 4) {
        size_t i = 0;
        for (; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F)
                break;
            p[i] = (char)c;
        }
        if (i == n)
            return p + n;
    }
    return kg_json_esc_raw(p, s, n);
}

/* put_esc for a piece of at most 32 bytes of a padded text (kg_text's
 * norm_padded: 32 bytes from s can be read), with room for 32 bytes at
 * p: both vectors are checked and stored whatever n is (the bytes past
 * n are not looked at, and what is stored past p + n is written over
 * next), so that the piece's length, which changes from one mention to
 * the next as no predictor guesses, is only added. */
static inline char *put_text32(char *p, const char *s, size_t n)
{
#ifdef __SSE2__
    __m128i a = _mm_loadu_si128((const __m128i *)(const void *)s),
            b = _mm_loadu_si128((const __m128i *)(const void *)(s + 16));
    uint32_t esc = (uint32_t)_mm_movemask_epi8(v16_needs_esc(a)) |
                   (uint32_t)_mm_movemask_epi8(v16_needs_esc(b)) << 16;
    if (esc & (uint32_t)(((uint64_t)1 << n) - 1))
        return kg_json_esc_raw(p, s, n);
    _mm_storeu_si128((__m128i *)(void *)p, a);
    _mm_storeu_si128((__m128i *)(void *)(p + 16), b);
    return p + n;
#else
    return put_esc(p, s, n);
#endif
}

/* A time's value (EDTF, NUL-terminated in its 48 bytes), escaped: its
 * length by three vectors, and a short one written as put_text32 writes
 * a text (the 32 bytes from it are the array's). */
static inline char *put_value(char *p, const char value[48])
{
#ifdef __SSE2__
    const __m128i z = _mm_setzero_si128();
    uint64_t nul = 0;
#pragma GCC unroll 3
    for (int k = 0; k < 3; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(value + 16 * k));
        nul |= (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, z)) << (16 * k);
    }
    size_t n = nul ? (size_t)__builtin_ctzll(nul) : 48;
    return n <= 32 ? put_text32(p, value, n) : put_esc(p, value, n);
#else
    return put_esc(p, value, strnlen(value, 48));
#endif
}

/* "text":"the mention's text, escaped" (see PUT_STR; padded: t's
 * norm_padded) */
#define PUT_TEXT(p, s, n, padded)                                                         \
    (PUT_LIT(p, "\"text\":\""), (p) = (padded) && (n) <= 32 ? put_text32((p), (s), (n)) \
                                                         : put_esc((p), (s), (n)),      \
     *(p)++ = '"')

/* "key":"escaped s" at p (room for 6 * n + strlen(key) + 5); key is a
 * string literal. */
#define PUT_STR(p, key, s, n) \
    (PUT_LIT(p, "\"" key "\":\""), (p) = put_esc((p), (s), (n)), *(p)++ = '"')

/* A number as "%.0f" for integers (exactly, without printf) and "%.10g"
 * otherwise; null when not finite. At most 40 bytes. */
static char *put_num(char *p, double v)
{
    if (v >= 0 && v < 9e15 && !signbit(v)) {
        /* (the common case first: a whole number from 0) */
        unsigned long long u = (unsigned long long)v;
        if ((double)u == v)
            return put_u(p, u);
    }
    if (!isfinite(v)) {
        PUT_LIT(p, "null");
        return p;
    }
    if (fabs(v) < 9e15 && v == floor(v)) {
        if (v == 0 && signbit(v)) {
            PUT_LIT(p, "-0"); /* what %.0f writes for negative zero */
            return p;
        }
        if (v < 0) {
            *p++ = '-';
            return put_u(p, (unsigned long long)-v);
        }
        return put_u(p, (unsigned long long)v);
    }
    /* a decimal of at most nine places that the double is nearest to
     * (2332.31, 0.75): what %.10g writes, without printf. The double
     * is within half a unit in its last place of r / 10^k, far less
     * than half a unit of a tenth significant digit, so %.10g's
     * rounding gives r / 10^k itself; between 1e-4 and 1e9 it writes
     * it in fixed notation, without trailing zeros (k is the least
     * that fits: its last digit is not 0). */
    double av = fabs(v);
    if (av >= 1e-4 && av < 1e9) {
        for (int k = 1; k <= 9; k++) {
            double r = nearbyint(av * (double)p10[k]);
            if (r >= 1e10)
                break; /* more than ten significant digits */
            if (r / (double)p10[k] != av)
                continue;
            unsigned long long u = (unsigned long long)r, ip = u / p10[k], fp = u % p10[k];
            if (v < 0)
                *p++ = '-';
            p = put_u(p, ip);
            *p++ = '.';
            /* the k places, leading zeros written */
            char *e = p + k;
            for (int q = 0; q < k; q++) {
                e[-1 - q] = (char)('0' + fp % 10);
                fp /= 10;
            }
            return e;
        }
    }
    char b[40];
    int n = snprintf(b, sizeof b, "%.10g", v);
    if (n < 0)
        n = 0;
    if ((size_t)n >= sizeof b)
        n = (int)sizeof b - 1;
    memcpy(p, b, (size_t)n);
    return p + n;
}

static const char *const approx_names[] = { "exact", "about", "over", "under" };
static const unsigned char approx_len[] = { 5, 5, 4, 5 };

static inline __attribute__((always_inline)) char *put_offsets(char *p, size_t a, size_t b)
{
    PUT_LIT(p, ",\"start\":");
    p = put_u(p, a);
    PUT_LIT(p, ",\"end\":");
    return put_u(p, b);
}

/* Room for n more bytes (and the NUL) in out: kg_buf_grow when there
 * is not. */
static inline void buf_room(kg_buf *out, size_t n)
{
    if (out->len + n >= out->cap)
        kg_buf_grow(out, n);
}

/* put_mention's lexicon actor (m->json: its id, name, type and how
 * escaped beforehand), apart so that the line loop writes these, a
 * quarter to a third of all, without put_mention's call and its many
 * registers. */
static inline __attribute__((always_inline)) void put_actor_json(const kg_mention *m, const kg_text *t,
                                                                 const char *lead, size_t leadn, int nl,
                                                                 kg_buf *out)
{
    const char *text = t->norm + m->nstart;
    size_t tn = m->nend - m->nstart;
    buf_room(out, 64 + leadn + m->json_len + 6 * tn);
    char *p = put_bytes(out->ptr + out->len, lead, leadn);
    PUT_LIT(p, "\"kind\":\"actor\",");
    p = put_bytes(p, m->json, m->json_head);
    *p++ = ',';
    PUT_TEXT(p, text, tn, t->norm_padded);
    p = put_offsets(p, m->start, m->end);
    p = put_bytes(p, m->json + m->json_head, m->json_len - m->json_head);
    *p++ = '}';
    if (nl)
        *p++ = '\n';
    out->len = (size_t)(p - out->ptr);
    out->ptr[out->len] = '\0';
}

/* Appends m as one JSON object, opened by lead (leadn bytes: "{", or
 * the {"file":"PATH", of a line that names its file) and followed by a
 * newline when nl: one kg_buf_grow for all of it. */
static void put_mention(const kg_mention *m, const kg_text *t, const char *lead, size_t leadn, int nl,
                        kg_buf *out)
{
    const char *text = t->norm + m->nstart;
    size_t tn = m->nend - m->nstart;
    int padded = t->norm_padded;
    if (m->kind == KG_MENTION_ACTOR && m->json) {
        put_actor_json(m, t, lead, leadn, nl, out);
        return;
    }
    const char *id = m->id ? m->id : "", *name = m->name ? m->name : "";
    size_t idn = strlen(id), namen = strlen(name);
    size_t typen = m->type ? strlen(m->type) : 0, hown = m->how ? strlen(m->how) : 0;
    size_t unitn = m->unit ? strlen(m->unit) : 0, countern = m->counter ? strlen(m->counter) : 0;
    /* (a time's value is at most sizeof m->value bytes: its length is
     * found where it is written) */
    size_t valn = m->kind == KG_MENTION_TIME ? sizeof m->value : 0;
    /* keys, punctuation and numbers take less than 256 bytes */
    size_t bound = 256 + leadn + 6 * (tn + idn + namen + typen + hown + unitn + countern + valn);
    buf_room(out, bound);
    char *p = put_bytes(out->ptr + out->len, lead, leadn);
    switch (m->kind) {
    case KG_MENTION_ACTOR:
        PUT_LIT(p, "\"kind\":\"actor\",");
        PUT_STR(p, "id", id, idn);
        *p++ = ',';
        PUT_STR(p, "name", name, namen);
        *p++ = ',';
        PUT_TEXT(p, text, tn, padded);
        p = put_offsets(p, m->start, m->end);
        if (m->type) {
            *p++ = ',';
            PUT_STR(p, "type", m->type, typen);
        }
        if (m->how) {
            *p++ = ',';
            PUT_STR(p, "how", m->how, hown);
        }
        break;
    case KG_MENTION_TIME:
        PUT_LIT(p, "\"kind\":\"time\",");
        PUT_TEXT(p, text, tn, padded);
        p = put_offsets(p, m->start, m->end);
        PUT_LIT(p, ",\"value\":");
        if (m->value[0]) {
            *p++ = '"';
            p = put_value(p, m->value);
            *p++ = '"';
        } else
            PUT_LIT(p, "null");
        break;
    case KG_MENTION_FIGURE:
        PUT_LIT(p, "\"kind\":\"figure\",");
        PUT_TEXT(p, text, tn, padded);
        p = put_offsets(p, m->start, m->end);
        PUT_LIT(p, ",\"value\":");
        if (m->is_range) {
            *p++ = '[';
            p = put_num(p, m->num);
            *p++ = ',';
            p = put_num(p, m->num_max);
            *p++ = ']';
        } else
            p = put_num(p, m->num);
        *p++ = ',';
        PUT_STR(p, "unit", m->unit ? m->unit : "", unitn);
        if (m->counter) {
            *p++ = ',';
            PUT_STR(p, "counter", m->counter, countern);
        }
        PUT_LIT(p, ",\"approx\":\"");
        /* (each name is five bytes or four: copied as five) */
        memcpy(p, approx_names[m->approx & 3], 5);
        p += approx_len[m->approx & 3];
        *p++ = '"';
        break;
    }
    *p++ = '}';
    if (nl)
        *p++ = '\n';
    out->len = (size_t)(p - out->ptr);
    out->ptr[out->len] = '\0';
}

void kg_mention_json(const kg_mention *m, const kg_text *t, kg_buf *out)
{
    put_mention(m, t, "{", 1, 0, out);
}

void kg_mentions_json_lines(const kg_mentions *ms, size_t first, const kg_text *t, const char *head, size_t headn,
                            kg_buf *out)
{
    if (!head) {
        head = "{";
        headn = 1;
    }
    for (size_t i = first; i < ms->n; i++) {
        const kg_mention *m = &ms->v[i];
        if (m->kind == KG_MENTION_ACTOR && m->json)
            put_actor_json(m, t, head, headn, 1, out);
        else
            put_mention(m, t, head, headn, 1, out);
    }
}

int kg_dct_parse(const char *s, kg_edtf_point *p)
{
    memset(p, 0, sizeof *p);
    int y = 0, m = 0, d = 0, n = 0;
    size_t len = strlen(s);
    if (len == 4 && sscanf(s, "%4d%n", &y, &n) == 1 && n == 4) {
        p->year = y;
        p->prec = KG_PREC_YEAR;
        return 0;
    }
    if (len == 7 && sscanf(s, "%4d-%2d%n", &y, &m, &n) == 2 && n == 7 && m >= 1 && m <= 12) {
        p->year = y;
        p->month = m;
        p->prec = KG_PREC_MONTH;
        return 0;
    }
    if (len == 10 && sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10 && m >= 1 && m <= 12 && d >= 1 &&
        d <= kg_tag_mdays(y, m)) {
        p->year = y;
        p->month = m;
        p->day = d;
        p->prec = KG_PREC_DAY;
        return 0;
    }
    return -1;
}
