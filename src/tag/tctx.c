/* tctx.c - the tagger's shared context: the mentions a document gets
 * (kg_tctx_add, strings kept with them), the token scan the time and
 * figure finders share, and which bytes an earlier finder took. The
 * finders (times.c, figures.c, actors.c) call this file; tag.c, the
 * driver, calls the finders. Nothing here calls back. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kg/tag.h"
#include "korean/grammar.h"
#include "util/tls.h"
#include "tagint.h"
#include "util/simd.h"

/* ---- the thread's buffers, kept from one text to the next ---- */

/* A buffer that grew past this many bytes (a large window's) is freed
 * after its text instead of kept. */
#define KG_TSCRATCH_KEEP ((size_t)1 << 20)

struct kg_tscratch {
    size_t *tok;
    size_t tok_cap; /* entries */
    uint64_t *re;
    size_t re_words;
    size_t *taken; /* the list of taken ranges while no text has it */
    size_t taken_cap;
    size_t *tidx; /* the taken ranges' index: starts, then largest ends */
    size_t tidx_cap;
    void *sort;
    size_t sort_bytes;
    kg_mention *mv; /* a mention array the sort may swap in */
    size_t mv_cap;
};

static void scr_free(void *p)
{
    struct kg_tscratch *x = p;
    free(x->tok);
    free(x->re);
    free(x->taken);
    free(x->tidx);
    free(x->sort);
    free(x->mv);
    free(x);
}

static kg_tls scr_tls = KG_TLS_INIT(struct kg_tscratch, scr_free);

struct kg_tscratch *kg_tscratch_get(void)
{
    return kg_tls_get(&scr_tls);
}

void kg_tscratch_trim(struct kg_tscratch *x)
{
    kg_tls_trim((void **)&x->tok, &x->tok_cap, sizeof *x->tok, KG_TSCRATCH_KEEP);
    kg_tls_trim((void **)&x->re, &x->re_words, sizeof *x->re, KG_TSCRATCH_KEEP);
    kg_tls_trim((void **)&x->taken, &x->taken_cap, sizeof *x->taken, KG_TSCRATCH_KEEP);
    kg_tls_trim((void **)&x->tidx, &x->tidx_cap, sizeof *x->tidx, KG_TSCRATCH_KEEP);
    kg_tls_trim(&x->sort, &x->sort_bytes, 1, KG_TSCRATCH_KEEP);
    kg_tls_trim((void **)&x->mv, &x->mv_cap, sizeof *x->mv, KG_TSCRATCH_KEEP);
}

void *kg_tscratch_sort(struct kg_tscratch *x, size_t n)
{
    if (x->sort_bytes < n) {
        free(x->sort);
        x->sort = kg_xmalloc(n);
        x->sort_bytes = n;
    }
    return x->sort;
}

kg_mention *kg_tscratch_take_mentions(struct kg_tscratch *x, size_t n, size_t *cap)
{
    kg_mention *v = x->mv;
    *cap = x->mv_cap;
    x->mv = NULL;
    x->mv_cap = 0;
    if (*cap < n) {
        free(v);
        v = kg_xmalloc(n * sizeof *v);
        *cap = n;
    }
    return v;
}

void kg_tscratch_put_mentions(struct kg_tscratch *x, kg_mention *v, size_t cap)
{
    free(x->mv);
    x->mv = v;
    x->mv_cap = cap;
}

void kg_tctx_take(kg_tctx *c)
{
    c->scr = kg_tscratch_get();
    c->taken = c->scr->taken;
    c->cap_taken = c->scr->taken_cap;
    c->scr->taken = NULL;
    c->scr->taken_cap = 0;
}

void kg_mentions_reset(kg_mentions *m)
{
    kg_pool_reset(&m->pool);
    m->n = 0;
}

void kg_mentions_free(kg_mentions *m)
{
    if (!m)
        return;
    kg_mentions_reset(m);
    kg_pool_free(&m->pool);
    free(m->v);
    memset(m, 0, sizeof *m);
}

