/* build.c - kg_store_build: loads a corpus into the store in one
 * transaction. Documents are reloaded only when the SHA-256 of their file
 * (or of their source text) changed; files gone from the corpus lose
 * their rows (ON DELETE CASCADE from documents). Then the derived rows
 * are brought up to date: the merged actors (one row per id, names and
 * aliases unioned over every definition) for the ids the changed files
 * define, and the same-as clusters of events. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kg/facts.h"
#include "kg/store.h"
#include "kg/check.h"
#include "kg/factio.h"
#include "kg/quote.h"
#include "kg/utf8.h"
#include "facts/resolve.h"
#include "store-int.h"
#include "util/uf.h"

#define MAX_SOURCE_BYTES (64u << 20)

/* What is known about one file of the corpus before the transaction. */
typedef struct file_info {
    const kg_doc *doc;
    const char *file;         /* the key: normalised path (into doc->path or key) */
    char *key;                /* owned: the path relative to opts->base */
    char sha[65];
    char src_sha[65];         /* of the source text; "" when not readable */
    char *src_path;           /* owned; NULL without a source */
    int load;                 /* new or changed: (re)load it */
} file_info;

typedef struct loader {
    kg_store *s;
    kg_diag *d;
    sqlite3_stmt *ins_doc, *ins_def, *ins_event, *ins_ea, *ins_fig, *ins_rel, *ins_span;
    char now[32];
    sqlite3_int64 build;      /* this build's number (meta 'build') */
    /* the actor definitions of the changed files as the store had them:
     * "file\x1factor" -> index into olddef (its fields, def_sig); an actor
     * whose definition in a file is the same as before needs no merge */
    kg_strmap olddefs;
    kg_strv olddef, oldactor;
    char *olddef_same;
} loader;

/* The fields of a definition as one string (NULL apart from ""). */
static void def_sig(kg_buf *b, const char *name, const char *type, const char *part_of, const char *aliases)
{
    const char *f[4] = { name, type, part_of, aliases };
    kg_buf_reset(b);
    for (int i = 0; i < 4; i++) {
        if (f[i])
            kg_buf_printf(b, "+%s", f[i]);
        kg_buf_putc(b, '\x1f');
    }
}

static const char *norm_path(const char *p)
{
    while (p[0] == '.' && p[1] == '/') {
        p += 2;
        while (*p == '/')
            p++;
    }
    return p;
}

static void bind_str(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* Runs a bound statement that returns no rows, then resets it. */
static int run(loader *L, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st);
    int ok = rc == SQLITE_DONE || rc == SQLITE_ROW;
    if (!ok)
        kg__store_fail(L->s, L->d, what);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return ok ? 0 : -1;
}

static int exec(kg_store *s, kg_diag *d, const char *sql, const char *what)
{
    if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return kg__store_fail(s, d, what);
    return 0;
}

static void iso_day(long days, char out[16])
{
    int y, m, dd;
    kg_civil_from_days(days, &y, &m, &dd);
    snprintf(out, 16, "%04d-%02d-%02d", y, m, dd);
}

/* Binds the EDTF text and its first and last day (ISO, NULL when open or
 * unknown) to columns i, i+1, i+2. */
static void bind_date(sqlite3_stmt *st, int i, const kg_date *dt)
{
    bind_str(st, i, dt->text);
    sqlite3_bind_null(st, i + 1);
    sqlite3_bind_null(st, i + 2);
    if (!dt->text || !dt->valid)
        return;
    long first = 0, last = 0;
    char buf[16];
    kg_edtf_bounds(&dt->edtf, &first, &last);
    if (first > INT_MIN && first < INT_MAX) {
        iso_day(first, buf);
        sqlite3_bind_text(st, i + 1, buf, -1, SQLITE_TRANSIENT);
    }
    if (last > INT_MIN && last < INT_MAX) {
        iso_day(last, buf);
        sqlite3_bind_text(st, i + 2, buf, -1, SQLITE_TRANSIENT);
    }
}

static int insert_span(loader *L, sqlite3_int64 doc, const char *fact, const char *kind,
                       const kg_span *sp, const char *quote, const char *text, size_t tlen)
{
    if (!sp->set)
        return 0;
    sqlite3_stmt *st = L->ins_span;
    bind_str(st, 1, fact);
    bind_str(st, 2, kind);
    sqlite3_bind_int64(st, 3, doc);
    sqlite3_bind_int64(st, 4, sp->start);
    sqlite3_bind_int64(st, 5, sp->end);
    bind_str(st, 8, quote);
    size_t slen = sp->start <= sp->end ? (size_t)sp->end - (size_t)sp->start : 0;
    if (text && sp->start >= 0 && sp->start <= sp->end && (size_t)sp->end <= tlen &&
        kg_utf8_check(text + sp->start, slen) == slen) {
        size_t a, b;
        sqlite3_bind_text(st, 6, text + sp->start, (int)slen, SQLITE_TRANSIENT);
        kg_span_sentence(text, tlen, (size_t)sp->start, (size_t)sp->end, &a, &b);
        if (kg_utf8_check(text + a, b - a) == b - a)
            sqlite3_bind_text(st, 7, text + a, (int)(b - a), SQLITE_TRANSIENT);
    }
    return run(L, st, "cannot store a span");
}

static void json_strv(kg_buf *b, const kg_strv *v)
{
    kg_buf_reset(b);
    kg_buf_putc(b, '[');
    for (size_t i = 0; i < v->n; i++) {
        if (i)
            kg_buf_putc(b, ',');
        kg__json_str(b, v->v[i], strlen(v->v[i]));
    }
    kg_buf_putc(b, ']');
}

/* One document being loaded. */
typedef struct doc_load {
    loader *L;
    const kg_doc *doc;
    const char *did;          /* its id (NULL for a lexicon) */
    sqlite3_int64 dk;         /* its row */
    const char *text;         /* the source text the spans point into, or NULL */
    size_t tlen;
    kg_buf id, tmp;
} doc_load;

/* The document's row; 0 with D->dk set, or -1. */
static int load_header(doc_load *D, const file_info *fi, int lexicon)
{
    const kg_doc *doc = D->doc;
    sqlite3_stmt *st = D->L->ins_doc;
    bind_str(st, 1, lexicon ? NULL : doc->id);
    bind_str(st, 2, fi->file);
    bind_str(st, 3, fi->sha);
    bind_str(st, 4, lexicon ? "lexicon" : "article");
    bind_str(st, 5, doc->title);
    bind_str(st, 6, doc->publisher);
    bind_str(st, 7, doc->author);
    bind_date(st, 8, &doc->published);
    bind_str(st, 11, doc->url);
    bind_str(st, 12, doc->source);
    bind_str(st, 13, fi->src_path);
    bind_str(st, 14, doc->sha256);
    bind_str(st, 15, fi->src_sha[0] ? fi->src_sha : NULL);
    bind_str(st, 16, D->L->now);
    sqlite3_bind_int64(st, 17, D->L->build);
    if (run(D->L, st, "cannot store a document") != 0)
        return -1;
    D->dk = sqlite3_last_insert_rowid(D->L->s->db);
    return 0;
}

/* The document's actor definitions (their ids need merging, unless the
 * file defined them the same way before). */
static int load_actors(doc_load *D, const char *file, kg_strmap *touched)
{
    loader *L = D->L;
    for (size_t i = 0; i < D->doc->n_actors; i++) {
        const kg_actor *a = &D->doc->actors[i];
        if (!a->id)
            continue;
        json_strv(&D->id, &a->aliases);
        int same = 0;
        if (L->olddefs.n) {
            kg_buf_reset(&D->tmp);
            kg_buf_printf(&D->tmp, "%s\x1f%s", file, a->id);
            long at = kg__strmap_get(&L->olddefs, D->tmp.ptr, -1);
            if (at >= 0) {
                def_sig(&D->tmp, a->name, a->type, a->part_of, D->id.ptr);
                same = strcmp(D->tmp.ptr, L->olddef.v[at]) == 0;
                L->olddef_same[at] = (char)same;
            }
        }
        sqlite3_stmt *st = D->L->ins_def;
        bind_str(st, 1, a->id);
        sqlite3_bind_int64(st, 2, D->dk);
        bind_str(st, 3, a->name);
        bind_str(st, 4, a->type);
        bind_str(st, 5, a->part_of);
        bind_str(st, 6, D->id.ptr);
        bind_str(st, 7, kg_actor_country_key(a)); /* (the renders read it) */
        if (run(D->L, st, "cannot store an actor definition") != 0)
            return -1;
        if (!same)
            kg__strmap_put(touched, a->id, 1);
    }
    return 0;
}

/* One event (under its full id in D->id) with its agents, targets and
 * span. */
