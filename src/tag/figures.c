/* figures.c - quantities in Korean text: a number (see numbers.c), its
 * unit and its approximation.
 *
 * Units: ISO 4217 codes for money (원 KRW, 달러 $ USD, 위안 元 CNY, 엔 JPY,
 * 유로 EUR ...), % and %p, 배 (x), counters (개 건 명 곳 편 회 대 종 ...;
 * unit "count" with the counter kept), durations (시간 h, 일 day, 주 week,
 * 개월 month, 년 year), sizes (cm km nm 나노 GW ...), GPU hours (gpu-h).
 * Approximations: 약 대략 가량 정도 안팎 내외 전후 쯤 (about), 여 이상 넘는
 * 돌파 초과 남짓 (over), 미만 이하 이내 (under). Ranges 3~6개월 give
 * [3, 6]; 절반 is 50 %, fractions 10분의 1 are multiples (x).
 *
 * Amounts split by a space (9만 9600원, 41조 8000억) are one number
 * (numbers.c); compound durations are one figure in the smaller unit
 * (1년6개월 = 18 month); a minus sign or 영하 makes a number negative;
 * age groups (50대 = [50, 59] year), ages in parentheses (김모(33)씨) and
 * index levels after an index word (코스피 ... 2332.31 pt) are figures.
 *
 * Not figures: years and dates (times.c claims them first), ranks (1위,
 * 톱 10), ordinals (제2, 3번째, 2차, 2기), versions and names (V3, 2.5-맥스,
 * H-1B, G1, 1호), bare numbers without a unit or a Korean multiplier. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "korean/grammar.h"
#include "tagint.h"

typedef struct unitdef {
    const char *w;       /* as written */
    const char *unit;    /* unit written out */
    const char *counter; /* for count */
    int glued_ok;        /* may be followed directly by Hangul (개국 ...) */
    int native_glued;    /* a native numeral may be glued to it (다섯개) */
    int native_only;     /* only after a native numeral (두 사람, 여덟 분기) */
    double min;          /* the least value it counts from (300세대), or 0 */
    int token;           /* the number must start a token (서해5도 is a name) */
    int digits;          /* only after digits (3국; 한 가족 is "a family") */
    int calendar;        /* class calendar_year: a four-digit number before it is a year (2024년) */
    int decade;          /* class decade: tens before it are an age group (20대) */
    int native_none;     /* class native_none: after a native numeral no figure */
    const char *not_when; /* field not_when: no figure when the unit reads this (3주년) */
    unsigned kind;       /* UK_* of unit, set once for the grammar's units (0: work it out, ukind) */
} unitdef;

/* What the readers ask of a unit's name, worked out once per unit of the
 * grammar (fig_syl_init) instead of a strcmp per question: the name is
 * year, month, day, week, min, h, x or quarter; a duration (UK_DURATION);
 * one a smaller duration may follow (compound_big). UK_SET: worked out. */
enum {
    UK_SET = 1, UK_YEAR = 2, UK_MONTH = 4, UK_DAY = 8, UK_WEEK = 16, UK_MIN = 32, UK_H = 64, UK_X = 128,
    UK_QUARTER = 256, UK_BIG = 512,
    UK_DURATION = UK_YEAR | UK_MONTH | UK_MIN | UK_WEEK | UK_DAY | UK_H
};
static unsigned ukind(const unitdef *u);

/* kg_num_scan with a memory of its last answer: word_figure and then
 * figure_at read the number at the same position (the fraction N분의 M,
 * then the figure), and a read costs more than the rest of most tries.
 * One per thread, forgotten when kg_find_figures starts (a new text may
 * sit at the same address). */
typedef struct num_memo {
    const char *s;
    size_t len, i;
    int r;
    kg_num n;
} num_memo;

static _Thread_local num_memo last_num;

static inline __attribute__((always_inline)) int num_scan(const char *s, size_t len, size_t i, kg_num *out)
{
    num_memo *m = &last_num;
    if (m->s != s || m->len != len || m->i != i) {
        m->r = kg_num_scan(s, len, i, &m->n);
        m->s = s;
        m->len = len;
        m->i = i;
    }
    *out = m->n;
    return m->r;
}

/* Per Hangul syllable (cp - 0xAC00), built once by fig_syl_init from
 * the grammar's lists: numbers.c's classes (KG_NUM_SYL_*: a Sino-Korean
 * digit, a small or big multiplier, the start of a native ten or one),
 * FS_TOK in fig_syl, FS_WORDFIG the first syllable of a word figure, and
 * FS_MAY any of those or of the readers' starts that may_figure_hangul
 * tries (a currency sign's lead byte, a word figure, a number in
 * Sino-Korean words, a native numeral). A syllable without FS_MAY
 * starts no figure: one load turns most Hangul tokens away (이번, 일본,
 * 한편 still need the full test). A reader of a new start in Hangul must
 * add its first syllables to FS_MAY. */
enum { FS_TOK = 16, FS_WORDFIG = 32, FS_MAY = 64 };
/* And FS_GOES_ON (numbers.c's KG_NUM_SYL_NATIVE_ON, 128): a native
 * numeral may go on with the syllable, or a unit of class native_glued
 * may start with it (may_figure_hangul: after a native numeral's first
 * syllable, any other syllable leaves the numeral one syllable glued to
 * a word that is no such unit). */
enum { FS_GOES_ON = KG_NUM_SYL_NATIVE_ON };
static unsigned char fig_cls[KG_NSYL];

/* fig_cls of the syllable at s[i], or 0 (no syllable there). */
static inline unsigned fig_cls_at(const char *s, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (i + 2 >= len || u[0] < 0xEA || u[0] > 0xED || !kg_u8_syllable(u))
        return 0;
    return fig_cls[kg_u8_syl_index(u)];
}

/* kg_num_scan_native with a memory of its last answer, as num_scan:
 * may_figure_hangul and then fig_number read the native numeral at the
 * same position. One per thread, forgotten when kg_find_figures starts. */
static _Thread_local num_memo last_native;

static inline __attribute__((always_inline)) int native_scan(const char *s, size_t len, size_t i, kg_num *out)
{
    num_memo *m = &last_native;
    if (m->s != s || m->len != len || m->i != i) {
        m->r = kg_num_scan_native(s, len, i, &m->n);
        m->s = s;
        m->len = len;
        m->i = i;
    }
    *out = m->n;
    return m->r;
}

/* The units (grammar units: units; longer forms first where one is a
 * prefix of another), filled once by fig_syl_init. */
static unitdef *units;
static size_t n_units;

/* Words after a number that make it something else than a figure
 * (grammar units: not_after). */
static const char *const *not_after, *const *not_after_units, *const *over_marks, *const *stay_nights, *const *over_not, *const *span_after,
    *const *fraction_marks;

/* Words glued to a duration that leave it one (grammar units:
 * duration_tails): 15일째, 사흘동안, 징역 2년형. */
static const char *const *duration_tails;

static int isd(char c)
{
    return c >= '0' && c <= '9';
}

