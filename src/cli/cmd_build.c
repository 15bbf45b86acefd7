/* cmd_build.c - 'kg build': check the facts and load them into the SQLite
 * store (incrementally, in one transaction). */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "kg/check.h"
#include "kg/factio.h"
#include "kg/layout.h"
#include "kg/store.h"

const char kg_help_build[] =
    "usage: kg build [PATH...] [--db FILE] [--force-rebuild] [--show-source] [-q]\n"
    "\n"
    "Loads every facts and lexicon file in PATH (a file, or a folder searched\n"
    "for *.yaml; default: the project's facts and lexicons, see 'kg help\n"
    "init') into an SQLite store that 'kg query', 'kg show', 'kg path' and\n"
    "any SQLite tool can read. The facts are checked first, as 'kg check'\n"
    "does: when it finds errors, they are printed and the store is not\n"
    "touched.\n"
    "\n"
    "When no file has changed since the last build (the same facts files\n"
    "and source texts, by path, size, modification time and inode), the\n"
    "store is up to date and nothing is read or checked: the summary says\n"
    "\"up to date, no file read\" (warnings of the last build are not\n"
    "repeated; 'kg check' prints them).\n"
    "\n"
    "Otherwise the build is incremental: a file whose bytes (and whose source text)\n"
    "have not changed since the last build is not loaded again, and the\n"
    "facts of a file that is no longer among the PATHs are removed. So the\n"
    "store always holds exactly the facts of the PATHs given. Actors with\n"
    "the same id are one row whatever file defined them (names and aliases\n"
    "merged); events linked by same-as share one cluster id. Everything\n"
    "happens in one transaction: an interrupted build leaves the previous\n"
    "store as it was. A store made by an older kg is rebuilt (a note says\n"
    "so); a file that is not a kg store is never overwritten. A new store is\n"
    "built under a temporary name and put in place only when complete. The\n"
    "store must be a regular file (not a device or FIFO).\n"
    "\n"
    "  --db FILE        the store to write (default OUT/kg.sqlite, OUT the\n"
    "                   project's output folder; outside a project out/); its folder\n"
    "                   is created when missing\n"
    "  --force-rebuild  drop every table and load every file again; a store\n"
    "                   SQLite finds damaged (\"malformed\") is moved aside to\n"
    "                   FILE.damaged and a new one built\n"
    "  --show-source    with findings, print the offending line and a caret\n"
    "                   (the default when stderr is a terminal)\n"
    "  -q, --quiet      print nothing but problems (no summary line)\n"
    "\n"
    "exit status: 0 built, 1 the facts have errors (store unchanged), 2 usage,\n"
    "3 a file or the store could not be read or written.\n";

/* Creates the folders leading to path's last component (mkdir -p). */
static int make_parent(const char *path)
{
    if (kg_mkdirs(path, 1) == 0)
        return 0;
    kg_cli_error("%s: cannot create its folder: %s", path, strerror(errno));
    return -1;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The command line of kg build. */
typedef struct build_args {
    const char *db;
    int quiet, show;
} build_args;

/* The options into *a and *bo; 0, or the exit status of a usage error. */
static int parse_build_args(int argc, char **argv, build_args *a, kg_build_opts *bo)
{
    static const struct option opts[] = { { "db", required_argument, NULL, 'd' },
                                           { "force-rebuild", no_argument, NULL, 'f' },
                                           { "show-source", no_argument, NULL, 's' },
                                           { "quiet", no_argument, NULL, 'q' },
                                           { NULL, 0, NULL, 0 } };
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":q", opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            a->db = optarg;
            break;
        case 'f':
            bo->force_rebuild = 1;
            break;
        case 's':
            a->show = 1;
            break;
        case 'q':
            a->quiet = 1;
            break;
        default:
            return kg_cli_bad_option("build", c, argv, opts);
        }
    }
    if (a->db && !*a->db)
        return kg_cli_usage("build", "--db needs a file name");
    return 0;
}

/* The store at db opened (*s) and the corpus built into it; an exit
 * status. --force-rebuild of a store SQLite finds damaged: moved aside to
 * DB.damaged (never deleted), and a new one built. */