/* memset(x, 0, sizeof *x), by sixteen-byte stores where SSE2 is: gcc
 * made the memset (and a loop of the stores) rep stos, whose start took
 * half the time of kg_tctx_add. The empty asm in the loop keeps it
 * stores; unrolled, it is a store per sixteen bytes and no loop (a
 * third of the instructions). */
static inline void mention_zero(kg_mention *x)
{
#ifdef __SSE2__
    const __m128i z = _mm_setzero_si128();
    char *b = (char *)x;
    size_t k = 0;
#pragma GCC unroll 16
    for (; k + 16 <= sizeof *x; k += 16) {
        _mm_storeu_si128((__m128i *)(void *)(b + k), z);
        __asm__("" : : "r"(b) : "memory");
    }
    if (k < sizeof *x)
        memset(b + k, 0, sizeof *x - k);
#else
    memset(x, 0, sizeof *x);
#endif
}

/* Room for one more mention in m (apart from kg_tctx_add, which then
 * calls nothing on its way and keeps its registers). */
static __attribute__((noinline, cold)) void mentions_grow(kg_mentions *m)
{
    KG_VEC_PUSH(m->v, m->n, m->cap);
}

/* kg_tctx_add's offsets of a mention not inside the text. */
static __attribute__((noinline, cold)) void offsets_outside(const kg_text *t, kg_mention *x)
{
    x->start = kg_text_src_offset(t, x->nstart);
    x->end = kg_text_src_offset(t, x->nend);
}

kg_mention *kg_tctx_add(kg_tctx *c, kg_mention_kind kind, size_t ns, size_t ne)
{
    kg_mentions *m = c->out;
    if (m->n >= m->cap)
        mentions_grow(m);
    kg_mention *x = &m->v[m->n++];
    mention_zero(x);
    x->kind = kind;
    x->nstart = ns;
    x->nend = ne;
    /* kg_text_src_offset, inline: a mention lies in the text */
    const kg_text *t = c->t;
    if (ns <= t->norm_len && ne <= t->norm_len) {
        x->start = t->base + (t->map ? t->map[ns] : ns);
        x->end = t->base + (t->map ? t->map[ne] : ne);
    } else
        offsets_outside(t, x);
    return x;
}

/* The strings of kg_tctx_str live in the mentions' pool, freed with
 * them. */
const char *kg_tctx_str(kg_tctx *c, const char *s, size_t n)
{
    return kg_pool_strndup(&c->out->pool, s, n);
}

void kg_tctx_first_syls(kg_sylset *set, const char *grammar)
{
    for (const char *const *w = kg_gram_words(grammar, "token_first_syllables"); *w; w++)
        kg_sylset_add(set, *w);
}

/* The syllables a token may be (token_first_syllables of times and units). */
static kg_sylset tok_syl;
static pthread_once_t tok_syl_once = PTHREAD_ONCE_INIT;

/* Whether a token is kept, for the block loops (keep_tokens), as a byte
 * per key of the three bytes at its position (tok_key: their low six
 * bits each). A character of three bytes has the key 0x20000 + its code
 * point, so a Hangul syllable's byte is 1 when tok_syl holds it, 0 when
 * not. Every other position a token may be at (a digit, ' $ U, or the
 * first byte of a character of one, two or four bytes, or of three
 * that is no syllable) has a key of no syllable (the low six bits of its
 * first byte are 0x2A..0x2D for EA..ED only, and then its key is its
 * code point's), and those bytes are all 1: one load and no test of
 * what the position leads. 256 KB, of which the syllables' 11 KB are
 * most of what is read. */
#define TOK_KEYS (1u << 18)
static unsigned char tok_keep[TOK_KEYS];