static int islat(char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static size_t lit(const char *s, size_t len, size_t i, const char *w)
{
    return kg_lit(s, len, i, w);
}

static int word_end_ok(const char *s, size_t len, size_t e)
{
    size_t n;
    uint32_t cp = kg_u8_at(s, len, e, &n);
    if (!kg_is_hangul(cp))
        return !(cp < 0x80 && (isd((char)cp) || islat((char)cp)));
    size_t end;
    return kg_tail_ok(s, len, e, &end);
}

/* An approximation word and what it says. */
typedef struct approxdef {
    const char *w;
    size_t n;
    kg_approx a;
} approxdef;

/* Approximation words after the figure, after a particle or space
 * (grammar units: approx_after), and before it (approx_before: the word
 * and a space; pre_glued: the words that may also be glued). */
static approxdef *approx_after, *pre_spaced, *pre_glued;
static size_t n_approx_after, n_pre_spaced, n_pre_glued;

/* Korean magnitude words ending a number (grammar units: magnitudes),
 * English ones after a currency sign (scales) and the currency signs
 * before a number (signs, with the lead bytes they start with). */
typedef struct multdef {
    const char *w;
    size_t n;
    double m;
} multdef;
static multdef *magnitudes, *scales;
static size_t n_magnitudes, n_scales;
static unitdef *signs;
static size_t n_signs;
static unsigned char sign_lead[256];

/* Words glued after a counter that still end it (grammar units:
 * unit_tails) and the words before a number that make it a rank or an
 * ordinal (rank_before; class spaced: with a space between). */
static const char *const *unit_tails;
static kg_approx *tail_approx; /* per unit tail: what it says (exact when none) */
/* Marks between the ends of a range (grammar units: range_marks) and
 * the signs of a negative number (minus_signs). */
static const char *const *range_marks, *const *minus_signs;
static size_t *minus_len; /* their lengths */
/* Words after a word figure that make it a rate (grammar units:
 * rate_words): 하루 평균. */
static const char *const *rate_words;
/* Words that name a stock index (grammar units: index_words). */
static const char *const *index_words;
/* Marks glued after an index's round level (grammar units:
 * index_level_marks: 3900선). */
static const char *const *index_level_marks;
/* Words right after the parenthesis of an age (grammar units: age_after). */
static const char *const *age_after;
/* Durations that a smaller one may follow as one figure (grammar units:
 * compound_durations): the larger unit, the smaller, and how many of the
 * smaller make one larger (1년6개월 = 18 month). */
typedef struct compdef {
    const char *big, *small;
    double per;
} compdef;
static compdef *compounds;
static size_t n_compounds;
/* Words after such a duration and a space that add half of it (grammar
 * units: half_words): 1년 반 = 18 month. */
static const char *const *half_words;
typedef struct rankdef {
    const char *w;
    size_t n;
    int glued, spaced; /* may stand right before the number, or a space before it */
} rankdef;
static rankdef *ranks;
static size_t n_ranks;

/* The first syllables of the word figures and of the units a native
 * numeral may be glued to (may_figure_hangul); word_figs_any: a word
 * figure starts with no syllable (then its chain is always walked). */
static kg_sylset wordfig_syl, native_glued_syl;
static int word_figs_any;

/* Words that are figures by themselves (grammar units: word_figures). */
typedef struct wordfig {
    const char *w;
    double v;
    unitdef u;
    int span; /* only before 동안 or 만에 */
} wordfig;
static wordfig *word_figs;
static size_t n_word_figs;

/* The units, the approximation words and the word figures chained by
 * their first character, in list order (the first match in the list
 * wins, and only words with the text's first character can match): a
 * lookup walks one short chain instead of the whole list. Not util's kg_hmap or
 * kg_wordset: those answer "is this whole word in", while here the
 * word's end is unknown (a prefix of the text) and list order decides. */
#define FC_BUCKETS 128
static int unit_head[FC_BUCKETS], approx_head[FC_BUCKETS], wordfig_head[FC_BUCKETS], not_after_head[FC_BUCKETS],
    tails_head[FC_BUCKETS], range_head[FC_BUCKETS];
static int *unit_next, *approx_next, *wordfig_next, *not_after_next, *tails_next,
    *range_next; /* FC_END ends a chain */
#define FC_END (-1)

/* The bucket of the character at w[0..n) (n >= 1). */
static inline unsigned fc_bucket(const unsigned char *w, size_t n)
{
    return kg_first_char_hash(w, n) % FC_BUCKETS;
}

/* Builds a chain table over n words (word k is words(k)). */
static void fc_build(int *head, int *next, size_t n, const char *(*word)(size_t))
{
    int tail[FC_BUCKETS];
    for (size_t b = 0; b < FC_BUCKETS; b++)
        head[b] = tail[b] = FC_END;
    for (size_t k = 0; k < n; k++) {
        const char *w = word(k);
        unsigned b = fc_bucket((const unsigned char *)w, strlen(w));
        next[k] = FC_END;
        if (head[b] < 0)
            head[b] = (int)k;
        else
            next[tail[b]] = (int)k;
        tail[b] = (int)k;
    }
}

static const char *unit_word(size_t k)
{
    return units[k].w;
}

static const char *approx_word(size_t k)
{
    return approx_after[k].w;
}

static const char *wordfig_word(size_t k)
{
    return word_figs[k].w;
}

static const char *not_after_word(size_t k)
{
    return not_after[k];
}

static const char *tail_word(size_t k)
{
    return unit_tails[k];
}

static const char *range_word(size_t k)
{
    return range_marks[k];
}

/* The words of a NULL-terminated list chained by fc_build into head
 * and a new next array. */
static int *fc_build_words(int *head, const char *const *words, const char *(*word)(size_t))
{
    size_t n = 0;
    while (words[n])
        n++;
    int *next = kg_xcalloc(n + 1, sizeof *next);
    fc_build(head, next, n, word);
    return next;
}

/* First word of a chain for the text at s[i..len), or -1. */
static inline int fc_first(const int *head, const char *s, size_t len, size_t i)
{
    if (i >= len)
        return -1;
    return head[fc_bucket((const unsigned char *)s + i, len - i)];
}

/* The word figures that start with a Hangul syllable chained by it, in
 * list order: wordfig_syl_head[c] is the first's index + 1 (0: none),
 * wordfig_syl_next[k] the next one's. At a syllable only those words can
 * match, and their first three bytes are the text's: the rest of each is
 * compared. Elsewhere the chain by first character (wordfig_head) is
 * walked as before. */
static uint32_t wordfig_syl_head[KG_NSYL];
static uint32_t *wordfig_syl_next;
static size_t *wordfig_len;
/* Per syllable, set when a word figure of that syllable has fewer than
 * six bytes (wordfig_short); the words of six bytes or more, a bit per
 * hash of their first two three-byte groups (wordfig_pairs). Where a
 * syllable has long words only and the pair of the text's two groups
 * is not in wordfig_pairs, no word figure starts there: most syllables
 * that start one (이, 사, 하, 한) start other words far more often. */
static kg_sylset wordfig_short;
#define WORDFIG_PAIR_BITS 14
static unsigned char wordfig_pairs[(1u << WORDFIG_PAIR_BITS) / 8];

static unsigned wordfig_pair_hash(uint32_t c, const unsigned char *g)
{
    uint32_t x = ((uint32_t)g[0] << 16) | ((uint32_t)g[1] << 8) | g[2];
    return ((c * 2654435761u) ^ (x * 2246822519u)) >> (32 - WORDFIG_PAIR_BITS);
}

/* 0 when no word figure starts at s[i] (a syllable whose word figures
 * are all long, and the text's pair is none of theirs); else 1. Inlined
 * where most Hangul tokens are tried (may_figure_hangul), before the
 * call of wordfig_at. */
static inline __attribute__((always_inline)) int wordfig_may(const char *s, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (!(i + 2 < len && u[0] >= 0xEA && u[0] <= 0xED && kg_u8_syllable(u)))
        return 1;
    uint32_t c = kg_u8_syl_index(u);
    if ((wordfig_short.bits[c >> 3] >> (c & 7)) & 1)
        return 1;
    if (i + 6 > len)
        return 0; /* (no long word fits) */
    unsigned h = wordfig_pair_hash(c, u + 3);
    return (wordfig_pairs[h >> 3] >> (h & 7)) & 1;
}

/* The first word figure at s[i] after word q (q < 0: the first one), or
 * -1; its end in *e. */
static inline __attribute__((always_inline)) int wordfig_at(const char *s, size_t len, size_t i, int q, size_t *e)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (i + 2 < len && u[0] >= 0xEA && u[0] <= 0xED && kg_u8_syllable(u)) {
        uint32_t c = kg_u8_syl_index(u);
        if (q < 0 && !wordfig_may(s, len, i))
            return -1;
        for (int k = q < 0 ? (int)wordfig_syl_head[c] - 1 : (int)wordfig_syl_next[q] - 1; k >= 0;
             k = (int)wordfig_syl_next[k] - 1) {
            size_t n = wordfig_len[k], b = 3;
            const char *w = word_figs[k].w;
            while (b < n && i + b < len && s[i + b] == w[b])
                b++; /* (byte by byte: most differ at once) */
            if (b == n) {
                *e = i + n;
                return k;
            }
        }
        return -1;
    }
    for (int k = q < 0 ? fc_first(wordfig_head, s, len, i) : wordfig_next[q]; k >= 0; k = wordfig_next[k]) {
        size_t n;
        if ((n = lit(s, len, i, word_figs[k].w))) {
            *e = n;
            return k;
        }
    }
    return -1;
}

/* Words chained by their last byte, in list order: rank_before,
 * minus_before and pre_at look for a word that ends right before a
 * number, and only the words whose last byte is the text's byte there
 * can (most numbers have none such before them: one load turns them
 * away, where a walk over the list compared each word). head[b] is the
 * first word ending in byte b, next[k] the one after word k (-1 ends).
 * Words are never empty (the grammar refuses an empty word). */
typedef struct lbchain {
    int head[256];
    int *next;
} lbchain;

/* Chains the n words of a list (word(k) gives word k and its length,
 * NULL leaves it out). */
static void lb_build(lbchain *c, size_t n, const char *(*word)(size_t, size_t *))
{
    int tail[256];
    for (size_t b = 0; b < 256; b++)
        c->head[b] = tail[b] = -1;
    c->next = kg_xcalloc(n + 1, sizeof *c->next);
    for (size_t k = 0; k < n; k++) {
        size_t l;
        const char *w = word(k, &l);
        c->next[k] = -1;
        if (!w || !l)
            continue;
        unsigned b = (unsigned char)w[l - 1];
        if (c->head[b] < 0)
            c->head[b] = (int)k;
        else
            c->next[tail[b]] = (int)k;
        tail[b] = (int)k;
    }
}

/* pre_spaced and pre_glued chained by their last byte (pre_at). */
static lbchain pre_spaced_chain, pre_glued_chain;

/* The word of pre at s[..i) that starts a token (the space after it
 * included when spaced), or NULL. */

static inline __attribute__((always_inline)) const approxdef *pre_at(const approxdef *pre, size_t npre, int spaced,
                                                                     const char *s, size_t i)
{
    if (spaced && (i == 0 || s[i - 1] != ' '))
        return NULL; /* (no space before: no word of the loop below fits) */
    /* the byte where every word's last byte would be: only the words
     * that end in it are compared (most of the time there are none) */
    size_t at = spaced ? 2 : 1;
    const lbchain *ch = spaced ? &pre_spaced_chain : &pre_glued_chain;
    if (i < at)
        return NULL;
    (void)npre;
    for (int k = ch->head[(unsigned char)s[i - at]]; k >= 0; k = ch->next[k]) {
        size_t n = pre[k].n + (spaced ? 1 : 0);
        if (i < n || (spaced && s[i - 1] != ' ') || memcmp(s + i - n, pre[k].w, pre[k].n) != 0)
            continue;
        /* the word itself must start a token */
        if (!kg_tok_start(s, i - n))
            continue;
        return &pre[k];
    }
    return NULL;
}