static int build_store(const char *db, const kg_corpus *corpus, const kg_build_opts *bo,
                       kg_build_stats *st, kg_diag *d, kg_store **s)
{
    if (make_parent(db) != 0)
        return KG_EXIT_IO;
    if (bo->force_rebuild && kg_store_set_aside_damaged(db, d) < 0)
        return KG_EXIT_IO;
    if (kg_store_open(s, db, 0, d) != 0)
        return KG_EXIT_IO;
    switch (kg_store_build(*s, corpus, bo, st, d)) {
    case KG_STORE_OK:
        return KG_EXIT_OK;
    case KG_STORE_REFUSED:
        return KG_EXIT_FINDINGS;
    default:
        return KG_EXIT_IO;
    }
}

/* The one line that says what was built. */
static void print_summary(const char *db, const char *note, const kg_build_stats *st, double t0)
{
    printf("%s: %s%zu file%s (%zu loaded, %zu unchanged, %zu removed): %zu actors, %zu events "
           "(%zu after same-as), %zu figures, %zu relations in %.2f s\n",
           db, note, st->files, st->files == 1 ? "" : "s", st->loaded, st->unchanged, st->removed,
           st->actors, st->events, st->clusters, st->figures, st->relations, now_s() - t0);
}

/* ---- "nothing changed", known without reading a file ----
 *
 * The fingerprint of a build's inputs: kg's version and schema, the
 * store's base folder, the PATHs, and for each facts file they name (in
 * the order the build reads them) and each source text those files point
 * to: its path, size, modification time (ns) and inode. Stored with every
 * build; when the next build finds the same fingerprint, no input can
 * have changed (short of a file rewritten at the same size within the
 * same nanosecond, which editors and git do not do), so the store is up
 * to date and nothing is read or checked. Warnings of the last build are
 * not printed again then: `kg check` prints them. */

static void stat_line(kg_buf *b, const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0)
        kg_buf_printf(b, "%s\t%lld\t%lld.%09ld\t%llu\n", path, (long long)st.st_size,
                      (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec, (unsigned long long)st.st_ino);
    else
        kg_buf_printf(b, "%s\t-\n", path);
}

/* The facts files' part, into b. -1 when a PATH cannot be listed (the
 * build then reports it). */
static int facts_part(char *const *paths, int n, const char *base, kg_buf *b)
{
    kg_buf_printf(b, "kg %s schema %d base %s\n", KG_VERSION, KG_STORE_SCHEMA_VERSION, base ? base : "");
    for (int i = 0; i < n; i++) {
        kg_strv fv = { NULL, 0, 0 };
        if (kg_yaml_files(paths[i], &fv) < 0) {
            kg_strv_free(&fv);
            return -1;
        }
        kg_buf_printf(b, "path %s\n", paths[i]);
        for (size_t k = 0; k < fv.n; k++)
            stat_line(b, fv.v[k]);
        kg_strv_free(&fv);
    }
    return 0;
}

/* The fingerprint (hex) of the facts part and the sources, one a line. */
static void fingerprint(const kg_buf *facts, const char *sources, char out[65])
{
    kg_buf all = KG_BUF_INIT;
    kg_buf_add(&all, facts->ptr, facts->len);
    kg_buf_puts(&all, "sources\n");
    for (const char *p = sources; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char *one = kg_xstrndup(p, n);
        stat_line(&all, one);
        free(one);
        p += n + (nl ? 1 : 0);
    }
    kg_sha256_hex(all.ptr, all.len, out);
    kg_buf_free(&all);
}

/* 1 when the store at db was built from exactly these inputs (the summary
 * printed unless quiet), else 0 (the build goes on and says why not). */
