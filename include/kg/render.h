/* kg/render.h - drawing the facts: relationship graph, dated timeline and
 * HTML report, through Graphviz (cgraph + gvc, in-process).
 *
 * Every renderer has the same signature (kg_render_fn): it reads a loaded
 * corpus, draws what the options select, and appends the result in the
 * requested format to `out`. Text handed to Graphviz is made valid UTF-8
 * and escaped for Graphviz's label syntax, so a title like `"<&]]>\N` is
 * drawn as written.
 *
 * The DOT that KG_FMT_DOT writes is the graph before layout: it records
 * the engine (`layout=`) and every attribute used, so `dot -Tsvg` on it
 * gives the same picture, and it does not depend on the fonts installed
 * (the golden tests compare it byte for byte). */
#ifndef KG_RENDER_H
#define KG_RENDER_H

#include <stddef.h>
#include "kg/buf.h"
#include "kg/diag.h"
#include "kg/facts.h"

/* Output formats (`-T`). */
typedef enum kg_format {
    KG_FMT_SVG = 0,
    KG_FMT_PNG,
    KG_FMT_PDF,
    KG_FMT_DOT,   /* DOT before layout */
    KG_FMT_HTML,  /* kg_render_report only */
    KG_FMT_MD     /* kg_render_report only: Markdown referring to SVG files */
} kg_format;

/* Maps "svg", "png", "pdf", "dot", "html", "md" to *out; -1 if unknown. */
int kg_format_parse(const char *name, kg_format *out);
/* The name of a format ("svg" ...). */
const char *kg_format_name(kg_format f);

/* How `kg timeline` groups events into lanes. */
typedef enum kg_lanes {
    KG_LANES_COUNTRY = 0, /* the first agent's country: its top part_of
                             ancestor if a country, else its `country`
                             key (also inherited through part_of) */
    KG_LANES_ACTOR,       /* the first agent itself */
    KG_LANES_TYPE         /* the event type */
} kg_lanes;

/* Renderer results. */
typedef enum kg_render_status {
    KG_RENDER_OK = 0,
    KG_RENDER_EGRAPHVIZ = -1, /* Graphviz failed (findings in the diag) */
    KG_RENDER_EOPTION = -2,   /* an option names something that does not
                                 exist or does not parse (unknown actor,
                                 bad date, bad style file, unknown engine) */
    KG_RENDER_EFORMAT = -3,   /* the renderer cannot write that format */
    KG_RENDER_STOPPED = -4    /* the gate (kg_render_set_gate) said stop */
} kg_render_status;

typedef struct kg_render_opts {
    kg_format format;
    /* selection (all optional) */
    const char *focus;          /* actor id, name or alias */
    int depth;                  /* hops from focus; <= 0 means 2 */
    const char *from, *to;      /* EDTF dates; an event is kept if it overlaps */
    const char *const *types;   /* event types to keep (NULL = all) */
    size_t n_types;
    const char *doc;            /* keep only facts of this document */
    /* drawing */
    const char *engine;         /* graph: dot|neato|fdp|sfdp; NULL = choose */
    int labels;                 /* 1: keep edge labels on big graphs too */
    kg_lanes lanes;             /* timeline */
    const char *style_text;     /* a style file's text (NULL = built-in) */
    size_t style_len;
    const char *style_name;     /* its name for findings */
    const char *id_prefix;      /* prefixed to every SVG id (NULL = none) */
    int no_source;              /* 1: do not read the articles for tooltips */
    /* report */
    const char *title;          /* the report's title (NULL = a neutral one) */
    const char *intro;          /* a paragraph under it (NULL = none) */
    double dpi;                 /* PNG resolution; <= 0: 192 (twice 96) */
    /* graph: above this many nodes, and without focus, the actor graph
     * is drawn instead; 0 = the style's kg_max_nodes, < 0 = no limit */
    int max_nodes;
    /* timeline: above this many events only the most recent are drawn
     * (from the day that keeps at most this many on); 0 = the style's
     * kg_max_events, < 0 = no limit */
    int max_events;
} kg_render_opts;

#define KG_RENDER_OPTS_INIT { KG_FMT_SVG, NULL, 0, NULL, NULL, NULL, 0, NULL, \
                              NULL, 0, KG_LANES_COUNTRY, NULL, 0, NULL, NULL, 0, \
                              NULL, NULL, 0, 0, 0 }

/* The shared signature of every renderer. Appends the drawing to out
 * (which the caller owns and frees with kg_buf_free); findings (Graphviz
 * errors and warnings, bad options) go to d. Returns a kg_render_status. */
typedef int (*kg_render_fn)(const kg_corpus *c, const kg_render_opts *o, kg_buf *out,
                            kg_diag *d);

/* Actors, events and figures as nodes; agent, target, subject, part_of
 * and relation edges; same-as events merged into one node. */
