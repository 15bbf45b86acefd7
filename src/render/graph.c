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
 * back with nslimit/mclimit (style entry big.dot).
 *
 * Above kg_max_nodes nodes (or --max-nodes), unless --focus picks a
 * neighbourhood, the picture is the actor graph instead
 * (kg_view_actor_graph): a graph of 20,000 events took sfdp minutes and
 * drew nothing a reader could follow. Its edges are drawn thicker the
 * more events they stand for (pen width on a log scale up to the
 * heaviest edge), with the count in the tooltip, and a note says what
 * was drawn and how to get the full graph. */
#include <math.h>
#include <stdint.h>
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
    size_t max_weight; /* the actor graph's heaviest edge */
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
    if (e->kind == KG_E_ACTS_ON || e->kind == KG_E_CO_AGENT) {
        kg_style_apply(dr->style, ae, "edge.actors");
        kg_buf_printf(b, "edge.%s", kind);
        kg_style_apply(dr->style, ae, b->ptr);
        kg_buf_reset(b);
        kg_buf_printf(b, "actors %s", kind);
    } else if (e->kind == KG_E_RELATION) {
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
    if (e->weight) {
        kg_buf_printf(dr->tip, "%s %s %s: 사건 %zu건 (%zu event%s, %s)", end_name(dr->view, x),
                      e->kind == KG_E_CO_AGENT ? "+" : "→", end_name(dr->view, y), e->weight,
                      e->weight, e->weight == 1 ? "" : "s", kind);
        /* thicker the more events: log scale, the heaviest edge 6 */
        double pw = dr->max_weight > 1
                        ? 0.6 + 5.4 * log((double)e->weight) / log((double)dr->max_weight)
                        : 1;
        kg_gv_setf(ae, "penwidth", "%.2f", pw);
        kg_gv_setf(ae, "weight", "%zu", e->weight);
    } else {
        kg_buf_printf(dr->tip, "%s → %s (%s)", end_name(dr->view, x), end_name(dr->view, y),
                      kind);
    }
    char *cls = kg_xstrdup(b->ptr);
    set_common(ae, dr->prefix, e->id, cls, dr->tip->ptr);
    free(cls);
    if (!labels && agget(ae, "label") && *agget(ae, "label"))
        kg_gv_set(ae, "label", "");
}

/* ---- legend ---- */

#define LEGEND_PER_ROW 7

/* Appends a legend swatch cell: a small box (node kinds) or a line (edge
 * kinds) in the colours and line style the style gives kind. */
static void legend_swatch(kg_buf *html, const struct draw *dr, const char *kind,
                          const char *general, const char *code, int edge)
{
    const kg_style *s = dr->style;
    const char *color = kg_style_value(s, kind, general, "color", edge);
    const char *fill = kg_style_value(s, kind, general, "fillcolor", edge);
    const char *style = kg_style_value(s, kind, general, "style", edge);
    const char *shape = kg_style_value(s, kind, general, "shape", edge);
    kg_buf_puts(html, "<TD ID=\"");
    kg_buf id = KG_BUF_INIT;
    kg_buf_printf(&id, "%slegend.%s", dr->prefix, kind);
    kg_gv_html(html, id.ptr, 0);
    kg_buf_free(&id);
    kg_buf_puts(html, "\" TITLE=\"");
    kg_gv_html(html, code, 0);
    kg_buf_puts(html, "\" TARGET=\"_self\" BORDER=\"1\" FIXEDSIZE=\"TRUE\" HEIGHT=\"10\"");
    if (color) {
        kg_buf_puts(html, " COLOR=\"");
        kg_gv_html(html, color, 0);
        kg_buf_puts(html, "\"");
    }
    if (edge) {
        kg_buf_puts(html, " WIDTH=\"26\" SIDES=\"B\"");
        if (style && strstr(style, "dashed"))
            kg_buf_puts(html, " STYLE=\"dashed\"");
        else if (style && strstr(style, "dotted"))
            kg_buf_puts(html, " STYLE=\"dotted\"");
    } else {
        kg_buf_puts(html, " WIDTH=\"18\"");
        if (fill && style && strstr(style, "filled")) {
            kg_buf_puts(html, " BGCOLOR=\"");
            kg_gv_html(html, fill, 0);
            kg_buf_puts(html, "\"");
        }
        if ((style && strstr(style, "rounded")) ||
            (shape && (!strcmp(shape, "ellipse") || !strcmp(shape, "circle"))))
            kg_buf_puts(html, " STYLE=\"rounded\"");
    }
    kg_buf_puts(html, "></TD>");
}

