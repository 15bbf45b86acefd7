/* numbers.c - reading numbers as Korean news writes them: ASCII digits
 * with thousands commas and decimals, Korean multipliers mixed in
 * (600억, 4천500, 3만8210, 12조600억, 1.5조), Sino-Korean numerals in Hangul
 * (삼십, 이백오십) and native Korean number words (두, 세, 열, 스무). */
#include "korean/numbers.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "kg/buf.h"
#include "korean/grammar.h"
#include "korean/hangul.h"

static int is_d(char c)
{
    return c >= '0' && c <= '9';
}

/* 1 if s[i..len) starts with lit. */
static int at(const char *s, size_t len, size_t i, const char *lit)
{
    for (size_t k = 0; lit[k]; k++)
        if (i + k >= len || s[i + k] != lit[k])
            return 0;
    return 1;
}

/* A number word of korean.yaml with its value, in the file's order. */
typedef struct numword {
    const char *w;
    double v;
    int alone; /* class alone: no ones follow it (스무) */
    size_t n;  /* strlen(w) */
} numword;

/* Small multipliers 십 백 천 (x10 x100 x1000), big ones 만 억 조 (경 is
 * left out: 2경기 is two games far more often than 2 x 10^16), Sino-Korean
 * digits, native tens and ones. The multipliers and digits are one
 * syllable each (the rules step over three bytes): other entries are
 * left out. Each list ends with w == NULL. */
static numword *small, *big, *sino, *tens, *ones;
/* Native range words (korean.yaml native_ranges: 두세 is 2 to 3): the
 * word and its lower end as a numword, its upper end in range_to. */
static numword *ranges;
static double *range_to;
static kg_sylset range_syl; /* (load's set; unused: range_head answers) */
/* Approximation marks inside a number, before a big multiplier
 * (korean.yaml number_infixes: 1천800여만, 270여만). */
static const char *const *infixes;
/* The first bytes of the infixes (every byte when one is empty). */
static unsigned char infix_first[256];
/* First syllables of the number words, so that most syllables are
 * turned away by one lookup instead of a compare with every word. */
static kg_sylset mult_syl, big_syl, sino_syl, tens_syl, ones_syl;
static pthread_once_t syl_once = PTHREAD_ONCE_INIT;

/* The entries of korean.yaml KEY that have a number up to max as
 * `value`; one syllable only when syl1. Their first syllables go to set. */
static numword *load(const char *key, int syl1, double max, kg_sylset *set)
{
    const kg_gram_list *l = kg_gram_list_get("korean", key);
    numword *v = kg_xcalloc(l->n + 1, sizeof *v);
    size_t n = 0;
    for (size_t k = 0; k < l->n; k++) {
        const char *w = l->e[k].form, *val = kg_gram_field(&l->e[k], "value");
        char *end;
        if (!val || !*val || !*w)
            continue;
        double x = strtod(val, &end);
        if (*end || !(x >= 0) || x > max)
            continue;
        if (syl1 && !(strlen(w) == 3 && kg_u8_syllable((const unsigned char *)w)))
            continue;
        int alone = 0;
        for (const char *const *c = l->e[k].classes; c && *c; c++)
            alone |= strcmp(*c, "alone") == 0;
        v[n++] = (numword){ w, x, alone, strlen(w) };
        kg_sylset_add_first(set, w);
    }
    return v;
}

/* Per Hangul syllable (cp - 0xAC00): what the one-syllable words read
 * there give (the first word of each list that matches, as word_at reads
 * them): SYL_SINO a Sino-Korean digit of 1 or more, SYL_SMALL and
 * SYL_BIG a multiplier above 0; SYL_NATIVE the first syllable of a
 * native ten or one (kg_num_scan_native reads nothing elsewhere). kg_num_words_may_start reads two
 * entries instead of walking four lists. */
enum { SYL_SINO = KG_NUM_SYL_SINO, SYL_SMALL = KG_NUM_SYL_SMALL, SYL_BIG = KG_NUM_SYL_BIG, SYL_NATIVE = KG_NUM_SYL_NATIVE };
static unsigned char syl_class[KG_NSYL];
/* The native tens and ones chained by their first syllable, in list
 * order: *_head[syllable] and *_next[word] hold a word index + 1 (0
 * ends), so that a syllable is compared with its own words only. */