static inline uint32_t tok_key(const unsigned char *u)
{
    return ((uint32_t)(u[0] & 0x3F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (uint32_t)(u[2] & 0x3F);
}

static void tok_syl_init(void)
{
    kg_tctx_first_syls(&tok_syl, "times");
    kg_tctx_first_syls(&tok_syl, "units");
    memset(tok_keep, 1, sizeof tok_keep);
    for (uint32_t c = 0; c < KG_NSYL; c++)
        tok_keep[0x20000u + 0xAC00u + c] = (tok_syl.bits[c >> 3] >> (c & 7)) & 1;
}

int kg_tctx_token_syllable(uint32_t cp)
{
    pthread_once(&tok_syl_once, tok_syl_init);
    return cp >= 0xAC00 && cp <= 0xD7A3 && ((tok_syl.bits[(cp - 0xAC00) >> 3] >> ((cp - 0xAC00) & 7)) & 1);
}

/* 1 if position i is one of kg_tctx_tokens' (s is valid UTF-8). */
static int is_token(const char *s, size_t len, size_t i)
{
    unsigned char ch = (unsigned char)s[i];
    if (ch < 0x80)
        return (ch >= '0' && ch <= '9') ? !(i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
                                        : ch == '\'' || ch == '$' || ch == 'U';
    if ((ch & 0xC0) == 0x80)
        return 0;
    if (ch >= 0xEA && ch <= 0xED) {
        if (kg_syllable_before(s, i))
            return 0;
        if (i + 2 < len && kg_u8_syllable((const unsigned char *)s + i))
            return kg_sylset_at(&tok_syl, s, len, i);
    }
    return 1;
}

/* 1 if a Hangul syllable U+AC00..U+D7A3 starts at p (its lead there). */
static inline int syl_lead(const char *s, size_t len, size_t p)
{
    return p + 2 < len && (unsigned char)s[p] >= 0xEA && (unsigned char)s[p] <= 0xED &&
           kg_u8_syllable((const unsigned char *)s + p);
}

/* The token list being filled, and what the block loops carry from one
 * block to the next: the syllable leads among the three bytes before
 * the block (bits 0..2: positions i - 3 .. i - 1) and whether the byte
 * before it is a digit. */
typedef struct tokscan {
    size_t *tok;
    size_t n, cap;
    unsigned pl, pd;
    uint64_t *re; /* kg_tctx's runend, zeroed */
} tokscan;

/* Notes the run ends of a block at i (bit b of m: position i + b) in
 * the bitmap. Every body (AVX2, SSE2, the bytes after the blocks) notes
 * them for its own positions, by the same definition (kg_tctx's
 * runend): the actor finder reads its run ends there only, and the
 * tokens test compares kg_run_end with kg_hangul_run_end at every
 * character, which a -DKG_NO_AVX2 build runs for the SSE2 body. */
static inline void note_ends(uint64_t *re, size_t i, uint32_t m)
{
    size_t w = i >> 6, o = i & 63;
    re[w] |= (uint64_t)m << o;
    /* the bits past the word's end into the next, without a branch
     * (whether they are any follows i, which the predictor missed a
     * quarter of the time): none while o <= 32, and the shift is split
     * so that it stays below 64 at o = 0; the bitmap has a word to
     * spare */
    re[w + 1] |= ((uint64_t)m >> 1) >> (63 - o);
}

/* Room for k more tokens. */
static inline void tok_room(tokscan *ts, size_t k)
{
    if (ts->n + k > ts->cap) {
        ts->cap = ts->cap * 2 + k;
        ts->tok = kg_xrealloc(ts->tok, ts->cap * sizeof *ts->tok);
    }
}

/* The token list and run-end bitmap of a text of len bytes: the list
 * with room for len / 16 + 32 tokens to start with, the bitmap zeroed.
 * From the thread's buffers when c has them (c->scr: kg_tag_text), else
 * the caller's to free. */
static void tok_buffers(kg_tctx *c, tokscan *ts, size_t len)
{
    struct kg_tscratch *x = c->scr;
    size_t want = len / 16 + 32, words = (len >> 6) + 2;
    if (!x) {
        ts->tok = kg_xmalloc(want * sizeof *ts->tok);
        ts->cap = want;
        ts->re = kg_xcalloc(words, sizeof *ts->re);
        return;
    }
    if (x->tok_cap < want) {
        free(x->tok);
        x->tok = kg_xmalloc(want * sizeof *x->tok);
        x->tok_cap = want;
    }
    if (x->re_words < words) {
        free(x->re);
        x->re = kg_xmalloc(words * sizeof *x->re);
        x->re_words = words;
    }
    memset(x->re, 0, words * sizeof *x->re);
    ts->tok = x->tok;
    ts->cap = x->tok_cap;
    ts->re = x->re;
}

/* Appends i + b for each bit b of m, but for a syllable only one that
 * may start a time or a figure. Without a branch on the answer (a word
 * start is kept or not as its syllable says, which no predictor
 * guesses): each position is stored, and the count moves on by tok_keep
 * of the key of its three bytes (0 for a syllable of no time or
 * figure). The three bytes at a position of a block can always be read
 * (the block loops stop 33 or 17 bytes before the end), and the list has
 * room for a token per byte of the chunk (tok_room). */
static inline void keep_tokens(const char *s, size_t i, uint32_t m, tokscan *ts)
{
    const unsigned char *u = (const unsigned char *)s + i;
    size_t *tok = ts->tok, n = ts->n;
    while (m) {
        unsigned b = (unsigned)__builtin_ctz(m);
        m &= m - 1;
        tok[n] = i + b;
        n += tok_keep[tok_key(u + b)];
    }
    ts->n = n;
}

/* The block loops. Of the bytes of a block they find: digits (d), ' $ U
 * (a), bytes from 0x80 (hi), continuation bytes 80..BF (cont), EA..ED
 * (h) and among them the leads of syllables U+AC00..U+D7A3 (syl: EA from
 * EA B0, ED up to ED 9E A3, by signed compares, which order the
 * continuation bytes after a lead as unsigned ones would); then a token
 * is a digit after no digit, ' $ U, or a character's first byte but
 * EA..ED three bytes after a syllable's lead (inside a word). */
enum { TOK_CHUNK = 2048 };

/* The rest of a block of width (32 or 16) positions at i, from the masks
 * its SIMD body made (bit b for i + b): d digits, a the ASCII starts
 * (' $ U), hi bytes from 80, cont continuations, h EA..ED and syl the
 * syllable leads among them. Notes the runs of syllables that end in it,
 * keeps its token starts, and carries to the next block the leads of its
 * last three positions (*pl) and whether its last is a digit (*pd). The
 * AVX2 and SSE2 bodies share it. */
static inline void tok_block(const char *s, size_t i, int width, uint32_t d, uint32_t a, uint32_t hi, uint32_t cont,
                             uint32_t h, uint32_t syl, uint32_t *pl, uint32_t *pd, tokscan *ts)
{
    uint32_t inword = h & ((syl << 3) | *pl);
    uint32_t m = (d & ~((d << 1) | *pd)) | a | (hi & ~cont & ~inword);
    /* (a run of syllables ends where a lead three bytes back is followed
     * by no lead; in sixteen positions the leads shifted past them are
     * dropped) */
    uint32_t ends = ((syl << 3) | *pl) & ~syl & (width == 32 ? 0xFFFFFFFFu : 0xFFFFu);
    if (ends)
        note_ends(ts->re, i, ends);
    *pl = syl >> (width - 3);
    *pd = d >> (width - 1);
    if (m)
        keep_tokens(s, i, m, ts);
}

#if KG_HAVE_AVX2
/* Thirty-two positions at a time from i while 34 bytes can be read;
 * returns where it stopped. The list has room for the tokens of
 * TOK_CHUNK bytes at a time, so that the loop calls nothing (a call
 * would cost the constants their registers). */
KG_AVX2_FN static size_t tokens_avx2(const char *s, size_t len, size_t i, tokscan *ts)
{
    /* (few constants, so that all stay in registers: digits as v +
     * 0x46 above 0x75, that is 0x30..0x39 moved to 0x76..0x7F; EA..ED
     * by unsigned min and max with the two ends) */
    const __m256i d46 = _mm256_set1_epi8(0x46), d75 = _mm256_set1_epi8(0x75), quote = _mm256_set1_epi8('\''),
                  dollar = _mm256_set1_epi8('$'), u = _mm256_set1_epi8('U'), mc0 = _mm256_set1_epi8((char)0xC0),
                  xea = _mm256_set1_epi8((char)0xEA), xed = _mm256_set1_epi8((char)0xED),
                  xb0 = _mm256_set1_epi8((char)0xB0), x9e = _mm256_set1_epi8((char)0x9E),
                  xa3 = _mm256_set1_epi8((char)0xA3);
    uint32_t pl = ts->pl, pd = ts->pd;
    size_t end = len >= 34 ? len - 33 : 0; /* (the blocks start before end) */
    while (i < end) {
        tok_room(ts, TOK_CHUNK);
        size_t stop = end - i > TOK_CHUNK ? i + TOK_CHUNK : end;
        for (; i < stop; i += 32) {
            __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
            __m256i v1 = _mm256_loadu_si256((const __m256i *)(const void *)(s + i + 1));
            __m256i v2 = _mm256_loadu_si256((const __m256i *)(const void *)(s + i + 2));
            uint32_t d = (uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(_mm256_add_epi8(v, d46), d75));
            uint32_t a = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(
                _mm256_cmpeq_epi8(v, quote), _mm256_or_si256(_mm256_cmpeq_epi8(v, dollar), _mm256_cmpeq_epi8(v, u))));
            uint32_t hi = (uint32_t)_mm256_movemask_epi8(v);
            uint32_t cont = (uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(mc0, v));
            __m256i hl = _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_max_epu8(v, xea), v),
                                              _mm256_cmpeq_epi8(_mm256_min_epu8(v, xed), v));
            __m256i bad = kg_syl_bad_avx2(v, v1, v2, xea, xed, xb0, x9e, xa3);
            uint32_t h = (uint32_t)_mm256_movemask_epi8(hl), syl = (uint32_t)_mm256_movemask_epi8(_mm256_andnot_si256(bad, hl));
            tok_block(s, i, 32, d, a, hi, cont, h, syl, &pl, &pd, ts);
        }
    }
    ts->pl = pl;
    ts->pd = pd;
    return i;
}
#endif

