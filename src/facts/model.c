/* model.c - the facts model: allocation, ownership, value sets. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kg/buf.h"
#include "kg/facts.h"
#include "kg/suggest.h"

const char *const kg_actor_types[] = { "country", "government", "person", "company",
                                       "organization", "media", "product", "other", NULL };
const char *const kg_event_types[] = { "announce", "restrict", "protest", "pledge",
                                       "release", "invest", "found", "legal",
                                       "cooperate", "compete", "meet", "other", NULL };
const char *const kg_relation_types[] = { "responds-to", "causes", "same-as", "part-of", NULL };
const char *const kg_approx_values[] = { "exact", "about", "over", "under", NULL };

const char *const kg_top_keys[] = { "kg", "document", "actors", "events", "figures", "relations",
                                    NULL };
const char *const kg_header_keys[] = { "id", "title", "publisher", "author", "published",
                                       "url", "source", "sha256", NULL };
const char *const kg_actor_keys[] = { "id", "name", "type", "aliases", "part_of", NULL };
const char *const kg_event_keys[] = { "id", "title", "type", "date", "when", "agent",
                                      "target", "span", "quote", NULL };
const char *const kg_figure_keys[] = { "id", "value", "unit", "counter", "approx", "measure",
                                       "subject", "date", "span", "quote", NULL };
const char *const kg_relation_keys[] = { "id", "from", "type", "to", NULL };

/* Units besides ISO 4217 money codes. */
static const char *const plain_units[] = { "%", "%p", "x", "count", "h", "day", "week", "month",
                                           "year", "cm", "mm", "m", "km", "nm", "GW", "MW",
                                           "kW", "TW", "GWh", "kg", "t", "gpu-h", "flops",
                                           "GB", "TB", "PB", "MB", "byte", "token", NULL };

/* ISO 4217 codes a news text is likely to use. */
static const char *const money[] = { "USD", "CNY", "KRW", "JPY", "EUR", "GBP", "TWD", "HKD",
                                     "INR", "RUB", "CHF", "CAD", "AUD", "SGD", "VND", "BRL",
                                     "SAR", "AED", "NZD", "SEK", "NOK", "DKK", "MXN", "IDR",
                                     "THB", "MYR", "PHP", "TRY", "ZAR", "ILS", "PLN", NULL };

int kg_in_list(const char *const *list, const char *s)
{
    if (!s)
        return 0;
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return 1;
    return 0;
}

int kg_unit_known(const char *unit)
{
    return kg_in_list(plain_units, unit) || kg_in_list(money, unit);
}

const char *kg_unit_suggest(const char *unit)
{
    if (!unit || strlen(unit) > 64)
        return NULL;
    /* the same letters in another case: usd, Gw, KG */
    const char *const *lists[2] = { plain_units, money };
    for (int l = 0; l < 2; l++)
        for (const char *const *u = lists[l]; *u; u++)
            if (strcasecmp(*u, unit) == 0)
                return *u;
    size_t np = 0, nm = 0;
    while (plain_units[np])
        np++;
    while (money[nm])
        nm++;
    const char *best = kg_suggest(unit, plain_units, np);
    return best ? best : kg_suggest(unit, money, nm);
}

int kg_is_slug(const char *s)
{
    if (!s || !((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
        return 0;
    for (s++; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return 0;
    return 1;
}

void kg_strv_push(kg_strv *s, const char *str)
{
    KG_VEC_PUSH(s->v, s->n, s->cap);
    s->v[s->n++] = kg_xstrdup(str);
}

void kg_strv_free(kg_strv *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    memset(s, 0, sizeof *s);
}

int kg_strv_has(const kg_strv *s, const char *str)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i], str) == 0)
            return 1;
    return 0;
}

void kg_set_str(char **field, const char *value)
{
    char *old = *field;
    *field = value ? kg_xstrdup(value) : NULL;
    free(old);
}

int kg_date_set(kg_date *d, const char *text)
{
    kg_date_free(d);
    if (!text)
        return 0;
    d->text = kg_xstrdup(text);
    d->valid = kg_edtf_parse(text, &d->edtf, NULL) == 0;
    return d->valid ? 0 : -1;
}

void kg_date_free(kg_date *d)
{
    free(d->text);
    memset(d, 0, sizeof *d);
}

static void extras_free(kg_extras *x)
{
    for (size_t i = 0; i < x->n; i++) {
        free(x->v[i].key);
        kg_node_free(x->v[i].value);
    }
    free(x->v);
    memset(x, 0, sizeof *x);
}

kg_doc *kg_doc_new(void)
{
    return kg_xcalloc(1, sizeof(kg_doc));
}

