/* cmd_graph.c - 'kg graph': draws the relationship graph. Also holds the
 * option parsing that 'kg timeline' shares (kg_cli_draw). */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <sqlite3.h>
#include <time.h>

#include "cli.h"

#ifndef KG_DATADIR
#define KG_DATADIR "/usr/local/share/kg"
#endif
#include "kg/render.h"
#include "kg/store.h"

const char kg_help_graph[] =
    "usage: kg graph [PATH...] [OPTIONS]\n"
    "\n"
    "Draws actors, events and figures of the facts (files or folders; default:\n"
    "the project's facts) as a graph laid out by Graphviz: edges for agent,\n"
    "target, subject, part_of and every relation; same-as events are one node.\n"
    "In the SVG every node and edge has its fact id as id, its kind as class,\n"
    "the fact (and the sentence it came from) as tooltip, and a link to the\n"
    "article when the document has an http(s) url.\n"
    "\n"
    KG_HELP_LEFT_OUT
    "\n"
    "  --focus ACTOR     only the neighbourhood of an actor (id, name or alias)\n"
    "  --depth N         how many edges away from --focus (default 2)\n"
    "  --from DATE       only events on or after DATE (EDTF: 2024, 2024-11, ...)\n"
    "  --to DATE         only events on or before DATE\n"
    "                    (with --from or --to, undated facts are left out)\n"
    "  --type TYPE       only events of these types (repeat it, or a,b,c)\n"
    "  --doc ID          only the facts of one document\n"
    "  --engine NAME     dot, neato, fdp or sfdp (default: dot, or sfdp for\n"
    "                    graphs bigger than the style's kg_big nodes)\n"
    "  --labels          keep edge labels on big graphs too\n"
    "  --max-nodes N     above N nodes (default: the style's kg_max_nodes, 400)\n"
    "                    and without --focus, draw the actor graph instead: the\n"
    "                    actors, an edge between two as thick as the events that\n"
    "                    link them (a note says so); 0 = never\n"
    "  -T FORMAT         svg, png, pdf or dot (default: from -o's extension,\n"
    "                    case ignored, .gv for dot; svg without one; another\n"
    "                    extension is an error); dot is the graph before layout, with layout= and\n"
    "                    every attribute, so 'dot -Tsvg' on it gives the picture\n"
    "  -o FILE           write there instead of standard output (missing\n"
    "                    folders are made): a file is\n"
    "                    replaced atomically (through a symlink, the file it\n"
    "                    leads to); a device or FIFO is written in place\n"
    "  --dpi N           PNG resolution (default 192: twice a screen's 96, so\n"
    "                    the picture stays sharp on a high-density display)\n"
    "  --scale F         PNG size as a factor of 96 dpi (--scale 1 = --dpi 96)\n"
    "  --style FILE      a style file (the built-in one is graph/default.gv,\n"
    "                    installed as " KG_DATADIR "/graph/default.gv:\n"
    "                    copy it and edit;\n"
    "                    default: the project's 'style:')\n"
    "  --no-source       do not read the articles for tooltip sentences\n"
    KG_HELP_STORE
    "\n"
    "exit status: 0 ok, 1 the facts had errors (what is valid is still drawn),\n"
    "2 usage (bad option, unknown actor or date), 3 input/output or Graphviz error.\n";

/* Shared with cmd_timeline.c (declared there): parses the drawing options
 * of `kg graph` and `kg timeline`, loads the facts, draws with fn, and
 * writes the result. */

enum { OPT_ENGINE = KG_OPT_OWN, OPT_LABELS, OPT_STYLE, OPT_LANES, OPT_DPI, OPT_SCALE,
       OPT_MAX_NODES, OPT_MAX_EVENTS };

/* The format -o's extension names, case ignored (g.PNG is png; .gv is
 * DOT). 1 when the name has no extension (svg then), 0 when it names a
 * picture format, -1 when it names something kg does not draw (x.jpg):
 * never write SVG into a file called .jpg. */
