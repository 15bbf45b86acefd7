/* cmd_report.c - 'kg report': one offline HTML page a reader explores (the
 * timeline and the graph with pan and zoom, tables that sort and filter, a
 * search, each fact with its source sentence), or Markdown with SVGs. */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "kg/render.h"

const char kg_help_report[] =
    "usage: kg report [PATH...] [-o FILE] [--md] [--title TEXT] [OPTIONS]\n"
    "\n"
    "Writes one self-contained HTML page from the facts (files or folders;\n"
    "default: the project's facts): the timeline and the relationship graph,\n"
    "tables of events, actors, figures, relations and documents. A reader\n"
    "pans and zooms the pictures (wheel, drag, +/- and reset buttons), sorts\n"
    "a table by a click on its header, filters by event type, actor and\n"
    "dates, searches every fact and sentence, and clicks a node or a row to\n"
    "see the fact with its source sentence. The page needs no network (its\n"
    "policy forbids any) and reads without script too: pictures at their own\n"
    "size, static tables. Its title and the paragraph under it are the\n"
    "project's 'title:' and 'intro:' (kg.yaml); without them the title is a\n"
    "neutral one.\n"
    "\n"
    KG_HELP_LEFT_OUT
    "\n"
    "  -o FILE        where to write (default OUT/report.html, or OUT/report.md\n"
    "                 with --md: OUT is the project's output folder, outside a\n"
    "                 project out/); '-' is standard output (HTML only)\n"
    "  --title TEXT   the report's title instead of the project's\n"
    "  --md           write Markdown instead, and timeline.svg and graph.svg\n"
    "                 beside it for the pictures it refers to; the three files\n"
    "                 are replaced together or, when one cannot be written,\n"
    "                 not at all\n"
    "  --focus ACTOR, --depth N, --from DATE, --to DATE, --type TYPE, --doc ID\n"
    "                 select facts as 'kg graph' does\n"
    "  --no-source    do not read the articles for the source sentences (the\n"
    "                 facts' quotes are shown instead)\n"
    "  --db FILE, --no-store\n"
    "                 read the facts from the store, or never, as 'kg graph'\n"
    "                 does (the default: the project's store, brought up to\n"
    "                 date first, when no PATH is given)\n"
    "\n"
    "exit status: 0 ok, 1 the facts had errors (the report is written without\n"
    "them), 2 usage, 3 input/output or Graphviz error.\n";

enum { OPT_MD = KG_OPT_OWN, OPT_TITLE };

/* For --md: draws one picture as SVG into svg. */
static int draw_picture(kg_render_fn fn, const kg_corpus *c, const kg_render_opts *o,
                        kg_buf *svg, kg_diag *d)
{
    kg_render_opts po = *o;
    po.format = KG_FMT_SVG;
    return kg_cli_render_exit(fn(c, &po, svg, d));
}

/* For --md: the report and the two pictures beside it are one set,
 * replaced together or not at all (temporary files first, then the
 * renames; a failure before them leaves every old file as it was). */
static int write_md_set(const char *out_path, const kg_buf *report, const kg_buf *timeline,
                        const kg_buf *graph)
{
    char *copy = kg_xstrdup(out_path);
    const char *dir = dirname(copy);
    kg_buf tl = KG_BUF_INIT, gr = KG_BUF_INIT;
    kg_buf_printf(&tl, "%s/timeline.svg", dir);
    kg_buf_printf(&gr, "%s/graph.svg", dir);
    kg_outset o = KG_OUTSET_INIT;
    int rc = kg_cli_out_folder(out_path);
    if (rc == KG_EXIT_OK && (kg_outset_add(&o, tl.ptr, timeline->ptr, timeline->len) != 0 ||
        kg_outset_add(&o, gr.ptr, graph->ptr, graph->len) != 0 ||
        kg_outset_add(&o, out_path, report->ptr, report->len) != 0 ||
        kg_outset_commit(&o) != 0)) {
        kg_cli_error("cannot write '%s': %s%s", o.failed, kg_outset_error(&o),
                     "; none of the report's files was replaced");
        rc = KG_EXIT_IO;
    }
    kg_outset_free(&o);
    kg_buf_free(&tl);
    kg_buf_free(&gr);
    free(copy);
    return rc;
}

