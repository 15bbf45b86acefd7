/* cmd_query.c - 'kg query': run read-only SQL on the store and print the
 * rows as an aligned table or as JSON. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "kg/esc.h"
#include "kg/store.h"

const char kg_help_query[] =
    "usage: kg query [--db FILE] [--json|--csv] [--limit N] SQL\n"
    "\n"
    "Runs SQL on the store that 'kg build' wrote and prints what it returns:\n"
    "an aligned table (columns sized by display width, so Hangul lines up;\n"
    "numbers right-aligned; NULL is an empty cell; line breaks shown as \\n),\n"
    "JSON or CSV. The store is opened read-only and every statement must be\n"
    "read-only: INSERT, UPDATE, DELETE, CREATE, DROP, ATTACH, load_extension\n"
    "and the like are refused before anything runs. Several statements\n"
    "separated by ';' run in order. SQL '-' is read from standard input.\n"
    "\n"
    "Rows are printed as they come: a table is aligned on its first rows (up\n"
    "to 1000, or what came in half a second), later rows keep those widths.\n"
    "Ctrl-C stops a long query: the rows read so far are printed, then\n"
    "\"interrupted\", exit status 3.\n"
    "\n"
    "  --db FILE  the store to read (default: the project's OUT/kg.sqlite,\n"
    "             outside a project out/kg.sqlite)\n"
    "  --json     print each statement's rows as a JSON array of objects\n"
    "             (keys are the column names; a repeated name gets _2, _3)\n"
    "  --csv      print each statement's rows as CSV (RFC 4180: a header\n"
    "             record, fields quoted where needed, CRLF; statements\n"
    "             separated by an empty line; a field a spreadsheet would\n"
    "             run as a formula gets a ' in front)\n"
    "  --limit N  print at most N rows of each statement (a note says when\n"
    "             there were more)\n"
    "\n"
    "The tables are described in the README. Full-text search:\n"
    "  kg query \"SELECT kind, ref, text FROM search WHERE search MATCH '반도체*'\"\n"
    "\n"
    "exit status: 0 ok, 2 usage (bad SQL, or SQL that would write),\n"
    "3 the store cannot be read, output cannot be written, or interrupted.\n";

static char *read_stdin(void)
{
    kg_buf b = KG_BUF_INIT;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
        kg_buf_add(&b, chunk, n);
    return kg_buf_detach(&b, NULL);
}

/* Ctrl-C: stop the running statement (sqlite3_interrupt is safe to call
 * from a signal handler) and tell the loop. A second Ctrl-C a second or
 * more after the first kills as usual; one that comes at once is the same
 * interrupt delivered twice (timeout(1) signals both the child and its
 * process group), not a user asking harder. clock_gettime is
 * async-signal-safe. */
static sqlite3 *volatile running_db;
static volatile sig_atomic_t interrupted;
static struct timespec first_int;

static void on_sigint(int sig)
{
    if (interrupted) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec - first_int.tv_sec >= 2 ||
            (now.tv_sec - first_int.tv_sec == 1 && now.tv_nsec >= first_int.tv_nsec)) {
            signal(sig, SIG_DFL);
            raise(sig);
        }
        return;
    }
    clock_gettime(CLOCK_MONOTONIC, &first_int);
    interrupted = 1;
    if (running_db)
        sqlite3_interrupt(running_db);
}

/* Writes data escaped (kg_esc_write, KG_ESC_LINES); with crlf, a CR
 * right before a LF (a CSV record's end) is written as it is. */
static int write_escaped(const char *data, size_t len, int crlf)
{
    size_t start = 0;
    for (size_t i = 0; crlf && i + 1 < len; i++) {
        if (data[i] == '\r' && data[i + 1] == '\n') {
            if (kg_esc_write(stdout, data + start, i - start, KG_ESC_LINES) != 0 ||
                fputc('\r', stdout) == EOF)
                return -1;
            start = i + 1;
        }
    }
    return kg_esc_write(stdout, data + start, len - start, KG_ESC_LINES);
}

static int stdout_sink(void *ctx, const char *data, size_t len)
{
    int crlf = ctx != NULL;
    errno = 0;
    /* rows are whole lines kg laid out: newlines and tabs stay (and a
     * CSV record's CRLF), every other control character a stored value
     * holds is shown escaped */
    if (data ? write_escaped(data, len, crlf) != 0 : fflush(stdout) != 0) {
        if (!interrupted)
            kg_cli_error("cannot write to standard output: %s",
                         errno ? strerror(errno) : "write error");
        return -1;
    }
    return 0;
}

struct qargs {
    const char *sql;
    kg_query_format fmt;
    long long limit;
};

static int query(kg_store *s, void *arg, kg_buf *out, kg_diag *d)
{
    (void)out; /* rows go straight to standard output */
    const struct qargs *q = arg;
    kg_query_opts o = { q->fmt, q->limit, stdout_sink,
                        q->fmt == KG_QUERY_CSV ? (void *)q : NULL, &interrupted };
    running_db = kg_store_db(s);
    if (interrupted) /* Ctrl-C while the store was opening */
        sqlite3_interrupt(running_db);
    int rc = kg_store_query_run(s, q->sql, &o, d);
    running_db = NULL;
    clearerr(stdout);
    return rc;
}

enum { OPT_DB = 1000, OPT_JSON, OPT_LIMIT, OPT_CSV };

static int query_main(int argc, char **argv);

/* The Ctrl-C handler is in place for the whole command, so that an
 * interrupt at any moment (also while the store opens) ends it cleanly
 * with 'interrupted' and exit status 3. */
int kg_cmd_query(int argc, char **argv)
{
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a blocked write returns */
    sigaction(SIGINT, &sa, &old);
    int rc = query_main(argc, argv);
    sigaction(SIGINT, &old, NULL);
    return rc;
}

static int query_main(int argc, char **argv)
{
    static const struct option opts[] = { { "db", required_argument, NULL, OPT_DB },
                                           { "json", no_argument, NULL, OPT_JSON },
                                           { "csv", no_argument, NULL, OPT_CSV },
                                           { "limit", required_argument, NULL, OPT_LIMIT },
                                           { NULL, 0, NULL, 0 } };
    const kg_project *p;
    int json = 0, csv = 0, c;
    long long limit = 0;
    if ((c = kg_cli_project(&p)) != 0)
        return c;
    const char *db = kg_cli_out_path("kg.sqlite");
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        char *end;
        switch (c) {
        case OPT_DB: db = optarg; break;
        case OPT_JSON: json = 1; break;
        case OPT_CSV: csv = 1; break;
        case OPT_LIMIT:
            errno = 0;
            limit = strtoll(optarg, &end, 10);
            if (end == optarg || *end || errno || limit < 1)
                return kg_cli_usage("query", "--limit wants a number of rows (1 or more), not '%s'",
                                    optarg);
            break;
        default:
            return kg_cli_bad_option("query", c, argv, opts);
        }
    }
    if (json && csv)
        return kg_cli_usage("query", "--json or --csv, not both");
    kg_query_format fmt = json ? KG_QUERY_JSON : csv ? KG_QUERY_CSV : KG_QUERY_TABLE;
    if (optind >= argc)
        return kg_cli_usage("query", "no SQL given");
    if (optind + 1 < argc)
        return kg_cli_usage("query", "give the SQL as one argument (quote it)");

    char *sql = strcmp(argv[optind], "-") == 0 ? read_stdin() : kg_xstrdup(argv[optind]);
    struct qargs q = { sql, fmt, limit };
    int rc = kg_cli_store_run(db, query, &q);
    free(sql);
    return rc;
}
