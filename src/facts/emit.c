/* emit.c - the facts model to YAML through libyaml's emitter: the
 * documented key order, unknown keys kept where they stood (after the
 * known ones), the mapping and list styles the file was read with, and
 * quotes only where YAML needs them. */
#include <pthread.h>
#include <regex.h>
#include <string.h>
#include <yaml.h>

#include "kg/buf.h"
#include "kg/factio.h"
#include "kg/facts.h"
#include "kg/utf8.h"

typedef struct em {
    yaml_emitter_t e;
    int failed;
} em;

static int write_handler(void *data, unsigned char *buffer, size_t size)
{
    kg_buf_add((kg_buf *)data, buffer, size);
    return 1;
}

static void emit(em *m, yaml_event_t *ev)
{
    if (m->failed) {
        yaml_event_delete(ev);
        return;
    }
    if (!yaml_emitter_emit(&m->e, ev))
        m->failed = 1;
}

/* Would a plain scalar with this text be read back as something other
 * than a string (null, bool, int, float, timestamp) by a YAML 1.1 or 1.2
 * reader? The patterns are those of the YAML 1.1 type repository and the
 * 1.2 core schema. */
static const char *const typed_patterns =
    "^[-+]?(0b[01_]+|0o?[0-7_]+|(0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(:[0-5]?[0-9])+)$|"
    "^[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?$|"
    "^[-+]?[0-9][0-9_]*(\\.[0-9_]*)?[eE][-+]?[0-9]+$|"
    "^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*$|"
    "^[-+]?\\.(inf|Inf|INF)$|^\\.(nan|NaN|NAN)$|"
    "^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?([Tt ].*)?$";
static regex_t typed_re;
static int typed_ok;
static pthread_once_t typed_once = PTHREAD_ONCE_INIT;

static void compile_typed(void)
{
    typed_ok = regcomp(&typed_re, typed_patterns, REG_EXTENDED | REG_NOSUB) == 0;
}

static int looks_typed(const char *s)
{
    static const char *const words[] = { "", "~", "null", "Null", "NULL", "true", "True",
                                         "TRUE", "false", "False", "FALSE", "yes", "Yes",
                                         "YES", "no", "No", "NO", "on", "On", "ON", "off",
                                         "Off", "OFF", "y", "Y", "n", "N", NULL };
    if (kg_in_list(words, s))
        return 1;
    /* compiled once, also when several threads write at the same time */
    pthread_once(&typed_once, compile_typed);
    if (!typed_ok)
        return 1; /* cannot tell: quote */
    return regexec(&typed_re, s, 0, NULL, 0) == 0;
}

/* libyaml's emitter loops forever on invalid UTF-8: a model built in
 * memory (from a damaged article, say) gets U+FFFD for every bad byte. */
static const char *valid_utf8(const char *s, kg_buf *tmp)
{
    size_t len = strlen(s), ok = kg_utf8_check(s, len);
    if (ok == len)
        return s;
    kg_buf_reset(tmp);
    kg_utf8_repair(tmp, s, len);
    return tmp->ptr;
}

static void scalar_styled(em *m, const char *s, yaml_scalar_style_t style)
{
    yaml_event_t ev;
    kg_buf tmp = KG_BUF_INIT;
    if (s)
        s = valid_utf8(s, &tmp);
    if (!s) {
        yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)"null", 4, 1, 1,
                                     YAML_PLAIN_SCALAR_STYLE);
    } else {
        yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1,
                                     style);
    }
    emit(m, &ev);
    kg_buf_free(&tmp);
}

/* A string: plain unless it would read back as another type. */
static void str(em *m, const char *s)
{
    scalar_styled(m, s, s && looks_typed(s) ? YAML_SINGLE_QUOTED_SCALAR_STYLE
                                            : YAML_ANY_SCALAR_STYLE);
}

/* A value written as it was (numbers, dates): plain. */
static void raw(em *m, const char *s)
{
    scalar_styled(m, s, YAML_PLAIN_SCALAR_STYLE);
}

/* A date is EDTF text; plain when YAML can hold it plain. */
static void date(em *m, const kg_date *d)
{
    scalar_styled(m, d->text, YAML_ANY_SCALAR_STYLE);
}

static void map_start(em *m, int flow)
{
    yaml_event_t ev;
    yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
                                        flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
    emit(m, &ev);
}

