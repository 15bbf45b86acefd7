/* gv.c - the Graphviz side of the renderers: setting attributes, catching
 * Graphviz's messages into a kg_diag, and turning a graph into DOT, SVG,
 * PNG or PDF in memory. Every Graphviz call is paired with its release
 * here (gvLayout/gvFreeLayout, gvRenderData/gvFreeRenderData). */
#include <stdarg.h>
#include <time.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/render_int.h"

static Agsym_t *declare(void *obj, const char *name)
{
    Agraph_t *root = agroot(obj);
    int kind = agobjkind(obj);
    Agsym_t *sym = agattr(root, kind, (char *)name, NULL);
    if (!sym)
        sym = agattr(root, kind, (char *)name, "");
    return sym;
}

void kg_gv_set(void *obj, const char *name, const char *value)
{
    agxset(obj, declare(obj, name), (char *)value);
}

void kg_gv_set_html(void *obj, const char *name, const char *html)
{
    Agraph_t *root = agroot(obj);
    Agsym_t *sym = declare(obj, name);
    /* Graphviz rejects an empty HTML-like label (<>): a no-break space */
    char *h = agstrdup_html(root, (char *)(html && *html ? html : "&#160;"));
    agxset(obj, sym, h);
    agstrfree(root, h);
}

void kg_gv_setf(void *obj, const char *name, const char *fmt, ...)
{
    kg_buf b = KG_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    kg_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    kg_gv_set(obj, name, b.ptr);
    kg_buf_free(&b);
}

/* ---- messages ---- */

/* Graphviz reports through one global callback without a user pointer;
 * the renderers run one at a time, so a file-local target is enough. */
static kg_diag *capture_to;
static kg_buf capture_line = KG_BUF_INIT;

static void flush_line(void)
{
    char *s = capture_line.ptr;
    size_t n = capture_line.len;
    while (n && (s[n - 1] == '\n' || s[n - 1] == ' '))
        s[--n] = '\0';
    if (n && capture_to) {
        int err = strncmp(s, "Error", 5) == 0;
        const char *msg = s;
        if (strncmp(msg, "Error: ", 7) == 0)
            msg += 7;
        else if (strncmp(msg, "Warning: ", 9) == 0)
            msg += 9;
        kg_diag_add(capture_to, err ? KG_SEV_ERROR : KG_SEV_WARNING, NULL, 0, 0,
                    "graphviz: %s", msg);
    }
    kg_buf_reset(&capture_line);
}

static int on_message(char *msg)
{
    kg_buf_puts(&capture_line, msg);
    if (capture_line.len && capture_line.ptr[capture_line.len - 1] == '\n')
        flush_line();
    return 0;
}

void kg_gv_capture(kg_diag *d)
{
    capture_to = d;
    kg_buf_reset(&capture_line);
    agseterrf(on_message);
    agreseterrors();
}

void kg_gv_release(void)
{
    flush_line();
    agseterrf(NULL);
    capture_to = NULL;
    kg_buf_free(&capture_line);
}

/* One context for the whole process: Graphviz 2.43's pango plugin keeps a
 * pointer to the last font name it measured, and that name belongs to the
 * context; a second context after gvFreeContext makes it read freed
 * memory (the report draws two pictures). kg_render_cleanup frees it. */
static GVC_t *shared_gvc;

GVC_t *kg_gv_context(kg_diag *d)
{
    if (!shared_gvc)
        shared_gvc = gvContext();
    if (!shared_gvc)
        kg_diag_error(d, NULL, 0, 0, "graphviz: cannot create a context");
    return shared_gvc;
}

void kg_gv_begin(void)
{
    /* what gvContext does first: nodes are labelled by their name unless
     * told otherwise (the DOT's node [label="\N"]) */
    if (!shared_gvc)
        agattr(NULL, AGNODE, "label", "\\N");
}

/* The last picture laid out: its layout, and the graph when it is to be
 * closed (close), are freed by the next picture's kg_gv_emit or by
 * kg_render_cleanup. Freeing them takes a tenth of a second for a picture
 * of 2,000 nodes; kg_cli_draw writes the picture meanwhile. */
static GVC_t *pending_gvc;
static Agraph_t *pending;
static int pending_close;

static void free_pending(void)
{
    if (pending) {
        gvFreeLayout(pending_gvc, pending);
        if (pending_close)
            agclose(pending);
    }
    pending = NULL, pending_gvc = NULL, pending_close = 0;
}

void kg_gv_close(Agraph_t *g)
{
    if (g && g == pending)
        pending_close = 1;
    else if (g)
        agclose(g);
}

void kg_render_cleanup(void)
{
    free_pending();
    if (shared_gvc)
        gvFreeContext(shared_gvc);
    shared_gvc = NULL;
}

/* ---- output ---- */

static int layout_render(GVC_t *gvc, Agraph_t *g, const char *fmt, kg_buf *out, kg_diag *d);

