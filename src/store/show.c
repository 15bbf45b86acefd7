/* show.c - kg_store_show: the facts of one actor, event or figure with
 * their sources (document, file, byte span, and the sentence at the span
 * when the source text was at hand at build time), and the actor lookup
 * by id, name or alias that show and path share. */
#include <stdlib.h>
#include <string.h>

#include "store-int.h"

/* Runs st (bound by the caller), adds column 0 of every row to ids once,
 * and returns how many new ids it added. */
static size_t collect(sqlite3_stmt *st, kg_strv *ids)
{
    size_t n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *id = kg__col(st, 0);
        if (!kg_strv_has(ids, id)) {
            kg_strv_push(ids, id);
            n++;
        }
    }
    sqlite3_reset(st);
    return n;
}

int kg__store_find_actor(kg_store *s, const char *what, char **id, kg_buf *cands, kg_diag *d)
{
    static const char *const steps[] = {
        "SELECT id FROM actors WHERE id = ?1",
        "SELECT id FROM actors WHERE name = ?1 COLLATE NOCASE"
        " UNION SELECT actor FROM aliases WHERE alias = ?1 COLLATE NOCASE ORDER BY 1",
        /* as the scorer does: spaces and case do not count */
        "SELECT id FROM actors WHERE lower(replace(name, ' ', '')) = lower(replace(?1, ' ', ''))"
        " UNION SELECT actor FROM aliases"
        " WHERE lower(replace(alias, ' ', '')) = lower(replace(?1, ' ', '')) ORDER BY 1",
    };
    kg_strv ids = { NULL, 0, 0 };
    int found = 0;
    *id = NULL;
    for (size_t i = 0; i < sizeof steps / sizeof *steps && !found; i++) {
        sqlite3_stmt *st = kg__store_prepare(s, d, steps[i]);
        if (!st)
            return -1;
        sqlite3_bind_text(st, 1, what, -1, SQLITE_STATIC);
        found = (int)collect(st, &ids);
        sqlite3_finalize(st);
    }
    if (found == 1)
        *id = kg_xstrdup(ids.v[0]);
    else
        for (size_t i = 0; i < ids.n; i++)
            kg_buf_printf(cands, "%s\n", ids.v[i]);
    kg_strv_free(&ids);
    return found;
}

/* ---- printing ---- */

/* Appends "  label  " padded to a fixed column. */
static void label(kg_buf *out, const char *l)
{
    kg_buf_printf(out, "  %-12s", l);
}

static void append_source(kg_store *s, kg_buf *out, const char *fact, const char *indent)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT d.id, d.file, sp.start_byte, sp.end_byte, sp.sentence, d.url,"
                           " d.source_path"
                           " FROM documents d LEFT JOIN spans sp ON sp.fact = ?1"
                           " WHERE d.doc = coalesce((SELECT doc FROM events WHERE id = ?1),"
                           " (SELECT doc FROM figures WHERE id = ?1))",
                           -1, &st, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_text(st, 1, fact, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        kg_buf_printf(out, "%s%-12s%s (%s)", indent, "source", kg__tcol(st, 0), kg__tcol(st, 1));
        if (sqlite3_column_type(st, 2) != SQLITE_NULL)
            kg_buf_printf(out, ", bytes %lld-%lld", (long long)sqlite3_column_int64(st, 2),
                          (long long)sqlite3_column_int64(st, 3));
        if (sqlite3_column_type(st, 6) != SQLITE_NULL)
            kg_buf_printf(out, " of %s", kg__tcol(st, 6));
        kg_buf_putc(out, '\n');
        if (sqlite3_column_type(st, 5) != SQLITE_NULL)
            kg_buf_printf(out, "%s%-12s%s\n", indent, "url", kg__tcol(st, 5));
        if (sqlite3_column_type(st, 4) != SQLITE_NULL)
            kg_buf_printf(out, "%s%-12s\"%s\"\n", indent, "", kg__tcol(st, 4));
    }
    sqlite3_finalize(st);
}

static void figure_value(kg_buf *out, sqlite3_stmt *st, int col)
{
    /* value, value_max, unit, counter, approx */
    static const char *const approx_words[][2] = { { "about", "about " }, { "over", "over " },
                                                   { "under", "under " } };
    const char *approx = kg__col(st, col + 4);
    for (size_t i = 0; i < 3; i++)
        if (strcmp(approx, approx_words[i][0]) == 0)
            kg_buf_puts(out, approx_words[i][1]);
    kg_buf_puts(out, kg__tcol(st, col));
    if (sqlite3_column_type(st, col + 1) != SQLITE_NULL)
        kg_buf_printf(out, "-%s", kg__tcol(st, col + 1));
    const char *unit = kg__col(st, col + 2), *counter = kg__col(st, col + 3);
    if (strcmp(unit, "count") == 0 && *counter)
        kg_buf_printf(out, " %s", kg__tstr(counter));
    else if (*unit)
        kg_buf_printf(out, " %s", kg__tstr(unit));
}

