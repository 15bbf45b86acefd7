/* valid.c - what the renderers draw of facts with errors
 * (kg_render_prune): the valid facts, and of a fact with a bad value
 * that is not needed to draw it, the fact without that value.
 *
 * Each error finding is placed by its file, line and column in the node
 * tree of its document: in an actor, event, figure or relation (under
 * which key), or in the document header. Then, by kind:
 *   - event, figure: a bad `date` makes it undated, a bad `span` costs
 *     only the tooltip sentence, a bad `when` is dropped; an unknown actor
 *     in `agent`, `target` or `subject` is left out (the fact stays);
 *   - actor: a bad `part_of`, `country` or `aliases` is dropped;
 *   - relation: left out, whatever the error;
 *   - header: a bad `url`, `published`, `title`, `publisher` or `author`
 *     is dropped, a bad `source` or `sha256` drops the source (no
 *     sentences are read from it); an error in the header itself, its
 *     `id` or the file's `kg:` version leaves the whole document out;
 *   - any other error in a fact leaves that fact out.
 * Last, references that lead nowhere once that is done are left out:
 * actors in agent, target, subject and part_of that no kept actor
 * defines, and relations whose ends are no kept event or figure. */
#include <stdlib.h>
#include <string.h>

#include "util/hmap.h"
#include "render/render_int.h"

/* 1 if node n or a node below it starts at line:col. */
static int contains(const kg_node *n, int line, int col)
{
    if (!n)
        return 0;
    if (n->line == line && n->col == col)
        return 1;
    for (size_t i = 0; i < n->n; i++)
        if (contains(n->items[i], line, col))
            return 1;
    return 0;
}

/* Where line:col is in item: NULL outside it, "" the item itself, else
 * the key it falls under ("?" for a key that is not a string). */
static const char *where(const kg_node *item, int line, int col)
{
    if (!item)
        return NULL;
    if (item->line == line && item->col == col)
        return "";
    if (item->kind == KG_NODE_MAP) {
        for (size_t i = 0; i + 1 < item->n; i += 2) {
            const kg_node *k = item->items[i];
            if (contains(k, line, col) || contains(item->items[i + 1], line, col))
                return k && k->kind == KG_NODE_SCALAR && k->value ? k->value : "?";
        }
        return NULL;
    }
    return contains(item, line, col) ? "?" : NULL;
}

static int is(const char *key, const char *name)
{
    return strcmp(key, name) == 0;
}

/* What is wrong with one fact: left out, or which values to drop. */
enum {
    FIX_OUT = 1, FIX_DATE = 2, FIX_SPAN = 4, FIX_WHEN = 8, FIX_AGENT = 16, FIX_TARGET = 32,
    FIX_SUBJECT = 64, FIX_PART_OF = 128, FIX_COUNTRY = 256, FIX_ALIASES = 512
};

struct marks {
    unsigned *actors, *events, *figures, *relations;
    int doc_out;
    unsigned header; /* bits of HDR_* */
};

enum { HDR_URL = 1, HDR_PUBLISHED = 2, HDR_SOURCE = 4, HDR_TITLE = 8, HDR_PUBLISHER = 16,
       HDR_AUTHOR = 32 };

static unsigned event_fix(const char *key)
{
    return is(key, "date") ? FIX_DATE : is(key, "span") ? FIX_SPAN : is(key, "when") ? FIX_WHEN
         : is(key, "agent") ? FIX_AGENT : is(key, "target") ? FIX_TARGET : FIX_OUT;
}

static unsigned figure_fix(const char *key)
{
    return is(key, "date") ? FIX_DATE : is(key, "span") ? FIX_SPAN
         : is(key, "subject") ? FIX_SUBJECT : FIX_OUT;
}

static unsigned actor_fix(const char *key)
{
    return is(key, "part_of") ? FIX_PART_OF : is(key, "country") ? FIX_COUNTRY
         : is(key, "aliases") ? FIX_ALIASES : FIX_OUT;
}

