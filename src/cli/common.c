/* common.c - what every kg command shares: messages and their escaping,
 * usage errors, diagnostics, the data folder and its grammar, loading
 * facts, running a store query, walking FILE arguments, printing a diff.
 * main.c dispatches to the commands; the commands call this file. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "cli.h"
#include "kg/esc.h"
#include "kg/suggest.h"
#include "kg/layout.h"
#include "kg/diff.h"
#include "korean/grammar.h"

#ifndef KG_DATADIR
#define KG_DATADIR "/usr/local/share/kg"
#endif






/* The data folder (the bundled lexicons): $KG_DATA; else yaml/ in the
 * current folder (a checkout); else yaml/ beside the kg binary, or
 * ../share/kg from it (a checkout or an install run from elsewhere); else
 * the folder `make install` fills. */
const char *kg_cli_data_dir(void)
{
    static char found[4096];
    const char *env = getenv("KG_DATA");
    struct stat st;
    if (env && *env)
        return env;
    if (stat("yaml", &st) == 0 && S_ISDIR(st.st_mode))
        return "yaml";
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            static const char *const rel[] = { "yaml", "../share/kg" };
            for (size_t k = 0; k < sizeof rel / sizeof *rel; k++) {
                int w = snprintf(found, sizeof found, "%s/%s", exe, rel[k]);
                if (w > 0 && (size_t)w < sizeof found && stat(found, &st) == 0 && S_ISDIR(st.st_mode))
                    return found;
            }
        }
    }
    return KG_DATADIR;
}

int kg_cli_grammar(void)
{
    kg_buf dir = KG_BUF_INIT;
    kg_diag d = KG_DIAG_INIT;
    kg_buf_printf(&dir, "%s/grammar", kg_cli_data_dir());
    size_t errors = kg_grammar_use_dir(dir.ptr, &d);
    kg_diag_sort(&d);
    kg_cli_print_diag(&d, 0);
    if (errors)
        kg_cli_error("the grammar in %s has errors (above); fix them, or set KG_DATA to another data folder",
                     dir.ptr);
    kg_diag_free(&d);
    kg_buf_free(&dir);
    return errors ? KG_EXIT_IO : 0;
}

int kg_cli_load(kg_corpus *c, kg_diag *d, int argc, char **argv, int first)
{
    return kg_cli_each(c, d, argc, argv, first, NULL, NULL);
}

int kg_cli_each(kg_corpus *c, kg_diag *d, int argc, char **argv, int first, kg_facts_each_fn each,
                void *ctx)
{
    kg_strv dflt = { NULL, 0, 0 };
    char **paths = argv + first;
    int n = argc - first, rc;
    if (n <= 0) {
        if ((rc = kg_cli_default_paths(kg_cli_command, &dflt)) != 0)
            return rc;
        paths = dflt.v;
        n = (int)dflt.n;
    }
    rc = kg_cli_source_roots(c, paths, n);
    for (int i = 0; rc == 0 && i < n; i++)
        if (kg_facts_each_path(c, paths[i], d, each, ctx) < 0)
            rc = KG_EXIT_IO;
    kg_strv_free(&dflt);
    return rc;
}

/* kg check of one document as it is read (it is freed after). */
typedef struct check_each {
    kg_xcheck *x;
    kg_diag *d;
} check_each;

static void check_one(void *ctx, const kg_corpus *c, const kg_doc *doc)
{
    check_each *ce = ctx;
    kg_xcheck_add(ce->x, c, doc, ce->d);
}