static void map_end(em *m)
{
    yaml_event_t ev;
    yaml_mapping_end_event_initialize(&ev);
    emit(m, &ev);
}

static void seq_start(em *m, int flow)
{
    yaml_event_t ev;
    yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
                                         flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
    emit(m, &ev);
}

static void seq_end(em *m)
{
    yaml_event_t ev;
    yaml_sequence_end_event_initialize(&ev);
    emit(m, &ev);
}

static void node(em *m, const kg_node *n)
{
    yaml_event_t ev;
    if (!n) {
        raw(m, NULL);
        return;
    }
    switch (n->kind) {
    case KG_NODE_SCALAR:
        yaml_scalar_event_initialize(&ev, NULL, (yaml_char_t *)n->tag, (yaml_char_t *)n->value,
                                     (int)n->len, n->tag == NULL, n->tag == NULL,
                                     (yaml_scalar_style_t)n->style);
        emit(m, &ev);
        break;
    case KG_NODE_SEQ:
        yaml_sequence_start_event_initialize(&ev, NULL, (yaml_char_t *)n->tag, n->tag == NULL,
                                             (yaml_sequence_style_t)n->style);
        emit(m, &ev);
        for (size_t i = 0; i < n->n; i++)
            node(m, n->items[i]);
        seq_end(m);
        break;
    case KG_NODE_MAP:
        yaml_mapping_start_event_initialize(&ev, NULL, (yaml_char_t *)n->tag, n->tag == NULL,
                                            (yaml_mapping_style_t)n->style);
        emit(m, &ev);
        for (size_t i = 0; i < n->n; i++)
            node(m, n->items[i]);
        map_end(m);
        break;
    }
}

static void extras(em *m, const kg_extras *x)
{
    for (size_t i = 0; i < x->n; i++) {
        str(m, x->v[i].key);
        node(m, x->v[i].value);
    }
}

static void kv(em *m, const char *key, const char *value)
{
    if (!value)
        return;
    raw(m, key);
    str(m, value);
}

/* Was this part of the file written in flow style ({...} or [...])? */
static int flow_of(const kg_node *n, int dflt)
{
    if (!n)
        return dflt;
    return n->style == YAML_FLOW_MAPPING_STYLE || n->style == YAML_FLOW_SEQUENCE_STYLE;
}

static void strv(em *m, const char *key, const kg_strv *v, const kg_node *map)
{
    if (!v->n && !kg_node_get(map, key))
        return;
    raw(m, key);
    seq_start(m, flow_of(kg_node_get(map, key), 1));
    for (size_t i = 0; i < v->n; i++)
        str(m, v->v[i]);
    seq_end(m);
}

static void span(em *m, const kg_span *sp)
{
    char a[32], b[32];
    if (!sp->set)
        return;
    snprintf(a, sizeof a, "%lld", sp->start);
    snprintf(b, sizeof b, "%lld", sp->end);
    raw(m, "span");
    seq_start(m, 1);
    raw(m, a);
    raw(m, b);
    seq_end(m);
}

/* The quote of a span, after it: plain or single-quoted when YAML allows,
 * double-quoted (escapes) when it holds a line break or a control
 * character, so it stays on one line. */
