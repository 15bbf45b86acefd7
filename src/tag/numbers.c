/* numbers.c - reading numbers as Korean news writes them: ASCII digits
 * with thousands commas and decimals, Korean multipliers mixed in
 * (600억, 4천500, 3만8210, 12조600억, 1.5조), Sino-Korean numerals in Hangul
 * (삼십, 이백오십) and native Korean number words (두, 세, 열, 스무). */
#include <pthread.h>
#include <string.h>

#include "tagint.h"

static int is_d(char c)
{
    return c >= '0' && c <= '9';
}

/* Small multipliers 십 백 천 (x10 x100 x1000), big ones 만 억 조 (경 is
 * left out: 2경기 is two games far more often than 2 x 10^16). */
/* First syllables of the number words below, so that most syllables are
 * turned away by one lookup instead of a compare with every word. */
static kg_sylset mult_syl, big_syl, sino_syl, tens_syl, ones_syl;
static pthread_once_t syl_once = PTHREAD_ONCE_INIT;

static void syl_init(void)
{
    kg_sylset_add(&mult_syl, "십백천");
    kg_sylset_add(&big_syl, "만억조");
    kg_sylset_add(&sino_syl, "영일이삼사오육칠팔구");
    kg_sylset_add(&tens_syl, "열스서마쉰예일여아"); /* 열 스물 스무 서른 마흔 쉰 예순 일흔 여든 아흔 */
    kg_sylset_add(&ones_syl, "한두세네다여일아하둘셋넷"); /* 다섯 여섯 일곱 여덟 아홉 하나 ... */
}

static double small_mult(const char *s, size_t len, size_t i)
{
    if (!kg_sylset_at(&mult_syl, s, len, i))
        return 0;
    if (kg_at(s, len, i, "십"))
        return 10;
    if (kg_at(s, len, i, "백"))
        return 100;
    if (kg_at(s, len, i, "천"))
        return 1000;
    return 0;
}

static double big_mult(const char *s, size_t len, size_t i)
{
    if (!kg_sylset_at(&big_syl, s, len, i))
        return 0;
    if (kg_at(s, len, i, "만"))
        return 1e4;
    if (kg_at(s, len, i, "억"))
        return 1e8;
    if (kg_at(s, len, i, "조"))
        return 1e12;
    return 0;
}

/* Sino-Korean digit words. */
static int sino_digit(const char *s, size_t len, size_t i)
{
    static const char *const d[] = { "영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구", NULL };
    if (!kg_sylset_at(&sino_syl, s, len, i))
        return -1;
    for (int k = 0; d[k]; k++)
        if (kg_at(s, len, i, d[k]))
            return k;
    return -1;
}

/* Reads digits (with commas, one decimal point) at s[i]. */
static int read_digits(const char *s, size_t len, size_t i, double *v, size_t *end, int *nd, int *point,
                       int *comma, int *intd)
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