static int load_event(doc_load *D, const kg_event *e)
{
    loader *L = D->L;
    sqlite3_stmt *st = L->ins_event;
    bind_str(st, 1, D->id.ptr);
    sqlite3_bind_int64(st, 2, D->dk);
    bind_str(st, 3, e->id);
    bind_str(st, 4, e->title);
    bind_str(st, 5, e->type);
    bind_date(st, 6, &e->date);
    int approx = 0, unc = 0;
    if (e->date.text && e->date.valid) {
        approx = e->date.edtf.a.approx || (e->date.edtf.interval && e->date.edtf.b.approx);
        unc = e->date.edtf.a.uncertain || (e->date.edtf.interval && e->date.edtf.b.uncertain);
    }
    sqlite3_bind_int(st, 9, approx);
    sqlite3_bind_int(st, 10, unc);
    bind_str(st, 11, e->when);
    if (run(L, st, "cannot store an event") != 0)
        return -1;
    for (int role = 0; role < 2; role++) {
        const kg_strv *v = role ? &e->target : &e->agent;
        for (size_t k = 0; k < v->n; k++) {
            st = L->ins_ea;
            bind_str(st, 1, D->id.ptr);
            bind_str(st, 2, role ? "target" : "agent");
            bind_str(st, 3, v->v[k]);
            sqlite3_bind_int64(st, 4, (sqlite3_int64)k);
            if (run(L, st, "cannot store an event's actor") != 0)
                return -1;
        }
    }
    return insert_span(L, D->dk, D->id.ptr, "event", &e->span, e->quote, D->text, D->tlen);
}

/* One figure (under its full id in D->id) with its span. */
static int load_figure(doc_load *D, const kg_figure *f)
{
    sqlite3_stmt *st = D->L->ins_fig;
    bind_str(st, 1, D->id.ptr);
    sqlite3_bind_int64(st, 2, D->dk);
    bind_str(st, 3, f->id);
    if (f->value_text)
        sqlite3_bind_double(st, 4, f->value);
    if (f->is_range)
        sqlite3_bind_double(st, 5, f->value_max);
    if (f->is_range && f->value_text && f->value_max_text) {
        kg_buf_reset(&D->tmp);
        kg_buf_printf(&D->tmp, "[%s, %s]", f->value_text, f->value_max_text);
        bind_str(st, 6, D->tmp.ptr);
    } else {
        bind_str(st, 6, f->value_text);
    }
    bind_str(st, 7, f->unit);
    bind_str(st, 8, f->counter);
    bind_str(st, 9, f->approx ? f->approx : "exact");
    bind_str(st, 10, f->measure);
    bind_str(st, 11, f->subject);
    bind_date(st, 12, &f->date);
    if (run(D->L, st, "cannot store a figure") != 0)
        return -1;
    return insert_span(D->L, D->dk, D->id.ptr, "figure", &f->span, f->quote, D->text, D->tlen);
}

/* The events, figures and relations of an article. */
static int load_facts(doc_load *D)
{
    const kg_doc *doc = D->doc;
    for (size_t i = 0; i < doc->n_events; i++) {
        const kg_event *e = &doc->events[i];
        if (!e->id)
            continue;
        kg_fact_ref(&D->id, D->did, e->id);
        if (load_event(D, e) != 0)
            return -1;
    }
    for (size_t i = 0; i < doc->n_figures; i++) {
        const kg_figure *f = &doc->figures[i];
        if (!f->id)
            continue;
        kg_fact_ref(&D->id, D->did, f->id);
        if (load_figure(D, f) != 0)
            return -1;
    }
    for (size_t i = 0; i < doc->n_relations; i++) {
        const kg_relation *r = &doc->relations[i];
        if (!r->from || !r->to || !r->type)
            continue;
        sqlite3_stmt *st = D->L->ins_rel;
        sqlite3_bind_int64(st, 1, D->dk);
        bind_str(st, 2, r->id);
        kg_fact_ref(&D->id, D->did, r->from);
        bind_str(st, 3, D->id.ptr);
        bind_str(st, 4, r->type);
        kg_fact_ref(&D->id, D->did, r->to);
        bind_str(st, 5, D->id.ptr);
        if (run(D->L, st, "cannot store a relation") != 0)
            return -1;
    }
    return 0;
}

static int load_doc(loader *L, const file_info *fi, kg_strmap *touched)
{
    const kg_doc *doc = fi->doc;
    doc_load D = { L, doc, NULL, 0, NULL, 0, KG_BUF_INIT, KG_BUF_INIT };
    char *text = NULL;
    int rc = -1;

    /* The text the spans point into, when it is at hand and is the text the
     * offsets were made for (the header's sha256, when given). */
    if (fi->src_path && fi->src_sha[0] && (!doc->sha256 || strcmp(doc->sha256, fi->src_sha) == 0))
        text = kg_read_file(fi->src_path, &D.tlen, MAX_SOURCE_BYTES);
    D.text = text;

    int lexicon = doc->is_lexicon || !doc->has_header;
    if (load_header(&D, fi, lexicon) != 0 || load_actors(&D, fi->file, touched) != 0)
        goto done;
    D.did = doc->id;
    if (!D.did || lexicon) {
        if (doc->n_events || doc->n_figures || doc->n_relations)
            kg_diag_warn(L->d, fi->file, 0, 0,
                         "events, figures and relations outside a document are not stored");
        rc = 0;
        goto done;
    }
    rc = load_facts(&D);
done:
    if (rc != 0)
        kg_diag_error(L->d, fi->file, 0, 0, "could not be stored; the store was left as it was");
    free(text);
    kg_buf_free(&D.id);
    kg_buf_free(&D.tmp);
    return rc;
}

/* Drops every table, view and trigger (an older schema, or --force-rebuild). */
static int drop_all(kg_store *s, kg_diag *d)
{
    static const char *const pass[] = {
        "SELECT type, name FROM sqlite_schema WHERE type = 'trigger'",
        "SELECT type, name FROM sqlite_schema WHERE type = 'view'",
        "SELECT type, name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'",
        /* children before parents: with foreign keys on, DROP TABLE deletes
         * the rows first, which looks up the tables they point at */
        "SELECT type, name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        " ORDER BY rowid DESC",
    };
    kg_buf sql = KG_BUF_INIT;
    int rc = 0;
    for (size_t p = 0; p < sizeof pass / sizeof pass[0] && rc == 0; p++) {
        sqlite3_stmt *st = kg__store_prepare(s, d, pass[p]);
        if (!st) {
            rc = -1;
            break;
        }
        kg_buf_reset(&sql);
        while (sqlite3_step(st) == SQLITE_ROW) {
            /* Names come from the file's own schema; quoted as identifiers. */
            char *q = sqlite3_mprintf("DROP %s IF EXISTS \"%w\";\n", kg__col(st, 0), kg__col(st, 1));
            kg_buf_puts(&sql, q);
            sqlite3_free(q);
        }
        sqlite3_finalize(st);
        if (sql.len && sqlite3_exec(s->db, sql.ptr, NULL, NULL, NULL) != SQLITE_OK)
            rc = kg__store_fail(s, d, "cannot drop the old tables");
    }
    kg_buf_free(&sql);
    return rc;
}

static int create_schema(kg_store *s, kg_diag *d)
{
    char pragmas[128];
    if (exec(s, d, kg__store_schema_sql, "cannot create the tables") != 0)
        return -1;
    snprintf(pragmas, sizeof pragmas, "PRAGMA application_id = %d; PRAGMA user_version = %d;",
             KG_STORE_APPLICATION_ID, KG_STORE_SCHEMA_VERSION);
    return exec(s, d, pragmas, "cannot set the schema version");
}

/* Inside the transaction: creates, keeps or rebuilds the schema. */
static int ensure_schema(kg_store *s, int force, int *created, kg_diag *d)
{
    sqlite3_stmt *st = kg__store_prepare(
        s, d, "SELECT (SELECT application_id FROM pragma_application_id),"
              " (SELECT user_version FROM pragma_user_version),"
              " (SELECT count(*) FROM sqlite_schema)");
    if (!st)
        return -1;
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return kg__store_fail(s, d, "cannot read the store");
    }
    int app = sqlite3_column_int(st, 0), version = sqlite3_column_int(st, 1);
    int objects = sqlite3_column_int(st, 2);
    sqlite3_finalize(st);
    *created = 0;
    if (objects == 0) {
        *created = 1;
        return create_schema(s, d);
    }
    if (app != KG_STORE_APPLICATION_ID) {
        kg_diag_error(d, s->path, 0, 0,
                      "not a kg store (it holds other tables); refusing to overwrite it, "
                      "choose another --db or remove the file");
        return -1;
    }
    if (version > KG_STORE_SCHEMA_VERSION && !force) {
        kg_diag_error(d, s->path, 0, 0,
                      "the store has schema version %d, newer than this kg's %d; use a newer "
                      "kg, or --force-rebuild to replace it", version, KG_STORE_SCHEMA_VERSION);
        return -1;
    }
    if (version == KG_STORE_SCHEMA_VERSION && !force)
        return exec(s, d, KG__STORE_LATER_INDEXES, "cannot add an index");
    if (force)
        kg_diag_add(d, KG_SEV_NOTE, s->path, 0, 0, "rebuilding the store from the facts (--force-rebuild)");
    else
        kg_diag_add(d, KG_SEV_NOTE, s->path, 0, 0,
                    "the store has schema version %d, older than %d; rebuilding it from the facts",
                    version, KG_STORE_SCHEMA_VERSION);
    *created = 1;
    if (drop_all(s, d) != 0)
        return -1;
    return create_schema(s, d);
}

/* Recomputes the merged row of actor id from its definitions, by the rule
 * of facts/resolve.h (kg_actor_merge_*): the rows come lexicons first, then
 * by file (kg_actor_def_cmp's order, in SQL); each field is the first
 * non-empty one given; every other name and alias becomes an alias. No
 * definitions left: the actor goes. */
typedef struct actor_stmts {
    sqlite3_stmt *defs, *names, *upsert, *del, *del_alias, *ins_alias, *touch;
} actor_stmts;