static inline __attribute__((always_inline)) kg_approx approx_prefix(const char *s, size_t i, size_t *start)
{
    *start = i;
    /* (no word of either list ends before i: pre_at would find none) */
    if (!((i >= 2 && s[i - 1] == ' ' && pre_spaced_chain.head[(unsigned char)s[i - 2]] >= 0) ||
          (i >= 1 && pre_glued_chain.head[(unsigned char)s[i - 1]] >= 0)))
        return KG_APPROX_EXACT;
    for (int spaced = 1; spaced >= 0; spaced--) {
        const approxdef *p = spaced ? pre_at(pre_spaced, n_pre_spaced, 1, s, i) : pre_at(pre_glued, n_pre_glued, 0, s, i);
        if (p) {
            *start = i - p->n - (spaced ? 1 : 0);
            return p->a;
        }
    }
    return KG_APPROX_EXACT;
}

/* The first bytes of the particles of class figure (approx_suffix), and
 * those of the words of approx_after (words are never empty). */
static unsigned char part_first[256], approx_first[256];

/* The particles of class figure (kg_particles_figure, read once) chained
 * by their first character in list order (part_head, part_next), as
 * the lists above: approx_suffix compares only those with the text's
 * first character at j. parts_chained is 0 when a particle is empty
 * (it fits anywhere: the whole list is walked then). */
static const char *const *fig_parts;
static int part_head[FC_BUCKETS], *part_next, parts_chained;

static const char *part_word(size_t k)
{
    return fig_parts[k];
}

/* What an approximation word after a space, after a particle or after
 * nothing at k says (approx_suffix's tries), or -1 for none. */
static inline __attribute__((always_inline)) int approx_word_at(const char *s, size_t len, size_t k)
{
    if (k && k < len && approx_first[(unsigned char)s[k]]) /* (no word starts there otherwise) */
        for (int a = fc_first(approx_head, s, len, k); a >= 0; a = approx_next[a] == FC_END ? -1 : approx_next[a])
            if (lit(s, len, k, approx_after[a].w))
                return (int)approx_after[a].a;
    return -1;
}

static kg_approx approx_suffix(const char *s, size_t len, size_t e)
{
    size_t j = e;
    if (j < len && s[j] == ')')
        j++; /* 7000억 위안(985억 달러)을 넘는 */
    /* a particle may stand between: 4천500개를 넘어섰다 */
    /* (korean.yaml particles of class figure, then a space; or a space
     * alone; or nothing, in that order: nothing, each particle of the
     * list that fits at j, then the space. A particle that does not fit
     * gives no try: only those with the text's first character at j are
     * compared, in list order) */
    int r;
    if ((r = approx_word_at(s, len, j)) >= 0)
        return (kg_approx)r;
    if (j < len && part_first[(unsigned char)s[j]]) {
        if (parts_chained) {
            for (int p = fc_first(part_head, s, len, j); p >= 0; p = part_next[p]) {
                size_t k = lit(s, len, j, fig_parts[p]);
                k = k && k < len && s[k] == ' ' ? k + 1 : 0;
                if ((r = approx_word_at(s, len, k)) >= 0)
                    return (kg_approx)r;
            }
        } else
            for (int p = 0; fig_parts[p]; p++) {
                size_t k = lit(s, len, j, fig_parts[p]);
                k = k && k < len && s[k] == ' ' ? k + 1 : 0;
                if ((r = approx_word_at(s, len, k)) >= 0)
                    return (kg_approx)r;
            }
    }
    if ((r = approx_word_at(s, len, lit(s, len, j, " "))) >= 0)
        return (kg_approx)r;
    return KG_APPROX_EXACT;
}

/* 1 if the unit u that ends at k ends there: % and symbols end anywhere;
 * words must end the word, or be followed by an approximation word or a
 * unit tail glued (5개 남짓, 10개씩, 3억원대, 868건인). */
static inline __attribute__((always_inline)) int unit_ends(const char *s, size_t len, size_t k, const unitdef *u)
{
    if (u->glued_ok || word_end_ok(s, len, k))
        return 1;
    if (ukind(u) & UK_DURATION)
        for (size_t t = 0; duration_tails[t]; t++) {
            size_t q = lit(s, len, k, duration_tails[t]);
            if (q && word_end_ok(s, len, q))
                return 1;
        }
    for (int a = k < len && approx_first[(unsigned char)s[k]] ? fc_first(approx_head, s, len, k) : -1; a >= 0;
         a = approx_next[a] == FC_END ? -1 : approx_next[a])
        if (lit(s, len, k, approx_after[a].w))
            return 1;
    /* (only the tails with the text's first character, in list order) */
    for (int t = fc_first(tails_head, s, len, k); t >= 0; t = tails_next[t])
        if (lit(s, len, k, unit_tails[t]))
            return 1;
    return 0;
}

/* What a unit tail glued at k says (3억원대: about), or exact. */
static inline __attribute__((always_inline)) kg_approx tail_at(const char *s, size_t len, size_t k)
{
    for (int t = fc_first(tails_head, s, len, k); t >= 0; t = tails_next[t])
        if (lit(s, len, k, unit_tails[t]))
            return tail_approx[t];
    return KG_APPROX_EXACT;
}

/* 1 if a unit of unit u may be followed by a smaller duration (1년6개월). */
static int compound_big(const char *unit)
{
    for (size_t k = 0; k < n_compounds; k++)
        if (compounds[k].big[0] == unit[0] && !strcmp(compounds[k].big, unit))
            return 1;
    return 0;
}

/* The UK_* of a unit's name. */
static unsigned unit_kind(const char *unit)
{
    static const struct {
        const char *name;
        unsigned k;
    } names[] = { { "year", UK_YEAR }, { "month", UK_MONTH }, { "day", UK_DAY }, { "week", UK_WEEK },
                  { "min", UK_MIN },   { "h", UK_H },         { "x", UK_X },     { "quarter", UK_QUARTER } };
    unsigned k = UK_SET;
    for (size_t q = 0; q < sizeof names / sizeof *names; q++)
        if (!strcmp(unit, names[q].name))
            k |= names[q].k;
    if (compound_big(unit))
        k |= UK_BIG;
    return k;
}

static unsigned ukind(const unitdef *u)
{
    if (u->kind)
        return u->kind;
    /* (a unit made in the code, kind 0 (cnt, x, months ...): its name is
     * a string literal, so the kind worked out last is kept by the
     * name's address; a unit of kind 0 whose name could change must not
     * come here) */
    static _Thread_local const char *last_unit;
    static _Thread_local unsigned last_kind;
    if (u->unit != last_unit) {
        last_kind = unit_kind(u->unit);
        last_unit = u->unit;
    }
    return last_kind;
}

/* Finds the unit at i (after an optional space); native: the number is a
 * native word (the units of class native_only are tried only then). */
static const unitdef *unit_at(const char *s, size_t len, size_t i, size_t *end, int native)
{
    for (int pass = 0; pass < 2; pass++) {
        size_t j = i;
        if (pass == 1) {
            if (j >= len || s[j] != ' ')
                return NULL;
            j++;
        }
        for (int q = fc_first(unit_head, s, len, j); q >= 0; q = unit_next[q] == FC_END ? -1 : unit_next[q]) {
            const unitdef *u = &units[q];
            size_t k = lit(s, len, j, u->w);
            if (!k || (u->native_only && !native) || (u->digits && native))
                continue;
            /* a duration may be followed by a smaller one: 1년6개월 */
            if (k < len && isd(s[k]) && (ukind(u) & UK_BIG)) {
                *end = k;
                return u;
            }
            if (unit_ends(s, len, k, u)) {
                *end = k;
                return u;
            }
        }
        /* after a space only a few units: 600억 위안, 5000여 개, 260만 GPU 시간 */
    }
    return NULL;
}

static int excluded_after(const char *s, size_t len, size_t e)
{
    for (int k = 0; not_after_units[k]; k++)
        if (lit(s, len, e, not_after_units[k]))
            return 0;
    /* (only the words with the text's first character, in list order) */
    for (int k = fc_first(not_after_head, s, len, e); k >= 0; k = not_after_next[k]) {
        size_t q = lit(s, len, e, not_after[k]);
        /* the word must end there: 1위를 is a rank, 48시간 is not 48시 */
        if (q && word_end_ok(s, len, q))
            return 1;
    }
    return 0;
}

/* 1 if a word of rank_before ends at s[..i): 톱 10, 제2, No.1. Only
 * the words whose last byte is the one before i (glued) or before the
 * space there (spaced) are compared; any one that fits decides, so the
 * order they are compared in does not matter. */
static lbchain rank_glued_chain, rank_spaced_chain;

static int rank_before(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    for (int k = rank_glued_chain.head[(unsigned char)s[i - 1]]; k >= 0; k = rank_glued_chain.next[k]) {
        size_t n = ranks[k].n;
        /* the word must start a token: 데스크톱 3대 is no 톱 3 */
        if (ranks[k].glued && i >= n && !memcmp(s + i - n, ranks[k].w, n) && kg_tok_start(s, i - n))
            return 1;
    }
    if (i < 2 || s[i - 1] != ' ')
        return 0;
    for (int k = rank_spaced_chain.head[(unsigned char)s[i - 2]]; k >= 0; k = rank_spaced_chain.next[k]) {
        size_t n = ranks[k].n;
        if (ranks[k].spaced && i >= n + 1 && !memcmp(s + i - n - 1, ranks[k].w, n) && kg_tok_start(s, i - n - 1))
            return 1;
    }
    return 0;
}

/* Emits a figure; returns the end. */
static void emit(kg_tctx *c, size_t a, size_t b, double v, double vmax, int range, const unitdef *u,
                 kg_approx ap)
{
    kg_mention *m = kg_tctx_add(c, KG_MENTION_FIGURE, a, b);
    m->num = v;
    m->num_max = vmax;
    m->is_range = range;
    m->unit = u ? u->unit : "count";
    m->counter = u ? u->counter : NULL;
    m->approx = ap;
}

