/* times.c - time expressions in Korean text, resolved to EDTF.
 *
 * Recognised: absolute dates (2025년 1월 13일, '25년, 2025. 11. 01.,
 * 2025-01-13), bare months and days (1월 13일, 13일), deictic words (오늘
 * 어제 내일 전날 이날 당시 다음 날 지난달 이번 달 다음 달 작년 지난해 올해 금년
 * 내년 재작년 같은 해 같은 기간 ...), offsets (N일 전, N개월 전, 10여 년
 * 전), spans into the past (지난 10여 년 동안, 2023년까지 10여 년 동안),
 * parts (초 초반 중순 중반 말 상반기 하반기 N분기), centuries and decades,
 * ranges (A~B, A-B, A부터 B까지) and open ranges (A부터, A 이후 -> A/..;
 * A까지 -> A, the deadline itself). "(현지 시간)" after a date belongs to
 * it. Values follow shared/docs/facts-format.md, relative to the DCT;
 * where the DCT is too coarse for an expression its value is null.
 * Story words (이날, 전날, 전 거래일) count from the day last told by a day
 * number; 전년 from the year last told; a month or a quarter alone takes
 * the year told in its sentence. Also: glued full dates (입력2021.08.26),
 * nth weekdays (9월 셋째 화요일), fixed holidays (한글날), day ranges in
 * one month (7월 13~15일), N년 N개월 전. No interval ends before it
 * starts (fix_order). */
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <string.h>

#include "korean/grammar.h"
#include "korean/numbers.h"
#include "tagint.h"
#include "util/simd.h"

/* A resolved point: precision, approximation, or unknown. */
typedef struct dpt {
    int y, m, d;
    kg_prec prec;
    int approx;
} dpt;

typedef struct tval {
    int unknown;     /* value null */
    int interval;
    dpt a, b;        /* b.prec NONE with interval: open end; a.prec NONE: open start */
} tval;

/* What was written, before resolution. */
enum { K_NONE = 0, K_ABS, K_REL, K_LAST, K_STORY, K_TOLD, K_WEEKDAY };

/* Flags of a deictic word (grammar classes): a comparison base, counted
 * in weekdays. */
enum { TF_BASE = 1, TF_TRADING = 2, TF_VERB = 4, TF_TOLD = 8, TF_DCT = 16 };

typedef struct tspec {
    int yk, y;       /* year: absolute, relative to the DCT, or the last year + y */
    int mk, m;
    int dk, d;
    int dir;         /* 지난 -1, 오는 +1 */
    int part;        /* P_* */
    int q, q2;       /* quarter for P_Q; q2: the last of a range (1~3분기), or 0 */
    int approx;
    int bare;        /* a bare number before ~ (unit still unknown) */
    int d2;          /* the last day of a day range (13~15일), or 0 */
    int nth, wday;   /* the nth (-1 last) weekday wday (1 Monday) of the
                      * month; nth -1 with wday 0: its last day */
    int wk;          /* the nth (-1 last) week of the month (셋째 주),
                      * its day wday (셋째 주 수요일) or, wday 0, the week */
    int flags;       /* TF_* of the deictic words in it */
} tspec;

enum { P_NONE = 0, P_EARLY, P_MID, P_LATE, P_H1, P_H2, P_Q, P_MIDM, P_SPRING, P_SUMMER, P_AUTUMN, P_WINTER };

/* The word lists of the grammar (times), read once by time_first_init. */
enum { TW_GLUED = 1, TW_SPACED = 2, TW_NATIVE = 4, TW_SINO = 8 };
typedef struct tword {
    const char *w;
    size_t n;
    int k, off; /* deictic: K_REL or K_LAST and the offset; periods: quarter (1) or week (0) in k */
    int part;   /* P_* */
    int cls;    /* TW_GLUED, TW_SPACED: where the word may stand */
    int flags;  /* TF_* */
} tword;
/* A word list, its words chained by their first character in list order
 * (tw_index): the loops that look for the first word of a list at a
 * place walk the words that begin with the text's character only. */
#define TW_BUCKETS 64
typedef struct twords {
    tword *v;
    size_t n;
    int head[TW_BUCKETS]; /* first word of each bucket, -1: none */
    int *next;            /* the next word of the same bucket, -1: none */
} twords;
static twords dx_year, dx_month, dx_day, dx_period, t_parts, t_year_parts, t_days, t_years, t_periods,
    t_periods_alone, t_approx, t_not_day, t_span_over, t_span_nouns, t_span_ends,
    t_amount_units, t_ordinals, t_weekdays, t_month_last, t_holidays, t_weekends, t_year_suffixes,
    t_weekday_tails, t_amount_words, t_amount_word_units, t_month_weeks;
static const kg_gram_list *unit_words; /* grammar units: units (bare years are none of them) */
static kg_sylset weekday_second;       /* the second syllables of weekdays (a weekday may follow) */
static inline size_t tw_at(const twords *t, const char *s, size_t len, size_t i, int *idx);
static void tw_index(twords *t);
static inline int tw_first(const twords *t, const char *s, size_t len, size_t i);
static void year_back(dpt *p);
typedef struct tstate tstate;
static int past_after(const tstate *st, size_t i);
/* How many months a month alone may lie after the DCT's in its year, or
 * before it in the next year, and still be read as coming: 7월 in a
 * February text is this July; 10월 in a March text last October; 1월 in
 * a December text the coming January. */
enum { MONTH_AHEAD = 6, MONTH_AHEAD_NEXT_YEAR = 2 };
/* How many months after the DCT's a quarter alone may begin and still be
 * read as coming (2분기 in a January text; 3분기 there is last year's). */
enum { QUARTER_AHEAD = 3 };
static const char *const *pair_marks;
static const char *const *zones, *const *day_times, *const *not_year_after, *const *day_tails, *const *stay_nights, *const *period_tails,
    *const *date_name_dots, *const *date_name_nouns, *const *date_name_holidays,
    *const *date_name_body_ends, *const *this_year_before,
    *const *about_after, *const *about_after_part, *const *within_marks, *const *not_hour_after,
    *const *direction_tails, *const *then_not_after, *const *verb_stem_tails;
/* The first bytes of date_name_dots (time_at's first test for date_name). */
static unsigned char date_dot_first[256];
/* The first characters of the words of a list, a loop's first test: a
 * word of the list can only be where the text has one of them. A word
 * that starts with a Hangul syllable puts it in syl (one byte would let
 * every syllable of its lead byte through), any other word its first
 * byte in byte (every byte when a word is empty). */
typedef struct firsts {
    unsigned char byte[256];
    kg_sylset syl;
} firsts;

static void firsts_add(firsts *f, const char *w)
{
    const unsigned char *u = (const unsigned char *)w;
    if (!w[0])
        memset(f->byte, 1, sizeof f->byte);
    else if (u[0] >= 0xEA && u[0] <= 0xED && u[1] && u[2] && kg_u8_syllable(u))
        f->syl.bits[kg_u8_syl_index(u) >> 3] |= (unsigned char)(1u << (kg_u8_syl_index(u) & 7));
    else
        f->byte[u[0]] = 1;
}

/* 0 if no word of f's list starts at s[i]. */
static inline int firsts_at(const firsts *f, const char *s, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    unsigned char c = (unsigned char)s[i];
    return f->byte[c] || (c >= 0xEA && c <= 0xED && kg_sylset_at(&f->syl, s, len, i));
}

/* not_day_after, glued and spaced (p_day, a quarter alone in
 * p_calendar); amount_units with a unit (p_amount); day_times (p_trail);
 * years (year_back_period). */
static firsts not_day_glued_first, not_day_spaced_first, amount_unit_first, day_time_first, year_first;
/* The words of a direction before an expression (p_expr's first tests:
 * R_PAST, R_LAST_BEFORE, R_COMING, R_NEXT). */
static firsts direction_first;

/* 1 if a word of not_day_after stands at k (glued) or k2 (after a space,
 * class spaced): a number of days before it is a duration. */
static inline __attribute__((always_inline)) int not_day_at(const char *s, size_t len, size_t k, size_t k2)
{
    if (!firsts_at(&not_day_glued_first, s, len, k) && !firsts_at(&not_day_spaced_first, s, len, k2))
        return 0; /* (no word of either kind starts there) */
    for (size_t q = 0; q < t_not_day.n; q++)
        if (kg_lit(s, len, (t_not_day.v[q].cls & TW_SPACED) ? k2 : k, t_not_day.v[q].w))
            return 1;
    return 0;
}
static const kg_gram_list *decade_parts, *directions, *part_directions;
/* Their field sign, read once (read_lists): -1 for "-1" else 1
 * (directions); the number, 0 without one (part_directions). */
static int *direction_sign, *part_direction_sign;
static int *part_direction_glued; /* part_directions of class glued (지난겨울) */
/* The marks of times (grammar times: marks), one word per role: 2024년,
 * 3월, 5일, 오후 3시 20분, 2분기, 21세기, 90년대, 삼십 in word dates,
 * 300여 (over), 부터 (from), 까지 (until). A role the grammar leaves
 * out gets a byte no UTF-8 text holds, so its rules never match. */
static const char *M_YEAR, *M_MONTH, *M_DAY, *M_HOUR, *M_MINUTE, *M_QUARTER, *M_CENTURY, *M_DECADE, *M_TEN,
    *M_OVER, *M_FROM, *M_UNTIL, *M_YEAR_TAIL, *M_THIS_YEAR, *M_QUARTER_OF_4, *M_ANNIVERSARY;
/* The words the rules test at one place each (grammar times: rule_words,
 * one per role; see the comment there) and the small lists around them. */
static const char *R_FINAL, *R_PLAN, *R_PAST, *R_COMING, *R_MONTH_NOUN, *R_BASE, *R_BASE_NOUN, *R_DURING,
    *R_DURING_GLUED, *R_SINCE_GLUED, *R_AFTER_AMOUNT, *R_BEFORE, *R_AROUND, *R_FROM_PLACE, *R_THEN, *R_BETWEEN, *R_HALF, *R_ORDINAL, *R_NEXT,
    *R_LAST_BEFORE;
static const char *const *final_links, *const *since_words, *const *around_links, *const *around_objects,
    *const *earlier_openers, *const *earlier_ends;

struct tstate {
    kg_tctx *c;
    const char *s;
    size_t len;
    int have_last;
    tval last;       /* the last resolved time */
    int have_past;   /* past: the last resolved time but a range still to */
    tval past;       /* come (오는 15일부터: what 다음 날 counts from) */
    int last_y, last_m;
    /* the story's day: the day last told by a day number (K_STORY) */
    int have_story;
    dpt story;
    size_t story_at; /* where that day number was told */
    /* the story's main day: as the story's day, but never moved back by an
     * earlier day (a day gone by told in the background: 백악관은
     * 4일(현지시간) … in a story of the 5th); the dateline sets neither.
     * 이날 in a later paragraph than story_at is this day */
    int have_main;
    dpt main_story;
    size_t cur_at; /* where the time being read starts */
    /* the year told in the current sentence (0: none), and its end */
    int sent_y;
    int last_q_y;    /* the year of the last quarter told (0: none) */
    int last_q;      /* and that quarter (1..4; 0: none) */
    /* the last time told that is a period (a range, or a month, a quarter,
     * a year: no single day), and the sentence it was told in */
    int have_lp;
    tval last_period;
    int lp_sent;
    /* what the last resolve saw: a day number or a day word from the
     * DCT (a story day), an explicit year, a comparison base, a quarter */
    int cur_story, cur_year, cur_base, cur_q;
    size_t at;       /* where the expression being resolved starts */
    int sent_no;     /* sentences begun so far, and the one of the last time */
    int last_sent;
    size_t sent_at;  /* where the current sentence starts */
    /* earlier_sentence's answer for the sentence at early_at (+1: 0 is
     * none yet): read once a sentence, as its end may lie far away (a
     * text of one long line) */
    size_t early_at;
    int early_is;
    /* the mention emitted last: its index in c->out, its end and sentence
     * (당시 right after it restates it) */
    int have_prev, prev_sent;
    size_t prev_idx, prev_end;
};

/* ---- small readers ---- */

static int isd(char c)
{
    return c >= '0' && c <= '9';
}

static size_t read_int(const char *s, size_t len, size_t i, int maxd, int *v)
{
    size_t j = i;
    int x = 0;
    while (j < len && isd(s[j]) && (int)(j - i) < maxd) {
        x = x * 10 + (s[j] - '0');
        j++;
    }
    if (j == i || (j < len && isd(s[j])))
        return 0;
    *v = x;
    return j;
}

static size_t lit(const char *s, size_t len, size_t i, const char *w)
{
    return kg_lit(s, len, i, w);
}

/* The end of w and the one space after it at s[i], else 0. */
static size_t lit_sp(const char *s, size_t len, size_t i, const char *w)
{
    size_t k = kg_lit(s, len, i, w);
    return k && k < len && s[k] == ' ' ? k + 1 : 0;
}

/* Skips one run of spaces (at most 2). */
static size_t sp(const char *s, size_t len, size_t i)
{
    size_t k = 0;
    while (i < len && s[i] == ' ' && k < 2) {
        i++;
        k++;
    }
    return i;
}