static int merge_actor(kg_store *s, kg_diag *d, actor_stmts *A, const char *id)
{
    sqlite3_int64 defined_in = 0;
    int ndefs = 0, rc = -1;
    kg_strv keep = { NULL, 0, 0 }; /* the rows' text, which m points into */
    kg_merged_actor m;
    kg_actor_merge_init(&m, id);

    sqlite3_bind_text(A->defs, 1, id, -1, SQLITE_STATIC);
    while (sqlite3_step(A->defs) == SQLITE_ROW) {
        if (ndefs++ == 0)
            defined_in = sqlite3_column_int64(A->defs, 4);
        const char *f[3] = { NULL, NULL, NULL };
        for (int k = 0; k < 3; k++)
            if (sqlite3_column_type(A->defs, k) != SQLITE_NULL) {
                kg_strv_push(&keep, kg__col(A->defs, k));
                f[k] = keep.v[keep.n - 1];
            }
        kg_actor_merge_add(&m, f[0], f[1], f[2], NULL);
    }
    sqlite3_reset(A->defs);
    if (ndefs == 0) {
        sqlite3_bind_text(A->del, 1, id, -1, SQLITE_STATIC);
        int r = sqlite3_step(A->del);
        sqlite3_reset(A->del);
        rc = r == SQLITE_DONE ? 0 : kg__store_fail(s, d, "cannot delete an actor");
        goto done;
    }

    sqlite3_bind_text(A->names, 1, id, -1, SQLITE_STATIC);
    while (sqlite3_step(A->names) == SQLITE_ROW) {
        kg_strv_push(&keep, kg__col(A->names, 0));
        kg_actor_merge_name(&m, keep.v[keep.n - 1]);
    }
    sqlite3_reset(A->names);
    kg_actor_merge_end(&m);
    const char *name = kg_actor_name(&m), *type = m.type, *part_of = m.part_of;

    sqlite3_bind_text(A->upsert, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_text(A->upsert, 2, name, -1, SQLITE_STATIC);
    bind_str(A->upsert, 3, type);
    bind_str(A->upsert, 4, part_of);
    sqlite3_bind_int64(A->upsert, 5, defined_in);
    int r = sqlite3_step(A->upsert);
    sqlite3_reset(A->upsert);
    if (r != SQLITE_DONE) {
        rc = kg__store_fail(s, d, "cannot store an actor");
        goto done;
    }
    sqlite3_bind_text(A->del_alias, 1, id, -1, SQLITE_STATIC);
    r = sqlite3_step(A->del_alias);
    sqlite3_reset(A->del_alias);
    if (r != SQLITE_DONE) {
        rc = kg__store_fail(s, d, "cannot store an actor's aliases");
        goto done;
    }
    for (size_t i = 0; i < m.n_aliases; i++) {
        sqlite3_bind_text(A->ins_alias, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_text(A->ins_alias, 2, m.aliases[i], -1, SQLITE_STATIC);
        r = sqlite3_step(A->ins_alias);
        sqlite3_reset(A->ins_alias);
        if (r != SQLITE_DONE) {
            rc = kg__store_fail(s, d, "cannot store an actor's aliases");
            goto done;
        }
    }
    rc = 0;
done:
    kg_actor_merge_free(&m);
    kg_strv_free(&keep);
    return rc;
}

static int merge_actors(kg_store *s, kg_diag *d, const kg_strmap *touched)
{
    actor_stmts A = { 0 };
    int rc = -1;
    if (!(A.defs = kg__store_prepare(
              s, d, "SELECT a.name, a.type, a.part_of, a.aliases, a.doc FROM actor_defs a"
                    " JOIN documents d ON d.doc = a.doc WHERE a.actor = ?1"
                    " ORDER BY d.kind = 'lexicon' DESC, d.file")) ||
        !(A.names = kg__store_prepare(
              s, d, "SELECT x FROM ("
                    " SELECT a.name AS x, d.kind = 'lexicon' AS lx, d.file AS f, 0 AS k, 0 AS i"
                    "  FROM actor_defs a JOIN documents d ON d.doc = a.doc"
                    "  WHERE a.actor = ?1 AND a.name IS NOT NULL"
                    " UNION ALL"
                    " SELECT j.value, d.kind = 'lexicon', d.file, 1, j.key"
                    "  FROM actor_defs a JOIN documents d ON d.doc = a.doc, json_each(a.aliases) j"
                    "  WHERE a.actor = ?1)"
                    " ORDER BY lx DESC, f, k, i")) ||
        !(A.upsert = kg__store_prepare(
              s, d, "INSERT INTO actors(id, name, type, part_of, defined_in) VALUES (?1, ?2, ?3, ?4, ?5)"
                    " ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type,"
                    " part_of = excluded.part_of, defined_in = excluded.defined_in")) ||
        !(A.del = kg__store_prepare(s, d, "DELETE FROM actors WHERE id = ?1")) ||
        !(A.del_alias = kg__store_prepare(s, d, "DELETE FROM aliases WHERE actor = ?1")) ||
        !(A.ins_alias = kg__store_prepare(s, d, "INSERT INTO aliases(actor, alias) VALUES (?1, ?2)")) ||
        !(A.touch = kg__store_prepare(s, d, "INSERT OR IGNORE INTO temp.kg_touched(id) VALUES (?1)")))
        goto done;
    /* the actors' search rows go first and come back at the end, in two
     * statements (see the schema's comment on FTS) */
    if (exec(s, d, "DELETE FROM temp.kg_touched", "cannot merge actors") != 0)
        goto done;
    for (size_t i = 0; i < touched->cap; i++) {
        if (!touched->keys[i])
            continue;
        sqlite3_bind_text(A.touch, 1, touched->keys[i], -1, SQLITE_STATIC);
        if (sqlite3_step(A.touch) != SQLITE_DONE) {
            kg__store_fail(s, d, "cannot merge actors");
            goto done;
        }
        sqlite3_reset(A.touch);
    }
    if (exec(s, d, "DELETE FROM search WHERE rowid IN"
                   " (SELECT pk * 4 + 3 FROM actors WHERE id IN (SELECT id FROM temp.kg_touched))",
             "cannot update the search index") != 0)
        goto done;
    for (size_t i = 0; i < touched->cap; i++)
        if (touched->keys[i] && merge_actor(s, d, &A, touched->keys[i]) != 0)
            goto done;
    if (exec(s, d, "INSERT INTO search(rowid, text, kind, ref)"
                   " SELECT a.pk * 4 + 3, a.name || coalesce(char(10) || (SELECT group_concat(alias, char(10))"
                   " FROM aliases WHERE actor = a.id), ''), 'actor', a.id"
                   " FROM actors a WHERE a.id IN (SELECT id FROM temp.kg_touched)",
             "cannot update the search index") != 0)
        goto done;
    rc = 0;
done:
    sqlite3_finalize(A.defs);
    sqlite3_finalize(A.names);
    sqlite3_finalize(A.upsert);
    sqlite3_finalize(A.del);
    sqlite3_finalize(A.del_alias);
    sqlite3_finalize(A.ins_alias);
    sqlite3_finalize(A.touch);
    return rc;
}

/* the smaller id (byte order) names a same-as cluster */
static int id_less(size_t a, size_t b, void *ids)
{
    return strcmp(((char **)ids)[a], ((char **)ids)[b]) < 0;
}

/* Gives every event the id of its same-as cluster: the smallest event id
 * (byte order) among the events same-as links connect; its own id when
 * it has none. After a partial build (partial: its build number, else 0)
 * only a cluster with an event loaded now (its row came back with its own
 * id) or an end of a same-as relation deleted can have changed: the
 * others are not compared with the store (each comparison reads an
 * event's row: a one-file rebuild spent a sixth of its time there). */
static int update_clusters(kg_store *s, kg_diag *d, sqlite3_int64 partial, size_t *joined)
{
    unsigned char *dirty = NULL; /* (partial) roots of the clusters that may have changed */
    kg_strmap idx = { 0 };
    char **ids = NULL;
    size_t n = 0, cap = 0, ecap = 0;
    kg_uf uf = { 0 };
    size_t (*edges)[2] = NULL;
    size_t ne = 0;
    int rc = -1;
    sqlite3_stmt *st = NULL, *ins = NULL;

    st = kg__store_prepare(s, d, "SELECT from_event, to_event FROM relations WHERE type = 'same-as'");
    if (!st)
        goto done;
    while (sqlite3_step(st) == SQLITE_ROW) {
        size_t e[2];
        for (int k = 0; k < 2; k++) {
            const char *id = kg__col(st, k);
            long at = kg__strmap_get(&idx, id, -1);
            if (at < 0) {
                KG_VEC_PUSH(ids, n, cap);
                ids[n] = kg_xstrdup(id);
                at = (long)n++;
                kg__strmap_put(&idx, id, at);
            }
            e[k] = (size_t)at;
        }
        KG_VEC_PUSH(edges, ne, ecap);
        edges[ne][0] = e[0];
        edges[ne][1] = e[1];
        ne++;
    }
    sqlite3_finalize(st);
    st = NULL;
    kg_uf_init(&uf, n);
    /* the root is the smallest id, so it is the cluster's name */
    for (size_t i = 0; i < ne; i++)
        kg_uf_union(&uf, edges[i][0], edges[i][1], id_less, ids);
    /* the events named by another's id: the ends that are no root */
    *joined = 0;
    for (size_t i = 0; i < n; i++)
        *joined += kg_uf_find(&uf, i) != i;
    if (partial) {
        dirty = kg_xcalloc(n ? n : 1, 1);
        st = kg__store_prepare(s, d, "SELECT e.id FROM documents f JOIN events e ON e.doc = f.doc WHERE f.build = ?1"
                                     " UNION ALL SELECT id FROM temp.kg_gone_ends");
        if (!st)
            goto done;
        sqlite3_bind_int64(st, 1, partial);
        int r;
        while ((r = sqlite3_step(st)) == SQLITE_ROW) {
            long at = kg__strmap_get(&idx, kg__col(st, 0), -1);
            if (at >= 0)
                dirty[kg_uf_find(&uf, (size_t)at)] = 1;
        }
        sqlite3_finalize(st);
        st = NULL;
        if (r != SQLITE_DONE) {
            kg__store_fail(s, d, "cannot compute same-as clusters");
            goto done;
        }
    }
    if (exec(s, d, "CREATE TEMP TABLE IF NOT EXISTS kg_want(id TEXT PRIMARY KEY, cluster TEXT NOT NULL)"
                   " WITHOUT ROWID; DELETE FROM temp.kg_want;", "cannot compute same-as clusters") != 0)
        goto done;
    ins = kg__store_prepare(s, d, "INSERT INTO temp.kg_want(id, cluster) VALUES (?1, ?2)");
    if (!ins)
        goto done;
    for (size_t i = 0; i < n; i++) {
        if (dirty && !dirty[kg_uf_find(&uf, i)])
            continue;
        sqlite3_bind_text(ins, 1, ids[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 2, ids[kg_uf_find(&uf, i)], -1, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE) {
            kg__store_fail(s, d, "cannot compute same-as clusters");
            goto done;
        }
        sqlite3_reset(ins);
    }
    /* an event in a cluster is an end of a same-as relation; one that no
     * longer is goes back to its own id. After a partial build only the
     * ends of the relations deleted can be such (delete_old kept them) */
    if (exec(s, d,
             partial ? "UPDATE events SET cluster = id WHERE id IN (SELECT id FROM temp.kg_gone_ends)"
                       " AND cluster <> id AND id NOT IN (SELECT id FROM temp.kg_want);"
                     : "UPDATE events SET cluster = id WHERE cluster <> id"
                       " AND id NOT IN (SELECT id FROM temp.kg_want);",
             "cannot store same-as clusters") != 0 ||
        exec(s, d,
             "UPDATE events SET cluster = (SELECT w.cluster FROM temp.kg_want w WHERE w.id = events.id)"
             " WHERE id IN (SELECT w.id FROM temp.kg_want w JOIN events e ON e.id = w.id"
             " WHERE e.cluster <> w.cluster);"
             "DELETE FROM temp.kg_want;",
             "cannot store same-as clusters") != 0)
        goto done;
    rc = 0;
done:
    sqlite3_finalize(st);
    sqlite3_finalize(ins);
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
    free(dirty);
    kg_uf_free(&uf);
    free(edges);
    kg__strmap_free(&idx);
    return rc;
}

/* After a failed COMMIT because of a foreign key: says which rows point
 * at nothing (kg_check should have caught them; this is the last line). */
static void explain_fk(kg_store *s, kg_diag *d)
{
    static const char sql[] =
        "SELECT 'event ' || event || ' names actor ''' || actor || ''' that no file defines'"
        " FROM event_actors WHERE actor NOT IN (SELECT id FROM actors)"
        " UNION ALL SELECT 'figure ' || id || ' has subject ''' || subject || ''' that no file defines'"
        " FROM figures WHERE subject IS NOT NULL AND subject NOT IN (SELECT id FROM actors)"
        " UNION ALL SELECT 'actor ' || id || ' is part_of ''' || part_of || ''' that no file defines'"
        " FROM actors WHERE part_of IS NOT NULL AND part_of NOT IN (SELECT id FROM actors)"
        " UNION ALL SELECT 'relation ' || from_event || ' ' || type || ' ' || to_event"
        " || ': no event ' || CASE WHEN from_event NOT IN (SELECT id FROM events)"
        " THEN from_event ELSE to_event END FROM relations"
        " WHERE from_event NOT IN (SELECT id FROM events) OR to_event NOT IN (SELECT id FROM events)"
        " LIMIT 50";
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK)
        while (sqlite3_step(st) == SQLITE_ROW)
            kg_diag_error(d, s->path, 0, 0, "%s", kg__col(st, 0));
    sqlite3_finalize(st);
}

static size_t count_rows(kg_store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    size_t n = 0;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = (size_t)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

char *kg_store_file_key(const char *path, const char *base)
{
    char rp[PATH_MAX];
    size_t bl = base ? strlen(base) : 0;
    if (base && realpath(path, rp) && strncmp(rp, base, bl) == 0 && rp[bl] == '/')
        return kg_xstrdup(rp + bl + 1);
    return kg_xstrdup(norm_path(path));
}

/* Hashes every file of the corpus (and its source text) before the
 * transaction starts, so the write lock is held as short as possible. */
static int hash_one(const kg_corpus *c, const kg_doc *doc, const char *base, file_info *fi, kg_diag *d)
{
    size_t len = 0;
    fi->doc = doc;
    if (!doc->path) {
        kg_diag_error(d, NULL, 0, 0, "document '%s' has no file; only files can be stored",
                      doc->id ? doc->id : "?");
        return -1;
    }
    fi->key = kg_store_file_key(doc->path, base);
    fi->file = fi->key;
    char *data = kg_read_file(doc->path, &len, 0);
    if (!data) {
        kg_diag_error(d, doc->path, 0, 0, "cannot read: %s", strerror(errno));
        return -1;
    }
    kg_sha256_hex(data, len, fi->sha);
    free(data);
    fi->src_path = kg_source_path(c, doc); /* NULL: none, or outside */
    if (fi->src_path) {
        data = kg_read_file(fi->src_path, &len, MAX_SOURCE_BYTES);
        if (data) {
            kg_sha256_hex(data, len, fi->src_sha);
            free(data);
        }
    }
    return 0;
}

static int hash_files(const kg_corpus *c, const char *base, file_info *fi, kg_diag *d)
{
    for (size_t i = 0; i < c->n; i++)
        if (hash_one(c, c->docs[i], base, &fi[i], d) != 0)
            return -1;
    return 0;
}

static int prepare_loader(loader *L)
{
    kg_store *s = L->s;
    kg_diag *d = L->d;
    time_t t = time(NULL);
    struct tm tmv;
    gmtime_r(&t, &tmv);
    strftime(L->now, sizeof L->now, "%Y-%m-%dT%H:%M:%SZ", &tmv);
    return (L->ins_doc = kg__store_prepare(
                s, d, "INSERT INTO documents(id, file, file_sha256, kind, title, publisher, author,"
                      " published, published_start, published_end, url, source, source_path,"
                      " source_sha256, source_seen_sha256, loaded_at, build)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
                      " ?17)")) &&
                   (L->ins_def = kg__store_prepare(
                        s, d, "INSERT INTO actor_defs(actor, doc, name, type, part_of, aliases, country)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")) &&
                   (L->ins_event = kg__store_prepare(
                        s, d, "INSERT INTO events(id, doc, local_id, title, type, date, date_start,"
                              " date_end, date_approx, date_uncertain, when_text, cluster)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?1)")) &&
                   (L->ins_ea = kg__store_prepare(
                        s, d, "INSERT OR IGNORE INTO event_actors(event, role, actor, ord)"
                              " VALUES (?1, ?2, ?3, ?4)")) &&
                   (L->ins_fig = kg__store_prepare(
                        s, d, "INSERT INTO figures(id, doc, local_id, value, value_max, value_text,"
                              " unit, counter, approx, measure, subject, date, date_start, date_end)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")) &&
                   (L->ins_rel = kg__store_prepare(
                        s, d, "INSERT INTO relations(doc, local_id, from_event, type, to_event)"
                              " VALUES (?1, ?2, ?3, ?4, ?5)")) &&
                   (L->ins_span = kg__store_prepare(
                        s, d, "INSERT OR REPLACE INTO spans(fact, kind, doc, start_byte, end_byte,"
                              " text, sentence, quote) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"))
               ? 0
               : -1;
}

static void finalize_loader(loader *L)
{
    sqlite3_finalize(L->ins_doc);
    sqlite3_finalize(L->ins_def);
    sqlite3_finalize(L->ins_event);
    sqlite3_finalize(L->ins_ea);
    sqlite3_finalize(L->ins_fig);
    sqlite3_finalize(L->ins_rel);
    sqlite3_finalize(L->ins_span);
    L->ins_doc = L->ins_def = L->ins_event = L->ins_ea = L->ins_fig = L->ins_rel = L->ins_span = NULL;
}

/* Ends the build's transaction: the loader's statements finalized, then
 * COMMIT (a foreign key it breaks explained on d); -1 on failure, the
 * transaction still open. */
static int commit_run(loader *L, kg_diag *d)
{
    kg_store *s = L->s;
    finalize_loader(L);
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        int ec = sqlite3_extended_errcode(s->db);
        kg__store_fail(s, d, "cannot commit the build");
        if (ec == SQLITE_CONSTRAINT_FOREIGNKEY)
            explain_fk(s, d);
        return -1;
    }
    return 0;
}

/* One build in progress. */
typedef struct build_run {
    kg_store *s;
    kg_diag *d;
    const kg_corpus *c;
    const kg_build_opts *opts;
    kg_build_stats *stats;
    file_info *fi;                /* one per document of c */
    kg_strmap stored;             /* file -> slot in doc_keys */
    kg_strmap touched;            /* actor ids to merge again */
    sqlite3_int64 *doc_keys;      /* the documents the store holds */
    size_t nstored, capstored;
    char *seen;                   /* per slot: 0 removed, 1 unchanged, 2 changed */
    size_t to_load;
    const kg_strv *removed;       /* kg_store_update: the keys gone; files
                                     neither there nor in c are unchanged */
    int partial;
    loader L;
} build_run;

/* The start of a build: no opts and no stats stand for defaults (*st0
 * takes the counts), the counts zeroed; -1 (said on d) when the store was
 * opened read-only. */
static int build_start(const kg_store *s, const kg_build_opts **opts, kg_build_stats **stats, kg_build_stats *st0,
                       kg_diag *d)
{
    static const kg_build_opts none;
    if (!*opts)
        *opts = &none;
    if (!*stats)
        *stats = st0;
    memset(*stats, 0, sizeof **stats);
    if (s->flags & KG_STORE_READONLY) {
        kg_diag_error(d, s->path, 0, 0, "the store was opened read-only");
        return -1;
    }
    return 0;
}

/* A run over corpus c into s, its findings on d. */
static void run_init(build_run *R, kg_store *s, const kg_corpus *c, const kg_build_opts *opts,
                     kg_build_stats *stats, kg_diag *d)
{
    memset(R, 0, sizeof *R);
    R->s = s, R->d = d, R->c = c, R->opts = opts, R->stats = stats;
    R->L.s = s, R->L.d = d;
    R->fi = kg_xcalloc(c->n ? c->n : 1, sizeof *R->fi);
}

/* Frees what a run of n files holds (not the loader's statements). */
static void run_free(build_run *R, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(R->fi[i].src_path), free(R->fi[i].key);
    free(R->fi);
    free(R->doc_keys);
    free(R->seen);
    kg__strmap_free(&R->stored);
    kg__strmap_free(&R->touched);
    kg__strmap_free(&R->L.olddefs);
    kg_strv_free(&R->L.olddef);
    kg_strv_free(&R->L.oldactor);
    free(R->L.olddef_same);
}

/* Each file once: the same path twice (two PATH arguments naming it)
 * would load it twice. */
static int files_once(build_run *R)
{
    kg_strmap known = { 0 };
    int rc = 0;
    for (size_t i = 0; i < R->c->n; i++)
        if (!kg__strmap_put(&known, R->fi[i].file, (long)i)) {
            kg_diag_error(R->d, R->fi[i].file, 0, 0, "the file was given twice");
            rc = -1;
            break;
        }
    kg__strmap_free(&known);
    return rc;
}

/* What the store holds: file -> (doc key, hashes). */
static int read_stored(build_run *R)
{
    sqlite3_stmt *q = kg__store_prepare(R->s, R->d, "SELECT doc, file FROM documents");
    if (!q)
        return -1;
    while (sqlite3_step(q) == SQLITE_ROW) {
        const char *file = kg__col(q, 1);
        long slot = (long)R->nstored;
        KG_VEC_PUSH(R->doc_keys, R->nstored, R->capstored);
        R->doc_keys[R->nstored++] = sqlite3_column_int64(q, 0);
        kg__strmap_put(&R->stored, file, slot);
    }
    sqlite3_finalize(q);
    return 0;
}

/* Decides for each file: unchanged, changed (delete + load), new (load);
 * what is not seen was removed. */
static int decide_loads(build_run *R)
{
    R->seen = kg_xcalloc(R->nstored ? R->nstored : 1, 1);
    if (R->partial) {
        /* only c's files and the removed ones differ from the store */
        memset(R->seen, 1, R->nstored);
        for (size_t i = 0; R->removed && i < R->removed->n; i++) {
            long slot = kg__strmap_get(&R->stored, R->removed->v[i], -1);
            if (slot >= 0)
                R->seen[slot] = 0;
        }
        for (size_t i = 0; i < R->c->n; i++) {
            long slot = kg__strmap_get(&R->stored, R->fi[i].file, -1);
            R->fi[i].load = 1;
            R->to_load++;
            if (slot >= 0)
                R->seen[slot] = 2;
        }
        return 0;
    }
    sqlite3_stmt *q = kg__store_prepare(R->s, R->d, "SELECT file_sha256, coalesce(source_seen_sha256, '')"
                                                    " FROM documents WHERE doc = ?1");
    if (!q)
        return -1;
    for (size_t i = 0; i < R->c->n; i++) {
        file_info *f = &R->fi[i];
        long slot = kg__strmap_get(&R->stored, f->file, -1);
        f->load = 1;
        if (slot >= 0) {
            R->seen[slot] = 1;
            sqlite3_bind_int64(q, 1, R->doc_keys[slot]);
            if (sqlite3_step(q) == SQLITE_ROW && strcmp(kg__col(q, 0), f->sha) == 0 &&
                strcmp(kg__col(q, 1), f->src_sha) == 0)
                f->load = 0;
            sqlite3_reset(q);
        }
        if (f->load) {
            R->to_load++;
            if (slot >= 0)
                R->seen[slot] = 2; /* changed: delete the old rows first */
        } else {
            R->stats->unchanged++;
        }
    }
    sqlite3_finalize(q);
    return 0;
}

/* Deletes removed and changed files (their search rows first); their
 * actor ids need merging again. */
static int delete_old(build_run *R, long only)
{
    kg_store *s = R->s;
    kg_diag *d = R->d;
    sqlite3_stmt *defs = kg__store_prepare(s, d, "SELECT a.actor, a.name, a.type, a.part_of, a.aliases, f.file"
                                                 " FROM actor_defs a JOIN documents f ON f.doc = a.doc"
                                                 " WHERE a.doc = ?1");
    kg_buf key = KG_BUF_INIT, sig = KG_BUF_INIT;
    sqlite3_stmt *gone = NULL;
    int fail = 0;
    if (!defs)
        return -1;
    if (exec(s, d, "CREATE TEMP TABLE IF NOT EXISTS kg_gone(doc INTEGER PRIMARY KEY);"
                   "CREATE TEMP TABLE IF NOT EXISTS kg_touched(id TEXT PRIMARY KEY) WITHOUT ROWID;"
                   "CREATE TEMP TABLE IF NOT EXISTS kg_gone_ends(id TEXT PRIMARY KEY) WITHOUT ROWID;"
                   "DELETE FROM temp.kg_gone; DELETE FROM temp.kg_gone_ends;", "cannot start the build") != 0 ||
        !(gone = kg__store_prepare(s, d, "INSERT INTO temp.kg_gone(doc) VALUES (?1)"))) {
        sqlite3_finalize(defs);
        return -1;
    }
    for (size_t k = only >= 0 ? (size_t)only : 0; k < (only >= 0 ? (size_t)only + 1 : R->nstored) && !fail;
         k++) {
        if (R->seen[k] == 1 || R->seen[k] == 3)
            continue;
        if (R->seen[k] == 0)
            R->stats->removed++;
        sqlite3_bind_int64(defs, 1, R->doc_keys[k]);
        while (sqlite3_step(defs) == SQLITE_ROW) {
            if (!R->partial || R->seen[k] != 2) {
                kg__strmap_put(&R->touched, kg__col(defs, 0), 1);
                continue;
            }
            const char *f[4];
            for (int j = 0; j < 4; j++)
                f[j] = sqlite3_column_type(defs, j + 1) == SQLITE_NULL ? NULL : kg__col(defs, j + 1);
            def_sig(&sig, f[0], f[1], f[2], f[3]);
            kg_buf_reset(&key);
            kg_buf_printf(&key, "%s\x1f%s", kg__col(defs, 5), kg__col(defs, 0));
            kg__strmap_put(&R->L.olddefs, key.ptr, (long)R->L.olddef.n);
            kg_strv_push(&R->L.olddef, sig.ptr);
            kg_strv_push(&R->L.oldactor, kg__col(defs, 0));
        }
        sqlite3_reset(defs);
        R->seen[k] = 3; /* (deleted) */
        sqlite3_bind_int64(gone, 1, R->doc_keys[k]);
        if (sqlite3_step(gone) != SQLITE_DONE) {
            kg__store_fail(s, d, "cannot delete a document's old rows");
            fail = 1;
        }
        sqlite3_reset(gone);
    }
    sqlite3_finalize(defs);
    sqlite3_finalize(gone);
    kg_buf_free(&key);
    kg_buf_free(&sig);
    if (R->partial)
        R->L.olddef_same = kg_xcalloc(R->L.olddef.n + 1, 1);
    if (fail || exec(s, d,
                     "INSERT OR IGNORE INTO temp.kg_gone_ends(id)"
                     " SELECT from_event FROM relations WHERE type = 'same-as'"
                     " AND doc IN (SELECT doc FROM temp.kg_gone)"
                     " UNION SELECT to_event FROM relations WHERE type = 'same-as'"
                     " AND doc IN (SELECT doc FROM temp.kg_gone);"
                     "CREATE TEMP TABLE IF NOT EXISTS kg_redefine(id TEXT PRIMARY KEY) WITHOUT ROWID;"
                     "DELETE FROM temp.kg_redefine;"
                     "INSERT OR IGNORE INTO temp.kg_redefine(id)"
                     " SELECT id FROM actors WHERE defined_in IN (SELECT doc FROM temp.kg_gone);"
                     "DELETE FROM search WHERE rowid IN"
                     " (SELECT pk * 4 + 1 FROM events WHERE doc IN (SELECT doc FROM temp.kg_gone)"
                     "  UNION ALL SELECT pk * 4 + 2 FROM figures WHERE doc IN (SELECT doc FROM temp.kg_gone));"
                     "DELETE FROM documents WHERE doc IN (SELECT doc FROM temp.kg_gone);"
                     "DELETE FROM temp.kg_gone;",
                     "cannot delete the old rows") != 0)
        return -1;
    return 0;
}

/* Loads the new and changed files, with progress; KG_STORE_OK,
 * KG_STORE_REFUSED when the progress callback cancels, else
 * KG_STORE_ERROR. */
static int load_files(build_run *R)
{
    const kg_build_opts *opts = R->opts;
    size_t done_n = 0;
    if (prepare_loader(&R->L) != 0)
        return KG_STORE_ERROR;
    for (size_t i = 0; i < R->c->n; i++) {
        file_info *f = &R->fi[i];
        if (!f->load)
            continue;
        if (opts->progress && opts->progress(opts->ctx, f->file, done_n, R->to_load)) {
            kg_diag_add(R->d, KG_SEV_NOTE, R->s->path, 0, 0,
                        "build cancelled; the store was left as it was");
            return KG_STORE_REFUSED;
        }
        if (load_doc(&R->L, f, &R->touched) != 0)
            return KG_STORE_ERROR;
        done_n++;
        R->stats->loaded++;
    }
    /* a definition a changed file dropped or changed */
    for (size_t i = 0; i < R->L.olddef.n; i++)
        if (!R->L.olddef_same[i])
            kg__strmap_put(&R->touched, R->L.oldactor.v[i], 1);
    return KG_STORE_OK;
}

/* The search rows of the events and figures this build loaded. */
static int update_search(kg_store *s, kg_diag *d, sqlite3_int64 build)
{
    sqlite3_stmt *fts = kg__store_prepare(
        s, d, "INSERT INTO search(rowid, text, kind, ref)"
              " SELECT e.pk * 4 + 1, coalesce(e.title, ''), 'event', e.id"
              " FROM documents d JOIN events e ON e.doc = d.doc WHERE d.build = ?1"
              " UNION ALL SELECT f.pk * 4 + 2, coalesce(f.measure, ''), 'figure', f.id"
              " FROM documents d JOIN figures f ON f.doc = d.doc WHERE d.build = ?1");
    if (!fts)
        return -1;
    sqlite3_bind_int64(fts, 1, build);
    int r = sqlite3_step(fts);
    sqlite3_finalize(fts);
    if (r != SQLITE_DONE) {
        kg__store_fail(s, d, "cannot update the search index");
        return -1;
    }
    return 0;
}

/* The inputs table (kg_build_opts.input_rows): each facts file's and
 * source's line of the fingerprint. */
static int write_inputs(kg_store *s, kg_diag *d, const kg_build_opts *o)
{
    sqlite3_stmt *put = NULL, *del = NULL;
    int rc = 0;
    if (exec(s, d,
             "CREATE TABLE IF NOT EXISTS inputs(kind TEXT NOT NULL, path TEXT NOT NULL, line TEXT NOT NULL,"
             " PRIMARY KEY (kind, path)) WITHOUT ROWID;"
             "DELETE FROM meta WHERE key IN ('input_sources', 'input_stats');",
             "cannot store the build's inputs") != 0 ||
        ((o->input_all || !o->fingerprint) &&
         exec(s, d, "DELETE FROM inputs", "cannot store the build's inputs") != 0) ||
        !(put = kg__store_prepare(s, d, "INSERT OR REPLACE INTO inputs(kind, path, line) VALUES (?1, ?2, ?3)")) ||
        !(del = kg__store_prepare(s, d, "DELETE FROM inputs WHERE kind = ?1 AND path = ?2"))) {
        sqlite3_finalize(put);
        return -1;
    }
    for (int pass = 0; pass < 2 && rc == 0; pass++) {
        const char *p = pass ? o->input_rows : o->input_gone;
        sqlite3_stmt *st = pass ? put : del;
        while (p && *p && rc == 0) {
            const char *nl = strchr(p, '\n'), *tab = strchr(p, '\t');
            size_t n = nl ? (size_t)(nl - p) : strlen(p);
            if (tab && tab < p + n && tab > p) {
                const char *rest = tab + 1, *tab2 = memchr(rest, '\t', n - (size_t)(rest - p));
                size_t plen = pass ? (tab2 ? (size_t)(tab2 - rest) : 0) : n - (size_t)(rest - p);
                sqlite3_bind_text(st, 1, p, (int)(tab - p), SQLITE_TRANSIENT);
                sqlite3_bind_text(st, 2, rest, (int)plen, SQLITE_TRANSIENT);
                if (pass)
                    sqlite3_bind_text(st, 3, rest, (int)(n - (size_t)(rest - p)), SQLITE_TRANSIENT);
                if (sqlite3_step(st) != SQLITE_DONE)
                    rc = kg__store_fail(s, d, "cannot store the build's inputs");
                sqlite3_reset(st);
            }
            p += n + (nl ? 1 : 0);
        }
    }
    sqlite3_finalize(put);
    sqlite3_finalize(del);
    return rc ? -1 : 0;
}

/* The meta rows: schema and format versions, kg's version, the time and
 * number of this build. */
static int write_meta(kg_store *s, kg_diag *d, const loader *L, const kg_build_opts *o,
                      const kg_build_stats *st)
{
    sqlite3_stmt *m = kg__store_prepare(s, d, "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)");
    char num[32];
    if (!m)
        return -1;
    char nbuild[32];
    snprintf(nbuild, sizeof nbuild, "%lld", (long long)L->build);
    const char *kv[][2] = { { "schema_version", NULL }, { "kg_version", KG_VERSION },
                            { "facts_format", NULL }, { "built_at", L->now },
                            { "build", nbuild }, { "input_fingerprint", o->fingerprint },
                            { "input_head", o->input_head }, { "counts", NULL } };
    char counts[160];
    snprintf(counts, sizeof counts, "%zu %zu %zu %zu %zu %zu", count_rows(s, "SELECT count(*) FROM documents"),
             st->actors, st->events, st->figures, st->relations, st->clusters);
    kv[7][1] = counts;
    snprintf(num, sizeof num, "%d", KG_STORE_SCHEMA_VERSION);
    kv[0][1] = num;
    char fmt[16];
    snprintf(fmt, sizeof fmt, "%d", KG_FORMAT_VERSION);
    kv[2][1] = fmt;
    for (size_t i = 0; i < sizeof kv / sizeof kv[0]; i++) {
        sqlite3_bind_text(m, 1, kv[i][0], -1, SQLITE_STATIC);
        if (kv[i][1])
            sqlite3_bind_text(m, 2, kv[i][1], -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(m, 2);
        if (sqlite3_step(m) != SQLITE_DONE) {
            kg__store_fail(s, d, "cannot store the build's meta data");
            sqlite3_finalize(m);
            return -1;
        }
        sqlite3_reset(m);
    }
    sqlite3_finalize(m);
    return write_inputs(s, d, o);
}

/* The counts of the summary; joined: the events in a cluster another
 * names (update_clusters counted them), or (size_t)-1 to count them. */
static void put_counts(kg_store *s, kg_build_stats *stats, size_t joined)
{
    stats->actors = count_rows(s, "SELECT count(*) FROM actors");
    stats->events = count_rows(s, "SELECT count(*) FROM events");
    stats->figures = count_rows(s, "SELECT count(*) FROM figures");
    stats->relations = count_rows(s, "SELECT count(*) FROM relations");
    /* (the events less those outside their cluster's root: only the ends
     * of same-as relations can be, so no scan of every event's cluster) */
    stats->clusters = stats->events -
                      (joined != (size_t)-1 ? joined :
                      count_rows(s, "SELECT count(*) FROM events WHERE cluster <> id AND id IN"
                                    " (SELECT from_event FROM relations WHERE type = 'same-as'"
                                    " UNION SELECT to_event FROM relations WHERE type = 'same-as')"));
}

char *kg_store_meta(kg_store *s, const char *key)
{
    sqlite3_stmt *q = NULL;
    char *v = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = ?1", -1, &q, NULL) != SQLITE_OK) {
        sqlite3_finalize(q);
        return NULL; /* (no meta table: no value) */
    }
    sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL)
        v = kg_xstrdup((const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    return v;
}

void kg_store_counts(kg_store *s, kg_build_stats *st)
{
    memset(st, 0, sizeof *st);
    char *c = kg_store_meta(s, "counts"); /* written by the last build */
    if (!c || sscanf(c, "%zu %zu %zu %zu %zu %zu", &st->files, &st->actors, &st->events, &st->figures,
                     &st->relations, &st->clusters) != 6) {
        st->files = count_rows(s, "SELECT count(*) FROM documents");
        put_counts(s, st, (size_t)-1);
    }
    free(c);
}

/* Everything inside the transaction; KG_STORE_OK or an error code. */
/* The build's number, what the store holds, which files to load, the old
 * rows of those deleted, and the files loaded: load_files' answer, or
 * KG_STORE_ERROR. */
static int load_run(build_run *R)
{
    R->L.build = (sqlite3_int64)count_rows(
                     R->s, "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'build'), 0)") + 1;
    if (read_stored(R) != 0 || decide_loads(R) != 0 || delete_old(R, -1) != 0)
        return KG_STORE_ERROR;
    return load_files(R);
}

static int build_in_tx(build_run *R)
{
    kg_store *s = R->s;
    kg_diag *d = R->d;
    size_t joined = 0;
    if (ensure_schema(s, R->opts->force_rebuild, &R->stats->created, d) != 0)
        return KG_STORE_ERROR;
    int rc = load_run(R);
    if (rc != KG_STORE_OK)
        return rc;
    if (update_search(s, d, R->L.build) != 0 || merge_actors(s, d, &R->touched) != 0 ||
        update_clusters(s, d, 0, &joined) != 0)
        return KG_STORE_ERROR;
    put_counts(s, R->stats, joined); /* (kept in meta for a build that reads nothing) */
    if (write_meta(s, d, &R->L, R->opts, R->stats) != 0)
        return KG_STORE_ERROR;
    return KG_STORE_OK;
}

int kg_store_build(kg_store *s, const kg_corpus *c, const kg_build_opts *opts,
                   kg_build_stats *stats, kg_diag *d)
{
    kg_build_stats st0;
    build_run R;
    int rc = KG_STORE_ERROR, in_tx = 0;

    if (build_start(s, &opts, &stats, &st0, d) != 0)
        return KG_STORE_ERROR;
    stats->files = c->n;
    size_t errors_before = d->errors;
    kg_check(c, d);
    if (d->errors > errors_before)
        return KG_STORE_REFUSED;

    run_init(&R, s, c, opts, stats, d);
    if (hash_files(c, opts->base, R.fi, d) != 0)
        goto done;
    if (files_once(&R) != 0) {
        rc = KG_STORE_REFUSED;
        goto done;
    }

    if (exec(s, d, "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;", "cannot set up") != 0)
        goto done;
    if (exec(s, d, "BEGIN IMMEDIATE", "cannot start the build transaction") != 0)
        goto done;
    in_tx = 1;
    rc = build_in_tx(&R);
    if (rc != KG_STORE_OK)
        goto done;
    rc = KG_STORE_ERROR;

    if (commit_run(&R.L, d) != 0)
        goto done;
    in_tx = 0;
    rc = KG_STORE_OK;
    s->complete = 1; /* a new store may now go in place (kg_store_finish) */
done:
    finalize_loader(&R.L);
    if (in_tx)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    run_free(&R, c->n);
    return rc;
}

/* ---- kg_store_update: the changed files alone ----
 *
 * After the changed files' rows are in (inside the transaction), the
 * store is the corpus as a full build would hold it; what a full check
 * could find across documents is asked of it here, restricted to what
 * changed. Anything found (or unsure) sends the caller to the full
 * check, which reports it exactly; so this only has to be conservative:
 * never pass what kg_check would refuse. References to actors and events
 * (event_actors, figures.subject, actors.part_of, relations) are foreign
 * keys: a dangling one fails the COMMIT, which is caught the same way. */

/* The type of each touched actor before the merge ("" none, "-" no row). */
static void touched_before(kg_store *s, const kg_strmap *touched, kg_strmap *before, kg_strv *types)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT coalesce(type, '') FROM actors WHERE id = ?1", -1, &q, NULL) !=
        SQLITE_OK) {
        sqlite3_finalize(q);
        return;
    }
    for (size_t i = 0; i < touched->cap; i++) {
        if (!touched->keys[i])
            continue;
        sqlite3_bind_text(q, 1, touched->keys[i], -1, SQLITE_STATIC);
        kg_strv_push(types, sqlite3_step(q) == SQLITE_ROW ? kg__col(q, 0) : "-");
        kg__strmap_put(before, touched->keys[i], (long)types->n - 1);
        sqlite3_reset(q);
    }
    sqlite3_finalize(q);
}

/* 1 when the query (one ?1 text parameter, or none when p is NULL) has a
 * row; -1 on an error. */
static int has_row(kg_store *s, sqlite3_stmt *q, const char *p, const char *p2)
{
    if (p)
        sqlite3_bind_text(q, 1, p, -1, SQLITE_STATIC);
    if (p2)
        sqlite3_bind_text(q, 2, p2, -1, SQLITE_STATIC);
    int r = sqlite3_step(q);
    sqlite3_reset(q);
    (void)s;
    return r == SQLITE_ROW ? 1 : r == SQLITE_DONE ? 0 : -1;
}

/* A part_of cycle among the merged actors: 1, else 0. */
static int any_cycle(kg_store *s)
{
    sqlite3_stmt *q = NULL;
    kg_strmap ix = { 0 };
    kg_strv ids = { NULL, 0, 0 }, parents = { NULL, 0, 0 };
    int found = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT id, part_of FROM actors WHERE part_of IS NOT NULL", -1, &q, NULL) !=
        SQLITE_OK) {
        sqlite3_finalize(q);
        return 1;
    }
    while (sqlite3_step(q) == SQLITE_ROW) {
        kg__strmap_put(&ix, kg__col(q, 0), (long)ids.n);
        kg_strv_push(&ids, kg__col(q, 0));
        kg_strv_push(&parents, kg__col(q, 1));
    }
    sqlite3_finalize(q);
    for (size_t i = 0; i < ids.n && !found; i++) {
        long at = (long)i;
        for (size_t steps = 0; steps <= ids.n; steps++) {
            long next = kg__strmap_get(&ix, parents.v[at], -1);
            if (next < 0 || strcmp(parents.v[at], ids.v[at]) == 0)
                break;
            if (next == (long)i) {
                found = 1;
                break;
            }
            at = next;
        }
    }
    kg__strmap_free(&ix);
    kg_strv_free(&ids);
    kg_strv_free(&parents);
    return found;
}

