/* chrome.c - page chrome: the lines and tokens of an article that are no
 * article text (menus, share bars, copyright lines, URLs, e-mail
 * addresses, related-news lists, FAQ boxes, teasers), as ranges of the
 * normalised text (see kg/text.h). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "korean/grammar.h"
#include "text/textint.h"
#include "util/simd.h"

typedef struct crange {
    size_t s, e;
    kg_chrome_kind k;
} crange;

typedef struct cvec {
    crange *v;
    size_t n, cap;
} cvec;

static void cv_add(cvec *c, size_t s, size_t e, kg_chrome_kind k)
{
    if (e <= s)
        return;
    KG_VEC_PUSH(c->v, c->n, c->cap);
    c->v[c->n++] = (crange){ s, e, k };
}

/* The grammar's lists (grammar text, see yaml/grammar/text.yaml), looked
 * up once: the words of share bars, menus and widgets (widget_words: a
 * line made only of these, and bullets, is chrome), the end marks, and
 * the headings of related-news lists and FAQ boxes. */
static kg_wordset widget_set;
static const char *const *end_marks;
static size_t end_max; /* the longest end mark */
static const char *const *related_heads;
static const char *const *faq_heads;
/* The first two bytes of the heads, as bits of head_pair (pair_bit: the
 * low four bits of the first byte and the low six of the second): a
 * line whose pair is none of them starts with no head, and its bytes
 * need not be compared with each (most lines start with a Hangul
 * syllable, EA..ED, as most heads do). A head shorter than two bytes
 * would match any pair: then every line is compared (pair_all). */
static uint64_t head_pair[16];
static int pair_all;

static unsigned pair_bit(const char *s)
{
    return ((unsigned)(unsigned char)s[0] & 0x0Fu) << 6 | ((unsigned)(unsigned char)s[1] & 0x3Fu);
}

static void pairs_add(const char *const *heads)
{
    for (const char *const *p = heads; *p; p++) {
        if (!(*p)[0] || !(*p)[1]) {
            pair_all = 1;
            continue;
        }
        unsigned b = pair_bit(*p);
        head_pair[b >> 6] |= (uint64_t)1 << (b & 63);
    }
}
/* The Hangul copyright words (copyright_words: 저작권자, 무단전재 ...) and
 * the distinct three-byte first syllables they start with (at most
 * KO_LEADS: the fast scan compares sixteen positions at a time with each;
 * past that, or for a word that does not start with a three-byte
 * character, every position is compared with every word). */
enum { KO_LEADS = 4 };
static const char *const *ko_marks;
static unsigned char ko_lead[KO_LEADS][3];
static size_t n_ko_lead;
static int ko_scan_all;
/* The second and third bytes of each first syllable as the SIMD scans
 * compare them, filled once with the rest: each byte sixteen times
 * (has_mark's kl), and the pair as sixteen sixteen-bit lanes
 * (has_mark_avx2's kp); an unused lead is 00 00, a pair the normalised
 * text never holds. */
static unsigned char ko_lead_vec[KO_LEADS][2][16];
static unsigned char ko_pair_vec[KO_LEADS][32];
static pthread_once_t words_once = PTHREAD_ONCE_INIT;

static void ko_marks_init(void)
{
    ko_marks = kg_gram_words("text", "copyright_words");
    for (const char *const *p = ko_marks; *p; p++) {
        const unsigned char *w = (const unsigned char *)*p;
        if ((w[0] & 0xF0) != 0xE0 || strlen(*p) < 3) {
            ko_scan_all = 1;
            continue;
        }
        size_t k = 0;
        while (k < n_ko_lead && memcmp(ko_lead[k], w, 3) != 0)
            k++;
        if (k < n_ko_lead)
            continue;
        if (n_ko_lead == KO_LEADS)
            ko_scan_all = 1;
        else
            memcpy(ko_lead[n_ko_lead++], w, 3);
    }
    for (size_t q = 0; q < n_ko_lead; q++) {
        for (int x = 0; x < 2; x++)
            memset(ko_lead_vec[q][x], ko_lead[q][x + 1], 16);
        for (int k = 0; k < 32; k += 2)
            memcpy(ko_pair_vec[q] + k, ko_lead[q] + 1, 2);
    }
}

