/* edtf.c - parsing and printing the EDTF subset of the facts format, and
 * calendar arithmetic on it (days since 1970-01-01). */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "kg/edtf.h"

int kg_days_in_month(int year, int month)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return days[month - 1];
}

/* Howard Hinnant's days_from_civil. */
long kg_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void kg_civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long dd = doy - (153 * mp + 2) / 5 + 1;
    long mm = mp + (mp < 10 ? 3 : -9);
    *y = (int)(yy + (mm <= 2));
    *m = (int)mm;
    *d = (int)dd;
}

static int digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

/* Parses one date of exactly len bytes. */
static int parse_point(const char *s, size_t len, kg_edtf_point *p, const char **err)
{
    static _Thread_local char msg[96]; /* per thread: extract --jobs parses dates on several */
    memset(p, 0, sizeof *p);
    if (len > 0 && (s[len - 1] == '~' || s[len - 1] == '?' || s[len - 1] == '%')) {
        char q = s[len - 1];
        p->approx = q == '~' || q == '%';
        p->uncertain = q == '?' || q == '%';
        len--;
    }
    if (len > 4 && strspn(s, "0123456789") == len) {
        *err = "years have four digits here (0000-9999)";
        return -1;
    }
    if (len != 4 && len != 7 && len != 10) {
        *err = "not an EDTF date (YYYY, YYYY-MM or YYYY-MM-DD, optionally with ~ or ?)";
        return -1;
    }
    if (digits(s, 4, &p->year) < 0) {
        *err = "not an EDTF date: the year must be four digits";
        return -1;
    }
    p->prec = KG_PREC_YEAR;
    if (len >= 7) {
        if (s[4] != '-' || digits(s + 5, 2, &p->month) < 0) {
            *err = "not an EDTF date: expected -MM after the year";
            return -1;
        }
        if (p->month < 1 || p->month > 12) {
            snprintf(msg, sizeof msg, "month %02d out of range (01-12)", p->month);
            *err = msg;
            return -1;
        }
        p->prec = KG_PREC_MONTH;
    }
    if (len == 10) {
        if (s[7] != '-' || digits(s + 8, 2, &p->day) < 0) {
            *err = "not an EDTF date: expected -DD after the month";
            return -1;
        }
        int dim = kg_days_in_month(p->year, p->month);
        if (p->day < 1 || p->day > dim) {
            snprintf(msg, sizeof msg, "day %02d out of range for %04d-%02d (which has %d days)",
                     p->day, p->year, p->month, dim);
            *err = msg;
            return -1;
        }
        p->prec = KG_PREC_DAY;
    }
    return 0;
}

static void first_last(const kg_edtf_point *p, long *first, long *last)
{
    int m1 = p->prec >= KG_PREC_MONTH ? p->month : 1;
    int m2 = p->prec >= KG_PREC_MONTH ? p->month : 12;
    int d1 = p->prec == KG_PREC_DAY ? p->day : 1;
    int d2 = p->prec == KG_PREC_DAY ? p->day : kg_days_in_month(p->year, m2);
    *first = kg_days_from_civil(p->year, m1, d1);
    *last = kg_days_from_civil(p->year, m2, d2);
}

int kg_edtf_parse(const char *s, kg_edtf *out, const char **err)
{
    const char *dummy;
    if (!err)
        err = &dummy;
    memset(out, 0, sizeof *out);
    if (!s || !*s) {
        *err = "empty date";
        return -1;
    }
    const char *slash = strchr(s, '/');
    if (!slash)
        return parse_point(s, strlen(s), &out->a, err);
    if (strchr(slash + 1, '/')) {
        *err = "not an EDTF interval: more than one '/'";
        return -1;
    }
    out->interval = 1;
    size_t la = (size_t)(slash - s), lb = strlen(slash + 1);
    int open_a = la == 2 && memcmp(s, "..", 2) == 0;
    int open_b = lb == 2 && memcmp(slash + 1, "..", 2) == 0;
    if (open_a && open_b) {
        *err = "not an EDTF interval: both ends open";
        return -1;
    }
    if (!open_a && parse_point(s, la, &out->a, err) < 0)
        return -1;
    if (!open_b && parse_point(slash + 1, lb, &out->b, err) < 0)
        return -1;
    if (!open_a && !open_b) {
        long f1, l1, f2, l2;
        first_last(&out->a, &f1, &l1);
        first_last(&out->b, &f2, &l2);
        if (f2 < f1) {
            *err = "interval ends before it starts";
            return -1;
        }
    }
    return 0;
}

static size_t format_point(const kg_edtf_point *p, char *buf, size_t n)
{
    char tmp[24];
    int k;
    switch (p->prec) {
    case KG_PREC_NONE:
        k = snprintf(tmp, sizeof tmp, "..");
        break;
    case KG_PREC_YEAR:
        k = snprintf(tmp, sizeof tmp, "%04d", p->year);
        break;
    case KG_PREC_MONTH:
        k = snprintf(tmp, sizeof tmp, "%04d-%02d", p->year, p->month);
        break;
    default:
        k = snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", p->year, p->month, p->day);
        break;
    }
    if (p->prec != KG_PREC_NONE && (p->approx || p->uncertain))
        tmp[k++] = p->approx && p->uncertain ? '%' : p->approx ? '~' : '?';
    tmp[k] = '\0';
    if (n)
        snprintf(buf, n, "%s", tmp);
    return (size_t)k;
}

size_t kg_edtf_format(const kg_edtf *d, char *buf, size_t n)
{
    char a[24], b[24], all[52];
    format_point(&d->a, a, sizeof a);
    if (!d->interval) {
        if (n)
            snprintf(buf, n, "%s", a);
        return strlen(a);
    }
    format_point(&d->b, b, sizeof b);
    snprintf(all, sizeof all, "%s/%s", a, b);
    if (n)
        snprintf(buf, n, "%s", all);
    return strlen(all);
}

void kg_edtf_bounds(const kg_edtf *d, long *first, long *last)
{
    long f, l;
    if (!d->interval) {
        first_last(&d->a, first, last);
        return;
    }
    if (d->a.prec == KG_PREC_NONE) {
        *first = LONG_MIN;
    } else {
        first_last(&d->a, &f, &l);
        *first = f;
    }
    if (d->b.prec == KG_PREC_NONE) {
        *last = LONG_MAX;
    } else {
        first_last(&d->b, &f, &l);
        *last = l;
    }
}
