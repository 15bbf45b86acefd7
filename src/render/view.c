/* view.c - what a picture shows: the facts the options select, with
 * same-as events merged into one, actors pulled in through part_of, and
 * the edges between them, in a deterministic order.
 *
 * Graph, timeline and report all draw from a kg_view, so they agree on
 * what an event is (a merged group of records) and on every id. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kg/quote.h"
#include "util/hmap.h"
#include "facts/resolve.h"
#include "render/render_int.h"

struct build {
    const kg_corpus *c;
    const kg_render_opts *o;
    kg_diag *d;
    kg_events ev;                 /* the events and their same-as groups */
    size_t *group;                /* per event: index of its group's node */
    long lo, hi;                  /* --from, --to as day numbers */
    int ranged;                   /* --from or --to given */
    const kg_actors *actors;      /* the merged actors (facts/resolve.h) */
    kg_hmap node_by_id;           /* view node id → index+1 */
    kg_hmap edge_ids;             /* edge ids seen */
};

#define NONE ((size_t)-1)

static const kg_merged_actor *actor_info(const struct build *b, const char *id)
{
    return kg_actors_find(b->actors, id);
}

static int is_country(const kg_merged_actor *ai)
{
    return ai && ai->type && strcmp(ai->type, "country") == 0;
}

/* The top of an actor's part_of chain among the defined actors (a cycle
 * or a chain longer than 64 stops there); NULL if id is not defined. */
static const kg_merged_actor *chain_top(const struct build *b, const char *id)
{
    const kg_merged_actor *ai = actor_info(b, id);
    for (int i = 0; ai && ai->part_of && i < 64; i++) {
        const kg_merged_actor *up = actor_info(b, ai->part_of);
        if (!up)
            break;
        ai = up;
    }
    return ai;
}

/* The country an actor belongs to (see kg_vnode.country): the top of its
 * part_of chain if that is a country; else the first `country` key met
 * going up the chain from the actor itself that names a country (or an
 * actor whose part_of chain leads up to one); else NULL. */
static const kg_merged_actor *country_of(const struct build *b, const char *id)
{
    const kg_merged_actor *top = chain_top(b, id);
    if (is_country(top))
        return top;
    const kg_merged_actor *ai = actor_info(b, id);
    for (int i = 0; ai && i < 64; i++) {
        if (ai->country) {
            const kg_merged_actor *cn = chain_top(b, ai->country);
            if (is_country(cn))
                return cn;
        }
        ai = ai->part_of ? actor_info(b, ai->part_of) : NULL;
    }
    return NULL;
}

/* The actor a --focus names: an id, else a name or alias (ASCII case
 * folded). */
static const char *resolve_focus(const struct build *b, const char *focus)
{
    if (actor_info(b, focus))
        return focus;
    for (size_t i = 0; i < b->actors->n; i++) {
        const kg_merged_actor *ai = &b->actors->v[i];
        if (ai->name && strcasecmp(ai->name, focus) == 0)
            return ai->id;
    }
    for (size_t i = 0; i < b->actors->n_defs; i++) {
        const kg_actor *a = b->actors->defs[i].a;
        if (a->name && strcasecmp(a->name, focus) == 0)
            return a->id;
        for (size_t j = 0; j < a->aliases.n; j++)
            if (strcasecmp(a->aliases.v[j], focus) == 0)
                return a->id;
    }
    return NULL;
}

static int parse_bound(struct build *b, const char *opt, const char *text, long *first,
                       long *last)
{
    kg_edtf e;
    const char *err = NULL;
    if (kg_edtf_parse(text, &e, &err) != 0) {
        kg_diag_error(b->d, NULL, 0, 0, "%s: '%s' is not a date (%s)", opt, text,
                      err ? err : "expected YYYY, YYYY-MM or YYYY-MM-DD");
        return -1;
    }
    kg_edtf_bounds(&e, first, last);
    return 0;
}

static int type_wanted(const kg_render_opts *o, const char *type)
{
    if (!o->types || o->n_types == 0)
        return 1;
    for (size_t i = 0; i < o->n_types; i++)
        if (type && strcmp(o->types[i], type) == 0)
            return 1;
    return 0;
}

static size_t add_node(kg_view *v, struct build *b, kg_vkind kind, char *id)
{
    KG_VEC_PUSH(v->nodes, v->n_nodes, v->cap_nodes);
    kg_vnode *n = &v->nodes[v->n_nodes];
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->id = id;
    n->doc_ix = NONE;
    kg_hmap_put(&b->node_by_id, id, (void *)(v->n_nodes + 1));
    return v->n_nodes++;
}

