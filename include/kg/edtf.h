/* kg/edtf.h - the EDTF subset of the facts format (ISO 8601-2).
 *
 * Forms: YYYY, YYYY-MM, YYYY-MM-DD, each with an optional suffix `~`
 * (approximate), `?` (uncertain) or `%` (both); intervals A/B, and open
 * intervals A/.. and ../B. Years are 0000-9999. */
#ifndef KG_EDTF_H
#define KG_EDTF_H

#include <stddef.h>

typedef enum kg_prec {
    KG_PREC_NONE = 0,   /* open end (`..`) of an interval */
    KG_PREC_YEAR = 1,
    KG_PREC_MONTH = 2,
    KG_PREC_DAY = 3
} kg_prec;

typedef struct kg_edtf_point {
    int year, month, day; /* month/day 0 when not given */
    kg_prec prec;
    unsigned approx : 1;
    unsigned uncertain : 1;
} kg_edtf_point;

typedef struct kg_edtf {
    int interval;          /* 1 for A/B forms */
    kg_edtf_point a;       /* the date, or the start of the interval */
    kg_edtf_point b;       /* end of the interval (prec NONE = open `..`) */
} kg_edtf;

/* Parses s into *out. Returns 0, or -1 and points *err (if not NULL) at a
 * static message such as "day 31 out of range for 2023-04". */
int kg_edtf_parse(const char *s, kg_edtf *out, const char **err);
/* Writes the canonical text of d into buf (NUL-terminated, truncated to
 * n); returns the length it needed. Parsing then formatting a valid date
 * gives back the same text. */
size_t kg_edtf_format(const kg_edtf *d, char *buf, size_t n);
/* Days since 1970-01-01 of the first and last day the date can mean
 * (a month covers all its days). Open ends give LONG_MIN / LONG_MAX. */
void kg_edtf_bounds(const kg_edtf *d, long *first, long *last);
/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
long kg_days_from_civil(int y, int m, int d);
void kg_civil_from_days(long z, int *y, int *m, int *d);
int kg_days_in_month(int year, int month);

#endif
