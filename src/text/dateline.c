/* dateline.c - dates written as a dateline or an absolute date
 * (kg_text_scan_date) and the dateline of an article: the date near its
 * top that says when it was written, its DCT (see kg/text.h). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "kg/edtf.h"
#include "korean/grammar.h"
#include "text/textint.h"

/* The grammar's lists (grammar text), looked up once: the weekdays that
 * may follow a date in brackets, and the words that lead a dateline with,
 * for each, whether it has class modified (the date of a later change:
 * it gives way to the others). */
static const char *const *weekdays;
static const kg_gram_list *dl_keys;
static const char *const *date_units, *const *clock_halves, *const *clock_units;
static unsigned char *dl_modified;
/* the keys' lengths, and what they start with: a Hangul syllable of
 * dl_syl, or a byte of dl_lead (any other first character); a word start
 * of neither begins no key (the lines near the top are looked at word
 * by word, and most words begin none) */
static size_t *dl_len;
static kg_sylset dl_syl;
static unsigned char dl_lead[256];
static pthread_once_t words_once = PTHREAD_ONCE_INIT;

static void words_init(void)
{
    weekdays = kg_gram_words("text", "weekdays");
    dl_keys = kg_gram_list_get("text", "dateline_keys");
    date_units = kg_gram_words("text", "date_units");
    clock_halves = kg_gram_words("text", "clock_halves");
    clock_units = kg_gram_words("text", "clock_units");
    dl_modified = kg_xcalloc(dl_keys->n ? dl_keys->n : 1, 1);
    dl_len = kg_xcalloc(dl_keys->n ? dl_keys->n : 1, sizeof *dl_len);
    for (size_t k = 0; k < dl_keys->n; k++) {
        for (const char *const *c = dl_keys->e[k].classes; c && *c; c++)
            if (strcmp(*c, "modified") == 0)
                dl_modified[k] = 1;
        const char *key = dl_keys->e[k].form;
        dl_len[k] = strlen(key);
        if (!dl_len[k])
            memset(dl_lead, 1, sizeof dl_lead); /* (an empty key is at every start) */
        else if (dl_len[k] >= 3 && kg_u8_syllable((const unsigned char *)key))
            kg_sylset_add_first(&dl_syl, key);
        else
            dl_lead[(unsigned char)key[0]] = 1;
    }
}

/* 0 if no dateline key starts at s[i] (i < te). */
static int key_may_start(const char *s, size_t te, size_t i)
{
    return dl_lead[(unsigned char)s[i]] || kg_sylset_at(&dl_syl, s, te, i);
}

/* Days in a month; 31 for a month out of range (callers check months). */
static int mdays(int y, int m)
{
    int n = kg_days_in_month(y, m);
    return n ? n : 31;
}

static int digits_at(const char *s, size_t len, size_t i, int min, int max, int *val, size_t *end)
{
    int v = 0, n = 0;
    while (i < len && n < max && s[i] >= '0' && s[i] <= '9') {
        v = v * 10 + (s[i] - '0');
        i++;
        n++;
    }
    if (n < min || (i < len && s[i] >= '0' && s[i] <= '9'))
        return 0;
    *val = v;
    *end = i;
    return 1;
}

/* out = the day y-m-d. */
static void day_edtf(kg_edtf *out, int y, int m, int d)
{
    memset(out, 0, sizeof *out);
    out->a.year = y;
    out->a.month = m;
    out->a.day = d;
    out->a.prec = KG_PREC_DAY;
}

