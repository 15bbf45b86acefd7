/* check.c - what `kg check` verifies in loaded facts: value sets, slugs,
 * duplicate and dangling ids across documents, conflicting actor
 * definitions, dates, spans against the source text, URLs. Every finding
 * carries the position of the offending value. */
#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#include "kg/buf.h"
#include "kg/check.h"
#include "kg/factio.h"
#include "kg/hmap.h"
#include "kg/quote.h"

static const kg_node *at(const kg_node *map, const char *key)
{
    const kg_node *v = kg_node_get(map, key);
    return v ? v : map;
}

#define LINE(n) ((n) ? (n)->line : 0)
#define COL(n) ((n) ? (n)->col : 0)

static void list_values(kg_buf *b, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        kg_buf_printf(b, "%s%s", i ? ", " : "", list[i]);
}

static void check_value(kg_diag *d, const kg_doc *doc, const kg_node *n, const char *what,
                        const char *value, const char *const *allowed)
{
    if (!value || kg_in_list(allowed, value))
        return;
    kg_buf b = KG_BUF_INIT;
    list_values(&b, allowed);
    kg_diag_error(d, doc->path, LINE(n), COL(n), "unknown %s '%s' (expected one of: %s)", what,
                  value, b.ptr);
    kg_buf_free(&b);
}

static void check_slug(kg_diag *d, const kg_doc *doc, const kg_node *n, const char *what,
                       const char *id)
{
    if (id && !kg_is_slug(id))
        kg_diag_error(d, doc->path, LINE(n), COL(n),
                      "%s '%s' is not a slug (lower-case ASCII letters, digits and '-', "
                      "starting with a letter or digit)", what, id);
}

static void require(kg_diag *d, const kg_doc *doc, const kg_node *item, const char *what,
                    const char *key, const void *value)
{
    if (!value)
        kg_diag_error(d, doc->path, LINE(item), COL(item), "%s without '%s'", what, key);
}

static void check_date(kg_diag *d, const kg_doc *doc, const kg_node *n, const kg_date *dt)
{
    const char *err = NULL;
    kg_edtf e;
    if (!dt->text)
        return;
    if (kg_edtf_parse(dt->text, &e, &err) < 0)
        kg_diag_error(d, doc->path, LINE(n), COL(n), "invalid date '%s': %s", dt->text, err);
}

int kg_url_ok(const char *url)
{
    const char *rest;
    if (strncmp(url, "https://", 8) == 0)
        rest = url + 8;
    else if (strncmp(url, "http://", 7) == 0)
        rest = url + 7;
    else
        return 0;
    if (!*rest || *rest == '/')
        return 0;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= ' ' || *p == 0x7f || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
            return 0;
    return 1;
}

/* Removes "." and "dir/.." steps from a relative or absolute path, in
 * place ("yaml/../../shared/x" becomes "../shared/x"). */
static void normalise_path(char *p)
{
    int abs = p[0] == '/';
    char *parts[256];
    int n = 0, up = 0;
    for (char *tok = strtok(p + abs, "/"); tok; tok = strtok(NULL, "/")) {
        if (strcmp(tok, ".") == 0)
            continue;
        if (strcmp(tok, "..") == 0 && n > up) {
            n--;
            continue;
        }
        if (strcmp(tok, "..") == 0 && abs)
            continue;
        if (strcmp(tok, "..") == 0)
            up++;
        if (n < 256)
            parts[n++] = tok;
    }
    kg_buf b = KG_BUF_INIT;
    if (abs)
        kg_buf_putc(&b, '/');
    for (int i = 0; i < n; i++)
        kg_buf_printf(&b, "%s%s", i ? "/" : "", parts[i]);
    if (!b.len)
        kg_buf_putc(&b, '.');
    memcpy(p, b.ptr, b.len + 1); /* never longer than the input */
    kg_buf_free(&b);
}

char *kg_source_path(const kg_doc *doc)
{
    if (!doc->source)
        return NULL;
    kg_buf b = KG_BUF_INIT;
    if (doc->source[0] == '/' || !doc->path) {
        kg_buf_puts(&b, doc->source);
    } else {
        char *copy = kg_xstrdup(doc->path);
        kg_buf_printf(&b, "%s/%s", dirname(copy), doc->source);
        free(copy);
    }
    char *p = kg_buf_detach(&b, NULL);
    normalise_path(p);
    return p;
}