static void quote_kv(em *m, const char *q)
{
    if (!q)
        return;
    int ctl = 0;
    for (const unsigned char *p = (const unsigned char *)q; *p && !ctl; p++)
        ctl = *p < 0x20 || *p == 0x7f;
    raw(m, "quote");
    if (ctl)
        scalar_styled(m, q, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
    else
        str(m, q);
}

static void date_kv(em *m, const char *key, const kg_date *d, const kg_node *map)
{
    /* an explicit null stays; an absent date stays absent */
    if (!d->text && !kg_node_key(map, key))
        return;
    raw(m, key);
    date(m, d);
}

static void actor(em *m, const kg_actor *a)
{
    map_start(m, flow_of(a->node, 0));
    kv(m, "id", a->id);
    kv(m, "name", a->name);
    kv(m, "type", a->type);
    strv(m, "aliases", &a->aliases, a->node);
    kv(m, "part_of", a->part_of);
    extras(m, &a->extra);
    map_end(m);
}

static void event(em *m, const kg_event *e)
{
    map_start(m, flow_of(e->node, 0));
    kv(m, "id", e->id);
    kv(m, "title", e->title);
    kv(m, "type", e->type);
    date_kv(m, "date", &e->date, e->node);
    kv(m, "when", e->when);
    strv(m, "agent", &e->agent, e->node);
    strv(m, "target", &e->target, e->node);
    span(m, &e->span);
    quote_kv(m, e->quote);
    extras(m, &e->extra);
    map_end(m);
}

static void figure(em *m, const kg_figure *f)
{
    map_start(m, flow_of(f->node, 0));
    kv(m, "id", f->id);
    if (f->value_text) {
        raw(m, "value");
        if (f->is_range) {
            seq_start(m, 1);
            raw(m, f->value_text);
            raw(m, f->value_max_text);
            seq_end(m);
        } else {
            raw(m, f->value_text);
        }
    }
    kv(m, "unit", f->unit);
    kv(m, "counter", f->counter);
    kv(m, "approx", f->approx);
    kv(m, "measure", f->measure);
    kv(m, "subject", f->subject);
    date_kv(m, "date", &f->date, f->node);
    span(m, &f->span);
    quote_kv(m, f->quote);
    extras(m, &f->extra);
    map_end(m);
}

static void relation(em *m, const kg_relation *r)
{
    map_start(m, flow_of(r->node, 1));
    kv(m, "id", r->id);
    kv(m, "from", r->from);
    kv(m, "type", r->type);
    kv(m, "to", r->to);
    extras(m, &r->extra);
    map_end(m);
}

/* The list under key: written when it has items or was in the file. */
static int list_start(em *m, const kg_doc *doc, const char *key, size_t n)
{
    const kg_node *v = kg_node_get(doc->tree, key);
    if (!n && !kg_node_key(doc->tree, key))
        return 0;
    raw(m, key);
    seq_start(m, n == 0 ? 1 : flow_of(v, 0));
    return 1;
}

int kg_facts_emit(const kg_doc *doc, kg_buf *out)
{
    em m = { .failed = 0 };
    yaml_event_t ev;
    if (!yaml_emitter_initialize(&m.e))
        return -1;
    yaml_emitter_set_output(&m.e, write_handler, out);
    yaml_emitter_set_unicode(&m.e, 1);
    yaml_emitter_set_width(&m.e, -1);
    yaml_emitter_set_indent(&m.e, 2);
    yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
    emit(&m, &ev);
    yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
    emit(&m, &ev);
    map_start(&m, 0);
    raw(&m, "kg");
    raw(&m, doc->version ? doc->version : "1");
    if (doc->has_header) {
        raw(&m, "document");
        map_start(&m, 0);
        kv(&m, "id", doc->id);
        kv(&m, "title", doc->title);
        kv(&m, "publisher", doc->publisher);
        kv(&m, "author", doc->author);
        const kg_node *hdr = kg_node_get(doc->tree, "document");
        date_kv(&m, "published", &doc->published, hdr);
        kv(&m, "url", doc->url);
        kv(&m, "source", doc->source);
        kv(&m, "sha256", doc->sha256);
        extras(&m, &doc->header_extra);
        map_end(&m);
    }
    if (list_start(&m, doc, "actors", doc->n_actors)) {
        for (size_t i = 0; i < doc->n_actors; i++)
            actor(&m, &doc->actors[i]);
        seq_end(&m);
    }
    if (list_start(&m, doc, "events", doc->n_events)) {
        for (size_t i = 0; i < doc->n_events; i++)
            event(&m, &doc->events[i]);
        seq_end(&m);
    }
    if (list_start(&m, doc, "figures", doc->n_figures)) {
        for (size_t i = 0; i < doc->n_figures; i++)
            figure(&m, &doc->figures[i]);
        seq_end(&m);
    }
    if (list_start(&m, doc, "relations", doc->n_relations)) {
        for (size_t i = 0; i < doc->n_relations; i++)
            relation(&m, &doc->relations[i]);
        seq_end(&m);
    }
    extras(&m, &doc->extra);
    map_end(&m);
    yaml_document_end_event_initialize(&ev, 1);
    emit(&m, &ev);
    yaml_stream_end_event_initialize(&ev);
    emit(&m, &ev);
    if (!m.failed && !yaml_emitter_flush(&m.e))
        m.failed = 1;
    yaml_emitter_delete(&m.e);
    if (out->len && out->ptr[out->len - 1] != '\n')
        kg_buf_putc(out, '\n');
    return m.failed ? -1 : 0;
}
