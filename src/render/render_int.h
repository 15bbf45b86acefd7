/* render_int.h - what the renderers share and callers need not see: text
 * escaping for Graphviz, style files, the selected view of the facts, and
 * the Graphviz output pipeline. */
#ifndef KG_RENDER_INT_H
#define KG_RENDER_INT_H

#include "util/hmap.h"
#include <gvc.h>
#include "kg/buf.h"
#include "kg/diag.h"
#include "kg/check.h"
#include "kg/factio.h"
#include "kg/quote.h"
#include "kg/utf8.h"
#include "kg/facts.h"
#include "kg/render.h"
#include "facts/resolve.h"

/* The one font named in every picture (it has Hangul). */
#define KG_FONT "Noto Sans CJK KR"

/* ---- text (text.c) ---- */

/* Appends s[0..len) as valid UTF-8: invalid bytes become U+FFFD, and so
 * do control characters other than tab and newline and the non-characters
 * XML forbids; tab becomes a space. */
void kg_utf8_clean(kg_buf *out, const char *s, size_t len);
/* Number of bytes of s that hold at most max_chars code points. */
size_t kg_utf8_prefix(const char *s, size_t max_chars);
/* Appends s escaped as the text of a Graphviz HTML-like label: valid
 * UTF-8, & < > " ' as entities, backslashes doubled (so \N \G \n are
 * drawn as written), newlines as <BR/>. At most max_chars code points are
 * kept (0 = all); a cut is shown with an ellipsis. */
void kg_gv_html(kg_buf *out, const char *s, size_t max_chars);
/* Appends s escaped for a Graphviz tooltip attribute. */
void kg_gv_tooltip(kg_buf *out, const char *s);
/* Appends url made safe for a Graphviz URL attribute (percent-encoding
 * what may not stand in a URL, & as an entity). Returns -1 and appends
 * nothing unless url is an http(s) URL with a host. */
int kg_gv_url(kg_buf *out, const char *url);
/* Appends s escaped for HTML text or a double-quoted attribute. */
void kg_html_escape(kg_buf *out, const char *s);
/* An upper estimate, in points, of the width of s drawn in KG_FONT at
 * fontsize (the advance widths of Noto Sans CJK KR, plus a little). */
double kg_text_width(const char *s, double fontsize);
/* A rough, generous width of s in points: 1 em a character, 0.6 em an
 * ASCII one, 0.3 em a space, whatever the font. The timeline keeps its
 * lines clear of labels measured so (a browser may draw the SVG with
 * another font), and its layout test measures them the same way. */
double kg_text_rough_width(const char *s, double fontsize);
/* Appends a figure's value as a person reads it ("4,500개 이상", "600억
 * 위안", "3~5%"). */
void kg_figure_value(kg_buf *out, const kg_figure *f);
/* Appends a date for display ("2025-01-13", "2023-11 – 2025-09", "2017 –"). */
void kg_date_text(kg_buf *out, const kg_date *d);

/* ---- style files (style.c) ---- */

typedef struct kg_style kg_style;

/* Parses a style (DOT text; NULL = the built-in one for the picture).
 * Returns NULL with a finding in d if it does not parse. */
kg_style *kg_style_load(const char *text, size_t len, const char *name, int timeline,
                        kg_diag *d);
void kg_style_free(kg_style *s);
/* Copies the style's graph attributes and node/edge defaults into g. */
void kg_style_begin(const kg_style *s, Agraph_t *g);
/* Applies the attributes of style entry `kind` (a node statement of that
 * name in the style) to obj, which may be a graph, node or edge. Returns
 * 1 if the style has that entry. */
int kg_style_apply(const kg_style *s, void *obj, const char *kind);
/* The value of attribute attr of entry kind (or of the style graph when
 * kind is NULL), or NULL if not set there. */
const char *kg_style_get(const kg_style *s, const char *kind, const char *attr);
/* A number from the style graph's kg_* settings, or def. */
double kg_style_num(const kg_style *s, const char *attr, double def);
/* What a picture calls entry kind ("event.restrict"): its kg_label, or
 * code when it has none or the style says kg_names=code. Borrowed. */
const char *kg_style_name(const kg_style *s, const char *kind, const char *code);
/* Where the style's kg_legend puts the legend (an unknown value is none). */
enum { KG_LEGEND_NONE, KG_LEGEND_BOTTOM, KG_LEGEND_TOP };
int kg_style_legend(const kg_style *s);
/* The value attr takes on something of entry kind: kind's, else the
 * general entry's, else the style's node (or, when edge, edge) default;
 * NULL if none. Borrowed. */
const char *kg_style_value(const kg_style *s, const char *kind, const char *general,
                           const char *attr, int edge);

/* ---- Graphviz helpers (gv.c) ---- */

/* Sets an attribute on a graph, node or edge, declaring it (default "")
 * first if needed. value is copied. */