static size_t node_ix(const struct build *b, const char *id)
{
    size_t ix = (size_t)kg_hmap_get(&b->node_by_id, id);
    return ix ? ix - 1 : NONE;
}

static void add_edge(kg_view *v, struct build *b, kg_ekind kind, const char *rel, size_t from,
                     size_t to, const char *rel_id)
{
    if (from == NONE || to == NONE || from == to)
        return;
    kg_buf id = KG_BUF_INIT;
    if (rel_id)
        kg_buf_puts(&id, rel_id);
    else
        kg_buf_printf(&id, "%s.%s.%s", v->nodes[from].id,
                      kind == KG_E_RELATION ? rel : kind == KG_E_AGENT ? "agent"
                      : kind == KG_E_TARGET ? "target" : kind == KG_E_SUBJECT ? "subject"
                      : "part_of",
                      v->nodes[to].id);
    /* agent edges run actor → event but are named after the event */
    if (!rel_id && kind == KG_E_AGENT) {
        kg_buf_reset(&id);
        kg_buf_printf(&id, "%s.agent.%s", v->nodes[to].id, v->nodes[from].id);
    }
    if (kg_hmap_get(&b->edge_ids, id.ptr)) {
        kg_buf_free(&id);
        return;
    }
    KG_VEC_PUSH(v->edges, v->n_edges, v->cap_edges);
    kg_vedge *e = &v->edges[v->n_edges++];
    e->kind = kind;
    e->rel = rel;
    e->from = from;
    e->to = to;
    e->id = kg_buf_detach(&id, NULL);
    e->weight = 0;
    kg_hmap_put(&b->edge_ids, e->id, (void *)1);
}

/* qsort comparators over node indices need the nodes; a file-local
 * pointer is simplest (the build is single-threaded). */
static const kg_vnode *sort_nodes;

static int cmp_actor(const void *a, const void *b)
{
    return strcmp(sort_nodes[*(const size_t *)a].id, sort_nodes[*(const size_t *)b].id);
}

static int cmp_event(const void *pa, const void *pb)
{
    const kg_vnode *a = &sort_nodes[*(const size_t *)pa], *b = &sort_nodes[*(const size_t *)pb];
    if (!!a->date != !!b->date)
        return a->date ? -1 : 1;
    if (a->date) {
        if (a->first != b->first)
            return a->first < b->first ? -1 : 1;
        if (a->last != b->last)
            return a->last < b->last ? -1 : 1;
    }
    return strcmp(a->id, b->id);
}

/* Puts nodes in their documented order: actors by id, events by date,
 * figures by id. */
static void order_nodes(kg_view *v, struct build *b)
{
    size_t n = v->n_nodes;
    size_t *ix = kg_xmalloc((n ? n : 1) * sizeof *ix);
    size_t k = 0;
    sort_nodes = v->nodes;
    for (int pass = 0; pass < 3; pass++) {
        size_t start = k;
        for (size_t i = 0; i < n; i++)
            if ((int)v->nodes[i].kind == pass)
                ix[k++] = i;
        qsort(ix + start, k - start, sizeof *ix, pass == KG_V_EVENT ? cmp_event : cmp_actor);
    }
    kg_vnode *sorted = kg_xmalloc((n ? n : 1) * sizeof *sorted);
    for (size_t i = 0; i < n; i++)
        sorted[i] = v->nodes[ix[i]];
    free(v->nodes);
    v->nodes = sorted;
    v->cap_nodes = n;
    free(ix);
    kg_hmap_free(&b->node_by_id);
    for (size_t i = 0; i < n; i++)
        kg_hmap_put(&b->node_by_id, v->nodes[i].id, (void *)(i + 1));
}

static void free_node(kg_vnode *n)
{
    free(n->id);
    free(n->recs);
    kg_strv_free(&n->agents);
    kg_strv_free(&n->targets);
}

/* Keeps the nodes within depth hops of node `start` and the edges
 * between them. */