static void words_init(void)
{
    kg_wordset_build(&widget_set, kg_gram_words("text", "widget_words"));
    end_marks = kg_gram_words("text", "end_marks");
    for (const char *const *p = end_marks; *p; p++)
        if (strlen(*p) > end_max)
            end_max = strlen(*p);
    related_heads = kg_gram_words("text", "related_heads");
    faq_heads = kg_gram_words("text", "faq_heads");
    pairs_add(related_heads);
    pairs_add(faq_heads);
    ko_marks_init();
}

/* All words of the line are widget words (and there is at least one
 * word that is not only a bullet). */
static int line_is_widget(const char *s, size_t ts, size_t te)
{
    if (te - ts > 80)
        return 0; /* checked first: most lines are longer */
    size_t i = ts;
    int words = 0;
    while (i < te) {
        while (i < te && kg_txt_is_sp(s[i]))
            i++;
        size_t j = i;
        while (j < te && !kg_txt_is_sp(s[j]))
            j++;
        if (j > i) {
            /* "\xe2\x80\xa2" is the bullet U+2022 */
            if (!kg_wordset_has(&widget_set, s + i, j - i) &&
                !(j - i == 3 && memcmp(s + i, "\xe2\x80\xa2", 3) == 0))
                return 0;
            words++;
        }
        i = j;
    }
    return words > 0 && te - ts <= 80;
}

/* 1 if a Hangul copyright word (grammar text: copyright_words) starts at
 * s[i] and ends by te. */
static int ko_mark_at(const char *s, size_t te, size_t i)
{
    for (const char *const *p = ko_marks; *p; p++)
        if (kg_at(s, te, i, *p))
            return 1;
    return 0;
}

/* 1 if a copyright mark starts at s[i] (and ends by te): ⓒ © Ⓒ (c) (C)
 * Copyright COPYRIGHT, All rights reserved, or a Hangul one. Only the
 * symbol and Latin marks led by s[i]'s byte are compared. */
static int mark_at(const char *s, size_t te, size_t i)
{
    switch ((unsigned char)s[i]) {
    case 0xC2:
        return kg_at(s, te, i, "\xc2\xa9" /* © */);
    case 0xE2:
        return kg_at(s, te, i, "\xe2\x93\x92" /* ⓒ */) || kg_at(s, te, i, "\xe2\x92\xb8" /* Ⓒ */);
    case '(':
        return kg_at(s, te, i, "(c)") || kg_at(s, te, i, "(C)");
    case 'C':
        return kg_at(s, te, i, "Copyright") || kg_at(s, te, i, "COPYRIGHT");
    case 'A':
        return kg_at(s, te, i, "All rights reserved") || kg_at(s, te, i, "All Rights Reserved");
    default:
        return ko_mark_at(s, te, i);
    }
}

/* 1 if s[a..b) holds a Hangul copyright mark. Candidates are the
 * positions where one of the words' first syllables starts, found sixteen
 * at a time. */
static int has_ko_mark(const char *s, size_t a, size_t b)
{
    size_t i = a;
    if (!*ko_marks)
        return 0;
#ifdef __SSE2__
    if (!ko_scan_all) {
        for (; i + 18 <= b; i += 16) {
            __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
            __m128i v2 = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 2));
            __m128i m = _mm_setzero_si128();
            for (size_t k = 0; k < n_ko_lead; k++) {
                __m128i c0 = _mm_cmpeq_epi8(v0, _mm_set1_epi8((char)ko_lead[k][0]));
                __m128i c1 = _mm_cmpeq_epi8(v1, _mm_set1_epi8((char)ko_lead[k][1]));
                __m128i c2 = _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)ko_lead[k][2]));
                m = _mm_or_si128(m, _mm_and_si128(c0, _mm_and_si128(c1, c2)));
            }
            for (unsigned mask = (unsigned)_mm_movemask_epi8(m); mask; mask &= mask - 1)
                if (ko_mark_at(s, b, i + (size_t)__builtin_ctz(mask)))
                    return 1;
        }
    }