size_t kg_text_scan_date(const char *s, size_t len, kg_edtf *out)
{
    int y, m, d;
    size_t i;
    if (!digits_at(s, len, 0, 4, 4, &y, &i) || y < 1900 || y > 2199)
        return 0;
    char sep = i < len ? s[i] : 0;
    if (sep != '.' && sep != '-' && sep != '/')
        return 0;
    i++;
    if (sep == '.' && i < len && s[i] == ' ')
        i++;
    if (!digits_at(s, len, i, 1, 2, &m, &i) || m < 1 || m > 12)
        return 0;
    if (i >= len || s[i] != sep)
        return 0;
    i++;
    if (sep == '.' && i < len && s[i] == ' ')
        i++;
    if (!digits_at(s, len, i, 1, 2, &d, &i) || d < 1 || d > mdays(y, m))
        return 0;
    if (sep == '.' && i < len && s[i] == '.')
        i++;
    /* optional time and weekday */
    size_t j = i;
    while (j < len && s[j] == ' ')
        j++;
    int hh, mm;
    size_t k;
    if (digits_at(s, len, j, 1, 2, &hh, &k) && k < len && s[k] == ':' && hh < 24 &&
        digits_at(s, len, k + 1, 2, 2, &mm, &k) && mm < 60) {
        i = k;
        if (i + 2 < len && s[i] == ':' && digits_at(s, len, i + 1, 2, 2, &mm, &k))
            i = k;
        j = i;
        while (j < len && s[j] == ' ')
            j++;
    }
    if (j < len && s[j] == '(') {
        pthread_once(&words_once, words_init);
        for (const char *const *p = weekdays; *p; p++) {
            size_t n = strlen(*p);
            if (kg_at(s, len, j + 1, *p) && j + 1 + n < len && s[j + 1 + n] == ')') {
                i = j + 2 + n;
                break;
            }
        }
    }
    day_edtf(out, y, m, d);
    return i;
}


/* A date written in Korean, 2025년 03월 04일, at s (a dateline's): its
 * length, or 0. With need_time, only when an hour follows (10시 22분,
 * 10:22), as on a dateline line of its own. */
static size_t scan_ko_date(const char *s, size_t len, kg_edtf *out, int need_time)
{
    /* YYYY년 M월 D일, a space allowed after each unit (text date_units:
     * the year's, the month's and the day's, in that order) */
    pthread_once(&words_once, words_init);
    int v[3], hh, mm;
    size_t i = 0, k;
    for (int u = 0; u < 3; u++) {
        if (u > 0 && i < len && s[i] == ' ')
            i++;
        if (!date_units[0] || !date_units[1] || !date_units[2])
            return 0;
        if (!digits_at(s, len, i, u ? 1 : 4, u ? 2 : 4, &v[u], &i) || !(k = kg_lit(s, len, i, date_units[u])))
            return 0;
        i = k;
    }
    int y = v[0], m = v[1], d = v[2];
    if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > mdays(y, m))
        return 0;
    size_t j = i;
    while (j < len && s[j] == ' ')
        j++;
    int timed = 0;
    /* 오전 or 오후 and a space (text clock_halves) */
    if ((k = kg_lit_any(s, len, j, clock_halves)) && k < len && s[k] == ' ')
        j = k + 1;
    /* the hour's mark and the minute's (text clock_units, in that order) */
    const char *hour = clock_units[0], *minute = hour ? clock_units[1] : NULL;
    size_t kh = 0;
    if (digits_at(s, len, j, 1, 2, &hh, &k) && hh < 24 &&
        ((hour && (kh = kg_lit(s, len, k, hour))) ||
         (k < len && s[k] == ':' && digits_at(s, len, k + 1, 2, 2, &mm, &k)))) {
        timed = 1;
        i = kh ? kh : k;
        size_t q = i;
        while (q < len && s[q] == ' ')
            q++;
        if (digits_at(s, len, q, 1, 2, &mm, &k) && mm < 60 && minute && (kh = kg_lit(s, len, k, minute)))
            i = kh;
    }
    if (need_time && !timed)
        return 0;
    day_edtf(out, y, m, d);
    return i;
}

/* 1 if s[a..b) holds four ASCII digits in a row: every date that
 * kg_text_scan_date and scan_ko_date read starts with its year's four,
 * so a line without them has no dateline (most lines: the digits are
 * found sixteen bytes at a time, and the words are not looked at). */
static int has_four_digits(const char *s, size_t a, size_t b)
{
    for (size_t k = kg_find_bytes(s, a, b, "", 0, 1); k < b; k = kg_find_bytes(s, k + 1, b, "", 0, 1)) {
        size_t e = k;
        while (e < b && s[e] >= '0' && s[e] <= '9')
            e++;
        if (e - k >= 4)
            return 1;
        k = e; /* (s[e] is no digit) */
    }
    return 0;
}