/* Marks what the finding at line:col of doc says is wrong. */
static void place(const kg_doc *doc, struct marks *m, int line, int col)
{
    const char *k;
    for (size_t i = 0; i < doc->n_events; i++)
        if ((k = where(doc->events[i].node, line, col))) {
            m->events[i] |= event_fix(k);
            return;
        }
    for (size_t i = 0; i < doc->n_figures; i++)
        if ((k = where(doc->figures[i].node, line, col))) {
            m->figures[i] |= figure_fix(k);
            return;
        }
    for (size_t i = 0; i < doc->n_relations; i++)
        if (where(doc->relations[i].node, line, col)) {
            m->relations[i] |= FIX_OUT;
            return;
        }
    for (size_t i = 0; i < doc->n_actors; i++)
        if ((k = where(doc->actors[i].node, line, col))) {
            m->actors[i] |= actor_fix(k);
            return;
        }
    const kg_node *root = doc->tree;
    if (!root)
        return;
    const kg_node *hdr = kg_node_get(root, "document");
    if (hdr && (k = where(hdr, line, col))) {
        m->header |= is(k, "url") ? HDR_URL : is(k, "published") ? HDR_PUBLISHED
                   : is(k, "source") || is(k, "sha256") ? HDR_SOURCE : is(k, "title") ? HDR_TITLE
                   : is(k, "publisher") ? HDR_PUBLISHER : is(k, "author") ? HDR_AUTHOR : 0;
        if (!*k || is(k, "id"))
            m->doc_out = 1;
        return;
    }
    /* the file as a whole (1:1, a missing `kg: 1`) or its version */
    k = where(root, line, col);
    if (k && (!*k || is(k, "kg")))
        m->doc_out = 1;
}

/* ---- taking facts out ---- */

/* Removed facts are moved into a scratch document that frees them. */
#define TAKE_OUT(doc, trash, arr, n, flags, adder, counter)                   \
    do {                                                                      \
        size_t k_ = 0;                                                        \
        for (size_t i_ = 0; i_ < (doc)->n; i_++) {                            \
            if ((flags)[i_] & FIX_OUT) {                                      \
                *adder(trash) = (doc)->arr[i_];                               \
                (counter)++;                                                  \
            } else {                                                          \
                (doc)->arr[k_] = (doc)->arr[i_];                              \
                (flags)[k_++] = (flags)[i_];                                  \
            }                                                                 \
        }                                                                     \
        (doc)->n = k_;                                                        \
    } while (0)

static void drop_str(char **s)
{
    free(*s);
    *s = NULL;
}

/* Removes the ids of ids that no kept actor defines; returns how many. */
static size_t drop_unknown(kg_strv *ids, const kg_hmap *actors)
{
    size_t k = 0, dropped = 0;
    for (size_t i = 0; i < ids->n; i++) {
        if (kg_hmap_get(actors, ids->v[i]))
            ids->v[k++] = ids->v[i];
        else {
            free(ids->v[i]);
            dropped++;
        }
    }
    ids->n = k;
    return dropped;
}

static void drop_extra(kg_extras *x, const char *key)
{
    size_t k = 0;
    for (size_t i = 0; i < x->n; i++) {
        if (x->v[i].key && strcmp(x->v[i].key, key) == 0) {
            free(x->v[i].key);
            kg_node_free(x->v[i].value);
        } else {
            x->v[k++] = x->v[i];
        }
    }
    x->n = k;
}

static int has_item(const kg_doc *doc, const char *id)
{
    for (size_t i = 0; doc && i < doc->n_events; i++)
        if (doc->events[i].id && strcmp(doc->events[i].id, id) == 0)
            return 1;
    for (size_t i = 0; doc && i < doc->n_figures; i++)
        if (doc->figures[i].id && strcmp(doc->figures[i].id, id) == 0)
            return 1;
    return 0;
}

/* 1 if a relation end written in doc names a kept event or figure. */
static int ref_ok(const kg_corpus *c, const kg_doc *doc, const char *ref)
{
    if (!ref)
        return 0;
    const char *slash = strchr(ref, '/');
    if (!slash)
        return has_item(doc, ref);
    char *docid = kg_xstrndup(ref, (size_t)(slash - ref));
    const kg_doc *other = kg_corpus_find_doc(c, docid);
    free(docid);
    return has_item(other, slash + 1);
}

