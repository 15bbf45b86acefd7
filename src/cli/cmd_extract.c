/* cmd_extract.c - 'kg extract': turn articles into facts files.
 *
 * Loads the lexicons once (actors for the tagger, event types and relation
 * cues for the extractor), then extracts every FILE, on --jobs threads
 * that share the lexicons read-only. Output goes to stdout, to one file,
 * or to one file per article in a folder; a file that a person has edited
 * since kg wrote it is never overwritten silently (kg_write_guarded). */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "kg/extract.h"
#include "kg/tag.h"
#include "kg/text.h"

const char kg_help_extract[] =
    "usage: kg extract [--date DCT] [-o FILE|DIR] [--force] [--jobs N]\n"
    "                  [--lexicon PATH] [--lenient] FILE...\n"
    "\n"
    "Turns Korean news articles into facts files (see the facts format):\n"
    "a document header (headline, publisher, author, date, URL, source and\n"
    "its sha256, a stable id), the actors mentioned, the events found\n"
    "clause by clause (type from the event lexicon, agent, target, date,\n"
    "span), the figures, and the relations between events (responds-to,\n"
    "causes, part-of, same-as).\n"
    "\n"
    "options:\n"
    "  --date DCT      the articles' date as EDTF (YYYY, YYYY-MM or\n"
    "                  YYYY-MM-DD); default: each text's dateline\n"
    "  -o FILE|DIR     write to FILE (one article), or into DIR one\n"
    "                  NAME.yaml per article (DIR is made if needed; a path\n"
    "                  ending in / or naming a folder is a DIR; several\n"
    "                  FILEs need a DIR; '-' is standard output); default:\n"
    "                  the project's facts folder, outside a project\n"
    "                  standard output\n"
    "  --force         overwrite a facts file that was edited by hand; the\n"
    "                  old file is kept as FILE.orig first\n"
    "  --jobs N        extract N articles at a time (default 1)\n"
    "  --lexicon PATH  lexicon file or folder (actors, events.yaml); default:\n"
    "                  the project's lexicons, then the data folder's\n"
    "                  lexicon/ ($KG_DATA, else yaml/ here, else yaml/\n"
    "                  beside kg or ../share/kg)\n"
    "  --lenient       skip invalid UTF-8 bytes instead of failing\n"
    "\n"
    "Hand edits: kg marks every file it writes with a checksum line. When a\n"
    "facts file has changed since (or was not written by kg), extract refuses\n"
    "to overwrite it and says so; merge by hand, move the file away, or use\n"
    "--force, which keeps your version as FILE.orig. Nothing is lost either\n"
    "way. A progress bar is shown on a terminal (stderr) for several files.\n"
    "\n"
    "exit status: 0 ok, 1 an article was not valid UTF-8 or a hand-edited\n"
    "file was left alone, 2 usage, 3 a file could not be read or written.\n";

typedef struct job {
    const char *in;
    char *out;              /* target path, or NULL for stdout */
    kg_buf yaml;            /* for stdout */
    kg_diag d;
    int rc;
    size_t bytes;
} job;

typedef struct run {
    const kg_lexicon *lx;
    const kg_evlex *ev;
    const kg_corpus *lexicon;
    kg_edtf_point dct;
    unsigned text_flags;
    int force;
    job *jobs;
    size_t n;
    size_t next, done;
    int progress;
    size_t total_bytes, done_bytes;
    pthread_mutex_t mu;
} run;

/* Relative path from folder `from` to file `to` (both absolute, clean). */
static char *relpath(const char *from, const char *to)
{
    size_t common = 0, i = 0;
    while (from[i] && to[i] && from[i] == to[i]) {
        if (from[i] == '/')
            common = i;
        i++;
    }
    if (!from[i] && to[i] == '/')
        common = i;
    else if (!from[i] && !to[i])
        common = i;
    kg_buf b = KG_BUF_INIT;
    const char *rest = from + common;
    for (const char *p = rest; *p; p++)
        if (*p == '/' && p[1])
            kg_buf_puts(&b, "../");
    if (*rest == '\0' || strcmp(rest, "/") == 0) {
        /* from is a prefix folder */
    }
    kg_buf_puts(&b, to + common + (to[common] == '/' ? 1 : 0));
    return kg_buf_detach(&b, NULL);
}

/* The source as the facts file should name it: relative to the output
 * file's folder, so that `kg check` finds the text beside the facts. */
static char *source_for(const char *in, const char *out)
{
    if (!out)
        return kg_xstrdup(in);
    char rin[PATH_MAX], rdir[PATH_MAX];
    char *dir = kg_xstrdup(out);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    const char *d = slash ? (*dir ? dir : "/") : ".";
    char *res = NULL;
    if (realpath(in, rin) && realpath(d, rdir))
        res = relpath(rdir, rin);
    free(dir);
    return res ? res : kg_xstrdup(in);
}

