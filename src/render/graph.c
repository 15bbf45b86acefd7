/* graph.c - `kg graph`: the relationship graph (kg_render_graph).
 *
 * Actors, events and figures become nodes, styled by kind and type from
 * the style file; agent, target, subject, part_of and relation facts
 * become edges. Every node and edge carries its fact id as SVG id, its
 * kind as class, the fact as tooltip and the article's URL as link.
 * Above the style's kg_dot_max nodes the graph is laid out with sfdp
 * (dot draws a hub-and-spoke graph as one tall column, and takes minutes
 * on a dense graph of a few hundred nodes); above kg_big nodes edge
 * labels are left out unless asked for, and dot, if asked for, is held
 * back with nslimit/mclimit (style entry big.dot). */
#include <stdlib.h>
#include <string.h>

#include "render/render_int.h"

static const char *const engines[] = { "dot", "neato", "fdp", "sfdp", "twopi", "circo", NULL };

/* Wraps text into lines of at most max_w points (breaking at spaces, or
 * anywhere in a word longer than a line); appends the lines, '\n'
 * separated, to plain. */
static void wrap_text(kg_buf *plain, const char *text, double max_w, double fs,
                      size_t max_chars)
{
    kg_buf clean = KG_BUF_INIT, word = KG_BUF_INIT;
    kg_utf8_clean(&clean, text, strlen(text));
    if (max_chars) {
        size_t cut = kg_utf8_prefix(clean.ptr, max_chars);
        if (cut < clean.len) {
            clean.len = kg_utf8_prefix(clean.ptr, max_chars - 1);
            clean.ptr[clean.len] = '\0';
            kg_buf_puts(&clean, "\xE2\x80\xA6");
        }
    }
    double line_w = 0, space_w = kg_text_width(" ", fs) - 1;
    const char *p = clean.ptr;
    while (*p) {
        while (*p == ' ' || *p == '\n')
            p++;
        if (!*p)
            break;
        size_t n = strcspn(p, " \n");
        kg_buf_reset(&word);
        kg_buf_add(&word, p, n);
        p += n;
        double w = kg_text_width(word.ptr, fs);
        if (line_w > 0 && line_w + space_w + w > max_w) {
            kg_buf_putc(plain, '\n');
            line_w = 0;
        } else if (line_w > 0) {
            kg_buf_putc(plain, ' ');
            line_w += space_w;
        }
        /* a word wider than a line is broken between characters */
        const char *q = word.ptr;
        while (*q) {
            size_t k = kg_utf8_prefix(q, 1);
            char ch[8];
            memcpy(ch, q, k);
            ch[k] = '\0';
            double cw = kg_text_width(ch, fs) - 1;
            if (line_w > 0 && line_w + cw > max_w && w > max_w) {
                kg_buf_putc(plain, '\n');
                line_w = 0;
            }
            kg_buf_add(plain, q, k);
            line_w += cw;
            q += k;
        }
    }
    kg_buf_free(&clean);
    kg_buf_free(&word);
}

/* Label HTML is a table with one row a line: Graphviz spaces <BR/> lines
 * one font size apart, too tight for Hangul, whose glyphs then touch. */
static void row_begin(kg_buf *html, const char *font)
{
    kg_buf_puts(html, "<TR><TD>");
    if (font)
        kg_buf_puts(html, font);
}

static void row_end(kg_buf *html, const char *font)
{
    if (font)
        kg_buf_puts(html, strncmp(font, "<B>", 3) == 0 ? "</B>" : "</FONT>");
    kg_buf_puts(html, "</TD></TR>");
}

static void put_rows(kg_buf *html, const char *plain, const char *font)
{
    kg_buf line = KG_BUF_INIT;
    for (const char *p = plain;;) {
        size_t n = strcspn(p, "\n");
        kg_buf_reset(&line);
        kg_buf_add(&line, p, n);
        /* Graphviz rejects an empty <FONT></FONT> or <B></B>: an empty
         * line is an empty cell */
        const char *f = line.len ? font : NULL;
        row_begin(html, f);
        kg_gv_html(html, line.ptr, 0);
        row_end(html, f);
        if (!p[n])
            break;
        p += n + 1;
    }
    kg_buf_free(&line);
}