static int up_to_date(const char *db, const kg_buf *facts, int quiet, double t0)
{
    struct stat st;
    if (stat(db, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    kg_store *s = NULL;
    kg_diag d = KG_DIAG_INIT;
    int same = 0;
    if (kg_store_open(&s, db, KG_STORE_READONLY, &d) == 0) {
        char *fp = kg_store_meta(s, "input_fingerprint"), *src = kg_store_meta(s, "input_sources");
        char now[65];
        if (fp && src) {
            fingerprint(facts, src, now);
            same = strcmp(fp, now) == 0;
        }
        if (same && !quiet) {
            kg_build_stats bs;
            kg_store_counts(s, &bs);
            bs.unchanged = bs.files; /* (documents: the grammar files listed are none) */
            print_summary(db, "up to date, no file read: ", &bs, t0);
        }
        free(fp);
        free(src);
        kg_store_close(s);
    }
    kg_diag_free(&d);
    return same;
}

/* The source texts of the corpus's documents, one a line (those kg reads:
 * inside the project's articles). */
static char *sources_of(const kg_corpus *c)
{
    kg_buf b = KG_BUF_INIT;
    for (size_t i = 0; i < c->n; i++) {
        char *p = kg_source_path(c, c->docs[i]);
        if (p && !strchr(p, '\n'))
            kg_buf_printf(&b, "%s\n", p);
        free(p);
    }
    return kg_buf_detach(&b, NULL);
}

int kg_cmd_build(int argc, char **argv)
{
    build_args a = { NULL, 0, 0 };
    kg_build_opts bo = { 0, NULL, NULL, NULL, NULL, NULL };
    int c;
    if ((c = parse_build_args(argc, argv, &a, &bo)) != 0)
        return c;
    const kg_project *proj;
    if ((c = kg_cli_project(&proj)) != 0)
        return c;
    const char *db = a.db ? a.db : kg_cli_out_path("kg.sqlite");
    char base[PATH_MAX];
    if (proj && realpath(proj->root, base))
        bo.base = base; /* the same keys from every folder of the project */

    double t0 = now_s();
    /* the inputs' fingerprint, taken before anything is read: a file
     * changed while the build reads it then differs next time */
    kg_buf facts = KG_BUF_INIT;
    kg_strv dflt = { NULL, 0, 0 };
    char *const *paths = argv + optind;
    int npaths = argc - optind, have_fp = 0;
    if (npaths > 0 || (proj && kg_cli_default_paths(kg_cli_command, &dflt) == 0)) {
        if (npaths <= 0)
            paths = dflt.v, npaths = (int)dflt.n;
        have_fp = facts_part(paths, npaths, bo.base, &facts) == 0;
    }
    kg_strv_free(&dflt);
    if (have_fp && !bo.force_rebuild && up_to_date(db, &facts, a.quiet, t0)) {
        kg_buf_free(&facts);
        return KG_EXIT_OK;
    }

    kg_corpus corpus = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT;
    kg_store *s = NULL;
    kg_build_stats st;
    char fp[65], *sources = NULL;
    int rc = kg_cli_load(&corpus, &d, argc, argv, optind);
    if (rc && rc != KG_EXIT_IO) { /* no project, or a broken kg.yaml (reported) */
        kg_buf_free(&facts);
        kg_diag_free(&d);
        kg_corpus_free(&corpus);
        return rc;
    }
    if (rc == KG_EXIT_OK && d.errors)
        rc = KG_EXIT_FINDINGS;
    if (rc == KG_EXIT_OK && have_fp) {
        sources = sources_of(&corpus);
        fingerprint(&facts, sources, fp);
        bo.fingerprint = fp;
        bo.fingerprint_sources = sources;
    }
    kg_buf_free(&facts);
    if (rc == KG_EXIT_OK)
        rc = build_store(db, &corpus, &bo, &st, &d, &s);
    free(sources);
    if (rc != KG_EXIT_OK)
        goto done;
    /* a new store is renamed into place only now, complete */
    int fin = kg_store_finish(s, &d);
    s = NULL;
    kg_diag_sort(&d);
    kg_cli_print_diag(&d, a.show);
    if (fin != 0)
        rc = KG_EXIT_IO;
    else if (!a.quiet)
        print_summary(db, "", &st, t0);
    kg_diag_free(&d);
    kg_corpus_free(&corpus);
    return rc;
done:
    kg_diag_sort(&d);
    kg_cli_print_diag(&d, a.show);
    if (rc == KG_EXIT_FINDINGS)
        kg_cli_error("build: %zu error%s; %s was not changed", d.errors, d.errors == 1 ? "" : "s",
                     db);
    kg_store_close(s);
    kg_diag_free(&d);
    kg_corpus_free(&corpus);
    return rc;
}