static int format_from_name(const char *path, kg_format *f)
{
    const char *base = path ? strrchr(path, '/') : NULL;
    base = base ? base + 1 : path;
    const char *dot = base ? strrchr(base, '.') : NULL;
    if (!dot || dot == base || !dot[1])
        return 1;
    char ext[8];
    size_t n = strlen(dot + 1);
    if (n >= sizeof ext)
        return -1;
    for (size_t i = 0; i <= n; i++)
        ext[i] = (char)tolower((unsigned char)dot[1 + i]);
    if (strcmp(ext, "gv") == 0) {
        *f = KG_FMT_DOT;
        return 0;
    }
    return kg_format_parse(ext, f) == 0 && *f <= KG_FMT_DOT ? 0 : -1;
}

/* Creates the folders a new output file needs (mkdir -p of its folder):
 * 'kg graph -o pictures/2025/g.svg' works in a fresh project. Standard
 * output and devices are left alone. 0, or an exit status. */
int kg_cli_out_folder(const char *path)
{
    if (!path || strcmp(path, "-") == 0 || strncmp(path, "/dev/", 5) == 0 ||
        strncmp(path, "/proc/", 6) == 0)
        return KG_EXIT_OK;
    if (kg_mkdirs(path, 1) != 0) {
        kg_cli_error("cannot make the folder for '%s': %s", path, strerror(errno));
        return KG_EXIT_IO;
    }
    return KG_EXIT_OK;
}

int kg_cli_write_out(const char *path, const kg_buf *data)
{
    if (!path || strcmp(path, "-") == 0) {
        if (fwrite(data->ptr, 1, data->len, stdout) != data->len || fflush(stdout) != 0) {
            kg_cli_error("cannot write to standard output: %s", strerror(errno));
            return KG_EXIT_IO;
        }
        return KG_EXIT_OK;
    }
    /* a regular (or new) file is replaced atomically; a device or FIFO is
     * written in place (see kg_outset in kg/factio.h) */
    fflush(stdout); /* -o /dev/stdout comes after what was printed */
    int rc = kg_cli_out_folder(path);
    if (rc != KG_EXIT_OK)
        return rc;
    kg_outset o = KG_OUTSET_INIT;
    if (kg_outset_add(&o, path, data->ptr, data->len) != 0 || kg_outset_commit(&o) != 0) {
        kg_cli_error("cannot write '%s': %s", o.failed ? o.failed : path, kg_outset_error(&o));
        rc = KG_EXIT_IO;
    }
    kg_outset_free(&o);
    return rc;
}

/* kg_cli_write_out of a file on a thread of its own, while the caller's
 * thread frees the picture's layout (kg_render_cleanup): the same writes,
 * the same messages (printed after, by the caller's thread). */
typedef struct write_job {
    const char *path;
    const kg_buf *data;
    int rc;
    kg_buf err;
} write_job;

static void *write_thread(void *arg)
{
    write_job *j = arg;
    if (kg_mkdirs(j->path, 1) != 0) {
        kg_buf_printf(&j->err, "cannot make the folder for '%s': %s", j->path, strerror(errno));
        j->rc = KG_EXIT_IO;
        return NULL;
    }
    kg_outset o = KG_OUTSET_INIT;
    if (kg_outset_add(&o, j->path, j->data->ptr, j->data->len) != 0 || kg_outset_commit(&o) != 0) {
        kg_buf_printf(&j->err, "cannot write '%s': %s", o.failed ? o.failed : j->path, kg_outset_error(&o));
        j->rc = KG_EXIT_IO;
    }
    kg_outset_free(&o);
    return NULL;
}

/* Writes data as kg_cli_write_out does, and frees what the renders keep
 * (kg_render_cleanup) meanwhile when path is a file's. */
