/* facts/resolve.c - full fact ids and same-as groups (see resolve.h). */
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