#ifdef __SSE2__
/* Sixteen positions at a time from i while 18 bytes can be read (the
 * list grown as there). */
static size_t tokens_sse2(const char *s, size_t len, size_t i, tokscan *ts)
{
    const __m128i d0 = _mm_set1_epi8('0' - 1), d9 = _mm_set1_epi8('9' + 1), quote = _mm_set1_epi8('\''),
                  dollar = _mm_set1_epi8('$'), u = _mm_set1_epi8('U'), mc0 = _mm_set1_epi8((char)0xC0),
                  xe9 = _mm_set1_epi8((char)0xE9), xee = _mm_set1_epi8((char)0xEE), xea = _mm_set1_epi8((char)0xEA),
                  xed = _mm_set1_epi8((char)0xED), xb0 = _mm_set1_epi8((char)0xB0), x9e = _mm_set1_epi8((char)0x9E),
                  xa3 = _mm_set1_epi8((char)0xA3);
    uint32_t pl = ts->pl, pd = ts->pd;
    size_t end = len >= 18 ? len - 17 : 0; /* (the blocks start before end) */
    while (i < end) {
        tok_room(ts, TOK_CHUNK);
        size_t stop = end - i > TOK_CHUNK ? i + TOK_CHUNK : end;
        for (; i < stop; i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
            __m128i v2 = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 2));
            uint32_t d = (uint32_t)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, d0), _mm_cmplt_epi8(v, d9)));
            uint32_t a = (uint32_t)_mm_movemask_epi8(
                _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_or_si128(_mm_cmpeq_epi8(v, dollar), _mm_cmpeq_epi8(v, u))));
            uint32_t hi = (uint32_t)_mm_movemask_epi8(v);
            uint32_t cont = (uint32_t)_mm_movemask_epi8(_mm_cmplt_epi8(v, mc0));
            __m128i hl = _mm_and_si128(_mm_cmpgt_epi8(v, xe9), _mm_cmplt_epi8(v, xee));
            __m128i bad = kg_syl_bad_sse2(v, v1, v2, xea, xed, xb0, x9e, xa3);
            uint32_t h = (uint32_t)_mm_movemask_epi8(hl), syl = (uint32_t)_mm_movemask_epi8(_mm_andnot_si128(bad, hl));
            tok_block(s, i, 16, d, a, hi, cont, h, syl, &pl, &pd, ts);
        }
    }
    ts->pl = pl;
    ts->pd = pd;
    return i;
}
#endif