static int write_out_cleanup(const char *path, const kg_buf *data)
{
    if (!path || strcmp(path, "-") == 0 || strncmp(path, "/dev/", 5) == 0 || strncmp(path, "/proc/", 6) == 0) {
        int rc = kg_cli_write_out(path, data);
        kg_render_cleanup();
        return rc;
    }
    fflush(stdout);
    write_job j = { path, data, KG_EXIT_OK, KG_BUF_INIT };
    pthread_t th;
    if (pthread_create(&th, NULL, write_thread, &j) != 0) {
        kg_render_cleanup();
        return kg_cli_write_out(path, data);
    }
    kg_render_cleanup();
    pthread_join(th, NULL);
    if (j.rc != KG_EXIT_OK)
        kg_cli_error("%s", j.err.ptr);
    kg_buf_free(&j.err);
    return j.rc;
}

int kg_cli_render_exit(int rc)
{
    switch (rc) {
    case KG_RENDER_OK: return KG_EXIT_OK;
    case KG_RENDER_EOPTION:
    case KG_RENDER_EFORMAT: return KG_EXIT_USAGE;
    default: return KG_EXIT_IO;
    }
}

/* --db and --no-store as kg_cli_view_opt found them (reset by
 * kg_cli_load_store_view, which uses them). */
static const char *view_db;
static int view_no_store;
static int view_from_store; /* the last view was read from the store */
static double view_t[3];    /* seconds since start: before the store's check, after it (or the
                              * read beside it), after the read */
static double view_check;   /* seconds the check took beside the read; -1: not beside it */

int kg_cli_view_opt(const char *cmd, int c, const char *arg, kg_render_opts *o, kg_strv *types)
{
    char *end;
    switch (c) {
    case KG_OPT_FOCUS: o->focus = arg; return 1;
    case KG_OPT_DEPTH:
        o->depth = (int)strtol(arg, &end, 10);
        if (*end || o->depth < 1 || o->depth > 100) {
            kg_cli_usage(cmd, "--depth wants a number from 1 to 100, not '%s'", arg);
            return -1;
        }
        return 1;
    case KG_OPT_FROM: o->from = arg; return 1;
    case KG_OPT_TO: o->to = arg; return 1;
    case KG_OPT_TYPE: {
        char *copy = kg_xstrdup(arg), *save = NULL;
        for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
            kg_strv_push(types, tok);
        free(copy);
        o->types = (const char *const *)types->v;
        o->n_types = types->n;
        return 1;
    }
    case KG_OPT_DOC: o->doc = arg; return 1;
    case KG_OPT_NO_SOURCE: o->no_source = 1; return 1;
    case KG_OPT_DB: view_db = arg; return 1;
    case KG_OPT_NO_STORE: view_no_store = 1; return 1;
    default: return 0;
    }
}

int kg_cli_load_view(const char *cmd, kg_corpus *c, int argc, char **argv, int first,
                     size_t *errors)
{
    kg_diag all = KG_DIAG_INIT, chk = KG_DIAG_INIT;
    int rc = 0;
    *errors = 0;
    if ((rc = kg_cli_load(c, &all, argc, argv, first)) != 0) {
        kg_cli_print_diag(&all, 0);
        goto done;
    }
    /* what kg check finds is left out of the picture (its warnings are
     * kg check's to print) */
    kg_check(c, &chk);
    for (size_t i = 0; i < chk.n; i++)
        if (chk.v[i].sev == KG_SEV_ERROR)
            kg_diag_add(&all, KG_SEV_ERROR, chk.v[i].file, chk.v[i].line, chk.v[i].col, "%s",
                        chk.v[i].msg);
    kg_diag_sort(&all);
    size_t fixed = 0, out = kg_render_prune(c, &all, &fixed);
    for (size_t i = 0; i < c->n; i++)
        kg_doc_drop_tree(c->docs[i]); /* drawing needs no line numbers */
    kg_cli_print_diag(&all, 0);
    *errors = all.errors;
    if (out || fixed) {
        fprintf(stderr, "kg: %s: left out %zu fact%s with errors", cmd, out, out == 1 ? "" : "s");
        if (fixed)
            fprintf(stderr, " and drew %zu without %s", fixed,
                    fixed == 1 ? "its bad value" : "their bad values");
        fprintf(stderr, " (see above); run 'kg check'\n");
    } else if (all.errors) {
        fprintf(stderr, "kg: %s: the facts have %zu error%s (see above); run 'kg check'\n", cmd,
                all.errors, all.errors == 1 ? "" : "s");
    }
done:
    kg_diag_free(&chk);
    kg_diag_free(&all);
    return rc;
}