static int write_dot(Agraph_t *g, kg_buf *out, kg_diag *d)
{
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    if (!f) {
        kg_diag_error(d, NULL, 0, 0, "cannot write DOT: out of memory");
        return KG_RENDER_EGRAPHVIZ;
    }
    int rc = agwrite(g, f);
    if (fclose(f) != 0)
        rc = -1;
    if (rc == 0)
        kg_buf_add(out, data, len);
    free(data);
    if (rc != 0) {
        kg_diag_error(d, NULL, 0, 0, "graphviz: cannot write DOT");
        return KG_RENDER_EGRAPHVIZ;
    }
    return KG_RENDER_OK;
}

static void mark_layout(void);

/* Sets sym2's value on obj2 to obj's value of sym (an HTML-like string
 * stays one). */
static void copy_value(Agraph_t *to, void *obj2, Agsym_t *sym2, void *obj, Agsym_t *sym)
{
    char *v = agxget(obj, sym);
    if (v == sym->defval && sym2->defval && strcmp(v, sym2->defval) == 0 &&
        aghtmlstr(v) == aghtmlstr(sym2->defval))
        return; /* (the default, as it was declared) */
    if (aghtmlstr(v)) {
        char *h = agstrdup_html(to, v);
        agxset(obj2, sym2, h);
        agstrfree(to, h);
    } else {
        agxset(obj2, sym2, v);
    }
}

/* Declares in to every attribute of kind that g declares, with its
 * default; into map (at the attribute's id) the new symbol. */
static void copy_decls(Agraph_t *g, Agraph_t *to, int kind, Agsym_t ***map, int *n)
{
    *n = 0;
    for (Agsym_t *sym = agnxtattr(g, kind, NULL); sym; sym = agnxtattr(g, kind, sym))
        if (sym->id + 1 > *n)
            *n = sym->id + 1;
    *map = kg_xcalloc(*n ? (size_t)*n : 1, sizeof **map);
    for (Agsym_t *sym = agnxtattr(g, kind, NULL); sym; sym = agnxtattr(g, kind, sym)) {
        char *d = sym->defval;
        if (d && aghtmlstr(d)) {
            char *h = agstrdup_html(to, d);
            (*map)[sym->id] = agattr(to, kind, sym->name, h);
            agstrfree(to, h);
        } else {
            (*map)[sym->id] = agattr(to, kind, sym->name, d ? d : "");
        }
    }
}

static void copy_attrs(Agraph_t *g, Agraph_t *to, int kind, Agsym_t **map, void *obj, void *obj2)
{
    for (Agsym_t *sym = agnxtattr(g, kind, NULL); sym; sym = agnxtattr(g, kind, sym))
        if (map[sym->id])
            copy_value(to, obj2, map[sym->id], obj, sym);
}

/* The graph as Graphviz reads back the DOT agwrite writes of it, built
 * by cgraph calls rather than through the text (writing and parsing the
 * DOT were a tenth of a large graph's time): agwrite writes the nodes
 * in their order, each followed by its out-edges (cgraph's order: by
 * head, then by creation), every edge naming its tail and head, so a
 * reader meets a node first as itself or as the head of an edge of a
 * node before it; the nodes are made in that order, then the edges in
 * the order they are written, each with every attribute of the one it
 * copies. Attributes are declared with their defaults first, as the
 * DOT's header declares them. (kg's graphs have no subgraphs.) */
static Agraph_t *reread(Agraph_t *g)
{
    Agdesc_t desc = agisstrict(g) ? (agisdirected(g) ? Agstrictdirected : Agstrictundirected)
                                  : (agisdirected(g) ? Agdirected : Agundirected);
    Agraph_t *to = agopen(agnameof(g), desc, NULL);
    if (!to)
        return NULL;
    Agsym_t **gmap, **nmap, **emap;
    int gn, nn, en;
    copy_decls(g, to, AGRAPH, &gmap, &gn);
    copy_decls(g, to, AGNODE, &nmap, &nn);
    copy_decls(g, to, AGEDGE, &emap, &en);
    copy_attrs(g, to, AGRAPH, gmap, g, to);
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        agnode(to, agnameof(n), 1);
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e))
            agnode(to, agnameof(aghead(e)), 1);
    }
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        Agnode_t *n2 = agnode(to, agnameof(n), 0);
        copy_attrs(g, to, AGNODE, nmap, n, n2);
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            Agedge_t *e2 = agedge(to, n2, agnode(to, agnameof(aghead(e)), 0), NULL, 1);
            copy_attrs(g, to, AGEDGE, emap, e, e2);
        }
    }
    free(gmap);
    free(nmap);
    free(emap);
    return to;
}

static int (*gate_fn)(void *);
static void *gate_ctx;

void kg_render_set_gate(int (*gate)(void *ctx), void *ctx)
{
    gate_fn = gate, gate_ctx = ctx;
}