/* ---- one document ---- */

struct source {
    char *text;
    size_t len;
    int have;
};

static void check_span(kg_diag *d, const kg_doc *doc, const kg_node *item, const kg_span *sp,
                       const struct source *src)
{
    if (!sp->set || !src->have)
        return;
    const kg_node *n = at(item, "span");
    if ((unsigned long long)sp->end > src->len) {
        kg_diag_error(d, doc->path, LINE(n), COL(n),
                      "span [%lld, %lld] is past the end of the source text (%zu bytes)",
                      sp->start, sp->end, src->len);
        return;
    }
    const unsigned char *t = (const unsigned char *)src->text;
    long long ends[2] = { sp->start, sp->end };
    for (int i = 0; i < 2; i++)
        if ((size_t)ends[i] < src->len && (t[ends[i]] & 0xC0) == 0x80) {
            kg_diag_error(d, doc->path, LINE(n), COL(n),
                          "span %s %lld falls inside a UTF-8 character of the source text",
                          i ? "end" : "start", ends[i]);
            return;
        }
}

static void load_source(kg_diag *d, const kg_doc *doc, struct source *src)
{
    memset(src, 0, sizeof *src);
    char *path = kg_source_path(doc);
    if (!path)
        return;
    const kg_node *hdr = kg_node_get(doc->tree, "document");
    const kg_node *n = at(hdr, "source");
    src->text = kg_read_file(path, &src->len, 0);
    if (!src->text) {
        kg_diag_warn(d, doc->path, LINE(n), COL(n), "source text '%s' cannot be read (%s); spans not checked",
                     doc->source, strerror(errno));
        free(path);
        return;
    }
    src->have = 1;
    free(path);
    if (doc->sha256) {
        char hex[65];
        kg_sha256_hex(src->text, src->len, hex);
        if (strcmp(hex, doc->sha256) != 0) {
            const kg_node *s = at(hdr, "sha256");
            kg_diag_warn(d, doc->path, LINE(s), COL(s),
                         "source text '%s' has changed since these facts were made "
                         "(sha256 %.12s… now); the spans may be stale",
                         doc->source, hex);
        }
    }
}

static int is_hex64(const char *s)
{
    size_t i = 0;
    for (; s[i]; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return 0;
    return i == 64;
}

static void check_header(kg_diag *d, const kg_doc *doc)
{
    const kg_node *root = doc->tree;
    if (!root || root->kind != KG_NODE_MAP)
        return;
    if (!doc->version)
        kg_diag_error(d, doc->path, 1, 1, "missing 'kg: 1' (the facts format version)");
    else if (strcmp(doc->version, "1") != 0) {
        const kg_node *n = at(root, "kg");
        kg_diag_error(d, doc->path, LINE(n), COL(n),
                      "unsupported facts format version '%s' (this kg reads version 1)", doc->version);
    }
    if (!doc->has_header)
        return;
    const kg_node *hdr = kg_node_get(root, "document");
    if (!hdr || hdr->kind != KG_NODE_MAP)
        return;
    require(d, doc, hdr, "document", "id", doc->id);
    check_slug(d, doc, at(hdr, "id"), "document id", doc->id);
    check_date(d, doc, at(hdr, "published"), &doc->published);
    if (doc->url && !kg_url_ok(doc->url)) {
        const kg_node *n = at(hdr, "url");
        kg_diag_error(d, doc->path, LINE(n), COL(n), "url '%s' is not an http(s) URL", doc->url);
    }
    if (doc->sha256 && !is_hex64(doc->sha256)) {
        const kg_node *n = at(hdr, "sha256");
        kg_diag_error(d, doc->path, LINE(n), COL(n), "sha256 must be 64 lower-case hex digits");
    }
}

/* Reports a second use of an id among a document's events, figures and
 * relations (they share one namespace: relations may point at any). */
static void check_dups(kg_diag *d, const kg_doc *doc)
{
    size_t n = doc->n_events + doc->n_figures + doc->n_relations;
    const char **ids = kg_xcalloc(n, sizeof *ids);
    const kg_node **nodes = kg_xcalloc(n, sizeof *nodes);
    size_t k = 0;
    for (size_t i = 0; i < doc->n_events; i++, k++)
        ids[k] = doc->events[i].id, nodes[k] = doc->events[i].node;
    for (size_t i = 0; i < doc->n_figures; i++, k++)
        ids[k] = doc->figures[i].id, nodes[k] = doc->figures[i].node;
    for (size_t i = 0; i < doc->n_relations; i++, k++)
        ids[k] = doc->relations[i].id, nodes[k] = doc->relations[i].node;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; ids[i] && j < i; j++)
            if (ids[j] && strcmp(ids[i], ids[j]) == 0) {
                const kg_node *a = at(nodes[i], "id");
                kg_diag_error(d, doc->path, LINE(a), COL(a), "duplicate id '%s' (first at line %d)",
                              ids[i], LINE(at(nodes[j], "id")));
                break;
            }
    free(ids);
    free(nodes);
}