int kg_num_scan(const char *s, size_t len, size_t i, kg_num *out)
{
    memset(out, 0, sizeof *out);
    pthread_once(&syl_once, syl_init);
    out->start = i;
    double total = 0, section = 0;
    double last_big = 1e300;
    size_t j = i;
    int any = 0;
    for (;;) {
        double v = 0;
        size_t e;
        int nd = 0, pt = 0, cm = 0, intd = 0;
        int have = 0;
        if (j < len && is_d(s[j])) {
            if (!read_digits(s, len, j, &v, &e, &nd, &pt, &cm, &intd))
                break;
            /* after a multiplier, only plain digits may follow (3만8210) */
            out->digits += nd;
            if (!any)
                out->int_digits = intd;
            out->has_point |= pt;
            out->has_comma |= cm;
            j = e;
            have = 1;
        } else if (!any && j < len) {
            /* Sino-Korean numerals: 삼십, 이백오십, 십이 */
            int dg = sino_digit(s, len, j);
            double sm = small_mult(s, len, j);
            if (dg >= 1 && small_mult(s, len, j + 3) > 0) {
                v = dg;
                j += 3;
                have = 1;
                out->words = 1;
            } else if (sm > 0 && (sino_digit(s, len, j + 3) >= 1 || small_mult(s, len, j + 3) > 0 ||
                                  big_mult(s, len, j + 3) > 0)) {
                v = 1;
                have = 1;
                out->words = 1;
            }
        } else if (any && out->words && j < len) {
            int dg = sino_digit(s, len, j);
            if (dg >= 1) {
                v = dg;
                j += 3;
                have = 1;
            } else if (small_mult(s, len, j) > 0) {
                v = 1;
                have = 1;
            }
        }
        if (!have)
            break;
        any = 1;
        /* small multipliers: 4천500, 3천5백 */
        for (;;) {
            double sm = small_mult(s, len, j);
            if (sm <= 0)
                break;
            section += v * sm;
            v = 0;
            j += 3;
            out->has_mult = 1;
            if (j < len && is_d(s[j])) {
                double w;
                size_t e2;
                int nd2, pt2, cm2, intd2;
                if (!read_digits(s, len, j, &w, &e2, &nd2, &pt2, &cm2, &intd2))
                    break;
                v = w;
                out->digits += nd2;
                j = e2;
            } else if (out->words) {
                int dg = sino_digit(s, len, j);
                if (dg >= 1 && dg <= 9) {
                    v = dg;
                    j += 3;
                }
            }
        }
        section += v;
        double bm = big_mult(s, len, j);
        if (bm > 0 && bm < last_big) {
            total += (section ? section : 1) * bm;
            section = 0;
            last_big = bm;
            j += 3;
            out->has_mult = 1;
            if ((j < len && is_d(s[j])) || (out->words && j < len && sino_digit(s, len, j) >= 1))
                continue;
            break;
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

/* Native Korean numbers; a compound (열두, 스물다섯) is read as a whole. */
int kg_num_scan_native(const char *s, size_t len, size_t i, kg_num *out)
{
    static const struct {
        const char *w;
        int v;
    } tens[] = { { "열", 10 }, { "스물", 20 }, { "스무", 20 }, { "서른", 30 }, { "마흔", 40 }, { "쉰", 50 },
                 { "예순", 60 }, { "일흔", 70 }, { "여든", 80 }, { "아흔", 90 }, { NULL, 0 } },
      ones[] = { { "한", 1 }, { "두", 2 }, { "세", 3 }, { "네", 4 }, { "다섯", 5 }, { "여섯", 6 },
                 { "일곱", 7 }, { "여덟", 8 }, { "아홉", 9 }, { "하나", 1 }, { "둘", 2 }, { "셋", 3 },
                 { "넷", 4 }, { NULL, 0 } };
    memset(out, 0, sizeof *out);
    pthread_once(&syl_once, syl_init);
    size_t j = i;
    int v = 0;
    int tens_ok = kg_sylset_at(&tens_syl, s, len, j); /* else no word below matches */
    for (int k = 0; tens_ok && tens[k].w; k++)
        if (kg_at(s, len, j, tens[k].w)) {
            v = tens[k].v;
            j += strlen(tens[k].w);
            break;
        }
    int ones_ok = kg_sylset_at(&ones_syl, s, len, j);
    for (int k = 0; ones_ok && ones[k].w; k++)
        if (kg_at(s, len, j, ones[k].w)) {
            if (v == 20 && kg_at(s, len, i, "스무"))
                break; /* 스무 stands alone */
            v += ones[k].v;
            j += strlen(ones[k].w);
            break;
        }
    if (!v || j == i)
        return 0;
    /* must end the word */
    if (j < len && s[j] != ' ')
        return 0;
    out->value = v;
    out->start = i;
    out->end = j;
    out->words = 1;
    return 1;
}