int kg_gv_emit(GVC_t *gvc, Agraph_t *built, int as_read, kg_format f, double dpi, kg_buf *out,
               kg_diag *d)
{
    if (gate_fn) {
        int (*gate)(void *) = gate_fn;
        gate_fn = NULL;
        if (gate(gate_ctx))
            return KG_RENDER_STOPPED;
    }
    const char *fmt = f == KG_FMT_SVG ? "svg" : f == KG_FMT_PNG ? "png" : f == KG_FMT_PDF ? "pdf"
                                                                                     : NULL;
    if (f == KG_FMT_DOT) {
        int r = write_dot(built, out, d);
        mark_layout();
        return r;
    }
    if (!fmt)
        return KG_RENDER_EFORMAT;
    free_pending();
    if (!gvc && !(gvc = kg_gv_context(d)))
        return KG_RENDER_EGRAPHVIZ;
    /* Lay out the graph as read back from the DOT we would write: the
     * order of nodes and edges steers the layout, and this way `dot
     * -Tsvg` on `-T dot` output gives the very same picture. */
    Agraph_t *g = as_read ? built : reread(built);
    int rc;
    if (!g) {
        flush_line();
        kg_diag_error(d, NULL, 0, 0, "graphviz: cannot read back the graph it was given");
        return KG_RENDER_EGRAPHVIZ;
    }
    if (f == KG_FMT_PNG) {
        /* pixels per inch of the bitmap; the layout (in points) is the
         * same at every resolution */
        char v[32];
        snprintf(v, sizeof v, "%g", dpi > 0 ? dpi : 192.0);
        agsafeset(g, "dpi", v, "");
    }
    rc = layout_render(gvc, g, fmt, out, d);
    if (g != built)
        kg_gv_close(g);
    return rc;
}

/* ---- the time before layout (KG_TIMING) ---- */

static double before_layout = -1, cpu_before_layout = -1;

/* Seconds since the process started (its start time from /proc, to the
 * kernel's clock tick, 0.01 s), or -1 when that is not at hand. */
double kg_render_since_start(void)
{
    char buf[1024];
    FILE *f = fopen("/proc/self/stat", "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    const char *p = strrchr(buf, ')'); /* (the command name may hold spaces) */
    unsigned long long start = 0;
    for (int field = 2; p && *p && field < 22; field++)
        p = strchr(p + 1, ' ');
    if (!p || sscanf(p + 1, "%llu", &start) != 1)
        return -1;
    long hz = sysconf(_SC_CLK_TCK);
    struct timespec now;
    if (hz <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    return (double)now.tv_sec + now.tv_nsec / 1e9 - (double)start / (double)hz;
}

/* Notes the first time a picture reaches its layout (or its DOT text is
 * ready, for -T dot). */
static void mark_layout(void)
{
    if (before_layout < 0) {
        before_layout = kg_render_since_start();
        struct timespec ts;
        if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) == 0)
            cpu_before_layout = (double)ts.tv_sec + ts.tv_nsec / 1e9;
    }
}

double kg_render_before_layout(void)
{
    return before_layout;
}

double kg_render_cpu_before_layout(void)
{
    return cpu_before_layout;
}

static int layout_render(GVC_t *gvc, Agraph_t *g, const char *fmt, kg_buf *out, kg_diag *d)
{
    mark_layout();
    const char *engine = agget(g, "layout");
    if (!engine || !*engine)
        engine = "dot";
    if (gvLayout(gvc, g, engine) != 0 || agerrors()) {
        gvFreeLayout(gvc, g);
        flush_line();
        kg_diag_error(d, NULL, 0, 0, "graphviz: layout with '%s' failed", engine);
        return KG_RENDER_EGRAPHVIZ;
    }
    char *data = NULL;
    unsigned int len = 0;
    int rc = gvRenderData(gvc, g, (char *)fmt, &data, &len);
    if (rc == 0 && data && !agerrors()) {
        if (out->cap == 0 && !out->len && data[len] == '\0') {
            /* Graphviz's buffer becomes out's, not copied (megabytes for
             * a big picture): gvRenderData mallocs it with a '\0' after
             * the data and gvFreeRenderData frees it with free() */
            out->ptr = data;
            out->len = len;
            out->cap = (size_t)len + 1;
            data = NULL;
        } else {
            kg_buf_add(out, data, len);
        }
    } else {
        rc = -1;
    }
    if (data)
        gvFreeRenderData(data);
    if (rc != 0) {
        gvFreeLayout(gvc, g);
        flush_line();
        kg_diag_error(d, NULL, 0, 0, "graphviz: rendering %s failed", fmt);
        return KG_RENDER_EGRAPHVIZ;
    }
    pending_gvc = gvc, pending = g, pending_close = 0; /* (freed later: see free_pending) */
    return KG_RENDER_OK;
}

/* ---- formats ---- */

static const char *const format_names[] = { "svg", "png", "pdf", "dot", "html", "md", NULL };

int kg_format_parse(const char *name, kg_format *out)
{
    for (int i = 0; format_names[i]; i++) {
        if (strcmp(format_names[i], name) == 0) {
            *out = (kg_format)i;
            return 0;
        }
    }
    return -1;
}

const char *kg_format_name(kg_format f)
{
    return (unsigned)f < sizeof format_names / sizeof format_names[0] - 1 ? format_names[f] : "?";
}