void kg_tctx_tokens(kg_tctx *c)
{
    pthread_once(&tok_syl_once, tok_syl_init);
    const char *s = c->s;
    size_t len = c->len;
    tokscan ts = { NULL, 0, 0, 0, 0, NULL };
    /* (bits 0..len, and a word to spare for note_ends) */
    tok_buffers(c, &ts, len);
    size_t i = 0;
#ifdef __SSE2__
    /* the blocks from i = 3 (a syllable three bytes back is looked at) */
    for (; i < 3 && i < len; i++)
        if (is_token(s, len, i))
            ts.tok[ts.n++] = i;
    for (size_t k = 0; k < 3 && k + 2 < len; k++)
        if ((unsigned char)s[k] >= 0xEA && (unsigned char)s[k] <= 0xED && kg_u8_syllable((const unsigned char *)s + k))
            ts.pl |= 1u << k;
    ts.pd = len > 2 && s[2] >= '0' && s[2] <= '9';
#if KG_HAVE_AVX2
    if (kg_avx2())
        i = tokens_avx2(s, len, i, &ts);
#endif
    i = tokens_sse2(s, len, i, &ts);
#endif
    /* (the blocks noted the run ends before i; position i - 3 may be
     * a lead, i - 2 and i - 1 are none at a run's end) */
    for (size_t p = i; p <= len; p++)
        if (p >= 3 && syl_lead(s, len, p - 3) && !syl_lead(s, len, p))
            ts.re[p >> 6] |= (uint64_t)1 << (p & 63);
    for (; i < len; i++) {
        if (!is_token(s, len, i))
            continue;
        tok_room(&ts, 1);
        ts.tok[ts.n++] = i;
    }
    /* (the list may have grown: the thread keeps it as it is now) */
    if (c->scr) {
        c->scr->tok = ts.tok;
        c->scr->tok_cap = ts.cap;
    }
    c->tok = ts.tok;
    c->n_tok = ts.n;
    c->runend = ts.re;
}

