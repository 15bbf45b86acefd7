/* kg/diag.h - diagnostics: what the library found wrong, and where.
 *
 * The library never prints or exits; it appends findings to a kg_diag.
 * The CLI prints them as `kg: FILE:LINE:COL: message` (lines and columns
 * are 1-based; 0 means unknown and is left out). */
#ifndef KG_DIAG_H
#define KG_DIAG_H

#include <stdio.h>
#include <stddef.h>

typedef enum kg_severity {
    KG_SEV_ERROR = 0,
    KG_SEV_WARNING = 1,
    KG_SEV_NOTE = 2
} kg_severity;

typedef struct kg_finding {
    kg_severity sev;
    char *file;   /* may be NULL */
    int line;     /* 1-based, 0 = unknown */
    int col;      /* 1-based, 0 = unknown */
    char *msg;    /* lower case, no full stop */
} kg_finding;

typedef struct kg_diag {
    kg_finding *v;
    size_t n, cap;
    size_t errors, warnings;
} kg_diag;

#define KG_DIAG_INIT { NULL, 0, 0, 0, 0 }

void kg_diag_init(kg_diag *d);
void kg_diag_free(kg_diag *d);
void kg_diag_add(kg_diag *d, kg_severity sev, const char *file, int line, int col,
                 const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Shorthands for kg_diag_add(d, KG_SEV_ERROR / KG_SEV_WARNING, ...). */
void kg_diag_error(kg_diag *d, const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void kg_diag_warn(kg_diag *d, const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Formats one finding as `kg: FILE:LINE:COL: [warning: ]message`, no newline. */
void kg_finding_format(const kg_finding *f, char *out, size_t outlen);
/* Prints every finding in order, one a line. With show_source, a finding
 * with a line and column is followed by that source line and a caret. */
void kg_diag_print(const kg_diag *d, FILE *out, int show_source);
/* Sorts findings by file, line, column (stable). */
void kg_diag_sort(kg_diag *d);

#endif