/* A word may end at e: end of text, not Hangul, or particles follow. */
static int word_end_ok(const char *s, size_t len, size_t e)
{
    size_t n;
    uint32_t cp = kg_u8_at(s, len, e, &n);
    if (!kg_is_hangul(cp))
        return !(cp < 0x80 && (isd((char)cp) || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')));
    size_t end;
    return kg_tail_ok(s, len, e, &end);
}

/* Words that may follow a date glued or after a space and still leave
 * it a date (checked by word_end_ok through the particle list). */

/* A deictic word that is also a verb's stem (class verb) may end at e:
 * no Hangul follows, or a noun particle of verb_stem_tails does (내주에),
 * not a verb's ending (내주고). */
static int stem_end_ok(const char *s, size_t len, size_t e)
{
    size_t n, k;
    if (!kg_is_hangul(kg_u8_at(s, len, e, &n)))
        return word_end_ok(s, len, e);
    return (k = kg_lit_any(s, len, e, verb_stem_tails)) && word_end_ok(s, len, k);
}

/* ---- components ---- */

/* A bare year v in [i, e) with no 년: glued to a year_suffixes word
 * (2013회계연도), or 1900 to 2099 before a space and a Hangul word that
 * is no unit (2014 월드컵). Its end, or 0. */
static size_t p_bare_year(tstate *st, size_t i, size_t e, int v, tspec *t)
{
    const char *s = st->s;
    size_t len = st->len, n;
    if (i > 0 && ((unsigned char)s[i - 1] >= 0x80 || s[i - 1] == '-' || s[i - 1] == '.'))
        return 0;
    if ((n = tw_at(&t_year_suffixes, s, len, e, NULL)) && word_end_ok(s, len, e + n)) {
        t->yk = K_ABS;
        t->y = v;
        return e + n;
    }
    if (v < 1900 || v > 2099 || e + 4 > len || s[e] != ' ')
        return 0;
    uint32_t cp = kg_u8_at(s, len, e + 1, &n);
    if (!kg_is_hangul(cp))
        return 0;
    /* a unit as a word of its own (2000 달러를), not the start of a
     * longer word (2018 평창: 평 is a unit) */
    for (size_t k = 0; unit_words && k < unit_words->n; k++)
        if (kg_at(s, len, e + 1, unit_words->e[k].form) &&
            word_end_ok(s, len, e + 1 + strlen(unit_words->e[k].form)))
            return 0;
    t->yk = K_ABS;
    t->y = v;
    return e;
}

/* A full date in Sino-Korean words at i (이천십오년 삼월 삼일): year,
 * month and day all written so (one alone is too often something else:
 * 삼일, 이월). Its end, or 0. */
/* A number of 1 to 99 in Sino-Korean words at i (삼, 십이, 삼십일) ending
 * right before the word w; its end (w's), or 0. */
static size_t word_small_num(const char *s, size_t len, size_t i, const char *w, int *v)
{
    const kg_gram_list *dg = kg_gram_list_get("korean", "sino_digits");
    int x = 0, cur = 0;
    size_t j = i;
    for (int steps = 0; steps < 4 && j < len; steps++) {
        size_t k;
        if ((k = lit(s, len, j, w)) && j > i && !lit(s, len, k, w)) /* (삼십일일: the last 일 ends it) */
            return (*v = x + cur) >= 1 ? k : 0;
        if ((k = lit(s, len, j, M_TEN))) {
            x += (cur ? cur : 1) * 10;
            cur = 0;
            j = k;
            continue;
        }
        int got = 0;
        for (size_t q = 0; q < dg->n && !got; q++)
            if (kg_at(s, len, j, dg->e[q].form)) {
                const char *val = kg_gram_field(&dg->e[q], "value");
                cur = val ? atoi(val) : 0;
                j += strlen(dg->e[q].form);
                got = 1;
            }
        if (!got)
            return 0;
    }
    return 0;
}

static size_t p_word_date(tstate *st, size_t i, tspec *t)
{
    const char *s = st->s;
    size_t len = st->len, k;
    kg_num y;
    int mv, dv;
    /* (a number in words starts only where kg_num_words_may_start says
     * one may) */
    if (!kg_num_words_may_start(s, len, i) || !kg_num_scan(s, len, i, &y) || !y.words || y.value < 1000 ||
        y.value > 2999 ||
        !(k = lit(s, len, y.end, M_YEAR)))
        return 0;
    /* the year alone (이천십오년), with its month (이천십삼년 사월), or
     * with both month and day */
    size_t ky = k, km;
    t->yk = K_ABS, t->y = (int)y.value;
    k = sp(s, len, k);
    if (!(km = word_small_num(s, len, k, M_MONTH, &mv)) || mv > 12)
        return word_end_ok(s, len, ky) && !kg_lit_any(s, len, ky, not_year_after) ? ky : 0;
    t->mk = K_ABS, t->m = mv;
    k = sp(s, len, km);
    if (!(k = word_small_num(s, len, k, M_DAY, &dv)) || dv > 31 || !word_end_ok(s, len, k))
        return word_end_ok(s, len, km) ? km : 0;
    t->dk = K_ABS, t->d = dv;
    return k;
}

static inline size_t p_month(tstate *st, size_t i, tspec *t);

/* The year of two digits yy in the century that puts it at or before the
 * DCT's year (74 -> 1974, 13 -> 2013; 2030 the cut without a DCT). */
static int full_year(const tstate *st, int yy)
{
    int cut = st->c->dct.prec ? st->c->dct.year % 100 : 30;
    return yy + (yy <= cut ? 2000 : 1900);
}

/* 1 if a space and a month named absolutely follow at k (13년 3월: the
 * year of two digits before it is a year, p_year and p_amount). */
static int month_after(tstate *st, size_t k)
{
    tspec tm;
    memset(&tm, 0, sizeof tm);
    return k < st->len && st->s[k] == ' ' && p_month(st, k + 1, &tm) && tm.mk == K_ABS;
}

/* Year at i: returns the end or 0. */
/* The first syllables of the lunar holidays (times.yaml lunar_holidays). */
static kg_sylset lunar_first;
static int lunar_at(const char *s, size_t len, size_t i);

static inline __attribute__((always_inline)) size_t p_year(tstate *st, size_t i, tspec *sp_)
{
    const char *s = st->s;
    size_t len = st->len, e;
    int v;
    if ((e = read_int(s, len, i, 4, &v)) && e - i == 4 && v >= 1000 && v <= 2999) {
        size_t k = lit(s, len, e, M_YEAR);
        if (!k)
            return p_bare_year(st, i, e, v, sp_);
        if (kg_lit_any(s, len, k, not_year_after))
            return 0;
        size_t kt = lit(s, len, k, M_YEAR_TAIL);
        if (kt)
            k = kt;
        sp_->yk = K_ABS;
        sp_->y = v;
        return k;
    }
    if ((e = read_int(s, len, i, 2, &v)) && e - i == 2) {
        /* a year of two digits before a month: 13년 3월 5일 (alone, 12년
         * is twelve years) */
        size_t k = lit(s, len, e, M_YEAR);
        if (!k || !month_after(st, k))
            return 0;
        sp_->yk = K_ABS;
        sp_->y = full_year(st, v);
        return k;
    }
    if (s[i] == '\'' && (e = read_int(s, len, i + 1, 2, &v)) && e - i == 3) {
        size_t k = lit(s, len, e, M_YEAR);
        if (!k)
            return 0;
        sp_->yk = K_ABS;
        sp_->y = v + (v <= 50 ? 2000 : 1900);
        return k;
    }
    const twords *words = &dx_year;
    for (int k = tw_first(words, s, len, i); k >= 0; k = words->next[k]) {
        size_t n = lit(s, len, i, words->v[k].w);
        /* (a word of two must end there: 지난 해, not 지난 해외) */
        if (n && (!memchr(words->v[k].w, ' ', words->v[k].n) || word_end_ok(s, len, n))) {
            sp_->yk = words->v[k].k;
            sp_->y = words->v[k].off;
            sp_->flags |= words->v[k].flags;
            return n;
        }
    }
    /* 올 only before a month or a part: 올 3월, 올 상반기 */
    if ((e = lit(s, len, i, M_THIS_YEAR)) && e < len && s[e] == ' ') {
        size_t k = e + 1;
        int mv;
        size_t me = read_int(s, len, k, 2, &mv);
        if ((me && lit(s, len, me, M_MONTH)) || kg_lit_any(s, len, k, this_year_before) ||
            (me && lit(s, len, me, M_QUARTER)) ||
            tw_at(&t_parts, s, len, k, NULL) || tw_at(&t_holidays, s, len, k, NULL) || lunar_at(s, len, k)) {
            sp_->yk = K_REL;
            sp_->y = 0;
            return e; /* 올 */
        }
    }
    return 0;
}

static inline __attribute__((always_inline)) size_t p_month(tstate *st, size_t i, tspec *t)
{
    const char *s = st->s;
    size_t len = st->len, e;
    int v;
    if ((e = read_int(s, len, i, 2, &v)) && v >= 1 && v <= 12) {
        size_t k = lit(s, len, e, M_MONTH);
        if (!k || kg_term_before(s, i))
            return 0;
        t->mk = K_ABS;
        t->m = v;
        return k;
    }
    const twords *words = &dx_month;
    for (int k = tw_first(words, s, len, i); k >= 0; k = words->next[k]) {
        size_t n = lit(s, len, i, words->v[k].w);
        if (n && word_end_ok(s, len, n)) { /* not 지난 달러, 내달리다 */
            t->mk = words->v[k].k;
            t->m = words->v[k].off;
            return n;
        }
    }
    return 0;
}

/* 1 if a number and one of units' stay_nights end right before i, glued
 * or before a space (2박 3일, 1박2일: the days of a stay). */
static int stay_days(const char *s, size_t i)
{
    size_t p = i > 0 && s[i - 1] == ' ' ? i - 1 : i;
    for (size_t q = 0; stay_nights[q]; q++) {
        size_t n = strlen(stay_nights[q]);
        if (p > n && !memcmp(s + p - n, stay_nights[q], n) && isd(s[p - n - 1]))
            return 1;
    }
    return 0;
}

static inline __attribute__((always_inline)) size_t p_day(tstate *st, size_t i, tspec *t)
{
    const char *s = st->s;
    size_t len = st->len, e;
    int v;
    if ((e = read_int(s, len, i, 2, &v)) && v >= 1 && v <= 31) {
        size_t k = lit(s, len, e, M_DAY);
        int v2 = 0;
        if (!k) {
            /* a range of days in one month: 13~15일, 13∼15일; days one
             * after the other (12·13일, 12, 13, 14일): the first to the last */
            size_t r = e < len && (s[e] == '~' || s[e] == '-') ? e + 1 : lit(s, len, e, "∼");
            size_t e2;
            if (r) {
                if (!(e2 = read_int(s, len, r, 2, &v2)) || v2 <= v || v2 > 31 || !(k = lit(s, len, e2, M_DAY)))
                    return 0;
            } else {
                int last = v;
                size_t q = e;
                for (int n = 0; !k; n++) {
                    if (n == 6 || !(r = kg_lit_any(s, len, q, pair_marks)) || !(e2 = read_int(s, len, r, 2, &v2)) ||
                        v2 != last + 1 || v2 > 31)
                        return 0;
                    k = lit(s, len, e2, M_DAY);
                    last = v2;
                    q = e2;
                }
            }
        }
        /* durations: 3일간, 3일 동안, 3일째, 3일 만에 */
        if (not_day_at(s, len, k, sp(s, len, k)))
            return 0;
        /* the days of a stay after its nights: 2박 3일 (units.yaml
         * stay_nights; a figure) */
        if (stay_days(s, i))
            return 0;
        /* a tail that leaves it a day: 18일자 (dated the 18th) */
        size_t kt = kg_lit_any(s, len, k, day_tails);
        if (kt && word_end_ok(s, len, kt))
            k = kt;
        t->dk = K_ABS;
        t->d = v;
        t->d2 = v2;
        return k;
    }
    const twords *words = &dx_day;
    for (int k = tw_first(words, s, len, i); k >= 0; k = words->next[k]) {
        size_t n = lit(s, len, i, words->v[k].w);
        if (n && word_end_ok(s, len, n)) { /* not 다음 날짜 */
            t->dk = words->v[k].k;
            t->d = words->v[k].off;
            t->flags |= words->v[k].flags;
            return n;
        }
    }
    return 0;
}

/* Part of a year or month after it: 초, 중순, 말, 상반기 ... */
static inline __attribute__((always_inline)) size_t p_part(tstate *st, size_t i, tspec *t)
{
    const char *s = st->s;
    size_t len = st->len;
    const twords *parts = &t_parts;
    for (int k = tw_first(parts, s, len, i); k >= 0; k = parts->next[k]) {
        size_t n = lit(s, len, i, parts->v[k].w);
        if (n && word_end_ok(s, len, n)) {
            t->part = parts->v[k].part;
            return n;
        }
        if (n && kg_lit_any(s, len, n, about_after_part)) {
            t->part = parts->v[k].part;
            return n;
        }
    }
    int q;
    size_t o = lit(s, len, i, R_ORDINAL); /* (제1분기: after a year only) */
    size_t e = read_int(s, len, o && i > 0 && s[i - 1] == ' ' ? o : i, 1, &q);
    if (e && q >= 1 && q <= 4) {
        /* a range of quarters: 1~3분기, 2∼4분기 */
        int q2 = 0;
        size_t r = e < len && (s[e] == '~' || s[e] == '-') ? e + 1 : lit(s, len, e, "∼"), e2;
        if (r && (e2 = read_int(s, len, r, 1, &q2)) && q2 > q && q2 <= 4 && lit(s, len, e2, M_QUARTER))
            e = e2;
        else
            q2 = 0;
        size_t k = lit(s, len, e, M_QUARTER);
        if (!k && q2)
            return 0;
        if (!k)
            k = lit(s, len, e, M_QUARTER_OF_4);
        if (k) {
            t->part = P_Q;
            t->q = q;
            t->q2 = q2;
            return k;
        }
    }
    return 0;
}

/* Holidays of the lunar calendar (설날, 추석: times.yaml lunar_holidays),
 * each with its solar date in the years the grammar lists. */
typedef struct lunar {
    const char *w;
    size_t n;
    int *ymd; /* year * 10000 + month * 100 + day, ascending */
    size_t n_ymd;
} lunar;
static lunar *lunars;
static size_t n_lunars;

static void lunar_init(void)
{
    const kg_gram_list *l = kg_gram_list_get("times", "lunar_holidays");
    lunars = kg_xcalloc(l->n + 1, sizeof *lunars);
    for (size_t k = 0; k < l->n; k++) {
        const char *d = kg_gram_field(&l->e[k], "dates");
        lunar *h = &lunars[n_lunars++];
        h->w = l->e[k].form;
        kg_sylset_add_first(&lunar_first, h->w);
        h->n = strlen(h->w);
        size_t cap = d ? strlen(d) / 10 + 1 : 1;
        h->ymd = kg_xcalloc(cap, sizeof *h->ymd);
        for (const char *p = d; p && *p;) {
            char *q;
            long y = strtol(p, &q, 10), m, dd;
            if (q == p || *q != '-')
                break;
            m = strtol(q + 1, &q, 10);
            if (*q != '-')
                break;
            dd = strtol(q + 1, &q, 10);
            if (y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && dd >= 1 && dd <= 31 && h->n_ymd < cap &&
                (!h->n_ymd || h->ymd[h->n_ymd - 1] < (int)(y * 10000 + m * 100 + dd)))
                h->ymd[h->n_ymd++] = (int)(y * 10000 + m * 100 + dd);
            while (*q == ' ' || *q == ',')
                q++;
            p = q;
        }
    }
}

/* 1 if a lunar holiday's word starts at i (올 추석, not 올 추가). */
static int lunar_at(const char *s, size_t len, size_t i)
{
    if (!kg_sylset_at(&lunar_first, s, len, i))
        return 0;
    for (size_t k = 0; k < n_lunars; k++)
        if (kg_at(s, len, i, lunars[k].w))
            return 1;
    return 0;
}

/* The date of lunar holiday h in year y (year * 10000 + month * 100 +
 * day), or 0 when the grammar lists none. */
static int lunar_in(const lunar *h, int y)
{
    for (size_t k = 0; k < h->n_ymd; k++)
        if (h->ymd[k] / 10000 == y)
            return h->ymd[k];
    return 0;
}

static int weekday_tail(const char *s, size_t len, size_t e);

/* A holiday of the lunar calendar at i (설날, 추석): its date in the year
 * t names (2013년 설날, 작년 추석), else in the DCT's year or the one
 * before or after it, as a month alone is read (MONTH_AHEAD); a year the
 * grammar has no date for gives the year alone. Its end, or 0. */
static inline __attribute__((always_inline)) size_t p_lunar(tstate *st, size_t i, tspec *t)
{
    const char *s = st->s;
    size_t len = st->len;
    const kg_edtf_point *dct = &st->c->dct;
    if (!kg_sylset_at(&lunar_first, s, len, i))
        return 0;
    for (size_t k = 0; k < n_lunars; k++) {
        const lunar *h = &lunars[k];
        if (!kg_at(s, len, i, h->w) || !(word_end_ok(s, len, i + h->n) || weekday_tail(s, len, i + h->n)))
            continue;
        int y;
        if (t->yk == K_ABS)
            y = t->y;
        else if (t->yk == K_REL && dct->prec)
            y = dct->year + t->y;
        else if (t->yk || !dct->prec)
            return 0;
        else if (t->dir && dct->prec >= KG_PREC_DAY) {
            /* 지난 추석: the last before the DCT; 오는 설날: the next after it */
            int today = dct->year * 10000 + dct->month * 100 + dct->day;
            y = dct->year;
            int d = lunar_in(h, y);
            if (t->dir < 0 && d >= today)
                y--;
            else if (t->dir > 0 && d && d <= today)
                y++;
        } else {
            y = dct->year;
            int now = lunar_in(h, y), next = lunar_in(h, y + 1);
            if (dct->prec >= KG_PREC_MONTH && now && now / 100 % 100 > dct->month + MONTH_AHEAD)
                y--;
            else if (dct->prec >= KG_PREC_MONTH && next && next / 100 % 100 + 12 - dct->month <= MONTH_AHEAD_NEXT_YEAR)
                y++;
        }
        int d = lunar_in(h, y);
        t->yk = K_ABS;
        t->y = y;
        if (d) {
            t->mk = K_ABS;
            t->m = d / 100 % 100;
            t->dk = K_ABS;
            t->d = d % 100;
        }
        return i + h->n;
    }
    return 0;
}

/* A holiday on a fixed day (한글날) at i: a month and a day. */

static inline __attribute__((always_inline)) size_t p_holiday(tstate *st, size_t i, tspec *t)
{
    int idx;
    size_t n = tw_at(&t_holidays, st->s, st->len, i, &idx);
    /* (삼일절인 지난 1일: the copula of weekday_tails too) */
    if (!n || !(word_end_ok(st->s, st->len, i + n) || weekday_tail(st->s, st->len, i + n)) ||
        !t_holidays.v[idx].off || !t_holidays.v[idx].part)
        return 0;
    t->mk = K_ABS;
    t->m = t_holidays.v[idx].off;
    t->dk = K_ABS;
    t->d = t_holidays.v[idx].part;
    /* 광복절인 15일: the day it names is the holiday, one time */
    size_t k = tw_at(&t_weekday_tails, st->s, st->len, i + n, NULL), e;
    k = k ? i + n + k : 0;
    int d;
    if (k && k < st->len && st->s[k] == ' ' && (e = read_int(st->s, st->len, k + 1, 2, &d)) && d == t->d &&
        (e = lit(st->s, st->len, e, M_DAY)) && word_end_ok(st->s, st->len, e))
        return e;
    return i + n;
}

/* After a month at i: the nth weekday of it (셋째 화요일, 첫번째 수요일,
 * 마지막 일요일) or its last day (마지막 날). Its end, or 0. */
static size_t p_nth_weekday(tstate *st, size_t i, tspec *t)
{
    const char *s = st->s;
    size_t len = st->len, n;
    int idx;
    if ((n = tw_at(&t_month_last, s, len, i, NULL)) && word_end_ok(s, len, i + n)) {
        t->dk = K_ABS;
        t->nth = -1;
        t->wday = 0;
        return i + n;
    }
    if (!(n = tw_at(&t_ordinals, s, len, i, &idx)))
        return 0;
    int nth = t_ordinals.v[idx].off;
    size_t j = sp(s, len, i + n);
    int wi;
    size_t w = tw_at(&t_month_weeks, s, len, j, NULL);
    if (w && nth) {
        /* a week of the month (셋째 주), or a day of it (셋째 주 수요일) */
        size_t k = j + w, d;
        if (k < len && s[k] == ' ' && (d = tw_at(&t_weekdays, s, len, k + 1, &wi)) &&
            (word_end_ok(s, len, k + 1 + d) || weekday_tail(s, len, k + 1 + d)) && t_weekdays.v[wi].off >= 1 &&
            t_weekdays.v[wi].off <= 7) {
            t->wday = t_weekdays.v[wi].off;
            k += 1 + d;
        } else if (!word_end_ok(s, len, k))
            return 0;
        t->dk = K_ABS;
        t->wk = nth;
        return k;
    }
    w = tw_at(&t_weekdays, s, len, j, &wi);
    if (!w || !word_end_ok(s, len, j + w) || t_weekdays.v[wi].off < 1 || t_weekdays.v[wi].off > 7 || !nth)
        return 0;
    t->dk = K_ABS;
    t->nth = nth;
    t->wday = t_weekdays.v[wi].off;
    return j + w;
}

/* ---- resolution ---- */

static dpt mkpt(int y, int m, int d)
{
    dpt p = { y, m, d, d ? KG_PREC_DAY : (m ? KG_PREC_MONTH : KG_PREC_YEAR), 0 };
    return p;
}

static void add_days(int *y, int *m, int *d, long n)
{
    long z = kg_days_from_civil(*y, *m, *d) + n;
    kg_civil_from_days(z, y, m, d);
}

static void add_months(int *y, int *m, int n)
{
    int t = *y * 12 + (*m - 1) + n;
    *y = t / 12;
    *m = t % 12 + 1;
}

/* resolve's date as it is worked out: unknown once a part cannot be. */
typedef struct ymd {
    int y, m, d;
    int unknown;
} ymd;

/* resolve, the year: absolute, from the DCT, or from the last year. */
static void res_year(const tstate *st, const tspec *t, ymd *r)
{
    const kg_edtf_point *dct = &st->c->dct;
    int dp = dct->prec;
    if (t->yk == K_ABS)
        r->y = t->y;
    else if (t->yk == K_REL) {
        if (dp >= KG_PREC_YEAR)
            r->y = dct->year + t->y;
        else
            r->unknown = 1;
    } else if (t->yk == K_LAST) {
        if (st->last_y)
            r->y = st->last_y + t->y;
        else
            r->unknown = 1;
    } else if (t->yk == K_TOLD) {
        /* 전년: from the year last told, else from the DCT's */
        if (st->last_y)
            r->y = st->last_y + t->y;
        else if (dp >= KG_PREC_YEAR)
            r->y = dct->year + t->y;
        else
            r->unknown = 1;
    } else if (!t->mk && !t->dk && t->part == P_Q) {
        /* a quarter alone (4분기): in the year told in the sentence, else
         * in the year of the last quarter told, else the latest such
         * quarter begun by the DCT; after 오는 the next that has not
         * ended by the DCT, after 지난 the last that has (as a month:
         * 오는 3분기 in February is this year's, in November next year's;
         * 지난 3분기 in August last year's), whatever year was told */
        int qs = 3 * (t->q2 ? t->q2 : t->q) - 2;
        if (t->dir && dp >= KG_PREC_MONTH)
            r->y = dct->year + (t->dir > 0 ? qs + 2 < dct->month : -(qs + 2 >= dct->month));
        else if (st->sent_y)
            r->y = st->sent_y;
        else if (st->last_q_y)
            r->y = st->last_q_y;
        else if (dp >= KG_PREC_MONTH) {
            /* (one not begun is last year's when far ahead: 4분기 실적 in
             * January; 4분기에는 회복이 기대된다 in August is this year's) */
            /* (a range by its last quarter: 1~3분기 누적 is told after
             * the third) */
            r->y = dct->year - (qs > dct->month + QUARTER_AHEAD);
        } else
            r->unknown = 1;
    }
}


/* resolve, the month; a month alone is in the DCT's year, moved by 지난
 * or 오는 (t->dir). */
static void res_month(const tstate *st, const tspec *t, ymd *r)
{
    const kg_edtf_point *dct = &st->c->dct;
    int dp = dct->prec;
    if (t->mk == K_ABS) {
        r->m = t->m;
        if (!t->yk) {
            if (!t->dir && st->sent_y) {
                r->y = st->sent_y; /* 지난해 코로나가 닥치자 3월 */
            } else if (dp >= KG_PREC_YEAR) {
                r->y = dct->year;
                if (dp >= KG_PREC_MONTH) {
                    if (t->dir < 0 && r->m > dct->month)
                        r->y--;
                    else if (t->dir > 0 && r->m < dct->month)
                        r->y++;
                    else if (!t->dir && r->m > dct->month + MONTH_AHEAD)
                        r->y--;
                    else if (!t->dir && r->m + 12 - dct->month <= MONTH_AHEAD_NEXT_YEAR)
                        r->y++;
                }
            } else
                r->unknown = 1;
        }
    } else if (t->mk == K_REL) {
        if (dp >= KG_PREC_MONTH) {
            r->y = dct->year;
            r->m = dct->month;
            add_months(&r->y, &r->m, t->m);
        } else
            r->unknown = 1;
    } else if (t->mk == K_LAST) {
        /* 같은 달: the month last spoken of, in the year named with it
         * (작년 같은 달) or else in its own year */
        if (st->last_m && (t->yk || st->last_y)) {
            if (!t->yk)
                r->y = st->last_y;
            r->m = st->last_m;
        } else
            r->unknown = 1;
    }
}

/* The date a photo caption ends with (a line whose last word is a full
 * dotted date: "... 악수하고 있다. 2025.10.31"): the days of that line are
 * told from it. 1 and *p when the line holding i ends so. */
static int caption_date(const tstate *st, size_t i, kg_edtf_point *p)
{
    const char *s = st->s;
    size_t len = st->len;
    size_t lim = len - i < 400 ? len - i : 400; /* (a caption is short: bounded work) */
    const char *nl = memchr(s + i, '\n', lim);
    if (!nl && lim < len - i)
        return 0;
    size_t e = nl ? (size_t)(nl - s) : len;
    while (e > i && (s[e - 1] == ' ' || s[e - 1] == '\r'))
        e--;
    size_t b = e;
    while (b > i && s[b - 1] != ' ')
        b--;
    if (b <= i || e - b < 8 || e - b > 12 || !isd(s[b]))
        return 0;
    kg_edtf dd;
    size_t n = kg_text_scan_date(s + b, e - b, &dd);
    while (n && b + n > b && s[b + n - 1] == ' ')
        n--;
    if (b + n != e || dd.a.prec != KG_PREC_DAY)
        return 0;
    *p = dd.a;
    return 1;
}

/* 1 if the first predicate after i in its sentence is in the past: the
 * syllable before its 다 ends in ㅆ (발표했다, 열렸다고, 됐다며; not 있다,
 * 하겠다); a day
 * number told with it cannot lie after the DCT. */
static int past_after(const tstate *st, size_t i)
{
    const char *s = st->s;
    size_t len = st->len, lim = i + 300 < len ? i + 300 : len;
    /* (only a line end, a dot or the first byte of R_FINAL stops the
     * walk: those are found sixteen bytes at a time) */
    const char stops[3] = { '\n', '.', R_FINAL[0] };
    for (size_t j = i + 3; j + 3 <= lim; j++) {
        j = kg_find_bytes(s, j, lim - 2, stops, 3, 0);
        if (j + 3 > lim)
            break;
        if (s[j] == '\n' || (s[j] == '.' && j + 1 < len && s[j + 1] == ' '))
            return 0;
        if (!kg_at(s, len, j, R_FINAL))
            continue;
        size_t e = j + strlen(R_FINAL);
        unsigned char c = e < len ? (unsigned char)s[e] : ' ';
        if (!(c == ' ' || c == '.' || c == ',' || c == '\n' || c == '"' || c == 0xE2 ||
              kg_lit_any(s, len, e, final_links)))
            continue;
        size_t ws = j;
        while (ws > i && s[ws - 1] != ' ')
            ws--;
        size_t pl = strlen(R_PLAN);
        if (ws >= i + pl + 1 && s[ws - 1] == ' ' && kg_at(s, len, ws - pl - 1, R_PLAN))
            return 0; /* a plan: 물리기로 했다 */
        size_t n;
        uint32_t cp = kg_u8_at(s, len, j - 3, &n);
        /* (있다 and 하겠다 are no past) */
        return n == 3 && cp >= 0xAC00 && cp <= 0xD7A3 && (cp - 0xAC00) % 28 == 20 && cp != 0xC788 && cp != 0xACA0;
    }
    return 0;
}

/* How many days after the DCT's a day number alone may lie and still be
 * read as coming this month (24일 공개 in a text of the 23rd); later
 * ones are last month's (31일 in a text of the 11th). */
enum { DAY_AHEAD = 7 };

/* The day n weekdays away from y-m-d (n < 0: back), Saturdays and
 * Sundays skipped: 전 거래일. */
static void add_weekdays(int *y, int *m, int *d, int n)
{
    int step = n < 0 ? -1 : 1;
    for (int k = n < 0 ? -n : n; k > 0;) {
        add_days(y, m, d, step);
        long z = kg_days_from_civil(*y, *m, *d);
        long dow = ((z % 7) + 7 + 3) % 7; /* 0 Monday */
        if (dow < 5)
            k--;
    }
}

/* resolve, the day; a day alone is in the DCT's month (or the one before
 * or after it, by t->dir; or the one before it when it lies more than
 * DAY_AHEAD days after the DCT's day), or in the month of the date its
 * caption line ends with. */
static void res_day(tstate *st, const tspec *t, ymd *r)
{
    const kg_edtf_point *dct = &st->c->dct;
    int dp = dct->prec;
    if (t->dk == K_ABS) {
        r->d = t->d;
        if (!t->mk) {
            kg_edtf_point cap;
            if (t->yk) {
                r->unknown = 1; /* 2024년 13일: no month */
            } else if (!t->dir && caption_date(st, st->at, &cap)) {
                r->y = cap.year;
                r->m = cap.month;
                if (r->d > cap.day)
                    add_months(&r->y, &r->m, -1);
            } else if (dp >= KG_PREC_MONTH) {
                r->y = dct->year;
                r->m = dct->month;
                int today = dp == KG_PREC_DAY ? dct->day : 31;
                if (t->dir > 0) {
                    if (r->d < today)
                        add_months(&r->y, &r->m, 1);
                } else if (r->d > today &&
                           (t->dir < 0 || r->d > today + DAY_AHEAD || past_after(st, st->at))) {
                    add_months(&r->y, &r->m, -1);
                }
            } else
                r->unknown = 1;
        }
        if (!r->unknown && t->wk && r->m >= 1 && r->m <= 12) {
            /* the nth week of the month, Monday to Sunday: the first is
             * the one that holds the month's first Thursday, the last the
             * one that holds its last (so a week belongs to one month) */
            long z1 = kg_days_from_civil(r->y, r->m, 1);
            int dow1 = (int)(((z1 % 7) + 7 + 3) % 7) + 1; /* 1 Monday */
            int thu = 1 + (4 - dow1 + 7) % 7;              /* the first Thursday */
            if (t->wk < 0)
                thu += 7 * ((kg_tag_mdays(r->y, r->m) - thu) / 7);
            else
                thu += 7 * (t->wk - 1);
            r->d = 1;
            add_days(&r->y, &r->m, &r->d, thu - 1 - 3 + (t->wday ? t->wday - 1 : 0));
        }
        if (!r->unknown && t->nth && r->m >= 1 && r->m <= 12) {
            /* the nth weekday of the month, or its last day */
            int last = kg_tag_mdays(r->y, r->m);
            if (!t->wday)
                r->d = last;
            else {
                long z1 = kg_days_from_civil(r->y, r->m, 1);
                int dow1 = (int)(((z1 % 7) + 7 + 3) % 7) + 1; /* 1 Monday */
                int first = 1 + (t->wday - dow1 + 7) % 7;
                if (t->nth > 0)
                    r->d = first + 7 * (t->nth - 1);
                else
                    r->d = first + 7 * ((last - first) / 7);
            }
        }
        if (!r->unknown && (r->m < 1 || r->d > kg_tag_mdays(r->y, r->m) || t->d2 > kg_tag_mdays(r->y, r->m)))
            r->unknown = 1;
        if (!t->yk)
            st->cur_story = 1;
    } else if (t->dk == K_STORY) {
        /* 이날, 전날, 전 거래일: from the story's day, else the DCT; in a
         * later paragraph than the day that set it, from the story's main
         * day */
        if (st->have_story) {
            const dpt *sd = &st->story;
            if (st->have_main && st->story_at < st->cur_at &&
                memchr(st->s + st->story_at, '\n', st->cur_at - st->story_at))
                sd = &st->main_story;
            r->y = sd->y;
            r->m = sd->m;
            r->d = sd->d;
        } else if (dp == KG_PREC_DAY) {
            r->y = dct->year;
            r->m = dct->month;
            r->d = dct->day;
        } else {
            r->unknown = 1;
            return;
        }
        if (t->flags & TF_TRADING)
            add_weekdays(&r->y, &r->m, &r->d, t->d);
        else
            add_days(&r->y, &r->m, &r->d, t->d);
    } else if (t->dk == K_WEEKDAY) {
        /* of the DCT's week; 지난: the last before the DCT; 오는: the next */
        if (dp != KG_PREC_DAY) {
            r->unknown = 1;
            return;
        }
        r->y = dct->year;
        r->m = dct->month;
        r->d = dct->day;
        long z = kg_days_from_civil(r->y, r->m, r->d);
        int dow = (int)(((z % 7) + 7 + 3) % 7) + 1; /* 1 Monday */
        int delta = t->wday - dow;
        if (t->dir < 0 && delta >= 0)
            delta -= 7;
        else if (t->dir > 0 && delta <= 0)
            delta += 7;
        else if (!t->dir && delta > 0 && past_after(st, st->at))
            delta -= 7; /* 일요일 발표했다 on a Wednesday: the last Sunday */
        add_days(&r->y, &r->m, &r->d, delta);
    } else if (t->dk == K_REL) {
        st->cur_story = 1;
        if (dp == KG_PREC_DAY) {
            r->y = dct->year;
            r->m = dct->month;
            r->d = dct->day;
            add_days(&r->y, &r->m, &r->d, t->d);
        } else
            r->unknown = 1;
    } else if (t->dk == K_LAST) {
        /* 같은 날, 그날; 다음 날: the day after the one last spoken of */
        /* (not a range still to come told in between: 25일 발표했다. 규정은
         * 오는 12월 15일부터 시행된다. 중국은 다음 날 반발했다: the 26th) */
        const tval *lv = st->have_past ? &st->past : &st->last;
        if (st->have_last && !lv->interval && lv->a.prec == KG_PREC_DAY) {
            r->y = lv->a.y;
            r->m = lv->a.m;
            r->d = lv->a.d;
            add_days(&r->y, &r->m, &r->d, t->d);
        } else
            r->unknown = 1;
    }
}

/* resolve, the part of a month or a year (초, 중순, 하반기, 1분기) as an
 * interval, and approximation. */
static void res_part(const tspec *t, int y, int m, int d, tval *out)
{
    if (t->part) {
        out->interval = 1;
        if (d) {
            /* a part of a day: keep the day */
            out->interval = 0;
        } else if (m) {
            int a = 1, b = kg_tag_mdays(y, m);
            if (t->part == P_EARLY)
                b = 10;
            else if (t->part == P_MIDM || t->part == P_MID)
                a = 11, b = 20;
            else if (t->part == P_LATE)
                a = 21;
            else
                out->interval = 0;
            if (out->interval) {
                out->a = mkpt(y, m, a);
                out->b = mkpt(y, m, b);
            }
        } else {
            int a = 1, b = 12;
            switch (t->part) {
            case P_EARLY: a = 1, b = 4; break;
            case P_MID: case P_MIDM: a = 5, b = 8; break;
            case P_LATE: a = 9, b = 12; break;
            case P_H1: a = 1, b = 6; break;
            case P_H2: a = 7, b = 12; break;
            case P_Q: a = 3 * t->q - 2, b = 3 * (t->q2 ? t->q2 : t->q); break;
            case P_SPRING: a = 3, b = 5; break;
            case P_SUMMER: a = 6, b = 8; break;
            case P_AUTUMN: a = 9, b = 11; break;
            case P_WINTER: a = 12, b = 2; break;
            default: break;
            }
            out->a = mkpt(y, a, 0);
            out->b = mkpt(t->part == P_WINTER ? y + 1 : y, b, 0); /* (winter: into the next year) */
        }
    }
    if (t->approx) {
        if (out->interval) {
            out->a.approx = 1;
            out->b.approx = 1;
        } else
            out->a.approx = 1;
    }
}

/* Resolves a spec against the DCT and the last time. */
static int resolve(tstate *st, const tspec *t, tval *out)
{
    memset(out, 0, sizeof *out);
    ymd r = { 0, 0, 0, 0 };
    res_year(st, t, &r);
    res_month(st, t, &r);
    res_day(st, t, &r);
    if (t->yk == K_ABS || t->yk == K_REL || t->yk == K_LAST)
        st->cur_year = 1;
    if (t->flags & TF_BASE)
        st->cur_base = 1;
    if (t->part == P_Q)
        st->cur_q = 1;
    if (r.unknown) {
        out->unknown = 1;
        return 0;
    }
    out->a = mkpt(r.y, r.m, r.d);
    if (t->wk && !t->wday) {
        /* a week: Monday to Sunday */
        out->interval = 1;
        add_days(&r.y, &r.m, &r.d, 6);
        out->b = mkpt(r.y, r.m, r.d);
    } else if (t->d2) {
        out->interval = 1;
        out->b = mkpt(r.y, r.m, t->d2);
    }
    if (t->yk == K_ABS && r.d && st->c->dct.prec == KG_PREC_DAY) {
        /* a full date near the DCT is a day of the story */
        long z = kg_days_from_civil(r.y, r.m, r.d);
        long zd = kg_days_from_civil(st->c->dct.year, st->c->dct.month, st->c->dct.day);
        if (z - zd <= 31 && zd - z <= 31)
            st->cur_story = 1;
    }
    res_part(t, r.y, r.m, r.d, out);
    return 1;
}

/* Writes v zero-padded to width digits at p (what "%0*d" writes for
 * 0 <= v); returns the new end. */
static inline __attribute__((always_inline)) char *put_dec(char *p, int v, int width)
{
    /* (the widths fmt_pt asks for, the values of a date: written
     * straight) */
    static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                "8081828384858687888990919293949596979899";
    if (width == 4 && v >= 0 && v < 10000) {
        memcpy(p, pairs + 2 * (v / 100), 2);
        memcpy(p + 2, pairs + 2 * (v % 100), 2);
        return p + 4;
    }
    if (width == 2 && v >= 0 && v < 100) {
        memcpy(p, pairs + 2 * v, 2);
        return p + 2;
    }
    char tmp[12];
    int k = 0;
    do {
        tmp[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (k < width)
        tmp[k++] = '0';
    while (k)
        *p++ = tmp[--k];
    return p;
}

/* The EDTF form of one point ("%04d-%02d-%02d" and a trailing ~ for an
 * approximate one; ".." when open) at buf (room for 24 bytes). Written by
 * hand: a time mention is formatted for every one found. */
static inline __attribute__((always_inline)) void fmt_pt(char *buf, size_t n, const dpt *p)
{
    if (p->prec == KG_PREC_NONE) {
        snprintf(buf, n, "..");
        return;
    }
    if (p->y < 0 || p->y > 99999 || p->m < 0 || p->m > 99 || p->d < 0 || p->d > 99 || n < 24) {
        /* never from the grammar; printf knows the odd cases */
        if (p->prec == KG_PREC_YEAR)
            snprintf(buf, n, "%04d%s", p->y, p->approx ? "~" : "");
        else if (p->prec == KG_PREC_MONTH)
            snprintf(buf, n, "%04d-%02d%s", p->y, p->m, p->approx ? "~" : "");
        else
            snprintf(buf, n, "%04d-%02d-%02d%s", p->y, p->m, p->d, p->approx ? "~" : "");
        return;
    }
    char *q = put_dec(buf, p->y, 4);
    if (p->prec != KG_PREC_YEAR) {
        *q++ = '-';
        q = put_dec(q, p->m, 2);
        if (p->prec != KG_PREC_MONTH) {
            *q++ = '-';
            q = put_dec(q, p->d, 2);
        }
    }
    if (p->approx)
        *q++ = '~';
    *q = '\0';
}

/* buf[0..n) := a, then "/" and b when b is given, cut to n - 1 bytes and
 * NUL-terminated, as snprintf would write it (n > 0). */
static void put_cut(char *buf, size_t n, const char *a, const char *b)
{
    size_t o = 0;
    for (const char *p = a; *p && o + 1 < n; p++)
        buf[o++] = *p;
    if (b) {
        if (o + 1 < n)
            buf[o++] = '/';
        for (const char *p = b; *p && o + 1 < n; p++)
            buf[o++] = *p;
    }
    buf[o] = '\0';
}

static void fmt_val(char *buf, size_t n, const tval *v)
{
    if (v->unknown) {
        buf[0] = '\0';
        return;
    }
    char a[24], b[24];
    fmt_pt(a, sizeof a, &v->a);
    if (!v->interval) {
        size_t la = strlen(a);
        if (la < n)
            memcpy(buf, a, la + 1);
        else
            put_cut(buf, n, a, NULL);
        return;
    }
    fmt_pt(b, sizeof b, &v->b);
    size_t la = strlen(a), lb = strlen(b);
    if (la + 1 + lb < n) {
        memcpy(buf, a, la);
        buf[la] = '/';
        memcpy(buf + la + 1, b, lb + 1);
    } else
        put_cut(buf, n, a, b);
}

/* ---- expressions ---- */

/* A calendar expression (year? month? day? part?) at i. */
/* 1 if a word of weekday_tails ends a word at e: 목요일인 17일. */
static int weekday_tail(const char *s, size_t len, size_t e)
{
    int wi;
    size_t n = tw_at(&t_weekday_tails, s, len, e, &wi);
    return n && (e + n >= len || s[e + n] == ' ');
}

static size_t p_calendar(tstate *st, size_t i, tspec *t)
{
    const char *s = st->s;
    size_t len = st->len;
    size_t e = i, k;
    int any = 0, wi;
    if ((unsigned char)s[i] >= 0x80 && (k = p_word_date(st, i, t)))
        return k;
    if ((k = p_year(st, e, t))) {
        e = k;
        any = 1;
        size_t j = sp(s, len, e);
        tspec save = *t;
        /* 2024년 8월, 지난해 8월, 작년 같은 달 (the month last spoken of) */
        if ((k = p_month(st, j, t)) && (t->mk == K_ABS || t->mk == K_LAST))
            e = k;
        else if (*t = save, (t->yk == K_ABS || t->yk == K_REL) && (k = p_lunar(st, j, t)))
            return k; /* 2013년 설날, 작년 추석 */
        else if (*t = save, (t->yk == K_ABS || t->yk == K_REL) && (k = p_holiday(st, j, t)))
            return k; /* 내년 크리스마스, 2024년 한글날 */
        else
            *t = save; /* 올해 다음 달 is two times */
    } else if ((k = p_month(st, e, t))) {
        e = k;
        any = 1;
    } else if ((k = p_holiday(st, e, t)) || (k = p_lunar(st, e, t))) {
        return k;
    } else if ((k = tw_at(&t_weekdays, s, len, e, &wi)) &&
               (word_end_ok(s, len, e + k) || weekday_tail(s, len, e + k)) &&
               t_weekdays.v[wi].off >= 1 && t_weekdays.v[wi].off <= 7) {
        /* a weekday alone: 목요일, 지난 목요일 */
        t->dk = K_WEEKDAY;
        t->wday = t_weekdays.v[wi].off;
        /* 수요일인 9일: the day it names, one time */
        size_t kt = tw_at(&t_weekday_tails, s, len, e + k, NULL), kd;
        tspec td = *t;
        td.dk = 0, td.wday = 0;
        if (kt && e + k + kt < len && s[e + k + kt] == ' ' && (kd = p_day(st, e + k + kt + 1, &td)) &&
            td.dk == K_ABS && !td.d2 && word_end_ok(s, len, kd)) {
            *t = td;
            return kd;
        }
        return e + k;
    } else if (isd(s[e]) && (k = p_part(st, e, t)) && t->part == P_Q) {
        /* a quarter alone: 4분기 (not 3분기 연속, 2분기째) */
        if (not_day_at(s, len, k, sp(s, len, k)))
            return 0;
        return k;
    } else if (t->part) {
        t->part = P_NONE;
    }
    if (t->mk || !any) { /* 1월 13일, 다음 달 1일, 같은 달 5일 */
        size_t j = any ? sp(s, len, e) : e;
        tspec save = *t;
        if ((k = p_day(st, j, t)) && (t->dk == K_ABS || !any)) {
            e = k;
            any = 1;
        } else
            *t = save;
        if (t->mk && !t->dk && (k = p_nth_weekday(st, j, t)))
            return k;
    }
    if (!any)
        return 0;
    if (t->dk == K_ABS && !t->d2 && e < len && s[e] == ' ') {
        /* the weekday of that day after it: 2월 17일 월요일 (one time;
         * alone the weekday would be the DCT week's) */
        size_t j = e + 1, wk;
        if (kg_sylset_at(&weekday_second, s, len, j + 3) && (wk = tw_at(&t_weekdays, s, len, j, NULL)) &&
            (word_end_ok(s, len, j + wk) || weekday_tail(s, len, j + wk)))
            return j + wk;
    }
    if (!t->dk) {
        /* parts: glued (3월말) or after a space (올해 초) */
        size_t j = e;
        tspec save = *t;
        if ((k = p_part(st, j, t)))
            e = k;
        else if (j < len && s[j] == ' ' && (k = p_part(st, j + 1, t)))
            e = k;
        else
            *t = save;
        if (t->part == P_Q && t->mk)
            t->part = P_NONE;
    }
    return e;
}

/* The first bytes of the zones (p_trail: no zone starts at any other;
 * every byte when a zone is empty). */
static unsigned char zone_first[256];

/* Trailing bits that belong to the expression: (현지 시간), 께, 경, 쯤. */
static size_t p_trail(tstate *st, size_t e, tspec *t)
{
    const char *s = st->s;
    size_t len = st->len, k;
    size_t j = e;
    if (j < len && s[j] == ' ' && j + 1 < len && s[j + 1] == '(')
        j++;
    for (int z = 0; j < len && zone_first[(unsigned char)s[j]] && zones[z]; z++)
        if ((k = lit(s, len, j, zones[z])))
            return k;
    if ((k = kg_lit_any(s, len, e, about_after))) {
        if (word_end_ok(s, len, k)) {
            t->approx = 1;
            return k;
        }
    }
    /* a time of day: 오후 3시, 21:27 */
    j = sp(s, len, e);
    size_t j2 = j;
    for (int q = 0; day_times[q] && (q || firsts_at(&day_time_first, s, len, j)); q++)
        if ((k = lit(s, len, j, day_times[q])) && k < len && s[k] == ' ') {
            j2 = k + 1;
            break;
        }
    int h;
    if ((k = read_int(s, len, j2, 2, &h)) && h <= 24) {
        size_t k2 = lit(s, len, k, M_HOUR);
        if (k2 && word_end_ok(s, len, k2) && !kg_lit_any(s, len, k2, not_hour_after)) {
            size_t k3 = sp(s, len, k2);
            int mi;
            size_t k4 = read_int(s, len, k3, 2, &mi);
            size_t k5 = k4 ? lit(s, len, k4, M_MINUTE) : 0;
            if (k5)
                return k5;
            return k2;
        }
        size_t km;
        int mi;
        /* 21:27 (the minutes may have one digit: end where they end) */
        if (k < len && s[k] == ':' && (km = read_int(s, len, k + 1, 2, &mi)) && mi < 60)
            return km;
    }
    return e;
}

/* An amount of time in number words at i (amount_words, then a unit of
 * amount_word_units of the same class): a native number glued or after
 * a space (한 달, 넉 달, 두 해, 한 주), a Sino-Korean one glued (일주일,
 * 일년). Its end with *n and *unit set, or 0. */
static kg_sylset amount_first; /* the first syllables of amount_words */

static size_t p_amount_words(const char *s, size_t len, size_t i, int *n, int *unit)
{
    int wi;
    size_t e;
    if (!kg_sylset_at(&amount_first, s, len, i) || !(e = tw_at(&t_amount_words, s, len, i, &wi)))
        return 0;
    const tword *w = &t_amount_words.v[wi];
    size_t g = i + e, k = g < len && s[g] == ' ' && (w->cls & TW_NATIVE) ? g + 1 : g;
    for (size_t u = 0; u < t_amount_word_units.n; u++) {
        const tword *uw = &t_amount_word_units.v[u];
        size_t r;
        if (uw->off && (uw->cls & w->cls & (TW_NATIVE | TW_SINO)) && (r = lit(s, len, k, uw->w))) {
            *n = w->off;
            *unit = uw->off;
            return r;
        }
    }
    return 0;
}

/* N[여] (년|개월|달|주|일) at i, or an amount in number words: returns
 * the end and the unit (1 year, 2 month, 3 week, 4 day, 5 native days). */
static size_t p_amount(tstate *st, size_t i, int *n, int *unit, int *approx)
{
    const char *s = st->s;
    size_t len = st->len, e;
    int v;
    /* days counted in native words: 이틀 뒤, 사흘 전, 열흘 만에 (unit 5:
     * never a day of the month) */
    const twords *days = &t_days;
    for (int k = tw_first(days, s, len, i); k >= 0; k = days->next[k])
        if ((e = lit(s, len, i, days->v[k].w))) {
            *n = days->v[k].off;
            *unit = 5;
            return e;
        }
    if ((unsigned char)s[i] >= 0x80)
        return p_amount_words(s, len, i, n, unit);
    if (!(e = read_int(s, len, i, 4, &v)))
        return 0;
    if (e < len && (s[e] == '.' || s[e] == ','))
        return 0;
    size_t ov;
    if ((ov = lit(s, len, e, M_OVER))) {
        *approx = 1;
        e = ov;
    }
    size_t k = sp(s, len, e), r = 0;
    for (size_t q = 0; !r && q < t_amount_units.n && (q || firsts_at(&amount_unit_first, s, len, k)); q++)
        if (t_amount_units.v[q].off && (r = lit(s, len, k, t_amount_units.v[q].w)))
            *unit = t_amount_units.v[q].off;
    if (!r)
        return 0;
    if (*unit == 1 && e - i == 4 && v >= 1000 && !*approx)
        return 0; /* a year: 2023년 */
    if (*unit == 1 && e - i == 2 && !*approx && month_after(st, r))
        return 0; /* a year: 13년 3월 (p_year) */
    if ((ov = lit(s, len, r, M_OVER))) {
        *approx = 1;
        r = ov;
    }
    *n = v;
    return r;
}

static void shift(const kg_edtf_point *dct, int n, int unit, tval *v, int approx)
{
    memset(v, 0, sizeof *v);
    int y = dct->year, m = dct->month ? dct->month : 1, d = dct->day ? dct->day : 1;
    if (unit == 1) {
        v->a = mkpt(y + n, 0, 0);
    } else if (unit == 2) {
        if (dct->prec < KG_PREC_MONTH) {
            v->unknown = 1;
            return;
        }
        add_months(&y, &m, n);
        v->a = mkpt(y, m, 0);
    } else {
        if (dct->prec < KG_PREC_DAY) {
            v->unknown = 1;
            return;
        }
        add_days(&y, &m, &d, unit == 3 ? 7L * n : n); /* (4, 5: days) */
        v->a = mkpt(y, m, d);
    }
    v->a.approx = approx;
}

/* The last bytes of the words of t_approx (approx_before; every byte
 * when a word is empty). */
static unsigned char approx_last[256];

static int approx_before(const char *s, size_t i)
{
    if (i == 0 || s[i - 1] != ' ')
        return 0; /* every word ends with a space: most starts have none */
    if (i >= 2 && !approx_last[(unsigned char)s[i - 2]])
        return 0; /* (no word ends in the byte before the space) */
    for (size_t k = 0; k < t_approx.n; k++) {
        size_t n = t_approx.v[k].n + 1;
        /* (the word's last byte, before the space, first: no memcmp
         * call where it differs) */
        if (i >= n && (n < 2 || s[i - 2] == t_approx.v[k].w[n - 2]) && memcmp(s + i - n, t_approx.v[k].w, n - 1) == 0)
            return (int)n;
    }
    return 0;
}

/* p_expr, eras: a century (21세기) or a decade (2010년대, 90년대 초)
 * at j. Its end, or 0. */
static size_t pe_era(tstate *st, size_t j, tval *v)
{
    const char *s = st->s;
    size_t len = st->len, k, e;
    /* centuries: 21세기 */
    int n;
    /* (the digits read once: a century's are one or two of them, a
     * decade's up to four) */
    size_t d = read_int(s, len, j, 4, &n);
    if ((e = d) && e - j <= 2 && (k = lit(s, len, e, M_CENTURY)) && n >= 1 && n <= 30) {
        memset(v, 0, sizeof *v);
        v->interval = 1;
        v->a = mkpt((n - 1) * 100 + 1, 0, 0);
        v->b = mkpt(n * 100, 0, 0);
        return k;
    }
    /* decades: 2010년대, 90년대 */
    if ((e = d) && (k = lit(s, len, e, M_DECADE)) && n % 10 == 0 &&
        ((e - j == 4 && n >= 1000) || (e - j == 2))) {
        if (e - j == 2)
            n = full_year(st, n);
        memset(v, 0, sizeof *v);
        v->interval = 1;
        v->a = mkpt(n, 0, 0);
        v->b = mkpt(n + 9, 0, 0);
        for (size_t q = 0; q < decade_parts->n; q++) {
            size_t kp = lit(s, len, k, decade_parts->e[q].form);
            const char *part = kg_gram_field(&decade_parts->e[q], "part");
            if (!kp || !part)
                continue;
            if (!strcmp(part, "early"))
                v->b = mkpt(n + 3, 0, 0);
            else if (!strcmp(part, "late"))
                v->a = mkpt(n + 7, 0, 0);
            else
                continue;
            k = kp;
            break;
        }
        return k;
    }
    return 0;
}

/* p_expr, after an amount (N년, N개월 ending at e): N년 전/후/뒤 from
 * the DCT, or 지난 N년 동안 as an interval up to it. 1 when decided,
 * with *end the end (0: no time); 0 when it is no time of these. */
static int pe_amount(tstate *st, size_t e, int past, int amt, int unit, int approx, tval *v, size_t *end)
{
    const char *s = st->s;
    size_t len = st->len, k;
    const kg_edtf_point *dct = &st->c->dct;
    size_t k2 = sp(s, len, e);
    /* N년 전 / 후 / 뒤 */
    int sign = 1;
    k = 0;
    for (size_t q = 0; !past && !k && q < directions->n; q++)
        if ((k = lit(s, len, k2, directions->e[q].form)))
            sign = direction_sign[q];
    if (!past && k && (word_end_ok(s, len, k) || kg_lit_any(s, len, k, direction_tails))) {
        size_t kc = k;
        if (kc < len && s[kc] == '(') { /* 1년 전(3천억원)보다 */
            const char *cl = memchr(s + kc, ')', len - kc < 80 ? len - kc : 80);
            kc = cl ? (size_t)(cl - s) + 1 : kc;
        }
        if (!dct->prec) {
            memset(v, 0, sizeof *v);
            v->unknown = 1;
        } else if (sign < 0 && unit == 1 && st->sent_y && st->have_last &&
                   (st->last.interval || st->last.a.prec == KG_PREC_MONTH) &&
                   (lit(s, len, kc, R_BASE) || lit(s, len, sp(s, len, kc), R_BASE_NOUN))) {
            /* 지난해 4분기 이익이 1년 전보다: the period told in the
             * sentence, N years back (a comparison base) */
            *v = st->last;
            for (int q = 0; q < amt && q < 100; q++) {
                year_back(&v->a);
                year_back(&v->b);
            }
            st->cur_base = 1;
        } else if (sign > 0 && past_after(st, kc)) {
            /* N개월 뒤 …했다: after the time told just before (the
             * DCT's future cannot be told in the past), else unknown */
            if (st->have_last && st->sent_no - st->last_sent <= 1 && !st->last.unknown && st->last.a.prec) {
                kg_edtf_point from = { st->last.a.y, st->last.a.m, st->last.a.d, st->last.a.prec, 0, 0 };
                shift(&from, amt, unit, v, approx);
            } else {
                memset(v, 0, sizeof *v);
                v->unknown = 1;
            }
        } else
            shift(dct, sign * amt, unit, v, approx);
        size_t k3;
        if ((k3 = lit(s, len, k, M_FROM)) && !v->unknown) {
            v->interval = 1;
            v->b.prec = KG_PREC_NONE;
            k = k3;
        }
        *end = k;
        return 1;
    }
    if (past) {
        /* 지난 N년 (넘는 시간) 동안|간|새|사이 */
        size_t k3 = k2;
        if ((k = tw_at(&t_span_over, s, len, k3, NULL)) && kg_at(s, len, k3 + k, " ")) {
            approx = 1;
            k3 += k + 1;
            if ((k = tw_at(&t_span_nouns, s, len, k3, NULL)) && kg_at(s, len, k3 + k, " "))
                k3 += k + 1;
        }
        k = 0;
        for (size_t q = 0; !k && q < t_span_ends.n; q++)
            if (t_span_ends.v[q].cls & TW_GLUED)
                k = lit(s, len, e, t_span_ends.v[q].w);
        for (size_t q = 0; !k && q < t_span_ends.n; q++)
            if (t_span_ends.v[q].cls & TW_SPACED)
                k = lit(s, len, k3, t_span_ends.v[q].w);
        if (k) {
            memset(v, 0, sizeof *v);
            if (!dct->prec || (unit == 2 && dct->prec < KG_PREC_MONTH) ||
                (unit >= 3 && dct->prec < KG_PREC_DAY)) {
                v->unknown = 1;
                *end = k;
                return 1;
            }
            tval a;
            shift(dct, -amt, unit, &a, approx);
            v->interval = 1;
            v->a = a.a;
            tval b;
            shift(dct, 0, unit, &b, 0);
            v->b = b.a;
            *end = k;
            return 1;
        }
    }
    return 0;
}

/* p_expr, a bare number before ~ (2020~2023년, 3~5월): the range up to
 * the calendar expression after it. 1 when it is one (*end its end). */
static int pe_bare_range(tstate *st, size_t j, int dir, tval *v, size_t *end)
{
    const char *s = st->s;
    size_t len = st->len;
    int bn = 0;
    size_t be = 0;
    size_t pm = 0;
    if ((be = read_int(s, len, j, 4, &bn)) && be < len &&
        (s[be] == '~' || s[be] == '-' || (pm = kg_lit_any(s, len, be, pair_marks)))) {
        size_t bj = pm ? pm : be + 1;
        tspec t2;
        memset(&t2, 0, sizeof t2);
        t2.dir = dir;
        size_t e2 = p_calendar(st, bj, &t2);
        if (e2) {
            tspec t1;
            memset(&t1, 0, sizeof t1);
            if (t2.yk == K_ABS && be - j == 4 && bn >= 1000) {
                t1.yk = K_ABS;
                t1.y = bn;
            } else if (!t2.yk && t2.mk == K_ABS && !t2.dk && bn >= 1 && bn <= 12) {
                t1.mk = K_ABS;
                t1.m = bn;
            } else
                return 0; /* (days, 13~15일: p_day reads them) */
            /* (two after a pair mark only when one follows the other:
             * 3·4월, 2024·2025년) */
            if (pm && (t1.yk ? t2.y != bn + 1 : t2.m != bn + 1))
                return 0;
            e2 = p_trail(st, e2, &t2);
            tval a, b;
            int okb = resolve(st, &t2, &b);
            if (okb && t1.mk && !t1.yk) {
                /* 7~8월: the first month in the year of the second (the
                 * year before when it would come after it) */
                t1.yk = K_ABS;
                t1.y = b.a.y - (bn > b.a.m);
            }
            if (!okb || !resolve(st, &t1, &a)) {
                memset(v, 0, sizeof *v);
                v->unknown = 1;
                *end = e2;
                return 1;
            }
            memset(v, 0, sizeof *v);
            v->interval = 1;
            v->a = a.a;
            v->b = b.interval ? b.b : b.a;
            *end = e2;
            return 1;
        }
    }
    return 0;
}

/* p_expr: a range of amounts before a direction, 2~3년 전, 3-4개월 뒤
 * -> the interval between the two points. Its end, or 0. */
static int pt_cmp(const dpt *a, const dpt *b);

static size_t pe_amount_range(tstate *st, size_t j, int past, tval *v)
{
    const char *s = st->s;
    size_t len = st->len, e, b, r, k;
    int a, n2, unit = 0, approx = 0;
    if (past || !(e = read_int(s, len, j, 3, &a)) || e >= len)
        return 0;
    if (s[e] == '~' || s[e] == '-')
        b = e + 1;
    else if (!(b = lit(s, len, e, "∼")))
        return 0;
    if (!(r = p_amount(st, b, &n2, &unit, &approx)) || unit > 4 || n2 <= a || a < 1)
        return 0;
    tval v1, v2;
    size_t k1;
    if (!pe_amount(st, r, 0, n2, unit, approx, &v2, &k) || v2.unknown || v2.interval ||
        !pe_amount(st, r, 0, a, unit, approx, &v1, &k1) || v1.unknown || v1.interval)
        return 0;
    memset(v, 0, sizeof *v);
    v->interval = 1;
    int later = pt_cmp(&v1.a, &v2.a) > 0;
    v->a = later ? v2.a : v1.a;
    v->b = later ? v1.a : v2.a;
    return k;
}

/* p_expr: half a year (반년 전, 반년 뒤) -> six months. Its end, or 0. */
static size_t pe_half_year(tstate *st, size_t j, int past, tval *v)
{
    const char *s = st->s;
    size_t len = st->len, e, k;
    if (past || !(e = lit(s, len, j, R_HALF)) || !(e = lit(s, len, e, M_YEAR)))
        return 0;
    return pe_amount(st, e, 0, 6, 2, 0, v, &k) && !v->interval ? k : 0;
}

/* p_expr, after a year alone (t, ending at e): a range of its months
 * after a space, 2024년 1~3월, 지난해 3∼5월 -> one interval. Its end,
 * or 0. */
static size_t pe_year_months(tstate *st, const tspec *t, size_t e, tval *v)
{
    const char *s = st->s;
    size_t len = st->len, j = sp(s, len, e), k, b, k2;
    int m1, m2;
    if (j == e || !(k = read_int(s, len, j, 2, &m1)) || m1 < 1 || m1 > 12)
        return 0;
    if (k < len && (s[k] == '~' || s[k] == '-'))
        b = k + 1;
    else if (!(b = lit(s, len, k, "∼")))
        return 0;
    if (!(k2 = read_int(s, len, b, 2, &m2)) || m2 <= m1 || m2 > 12 || !(k2 = lit(s, len, k2, M_MONTH)))
        return 0;
    if (!word_end_ok(s, len, k2) && !lit(s, len, k2, M_FROM) && !lit(s, len, k2, M_UNTIL))
        return 0;
    tval y;
    tspec ty = *t;
    if (!resolve(st, &ty, &y) || y.unknown || y.interval || y.a.prec != KG_PREC_YEAR)
        return 0;
    memset(v, 0, sizeof *v);
    v->interval = 1;
    v->a = mkpt(y.a.y, m1, 0);
    v->b = mkpt(y.a.y, m2, 0);
    return k2;
}

/* Parses one time expression at i (a token start). Returns its end, or
 * 0. *start gets its start (an 약 before it counts). Either *v is filled
 * and *resolved set, or *tp holds a calendar expression to resolve. */
static size_t p_expr(tstate *st, size_t i, tval *v, size_t *start, tspec *tp, int *resolved)
{
    const char *s = st->s;
    size_t len = st->len, k, e;
    tspec t;
    memset(&t, 0, sizeof t);
    *start = i;
    *resolved = 1;
    size_t j = i;
    int past = 0;
    if (!firsts_at(&direction_first, s, len, j)) {
        /* (no word below starts there: a number, most often) */
    } else if ((k = lit_sp(s, len, j, R_PAST)) && !lit(s, len, k, R_MONTH_NOUN) &&
        tw_at(&dx_year, s, len, j, NULL) <= k - j) { /* (지난 달, 지난 해 are deictic words) */
        t.dir = -1;
        past = 1;
        j = k;
    } else if ((k = lit_sp(s, len, j, R_LAST_BEFORE)) && tw_at(&t_weekdays, s, len, k, NULL)) {
        t.dir = -1; /* (저번 일요일: the last before the DCT, as 지난) */
        j = k;
    } else if ((k = lit_sp(s, len, j, R_COMING)) ||
               ((k = lit_sp(s, len, j, R_NEXT)) && tw_at(&t_weekdays, s, len, k, NULL))) {
        t.dir = 1; /* (다음 화요일: the next after the DCT, as 오는) */
        j = k;
    }

    if ((k = pe_era(st, j, v)))
        return k;

    /* amounts: N년 전, 지난 N년 동안 */
    int unit = 0, approx = 0, amt = 0;
    int apx = approx_before(s, i);
    if ((isd(s[j]) && (k = pe_amount_range(st, j, past, v))) ||
        (s[j] == R_HALF[0] && (k = pe_half_year(st, j, past, v))))
        return k;
    if ((e = p_amount(st, j, &amt, &unit, &approx))) {
        int amt2 = 0, unit2 = 0, approx2 = 0;
        size_t e2;
        if (unit == 1 && (e2 = p_amount(st, sp(s, len, e), &amt2, &unit2, &approx2)) && unit2 == 2 &&
            amt2 < 12 && amt < 1000) {
            /* 2년 9개월 전: in months */
            amt = amt * 12 + amt2;
            unit = 2;
            approx |= approx2;
            e = e2;
        } else if (unit == 1 && amt < 1000 && (e2 = lit(s, len, sp(s, len, e), R_HALF)) && word_end_ok(s, len, e2)) {
            /* 1년 반 전: in months */
            amt = amt * 12 + 6;
            unit = 2;
            e = e2;
        }
        if (apx) {
            approx = 1;
            *start = i - (size_t)apx;
        }
        if (pe_amount(st, e, past, amt, unit, approx, v, &k))
            return k;
        /* otherwise a duration (a figure, not a time), unless it reads as a
         * day of the month: 지난 13일 */
        if (unit != 4)
            return 0;
        *start = i;
    }

    /* bare number before ~: 2020~2023년, 3~5월 */
    if (pe_bare_range(st, j, t.dir, v, &k))
        return k;
    e = p_calendar(st, j, &t);
    if (!e)
        return 0;
    if (t.yk && !t.mk && !t.dk && !t.part && (k = pe_year_months(st, &t, e, v)))
        return k;
    if (t.yk == 0 && t.mk == 0 && t.dk == K_ABS && !word_end_ok(s, len, e) && !lit(s, len, e, "(") &&
        !lit(s, len, e, " ("))
        return 0;
    e = p_trail(st, e, &t);
    if (apx)
        *start = i - (size_t)apx, t.approx = 1;
    *tp = t;
    *resolved = 0;
    return e;
}

/* finish, after 까지 (k its end): Y까지 N년 동안 is the N years before Y. */
static size_t fin_until(tstate *st, size_t k, tval *v)
{
    const char *s = st->s;
    size_t len = st->len;
    size_t k2 = sp(s, len, k);
    int n, unit = 0, approx = 0;
    size_t k3 = p_amount(st, k2, &n, &unit, &approx);
    size_t k4;
    if (k3 && !v->unknown && !v->interval && unit == 1 &&
        ((k4 = lit(s, len, sp(s, len, k3), R_DURING)) || (k4 = lit(s, len, k3, R_DURING_GLUED)))) {
        dpt end = v->a;
        v->interval = 1;
        v->a = mkpt(end.y - n, 0, 0);
        v->a.approx = approx;
        v->b = mkpt(end.y, 0, 0);
        return k4;
    }
    return k;
}

/* finish, after 부터 or 에서 (k its end): A부터 B까지 is a range, A부터
 * alone an open one. */
static size_t fin_from(tstate *st, size_t e, size_t k, tval *v)
{
    const char *s = st->s;
    size_t len = st->len;
    int from = lit(s, len, e, M_FROM) != 0;
    /* A부터 B까지 */
    size_t j = sp(s, len, k);
    tspec t2;
    memset(&t2, 0, sizeof t2);
    size_t e2 = p_calendar(st, j, &t2);
    if (e2) {
        size_t e3 = p_trail(st, e2, &t2);
        size_t k2 = lit(s, len, e3, M_UNTIL);
        if (!k2 && (e3 >= len || s[e3] == '\n' || s[e3] == '.' || s[e3] == ',' || s[e3] == ')'))
            k2 = e3; /* A부터 B at the end of a line or a clause */
        if (!k2 && e3 < len && s[e3] == ' ' && (k2 = lit(s, len, e3 + 1, R_BETWEEN)) && !word_end_ok(s, len, k2))
            k2 = 0; /* A에서 B 사이 */
        if (k2) {
            if (!t2.yk && !v->unknown && !v->interval) {
                if (t2.mk == K_ABS) {
                    /* (12월 30일부터 1월 2일까지: the next year's) */
                    t2.yk = K_ABS;
                    t2.y = v->a.y + (v->a.m && t2.m < v->a.m);
                }
                if (t2.dk == K_ABS && !t2.mk && v->a.m) {
                    t2.yk = K_ABS;
                    t2.y = v->a.y;
                    t2.mk = K_ABS;
                    t2.m = v->a.m;
                }
            }
            tval b;
            if (!v->unknown && resolve(st, &t2, &b)) {
                dpt a = v->interval ? v->a : v->a;
                v->interval = 1;
                v->a = a;
                v->b = b.interval ? b.b : b.a;
            } else
                v->unknown = 1;
            return k2;
        }
    }
    if (!from)
        return e;
    if (!v->unknown) {
        if (!v->interval)
            v->interval = 1;
        v->b.prec = KG_PREC_NONE;
    }
    return k;
}

/* finish, the words after a time that make it open or approximate: 이후,
 * 이래, 후로, 이전, (을) 전후해, 안에. Their end, or 0. */
static size_t fin_around(tstate *st, size_t e, tval *v)
{
    const char *s = st->s;
    size_t len = st->len, k;
    size_t j = sp(s, len, e);
    if (((k = kg_lit_any(s, len, j, since_words)) || (k = lit(s, len, e, R_SINCE_GLUED))) &&
        word_end_ok(s, len, k)) {
        int n, unit = 0, approx = 0;
        /* (an approximation word before the span: 이후 약 7주 만에) */
        size_t ak = sp(s, len, k);
        for (size_t q = 0; q < t_approx.n; q++)
            if (kg_at(s, len, ak, t_approx.v[q].w) && ak + t_approx.v[q].n < len && s[ak + t_approx.v[q].n] == ' ') {
                ak += t_approx.v[q].n + 1;
                break;
            }
        size_t ka = p_amount(st, ak, &n, &unit, &approx), kb, kx;
        if (ka && (kx = p_amount(st, sp(s, len, ka), &n, &unit, &approx)))
            ka = kx; /* 1년 6개월 만 */
        if (ka && (kb = lit(s, len, sp(s, len, ka), R_AFTER_AMOUNT)) && word_end_ok(s, len, kb))
            return k; /* 2018년 7월 이후 1년 6개월 만: the point itself */
        if (ka && (kb = lit(s, len, ka, R_AFTER_AMOUNT)) && word_end_ok(s, len, kb))
            return k;
        if (!v->unknown) {
            v->interval = 1;
            v->b.prec = KG_PREC_NONE;
        }
        return k;
    }
    if ((k = lit(s, len, j, R_BEFORE)) && word_end_ok(s, len, k)) {
        if (!v->unknown) {
            dpt a = v->interval ? v->b : v->a;
            v->interval = 1;
            v->b = a;
            v->a.prec = KG_PREC_NONE;
        }
        return k;
    }
    /* 을 전후해 */
    size_t j2 = j;
    if ((k = kg_lit_any(s, len, e, around_objects)) && k < len && s[k] == ' ')
        j2 = k + 1;
    if ((k = lit(s, len, j2, R_AROUND))) {
        size_t k2;
        if ((k2 = kg_lit_any(s, len, k, around_links)))
            k = k2;
        if (!v->unknown) {
            v->a.approx = 1;
            if (v->interval)
                v->b.approx = 1;
        }
        return k;
    }
    if ((k = kg_lit_any(s, len, j, within_marks)))
        return k;
    return 0;
}

/* finish, a range A~B with the calendar expression B. Its end, or 0. */
static inline __attribute__((always_inline)) size_t fin_range(tstate *st, size_t e, tval *v)
{
    const char *s = st->s;
    size_t len = st->len;
    /* a range A~B */
    size_t bj = 0, k;
    if (e < len && (s[e] == '~' || (s[e] == '-' && e + 1 < len && isd(s[e + 1]))))
        bj = e + 1;
    else if ((k = lit(s, len, e, "∼")))
        bj = k;
    else if (e + 3 < len && s[e] == ' ' && (s[e + 1] == '~' || s[e + 1] == '-') && (s[e + 2] == ' ' || isd(s[e + 2])))
        bj = e + 2; /* 13일 - 15일 */
    if (bj) {
        bj = sp(s, len, bj);
        tspec t2;
        memset(&t2, 0, sizeof t2);
        size_t e2 = p_calendar(st, bj, &t2);
        if (e2 && !v->unknown) {
            dpt a = v->a;
            if (!t2.yk && (t2.mk || t2.dk)) {
                t2.yk = K_ABS;
                t2.y = a.y + (t2.mk == K_ABS && a.m && t2.m < a.m); /* (12월 30일~1월 2일) */
                if (!t2.mk && t2.dk && a.m) {
                    t2.mk = K_ABS;
                    t2.m = a.m;
                }
            }
            tval b;
            e2 = p_trail(st, e2, &t2);
            if (resolve(st, &t2, &b)) {
                v->interval = 1;
                v->b = b.interval ? b.b : b.a;
            }
            return e2;
        }
    }
    return 0;
}

/* Modifiers after an expression, and ranges. */
static size_t finish(tstate *st, size_t i, size_t e, tspec *dummy, tval *v)
{
    (void)dummy;
    (void)i;
    const char *s = st->s;
    size_t len = st->len, k;
    /* particles that leave the value alone */
    if ((k = lit(s, len, e, M_UNTIL)))
        return fin_until(st, k, v);
    if ((k = lit(s, len, e, M_FROM)) || (k = lit(s, len, e, R_FROM_PLACE)))
        return fin_from(st, e, k, v);
    if (e < len && s[e] == ' ' && (k = lit(s, len, e + 1, M_FROM))) {
        /* 13일 부터 15일: a range only when a time follows */
        tval keep = *v;
        size_t k2 = fin_from(st, e + 1, k, v);
        if (k2 != k)
            return k2;
        *v = keep;
        return e;
    }
    if ((k = fin_around(st, e, v)))
        return k;
    if ((k = fin_range(st, e, v)))
        return k;
    return e;
}

/* The length of 지난해|작년|전년|전년도 + 같은 기간|같은 시기|동기간|동기 at
 * i (a word ending after it), or 0. */
static size_t year_back_period(const char *s, size_t len, size_t i)
{
    if (!firsts_at(&year_first, s, len, i))
        return 0; /* (no word of years starts there) */
    for (size_t y = 0; y < t_years.n; y++) {
        size_t ly = t_years.v[y].n + 1;
        if (!kg_at(s, len, i, t_years.v[y].w) || !kg_at(s, len, i + ly - 1, " "))
            continue;
        for (size_t p = 0; p < t_periods.n; p++) {
            size_t lp = t_periods.v[p].n;
            if (kg_at(s, len, i + ly, t_periods.v[p].w) && word_end_ok(s, len, i + ly + lp))
                return ly + lp;
        }
    }
    return 0;
}

/* A week or a quarter named from the DCT: 이번 주 / 지난주 / 다음 주 (내주;
 * not 전주, also a city), 이번 분기 / 지난 분기 / 전 분기 / 다음 분기. Sets
 * *quarter (0 for weeks) and *delta; returns the length, or 0. */
/* 1 if one of period_tails stands glued at e and a word may end after it
 * (주말동안, 이번 주내내: the tail is not part of the time). */
static int period_tail(const char *s, size_t len, size_t e)
{
    size_t k = kg_lit_any(s, len, e, period_tails);
    return k && word_end_ok(s, len, k);
}

static inline __attribute__((always_inline)) size_t week_or_quarter(const char *s, size_t len, size_t i, int *quarter,
                                                                    int *delta, int *flags)
{
    const twords *forms = &dx_period;
    for (int k = tw_first(forms, s, len, i); k >= 0; k = forms->next[k]) {
        if (!kg_at(s, len, i, forms->v[k].w))
            continue;
        size_t l = forms->v[k].n;
        if (forms->v[k].flags & TF_VERB ? stem_end_ok(s, len, i + l)
                                         : word_end_ok(s, len, i + l) || period_tail(s, len, i + l)) {
            *quarter = forms->v[k].k;
            *delta = forms->v[k].off;
            *flags = forms->v[k].flags;
            return l;
        }
    }
    return 0;
}

/* The week (Monday to Sunday) or, with quarter, the quarter delta away
 * from the DCT's; null when the DCT is too coarse (no day for a week, no
 * month for a quarter). */
static void period_from_dct(const kg_edtf_point *dct, int quarter, int delta, tval *v)
{
    memset(v, 0, sizeof *v);
    if (!quarter && dct->prec >= KG_PREC_DAY) {
        int y = dct->year, m = dct->month, d = dct->day;
        long z = kg_days_from_civil(y, m, d);
        long dow = ((z % 7) + 7 + 3) % 7; /* 0 Monday (1970-01-01 was a Thursday) */
        add_days(&y, &m, &d, -dow + 7L * delta);
        v->interval = 1;
        v->a = mkpt(y, m, d);
        add_days(&y, &m, &d, 6);
        v->b = mkpt(y, m, d);
    } else if (quarter && dct->prec >= KG_PREC_MONTH) {
        int y = dct->year, m = (dct->month - 1) / 3 * 3 + 1;
        add_months(&y, &m, 3 * delta);
        v->interval = 1;
        v->a = mkpt(y, m, 0);
        add_months(&y, &m, 2);
        v->b = mkpt(y, m, 0);
    } else
        v->unknown = 1;
}

/* A point one year earlier (29 February becomes the 28th). */
static void year_back(dpt *p)
{
    if (p->prec < KG_PREC_YEAR)
        return;
    p->y--;
    if (p->prec >= KG_PREC_DAY && p->d > kg_tag_mdays(p->y, p->m))
        p->d = kg_tag_mdays(p->y, p->m);
}

/* 1 if the current sentence opens with an earlier opener (앞서 …) or
 * ends with an earlier end (…한 바 있다): what it tells comes before the
 * story's day. */
static unsigned mark_is(char c)
{
    return c == '\n' || c == '.' || c == '?' || c == '!';
}

/* 1 if the mark at s[e] (mark_is) ends a sentence: a line end, or . ? !
 * after no digit and before a space, a line end or the text's end (3.5
 * and 2.7% go on). */
static inline int mark_ends_sentence(const char *s, size_t len, size_t e)
{
    return s[e] == '\n' || (e > 0 && !isd(s[e - 1]) && (e + 1 >= len || s[e + 1] == ' ' || s[e + 1] == '\n'));
}

/* The sentence marks of the text (a line end, . ? !) in order. The
 * blocks are looked at sixteen bytes at a time (thirty-two with AVX2)
 * and the marks of a block handed out from its mask one by one: a
 * kg_find_bytes call per mark set its compares up again for each mark
 * and looked at the bytes after it again. The block loops below keep
 * their constants and position in registers and stop at the first block
 * with a mark; both bodies find the same marks in the same order (the
 * AVX2 one only looks at more bytes a time). */
typedef struct markscan {
    const char *s;
    size_t len;
    size_t base;   /* the first byte of the block of mask */
    size_t next;   /* the first byte not looked at yet */
    unsigned mask; /* the marks of the block not handed out yet */
    int avx2;      /* kg_avx2(), read once */
} markscan;


#if KG_HAVE_AVX2
/* From p, the first block of thirty-two bytes with a mark (*mask its
 * marks, bit b for p + b: its start returned), while thirty-two bytes
 * can be read; else where it stopped, *mask 0. */
KG_AVX2_FN static size_t marks_avx2(const char *s, size_t p, size_t len, unsigned *mask)
{
    const __m256i nl = _mm256_set1_epi8('\n'), dot = _mm256_set1_epi8('.'), q = _mm256_set1_epi8('?'),
                  ex = _mm256_set1_epi8('!');
    for (; p + 32 <= len; p += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(s + p));
        __m256i x = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, nl), _mm256_cmpeq_epi8(v, dot)),
                                    _mm256_or_si256(_mm256_cmpeq_epi8(v, q), _mm256_cmpeq_epi8(v, ex)));
        unsigned k = (unsigned)_mm256_movemask_epi8(x);
        if (k) {
            *mask = k;
            return p;
        }
    }
    *mask = 0;
    return p;
}
#endif