/* ---- the phases of kg_render_prune ---- */

static void free_marks(struct marks *m)
{
    free(m->actors);
    free(m->events);
    free(m->figures);
    free(m->relations);
}

/* One set of marks per document, with each error finding placed. */
static struct marks *mark_errors(const kg_corpus *c, const kg_diag *d)
{
    struct marks *m = kg_xcalloc(c->n ? c->n : 1, sizeof *m);
    for (size_t i = 0; i < c->n; i++) {
        const kg_doc *doc = c->docs[i];
        m[i].actors = kg_xcalloc(doc->n_actors + 1, sizeof(unsigned));
        m[i].events = kg_xcalloc(doc->n_events + 1, sizeof(unsigned));
        m[i].figures = kg_xcalloc(doc->n_figures + 1, sizeof(unsigned));
        m[i].relations = kg_xcalloc(doc->n_relations + 1, sizeof(unsigned));
    }
    /* where each error is */
    for (size_t f = 0; f < d->n; f++) {
        const kg_finding *fd = &d->v[f];
        if (fd->sev != KG_SEV_ERROR || !fd->file || fd->line <= 0)
            continue;
        for (size_t i = 0; i < c->n; i++)
            if (c->docs[i]->path && strcmp(c->docs[i]->path, fd->file) == 0)
                place(c->docs[i], &m[i], fd->line, fd->col);
    }
    return m;
}

/* Documents with a broken header go whole; returns the facts they held. */
static size_t drop_broken_docs(kg_corpus *c, struct marks *m)
{
    size_t out = 0, k = 0;
    for (size_t i = 0; i < c->n; i++) {
        kg_doc *doc = c->docs[i];
        if (m[i].doc_out) {
            out += doc->n_actors + doc->n_events + doc->n_figures + doc->n_relations;
            kg_doc_free(doc);
            free_marks(&m[i]);
        } else {
            c->docs[k] = doc;
            m[k++] = m[i];
        }
    }
    c->n = k;
    return out;
}

/* Bad header values of one document go; returns 1 if any went. */
static size_t drop_bad_header(kg_doc *doc, unsigned header)
{
    if (header & HDR_URL)
        drop_str(&doc->url);
    if (header & HDR_PUBLISHED)
        kg_date_free(&doc->published);
    if (header & HDR_SOURCE)
        drop_str(&doc->source);
    if (header & HDR_TITLE)
        drop_str(&doc->title);
    if (header & HDR_PUBLISHER)
        drop_str(&doc->publisher);
    if (header & HDR_AUTHOR)
        drop_str(&doc->author);
    return header != 0;
}

/* Bad values that are not needed go from the kept facts of one document;
 * returns how many facts changed. */
static size_t drop_bad_values(kg_doc *doc, const struct marks *mk)
{
    size_t changed = 0;
    for (size_t k = 0; k < doc->n_actors; k++) {
        kg_actor *a = &doc->actors[k];
        unsigned x = mk->actors[k];
        if (x & FIX_PART_OF)
            drop_str(&a->part_of);
        if (x & FIX_COUNTRY)
            drop_extra(&a->extra, "country");
        if (x & FIX_ALIASES)
            kg_strv_free(&a->aliases);
        changed += x != 0;
    }
    for (size_t k = 0; k < doc->n_events; k++) {
        kg_event *e = &doc->events[k];
        unsigned x = mk->events[k];
        if (x & FIX_DATE)
            kg_date_free(&e->date);
        if (x & FIX_SPAN)
            e->span.set = 0;
        if (x & FIX_WHEN)
            drop_str(&e->when);
        changed += x != 0;
    }
    for (size_t k = 0; k < doc->n_figures; k++) {
        kg_figure *f = &doc->figures[k];
        unsigned x = mk->figures[k];
        if (x & FIX_DATE)
            kg_date_free(&f->date);
        if (x & FIX_SPAN)
            f->span.set = 0;
        changed += x != 0;
    }
    return changed;
}

/* Facts with errors go into trash (counted in *out); bad values that are
 * not needed go. Returns how many facts or headers changed. */