/* The trailing big multiplier of a number (1~2조: the 조 applies to 1 too). */
static double trailing_mult(const char *s, size_t len, const kg_num *n)
{
    (void)len;
    if (n->end < 3)
        return 1;
    for (size_t k = 0; k < n_magnitudes; k++)
        if (n->end >= magnitudes[k].n && !memcmp(s + n->end - magnitudes[k].n, magnitudes[k].w, magnitudes[k].n))
            return magnitudes[k].m;
    return 1;
}

/* What figure_at has read so far. The two numbers come last: figure_at
 * clears only the fields before them (each number is written whole by
 * its reader before it is read: n1 by fig_number, n2 only where range
 * is set; clearing the whole struct, 200 bytes, took a rep stos at
 * every try, most of which find no number). */
typedef struct fscan {
    size_t st, start;          /* where the text was looked at; the figure's start */
    size_t e;                  /* end of the first number (and 여) */
    size_t after;              /* end of the number or range: the unit starts here */
    size_t ue;                 /* end of the unit */
    const unitdef *pre_unit;   /* a currency sign before the number */
    const unitdef *u;
    int native, range;
    size_t minus;              /* bytes of a minus sign before the number, or 0 */
    int decade;                /* an age group: 50대 is [50, 59] years */
    kg_approx ap;
    kg_num n1, n2;             /* the number, and the upper end of a range (see above) */
} fscan;

/* The length of a minus sign that ends at s[..i) and starts a token (a
 * negative number: -20.6%), or 0. 3-5 is no minus. */
static lbchain minus_chain; /* minus_signs by their last byte */

static size_t minus_before(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    for (int k = minus_chain.head[(unsigned char)s[i - 1]]; k >= 0; k = minus_chain.next[k]) {
        size_t n = minus_len[k];
        /* (the byte before the last first: "영하 " and "마이너스 " share
         * the space) */
        if (i >= n && (n < 2 || s[i - 2] == minus_signs[k][n - 2]) && !memcmp(s + i - n, minus_signs[k], n) &&
            kg_tok_start(s, i - n) &&
            !(i > n && (s[i - n - 1] == '-' || s[i - n - 1] == '.' || s[i - n - 1] == ',')))
            return n;
    }
    return 0;
}

/* The end of a range mark at s[i] (~, ∼, 〜), or 0. */
static inline __attribute__((always_inline)) size_t range_mark(const char *s, size_t len, size_t i)
{
    for (int k = fc_first(range_head, s, len, i); k >= 0; k = range_next[k]) {
        size_t e = lit(s, len, i, range_marks[k]);
        if (e)
            return e;
    }
    return 0;
}

/* Length of the first word of list that s[a, b) ends with, or 0. */
static size_t ex_ends_which_f(const char *s, size_t a, size_t b, const char *const *list)
{
    for (int k = 0; list && list[k]; k++) {
        size_t n = strlen(list[k]);
        if (b >= a + n && !memcmp(s + b - n, list[k], n))
            return n;
    }
    return 0;
}

/* Articles of a law written with 조, which is also 10^12 (units.yaml
 * article_marks, article_law_ends, article_after): 무역법 301조, 232조에
 * 따라, 301조 조사 are articles, no amounts. */
static const char *const *article_marks, *const *article_law_ends, *const *article_after;

/* 1 if the bare number [st, after) ends in an article mark and is an
 * article: after a word ending in a law's name, or before one of
 * article_after (glued or after a space). */
static int law_article(const char *s, size_t len, size_t st, size_t after)
{
    if (!article_marks || !ex_ends_which_f(s, st, after, article_marks))
        return 0;
    if (st >= 2 && s[st - 1] == ' ') {
        size_t b = st - 1;
        if (ex_ends_which_f(s, 0, b, article_law_ends))
            return 1;
    }
    size_t j = after < len && s[after] == ' ' ? after + 1 : after;
    return kg_lit_any(s, len, after, article_after) || kg_lit_any(s, len, j, article_after);
}

/* figure_at, phase 1: a currency sign, the number (digits or native), and
 * what rules the number out by what is around it. 0 when no figure. */
static int fig_number(const char *s, size_t len, size_t i, fscan *f)
{
    size_t k;
    /* currency before the number (a digit or a Hangul syllable leads no
     * sign of the built-in list) */
    if (sign_lead[(unsigned char)s[i]])
        for (size_t q = 0; q < n_signs; q++)
            if ((k = lit(s, len, i, signs[q].w))) {
                f->pre_unit = &signs[q];
                i = k;
                break;
            }
    if (f->pre_unit && i < len && s[i] == ' ')
        i++;
    if (!num_scan(s, len, i, &f->n1)) {
        if (f->pre_unit || !native_scan(s, len, i, &f->n1))
            return 0;
        f->native = 1;
    }
    if (!f->pre_unit) {
        /* versions, names and codes: V3, H-1B, G1, 2.5-맥스, 5G */
        if (i > 0) {
            char p = s[i - 1];
            /* (an ellipsis before, 급등...72억 위안 or … read as ..., is
             * no decimal point: the number starts here) */
            if (islat(p) || (p == '.' && !(i > 1 && s[i - 2] == '.')) || p == '_' || p == '/' || p == '#')
                return 0;
            if (p == '-' && i > 1 && (islat(s[i - 2]) || isd(s[i - 2])))
                return 0;
            if (!f->native)
                f->minus = minus_before(s, i);
            if (rank_before(s, i))
                return 0;
        }
    }
    size_t e = f->n1.end;
    if (e < len && (s[e] == '-' || s[e] == '.') && e + 1 < len && !isd(s[e + 1]) && s[e + 1] != ' ' &&
        s[e + 1] != '\n' && !(s[e] == '.' && s[e + 1] == '.'))
        return 0; /* 2.5-맥스 */
    if (e < len && islat(s[e])) {
        /* only units glued: 3nm, 5GW, 170cm */
        size_t ue;
        const unitdef *u = unit_at(s, len, e, &ue, 0);
        if (!u || (ue < len && islat(s[ue])))
            return 0;
    }
    f->e = e;
    return 1;
}

/* Phase 2: approximation before the number, 여 after it, and a range
 * (3~6개월, 100억~200억 원); sets f->after. */
static void fig_range(const char *s, size_t len, fscan *f)
{
    size_t k, e = f->e;
    f->ap = KG_APPROX_EXACT;
    f->start = f->st - f->minus;
    if (!f->pre_unit)
        f->ap = approx_prefix(s, f->start, &f->start);
    if (f->n1.over)
        f->ap = KG_APPROX_OVER; /* 1천800여만원 */
    /* 여 (over) before the unit */
    if ((k = kg_lit_any(s, len, e, over_marks)) && !kg_lit_any(s, len, e, over_not)) {
        f->ap = KG_APPROX_OVER;
        e = k;
    }
    f->e = e;
    size_t re = e;
    if (f->native && f->n1.to > f->n1.value) {
        /* a native range word: 두세 차례 */
        f->n2 = f->n1;
        f->n2.value = f->n1.to;
        f->range = 1;
    }
    size_t rm = f->native ? 0 : range_mark(s, len, e);
    if (!rm && !f->native && e < len && s[e] == '-' && !f->n1.has_point && !f->minus)
        rm = e + 1;
    if (rm) {
        size_t j = rm;
        if (j < len && s[j] == ' ')
            j++;
        /* a range goes up: 2002~5년 is no range of years */
        if (num_scan(s, len, j, &f->n2) && f->n2.value >= f->n1.value) {
            f->range = 1;
            re = f->n2.end;
            if ((k = kg_lit_any(s, len, re, over_marks))) {
                f->ap = KG_APPROX_OVER;
                re = k;
            }
        }
    }
    f->after = f->range ? re : e;
}

/* Phase 3 after a currency sign: the unit is the sign's; $1.5 billion
 * scales the number. */
static void fig_sign_unit(const char *s, size_t len, fscan *f)
{
    size_t k;
    f->u = f->pre_unit;
    f->ue = f->after;
    for (size_t q = 0; f->ue < len && s[f->ue] == ' ' && q < n_scales; q++)
        if ((k = lit(s, len, f->ue + 1, scales[q].w))) {
            f->n1.value *= scales[q].m;
            if (f->range)
                f->n2.value *= scales[q].m;
            f->ue = k;
            break;
        }
}

/* 1 if an index word (grammar units: index_words) stands before i in
 * its sentence, at most 160 bytes back: 코스피 지수는 14.90포인트 내린
 * 2332.31로 (a level of the index, in points); with two, also in the
 * sentence before (코스피는 3,029.87에 마쳤다. 3,000선을 되찾은 것은 …),
 * 320 bytes back. */
static int index_before(const char *s, size_t i, int sents)
{
    size_t from = i > 160 * (size_t)sents ? i - 160 * (size_t)sents : 0;
    for (size_t k = i; k > from; k--) {
        char ch = s[k - 1];
        if (ch == '\n' || (ch == '.' && k < i && s[k] == ' ')) {
            if (--sents > 0 && ch != '\n')
                continue;
            from = k;
            break;
        }
    }
    while (from > 0 && ((unsigned char)s[from] & 0xC0) == 0x80)
        from++; /* a character's first byte */
    for (size_t k = 0; index_words[k]; k++) {
        size_t n = strlen(index_words[k]);
        for (size_t q = from; q + n <= i; q++)
            if (!memcmp(s + q, index_words[k], n))
                return 1;
    }
    return 0;
}

/* 1 if the number at s[a..b) is an age in parentheses after a name:
 * 김모(33)씨, 최모 (41)씨, A(57)씨, 이모(71·무직), (본명 박재상·35). The
 * parenthesis opens right after a Hangul syllable or a lone capital
 * letter (one space may stand between), and the number is the first
 * item, or the last after a middle dot, of what it holds; an age under
 * ten only before an honorific (grammar units: age_after). */