int kg_render_graph(const kg_corpus *c, const kg_render_opts *o, kg_buf *out, kg_diag *d);
/* Events on a proportional time axis, one lane per actor group. */
int kg_render_timeline(const kg_corpus *c, const kg_render_opts *o, kg_buf *out, kg_diag *d);
/* An HTML page (o->format KG_FMT_HTML) with the timeline and graph SVG
 * inline and tables of events, figures and documents; or Markdown
 * (KG_FMT_MD) that refers to graph.svg and timeline.svg beside it. */
int kg_render_report(const kg_corpus *c, const kg_render_opts *o, kg_buf *out, kg_diag *d);

/* Makes a corpus with errors drawable: takes out of c what the error
 * findings in d (those of loading and of kg_check, placed by file, line
 * and column, so the documents must still have their node trees) say is
 * not valid, and what then refers to nothing:
 *   - an event or figure with a bad date is kept undated (a bad span or
 *     `when` is dropped); an unknown actor in agent, target or subject is
 *     left out, the fact kept; an actor keeps all but a bad part_of,
 *     country or aliases;
 *   - a relation with an error, or to an event or figure that is not
 *     kept, is left out;
 *   - a bad url, published, title, publisher or author of a document is
 *     dropped, a bad source or sha256 drops the source (never read); an
 *     error in the header itself, its id or the `kg:` version leaves the
 *     whole document out;
 *   - any other fact with an error is left out.
 * Returns how many facts were left out; *fixed (if not NULL) gets how
 * many are kept without a bad value. */
size_t kg_render_prune(kg_corpus *c, const kg_diag *d, size_t *fixed);

/* Seconds from the start of the process to the first time a picture
 * reached its Graphviz layout (for -T dot: its DOT text was ready), to
 * the kernel's clock tick; -1 before that (KG_TIMING, see kg(1)). */
double kg_render_before_layout(void);
/* The CPU time (user and system) the process had spent by then; -1
 * before that. */
double kg_render_cpu_before_layout(void);
/* Seconds since the process started, to the kernel's clock tick; -1 when
 * not at hand. */
double kg_render_since_start(void);

/* A function the next picture calls once before its layout (for -T dot:
 * before its DOT text is written), with ctx: nonzero stops the picture
 * (KG_RENDER_STOPPED, nothing laid out). NULL: none. The drawing of a
 * picture from a store whose up-to-date check is still running waits for
 * it there. */
void kg_render_set_gate(int (*gate)(void *ctx), void *ctx);

/* Frees the Graphviz context the renderers share. Call it once, when the
 * program has drawn everything (no renderer may run after it). */
void kg_render_cleanup(void);

/* The built-in styles (the same text as graph/default.gv and
 * graph/timeline.gv); static strings. */
const char *kg_render_default_style(int timeline);

/* ---- exports (export.c): the facts for other tools ----
 *
 * What is exported is what kg_render_graph would draw with the same
 * options (focus, depth, from, to, types, doc): the same nodes (actors,
 * events with same-as records merged, figures) under the same ids, and
 * the same edges. Every string is valid UTF-8 with control characters
 * replaced, then escaped for the format. */
typedef enum kg_export_format {
    KG_EXPORT_CSV = 0,            /* one table (kg_export_table), RFC 4180 */
    KG_EXPORT_GRAPHML,            /* GraphML, attributes declared as <key>s */
    KG_EXPORT_GEXF,               /* GEXF 1.2 (Gephi), node and edge attributes */
    KG_EXPORT_TIMELINEJS,         /* Knight Lab TimelineJS JSON (dated events) */
    KG_EXPORT_MERMAID,            /* Markdown: both Mermaid diagrams in fences */
    KG_EXPORT_MERMAID_TIMELINE,   /* a Mermaid timeline of the dated events */
    KG_EXPORT_MERMAID_FLOWCHART   /* a Mermaid flowchart of responds-to/causes */
} kg_export_format;

/* The CSV tables. */
typedef enum kg_export_table {
    KG_TABLE_EVENTS = 0, KG_TABLE_ACTORS, KG_TABLE_FIGURES, KG_TABLE_RELATIONS, KG_N_TABLES
} kg_export_table;

/* "csv", "graphml", "gexf", "timelinejs", "mermaid", "mermaid-timeline",
 * "mermaid-flowchart" to *f; -1 if unknown. */
int kg_export_format_parse(const char *name, kg_export_format *f);
const char *kg_export_format_name(kg_export_format f);
/* "events", "actors", "figures", "relations" to *t; -1 if unknown. */
int kg_export_table_parse(const char *name, kg_export_table *t);
const char *kg_export_table_name(kg_export_table t);
/* Appends the export in format f (for CSV: table t) to out. Undated
 * events are left out of TimelineJS and the Mermaid timeline (a note in
 * d says how many). Returns a kg_render_status (EOPTION for a bad
 * option, with the finding in d). */
int kg_export(const kg_corpus *c, const kg_render_opts *o, kg_export_format f,
              kg_export_table t, kg_buf *out, kg_diag *d);

#endif