static int show_actor(kg_store *s, const char *id, kg_buf *out, kg_diag *d)
{
    int rc;
    sqlite3_stmt *st = kg__store_row(
        s, d, "SELECT a.id, a.name, a.type, a.part_of,"
              " (SELECT group_concat(alias, ', ') FROM aliases WHERE actor = a.id),"
              " (SELECT group_concat(id, ', ') FROM actors WHERE part_of = a.id),"
              " (SELECT group_concat(d.file, ', ') FROM actor_defs ad JOIN documents d ON d.doc = ad.doc"
              "  WHERE ad.actor = a.id)"
              " FROM actors a WHERE a.id = ?1", id, &rc);
    if (!st)
        return rc;
    kg_buf_printf(out, "actor %s: %s\n", kg__tcol(st, 0), kg__tcol(st, 1));
    if (*kg__col(st, 2)) {
        label(out, "type");
        kg_buf_printf(out, "%s\n", kg__tcol(st, 2));
    }
    if (*kg__col(st, 3)) {
        label(out, "part of");
        kg__actor_ref(s, out, kg__col(st, 3));
        kg_buf_putc(out, '\n');
    }
    if (*kg__col(st, 4)) {
        label(out, "aliases");
        kg_buf_printf(out, "%s\n", kg__tcol(st, 4));
    }
    if (*kg__col(st, 5)) {
        label(out, "parts");
        kg_buf_printf(out, "%s\n", kg__tcol(st, 5));
    }
    label(out, "defined in");
    kg_buf_printf(out, "%s\n", kg__tcol(st, 6));
    sqlite3_finalize(st);

    st = kg__store_prepare(
        s, d, "SELECT e.id, coalesce(e.date, '-'), e.type, e.title, group_concat(ea.role, '+'),"
              " e.cluster"
              " FROM event_actors ea JOIN events e ON e.id = ea.event WHERE ea.actor = ?1"
              " GROUP BY e.id ORDER BY e.date_start IS NULL, e.date_start, e.id");
    if (!st)
        return KG_STORE_ERROR;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (n++ == 0)
            kg_buf_puts(out, "events\n");
        kg_buf_printf(out, "  %s  %s  %s (%s)\n      %s\n", kg__tcol(st, 1), kg__tcol(st, 0),
                      kg__tcol(st, 2), kg__tcol(st, 4), kg__tcol(st, 3));
        if (strcmp(kg__col(st, 5), kg__col(st, 0)) != 0)
            kg_buf_printf(out, "      same event as %s\n", kg__tcol(st, 5));
        append_source(s, out, kg__col(st, 0), "      ");
    }
    sqlite3_finalize(st);

    st = kg__store_prepare(
        s, d, "SELECT id, value, value_max, unit, counter, approx, measure, coalesce(date, '-')"
              " FROM figures WHERE subject = ?1 ORDER BY date_start IS NULL, date_start, id");
    if (!st)
        return KG_STORE_ERROR;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (n++ == 0)
            kg_buf_puts(out, "figures\n");
        kg_buf_printf(out, "  %s  %s  ", kg__tcol(st, 7), kg__tcol(st, 0));
        figure_value(out, st, 1);
        kg_buf_printf(out, "\n      %s\n", kg__tcol(st, 6));
        append_source(s, out, kg__col(st, 0), "      ");
    }
    sqlite3_finalize(st);
    return KG_STORE_OK;
}