#ifdef __SSE2__
/* marks_avx2 sixteen bytes at a time. */
static size_t marks_sse2(const char *s, size_t p, size_t len, unsigned *mask)
{
    const __m128i nl = _mm_set1_epi8('\n'), dot = _mm_set1_epi8('.'), q = _mm_set1_epi8('?'), ex = _mm_set1_epi8('!');
    for (; p + 16 <= len; p += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + p));
        __m128i x = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, dot)),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, ex)));
        unsigned k = (unsigned)_mm_movemask_epi8(x);
        if (k) {
            *mask = k;
            return p;
        }
    }
    *mask = 0;
    return p;
}
#endif

/* The next mark, or len after the last. */
static size_t mark_next(markscan *m)
{
    while (!m->mask) {
        if (m->next >= m->len)
            return m->len;
        size_t p = m->next;
        unsigned k = 0;
#if KG_HAVE_AVX2
        if (m->avx2) {
            p = marks_avx2(m->s, p, m->len, &k);
            if (k) {
                m->base = p, m->mask = k, m->next = p + 32;
                break;
            }
        }
#endif
#ifdef __SSE2__
        p = marks_sse2(m->s, p, m->len, &k);
        if (k) {
            m->base = p, m->mask = k, m->next = p + 16;
            break;
        }
#endif
        /* (the tail, or no SSE2: up to sixteen bytes one at a time) */
        m->base = p;
        size_t e = m->len - p < 16 ? m->len : p + 16;
        for (size_t b = p; b < e; b++)
            if (mark_is(m->s[b]))
                m->mask |= 1u << (b - p);
        m->next = e;
    }
    unsigned b = (unsigned)__builtin_ctz(m->mask);
    m->mask &= m->mask - 1;
    return m->base + b;
}

