/* load.c - the facts a picture needs, read back from the store into the
 * in-memory model (kg_corpus), so that the renderers draw from the store
 * what they would draw from the facts files (kg_store_load).
 *
 * What is read: the headers of the documents the facts read come from
 * (every one for the report's table, and when everything is read), the
 * merged actors (one definition each, in a lexicon of its own), and the
 * events, figures and relations the options can keep: all of them, or
 * the same-as clusters with a member of the asked type, document or
 * dates, or (--focus alone) what lies within --depth edges of the actor.
 * It is a superset: kg_view_build then selects exactly as on the facts
 * files, and the superset is built so that the view comes out the same
 * (whole clusters, a witness for every actor reached, relations between
 * events read). Every value is bound, never pasted into SQL. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts/resolve.h"
#include "store-int.h"

typedef struct ld {
    kg_store *s;
    kg_diag *d;
    const kg_store_pick *p;
    kg_doc **by_pk;               /* documents.doc -> its document */
    char *need;                   /* documents.doc -> 1 when it must be read */
    size_t n_pk;
    kg_strmap events;             /* the events read: full id -> its row + 1 */
    kg_strmap clusters;           /* the clusters to read (BFS) */
    kg_strmap figs;               /* the figures to read (BFS): pk */
    kg_strmap actors;             /* the actors reached (BFS): id -> 1 reached
                                     through a fact, 2 otherwise */
} ld;

static char *col_dup(sqlite3_stmt *q, int i)
{
    return sqlite3_column_type(q, i) == SQLITE_NULL ? NULL : kg_xstrdup(kg__col(q, i));
}

/* ---- documents, in the order a walk of the facts folder reads them ---- */

/* Compares two file keys as the folder walk orders them: component by
 * component in byte order, a folder called lexicon first. */
static int walk_cmp(const char *a, const char *b)
{
    while (*a && *b) {
        size_t la = strcspn(a, "/"), lb = strcspn(b, "/");
        int lexa = la == 7 && strncmp(a, "lexicon", 7) == 0 && a[la] == '/';
        int lexb = lb == 7 && strncmp(b, "lexicon", 7) == 0 && b[lb] == '/';
        if (lexa != lexb)
            return lexa ? -1 : 1;
        size_t n = la < lb ? la : lb;
        int c = memcmp(a, b, n);
        if (c)
            return c;
        if (la != lb)
            return la < lb ? -1 : 1;
        a += la, b += lb;
        if (*a == '/')
            a++;
        if (*b == '/')
            b++;
    }
    return *a ? 1 : *b ? -1 : 0;
}

typedef struct keyed {
    kg_doc *doc;
    char *key;
} keyed;

static int cmp_keyed(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    if (a->doc->is_lexicon != b->doc->is_lexicon)
        return a->doc->is_lexicon ? -1 : 1;
    return walk_cmp(a->key, b->key);
}

/* The max document key, for L->by_pk. */
static int doc_keys(ld *L)
{
    sqlite3_stmt *q = kg__store_prepare(L->s, L->d, "SELECT max(doc) FROM documents");
    if (!q)
        return -1;
    if (sqlite3_step(q) == SQLITE_ROW)
        L->n_pk = (size_t)sqlite3_column_int64(q, 0) + 1;
    sqlite3_finalize(q);
    L->by_pk = kg_xcalloc(L->n_pk ? L->n_pk : 1, sizeof *L->by_pk);
    L->need = kg_xcalloc(L->n_pk ? L->n_pk : 1, 1);
    return 0;
}

static void need_doc(ld *L, sqlite3_int64 pk)
{
    if (pk >= 0 && (size_t)pk < L->n_pk)
        L->need[pk] = 1;
}

/* The documents (all, or those L->need marks), into *out sorted in the
 * order the facts folder is read. */
