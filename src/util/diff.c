/* diff.c - a line diff (Myers, "An O(ND) Difference Algorithm", 1986)
 * with unified output, for showing what a rewrite would change. Files
 * here are facts files (thousands of lines at most): the common head and
 * tail are trimmed first, and past KG_DIFF_MAX_D differences the middle
 * is shown as one replacement instead of a minimal script. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kg/diff.h"

#define KG_DIFF_MAX_D 4000

typedef struct {
    const char *p;
    size_t len;    /* without the newline */
    int nl;        /* ends with a newline */
    uint64_t hash;
} line;

static size_t split(const char *t, size_t n, line **out)
{
    size_t cap = 16, k = 0;
    line *v = kg_xmalloc(cap * sizeof *v);
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(t + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - t) : n;
        if (k == cap) {
            cap *= 2;
            v = kg_xrealloc(v, cap * sizeof *v);
        }
        uint64_t h = 1469598103934665603ULL;
        for (size_t j = i; j < e; j++)
            h = (h ^ (unsigned char)t[j]) * 1099511628211ULL;
        v[k].p = t + i;
        v[k].len = e - i;
        v[k].nl = nl != NULL;
        v[k].hash = h ^ (uint64_t)v[k].nl;
        k++;
        i = nl ? e + 1 : n;
    }
    *out = v;
    return k;
}

static int same(const line *x, const line *y)
{
    return x->hash == y->hash && x->len == y->len && x->nl == y->nl && memcmp(x->p, y->p, x->len) == 0;
}

/* op per line of the edit script: ' ' keep (a and b), '-' a only, '+' b only */
typedef struct {
    char op;
    size_t ai, bi;
} edit;

typedef struct {
    edit *v;
    size_t n, cap;
} script;

static void push(script *s, char op, size_t ai, size_t bi)
{
    KG_VEC_PUSH(s->v, s->n, s->cap);
    s->v[s->n].op = op;
    s->v[s->n].ai = ai;
    s->v[s->n].bi = bi;
    s->n++;
}

/* Myers' greedy forward search over a[a0..a1) and b[b0..b1), keeping each
 * round's furthest points to walk the path back. Appends the middle's
 * edits in order; returns -1 when more than KG_DIFF_MAX_D edits. */
static int myers(const line *a, size_t a0, size_t a1, const line *b, size_t b0, size_t b1, script *s)
{
    long n = (long)(a1 - a0), m = (long)(b1 - b0), max = n + m;
    if (max > KG_DIFF_MAX_D)
        max = KG_DIFF_MAX_D;
    long off = max + 1;
    long *v = kg_xcalloc((size_t)(2 * max + 3), sizeof *v);
    long **trace = kg_xcalloc((size_t)max + 2, sizeof *trace);
    long dfound = -1;
    for (long d = 0; d <= max && dfound < 0; d++) {
        trace[d] = kg_xmalloc((size_t)(2 * max + 3) * sizeof **trace);
        memcpy(trace[d], v, (size_t)(2 * max + 3) * sizeof *v);
        for (long k = -d; k <= d; k += 2) {
            long x;
            if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
                x = v[off + k + 1];
            else
                x = v[off + k - 1] + 1;
            long y = x - k;
            while (x < n && y < m && same(&a[a0 + (size_t)x], &b[b0 + (size_t)y]))
                x++, y++;
            v[off + k] = x;
            if (x >= n && y >= m) {
                dfound = d;
                break;
            }
        }
    }
    int rc = 0;
    if (dfound < 0) {
        rc = -1;
    } else {
        /* walk back from (n, m), collecting edits in reverse */
        script rev = { NULL, 0, 0 };
        long x = n, y = m;
        for (long d = dfound; d > 0; d--) {
            long *pv = trace[d];
            long k = x - y;
            long pk = (k == -d || (k != d && pv[off + k - 1] < pv[off + k + 1])) ? k + 1 : k - 1;
            long px = pv[off + pk], py = px - pk;
            while (x > px && y > py) {
                x--, y--;
                push(&rev, ' ', a0 + (size_t)x, b0 + (size_t)y);
            }
            if (pk == k + 1) {
                y--;
                push(&rev, '+', a0 + (size_t)x, b0 + (size_t)y);
            } else {
                x--;
                push(&rev, '-', a0 + (size_t)x, b0 + (size_t)y);
            }
        }
        while (x > 0 && y > 0) {
            x--, y--;
            push(&rev, ' ', a0 + (size_t)x, b0 + (size_t)y);
        }
        for (size_t i = rev.n; i-- > 0;)
            push(s, rev.v[i].op, rev.v[i].ai, rev.v[i].bi);
        free(rev.v);
    }
    for (long d = 0; d <= max + 1; d++)
        free(trace[d]);
    free(trace);
    free(v);
    return rc;
}