static int show_event(kg_store *s, const char *id, kg_buf *out, kg_diag *d)
{
    int rc;
    sqlite3_stmt *st = kg__store_row(
        s, d, "SELECT id, title, type, date, date_start, date_end, when_text, cluster"
              " FROM events WHERE id = ?1", id, &rc);
    if (!st)
        return rc;
    char *cluster = kg_xstrdup(kg__col(st, 7));
    kg_buf_printf(out, "event %s: %s\n", kg__tcol(st, 0), kg__tcol(st, 1));
    label(out, "type");
    kg_buf_printf(out, "%s\n", kg__tcol(st, 2));
    label(out, "date");
    kg_buf_puts(out, sqlite3_column_type(st, 3) == SQLITE_NULL ? "unknown" : kg__tcol(st, 3));
    if (sqlite3_column_type(st, 4) != SQLITE_NULL || sqlite3_column_type(st, 5) != SQLITE_NULL) {
        const char *a = kg__col(st, 4), *b = kg__col(st, 5);
        if (strcmp(a, b) != 0)
            kg_buf_printf(out, " (%s .. %s)", kg__tstr(a), kg__tstr(b));
    }
    if (*kg__col(st, 6))
        kg_buf_printf(out, ", from \"%s\"", kg__tcol(st, 6));
    kg_buf_putc(out, '\n');
    sqlite3_finalize(st);

    st = kg__store_prepare(s, d, "SELECT role, actor FROM event_actors WHERE event = ?1 ORDER BY role, ord");
    if (!st) {
        free(cluster);
        return KG_STORE_ERROR;
    }
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        label(out, kg__col(st, 0));
        kg__actor_ref(s, out, kg__col(st, 1));
        kg_buf_putc(out, '\n');
    }
    sqlite3_finalize(st);

    st = kg__store_prepare(s, d, "SELECT id, title FROM events WHERE cluster = ?1 AND id <> ?2 ORDER BY id");
    if (!st) {
        free(cluster);
        return KG_STORE_ERROR;
    }
    sqlite3_bind_text(st, 1, cluster, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        label(out, "same as");
        kg_buf_printf(out, "%s: %s\n", kg__tcol(st, 0), kg__tcol(st, 1));
    }
    sqlite3_finalize(st);
    free(cluster);

    st = kg__store_prepare(
        s, d, "SELECT '->', r.type, r.to_event, e.title, d.file FROM relations r"
              " JOIN events e ON e.id = r.to_event JOIN documents d ON d.doc = r.doc"
              " WHERE r.from_event = ?1 AND r.type <> 'same-as'"
              " UNION ALL SELECT '<-', r.type, r.from_event, e.title, d.file FROM relations r"
              " JOIN events e ON e.id = r.from_event JOIN documents d ON d.doc = r.doc"
              " WHERE r.to_event = ?1 AND r.type <> 'same-as'");
    if (!st)
        return KG_STORE_ERROR;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        /* how this event stands to the other one, in words */
        static const char *const words[][3] = { { "responds-to", "responds to", "answered by" },
                                                { "causes", "causes", "caused by" },
                                                { "part-of", "is part of", "includes" } };
        int outgoing = strcmp(kg__col(st, 0), "->") == 0;
        const char *type = kg__col(st, 1), *w = type;
        for (size_t i = 0; i < sizeof words / sizeof *words; i++)
            if (strcmp(type, words[i][0]) == 0)
                w = words[i][outgoing ? 1 : 2];
        label(out, kg__tstr(w));
        kg_buf_printf(out, "%s: %s\n", kg__tcol(st, 2), kg__tcol(st, 3));
    }
    sqlite3_finalize(st);
    append_source(s, out, id, "  ");
    return KG_STORE_OK;
}

static int show_figure(kg_store *s, const char *id, kg_buf *out, kg_diag *d)
{
    int rc;
    sqlite3_stmt *st = kg__store_row(
        s, d, "SELECT id, measure, value, value_max, unit, counter, approx, subject, date, value_text"
              " FROM figures WHERE id = ?1", id, &rc);
    if (!st)
        return rc;
    kg_buf_printf(out, "figure %s: %s\n", kg__tcol(st, 0), kg__tcol(st, 1));
    label(out, "value");
    figure_value(out, st, 2);
    if (*kg__col(st, 9))
        kg_buf_printf(out, " (written %s)", kg__tcol(st, 9));
    kg_buf_putc(out, '\n');
    if (*kg__col(st, 7)) {
        label(out, "subject");
        kg__actor_ref(s, out, kg__col(st, 7));
        kg_buf_putc(out, '\n');
    }
    if (*kg__col(st, 8)) {
        label(out, "date");
        kg_buf_printf(out, "%s\n", kg__tcol(st, 8));
    }
    sqlite3_finalize(st);
    append_source(s, out, id, "  ");
    return KG_STORE_OK;
}

/* Ids of events (full id, local id or title) and figures (full or local
 * id) that what names. */
static int find_facts(kg_store *s, const char *what, kg_strv *ev, kg_strv *fig, kg_diag *d)
{
    sqlite3_stmt *st = kg__store_prepare(
        s, d, "SELECT id FROM events WHERE id = ?1 OR local_id = ?1 OR title = ?1 ORDER BY id");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, what, -1, SQLITE_STATIC);
    collect(st, ev);
    sqlite3_finalize(st);
    st = kg__store_prepare(s, d, "SELECT id FROM figures WHERE id = ?1 OR local_id = ?1 ORDER BY id");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, what, -1, SQLITE_STATIC);
    collect(st, fig);
    sqlite3_finalize(st);
    return 0;
}

