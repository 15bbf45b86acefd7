/* cmd_export.c - 'kg export': the facts as CSV, GraphML, GEXF, TimelineJS
 * JSON or Mermaid, selected as 'kg graph' selects them. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"
#include "kg/render.h"

const char kg_help_export[] =
    "usage: kg export [PATH...] [--format FORMAT] [-o FILE|FOLDER] [OPTIONS]\n"
    "\n"
    "Writes the facts (files or folders; default: the project's facts) for the\n"
    "tools people already have. What is written is what 'kg graph' would draw\n"
    "with the same options, under the same ids (same-as events are one).\n"
    "\n"
    "formats (--format, or from -o's extension, case ignored):\n"
    "  csv                .csv    tables: events, actors, figures, relations\n"
    "                             (RFC 4180; -o FOLDER writes all four there,\n"
    "                             one table goes to a file or standard output\n"
    "                             with --table, or to -o events.csv and so on)\n"
    "  graphml            .graphml  GraphML for yEd, Cytoscape, Gephi, networkx\n"
    "  gexf               .gexf   GEXF 1.2 for Gephi\n"
    "  timelinejs         .json   Knight Lab TimelineJS (a web timeline); undated\n"
    "                             events are left out (a note says how many)\n"
    "  mermaid            .md     Markdown with two Mermaid diagrams: the timeline\n"
    "                             and the flowchart (GitHub, GitLab, wikis)\n"
    "  mermaid-timeline   .mmd    a Mermaid timeline of the dated events\n"
    "  mermaid-flowchart  .mmd    a Mermaid flowchart of the responds-to and\n"
    "                             causes chains (a .mmd file needs --format)\n"
    "\n"
    "Nodes and edges carry their attributes (GraphML keys and GEXF attributes\n"
    "are declared): kind, label, type, date (EDTF), start, end (days), precision,\n"
    "document, source (its title), url, country; a figure's value and unit;\n"
    "an edge's kind and label. Text is made valid UTF-8, control characters\n"
    "are replaced, and every value is escaped for its format; a CSV field a\n"
    "spreadsheet would run as a formula (=, +, -, @) starts with a '.\n"
    "\n"
    KG_HELP_LEFT_OUT
    "\n"
    "  --format FORMAT   one of the formats above\n"
    "  -o FILE|FOLDER    write there (missing folders are made; files are\n"
    "                    replaced atomically, the four CSV tables together);\n"
    "                    default: standard output\n"
    "  --table NAME      CSV: events, actors, figures or relations\n"
    "  --title TEXT      the title of the timeline (default: the project's)\n"
    "  --focus ACTOR     only the neighbourhood of an actor (id, name or alias)\n"
    "  --depth N         how many edges away from --focus (default 2)\n"
    "  --from DATE       only events on or after DATE (EDTF)\n"
    "  --to DATE         only events on or before DATE\n"
    "  --type TYPE       only events of these types (repeat it, or a,b,c)\n"
    "  --doc ID          only the facts of one document\n"
    "  --no-source       do not read the articles (the CSV 'sentence' column)\n"
    "\n"
    "exit status: 0 ok, 1 the facts had errors (what is valid is still written),\n"
    "2 usage (bad option, unknown actor or date), 3 input/output error.\n";

enum { OPT_FORMAT = KG_OPT_OWN, OPT_TABLE, OPT_TITLE };

/* The lower-case extension of path's last component into ext ("" when
 * none); 0, or -1 when it is too long to be one kg knows. */
static int extension(const char *path, char ext[16])
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    ext[0] = '\0';
    if (!dot || dot == base || !dot[1])
        return 0;
    size_t n = strlen(dot + 1);
    if (n >= 16)
        return -1;
    for (size_t i = 0; i <= n; i++)
        ext[i] = (char)tolower((unsigned char)dot[1 + i]);
    return 0;
}

/* 1 when -o names a folder: one that exists, or a name ending in '/'. */
static int is_folder(const char *path)
{
    struct stat st;
    size_t n = strlen(path);
    return (n && path[n - 1] == '/') || (stat(path, &st) == 0 && S_ISDIR(st.st_mode));
}