static int age_in_parens(const char *s, size_t len, size_t a, size_t b, double age)
{
    size_t n, o;
    if (b >= len || !(s[b] == ')' || s[b] == ',' || lit(s, len, b, "·")))
        return 0;
    if (s[b] != ')') {
        /* more items follow: a word, not a number (3·4번 is a list) */
        size_t q = s[b] == ',' ? b + 1 : lit(s, len, b, "·");
        if (q < len && s[q] == ' ')
            q++;
        if (!kg_is_hangul(kg_u8_at(s, len, q, &n)))
            return 0;
    } else if (age < 10) {
        /* a child's age only before an honorific: B(3)군; 사진(2) is no age */
        int ok = 0;
        for (size_t k = 0; age_after[k] && !ok; k++)
            ok = lit(s, len, b + 1, age_after[k]) != 0;
        if (!ok)
            return 0;
    }
    if (a >= 1 && s[a - 1] == '(') {
        o = a - 1;
    } else if (a >= 2 && lit(s, len, a - 2, "·") && s[b] == ')') {
        /* the last item after a dot: find the parenthesis it is in */
        o = a - 2;
        while (o > 0 && a - o < 48 && s[o] != '(' && s[o] != ')' && s[o] != '\n')
            o--;
        if (s[o] != '(')
            return 0;
    } else {
        return 0;
    }
    if (o >= 1 && s[o - 1] == ' ')
        o--;
    if (o == 0)
        return 0;
    uint32_t cp = kg_u8_at(s, len, kg_u8_prev(s, o), &n);
    if (kg_is_hangul(cp))
        return 1;
    /* a lone capital: A(57)씨 */
    return cp >= 'A' && cp <= 'Z' && kg_tok_start(s, o - 1);
}

/* 1 if an hour of a clock (a digit and 시, glued or before a space) ends
 * just before i: 5시 30분, 10시30분 (3시간 30분 is a duration). */
static const char *const *clock_hours;

/* The currency of a bare amount of at least min (grammar units:
 * bare_money), when no money near it says otherwise. */
typedef struct baremoney {
    const char *unit;
    double min;
} baremoney;
static baremoney *bare_money;
static size_t n_bare_money;
static int clock_minutes(const char *s, size_t i)
{
    size_t j = i;
    if (j > 0 && s[j - 1] == ' ')
        j--;
    for (size_t k = 0; clock_hours[k]; k++) {
        size_t n = strlen(clock_hours[k]);
        if (j > n && !memcmp(s + j - n, clock_hours[k], n) && isd(s[j - n - 1]))
            return 1;
    }
    return 0;
}

/* The end of a word of sentence_months (월) at i that ends a word there
 * (징역 1년6월을), or 0. */
static const char *const *term_months;
static size_t term_month(const char *s, size_t len, size_t i)
{
    for (size_t k = 0; term_months[k]; k++) {
        size_t q = lit(s, len, i, term_months[k]);
        if (q && word_end_ok(s, len, q))
            return q;
    }
    return 0;
}

/* Phase 3 otherwise: the unit after the number, and what rules the figure
 * out by its unit (a year, an age group, a native numeral before a word).
 * 0 when no figure. */
static int fig_unit(const char *s, size_t len, fscan *f)
{
    const kg_num *n1 = &f->n1;
    size_t after = f->after;
    int native = f->native;
    const unitdef *u = unit_at(s, len, after, &f->ue, native);
    /* 1박2일, 2박 3일: the nights of a stay before its days are one
     * figure, the days */
    size_t tm, nk, e2;
    kg_num nd;
    const unitdef *u2;
    if (!u && !native && !f->range && !n1->has_mult && !n1->has_point && (nk = kg_lit_any(s, len, after, stay_nights)) &&
        num_scan(s, len, nk + (nk < len && s[nk] == ' '), &nd) && !nd.has_mult && !nd.has_point && !nd.words &&
        nd.value >= n1->value && (u2 = unit_at(s, len, nd.end, &e2, 0)) && (ukind(u2) & UK_DAY) && s[nd.end] != ' ') {
        f->n1 = nd;
        f->ue = e2;
        f->u = u2;
        return 1;
    }
    /* 징역 8월: months of a sentence */
    if (!u && !native && !f->range && !n1->has_mult && !n1->has_point && (tm = term_month(s, len, after)) &&
        kg_term_before(s, f->st)) {
        static const unitdef months = { "", "month", NULL, 0, 0, 0, 0, 0, 0 };
        f->ue = tm;
        f->u = &months;
        return 1;
    }
    /* a rank, an ordinal, a date part - unless a longer unit starts
     * there (48시간 is no 48시) */
    if (excluded_after(s, len, after) && !(u && f->ue > after && s[after] != ' ' && strlen(u->w) > 3))
        return 0;
    if (u && !f->range && !native) {
        /* a range with the unit on both ends: 17.8%∼45.3%, 32평~62평 */
        size_t j = range_mark(s, len, f->ue), k2;
        kg_num n2;
        if (j && j < len && s[j] == ' ')
            j++;
        if (j && num_scan(s, len, j, &n2) && n2.value >= n1->value && (k2 = lit(s, len, n2.end, u->w)) &&
            unit_ends(s, len, k2, u)) {
            f->n2 = n2;
            f->range = 1;
            f->ue = k2;
        }
    }
    if (u) {
        /* a year is a time, not a duration */
        if ((ukind(u) & UK_YEAR) && u->calendar && !f->range && n1->int_digits == 4 &&
            !n1->has_mult && n1->value >= 1000)
            return 0;
        /* 20대 청년, 40∼50대: an age group, a range of years */
        const kg_num *top = f->range ? &f->n2 : n1;
        if (u->counter && u->decade && !n1->has_mult && !top->has_mult && !native &&
            top->value >= 10 && top->value <= 90 && (int)top->value % 10 == 0 && !top->has_point) {
            static const unitdef years = { "", "year", NULL, 0, 0, 0, 0, 0, 0 };
            f->decade = 1;
            f->u = &years;
            return 1;
        }
        if (u->token && !native && !f->minus && !kg_tok_start(s, f->st))
            return 0;
        /* the least value a counter counts from: 2세대 is a generation */
        if (u->min > 0 && (n1->value < u->min || native))
            return 0;
        /* 한 사람 is someone: native_only counters count from two */
        if (u->native_only && n1->value < 2)
            return 0;
        /* no duration of 억 units: 2000억 달 is money cut short */
        if (ukind(u) & (UK_BIG | UK_MONTH | UK_DAY | UK_WEEK))
            if (n1->value >= 1e8)
                return 0;
        /* 분 as minutes only with digits */
        if (u->native_none && native)
            return 0;
        if (u->not_when && lit(s, len, after, u->not_when))
            return 0;
        /* the minutes of a clock time: 오후 5시 30분 is a time, no figure */
        if ((ukind(u) & UK_MIN) && clock_minutes(s, f->st))
            return 0;
        /* a unit after a space: only money, counters, GPU hours;
         * not "2 일" etc. which are rare and ambiguous */
    } else {
        /* an age in parentheses after a name: 김모(33)씨, A씨(59) */
        static const unitdef age = { "", "year", NULL, 0, 0, 0, 0, 0, 0 };
        if (!n1->has_mult && !native && !f->range && !n1->has_point && !n1->has_comma && !f->minus &&
            n1->int_digits <= 3 && n1->value >= 1 && n1->value <= 120 && age_in_parens(s, len, f->st, after, n1->value)) {
            f->ue = after;
            f->u = &age;
            return 1;
        }
        /* an index level: 2500.31 after 코스피 지수 ... in the sentence,
         * also written with Korean multipliers (2만1천340.16) */
        static const unitdef pts = { "", "pt", NULL, 0, 0, 0, 0, 0, 0 };
        /* (two decimals: with multipliers, the last section's) */
        int dec2 = n1->has_mult ? after >= 3 && s[after - 3] == '.' && isd(s[after - 2]) && isd(s[after - 1])
                                : n1->digits - n1->int_digits == 2;
        if (!native && !f->range && (n1->has_mult ? n1->value >= 100 : n1->has_point && n1->int_digits >= 3) &&
            dec2 && !f->minus && index_before(s, f->st, 1) &&
            (word_end_ok(s, len, after) || (after < len && s[after] == ' '))) {
            f->ue = after;
            f->u = &pts;
            return 1;
        }
        /* a round level of the index with its mark: 코스피가 3900선 아래로
         * (three digits or more, whole; the mark stays out of the figure,
         * as the 선 of 1410원선) */
        size_t lm;
        if (!n1->has_mult && !native && !f->range && !n1->has_point && n1->int_digits >= 3 && !f->minus &&
            (lm = kg_lit_any(s, len, after, index_level_marks)) && (word_end_ok(s, len, lm) || kg_tail_ok(s, len, lm, &lm)) &&
            index_before(s, f->st, 2)) {
            f->ue = after;
            f->u = &pts;
            return 1;
        }
        /* no unit: only numbers with a Korean multiplier count, and
         * not in words alone (이천에서, 사천에: places) */
        if (!n1->has_mult || native || f->range || n1->words)
            return 0;
        if (law_article(s, len, f->st, after))
            return 0;
        f->ue = after;
        static const unitdef cnt = { "", "count", NULL, 0, 0, 0, 0, 0, 0 };
        u = &cnt;
        if (!word_end_ok(s, len, f->ue) && !lit(s, len, f->ue, " "))
            return 0;
    }
    if (native && !(u->counter || (ukind(u) & (UK_X | UK_MONTH | UK_YEAR | UK_WEEK | UK_DAY | UK_H | UK_QUARTER))))
        return 0;
    if (native && f->ue > after && s[after] != ' ' && !u->native_glued)
        return 0; /* 세계: not 3 + 계; 다섯개 is 5 + 개 */
    f->u = u;
    return 1;
}

