/* util.c - small helpers of the store: a string map (open addressing,
 * FNV-1a), JSON string escaping, UTF-8 decoding and display width. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kg/utf8.h"
#include "kg/esc.h"
#include "store-int.h"

static uint64_t hash_str(const char *s)
{
    uint64_t h = 14695981039346656037ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

long kg__strmap_find(const kg_strmap *m, const char *key)
{
    if (!m->cap)
        return -1;
    size_t mask = m->cap - 1;
    for (size_t i = hash_str(key) & mask;; i = (i + 1) & mask) {
        if (!m->keys[i])
            return -1;
        if (strcmp(m->keys[i], key) == 0)
            return (long)i;
    }
}

static void strmap_grow(kg_strmap *m)
{
    size_t ncap = m->cap ? m->cap * 2 : 64;
    char **keys = kg_xcalloc(ncap, sizeof *keys);
    long *vals = kg_xcalloc(ncap, sizeof *vals);
    for (size_t j = 0; j < m->cap; j++) {
        if (!m->keys[j])
            continue;
        size_t i = hash_str(m->keys[j]) & (ncap - 1);
        while (keys[i])
            i = (i + 1) & (ncap - 1);
        keys[i] = m->keys[j];
        vals[i] = m->vals[j];
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = ncap;
}

int kg__strmap_put(kg_strmap *m, const char *key, long val)
{
    long at = kg__strmap_find(m, key);
    if (at >= 0) {
        m->vals[at] = val;
        return 0;
    }
    if ((m->n + 1) * 2 > m->cap)
        strmap_grow(m);
    size_t i = hash_str(key) & (m->cap - 1);
    while (m->keys[i])
        i = (i + 1) & (m->cap - 1);
    m->keys[i] = kg_xstrdup(key);
    m->vals[i] = val;
    m->n++;
    return 1;
}

long kg__strmap_get(const kg_strmap *m, const char *key, long dflt)
{
    long at = kg__strmap_find(m, key);
    return at >= 0 ? m->vals[at] : dflt;
}

void kg__strmap_free(kg_strmap *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

size_t kg__utf8_next(const unsigned char *s, size_t n, int *cp)
{
    unsigned c;
    size_t k = n ? kg_utf8_decode(s, n, &c) : 0;
    if (!k) {
        *cp = -1;
        return 1;
    }
    *cp = (int)c;
    return k;
}

int kg__cp_width(int cp)
{
    if (cp < 0)
        return 1; /* shown as U+FFFD */
    int w = utf8proc_charwidth(cp);
    return w < 0 ? 0 : w > 2 ? 2 : w;
}

void kg__utf8_put(kg_buf *b, int cp)
{
    utf8proc_uint8_t tmp[4];
    utf8proc_ssize_t k = utf8proc_encode_char(cp < 0 ? 0xFFFD : cp, tmp);
    kg_buf_add(b, tmp, (size_t)k);
}

void kg__json_str(kg_buf *b, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    kg_buf_putc(b, '"');
    size_t i = 0;
    while (i < len) {
        unsigned char c = p[i];
        if (c < 0x80) {
            switch (c) {
            case '"': kg_buf_puts(b, "\\\""); break;
            case '\\': kg_buf_puts(b, "\\\\"); break;
            case '\n': kg_buf_puts(b, "\\n"); break;
            case '\r': kg_buf_puts(b, "\\r"); break;
            case '\t': kg_buf_puts(b, "\\t"); break;
            case '\b': kg_buf_puts(b, "\\b"); break;
            case '\f': kg_buf_puts(b, "\\f"); break;
            default:
                if (c < 0x20 || c == 0x7f)
                    kg_buf_printf(b, "\\u%04x", c);
                else
                    kg_buf_putc(b, c);
            }
            i++;
            continue;
        }
        int cp;
        size_t k = kg__utf8_next(p + i, len - i, &cp);
        if (cp < 0)
            kg_buf_puts(b, "\xef\xbf\xbd");
        else if (cp == 0x2028 || cp == 0x2029) /* safe inside <script> too */
            kg_buf_printf(b, "\\u%04x", cp);
        else
            kg_buf_add(b, p + i, k);
        i += k;
    }
    kg_buf_putc(b, '"');
}

const char *kg__col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

sqlite3_stmt *kg__store_row(kg_store *s, kg_diag *d, const char *sql, const char *id, int *rc)
{
    sqlite3_stmt *st = kg__store_prepare(s, d, sql);
    if (!st) {
        *rc = KG_STORE_ERROR;
        return NULL;
    }
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        *rc = KG_STORE_REFUSED;
        return NULL;
    }
    return st;
}

void kg__actor_ref(kg_store *s, kg_buf *out, const char *id)
{
    sqlite3_stmt *st = NULL;
    kg_buf_puts(out, kg__tstr(id));
    if (sqlite3_prepare_v2(s->db, "SELECT name FROM actors WHERE id = ?1", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            kg_buf_printf(out, " (%s)", kg__tcol(st, 0));
    }
    sqlite3_finalize(st);
}

/* ---- text for a terminal ---- */

/* What the store holds came from facts files and articles: every value
 * printed is escaped (kg/esc.h), so a title cannot drive the terminal or
 * start a line of its own. A printf takes several values at once, hence
 * a ring of buffers. */
#define RING 16
static kg_buf ring[RING];
static unsigned ring_next;

const char *kg__tstr(const char *s)
{
    kg_buf *b = &ring[ring_next++ % RING];
    kg_buf_reset(b);
    kg_esc_str(b, s, 0);
    return b->ptr ? b->ptr : "";
}

const char *kg__tcol(sqlite3_stmt *st, int i)
{
    return kg__tstr(kg__col(st, i));
}

void kg__tcol_free(void)
{
    for (size_t i = 0; i < RING; i++)
        kg_buf_free(&ring[i]);
    ring_next = 0;
}