typedef struct export_args {
    const char *out, *format, *table, *title;
    kg_export_format fmt;
    int table_set, folder;
    kg_export_table tab;
} export_args;

/* The format from --format or -o; 0, or the exit status of a usage error. */
static int pick_format(export_args *a)
{
    if (a->format) {
        if (kg_export_format_parse(a->format, &a->fmt) != 0)
            return kg_cli_usage("export", "--format is csv, graphml, gexf, timelinejs, mermaid, "
                                          "mermaid-timeline or mermaid-flowchart, not '%s'",
                                a->format);
        if (a->out && a->fmt == KG_EXPORT_CSV && !a->table_set && is_folder(a->out))
            a->folder = 1;
    } else if (!a->out || strcmp(a->out, "-") == 0) {
        return kg_cli_usage("export", "say which format: --format FORMAT (csv, graphml, gexf, "
                                      "timelinejs, mermaid ...), or -o with its extension");
    } else if (is_folder(a->out)) {
        a->fmt = KG_EXPORT_CSV;
        a->folder = 1;
    } else {
        char ext[16];
        static const struct { const char *ext; kg_export_format f; } map[] = {
            { "csv", KG_EXPORT_CSV },      { "graphml", KG_EXPORT_GRAPHML },
            { "gexf", KG_EXPORT_GEXF },    { "json", KG_EXPORT_TIMELINEJS },
            { "md", KG_EXPORT_MERMAID },   { "markdown", KG_EXPORT_MERMAID },
        };
        int found = 0;
        if (extension(a->out, ext) == 0)
            for (size_t i = 0; i < sizeof map / sizeof *map; i++)
                if (strcmp(ext, map[i].ext) == 0) {
                    a->fmt = map[i].f;
                    found = 1;
                }
        if (!found && (strcmp(ext, "mmd") == 0 || strcmp(ext, "mermaid") == 0))
            return kg_cli_usage("export", "-o '%s': a .%s file holds one diagram: give --format "
                                          "mermaid-timeline or --format mermaid-flowchart "
                                          "(or -o FILE.md for both)",
                                a->out, ext);
        if (!found)
            return kg_cli_usage("export", "-o '%s': kg exports .csv, .graphml, .gexf, .json "
                                          "(TimelineJS), .md or .mmd (Mermaid), or CSV into a "
                                          "folder; name the file with one of these, or give "
                                          "--format",
                                a->out);
    }
    if (a->table_set && a->fmt != KG_EXPORT_CSV)
        return kg_cli_usage("export", "--table is for CSV (--format csv)");
    if (a->fmt == KG_EXPORT_CSV && !a->table_set && !a->folder) {
        /* -o events.csv: the table its name says */
        const char *base = a->out ? strrchr(a->out, '/') : NULL;
        base = base ? base + 1 : a->out;
        for (int t = 0; base && t < KG_N_TABLES; t++) {
            const char *name = kg_export_table_name((kg_export_table)t);
            size_t n = strlen(name);
            if (strncasecmp(base, name, n) == 0 && base[n] == '.') {
                char ext[16];
                if (extension(base, ext) == 0 && strcmp(ext, "csv") == 0 &&
                    strlen(base) == n + 4) {
                    a->tab = (kg_export_table)t;
                    a->table_set = 1;
                }
            }
        }
        if (!a->table_set)
            return kg_cli_usage("export", "CSV is four tables: give --table events, actors, "
                                          "figures or relations (or name the file events.csv "
                                          "...), or -o FOLDER/ for all four");
    }
    return 0;
}

static int parse_args(int argc, char **argv, kg_render_opts *o, kg_strv *types, export_args *a)
{
    static const struct option opts[] = {
        KG_CLI_VIEW_OPTIONS,
        { "format", required_argument, NULL, OPT_FORMAT },
        { "table", required_argument, NULL, OPT_TABLE },
        { "title", required_argument, NULL, OPT_TITLE },
        { NULL, 0, NULL, 0 }
    };
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":T:o:", opts, NULL)) != -1) {
        int v = kg_cli_view_opt("export", c, optarg, o, types);
        if (v < 0)
            return KG_EXIT_USAGE;
        if (v)
            continue;
        switch (c) {
        case 'T':
        case OPT_FORMAT: a->format = optarg; break;
        case 'o': a->out = optarg; break;
        case OPT_TITLE: a->title = optarg; break;
        case OPT_TABLE:
            if (kg_export_table_parse(optarg, &a->tab) != 0)
                return kg_cli_usage("export", "--table is events, actors, figures or relations, "
                                              "not '%s'", optarg);
            a->table_set = 1;
            break;
        default:
            return kg_cli_bad_option("export", c, argv, opts);
        }
    }
    return pick_format(a);
}