static int load_docs(ld *L, int all, keyed **out, size_t *n_out)
{
    sqlite3_stmt *q = kg__store_prepare(L->s, L->d, all ? "SELECT doc, id, file, kind, title, publisher, author,"
                                                          " published, url, source FROM documents"
                                                        : "SELECT doc, id, file, kind, title, publisher, author,"
                                                          " published, url, source FROM documents WHERE doc = ?1");
    if (!q)
        return -1;
    keyed *v = NULL;
    size_t n = 0, cap = 0;
    const char *root = L->p->root;
    int rc = SQLITE_DONE;
    for (size_t k = 0; k < (all ? 1 : L->n_pk) && rc == SQLITE_DONE; k++) {
        if (!all) {
            if (!L->need[k])
                continue;
            sqlite3_bind_int64(q, 1, (sqlite3_int64)k);
        }
        while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
            sqlite3_int64 pk = sqlite3_column_int64(q, 0);
            if (pk < 0 || (size_t)pk >= L->n_pk)
                continue;
            kg_doc *doc = kg_doc_new();
            const char *file = kg__col(q, 2);
            doc->is_lexicon = strcmp(kg__col(q, 3), "lexicon") == 0;
            doc->has_header = !doc->is_lexicon;
            doc->version = kg_xstrdup("1");
            doc->id = col_dup(q, 1);
            doc->title = col_dup(q, 4);
            doc->publisher = col_dup(q, 5);
            doc->author = col_dup(q, 6);
            if (sqlite3_column_type(q, 7) != SQLITE_NULL)
                kg_date_set(&doc->published, kg__col(q, 7));
            doc->url = col_dup(q, 8);
            doc->source = col_dup(q, 9);
            /* the key is relative to the project's folder, unless the file
             * was outside it (then as it was given: "../x" or absolute) */
            kg_buf p = KG_BUF_INIT;
            if (file[0] != '/' && strncmp(file, "../", 3) != 0 && root && strcmp(root, ".") != 0)
                kg_buf_printf(&p, "%s/", root);
            kg_buf_puts(&p, file);
            doc->path = kg_buf_detach(&p, NULL);
            L->by_pk[pk] = doc;
            KG_VEC_PUSH(v, n, cap);
            v[n].doc = doc;
            v[n++].key = kg_xstrdup(file);
        }
        sqlite3_reset(q);
    }
    sqlite3_finalize(q);
    if (n)
        qsort(v, n, sizeof *v, cmp_keyed);
    *out = v;
    *n_out = n;
    return rc == SQLITE_DONE ? 0 : kg__store_fail(L->s, L->d, "cannot read the documents");
}

/* ---- actors: the merged ones, each as one definition ---- */

static int load_actors(ld *L, kg_doc *lex)
{
    sqlite3_stmt *q = kg__store_prepare(
        L->s, L->d,
        "SELECT a.id, a.name, a.type, a.part_of,"
        " (SELECT x.country FROM actor_defs x INDEXED BY actor_defs_country JOIN documents d ON d.doc = x.doc"
        "  WHERE x.actor = a.id AND x.country IS NOT NULL AND x.country <> ''"
        "  ORDER BY d.kind = 'lexicon' DESC, d.file LIMIT 1)"
        " FROM actors a ORDER BY a.id");
    if (!q)
        return -1;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        kg_actor *a = kg_doc_add_actor(lex);
        a->id = col_dup(q, 0);
        /* the store keeps the id as the name of an actor without one:
         * both show the id, and the model's actor has no name then */
        if (strcmp(kg__col(q, 1), a->id) != 0)
            a->name = col_dup(q, 1);
        a->type = col_dup(q, 2);
        a->part_of = col_dup(q, 3);
        if (sqlite3_column_type(q, 4) != SQLITE_NULL) {
            kg_node *v = kg_xcalloc(1, sizeof *v);
            v->kind = KG_NODE_SCALAR;
            v->value = kg_xstrdup(kg__col(q, 4));
            v->len = strlen(v->value);
            KG_VEC_PUSH(a->extra.v, a->extra.n, a->extra.cap);
            a->extra.v[a->extra.n].key = kg_xstrdup("country");
            a->extra.v[a->extra.n++].value = v;
        }
    }
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? 0 : kg__store_fail(L->s, L->d, "cannot read the actors");
}

/* The actor --focus names, as the view resolves it (facts/view.c): an
 * id; else a name (ASCII case folded) of the actor defined first; else a
 * name or alias of the first definition giving it. NULL when none. */
static char *find_focus(ld *L, const char *focus)
{
    static const char *const sql[] = {
        "SELECT id FROM actors WHERE id = ?1",
        "SELECT a.id FROM actors a WHERE a.name = ?1 COLLATE NOCASE AND a.name <> a.id"
        " ORDER BY (SELECT min((d.kind <> 'lexicon') || char(1) || d.file) FROM actor_defs x"
        "  JOIN documents d ON d.doc = x.doc WHERE x.actor = a.id), a.id LIMIT 1",
        "SELECT x.actor FROM actor_defs x JOIN documents d ON d.doc = x.doc"
        " WHERE x.actor IN (SELECT actor FROM aliases WHERE alias = ?1 COLLATE NOCASE"
        "  UNION SELECT id FROM actors WHERE name = ?1 COLLATE NOCASE)"
        " AND (x.name = ?1 COLLATE NOCASE OR EXISTS (SELECT 1 FROM json_each(x.aliases) j"
        "  WHERE j.value = ?1 COLLATE NOCASE))"
        " ORDER BY d.kind = 'lexicon' DESC, d.file, x.actor LIMIT 1",
    };
    char *id = NULL;
    for (size_t k = 0; k < sizeof sql / sizeof *sql && !id; k++) {
        sqlite3_stmt *q = kg__store_prepare(L->s, L->d, sql[k]);
        if (!q)
            return NULL;
        sqlite3_bind_text(q, 1, focus, -1, SQLITE_STATIC);
        if (sqlite3_step(q) == SQLITE_ROW)
            id = kg_xstrdup(kg__col(q, 0));
        sqlite3_finalize(q);
    }
    return id;
}

