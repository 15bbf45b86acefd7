/* path.c - kg_store_path: the shortest chain of facts between two actors,
 * by breadth-first search over the store. Nodes are actors and event
 * clusters (same-as events are one node); links are agent/target rows,
 * relations between events and part_of between actors. Neighbours are
 * visited in id order, so the chain printed does not depend on the order
 * rows happen to come back in. */
#include <stdlib.h>
#include <string.h>

#include "store-int.h"

typedef struct pnode {
    char kind;        /* 'a' actor, 'e' event cluster */
    char *id;         /* actor id, or the cluster's id */
    long parent;      /* index of the node it was reached from, -1 for the start */
    char *link;       /* how it was reached: "is agent of", "responds to" ... */
    char *from_event; /* the event of the parent cluster the link starts at */
    char *to_event;   /* the event of this cluster the link ends at */
} pnode;

typedef struct search {
    kg_store *s;
    pnode *v;
    size_t n, cap;
    kg_strmap seen;
    sqlite3_stmt *actor_events, *actor_parent, *actor_parts, *event_actors, *rel_out, *rel_in;
} search;

static long add(search *S, char kind, const char *id, long parent, const char *link,
                const char *from_event, const char *to_event)
{
    kg_buf key = KG_BUF_INIT;
    kg_buf_printf(&key, "%c:%s", kind, id);
    int fresh = kg__strmap_put(&S->seen, key.ptr, (long)S->n);
    kg_buf_free(&key);
    if (!fresh)
        return -1;
    KG_VEC_PUSH(S->v, S->n, S->cap);
    pnode *p = &S->v[S->n];
    p->kind = kind;
    p->id = kg_xstrdup(id);
    p->parent = parent;
    p->link = link ? kg_xstrdup(link) : NULL;
    p->from_event = from_event ? kg_xstrdup(from_event) : NULL;
    p->to_event = to_event ? kg_xstrdup(to_event) : NULL;
    return (long)S->n++;
}

static const char *rel_words(const char *type, int forward)
{
    static const char *const words[][3] = {
        { "responds-to", "responds to", "is answered by" },
        { "causes", "causes", "is caused by" },
        { "part-of", "is part of", "includes" },
    };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcmp(type, words[i][0]) == 0)
            return words[i][forward ? 1 : 2];
    return type;
}

/* Adds the neighbours of node i; returns the index of goal if reached. */
static long expand(search *S, size_t i, const char *goal)
{
    char kind = S->v[i].kind;
    char *id = kg_xstrdup(S->v[i].id);
    long hit = -1, at;
    sqlite3_stmt *st;
    kg_buf lab = KG_BUF_INIT;

#define STEP(stmt) for (st = (stmt), sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC); \
                        hit < 0 && sqlite3_step(st) == SQLITE_ROW;)
    if (kind == 'a') {
        STEP(S->actor_events) {
            kg_buf_reset(&lab);
            kg_buf_printf(&lab, "is %s of", kg__col(st, 0));
            add(S, 'e', kg__col(st, 2), (long)i, lab.ptr, NULL, kg__col(st, 1));
        }
        sqlite3_reset(S->actor_events);
        STEP(S->actor_parent) {
            at = add(S, 'a', kg__col(st, 0), (long)i, "is part of", NULL, NULL);
            if (at >= 0 && strcmp(kg__col(st, 0), goal) == 0)
                hit = at;
        }
        sqlite3_reset(S->actor_parent);
        STEP(S->actor_parts) {
            at = add(S, 'a', kg__col(st, 0), (long)i, "includes", NULL, NULL);
            if (at >= 0 && strcmp(kg__col(st, 0), goal) == 0)
                hit = at;
        }
        sqlite3_reset(S->actor_parts);
    } else {
        STEP(S->event_actors) {
            kg_buf_reset(&lab);
            kg_buf_printf(&lab, "has %s", kg__col(st, 0));
            at = add(S, 'a', kg__col(st, 1), (long)i, lab.ptr, kg__col(st, 2), NULL);
            if (at >= 0 && strcmp(kg__col(st, 1), goal) == 0)
                hit = at;
        }
        sqlite3_reset(S->event_actors);
        STEP(S->rel_out) {
            add(S, 'e', kg__col(st, 3), (long)i, rel_words(kg__col(st, 0), 1), kg__col(st, 1),
                kg__col(st, 2));
        }
        sqlite3_reset(S->rel_out);
        /* followed backwards: the link leaves from this cluster's event
         * (the relation's to_event) and ends at the one that points here */
        STEP(S->rel_in) {
            add(S, 'e', kg__col(st, 3), (long)i, rel_words(kg__col(st, 0), 0), kg__col(st, 1),
                kg__col(st, 2));
        }
        sqlite3_reset(S->rel_in);
    }
#undef STEP
    kg_buf_free(&lab);
    free(id);
    return hit;
}