void kg_gv_set(void *obj, const char *name, const char *value);
/* Same with an HTML-like label value (already escaped text). */
void kg_gv_set_html(void *obj, const char *name, const char *html);
void kg_gv_setf(void *obj, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Lays out g with its `layout` attribute and renders it into out in the
 * format asked (DOT: the graph before layout, no Graphviz layout at all,
 * and no context made). The layout is that of the graph as Graphviz
 * reads back the DOT of g; as_read: g was built in that order already
 * (it is laid out itself). gvc NULL: the process's (kg_gv_context).
 * Graphviz's errors and warnings go to d; returns a kg_render_status. */
int kg_gv_emit(GVC_t *gvc, Agraph_t *g, int as_read, kg_format f, double dpi, kg_buf *out,
               kg_diag *d);
/* Closes a graph given to kg_gv_emit. The last picture's layout is freed
 * later (by the next kg_gv_emit, or kg_render_cleanup: after its output is
 * written, while kg_cli_draw writes it), and so is that graph then. */
void kg_gv_close(Agraph_t *g);
/* The process's Graphviz context (created on first use, freed by
 * kg_render_cleanup); NULL with a finding. */
GVC_t *kg_gv_context(kg_diag *d);
/* Call before building a graph: sets up cgraph as a context would (the
 * context itself, which loads Graphviz's plugins, is made when a layout
 * needs it; DOT needs none). */
void kg_gv_begin(void);
/* Starts and ends capturing Graphviz's messages into d. */
void kg_gv_capture(kg_diag *d);
void kg_gv_release(void);

/* ---- the selected facts (view.c) ---- */

typedef enum kg_vkind { KG_V_ACTOR, KG_V_EVENT, KG_V_FIGURE } kg_vkind;

typedef struct kg_vrec {      /* one record of a (merged) event */
    const kg_doc *doc;
    size_t doc_ix;            /* its index in the corpus */
    const kg_event *ev;
} kg_vrec;

typedef struct kg_vnode {
    kg_vkind kind;
    char *id;                 /* the fact id: actor id, "doc/e1", "doc/f1" */
    const kg_doc *doc;        /* event, figure: the (first) document */
    size_t doc_ix;            /* its index in the corpus */
    /* actor */
    const char *name, *type, *part_of; /* borrowed from the corpus */
    /* actor: the country it belongs to: the top of its part_of chain if
     * that is a country, else the first `country` key (an extension key
     * naming a country actor) going up the chain from the actor itself;
     * event: that of its first agent that has one. Id and name, borrowed;
     * NULL if none. The timeline's country lanes are these. */
    const char *country, *country_name;
    /* event: the records merged by same-as, first one leading */
    kg_vrec *recs; size_t n_recs;
    kg_strv agents, targets;  /* union over the records, actor ids */
    const kg_date *date;      /* first record's valid date, or NULL */
    long first, last;         /* day bounds when date (open ends clamped
                                 by the renderer) */
    /* figure */
    const kg_figure *fig;
    /* actor, in an actor graph (kg_view_actor_graph): the events it is an
     * agent or target of */
    size_t n_events;
} kg_vnode;

typedef enum kg_ekind {
    KG_E_AGENT, KG_E_TARGET, KG_E_SUBJECT, KG_E_PART_OF, KG_E_RELATION,
    /* the actor graph's (kg_view_actor_graph): agent -> target of `weight`
     * events, and two agents of `weight` events (from < to) */
    KG_E_ACTS_ON, KG_E_CO_AGENT
} kg_ekind;

typedef struct kg_vedge {
    kg_ekind kind;
    const char *rel;          /* relation type (KG_E_RELATION) */
    size_t from, to;          /* indices into nodes */
    char *id;
    size_t weight;            /* KG_E_ACTS_ON, KG_E_CO_AGENT: events */
} kg_vedge;

typedef struct kg_view {
    const kg_corpus *c;
    kg_vnode *nodes; size_t n_nodes, cap_nodes;
    kg_vedge *edges; size_t n_edges, cap_edges;
    /* per document: the source text when read (for tooltips) */
    size_t n_docs;
    char **src; size_t *src_len; int *src_tried;
    int no_source;
    kg_actors actors;         /* the corpus's merged actors (facts/resolve.h) */
    kg_hmap actor_ix;         /* actor node id -> its index + 1 (kg_view_actor_name) */
} kg_view;

/* Selects what the options ask for. Nodes come actors first (by id), then
 * events (by date, then id), then figures (by id); edges in a fixed order,
 * so the DOT written is deterministic. Returns a kg_render_status. */
int kg_view_build(kg_view *v, const kg_corpus *c, const kg_render_opts *o, kg_diag *d);
void kg_view_free(kg_view *v);
/* Appends the sentence of doc's source text that span points into
 * (nothing if the text or span is not at hand): stored, the fact's
 * `sentence` (read from the store), when not NULL, else cut from the
 * source text (read once per document). */
void kg_view_sentence(kg_view *v, size_t doc_ix, const kg_span *span, const char *stored,
                      kg_buf *out);
/* Appends a multi-line description of the node for a tooltip (raw text). */
void kg_view_describe(kg_view *v, const kg_vnode *n, kg_buf *out);
/* The http(s) URL of the node's document, or NULL. */
const char *kg_view_url(const kg_vnode *n);
/* Name of an actor id (its `name`, else the id). */
const char *kg_view_actor_name(const kg_view *v, const char *id);
/* Turns the view into its actor graph, for a view too big to draw: the
 * actors that are an agent or target of an event, each with the count
 * of those events; one edge from agent to target (KG_E_ACTS_ON) and one
 * between two agents of an event (KG_E_CO_AGENT), weighted by the
 * events that link them; events, figures and the other edges go. Nodes
 * stay in their order (actors by id), edges come by source, then kind,
 * then target. With max_edges (0 = all), only that many of the heaviest
 * edges are kept: *dropped gets how many went, *dropped_max the weight
 * of the heaviest that went. Returns the number of events the view held. */
/* counts[i] = the number of the view's events actor node i is an agent
 * or a target of (each event once); counts has n_nodes entries, 0 for
 * nodes that are no actor. */
void kg_view_actor_events(const kg_view *v, size_t *counts);
size_t kg_view_actor_graph(kg_view *v, size_t max_edges, size_t *dropped, size_t *dropped_max);
/* The kind name of an edge ("agent", "responds-to" ...). */
const char *kg_edge_kind_name(const kg_vedge *e);

#endif