static int earlier_sentence_at(const tstate *st);
static int earlier_sentence(tstate *st)
{
    if (st->early_at != st->sent_at + 1) {
        st->early_at = st->sent_at + 1;
        st->early_is = earlier_sentence_at(st);
    }
    return st->early_is;
}

static int earlier_sentence_at(const tstate *st)
{
    size_t i = st->sent_at;
    while (i < st->len && (st->s[i] == ' ' || st->s[i] == '\n'))
        i++;
    for (int k = 0; earlier_openers && earlier_openers[k]; k++) {
        /* (the first byte first, no strlen and memcmp calls: most
         * sentences open with another) */
        const char *w = earlier_openers[k];
        if (w[0] && (i >= st->len || st->s[i] != w[0]))
            continue;
        size_t l = strlen(w);
        if (i + l <= st->len && !memcmp(st->s + i, w, l))
            return 1;
    }
    /* …경고한 바 있다 (earlier_ends): the sentence's end, before its
     * final mark (mark_ends_sentence, as the time scan counts them) */
    /* (the marks found a block at a time, as the time scan finds them:
     * most bytes of a sentence are none) */
    markscan ms = { st->s, st->len, i, i, 0, kg_avx2() };
    size_t e = mark_next(&ms);
    while (e < st->len && !mark_ends_sentence(st->s, st->len, e))
        e = mark_next(&ms);
    while (e > i && (st->s[e - 1] == ' ' || st->s[e - 1] == '.'))
        e--;
    for (int k = 0; earlier_ends && earlier_ends[k]; k++) {
        size_t l = strlen(earlier_ends[k]);
        if (e >= i + l && !memcmp(st->s + e - l, earlier_ends[k], l))
            return 1;
    }
    return 0;
}