#endif
    for (; i < b; i++)
        if ((unsigned char)s[i] >= 0xC0 && ko_mark_at(s, b, i))
            return 1;
    return 0;
}

/* 1 if s[a..b) holds a copyright mark: the symbol and Latin marks by
 * their lead bytes (Hangul text never has C2 and E2) and the Hangul ones
 * by their first syllables, in one pass sixteen bytes at a time (the
 * answer does not depend on the order of the looks). Else 0, and *tok
 * is 0 when the line has none of the bytes mark_tokens starts at
 * (! h w @): then it need not be looked at again. */
#ifdef __SSE2__
/* has_mark's look at the sixteen positions from s[p] (s[p..p+18) is
 * read): the bytes of the symbol and Latin marks in *sy, the positions
 * whose next two bytes are the second and third of a Hangul mark's
 * first syllable in *ko (its first byte is left to ko_mark_at, which
 * compares the whole word: a few more positions flagged for one
 * compare less a lead; unused leads are 00 00, a pair the normalised
 * text never holds), the bytes mark_tokens starts at in *tk. */
static inline void mark_masks(const char *s, size_t p, const __m128i kl[KO_LEADS][2], unsigned *sy, unsigned *ko,
                              unsigned *tk)
{
    __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(s + p));
    __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(s + p + 1));
    __m128i v2 = _mm_loadu_si128((const __m128i *)(const void *)(s + p + 2));
    __m128i y = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xC2)),
                                          _mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xE2))),
                             _mm_or_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8('(')),
                                          _mm_or_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8('C')),
                                                       _mm_cmpeq_epi8(v0, _mm_set1_epi8('A')))));
    __m128i t = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8('!')), _mm_cmpeq_epi8(v0, _mm_set1_epi8('h'))),
                             _mm_or_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8('w')), _mm_cmpeq_epi8(v0, _mm_set1_epi8('@'))));
    /* (KO_LEADS is 4: unrolled) */
    __m128i k = _mm_or_si128(
        _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(v1, kl[0][0]), _mm_cmpeq_epi8(v2, kl[0][1])),
                     _mm_and_si128(_mm_cmpeq_epi8(v1, kl[1][0]), _mm_cmpeq_epi8(v2, kl[1][1]))),
        _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(v1, kl[2][0]), _mm_cmpeq_epi8(v2, kl[2][1])),
                     _mm_and_si128(_mm_cmpeq_epi8(v1, kl[3][0]), _mm_cmpeq_epi8(v2, kl[3][1]))));
    *sy = (unsigned)_mm_movemask_epi8(y);
    *ko = (unsigned)_mm_movemask_epi8(k);
    *tk = (unsigned)_mm_movemask_epi8(t);
}
#endif

/* 1 if a mark starts at one of the sixteen positions from s[p] that
 * mark_masks flagged (in sy a symbol or Latin one, in ko a Hangul one). */
static int flagged_mark(const char *s, size_t b, size_t p, unsigned sy, unsigned ko)
{
    for (unsigned m = sy | ko; m; m &= m - 1) {
        unsigned bit = m & (0u - m);
        size_t at = p + (size_t)__builtin_ctz(m);
        if (((sy & bit) && mark_at(s, b, at)) || ((ko & bit) && ko_mark_at(s, b, at)))
            return 1;
    }
    return 0;
}

#if KG_HAVE_AVX2
/* has_mark's look at all positions of s[*i..b), 32 at a time (s[0..b + 2)
 * is readable); *i is left at b, or where a mark was found, and *any_tok
 * set when a block holds a byte mark_tokens starts at. The symbol and Latin
 * lead bytes (C2 E2 ( C A) and mark_tokens' (! h w @) are told apart by
 * their two nibbles, each looked up in a table of bits (vpshufb): a bit
 * stands for a set of bytes whose high nibbles and low nibbles are both
 * in its sets, so that it is set for those bytes only (C2 E2; (; A C;
 * !; h; w; @). A Hangul mark's first syllable is found by its second
 * and third bytes as one sixteen-bit lane: the lanes of the load from
 * s[p + 1] are the pairs at the even positions, those of the load from
 * s[p + 2] the pairs at the odd ones. */