static void put_wrapped(kg_buf *html, const char *text, double max_w, double fs,
                        size_t max_chars)
{
    kg_buf plain = KG_BUF_INIT;
    wrap_text(&plain, text, max_w, fs, max_chars);
    put_rows(html, plain.ptr, NULL);
    kg_buf_free(&plain);
}

#define TABLE "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
#define SMALL "<FONT POINT-SIZE=\"8\" COLOR=\"#555555\">"

static double style_fontsize(const kg_style *s, const char *kind, double def)
{
    const char *v = kg_style_get(s, kind, "fontsize");
    return v ? atof(v) : def;
}

static void node_label(const kg_vnode *n, const kg_style *s, double wrap, kg_buf *html)
{
    kg_buf tmp = KG_BUF_INIT;
    switch (n->kind) {
    case KG_V_ACTOR:
        kg_gv_html(html, n->name && *n->name ? n->name : n->id, 40);
        break;
    case KG_V_EVENT: {
        const kg_event *ev = n->recs[0].ev;
        double fs = style_fontsize(s, "event", 10);
        kg_buf_puts(html, TABLE);
        put_wrapped(html, ev->title && *ev->title ? ev->title : n->id, wrap * fs, fs, 80);
        kg_date_text(&tmp, n->date ? n->date : &ev->date);
        /* articles, not records: one article may tell an event twice */
        size_t docs = 0;
        for (size_t r = 0; r < n->n_recs; r++) {
            size_t k = 0;
            while (k < r && n->recs[k].doc_ix != n->recs[r].doc_ix)
                k++;
            docs += k == r;
        }
        if (docs > 1)
            kg_buf_printf(&tmp, " · 기사 %zu건", docs);
        put_rows(html, tmp.ptr, SMALL);
        kg_buf_puts(html, "</TABLE>");
        break;
    }
    case KG_V_FIGURE: {
        const kg_figure *f = n->fig;
        double fs = style_fontsize(s, "figure", 9);
        kg_buf_puts(html, TABLE);
        /* no measure: the value alone (the id is in the tooltip; as a
         * label it was broken mid-word) */
        if (f->measure && *f->measure)
            put_wrapped(html, f->measure, wrap * fs, fs, 60);
        kg_figure_value(&tmp, f);
        put_rows(html, tmp.ptr, "<B>");
        if (f->date.text) {
            kg_buf_reset(&tmp);
            kg_date_text(&tmp, &f->date);
            put_rows(html, tmp.ptr, SMALL);
        }
        kg_buf_puts(html, "</TABLE>");
        break;
    }
    }
    kg_buf_free(&tmp);
}

static const char *node_type(const kg_vnode *n)
{
    if (n->kind == KG_V_ACTOR)
        return n->type && kg_in_list(kg_actor_types, n->type) ? n->type : "other";
    if (n->kind == KG_V_EVENT) {
        const char *t = n->recs[0].ev->type;
        return t && kg_in_list(kg_event_types, t) ? t : "other";
    }
    return NULL;
}

/* Sets what kg itself says about an object: id, class, tooltip. */
static void set_common(void *obj, const char *prefix, const char *id, const char *cls,
                       const char *tooltip)
{
    kg_buf b = KG_BUF_INIT;
    kg_buf_printf(&b, "%s%s", prefix, id);
    kg_gv_set(obj, "id", b.ptr);
    kg_gv_set(obj, "class", cls);
    kg_buf_reset(&b);
    kg_gv_tooltip(&b, tooltip);
    kg_gv_set(obj, "tooltip", b.ptr);
    kg_buf_free(&b);
}