int kg_tctx_taken(const kg_tctx *c, size_t a, size_t b)
{
    size_t n = c->n_taken / 2;
    if (!c->taken_start) {
        for (size_t i = 0; i < n; i++)
            if (c->taken[2 * i] < b && a < c->taken[2 * i + 1])
                return 1;
        return 0;
    }
    /* some range overlaps [a, b) iff among those starting before b (a
     * prefix of the starts ascending) one ends after a */
    if (n == 0)
        return 0;
    /* lo = how many start before b, by halving without a branch on the
     * answer (a conditional move: the answers follow the text, which no
     * predictor guesses) */
    const size_t *base = c->taken_start;
    size_t len = n;
    while (len > 1) {
        size_t half = len / 2;
        base = base[half] < b ? base + half : base;
        len -= half;
    }
    size_t lo = (size_t)(base - c->taken_start) + (*base < b);
    return lo > 0 && c->taken_maxend[lo - 1] > a;
}

static int cmp_range_start(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    return a < b ? -1 : a > b;
}

void kg_tctx_index_taken(kg_tctx *c)
{
    size_t n = c->n_taken / 2;
    if (n == 0)
        return;
    /* the times are found left to right, so the ranges come sorted; a
     * copy is sorted anyway if not (the answer does not depend on order) */
    size_t *pairs = c->taken;
    int sorted = 1;
    for (size_t i = 1; i < n && sorted; i++)
        sorted = pairs[2 * (i - 1)] <= pairs[2 * i];
    if (!sorted) {
        pairs = kg_xmalloc(2 * n * sizeof *pairs);
        memcpy(pairs, c->taken, 2 * n * sizeof *pairs);
        qsort(pairs, n, 2 * sizeof *pairs, cmp_range_start);
    }
    /* (in one block: the thread's when c has its buffers, else c's) */
    struct kg_tscratch *x = c->scr;
    if (x && x->tidx_cap < 2 * n) {
        free(x->tidx);
        x->tidx = kg_xmalloc(2 * n * sizeof *x->tidx);
        x->tidx_cap = 2 * n;
    }
    c->taken_start = x ? x->tidx : kg_xmalloc(2 * n * sizeof *c->taken_start);
    c->taken_maxend = c->taken_start + n;
    size_t maxend = 0;
    for (size_t i = 0; i < n; i++) {
        c->taken_start[i] = pairs[2 * i];
        if (pairs[2 * i + 1] > maxend)
            maxend = pairs[2 * i + 1];
        c->taken_maxend[i] = maxend;
    }
    if (pairs != c->taken)
        free(pairs);
}