/* ---- which facts: the selection ---- */

/* --from/--to as ISO days ("" / "9999-99-99" when open); 0 when both
 * parse (or are absent), -1 when one does not (then everything is read
 * and the view reports it). */
static int day_bounds(const kg_store_pick *p, char lo[16], char hi[16], char early[16])
{
    strcpy(lo, "");
    strcpy(hi, "99999");
    strcpy(early, "");
    for (int k = 0; k < 2; k++) {
        const char *t = k ? p->to : p->from;
        if (!t)
            continue;
        kg_date dt = { 0 };
        if (kg_date_set(&dt, t) != 0) {
            kg_date_free(&dt);
            return -1;
        }
        long first, last;
        kg_edtf_bounds(&dt.edtf, &first, &last);
        kg_date_free(&dt);
        long day = k ? last : first;
        if (day < kg_days_from_civil(0, 1, 1) || day > kg_days_from_civil(9999, 12, 31))
            return -1; /* (outside the years ISO text sorts right: read all) */
        int y, m, dd;
        kg_civil_from_days(day, &y, &m, &dd);
        snprintf(k ? hi : lo, 16, "%04d-%02d-%02d", y, m, dd);
        if (!k && day - KG_SHORT_DAYS >= kg_days_from_civil(0, 1, 1)) {
            /* a short date that overlaps starts no earlier than this */
            kg_civil_from_days(day - KG_SHORT_DAYS, &y, &m, &dd);
            snprintf(early, 16, "%04d-%02d-%02d", y, m, dd);
        }
    }
    return 0;
}

/* ---- reading events, figures, relations ---- */

#define EVENT_COLS                                                                              \
    "SELECT e.pk, e.doc, e.local_id, e.title, e.type, e.date, e.when_text, s.start_byte,"        \
    " s.end_byte, s.quote, e.id, s.sentence FROM events e LEFT JOIN spans s ON s.fact = e.id"

#define ROLE_SQL "SELECT role, actor, ord FROM event_actors WHERE event = ?1"

#define FIGURE_COLS                                                                               \
    "SELECT f.pk, f.doc, f.local_id, f.value, f.value_max, f.unit, f.counter, f.approx, f.measure," \
    " f.subject, f.date, s.start_byte, s.end_byte, s.quote, s.sentence"                           \
    " FROM figures f LEFT JOIN spans s ON s.fact = f.id"

/* An agent or target of an event: role (0 agent, 1 target), place in
 * its list, id. */
typedef struct role {
    int role;
    long long ord;
    char *actor;
} role;

/* One row of events or figures, kept until they are put in pk order. */
typedef struct row {
    sqlite3_int64 pk, doc;
    char *v[12];
    role *roles;
    size_t n_roles, cap_roles;
    int has_span, has_value, has_max;
    long long start, end;
    double value, value_max;
} row;

typedef struct rows {
    row *v;
    size_t n, cap;
} rows;

static int cmp_row(const void *a, const void *b)
{
    sqlite3_int64 x = ((const row *)a)->pk, y = ((const row *)b)->pk;
    return x < y ? -1 : x > y;
}

static void free_rows(rows *r)
{
    for (size_t i = 0; i < r->n; i++) {
        for (int k = 0; k < 12; k++)
            free(r->v[i].v[k]);
        for (size_t k = 0; k < r->v[i].n_roles; k++)
            free(r->v[i].roles[k].actor);
        free(r->v[i].roles);
    }
    free(r->v);
    memset(r, 0, sizeof *r);
}

static int cmp_role(const void *a, const void *b)
{
    const role *x = a, *y = b;
    if (x->role != y->role)
        return x->role - y->role;
    return x->ord < y->ord ? -1 : x->ord > y->ord;
}

static void add_role(row *w, sqlite3_stmt *q, int col)
{
    KG_VEC_PUSH(w->roles, w->n_roles, w->cap_roles);
    role *x = &w->roles[w->n_roles++];
    x->role = strcmp(kg__col(q, col), "agent") != 0;
    x->actor = kg_xstrdup(kg__col(q, col + 1));
    x->ord = sqlite3_column_int64(q, col + 2);
}

/* Steps q (events) to its end, each row into r (L->events: full id ->
 * its place in r + 1); with one_by_one, each event's agents and targets
 * too (else read_roles reads them all). */