static void check_doc(kg_diag *d, const kg_doc *doc)
{
    struct source src;
    check_header(d, doc);
    load_source(d, doc, &src);
    for (size_t i = 0; i < doc->n_actors; i++) {
        const kg_actor *a = &doc->actors[i];
        require(d, doc, a->node, "actor", "id", a->id);
        require(d, doc, a->node, "actor", "name", a->name);
        check_slug(d, doc, at(a->node, "id"), "actor id", a->id);
        check_value(d, doc, at(a->node, "type"), "actor type", a->type, kg_actor_types);
        if (a->part_of && a->id && strcmp(a->part_of, a->id) == 0) {
            const kg_node *n = at(a->node, "part_of");
            kg_diag_error(d, doc->path, LINE(n), COL(n), "actor '%s' is part_of itself", a->id);
        }
        for (size_t j = 0; a->id && j < i; j++)
            if (doc->actors[j].id && strcmp(doc->actors[j].id, a->id) == 0) {
                const kg_node *n = at(a->node, "id");
                kg_diag_error(d, doc->path, LINE(n), COL(n), "duplicate actor id '%s' (first at line %d)",
                              a->id, LINE(doc->actors[j].node));
                break;
            }
    }
    for (size_t i = 0; i < doc->n_events; i++) {
        const kg_event *e = &doc->events[i];
        require(d, doc, e->node, "event", "id", e->id);
        require(d, doc, e->node, "event", "type", e->type);
        check_slug(d, doc, at(e->node, "id"), "event id", e->id);
        check_value(d, doc, at(e->node, "type"), "event type", e->type, kg_event_types);
        check_date(d, doc, at(e->node, "date"), &e->date);
        if (src.have && e->span.set) /* a span whose quote moved (kg respan) */
            kg_check_quote(d, doc, at(e->node, "span"), e->span.start, e->span.end, e->quote,
                           src.text, src.len);
        check_span(d, doc, e->node, &e->span, &src);
    }
    for (size_t i = 0; i < doc->n_figures; i++) {
        const kg_figure *f = &doc->figures[i];
        require(d, doc, f->node, "figure", "id", f->id);
        if (!kg_node_get(f->node, "value")) /* a bad value is reported by the reader */
            require(d, doc, f->node, "figure", "value", f->value_text);
        require(d, doc, f->node, "figure", "unit", f->unit);
        check_slug(d, doc, at(f->node, "id"), "figure id", f->id);
        if (f->unit && !kg_unit_known(f->unit)) {
            const kg_node *n = at(f->node, "unit");
            kg_diag_error(d, doc->path, LINE(n), COL(n),
                          "unknown unit '%s' (expected an ISO 4217 code such as USD, CNY, KRW, "
                          "or one of %%, %%p, x, count, h, day, week, month, year, cm, nm, GW, gpu-h)",
                          f->unit);
        }
        check_value(d, doc, at(f->node, "approx"), "approx", f->approx, kg_approx_values);
        check_date(d, doc, at(f->node, "date"), &f->date);
        if (src.have && f->span.set) /* a span whose quote moved (kg respan) */
            kg_check_quote(d, doc, at(f->node, "span"), f->span.start, f->span.end, f->quote,
                           src.text, src.len);
        check_span(d, doc, f->node, &f->span, &src);
    }
    for (size_t i = 0; i < doc->n_relations; i++) {
        const kg_relation *r = &doc->relations[i];
        require(d, doc, r->node, "relation", "from", r->from);
        require(d, doc, r->node, "relation", "type", r->type);
        require(d, doc, r->node, "relation", "to", r->to);
        if (r->id)
            check_slug(d, doc, at(r->node, "id"), "relation id", r->id);
        check_value(d, doc, at(r->node, "type"), "relation type", r->type, kg_relation_types);
        if (r->from && r->to && strcmp(r->from, r->to) == 0)
            kg_diag_error(d, doc->path, LINE(r->node), COL(r->node), "relation from '%s' to itself",
                          r->from);
    }
    check_dups(d, doc);
    free(src.text);
}