static void progress(run *r)
{
    if (!r->progress)
        return;
    int width = 30;
    size_t pct = r->total_bytes ? r->done_bytes * 100 / r->total_bytes : 100;
    int fill = (int)(pct * (size_t)width / 100);
    fprintf(stderr, "\rkg extract [");
    for (int i = 0; i < width; i++)
        fputc(i < fill ? '#' : ' ', stderr);
    fprintf(stderr, "] %zu/%zu files %3zu%%", r->done, r->n, pct);
    if (r->done == r->n)
        fputc('\n', stderr);
    fflush(stderr);
}

static void do_job(run *r, job *j)
{
    size_t len = 0;
    char *src = kg_read_file(j->in, &len, 0);
    if (!src) {
        kg_diag_error(&j->d, j->in, 0, 0, "cannot read: %s", strerror(errno));
        j->rc = KG_EXIT_IO;
        return;
    }
    j->bytes = len;
    kg_extract_opts o;
    memset(&o, 0, sizeof o);
    o.dct = r->dct;
    char *source = source_for(j->in, j->out);
    o.source = source;
    o.name = j->in;
    o.text_flags = r->text_flags;
    o.lexicon = r->lexicon;
    kg_doc *doc = NULL;
    if (kg_extract(r->lx, r->ev, src, len, &o, &doc, &j->d) < 0) {
        j->rc = KG_EXIT_FINDINGS;
    } else {
        kg_buf y = KG_BUF_INIT;
        kg_buf_puts(&y, "# Facts extracted by kg extract from ");
        kg_buf_puts(&y, j->in);
        kg_buf_puts(&y, "; review and edit freely.\n");
        kg_facts_emit(doc, &y);
        if (j->out) {
            int w = kg_write_guarded(j->out, y.ptr, y.len, r->force, &j->d);
            j->rc = w < 0 ? KG_EXIT_IO : w > 0 ? KG_EXIT_FINDINGS : 0;
        } else {
            j->yaml = y;
            y.ptr = NULL;
        }
        if (y.ptr)
            kg_buf_free(&y);
    }
    kg_doc_free(doc);
    free(source);
    free(src);
}

static void *worker(void *arg)
{
    run *r = arg;
    for (;;) {
        pthread_mutex_lock(&r->mu);
        size_t i = r->next < r->n ? r->next++ : r->n;
        pthread_mutex_unlock(&r->mu);
        if (i >= r->n)
            return NULL;
        do_job(r, &r->jobs[i]);
        pthread_mutex_lock(&r->mu);
        r->done++;
        r->done_bytes += r->jobs[i].bytes;
        progress(r);
        pthread_mutex_unlock(&r->mu);
    }
}