static int read_events(ld *L, sqlite3_stmt *q, rows *r, sqlite3_stmt *roles)
{
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *fid = kg__col(q, 10);
        if (!kg__strmap_put(&L->events, fid, (long)r->n + 1))
            continue;
        KG_VEC_PUSH(r->v, r->n, r->cap);
        row *w = &r->v[r->n++];
        memset(w, 0, sizeof *w);
        w->pk = sqlite3_column_int64(q, 0);
        w->doc = sqlite3_column_int64(q, 1);
        need_doc(L, w->doc);
        for (int k = 0; k < 5; k++)
            w->v[k] = col_dup(q, 2 + k);
        w->has_span = sqlite3_column_type(q, 7) != SQLITE_NULL;
        w->start = sqlite3_column_int64(q, 7);
        w->end = sqlite3_column_int64(q, 8);
        w->v[5] = col_dup(q, 9);
        w->v[6] = col_dup(q, 11);
        if (roles) {
            sqlite3_bind_text(roles, 1, fid, -1, SQLITE_TRANSIENT);
            int r2;
            while ((r2 = sqlite3_step(roles)) == SQLITE_ROW)
                add_role(w, roles, 0);
            sqlite3_reset(roles);
            if (r2 != SQLITE_DONE)
                return kg__store_fail(L->s, L->d, "cannot read the events' actors");
        }
    }
    return rc == SQLITE_DONE ? 0 : kg__store_fail(L->s, L->d, "cannot read the events");
}

/* Every event's agents and targets, in one pass over the table. */
static int read_roles(ld *L, rows *r)
{
    sqlite3_stmt *q = kg__store_prepare(L->s, L->d, "SELECT event, role, actor, ord FROM event_actors");
    if (!q)
        return -1;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        long at = kg__strmap_get(&L->events, kg__col(q, 0), 0);
        if (at > 0 && (size_t)at <= r->n)
            add_role(&r->v[at - 1], q, 1);
    }
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? 0 : kg__store_fail(L->s, L->d, "cannot read the events' actors");
}

/* Each document's array of events (figures: figs) made as long as the
 * rows of r it gets (a document mostly gets one or two, and an array
 * grown from eight is mostly empty memory touched for nothing). */
static void presize(ld *L, const rows *r, int figs)
{
    size_t *n = kg_xcalloc(L->n_pk ? L->n_pk : 1, sizeof *n);
    for (size_t i = 0; i < r->n; i++)
        if (r->v[i].doc >= 0 && (size_t)r->v[i].doc < L->n_pk)
            n[r->v[i].doc]++;
    for (size_t k = 0; k < L->n_pk; k++) {
        kg_doc *doc = L->by_pk[k];
        if (!doc || !n[k])
            continue;
        if (figs && doc->n_figures + n[k] > doc->cap_figures) {
            doc->cap_figures = doc->n_figures + n[k];
            doc->figures = kg_xrealloc(doc->figures, doc->cap_figures * sizeof *doc->figures);
        } else if (!figs && doc->n_events + n[k] > doc->cap_events) {
            doc->cap_events = doc->n_events + n[k];
            doc->events = kg_xrealloc(doc->events, doc->cap_events * sizeof *doc->events);
        }
    }
    free(n);
}

static void put_events(ld *L, rows *r)
{
    if (r->n)
        qsort(r->v, r->n, sizeof *r->v, cmp_row);
    presize(L, r, 0);
    for (size_t i = 0; i < r->n; i++) {
        row *w = &r->v[i];
        kg_doc *doc = w->doc >= 0 && (size_t)w->doc < L->n_pk ? L->by_pk[w->doc] : NULL;
        if (doc) {
            kg_event *e = kg_doc_add_event(doc);
            e->id = w->v[0], e->title = w->v[1], e->type = w->v[2];
            if (w->v[3])
                kg_date_set(&e->date, w->v[3]);
            e->when = w->v[4];
            e->quote = w->v[5];
            e->sentence = w->v[6];
            e->span.set = w->has_span;
            e->span.start = w->start, e->span.end = w->end;
            if (w->n_roles)
                qsort(w->roles, w->n_roles, sizeof *w->roles, cmp_role);
            for (size_t k = 0; k < w->n_roles; k++)
                kg_strv_push(w->roles[k].role ? &e->target : &e->agent, w->roles[k].actor);
            w->v[0] = w->v[1] = w->v[2] = w->v[4] = w->v[5] = w->v[6] = NULL;
        }
    }
    free_rows(r);
}

static int read_figures(ld *L, sqlite3_stmt *q, rows *r)
{
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        KG_VEC_PUSH(r->v, r->n, r->cap);
        row *w = &r->v[r->n++];
        memset(w, 0, sizeof *w);
        w->pk = sqlite3_column_int64(q, 0);
        w->doc = sqlite3_column_int64(q, 1);
        need_doc(L, w->doc);
        w->v[0] = col_dup(q, 2);
        w->has_value = sqlite3_column_type(q, 3) != SQLITE_NULL;
        w->value = sqlite3_column_double(q, 3);
        w->has_max = sqlite3_column_type(q, 4) != SQLITE_NULL;
        w->value_max = sqlite3_column_double(q, 4);
        for (int k = 0; k < 6; k++)
            w->v[1 + k] = col_dup(q, 5 + k);
        w->has_span = sqlite3_column_type(q, 11) != SQLITE_NULL;
        w->start = sqlite3_column_int64(q, 11);
        w->end = sqlite3_column_int64(q, 12);
        w->v[7] = col_dup(q, 13);
        w->v[8] = col_dup(q, 14);
    }
    return rc == SQLITE_DONE ? 0 : kg__store_fail(L->s, L->d, "cannot read the figures");
}