#define ADDER(fn, type, arr, n, cap)                                          \
    type *fn(kg_doc *doc)                                                     \
    {                                                                         \
        KG_VEC_PUSH(doc->arr, doc->n, doc->cap);                              \
        type *x = &doc->arr[doc->n++];                                        \
        memset(x, 0, sizeof *x);                                              \
        return x;                                                             \
    }
ADDER(kg_doc_add_actor, kg_actor, actors, n_actors, cap_actors)
ADDER(kg_doc_add_event, kg_event, events, n_events, cap_events)
ADDER(kg_doc_add_figure, kg_figure, figures, n_figures, cap_figures)
ADDER(kg_doc_add_relation, kg_relation, relations, n_relations, cap_relations)
#undef ADDER

void kg_doc_free(kg_doc *doc)
{
    if (!doc)
        return;
    free(doc->path);
    free(doc->version);
    free(doc->id);
    free(doc->title);
    free(doc->publisher);
    free(doc->author);
    free(doc->url);
    free(doc->source);
    free(doc->sha256);
    kg_date_free(&doc->published);
    extras_free(&doc->header_extra);
    for (size_t i = 0; i < doc->n_actors; i++) {
        kg_actor *a = &doc->actors[i];
        free(a->id);
        free(a->name);
        free(a->type);
        free(a->part_of);
        kg_strv_free(&a->aliases);
        extras_free(&a->extra);
    }
    free(doc->actors);
    for (size_t i = 0; i < doc->n_events; i++) {
        kg_event *e = &doc->events[i];
        free(e->id);
        free(e->title);
        free(e->type);
        free(e->when);
        kg_date_free(&e->date);
        kg_strv_free(&e->agent);
        kg_strv_free(&e->target);
        free(e->quote);
        free(e->sentence);
        extras_free(&e->extra);
    }
    free(doc->events);
    for (size_t i = 0; i < doc->n_figures; i++) {
        kg_figure *f = &doc->figures[i];
        free(f->id);
        free(f->value_text);
        free(f->value_max_text);
        free(f->unit);
        free(f->counter);
        free(f->approx);
        free(f->measure);
        free(f->subject);
        kg_date_free(&f->date);
        free(f->quote);
        free(f->sentence);
        extras_free(&f->extra);
    }
    free(doc->figures);
    for (size_t i = 0; i < doc->n_relations; i++) {
        kg_relation *r = &doc->relations[i];
        free(r->id);
        free(r->from);
        free(r->type);
        free(r->to);
        extras_free(&r->extra);
    }
    free(doc->relations);
    extras_free(&doc->extra);
    kg_node_free(doc->tree);
    free(doc);
}

void kg_doc_drop_tree(kg_doc *doc)
{
    for (size_t i = 0; i < doc->n_actors; i++)
        doc->actors[i].node = NULL;
    for (size_t i = 0; i < doc->n_events; i++)
        doc->events[i].node = NULL;
    for (size_t i = 0; i < doc->n_figures; i++)
        doc->figures[i].node = NULL;
    for (size_t i = 0; i < doc->n_relations; i++)
        doc->relations[i].node = NULL;
    kg_node_free(doc->tree);
    doc->tree = NULL;
}

void kg_corpus_init(kg_corpus *c)
{
    memset(c, 0, sizeof *c);
}

void kg_corpus_add(kg_corpus *c, kg_doc *doc)
{
    KG_VEC_PUSH(c->docs, c->n, c->cap);
    c->docs[c->n++] = doc;
}

void kg_corpus_free(kg_corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        kg_doc_free(c->docs[i]);
    free(c->docs);
    kg_strv_free(&c->source_roots);
    kg_strv_free(&c->grammar_files);
    kg_corpus_init(c);
}

kg_doc *kg_corpus_find_doc(const kg_corpus *c, const char *doc_id)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->docs[i]->id && strcmp(c->docs[i]->id, doc_id) == 0)
            return c->docs[i];
    return NULL;
}

const kg_actor *kg_corpus_find_actor(const kg_corpus *c, const char *id, const kg_doc **where)
{
    /* lexicons first, so a full definition wins over a document's mention */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < c->n; i++) {
            const kg_doc *doc = c->docs[i];
            if (doc->is_lexicon != (pass == 0))
                continue;
            for (size_t j = 0; j < doc->n_actors; j++)
                if (doc->actors[j].id && strcmp(doc->actors[j].id, id) == 0) {
                    if (where)
                        *where = doc;
                    return &doc->actors[j];
                }
        }
    return NULL;
}