/* Tries a figure at i: the number, a range, the unit, approximation
 * after it. Returns its end or 0. */
static size_t figure_at(kg_tctx *c, size_t i)
{
    const char *s = c->s;
    size_t len = c->len, k;
    fscan f;
    memset(&f, 0, offsetof(fscan, n1)); /* (n1, n2: see fscan) */
    f.st = i;
    if (!fig_number(s, len, i, &f))
        return 0;
    fig_range(s, len, &f);
    if (f.pre_unit)
        fig_sign_unit(s, len, &f);
    else if (!fig_unit(s, len, &f))
        return 0;
    if (f.native && f.after == f.e && s[f.e] != ' ' && !f.u->native_glued)
        return 0;
    size_t ue = f.ue;
    kg_approx ap = f.ap;
    double v = f.n1.value;
    if (f.minus)
        v = -v;
    if (!f.range && !f.decade && (ukind(f.u) & UK_BIG)) {
        /* a smaller duration may follow as one figure: 1년6개월, 3시간 50분 */
        size_t j = ue + (ue < len && s[ue] == ' ' ? 1 : 0), e2 = 0;
        kg_num n2;
        const unitdef *u2 = NULL;
        if ((ukind(f.u) & UK_YEAR) && j < len && isd(s[j]) && num_scan(s, len, j, &n2) && !n2.has_mult &&
            !n2.has_point && n2.value < 12 && (e2 = term_month(s, len, n2.end)) && kg_term_before(s, f.start)) {
            /* 징역 1년6월: a term in years and months */
            static const unitdef months = { "", "month", NULL, 0, 0, 0, 0, 0, 0 };
            v = v * 12 + n2.value;
            f.u = &months;
            ue = e2;
        } else if (j < len && isd(s[j]) && num_scan(s, len, j, &n2) && !n2.has_mult && !n2.has_point &&
            (u2 = unit_at(s, len, n2.end, &e2, 0)) && s[n2.end] != ' ')
            for (size_t q = 0; q < n_compounds; q++)
                if (!strcmp(compounds[q].big, f.u->unit) && !strcmp(compounds[q].small, u2->unit) &&
                    n2.value < compounds[q].per) {
                    v = v * compounds[q].per + n2.value;
                    f.u = u2;
                    ue = e2;
                    break;
                }
        if (ue < len && isd(s[ue]))
            return 0; /* 1년6 with nothing known after it */
        size_t h;
        if (f.u != u2 && ue < len && s[ue] == ' ' && (h = kg_lit_any(s, len, ue + 1, half_words)) &&
            word_end_ok(s, len, h)) {
            /* 1년 반, 2시간 반: and half of it, in the smaller unit */
            for (size_t q = 0; q < n_compounds; q++) {
                if (strcmp(compounds[q].big, f.u->unit) != 0)
                    continue;
                for (size_t k2 = 0; k2 < n_units; k2++)
                    if (!strcmp(units[k2].unit, compounds[q].small)) {
                        v = v * compounds[q].per + compounds[q].per / 2;
                        f.u = &units[k2];
                        ue = h;
                        break;
                    }
                break;
            }
        }
    }
    if ((k = kg_lit_any(s, len, ue, over_marks))) {
        ap = KG_APPROX_OVER;
        ue = k;
    }
    kg_approx ap2 = approx_suffix(s, len, ue);
    if (ap2 == KG_APPROX_EXACT)
        ap2 = tail_at(s, len, ue);
    if (ap2 != KG_APPROX_EXACT && ap == KG_APPROX_EXACT)
        ap = ap2;
    if (f.decade) {
        /* 50대: [50, 59]; 40∼50대: [40, 59] */
        double top = f.range ? f.n2.value : f.n1.value;
        emit(c, f.start, ue, f.n1.value, top + 9, 1, f.u, ap);
        return ue;
    }
    if (f.range) {
        double m2 = trailing_mult(s, len, &f.n2);
        double v1 = v;
        if (!f.n1.has_mult && m2 > 1 && v1 * m2 <= f.n2.value)
            v1 *= m2;
        emit(c, f.start, ue, v1, f.n2.value, 1, f.u, ap);
    } else {
        emit(c, f.start, ue, v, 0, 0, f.u, ap);
    }
    return ue;
}

/* Words that are figures by themselves. */
static size_t word_figure(kg_tctx *c, size_t i)
{
    const char *s = c->s;
    size_t len = c->len, k;
    static const unitdef x = { "", "x", NULL, 0, 0, 0, 0, 0, 0 };
    /* (only the words with the text's first character, in list order) */
    for (int q = wordfig_at(s, len, i, -1, &k); q >= 0; q = wordfig_at(s, len, i, q, &k)) {
        const wordfig *w = &word_figs[q];
        if (unit_ends(s, len, k, &w->u)) {
            if (w->span && !kg_lit_any(s, len, k, span_after))
                continue;
            /* 하루 평균 300명: a rate, per day */
            int rate = 0;
            for (size_t r = 0; rate_words[r] && !rate; r++)
                rate = k + 1 < len && s[k] == ' ' && lit(s, len, k + 1, rate_words[r]) != 0;
            if (rate)
                continue;
            size_t start;
            kg_approx ap = approx_prefix(s, i, &start);
            kg_approx ap2 = approx_suffix(s, len, k);
            if (ap2 == KG_APPROX_EXACT)
                ap2 = tail_at(s, len, k);
            if (ap2 == KG_APPROX_EXACT)
                for (int a = fc_first(approx_head, s, len, k); a >= 0; a = approx_next[a] == FC_END ? -1 : approx_next[a])
                    if (lit(s, len, k, approx_after[a].w)) {
                        ap2 = approx_after[a].a; /* 절반가량 */
                        break;
                    }
            emit(c, start, k, w->v, 0, 0, &w->u, ap != KG_APPROX_EXACT ? ap : ap2);
            return k;
        }
    }
    /* N분의 M */
    kg_num a, b;
    if (num_scan(s, len, i, &a) && (k = kg_lit_any(s, len, a.end, fraction_marks)) && k < len) {
        size_t j = k;
        if (j < len && s[j] == ' ')
            j++;
        if (num_scan(s, len, j, &b) && a.value > 0) {
            size_t start;
            kg_approx ap = approx_prefix(s, i, &start);
            emit(c, start, b.end, b.value / a.value, 0, 0, &x, ap);
            return b.end;
        }
    }
    return 0;
}

/* The first characters with which a figure written in Hangul (or a
 * currency sign) can start: native and Sino-Korean numbers, 일주일, 절반. */
static kg_sylset fig_syl;
static pthread_once_t fig_syl_once = PTHREAD_ONCE_INIT;

/* A number field of a grammar entry (0 when missing or no number). */
static double num_field(const kg_gram_entry *e, const char *name)
{
    const char *v = kg_gram_field(e, name);
    if (!v)
        return 0;
    char *end;
    double d = strtod(v, &end);
    return end != v && !*end ? d : 0;
}

static kg_approx approx_field(const kg_gram_entry *e)
{
    const char *a = kg_gram_field(e, "approx");
    if (a && !strcmp(a, "over"))
        return KG_APPROX_OVER;
    if (a && !strcmp(a, "under"))
        return KG_APPROX_UNDER;
    return KG_APPROX_ABOUT;
}

static int has_class(const kg_gram_entry *e, const char *cls)
{
    for (const char *const *c = e->classes; *c; c++)
        if (!strcmp(*c, cls))
            return 1;
    return 0;
}

/* Multipliers of a list (entries without a number above 1 are skipped). */
static multdef *mults(const char *key, size_t *n)
{
    const kg_gram_list *l = kg_gram_list_get("units", key);
    multdef *m = kg_xcalloc(l->n + 1, sizeof *m);
    *n = 0;
    for (size_t k = 0; k < l->n; k++) {
        double v = num_field(&l->e[k], "value");
        if (v > 1)
            m[(*n)++] = (multdef){ l->e[k].form, strlen(l->e[k].form), v };
    }
    return m;
}

/* A unit of an entry: unit count (or none) makes the word a counter. */
static unitdef unit_of(const kg_gram_entry *e)
{
    const char *u = kg_gram_field(e, "unit");
    unitdef d = { e->form, u ? u : "count", NULL, has_class(e, "glued"), has_class(e, "native_glued"),
                  has_class(e, "native_only"), num_field(e, "min"), has_class(e, "token"),
                  has_class(e, "digits"), has_class(e, "calendar_year"), has_class(e, "decade"),
                  has_class(e, "native_none"), kg_gram_field(e, "not_when") };
    if (!strcmp(d.unit, "count"))
        d.counter = e->form;
    return d;
}

/* The words of the lists chained by lb_build (NULL: left out). */
static const char *pre_spaced_word(size_t k, size_t *n)
{
    *n = pre_spaced[k].n;
    return pre_spaced[k].w;
}

static const char *pre_glued_word(size_t k, size_t *n)
{
    *n = pre_glued[k].n;
    return pre_glued[k].w;
}

static const char *minus_word(size_t k, size_t *n)
{
    *n = minus_len[k];
    return minus_signs[k];
}

static const char *rank_glued_word(size_t k, size_t *n)
{
    *n = ranks[k].n;
    return ranks[k].glued ? ranks[k].w : NULL;
}

static const char *rank_spaced_word(size_t k, size_t *n)
{
    *n = ranks[k].n;
    return ranks[k].spaced ? ranks[k].w : NULL;
}