static void put_figures(ld *L, rows *r)
{
    if (r->n)
        qsort(r->v, r->n, sizeof *r->v, cmp_row);
    presize(L, r, 1);
    for (size_t i = 0; i < r->n; i++) {
        row *w = &r->v[i];
        kg_doc *doc = w->doc >= 0 && (size_t)w->doc < L->n_pk ? L->by_pk[w->doc] : NULL;
        if (doc && (i == 0 || w->pk != r->v[i - 1].pk)) {
            kg_figure *f = kg_doc_add_figure(doc);
            f->id = w->v[0];
            f->value = w->has_value ? w->value : 0;
            f->is_range = w->has_max;
            f->value_max = w->has_max ? w->value_max : 0;
            f->unit = w->v[1], f->counter = w->v[2], f->approx = w->v[3], f->measure = w->v[4];
            f->subject = w->v[5];
            if (w->v[6])
                kg_date_set(&f->date, w->v[6]);
            f->quote = w->v[7];
            f->sentence = w->v[8];
            f->span.set = w->has_span;
            f->span.start = w->start, f->span.end = w->end;
            w->v[0] = w->v[1] = w->v[2] = w->v[3] = w->v[4] = w->v[5] = w->v[7] = w->v[8] = NULL;
        }
        for (int k = 0; k < 12; k++)
            free(w->v[k]);
    }
    free(r->v);
    memset(r, 0, sizeof *r);
}

/* The relations: all of them (all set), else those between two events
 * read, in the store's order (each document's in its order). */
static int read_relations(ld *L, int all, rows *rr)
{
    sqlite3_stmt *q = kg__store_prepare(
        L->s, L->d,
        all ? "SELECT pk, doc, local_id, type, from_event, to_event FROM relations ORDER BY pk"
            : "SELECT pk, doc, local_id, type, from_event, to_event FROM relations WHERE from_event = ?1");
    if (!q)
        return -1;
    rows r = { NULL, 0, 0 };
    int rc = SQLITE_DONE;
    for (size_t i = 0; i < (all ? 1 : L->events.cap) && (all || L->events.keys); i++) {
        if (!all) {
            if (!L->events.keys[i])
                continue;
            sqlite3_bind_text(q, 1, L->events.keys[i], -1, SQLITE_STATIC);
        }
        while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
            if (!all && kg__strmap_get(&L->events, kg__col(q, 5), 0) == 0)
                continue;
            KG_VEC_PUSH(r.v, r.n, r.cap);
            row *w = &r.v[r.n++];
            memset(w, 0, sizeof *w);
            w->pk = sqlite3_column_int64(q, 0);
            w->doc = sqlite3_column_int64(q, 1);
            need_doc(L, w->doc);
            for (int k = 0; k < 4; k++)
                w->v[k] = col_dup(q, 2 + k);
        }
        sqlite3_reset(q);
        if (rc != SQLITE_DONE)
            break;
    }
    sqlite3_finalize(q);
    *rr = r;
    return rc == SQLITE_DONE ? 0 : kg__store_fail(L->s, L->d, "cannot read the relations");
}

static void put_relations(ld *L, rows *rr)
{
    rows r = *rr;
    if (r.n)
        qsort(r.v, r.n, sizeof *r.v, cmp_row);
    for (size_t i = 0; i < r.n; i++) {
        row *w = &r.v[i];
        kg_doc *doc = w->doc >= 0 && (size_t)w->doc < L->n_pk ? L->by_pk[w->doc] : NULL;
        if (doc) {
            kg_relation *rl = kg_doc_add_relation(doc);
            rl->id = w->v[0], rl->type = w->v[1], rl->from = w->v[2], rl->to = w->v[3];
            memset(w->v, 0, sizeof w->v);
        }
        for (int k = 0; k < 4; k++)
            free(w->v[k]);
    }
    free(r.v);
    memset(rr, 0, sizeof *rr);
}

/* ---- --focus alone: the neighbourhood, searched in the store ---- */

typedef struct bfs {
    sqlite3_stmt *a_events, *a_figs, *a_up, *a_down, *k_actors, *k_rel, *f_subject, *witness;
} bfs;

/* Runs q with id bound, each first column into next (as a string) when
 * new in seen; kind is what seen gets. */