static void remember(tstate *st, const tval *v)
{
    if (v->unknown || st->cur_base)
        return;
    st->last_sent = st->sent_no;
    const dpt *ps = &v->a;
    /* (a day still to come, 7일 회의를 열 계획이다, does not move a
     * story told on a day gone by: a later 이날 is still that day) */
    const kg_edtf_point *dct = &st->c->dct;
    int today = dct->year * 10000 + dct->month * 100 + dct->day;
    int to_come = dct->prec >= KG_PREC_DAY && ps->y * 10000 + ps->m * 100 + ps->d > today;
    int past_story = st->have_story && dct->prec >= KG_PREC_DAY &&
                     st->story.y * 10000 + st->story.m * 100 + st->story.d <= today;
    if (st->cur_story && !v->interval && ps->prec == KG_PREC_DAY && !earlier_sentence(st) && !(to_come && past_story)) {
        st->have_story = 1;
        st->story = *ps;
        st->story_at = st->cur_at;
        const kg_text *t = st->c->t;
        int in_dateline = t->has_dateline && st->cur_at >= t->dateline_at.nstart && st->cur_at < t->dateline_at.nend;
        if (!in_dateline &&
            (!st->have_main || ps->y * 10000 + ps->m * 100 + ps->d >=
                                   st->main_story.y * 10000 + st->main_story.m * 100 + st->main_story.d)) {
            st->have_main = 1;
            st->main_story = *ps;
        }
    }
    if (st->cur_year && v->a.prec >= KG_PREC_YEAR)
        st->sent_y = v->a.y;
    if (st->cur_q && v->a.prec >= KG_PREC_YEAR) {
        st->last_q_y = v->a.y;
        st->last_q = v->a.prec >= KG_PREC_MONTH ? (v->a.m - 1) / 3 + 1 : 0;
    }
    if (v->interval || v->a.prec < KG_PREC_DAY) {
        st->have_lp = 1;
        st->last_period = *v;
        st->lp_sent = st->sent_no;
    }
    st->have_last = 1;
    st->last = *v;
    if (!(to_come && v->interval)) {
        st->have_past = 1;
        st->past = *v;
    }
    const dpt *p = v->a.prec ? &v->a : &v->b;
    if (p->prec >= KG_PREC_YEAR)
        st->last_y = p->y;
    st->last_m = p->prec >= KG_PREC_MONTH ? p->m : 0;
}