static void keep_neighbourhood(kg_view *v, size_t start, int depth)
{
    size_t n = v->n_nodes;
    int *dist = kg_xmalloc((n ? n : 1) * sizeof *dist);
    for (size_t i = 0; i < n; i++)
        dist[i] = -1;
    dist[start] = 0;
    for (int level = 0; level < depth; level++) {
        int grew = 0;
        for (size_t i = 0; i < v->n_edges; i++) {
            size_t a = v->edges[i].from, z = v->edges[i].to;
            if (dist[a] == level && dist[z] < 0)
                dist[z] = level + 1, grew = 1;
            if (dist[z] == level && dist[a] < 0)
                dist[a] = level + 1, grew = 1;
        }
        if (!grew)
            break;
    }
    size_t *map = kg_xmalloc((n ? n : 1) * sizeof *map);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (dist[i] >= 0) {
            map[i] = k;
            v->nodes[k++] = v->nodes[i];
        } else {
            map[i] = NONE;
            free_node(&v->nodes[i]);
        }
    }
    v->n_nodes = k;
    size_t m = 0;
    for (size_t i = 0; i < v->n_edges; i++) {
        kg_vedge e = v->edges[i];
        if (map[e.from] == NONE || map[e.to] == NONE) {
            free(e.id);
            continue;
        }
        e.from = map[e.from];
        e.to = map[e.to];
        v->edges[m++] = e;
    }
    v->n_edges = m;
    free(map);
    free(dist);
}

static void add_actor_closure(kg_view *v, struct build *b, const char *id)
{
    /* the actor and its part_of ancestors (a cycle stops at a node seen) */
    for (int steps = 0; id && steps < 64; steps++) {
        if (node_ix(b, id) != NONE)
            return;
        const kg_merged_actor *ai = actor_info(b, id);
        size_t ix = add_node(v, b, KG_V_ACTOR, kg_xstrdup(id));
        kg_vnode *n = &v->nodes[ix];
        n->name = ai && ai->name ? ai->name : NULL;
        n->type = ai && ai->type ? ai->type : NULL;
        n->part_of = ai ? ai->part_of : NULL;
        const kg_merged_actor *cn = country_of(b, id);
        if (cn) {
            n->country = cn->id;
            n->country_name = cn->name ? cn->name : cn->id;
        }
        id = n->part_of;
    }
}

/* The options that need checking: --from, --to (into b->lo, b->hi),
 * --doc and --type. KG_RENDER_OK or KG_RENDER_EOPTION (error in b->d). */
static int check_options(struct build *b)
{
    const kg_render_opts *o = b->o;
    b->lo = LONG_MIN, b->hi = LONG_MAX;
    if (o->from) {
        long first, last;
        if (parse_bound(b, "--from", o->from, &first, &last) != 0)
            return KG_RENDER_EOPTION;
        b->lo = first, b->ranged = 1;
    }
    if (o->to) {
        long first, last;
        if (parse_bound(b, "--to", o->to, &first, &last) != 0)
            return KG_RENDER_EOPTION;
        b->hi = last, b->ranged = 1;
    }
    if (o->doc && !kg_corpus_find_doc(b->c, o->doc)) {
        kg_diag_error(b->d, NULL, 0, 0, "--doc: no document '%s' is loaded", o->doc);
        return KG_RENDER_EOPTION;
    }
    for (size_t i = 0; o->types && i < o->n_types; i++) {
        if (!kg_in_list(kg_event_types, o->types[i])) {
            kg_diag_error(b->d, NULL, 0, 0, "--type: '%s' is not an event type", o->types[i]);
            return KG_RENDER_EOPTION;
        }
    }
    return KG_RENDER_OK;
}

/* One event node per same-as group, led by its first record. */
static void add_event_groups(kg_view *v, struct build *b)
{
    kg_events_build(&b->ev, b->c);
    b->group = kg_xcalloc(b->ev.n ? b->ev.n : 1, sizeof *b->group);
    for (size_t i = 0; i < b->ev.n; i++) {
        size_t root = kg_events_group(&b->ev, i);
        const kg_evrec *r = &b->ev.v[i];
        if (root == i)
            b->group[i] = add_node(v, b, KG_V_EVENT, kg_xstrdup(r->fid));
        kg_vnode *n = &v->nodes[b->group[root]];
        n->recs = kg_xrealloc(n->recs, (n->n_recs + 1) * sizeof *n->recs);
        n->recs[n->n_recs].doc = r->doc;
        n->recs[n->n_recs].ev = r->ev;
        n->recs[n->n_recs].doc_ix = r->doc_ix;
        n->n_recs++;
        b->group[i] = b->group[root];
    }
}

/* Fills an event node from its records (document, first valid date,
 * agents and targets); 1 if the options keep it. */