/* ---- drawing from the store ---- */

/* Brings the store at db up to date with the facts of argv[first..argc)
 * as 'kg build -q' does, printing nothing; its exit status. */
static int build_quietly(const char *db, int argc, char **argv, int first)
{
    kg_strv args = { NULL, 0, 0 };
    kg_strv_push(&args, "build");
    kg_strv_push(&args, "-q");
    kg_strv_push(&args, "--db");
    kg_strv_push(&args, db);
    kg_strv_push(&args, "--");
    for (int i = first; i < argc; i++)
        kg_strv_push(&args, argv[i]);
    KG_VEC_PUSH(args.v, args.n, args.cap);
    args.v[args.n] = NULL;
    int save_optind = optind, save_opterr = opterr;
    kg_cli_silent = 1;
    int rc = kg_cmd_build((int)args.n, args.v);
    kg_cli_silent = 0;
    optind = save_optind, opterr = save_opterr;
    kg_strv_free(&args);
    return rc;
}

/* Reads what o selects from the store at db into c; 0, or -1 (said on d). */
static int read_store(const char *db, kg_corpus *c, int argc, char **argv, int first,
                      const kg_render_opts *o, char **focus, kg_diag *d)
{
    const kg_project *proj = NULL;
    kg_strv dflt = { NULL, 0, 0 };
    char **paths = argv + first;
    int n = argc - first;
    if (kg_cli_project(&proj) != 0)
        return -1;
    if (n <= 0) {
        kg_cli_silent = 1;
        int r = kg_cli_default_paths(kg_cli_command, &dflt);
        kg_cli_silent = 0;
        if (r != 0)
            return -1;
        paths = dflt.v, n = (int)dflt.n;
    }
    int rc = kg_cli_source_roots(c, paths, n) == 0 ? 0 : -1;
    kg_strv_free(&dflt);
    kg_store *s = NULL;
    if (rc == 0 && kg_store_open(&s, db, KG_STORE_READONLY, d) != 0)
        rc = -1;
    if (rc == 0) {
        kg_store_pick pick = { o->focus, o->depth, o->from, o->to, o->types, o->n_types, o->doc,
                               o->format == KG_FMT_HTML || o->format == KG_FMT_MD,
                               proj ? proj->root : NULL };
        if (kg_store_load(s, &pick, c, focus, d) != KG_STORE_OK)
            rc = -1;
    }
    kg_store_close(s);
    return rc;
}

/* The up-to-date check on a thread of its own. */
typedef struct check_job {
    const char *db;
    char *const *paths;
    int npaths;
    int current; /* kg_cli_store_current's answer */
    double secs; /* how long it took */
} check_job;

static double mono_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *check_thread(void *arg)
{
    check_job *j = arg;
    double t0 = mono_now();
    j->current = kg_cli_store_current(j->db, j->paths, j->npaths);
    j->secs = mono_now() - t0;
    return NULL;
}

/* The check beside the read, while it may still run (kg_cli_draw lets
 * the drawing go on until its layout, then waits: view_join). */
static check_job view_job;
static pthread_t view_thread;
static int view_running;      /* the thread is not joined yet */
static int view_stale;        /* it found the store not up to date */
static int view_defer;        /* kg_cli_draw: leave it running when the read went well */
static kg_strv view_paths;    /* the default PATHs it checks */
static char *view_dbc;        /* the store, for a second load (kg_cli_draw) */