/* Full-text search: every word of what as a prefix, all required. */
static int search(kg_store *s, const char *what, kg_buf *out, kg_strv *kinds, kg_strv *refs,
                  kg_diag *d)
{
    kg_buf q = KG_BUF_INIT;
    const char *p = what;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        const char *w = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        if (p == w)
            break;
        if (q.len)
            kg_buf_puts(&q, " AND ");
        kg_buf_putc(&q, '"');
        for (const char *c = w; c < p; c++) {
            if (*c == '"')
                kg_buf_putc(&q, '"');
            kg_buf_putc(&q, *c);
        }
        kg_buf_puts(&q, "\"*");
    }
    if (!q.len) {
        kg_buf_free(&q);
        return 0;
    }
    sqlite3_stmt *st = kg__store_prepare(
        s, d, "SELECT kind, ref, replace(text, char(10), ', ') FROM search WHERE search MATCH ?1"
              " ORDER BY rank LIMIT 30");
    if (!st) {
        kg_buf_free(&q);
        return -1;
    }
    sqlite3_bind_text(st, 1, q.ptr, (int)q.len, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        kg_buf_printf(out, "  %-6s  %s  %s\n", kg__tcol(st, 0), kg__tcol(st, 1), kg__tcol(st, 2));
        kg_strv_push(kinds, kg__col(st, 0));
        kg_strv_push(refs, kg__col(st, 1));
    }
    sqlite3_finalize(st);
    kg_buf_free(&q);
    return 0;
}

int kg_store_show(kg_store *s, const char *what, kg_buf *out, kg_diag *d)
{
    kg_strv ev = { NULL, 0, 0 }, fig = { NULL, 0, 0 };
    kg_buf cands = KG_BUF_INIT;
    char *actor = NULL;
    int rc = KG_STORE_ERROR;

    /* An actor id wins, then a fact id, then names. */
    sqlite3_stmt *st = kg__store_prepare(s, d, "SELECT 1 FROM actors WHERE id = ?1");
    if (!st)
        goto done;
    sqlite3_bind_text(st, 1, what, -1, SQLITE_STATIC);
    int is_actor = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    if (is_actor) {
        rc = show_actor(s, what, out, d);
        goto done;
    }
    if (find_facts(s, what, &ev, &fig, d) != 0)
        goto done;
    if (ev.n + fig.n == 1) {
        rc = ev.n ? show_event(s, ev.v[0], out, d) : show_figure(s, fig.v[0], out, d);
        goto done;
    }
    int na = kg__store_find_actor(s, what, &actor, &cands, d);
    if (na < 0)
        goto done;
    if (na == 1 && ev.n + fig.n == 0) {
        rc = show_actor(s, actor, out, d);
        goto done;
    }
    if (na + ev.n + fig.n > 0) {
        kg_buf_printf(out, "'%s' names several facts:\n", kg__tstr(what));
        for (const char *p = cands.ptr; *p;) {
            const char *nl = strchr(p, '\n');
            kg_buf_printf(out, "  actor   %.*s\n", (int)(nl - p), p);
            p = nl + 1;
        }
        if (actor)
            kg_buf_printf(out, "  actor   %s\n", actor);
        for (size_t i = 0; i < ev.n; i++)
            kg_buf_printf(out, "  event   %s\n", ev.v[i]);
        for (size_t i = 0; i < fig.n; i++)
            kg_buf_printf(out, "  figure  %s\n", fig.v[i]);
        kg_diag_error(d, NULL, 0, 0, "show: '%s' is ambiguous; give one of the ids above", what);
        rc = KG_STORE_REFUSED;
        goto done;
    }
    /* Nothing by id or name: full-text search over titles, measures, names. */
    kg_buf hits = KG_BUF_INIT;
    kg_strv kinds = { NULL, 0, 0 }, refs = { NULL, 0, 0 };
    if (search(s, what, &hits, &kinds, &refs, d) != 0) {
        rc = KG_STORE_ERROR;
    } else if (refs.n == 0) {
        kg_diag_error(d, NULL, 0, 0, "show: no actor, event or figure matches '%s'", what);
        rc = KG_STORE_REFUSED;
    } else if (refs.n == 1) {
        const char *k = kinds.v[0];
        rc = strcmp(k, "actor") == 0    ? show_actor(s, refs.v[0], out, d)
             : strcmp(k, "event") == 0 ? show_event(s, refs.v[0], out, d)
                                       : show_figure(s, refs.v[0], out, d);
    } else {
        kg_buf_printf(out, "no id or name '%s'; the words appear in:\n%s", kg__tstr(what), hits.ptr);
        kg_diag_error(d, NULL, 0, 0, "show: '%s' is ambiguous; give one of the ids above", what);
        rc = KG_STORE_REFUSED;
    }
    kg_buf_free(&hits);
    kg_strv_free(&kinds);
    kg_strv_free(&refs);
done:
    kg_strv_free(&ev);
    kg_strv_free(&fig);
    kg_buf_free(&cands);
    free(actor);
    kg__tcol_free();
    return rc;
}