/* 0 when nothing across documents needs the full check, 1 when something
 * may (or on an error). */
static int quick_check(build_run *R, const kg_strmap *before, const kg_strv *types)
{
    kg_store *s = R->s;
    sqlite3_stmt *conflict = NULL, *now = NULL, *named = NULL;
    int flag = 0;
    /* an actor id with two different types or part_of */
    if (sqlite3_prepare_v2(s->db,
                           "SELECT 1 FROM actor_defs WHERE actor IN (SELECT id FROM temp.kg_touched)"
                           " GROUP BY actor HAVING count(DISTINCT nullif(type, '')) > 1"
                           " OR count(DISTINCT nullif(part_of, '')) > 1 LIMIT 1",
                           -1, &conflict, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, "SELECT coalesce(type, '') FROM actors WHERE id = ?1", -1, &now, NULL) !=
            SQLITE_OK ||
        sqlite3_prepare_v2(s->db,
                           "SELECT 1 FROM actors WHERE name = ?1 COLLATE NOCASE AND name = ?1 AND id <> ?2"
                           " UNION ALL SELECT 1 FROM aliases WHERE alias = ?1 COLLATE NOCASE AND alias = ?1"
                           " AND actor <> ?2 LIMIT 1",
                           -1, &named, NULL) != SQLITE_OK) {
        flag = 1;
        goto done;
    }
    if (has_row(s, conflict, NULL, NULL) != 0 || any_cycle(s)) {
        flag = 1;
        goto done;
    }
    /* an actor gone, or of another type: a `country` (not stored) or a
     * definition's part_of elsewhere may name it */
    for (size_t i = 0; i < before->cap && !flag; i++) {
        if (!before->keys[i])
            continue;
        const char *was = types->v[before->vals[i]];
        sqlite3_bind_text(now, 1, before->keys[i], -1, SQLITE_STATIC);
        int r = sqlite3_step(now);
        if (r != SQLITE_ROW || (strcmp(was, "-") != 0 && strcmp(was, kg__col(now, 0)) != 0))
            flag = 1;
        sqlite3_reset(now);
    }
    /* the changed files' actors: the country they name, the names they
     * give (another actor id with the same name is a warning) */
    for (size_t i = 0; i < R->c->n && !flag; i++) {
        const kg_doc *doc = R->c->docs[i];
        for (size_t k = 0; k < doc->n_actors && !flag; k++) {
            const kg_actor *a = &doc->actors[k];
            if (!a->id)
                continue;
            const kg_node *cn = kg_node_get(a->node, "country");
            if (cn && !kg_node_is_null(cn)) {
                const char *cid = kg_actor_country_key(a);
                sqlite3_bind_text(now, 1, cid ? cid : "", -1, SQLITE_STATIC);
                if (!cid || sqlite3_step(now) != SQLITE_ROW ||
                    (*kg__col(now, 0) && strcmp(kg__col(now, 0), "country") != 0))
                    flag = 1;
                sqlite3_reset(now);
            }
            if (kg__strmap_find(&R->touched, a->id) < 0)
                continue; /* defined as before: its names were checked then */
            if (a->name && has_row(s, named, a->name, a->id) != 0)
                flag = 1;
            for (size_t j = 0; j < a->aliases.n && !flag; j++)
                if (has_row(s, named, a->aliases.v[j], a->id) != 0)
                    flag = 1;
        }
    }
done:
    sqlite3_finalize(conflict);
    sqlite3_finalize(now);
    sqlite3_finalize(named);
    return flag;
}

