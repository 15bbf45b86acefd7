/* style.c - style files: Graphviz attributes a person edits, by kind.
 *
 * A style is a DOT graph (see graph/default.gv for the format). Its graph
 * attributes and node/edge defaults are copied into the picture; a node
 * statement named after a kind ("event.restrict") holds the attributes
 * for everything of that kind. Attributes named kg_* are settings of kg
 * and are never passed to Graphviz. */
#include <stdlib.h>
#include <string.h>

#include "render/render_int.h"

extern const char kg_style_graph_text[];
extern const char kg_style_timeline_text[];

struct attr {
    const char *name, *value; /* borrowed from the style graph */
    int html;
};

struct entry {
    const char *kind;
    int present;      /* the style has a node statement of that name */
    struct attr *v;
    size_t n;
};

struct kg_style {
    Agraph_t *g;
    struct entry *entries; /* cache of looked-up kinds */
    size_t n, cap;
};

const char *kg_render_default_style(int timeline)
{
    return timeline ? kg_style_timeline_text : kg_style_graph_text;
}

static int is_setting(const char *name)
{
    return strncmp(name, "kg_", 3) == 0;
}

kg_style *kg_style_load(const char *text, size_t len, const char *name, int timeline,
                        kg_diag *d)
{
    kg_buf copy = KG_BUF_INIT;
    if (!text) {
        text = kg_render_default_style(timeline);
        len = strlen(text);
        name = timeline ? "graph/timeline.gv (built in)" : "graph/default.gv (built in)";
    }
    /* agmemread wants a NUL-terminated string */
    kg_buf_add(&copy, text, len);
    agreseterrors();
    Agraph_t *g = agmemread(copy.ptr);
    kg_buf_free(&copy);
    if (!g || agerrors()) {
        kg_diag_error(d, name, 0, 0, "not a Graphviz style file%s%s",
                      aglasterr() ? ": " : "", aglasterr() ? aglasterr() : "");
        if (g)
            agclose(g);
        return NULL;
    }
    kg_style *s = kg_xcalloc(1, sizeof *s);
    s->g = g;
    return s;
}

void kg_style_free(kg_style *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        free(s->entries[i].v);
    free(s->entries);
    agclose(s->g);
    free(s);
}

static void set_attr(void *obj, const char *name, const char *value, int html)
{
    if (html)
        kg_gv_set_html(obj, name, value);
    else
        kg_gv_set(obj, name, value);
}

void kg_style_begin(const kg_style *s, Agraph_t *g)
{
    Agsym_t *sym = NULL;
    while ((sym = agnxtattr(s->g, AGRAPH, sym))) {
        const char *v = agxget(s->g, sym);
        if (is_setting(sym->name) || !v || !*v)
            continue;
        set_attr(g, sym->name, v, aghtmlstr((char *)v));
    }
    for (int kind = AGNODE; kind <= AGEDGE; kind++) {
        sym = NULL;
        while ((sym = agnxtattr(s->g, kind, sym))) {
            if (is_setting(sym->name) || !sym->defval || !*sym->defval)
                continue;
            if (aghtmlstr(sym->defval))
                agattr(g, kind, sym->name, agstrdup_html(g, sym->defval));
            else
                agattr(g, kind, sym->name, sym->defval);
        }
    }
}

/* The attributes a kind's node statement sets (those that differ from the
 * node defaults). Cached: a picture asks for the same kinds many times. */
static const struct entry *lookup(const kg_style *cs, const char *kind)
{
    kg_style *s = (kg_style *)cs;
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->entries[i].kind, kind) == 0)
            return s->entries[i].present ? &s->entries[i] : NULL;
    Agnode_t *n = agnode(s->g, (char *)kind, 0);
    KG_VEC_PUSH(s->entries, s->n, s->cap);
    struct entry *e = &s->entries[s->n++];
    memset(e, 0, sizeof *e);
    e->kind = agstrdup(s->g, (char *)kind); /* freed with the graph */
    if (!n)
        return NULL;
    e->present = 1;
    Agsym_t *sym = NULL;
    while ((sym = agnxtattr(s->g, AGNODE, sym))) {
        const char *v = agxget(n, sym);
        if (!v || strcmp(v, sym->defval) == 0)
            continue;
        e->v = kg_xrealloc(e->v, (e->n + 1) * sizeof *e->v);
        e->v[e->n].name = sym->name;
        e->v[e->n].value = v;
        e->v[e->n].html = aghtmlstr((char *)v);
        e->n++;
    }
    return e;
}

int kg_style_apply(const kg_style *s, void *obj, const char *kind)
{
    const struct entry *e = lookup(s, kind);
    if (!e)
        return 0;
    for (size_t i = 0; i < e->n; i++)
        if (!is_setting(e->v[i].name))
            set_attr(obj, e->v[i].name, e->v[i].value, e->v[i].html);
    return 1;
}

const char *kg_style_get(const kg_style *s, const char *kind, const char *attr)
{
    if (!kind) {
        const char *v = agget(s->g, (char *)attr);
        return v && *v ? v : NULL;
    }
    const struct entry *e = lookup(s, kind);
    for (size_t i = 0; e && i < e->n; i++)
        if (strcmp(e->v[i].name, attr) == 0)
            return e->v[i].value;
    return NULL;
}

double kg_style_num(const kg_style *s, const char *attr, double def)
{
    const char *v = kg_style_get(s, NULL, attr);
    char *end;
    if (!v)
        return def;
    double x = strtod(v, &end);
    return end != v ? x : def;
}

const char *kg_style_name(const kg_style *s, const char *kind, const char *code)
{
    const char *names = kg_style_get(s, NULL, "kg_names");
    if (names && strcmp(names, "code") == 0)
        return code;
    const char *v = kg_style_get(s, kind, "kg_label");
    return v && *v ? v : code;
}

int kg_style_legend(const kg_style *s)
{
    const char *v = kg_style_get(s, NULL, "kg_legend");
    if (!v || strcmp(v, "bottom") == 0)
        return KG_LEGEND_BOTTOM;
    if (strcmp(v, "top") == 0)
        return KG_LEGEND_TOP;
    return KG_LEGEND_NONE;
}

const char *kg_style_value(const kg_style *s, const char *kind, const char *general,
                           const char *attr, int edge)
{
    const char *v = kind ? kg_style_get(s, kind, attr) : NULL;
    if (!v && general)
        v = kg_style_get(s, general, attr);
    if (!v) {
        Agsym_t *sym = agattr(s->g, edge ? AGEDGE : AGNODE, (char *)attr, NULL);
        v = sym && sym->defval && *sym->defval ? sym->defval : NULL;
    }
    return v;
}
