/* query.c - kg_store_query: runs read-only SQL on the store and formats
 * the rows as an aligned table (by display width, so Hangul counts two
 * columns) or as JSON. Every statement is prepared and checked with
 * sqlite3_stmt_readonly before the first one runs; an authorizer refuses
 * ATTACH and DETACH (which count as read-only for SQLite). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-int.h"

static int authorize(void *ctx, int action, const char *a, const char *b, const char *c, const char *e)
{
    (void)a;
    (void)b;
    (void)c;
    (void)e;
    if (action == SQLITE_ATTACH || action == SQLITE_DETACH) {
        *(int *)ctx = 1;
        return SQLITE_DENY;
    }
    return SQLITE_OK;
}

/* A cell as one line of printable text: control characters escaped,
 * invalid UTF-8 as U+FFFD. Returns its display width. */
static size_t cell_text(kg_buf *b, sqlite3_stmt *st, int i)
{
    size_t w = 0;
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_NULL:
        return 0;
    case SQLITE_BLOB: {
        const unsigned char *p = sqlite3_column_blob(st, i);
        int n = sqlite3_column_bytes(st, i);
        size_t before = b->len;
        kg_buf_puts(b, "x'");
        for (int k = 0; k < n && k < 32; k++)
            kg_buf_printf(b, "%02x", p[k]);
        kg_buf_puts(b, n > 32 ? "...'" : "'");
        return b->len - before;
    }
    default:
        break;
    }
    const unsigned char *p = sqlite3_column_text(st, i);
    size_t n = (size_t)sqlite3_column_bytes(st, i), k = 0;
    while (k < n) {
        unsigned char c = p[k];
        if (c < 0x80) {
            if (c == '\n') {
                kg_buf_puts(b, "\\n");
                w += 2;
            } else if (c == '\t') {
                kg_buf_puts(b, "\\t");
                w += 2;
            } else if (c < 0x20 || c == 0x7f) {
                kg_buf_printf(b, "\\x%02x", c);
                w += 4;
            } else {
                kg_buf_putc(b, c);
                w++;
            }
            k++;
            continue;
        }
        int cp;
        size_t len = kg__utf8_next(p + k, n - k, &cp);
        kg__utf8_put(b, cp);
        w += (size_t)kg__cp_width(cp);
        k += len;
    }
    return w;
}

static void pad(kg_buf *b, size_t n)
{
    while (n--)
        kg_buf_putc(b, ' ');
}

/* Ends the line begun at offset start without trailing blanks. */
static void trim_line(kg_buf *out, size_t start)
{
    while (out->len > start && out->ptr[out->len - 1] == ' ')
        out->len--;
    out->ptr[out->len] = '\0';
    kg_buf_putc(out, '\n');
}

typedef struct cell {
    char *text;
    size_t width;
} cell;

static int run_table(kg_store *s, sqlite3_stmt *st, kg_buf *out, kg_diag *d)
{
    int ncol = sqlite3_column_count(st);
    size_t *width = kg_xcalloc((size_t)ncol, sizeof *width);
    int *numeric = kg_xcalloc((size_t)ncol, sizeof *numeric);
    cell *cells = NULL;
    size_t n = 0, cap = 0, rows = 0;
    kg_buf b = KG_BUF_INIT;
    int rc;

    for (int i = 0; i < ncol; i++) {
        kg_buf_reset(&b);
        const char *name = sqlite3_column_name(st, i);
        size_t w = 0;
        for (size_t k = 0; name && name[k];) {
            int cp;
            k += kg__utf8_next((const unsigned char *)name + k, strlen(name + k), &cp);
            w += (size_t)kg__cp_width(cp);
        }
        width[i] = w;
        numeric[i] = 1;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rows++;
        for (int i = 0; i < ncol; i++) {
            int t = sqlite3_column_type(st, i);
            if (t != SQLITE_INTEGER && t != SQLITE_FLOAT && t != SQLITE_NULL)
                numeric[i] = 0;
            kg_buf_reset(&b);
            size_t w = cell_text(&b, st, i);
            KG_VEC_PUSH(cells, n, cap);
            cells[n].text = kg_xstrndup(b.ptr, b.len);
            cells[n].width = w;
            n++;
            if (w > width[i])
                width[i] = w;
        }
    }
    if (rc != SQLITE_DONE) {
        rc = kg__store_fail(s, d, "the query failed");
        goto done;
    }
    /* header, rule, rows; two spaces between columns, no trailing blanks */
    size_t line = out->len;
    for (int i = 0; i < ncol; i++) {
        const char *name = sqlite3_column_name(st, i);
        size_t w = 0;
        for (size_t k = 0; name && name[k];) {
            int cp;
            k += kg__utf8_next((const unsigned char *)name + k, strlen(name + k), &cp);
            w += (size_t)kg__cp_width(cp);
        }
        if (i)
            kg_buf_puts(out, "  ");
        if (numeric[i] && rows)
            pad(out, width[i] - w);
        kg_buf_puts(out, name ? name : "");
        if (!(numeric[i] && rows))
            pad(out, width[i] - w);
    }
    trim_line(out, line);
    for (int i = 0; i < ncol; i++) {
        if (i)
            kg_buf_puts(out, "  ");
        for (size_t k = 0; k < width[i]; k++)
            kg_buf_putc(out, '-');
    }
    kg_buf_putc(out, '\n');
    for (size_t r = 0; r < rows; r++) {
        line = out->len;
        for (int i = 0; i < ncol; i++) {
            cell *c = &cells[r * (size_t)ncol + (size_t)i];
            if (i)
                kg_buf_puts(out, "  ");
            if (numeric[i])
                pad(out, width[i] - c->width);
            kg_buf_puts(out, c->text);
            if (!numeric[i])
                pad(out, width[i] - c->width);
        }
        trim_line(out, line);
    }
    rc = 0;
done:
    for (size_t i = 0; i < n; i++)
        free(cells[i].text);
    free(cells);
    free(width);
    free(numeric);
    kg_buf_free(&b);
    return rc;
}