/* The update inside its transaction: KG_STORE_OK, KG_STORE_FULL or
 * KG_STORE_ERROR. */
static int update_in_tx(build_run *R)
{
    kg_store *s = R->s;
    kg_diag *d = R->d;
    int created = 0;
    if (ensure_schema(s, 0, &created, d) != 0)
        return KG_STORE_ERROR;
    if (created)
        return KG_STORE_FULL;
    int rc = load_run(R);
    if (rc == KG_STORE_ERROR)
        return KG_STORE_FULL; /* e.g. a document id another file has */
    if (rc != KG_STORE_OK)
        return rc;
    kg_strmap before = { 0 };
    kg_strv types = { NULL, 0, 0 };
    size_t joined = 0;
    touched_before(s, &R->touched, &before, &types);
    rc = KG_STORE_ERROR;
    /* an actor defined as before whose first definition's file was
     * loaded again: its row points at the file's new row */
    if (update_search(s, d, R->L.build) == 0 && merge_actors(s, d, &R->touched) == 0 &&
        exec(s, d,
             "UPDATE actors SET defined_in = (SELECT a.doc FROM actor_defs a JOIN documents d ON d.doc = a.doc"
             " WHERE a.actor = actors.id ORDER BY d.kind = 'lexicon' DESC, d.file LIMIT 1)"
             " WHERE id IN (SELECT id FROM temp.kg_redefine);",
             "cannot merge actors") == 0 &&
        update_clusters(s, d, R->L.build, &joined) == 0)
        rc = quick_check(R, &before, &types) ? KG_STORE_FULL : KG_STORE_OK;
    kg__strmap_free(&before);
    kg_strv_free(&types);
    if (rc != KG_STORE_OK)
        return rc;
    put_counts(s, R->stats, joined);
    R->stats->files = count_rows(s, "SELECT count(*) FROM documents");
    R->stats->unchanged = R->stats->files - R->stats->loaded;
    if (write_meta(s, d, &R->L, R->opts, R->stats) != 0)
        return KG_STORE_ERROR;
    return KG_STORE_OK;
}

