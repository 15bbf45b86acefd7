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

void kg_render_cleanup(void)
{
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

int kg_gv_emit(GVC_t *gvc, Agraph_t *built, kg_format f, double dpi, kg_buf *out, kg_diag *d)
{
    const char *fmt = f == KG_FMT_SVG ? "svg" : f == KG_FMT_PNG ? "png" : f == KG_FMT_PDF ? "pdf"
                                                                                     : NULL;
    if (f == KG_FMT_DOT) {
        int r = write_dot(built, out, d);
        mark_layout();
        return r;
    }
    if (!fmt)
        return KG_RENDER_EFORMAT;
    /* Lay out the graph as read back from the DOT we would write: the
     * order of nodes and edges steers the layout, and this way `dot
     * -Tsvg` on `-T dot` output gives the very same picture. */
    kg_buf dot = KG_BUF_INIT;
    int rc = write_dot(built, &dot, d);
    if (rc != KG_RENDER_OK) {
        kg_buf_free(&dot);
        return rc;
    }
    Agraph_t *g = agmemread(dot.ptr);
    kg_buf_free(&dot);
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
    agclose(g);
    return rc;
}

/* ---- the time before layout (KG_TIMING) ---- */

static double before_layout = -1;

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
    if (before_layout < 0)
        before_layout = kg_render_since_start();
}

double kg_render_before_layout(void)
{
    return before_layout;
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
    if (rc == 0 && data && !agerrors())
        kg_buf_add(out, data, len);
    else
        rc = -1;
    if (data)
        gvFreeRenderData(data);
    gvFreeLayout(gvc, g);
    if (rc != 0) {
        flush_line();
        kg_diag_error(d, NULL, 0, 0, "graphviz: rendering %s failed", fmt);
        return KG_RENDER_EGRAPHVIZ;
    }
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
