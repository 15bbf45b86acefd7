/* evlex.c - the event lexicon: event types with their predicates and
 * nouns, and the relation cues, read from the kg_node trees the facts
 * reader keeps for `event_types` and `relation_cues`. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extint.h"
#include "korean/grammar.h"

static const char *const rel_names[EX_REL_N] = { "responds-to", "causes", "part-of", "same-as" };

int ex_type_index(const char *name)
{
    for (int i = 0; kg_event_types[i]; i++)
        if (strcmp(kg_event_types[i], name) == 0)
            return i;
    return -1;
}

kg_evlex *kg_evlex_new(void)
{
    return kg_xcalloc(1, sizeof(kg_evlex));
}

void kg_evlex_free(kg_evlex *ev)
{
    if (!ev)
        return;
    for (size_t i = 0; i < ev->n; i++)
        free(ev->v[i].text);
    free(ev->v);
    for (size_t i = 0; i < ev->n_keys; i++)
        free(ev->keys[i]);
    free(ev->keys);
    kg_hmap_free(&ev->nouns);
    kg_hmap_free(&ev->lemmas);
    for (int t = 0; t < EX_REL_N; t++) {
        for (size_t i = 0; i < ev->n_cues[t]; i++)
            free(ev->cues[t][i]);
        free(ev->cues[t]);
    }
    free(ev);
}

size_t kg_evlex_size(const kg_evlex *ev)
{
    return ev ? ev->n : 0;
}

size_t kg_evlex_cues(const kg_evlex *ev)
{
    size_t n = 0;
    for (int t = 0; ev && t < EX_REL_N; t++)
        n += ev->n_cues[t];
    return n;
}

static char *strip_spaces(const char *s)
{
    char *o = kg_xmalloc(strlen(s) + 1), *p = o;
    for (; *s; s++)
        if (*s != ' ')
            *p++ = *s;
    *p = '\0';
    return o;
}

static void add_noun_key(kg_evlex *ev, const char *text, int type)
{
    char *k = strip_spaces(text);
    if (!*k || kg_hmap_get(&ev->nouns, k)) {
        free(k);
        return;
    }
    KG_VEC_PUSH(ev->keys, ev->n_keys, ev->cap_keys);
    ev->keys[ev->n_keys++] = k;
    kg_hmap_put(&ev->nouns, k, (void *)(intptr_t)(type + 1));
}

static const char *scalar(const kg_node *n, const char *file, kg_diag *d, size_t *errs);

/* `lemmas`: whole nouns that make a verb with 하다 / 되다 (철회했다,
 * 부과된), matched by the morphology (korean/morph.c), not as a prefix. */
static void add_lemmas(kg_evlex *ev, const kg_node *seq, int type, const char *file, kg_diag *d,
                       size_t *errs)
{
    if (!seq)
        return;
    if (seq->kind != KG_NODE_SEQ) {
        kg_diag_error(d, file, seq->line, seq->col, "lemmas: expected a list of words");
        (*errs)++;
        return;
    }
    for (size_t i = 0; i < seq->n; i++) {
        const char *w = scalar(seq->items[i], file, d, errs);
        if (!w)
            continue;
        char *k = strip_spaces(w);
        if (!*k || kg_hmap_get(&ev->lemmas, k)) {
            free(k);
            continue;
        }
        KG_VEC_PUSH(ev->keys, ev->n_keys, ev->cap_keys);
        ev->keys[ev->n_keys++] = k;
        kg_hmap_put(&ev->lemmas, k, (void *)(intptr_t)(type + 1));
    }
}

int ex_lemma_type(const kg_evlex *ev, const char *lemma)
{
    void *v = ev ? kg_hmap_get(&ev->lemmas, lemma) : NULL;
    return v ? (int)(intptr_t)v - 1 : -1;
}