static void fig_syl_init(void)
{
    kg_tctx_first_syls(&fig_syl, "units");
    const kg_gram_list *l = kg_gram_list_get("units", "units");
    units = kg_xcalloc(l->n + 1, sizeof *units);
    for (size_t k = 0; k < l->n; k++)
        units[n_units++] = unit_of(&l->e[k]);
    l = kg_gram_list_get("units", "signs");
    signs = kg_xcalloc(l->n + 1, sizeof *signs);
    for (size_t k = 0; k < l->n; k++) {
        signs[n_signs] = unit_of(&l->e[k]);
        signs[n_signs].glued_ok = 1;
        signs[n_signs].counter = NULL;
        sign_lead[(unsigned char)l->e[k].form[0]] = 1;
        n_signs++;
    }
    not_after = kg_gram_words("units", "not_after");
    not_after_units = kg_gram_words("units", "not_after_units");
    over_marks = kg_gram_words("units", "over_marks");
    stay_nights = kg_gram_words("units", "stay_nights");
    over_not = kg_gram_words("units", "over_not");
    span_after = kg_gram_words("units", "span_after");
    fraction_marks = kg_gram_words("units", "fraction_marks");
    duration_tails = kg_gram_words("units", "duration_tails");
    clock_hours = kg_gram_words("units", "clock_hours");
    term_months = kg_gram_words("units", "sentence_months");
    l = kg_gram_list_get("units", "bare_money");
    bare_money = kg_xcalloc(l->n + 1, sizeof *bare_money);
    for (size_t k = 0; k < l->n; k++) {
        bare_money[n_bare_money].unit = l->e[k].form;
        bare_money[n_bare_money++].min = num_field(&l->e[k], "value");
    }
    unit_tails = kg_gram_words("units", "unit_tails");
    l = kg_gram_list_get("units", "unit_tails");
    tail_approx = kg_xcalloc(l->n + 1, sizeof *tail_approx);
    for (size_t k = 0; k < l->n; k++)
        tail_approx[k] = kg_gram_field(&l->e[k], "approx") ? approx_field(&l->e[k]) : KG_APPROX_EXACT;
    range_marks = kg_gram_words("units", "range_marks");
    minus_signs = kg_gram_words("units", "minus_signs");
    size_t nm = 0;
    while (minus_signs[nm])
        nm++;
    minus_len = kg_xcalloc(nm + 1, sizeof *minus_len);
    for (size_t k = 0; k < nm; k++)
        minus_len[k] = strlen(minus_signs[k]);
    lb_build(&minus_chain, nm, minus_word);
    age_after = kg_gram_words("units", "age_after");
    article_marks = kg_gram_words("units", "article_marks");
    article_law_ends = kg_gram_words("units", "article_law_ends");
    article_after = kg_gram_words("units", "article_after");
    index_words = kg_gram_words("units", "index_words");
    index_level_marks = kg_gram_words("units", "index_level_marks");
    rate_words = kg_gram_words("units", "rate_words");
    half_words = kg_gram_words("units", "half_words");
    l = kg_gram_list_get("units", "compound_durations");
    compounds = kg_xcalloc(l->n + 1, sizeof *compounds);
    for (size_t k = 0; k < l->n; k++) {
        const char *sm = kg_gram_field(&l->e[k], "unit");
        double per = num_field(&l->e[k], "value");
        if (sm && per > 1)
            compounds[n_compounds++] = (compdef){ l->e[k].form, sm, per };
    }
    l = kg_gram_list_get("units", "rank_before");
    ranks = kg_xcalloc(l->n + 1, sizeof *ranks);
    for (size_t k = 0; k < l->n; k++) {
        int sp = has_class(&l->e[k], "spaced"), gl = has_class(&l->e[k], "glued");
        ranks[n_ranks++] = (rankdef){ l->e[k].form, strlen(l->e[k].form), gl || !sp, sp };
    }
    lb_build(&rank_glued_chain, n_ranks, rank_glued_word);
    lb_build(&rank_spaced_chain, n_ranks, rank_spaced_word);
    l = kg_gram_list_get("units", "approx_after");
    approx_after = kg_xcalloc(l->n + 1, sizeof *approx_after);
    for (size_t k = 0; k < l->n; k++) {
        approx_after[n_approx_after++] = (approxdef){ l->e[k].form, strlen(l->e[k].form), approx_field(&l->e[k]) };
        approx_first[(unsigned char)l->e[k].form[0]] = 1;
    }
    l = kg_gram_list_get("units", "approx_before");
    pre_spaced = kg_xcalloc(l->n + 1, sizeof *pre_spaced);
    pre_glued = kg_xcalloc(l->n + 1, sizeof *pre_glued);
    for (size_t k = 0; k < l->n; k++) {
        approxdef d = { l->e[k].form, strlen(l->e[k].form), approx_field(&l->e[k]) };
        pre_spaced[n_pre_spaced++] = d;
        if (has_class(&l->e[k], "glued"))
            pre_glued[n_pre_glued++] = d;
    }
    lb_build(&pre_spaced_chain, n_pre_spaced, pre_spaced_word);
    lb_build(&pre_glued_chain, n_pre_glued, pre_glued_word);
    magnitudes = mults("magnitudes", &n_magnitudes);
    scales = mults("scales", &n_scales);
    l = kg_gram_list_get("units", "word_figures");
    word_figs = kg_xcalloc(l->n + 1, sizeof *word_figs);
    for (size_t k = 0; k < l->n; k++) {
        const char *u = kg_gram_field(&l->e[k], "unit");
        word_figs[n_word_figs++] = (wordfig){ l->e[k].form, num_field(&l->e[k], "value"),
                                              { "", u ? u : "count", NULL, 0, 0, 0, 0, 0, 0 },
                                              has_class(&l->e[k], "span") };
    }
    unit_next = kg_xcalloc(n_units + 1, sizeof *unit_next);
    approx_next = kg_xcalloc(n_approx_after + 1, sizeof *approx_next);
    fc_build(unit_head, unit_next, n_units, unit_word);
    fc_build(approx_head, approx_next, n_approx_after, approx_word);
    wordfig_next = kg_xcalloc(n_word_figs + 1, sizeof *wordfig_next);
    fc_build(wordfig_head, wordfig_next, n_word_figs, wordfig_word);
    wordfig_syl_next = kg_xcalloc(n_word_figs + 1, sizeof *wordfig_syl_next);
    wordfig_len = kg_xcalloc(n_word_figs + 1, sizeof *wordfig_len);
    {
        uint32_t *tail = kg_xcalloc(KG_NSYL, sizeof *tail);
        for (size_t k = 0; k < n_word_figs; k++) {
            const unsigned char *w = (const unsigned char *)word_figs[k].w;
            wordfig_len[k] = strlen(word_figs[k].w);
            if (wordfig_len[k] < 3 || w[0] < 0xEA || w[0] > 0xED || !kg_u8_syllable(w))
                continue;
            uint32_t c = kg_u8_syl_index(w);
            if (tail[c])
                wordfig_syl_next[tail[c] - 1] = (uint32_t)(k + 1);
            else
                wordfig_syl_head[c] = (uint32_t)(k + 1);
            tail[c] = (uint32_t)(k + 1);
        }
        free(tail);
    }
    size_t n_not_after = 0;
    while (not_after[n_not_after])
        n_not_after++;
    not_after_next = kg_xcalloc(n_not_after + 1, sizeof *not_after_next);
    fc_build(not_after_head, not_after_next, n_not_after, not_after_word);
    parts_chained = 1;
    for (const char *const *p = kg_particles_figure(); *p; p++) {
        if (!(*p)[0]) {
            memset(part_first, 1, sizeof part_first); /* (an empty one fits anywhere) */
            parts_chained = 0;
        }
        part_first[(unsigned char)(*p)[0]] = 1;
    }
    fig_parts = kg_particles_figure();
    part_next = fc_build_words(part_head, fig_parts, part_word);
    tails_next = fc_build_words(tails_head, unit_tails, tail_word);
    range_next = fc_build_words(range_head, range_marks, range_word);
    for (size_t k = 0; k < n_word_figs; k++) {
        const unsigned char *w = (const unsigned char *)word_figs[k].w;
        if (strlen(word_figs[k].w) >= 3 && w[0] >= 0xEA && w[0] <= 0xED && kg_u8_syllable(w)) {
            kg_sylset_add_first(&wordfig_syl, word_figs[k].w);
            uint32_t c = kg_u8_syl_index(w);
            if (strlen(word_figs[k].w) < 6) {
                wordfig_short.bits[c >> 3] |= (unsigned char)(1u << (c & 7));
            } else {
                unsigned h = wordfig_pair_hash(c, w + 3);
                wordfig_pairs[h >> 3] |= (unsigned char)(1u << (h & 7));
            }
        } else
            word_figs_any = 1;
    }
    /* (a unit that starts with no syllable never follows a glued
     * numeral: a Hangul syllable does) */
    for (size_t k = 0; k < n_units; k++)
        if (units[k].native_glued)
            kg_sylset_add_first(&native_glued_syl, units[k].w);
    /* (after compounds: UK_BIG reads them) */
    for (size_t k = 0; k < n_units; k++)
        units[k].kind = unit_kind(units[k].unit);
    for (size_t k = 0; k < n_signs; k++)
        signs[k].kind = unit_kind(signs[k].unit);
    for (size_t k = 0; k < n_word_figs; k++)
        word_figs[k].u.kind = unit_kind(word_figs[k].u.unit);
    for (unsigned c = 0; c < KG_NSYL; c++) {
        unsigned char u[3] = { (unsigned char)(0xE0 | ((c + 0xAC00) >> 12)),
                               (unsigned char)(0x80 | (((c + 0xAC00) >> 6) & 0x3F)),
                               (unsigned char)(0x80 | ((c + 0xAC00) & 0x3F)) };
        unsigned v = kg_num_syl_class(c);
        if ((fig_syl.bits[c >> 3] >> (c & 7)) & 1)
            v |= FS_TOK;
        if ((wordfig_syl.bits[c >> 3] >> (c & 7)) & 1)
            v |= FS_WORDFIG;
        if ((native_glued_syl.bits[c >> 3] >> (c & 7)) & 1)
            v |= FS_GOES_ON;
        /* (may_figure_hangul's first tests, each by what it reads at the
         * first syllable) */
        if (sign_lead[u[0]] || word_figs_any || (v & (FS_WORDFIG | KG_NUM_SYL_SINO | KG_NUM_SYL_SMALL | KG_NUM_SYL_NATIVE)))
            v |= FS_MAY;
        fig_cls[c] = (unsigned char)v;
    }
}