/* Waits for the check; 1 when it found the store not up to date (or
 * could not tell). */
static int view_join(void)
{
    if (view_running) {
        pthread_join(view_thread, NULL);
        view_running = 0;
        view_check = view_job.secs;
        view_stale = !view_job.current;
        kg_strv_free(&view_paths);
    }
    return view_stale;
}

/* The render's gate (kg_render_set_gate): no layout from a stale store. */
static int view_gate(void *ctx)
{
    (void)ctx;
    return view_join();
}

/* The store brought up to date by kg build (quietly) and read, or the
 * facts files when it cannot be (kg_cli_load_store_view's second half);
 * frees dbc. */
static int load_built(const char *cmd, kg_corpus *c, int argc, char **argv, int first,
                      kg_render_opts *o, char **focus, size_t *errors, char *dbc)
{
    kg_diag d = KG_DIAG_INIT;
    view_check = -1;
    view_t[0] = kg_render_since_start();
    int rc = build_quietly(dbc, argc, argv, first);
    view_t[1] = kg_render_since_start();
    int rr = rc == KG_EXIT_OK ? read_store(dbc, c, argc, argv, first, o, focus, &d) : -1;
    view_t[2] = kg_render_since_start();
    kg_diag_free(&d);
    if (rc == KG_EXIT_OK) {
        if (rr == 0) {
            free(dbc);
            if (*focus)
                o->focus = *focus;
            view_from_store = 1;
            return 0;
        }
        kg_corpus_free(c);
        kg_corpus_init(c);
        free(*focus);
        *focus = NULL;
        rc = KG_EXIT_IO;
    }
    /* the facts have errors (the drawing prints them), no facts are
     * named (it says so), or the store cannot be used (a note says so):
     * the facts files are read as always */
    if (rc == KG_EXIT_IO)
        kg_cli_error("%s: cannot use the store %s (run 'kg build' to see why); reading the facts files",
                     cmd, dbc);
    free(dbc);
    view_from_store = 0;
    return kg_cli_load_view(cmd, c, argc, argv, first, errors);
}

int kg_cli_load_store_view(const char *cmd, kg_corpus *c, int argc, char **argv, int first,
                           kg_render_opts *o, char **focus, size_t *errors)
{
    const char *db = view_db;
    int no_store = view_no_store;
    const kg_project *proj = NULL;
    view_db = NULL, view_no_store = 0, view_from_store = 0;
    view_check = -1;
    view_stale = 0;
    *focus = NULL;
    *errors = 0;
    /* the project's store holds the project's facts: PATHs of one's own
     * are drawn from their files unless --db names a store for them */
    if (no_store || (argc > first && !db) || kg_cli_project(&proj) != 0 || (!proj && !db))
        return kg_cli_load_view(cmd, c, argc, argv, first, errors);
    kg_buf dbb = KG_BUF_INIT; /* (not kg_cli_out_path: the caller may hold its buffer) */
    if (db)
        kg_buf_puts(&dbb, db);
    else
        kg_buf_printf(&dbb, "%s/kg.sqlite", proj->out);
    char *dbc = kg_buf_detach(&dbb, NULL);
    view_t[0] = kg_render_since_start();
    /* The store is read while a second thread checks that it is up to
     * date (kg build's check: it stats every facts file and source text).
     * When it is, what was read is drawn; when it is not, the read (and
     * what was drawn of it: kg_cli_draw lets the drawing go on up to its
     * layout meanwhile) is thrown away and the store built and read as
     * before: the same outcome as checking first, sooner. */
    check_job job = { dbc, argv + first, argc - first, 0, 0 };
    if (job.npaths <= 0 && proj) {
        kg_cli_silent = 1;
        if (kg_cli_default_paths(kg_cli_command, &view_paths) == 0)
            job.paths = view_paths.v, job.npaths = (int)view_paths.n;
        kg_cli_silent = 0;
    }
    view_job = job;
    sqlite3_initialize(); /* (once, before a second thread opens a store) */
    view_running = view_job.npaths > 0 && pthread_create(&view_thread, NULL, check_thread, &view_job) == 0;
    if (!view_running) {
        kg_strv_free(&view_paths);
        return load_built(cmd, c, argc, argv, first, o, focus, errors, dbc);
    }
    kg_diag d = KG_DIAG_INIT;
    int rr = read_store(dbc, c, argc, argv, first, o, focus, &d);
    view_t[1] = view_t[2] = kg_render_since_start();
    kg_diag_free(&d);
    if (rr == 0 && view_defer) {
        /* (the drawing waits for the check before its layout) */
        view_dbc = dbc;
        kg_render_set_gate(view_gate, NULL);
        if (*focus)
            o->focus = *focus;
        view_from_store = 1;
        return 0;
    }
    int stale = view_join();
    view_stale = 0; /* (answered here) */
    if (stale || rr != 0) {
        kg_corpus_free(c);
        kg_corpus_init(c);
        free(*focus);
        *focus = NULL;
        return load_built(cmd, c, argc, argv, first, o, focus, errors, dbc);
    }
    free(dbc);
    if (*focus)
        o->focus = *focus;
    view_from_store = 1;
    return 0;
}

