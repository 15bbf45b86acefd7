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
    "The build is incremental: a file whose bytes (and whose source text)\n"
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
static void print_summary(const char *db, const kg_build_stats *st, double t0)
{
    printf("%s: %zu file%s (%zu loaded, %zu unchanged, %zu removed): %zu actors, %zu events "
           "(%zu after same-as), %zu figures, %zu relations in %.2f s\n",
           db, st->files, st->files == 1 ? "" : "s", st->loaded, st->unchanged, st->removed,
           st->actors, st->events, st->clusters, st->figures, st->relations, now_s() - t0);
}

int kg_cmd_build(int argc, char **argv)
{
    build_args a = { NULL, 0, 0 };
    kg_build_opts bo = { 0, NULL, NULL };
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
    kg_corpus corpus = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT;
    kg_store *s = NULL;
    kg_build_stats st;
    int rc = kg_cli_load(&corpus, &d, argc, argv, optind);
    if (rc && rc != KG_EXIT_IO) { /* no project, or a broken kg.yaml (reported) */
        kg_diag_free(&d);
        kg_corpus_free(&corpus);
        return rc;
    }
    if (rc == KG_EXIT_OK && d.errors)
        rc = KG_EXIT_FINDINGS;
    if (rc == KG_EXIT_OK)
        rc = build_store(db, &corpus, &bo, &st, &d, &s);
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
        print_summary(db, &st, t0);
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