/* Appends a cell with text (a name) at the legend's font size. */
static void legend_text(kg_buf *html, const char *text, double fs, int bold)
{
    if (!*text) { /* Graphviz rejects an empty <FONT> or <B> */
        kg_buf_puts(html, "<TD></TD>");
        return;
    }
    kg_buf_printf(html, "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%g\">%s", fs, bold ? "<B>" : "");
    kg_gv_html(html, text, 0);
    kg_buf_printf(html, "%s</FONT></TD>", bold ? "</B>" : "");
}

struct lg_item {
    char kind[48];
    const char *general, *code;
    int edge, text_only;
};

/* One section of the legend: its name, then its items, LEGEND_PER_ROW to
 * a row, in the columns of one table (a swatch and a name each). */
static void legend_section(kg_buf *html, const struct draw *dr, const char *section,
                           const char *section_code, const struct lg_item *v, size_t n, double fs)
{
    for (size_t i = 0; i < n; i++) {
        if (i % LEGEND_PER_ROW == 0) {
            kg_buf_puts(html, "<TR>");
            legend_text(html, i || !section ? "" : kg_style_name(dr->style, section, section_code),
                        fs, 1);
        }
        if (v[i].text_only) {
            kg_buf_printf(html, "<TD ALIGN=\"LEFT\" COLSPAN=\"2\"><FONT POINT-SIZE=\"%g\">", fs);
            kg_gv_html(html, kg_style_name(dr->style, v[i].kind, v[i].code), 0);
            kg_buf_puts(html, "</FONT></TD>");
        } else {
            legend_swatch(html, dr, v[i].kind, v[i].general, v[i].code, v[i].edge);
            legend_text(html, kg_style_name(dr->style, v[i].kind, v[i].code), fs, 0);
        }
        if (i % LEGEND_PER_ROW == LEGEND_PER_ROW - 1 || i + 1 == n) {
            size_t rest = LEGEND_PER_ROW - 1 - i % LEGEND_PER_ROW;
            if (rest)
                kg_buf_printf(html, "<TD COLSPAN=\"%zu\"></TD>", 2 * rest);
            kg_buf_puts(html, "</TR>");
        }
    }
}

static int date_marks(const kg_date *d, int *approx, int *uncertain)
{
    if (!d || !d->valid)
        return 0;
    *approx |= d->edtf.a.approx || (d->edtf.interval && d->edtf.b.approx);
    *uncertain |= d->edtf.a.uncertain || (d->edtf.interval && d->edtf.b.uncertain);
    return 1;
}

/* The legend as the graph's label: an HTML table with one row a section
 * (events, actors, figures, edges, date marks), listing only the kinds
 * the picture holds, each with the colours the style gives it. In the
 * SVG: the group a_legend, and a_legend.KIND for each swatch. */