static void print_event(kg_store *s, kg_buf *out, const char *id)
{
    sqlite3_stmt *st = NULL;
    kg_buf_printf(out, "event %s", kg__tstr(id));
    if (sqlite3_prepare_v2(s->db, "SELECT coalesce(date, 'undated'), type, title FROM events WHERE id = ?1",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            kg_buf_printf(out, " [%s, %s] %s", kg__tcol(st, 1), kg__tcol(st, 0), kg__tcol(st, 2));
    }
    sqlite3_finalize(st);
}

static void print_chain(search *S, long goal, kg_buf *out)
{
    size_t len = 0;
    for (long k = goal; k >= 0; k = S->v[k].parent)
        len++;
    long *chain = kg_xcalloc(len, sizeof *chain);
    size_t j = len;
    for (long k = goal; k >= 0; k = S->v[k].parent)
        chain[--j] = k;
    kg_buf_printf(out, "%zu link%s from %s to %s:\n", len - 1, len == 2 ? "" : "s",
                  kg__tstr(S->v[chain[0]].id), kg__tstr(S->v[goal].id));
    kg_buf_puts(out, "  ");
    kg__actor_ref(S->s, out, S->v[chain[0]].id);
    kg_buf_putc(out, '\n');
    const char *shown = NULL; /* the event id printed for the previous node */
    for (size_t k = 1; k < len; k++) {
        pnode *p = &S->v[chain[k]];
        kg_buf_printf(out, "  %zu. %-14s ", k, kg__tstr(p->link));
        /* a link that leaves from another event of the same-as cluster */
        if (p->from_event && shown && strcmp(p->from_event, shown) != 0)
            kg_buf_printf(out, "(through %s, the same event) ", kg__tstr(p->from_event));
        if (p->kind == 'a') {
            kg__actor_ref(S->s, out, p->id);
            shown = NULL;
        } else {
            print_event(S->s, out, p->to_event);
            shown = p->to_event;
        }
        kg_buf_putc(out, '\n');
    }
    free(chain);
}

int kg_store_path(kg_store *s, const char *a, const char *b, kg_buf *out, kg_diag *d)
{
    search S = { s, NULL, 0, 0, { 0 }, NULL, NULL, NULL, NULL, NULL, NULL };
    char *ida = NULL, *idb = NULL;
    kg_buf cands = KG_BUF_INIT;
    int rc = KG_STORE_ERROR;
    const char *names[2] = { a, b };
    char **ids[2] = { &ida, &idb };

    for (int k = 0; k < 2; k++) {
        kg_buf_reset(&cands);
        int n = kg__store_find_actor(s, names[k], ids[k], &cands, d);
        if (n < 0)
            goto done;
        if (n == 0) {
            kg_diag_error(d, NULL, 0, 0, "path: no actor has the id, name or alias '%s'", names[k]);
            rc = KG_STORE_REFUSED;
            goto done;
        }
        if (n > 1) {
            kg_buf_printf(out, "'%s' names %d actors:\n", kg__tstr(names[k]), n);
            for (const char *p = cands.ptr; *p;) {
                const char *nl = strchr(p, '\n');
                kg_buf_printf(out, "  %.*s\n", (int)(nl - p), p);
                p = nl + 1;
            }
            kg_diag_error(d, NULL, 0, 0, "path: '%s' is ambiguous; give one of the ids above", names[k]);
            rc = KG_STORE_REFUSED;
            goto done;
        }
    }
    if (!(S.actor_events = kg__store_prepare(
              s, d, "SELECT ea.role, e.id, e.cluster FROM event_actors ea JOIN events e ON e.id = ea.event"
                    " WHERE ea.actor = ?1 ORDER BY e.cluster, e.id, ea.role")) ||
        !(S.actor_parent = kg__store_prepare(
              s, d, "SELECT part_of FROM actors WHERE id = ?1 AND part_of IS NOT NULL")) ||
        !(S.actor_parts = kg__store_prepare(s, d, "SELECT id FROM actors WHERE part_of = ?1 ORDER BY id")) ||
        !(S.event_actors = kg__store_prepare(
              s, d, "SELECT ea.role, ea.actor, e.id FROM events e JOIN event_actors ea ON ea.event = e.id"
                    " WHERE e.cluster = ?1 ORDER BY ea.actor, e.id, ea.role")) ||
        !(S.rel_out = kg__store_prepare(
              s, d, "SELECT r.type, r.from_event, r.to_event, t.cluster FROM events e"
                    " JOIN relations r ON r.from_event = e.id JOIN events t ON t.id = r.to_event"
                    " WHERE e.cluster = ?1 AND r.type <> 'same-as' ORDER BY t.cluster, r.pk")) ||
        !(S.rel_in = kg__store_prepare(
              s, d, "SELECT r.type, r.to_event, r.from_event, f.cluster FROM events e"
                    " JOIN relations r ON r.to_event = e.id JOIN events f ON f.id = r.from_event"
                    " WHERE e.cluster = ?1 AND r.type <> 'same-as' ORDER BY f.cluster, r.pk")))
        goto done;

    add(&S, 'a', ida, -1, NULL, NULL, NULL);
    long goal = strcmp(ida, idb) == 0 ? 0 : -1;
    for (size_t i = 0; i < S.n && goal < 0; i++)
        goal = expand(&S, i, idb);
    if (goal < 0) {
        kg_diag_error(d, NULL, 0, 0, "path: no chain of facts links %s and %s", ida, idb);
        rc = KG_STORE_REFUSED;
        goto done;
    }
    print_chain(&S, goal, out);
    rc = KG_STORE_OK;
done:
    for (size_t i = 0; i < S.n; i++) {
        free(S.v[i].id);
        free(S.v[i].link);
        free(S.v[i].from_event);
        free(S.v[i].to_event);
    }
    free(S.v);
    kg__strmap_free(&S.seen);
    sqlite3_finalize(S.actor_events);
    sqlite3_finalize(S.actor_parent);
    sqlite3_finalize(S.actor_parts);
    sqlite3_finalize(S.event_actors);
    sqlite3_finalize(S.rel_out);
    sqlite3_finalize(S.rel_in);
    kg_buf_free(&cands);
    free(ida);
    free(idb);
    kg__tcol_free();
    return rc;
}