static int step_into(sqlite3_stmt *q, const char *id, kg_strmap *seen, long kind, kg_strv *next)
{
    sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (sqlite3_column_type(q, 0) == SQLITE_NULL)
            continue;
        const char *v = kg__col(q, 0);
        long old = kg__strmap_get(seen, v, 0);
        if (!old) {
            kg__strmap_put(seen, v, kind);
            if (next)
                kg_strv_push(next, v);
        } else if (old > kind) {
            kg__strmap_put(seen, v, kind); /* (an actor found through a fact after all) */
        }
    }
    sqlite3_reset(q);
    return rc == SQLITE_DONE ? 0 : -1;
}

static int neighbourhood(ld *L, const char *focus, int depth)
{
    bfs B;
    memset(&B, 0, sizeof B);
    int rc = -1;
    kg_strv fa = { 0 }, fk = { 0 }, ff = { 0 }; /* the frontier: actors, clusters, figures */
    if (!(B.a_events = kg__store_prepare(L->s, L->d, "SELECT e.cluster FROM event_actors x JOIN events e"
                                                     " ON e.id = x.event WHERE x.actor = ?1")) ||
        !(B.a_figs = kg__store_prepare(L->s, L->d, "SELECT pk FROM figures WHERE subject = ?1")) ||
        !(B.a_up = kg__store_prepare(L->s, L->d, "SELECT part_of FROM actors WHERE id = ?1")) ||
        !(B.a_down = kg__store_prepare(L->s, L->d, "SELECT id FROM actors WHERE part_of = ?1")) ||
        !(B.k_actors = kg__store_prepare(L->s, L->d, "SELECT x.actor FROM events e JOIN event_actors x"
                                                     " ON x.event = e.id WHERE e.cluster = ?1")) ||
        /* (UNION ALL, no temporary b-tree per cluster: step_into keeps
         * each cluster once) */
        !(B.k_rel = kg__store_prepare(
              L->s, L->d,
              "SELECT o.cluster FROM events e JOIN relations r ON r.from_event = e.id"
              " JOIN events o ON o.id = r.to_event WHERE e.cluster = ?1 AND r.type <> 'same-as'"
              " UNION ALL SELECT o.cluster FROM events e JOIN relations r ON r.to_event = e.id"
              " JOIN events o ON o.id = r.from_event WHERE e.cluster = ?1 AND r.type <> 'same-as'")) ||
        !(B.f_subject = kg__store_prepare(L->s, L->d, "SELECT subject FROM figures WHERE pk = ?1")) ||
        !(B.witness = kg__store_prepare(
              L->s, L->d,
              "WITH RECURSIVE sub(id, n) AS (SELECT ?1, 0 UNION SELECT a.id, n + 1 FROM actors a"
              " JOIN sub ON a.part_of = sub.id WHERE n < 64)"
              " SELECT (SELECT e.cluster FROM event_actors x JOIN events e ON e.id = x.event"
              "  WHERE x.actor IN (SELECT id FROM sub) LIMIT 1),"
              " (SELECT pk FROM figures WHERE subject IN (SELECT id FROM sub) LIMIT 1)")))
        goto done;
    kg__strmap_put(&L->actors, focus, 2);
    kg_strv_push(&fa, focus);
    for (int level = 0; level < depth && (fa.n || fk.n || ff.n); level++) {
        kg_strv na = { 0 }, nk = { 0 }, nf = { 0 };
        int bad = 0;
        for (size_t i = 0; i < fa.n && !bad; i++)
            bad = step_into(B.a_events, fa.v[i], &L->clusters, 1, &nk) ||
                  step_into(B.a_figs, fa.v[i], &L->figs, 1, &nf) ||
                  step_into(B.a_up, fa.v[i], &L->actors, 2, &na) ||
                  step_into(B.a_down, fa.v[i], &L->actors, 2, &na);
        for (size_t i = 0; i < fk.n && !bad; i++)
            bad = step_into(B.k_actors, fk.v[i], &L->actors, 1, &na) ||
                  step_into(B.k_rel, fk.v[i], &L->clusters, 1, &nk);
        for (size_t i = 0; i < ff.n && !bad; i++)
            bad = step_into(B.f_subject, ff.v[i], &L->actors, 1, &na);
        kg_strv_free(&fa), kg_strv_free(&fk), kg_strv_free(&ff);
        fa = na, fk = nk, ff = nf;
        if (bad) {
            kg__store_fail(L->s, L->d, "cannot read the neighbourhood");
            goto done;
        }
    }
    /* an actor reached only through part_of is drawn when an event or
     * figure of it or of an actor below it is: read one (the actors a
     * fact reached are drawn for that fact) */
    for (size_t i = 0; i < L->actors.cap; i++) {
        if (!L->actors.keys[i] || L->actors.vals[i] != 2)
            continue;
        sqlite3_bind_text(B.witness, 1, L->actors.keys[i], -1, SQLITE_TRANSIENT);
        if (sqlite3_step(B.witness) == SQLITE_ROW) {
            if (sqlite3_column_type(B.witness, 0) != SQLITE_NULL)
                kg__strmap_put(&L->clusters, kg__col(B.witness, 0), 1);
            else if (sqlite3_column_type(B.witness, 1) != SQLITE_NULL)
                kg__strmap_put(&L->figs, kg__col(B.witness, 1), 1);
        }
        sqlite3_reset(B.witness);
    }
    rc = 0;
done:
    kg_strv_free(&fa), kg_strv_free(&fk), kg_strv_free(&ff);
    sqlite3_finalize(B.a_events);
    sqlite3_finalize(B.a_figs);
    sqlite3_finalize(B.a_up);
    sqlite3_finalize(B.a_down);
    sqlite3_finalize(B.k_actors);
    sqlite3_finalize(B.k_rel);
    sqlite3_finalize(B.f_subject);
    sqlite3_finalize(B.witness);
    return rc;
}