static uint32_t tens_head[KG_NSYL], ones_head[KG_NSYL], range_head[KG_NSYL];
static uint32_t *tens_next, *ones_next, *range_next;

/* Per Hangul syllable: the index + 1 of the first word of small, big
 * and sino that is that syllable (0: none). The multipliers and digits
 * are one syllable each (load keeps no other), so the first word of a
 * list that matches at a syllable is the first word that is it:
 * small_mult, big_mult and sino_digit read it here in one load instead
 * of walking their list. */
static unsigned char small_first[KG_NSYL], big_first[KG_NSYL], sino_first[KG_NSYL];

/* Fills first[] for list (at most 255 words are indexed; a later one
 * leaves its syllable to the walk: first[] 255 means "walk"). */
static void first_words(const numword *list, unsigned char *first)
{
    size_t k = 0;
    for (const numword *w = list; w->w; w++, k++) {
        const unsigned char *u = (const unsigned char *)w->w;
        if (strlen(w->w) != 3 || u[0] < 0xEA || u[0] > 0xED || !kg_u8_syllable(u))
            continue; /* (load keeps one-syllable words only) */
        uint32_t c = kg_u8_syl_index(u);
        if (!first[c])
            first[c] = (unsigned char)(k + 1 < 255 ? k + 1 : 255);
    }
}

/* Sets bit in syl_class for the syllable of each one-syllable word of
 * list that is the first of the list with that syllable and whose value
 * is at least min. */
static void class_words(const numword *list, unsigned bit, double min)
{
    unsigned char seen[KG_NSYL];
    memset(seen, 0, sizeof seen);
    for (const numword *w = list; w->w; w++) {
        const unsigned char *u = (const unsigned char *)w->w;
        if (strlen(w->w) != 3 || u[0] < 0xEA || u[0] > 0xED || !kg_u8_syllable(u))
            continue; /* (load keeps one-syllable words only) */
        uint32_t c = kg_u8_syl_index(u);
        if (seen[c])
            continue;
        seen[c] = 1;
        if (w->v >= min && w->v > 0)
            syl_class[c] |= (unsigned char)bit;
    }
}

/* Chains the words of list by first syllable (see tens_head); a word
 * that starts with no syllable is never read (kg_num_scan_native only
 * starts at a syllable of the list's set). */
static uint32_t *chain_words(const numword *list, uint32_t *head)
{
    size_t n = 0;
    while (list[n].w)
        n++;
    uint32_t *next = kg_xcalloc(n + 1, sizeof *next), *tail = kg_xcalloc(KG_NSYL, sizeof *tail);
    for (size_t k = 0; k < n; k++) {
        const unsigned char *u = (const unsigned char *)list[k].w;
        if (strlen(list[k].w) < 3 || u[0] < 0xEA || u[0] > 0xED || !kg_u8_syllable(u))
            continue;
        uint32_t c = kg_u8_syl_index(u);
        if (tail[c])
            next[tail[c] - 1] = (uint32_t)(k + 1);
        else
            head[c] = (uint32_t)(k + 1);
        tail[c] = (uint32_t)(k + 1);
    }
    free(tail);
    return next;
}