/* ---- across documents ---- */

/* Where each actor id and document id is first defined (lexicons first). */
struct index {
    kg_hmap actors;   /* id -> struct def */
    kg_hmap docs;     /* document id -> kg_doc */
    struct def { const kg_actor *a; const kg_doc *doc; } *defs;
    size_t n_defs;
};

static const kg_actor *find_actor(const struct index *ix, const char *id)
{
    const struct def *df = kg_hmap_get(&ix->actors, id);
    return df ? df->a : NULL;
}

static void index_build(struct index *ix, const kg_corpus *c)
{
    size_t total = 0;
    memset(ix, 0, sizeof *ix);
    for (size_t i = 0; i < c->n; i++)
        total += c->docs[i]->n_actors;
    ix->defs = kg_xcalloc(total, sizeof *ix->defs);
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < c->n; i++) {
            const kg_doc *doc = c->docs[i];
            if (doc->is_lexicon != (pass == 0))
                continue;
            for (size_t j = 0; j < doc->n_actors; j++) {
                if (!doc->actors[j].id)
                    continue;
                struct def *df = &ix->defs[ix->n_defs++];
                df->a = &doc->actors[j];
                df->doc = doc;
                kg_hmap_put(&ix->actors, df->a->id, df);
            }
        }
    for (size_t i = 0; i < c->n; i++)
        if (c->docs[i]->id)
            kg_hmap_put(&ix->docs, c->docs[i]->id, c->docs[i]);
}

static void index_free(struct index *ix)
{
    kg_hmap_free(&ix->actors);
    kg_hmap_free(&ix->docs);
    free(ix->defs);
}

static void actor_ref(kg_diag *d, const struct index *c, const kg_doc *doc, const kg_node *item,
                      const char *key, const char *id)
{
    if (!id || find_actor(c, id))
        return;
    const kg_node *n = at(item, key);
    kg_diag_error(d, doc->path, LINE(n), COL(n), "unknown actor '%s' in '%s'", id, key);
}

static int doc_has_item(const kg_doc *doc, const char *id)
{
    for (size_t i = 0; i < doc->n_events; i++)
        if (doc->events[i].id && strcmp(doc->events[i].id, id) == 0)
            return 1;
    for (size_t i = 0; i < doc->n_figures; i++)
        if (doc->figures[i].id && strcmp(doc->figures[i].id, id) == 0)
            return 1;
    return 0;
}

static void event_ref(kg_diag *d, const struct index *c, const kg_doc *doc, const kg_node *item,
                      const char *key, const char *ref)
{
    if (!ref)
        return;
    const kg_node *n = at(item, key);
    const char *slash = strchr(ref, '/');
    if (!slash) {
        if (!doc_has_item(doc, ref))
            kg_diag_error(d, doc->path, LINE(n), COL(n), "unknown event '%s' in '%s'", ref, key);
        return;
    }
    char *docid = kg_xstrndup(ref, (size_t)(slash - ref));
    const kg_doc *other = kg_hmap_get(&c->docs, docid);
    if (!other)
        kg_diag_error(d, doc->path, LINE(n), COL(n), "unknown document '%s' in '%s: %s'", docid, key,
                      ref);
    else if (!doc_has_item(other, slash + 1))
        kg_diag_error(d, doc->path, LINE(n), COL(n), "unknown event '%s' in document '%s' (%s)",
                      slash + 1, docid, other->path);
    free(docid);
}