/* Reads the clusters and figures the neighbourhood found. */
static int read_found(ld *L, rows *ev, rows *fg)
{
    sqlite3_stmt *qe = kg__store_prepare(L->s, L->d, EVENT_COLS " WHERE e.cluster = ?1");
    sqlite3_stmt *qf = kg__store_prepare(L->s, L->d, FIGURE_COLS " WHERE f.pk = ?1");
    sqlite3_stmt *qr = kg__store_prepare(L->s, L->d, ROLE_SQL);
    int rc = qe && qf && qr ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < L->clusters.cap; i++) {
        if (!L->clusters.keys[i])
            continue;
        sqlite3_bind_text(qe, 1, L->clusters.keys[i], -1, SQLITE_STATIC);
        rc = read_events(L, qe, ev, qr);
        sqlite3_reset(qe);
    }
    for (size_t i = 0; rc == 0 && i < L->figs.cap; i++) {
        if (!L->figs.keys[i])
            continue;
        sqlite3_bind_int64(qf, 1, strtoll(L->figs.keys[i], NULL, 10));
        rc = read_figures(L, qf, fg);
        sqlite3_reset(qf);
    }
    sqlite3_finalize(qe);
    sqlite3_finalize(qf);
    sqlite3_finalize(qr);
    return rc;
}

/* The selection's statement from sql (freed): --from/--to's days (bounds:
 * from, to, the earliest start; NULL when not ranged) bound to ?1, ?2,
 * ?4 and --doc to ?3; NULL when it cannot be prepared (said on L->d). */
static sqlite3_stmt *prepare_pick(ld *L, kg_buf *sql, char (*bounds)[16], const char *what)
{
    sqlite3_stmt *q = NULL;
    int ok = sqlite3_prepare_v2(kg_store_db(L->s), sql->ptr, -1, &q, NULL) == SQLITE_OK;
    kg_buf_free(sql);
    if (!ok) {
        sqlite3_finalize(q);
        kg__store_fail(L->s, L->d, what);
        return NULL;
    }
    if (bounds) {
        sqlite3_bind_text(q, 1, bounds[0], -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 2, bounds[1], -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 4, bounds[2], -1, SQLITE_STATIC);
    }
    if (L->p->doc)
        sqlite3_bind_text(q, 3, L->p->doc, -1, SQLITE_STATIC);
    return q;
}

