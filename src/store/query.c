/* query.c - kg_store_query: runs read-only SQL on the store and formats
 * the rows as an aligned table (by display width, so Hangul counts two
 * columns) or as JSON, streaming them to a sink as they come. Every
 * statement is prepared and checked with sqlite3_stmt_readonly before the
 * first one runs; an authorizer refuses ATTACH and DETACH (which count as
 * read-only for SQLite), load_extension and the pragmas that change how
 * the connection reads or writes. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store-int.h"
#include "util/csv.h"

typedef struct auth_state {
    const char *denied; /* what was refused (static text), or NULL */
} auth_state;

static int authorize(void *ctx, int action, const char *a, const char *b, const char *c, const char *e)
{
    (void)c;
    (void)e;
    auth_state *st = ctx;
    if (action == SQLITE_ATTACH || action == SQLITE_DETACH) {
        st->denied = "ATTACH and DETACH are not allowed in 'kg query'";
        return SQLITE_DENY;
    }
    if (action == SQLITE_FUNCTION && b && sqlite3_stricmp(b, "load_extension") == 0) {
        st->denied = "load_extension is not allowed in 'kg query' (it would run code from a file)";
        return SQLITE_DENY;
    }
    if (action == SQLITE_PRAGMA && a && b) {
        /* setting these changes what the connection may do or where it writes */
        static const char *const no_set[] = { "writable_schema", "query_only", "trusted_schema",
                                              "temp_store_directory", "data_store_directory",
                                              "ignore_check_constraints", "cell_size_check",
                                              "mmap_size", "temp_store" };
        for (size_t i = 0; i < sizeof no_set / sizeof *no_set; i++)
            if (sqlite3_stricmp(a, no_set[i]) == 0) {
                st->denied = "only read-only SQL is allowed; setting this pragma is not";
                return SQLITE_DENY;
            }
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

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static size_t text_width(const char *name)
{
    size_t w = 0;
    for (size_t k = 0; name && name[k];) {
        int cp;
        k += kg__utf8_next((const unsigned char *)name + k, strlen(name + k), &cp);
        w += (size_t)kg__cp_width(cp);
    }
    return w;
}

typedef struct cell {
    char *text;
    size_t width;
} cell;

/* The rows of one statement on their way out. A table is aligned on its
 * first rows (up to KG_QUERY_BATCH rows, 1 MiB of text or half a second):
 * those are held back to size the columns, then printed, and every later
 * row is printed as it comes with the same widths. */
#define KG_QUERY_BATCH 1000
#define KG_QUERY_BATCH_BYTES (1u << 20)
#define KG_QUERY_HOLD_S 0.5

typedef struct qrun {
    kg_store *s;
    const kg_query_opts *o;
    kg_buf out;           /* what is ready to go to the sink */
    int ncol;
    char **names;         /* column names (copies) */
    size_t *width;
    int *numeric;
    cell *cells;          /* held-back rows, ncol cells each */
    size_t ncells, capcells, held, held_bytes;
    int header_done, failed;
    double t_first, t_flush;
} qrun;

/* Sends what is in q->out to the sink; returns -1 when it cannot. */
static int drain(qrun *q, int flush)
{
    if (q->failed)
        return -1;
    if (q->out.len && q->o->sink(q->o->sink_ctx, q->out.ptr, q->out.len) != 0)
        q->failed = 1;
    kg_buf_reset(&q->out);
    if (!q->failed && flush && q->o->sink(q->o->sink_ctx, NULL, 0) != 0)
        q->failed = 1;
    q->t_flush = now_s();
    return q->failed ? -1 : 0;
}

static void put_row(qrun *q, const cell *row)
{
    size_t line = q->out.len;
    for (int i = 0; i < q->ncol; i++) {
        if (i)
            kg_buf_puts(&q->out, "  ");
        size_t w = row[i].width < q->width[i] ? q->width[i] - row[i].width : 0;
        if (q->numeric[i])
            pad(&q->out, w);
        kg_buf_puts(&q->out, row[i].text);
        if (!q->numeric[i])
            pad(&q->out, w);
    }
    trim_line(&q->out, line);
}

/* Prints the header and the held-back rows: the widths are fixed now. */
static int release(qrun *q)
{
    if (!q->header_done) {
        size_t line = q->out.len;
        for (int i = 0; i < q->ncol; i++) {
            size_t w = text_width(q->names[i]);
            if (i)
                kg_buf_puts(&q->out, "  ");
            int right = q->numeric[i] && q->held;
            if (right)
                pad(&q->out, q->width[i] - w);
            kg_buf_puts(&q->out, q->names[i]);
            if (!right)
                pad(&q->out, q->width[i] - w);
        }
        trim_line(&q->out, line);
        for (int i = 0; i < q->ncol; i++) {
            if (i)
                kg_buf_puts(&q->out, "  ");
            for (size_t k = 0; k < q->width[i]; k++)
                kg_buf_putc(&q->out, '-');
        }
        kg_buf_putc(&q->out, '\n');
        q->header_done = 1;
    }
    for (size_t r = 0; r < q->held; r++)
        put_row(q, &q->cells[r * (size_t)q->ncol]);
    for (size_t i = 0; i < q->ncells; i++)
        free(q->cells[i].text);
    q->ncells = q->held = q->held_bytes = 0;
    return drain(q, 1);
}

/* Called by SQLite every few thousand steps of its machine: rows held back
 * too long are printed, printed rows are flushed, and a stop request (or a
 * failed write) ends the statement with SQLITE_INTERRUPT. */
static int progress(void *ctx)
{
    qrun *q = ctx;
    if (q->o->stop && *q->o->stop)
        return 1;
    double t = now_s();
    if (q->held && !q->header_done && t - q->t_first > KG_QUERY_HOLD_S)
        release(q);
    else if (q->header_done && t - q->t_flush > KG_QUERY_HOLD_S)
        drain(q, 1);
    return q->failed;
}

static void row_table(qrun *q, sqlite3_stmt *st)
{
    kg_buf b = KG_BUF_INIT;
    if (q->ncells + (size_t)q->ncol > q->capcells) {
        q->capcells = 2 * (q->ncells + (size_t)q->ncol) + 8;
        q->cells = kg_xrealloc(q->cells, q->capcells * sizeof *q->cells);
    }
    cell *row = &q->cells[q->ncells];
    for (int i = 0; i < q->ncol; i++) {
        kg_buf_reset(&b);
        size_t w = cell_text(&b, st, i);
        row[i].text = kg_xstrndup(b.ptr ? b.ptr : "", b.len);
        row[i].width = w;
        q->held_bytes += b.len;
        if (!q->header_done) {
            int t = sqlite3_column_type(st, i);
            if (t != SQLITE_INTEGER && t != SQLITE_FLOAT && t != SQLITE_NULL)
                q->numeric[i] = 0;
            if (w > q->width[i])
                q->width[i] = w;
        }
    }
    kg_buf_free(&b);
    q->ncells += (size_t)q->ncol;
    if (q->held++ == 0)
        q->t_first = now_s();
    if (q->header_done) {
        /* the widths are fixed: out it goes (flushed every half second) */
        put_row(q, row);
        for (int i = 0; i < q->ncol; i++)
            free(row[i].text);
        q->ncells = q->held = q->held_bytes = 0;
        if (q->out.len >= 65536 || now_s() - q->t_flush > KG_QUERY_HOLD_S)
            drain(q, 1);
        return;
    }
    if (q->held >= KG_QUERY_BATCH || q->held_bytes >= KG_QUERY_BATCH_BYTES ||
        now_s() - q->t_first > KG_QUERY_HOLD_S)
        release(q);
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

static void row_json(qrun *q, sqlite3_stmt *st, size_t n)
{
    kg_buf *out = &q->out;
    kg_buf_puts(out, n ? ",\n  {" : "\n  {");
    for (int i = 0; i < q->ncol; i++) {
        if (i)
            kg_buf_puts(out, ", ");
        kg__json_str(out, q->names[i], strlen(q->names[i]));
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
            int len = sqlite3_column_bytes(st, i);
            kg_buf_putc(out, '"');
            for (int k = 0; k < len; k++)
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
    if (q->out.len >= 65536 || now_s() - q->t_flush > KG_QUERY_HOLD_S)
        drain(q, 1);
}

/* One row as a CSV record (kg_csv_field): NULL is an empty field,
 * numbers as SQLite gives them, a BLOB as hex. */
static void row_csv(qrun *q, sqlite3_stmt *st)
{
    kg_buf *out = &q->out;
    kg_buf tmp = KG_BUF_INIT;
    for (int i = 0; i < q->ncol; i++) {
        if (i)
            kg_buf_putc(out, ',');
        kg_buf_reset(&tmp);
        switch (sqlite3_column_type(st, i)) {
        case SQLITE_NULL: break;
        case SQLITE_INTEGER:
            kg_buf_printf(&tmp, "%lld", (long long)sqlite3_column_int64(st, i));
            break;
        case SQLITE_FLOAT: json_number(&tmp, sqlite3_column_double(st, i)); break;
        case SQLITE_BLOB: {
            const unsigned char *p = sqlite3_column_blob(st, i);
            int len = sqlite3_column_bytes(st, i);
            for (int k = 0; k < len; k++)
                kg_buf_printf(&tmp, "%02x", p[k]);
            break;
        }
        default: {
            const char *t = (const char *)sqlite3_column_text(st, i);
            kg_buf_add(&tmp, t ? t : "", t ? (size_t)sqlite3_column_bytes(st, i) : 0);
        }
        }
        kg_csv_field(out, tmp.ptr, tmp.len);
    }
    kg_csv_end(out);
    kg_buf_free(&tmp);
    if (q->out.len >= 65536 || now_s() - q->t_flush > KG_QUERY_HOLD_S)
        drain(q, 1);
}

/* Runs one statement that returns rows. */
static int run_rows(qrun *q, sqlite3_stmt *st, kg_diag *d)
{
    kg_store *s = q->s;
    int json = q->o->fmt == KG_QUERY_JSON, csv = q->o->fmt == KG_QUERY_CSV;
    q->ncol = sqlite3_column_count(st);
    q->names = kg_xcalloc((size_t)q->ncol, sizeof *q->names);
    q->width = kg_xcalloc((size_t)q->ncol, sizeof *q->width);
    q->numeric = kg_xcalloc((size_t)q->ncol, sizeof *q->numeric);
    q->header_done = 0;
    q->ncells = q->held = q->held_bytes = 0;
    kg_strmap seen = { 0 };
    for (int i = 0; i < q->ncol; i++) {
        const char *name = sqlite3_column_name(st, i);
        if (!name)
            name = "";
        if (json) {
            /* object keys must be unique: a repeated name gets _2, _3 ... */
            kg_buf b = KG_BUF_INIT;
            kg_buf_puts(&b, name);
            for (int k = 2; kg__strmap_find(&seen, b.ptr) >= 0; k++) {
                kg_buf_reset(&b);
                kg_buf_printf(&b, "%s_%d", name, k);
            }
            kg__strmap_put(&seen, b.ptr, i);
            q->names[i] = kg_buf_detach(&b, NULL);
        } else {
            q->names[i] = kg_xstrdup(name);
        }
        q->width[i] = text_width(name);
        q->numeric[i] = 1;
    }
    kg__strmap_free(&seen);
    if (json)
        kg_buf_putc(&q->out, '[');
    if (csv) {
        for (int i = 0; i < q->ncol; i++) {
            if (i)
                kg_buf_putc(&q->out, ',');
            kg_csv_field(&q->out, q->names[i], strlen(q->names[i]));
        }
        kg_csv_end(&q->out);
    }

    long long rows = 0;
    int rc, more = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (q->o->limit > 0 && rows >= q->o->limit) {
            more = 1;
            break;
        }
        if (json)
            row_json(q, st, (size_t)rows);
        else if (csv)
            row_csv(q, st);
        else
            row_table(q, st);
        rows++;
        if (q->failed || (q->o->stop && *q->o->stop))
            break;
    }
    int stopped = q->o->stop && *q->o->stop;
    int failed = q->failed;
    /* what was read is printed, even when stopped */
    if (json)
        kg_buf_puts(&q->out, rows ? "\n]\n" : "]\n");
    if (!json && !csv)
        release(q);
    else
        drain(q, 1);
    if (q->failed && !failed && !stopped)
        failed = 1;
    if (stopped || (rc == SQLITE_INTERRUPT && !failed)) {
        kg_diag_error(d, s->path, 0, 0, "the query was interrupted; the rows above are those read "
                                        "before it stopped");
        rc = KG_STORE_ERROR;
    } else if (failed) {
        rc = KG_STORE_ERROR; /* the sink said why */
    } else if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        rc = kg__store_fail(s, d, "the query failed");
    } else {
        if (more)
            kg_diag_add(d, KG_SEV_NOTE, s->path, 0, 0,
                        "stopped after %lld row%s (--limit); there are more", rows,
                        rows == 1 ? "" : "s");
        rc = 0;
    }
    for (size_t i = 0; i < q->ncells; i++)
        free(q->cells[i].text);
    q->ncells = 0;
    for (int i = 0; i < q->ncol; i++)
        free(q->names[i]);
    free(q->names);
    free(q->width);
    free(q->numeric);
    q->names = NULL;
    q->width = NULL;
    q->numeric = NULL;
    return rc;
}

int kg_store_query_run(kg_store *s, const char *sql, const kg_query_opts *o, kg_diag *d)
{
    sqlite3_stmt **sts = NULL;
    size_t n = 0, cap = 0;
    int rc = KG_STORE_USAGE;
    const char *tail = sql;
    auth_state auth = { NULL };
    qrun q;
    memset(&q, 0, sizeof q);
    q.s = s;
    q.o = o;

    sqlite3_set_authorizer(s->db, authorize, &auth);
    while (tail && *tail) {
        sqlite3_stmt *st = NULL;
        const char *next = NULL;
        if (sqlite3_prepare_v2(s->db, tail, -1, &st, &next) != SQLITE_OK) {
            if (auth.denied)
                kg_diag_error(d, s->path, 0, 0, "%s", auth.denied);
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
    sqlite3_progress_handler(s->db, 10000, progress, &q);
    size_t printed = 0;
    for (size_t i = 0; i < n; i++) {
        if (o->stop && *o->stop) {
            kg_diag_error(d, s->path, 0, 0, "the query was interrupted");
            rc = KG_STORE_ERROR;
            goto done;
        }
        if (sqlite3_column_count(sts[i]) == 0) {
            if (sqlite3_step(sts[i]) != SQLITE_DONE) {
                rc = kg__store_fail(s, d, "the query failed");
                goto done;
            }
            continue;
        }
        if (printed++ && o->fmt == KG_QUERY_TABLE)
            kg_buf_putc(&q.out, '\n');
        else if (printed > 1 && o->fmt == KG_QUERY_CSV)
            kg_csv_end(&q.out); /* an empty line between statements */
        if (run_rows(&q, sts[i], d) != 0) {
            rc = KG_STORE_ERROR;
            goto done;
        }
    }
    rc = KG_STORE_OK;
done:
    sqlite3_progress_handler(s->db, 0, NULL, NULL);
    for (size_t i = 0; i < n; i++)
        sqlite3_finalize(sts[i]);
    free(sts);
    free(q.cells);
    kg_buf_free(&q.out);
    sqlite3_set_authorizer(s->db, NULL, NULL);
    return rc;
}

static int buf_sink(void *ctx, const char *data, size_t len)
{
    if (data)
        kg_buf_add(ctx, data, len);
    return 0;
}

int kg_store_query(kg_store *s, const char *sql, kg_query_format fmt, kg_buf *out, kg_diag *d)
{
    kg_query_opts o = { fmt, 0, buf_sink, out, NULL };
    return kg_store_query_run(s, sql, &o, d);
}