/* The list KEY of the grammar times as twords, with the deictic unit
 * UNIT only (NULL: every entry). */
static twords tw_list(const char *key, const char *unit)
{
    static const struct {
        const char *name;
        int p;
    } partnames[] = { { "early", P_EARLY }, { "mid", P_MID },   { "mid-month", P_MIDM },
                      { "late", P_LATE },   { "h1", P_H1 },     { "h2", P_H2 },
                      { "spring", P_SPRING }, { "summer", P_SUMMER }, { "autumn", P_AUTUMN },
                      { "winter", P_WINTER } };
    const kg_gram_list *l = kg_gram_list_get("times", key);
    twords t = { kg_xcalloc(l->n + 1, sizeof(tword)), 0 };
    for (size_t k = 0; k < l->n; k++) {
        const kg_gram_entry *e = &l->e[k];
        const char *u = kg_gram_field(e, "unit"), *off = kg_gram_field(e, "offset"), *val = kg_gram_field(e, "value"),
                   *part = kg_gram_field(e, "part");
        if (unit && (!u || strcmp(u, unit)))
            continue;
        tword *w = &t.v[t.n++];
        w->w = e->form;
        w->n = strlen(e->form);
        w->k = K_REL;
        for (const char *const *c = e->classes; *c; c++) {
            if (!strcmp(*c, "last"))
                w->k = K_LAST;
            else if (!strcmp(*c, "story"))
                w->k = K_STORY;
            else if (!strcmp(*c, "told")) {
                w->k = K_TOLD;
                w->flags |= TF_TOLD; /* (kept for a quarter: k is overwritten below) */
            } else if (!strcmp(*c, "dct"))
                w->flags |= TF_DCT;
            else if (!strcmp(*c, "base"))
                w->flags |= TF_BASE;
            else if (!strcmp(*c, "trading"))
                w->flags |= TF_TRADING;
            else if (!strcmp(*c, "verb"))
                w->flags |= TF_VERB;
            else if (!strcmp(*c, "spaced"))
                w->cls |= TW_SPACED;
            else if (!strcmp(*c, "glued"))
                w->cls |= TW_GLUED;
            else if (!strcmp(*c, "native"))
                w->cls |= TW_NATIVE;
            else if (!strcmp(*c, "sino"))
                w->cls |= TW_SINO;
        }
        if (u && !strcmp(u, "quarter"))
            w->k = 1;
        else if (u && !strcmp(u, "week"))
            w->k = 0;
        long v = strtol(off ? off : val ? val : "0", NULL, 10);
        w->off = v < -1000 ? -1000 : v > 1000 ? 1000 : (int)v;
        for (size_t q = 0; part && q < sizeof partnames / sizeof *partnames; q++)
            if (!strcmp(part, partnames[q].name))
                w->part = partnames[q].p;
    }
    return t;
}

/* The units of a list of amount units (field unit) as p_amount counts
 * them in off: year 1, month 2, week 3, day 4; 0 for a unit kg does not
 * know (the word is then skipped). */
static void amount_unit_codes(twords *t, const char *key)
{
    static const char *const names[] = { "year", "month", "week", "day" };
    const kg_gram_list *au = kg_gram_list_get("times", key);
    for (size_t k = 0; k < t->n && k < au->n; k++) {
        const char *u = kg_gram_field(&au->e[k], "unit");
        t->v[k].off = 0;
        for (int q = 0; u && q < 4; q++)
            if (!strcmp(u, names[q]))
                t->v[k].off = q + 1;
    }
}

/* The word of times marks with field role ROLE (see M_YEAR). */
static const char *word_of(const char *key, const char *role)
{
    const kg_gram_list *l = kg_gram_list_get("times", key);
    for (size_t k = 0; k < l->n; k++) {
        const char *r = kg_gram_field(&l->e[k], "role");
        if (r && !strcmp(r, role))
            return l->e[k].form;
    }
    return "\xff";
}

static const char *mark_of(const char *role)
{
    return word_of("marks", role);
}

static void read_rule_words(void)
{
    R_FINAL = word_of("rule_words", "final"), R_PLAN = word_of("rule_words", "plan");
    R_PAST = word_of("rule_words", "past"), R_COMING = word_of("rule_words", "coming");
    R_MONTH_NOUN = word_of("rule_words", "month_noun"), R_BASE = word_of("rule_words", "base");
    R_BASE_NOUN = word_of("rule_words", "base_noun"), R_DURING = word_of("rule_words", "during");
    R_DURING_GLUED = word_of("rule_words", "during_glued");
    R_SINCE_GLUED = word_of("rule_words", "since_glued");
    R_AFTER_AMOUNT = word_of("rule_words", "after_amount"), R_BEFORE = word_of("rule_words", "before");
    R_AROUND = word_of("rule_words", "around"), R_FROM_PLACE = word_of("rule_words", "from_place");
    R_THEN = word_of("rule_words", "then"), R_BETWEEN = word_of("rule_words", "between");
    R_HALF = word_of("rule_words", "half"), R_ORDINAL = word_of("rule_words", "ordinal");
    R_NEXT = word_of("rule_words", "next");
    R_LAST_BEFORE = word_of("rule_words", "last_before");
    const char *dirs[] = { R_PAST, R_LAST_BEFORE, R_COMING, R_NEXT };
    for (size_t k = 0; k < sizeof dirs / sizeof *dirs; k++)
        firsts_add(&direction_first, dirs[k]);
    final_links = kg_gram_words("times", "final_links");
    since_words = kg_gram_words("times", "since_words");
    around_links = kg_gram_words("times", "around_links");
    around_objects = kg_gram_words("times", "around_objects");
    /* (the extractor's list: one list for both, events.yaml) */
    earlier_openers = kg_gram_words("events", "earlier_openers");
    earlier_ends = kg_gram_words("events", "earlier_ends");
}

static void read_lists(void)
{
    dx_year = tw_list("deictic", "year");
    dx_month = tw_list("deictic", "month");
    dx_day = tw_list("deictic", "day");
    twords wk = tw_list("deictic", NULL);
    dx_period.v = kg_xcalloc(wk.n + 1, sizeof(tword));
    for (size_t k = 0; k < wk.n; k++) {
        const char *u = kg_gram_field(&kg_gram_list_get("times", "deictic")->e[k], "unit");
        if (u && (!strcmp(u, "week") || !strcmp(u, "quarter")))
            dx_period.v[dx_period.n++] = wk.v[k];
    }
    free(wk.v);
    /* the lists read as they are (times.yaml key -> word list) */
    static const struct {
        twords *dst;
        const char *key;
    } plain[] = {
        { &t_parts, "parts" },
        { &t_year_parts, "year_parts" },
        { &t_days, "day_counts" },
        { &t_years, "years" },
        { &t_periods, "periods" },
        { &t_approx, "approx_before" },
        { &t_not_day, "not_day_after" },
        { &t_span_over, "span_over" },
        { &t_span_nouns, "span_nouns" },
        { &t_span_ends, "span_ends" },
        { &t_amount_units, "amount_units" },
        { &t_ordinals, "ordinals" },
        { &t_weekdays, "weekdays" },
        { &t_month_last, "month_last_days" },
        { &t_holidays, "holidays" },
        { &t_weekends, "weekends" },
        { &t_year_suffixes, "year_suffixes" },
        { &t_weekday_tails, "weekday_tails" },
        { &t_amount_words, "amount_words" },
        { &t_amount_word_units, "amount_word_units" },
        { &t_month_weeks, "month_weeks" },
    };
    for (size_t k = 0; k < sizeof plain / sizeof *plain; k++) {
        *plain[k].dst = tw_list(plain[k].key, NULL);
        tw_index(plain[k].dst);
    }
    for (size_t k = 0; k < t_approx.n; k++) {
        if (!t_approx.v[k].n)
            memset(approx_last, 1, sizeof approx_last);
        else
            approx_last[(unsigned char)t_approx.v[k].w[t_approx.v[k].n - 1]] = 1;
    }
    const char *const *al = kg_gram_class("times", "periods", "alone");
    size_t n = 0;
    while (al[n])
        n++;
    t_periods_alone.v = kg_xcalloc(n + 1, sizeof(tword));
    for (size_t k = 0; k < n; k++)
        t_periods_alone.v[t_periods_alone.n++] = (tword){ al[k], strlen(al[k]), 0, 0, 0 };
    unit_words = kg_gram_list_get("units", "units");
    const kg_gram_list *hl = kg_gram_list_get("times", "holidays");
    for (size_t k = 0; k < t_holidays.n && k < hl->n; k++) {
        /* month in off, day in part */
        const char *mo = kg_gram_field(&hl->e[k], "month"), *da = kg_gram_field(&hl->e[k], "day");
        long mv = mo ? strtol(mo, NULL, 10) : 0, dv = da ? strtol(da, NULL, 10) : 0;
        t_holidays.v[k].off = mv >= 1 && mv <= 12 ? (int)mv : 0;
        t_holidays.v[k].part = dv >= 1 && dv <= 31 ? (int)dv : 0;
    }
    amount_unit_codes(&t_amount_units, "amount_units");
    for (size_t k = 0; k < t_amount_words.n; k++)
        kg_sylset_add_first(&amount_first, t_amount_words.v[k].w);
    for (size_t k = 0; k < t_weekdays.n; k++)
        if (t_weekdays.v[k].n >= 6)
            kg_sylset_add_first(&weekday_second, t_weekdays.v[k].w + 3);
    amount_unit_codes(&t_amount_word_units, "amount_word_units");
    zones = kg_gram_words("times", "zones");
    for (size_t k = 0; zones[k]; k++) {
        if (!zones[k][0])
            memset(zone_first, 1, sizeof zone_first);
        zone_first[(unsigned char)zones[k][0]] = 1;
    }
    day_times = kg_gram_words("times", "day_times");
    for (size_t k = 0; day_times[k]; k++)
        firsts_add(&day_time_first, day_times[k]);
    for (size_t k = 0; k < t_not_day.n; k++)
        firsts_add(t_not_day.v[k].cls & TW_SPACED ? &not_day_spaced_first : &not_day_glued_first, t_not_day.v[k].w);
    for (size_t k = 0; k < t_amount_units.n; k++)
        if (t_amount_units.v[k].off)
            firsts_add(&amount_unit_first, t_amount_units.v[k].w);
    for (size_t k = 0; k < t_years.n; k++)
        firsts_add(&year_first, t_years.v[k].w);
    not_year_after = kg_gram_words("times", "not_year_after");
    day_tails = kg_gram_words("times", "day_tails");
    stay_nights = kg_gram_words("units", "stay_nights");
    period_tails = kg_gram_words("times", "period_tails");
    date_name_dots = kg_gram_words("times", "date_name_dots");
    pair_marks = kg_gram_words("times", "pair_marks");
    for (size_t k = 0; date_name_dots[k]; k++)
        date_dot_first[(unsigned char)date_name_dots[k][0]] = 1;
    date_name_nouns = kg_gram_words("times", "date_name_nouns");
    date_name_holidays = kg_gram_words("times", "date_name_holidays");
    date_name_body_ends = kg_gram_words("times", "date_name_body_ends");
    M_YEAR = mark_of("year"), M_MONTH = mark_of("month"), M_DAY = mark_of("day"), M_HOUR = mark_of("hour");
    M_MINUTE = mark_of("minute"), M_QUARTER = mark_of("quarter"), M_CENTURY = mark_of("century");
    M_DECADE = mark_of("decade"), M_TEN = mark_of("ten"), M_OVER = mark_of("over"), M_FROM = mark_of("from");
    M_UNTIL = mark_of("until"), M_YEAR_TAIL = mark_of("year_tail"), M_THIS_YEAR = mark_of("this_year");
    M_QUARTER_OF_4 = mark_of("quarter_of_4"), M_ANNIVERSARY = mark_of("anniversary");
    this_year_before = kg_gram_words("times", "this_year_before");
    about_after = kg_gram_words("times", "about_after");
    about_after_part = kg_gram_class("times", "about_after", "part");
    within_marks = kg_gram_words("times", "within_marks");
    not_hour_after = kg_gram_words("times", "not_hour_after");
    direction_tails = kg_gram_words("times", "direction_tails");
    then_not_after = kg_gram_words("times", "then_not_after");
    verb_stem_tails = kg_gram_words("times", "verb_stem_tails");
    decade_parts = kg_gram_list_get("times", "decade_parts");
    directions = kg_gram_list_get("times", "directions");
    part_directions = kg_gram_list_get("times", "part_directions");
    direction_sign = kg_xcalloc(directions->n + 1, sizeof *direction_sign);
    for (size_t q = 0; q < directions->n; q++) {
        const char *sg = kg_gram_field(&directions->e[q], "sign");
        direction_sign[q] = sg && !strcmp(sg, "-1") ? -1 : 1;
    }
    part_direction_sign = kg_xcalloc((part_directions ? part_directions->n : 0) + 1, sizeof *part_direction_sign);
    part_direction_glued = kg_xcalloc((part_directions ? part_directions->n : 0) + 1, sizeof *part_direction_glued);
    for (size_t q = 0; part_directions && q < part_directions->n; q++) {
        const char *sg = kg_gram_field(&part_directions->e[q], "sign");
        part_direction_sign[q] = sg ? atoi(sg) : 0;
        for (const char *const *c = part_directions->e[q].classes; c && *c; c++)
            part_direction_glued[q] |= !strcmp(*c, "glued");
    }
    read_rule_words();
    lunar_init();
    /* (the plain lists are indexed as they are read, above) */
    twords *const built[] = { &dx_year, &dx_month, &dx_day, &dx_period, &t_periods_alone };
    for (size_t k = 0; k < sizeof built / sizeof *built; k++)
        tw_index(built[k]);
}