static int merge_event(kg_vnode *n, const struct build *b)
{
    const kg_render_opts *o = b->o;
    const kg_event *lead = n->recs[0].ev;
    int in_doc = !o->doc;
    n->doc = n->recs[0].doc;
    n->doc_ix = n->recs[0].doc_ix;
    for (size_t r = 0; r < n->n_recs; r++) {
        const kg_event *ev = n->recs[r].ev;
        if (o->doc && strcmp(n->recs[r].doc->id, o->doc) == 0)
            in_doc = 1;
        if (!n->date && ev->date.text && ev->date.valid)
            n->date = &ev->date;
        for (size_t j = 0; j < ev->agent.n; j++)
            if (!kg_strv_has(&n->agents, ev->agent.v[j]))
                kg_strv_push(&n->agents, ev->agent.v[j]);
        for (size_t j = 0; j < ev->target.n; j++)
            if (!kg_strv_has(&n->targets, ev->target.v[j]))
                kg_strv_push(&n->targets, ev->target.v[j]);
    }
    if (n->date)
        kg_edtf_bounds(&n->date->edtf, &n->first, &n->last);
    return in_doc && type_wanted(o, lead->type) &&
           (!b->ranged || (n->date && n->first <= b->hi && n->last >= b->lo));
}

/* Decides which event groups stay and drops the others (the id map is
 * rebuilt by order_nodes). */
static void keep_events(kg_view *v, struct build *b)
{
    size_t n_events = v->n_nodes;
    char *keep = kg_xcalloc(n_events ? n_events : 1, 1);
    for (size_t g = 0; g < n_events; g++)
        keep[g] = (char)merge_event(&v->nodes[g], b);
    size_t k = 0;
    for (size_t g = 0; g < n_events; g++) {
        if (keep[g])
            v->nodes[k++] = v->nodes[g];
        else
            free_node(&v->nodes[g]);
    }
    v->n_nodes = k;
    kg_hmap_free(&b->node_by_id);
    for (size_t i = 0; i < k; i++)
        kg_hmap_put(&b->node_by_id, v->nodes[i].id, (void *)(i + 1));
    free(keep);
}

/* The figures the options keep (none when --type is given). */
static void add_figures(kg_view *v, struct build *b)
{
    const kg_render_opts *o = b->o;
    if (o->types && o->n_types > 0)
        return;
    for (size_t i = 0; i < b->c->n; i++) {
        const kg_doc *doc = b->c->docs[i];
        if (doc->is_lexicon || !doc->id || (o->doc && strcmp(doc->id, o->doc) != 0))
            continue;
        for (size_t k = 0; k < doc->n_figures; k++) {
            const kg_figure *f = &doc->figures[k];
            if (!f->id)
                continue;
            if (b->ranged) {
                long first, last;
                if (!f->date.text || !f->date.valid)
                    continue;
                kg_edtf_bounds(&f->date.edtf, &first, &last);
                if (first > b->hi || last < b->lo)
                    continue;
            }
            char *fid = kg_fact_id(doc, f->id);
            if (node_ix(b, fid) != NONE) {
                free(fid);
                continue;
            }
            size_t ix = add_node(v, b, KG_V_FIGURE, fid);
            v->nodes[ix].fig = f;
            v->nodes[ix].doc = doc;
            v->nodes[ix].doc_ix = i;
        }
    }
}

/* The actors the events and figures involve, with their part_of chains;
 * then each event's country: that of its first agent that has one (kept
 * on the event, since --focus may drop the agent's node). */
static void add_actors(kg_view *v, struct build *b)
{
    size_t n = v->n_nodes;
    for (size_t i = 0; i < n; i++) {
        /* add_node may move v->nodes: copy what is needed first */
        kg_vkind kind = v->nodes[i].kind;
        if (kind == KG_V_EVENT) {
            for (size_t j = 0; j < v->nodes[i].agents.n; j++)
                add_actor_closure(v, b, v->nodes[i].agents.v[j]);
            for (size_t j = 0; j < v->nodes[i].targets.n; j++)
                add_actor_closure(v, b, v->nodes[i].targets.v[j]);
        } else if (kind == KG_V_FIGURE && v->nodes[i].fig->subject) {
            add_actor_closure(v, b, v->nodes[i].fig->subject);
        }
    }
    for (size_t i = 0; i < v->n_nodes; i++) {
        kg_vnode *nd = &v->nodes[i];
        for (size_t j = 0; nd->kind == KG_V_EVENT && !nd->country && j < nd->agents.n; j++) {
            const kg_merged_actor *cn = country_of(b, nd->agents.v[j]);
            if (cn) {
                nd->country = cn->id;
                nd->country_name = cn->name ? cn->name : cn->id;
            }
        }
    }
}