int kg_store_update(kg_store *s, const kg_corpus *c, const kg_strv *removed, const kg_build_opts *opts,
                    kg_build_stats *stats, kg_diag *d)
{
    kg_build_stats st0;
    kg_diag sd = KG_DIAG_INIT; /* kept only when the answer is not FULL */
    build_run R;
    int rc = KG_STORE_FULL, in_tx = 0;

    if (build_start(s, &opts, &stats, &st0, d) != 0)
        return KG_STORE_ERROR;
    run_init(&R, s, c, opts, stats, &sd);
    R.removed = removed, R.partial = 1;
    if (opts->force_rebuild || kg_check_local(c, &sd) != 0 || hash_files(c, opts->base, R.fi, &sd) != 0 ||
        files_once(&R) != 0)
        goto done;
    if (exec(s, &sd, "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;", "cannot set up") != 0 ||
        exec(s, &sd, "BEGIN IMMEDIATE", "cannot start the build transaction") != 0) {
        rc = KG_STORE_ERROR;
        goto done;
    }
    in_tx = 1;
    rc = update_in_tx(&R);
    if (rc != KG_STORE_OK)
        goto done;
    finalize_loader(&R.L);
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        /* a dangling reference (deferred foreign key): the full check says
         * which; anything else is an error */
        rc = sqlite3_extended_errcode(s->db) == SQLITE_CONSTRAINT_FOREIGNKEY
                 ? KG_STORE_FULL
                 : kg__store_fail(s, &sd, "cannot commit the build");
        goto done;
    }
    in_tx = 0;
    rc = KG_STORE_OK;
    s->complete = 1;