static void syl_init(void)
{
    small = load("small_multipliers", 1, 1e300, &mult_syl);
    big = load("big_multipliers", 1, 1e300, &big_syl);
    sino = load("sino_digits", 1, 1e6, &sino_syl);
    tens = load("native_tens", 0, 1e6, &tens_syl);
    ones = load("native_ones", 0, 1e6, &ones_syl);
    {
        ranges = load("native_ranges", 0, 1e6, &range_syl);
        const kg_gram_list *l = kg_gram_list_get("korean", "native_ranges");
        size_t n = 0;
        while (ranges[n].w)
            n++;
        range_to = kg_xcalloc(n + 1, sizeof *range_to);
        for (size_t k = 0, q = 0; k < l->n && q < n; k++)
            if (l->e[k].form == ranges[q].w) {
                const char *t = kg_gram_field(&l->e[k], "to");
                range_to[q++] = t ? strtod(t, NULL) : 0;
            }
    }
    infixes = kg_gram_words("korean", "number_infixes");
    for (size_t k = 0; infixes[k]; k++) {
        if (!infixes[k][0])
            memset(infix_first, 1, sizeof infix_first);
        infix_first[(unsigned char)infixes[k][0]] = 1;
    }
    class_words(sino, SYL_SINO, 1);
    class_words(small, SYL_SMALL, 0);
    class_words(big, SYL_BIG, 0);
    first_words(small, small_first);
    first_words(big, big_first);
    first_words(sino, sino_first);
    tens_next = chain_words(tens, tens_head);
    ones_next = chain_words(ones, ones_head);
    range_next = chain_words(ranges, range_head);
    for (uint32_t c = 0; c < KG_NSYL; c++)
        if (tens_head[c] || ones_head[c])
            syl_class[c] |= SYL_NATIVE;
    for (const numword *w = ranges; w->w; w++) {
        const unsigned char *u = (const unsigned char *)w->w;
        if (w->n >= 3 && u[0] >= 0xEA && u[0] <= 0xED && kg_u8_syllable(u))
            syl_class[kg_u8_syl_index(u)] |= SYL_NATIVE;
    }
    /* the syllables a native numeral may go on with after its first
     * (KG_NUM_SYL_NATIVE_ON): the second of each word of two syllables
     * or more, and the first of each one (열두: a one after a ten) */
    const numword *lists[] = { tens, ones, ranges };
    for (size_t q = 0; q < sizeof lists / sizeof *lists; q++)
        for (const numword *w = lists[q]; w->w; w++) {
            const unsigned char *u = (const unsigned char *)w->w + 3;
            if (w->n >= 6 && u[0] >= 0xEA && u[0] <= 0xED && kg_u8_syllable(u))
                syl_class[kg_u8_syl_index(u)] |= KG_NUM_SYL_NATIVE_ON;
        }
    for (uint32_t c = 0; c < KG_NSYL; c++)
        if (ones_head[c])
            syl_class[c] |= KG_NUM_SYL_NATIVE_ON;
}

/* syl_init once, from any thread. The readers run at every number
 * start: a flag set after syl_init (released, read with acquire) turns
 * the pthread_once call into a load once the lists are in. */
static int syl_ready;

static void syl_init_once(void)
{
    syl_init();
    __atomic_store_n(&syl_ready, 1, __ATOMIC_RELEASE);
}

static inline void syl_need(void)
{
    if (!__atomic_load_n(&syl_ready, __ATOMIC_ACQUIRE))
        pthread_once(&syl_once, syl_init_once);
}

/* syl_class of the syllable at s[i], or 0. */
static unsigned syl_class_at(const char *s, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (i + 2 >= len || u[0] < 0xEA || u[0] > 0xED || !kg_u8_syllable(u))
        return 0;
    return syl_class[kg_u8_syl_index(u)];
}

static inline double big_mult(const char *s, size_t len, size_t i);

/* The end of an infix at s[j] that a big multiplier follows, or 0. */
static size_t infix_at(const char *s, size_t len, size_t j)
{
    if (j >= len || !infix_first[(unsigned char)s[j]])
        return 0; /* (no infix starts with the byte there) */
    for (size_t k = 0; infixes[k]; k++)
        if (at(s, len, j, infixes[k])) {
            size_t e = j + strlen(infixes[k]);
            if (big_mult(s, len, e) > 0)
                return e;
        }
    return 0;
}

/* The index of the Hangul syllable at s[i], or -1 (none there). */
static inline __attribute__((always_inline)) long syl_at(const char *s, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (i + 2 >= len || u[0] < 0xEA || u[0] > 0xED || !kg_u8_syllable(u))
        return -1;
    return (long)kg_u8_syl_index(u);
}

/* The value of the first word of list at s[i], or 0; first is the
 * list's per-syllable index (first_words). */