/* The bucket of the character at w[0..n) (n >= 1). */
static inline unsigned tw_bucket(const unsigned char *w, size_t n)
{
    return kg_first_char_hash(w, n) % TW_BUCKETS;
}

/* Chains the words of t by their first character, in list order (words
 * are never empty: the grammar refuses an empty word). */
static void tw_index(twords *t)
{
    int tail[TW_BUCKETS];
    for (size_t b = 0; b < TW_BUCKETS; b++)
        t->head[b] = tail[b] = -1;
    t->next = kg_xcalloc(t->n + 1, sizeof *t->next);
    for (size_t k = 0; k < t->n; k++) {
        unsigned b = tw_bucket((const unsigned char *)t->v[k].w, t->v[k].n);
        t->next[k] = -1;
        if (t->head[b] < 0)
            t->head[b] = (int)k;
        else
            t->next[tail[b]] = (int)k;
        tail[b] = (int)k;
    }
}

/* The first word of t that may start s[i..len) (the words with its
 * first character, in list order: go on with t->next), or -1. */
static inline __attribute__((always_inline)) int tw_first(const twords *t, const char *s, size_t len, size_t i)
{
    return i < len ? t->head[tw_bucket((const unsigned char *)s + i, len - i)] : -1;
}

/* The length of the first word of t at i, or 0; *idx gets its index. */
static inline __attribute__((always_inline)) size_t tw_at(const twords *t, const char *s, size_t len, size_t i,
                                                          int *idx)
{
    for (int k = tw_first(t, s, len, i); k >= 0; k = t->next[k])
        if (kg_at(s, len, i, t->v[k].w)) {
            if (idx)
                *idx = (int)k;
            return t->v[k].n;
        }
    return 0;
}

/* First syllables with which a time expression may start (those of the
 * heads below that are looked for here): most positions are ruled out by
 * one lookup. */
static kg_sylset time_first;
static pthread_once_t time_first_once = PTHREAD_ONCE_INIT;

static const char *const *heads; /* grammar times: heads (of 3 bytes or more) */
static size_t n_heads;
/* the first three bytes of each head, compared before the whole word,
 * and the heads chained by a hash of them (head_bucket, head_next).
 * Not util's kg_hmap or kg_wordset: a head is a prefix of the text whose
 * end is unknown, so the chain is found by the first character alone and
 * list order decides which head fits first. */
static uint32_t *head_first;
#define HEAD_BUCKET_BITS 10 /* (heads of one first syllable share a chain: most chains are one syllable's) */
static int head_bucket[1u << HEAD_BUCKET_BITS], *head_next;
/* the next three bytes of each head of six bytes or more (HEAD_SHORT:
 * a shorter head): heads that share the first syllable (이날, 이번, 이달)
 * mostly differ in the second */
static uint32_t *head_second;
#define HEAD_SHORT 0xFFFFFFFFu

/* Per Hangul syllable (cp - 0xAC00), built by time_first_init from the
 * heads: TS_FIRST in time_first; TS_ONE a head is that syllable alone
 * (a time may start at any word it begins); TS_SHORT a head of four or
 * five bytes starts with it; TS_LONG one of six bytes or more does, and
 * the pair of its first two three-byte groups is in head_pairs (a bit
 * per hash of the pair). may_start answers most syllables from these
 * without walking the heads: only where a head may fit is it compared
 * (a new kind of head must be entered here as the others are). */
enum { TS_FIRST = 1, TS_ONE = 2, TS_SHORT = 4, TS_LONG = 8 };
static unsigned char time_syl[KG_NSYL];
#define HEAD_PAIR_BITS 14
static unsigned char head_pairs[(1u << HEAD_PAIR_BITS) / 8];

static unsigned head_pair_hash(uint32_t c, uint32_t g)
{
    return ((c * 2654435761u) ^ (g * 2246822519u)) >> (32 - HEAD_PAIR_BITS);
}

static unsigned head_hash(uint32_t f)
{
    return (f * 2654435761u) >> (32 - HEAD_BUCKET_BITS);
}

static uint32_t first3(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    return ((uint32_t)u[0] << 16) | ((uint32_t)u[1] << 8) | u[2];
}

/* A number at a token starts a time only through the words a time reads
 * right after its digits (the marks 년 월 일 분기 세기 년대 주년, 이상,
 * the units of an amount, the year suffixes) or through ASCII (2024.5.1,
 * 3~5월, 2014 월드컵): every reading takes at most four digits. So a
 * number of more digits, or one followed by a syllable that starts none
 * of those words, starts no time (digit_after holds their first
 * syllables), and time_at need not be tried. Off (digit_filter 0) when a
 * word a time reads at the token itself begins with a digit, or a word
 * is empty. */
static kg_sylset digit_after;
static int digit_filter;
/* The bytes that may follow the digits of a time: the first bytes of
 * those words (word_after_byte), the separators of dates and ranges (.
 * - / ~ and ∼'s first byte) and the space of an amount or a bare year (3
 * 년 전, 2014 월드컵). A number followed by any other byte (7%, 26)씨,
 * 5km, 3·1절) starts no time; syllables are then looked up in
 * digit_after. A dot follows only the four digits of a date's year
 * (2024.5.1), a slash those or the two of 74/10/31 (7.3%, 1.5배 are
 * turned away), unless a word read after digits starts with it. */
static unsigned char digit_after_byte[256], word_after_byte[256];

/* The words themselves: a syllable after the digits must start one of
 * them there (every reading compares a whole word right after the
 * digits: 10년 만에 is tried, 1개 차로 and 4회 are not). */
static const char **after_words;
static size_t n_after_words, cap_after_words;

static void after_digits(const char *w)
{
    if (!w[0])
        digit_filter = 0;
    digit_after_byte[(unsigned char)w[0]] = 1;
    word_after_byte[(unsigned char)w[0]] = 1;
    kg_sylset_add_first(&digit_after, w);
    KG_VEC_PUSH(after_words, n_after_words, cap_after_words);
    after_words[n_after_words++] = w;
}

/* 1 if a word of after_words starts at s[d] (a syllable). */
static int after_word_at(const char *s, size_t len, size_t d)
{
    for (size_t k = 0; k < n_after_words; k++) {
        const char *w = after_words[k];
        if (w[0] == s[d] && kg_at(s, len, d, w))
            return 1;
    }
    return 0;
}

/* A time that starts at a quote (') is a year: '24년 (p_year), unless a
 * word read at the token starts with a quote (then quote_filter is 0). */
static int quote_filter;

static void after_digits_list(const twords *t)
{
    for (size_t k = 0; k < t->n; k++)
        after_digits(t->v[k].w);
}

static void at_token(const char *w)
{
    if (!w[0] || isd(w[0]))
        digit_filter = 0;
    if (!w[0] || w[0] == '\'')
        quote_filter = 0;
}

static void at_token_list(const twords *t)
{
    for (size_t k = 0; k < t->n; k++)
        at_token(t->v[k].w);
}

static void digit_filter_init(void)
{
    digit_filter = 1;
    quote_filter = 1;
    /* dates 2024.5.1, 2025-01-13, 2025/01/13, 74/10/31; ranges 3~5월,
     * 2020-2023년, 13∼15일; an amount or a bare year after a space */
    static const char seps[] = ".-/~ \xe2";
    for (const char *p = seps; *p; p++)
        digit_after_byte[(unsigned char)*p] = 1;
    for (unsigned b = 0xEA; b <= 0xED; b++)
        digit_after_byte[b] = 1; /* (syllables: digit_after decides) */
    for (size_t k = 0; pair_marks && pair_marks[k]; k++)
        digit_after_byte[(unsigned char)pair_marks[k][0]] = 1; /* (12·13일, 3, 4월) */
    const char *marks[] = { M_YEAR, M_MONTH, M_DAY, M_QUARTER, M_QUARTER_OF_4, M_OVER, M_CENTURY, M_DECADE,
                            M_ANNIVERSARY };
    for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
        after_digits(marks[k]);
    after_digits_list(&t_year_suffixes);
    after_digits_list(&t_amount_units);
    const twords *at[] = { &dx_year, &dx_month, &dx_day, &t_parts, &t_holidays, &t_weekdays, &t_days };
    for (size_t k = 0; k < sizeof at / sizeof *at; k++)
        at_token_list(at[k]);
    at_token(M_THIS_YEAR);
    at_token(R_PAST);
    at_token(R_COMING);
}

/* 0 if the number at the token i (an ASCII digit) starts no time (see
 * digit_filter). */
static int digits_may_start(const char *s, size_t len, size_t i)
{
    if (!digit_filter)
        return 1;
    size_t d = i;
    while (d < len && isd(s[d]))
        d++;
    if (d - i > 4)
        return 0;
    const unsigned char *u = (const unsigned char *)s + d;
    if (d < len && !digit_after_byte[u[0]])
        return 0;
    if (d < len && (u[0] == '.' || u[0] == '/') && !word_after_byte[u[0]])
        return d - i == 4 || (u[0] == '/' && d - i == 2); /* (kg_text_scan_date, YY/MM/DD) */
    if (d + 2 >= len || u[0] < 0xEA || u[0] > 0xED || !kg_u8_syllable(u))
        return 1; /* (a byte above, the end, or another character: tried) */
    return kg_sylset_at(&digit_after, s, len, d) && after_word_at(s, len, d);
}

/* 0 if the quote at the token i starts no time: only '24년 does (see
 * quote_filter). */
static int quote_may_start(const char *s, size_t len, size_t i)
{
    return !quote_filter || (i + 3 < len && isd(s[i + 1]) && isd(s[i + 2]) && !isd(s[i + 3]) &&
                             lit(s, len, i + 3, M_YEAR));
}

static void time_first_init(void)
{
    /* not the first syllables of 약, 대략, 거의 and 얼추: those are read
     * backwards from the number (approx_before), never as a start */
    kg_tctx_first_syls(&time_first, "times");
    read_lists();
    const kg_gram_list *l = kg_gram_list_get("times", "heads");
    /* and the amounts in number words, each word with each unit it
     * takes (p_amount_words): 한 달, 한달, 일주일 */
    size_t na = 2 * t_amount_words.n * t_amount_word_units.n;
    const char **h = kg_xcalloc(l->n + na + 1, sizeof *h);
    for (size_t k = 0; k < l->n; k++)
        if (strlen(l->e[k].form) >= 3) /* (a shorter one starts with no syllable) */
            h[n_heads++] = l->e[k].form;
    for (size_t k = 0; k < t_amount_words.n; k++)
        for (size_t u = 0; u < t_amount_word_units.n; u++) {
            const tword *w = &t_amount_words.v[k], *uw = &t_amount_word_units.v[u];
            int cls = w->cls & uw->cls & (TW_NATIVE | TW_SINO);
            int forms = (cls & TW_NATIVE) ? 2 : 1; /* (a native one also spaced: 한 달) */
            for (int spaced = 0; cls && w->n >= 3 && spaced < forms; spaced++) {
                char *f = kg_xmalloc(w->n + uw->n + 2);
                memcpy(f, w->w, w->n);
                if (spaced)
                    f[w->n] = ' ';
                memcpy(f + w->n + spaced, uw->w, uw->n + 1);
                h[n_heads++] = f;
            }
        }
    heads = h;
    head_first = kg_xcalloc(n_heads + 1, sizeof *head_first);
    head_second = kg_xcalloc(n_heads + 1, sizeof *head_second);
    head_next = kg_xcalloc(n_heads + 1, sizeof *head_next);
    for (size_t b = 0; b < sizeof head_bucket / sizeof *head_bucket; b++)
        head_bucket[b] = -1;
    for (size_t k = 0; k < n_heads; k++) {
        head_first[k] = first3(heads[k]);
        head_second[k] = strlen(heads[k]) >= 6 ? first3(heads[k] + 3) : HEAD_SHORT;
        unsigned b = head_hash(head_first[k]);
        head_next[k] = head_bucket[b];
        head_bucket[b] = (int)k;
        const unsigned char *u = (const unsigned char *)heads[k];
        if (u[0] < 0xEA || u[0] > 0xED || !kg_u8_syllable(u))
            continue; /* (may_start reads heads at a syllable only) */
        uint32_t c = kg_u8_syl_index(u);
        size_t hl = strlen(heads[k]);
        if (hl == 3)
            time_syl[c] |= TS_ONE;
        else if (hl < 6)
            time_syl[c] |= TS_SHORT;
        else {
            time_syl[c] |= TS_LONG;
            unsigned ph = head_pair_hash(c, head_second[k]);
            head_pairs[ph >> 3] |= (unsigned char)(1u << (ph & 7));
        }
    }
    for (uint32_t c = 0; c < KG_NSYL; c++)
        if ((time_first.bits[c >> 3] >> (c & 7)) & 1)
            time_syl[c] |= TS_FIRST;
    digit_filter_init();
}

/* may_start's last step: 1 if a head starts at s[i], f and g the first
 * two three-byte groups there. Out of line: most tokens are decided
 * before it by a table or two (may_start, inlined into the token loop). */
static __attribute__((noinline)) int head_at(const char *s, size_t len, size_t i, uint32_t f, uint32_t g)
{
    for (int k = head_bucket[head_hash(f)]; k >= 0; k = head_next[k])
        if (head_first[k] == f && (head_second[k] == HEAD_SHORT || head_second[k] == g) && kg_at(s, len, i, heads[k]))
            return 1;
    return 0;
}

/* Words with which a time expression may start. Checked on the first
 * bytes to keep the scan cheap: it runs at every token, so it is inlined
 * into the token loop (a call per token cost more than the tests). */
static inline __attribute__((always_inline)) int may_start(const char *s, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)s + i;
    unsigned char c = u[0];
    if (c < 0x80)
        return isd((char)c) || c == '\'';
    /* the first syllable must be one of the heads' (time_first) */
    if (c < 0xEA || c > 0xED || i + 2 >= len || !kg_u8_syllable(u))
        return 0;
    uint32_t x = kg_u8_syl_index(u);
    unsigned ts = time_syl[x];
    if (!(ts & TS_FIRST))
        return 0;
    if (ts & TS_ONE)
        return 1; /* (the head of that syllable alone fits) */
    /* (no 24-bit value of first3 is 0xFF000000: no head of six bytes
     * fits a text that ends before) */
    uint32_t g = i + 6 <= len ? first3(s + i + 3) : 0xFF000000u;
    if (!(ts & TS_SHORT)) {
        /* only heads of two syllables or more: their first two groups
         * must be a pair of head_pairs */
        if (!(ts & TS_LONG) || g == 0xFF000000u)
            return 0;
        unsigned h = head_pair_hash(x, g);
        if (!((head_pairs[h >> 3] >> (h & 7)) & 1))
            return 0;
    }
    return head_at(s, len, i, first3(s + i), g); /* (i + 2 < len: checked above) */
}

/* -1, 0, 1 as point a is before, at or after b (on the coarser of the
 * two precisions). */
static int pt_cmp(const dpt *a, const dpt *b)
{
    kg_prec p = a->prec < b->prec ? a->prec : b->prec;
    int x[3] = { a->y, a->m, a->d }, y[3] = { b->y, b->m, b->d };
    for (int k = 0; k < (int)p && k < 3; k++)
        if (x[k] != y[k])
            return x[k] < y[k] ? -1 : 1;
    return 0;
}

/* Never an interval that ends before it starts: a start after the end
 * goes back a year (11~2월) or a month (28~3일), else the two swap. */
static void fix_order(tval *v)
{
    if (v->unknown || !v->interval || !v->a.prec || !v->b.prec || pt_cmp(&v->a, &v->b) <= 0)
        return;
    dpt a = v->a;
    if (a.prec == KG_PREC_MONTH && a.y == v->b.y)
        a.y--;
    else if (a.prec == KG_PREC_DAY && a.y == v->b.y && a.m == v->b.m)
        add_months(&a.y, &a.m, -1);
    if (pt_cmp(&a, &v->b) <= 0 && (a.prec != KG_PREC_DAY || a.d <= kg_tag_mdays(a.y, a.m)))
        v->a = a;
    else {
        a = v->a;
        v->a = v->b;
        v->b = a;
    }
}

static void emit(tstate *st, size_t a, size_t b, const tval *v0)
{
    tval fixed = *v0;
    fix_order(&fixed);
    const tval *v = &fixed;
    kg_mention *m = kg_tctx_add(st->c, KG_MENTION_TIME, a, b);
    fmt_val(m->value, sizeof m->value, v);
    kg_tctx *c = st->c;
    if (!c->taken) {
        /* (room for 32 ranges at once: a text has a few dozen times) */
        c->cap_taken = 64;
        c->taken = kg_xmalloc(c->cap_taken * sizeof *c->taken);
    }
    KG_VEC_PUSH(c->taken, c->n_taken, c->cap_taken);
    if (c->n_taken + 2 > c->cap_taken) {
        c->cap_taken = (c->n_taken + 2) * 2;
        c->taken = kg_xrealloc(c->taken, c->cap_taken * sizeof *c->taken);
    }
    c->taken[c->n_taken++] = a;
    c->taken[c->n_taken++] = b;
}

/* The time last spoken of (당시, 같은 기간), or unknown without one. */
static void last_or_unknown(const tstate *st, tval *v)
{
    if (st->have_last)
        *v = st->last;
    else {
        memset(v, 0, sizeof *v);
        v->unknown = 1;
    }
}

/* 당시 at i restating the time emitted last in its sentence: 1 right
 * after it (2021년 당시: one expression), 2 after it and one noun or
 * quoted name (2011년 '지진' 당시, 1961년 5·16 당시: the time of that
 * event, which the year already tells), else 0 (words between, or one
 * ending a clause of its own: 지난해 올랐고 당시, 2020년 떠났지만 당시). */
static int then_restates(const tstate *st, size_t i)
{
    const char *s = st->s;
    size_t p = st->prev_end;
    if (!st->have_prev || st->prev_sent != st->sent_no || p >= i || s[p] != ' ')
        return 0;
    if (p + 1 == i)
        return 1;
    p++;
    size_t q = p, n;
    uint32_t open = kg_u8_at(s, st->len, p, &n), close = 0;
    if (open == '\'' || open == '"')
        close = open;
    else if (open == 0x2018 || open == 0x201C) /* ‘ “ */
        close = open + 1;
    if (close) {
        /* a quoted name: to its closing mark, on one line */
        for (q = p + n; q < i; q += n) {
            uint32_t cp = kg_u8_at(s, st->len, q, &n);
            if (cp == '\n' || (cp == close && q + n < i && s[q + n] == ' ')) {
                if (cp == '\n')
                    return 0;
                q += n;
                break;
            }
        }
    } else
        while (q < i && s[q] != ' ' && s[q] != ',' && s[q] != '\n')
            q++;
    if (q >= i || s[q] != ' ' || q + 1 != i || q == p)
        return 0;
    for (size_t k = 0; then_not_after && then_not_after[k]; k++) {
        size_t w = strlen(then_not_after[k]);
        if (q - p >= w && !memcmp(s + q - w, then_not_after[k], w))
            return 0;
    }
    return 2;
}