static size_t drop_bad_facts(kg_corpus *c, struct marks *m, kg_doc *trash, size_t *out)
{
    size_t changed = 0;
    for (size_t i = 0; i < c->n; i++) {
        kg_doc *doc = c->docs[i];
        struct marks *mk = &m[i];
        changed += drop_bad_header(doc, mk->header);
        TAKE_OUT(doc, trash, actors, n_actors, mk->actors, kg_doc_add_actor, *out);
        TAKE_OUT(doc, trash, events, n_events, mk->events, kg_doc_add_event, *out);
        TAKE_OUT(doc, trash, figures, n_figures, mk->figures, kg_doc_add_figure, *out);
        TAKE_OUT(doc, trash, relations, n_relations, mk->relations, kg_doc_add_relation, *out);
        changed += drop_bad_values(doc, mk);
    }
    return changed;
}

/* Actor references (part_of, agent, target, subject) that no kept actor
 * defines go; returns how many facts changed that had no error of their own. */
static size_t drop_unknown_actors(kg_corpus *c, const struct marks *m)
{
    size_t changed = 0;
    kg_hmap actors;
    memset(&actors, 0, sizeof actors);
    for (size_t i = 0; i < c->n; i++)
        for (size_t k = 0; k < c->docs[i]->n_actors; k++)
            if (c->docs[i]->actors[k].id)
                kg_hmap_put(&actors, c->docs[i]->actors[k].id, (void *)1);
    for (size_t i = 0; i < c->n; i++) {
        kg_doc *doc = c->docs[i];
        for (size_t k = 0; k < doc->n_actors; k++) {
            kg_actor *a = &doc->actors[k];
            if (a->part_of && !kg_hmap_get(&actors, a->part_of)) {
                drop_str(&a->part_of);
                changed += !m[i].actors[k];
            }
        }
        for (size_t k = 0; k < doc->n_events; k++) {
            kg_event *e = &doc->events[k];
            unsigned x = m[i].events[k];
            size_t dropped = drop_unknown(&e->agent, &actors) + drop_unknown(&e->target, &actors);
            /* an error in agent or target that is no unknown actor */
            if ((x & FIX_AGENT) && !dropped)
                kg_strv_free(&e->agent);
            if ((x & FIX_TARGET) && !dropped)
                kg_strv_free(&e->target);
            changed += dropped && !x;
        }
        for (size_t k = 0; k < doc->n_figures; k++) {
            kg_figure *f = &doc->figures[k];
            if (f->subject && (!kg_hmap_get(&actors, f->subject) || (m[i].figures[k] & FIX_SUBJECT))) {
                drop_str(&f->subject);
                changed += !m[i].figures[k];
            }
        }
    }
    kg_hmap_free(&actors);
    return changed;
}

/* Relations whose ends are no kept event or figure go into trash;
 * returns how many. */
static size_t drop_dangling_relations(kg_corpus *c, kg_doc *trash)
{
    size_t out = 0;
    for (size_t i = 0; i < c->n; i++) {
        kg_doc *doc = c->docs[i];
        unsigned *gone = kg_xcalloc(doc->n_relations + 1, sizeof *gone);
        for (size_t k = 0; k < doc->n_relations; k++)
            if (!ref_ok(c, doc, doc->relations[k].from) || !ref_ok(c, doc, doc->relations[k].to))
                gone[k] = FIX_OUT;
        TAKE_OUT(doc, trash, relations, n_relations, gone, kg_doc_add_relation, out);
        free(gone);
    }
    return out;
}

size_t kg_render_prune(kg_corpus *c, const kg_diag *d, size_t *fixed)
{
    size_t out = 0, changed = 0;
    kg_doc *trash = kg_doc_new();
    struct marks *m = mark_errors(c, d);
    out += drop_broken_docs(c, m);
    changed += drop_bad_facts(c, m, trash, &out);
    /* references that now lead nowhere */
    changed += drop_unknown_actors(c, m);
    out += drop_dangling_relations(c, trash);
    for (size_t i = 0; i < c->n; i++)
        free_marks(&m[i]);
    free(m);
    kg_doc_free(trash);
    if (fixed)
        *fixed = changed;
    return out;
}