done:
    finalize_loader(&R.L);
    if (in_tx)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    if (rc != KG_STORE_FULL)
        for (size_t i = 0; i < sd.n; i++)
            kg_diag_add(d, sd.v[i].sev, sd.v[i].file, sd.v[i].line, sd.v[i].col, "%s", sd.v[i].msg);
    kg_diag_free(&sd);
    run_free(&R, c->n);
    return rc;
}

/* ---- kg_store_stream: a build fed one document at a time ---- */

struct kg_store_stream {
    build_run R;
    kg_strmap files;          /* the keys added so far (a file given twice) */
    sqlite3_stmt *same;       /* the stored hashes of a document */
    sqlite3_stmt *by_id;      /* the stored file of a document id */
    int in_tx;
};

/* A document the store holds under another file (the file was renamed or
 * moved, or the keys changed with the project's folder) is deleted before
 * doc is loaded in its place: else the store's one row per document id
 * refuses it. Only a stored file not given so far in this build: one
 * given is a second file of the same id, which the checks report. */
static int delete_moved(kg_store_stream *b, const kg_doc *doc)
{
    build_run *R = &b->R;
    if (!doc->id)
        return 0;
    long slot = -1;
    sqlite3_bind_text(b->by_id, 1, doc->id, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(b->by_id) == SQLITE_ROW)
        slot = kg__strmap_get(&R->stored, kg__col(b->by_id, 0), -1);
    sqlite3_reset(b->by_id);
    if (slot < 0 || R->seen[slot] != 0)
        return 0;
    return delete_old(R, slot); /* (counted as removed: its file is no longer given) */
}

