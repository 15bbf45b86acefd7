/* facts/resolve.c - full fact ids, same-as groups and merged actors (see
 * resolve.h). */
#include <stdlib.h>
#include <string.h>

#include "facts/resolve.h"

char *kg_fact_id(const kg_doc *doc, const char *local)
{
    kg_buf b = KG_BUF_INIT;
    kg_buf_printf(&b, "%s/%s", doc->id ? doc->id : "-", local);
    return kg_buf_detach(&b, NULL);
}

void kg_fact_ref(kg_buf *b, const char *doc_id, const char *ref)
{
    kg_buf_reset(b);
    if (!strchr(ref, '/'))
        kg_buf_printf(b, "%s/", doc_id);
    kg_buf_puts(b, ref);
}

static size_t find_fid(const kg_events *e, const char *fid)
{
    size_t ix = (size_t)kg_hmap_get(&e->by_fid, fid);
    return ix ? ix - 1 : KG_NO_EVENT;
}

size_t kg_events_ref(const kg_events *e, const kg_doc *doc, const char *ref)
{
    if (!ref)
        return KG_NO_EVENT;
    if (strchr(ref, '/'))
        return find_fid(e, ref);
    char *fid = kg_fact_id(doc, ref);
    size_t ix = find_fid(e, fid);
    free(fid);
    return ix;
}

void kg_events_build(kg_events *e, const kg_corpus *c)
{
    memset(e, 0, sizeof *e);
    for (size_t i = 0; i < c->n; i++) {
        const kg_doc *doc = c->docs[i];
        if (doc->is_lexicon || !doc->id)
            continue;
        for (size_t k = 0; k < doc->n_events; k++) {
            const kg_event *ev = &doc->events[k];
            if (!ev->id)
                continue;
            char *fid = kg_fact_id(doc, ev->id);
            KG_VEC_PUSH(e->v, e->n, e->cap);
            kg_evrec *r = &e->v[e->n++];
            r->doc = doc;
            r->doc_ix = i;
            r->ev = ev;
            r->fid = fid;
        }
    }
    /* after the array stops moving; a duplicate names the first */
    for (size_t i = 0; i < e->n; i++)
        kg_hmap_put(&e->by_fid, e->v[i].fid, (void *)(i + 1));
    kg_uf_init(&e->same, e->n);
    for (size_t i = 0; i < c->n; i++) {
        const kg_doc *doc = c->docs[i];
        for (size_t k = 0; k < doc->n_relations; k++) {
            const kg_relation *rl = &doc->relations[k];
            if (!rl->type || strcmp(rl->type, "same-as") != 0)
                continue;
            size_t x = kg_events_ref(e, doc, rl->from), y = kg_events_ref(e, doc, rl->to);
            if (x != KG_NO_EVENT && y != KG_NO_EVENT)
                kg_uf_union(&e->same, x, y, NULL, NULL);
        }
    }
}

size_t kg_events_group(kg_events *e, size_t i)
{
    return kg_uf_find(&e->same, i);
}

void kg_events_free(kg_events *e)
{
    for (size_t i = 0; i < e->n; i++)
        free(e->v[i].fid);
    free(e->v);
    kg_hmap_free(&e->by_fid);
    kg_uf_free(&e->same);
    memset(e, 0, sizeof *e);
}

/* ---- merged actors (the rule: resolve.h) ---- */

static int given(const char *s)
{
    return s && *s;
}

int kg_actor_def_cmp(int lexicon_a, const char *path_a, int lexicon_b, const char *path_b)
{
    if (!lexicon_a != !lexicon_b)
        return lexicon_a ? -1 : 1;
    return strcmp(path_a ? path_a : "", path_b ? path_b : "");
}

static int def_cmp(const void *x, const void *y)
{
    const kg_actor_def *a = x, *b = y;
    int r = kg_actor_def_cmp(a->doc->is_lexicon, a->doc->path, b->doc->is_lexicon, b->doc->path);
    if (r)
        return r;
    /* the same path twice, then the order written: corpus order */
    if (a->doc_ix != b->doc_ix)
        return a->doc_ix < b->doc_ix ? -1 : 1;
    return a->a < b->a ? -1 : a->a > b->a;
}

void kg_actor_merge_init(kg_merged_actor *m, const char *id)
{
    memset(m, 0, sizeof *m);
    m->id = id;
}

void kg_actor_merge_add(kg_merged_actor *m, const char *name, const char *type,
                        const char *part_of, const char *country)
{
    if (!m->name && given(name))
        m->name = name;
    if (!m->type && given(type))
        m->type = type;
    if (!m->part_of && given(part_of))
        m->part_of = part_of;
    if (!m->country && given(country))
        m->country = country;
}