static inline __attribute__((always_inline)) double word_at(const numword *list, const unsigned char *first,
                                                            const char *s, size_t len, size_t i)
{
    long c = syl_at(s, len, i);
    if (c < 0 || !first[c])
        return 0;
    if (first[c] < 255)
        return list[first[c] - 1].v;
    for (const numword *w = list; w->w; w++)
        if (at(s, len, i, w->w))
            return w->v;
    return 0;
}

static inline __attribute__((always_inline)) double small_mult(const char *s, size_t len, size_t i)
{
    return word_at(small, small_first, s, len, i);
}

static inline __attribute__((always_inline)) double big_mult(const char *s, size_t len, size_t i)
{
    return word_at(big, big_first, s, len, i);
}

/* Sino-Korean digit words: the digit, or -1. */
static inline __attribute__((always_inline)) int sino_digit(const char *s, size_t len, size_t i)
{
    long c = syl_at(s, len, i);
    if (c < 0 || !sino_first[c])
        return -1;
    if (sino_first[c] < 255)
        return (int)sino[sino_first[c] - 1].v;
    for (const numword *w = sino; w->w; w++)
        if (at(s, len, i, w->w))
            return (int)w->v;
    return -1;
}

unsigned kg_num_syl_class(unsigned c)
{
    syl_need();
    return c < KG_NSYL ? syl_class[c] : 0;
}

int kg_num_words_may_start(const char *s, size_t len, size_t i)
{
    syl_need();
    /* num_lead's first section in words, as it reads it (sino_digit >= 1
     * and small_mult, or small_mult and sino_digit >= 1, small_mult or
     * big_mult), from the syllables' classes */
    unsigned a = syl_class_at(s, len, i);
    if (!(a & (SYL_SINO | SYL_SMALL)))
        return 0;
    unsigned b = syl_class_at(s, len, i + 3);
    return ((a & SYL_SINO) && (b & SYL_SMALL)) || ((a & SYL_SMALL) && (b & (SYL_SINO | SYL_SMALL | SYL_BIG)));
}

int kg_num_native_may_start(const char *s, size_t len, size_t i)
{
    syl_need();
    return (syl_class_at(s, len, i) & SYL_NATIVE) != 0;
}

/* Reads digits (with commas, one decimal point) at s[i]. */
static inline __attribute__((always_inline)) int read_digits(const char *s, size_t len, size_t i, double *v,
                                                             size_t *end, int *nd, int *point, int *comma, int *intd)
{
    size_t j = i;
    double x = 0;
    int n = 0;
    *point = 0;
    *comma = 0;
    while (j < len) {
        if (is_d(s[j])) {
            x = x * 10 + (s[j] - '0');
            j++;
            n++;
            continue;
        }
        /* a thousands comma: exactly three digits follow */
        if (s[j] == ',' && n > 0 && n <= 3 + 3 * 10 && j + 3 < len + 0 && is_d(s[j + 1]) && is_d(s[j + 2]) &&
            is_d(s[j + 3]) && !(j + 4 < len && is_d(s[j + 4]))) {
            *comma = 1;
            j++;
            continue;
        }
        break;
    }
    if (!n)
        return 0;
    *intd = n;
    if (j + 1 < len && s[j] == '.' && is_d(s[j + 1])) {
        double f = 0.1;
        j++;
        *point = 1;
        while (j < len && is_d(s[j])) {
            x += f * (s[j] - '0');
            f /= 10;
            j++;
            n++;
        }
        /* 2.5.1 is a version, not a number */
        if (j + 1 < len && s[j] == '.' && is_d(s[j + 1]))
            return 0;
    }
    *v = x;
    *end = j;
    *nd = n;
    return 1;
}

/* kg_num_scan, one section: its leading number at *j (digits, or a
 * Sino-Korean digit or multiplier when the number is written in words);
 * *v gets it (0 before a bare 십/백/천, read as 1 x it). 0 when there is
 * none. any: a section was read before. */
