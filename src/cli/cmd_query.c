/* cmd_query.c - 'kg query': run read-only SQL on the store and print the
 * rows as an aligned table or as JSON. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kg/store.h"

const char kg_help_query[] =
    "usage: kg query [--db FILE] [--json] SQL\n"
    "\n"
    "Runs SQL on the store that 'kg build' wrote and prints what it returns:\n"
    "an aligned table (columns sized by display width, so Hangul lines up;\n"
    "numbers right-aligned; NULL is an empty cell; line breaks shown as \\n),\n"
    "or JSON. The store is opened read-only and every statement must be\n"
    "read-only: INSERT, UPDATE, DELETE, CREATE, DROP, ATTACH and the like are\n"
    "refused before anything runs. Several statements separated by ';' run\n"
    "in order. SQL '-' is read from standard input.\n"
    "\n"
    "  --db FILE  the store to read (default: the project's OUT/kg.sqlite,\n"
    "             outside a project out/kg.sqlite)\n"
    "  --json     print each statement's rows as a JSON array of objects\n"
    "             (keys are the column names; a repeated name gets _2, _3)\n"
    "\n"
    "The tables are described in the README. Full-text search:\n"
    "  kg query \"SELECT kind, ref, text FROM search WHERE search MATCH '반도체*'\"\n"
    "\n"
    "exit status: 0 ok, 2 usage (bad SQL, or SQL that would write),\n"
    "3 the store cannot be read.\n";

static char *read_stdin(void)
{
    kg_buf b = KG_BUF_INIT;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
        kg_buf_add(&b, chunk, n);
    return kg_buf_detach(&b, NULL);
}

struct qargs {
    const char *sql;
    kg_query_format fmt;
};

static int query(kg_store *s, void *arg, kg_buf *out, kg_diag *d)
{
    const struct qargs *q = arg;
    return kg_store_query(s, q->sql, q->fmt, out, d);
}

int kg_cmd_query(int argc, char **argv)
{
    const char *db;
    int json = 0;
    int usage = kg_cli_store_opts("query", argc, argv, &db, &json);
    if (usage >= 0)
        return usage;
    kg_query_format fmt = json ? KG_QUERY_JSON : KG_QUERY_TABLE;
    if (optind >= argc)
        return kg_cli_usage("query", "no SQL given");
    if (optind + 1 < argc)
        return kg_cli_usage("query", "give the SQL as one argument (quote it)");

    char *sql = strcmp(argv[optind], "-") == 0 ? read_stdin() : kg_xstrdup(argv[optind]);
    struct qargs q = { sql, fmt };
    int rc = kg_cli_store_run(db, query, &q);
    free(sql);
    return rc;
}