void kg_cli_timing(const char *cmd)
{
    const char *t = getenv("KG_TIMING");
    double s = kg_render_before_layout();
    if (!t || !*t || strcmp(t, "0") == 0 || s < 0)
        return;
    if (view_from_store && view_check >= 0)
        fprintf(stderr, "kg: %s: timing: %.3f s before layout (the store: start %.3f s,"
                        " up-to-date check %.3f s beside the read %.3f s, drawing %.3f s; CPU %.3f s)\n",
                cmd, s, view_t[0], view_check, view_t[1] - view_t[0], s - view_t[2],
                kg_render_cpu_before_layout());
    else if (view_from_store)
        fprintf(stderr, "kg: %s: timing: %.3f s before layout (the store: start %.3f s,"
                        " up-to-date check and build %.3f s, read %.3f s, drawing %.3f s; CPU %.3f s)\n",
                cmd, s, view_t[0], view_t[1] - view_t[0], view_t[2] - view_t[1], s - view_t[2],
                kg_render_cpu_before_layout());
    else
        fprintf(stderr, "kg: %s: timing: %.3f s before layout (the facts files; CPU %.3f s)\n", cmd,
                s, kg_render_cpu_before_layout());
}

/* What the command line of kg graph and kg timeline says beyond the view. */
typedef struct draw_args {
    const char *out_path, *style_path, *format;
    int lanes_set;
    double dpi; /* --dpi, or 96 x --scale; 0 = the default */
} draw_args;

/* --dpi N or --scale F: a number in [lo, hi]; 0, or the exit status. */
static int parse_number(const char *cmd, const char *opt, const char *arg, double lo, double hi,
                        double *out)
{
    char *end;
    errno = 0;
    double v = strtod(arg, &end);
    if (errno || end == arg || *end || !(v >= lo && v <= hi))
        return kg_cli_usage(cmd, "%s wants a number from %g to %g, not '%s'", opt, lo, hi, arg);
    *out = v;
    return 0;
}

/* --max-nodes N or --max-events N: a whole number into *out (0: no
 * limit, -1); 0, or the exit status. */
static int parse_limit(const char *cmd, const char *opt, const char *arg, int *out)
{
    double n;
    int rc = parse_number(cmd, opt, arg, 0, 1e9, &n);
    if (rc != 0)
        return rc;
    if (n != (int)n)
        return kg_cli_usage(cmd, "%s wants a whole number, not '%s'", opt, arg);
    *out = n == 0 ? -1 : (int)n;
    return 0;
}

