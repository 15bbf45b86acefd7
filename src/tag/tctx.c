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
#include "tagint.h"

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

kg_mention *kg_tctx_add(kg_tctx *c, kg_mention_kind kind, size_t ns, size_t ne)
{
    kg_mentions *m = c->out;
    KG_VEC_PUSH(m->v, m->n, m->cap);
    kg_mention *x = &m->v[m->n++];
    memset(x, 0, sizeof *x);
    x->kind = kind;
    x->nstart = ns;
    x->nend = ne;
    x->start = kg_text_src_offset(c->t, ns);
    x->end = kg_text_src_offset(c->t, ne);
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

/* tok_syl as a byte per syllable (1: it may start a time or a figure),
 * for the SIMD pass: one load where the set takes a shift and a mask. */
static unsigned char tok_syl_byte[KG_NSYL];

static void tok_syl_init(void)
{
    kg_tctx_first_syls(&tok_syl, "times");
    kg_tctx_first_syls(&tok_syl, "units");
    for (uint32_t c = 0; c < KG_NSYL; c++)
        tok_syl_byte[c] = (tok_syl.bits[c >> 3] >> (c & 7)) & 1;
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

/* Appends i + b for each bit b of m, but for a syllable (bit b of lead)
 * only one that may start a time or a figure. A lead bit is a whole
 * syllable (kg_syl_leads checked its three bytes, all inside the text):
 * its index is read straight from them. */
static size_t keep_tokens(const char *s, size_t i, unsigned m, unsigned lead, size_t *tok, size_t n)
{
    const unsigned char *u = (const unsigned char *)s + i;
    while (m) {
        unsigned b = (unsigned)__builtin_ctz(m);
        m &= m - 1;
        if (((lead >> b) & 1) && !tok_syl_byte[kg_u8_syl_index(u + b)])
            continue;
        tok[n++] = i + b;
    }
    return n;
}

void kg_tctx_tokens(kg_tctx *c)
{
    pthread_once(&tok_syl_once, tok_syl_init);
    const char *s = c->s;
    size_t len = c->len, n = 0, cap = len / 16 + 16;
    size_t *tok = kg_xmalloc(cap * sizeof *tok);
    size_t i = 0;
#ifdef __SSE2__
    /* sixteen positions at a time from i = 3 (a syllable three bytes
     * back is looked at), while 18 bytes can be read */
    for (; i < 3 && i < len; i++)
        if (is_token(s, len, i))
            tok[n++] = i;
    const __m128i mc0 = _mm_set1_epi8((char)0xC0), xea = _mm_set1_epi8((char)0xEA), xed = _mm_set1_epi8((char)0xED),
                  d0 = _mm_set1_epi8('0' - 1), d9 = _mm_set1_epi8('9' + 1), quote = _mm_set1_epi8('\''),
                  dollar = _mm_set1_epi8('$'), u = _mm_set1_epi8('U');
    /* syllable leads of the block before, for the look three bytes
     * back: bits 13..15 are positions i - 3 .. i - 1 */
    unsigned prev_leads = 0;
    for (size_t k = 0; k < 3 && k + 2 < len; k++)
        if ((unsigned char)s[k] >= 0xEA && (unsigned char)s[k] <= 0xED && kg_u8_syllable((const unsigned char *)s + k))
            prev_leads |= 1u << (13 + k);
    for (; i + 18 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i vp = _mm_loadu_si128((const __m128i *)(const void *)(s + i - 1));
        /* digits (signed compares: bytes >= 0x80 are below '0') */
        __m128i dig = _mm_and_si128(_mm_cmpgt_epi8(v, d0), _mm_cmplt_epi8(v, d9));
        __m128i dig_before = _mm_and_si128(_mm_cmpgt_epi8(vp, d0), _mm_cmplt_epi8(vp, d9));
        __m128i ascii = _mm_or_si128(_mm_andnot_si128(dig_before, dig),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                                  _mm_or_si128(_mm_cmpeq_epi8(v, dollar), _mm_cmpeq_epi8(v, u))));
        /* other character starts: bytes >= 0xC0 */
        __m128i lead = _mm_cmpeq_epi8(_mm_and_si128(v, mc0), mc0);
        /* EA..ED (unsigned compares by max and min) after a syllable */
        __m128i hl = _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, xea), v), _mm_cmpeq_epi8(_mm_min_epu8(v, xed), v));
        unsigned leads = (unsigned)_mm_movemask_epi8(kg_syl_leads(s + i));
        unsigned back = ((leads << 3) | (prev_leads >> 13)) & 0xFFFFu;
        prev_leads = leads;
        unsigned inword = (unsigned)_mm_movemask_epi8(hl) & back;
        unsigned syl = leads & ~inword;
        unsigned m = ((unsigned)_mm_movemask_epi8(ascii) | ((unsigned)_mm_movemask_epi8(lead) & ~inword)) & 0xFFFFu;
        if (!m)
            continue;
        if (n + 16 > cap) {
            cap = cap * 2 + 16;
            tok = kg_xrealloc(tok, cap * sizeof *tok);
        }
        n = keep_tokens(s, i, m, syl, tok, n);
    }
#endif
    for (; i < len; i++) {
        if (!is_token(s, len, i))
            continue;
        if (n == cap) {
            cap = cap * 2 + 16;
            tok = kg_xrealloc(tok, cap * sizeof *tok);
        }
        tok[n++] = i;
    }
    c->tok = tok;
    c->n_tok = n;
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
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->taken_start[mid] < b)
            lo = mid + 1;
        else
            hi = mid;
    }
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
    c->taken_start = kg_xmalloc(n * sizeof *c->taken_start);
    c->taken_maxend = kg_xmalloc(n * sizeof *c->taken_maxend);
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
    free(c->taken);
    free(c->taken_start);
    free(c->taken_maxend);
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