static int load_lexicons(const char *path, int explicit_path, kg_corpus *c, kg_lexicon **lx,
                         kg_evlex **ev)
{
    struct stat st;
    *lx = kg_lexicon_new();
    *ev = kg_evlex_new();
    kg_diag d = KG_DIAG_INIT;
    int rc = 0;
    c->drop_trees = 1; /* the lexicons' line numbers are not needed */
    if (stat(path, &st) != 0) {
        if (explicit_path) {
            kg_cli_error("extract: %s: %s", path, strerror(errno));
            rc = KG_EXIT_IO;
        }
    } else if (kg_facts_load_path(c, path, &d) < 0) {
        rc = KG_EXIT_IO;
    } else {
        kg_lexicon_add_corpus(*lx, c);
        kg_evlex_add_corpus(*ev, c, &d);
    }
    kg_lexicon_compile(*lx, &d);
    if (d.n)
        kg_cli_print_diag(&d, 0);
    if (!rc && kg_evlex_size(*ev) == 0)
        kg_cli_error("warning: extract: no event lexicon in %s; no events will be found", path);
    kg_diag_free(&d);
    return rc;
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *out_name(const char *dir, const char *in)
{
    const char *base = strrchr(in, '/');
    base = base ? base + 1 : in;
    const char *dot = strrchr(base, '.');
    size_t bl = dot && dot > base ? (size_t)(dot - base) : strlen(base);
    kg_buf b = KG_BUF_INIT;
    kg_buf_puts(&b, dir);
    if (b.len && b.ptr[b.len - 1] != '/')
        kg_buf_putc(&b, '/');
    kg_buf_add(&b, base, bl);
    kg_buf_puts(&b, ".yaml");
    return kg_buf_detach(&b, NULL);
}

int kg_cmd_extract(int argc, char **argv)
{
    static const struct option opts[] = { { "date", required_argument, NULL, 'd' },
                                           { "output", required_argument, NULL, 'o' },
                                           { "force", no_argument, NULL, 'f' },
                                           { "jobs", required_argument, NULL, 'j' },
                                           { "lexicon", required_argument, NULL, 'l' },
                                           { "lenient", no_argument, NULL, 'L' },
                                           { NULL, 0, NULL, 0 } };
    const char *date = NULL, *out = NULL, *lexpath = NULL;
    int force = 0, jobs = 1, lenient = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:j:f", opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            date = optarg;
            break;
        case 'o':
            out = optarg;
            break;
        case 'f':
            force = 1;
            break;
        case 'j': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v < 1 || v > 256)
                return kg_cli_usage("extract", "--jobs wants a number from 1 to 256, not '%s'",
                                    optarg);
            jobs = (int)v;
            break;
        }
        case 'l':
            lexpath = optarg;
            break;
        case 'L':
            lenient = 1;
            break;
        default:
            return kg_cli_bad_option("extract", c, argv, opts);
        }
    }
    if (optind >= argc)
        return kg_cli_usage("extract", "no FILE to extract");
    run r;
    memset(&r, 0, sizeof r);
    if (date && kg_dct_parse(date, &r.dct) < 0)
        return kg_cli_usage("extract", "--date wants YYYY, YYYY-MM or YYYY-MM-DD, not '%s'", date);
    size_t n = (size_t)(argc - optind);
    int to_dir = 0;
    /* no -o: into the project's facts folder (outside a project, and with
     * '-o -', standard output) */
    kg_buf project_out = KG_BUF_INIT;
    const kg_project *proj;
    if ((c = kg_cli_project(&proj)) != 0)
        return c;
    if (!out && proj) {
        kg_buf_printf(&project_out, "%s/", proj->facts);
        out = project_out.ptr;
    } else if (out && strcmp(out, "-") == 0) {
        out = NULL;
    }
    if (out) {
        size_t ol = strlen(out);
        to_dir = is_dir(out) || (ol && out[ol - 1] == '/') || n > 1;
        if (to_dir && !is_dir(out) && mkdir(out, 0777) != 0 && errno != EEXIST) {
            kg_cli_error("extract: %s: %s", out, strerror(errno));
            kg_buf_free(&project_out);
            return KG_EXIT_IO;
        }
    } else if (n > 1 && jobs > 1) {
        /* stdout keeps the order of the files */
    }

    kg_buf lp = KG_BUF_INIT;
    kg_lexicon *lx = NULL;
    kg_evlex *ev = NULL;
    kg_corpus lexicon = KG_CORPUS_INIT;
    int rc = 0;
    if (lexpath) {
        kg_buf_puts(&lp, lexpath);
    } else {
        /* the project's lexicons first, then the bundled ones */
        kg_buf_printf(&lp, "%s/lexicon", kg_cli_data_dir());
        kg_diag ld = KG_DIAG_INIT;
        lexicon.drop_trees = 1;
        rc = kg_cli_lexicons(&lexicon, &ld, lp.ptr);
        kg_cli_print_diag(&ld, 0);
        kg_diag_free(&ld);
    }
    if (!rc)
        rc = load_lexicons(lp.ptr, lexpath != NULL, &lexicon, &lx, &ev);
    kg_buf_free(&lp);
    if (rc) {
        kg_lexicon_free(lx);
        kg_evlex_free(ev);
        kg_corpus_free(&lexicon);
        kg_buf_free(&project_out);
        return rc;
    }
    r.lexicon = &lexicon;

    r.lx = lx;
    r.ev = ev;
    r.force = force;
    r.text_flags = lenient ? KG_TEXT_LENIENT : 0;
    r.n = n;
    r.jobs = kg_xcalloc(n, sizeof *r.jobs);
    for (size_t i = 0; i < n; i++) {
        job *j = &r.jobs[i];
        j->in = argv[optind + (int)i];
        j->out = !out ? NULL : to_dir ? out_name(out, j->in) : kg_xstrdup(out);
        kg_buf_init(&j->yaml);
        kg_diag_init(&j->d);
        struct stat st;
        if (stat(j->in, &st) == 0)
            r.total_bytes += (size_t)st.st_size;
    }
    r.progress = n > 1 && isatty(2);
    pthread_mutex_init(&r.mu, NULL);
    if ((size_t)jobs > n)
        jobs = (int)n;
    pthread_t *th = kg_xcalloc((size_t)jobs, sizeof *th);
    int started = 0;
    for (int i = 1; i < jobs; i++)
        if (pthread_create(&th[i], NULL, worker, &r) == 0)
            started++;
    worker(&r);
    for (int i = 1; i <= started; i++)
        pthread_join(th[i], NULL);
    free(th);
    pthread_mutex_destroy(&r.mu);

    rc = 0;
    for (size_t i = 0; i < n; i++) {
        job *j = &r.jobs[i];
        if (j->d.n)
            kg_cli_print_diag(&j->d, 0);
        if (!j->out && j->yaml.len) {
            if (n > 1 && i > 0)
                fputs("---\n", stdout);
            fwrite(j->yaml.ptr, 1, j->yaml.len, stdout);
        }
        if (j->rc > rc)
            rc = j->rc;
        kg_buf_free(&j->yaml);
        kg_diag_free(&j->d);
        free(j->out);
    }
    if (fflush(stdout) != 0) {
        kg_cli_error("extract: standard output: %s", strerror(errno));
        rc = KG_EXIT_IO;
    }
    free(r.jobs);
    kg_lexicon_free(lx);
    kg_evlex_free(ev);
    kg_corpus_free(&lexicon);
    kg_buf_free(&project_out);
    return rc;
}