static void put_line(kg_buf *out, char op, const line *l)
{
    kg_buf_putc(out, op);
    kg_buf_add(out, l->p, l->len);
    kg_buf_putc(out, '\n');
    if (!l->nl)
        kg_buf_puts(out, "\\ No newline at end of file\n");
}

size_t kg_diff_unified(kg_buf *out, const char *a_name, const char *a, size_t alen,
                       const char *b_name, const char *b, size_t blen, int context)
{
    line *la, *lb;
    size_t na = split(a, alen, &la), nb = split(b, blen, &lb);
    size_t head = 0;
    while (head < na && head < nb && same(&la[head], &lb[head]))
        head++;
    size_t tail = 0;
    while (tail < na - head && tail < nb - head && same(&la[na - 1 - tail], &lb[nb - 1 - tail]))
        tail++;
    script s = { NULL, 0, 0 };
    for (size_t i = 0; i < head; i++)
        push(&s, ' ', i, i);
    if (myers(la, head, na - tail, lb, head, nb - tail, &s) < 0) {
        for (size_t i = head; i < na - tail; i++)
            push(&s, '-', i, head);
        for (size_t j = head; j < nb - tail; j++)
            push(&s, '+', na - tail, j);
    }
    for (size_t i = 0; i < tail; i++)
        push(&s, ' ', na - tail + i, nb - tail + i);

    size_t hunks = 0;
    size_t ctx = context < 0 ? 0 : (size_t)context;
    size_t i = 0;
    while (i < s.n) {
        if (s.v[i].op == ' ') {
            i++;
            continue;
        }
        /* a hunk: from ctx lines before this change to ctx lines after the
         * last change that lies within 2*ctx keeps of the next */
        size_t start = i >= ctx ? i - ctx : 0;
        size_t end = i, keeps = 0;
        for (size_t j = i; j < s.n; j++) {
            if (s.v[j].op == ' ') {
                if (++keeps > 2 * ctx)
                    break;
            } else {
                keeps = 0;
                end = j;
            }
        }
        size_t stop = end + 1 + ctx < s.n ? end + 1 + ctx : s.n;
        if (hunks++ == 0)
            kg_buf_printf(out, "--- %s\n+++ %s\n", a_name, b_name);
        size_t as = 0, bs = 0, ac = 0, bc = 0;
        for (size_t j = start; j < stop; j++) {
            if (s.v[j].op != '+')
                ac++;
            if (s.v[j].op != '-')
                bc++;
        }
        as = s.v[start].ai + (ac ? 1 : 0);
        bs = s.v[start].bi + (bc ? 1 : 0);
        kg_buf_printf(out, "@@ -%zu", as);
        if (ac != 1)
            kg_buf_printf(out, ",%zu", ac);
        kg_buf_printf(out, " +%zu", bs);
        if (bc != 1)
            kg_buf_printf(out, ",%zu", bc);
        kg_buf_puts(out, " @@\n");
        for (size_t j = start; j < stop; j++) {
            const edit *e = &s.v[j];
            put_line(out, e->op, e->op == '+' ? &lb[e->bi] : &la[e->ai]);
        }
        i = stop;
    }
    free(s.v);
    free(la);
    free(lb);
    return hunks;
}