/* Reads the events and figures the options can keep (see the top). */
static int read_selected(ld *L, const char *focus_id, rows *ev, rows *fg, int *all)
{
    const kg_store_pick *p = L->p;
    char bounds[3][16]; /* from, to, the earliest start */
    int ranged = (p->from || p->to) && day_bounds(p, bounds[0], bounds[1], bounds[2]) == 0;
    int typed = p->types && p->n_types > 0;
    *all = 0;
    if (p->focus && !focus_id)
        return 0; /* (no such actor: the view says so, and needs no fact) */
    if (focus_id && !p->from && !p->to && !typed && !p->doc) {
        int depth = p->depth > 0 ? p->depth : 2;
        if (neighbourhood(L, focus_id, depth) != 0)
            return -1;
        return read_found(L, ev, fg);
    }
    /* (a bad --from or --to: the view says so; everything is read) */
    *all = !ranged && !typed && !p->doc;
    /* events: the clusters with a member of the type, in the document and
     * in the dates asked */
    kg_buf sql = KG_BUF_INIT;
    kg_buf_puts(&sql, EVENT_COLS " WHERE 1");
    if (ranged)
        kg_buf_puts(&sql, " AND e.cluster IN (SELECT cluster FROM events INDEXED BY events_date"
                          " WHERE date_start BETWEEN ?4 AND ?2 AND date_end >= ?1"
                          " UNION ALL SELECT cluster FROM events INDEXED BY events_odd_date WHERE " KG_ODD_DATE ")");
    if (typed) {
        kg_buf_puts(&sql, " AND e.cluster IN (SELECT cluster FROM events WHERE type IN (");
        for (size_t i = 0; i < p->n_types; i++)
            kg_buf_printf(&sql, "%s?%zu", i ? ", " : "", 10 + i);
        kg_buf_puts(&sql, "))");
    }
    if (p->doc)
        kg_buf_puts(&sql, " AND e.cluster IN (SELECT cluster FROM events WHERE doc ="
                          " (SELECT doc FROM documents WHERE id = ?3))");
    kg_buf_puts(&sql, " ORDER BY e.pk");
    sqlite3_stmt *q = prepare_pick(L, &sql, ranged ? bounds : NULL, "cannot select the events");
    if (!q)
        return -1;
    for (size_t i = 0; typed && i < p->n_types; i++)
        sqlite3_bind_text(q, (int)(10 + i), p->types[i], -1, SQLITE_STATIC);
    /* the agents and targets: in one pass when most events are read */
    sqlite3_stmt *qr = *all ? NULL : kg__store_prepare(L->s, L->d, ROLE_SQL);
    int rc = *all || qr ? read_events(L, q, ev, qr) : -1;
    sqlite3_finalize(q);
    sqlite3_finalize(qr);
    if (rc == 0 && *all)
        rc = read_roles(L, ev);
    if (rc != 0 || typed)
        return rc; /* (--type draws no figures) */
    /* figures by the same rules (by document, or with their dates) */
    sql = (kg_buf)KG_BUF_INIT;
    kg_buf_puts(&sql, FIGURE_COLS " WHERE 1");
    if (ranged)
        kg_buf_puts(&sql, " AND f.pk IN (SELECT pk FROM figures INDEXED BY figures_date"
                          " WHERE date_start BETWEEN ?4 AND ?2 AND date_end >= ?1"
                          " UNION ALL SELECT pk FROM figures INDEXED BY figures_odd_date WHERE " KG_ODD_DATE ")");
    if (p->doc)
        kg_buf_puts(&sql, " AND f.doc = (SELECT doc FROM documents WHERE id = ?3)");
    kg_buf_puts(&sql, " ORDER BY f.pk");
    if (!(q = prepare_pick(L, &sql, ranged ? bounds : NULL, "cannot select the figures")))
        return -1;
    rc = read_figures(L, q, fg);
    sqlite3_finalize(q);
    return rc;
}

int kg_store_load(kg_store *s, const kg_store_pick *p, kg_corpus *c, char **focus_id, kg_diag *d)
{
    ld L;
    memset(&L, 0, sizeof L);
    L.s = s, L.d = d, L.p = p;
    *focus_id = NULL;
    keyed *docs = NULL;
    size_t n_docs = 0;
    rows ev = { NULL, 0, 0 }, fg = { NULL, 0, 0 }, rl = { NULL, 0, 0 };
    int all = 0, rc = KG_STORE_ERROR;
    /* the file mapped rather than read page by page (a read-only use);
     * one read transaction: a build running meanwhile is not seen half */
    sqlite3_exec(kg_store_db(s), "PRAGMA mmap_size = 1073741824", NULL, NULL, NULL);
    if (sqlite3_exec(kg_store_db(s), "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
        kg__store_fail(s, d, "cannot read the store");
        return KG_STORE_ERROR;
    }
    kg_doc *lex = kg_doc_new();
    lex->is_lexicon = 1;
    lex->version = kg_xstrdup("1");
    kg_corpus_add(c, lex);
    if (doc_keys(&L) != 0 || load_actors(&L, lex) != 0)
        goto done;
    if (p->focus)
        *focus_id = find_focus(&L, p->focus);
    if (read_selected(&L, *focus_id, &ev, &fg, &all) != 0 || read_relations(&L, all, &rl) != 0)
        goto done;
    /* the documents: all of them for the report's table (and when all the
     * facts are read), else those of the facts read and --doc's */
    if (p->doc) {
        sqlite3_stmt *q = kg__store_prepare(s, d, "SELECT doc FROM documents WHERE id = ?1");
        if (!q)
            goto done;
        sqlite3_bind_text(q, 1, p->doc, -1, SQLITE_STATIC);
        if (sqlite3_step(q) == SQLITE_ROW)
            need_doc(&L, sqlite3_column_int64(q, 0));
        sqlite3_finalize(q);
    }
    if (load_docs(&L, all || p->all_docs, &docs, &n_docs) != 0)
        goto done;
    put_events(&L, &ev);
    put_figures(&L, &fg);
    put_relations(&L, &rl);
    rc = KG_STORE_OK;
done:
    sqlite3_exec(kg_store_db(s), "COMMIT", NULL, NULL, NULL);
    for (size_t i = 0; i < n_docs; i++) {
        kg_corpus_add(c, docs[i].doc);
        free(docs[i].key);
    }
    free(docs);
    free_rows(&ev);
    free_rows(&fg);
    free_rows(&rl);
    free(L.by_pk);
    free(L.need);
    kg__strmap_free(&L.events);
    kg__strmap_free(&L.clusters);
    kg__strmap_free(&L.figs);
    kg__strmap_free(&L.actors);
    return rc;
}