void kg_actor_merge_name(kg_merged_actor *m, const char *name)
{
    if (!given(name))
        return;
    for (size_t i = 0; i < m->n_aliases; i++)
        if (strcmp(m->aliases[i], name) == 0)
            return;
    KG_VEC_PUSH(m->aliases, m->n_aliases, m->cap_aliases);
    m->aliases[m->n_aliases++] = name;
}

void kg_actor_merge_end(kg_merged_actor *m)
{
    size_t k = 0;
    for (size_t i = 0; i < m->n_aliases; i++)
        if (!m->name || strcmp(m->aliases[i], m->name) != 0)
            m->aliases[k++] = m->aliases[i];
    m->n_aliases = k;
}

void kg_actor_merge_free(kg_merged_actor *m)
{
    free(m->aliases);
    memset(m, 0, sizeof *m);
}

const char *kg_actor_name(const kg_merged_actor *m)
{
    return m->name ? m->name : m->id;
}

/* The scalar value of a's extension key, or NULL (a map holds a key
 * once: the reader refuses a duplicate). */
static const kg_node *extra_scalar(const kg_actor *a, const char *key)
{
    for (size_t i = 0; i < a->extra.n; i++) {
        const kg_extra *x = &a->extra.v[i];
        if (x->key && strcmp(x->key, key) == 0)
            return x->value && x->value->kind == KG_NODE_SCALAR && x->value->value ? x->value : NULL;
    }
    return NULL;
}

const char *kg_actor_country_key(const kg_actor *a)
{
    const kg_node *v = extra_scalar(a, "country");
    return v && !kg_node_is_null(v) && v->len && !memchr(v->value, '\0', v->len) ? v->value : NULL;
}

int kg_actor_place_key(const kg_actor *a)
{
    const kg_node *v = extra_scalar(a, "place");
    return v && v->len == 4 && !memcmp(v->value, "true", 4);
}

void kg_actors_build(kg_actors *m, const kg_corpus *c)
{
    memset(m, 0, sizeof *m);
    size_t total = 0;
    for (size_t i = 0; i < c->n; i++)
        total += c->docs[i]->n_actors;
    m->defs = kg_xcalloc(total ? total : 1, sizeof *m->defs);
    for (size_t i = 0; i < c->n; i++) {
        const kg_doc *doc = c->docs[i];
        for (size_t k = 0; k < doc->n_actors; k++)
            if (doc->actors[k].id) {
                kg_actor_def *df = &m->defs[m->n_defs++];
                df->a = &doc->actors[k];
                df->doc = doc;
                df->doc_ix = i;
                df->next = KG_NO_DEF;
            }
    }
    if (m->n_defs > 1)
        qsort(m->defs, m->n_defs, sizeof *m->defs, def_cmp);
    size_t *last = kg_xcalloc(m->n_defs ? m->n_defs : 1, sizeof *last);
    for (size_t i = 0; i < m->n_defs; i++) {
        kg_actor_def *df = &m->defs[i];
        const kg_actor *a = df->a;
        size_t ix = (size_t)kg_hmap_get(&m->by_id, a->id);
        if (!ix) {
            KG_VEC_PUSH(m->v, m->n, m->cap);
            kg_actor_merge_init(&m->v[m->n], a->id);
            m->v[m->n].first = i;
            ix = ++m->n;
            kg_hmap_put(&m->by_id, a->id, (void *)ix);
        } else {
            m->defs[last[ix - 1]].next = i;
        }
        last[ix - 1] = i;
        kg_merged_actor *ma = &m->v[ix - 1];
        kg_actor_merge_add(ma, a->name, a->type, a->part_of, kg_actor_country_key(a));
        ma->place |= kg_actor_place_key(a);
        kg_actor_merge_name(ma, a->name);
        for (size_t j = 0; j < a->aliases.n; j++)
            kg_actor_merge_name(ma, a->aliases.v[j]);
    }
    free(last);
    for (size_t i = 0; i < m->n; i++)
        kg_actor_merge_end(&m->v[i]);
}

const kg_merged_actor *kg_actors_find(const kg_actors *m, const char *id)
{
    size_t ix = id ? (size_t)kg_hmap_get(&m->by_id, id) : 0;
    return ix ? &m->v[ix - 1] : NULL;
}

void kg_actors_free(kg_actors *m)
{
    for (size_t i = 0; i < m->n; i++)
        kg_actor_merge_free(&m->v[i]);
    free(m->v);
    free(m->defs);
    kg_hmap_free(&m->by_id);
    memset(m, 0, sizeof *m);
}
