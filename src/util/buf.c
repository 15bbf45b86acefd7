/* buf.c - the growable byte buffer of kg/buf.h and allocation helpers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg/buf.h"

char kg_buf_empty[1];

static void oom(void)
{
    fputs("kg: out of memory\n", stderr);
    abort();
}

void *kg_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom();
    return p;
}

void *kg_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom();
    return p;
}

void *kg_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom();
    return q;
}

char *kg_xstrdup(const char *s)
{
    return kg_xstrndup(s, strlen(s));
}

char *kg_xstrndup(const char *s, size_t n)
{
    char *p = kg_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void kg_buf_init(kg_buf *b)
{
    b->ptr = kg_buf_empty;
    b->len = 0;
    b->cap = 0;
}

void kg_buf_free(kg_buf *b)
{
    if (!b)
        return;
    if (b->cap)
        free(b->ptr);
    kg_buf_init(b);
}

void kg_buf_reset(kg_buf *b)
{
    b->len = 0;
    if (b->cap)
        b->ptr[0] = '\0';
}

void kg_buf_grow(kg_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need < b->len)
        oom();
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap * 2 > cap ? cap * 2 : need;
    if (b->cap) {
        b->ptr = kg_xrealloc(b->ptr, cap);
    } else {
        b->ptr = kg_xmalloc(cap);
        b->ptr[0] = '\0';
    }
    b->cap = cap;
}

void kg_buf_add(kg_buf *b, const void *data, size_t len)
{
    if (!len)
        return;
    kg_buf_grow(b, len);
    memcpy(b->ptr + b->len, data, len);
    b->len += len;
    b->ptr[b->len] = '\0';
}

void kg_buf_puts(kg_buf *b, const char *s)
{
    kg_buf_add(b, s, strlen(s));
}

void kg_buf_putc(kg_buf *b, int c)
{
    kg_buf_grow(b, 1);
    b->ptr[b->len++] = (char)c;
    b->ptr[b->len] = '\0';
}

void kg_buf_vprintf(kg_buf *b, const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n <= 0)
        return;
    kg_buf_grow(b, (size_t)n);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void kg_buf_printf(kg_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    kg_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

char *kg_buf_detach(kg_buf *b, size_t *len)
{
    char *p;
    if (len)
        *len = b->len;
    if (b->cap)
        p = b->ptr;
    else
        p = kg_xstrdup("");
    kg_buf_init(b);
    return p;
}

void kg_buf_fixed(kg_buf *b, double v, int decimals)
{
    static const double p10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6 };
    double a = decimals >= 0 && decimals <= 6 && isfinite(v) ? fabs(v) * p10[decimals] : -1;
    double whole = a >= 0 ? floor(a) : 0, frac = a - whole;
    /* |v| x 10^decimals below 1e9 is within 1.2e-7 of its exact value, so
     * unless it lies that close to a half it rounds as printf rounds the
     * exact value; near a half (and out of range) printf decides */
    if (a < 0 || a >= 1e9 || fabs(frac - 0.5) < 1e-6) {
        kg_buf_printf(b, "%.*f", decimals, v);
        return;
    }
    unsigned long r = (unsigned long)whole + (frac > 0.5);
    char d[32];
    int n = 0;
    for (int i = 0; i < decimals; i++, r /= 10)
        d[n++] = (char)('0' + r % 10);
    if (decimals)
        d[n++] = '.';
    do
        d[n++] = (char)('0' + r % 10);
    while ((r /= 10) != 0);
    if (signbit(v))
        d[n++] = '-';
    kg_buf_grow(b, (size_t)n);
    while (n)
        b->ptr[b->len++] = d[--n];
    b->ptr[b->len] = '\0';
}

char *kg_pool_alloc(kg_pool *p, size_t n)
{
    if (n > p->left) {
        size_t bn = (size_t)4096 << (p->n < 6 ? p->n : 6);
        if (bn < n)
            bn = n;
        KG_VEC_PUSH(p->blocks, p->n, p->cap);
        p->at = p->blocks[p->n++] = kg_xmalloc(bn);
        p->left = bn;
    }
    char *r = p->at;
    p->at += n;
    p->left -= n;
    return r;
}

char *kg_pool_strndup(kg_pool *p, const char *s, size_t n)
{
    n = strnlen(s, n);
    char *r = kg_pool_alloc(p, n + 1);
    memcpy(r, s, n);
    r[n] = '\0';
    return r;
}

char *kg_pool_strdup(kg_pool *p, const char *s)
{
    return kg_pool_strndup(p, s, strlen(s));
}

void kg_pool_trim(kg_pool *p, const char *end)
{
    p->left += (size_t)(p->at - end);
    p->at = (char *)end;
}

/* The first block is kept for the pool's next use (the tagger resets
 * its mentions' pool for every text: a malloc and a free each time
 * otherwise); it holds at least 4 KB, whatever its first piece was. */
void kg_pool_reset(kg_pool *p)
{
    for (size_t i = 1; i < p->n; i++)
        free(p->blocks[i]);
    if (p->n) {
        p->n = 1;
        p->at = p->blocks[0];
        p->left = 4096;
    } else {
        p->at = NULL;
        p->left = 0;
    }
}

void kg_pool_free(kg_pool *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->blocks[i]);
    free(p->blocks);
    memset(p, 0, sizeof *p);
}