static void set_url(void *obj, const char *url)
{
    kg_buf b = KG_BUF_INIT;
    if (kg_gv_url(&b, url) == 0) {
        kg_gv_set(obj, "URL", b.ptr);
        kg_gv_set(obj, "target", "_blank");
    }
    kg_buf_free(&b);
}

/* What the phases of kg_render_graph share. */
struct draw {
    kg_view *view;
    const kg_style *style;
    const char *prefix;
    kg_buf *b, *tip;
};

/* The graph with its id, its layout engine and their styles. */
static Agraph_t *open_graph(const struct draw *dr, const char *engine, int big)
{
    kg_buf *b = dr->b;
    Agraph_t *g = agopen("kg", Agdirected, NULL);
    kg_style_begin(dr->style, g);
    kg_gv_set(g, "layout", engine);
    kg_buf_printf(b, "%sgraph", dr->prefix);
    kg_gv_set(g, "id", b->ptr);
    kg_buf_reset(b);
    kg_buf_printf(b, "layout.%s", engine);
    kg_style_apply(dr->style, g, b->ptr);
    if (big) {
        kg_style_apply(dr->style, g, "big");
        kg_buf_reset(b);
        kg_buf_printf(b, "big.%s", engine);
        kg_style_apply(dr->style, g, b->ptr);
    }
    return g;
}

/* One node of the view: its styles, class, tooltip, label and link. */
static Agnode_t *add_node(Agraph_t *g, const struct draw *dr, const kg_vnode *n, double wrap)
{
    static const char *const kinds[] = { "actor", "event", "figure" };
    kg_buf *b = dr->b;
    const char *kind = kinds[n->kind];
    const char *type = node_type(n);
    Agnode_t *an = agnode(g, n->id, 1);
    kg_style_apply(dr->style, an, kind);
    kg_buf_reset(b);
    if (type) {
        kg_buf_printf(b, "%s.%s", kind, type);
        kg_style_apply(dr->style, an, b->ptr);
        kg_buf_reset(b);
        kg_buf_printf(b, "%s %s", kind, type);
    } else {
        kg_buf_puts(b, kind);
    }
    if (n->kind == KG_V_EVENT && !n->date)
        kg_buf_puts(b, " undated");
    if (n->kind == KG_V_EVENT && n->n_recs > 1)
        kg_buf_puts(b, " merged");
    kg_buf_reset(dr->tip);
    kg_view_describe(dr->view, n, dr->tip);
    char *cls = kg_xstrdup(b->ptr);
    set_common(an, dr->prefix, n->id, cls, dr->tip->ptr);
    free(cls);
    kg_buf_reset(b);
    node_label(n, dr->style, wrap, b);
    kg_gv_set_html(an, "label", b->ptr);
    if (n->kind != KG_V_ACTOR)
        set_url(an, kg_view_url(n));
    return an;
}

/* The one node of a graph with nothing to draw. */
static void add_empty_node(Agraph_t *g, const char *prefix)
{
    Agnode_t *an = agnode(g, "empty", 1);
    kg_gv_set(an, "shape", "plaintext");
    set_common(an, prefix, "empty", "empty", "nothing matches the selection");
    kg_gv_set_html(an, "label", "선택한 조건에 맞는 사실이 없습니다 (nothing to draw)");
}

/* The name of an edge's end in its tooltip. */
static const char *end_name(const kg_view *view, const kg_vnode *x)
{
    return x->kind == KG_V_ACTOR ? kg_view_actor_name(view, x->id)
           : x->kind == KG_V_EVENT && x->recs[0].ev->title ? x->recs[0].ev->title : x->id;
}

/* One edge of the view: its styles, class and tooltip; without labels,
 * the label its style gave it goes. */