static void add_entry(kg_evlex *ev, const char *text, int type, int noun)
{
    size_t len = strlen(text);
    if (!len)
        return;
    KG_VEC_PUSH(ev->v, ev->n, ev->cap);
    ex_entry *e = &ev->v[ev->n++];
    e->text = kg_xstrdup(text);
    e->len = len;
    e->type = type;
    e->noun = noun;
    /* A stem that begins with an ending (겠다고) or with the light verb
     * 하 before 겠 (하겠다) is found inside a word: 수호하겠다고. */
    e->midword = ex_has_any(text, 0, strlen(text), kg_gram_words("events", "volitional_infixes"));
    e->native = ex_stem_native(text, len);
    size_t n;
    e->fcp = ex_cp(text, len, 0, &n);
    const char *sp = memchr(e->text, ' ', len);
    ex_word w1;
    memset(&w1, 0, sizeof w1);
    w1.ce = sp ? (size_t)(sp - e->text) : len;
    ex_word_particle(e->text, &w1);
    e->w1 = w1.ce;
    e->part1 = w1.particle;
    e->ps1 = w1.ps;
}

/* A scalar string of a list item, or NULL (with a finding). */
static const char *scalar(const kg_node *n, const char *file, kg_diag *d, size_t *errs)
{
    if (n && n->kind == KG_NODE_SCALAR && n->value && *n->value)
        return n->value;
    kg_diag_error(d, file, n ? n->line : 0, n ? n->col : 0, "expected a non-empty string");
    (*errs)++;
    return NULL;
}

static void add_list(kg_evlex *ev, const kg_node *seq, int type, int noun, const char *file,
                     kg_diag *d, size_t *errs)
{
    if (!seq)
        return;
    if (seq->kind != KG_NODE_SEQ) {
        kg_diag_error(d, file, seq->line, seq->col, "expected a list of words");
        (*errs)++;
        return;
    }
    for (size_t i = 0; i < seq->n; i++) {
        const char *w = scalar(seq->items[i], file, d, errs);
        if (!w)
            continue;
        add_entry(ev, w, type, noun);
        /* Nouns name the act; a predicate stem that is a noun (규제, 제재)
         * names it too when it stands as the object of a support verb. */
        add_noun_key(ev, w, type);
        /* the verb stem that ends a phrase (관세를 매기, 우려를 나타내) is
         * matched in its fused forms too (매긴, 매길, 매겼); a single word
         * may end in an ending already (오르며), and is listed as written */
        size_t wl = strlen(w);
        if (!noun && strchr(w, ' ')) {
            char f[3][64];
            int nf = ex_stem_fused(w, wl, f, 3);
            for (int k = 0; k < nf; k++)
                add_entry(ev, f[k], type, noun);
        }
    }
}

static void add_types(kg_evlex *ev, const kg_node *seq, const char *file, kg_diag *d, size_t *errs)
{
    if (seq->kind != KG_NODE_SEQ) {
        kg_diag_error(d, file, seq->line, seq->col, "event_types: expected a list");
        (*errs)++;
        return;
    }
    for (size_t i = 0; i < seq->n; i++) {
        const kg_node *m = seq->items[i];
        if (!m || m->kind != KG_NODE_MAP) {
            kg_diag_error(d, file, m ? m->line : 0, m ? m->col : 0,
                          "event_types: expected a map with type, predicates, nouns");
            (*errs)++;
            continue;
        }
        const kg_node *t = kg_node_get(m, "type");
        const char *tn = scalar(t ? t : m, file, d, errs);
        if (!tn)
            continue;
        int type = ex_type_index(tn);
        if (type < 0) {
            kg_diag_error(d, file, t->line, t->col, "unknown event type '%s'", tn);
            (*errs)++;
            continue;
        }
        add_list(ev, kg_node_get(m, "predicates"), type, 0, file, d, errs);
        add_list(ev, kg_node_get(m, "nouns"), type, 1, file, d, errs);
        add_lemmas(ev, kg_node_get(m, "lemmas"), type, file, d, errs);
    }
}