KG_AVX2_FN static int has_mark_avx2(const char *s, size_t *ip, size_t b, int *any_tok)
{
    const __m256i lo_tab = _mm256_setr_epi8(0x40, 0x0C, 0x01, 0x04, 0, 0, 0, 0x20, 0x12, 0, 0, 0, 0, 0, 0, 0, 0x40,
                                            0x0C, 0x01, 0x04, 0, 0, 0, 0x20, 0x12, 0, 0, 0, 0, 0, 0, 0),
                  hi_tab = _mm256_setr_epi8(0, 0, 0x0A, 0, 0x44, 0, 0x10, 0x20, 0, 0, 0, 0, 0x01, 0, 0x01, 0, 0, 0,
                                            0x0A, 0, 0x44, 0, 0x10, 0x20, 0, 0, 0, 0, 0x01, 0, 0x01, 0),
                  x0f = _mm256_set1_epi8(0x0F), sym = _mm256_set1_epi8(0x07), tokb = _mm256_set1_epi8(0x78),
                  zero = _mm256_setzero_si256();
    __m256i kp[KO_LEADS];
    for (size_t q = 0; q < KO_LEADS; q++)
        kp[q] = _mm256_loadu_si256((const __m256i *)(const void *)ko_pair_vec[q]);
    size_t i = *ip;
    int tok = 0, hit = 0;
    /* the blocks from i, then the rest as the block of the positions
     * from b - 32, less those looked at already (the caller has b - *ip
     * >= 34). The pairs of a block's last two positions are read from
     * up to two bytes past b, which kg_text_load's text has (the NUL and
     * its padding): a Hangul mark flagged there does not fit before b,
     * which ko_mark_at finds, as it does for any flag. */
    for (int last = 0; !last && i < b;) {
        size_t p = i;
        unsigned keep = 0xFFFFFFFFu;
        if (i + 32 > b) {
            p = b - 32;
            keep <<= i - p;
            last = 1;
        }
        __m256i v0 = _mm256_loadu_si256((const __m256i *)(const void *)(s + p));
        __m256i v1 = _mm256_loadu_si256((const __m256i *)(const void *)(s + p + 1));
        __m256i v2 = _mm256_loadu_si256((const __m256i *)(const void *)(s + p + 2));
        __m256i cls = _mm256_and_si256(_mm256_shuffle_epi8(lo_tab, _mm256_and_si256(v0, x0f)),
                                       _mm256_shuffle_epi8(hi_tab, _mm256_and_si256(_mm256_srli_epi16(v0, 4), x0f)));
        unsigned sy = ~(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256(cls, sym), zero));
        unsigned tk = ~(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256(cls, tokb), zero));
        /* (KO_LEADS is 4: unrolled) */
        __m256i ev = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi16(v1, kp[0]), _mm256_cmpeq_epi16(v1, kp[1])),
                                     _mm256_or_si256(_mm256_cmpeq_epi16(v1, kp[2]), _mm256_cmpeq_epi16(v1, kp[3])));
        __m256i od = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi16(v2, kp[0]), _mm256_cmpeq_epi16(v2, kp[1])),
                                     _mm256_or_si256(_mm256_cmpeq_epi16(v2, kp[2]), _mm256_cmpeq_epi16(v2, kp[3])));
        unsigned ko = ((unsigned)_mm256_movemask_epi8(ev) & 0x55555555u) |
                      (((unsigned)_mm256_movemask_epi8(od) & 0x55555555u) << 1);
        sy &= keep, ko &= keep, tk &= keep;
        tok |= tk != 0;
        if ((sy | ko) && flagged_mark(s, b, p, sy, ko)) {
            hit = 1;
            break;
        }
        i = last ? b : i + 32;
    }
    *ip = i;
    *any_tok |= tok;
    return hit;
}
#endif