/* The edges: part_of, then each event's agents and targets, figures'
 * subjects, then the relations in document order. */
static void add_edges(kg_view *v, struct build *b)
{
    for (size_t i = 0; i < v->n_nodes; i++) {
        kg_vnode *n = &v->nodes[i];
        if (n->kind == KG_V_ACTOR && n->part_of)
            add_edge(v, b, KG_E_PART_OF, NULL, i, node_ix(b, n->part_of), NULL);
    }
    for (size_t i = 0; i < v->n_nodes; i++) {
        kg_vnode *n = &v->nodes[i];
        if (n->kind == KG_V_EVENT) {
            for (size_t j = 0; j < n->agents.n; j++)
                add_edge(v, b, KG_E_AGENT, NULL, node_ix(b, n->agents.v[j]), i, NULL);
            for (size_t j = 0; j < n->targets.n; j++)
                add_edge(v, b, KG_E_TARGET, NULL, i, node_ix(b, n->targets.v[j]), NULL);
        } else if (n->kind == KG_V_FIGURE && n->fig->subject) {
            add_edge(v, b, KG_E_SUBJECT, NULL, i, node_ix(b, n->fig->subject), NULL);
        }
    }
    for (size_t i = 0; i < b->c->n; i++) {
        const kg_doc *doc = b->c->docs[i];
        for (size_t k = 0; k < doc->n_relations; k++) {
            const kg_relation *rl = &doc->relations[k];
            if (!rl->type || strcmp(rl->type, "same-as") == 0)
                continue;
            size_t x = kg_events_ref(&b->ev, doc, rl->from), y = kg_events_ref(&b->ev, doc, rl->to);
            if (x == KG_NO_EVENT || y == KG_NO_EVENT)
                continue;
            size_t gx = node_ix(b, b->ev.v[kg_events_group(&b->ev, x)].fid);
            size_t gy = node_ix(b, b->ev.v[kg_events_group(&b->ev, y)].fid);
            char *rid = rl->id ? kg_fact_id(doc, rl->id) : NULL;
            add_edge(v, b, KG_E_RELATION, rl->type, gx, gy, rid);
            free(rid);
        }
    }
}

int kg_view_build(kg_view *v, const kg_corpus *c, const kg_render_opts *o, kg_diag *d)
{
    struct build b;
    int rc;

    memset(v, 0, sizeof *v);
    memset(&b, 0, sizeof b);
    v->c = c;
    v->no_source = o->no_source;
    b.c = c;
    b.o = o;
    b.d = d;

    rc = check_options(&b);
    if (rc != KG_RENDER_OK)
        goto done;
    kg_actors_build(&v->actors, c);
    b.actors = &v->actors;
    v->n_docs = c->n;
    v->src = kg_xcalloc(c->n ? c->n : 1, sizeof *v->src);
    v->src_len = kg_xcalloc(c->n ? c->n : 1, sizeof *v->src_len);
    v->src_tried = kg_xcalloc(c->n ? c->n : 1, sizeof *v->src_tried);

    add_event_groups(v, &b);
    keep_events(v, &b);
    add_figures(v, &b);
    add_actors(v, &b);
    const char *focus_id = NULL;
    if (o->focus) {
        focus_id = resolve_focus(&b, o->focus);
        if (!focus_id) {
            kg_diag_error(d, NULL, 0, 0, "--focus: no actor is called '%s'", o->focus);
            rc = KG_RENDER_EOPTION;
            goto done;
        }
        add_actor_closure(v, &b, focus_id);
    }
    order_nodes(v, &b);
    add_edges(v, &b);
    if (focus_id) {
        int depth = o->depth > 0 ? o->depth : 2;
        keep_neighbourhood(v, node_ix(&b, focus_id), depth);
    }

done:
    /* the actor nodes by id, for the names of every tooltip and table */
    for (size_t i = 0; i < v->n_nodes; i++)
        if (v->nodes[i].kind == KG_V_ACTOR)
            kg_hmap_put(&v->actor_ix, v->nodes[i].id, (void *)(i + 1));
    kg_events_free(&b.ev);
    free(b.group);
    kg_hmap_free(&b.node_by_id);
    kg_hmap_free(&b.edge_ids);
    return rc;
}