int kg_store_stream_begin(kg_store *s, const kg_build_opts *opts, kg_build_stats *stats, kg_diag *d,
                          kg_store_stream **out)
{
    static const kg_build_opts none = { 0 };
    *out = NULL;
    if (s->flags & KG_STORE_READONLY) {
        kg_diag_error(d, s->path, 0, 0, "the store was opened read-only");
        return KG_STORE_ERROR;
    }
    kg_store_stream *b = kg_xcalloc(1, sizeof *b);
    build_run *R = &b->R;
    memset(stats, 0, sizeof *stats);
    R->s = s, R->d = d, R->opts = opts ? opts : &none, R->stats = stats;
    R->L.s = s, R->L.d = d;
    *out = b;
    if (exec(s, d, "PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;", "cannot set up") != 0 ||
        exec(s, d, "BEGIN IMMEDIATE", "cannot start the build transaction") != 0)
        return KG_STORE_ERROR;
    b->in_tx = 1;
    if (ensure_schema(s, R->opts->force_rebuild, &stats->created, d) != 0)
        return KG_STORE_ERROR;
    R->L.build = (sqlite3_int64)count_rows(
                     s, "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'build'), 0)") + 1;
    if (read_stored(R) != 0 || prepare_loader(&R->L) != 0 ||
        !(b->same = kg__store_prepare(s, d, "SELECT file_sha256, coalesce(source_seen_sha256, '')"
                                            " FROM documents WHERE doc = ?1")) ||
        !(b->by_id = kg__store_prepare(s, d, "SELECT file FROM documents WHERE id = ?1")))
        return KG_STORE_ERROR;
    R->seen = kg_xcalloc(R->nstored ? R->nstored : 1, 1);
    return KG_STORE_OK;
}

int kg_store_stream_add(kg_store_stream *b, const kg_corpus *c, const kg_doc *doc)
{
    build_run *R = &b->R;
    file_info fi;
    int rc = KG_STORE_ERROR;
    memset(&fi, 0, sizeof fi);
    if (hash_one(c, doc, R->opts->base, &fi, R->d) != 0)
        goto done;
    R->stats->files++;
    if (!kg__strmap_put(&b->files, fi.file, 1)) {
        kg_diag_error(R->d, fi.file, 0, 0, "the file was given twice");
        rc = KG_STORE_REFUSED;
        goto done;
    }
    long slot = kg__strmap_get(&R->stored, fi.file, -1);
    if (slot >= 0) {
        int same = 0;
        sqlite3_bind_int64(b->same, 1, R->doc_keys[slot]);
        if (sqlite3_step(b->same) == SQLITE_ROW && strcmp(kg__col(b->same, 0), fi.sha) == 0 &&
            strcmp(kg__col(b->same, 1), fi.src_sha) == 0)
            same = 1;
        sqlite3_reset(b->same);
        R->seen[slot] = same ? 1 : 2;
        if (same) {
            R->stats->unchanged++;
            rc = KG_STORE_OK;
            goto done;
        }
        if (delete_old(R, slot) != 0)
            goto done;
    } else if (delete_moved(b, doc) != 0) {
        goto done;
    }
    if (load_doc(&R->L, &fi, &R->touched) != 0)
        goto done;
    R->stats->loaded++;
    rc = KG_STORE_OK;
done:
    free(fi.src_path);
    free(fi.key);
    return rc;
}

int kg_store_stream_end(kg_store_stream *b, int commit)
{
    if (!b)
        return KG_STORE_ERROR;
    build_run *R = &b->R;
    kg_store *s = R->s;
    kg_diag *d = R->d;
    int rc = KG_STORE_ERROR;
    size_t joined = 0;
    sqlite3_finalize(b->same);
    sqlite3_finalize(b->by_id);
    b->same = b->by_id = NULL;
    if (!commit || !b->in_tx)
        goto done;
    /* the files no longer given */
    if (delete_old(R, -1) != 0 || update_search(s, d, R->L.build) != 0 ||
        merge_actors(s, d, &R->touched) != 0 || update_clusters(s, d, 0, &joined) != 0)
        goto done;
    put_counts(s, R->stats, joined);
    if (write_meta(s, d, &R->L, R->opts, R->stats) != 0)
        goto done;
    if (commit_run(&R->L, d) != 0)
        goto done;
    b->in_tx = 0;
    rc = KG_STORE_OK;
    s->complete = 1;
done:
    finalize_loader(&R->L);
    if (b->in_tx)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    free(R->doc_keys);
    free(R->seen);
    kg__strmap_free(&R->stored);
    kg__strmap_free(&R->touched);
    kg__strmap_free(&b->files);
    free(b);
    return rc;
}