int kg_cmd_report(int argc, char **argv)
{
    static const struct option opts[] = {
        KG_CLI_VIEW_OPTIONS,
        KG_CLI_STORE_OPTIONS,
        { "md", no_argument, NULL, OPT_MD },
        { "title", required_argument, NULL, OPT_TITLE },
        { NULL, 0, NULL, 0 }
    };
    kg_render_opts o = KG_RENDER_OPTS_INIT;
    kg_strv types = { NULL, 0, 0 };
    const char *out_path = NULL;
    kg_corpus corpus = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT;
    kg_buf out = KG_BUF_INIT, timeline = KG_BUF_INIT, graph = KG_BUF_INIT;
    char *focus = NULL;
    int c, rc = KG_EXIT_OK;

    o.format = KG_FMT_HTML;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:", opts, NULL)) != -1) {
        int v = kg_cli_view_opt("report", c, optarg, &o, &types);
        if (v < 0) {
            rc = KG_EXIT_USAGE;
            goto done;
        }
        if (v)
            continue;
        switch (c) {
        case 'o': out_path = optarg; break;
        case OPT_MD: o.format = KG_FMT_MD; break;
        case OPT_TITLE: o.title = optarg; break;
        default:
            rc = kg_cli_bad_option("report", c, argv, opts);
            goto done;
        }
    }
    const kg_project *proj;
    if ((rc = kg_cli_project(&proj)) != 0)
        goto done;
    if (proj) {
        if (!o.title)
            o.title = proj->title;
        o.intro = proj->intro;
        if (proj->lanes >= 0)
            o.lanes = (kg_lanes)proj->lanes;
    }
    if (!out_path) {
        out_path = kg_cli_out_path(o.format == KG_FMT_MD ? "report.md" : "report.html");
        if (proj)
            (void)mkdir(proj->out, 0777); /* the project's output folder (fails if there) */
    }
    if (o.format == KG_FMT_MD && strcmp(out_path, "-") == 0) {
        rc = kg_cli_usage("report", "--md writes SVG files beside the report: give -o FILE");
        goto done;
    }
    struct stat sb;
    if (o.format == KG_FMT_MD &&
        ((stat(out_path, &sb) == 0 && !S_ISREG(sb.st_mode)) || strncmp(out_path, "/dev/", 5) == 0 ||
         strncmp(out_path, "/proc/", 6) == 0)) {
        /* (-o /dev/stdout --md would put graph.svg into /dev) */
        rc = kg_cli_usage("report", "--md writes SVG files beside the report: -o must name a "
                                    "file, and '%s' is not one", out_path);
        goto done;
    }
    size_t load_errors;
    if ((rc = kg_cli_load_store_view("report", &corpus, argc, argv, optind, &o, &focus, &load_errors)) != 0)
        goto done;
    int r = kg_render_report(&corpus, &o, &out, &d);
    kg_cli_timing("report");
    if (r == KG_RENDER_OK && o.format == KG_FMT_MD) {
        rc = draw_picture(kg_render_timeline, &corpus, &o, &timeline, &d);
        if (rc == KG_EXIT_OK)
            rc = draw_picture(kg_render_graph, &corpus, &o, &graph, &d);
    }
    kg_cli_print_diag(&d, 0);
    if (r != KG_RENDER_OK) {
        rc = kg_cli_render_exit(r);
        goto done;
    }
    if (rc == KG_EXIT_OK)
        rc = o.format == KG_FMT_MD ? write_md_set(out_path, &out, &timeline, &graph)
                                   : kg_cli_write_out(out_path, &out);
    if (rc == KG_EXIT_OK && load_errors)
        rc = KG_EXIT_FINDINGS;

done:
    kg_render_cleanup();
    free(focus);
    kg_strv_free(&types);
    kg_buf_free(&out);
    kg_buf_free(&timeline);
    kg_buf_free(&graph);
    kg_diag_free(&d);
    kg_corpus_free(&corpus);
    return rc;
}