void kg_view_free(kg_view *v)
{
    if (!v)
        return;
    for (size_t i = 0; i < v->n_nodes; i++)
        free_node(&v->nodes[i]);
    free(v->nodes);
    for (size_t i = 0; i < v->n_edges; i++)
        free(v->edges[i].id);
    free(v->edges);
    for (size_t i = 0; v->src && i < v->n_docs; i++)
        free(v->src[i]);
    free(v->src);
    free(v->src_len);
    free(v->src_tried);
    kg_actors_free(&v->actors);
    kg_hmap_free(&v->actor_ix);
    memset(v, 0, sizeof *v);
}

/* ---- descriptions ---- */

void kg_view_sentence(kg_view *v, size_t doc_ix, const kg_span *span, const char *stored,
                      kg_buf *out)
{
    if (v->no_source || !span || !span->set || doc_ix >= v->n_docs)
        return;
    size_t s, e;
    const char *t;
    if (stored) {
        /* the store's: kg build cut it from the same text (the store is
         * up to date) by the same rule, for a span inside the text */
        if (span->start < 0 || span->end <= span->start)
            return;
        t = stored, s = 0, e = strlen(stored);
    } else {
        const kg_doc *doc = v->c->docs[doc_ix];
        if (!v->src_tried[doc_ix]) {
            v->src_tried[doc_ix] = 1;
            char *spath = kg_source_path(v->c, doc);
            if (spath)
                v->src[doc_ix] = kg_read_file(spath, &v->src_len[doc_ix], 64u << 20);
            free(spath);
        }
        t = v->src[doc_ix];
        size_t len = v->src_len[doc_ix];
        if (!t || span->start < 0 || span->end <= span->start || (size_t)span->start >= len)
            return;
        size_t end = (size_t)span->end;
        kg_span_sentence(t, len, (size_t)span->start, end > len ? len : end, &s, &e);
    }
    /* keep tooltips short: at most ~400 bytes, cut on a character */
    int cut = 0;
    if (e - s > 400) {
        e = s + 400;
        while (e > s && ((unsigned char)t[e] & 0xC0) == 0x80)
            e--;
        cut = 1;
    }
    /* not on a character boundary (stale offsets): skip to the next */
    while (s < e && ((unsigned char)t[s] & 0xC0) == 0x80)
        s++;
    kg_utf8_clean(out, t + s, e - s);
    if (cut)
        kg_buf_puts(out, "\xE2\x80\xA6");
}

const char *kg_view_actor_name(const kg_view *v, const char *id)
{
    size_t ix = (size_t)kg_hmap_get(&v->actor_ix, id);
    if (ix)
        return v->nodes[ix - 1].name ? v->nodes[ix - 1].name : id;
    const kg_merged_actor *a = kg_actors_find(&v->actors, id);
    return a && a->name ? a->name : id;
}

static void put_names(const kg_view *v, kg_buf *out, const kg_strv *ids)
{
    for (size_t i = 0; i < ids->n; i++) {
        if (i)
            kg_buf_puts(out, ", ");
        kg_buf_puts(out, kg_view_actor_name(v, ids->v[i]));
    }
}

static void put_source(kg_buf *out, const kg_doc *doc)
{
    kg_buf_puts(out, "\n출처: ");
    kg_buf_puts(out, doc->title ? doc->title : doc->id ? doc->id : "?");
    if (doc->publisher || doc->published.text) {
        kg_buf_puts(out, " (");
        if (doc->publisher)
            kg_buf_puts(out, doc->publisher);
        if (doc->publisher && doc->published.text)
            kg_buf_puts(out, ", ");
        if (doc->published.text)
            kg_buf_puts(out, doc->published.text);
        kg_buf_puts(out, ")");
    }
}

