/* cmd_report.c - 'kg report': an HTML page with the timeline, the graph
 * and tables of events, figures and documents (or Markdown with SVGs). */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kg/render.h"

const char kg_help_report[] =
    "usage: kg report [PATH...] [-o FILE] [--md] [OPTIONS]\n"
    "\n"
    "Writes one self-contained HTML page (no network needed) with the\n"
    "timeline and the relationship graph as inline SVG, a table of events by\n"
    "date with links to their sources, a table of figures and one of the\n"
    "documents, from the facts (files or folders; default: the bundled yaml/).\n"
    "\n"
    "  -o FILE        where to write (default out/report.html, or out/report.md\n"
    "                 with --md); '-' is standard output (HTML only)\n"
    "  --md           write Markdown instead, and timeline.svg and graph.svg\n"
    "                 beside it for the pictures it refers to\n"
    "  --focus ACTOR, --depth N, --from DATE, --to DATE, --type TYPE, --doc ID\n"
    "                 select facts as 'kg graph' does\n"
    "  --no-source    do not read the articles for tooltip sentences\n"
    "\n"
    "exit status: 0 ok, 1 a facts file had errors (the report is still written),\n"
    "2 usage, 3 input/output or Graphviz error.\n";

enum { OPT_FOCUS = 256, OPT_DEPTH, OPT_FROM, OPT_TO, OPT_TYPE, OPT_DOC, OPT_MD, OPT_NO_SOURCE };

static int write_file(const char *path, const kg_buf *b)
{
    if (strcmp(path, "-") == 0) {
        if (fwrite(b->ptr, 1, b->len, stdout) != b->len || fflush(stdout) != 0) {
            kg_cli_error("cannot write to standard output: %s", strerror(errno));
            return KG_EXIT_IO;
        }
        return KG_EXIT_OK;
    }
    if (kg_write_atomic(path, b->ptr, b->len) != 0) {
        kg_cli_error("cannot write '%s': %s", path, strerror(errno));
        return KG_EXIT_IO;
    }
    return KG_EXIT_OK;
}

/* For --md: draws one picture into DIR/NAME. */
static int write_picture(const char *dir, const char *name, kg_render_fn fn,
                         const kg_corpus *c, const kg_render_opts *o, kg_diag *d)
{
    kg_render_opts po = *o;
    kg_buf svg = KG_BUF_INIT, path = KG_BUF_INIT;
    po.format = KG_FMT_SVG;
    int r = fn(c, &po, &svg, d);
    int rc = r == KG_RENDER_OK ? KG_EXIT_OK : r == KG_RENDER_EOPTION ? KG_EXIT_USAGE : KG_EXIT_IO;
    if (rc == KG_EXIT_OK) {
        kg_buf_printf(&path, "%s/%s", dir, name);
        rc = write_file(path.ptr, &svg);
    }
    kg_buf_free(&svg);
    kg_buf_free(&path);
    return rc;
}

int kg_cmd_report(int argc, char **argv)
{
    static const struct option opts[] = {
        { "focus", required_argument, NULL, OPT_FOCUS },
        { "depth", required_argument, NULL, OPT_DEPTH },
        { "from", required_argument, NULL, OPT_FROM },
        { "to", required_argument, NULL, OPT_TO },
        { "type", required_argument, NULL, OPT_TYPE },
        { "doc", required_argument, NULL, OPT_DOC },
        { "md", no_argument, NULL, OPT_MD },
        { "no-source", no_argument, NULL, OPT_NO_SOURCE },
        { NULL, 0, NULL, 0 }
    };
    kg_render_opts o = KG_RENDER_OPTS_INIT;
    kg_strv types = { NULL, 0, 0 };
    const char *out_path = NULL;
    kg_corpus corpus = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT;
    kg_buf out = KG_BUF_INIT;
    char *end;
    int c, rc = KG_EXIT_OK;

    o.format = KG_FMT_HTML;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'o': out_path = optarg; break;
        case OPT_FOCUS: o.focus = optarg; break;
        case OPT_DEPTH:
            o.depth = (int)strtol(optarg, &end, 10);
            if (*end || o.depth < 1 || o.depth > 100) {
                rc = kg_cli_usage("report", "--depth wants a number from 1 to 100, not '%s'", optarg);
                goto done;
            }
            break;
        case OPT_FROM: o.from = optarg; break;
        case OPT_TO: o.to = optarg; break;
        case OPT_TYPE: {
            char *copy = kg_xstrdup(optarg), *save = NULL;
            for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
                kg_strv_push(&types, tok);
            free(copy);
            break;
        }
        case OPT_DOC: o.doc = optarg; break;
        case OPT_MD: o.format = KG_FMT_MD; break;
        case OPT_NO_SOURCE: o.no_source = 1; break;
        default:
            rc = kg_cli_usage("report", "unknown option or missing value '%s'", argv[optind - 1]);
            goto done;
        }
    }
    if (!out_path)
        out_path = o.format == KG_FMT_MD ? "out/report.md" : "out/report.html";
    if (o.format == KG_FMT_MD && strcmp(out_path, "-") == 0) {
        rc = kg_cli_usage("report", "--md writes SVG files beside the report: give -o FILE");
        goto done;
    }
    o.types = (const char *const *)types.v;
    o.n_types = types.n;

    corpus.drop_trees = 1; /* drawing needs no line numbers */
    int io = kg_cli_load(&corpus, &d, argc, argv, optind);
    size_t load_errors = d.errors;
    if (io) {
        kg_cli_print_diag(&d, 0);
        rc = KG_EXIT_IO;
        goto done;
    }
    int r = kg_render_report(&corpus, &o, &out, &d);
    if (r == KG_RENDER_OK && o.format == KG_FMT_MD) {
        char *copy = kg_xstrdup(out_path);
        const char *dir = dirname(copy);
        rc = write_picture(dir, "timeline.svg", kg_render_timeline, &corpus, &o, &d);
        if (rc == KG_EXIT_OK)
            rc = write_picture(dir, "graph.svg", kg_render_graph, &corpus, &o, &d);
        free(copy);
    }
    kg_cli_print_diag(&d, 0);
    if (r != KG_RENDER_OK) {
        rc = r == KG_RENDER_EOPTION || r == KG_RENDER_EFORMAT ? KG_EXIT_USAGE : KG_EXIT_IO;
        goto done;
    }
    if (rc == KG_EXIT_OK)
        rc = write_file(out_path, &out);
    if (rc == KG_EXIT_OK && load_errors)
        rc = KG_EXIT_FINDINGS;

done:
    kg_render_cleanup();
    kg_strv_free(&types);
    kg_buf_free(&out);
    kg_diag_free(&d);
    kg_corpus_free(&corpus);
    return rc;
}