/* --lanes into o->lanes; 0, or the exit status of a usage error. */
static int parse_lanes(const char *cmd, const char *arg, kg_render_opts *o)
{
    if (strcmp(arg, "country") == 0)
        o->lanes = KG_LANES_COUNTRY;
    else if (strcmp(arg, "actor") == 0)
        o->lanes = KG_LANES_ACTOR;
    else if (strcmp(arg, "type") == 0)
        o->lanes = KG_LANES_TYPE;
    else
        return kg_cli_usage(cmd, "--lanes is country, actor or type, not '%s'", arg);
    return 0;
}

/* The options into *o, *types and *a; 0, or the exit status of a usage
 * error. */
static int parse_draw_args(const char *cmd, int argc, char **argv, int timeline, kg_render_opts *o,
                           kg_strv *types, draw_args *a)
{
    static const struct option opts[] = {
        KG_CLI_VIEW_OPTIONS,
        KG_CLI_STORE_OPTIONS,
        { "engine", required_argument, NULL, OPT_ENGINE },
        { "labels", no_argument, NULL, OPT_LABELS },
        { "style", required_argument, NULL, OPT_STYLE },
        { "lanes", required_argument, NULL, OPT_LANES },
        { "dpi", required_argument, NULL, OPT_DPI },
        { "scale", required_argument, NULL, OPT_SCALE },
        { "max-nodes", required_argument, NULL, OPT_MAX_NODES },
        { "max-events", required_argument, NULL, OPT_MAX_EVENTS },
        { NULL, 0, NULL, 0 }
    };
    int c, rc;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":T:o:", opts, NULL)) != -1) {
        int v = kg_cli_view_opt(cmd, c, optarg, o, types);
        if (v < 0)
            return KG_EXIT_USAGE;
        if (v)
            continue;
        switch (c) {
        case 'T': a->format = optarg; break;
        case 'o': a->out_path = optarg; break;
        case OPT_ENGINE:
            if (timeline)
                return kg_cli_usage(cmd, "--engine is for 'kg graph' (the timeline pins its nodes)");
            o->engine = optarg;
            break;
        case OPT_LABELS: o->labels = 1; break;
        case OPT_MAX_NODES:
            if (timeline)
                return kg_cli_usage(cmd, "--max-nodes is for 'kg graph'");
            if ((rc = parse_limit(cmd, "--max-nodes", optarg, &o->max_nodes)) != 0)
                return rc;
            break;
        case OPT_MAX_EVENTS:
            if (!timeline)
                return kg_cli_usage(cmd, "--max-events is for 'kg timeline' (a graph has --max-nodes)");
            if ((rc = parse_limit(cmd, "--max-events", optarg, &o->max_events)) != 0)
                return rc;
            break;
        case OPT_STYLE: a->style_path = optarg; break;
        case OPT_DPI:
            if ((rc = parse_number(cmd, "--dpi", optarg, 24, 1200, &a->dpi)) != 0)
                return rc;
            break;
        case OPT_SCALE:
            if ((rc = parse_number(cmd, "--scale", optarg, 0.25, 12.5, &a->dpi)) != 0)
                return rc;
            a->dpi *= 96;
            break;
        case OPT_LANES:
            if (!timeline)
                return kg_cli_usage(cmd, "--lanes is for 'kg timeline'");
            if ((rc = parse_lanes(cmd, optarg, o)) != 0)
                return rc;
            a->lanes_set = 1;
            break;
        default:
            return kg_cli_bad_option(cmd, c, argv, opts);
        }
    }
    if (a->format) {
        if (kg_format_parse(a->format, &o->format) != 0 || o->format > KG_FMT_DOT)
            return kg_cli_usage(cmd, "-T is svg, png, pdf or dot, not '%s'", a->format);
    } else {
        int r = format_from_name(a->out_path, &o->format);
        if (r < 0)
            return kg_cli_usage(cmd, "-o '%s': kg draws svg, png, pdf or dot (.gv); name the file "
                                     "with one of these extensions, or give -T FORMAT",
                                a->out_path);
        if (r > 0)
            o->format = KG_FMT_SVG;
    }
    if (a->dpi > 0 && o->format != KG_FMT_PNG)
        return kg_cli_usage(cmd, "--dpi and --scale are for PNG pictures");
    o->dpi = a->dpi;
    return 0;
}

