/* quote.c - the quote kept beside a span (see kg/quote.h): making it,
 * telling whether a span still covers it, finding it again. */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include "kg/buf.h"
#include "kg/quote.h"

static int on_boundary(const char *t, size_t len, size_t i)
{
    return i >= len || ((unsigned char)t[i] & 0xC0) != 0x80;
}

static size_t count_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

/* Byte offset just after the first k characters of s[0, n). */
static size_t after_chars(const char *s, size_t n, size_t k)
{
    size_t i = 0;
    for (size_t c = 0; c < k && i < n; c++) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

/* Byte offset where the last k characters of s[0, n) start. */
static size_t last_chars(const char *s, size_t n, size_t k)
{
    size_t i = n;
    for (size_t c = 0; c < k && i > 0; c++) {
        i--;
        while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
            i--;
    }
    return i;
}

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int ends_sentence(const char *t, size_t len, size_t i)
{
    unsigned char c = (unsigned char)t[i];
    if (c == '\n')
        return 1;
    if (c == '.' || c == '!' || c == '?')
        return i + 1 >= len || is_ws((unsigned char)t[i + 1]);
    return 0;
}

void kg_span_sentence(const char *t, size_t len, size_t start, size_t end, size_t *a, size_t *b)
{
    size_t lo = start > KG_SENTENCE_REACH ? start - KG_SENTENCE_REACH : 0;
    size_t i = start;
    while (i > lo && !ends_sentence(t, len, i - 1))
        i--;
    while (i < start && ((unsigned char)t[i] & 0xC0) == 0x80)
        i++;
    size_t hi = end + KG_SENTENCE_REACH < len ? end + KG_SENTENCE_REACH : len;
    size_t j = end;
    if (!(j > start && ends_sentence(t, len, j - 1)))
        while (j < hi)
            if (ends_sentence(t, len, j++))
                break;
    while (j > end && j < len && ((unsigned char)t[j] & 0xC0) == 0x80)
        j--;
    while (i < j && is_ws((unsigned char)t[i]))
        i++;
    while (j > i && is_ws((unsigned char)t[j - 1]))
        j--;
    *a = i;
    *b = j;
}

char *kg_quote_make(const char *text, size_t len, long long start, long long end)
{
    if (start < 0 || end <= start || (unsigned long long)end > len ||
        !on_boundary(text, len, (size_t)start) || !on_boundary(text, len, (size_t)end))
        return NULL;
    const char *s = text + start;
    size_t n = (size_t)(end - start);
    if (memchr(s, '\0', n))
        return NULL;
    if (count_chars(s, n) <= KG_QUOTE_WHOLE)
        return kg_xstrndup(s, n);
    kg_buf b = KG_BUF_INIT;
    kg_buf_add(&b, s, after_chars(s, n, KG_QUOTE_PART));
    kg_buf_puts(&b, KG_QUOTE_SEP);
    size_t t = last_chars(s, n, KG_QUOTE_PART);
    kg_buf_add(&b, s + t, n - t);
    return kg_buf_detach(&b, NULL);
}

int kg_quote_at(const char *text, size_t len, const char *quote, long long start, long long end)
{
    char *q = kg_quote_make(text, len, start, end);
    int ok = q && quote && strcmp(q, quote) == 0;
    free(q);
    return ok;
}

static long long dist(long long a, long long b)
{
    return a > b ? a - b : b - a;
}

int kg_quote_find(const char *text, size_t len, const char *quote, long long start,
                  long long end, long long *ns, long long *ne)
{
    size_t qlen = quote ? strlen(quote) : 0;
    long long best = -1, best_end = -1;
    if (!qlen)
        return 0;
    /* the whole text */
    for (const char *p = text; (p = memmem(p, len - (size_t)(p - text), quote, qlen)); p++) {
        long long a = p - text, b = a + (long long)qlen;
        if ((best < 0 || dist(a, start) < dist(best, start)) && kg_quote_at(text, len, quote, a, b)) {
            best = a;
            best_end = b;
        }
    }
    /* head … tail: the head is KG_QUOTE_PART characters */
    size_t h = after_chars(quote, qlen, KG_QUOTE_PART), sl = strlen(KG_QUOTE_SEP);
    if (best < 0 && h + sl < qlen && memcmp(quote + h, KG_QUOTE_SEP, sl) == 0) {
        const char *tail = quote + h + sl;
        size_t tl = qlen - h - sl;
        long long want = end - start;
        for (const char *p = text; (p = memmem(p, len - (size_t)(p - text), quote, h)); p++) {
            long long a = p - text;
            if (best >= 0 && dist(a, start) >= dist(best, start))
                continue;
            long long e = -1;
            const char *from = p + h;
            for (const char *r = from; (r = memmem(r, len - (size_t)(r - text), tail, tl)); r++) {
                long long b = (r - text) + (long long)tl;
                if ((e < 0 || dist(b - a, want) < dist(e - a, want)) &&
                    kg_quote_at(text, len, quote, a, b))
                    e = b;
            }
            if (e >= 0) {
                best = a;
                best_end = e;
            }
        }
    }
    if (best < 0)
        return 0;
    *ns = best;
    *ne = best_end;
    return 1;
}