/* An about word glued after a time that ends at e (연말께, 여름쯤:
 * times.yaml about_after): its end, t->approx set; else e. */
static size_t about_tail(const char *s, size_t len, size_t e, tspec *t)
{
    size_t k = kg_lit_any(s, len, e, about_after);
    if (k && word_end_ok(s, len, k)) {
        t->approx = 1;
        return k;
    }
    return e;
}

/* A part of the year (year_parts: 연말, 여름) after a word of
 * part_directions and a space at i: sign -1 the last such part that
 * ended before the DCT's month (지난 연말, 지난 여름 in June: the year
 * before's), 1 the next one that has not ended (오는 봄 in June: the next
 * year's), 0 the DCT year's (이번 겨울). Its end, v its value, or 0. */
static size_t part_with_direction(tstate *st, size_t i, tval *v)
{
    const char *s = st->s;
    size_t len = st->len, k = 0, yb;
    int sign = 0, wq;
    /* (glued too where the word's class says so: 지난겨울, 올여름) */
    for (size_t q = 0; !k && part_directions && q < part_directions->n; q++)
        if ((k = lit_sp(s, len, i, part_directions->e[q].form)) ||
            (part_direction_glued[q] && (k = kg_lit(s, len, i, part_directions->e[q].form))))
            sign = part_direction_sign[q];
    if (!k || !(yb = tw_at(&t_year_parts, s, len, k, &wq)) || !t_year_parts.v[wq].part)
        return 0;
    const kg_edtf_point *dct = &st->c->dct;
    tspec ts;
    memset(&ts, 0, sizeof ts);
    size_t end = about_tail(s, len, k + yb, &ts);
    if (!word_end_ok(s, len, end))
        return 0;
    ts.yk = K_REL;
    ts.part = t_year_parts.v[wq].part;
    if (!resolve(st, &ts, v) || dct->prec < KG_PREC_MONTH) {
        memset(v, 0, sizeof *v);
        v->unknown = 1;
        return end;
    }
    /* its last month against the DCT's */
    const dpt *b = v->interval && v->b.prec ? &v->b : &v->a;
    int last = b->y * 12 + b->m, now = dct->year * 12 + dct->month;
    if ((sign < 0 && last >= now) || (sign > 0 && last < now)) {
        ts.y = sign;
        if (!resolve(st, &ts, v))
            v->unknown = 1;
    }
    return end;
}

/* kg_find_times, the Hangul words that are times by themselves at i:
 * 당시, a week or quarter (이번 주, 3분기), a period a year back (지난해
 * 같은 기간), a period alone, a part of the year (연내). 1 when one is
 * there, *e its end (0: none after all, try nothing else); 0 when there
 * is none. */
static int time_word(tstate *st, size_t i, tval *v, size_t *e)
{
    const char *s = st->s;
    size_t len = st->len, yb;
    int wq, wd;
    size_t then_n;
    if (kg_at(s, len, i, R_THEN) && word_end_ok(s, len, i + (then_n = strlen(R_THEN)))) {
        /* 당시: the time told in its sentence or the one before; with
         * none there it is no time the text gives (never one copied
         * across unrelated sentences). Right after the time it restates
         * it is part of that mention; one name after it, no mention. */
        int r = then_restates(st, i);
        if (r) {
            kg_mention *m = &st->c->out->v[st->prev_idx];
            kg_tctx *c = st->c;
            if (r == 1 && m->nend == st->prev_end) {
                if (c->n_taken >= 2 && c->taken[c->n_taken - 1] == m->nend)
                    c->taken[c->n_taken - 1] = i + then_n;
                m->nend = i + then_n;
                m->end = kg_text_src_offset(c->t, m->nend);
                st->prev_end = m->nend;
            }
            *e = 0;
            return 1;
        }
        last_or_unknown(st, v);
        *e = st->have_last && st->sent_no - st->last_sent <= 1 ? i + then_n : 0;
        return 1;
    }
    if ((yb = tw_at(&t_weekends, s, len, i, &wq)) && (word_end_ok(s, len, i + yb) || period_tail(s, len, i + yb))) {
        /* a weekend: Saturday and Sunday of the DCT's week, or of the
         * week before or after it */
        period_from_dct(&st->c->dct, 0, t_weekends.v[wq].off, v);
        if (!v->unknown) {
            int y = v->a.y, m = v->a.m, d = v->a.d;
            add_days(&y, &m, &d, 5);
            v->a = mkpt(y, m, d);
        }
        *e = i + yb;
        return 1;
    }
    int wf = 0;
    if ((yb = week_or_quarter(s, len, i, &wq, &wd, &wf))) {
        if (wq && (wf & TF_TOLD) && st->last_q) {
            /* 전 분기 (class told): from the quarter last told (the
             * quarter an earnings report is about), else the DCT's */
            kg_edtf_point q = { 0 };
            q.year = st->last_q_y;
            q.month = 3 * st->last_q - 2;
            q.prec = KG_PREC_MONTH;
            period_from_dct(&q, wq, wd, v);
        } else
            period_from_dct(&st->c->dct, wq, wd, v);
        *e = i + yb;
        /* a weekday of that week, glued or after a space: 다음 주
         * 월요일, 지난주 금요일 -> that day (the weekday alone would be
         * the DCT week's) */
        size_t j = sp(s, len, i + yb), k;
        int wi;
        if (!wq && !v->unknown && (k = tw_at(&t_weekdays, s, len, j, &wi)) &&
            (word_end_ok(s, len, j + k) || weekday_tail(s, len, j + k)) && t_weekdays.v[wi].off >= 1 &&
            t_weekdays.v[wi].off <= 7) {
            int y = v->a.y, m = v->a.m, d = v->a.d;
            add_days(&y, &m, &d, t_weekdays.v[wi].off - 1);
            memset(v, 0, sizeof *v);
            v->a = mkpt(y, m, d);
            *e = j + k;
        }
        return 1;
    }
    if ((yb = year_back_period(s, len, i))) {
        /* 지난해 같은 기간, 전년 동기: the period last spoken of, a
         * year back (without one: the year before the DCT's) */
        if (st->have_last) {
            /* (after a single day, the period told in its sentence or the
             * one before: 1분기 실적을 23일 공시했다. 전년 동기 …) */
            int day = !st->last.interval && st->last.a.prec >= KG_PREC_DAY;
            *v = day && st->have_lp && st->sent_no - st->lp_sent <= 1 ? st->last_period : st->last;
            year_back(&v->a);
            year_back(&v->b);
        } else {
            tspec ts;
            memset(&ts, 0, sizeof ts);
            ts.yk = K_REL;
            ts.y = -1;
            if (!resolve(st, &ts, v))
                v->unknown = 1;
        }
        *e = i + yb;
        return 1;
    }
    if ((yb = tw_at(&t_periods_alone, s, len, i, NULL))) {
        last_or_unknown(st, v);
        *e = i + yb;
        return 1;
    }
    if ((yb = part_with_direction(st, i, v))) {
        *e = yb;
        return 1;
    }
    if ((yb = tw_at(&t_year_parts, s, len, i, &wq))) {
        /* a part of the current year on its own (연내: within it) */
        tspec ts;
        memset(&ts, 0, sizeof ts);
        ts.yk = K_REL;
        /* (class dct: always the DCT's year, 연내) */
        if (st->sent_y && !(t_year_parts.v[wq].flags & TF_DCT)) /* 지난해 4분기 ..., 상반기 실적 부진 */
            ts.yk = K_ABS, ts.y = st->sent_y;
        ts.part = t_year_parts.v[wq].part;
        *e = 0;
        size_t end = about_tail(s, len, i + yb, &ts);
        if (!word_end_ok(s, len, end))
            return 1;
        if (!resolve(st, &ts, v))
            v->unknown = 1;
        *e = end;
        return 1;
    }
    return 0;
}

/* kg_find_times at a token i: a date (dateline, dotted, ISO), a time word
 * or an expression, resolved into *v; *a its start. Its end, or 0. */
/* A month and a day that name an event (4·19 혁명, 12·3 비상계엄,
 * 6·25전쟁) at i: the digits, one of date_name_dots, the digits, then one
 * of date_name_nouns glued or after a space. The event's year is seldom
 * told, so the time has no value. With one of date_name_holidays glued
 * (3·1절) it is the holiday of that day, read as a month and a day.
 * Returns the end of the date (without the noun), or 0. */
static size_t date_name(tstate *st, size_t i, tval *v)
{
    const char *s = st->s;
    size_t len = st->len, e1, e2, e3, k;
    int mo, dy;
    if (!(e1 = read_int(s, len, i, 2, &mo)) || mo < 1 || mo > 12 || !(e2 = kg_lit_any(s, len, e1, date_name_dots)) ||
        !(e3 = read_int(s, len, e2, 2, &dy)) || dy < 1 || dy > kg_tag_mdays(2000, mo) || (e3 < len && isd(s[e3])))
        return 0;
    if ((k = kg_lit_any(s, len, e3, date_name_holidays)) && word_end_ok(s, len, k)) {
        tspec t;
        memset(&t, 0, sizeof t);
        t.mk = K_ABS, t.m = mo, t.dk = K_ABS, t.d = dy;
        if (!resolve(st, &t, v))
            memset(v, 0, sizeof *v), v->unknown = 1;
        return k;
    }
    size_t j = e3 < len && s[e3] == ' ' ? e3 + 1 : e3;
    if (!(k = kg_lit_any(s, len, j, date_name_nouns)) || !word_end_ok(s, len, k))
        return 0;
    /* the name of a body named after the event (4·19 혁명 희생자 유족회,
     * 5·18 기념재단): the noun, or one of the two words after it, ends in
     * one of date_name_body_ends before particles; no time */
    for (int w = 0; w < 3 && k <= len; w++) {
        size_t we = k;
        while (we < len && s[we] != ' ' && s[we] != ',' && s[we] != '.' && s[we] != '\n')
            we++;
        for (size_t q = 0; date_name_body_ends[q]; q++) {
            size_t n = strlen(date_name_body_ends[q]);
            /* (a suffix with particles after it, or the whole word:
             * not 회 of 회고) */
            for (size_t p = j; p + n <= we; p++)
                if (!memcmp(s + p, date_name_body_ends[q], n) &&
                    (p + n == we || (p > j && kg_tail_syllables(s, p + n, we))))
                    return 0;
        }
        if (we >= len || s[we] != ' ')
            break;
        j = we + 1;
        k = j;
    }
    memset(v, 0, sizeof *v);
    v->unknown = 1;
    return e3;
}

/* A season, school or fiscal year over two calendar years (2015-16 시즌,
 * 2014-2015학년도, 2023~24 회계연도) at i: a year of four digits, - or a
 * range mark, the next year (four digits or its last two), then one of
 * year_suffixes glued or after a space. The interval of the two years;
 * its end (the suffix's), or 0. */
static size_t season_range(tstate *st, size_t i, tval *v)
{
    const char *s = st->s;
    size_t len = st->len, e1, e2, r, k, n;
    int y1, y2;
    if (!(e1 = read_int(s, len, i, 4, &y1)) || e1 - i != 4 || y1 < 1000 || e1 >= len)
        return 0;
    r = s[e1] == '-' || s[e1] == '~' ? e1 + 1 : 0;
    if (!r || !(e2 = read_int(s, len, r, 4, &y2)) || (e2 - r != 2 && e2 - r != 4) || (e2 < len && isd(s[e2])))
        return 0;
    if (e2 - r == 2)
        y2 += y1 / 100 * 100 + (y2 < y1 % 100 ? 100 : 0);
    if (y2 != y1 + 1)
        return 0;
    k = e2 < len && s[e2] == ' ' ? e2 + 1 : e2;
    if (!(n = tw_at(&t_year_suffixes, s, len, k, NULL)) || !word_end_ok(s, len, k + n))
        return 0;
    memset(v, 0, sizeof *v);
    v->interval = 1;
    v->a = mkpt(y1, 0, 0);
    v->b = mkpt(y2, 0, 0);
    return k + n;
}

static size_t time_at(tstate *st, size_t i, tval *v, size_t *a)
{
    const char *s = st->s;
    size_t len = st->len, e;
    unsigned char ch = (unsigned char)s[i];
    int hangul = ch >= 0xEA && ch <= 0xED; /* (the word heads are Hangul) */
    /* a dateline or dotted/ISO date */
    kg_edtf dd;
    /* (kg_text_scan_date's first test: four digits, then . - or /; a
     * later change there must be mirrored here) */
    size_t n = isd((char)ch) && i + 4 < len && isd(s[i + 1]) && isd(s[i + 2]) && isd(s[i + 3]) &&
                       (s[i + 4] == '.' || s[i + 4] == '-' || s[i + 4] == '/')
                   ? kg_text_scan_date(s + i, len - i, &dd)
                   : 0;
    *a = i;
    st->at = i;
    st->cur_story = st->cur_year = st->cur_base = st->cur_q = 0;
    if (!kg_tok_start(s, i)) {
        /* glued to a word before it, only a full date: 입력2021.08.26 */
        if (!n || i + 5 > len || !isd(s[i + 1]) || !isd(s[i + 2]) || !isd(s[i + 3]) ||
            (s[i + 4] != '.' && s[i + 4] != '-'))
            return 0;
    }
    int yy = 0, mo = 0, dy = 0;
    size_t e1, e2, e3;
    if (!n && isd((char)ch) && i + 2 < len && s[i + 2] == '/' && (e1 = read_int(s, len, i, 2, &yy)) == i + 2 &&
        (e2 = read_int(s, len, e1 + 1, 2, &mo)) == e1 + 3 && e2 < len && s[e2] == '/' &&
        (e3 = read_int(s, len, e2 + 1, 2, &dy)) == e2 + 3 && (e3 >= len || s[e3] != '/') && mo >= 1 && mo <= 12 &&
        dy >= 1 && dy <= 31 && (i == 0 || s[i - 1] != '/')) {
        /* YY/MM/DD: 74/10/31 (the century that puts it before the DCT) */
        int y = full_year(st, yy);
        if (dy <= kg_tag_mdays(y, mo)) {
            memset(v, 0, sizeof *v);
            v->a = mkpt(y, mo, dy);
            st->at = i;
            return e3;
        }
    }
    if (n) {
        memset(v, 0, sizeof *v);
        v->a = mkpt(dd.a.year, dd.a.month, dd.a.day);
        e = i + n;
        if (e > i && s[e - 1] == ' ')
            e--;
        return e;
    }
    if (hangul && time_word(st, i, v, &e))
        return e;
    int nth;
    size_t ae;
    if (isd((char)ch) && (e1 = read_int(s, len, i, 3, &nth)) && nth > 0 && (ae = lit(s, len, e1, M_ANNIVERSARY)) &&
        word_end_ok(s, len, ae)) {
        /* an anniversary (창립 10주년): a day, dated by an event the text
         * seldom dates, so no value */
        memset(v, 0, sizeof *v);
        v->unknown = 1;
        return ae;
    }
    /* (their first tests inline: a dot after one or two digits, a - or ~
     * after four; most numbers have neither) */
    if (isd((char)ch) && i + 5 < len &&
        (((date_dot_first[(unsigned char)s[i + 1]] || date_dot_first[(unsigned char)s[i + 2]]) &&
          (e = date_name(st, i, v))) ||
         ((s[i + 4] == '-' || s[i + 4] == '~') && (e = season_range(st, i, v)))))
        return e;
    tspec ts;
    int resolved;
    e = p_expr(st, i, v, a, &ts, &resolved);
    if (!e)
        return 0;
    if (!resolved && !resolve(st, &ts, v))
        v->unknown = 1;
    return e;
}

void kg_find_times(kg_tctx *c)
{
    tstate st;
    memset(&st, 0, sizeof st);
    st.c = c;
    st.s = c->s;
    st.len = c->len;
    const char *s = c->s;
    size_t len = c->len;
    const kg_text *t = c->t;
    size_t ci = 0;
    pthread_once(&time_first_once, time_first_init);
    /* the next sentence mark not yet looked at (len: none) */
    markscan ms = { s, len, 0, 0, 0, kg_avx2() };
    size_t sb = mark_next(&ms);
    /* the tokens: no time starts inside a Hangul word */
    size_t next = 0, k = 0, i;
    while ((i = kg_tok_next(c, &k, next)) != (size_t)-1) {
        unsigned char ch = (unsigned char)s[i];
        /* the cheap tests first: most positions start no time (the
         * chrome test after them gives the same result, as the text in
         * chrome is skipped either way) */
        if (!may_start(s, len, i) ||
            (!kg_tok_start(s, i) && !(isd((char)ch) && i > 0 && (unsigned char)s[i - 1] >= 0x80)))
            continue;
        /* a new sentence (after a line end, or . ? ! and a space not after
         * a digit) forgets the year told in the one before; the marks are
         * found sixteen bytes at a time, each once (a byte-wise look at
         * every byte of the text cost more than the rest of the time scan) */
        for (; sb < i; sb = mark_next(&ms))
            if (mark_ends_sentence(s, len, sb))
                st.sent_y = 0, st.sent_no++, st.sent_at = sb + 1;
        while (ci < t->n_chrome && t->chrome[ci].r.nend <= i)
            ci++;
        if (ci < t->n_chrome && t->chrome[ci].r.nstart <= i) {
            next = t->chrome[ci].r.nend;
            continue;
        }
        /* (a number that starts no time: time_at would give 0, and what
         * it sets in st before is set again before it is read) */
        if (isd((char)ch) ? !digits_may_start(s, len, i) : ch == '\'' && !quote_may_start(s, len, i))
            continue;
        tval v;
        size_t a;
        st.cur_at = i;
        size_t e = time_at(&st, i, &v, &a);
        if (!e)
            continue;
        e = finish(&st, i, e, NULL, &v);
        /* 2024년보다, 2024년 대비: a comparison base, not the time the
         * story goes on in (같은 기간 after it is not 2024) */
        if (lit(s, len, e, R_BASE) || (e < len && s[e] == ' ' && lit(s, len, e + 1, R_BASE_NOUN)))
            st.cur_base = 1;
        else if (e < len && s[e] == '(') {
            /* 지난해 4분기(19조원)보다: the base after a note */
            size_t q = e + 1;
            while (q < len && q < e + 80 && s[q] != ')' && s[q] != '(' && s[q] != '\n')
                q++;
            if (q < len && s[q] == ')' && lit(s, len, q + 1, R_BASE))
                st.cur_base = 1;
        }
        emit(&st, a, e, &v);
        st.have_prev = 1, st.prev_sent = st.sent_no;
        st.prev_idx = c->out->n - 1, st.prev_end = e;
        remember(&st, &v);
        next = e;
    }
}