static void add_cues(kg_evlex *ev, const kg_node *seq, const char *file, kg_diag *d, size_t *errs)
{
    if (seq->kind != KG_NODE_SEQ) {
        kg_diag_error(d, file, seq->line, seq->col, "relation_cues: expected a list");
        (*errs)++;
        return;
    }
    for (size_t i = 0; i < seq->n; i++) {
        const kg_node *m = seq->items[i];
        const kg_node *t = m && m->kind == KG_NODE_MAP ? kg_node_get(m, "type") : NULL;
        const char *tn = t && t->kind == KG_NODE_SCALAR ? t->value : NULL;
        int rt = -1;
        for (int k = 0; tn && k < EX_REL_N; k++)
            if (strcmp(rel_names[k], tn) == 0)
                rt = k;
        if (rt < 0) {
            kg_diag_error(d, file, m ? m->line : 0, m ? m->col : 0,
                          "relation_cues: expected a map with a relation type and cues");
            (*errs)++;
            continue;
        }
        const kg_node *cues = kg_node_get(m, "cues");
        for (size_t j = 0; cues && cues->kind == KG_NODE_SEQ && j < cues->n; j++) {
            const char *w = scalar(cues->items[j], file, d, errs);
            if (!w)
                continue;
            KG_VEC_PUSH(ev->cues[rt], ev->n_cues[rt], ev->cap_cues[rt]);
            ev->cues[rt][ev->n_cues[rt]++] = kg_xstrdup(w);
        }
    }
}

static int entry_cmp(const void *a, const void *b)
{
    const ex_entry *x = a, *y = b;
    uint32_t cx = x->fcp, cy = y->fcp;
    if (cx != cy)
        return cx < cy ? -1 : 1;
    if (x->len != y->len)
        return x->len > y->len ? -1 : 1; /* longest first */
    int c = strcmp(x->text, y->text);
    if (c)
        return c;
    return x->noun - y->noun;
}

size_t kg_evlex_add_corpus(kg_evlex *ev, const kg_corpus *c, kg_diag *d)
{
    size_t errs = 0;
    for (size_t i = 0; i < c->n; i++) {
        const kg_doc *doc = c->docs[i];
        for (size_t k = 0; k < doc->extra.n; k++) {
            const kg_extra *x = &doc->extra.v[k];
            if (!x->value)
                continue;
            if (strcmp(x->key, "event_types") == 0)
                add_types(ev, x->value, doc->path, d, &errs);
            else if (strcmp(x->key, "relation_cues") == 0)
                add_cues(ev, x->value, doc->path, d, &errs);
        }
    }
    /* a stem listed among the nouns too is a noun that needs 하다 */
    for (size_t i = 0; i < ev->n; i++)
        for (size_t k = 0; k < ev->n && ev->v[i].native && !ev->v[i].noun; k++)
            if (ev->v[k].noun && strcmp(ev->v[k].text, ev->v[i].text) == 0)
                ev->v[i].native = 0;
    if (ev->n)
        qsort(ev->v, ev->n, sizeof *ev->v, entry_cmp);
    return errs;
}

void ex_evlex_range(const kg_evlex *ev, uint32_t cp, size_t *lo, size_t *hi)
{
    size_t a = 0, b = ev->n;
    while (a < b) {
        size_t m = (a + b) / 2;
        if (ev->v[m].fcp < cp)
            a = m + 1;
        else
            b = m;
    }
    *lo = a;
    b = ev->n;
    size_t x = a;
    while (x < b) {
        size_t m = (x + b) / 2;
        if (ev->v[m].fcp <= cp)
            x = m + 1;
        else
            b = m;
    }
    *hi = x;
}

int ex_noun_type(const kg_evlex *ev, const char *s, size_t n)
{
    char buf[256];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < sizeof buf; i++)
        if (s[i] != ' ')
            buf[k++] = s[i];
    buf[k] = '\0';
    /* every suffix that starts on a code point, longest first */
    for (size_t i = 0; i < k; i++) {
        if (((unsigned char)buf[i] & 0xC0) == 0x80)
            continue;
        void *v = kg_hmap_get(&ev->nouns, buf + i);
        if (v)
            return (int)(intptr_t)v - 1;
    }
    return -1;
}