static void check_refs(kg_diag *d, const struct index *c, const kg_doc *doc)
{
    for (size_t i = 0; i < doc->n_actors; i++) {
        const kg_actor *a = &doc->actors[i];
        actor_ref(d, c, doc, a->node, "part_of", a->part_of);
        /* `country` (an extension key): the country an actor belongs to */
        const kg_node *cn = kg_node_get(a->node, "country");
        if (cn && cn->kind == KG_NODE_SCALAR && !kg_node_is_null(cn)) {
            const kg_actor *ca = find_actor(c, cn->value);
            if (!ca)
                actor_ref(d, c, doc, a->node, "country", cn->value);
            else if (ca->type && strcmp(ca->type, "country") != 0)
                kg_diag_error(d, doc->path, cn->line, cn->col,
                              "'country' of '%s' is '%s', which is a %s, not a country",
                              a->id ? a->id : "?", cn->value, ca->type);
        } else if (cn && !kg_node_is_null(cn)) {
            kg_diag_error(d, doc->path, cn->line, cn->col, "'country' must be an actor id");
        }
    }
    for (size_t i = 0; i < doc->n_events; i++) {
        const kg_event *e = &doc->events[i];
        for (size_t j = 0; j < e->agent.n; j++)
            actor_ref(d, c, doc, e->node, "agent", e->agent.v[j]);
        for (size_t j = 0; j < e->target.n; j++)
            actor_ref(d, c, doc, e->node, "target", e->target.v[j]);
    }
    for (size_t i = 0; i < doc->n_figures; i++)
        actor_ref(d, c, doc, doc->figures[i].node, "subject", doc->figures[i].subject);
    for (size_t i = 0; i < doc->n_relations; i++) {
        const kg_relation *r = &doc->relations[i];
        event_ref(d, c, doc, r->node, "from", r->from);
        event_ref(d, c, doc, r->node, "to", r->to);
    }
}

/* Same actor id defined with a different type or part_of somewhere else:
 * every definition is compared with the first one (lexicons first). */
static void check_conflicts(kg_diag *d, const struct index *ix)
{
    for (size_t i = 0; i < ix->n_defs; i++) {
        const struct def *x = &ix->defs[i];
        const struct def *y = kg_hmap_get(&ix->actors, x->a->id);
        if (y == x)
            continue;
        const char *keys[2] = { "type", "part_of" };
        const char *xv[2] = { x->a->type, x->a->part_of }, *yv[2] = { y->a->type, y->a->part_of };
        for (int k = 0; k < 2; k++)
            if (xv[k] && yv[k] && strcmp(xv[k], yv[k]) != 0) {
                const kg_node *n = at(x->a->node, keys[k]), *m = at(y->a->node, keys[k]);
                kg_diag_error(d, x->doc->path, LINE(n), COL(n),
                              "actor '%s' has %s '%s' here but '%s' at %s:%d:%d", x->a->id,
                              keys[k], xv[k], yv[k], y->doc->path, LINE(m), COL(m));
                break;
            }
    }
}

/* The part_of chain of every actor must end (no cycles). */
static void check_cycles(kg_diag *d, const struct index *ix)
{
    for (size_t i = 0; i < ix->n_defs; i++) {
        const kg_actor *x = ix->defs[i].a;
        if (!x->part_of || find_actor(ix, x->id) != x || strcmp(x->part_of, x->id) == 0)
            continue;
        const kg_actor *y = x;
        for (int steps = 0; y && y->part_of && steps < 1000; steps++) {
            y = find_actor(ix, y->part_of);
            if (y == x) {
                const kg_node *n = at(x->node, "part_of");
                kg_diag_error(d, ix->defs[i].doc->path, LINE(n), COL(n),
                              "actor '%s' is part_of itself through a cycle", x->id);
                break;
            }
        }
    }
}

static void check_doc_ids(kg_diag *d, const kg_corpus *c, const struct index *ix)
{
    for (size_t i = 0; i < c->n; i++) {
        const kg_doc *x = c->docs[i];
        if (!x->id)
            continue;
        const kg_doc *first = kg_hmap_get(&ix->docs, x->id);
        if (first != x) {
            const kg_node *n = at(kg_node_get(x->tree, "document"), "id");
            kg_diag_error(d, x->path, LINE(n), COL(n), "document id '%s' is also used by %s",
                          x->id, first->path);
        }
    }
}

size_t kg_check(const kg_corpus *c, kg_diag *d)
{
    size_t before = d->errors;
    for (size_t i = 0; i < c->n; i++)
        check_doc(d, c->docs[i]);
    struct index ix;
    index_build(&ix, c);
    check_doc_ids(d, c, &ix);
    check_conflicts(d, &ix);
    check_cycles(d, &ix);
    for (size_t i = 0; i < c->n; i++)
        check_refs(d, &ix, c->docs[i]);
    index_free(&ix);
    return d->errors - before;
}