/* The four CSV tables into the folder, replaced together or not at all. */
static int write_folder(const kg_corpus *corpus, const kg_render_opts *o, const char *dir,
                        kg_diag *d)
{
    kg_buf bufs[KG_N_TABLES];
    char *paths[KG_N_TABLES] = { NULL };
    kg_outset set = KG_OUTSET_INIT;
    int rc = KG_EXIT_OK;
    size_t dl = strlen(dir);
    for (int t = 0; t < KG_N_TABLES; t++)
        kg_buf_init(&bufs[t]);
    for (int t = 0; t < KG_N_TABLES && rc == KG_EXIT_OK; t++) {
        kg_diag more = KG_DIAG_INIT; /* the tables after the first say the same */
        int r = kg_export(corpus, o, KG_EXPORT_CSV, (kg_export_table)t, &bufs[t],
                          t == 0 ? d : &more);
        kg_diag_free(&more);
        if (r != KG_RENDER_OK) {
            rc = kg_cli_render_exit(r);
            break;
        }
        kg_buf p = KG_BUF_INIT;
        kg_buf_printf(&p, "%s%s%s.csv", dir, dl && dir[dl - 1] == '/' ? "" : "/",
                      kg_export_table_name((kg_export_table)t));
        paths[t] = kg_buf_detach(&p, NULL);
    }
    if (rc == KG_EXIT_OK)
        rc = kg_cli_out_folder(paths[0]);
    if (rc == KG_EXIT_OK) {
        int bad = 0;
        for (int t = 0; t < KG_N_TABLES && !bad; t++)
            bad = kg_outset_add(&set, paths[t], bufs[t].ptr, bufs[t].len) != 0;
        if (bad || kg_outset_commit(&set) != 0) {
            kg_cli_error("cannot write '%s': %s", set.failed ? set.failed : dir,
                         kg_outset_error(&set));
            rc = KG_EXIT_IO;
        }
    }
    kg_outset_free(&set);
    for (int t = 0; t < KG_N_TABLES; t++) {
        kg_buf_free(&bufs[t]);
        free(paths[t]);
    }
    return rc;
}

int kg_cmd_export(int argc, char **argv)
{
    kg_render_opts o = KG_RENDER_OPTS_INIT;
    kg_strv types = { NULL, 0, 0 };
    export_args a;
    kg_corpus corpus = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT;
    kg_buf out = KG_BUF_INIT;
    const kg_project *proj = NULL;
    int rc;

    memset(&a, 0, sizeof a);
    if ((rc = parse_args(argc, argv, &o, &types, &a)) != 0)
        goto done;
    if ((rc = kg_cli_project(&proj)) != 0)
        goto done;
    o.title = a.title ? a.title : proj && proj->title ? proj->title : NULL;
    o.intro = proj ? proj->intro : NULL;
    size_t load_errors;
    if ((rc = kg_cli_load_view("export", &corpus, argc, argv, optind, &load_errors)) != 0)
        goto done;
    if (a.folder) {
        rc = write_folder(&corpus, &o, a.out, &d);
        kg_cli_print_diag(&d, 0);
    } else {
        int r = kg_export(&corpus, &o, a.fmt, a.tab, &out, &d);
        kg_cli_print_diag(&d, 0);
        rc = r == KG_RENDER_OK ? kg_cli_write_out(a.out, &out) : kg_cli_render_exit(r);
    }
    if (rc == KG_EXIT_OK && load_errors)
        rc = KG_EXIT_FINDINGS;

done:
    kg_strv_free(&types);
    kg_buf_free(&out);
    kg_diag_free(&d);
    kg_corpus_free(&corpus);
    return rc;
}