int kg_cli_check(int argc, char **argv, int first, int show, kg_cli_check_stats *st)
{
    kg_corpus corpus = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT;
    memset(st, 0, sizeof *st);
    /* one file at a time: the documents are not held, only what the
     * checks across them need */
    check_each ce = { kg_xcheck_new(), &d };
    int io = kg_cli_each(&corpus, &d, argc, argv, first, check_one, &ce);
    if (io && io != KG_EXIT_IO) { /* no project, or a broken kg.yaml (reported) */
        kg_xcheck_free(ce.x);
        kg_diag_free(&d);
        kg_corpus_free(&corpus);
        return io;
    }
    kg_xcheck_end(ce.x, &d);
    kg_xcheck_free(ce.x);
    for (size_t i = 0; i < corpus.grammar_files.n; i++)
        kg_grammar_check_file(corpus.grammar_files.v[i], &d);
    kg_diag_sort(&d);
    kg_cli_print_diag(&d, show);
    st->checked = 1;
    st->errors = d.errors;
    st->warnings = d.warnings;
    st->files = corpus.files_read;
    st->unread = corpus.paths_unread;
    int rc = io ? KG_EXIT_IO : d.errors ? KG_EXIT_FINDINGS : KG_EXIT_OK;
    kg_diag_free(&d);
    kg_corpus_free(&corpus);
    return rc;
}

int kg_cli_store_opts(const char *cmd, int argc, char **argv, const char **db, int *json)
{
    static const struct option opts[] = { { "db", required_argument, NULL, 'd' },
                                           { "json", no_argument, NULL, 'j' },
                                           { NULL, 0, NULL, 0 } };
    int c;
    const kg_project *p;
    if ((c = kg_cli_project(&p)) != 0)
        return c;
    *db = kg_cli_out_path("kg.sqlite");
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        if (c == 'd')
            *db = optarg;
        else if (c == 'j' && json)
            *json = 1;
        else
            return kg_cli_bad_option(cmd, c, argv, opts);
    }
    return -1;
}

int kg_cli_store_run(const char *db, kg_cli_store_fn fn, void *arg)
{
    kg_diag d = KG_DIAG_INIT;
    kg_buf out = KG_BUF_INIT;
    kg_store *s = NULL;
    int rc = KG_EXIT_IO;
    if (kg_store_open(&s, db, KG_STORE_READONLY, &d) == 0) {
        switch (fn(s, arg, &out, &d)) {
        case KG_STORE_OK: rc = KG_EXIT_OK; break;
        case KG_STORE_REFUSED: rc = KG_EXIT_FINDINGS; break;
        case KG_STORE_USAGE: rc = KG_EXIT_USAGE; break;
        default: rc = KG_EXIT_IO;
        }
    }
    /* (checked when the command ends); the values in it are escaped
     * already, this catches what a command left raw (kg/esc.h) */
    kg_esc_write(stdout, out.ptr, out.len, KG_ESC_LINES);
    kg_cli_print_diag(&d, 0);
    kg_store_close(s);
    kg_buf_free(&out);
    kg_diag_free(&d);
    return rc;
}

int kg_cli_each_file(const char *cmd, int argc, char **argv, int first, kg_cli_file_fn fn,
                     void *arg, kg_diag *d)
{
    kg_strv paths = { NULL, 0, 0 };
    if (first >= argc) {
        int r = kg_cli_default_paths(cmd, &paths); /* the project's facts (and lexicons) */
        if (r) {
            kg_strv_free(&paths);
            return r;
        }
    } else {
        for (int i = first; i < argc; i++)
            kg_strv_push(&paths, argv[i]);
    }
    int rc = KG_EXIT_OK;
    for (size_t i = 0; i < paths.n; i++) {
        kg_strv files = { NULL, 0, 0 };
        int r = KG_EXIT_OK;
        if (kg_yaml_files(paths.v[i], &files) < 0) {
            kg_diag_error(d, paths.v[i], 0, 0, "cannot read: %s", strerror(errno));
            r = KG_EXIT_IO;
        } else if (!files.n) {
            kg_cli_error("warning: %s: %s: no *.yaml file below it", cmd, paths.v[i]);
        }
        for (size_t k = 0; k < files.n; k++) {
            int rk = fn(files.v[k], strcmp(files.v[k], paths.v[i]) == 0, arg, d);
            if (rk > r)
                r = rk;
        }
        kg_strv_free(&files);
        if (r > rc)
            rc = r;
    }
    kg_strv_free(&paths);
    return rc;
}

