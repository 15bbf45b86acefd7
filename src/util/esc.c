/* esc.c - control characters made visible for a terminal (kg/esc.h). */
#include <string.h>

#include "kg/esc.h"
#include "kg/utf8.h"

/* The escape of the character at p (n bytes left) into e (at least 8
 * bytes); returns its length, 0 when the character stays as it is. *used
 * gets the length of the character in s. */
static size_t escape_one(const unsigned char *p, size_t n, int flags, char *e, size_t *used)
{
    static const char hex[] = "0123456789abcdef";
    unsigned c = p[0];
    *used = 1;
    if (c < 0x20 || c == 0x7f) {
        if ((flags & KG_ESC_LINES) && (c == '\n' || c == '\t'))
            return 0;
        static const char names[] = "\aa\bb\tt\nn\vv\ff\rr\x1b" "e";
        const char *k = c ? memchr(names, (int)c, sizeof names - 1) : NULL;
        if (k && (size_t)(k - names) % 2 == 0) {
            e[0] = '\\', e[1] = k[1];
            return 2;
        }
        e[0] = '\\', e[1] = 'x', e[2] = hex[c >> 4], e[3] = hex[c & 15];
        return 4;
    }
    if (c < 0x80)
        return 0;
    size_t k = kg_utf8_seq(p, n);
    if (!k) { /* not UTF-8: the byte itself */
        e[0] = '\\', e[1] = 'x', e[2] = hex[c >> 4], e[3] = hex[c & 15];
        return 4;
    }
    *used = k;
    if (k == 2 && c == 0xC2 && p[1] < 0xA0) { /* U+0080..U+009F */
        memcpy(e, "\\u00", 4);
        e[4] = hex[p[1] >> 4], e[5] = hex[p[1] & 15];
        return 6;
    }
    return 0;
}

void kg_esc(kg_buf *out, const char *s, size_t len, int flags)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, plain = 0;
    while (i < len) {
        char e[8];
        size_t used, k = escape_one(p + i, len - i, flags, e, &used);
        if (k) {
            kg_buf_add(out, s + plain, i - plain);
            kg_buf_add(out, e, k);
            plain = i + used;
        }
        i += used;
    }
    kg_buf_add(out, s + plain, len - plain);
}

void kg_esc_str(kg_buf *out, const char *s, int flags)
{
    if (s)
        kg_esc(out, s, strlen(s), flags);
}

int kg_esc_write(FILE *fp, const char *s, size_t len, int flags)
{
    kg_buf b = KG_BUF_INIT;
    kg_esc(&b, s, len, flags);
    int rc = b.len && fwrite(b.ptr, 1, b.len, fp) != b.len ? -1 : 0;
    kg_buf_free(&b);
    return rc;
}

size_t kg_esc_width(const char *s, size_t n, size_t *used)
{
    char e[8];
    return escape_one((const unsigned char *)s, n, KG_ESC_LINES, e, used);
}