void kg_view_describe(kg_view *v, const kg_vnode *n, kg_buf *out)
{
    switch (n->kind) {
    case KG_V_ACTOR:
        kg_buf_puts(out, n->name ? n->name : n->id);
        kg_buf_printf(out, " (%s)\nid: %s", n->type ? n->type : "actor", n->id);
        if (n->part_of) {
            kg_buf_puts(out, "\n소속: ");
            kg_buf_puts(out, kg_view_actor_name(v, n->part_of));
        }
        if (n->n_events)
            kg_buf_printf(out, "\n사건: %zu건 (events)", n->n_events);
        break;
    case KG_V_EVENT: {
        const kg_event *ev = n->recs[0].ev;
        kg_buf_puts(out, ev->title && *ev->title ? ev->title : n->id);
        kg_buf_puts(out, "\n날짜: ");
        kg_date_text(out, n->date);
        if (ev->when) {
            kg_buf_puts(out, " (");
            kg_buf_puts(out, ev->when);
            kg_buf_puts(out, ")");
        }
        kg_buf_printf(out, "\n유형: %s", ev->type ? ev->type : "other");
        if (n->agents.n) {
            kg_buf_puts(out, "\n주체: ");
            put_names(v, out, &n->agents);
        }
        if (n->targets.n) {
            kg_buf_puts(out, "\n대상: ");
            put_names(v, out, &n->targets);
        }
        put_source(out, n->recs[0].doc);
        kg_buf_printf(out, "\nid: %s", n->id);
        for (size_t r = 1; r < n->n_recs; r++)
            kg_buf_printf(out, "\n같은 사건: %s/%s", n->recs[r].doc->id, n->recs[r].ev->id);
        kg_buf sent = KG_BUF_INIT;
        kg_view_sentence(v, n->recs[0].doc_ix, &ev->span, ev->sentence, &sent);
        if (sent.len) {
            kg_buf_puts(out, "\n\n“");
            kg_buf_add(out, sent.ptr, sent.len);
            kg_buf_puts(out, "”");
        }
        kg_buf_free(&sent);
        break;
    }
    case KG_V_FIGURE: {
        const kg_figure *f = n->fig;
        kg_buf_puts(out, f->measure && *f->measure ? f->measure : n->id);
        kg_buf_puts(out, ": ");
        kg_figure_value(out, f);
        if (f->subject) {
            kg_buf_puts(out, "\n대상: ");
            kg_buf_puts(out, kg_view_actor_name(v, f->subject));
        }
        if (f->date.text) {
            kg_buf_puts(out, "\n날짜: ");
            kg_date_text(out, &f->date);
        }
        put_source(out, n->doc);
        kg_buf_printf(out, "\nid: %s", n->id);
        kg_buf sent = KG_BUF_INIT;
        kg_view_sentence(v, n->doc_ix, &f->span, f->sentence, &sent);
        if (sent.len) {
            kg_buf_puts(out, "\n\n“");
            kg_buf_add(out, sent.ptr, sent.len);
            kg_buf_puts(out, "”");
        }
        kg_buf_free(&sent);
        break;
    }
    }
}

const char *kg_view_url(const kg_vnode *n)
{
    if (n->kind == KG_V_FIGURE)
        return n->doc && n->doc->url && kg_url_ok(n->doc->url) ? n->doc->url : NULL;
    for (size_t r = 0; r < n->n_recs; r++) {
        const kg_doc *doc = n->recs[r].doc;
        if (doc->url && kg_url_ok(doc->url))
            return doc->url;
    }
    return NULL;
}

const char *kg_edge_kind_name(const kg_vedge *e)
{
    switch (e->kind) {
    case KG_E_AGENT: return "agent";
    case KG_E_TARGET: return "target";
    case KG_E_SUBJECT: return "subject";
    case KG_E_PART_OF: return "part_of";
    case KG_E_RELATION: return e->rel ? e->rel : "relation";
    case KG_E_ACTS_ON: return "acts-on";
    case KG_E_CO_AGENT: return "co-agent";
    }
    return "edge";
}

/* Adds weight to the actor-graph edge kind from -> to (new: weight 1). */
static void actor_edge(kg_view *v, kg_hmap *ix, kg_ekind kind, size_t from, size_t to)
{
    kg_buf id = KG_BUF_INIT;
    kg_buf_printf(&id, "%s.%s.%s", v->nodes[from].id, kind == KG_E_ACTS_ON ? "acts-on" : "co-agent",
                  v->nodes[to].id);
    size_t k = (size_t)kg_hmap_get(ix, id.ptr);
    if (k) {
        v->edges[k - 1].weight++;
        kg_buf_free(&id);
        return;
    }
    KG_VEC_PUSH(v->edges, v->n_edges, v->cap_edges);
    kg_vedge *e = &v->edges[v->n_edges++];
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->from = from;
    e->to = to;
    e->weight = 1;
    e->id = kg_buf_detach(&id, NULL);
    kg_hmap_put(ix, e->id, (void *)v->n_edges);
}

static int cmp_actor_edge(const void *a, const void *b)
{
    const kg_vedge *x = a, *y = b;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return x->to < y->to ? -1 : x->to > y->to;
}

/* The node index of actor id, or (size_t)-1. */
static size_t actor_at(const kg_view *v, const char *id)
{
    size_t k = (size_t)kg_hmap_get(&v->actor_ix, id);
    return k && v->nodes[k - 1].kind == KG_V_ACTOR ? k - 1 : (size_t)-1;
}