/* 1 if s[a..b) holds a copyright mark: the symbol and Latin marks by
 * their lead bytes (Hangul text never has C2 and E2) and the Hangul ones
 * by their first syllables (three bytes each), in one pass sixteen bytes
 * at a time (the answer does not depend on the order of the looks). Else
 * 0, and *tok is 0 when the line has none of the bytes mark_tokens
 * starts at (! h w @): then it need not be looked at again. */
static int has_mark(const char *s, size_t a, size_t b, int *tok)
{
    size_t i = a;
    int any_tok = 0;
#if KG_HAVE_AVX2
    if (b - a >= 34 && kg_avx2()) {
        if (has_mark_avx2(s, &i, b, &any_tok))
            return 1;
        *tok = any_tok; /* (all looked at) */
        return 0;
    }
#endif
#ifdef __SSE2__
    __m128i kl[KO_LEADS][2];
    for (size_t q = 0; q < KO_LEADS; q++)
        for (int x = 0; x < 2; x++)
            kl[q][x] = _mm_loadu_si128((const __m128i *)(const void *)ko_lead_vec[q][x]);
    unsigned sy, ko, tk;
    for (; i + 18 <= b; i += 16) {
        mark_masks(s, i, (const __m128i(*)[2])kl, &sy, &ko, &tk);
        any_tok |= tk != 0;
        if ((sy | ko) && flagged_mark(s, b, i, sy, ko))
            return 1;
    }
    if (i < b && b >= 18) {
        /* the rest but its last two bytes (where no Hangul mark fits) as
         * the block of the sixteen positions from b - 18, less those
         * looked at already; s[0..b) is readable */
        size_t p = b - 18;
        mark_masks(s, p, (const __m128i(*)[2])kl, &sy, &ko, &tk);
        unsigned keep = i > p ? (0xFFFFu << (i - p)) & 0xFFFFu : 0xFFFFu;
        sy &= keep, ko &= keep, tk &= keep;
        any_tok |= tk != 0;
        if ((sy | ko) && flagged_mark(s, b, p, sy, ko))
            return 1;
        if (i < b - 2)
            i = b - 2; /* (the last two bytes: the loop below) */
    }
#endif
    for (; i < b; i++) {
        unsigned char c = (unsigned char)s[i];
        any_tok |= c == '!' || c == 'h' || c == 'w' || c == '@';
        if (c == 0xC2 || c == 0xE2 || c == '(' || c == 'C' || c == 'A') {
            if (mark_at(s, b, i))
                return 1;
        }
        if (c >= 0xC0 && ko_mark_at(s, b, i))
            return 1;
    }
    *tok = any_tok;
    return 0;
}

static int line_is_copyright(const char *s, size_t ts, size_t te, int *tok)
{
    if (te - ts > 400)
        return 0;
    if (!ko_scan_all) {
        if (has_mark(s, ts, te, tok))
            return 1;
    } else {
        /* the symbol and Latin marks by their lead bytes, then the
         * Hangul ones at every character */
        for (size_t i = kg_find_bytes(s, ts, te, "\xc2\xe2(CA", 5, 0); i < te;
             i = kg_find_bytes(s, i + 1, te, "\xc2\xe2(CA", 5, 0))
            if (mark_at(s, te, i))
                return 1;
        if (has_ko_mark(s, ts, te))
            return 1;
    }
    /* an end mark alone on its line: (끝) <끝> /끝/ [끝] (END) */
    size_t n = te - ts;
    if (n <= end_max)
        for (const char *const *p = end_marks; *p; p++)
            if (strlen(*p) == n && memcmp(s + ts, *p, n) == 0)
                return 1;
    return 0;
}

static int line_starts(const char *s, size_t ts, size_t te, const char *const *heads, size_t maxlen)
{
    if (te - ts > maxlen)
        return 0;
    /* (s[ts + 1] can be read: a line ends before a newline or the NUL) */
    unsigned b = pair_bit(s + ts);
    if (!pair_all && !((head_pair[b >> 6] >> (b & 63)) & 1))
        return 0;
    for (const char *const *p = heads; *p; p++) {
        /* compared in place, no strlen and memcmp calls: most lines
         * differ from every head in the first bytes */
        const char *h = *p;
        size_t k = 0;
        while (h[k] && ts + k < te && s[ts + k] == h[k])
            k++;
        if (!h[k])
            return 1;
    }
    return 0;
}