static void add_legend(Agraph_t *g, const struct draw *dr)
{
    int where = kg_style_legend(dr->style);
    const kg_view *view = dr->view;
    if (where == KG_LEGEND_NONE || view->n_nodes == 0)
        return;
    struct lg_item ev[16], ac[16], fg[1], ed[16], dt[2];
    size_t n_ev = 0, n_ac = 0, n_fg = 0, n_ed = 0, n_dt = 0;
    for (size_t k = 0; kg_event_types[k] && n_ev < 16; k++)
        for (size_t i = 0; i < view->n_nodes; i++) {
            const kg_vnode *nd = &view->nodes[i];
            if (nd->kind == KG_V_EVENT && !strcmp(node_type(nd), kg_event_types[k])) {
                struct lg_item *it = &ev[n_ev++];
                memset(it, 0, sizeof *it);
                snprintf(it->kind, sizeof it->kind, "event.%s", kg_event_types[k]);
                it->general = "event";
                it->code = kg_event_types[k];
                break;
            }
        }
    for (size_t k = 0; kg_actor_types[k] && n_ac < 16; k++)
        for (size_t i = 0; i < view->n_nodes; i++) {
            const kg_vnode *nd = &view->nodes[i];
            if (nd->kind == KG_V_ACTOR && !strcmp(node_type(nd), kg_actor_types[k])) {
                struct lg_item *it = &ac[n_ac++];
                memset(it, 0, sizeof *it);
                snprintf(it->kind, sizeof it->kind, "actor.%s", kg_actor_types[k]);
                it->general = "actor";
                it->code = kg_actor_types[k];
                break;
            }
        }
    int approx = 0, uncertain = 0;
    for (size_t i = 0; i < view->n_nodes; i++) {
        const kg_vnode *nd = &view->nodes[i];
        if (nd->kind == KG_V_FIGURE && !n_fg) {
            memset(&fg[0], 0, sizeof fg[0]);
            snprintf(fg[0].kind, sizeof fg[0].kind, "figure");
            fg[0].code = "figure";
            n_fg = 1;
        }
        if (nd->kind == KG_V_EVENT)
            for (size_t r = 0; r < nd->n_recs; r++)
                date_marks(&nd->recs[r].ev->date, &approx, &uncertain);
        if (nd->kind == KG_V_FIGURE)
            date_marks(&nd->fig->date, &approx, &uncertain);
    }
    static const char *const edge_kinds[] = { "agent", "target", "subject", "part_of",
                                              "responds-to", "causes", "part-of", "acts-on",
                                              "co-agent", NULL };
    for (size_t k = 0; edge_kinds[k]; k++)
        for (size_t i = 0; i < view->n_edges; i++) {
            if (strcmp(kg_edge_kind_name(&view->edges[i]), edge_kinds[k]) != 0)
                continue;
            struct lg_item *it = &ed[n_ed++];
            memset(it, 0, sizeof *it);
            snprintf(it->kind, sizeof it->kind, "edge.%s", edge_kinds[k]);
            it->general = view->edges[i].kind == KG_E_RELATION ? "edge.relation"
                          : view->edges[i].weight                  ? "edge.actors"
                                                                   : NULL;
            it->code = edge_kinds[k];
            it->edge = 1;
            break;
        }
    if (approx) {
        memset(&dt[n_dt], 0, sizeof dt[n_dt]);
        snprintf(dt[n_dt].kind, sizeof dt[n_dt].kind, "legend.approx");
        dt[n_dt].code = "~ approximate";
        dt[n_dt++].text_only = 1;
    }
    if (uncertain) {
        memset(&dt[n_dt], 0, sizeof dt[n_dt]);
        snprintf(dt[n_dt].kind, sizeof dt[n_dt].kind, "legend.uncertain");
        dt[n_dt].code = "? uncertain";
        dt[n_dt++].text_only = 1;
    }

    const kg_style *s = dr->style;
    const char *fsv = kg_style_get(s, "legend", "fontsize");
    double fs = fsv && atof(fsv) > 0 ? atof(fsv) : 9;
    const char *color = kg_style_get(s, "legend", "color");
    const char *fill = kg_style_get(s, "legend", "fillcolor");
    const char *fc = kg_style_get(s, "legend", "fontcolor");
    kg_buf html = KG_BUF_INIT, id = KG_BUF_INIT;
    kg_buf_printf(&id, "%slegend", dr->prefix);
    if (fc) {
        kg_buf_puts(&html, "<FONT COLOR=\"");
        kg_gv_html(&html, fc, 0);
        kg_buf_puts(&html, "\">");
    }
    kg_buf_puts(&html, "<TABLE ID=\"");
    kg_gv_html(&html, id.ptr, 0);
    kg_buf_puts(&html, "\" TITLE=\"범례 (legend)\" TARGET=\"_self\" BORDER=\"1\" STYLE=\"rounded\" "
                       "CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\"");
    if (color) {
        kg_buf_puts(&html, " COLOR=\"");
        kg_gv_html(&html, color, 0);
        kg_buf_puts(&html, "\"");
    }
    if (fill) {
        kg_buf_puts(&html, " BGCOLOR=\"");
        kg_gv_html(&html, fill, 0);
        kg_buf_puts(&html, "\"");
    }
    kg_buf_puts(&html, ">");
    kg_buf_printf(&html, "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"%d\"><FONT POINT-SIZE=\"%g\"><B>",
                  1 + 2 * LEGEND_PER_ROW, fs + 1);
    kg_gv_html(&html, kg_style_name(s, "legend", "legend"), 0);
    kg_buf_puts(&html, "</B></FONT></TD></TR>");
    legend_section(&html, dr, "legend.event", "events", ev, n_ev, fs);
    legend_section(&html, dr, "legend.actor", "actors", ac, n_ac, fs);
    legend_section(&html, dr, NULL, NULL, fg, n_fg, fs);
    legend_section(&html, dr, "legend.edge", "edges", ed, n_ed, fs);
    legend_section(&html, dr, "legend.date", "dates", dt, n_dt, fs);
    kg_buf_puts(&html, "</TABLE>");
    if (fc)
        kg_buf_puts(&html, "</FONT>");
    kg_gv_set_html(g, "label", html.ptr);
    kg_gv_set(g, "labelloc", where == KG_LEGEND_TOP ? "t" : "b");
    kg_gv_set(g, "labeljust", "l");
    kg_buf_free(&html);
    kg_buf_free(&id);
}