/* 0 when the Hangul syllable at i (a token fig_first let through)
 * certainly starts no figure: no currency sign, no word figure, no
 * number in Sino-Korean words (kg_num_words_may_start, read here from
 * the same classes in fig_cls), and no native numeral, or one glued to a
 * word that is neither 여 nor a unit of class native_glued (한국, 세계,
 * 두고). word_figure and figure_at read nothing else from a Hangul
 * start, so they would find nothing there; most Hangul tokens (이번,
 * 일본, 한편) are turned away here for a few lookups instead of a full
 * try. */
static int may_figure_hangul(const char *s, size_t len, size_t i)
{
    if (sign_lead[(unsigned char)s[i]])
        return 1;
    unsigned a = fig_cls_at(s, len, i);
    size_t we;
    if ((word_figs_any || (a & FS_WORDFIG)) && wordfig_may(s, len, i) && wordfig_at(s, len, i, -1, &we) >= 0)
        return 1;
    if (a & (KG_NUM_SYL_SINO | KG_NUM_SYL_SMALL)) {
        unsigned b = fig_cls_at(s, len, i + 3);
        if (((a & KG_NUM_SYL_SINO) && (b & KG_NUM_SYL_SMALL)) ||
            ((a & KG_NUM_SYL_SMALL) && (b & (KG_NUM_SYL_SINO | KG_NUM_SYL_SMALL | KG_NUM_SYL_BIG))))
            return 1;
    }
    if (!(a & KG_NUM_SYL_NATIVE))
        return 0;
    /* a syllable after the first that no native numeral goes on with and
     * no native_glued unit starts with (한국, 세계): the numeral read there
     * is that one syllable glued to a word, or none; only 여 right after
     * it makes a figure (as below, without the read) */
    const unsigned char *u1 = (const unsigned char *)s + i + 3;
    if (i + 5 < len && u1[0] >= 0xEA && u1[0] <= 0xED && kg_u8_syllable(u1) &&
        !(fig_cls[kg_u8_syl_index(u1)] & FS_GOES_ON) && !kg_lit_any(s, len, i + 3, over_marks))
        return 0;
    kg_num n;
    if (!native_scan(s, len, i, &n))
        return 0;
    if (!n.glued)
        return 1;
    /* glued (a Hangul syllable at n.end): figure_at needs 여 or a unit
     * of class native_glued right there */
    if (kg_lit_any(s, len, n.end, over_marks))
        return 1;
    if (!kg_sylset_at(&native_glued_syl, s, len, n.end))
        return 0;
    for (int q = fc_first(unit_head, s, len, n.end); q >= 0; q = unit_next[q] == FC_END ? -1 : unit_next[q])
        if (units[q].native_glued && lit(s, len, n.end, units[q].w))
            return 1;
    return 0;
}

static int fig_first(const char *s, size_t len, size_t i)
{
    if (i + 2 >= len)
        return 0;
    if (kg_sylset_at(&fig_syl, s, len, i))
        return 1;
    for (size_t q = 0; sign_lead[(unsigned char)s[i]] && q < n_signs; q++)
        if (kg_at(s, len, i, signs[q].w))
            return 1;
    return 0;
}

/* 1 if unit is money: an ISO 4217 code (three capital letters). */
static int is_money(const char *unit)
{
    return unit && strlen(unit) == 3 && unit[0] >= 'A' && unit[0] <= 'Z' && unit[1] >= 'A' && unit[1] <= 'Z' &&
           unit[2] >= 'A' && unit[2] <= 'Z';
}

/* 1 if a sentence ends in s[a, b): a line break, or . ? ! before a space. */
static int sentence_between(const char *s, size_t a, size_t b)
{
    /* (the marks found sixteen bytes at a time) */
    for (size_t k = kg_find_bytes(s, a, b, "\n.?!", 4, 0); k < b; k = kg_find_bytes(s, k + 1, b, "\n.?!", 4, 0))
        if (s[k] == '\n' || (k + 1 < b && s[k + 1] == ' '))
            return 1;
    return 0;
}

/* A bare amount (41조 8000억, no unit) where the money is known: the
 * currency of the nearest amount of money in its sentence (3조원 가운데
 * 1조); else that of an amount of money of the same value elsewhere in
 * the text (a title's 2조 and the body's 2조원); else, from the least
 * value of grammar units: bare_money on, that currency (a bare number of
 * trillions in Korean news is won). Figures [first, n) of c->out. */
static void bare_money_pass(kg_tctx *c, size_t first)
{
    enum { NEAR = 64, SAME = 4096 }; /* how far to look: hostile text stays linear */
    kg_mention *v = c->out->v;
    size_t n = c->out->n;
    if (n <= first)
        return;
    /* (most texts have no bare amount: then nothing below changes a
     * figure, and their sentences need not be found) */
    size_t a0 = first;
    while (a0 < n &&
           (v[a0].kind != KG_MENTION_FIGURE || strcmp(v[a0].unit, "count") || v[a0].counter || v[a0].is_range))
        a0++;
    if (a0 == n)
        return;
    /* the sentence of each figure, in one pass (figures come in text order) */
    size_t *sid = kg_xcalloc(n - first, sizeof *sid);
    for (size_t a = first + 1; a < n; a++)
        sid[a - first] = sid[a - first - 1] +
                         (v[a].nstart > v[a - 1].nend && sentence_between(c->s, v[a - 1].nend, v[a].nstart));
    for (size_t a = first; a < n; a++) {
        if (v[a].kind != KG_MENTION_FIGURE || strcmp(v[a].unit, "count") || v[a].counter || v[a].is_range)
            continue;
        const char *cur = NULL;
        size_t best = (size_t)-1;
        for (size_t b = a; b > first && a - b < NEAR && sid[b - 1 - first] == sid[a - first]; b--)
            if (v[b - 1].kind == KG_MENTION_FIGURE && is_money(v[b - 1].unit)) {
                best = v[a].nstart - v[b - 1].nend;
                cur = v[b - 1].unit;
                break;
            }
        for (size_t b = a + 1; b < n && b - a < NEAR && sid[b - first] == sid[a - first]; b++)
            if (v[b].kind == KG_MENTION_FIGURE && is_money(v[b].unit)) {
                if (v[b].nstart - v[a].nend < best)
                    cur = v[b].unit;
                break;
            }
        for (size_t b = first; b < n && b - first < SAME && !cur; b++)
            if (b != a && v[b].kind == KG_MENTION_FIGURE && is_money(v[b].unit) && !v[b].is_range &&
                v[b].num == v[a].num)
                cur = v[b].unit;
        for (size_t q = 0; !cur && q < n_bare_money; q++)
            if (v[a].num >= bare_money[q].min)
                cur = bare_money[q].unit;
        if (cur)
            v[a].unit = cur;
    }
    free(sid);
}

void kg_find_figures(kg_tctx *c)
{
    const char *s = c->s;
    size_t len = c->len;
    const kg_text *t = c->t;
    size_t ci = 0, ti = 0, first = c->out->n;
    pthread_once(&fig_syl_once, fig_syl_init);
    last_num.s = NULL;
    last_native.s = NULL;
    /* the tokens: no figure starts inside a Hangul word */
    size_t next = 0, k = 0, i;
    while ((i = kg_tok_next(c, &k, next)) != (size_t)-1) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0xEA && ch <= 0xED) {
            /* a syllable: in fig_syl (else it starts no figure: fig_first
             * would say so) and one that may start a figure by what
             * may_figure_hangul reads first (FS_MAY) */
            unsigned fc = fig_cls_at(s, len, i);
            if (!(fc & FS_TOK) || !(fc & FS_MAY))
                continue;
        } else if (!(isd((char)ch) || sign_lead[ch] || ch >= 0xE0))
            continue;
        /* the cheap tests first (positions in chrome or in a time are
         * skipped below either way) */
        /* (a syllable here is in fig_syl: fig_first would say 1) */
        if (ch >= 0x80 && ((!(ch >= 0xEA && ch <= 0xED && kg_u8_syllable((const unsigned char *)s + i)) &&
                            !fig_first(s, len, i)) ||
                           !kg_tok_start(s, i) || !may_figure_hangul(s, len, i)))
            continue;
        while (ci < t->n_chrome && t->chrome[ci].r.nend <= i)
            ci++;
        if (ci < t->n_chrome && t->chrome[ci].r.nstart <= i) {
            next = t->chrome[ci].r.nend;
            continue;
        }
        while (ti < c->n_taken && c->taken[ti + 1] <= i)
            ti += 2;
        if (ti < c->n_taken && c->taken[ti] <= i) {
            next = c->taken[ti + 1];
            continue;
        }
        if (isd((char)ch) && i > 0 && (isd(s[i - 1]) || s[i - 1] == ','))
            continue;
        size_t e = 0;
        if (ch >= 0x80) {
            e = word_figure(c, i);
            if (!e)
                e = figure_at(c, i);
        } else if (!isd((char)ch)) {
            e = figure_at(c, i); /* a currency sign, or nothing */
        } else {
            e = word_figure(c, i);
            if (!e)
                e = figure_at(c, i);
        }
        if (e)
            next = e;
    }
    bare_money_pass(c, first);
}