static int num_lead(const char *s, size_t len, size_t *j, int any, kg_num *out, double *v)
{
    *v = 0;
    if (*j < len && is_d(s[*j])) {
        size_t e;
        int nd = 0, pt = 0, cm = 0, intd = 0;
        if (!read_digits(s, len, *j, v, &e, &nd, &pt, &cm, &intd))
            return 0;
        /* after a multiplier, only plain digits may follow (3만8210) */
        out->digits += nd;
        if (!any)
            out->int_digits = intd;
        out->has_point |= pt;
        out->has_comma |= cm;
        *j = e;
        return 1;
    }
    if (!any && *j < len) {
        /* Sino-Korean numerals: 삼십, 이백오십, 십이 */
        int dg = sino_digit(s, len, *j);
        double sm = small_mult(s, len, *j);
        if (dg >= 1 && small_mult(s, len, *j + 3) > 0) {
            *v = dg;
            *j += 3;
            out->words = 1;
            return 1;
        }
        if (sm > 0 && (sino_digit(s, len, *j + 3) >= 1 || small_mult(s, len, *j + 3) > 0 ||
                       big_mult(s, len, *j + 3) > 0)) {
            *v = 1;
            out->words = 1;
            return 1;
        }
        return 0;
    }
    if (any && out->words && *j < len) {
        int dg = sino_digit(s, len, *j);
        if (dg >= 1) {
            *v = dg;
            *j += 3;
            return 1;
        }
        if (small_mult(s, len, *j) > 0) {
            *v = 1;
            return 1;
        }
    }
    return 0;
}

/* The small multipliers after v at *j (4천500, 3천5백), added to
 * *section with what follows each; returns the value left over. */
static double num_small_mults(const char *s, size_t len, size_t *j, double v, double *section, kg_num *out)
{
    for (;;) {
        double sm = small_mult(s, len, *j);
        if (sm <= 0)
            break;
        *section += v * sm;
        v = 0;
        *j += 3;
        out->has_mult = 1;
        if (*j < len && is_d(s[*j])) {
            double w;
            size_t e2;
            int nd2, pt2, cm2, intd2;
            if (!read_digits(s, len, *j, &w, &e2, &nd2, &pt2, &cm2, &intd2))
                break;
            v = w;
            out->digits += nd2;
            *j = e2;
        } else if (out->words) {
            int dg = sino_digit(s, len, *j);
            if (dg >= 1 && dg <= 9) {
                v = dg;
                *j += 3;
            } else if (small_mult(s, len, *j) > 0) {
                v = 1; /* a bare 십 after 천: 이천십오 is 2015 */
            }
        }
    }
    return v;
}

/* kg_num_scan with at most joins pieces joined across a space (9만 9600:
 * one; 41조 8000억 5000만 3000: three); bounded, so that a run of 1만 1만 1만 ...
 * is not read by a recursion as deep as the run. */
static int num_scan(const char *s, size_t len, size_t i, kg_num *out, int joins)
{
    memset(out, 0, sizeof *out);
    syl_need();
    out->start = i;
    double total = 0, section = 0;
    double last_big = 1e300;
    size_t j = i;
    int any = 0;
    for (;;) {
        double v;
        if (!num_lead(s, len, &j, any, out, &v))
            break;
        any = 1;
        double rest = num_small_mults(s, len, &j, v, &section, out);
        section += rest;
        /* an approximation mark may stand before the multiplier: 1천800여만 */
        size_t ie = out->digits ? infix_at(s, len, j) : 0, before_ie = j;
        if (ie) {
            j = ie;
            out->over = 1;
        }
        /* a big multiplier (만, 억, 조) closes the section */
        double bm = big_mult(s, len, j);
        if (bm > 0 && bm < last_big) {
            total += (section ? section : 1) * bm;
            section = 0;
            last_big = bm;
            j += 3;
            out->has_mult = 1;
            if ((j < len && is_d(s[j])) || (out->words && j < len && sino_digit(s, len, j) >= 1))
                continue;
            /* one space may part the pieces of one amount: 9만 9600, 41조
             * 8000억, 2억 2810만. The later piece is smaller than the
             * multiplier before it; after 억 or 조 it has a big
             * multiplier itself (plain digits there are another number:
             * 3억 2025년), after 만 two digits at least (5만 1명 is two) */
            if (joins > 0 && !out->words && j + 1 < len && s[j] == ' ' && is_d(s[j + 1])) {
                kg_num rest2;
                if (num_scan(s, len, j + 1, &rest2, joins - 1) && !rest2.has_point && rest2.value < bm &&
                    (bm == 1e4 ? rest2.digits >= 2 || rest2.has_mult : rest2.value >= 1e4)) {
                    total += rest2.value;
                    out->digits += rest2.digits;
                    out->over |= rest2.over;
                    j = rest2.end;
                }
            }
            break;
        }
        if (ie) {
            /* no multiplier after all: the number ends before the mark */
            j = before_ie;
            out->over = 0;
        }
        break;
    }
    if (!any)
        return 0;
    out->value = total + section;
    out->end = j;
    if (out->words && !out->has_mult)
        return 0;
    return 1;
}

