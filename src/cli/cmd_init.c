/* cmd_init.c - 'kg init': make a kg project (a commented kg.yaml and the
 * folders it names). See project.c for how commands find and read it. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "cli.h"

const char kg_help_init[] =
    "usage: kg init [--title TEXT] [DIR]\n"
    "\n"
    "Makes DIR (default: the current folder) a kg project: writes a short,\n"
    "commented DIR/kg.yaml and makes the folders it names:\n"
    "\n"
    "  articles/        the article texts; a facts file's source: may name a\n"
    "                   text here or below the facts file's own folder, and\n"
    "                   nothing else (kg check says so, kg never reads it)\n"
    "  facts/           the facts files: 'kg extract' writes here, you edit them\n"
    "  facts/lexicon/   your own actors and event words, read before the\n"
    "                   bundled lexicons by 'kg tag' and 'kg extract'\n"
    "  out/             the store (kg.sqlite), pictures and the report\n"
    "\n"
    "Every kg command run in DIR or any folder below it finds kg.yaml by\n"
    "walking up (as git finds .git) and takes its defaults from it: check,\n"
    "dump, fmt, build, graph, timeline and report read the facts folder when\n"
    "given no PATH; build, query, show and path use OUT/kg.sqlite; report\n"
    "writes OUT/report.html with the project's title. Paths in kg.yaml are\n"
    "relative to its folder. Outside any project, those commands need PATHs.\n"
    "\n"
    "kg.yaml keys: title, intro (the report's title and a paragraph under it),\n"
    "articles, facts, lexicons, out (folders), style (a style file for kg\n"
    "graph), timeline: {lanes: country|actor|type, style: FILE}.\n"
    "\n"
    "  --title TEXT   the project's title (default: the folder's name)\n"
    "\n"
    "exit status: 0 made, 1 DIR already has a kg.yaml (left as it is), 2 usage,\n"
    "3 a folder or file could not be made.\n";

static const char template_head[] =
    "# kg.yaml - this folder is a kg project. Every kg command run here or in\n"
    "# a folder below finds this file and takes its defaults from it (see\n"
    "# 'kg help init'). Paths are relative to this file's folder.\n"
    "\n"
    "# The report's title, and a paragraph under it (optional).\n";

static const char template_tail[] =
    "# intro: \"What these facts are about, in a sentence or two.\"\n"
    "\n"
    "articles: articles        # the article texts; sources must be here or below the facts\n"
    "facts: facts              # the facts files: kg extract writes here, you edit them\n"
    "lexicons: facts/lexicon   # your actors and event words, before the bundled ones\n"
    "out: out                  # the store (kg.sqlite), the pictures, the report\n"
    "\n"
    "# How things are drawn (optional):\n"
    "# style: graph.gv         # a style file for kg graph (see graph/default.gv)\n"
    "timeline:\n"
    "  lanes: country          # one lane per country, actor or type\n"
    "  # style: timeline.gv    # a style file for kg timeline\n";

/* mkdir -p, with the message when it cannot. */
static int make_dir(const char *path)
{
    if (kg_mkdirs(path, 0) == 0)
        return 0;
    kg_cli_error("init: %s: cannot make the folder: %s", path, strerror(errno));
    return -1;
}

/* A YAML double-quoted scalar. */
static void quoted(kg_buf *b, const char *s)
{
    kg_buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            kg_buf_printf(b, "\\%c", *p);
        else if (*p < 0x20 || *p == 0x7f)
            kg_buf_printf(b, "\\x%02x", *p);
        else
            kg_buf_putc(b, (char)*p);
    }
    kg_buf_putc(b, '"');
}

/* Writes path with data unless it exists: a temporary file linked into
 * place (link() never replaces), so a kg.yaml is never half-written and
 * never overwritten. Returns 0, 1 when path exists, -1 on error. */
static int write_new(const char *path, const kg_buf *data)
{
    kg_buf tmp = KG_BUF_INIT;
    kg_buf_printf(&tmp, "%s.tmp.%ld", path, (long)getpid());
    int fd = open(tmp.ptr, O_WRONLY | O_CREAT | O_EXCL, 0666);
    int rc = -1;
    if (fd >= 0) {
        ssize_t w = write(fd, data->ptr, data->len);
        int ok = w == (ssize_t)data->len && fsync(fd) == 0;
        ok = close(fd) == 0 && ok;
        if (ok && link(tmp.ptr, path) == 0)
            rc = 0;
        else if (ok && errno == EEXIST)
            rc = 1;
        int e = errno;
        unlink(tmp.ptr);
        errno = e;
    }
    kg_buf_free(&tmp);
    return rc;
}

int kg_cmd_init(int argc, char **argv)
{
    static const struct option opts[] = { { "title", required_argument, NULL, 't' },
                                           { NULL, 0, NULL, 0 } };
    const char *title = NULL;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        if (c == 't')
            title = optarg;
        else
            return kg_cli_bad_option("init", c, argv, opts);
    }
    if (argc - optind > 1)
        return kg_cli_usage("init", "one DIR at most");
    const char *dir = optind < argc ? argv[optind] : ".";
    if (!*dir)
        return kg_cli_usage("init", "DIR is empty");

    kg_buf path = KG_BUF_INIT, yaml = KG_BUF_INIT;
    int rc = KG_EXIT_OK;
    kg_buf_printf(&path, "%s/kg.yaml", dir);
    struct stat st;
    if (lstat(path.ptr, &st) == 0) {
        kg_cli_error("init: %s exists: %s is a kg project already (kg.yaml left as it is)",
                     path.ptr, dir);
        rc = KG_EXIT_FINDINGS;
        goto done;
    }
    if (make_dir(dir) != 0) {
        rc = KG_EXIT_IO;
        goto done;
    }
    char real[PATH_MAX];
    if (!title && realpath(dir, real))
        title = basename(real);
    kg_buf_puts(&yaml, template_head);
    kg_buf_puts(&yaml, "title: ");
    quoted(&yaml, title && *title && strcmp(title, "/") ? title : "kg project");
    kg_buf_putc(&yaml, '\n');
    kg_buf_puts(&yaml, template_tail);
    static const char *const folders[] = { "articles", "facts", "facts/lexicon", "out" };
    for (size_t i = 0; i < sizeof folders / sizeof *folders; i++) {
        kg_buf f = KG_BUF_INIT;
        kg_buf_printf(&f, "%s/%s", dir, folders[i]);
        int r = make_dir(f.ptr);
        kg_buf_free(&f);
        if (r) {
            rc = KG_EXIT_IO;
            goto done;
        }
    }
    int w = write_new(path.ptr, &yaml);
    if (w > 0) {
        kg_cli_error("init: %s exists: %s is a kg project already (kg.yaml left as it is)",
                     path.ptr, dir);
        rc = KG_EXIT_FINDINGS;
    } else if (w < 0) {
        kg_cli_error("init: cannot write %s: %s", path.ptr, strerror(errno));
        rc = KG_EXIT_IO;
    } else {
        printf("made a kg project in %s: kg.yaml, articles/, facts/, facts/lexicon/, out/\n"
               "next: put article texts (UTF-8) in articles/, then in %s run\n"
               "  kg extract articles/*.txt && kg check && kg build && kg report\n",
               dir, dir);
    }
done:
    kg_buf_free(&path);
    kg_buf_free(&yaml);
    return rc;
}