static void json_number(kg_buf *out, double v)
{
    char buf[40];
    if (!isfinite(v)) {
        kg_buf_puts(out, "null");
        return;
    }
    snprintf(buf, sizeof buf, "%.15g", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, sizeof buf, "%.17g", v);
    kg_buf_puts(out, buf);
}

static int run_json(kg_store *s, sqlite3_stmt *st, kg_buf *out, kg_diag *d)
{
    int ncol = sqlite3_column_count(st);
    char **names = kg_xcalloc((size_t)ncol, sizeof *names);
    kg_strmap seen = { 0 };
    int rc;
    size_t rows = 0;

    /* Object keys must be unique: a repeated column name gets _2, _3 ... */
    for (int i = 0; i < ncol; i++) {
        const char *name = sqlite3_column_name(st, i);
        kg_buf b = KG_BUF_INIT;
        kg_buf_puts(&b, name ? name : "");
        for (int k = 2; kg__strmap_find(&seen, b.ptr) >= 0; k++) {
            kg_buf_reset(&b);
            kg_buf_printf(&b, "%s_%d", name ? name : "", k);
        }
        kg__strmap_put(&seen, b.ptr, i);
        names[i] = kg_buf_detach(&b, NULL);
    }
    kg_buf_putc(out, '[');
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        kg_buf_puts(out, rows++ ? ",\n  {" : "\n  {");
        for (int i = 0; i < ncol; i++) {
            if (i)
                kg_buf_puts(out, ", ");
            kg__json_str(out, names[i], strlen(names[i]));
            kg_buf_puts(out, ": ");
            switch (sqlite3_column_type(st, i)) {
            case SQLITE_NULL:
                kg_buf_puts(out, "null");
                break;
            case SQLITE_INTEGER:
                kg_buf_printf(out, "%lld", (long long)sqlite3_column_int64(st, i));
                break;
            case SQLITE_FLOAT:
                json_number(out, sqlite3_column_double(st, i));
                break;
            case SQLITE_BLOB: {
                const unsigned char *p = sqlite3_column_blob(st, i);
                int n = sqlite3_column_bytes(st, i);
                kg_buf_putc(out, '"');
                for (int k = 0; k < n; k++)
                    kg_buf_printf(out, "%02x", p[k]);
                kg_buf_putc(out, '"');
                break;
            }
            default: {
                const char *t = (const char *)sqlite3_column_text(st, i);
                kg__json_str(out, t ? t : "", (size_t)sqlite3_column_bytes(st, i));
            }
            }
        }
        kg_buf_putc(out, '}');
    }
    kg_buf_puts(out, rows ? "\n]\n" : "]\n");
    if (rc != SQLITE_DONE)
        rc = kg__store_fail(s, d, "the query failed");
    else
        rc = 0;
    for (int i = 0; i < ncol; i++)
        free(names[i]);
    free(names);
    kg__strmap_free(&seen);
    return rc;
}

int kg_store_query(kg_store *s, const char *sql, kg_query_format fmt, kg_buf *out, kg_diag *d)
{
    sqlite3_stmt **sts = NULL;
    size_t n = 0, cap = 0;
    int rc = KG_STORE_USAGE;
    const char *tail = sql;
    int denied = 0;

    sqlite3_set_authorizer(s->db, authorize, &denied);
    while (tail && *tail) {
        sqlite3_stmt *st = NULL;
        const char *next = NULL;
        if (sqlite3_prepare_v2(s->db, tail, -1, &st, &next) != SQLITE_OK) {
            if (denied)
                kg_diag_error(d, s->path, 0, 0, "ATTACH and DETACH are not allowed in 'kg query'");
            else
                kg_diag_error(d, s->path, 0, 0, "in the SQL: %s", sqlite3_errmsg(s->db));
            goto done;
        }
        tail = next;
        if (!st)
            continue; /* white space or a comment */
        KG_VEC_PUSH(sts, n, cap);
        sts[n++] = st;
        if (!sqlite3_stmt_readonly(st)) {
            const char *text = sqlite3_sql(st);
            while (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r')
                text++;
            kg_diag_error(d, s->path, 0, 0,
                          "only read-only SQL is allowed; this would change the store: %.80s", text);
            goto done;
        }
    }
    if (n == 0) {
        kg_diag_error(d, s->path, 0, 0, "no SQL statement given");
        goto done;
    }
    size_t printed = 0;
    for (size_t i = 0; i < n; i++) {
        if (sqlite3_column_count(sts[i]) == 0) {
            if (sqlite3_step(sts[i]) != SQLITE_DONE) {
                rc = kg__store_fail(s, d, "the query failed");
                goto done;
            }
            continue;
        }
        if (printed++ && fmt == KG_QUERY_TABLE)
            kg_buf_putc(out, '\n');
        if ((fmt == KG_QUERY_JSON ? run_json(s, sts[i], out, d) : run_table(s, sts[i], out, d)) != 0) {
            rc = KG_STORE_ERROR;
            goto done;
        }
    }
    rc = KG_STORE_OK;
done:
    for (size_t i = 0; i < n; i++)
        sqlite3_finalize(sts[i]);
    free(sts);
    sqlite3_set_authorizer(s->db, NULL, NULL);
    return rc;
}