int kg_num_scan(const char *s, size_t len, size_t i, kg_num *out)
{
    return num_scan(s, len, i, out, 3);
}

/* 1 if word w, whose first syllable s[j] is, stands at s[j] (only the
 * bytes after that syllable are compared, one by one: most differ at
 * once). */
static inline int rest_at(const char *s, size_t len, size_t j, const numword *w)
{
    size_t b = 3;
    while (b < w->n && j + b < len && s[j + b] == w->w[b])
        b++;
    return b == w->n;
}

/* Native Korean numbers; a compound (열두, 스물다섯) is read as a whole. */
int kg_num_scan_native(const char *s, size_t len, size_t i, kg_num *out)
{
    memset(out, 0, sizeof *out);
    syl_need();
    size_t j = i;
    int v = 0, alone = 0;
    /* a range word first (두세 before 두; the words of the syllable at i
     * only, most syllables start none) */
    const unsigned char *u0 = (const unsigned char *)s + i;
    long r0 = i + 2 < len && u0[0] >= 0xEA && u0[0] <= 0xED && kg_u8_syllable(u0)
                  ? (long)range_head[kg_u8_syl_index(u0)] - 1
                  : -1;
    for (long k = r0; k >= 0; k = (long)range_next[k] - 1)
        if (range_to[k] > ranges[k].v && rest_at(s, len, i, &ranges[k])) {
            size_t e = i + ranges[k].n, n;
            if (e < len && s[e] != ' ') {
                if (!kg_is_hangul(kg_u8_at(s, len, e, &n)))
                    continue;
                out->glued = 1;
            }
            out->value = ranges[k].v;
            out->to = range_to[k];
            out->start = i;
            out->end = e;
            out->words = 1;
            return 1;
        }
    /* (the words of the syllable at j only, in list order: no other
     * word can match there) */
    int tens_ok = kg_sylset_at(&tens_syl, s, len, j); /* else no word below matches */
    /* (a word of the chain starts with the syllable at j, the text's
     * first three bytes there: only the rest of it is compared) */
    for (long k = tens_ok ? (long)tens_head[kg_u8_syl_index((const unsigned char *)s + j)] - 1 : -1; k >= 0;
         k = (long)tens_next[k] - 1)
        if (rest_at(s, len, j, &tens[k])) {
            v = (int)tens[k].v;
            alone = tens[k].alone;
            j += tens[k].n;
            break;
        }
    int ones_ok = kg_sylset_at(&ones_syl, s, len, j);
    for (long k = ones_ok ? (long)ones_head[kg_u8_syl_index((const unsigned char *)s + j)] - 1 : -1; k >= 0;
         k = (long)ones_next[k] - 1)
        if (rest_at(s, len, j, &ones[k])) {
            if (alone)
                break; /* 스무 stands alone */
            v += (int)ones[k].v;
            j += ones[k].n;
            break;
        }
    if (!v || j == i)
        return 0;
    /* must end the word, or be glued to the word after it (다섯개) */
    if (j < len && s[j] != ' ') {
        size_t n;
        if (!kg_is_hangul(kg_u8_at(s, len, j, &n)))
            return 0;
        out->glued = 1;
    }
    out->value = v;
    out->start = i;
    out->end = j;
    out->words = 1;
    return 1;
}