static const kg_vedge *sort_edges; /* (for cmp_out) */

static int cmp_out(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    const kg_vedge *x = &sort_edges[a], *y = &sort_edges[b];
    if (x->to != y->to)
        return x->to < y->to ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* The order in which a reader of the DOT that agwrite writes of the
 * graph built in the view's order meets its nodes (into nodes) and its
 * edges (into edges): agwrite goes through the nodes in their order and
 * writes each one's out-edges after it, in cgraph's order (by head, then
 * as made), each edge naming its tail and head; so a reader makes a node
 * when it first meets it, as itself or as the head of an edge (see
 * gv.c's reread, which makes the same graph from a built one). */
static void read_order(const kg_view *v, size_t *nodes, size_t *edges)
{
    size_t n = v->n_nodes, m = v->n_edges;
    size_t *start = kg_xcalloc(n + 2, sizeof *start), *by_tail = kg_xmalloc((m + 1) * sizeof *by_tail);
    for (size_t e = 0; e < m; e++)
        start[v->edges[e].from + 2]++;
    for (size_t i = 2; i < n + 2; i++)
        start[i] += start[i - 1];
    for (size_t e = 0; e < m; e++)
        by_tail[start[v->edges[e].from + 1]++] = e;
    sort_edges = v->edges;
    for (size_t i = 0; i < n; i++)
        if (start[i + 1] - start[i] > 1)
            qsort(by_tail + start[i], start[i + 1] - start[i], sizeof *by_tail, cmp_out);
    char *seen = kg_xcalloc(n + 1, 1);
    size_t k = 0, w = 0;
    for (size_t i = 0; i < n; i++) {
        if (!seen[i])
            seen[i] = 1, nodes[k++] = i;
        for (size_t j = start[i]; j < start[i + 1]; j++) {
            size_t to = v->edges[by_tail[j]].to;
            if (!seen[to])
                seen[to] = 1, nodes[k++] = to;
            edges[w++] = by_tail[j];
        }
    }
    free(seen);
    free(start);
    free(by_tail);
}

int kg_render_graph(const kg_corpus *c, const kg_render_opts *o, kg_buf *out, kg_diag *d)
{
    kg_style *style = NULL;
    kg_view view;
    Agraph_t *g = NULL;
    Agnode_t **gn = NULL;
    size_t *order = NULL;
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
    kg_gv_begin();
    kg_gv_capture(d);
    style = kg_style_load(o->style_text, o->style_len, o->style_name, 0, d);
    if (!style) {
        rc = KG_RENDER_EOPTION;
        goto done;
    }
    rc = kg_view_build(&view, c, o, d);
    if (rc != KG_RENDER_OK)
        goto done;

    double style_max = kg_style_num(style, "kg_max_nodes", 400);
    size_t limit = o->max_nodes > 0 ? (size_t)o->max_nodes
                   : o->max_nodes < 0 || style_max <= 0 ? SIZE_MAX
                                                         : (size_t)style_max;
    size_t max_weight = 0;
    if (!o->focus && view.n_nodes > limit) {
        size_t nodes = view.n_nodes, actors = 0, dropped, dropped_max;
        for (size_t i = 0; i < view.n_nodes; i++)
            actors += view.nodes[i].kind == KG_V_ACTOR;
        /* a reader follows a few edges an actor, not a hairball */
        double per = kg_style_num(style, "kg_actor_edges", 3);
        size_t max_edges = per > 0 ? (size_t)(per * (double)(actors ? actors : 1)) : 0;
        size_t events = kg_view_actor_graph(&view, max_edges, &dropped, &dropped_max);
        for (size_t i = 0; i < view.n_edges; i++)
            if (view.edges[i].weight > max_weight)
                max_weight = view.edges[i].weight;
        kg_buf_printf(&b, "graph: %zu nodes (%zu events) are more than %s%zu, too many to draw "
                          "or read: drew the actor graph instead (%zu actors, %zu edges, each as "
                          "thick as the events that link its actors; the count is in its tooltip",
                      nodes, events, o->max_nodes > 0 ? "--max-nodes " : "the style's kg_max_nodes=",
                      limit, view.n_nodes, view.n_edges);
        if (dropped)
            kg_buf_printf(&b, "; %zu lightest edge%s, of at most %zu event%s, left out "
                              "(style kg_actor_edges)",
                          dropped, dropped == 1 ? "" : "s", dropped_max, dropped_max == 1 ? "" : "s");
        kg_diag_add(d, KG_SEV_NOTE, NULL, 0, 0,
                    "%s); for the full graph give --focus ACTOR, or --max-nodes N above %zu",
                    b.ptr, nodes);
        kg_buf_reset(&b);
    }
    int big = view.n_nodes > (size_t)kg_style_num(style, "kg_big", 150);
    int many = view.n_nodes > (size_t)kg_style_num(style, "kg_dot_max", 40);
    const char *engine = o->engine ? o->engine : many || big ? "sfdp" : "dot";
    int labels = !big || o->labels;
    double wrap = kg_style_num(style, "kg_wrap", 14);
    struct draw dr = { &view, style, prefix, &b, &tip, max_weight };

    /* DOT: the view's order; a picture: the order a reader of that DOT
     * builds the graph in, so that it is laid out as `dot -Tsvg` on it */
    int as_read = o->format != KG_FMT_DOT;
    order = kg_xmalloc((view.n_nodes + view.n_edges + 1) * sizeof *order);
    if (as_read)
        read_order(&view, order, order + view.n_nodes);
    else
        for (size_t i = 0; i < view.n_nodes + view.n_edges; i++)
            order[i] = i < view.n_nodes ? i : i - view.n_nodes;
    g = open_graph(&dr, engine, big);
    gn = kg_xcalloc(view.n_nodes ? view.n_nodes : 1, sizeof *gn);
    for (size_t i = 0; i < view.n_nodes; i++)
        gn[order[i]] = add_node(g, &dr, &view.nodes[order[i]], wrap);
    if (view.n_nodes == 0)
        add_empty_node(g, prefix);
    for (size_t i = 0; i < view.n_edges; i++)
        add_edge(g, &dr, &view.edges[order[view.n_nodes + i]], gn, labels);
    add_legend(g, &dr);

    rc = kg_gv_emit(NULL, g, as_read, o->format, o->dpi, out, d);

done:
    free(gn);
    free(order);
    kg_gv_close(g);
    kg_style_free(style);
    kg_gv_release();
    kg_view_free(&view);
    kg_buf_free(&b);
    kg_buf_free(&tip);
    return rc;
}