/* heaviest first, then in the order of cmp_actor_edge */
static int cmp_edge_weight(const void *a, const void *b)
{
    const kg_vedge *x = a, *y = b;
    if (x->weight != y->weight)
        return x->weight > y->weight ? -1 : 1;
    return cmp_actor_edge(a, b);
}

void kg_view_actor_events(const kg_view *v, size_t *counts)
{
    memset(counts, 0, (v->n_nodes ? v->n_nodes : 1) * sizeof *counts);
    for (size_t i = 0; i < v->n_nodes; i++) {
        const kg_vnode *n = &v->nodes[i];
        if (n->kind != KG_V_EVENT)
            continue;
        for (size_t k = 0; k < n->agents.n + n->targets.n; k++) {
            const char *id = k < n->agents.n ? n->agents.v[k] : n->targets.v[k - n->agents.n];
            /* each actor once per event, also when it is agent and target */
            int seen = 0;
            for (size_t j = 0; j < k && !seen; j++)
                seen = !strcmp(id, j < n->agents.n ? n->agents.v[j] : n->targets.v[j - n->agents.n]);
            size_t x = actor_at(v, id);
            if (!seen && x != (size_t)-1)
                counts[x]++;
        }
    }
}

size_t kg_view_actor_graph(kg_view *v, size_t max_edges, size_t *dropped, size_t *dropped_max)
{
    *dropped = *dropped_max = 0;
    size_t n_events = 0;
    for (size_t i = 0; i < v->n_edges; i++)
        free(v->edges[i].id);
    v->n_edges = 0;
    kg_hmap ix = KG_HMAP_INIT;
    for (size_t i = 0; i < v->n_nodes; i++) {
        const kg_vnode *n = &v->nodes[i];
        if (n->kind != KG_V_EVENT)
            continue;
        n_events++;
        for (size_t a = 0; a < n->agents.n; a++) {
            size_t x = actor_at(v, n->agents.v[a]);
            if (x == (size_t)-1)
                continue;
            for (size_t t = 0; t < n->targets.n; t++) {
                size_t y = actor_at(v, n->targets.v[t]);
                if (y != (size_t)-1 && y != x)
                    actor_edge(v, &ix, KG_E_ACTS_ON, x, y);
            }
            for (size_t b = a + 1; b < n->agents.n; b++) {
                size_t y = actor_at(v, n->agents.v[b]);
                if (y != (size_t)-1 && y != x)
                    actor_edge(v, &ix, KG_E_CO_AGENT, x < y ? x : y, x < y ? y : x);
            }
        }
    }
    kg_hmap_free(&ix);
    size_t *count = kg_xcalloc(v->n_nodes ? v->n_nodes : 1, sizeof *count);
    kg_view_actor_events(v, count);
    for (size_t i = 0; i < v->n_nodes; i++)
        v->nodes[i].n_events = count[i];
    free(count);
    /* keep the actors with an event; new indices for the edges */
    size_t *to = kg_xcalloc(v->n_nodes ? v->n_nodes : 1, sizeof *to), m = 0;
    for (size_t i = 0; i < v->n_nodes; i++) {
        if (v->nodes[i].kind == KG_V_ACTOR && v->nodes[i].n_events) {
            to[i] = m;
            v->nodes[m++] = v->nodes[i];
        } else {
            free_node(&v->nodes[i]);
        }
    }
    v->n_nodes = m;
    for (size_t i = 0; i < v->n_edges; i++) {
        v->edges[i].from = to[v->edges[i].from];
        v->edges[i].to = to[v->edges[i].to];
    }
    free(to);
    if (max_edges && v->n_edges > max_edges) {
        qsort(v->edges, v->n_edges, sizeof *v->edges, cmp_edge_weight);
        *dropped = v->n_edges - max_edges;
        *dropped_max = v->edges[max_edges].weight;
        for (size_t i = max_edges; i < v->n_edges; i++)
            free(v->edges[i].id);
        v->n_edges = max_edges;
    }
    qsort(v->edges, v->n_edges, sizeof *v->edges, cmp_actor_edge);
    kg_hmap_free(&v->actor_ix);
    memset(&v->actor_ix, 0, sizeof v->actor_ix);
    for (size_t i = 0; i < v->n_nodes; i++)
        kg_hmap_put(&v->actor_ix, v->nodes[i].id, (void *)(i + 1));
    return n_events;
}