/* The project's style and lanes, unless the command line says; the style
 * read into *style_text. 0, or an exit status. */
static int load_style(int timeline, draw_args *a, kg_render_opts *o, char **style_text)
{
    const kg_project *proj = NULL;
    int rc;
    if ((rc = kg_cli_project(&proj)) != 0)
        return rc;
    if (proj && !a->style_path)
        a->style_path = timeline ? proj->timeline_style : proj->style;
    if (proj && timeline && !a->lanes_set && proj->lanes >= 0)
        o->lanes = (kg_lanes)proj->lanes;
    if (a->style_path) {
        size_t len;
        *style_text = kg_read_file(a->style_path, &len, 4u << 20);
        if (!*style_text) {
            kg_cli_error("cannot read style '%s': %s", a->style_path, strerror(errno));
            return KG_EXIT_IO;
        }
        o->style_text = *style_text;
        o->style_len = len;
        o->style_name = a->style_path;
    }
    return 0;
}

int kg_cli_draw(const char *cmd, int argc, char **argv, kg_render_fn fn, int timeline)
{
    kg_render_opts o = KG_RENDER_OPTS_INIT;
    kg_strv types = { NULL, 0, 0 };
    draw_args a = { NULL, NULL, NULL, 0, 0 };
    char *style_text = NULL;
    kg_corpus corpus = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT;
    kg_buf out = KG_BUF_INIT;
    char *focus = NULL;
    int rc;

    if ((rc = parse_draw_args(cmd, argc, argv, timeline, &o, &types, &a)) != 0)
        goto done;
    if ((rc = load_style(timeline, &a, &o, &style_text)) != 0)
        goto done;

    size_t load_errors;
    int first = optind;
    const char *asked_focus = o.focus;
    view_defer = 1;
    rc = kg_cli_load_store_view(cmd, &corpus, argc, argv, first, &o, &focus, &load_errors);
    view_defer = 0;
    if (rc != 0)
        goto done;
    int r = fn(&corpus, &o, &out, &d);
    kg_render_set_gate(NULL, NULL);
    if (view_join()) {
        /* the store was not up to date: nothing of what was read (nor of
         * its drawing, stopped before its layout) is used; drawn again
         * from the store brought up to date */
        kg_buf_free(&out);
        kg_diag_free(&d);
        kg_corpus_free(&corpus);
        kg_corpus_init(&corpus);
        free(focus);
        focus = NULL;
        o.focus = asked_focus;
        char *dbc = view_dbc;
        view_dbc = NULL;
        view_stale = 0;
        if ((rc = load_built(cmd, &corpus, argc, argv, first, &o, &focus, &load_errors, dbc)) != 0)
            goto done;
        r = fn(&corpus, &o, &out, &d);
    }
    free(view_dbc);
    view_dbc = NULL;
    kg_cli_timing(cmd);
    kg_cli_print_diag(&d, 0);
    if (r != KG_RENDER_OK) {
        rc = kg_cli_render_exit(r);
        goto done;
    }
    rc = write_out_cleanup(a.out_path, &out);
    if (rc == KG_EXIT_OK && load_errors)
        rc = KG_EXIT_FINDINGS;

done:
    kg_render_set_gate(NULL, NULL);
    view_join();
    free(view_dbc);
    view_dbc = NULL;
    kg_render_cleanup();
    free(focus);
    free(style_text);
    kg_strv_free(&types);
    kg_buf_free(&out);
    kg_diag_free(&d);
    kg_corpus_free(&corpus);
    return rc;
}

int kg_cmd_graph(int argc, char **argv)
{
    return kg_cli_draw("graph", argc, argv, kg_render_graph, 0);
}