static void add_edge(Agraph_t *g, const struct draw *dr, const kg_vedge *e, Agnode_t **gn,
                     int labels)
{
    kg_buf *b = dr->b;
    const char *kind = kg_edge_kind_name(e);
    Agedge_t *ae = agedge(g, gn[e->from], gn[e->to], NULL, 1);
    kg_buf_reset(b);
    if (e->kind == KG_E_RELATION) {
        kg_style_apply(dr->style, ae, "edge.relation");
        kg_buf_printf(b, "edge.%s", kind);
        kg_style_apply(dr->style, ae, b->ptr);
        kg_buf_reset(b);
        kg_buf_printf(b, "relation %s", kind);
    } else {
        kg_buf_printf(b, "edge.%s", kind);
        kg_style_apply(dr->style, ae, b->ptr);
        kg_buf_reset(b);
        kg_buf_puts(b, kind);
    }
    const kg_vnode *x = &dr->view->nodes[e->from], *y = &dr->view->nodes[e->to];
    kg_buf_reset(dr->tip);
    kg_buf_printf(dr->tip, "%s → %s (%s)", end_name(dr->view, x), end_name(dr->view, y), kind);
    char *cls = kg_xstrdup(b->ptr);
    set_common(ae, dr->prefix, e->id, cls, dr->tip->ptr);
    free(cls);
    if (!labels && agget(ae, "label") && *agget(ae, "label"))
        kg_gv_set(ae, "label", "");
}

int kg_render_graph(const kg_corpus *c, const kg_render_opts *o, kg_buf *out, kg_diag *d)
{
    kg_style *style = NULL;
    kg_view view;
    GVC_t *gvc = NULL;
    Agraph_t *g = NULL;
    Agnode_t **gn = NULL;
    kg_buf b = KG_BUF_INIT, tip = KG_BUF_INIT;
    const char *prefix = o->id_prefix ? o->id_prefix : "";
    int rc;

    memset(&view, 0, sizeof view);
    if (o->format != KG_FMT_SVG && o->format != KG_FMT_PNG && o->format != KG_FMT_PDF &&
        o->format != KG_FMT_DOT) {
        kg_diag_error(d, NULL, 0, 0, "a graph cannot be written as %s", kg_format_name(o->format));
        return KG_RENDER_EFORMAT;
    }
    if (o->engine && !kg_in_list(engines, o->engine)) {
        kg_diag_error(d, NULL, 0, 0, "--engine: '%s' is not one of dot, neato, fdp, sfdp",
                      o->engine);
        return KG_RENDER_EOPTION;
    }
    gvc = kg_gv_context(d);
    if (!gvc)
        return KG_RENDER_EGRAPHVIZ;
    kg_gv_capture(d);
    style = kg_style_load(o->style_text, o->style_len, o->style_name, 0, d);
    if (!style) {
        rc = KG_RENDER_EOPTION;
        goto done;
    }
    rc = kg_view_build(&view, c, o, d);
    if (rc != KG_RENDER_OK)
        goto done;

    int big = view.n_nodes > (size_t)kg_style_num(style, "kg_big", 150);
    int many = view.n_nodes > (size_t)kg_style_num(style, "kg_dot_max", 40);
    const char *engine = o->engine ? o->engine : many || big ? "sfdp" : "dot";
    int labels = !big || o->labels;
    double wrap = kg_style_num(style, "kg_wrap", 14);
    struct draw dr = { &view, style, prefix, &b, &tip };

    g = open_graph(&dr, engine, big);
    gn = kg_xcalloc(view.n_nodes ? view.n_nodes : 1, sizeof *gn);
    for (size_t i = 0; i < view.n_nodes; i++)
        gn[i] = add_node(g, &dr, &view.nodes[i], wrap);
    if (view.n_nodes == 0)
        add_empty_node(g, prefix);
    for (size_t i = 0; i < view.n_edges; i++)
        add_edge(g, &dr, &view.edges[i], gn, labels);

    rc = kg_gv_emit(gvc, g, o->format, o->dpi, out, d);

done:
    free(gn);
    if (g)
        agclose(g);
    kg_style_free(style);
    kg_gv_release();
    kg_view_free(&view);
    kg_buf_free(&b);
    kg_buf_free(&tip);
    return rc;
}