/* 1 if nothing but spaces and a weekday in brackets (text weekdays:
 * "(수)") follows a date that ends at s[i] on a line that ends at te. */
static int date_fills_line(const char *s, size_t i, size_t te)
{
    while (i < te && s[i] == ' ')
        i++;
    if (i < te && s[i] == '(')
        for (const char *const *p = weekdays; *p; p++) {
            size_t n = strlen(*p);
            if (kg_at(s, te, i + 1, *p) && i + 1 + n < te && s[i + 1 + n] == ')') {
                i += n + 2;
                break;
            }
        }
    while (i < te && s[i] == ' ')
        i++;
    return i == te;
}

void kg_txt_dateline(kg_text *t, text_line *ln, size_t nl)
{
    pthread_once(&words_once, words_init);
    const char *s = t->norm;
    int best_rank = 1000;
    /* datelines stand near the top of an article */
    for (size_t li = 0; li < nl && li < 80; li++) {
        size_t ts = ln[li].ts, te = ln[li].te;
        if (ts == te || te - ts > 200 || kg_text_in_chrome(t, ts) || !has_four_digits(s, ts, te))
            continue;
        /* the line's start and each place after a space, [, ( or | (the
         * next of those found sixteen bytes at a time) */
        for (size_t i = ts; i < te; i = kg_find_bytes(s, i, te, " [(|", 4, 0) + 1) {
            int rank = -1;
            size_t after = i;
            int may = key_may_start(s, te, i);
            for (size_t k = 0; may && k < dl_keys->n; k++) {
                /* the longest key (발행일, not 발행) */
                const char *key = dl_keys->e[k].form;
                if (kg_at(s, te, i, key) && i + dl_len[k] > after) {
                    rank = dl_modified[k] ? 50 : 10;
                    after = i + dl_len[k];
                }
            }
            if (rank < 0) {
                /* a bare date at the start of a short text_line; on a
                 * line of a byline's length, a date with its hour after
                 * a space or | (홍길동 기자 | 2025-06-11 15:12) */
                if (i == ts && s[i] >= '0' && s[i] <= '9' && te - ts <= 40) {
                    rank = 80;
                    after = i;
                } else if (i > ts && s[i] >= '0' && s[i] <= '9' && te - ts <= 120) {
                    kg_edtf e;
                    size_t n = kg_text_scan_date(s + i, te - i, &e);
                    if (!n)
                        continue;
                    /* (or a whole day, its year first, that ends the
                     * line: 홍길동 기자 | 2025-06-02, 홍길동 기자
                     * hong@example.com 2025-06-02) */
                    size_t z = i + n;
                    while (z < te && s[z] == ' ')
                        z++;
                    if (memchr(s + i, ':', n))
                        rank = 90;
                    else if (z == te && !e.interval && e.a.day && i + 4 < te &&
                             (s[i + 4] == '-' || s[i + 4] == '.'))
                        rank = 95;
                    else
                        continue;
                    after = i;
                } else
                    continue;
            }
            size_t j = after;
            while (j < te && (s[j] == ' ' || s[j] == ':' || s[j] == '|'))
                j++;
            kg_edtf e;
            size_t n = kg_text_scan_date(s + j, te - j, &e);
            if (!n)
                n = scan_ko_date(s + j, te - j, &e, rank == 80);
            if (!n && rank == 80 && (n = scan_ko_date(s + j, te - j, &e, 0)) && !date_fills_line(s, j + n, te))
                n = 0; /* (a date in Korean without an hour: only as the whole line) */
            if (n && rank < best_rank) {
                best_rank = rank;
                t->has_dateline = 1;
                t->dateline = e;
                t->dateline_at.nstart = j;
                t->dateline_at.nend = j + n;
                t->dateline_at.start = kg_text_src_offset(t, j);
                t->dateline_at.end = kg_text_src_offset(t, j + n);
            }
            if (n)
                break;
        }
        if (best_rank <= 10)
            break;
    }
}