/* Marks URLs, markdown images/links and e-mail addresses in [a, b). */
static void mark_tokens(const char *s, size_t a, size_t b, cvec *cv)
{
    for (size_t i = a; i < b; i++) {
        char c = s[i];
        if (c != '!' && c != 'h' && c != 'w' && c != '@') {
            /* nothing below starts elsewhere: jump to the next candidate */
            i = kg_find_bytes(s, i, b, "!hw@", 4, 0);
            if (i >= b)
                break;
            c = s[i];
        }
        if (c == '!' && i + 1 < b && s[i + 1] == '[') {
            /* ![alt](url): the whole thing */
            size_t j = i + 2;
            int depth = 1;
            while (j < b && depth) {
                if (s[j] == '[')
                    depth++;
                else if (s[j] == ']')
                    depth--;
                j++;
            }
            if (j < b && s[j] == '(') {
                size_t k = j + 1;
                while (k < b && s[k] != ')' && !kg_txt_is_sp(s[k]))
                    k++;
                if (k < b && s[k] == ')') {
                    cv_add(cv, i, k + 1, KG_CHROME_URL);
                    i = k;
                    continue;
                }
            }
        }
        if ((c == 'h' && (kg_at(s, b, i, "http://") || kg_at(s, b, i, "https://"))) ||
            (c == 'w' && kg_at(s, b, i, "www.") && (i == a || !((s[i - 1] | 0x20) >= 'a' && (s[i - 1] | 0x20) <= 'z')))) {
            size_t j = i;
            while (j < b && !kg_txt_is_sp(s[j]) && (unsigned char)s[j] >= 0x21 && (unsigned char)s[j] < 0x80 &&
                   s[j] != '"' && s[j] != '<' && s[j] != '>')
                j++;
            while (j > i && (s[j - 1] == ')' || s[j - 1] == '.' || s[j - 1] == ',') &&
                   !(s[j - 1] == ')' && memchr(s + i, '(', j - i)))
                j--;
            cv_add(cv, i, j, KG_CHROME_URL);
            i = j;
            continue;
        }
        if (c == '@' && i > a && i + 1 < b) {
            size_t st = i;
            while (st > a) {
                char p = s[st - 1];
                if ((p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z') || (p >= '0' && p <= '9') ||
                    p == '.' || p == '_' || p == '%' || p == '+' || p == '-')
                    st--;
                else
                    break;
            }
            size_t en = i + 1;
            int dots = 0;
            while (en < b) {
                char p = s[en];
                if ((p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z') || (p >= '0' && p <= '9') || p == '-')
                    en++;
                else if (p == '.' && en + 1 < b && ((s[en + 1] | 0x20) >= 'a' && (s[en + 1] | 0x20) <= 'z')) {
                    dots++;
                    en++;
                } else
                    break;
            }
            if (st < i && dots > 0) {
                cv_add(cv, st, en, KG_CHROME_EMAIL);
                i = en;
            }
        }
    }
}

/* A hash of the n (a multiple of 8) bytes at s, eight at a time: only
 * lines with equal starts must meet, which any hash gives. */
static uint64_t line_key(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    }
    return h;
}

/* A line that a later or earlier longer line starts with (after its
 * trailing ellipsis is dropped) is a teaser or summary box: chrome. An
 * exact copy of another line is not: a caption or a lead printed twice
 * is still the article's text (a reader annotates both). */
#define TEASER_MIN 60
#define TEASER_KEY 48

static void mark_teasers(const char *s, text_line *ln, size_t nl, const unsigned char *is_chrome, cvec *cv,
                         kg_txt_scratch *scr)
{
    size_t nlong = 0;
    for (size_t i = 0; i < nl; i++)
        if (!is_chrome[i] && ln[i].te - ln[i].ts >= TEASER_MIN)
            nlong++;
    if (nlong < 2)
        return;
    size_t cap = 16;
    while (cap < nlong * 2)
        cap <<= 1;
    /* (the keys, the table and the chains in one block of the thread's:
     * the keys first, where the block's alignment suits them) */
    size_t kw = (nl * sizeof(uint64_t) + sizeof(size_t) - 1) / sizeof(size_t);
    size_t *blk = kg_txt_words(scr, kw + cap + nl);
    uint64_t *keys = (uint64_t *)(void *)blk;
    size_t *tab = blk + kw, *next = tab + cap;
    for (size_t i = 0; i < cap; i++)
        tab[i] = (size_t)-1;
    for (size_t i = 0; i < nl; i++) {
        next[i] = (size_t)-1;
        if (is_chrome[i] || ln[i].te - ln[i].ts < TEASER_MIN)
            continue;
        keys[i] = line_key(s + ln[i].ts, TEASER_KEY);
        size_t h = keys[i] & (cap - 1);
        /* chain lines with the same key through next[], kept in a bucket
         * list headed in tab (open addressing on the key) */
        while (tab[h] != (size_t)-1 && keys[tab[h]] != keys[i])
            h = (h + 1) & (cap - 1);
        if (tab[h] != (size_t)-1) {
            size_t j = tab[h];
            /* compare with every earlier line of the bucket */
            /* the last few lines with the same start are enough (a window
             * of many articles may repeat a boilerplate line thousands of
             * times; comparing each with all would be quadratic) */
            int seen = 0;
            for (size_t k = j; k != (size_t)-1 && seen < 3; k = next[k], seen++) {
                size_t la = ln[k].te - ln[k].ts, lb = ln[i].te - ln[i].ts;
                size_t ka = k, kb = i;
                if (la >= lb) {
                    /* k is the longer: i may be the teaser (equal lines
                     * are both text) */
                    if (la == lb)
                        continue;
                    ka = i;
                    kb = k;
                    size_t t = la;
                    la = lb;
                    lb = t;
                }
                /* ka shorter: drop a trailing ellipsis */
                size_t sl = la;
                const char *sp = s + ln[ka].ts;
                while (sl > 0 && (sp[sl - 1] == '.' || kg_txt_is_sp(sp[sl - 1])))
                    sl--;
                if (sl >= 3 && memcmp(sp + sl - 3, "\xe2\x80\xa6", 3) == 0)
                    sl -= 3;
                if (sl >= TEASER_MIN - 10 && memcmp(sp, s + ln[kb].ts, sl) == 0)
                    cv_add(cv, ln[ka].s, ln[ka].e, KG_CHROME_TEASER);
            }
            next[i] = tab[h];
            tab[h] = i;
        } else {
            tab[h] = i;
        }
    }
}

static int crange_cmp(const void *a, const void *b)
{
    const crange *x = a, *y = b;
    if (x->s != y->s)
        return x->s < y->s ? -1 : 1;
    return x->e < y->e ? 1 : (x->e > y->e ? -1 : 0);
}

static void find_chrome(kg_text *t, text_line *ln, size_t nl, cvec *cv, kg_txt_scratch *scr)
{
    const char *s = t->norm;
    unsigned char *is_chrome = kg_txt_flags(scr, nl ? nl : 1);
    int block = 0; /* 1 related list, 2 faq box */
    for (size_t i = 0; i < nl; i++) {
        size_t ts = ln[i].ts, te = ln[i].te;
        if (ts == te)
            continue;
        if (block == 1) {
            if (te - ts < 160) {
                cv_add(cv, ln[i].s, ln[i].e, KG_CHROME_RELATED);
                is_chrome[i] = 1;
                continue;
            }
            block = 0;
        } else if (block == 2) {
            int qa = (s[ts] == 'Q' || s[ts] == 'A') && ts + 1 < te &&
                     (s[ts + 1] == '.' || s[ts + 1] == ':' || s[ts + 1] == ')' || s[ts + 1] == ' ');
            if (qa || te - ts < 120) {
                cv_add(cv, ln[i].s, ln[i].e, KG_CHROME_FAQ);
                is_chrome[i] = 1;
                continue;
            }
            block = 0;
        }
        int tok = 1; /* the line may hold a URL or an address */
        if (line_is_widget(s, ts, te)) {
            cv_add(cv, ln[i].s, ln[i].e, KG_CHROME_WIDGET);
            is_chrome[i] = 1;
        } else if (line_is_copyright(s, ts, te, &tok)) {
            cv_add(cv, ln[i].s, ln[i].e, KG_CHROME_COPYRIGHT);
            is_chrome[i] = 1;
        } else if (line_starts(s, ts, te, related_heads, 60)) {
            cv_add(cv, ln[i].s, ln[i].e, KG_CHROME_RELATED);
            is_chrome[i] = 1;
            block = 1;
        } else if (line_starts(s, ts, te, faq_heads, 40)) {
            cv_add(cv, ln[i].s, ln[i].e, KG_CHROME_FAQ);
            is_chrome[i] = 1;
            block = 2;
        } else {
            size_t before = cv->n;
            if (tok)
                mark_tokens(s, ts, te, cv);
            /* a line that is nothing but a URL or address */
            size_t covered = 0;
            for (size_t k = before; k < cv->n; k++)
                covered += cv->v[k].e - cv->v[k].s;
            if (cv->n > before && te - ts - covered < 4) {
                cv->n = before;
                cv_add(cv, ln[i].s, ln[i].e, KG_CHROME_URL);
                is_chrome[i] = 1;
            }
        }
    }
    mark_teasers(s, ln, nl, is_chrome, cv, scr);

    /* sort, merge overlaps */
    if (cv->n > 1) {
        qsort(cv->v, cv->n, sizeof *cv->v, crange_cmp);
        size_t w = 0;
        for (size_t i = 0; i < cv->n; i++) {
            if (w && cv->v[i].s < cv->v[w - 1].e) {
                if (cv->v[i].e > cv->v[w - 1].e)
                    cv->v[w - 1].e = cv->v[i].e;
                continue;
            }
            cv->v[w++] = cv->v[i];
        }
        cv->n = w;
    }
}

void kg_txt_chrome(kg_text *t, text_line *ln, size_t nl, int find, kg_txt_scratch *scr)
{
    /* (the ranges in the thread's buffer, which may grow) */
    cvec cv = { scr->ranges, 0, scr->ranges_cap };
    if (find) {
        pthread_once(&words_once, words_init);
        find_chrome(t, ln, nl, &cv, scr);
    }
    t->n_chrome = cv.n;
    /* (none: NULL, as the sentences; every reader stops at n_chrome) */
    t->chrome = cv.n ? kg_xcalloc(cv.n, sizeof *t->chrome) : NULL;
    for (size_t k = 0; k < cv.n; k++) {
        kg_chrome *ch = &t->chrome[k];
        ch->kind = cv.v[k].k;
        ch->r.nstart = cv.v[k].s;
        ch->r.nend = cv.v[k].e;
        ch->r.start = kg_text_src_offset(t, ch->r.nstart);
        ch->r.end = kg_text_src_offset(t, ch->r.nend);
    }
    scr->ranges = cv.v;
    scr->ranges_cap = cv.cap;
}

/* The chrome range holding normalised offset n, or NULL (binary search). */
static const kg_chrome *chrome_at(const kg_text *t, size_t n)
{
    size_t lo = 0, hi = t->n_chrome;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->chrome[mid].r.nend <= n)
            lo = mid + 1;
        else if (t->chrome[mid].r.nstart > n)
            hi = mid;
        else
            return &t->chrome[mid];
    }
    return NULL;
}

int kg_text_in_chrome(const kg_text *t, size_t n)
{
    return chrome_at(t, n) != NULL;
}

size_t kg_text_chrome_end(const kg_text *t, size_t n)
{
    const kg_chrome *c = chrome_at(t, n);
    return c ? c->r.nend : n;
}

const char *kg_chrome_kind_name(kg_chrome_kind k)
{
    static const char *const names[] = { "widget", "url", "email", "copyright", "related", "faq", "teaser" };
    return (unsigned)k < sizeof names / sizeof *names ? names[k] : "chrome";
}

