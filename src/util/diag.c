/* diag.c - collecting and printing findings (kg/diag.h). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "kg/buf.h"
#include "kg/diag.h"
#include "kg/esc.h"

void kg_diag_init(kg_diag *d)
{
    memset(d, 0, sizeof *d);
}

void kg_diag_free(kg_diag *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].file);
        free(d->v[i].msg);
    }
    free(d->v);
    kg_diag_init(d);
}

static void vadd(kg_diag *d, kg_severity sev, const char *file, int line, int col,
                 const char *fmt, va_list ap)
{
    kg_buf b = KG_BUF_INIT;
    kg_buf_vprintf(&b, fmt, ap);
    KG_VEC_PUSH(d->v, d->n, d->cap);
    kg_finding *f = &d->v[d->n++];
    f->sev = sev;
    f->file = file ? kg_xstrdup(file) : NULL;
    f->line = line;
    f->col = col;
    f->msg = kg_buf_detach(&b, NULL);
    if (sev == KG_SEV_ERROR)
        d->errors++;
    else if (sev == KG_SEV_WARNING)
        d->warnings++;
}

void kg_diag_add(kg_diag *d, kg_severity sev, const char *file, int line, int col,
                 const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vadd(d, sev, file, line, col, fmt, ap);
    va_end(ap);
}

void kg_diag_error(kg_diag *d, const char *file, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vadd(d, KG_SEV_ERROR, file, line, col, fmt, ap);
    va_end(ap);
}

void kg_diag_warn(kg_diag *d, const char *file, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vadd(d, KG_SEV_WARNING, file, line, col, fmt, ap);
    va_end(ap);
}

void kg_finding_format(const kg_finding *f, char *out, size_t outlen)
{
    kg_buf b = KG_BUF_INIT;
    /* a file name or a message may quote what a file says: control
     * characters in them are shown escaped (kg/esc.h) */
    kg_buf_puts(&b, "kg: ");
    if (f->file) {
        kg_esc_str(&b, f->file, 0);
        if (f->line > 0) {
            kg_buf_printf(&b, ":%d", f->line);
            if (f->col > 0)
                kg_buf_printf(&b, ":%d", f->col);
        }
        kg_buf_puts(&b, ": ");
    }
    if (f->sev == KG_SEV_WARNING)
        kg_buf_puts(&b, "warning: ");
    else if (f->sev == KG_SEV_NOTE)
        kg_buf_puts(&b, "note: ");
    kg_esc_str(&b, f->msg, 0);
    snprintf(out, outlen, "%s", b.ptr);
    kg_buf_free(&b);
}

/* Prints line `line` of file with a caret under column col (a column is
 * counted in characters, as libyaml counts it). */
static void show_source(FILE *out, const char *file, int line, int col)
{
    FILE *fp = fopen(file, "rb");
    if (!fp)
        return;
    char buf[4096];
    int cur = 1;
    while (cur < line && fgets(buf, sizeof buf, fp))
        if (strchr(buf, '\n'))
            cur++;
    if (cur == line && fgets(buf, sizeof buf, fp)) {
        buf[strcspn(buf, "\r\n")] = '\0';
        kg_buf esc = KG_BUF_INIT;
        kg_esc_str(&esc, buf, KG_ESC_LINES);
        fprintf(out, "    %s\n    ", esc.ptr);
        kg_buf_free(&esc);
        /* Pad with the same bytes (tabs stay tabs); wide Hangul gets two
         * cells, an escaped control character as many as its escape. */
        int c = 1;
        size_t left = strlen(buf);
        for (const unsigned char *p = (const unsigned char *)buf; *p && c < col; c++) {
            unsigned char ch = *p;
            size_t used, w = kg_esc_width((const char *)p, left, &used);
            if (w) {
                fprintf(out, "%*s", (int)w, "");
                p += used, left -= used;
                continue;
            }
            size_t n = ch < 0x80 ? 1 : ch >= 0xF0 ? 4 : ch >= 0xE0 ? 3 : 2;
            fputs(ch == '\t' ? "\t" : n == 3 ? "  " : " ", out);
            while (n-- && *p)
                p++, left--;
        }
        fputs("^\n", out);
    }
    fclose(fp);
}

void kg_diag_print(const kg_diag *d, FILE *out, int source)
{
    char line[8192];
    for (size_t i = 0; i < d->n; i++) {
        const kg_finding *f = &d->v[i];
        kg_finding_format(f, line, sizeof line);
        fprintf(out, "%s\n", line);
        if (source && f->file && f->line > 0 && f->col > 0)
            show_source(out, f->file, f->line, f->col);
    }
}

static int cmp(const void *a, const void *b)
{
    const kg_finding *x = a, *y = b;
    int c = strcmp(x->file ? x->file : "", y->file ? y->file : "");
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return 0;
}

void kg_diag_sort(kg_diag *d)
{
    /* a merge sort: stable (equal findings keep the order they were found
     * in) and n log n, for the many findings of a large hostile file */
    if (d->n < 2)
        return;
    kg_finding *tmp = kg_xmalloc(d->n * sizeof *tmp);
    for (size_t w = 1; w < d->n; w *= 2) {
        for (size_t lo = 0; lo < d->n; lo += 2 * w) {
            size_t mid = lo + w < d->n ? lo + w : d->n, hi = lo + 2 * w < d->n ? lo + 2 * w : d->n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                tmp[k++] = cmp(&d->v[j], &d->v[i]) < 0 ? d->v[j++] : d->v[i++];
            while (i < mid)
                tmp[k++] = d->v[i++];
            while (j < hi)
                tmp[k++] = d->v[j++];
        }
        memcpy(d->v, tmp, d->n * sizeof *tmp);
    }
    free(tmp);
}