void kg_tctx_free_taken(kg_tctx *c)
{
    /* (with c->scr the index is in its buffer, and the list goes back
     * there) */
    if (!c->scr)
        free(c->taken_start);
    if (c->scr && !c->scr->taken) {
        c->scr->taken = c->taken;
        c->scr->taken_cap = c->cap_taken;
    } else
        free(c->taken);
    c->taken = c->taken_start = c->taken_maxend = NULL;
    c->n_taken = c->cap_taken = 0;
}

/* 1 if a word of grammar units: sentence_terms (징역, 금고) ends just
 * before i, glued or before one space, and starts a token: 징역 8월 and
 * 징역 1년6월 are terms of a sentence (durations), no months. */
static const char *const *sentence_terms;
static pthread_once_t terms_once = PTHREAD_ONCE_INIT;

static void terms_init(void)
{
    sentence_terms = kg_gram_words("units", "sentence_terms");
}

int kg_term_before(const char *s, size_t i)
{
    /* (the list looked up once: a lookup costs more than the rest) */
    pthread_once(&terms_once, terms_init);
    const char *const *w = sentence_terms;
    size_t j = i > 0 && s[i - 1] == ' ' ? i - 1 : i;
    if (j < i && j > 0 && (unsigned char)s[j - 1] >= 0x80) {
        /* 징역 2년 6월: over the years of the term, a token led by a digit */
        size_t b = j;
        while (b > 0 && s[b - 1] != ' ')
            b--;
        size_t d = b;
        while (d < j && s[d] >= '0' && s[d] <= '9')
            d++;
        /* digits and one syllable (2년), no particle after it (3년을 6월에) */
        if (d > b && j - d == 3)
            j = b > 0 && s[b - 1] == ' ' ? b - 1 : b;
    }
    for (size_t k = 0; w && w[k]; k++) {
        size_t n = strlen(w[k]);
        if (j >= n && !memcmp(s + j - n, w[k], n) && kg_tok_start(s, j - n))
            return 1;
    }
    return 0;
}
